"""The audit log: who saw or changed what, and when (spec/web.md, "Audit"). Never cell values of records.

Append-only: the application has no way to edit or delete an entry, and a database trigger refuses
an UPDATE of the table.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from zicht import access
from zicht.access import Actor
from zicht.storage import api
from zicht.storage.models import AuditEvent


def audit(actor: Actor, action: str, subject: str, details: dict | None = None) -> None:
    """Append an entry for `actor`; how it acted (cli, web, api) and its role go with it."""
    extra = {"via": actor.via}
    if actor.role and actor.role != "operator":
        extra["role"] = actor.role
    api.record_event(actor.name, action, subject, {**extra, **(details or {})})


@dataclass(frozen=True)
class AuditPage:
    events: list[dict]
    total: int
    actions: list[str]


def audit_log(
    actor: Actor,
    who: str | None = None,
    action: str | None = None,
    since: dt.date | None = None,
    until: dt.date | None = None,
    limit: int = 100,
    offset: int = 0,
) -> AuditPage:
    """Entries newest first, filtered by who (part of the name), what (the action) and a period."""
    access.require(access.can_view_audit(actor))
    query = AuditEvent.objects.all()
    if who:
        query = query.filter(actor__icontains=who)
    if action:
        query = query.filter(action=action)
    if since:
        query = query.filter(at__date__gte=since)
    if until:
        query = query.filter(at__date__lte=until)
    total = query.count()
    rows = query.order_by("-at", "-id")[offset : offset + limit]
    events = [
        {"at": e.at, "actor": e.actor, "action": e.action, "subject": e.subject, "details": e.details} for e in rows
    ]
    actions = sorted(AuditEvent.objects.values_list("action", flat=True).distinct())
    return AuditPage(events, total, actions)
