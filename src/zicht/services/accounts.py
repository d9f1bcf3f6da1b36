"""Accounts and API tokens: creating, listing, disabling and resetting accounts; the actor an account or
a token stands for.

Every account belongs to one organisation and has one role (spec/web.md): `analyst` (the region's own
organisation), `partner` (a partner of the region configuration) or `gemeente` (one of its
municipalities). The role's capabilities are the permissions of the Django group of that name.
"""

from __future__ import annotations

import hashlib
import secrets
from dataclasses import dataclass

from django.contrib.auth.models import Group, User
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from zicht import access
from zicht.access import Actor
from zicht.region import load_region
from zicht.services.audit import audit
from zicht.services.errors import NotFound, Refused
from zicht.storage.models import Account, ApiToken

TOKEN_PREFIX = "zt_"


@dataclass(frozen=True)
class AccountInfo:
    username: str
    role: str
    organisation: str
    partner: str
    gemeente: str
    is_active: bool
    has_second_factor: bool
    last_login: str | None
    created_at: str


def _organisation(role: str, partner: str | None, gemeente: str | None) -> str:
    region = load_region()
    if role == access.PARTNER and partner:
        found = region.find_partner(partner)
        return found.name if found else partner
    if role == access.GEMEENTE and gemeente:
        return f"Gemeente {gemeente}"
    return region.organisation


def _info(user: User) -> AccountInfo:
    from django_otp.plugins.otp_totp.models import TOTPDevice

    account = user.account
    return AccountInfo(
        username=user.username,
        role=account.role,
        organisation=_organisation(account.role, account.partner, account.gemeente),
        partner=account.partner,
        gemeente=account.gemeente,
        is_active=user.is_active,
        has_second_factor=TOTPDevice.objects.filter(user=user, confirmed=True).exists(),
        last_login=timezone.localtime(user.last_login).isoformat(timespec="minutes") if user.last_login else None,
        created_at=timezone.localtime(account.created_at).isoformat(timespec="minutes"),
    )


_ROLE_CAPABILITIES: dict[str, tuple[float, frozenset[str]]] = {}


def role_capabilities(role: str) -> frozenset[str]:
    """A role's capabilities: the permissions of its Django group (kept in step with `zicht.access` after
    every migration). Read at most once a minute per process: every request of an account needs them."""
    import time

    from django.contrib.auth.models import Permission

    now = time.monotonic()
    cached = _ROLE_CAPABILITIES.get(role)
    if cached is None or now - cached[0] > 60:
        codenames = Permission.objects.filter(group__name=role, content_type__app_label="storage")
        cached = (now, frozenset(codenames.values_list("codename", flat=True)))
        _ROLE_CAPABILITIES[role] = cached
    return cached[1]


def actor_for_user(user: User, via: str = "web") -> Actor:
    """The actor a logged-in account stands for: its role's capabilities and its organisation."""
    account = getattr(user, "account", None)
    if account is None or not user.is_active:
        return Actor.anonymous(via)
    capabilities = role_capabilities(account.role)
    return Actor(
        name=user.username,
        role=account.role,
        capabilities=capabilities,
        partner=account.partner or None,
        gemeente=account.gemeente or None,
        organisation=_organisation(account.role, account.partner, account.gemeente),
        via=via,
        user_id=user.pk,
    )


def _check_password(password: str, user: User | None = None) -> None:
    try:
        validate_password(password, user)
    except ValidationError as error:
        from django.utils import translation

        with translation.override("nl"):
            nl = " ".join(str(m) for m in ValidationError(error.error_list).messages)
        with translation.override("en"):
            en = " ".join(str(m) for m in ValidationError(error.error_list).messages)
        raise Refused(f"Wachtwoord geweigerd: {nl}", f"Password refused: {en}", status=400) from None


def add_user(
    actor: Actor,
    username: str,
    role: str,
    password: str,
    partner: str | None = None,
    gemeente: str | None = None,
) -> AccountInfo:
    """Create an account; its second factor is enrolled at the first login."""
    access.require(access.can_manage_accounts(actor))
    region = load_region()
    username = (username or "").strip()
    if role not in access.ROLES:
        raise Refused(
            f"Onbekende rol {role!r}: kies {', '.join(access.ROLES)}.",
            f"Unknown role {role!r}: choose {', '.join(access.ROLES)}.",
            status=400,
        )
    partner_code = gemeente_name = ""
    if role == access.PARTNER:
        found = region.find_partner(partner or "")
        if found is None:
            known = ", ".join(p.code for p in region.partners)
            raise Refused(
                f"Een partneraccount hoort bij een partner van de regio: geef --partner ({known}).",
                f"A partner account belongs to a partner of the region: give --partner ({known}).",
                status=400,
            )
        partner_code = found.code
    elif partner:
        raise Refused(
            "Alleen een partneraccount heeft een partner.", "Only a partner account has a partner.", status=400
        )
    if role == access.GEMEENTE:
        gemeente_name = region.find_municipality(gemeente or "") or ""
        if not gemeente_name:
            raise Refused(
                f"Een gemeenteaccount hoort bij een gemeente van de {region.name}: geef --gemeente (bijv. {region.central}).",
                f"A municipal account belongs to a municipality of {region.name}: give --gemeente (e.g. {region.central}).",
                status=400,
            )
    elif gemeente:
        raise Refused(
            "Alleen een gemeenteaccount heeft een gemeente.", "Only a municipal account has a municipality.", status=400
        )
    try:
        User.username_validator(username)
        if not username or len(username) > 150:
            raise ValidationError("length")
    except ValidationError:
        raise Refused(
            "Gebruikersnaam: 1-150 tekens, letters, cijfers en @.+-_.",
            "User name: 1-150 characters, letters, digits and @.+-_.",
            status=400,
        ) from None
    if User.objects.filter(username__iexact=username).exists():
        raise Refused(f"Het account {username} bestaat al.", f"The account {username} already exists.", status=409)
    _check_password(password, User(username=username))
    with transaction.atomic():
        user = User.objects.create_user(username=username, password=password)
        user.groups.add(Group.objects.get(name=role))
        Account.objects.create(
            user=user,
            role=role,
            partner=partner_code,
            gemeente=gemeente_name,
            created_at=timezone.now(),
            created_by=actor.name,
        )
        audit(
            actor, "account-add", username, {"account_role": role, "partner": partner_code, "gemeente": gemeente_name}
        )
    return _info(user)


def _user(username: str) -> User:
    user = User.objects.filter(username=username).select_related("account").first()
    if user is None or not hasattr(user, "account"):
        raise NotFound()
    return user


def list_users(actor: Actor) -> list[AccountInfo]:
    access.require(access.can_manage_accounts(actor))
    users = User.objects.filter(account__isnull=False).select_related("account").order_by("username")
    return [_info(u) for u in users]


def account(actor: Actor, username: str) -> AccountInfo:
    access.require(access.can_manage_accounts(actor))
    return _info(_user(username))


def set_active(actor: Actor, username: str, active: bool) -> AccountInfo:
    """Disable (or enable again) an account. A disabled account's sessions and tokens stop working."""
    from django.contrib.sessions.models import Session

    access.require(access.can_manage_accounts(actor))
    user = _user(username)
    if not active and user.username == actor.name:
        raise Refused("U kunt uw eigen account niet uitschakelen.", "You cannot disable your own account.", status=409)
    with transaction.atomic():
        user.is_active = active
        user.save(update_fields=["is_active"])
        if not active:
            _end_sessions(user, Session)
        audit(actor, "account-enable" if active else "account-disable", username)
    return _info(user)


def disable_user(actor: Actor, username: str) -> AccountInfo:
    return set_active(actor, username, False)


def reset_user(actor: Actor, username: str, password: str) -> AccountInfo:
    """A new password and a new second factor (enrolled at the next login); sessions end, lockout lifts."""
    from axes.utils import reset as reset_lockout
    from django.contrib.sessions.models import Session
    from django_otp.plugins.otp_totp.models import TOTPDevice

    access.require(access.can_manage_accounts(actor))
    user = _user(username)
    _check_password(password, user)
    with transaction.atomic():
        user.set_password(password)
        user.save(update_fields=["password"])
        TOTPDevice.objects.filter(user=user).delete()
        _end_sessions(user, Session)
        audit(actor, "account-reset", username)
    reset_lockout(username=username)
    return _info(user)


def change_own_password(actor: Actor, user: User, old: str, new: str) -> None:
    if not user.check_password(old):
        raise Refused("Het huidige wachtwoord klopt niet.", "The current password is wrong.", status=400)
    _check_password(new, user)
    user.set_password(new)
    user.save(update_fields=["password"])
    audit(actor, "password-change", user.username)


def _end_sessions(user: User, Session) -> None:
    """Delete the account's sessions (the session table is small: idle sessions expire in 30 minutes)."""
    for session in Session.objects.filter(expire_date__gte=timezone.now()):
        if str(session.get_decoded().get("_auth_user_id")) == str(user.pk):
            session.delete()


def generate_password() -> str:
    """A password to hand over once (the account holder changes it): 20 characters, no look-alikes."""
    alphabet = "abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789"
    return "-".join("".join(secrets.choice(alphabet) for _ in range(5)) for _ in range(4))


# -- API tokens ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class TokenInfo:
    id: int
    name: str
    prefix: str
    created_at: str
    last_used_at: str | None
    revoked_at: str | None

    @classmethod
    def of(cls, t: ApiToken) -> TokenInfo:
        def iso(moment):
            return timezone.localtime(moment).isoformat(timespec="minutes") if moment else None

        return cls(t.id, t.name, t.prefix, iso(t.created_at), iso(t.last_used_at), iso(t.revoked_at))


def _digest(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


def create_token(actor: Actor, name: str) -> tuple[TokenInfo, str]:
    """A new API token for the actor's own account: returned once, stored only as its hash."""
    access.require(access.can_manage_tokens(actor) and actor.user_id is not None)
    name = (name or "").strip()[:80]
    if not name:
        raise Refused(
            "Geef het token een naam (bijv. het systeem dat het gebruikt).",
            "Give the token a name (e.g. the system that uses it).",
            status=400,
        )
    token = TOKEN_PREFIX + secrets.token_urlsafe(32)
    with transaction.atomic():
        stored = ApiToken.objects.create(
            user_id=actor.user_id,
            name=name,
            prefix=token[:10],
            digest=_digest(token),
            created_at=timezone.now(),
        )
        audit(actor, "token-create", name, {"token": stored.prefix})
    return TokenInfo.of(stored), token


def tokens_for(actor: Actor) -> list[TokenInfo]:
    """The actor's own tokens (revoked ones too, so the list tells what happened)."""
    access.require(access.can_manage_tokens(actor) and actor.user_id is not None)
    return [TokenInfo.of(t) for t in ApiToken.objects.filter(user_id=actor.user_id)]


def revoke_token(actor: Actor, token_id: int) -> TokenInfo:
    access.require(access.can_manage_tokens(actor) and actor.user_id is not None)
    stored = ApiToken.objects.filter(pk=token_id, user_id=actor.user_id).first()
    if stored is None:
        raise NotFound()
    if stored.revoked_at is None:
        with transaction.atomic():
            stored.revoked_at = timezone.now()
            stored.save(update_fields=["revoked_at"])
            audit(actor, "token-revoke", stored.name, {"token": stored.prefix})
    return TokenInfo.of(stored)


def actor_for_token(token: str) -> Actor | None:
    """The actor of a valid, unrevoked token of an active account, or None. Records the use."""
    if not token or not token.startswith(TOKEN_PREFIX) or len(token) > 100:
        return None
    stored = ApiToken.objects.filter(digest=_digest(token), revoked_at__isnull=True).select_related("user").first()
    if stored is None or not stored.user.is_active:
        return None
    actor = actor_for_user(stored.user, via="api")
    if actor.is_anonymous or not access.can(actor, access.USE_API_TOKENS):
        return None
    now = timezone.now()
    if stored.last_used_at is None or (now - stored.last_used_at).total_seconds() >= 60:
        ApiToken.objects.filter(pk=stored.pk).update(last_used_at=now)
    return actor
