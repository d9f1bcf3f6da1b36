"""Awareness materials on loan (spec/web.md, `/uitleen/`; decision 0007).

The catalogue is the region file's `[uitleen]` table with the analyst's edits (`MaterialEdit`). A
municipality or a partner reserves an item (`LoanRequest`); the analyst confirms or refuses. A confirmed
reservation is a loan: a row of the region's `uitleningen` delivery of the year it starts, written as a
new version of that delivery (`actieplan.rewrite`), and so is its handover, its return and its reach;
the indicators, the monitor and the public figures read that delivery like any other.

Two confirmed loans of one item never overlap: every change of the loans takes one lock first (PostgreSQL:
a transaction-scoped advisory lock; SQLite: the database's write lock, taken by the first statement),
then checks the current deliveries, so two analysts confirming at the same moment are served one after
the other and the second hears that the item is taken.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from dataclasses import dataclass

from django.db import connection, transaction
from django.utils import timezone

from zicht import access
from zicht.access import Actor
from zicht.region import load_region
from zicht.schema import catalogue
from zicht.schema.codes import BUITEN_REGIO, REGIO
from zicht.schema.findings import Finding
from zicht.schema.identifiers import find_identifier
from zicht.services.actieplan import next_ref, rewrite
from zicht.services.audit import audit
from zicht.services.errors import NotFound, Refused
from zicht.storage.models import RECORD_MODELS, LoanRequest, MaterialEdit

REQUESTED, CONFIRMED, REFUSED, CANCELLED = "aangevraagd", "bevestigd", "afgewezen", "geannuleerd"
HANDED_OVER, RETURNED = "uitgegeven", "teruggebracht"
_LOCK = int.from_bytes(hashlib.sha256(b"zicht/uitleningen").digest()[:8], "big", signed=True)
MAX_AHEAD_DAYS = 366


def _lock_loans() -> None:
    """Serialise every change of the loans (see the module's docstring). The first statement of the
    transaction: on SQLite a read before it could not be upgraded to a write once another one wrote."""
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute("SELECT pg_advisory_xact_lock(%s)", [_LOCK])
        else:
            cursor.execute("UPDATE zicht_loan_request SET id = id WHERE 0")


# -- the catalogue -------------------------------------------------------------------------------


@dataclass(frozen=True)
class Material:
    code: str
    name_nl: str
    name_en: str
    description_nl: str
    description_en: str
    available: bool = True
    note: str = ""
    edited_by: str = ""

    def name(self, lang: str = "nl") -> str:
        return self.name_en if lang == "en" and self.name_en else self.name_nl

    def description(self, lang: str = "nl") -> str:
        return self.description_en if lang == "en" and self.description_en else self.description_nl


def catalogue_items() -> list[Material]:
    """The region's items with the analyst's edits (public: what exists and what it is for)."""
    edits = {e.code: e for e in MaterialEdit.objects.all()}
    out = []
    for item in catalogue.materials(load_region()):
        edit = edits.get(item.code)
        if edit is None:
            out.append(Material(item.code, item.name_nl, item.name_en, item.description_nl, item.description_en))
            continue
        out.append(
            Material(
                item.code,
                edit.name_nl or item.name_nl,
                edit.name_en or item.name_en,
                edit.description_nl or item.description_nl,
                edit.description_en or item.description_en,
                edit.available,
                edit.note,
                edit.updated_by,
            )
        )
    return out


def material(code: str) -> Material:
    found = next((m for m in catalogue_items() if m.code == code), None)
    if found is None:
        raise NotFound()
    return found


def edit_material(actor: Actor, code: str, **fields) -> Material:
    """Change an item's texts or whether it can be reserved (an empty text falls back to the region file's)."""
    access.require(access.can_confirm_loans(actor))
    material(code)
    _no_identifiers(fields)
    with transaction.atomic():
        MaterialEdit.objects.update_or_create(
            code=code, defaults={**fields, "updated_at": timezone.now(), "updated_by": actor.name}
        )
        audit(actor, "material-changed", code, {"fields": sorted(fields), "available": fields.get("available")})
    return material(code)


# -- loans: the rows of the current `uitleningen` deliveries -------------------------------------


@dataclass(frozen=True)
class Loan:
    year: int
    ref: str
    material: str
    start: dt.date
    end: dt.date
    gemeente: str
    organisatie: str
    status: str  # bevestigd | uitgegeven | teruggebracht
    bereik: int | None
    doelgroep: str
    request_id: int | None = None


def loans(first: dt.date | None = None, last: dt.date | None = None, material: str | None = None) -> list[Loan]:
    """The loans (of every item, or one) that share a day with `first`..`last`, in date order."""
    query = RECORD_MODELS["uitleningen"].objects.filter(delivery__is_current=True)
    if material:
        query = query.filter(materiaal=material)
    if first:
        query = query.filter(einddatum__gte=first)
    if last:
        query = query.filter(startdatum__lte=last)
    requests = dict(
        ((r["loan_year"], r["loan_ref"]), r["id"])
        for r in LoanRequest.objects.exclude(loan_ref="").values("loan_year", "loan_ref", "id")
    )
    found = [
        Loan(r.delivery.year, r.ref, r.materiaal, r.startdatum, r.einddatum, r.gemeente, r.organisatie, r.status,
             r.bereik, r.doelgroep or "", requests.get((r.delivery.year, r.ref)))
        for r in query.select_related("delivery").order_by("startdatum", "materiaal")
    ]  # fmt: skip
    return found


def loan(actor: Actor, year: int, ref: str) -> Loan:
    access.require(access.can_confirm_loans(actor))
    found = next(
        (x for x in loans(dt.date(year, 1, 1), dt.date(year, 12, 31)) if x.year == year and x.ref == ref), None
    )
    if found is None:
        raise NotFound()
    return found


def _clash(material: str, start: dt.date, end: dt.date, skip: tuple[int, str] | None = None) -> Loan | None:
    return next((x for x in loans(start, end, material) if (x.year, x.ref) != skip), None)


def _clash_refusal(item: Material, other: Loan) -> Refused:
    return Refused(
        f"{item.name_nl} is van {other.start:%d-%m-%Y} tot en met {other.end:%d-%m-%Y} al uitgeleend; twee "
        "uitleningen van één materiaal kunnen niet tegelijk. Er is niets veranderd.",
        f"{item.name_en} is already lent from {other.start:%d-%m-%Y} to {other.end:%d-%m-%Y}; one item cannot be "
        "lent twice at once. Nothing was changed.",
        findings=[Finding(None, "start", "overlap", "Al uitgeleend in deze periode.", "Already lent in this period.")],
        status=409,
    )


def _change_loan(actor: Actor, year: int, ref: str, action: str, update) -> None:
    """Change one loan row (`update(row)` returns the new row, or None to remove it): a new version."""

    def change(rows):
        position = next((i for i, row in enumerate(rows) if row["id"] == ref), None)
        if position is None:
            raise NotFound()
        new = update(dict(rows[position]))
        if new is None:
            return rows[:position] + rows[position + 1 :], None
        return [*rows[:position], new, *rows[position + 1 :]], position

    rewrite(actor, "uitleningen", year, change, action=action, ref=ref)


def _refuse_status(status: str, wanted: tuple[str, ...]) -> None:
    if status not in wanted:
        raise Refused(
            f"Dit kan niet meer: de uitlening is {status}. Er is niets veranderd.",
            f"This is no longer possible: the loan is {status}. Nothing was changed.",
            status=409,
        )


def hand_over(actor: Actor, year: int, ref: str) -> None:
    """The borrower collected the item."""
    access.require(access.can_confirm_loans(actor))
    with transaction.atomic():
        _lock_loans()
        _refuse_status(loan(actor, year, ref).status, (CONFIRMED,))
        _change_loan(actor, year, ref, "loan-handed-over", lambda row: {**row, "status": HANDED_OVER})


def take_back(actor: Actor, year: int, ref: str, bereik: int | None) -> None:
    """The item came back; `bereik`: the people reached, as far as known (it can be noted later)."""
    access.require(access.can_confirm_loans(actor))
    with transaction.atomic():
        _lock_loans()
        _refuse_status(loan(actor, year, ref).status, (CONFIRMED, HANDED_OVER))
        _change_loan(actor, year, ref, "loan-returned", lambda row: {**row, "status": RETURNED, "bereik": bereik})


def set_reach(actor: Actor, year: int, ref: str, bereik: int | None) -> None:
    access.require(access.can_confirm_loans(actor))
    with transaction.atomic():
        _lock_loans()
        _refuse_status(loan(actor, year, ref).status, (RETURNED,))
        _change_loan(actor, year, ref, "loan-reach", lambda row: {**row, "bereik": bereik})


# -- reservations --------------------------------------------------------------------------------


def _no_identifiers(fields: dict) -> None:
    """Free text never holds a BSN, e-mail address or phone number (as in a delivery; never echoed)."""
    for name, value in fields.items():
        if isinstance(value, str) and find_identifier(value):
            raise Refused(
                "Een tekst bevat een BSN, e-mailadres of telefoonnummer; laat dat weg. Er is niets opgeslagen.",
                "A text holds a BSN, e-mail address or phone number; leave it out. Nothing was saved.",
                findings=[Finding(None, name, "identifier", "Laat persoonsgegevens weg.", "Leave out personal data.")],
            )


def _owned(actor: Actor, request_id: int) -> LoanRequest:
    """A reservation the actor may see; another organisation's is not found (never forbidden)."""
    found = LoanRequest.objects.filter(pk=request_id).first()
    if found is None or not access.can_view_reservation(actor, found.by_partner or None, found.by_gemeente or None):
        raise NotFound()
    return found


def reserve(
    actor: Actor,
    code: str,
    start: dt.date,
    end: dt.date,
    purpose: str,
    audience: str = "",
    expected: int | None = None,
    gemeente: str | None = None,
) -> LoanRequest:
    """Ask for an item for the own organisation; a municipality's account for its own municipality, a
    partner's for the municipality it names (or `regio`, `buiten-regio`)."""
    access.require(access.can_reserve(actor))
    region = load_region()
    item = material(code)
    if not item.available:
        raise Refused(
            f"{item.name_nl} kan nu niet gereserveerd worden. {item.note}".strip(),
            f"{item.name_en} cannot be reserved now. {item.note}".strip(),
            status=409,
        )
    _check_period(start, end, catalogue.max_days(region))
    _no_identifiers({"purpose": purpose, "audience": audience})
    if actor.partner is None:
        gemeente, organisatie = actor.gemeente, "gemeente"
    else:
        gemeente = gemeente if gemeente in (*region.municipality_names, REGIO, BUITEN_REGIO) else None
        if gemeente is None:
            raise Refused("Kies een gemeente.", "Choose a municipality.", findings=[_field("gemeente")])
        organisatie = catalogue.organisation_of(region, actor.partner)
    other = _clash(code, start, end)
    if other is not None:
        raise _clash_refusal(item, other)
    with transaction.atomic():
        made = LoanRequest.objects.create(
            material=code, start=start, end=end, gemeente=gemeente, organisatie=organisatie,
            by_partner=actor.partner or "", by_gemeente=actor.gemeente if actor.partner is None else "",
            purpose=purpose.strip(), audience=audience.strip(), expected=expected, status=REQUESTED,
            requested_by=actor.name, requested_at=timezone.now(),
        )  # fmt: skip
        audit(actor, "reservation-requested", f"reservering {made.id}", {"material": code, "start": str(start)})
    return made


def _field(name: str) -> Finding:
    return Finding(None, name, "required", "Verplicht.", "Required.")


def _check_period(start: dt.date, end: dt.date, max_days: int) -> None:
    today = timezone.localdate()
    problems = []
    if start < today:
        problems.append(("start", "De eerste dag ligt in het verleden.", "The first day is in the past."))
    elif (start - today).days > MAX_AHEAD_DAYS:
        problems.append(("start", "Reserveer hooguit een jaar vooruit.", "Reserve at most a year ahead."))
    if end < start:
        problems.append(("end", "De laatste dag ligt voor de eerste.", "The last day is before the first."))
    elif (end - start).days + 1 > max_days:
        problems.append(("end", f"Hooguit {max_days} dagen.", f"At most {max_days} days."))
    if problems:
        raise Refused(
            "De periode kan zo niet: " + " ".join(nl for _, nl, _ in problems),
            "The period is not possible: " + " ".join(en for _, _, en in problems),
            findings=[Finding(None, name, "period", nl, en) for name, nl, en in problems],
        )


def requests_of(actor: Actor) -> list[LoanRequest]:
    """The own organisation's reservations, newest first (the analyst: every one)."""
    access.require(access.can_reserve(actor) or access.can_confirm_loans(actor))
    query = LoanRequest.objects.all()
    if not access.can_confirm_loans(actor):
        if actor.partner is not None:
            query = query.filter(by_partner=actor.partner)
        else:
            query = query.filter(by_partner="", by_gemeente=actor.gemeente)
    return list(query.order_by("-requested_at", "-id"))


def reservation(actor: Actor, request_id: int) -> LoanRequest:
    return _owned(actor, request_id)


def conflict(found: LoanRequest) -> Loan | None:
    """The loan that keeps a request from being confirmed as it is (None: it can be)."""
    return _clash(found.material, found.start, found.end) if found.status == REQUESTED else None


def loan_of(found: LoanRequest) -> Loan | None:
    """The loan a confirmed reservation became (None once it is gone from the delivery)."""
    if not found.loan_ref:
        return None
    year = found.loan_year
    return next((x for x in loans(material=found.material) if x.year == year and x.ref == found.loan_ref), None)


def cancel(actor: Actor, request_id: int, reason: str = "") -> LoanRequest:
    """Withdraw a reservation: a request, or a confirmed loan that was not handed over yet."""
    _no_identifiers({"reason": reason})
    with transaction.atomic():
        _lock_loans()
        found = _owned(actor, request_id)
        _refuse_status(found.status, (REQUESTED, CONFIRMED))
        if found.status == CONFIRMED:
            current = loan_of(found)
            if current is not None:
                _refuse_status(current.status, (CONFIRMED,))
                _change_loan(actor, current.year, current.ref, "loan-cancelled", lambda row: None)
        _decide(actor, found, CANCELLED, reason, "reservation-cancelled")
    return found


def cancel_loan(actor: Actor, year: int, ref: str, reason: str = "") -> None:
    """The analyst withdraws a confirmed loan that was not handed over (its reservation, if any, with it)."""
    access.require(access.can_confirm_loans(actor))
    _no_identifiers({"reason": reason})
    with transaction.atomic():
        _lock_loans()
        _refuse_status(loan(actor, year, ref).status, (CONFIRMED,))
        _change_loan(actor, year, ref, "loan-cancelled", lambda row: None)
        found = LoanRequest.objects.filter(loan_year=year, loan_ref=ref, status=CONFIRMED).first()
        if found is not None:
            _decide(actor, found, CANCELLED, reason, "reservation-cancelled")


def _decide(actor: Actor, found: LoanRequest, status: str, reason: str, action: str) -> None:
    found.status, found.reason = status, reason.strip()[:500]
    found.decided_by, found.decided_at = actor.name, timezone.now()
    found.save()
    details = {"status": status, "material": found.material}
    if found.loan_ref:
        details["loan"] = f"{found.loan_year} {found.loan_ref}"
    audit(actor, action, f"reservering {found.id}", details)


def confirm(actor: Actor, request_id: int) -> LoanRequest:
    """Confirm a reservation: it becomes a loan, unless the item is taken for (part of) the period."""
    access.require(access.can_confirm_loans(actor))
    with transaction.atomic():
        _lock_loans()
        found = _owned(actor, request_id)
        _refuse_status(found.status, (REQUESTED,))
        item = material(found.material)
        other = _clash(found.material, found.start, found.end)
        if other is not None:
            raise _clash_refusal(item, other)
        year, made = found.start.year, {}
        values = {
            "materiaal": found.material,
            "startdatum": found.start.isoformat(),
            "einddatum": found.end.isoformat(),
            "gemeente": found.gemeente,
            "organisatie": found.organisatie,
            "status": CONFIRMED,
            "doelgroep": found.audience[:200] or None,
        }

        def change(rows):
            made["ref"] = next_ref(rows, "uitleningen", year)
            return [*rows, {**values, "id": made["ref"]}], len(rows)

        rewrite(actor, "uitleningen", year, change, action="loan-confirmed", ref=lambda: made["ref"])
        found.loan_year, found.loan_ref = year, made["ref"]
        _decide(actor, found, CONFIRMED, "", "reservation-confirmed")
    return found


def refuse(actor: Actor, request_id: int, reason: str) -> LoanRequest:
    access.require(access.can_confirm_loans(actor))
    _no_identifiers({"reason": reason})
    with transaction.atomic():
        _lock_loans()  # not at the same moment as a confirmation of the same reservation
        found = _owned(actor, request_id)
        _refuse_status(found.status, (REQUESTED,))
        _decide(actor, found, REFUSED, reason, "reservation-refused")
    return found
