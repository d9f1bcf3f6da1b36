"""Who may see and do what: every access decision of zicht, in one module (spec/web.md).

Views, API endpoints, commands and use cases ask these functions; none tests a role or group name
itself. An `Actor` carries the capabilities of its role (the permissions of the Django group of that
name, kept by `ROLE_CAPABILITIES`) and its organisation; the functions below add the scoping to that
organisation, one condition per line.

Pure: no Django. `zicht.services` builds actors from accounts; `Actor.command_line` is the operator
at a terminal, who holds every capability (the command line has always been the region's own tool).
"""

from __future__ import annotations

import getpass
from dataclasses import dataclass, field

# Capabilities (Django permissions `storage.<name>` on zicht.storage.models.Account).
DELIVER = "deliver"
DELIVER_FOR_ANY_PARTNER = "deliver_for_any_partner"
VIEW_ALL_DELIVERIES = "view_all_deliveries"
VIEW_UNSUPPRESSED = "view_unsuppressed"
VIEW_OWN_GEMEENTE = "view_own_gemeente"
EDIT_TEXTS = "edit_texts"
PUBLISH = "publish"
MANAGE_ACCOUNTS = "manage_accounts"
VIEW_AUDIT = "view_audit"
EDIT_ACTIONS = "edit_actions"
EDIT_INITIATIVES = "edit_initiatives"
RESERVE_MATERIALS = "reserve_materials"
CONFIRM_LOANS = "confirm_loans"
USE_API_TOKENS = "use_api_tokens"

ALL_CAPABILITIES = frozenset(
    {
        DELIVER,
        DELIVER_FOR_ANY_PARTNER,
        VIEW_ALL_DELIVERIES,
        VIEW_UNSUPPRESSED,
        VIEW_OWN_GEMEENTE,
        EDIT_TEXTS,
        PUBLISH,
        MANAGE_ACCOUNTS,
        VIEW_AUDIT,
        EDIT_ACTIONS,
        EDIT_INITIATIVES,
        RESERVE_MATERIALS,
        CONFIRM_LOANS,
        USE_API_TOKENS,
    }
)

ANALYST, PARTNER, GEMEENTE = "analyst", "partner", "gemeente"
ROLES = (ANALYST, PARTNER, GEMEENTE)

# The roles of spec/web.md as capabilities. Synchronised into Django groups after every migration.
ROLE_CAPABILITIES: dict[str, frozenset[str]] = {
    ANALYST: frozenset(ALL_CAPABILITIES - {VIEW_OWN_GEMEENTE, EDIT_INITIATIVES, RESERVE_MATERIALS}),
    PARTNER: frozenset({DELIVER, USE_API_TOKENS, RESERVE_MATERIALS}),
    GEMEENTE: frozenset({VIEW_OWN_GEMEENTE, EDIT_INITIATIVES, RESERVE_MATERIALS}),
}

# Roles that can see records must pass a second factor at every login.
SECOND_FACTOR_ROLES = frozenset({ANALYST, PARTNER})

ROLE_NAMES = {
    ANALYST: ("analist", "analyst"),
    PARTNER: ("ketenpartner", "partner"),
    GEMEENTE: ("gemeente", "municipality"),
}


class NotAllowed(Exception):
    """The actor may not do this. Never says whether the thing asked for exists."""

    def __init__(
        self, message_nl: str = "U heeft hiervoor geen toegang.", message_en: str = "You have no access to this."
    ):
        super().__init__(message_en)
        self.message_nl = message_nl
        self.message_en = message_en


@dataclass(frozen=True)
class Actor:
    """Who acts: the name the audit log records, the role, the organisation and the capabilities."""

    name: str
    role: str | None  # analyst | partner | gemeente; None for anonymous; "operator" at the command line
    capabilities: frozenset[str] = field(default_factory=frozenset)
    partner: str | None = None  # the partner code, for role partner
    gemeente: str | None = None  # the municipality's canonical name, for role gemeente
    organisation: str = ""  # what the pages show: the partner, the municipality or the region's own
    via: str = "cli"  # cli | web | api
    user_id: int | None = None

    @property
    def is_anonymous(self) -> bool:
        return self.role is None

    @classmethod
    def anonymous(cls, via: str = "web") -> Actor:
        return cls(name="anoniem", role=None, via=via)

    @classmethod
    def command_line(cls, name: str | None = None) -> Actor:
        """The operator at a terminal (the operating-system user, or `--by`): every capability."""
        return cls(
            name=name or _os_user(),
            role="operator",
            capabilities=ALL_CAPABILITIES - {VIEW_OWN_GEMEENTE},
            organisation="",
            via="cli",
        )


def _os_user() -> str:
    try:
        return getpass.getuser()
    except Exception:  # no user name in a container is not a reason to refuse anything
        return "onbekend"


def can(actor: Actor, capability: str) -> bool:
    return capability in actor.capabilities


def require(allowed: bool) -> None:
    """Raise NotAllowed unless `allowed` (the one way a use case or view says no)."""
    if not allowed:
        raise NotAllowed()


# -- deliveries ----------------------------------------------------------------------------------


def can_deliver(actor: Actor, partner: str, dataset: str, region) -> bool:
    """Whether the actor may deliver `dataset` for `partner` (the region must allow that partner the dataset)."""
    configured = region.find_partner(partner)
    if configured is None or dataset not in configured.datasets:
        return False
    if can(actor, DELIVER_FOR_ANY_PARTNER):
        return True
    return can(actor, DELIVER) and actor.partner is not None and actor.partner == configured.code


def deliverable(actor: Actor, region) -> list[tuple[str, str]]:
    """(partner, dataset) pairs the actor may deliver, in the region configuration's order."""
    return [
        (p.code, dataset)
        for p in region.partners
        for dataset in p.datasets
        if can_deliver(actor, p.code, dataset, region)
    ]


def delivery_scope(actor: Actor) -> str | None:
    """The partner whose deliveries the actor sees; None means every partner. NotAllowed when none."""
    if can(actor, VIEW_ALL_DELIVERIES):
        return None
    if can(actor, DELIVER) and actor.partner:
        return actor.partner
    raise NotAllowed()


def can_view_delivery(actor: Actor, partner: str) -> bool:
    """Whether the actor may see a delivery of `partner`: its versions, file name, findings, records."""
    if can(actor, VIEW_ALL_DELIVERIES):
        return True
    return can(actor, DELIVER) and actor.partner is not None and actor.partner == partner


def can_restore(actor: Actor, partner: str, dataset: str, region) -> bool:
    return can_view_delivery(actor, partner) and can_deliver(actor, partner, dataset, region)


def can_use_portal(actor: Actor) -> bool:
    return can(actor, VIEW_ALL_DELIVERIES) or (can(actor, DELIVER) and actor.partner is not None)


# -- figures -------------------------------------------------------------------------------------


def sees_unsuppressed(actor: Actor, gemeente: str | None = None) -> bool:
    """Whether the actor sees figures without disclosure control (all, or those of `gemeente`)."""
    if can(actor, VIEW_UNSUPPRESSED):
        return True
    return gemeente is not None and scope_municipality(actor) == gemeente


def scope_municipality(actor: Actor) -> str | None:
    """The municipality whose figures the actor sees unsuppressed (a gemeente account's own), else None."""
    if can(actor, VIEW_OWN_GEMEENTE) and actor.gemeente:
        return actor.gemeente
    return None


def can_view_current_figures(actor: Actor) -> bool:
    """Figures of the current deliveries, before publication (the analyst's desk, `?current=true`)."""
    return can(actor, VIEW_UNSUPPRESSED)


# -- the desk -----------------------------------------------------------------------------------


def can_use_desk(actor: Actor) -> bool:
    return any(can(actor, c) for c in (PUBLISH, EDIT_TEXTS, MANAGE_ACCOUNTS, VIEW_AUDIT))


def can_edit_texts(actor: Actor) -> bool:
    return can(actor, EDIT_TEXTS)


def can_publish(actor: Actor) -> bool:
    return can(actor, PUBLISH)


def can_manage_accounts(actor: Actor) -> bool:
    return can(actor, MANAGE_ACCOUNTS)


def can_view_audit(actor: Actor) -> bool:
    return can(actor, VIEW_AUDIT)


def can_manage_tokens(actor: Actor) -> bool:
    return can(actor, USE_API_TOKENS) and not actor.is_anonymous


def needs_second_factor(role: str | None) -> bool:
    return role in SECOND_FACTOR_ROLES


# -- the action plan -----------------------------------------------------------------------------


def can_edit_actions(actor: Actor) -> bool:
    return can(actor, EDIT_ACTIONS)


def sees_current_plan(actor: Actor) -> bool:
    """The action plan as the deliveries are now; everyone else sees it as the latest edition froze it."""
    return can(actor, EDIT_ACTIONS)


def can_edit_initiatives(actor: Actor) -> bool:
    """Whether the actor registers initiatives at all: a municipal account with its municipality."""
    if not can(actor, EDIT_INITIATIVES):
        return False
    return actor.gemeente is not None


def can_edit_initiative(actor: Actor, gemeente: str | None) -> bool:
    """Whether the actor may change or remove an initiative of `gemeente`: only the own municipality's."""
    if not can_edit_initiatives(actor):
        return False
    return gemeente is not None and gemeente == actor.gemeente


# -- awareness materials on loan -----------------------------------------------------------------


def can_reserve(actor: Actor) -> bool:
    """Reserve materials for the own organisation: a partner's or a municipality's account."""
    if not can(actor, RESERVE_MATERIALS):
        return False
    return actor.partner is not None or actor.gemeente is not None


def can_confirm_loans(actor: Actor) -> bool:
    """Confirm or refuse reservations, record handover and return, note the reach, edit the catalogue."""
    return can(actor, CONFIRM_LOANS)


def sees_availability(actor: Actor) -> bool:
    """The calendar of the materials: the accounts that reserve or confirm (the public sees the catalogue)."""
    return can_reserve(actor) or can_confirm_loans(actor)


def can_view_reservation(actor: Actor, partner: str | None, gemeente: str | None) -> bool:
    """A reservation made for a partner or a municipality: the analyst's, and that organisation's."""
    if can_confirm_loans(actor):
        return True
    if not can_reserve(actor):
        return False
    if partner:
        return actor.partner == partner
    return bool(gemeente) and actor.partner is None and actor.gemeente == gemeente
