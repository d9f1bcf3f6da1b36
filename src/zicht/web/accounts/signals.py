"""Logins, failed logins and lockouts into the audit log (spec/web.md, "Audit")."""

from __future__ import annotations

from axes.signals import user_locked_out
from django.contrib.auth.models import User
from django.contrib.auth.signals import user_logged_in, user_login_failed
from django.dispatch import receiver


def audit(*args, **kwargs):
    from zicht.services.audit import audit as record  # lazily: this module loads while Django sets up

    record(*args, **kwargs)


def _web_actor(name: str):
    from zicht.access import Actor

    return Actor(name=name, role=None, via="web")


def _known(username: str | None) -> str:
    """The user name when it is an account's; otherwise a neutral word (a password typed into the name
    field must not end up in the log)."""
    if username and User.objects.filter(username=username).exists():
        return username
    return "onbekend account"


@receiver(user_logged_in)
def logged_in(sender, request, user, **kwargs):
    from zicht.services.accounts import actor_for_user

    audit(actor_for_user(user), "login", user.username)


@receiver(user_login_failed)
def login_failed(sender, credentials, request=None, **kwargs):
    name = _known(credentials.get("username"))
    audit(_web_actor(name), "login-failed", name)


@receiver(user_locked_out)
def locked_out(sender, request, username, ip_address, **kwargs):
    name = _known(username)
    audit(_web_actor(name), "lockout", name)
