"""What the loans' pages read (spec/web.md, `/uitleen/`): an item's calendar, what it is doing now, and the
analyst's work lists. The changes themselves are the use cases of `zicht.services.uitleen`."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.utils import timezone

from zicht import access
from zicht.access import Actor
from zicht.services.uitleen import CONFIRMED, HANDED_OVER, REQUESTED, RETURNED, Loan, conflict, loans, material
from zicht.storage.models import LoanRequest

# -- the calendar ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class Day:
    date: dt.date
    state: str  # vrij | bezet | aangevraagd
    past: bool


def month_days(code: str, year: int, month: int) -> list[list[Day | None]]:
    """One item's month as weeks (Monday first) of days: free, lent, or asked for by someone."""
    first = dt.date(year, month, 1)
    last = (first.replace(day=28) + dt.timedelta(days=4)).replace(day=1) - dt.timedelta(days=1)
    taken = loans(first, last, code)
    asked = LoanRequest.objects.filter(material=code, status=REQUESTED, start__lte=last, end__gte=first)
    today = timezone.localdate()
    days: list[Day | None] = [None] * first.weekday()
    for n in range(last.day):
        day = first + dt.timedelta(days=n)
        state = "vrij"
        if any(x.start <= day <= x.end for x in taken):
            state = "bezet"
        elif any(r.start <= day <= r.end for r in asked):
            state = "aangevraagd"
        days.append(Day(day, state, day < today))
    days += [None] * (-len(days) % 7)
    return [days[i : i + 7] for i in range(0, len(days), 7)]


def calendar(actor: Actor, code: str, first: dt.date, months: int = 3) -> list[tuple[dt.date, list]]:
    """Months of one item's availability from `first`'s month: (first day of the month, weeks)."""
    access.require(access.sees_availability(actor))
    material(code)
    out = []
    year, month = first.year, first.month
    for _ in range(months):
        out.append((dt.date(year, month, 1), month_days(code, year, month)))
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return out


def now_and_next(code: str) -> tuple[Loan | None, Loan | None]:
    """The loan of `code` running today, and the next one after it."""
    today = timezone.localdate()
    coming = loans(today, None, code)
    running = next((x for x in coming if x.start <= today), None)
    later = next((x for x in coming if x.start > today), None)
    return running, later


# -- the analyst's desk ---------------------------------------------------------------------------


@dataclass(frozen=True)
class Desk:
    pending: list[LoanRequest]  # to confirm or refuse
    clashes: dict[int, str]  # pending request id -> why it cannot be confirmed as it is
    to_hand_over: list[Loan]  # confirmed, not collected yet
    out: list[Loan]  # handed over, not returned yet
    no_reach: list[Loan]  # returned without a reach
    year: list[Loan]  # every loan of this year


def desk(actor: Actor) -> Desk:
    access.require(access.can_confirm_loans(actor))
    today = timezone.localdate()
    pending = list(LoanRequest.objects.filter(status=REQUESTED).order_by("start", "id"))
    clashes = {}
    for found in pending:
        other = conflict(found)
        if other is not None:
            clashes[found.id] = f"{other.start:%d-%m} – {other.end:%d-%m-%Y}"
    every = loans(dt.date(today.year - 1, 1, 1), None)
    return Desk(
        pending,
        clashes,
        [x for x in every if x.status == CONFIRMED],
        [x for x in every if x.status == HANDED_OVER],
        [x for x in every if x.status == RETURNED and x.bereik is None and x.year == today.year],
        [x for x in every if x.year == today.year],
    )
