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


def _filtered(who: str | None, action: str | None, since: dt.date | None, until: dt.date | None):
    query = AuditEvent.objects.all()
    if who:
        query = query.filter(actor__icontains=who)
    if action:
        query = query.filter(action=action)
    if since:
        query = query.filter(at__date__gte=since)
    if until:
        query = query.filter(at__date__lte=until)
    return query.order_by("-at", "-id")


def _event(e: AuditEvent) -> dict:
    return {"at": e.at, "actor": e.actor, "action": e.action, "subject": e.subject, "details": e.details}


def audit_log(
    actor: Actor,
    who: str | None = None,
    action: str | None = None,
    since: dt.date | None = None,
    until: dt.date | None = None,
    limit: int = 100,
    offset: int = 0,
) -> AuditPage:
    """Entries newest first, filtered by who (part of the name), what (the action) and a period.

    Reading the log is not itself logged (it would bury what matters); exporting it is."""
    access.require(access.can_view_audit(actor))
    query = _filtered(who, action, since, until)
    total = query.count()
    events = [_event(e) for e in query[offset : offset + limit]]
    actions = sorted(AuditEvent.objects.values_list("action", flat=True).distinct())
    return AuditPage(events, total, actions)


def details_text(details: dict) -> str:
    """An entry's details as one readable line: `key: value · key: value` (lists joined by commas)."""

    def value(v) -> str:
        if isinstance(v, (list, tuple)):
            return ", ".join(value(x) for x in v)
        if isinstance(v, dict):
            return ", ".join(f"{k} {value(x)}" for k, x in v.items())
        if v is None or v == "":
            return "—"
        return str(v)

    return " · ".join(f"{k}: {value(v)}" for k, v in (details or {}).items())


def export_audit(
    actor: Actor,
    who: str | None = None,
    action: str | None = None,
    since: dt.date | None = None,
    until: dt.date | None = None,
) -> bytes:
    """The filtered entries as CSV (semicolons, UTF-8 with BOM; cells that a spreadsheet would run as a
    formula are neutralised). The export itself is logged, with the filters it used."""
    from django.utils import timezone

    from zicht.spreadsheet import csv_bytes

    access.require(access.can_view_audit(actor))
    events = list(_filtered(who, action, since, until))
    content = csv_bytes(
        ["tijdstip", "wie", "wat", "onderwerp", "details"],
        (
            (
                timezone.localtime(e.at).isoformat(timespec="seconds"),
                e.actor,
                e.action,
                e.subject,
                details_text(e.details),
            )
            for e in events
        ),
    )
    filters = {"who": who or "", "action": action or "", "since": str(since or ""), "until": str(until or "")}
    audit(actor, "export-audit", "audit", {**filters, "rows": len(events)})
    return content
