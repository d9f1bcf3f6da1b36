"""The action plan as a living document (spec/web.md, `/actieplan/`; decision 0007).

The year's actions (`acties`) and local initiatives (`initiatieven`) are deliveries of the region's own
organisation: the same records chapter 3 of the monitor counts. The analyst edits the actions and a
municipal officer the own municipality's initiatives in the web application; every edit is a new version
of that year's delivery, validated like a delivered file (`rewrite`), so the delivery stays the single
source of truth and its history and the audit log show who changed what. The public sees the plan as the
latest published edition of the year froze it; the analyst sees the current deliveries.
"""

from __future__ import annotations

import csv
import hashlib
import io
from collections.abc import Callable
from dataclasses import dataclass

from django.db import transaction
from django.utils import timezone

from zicht import access
from zicht.access import Actor
from zicht.region import Region, load_region
from zicht.schema.datasets import DATASETS
from zicht.services.audit import audit
from zicht.services.errors import NotFound, Refused
from zicht.storage import api
from zicht.storage.api import DeliveryInfo
from zicht.storage.models import CODE_MODELS, RECORD_MODELS, Delivery, Edition, field_name

PLAN = ("acties", "initiatieven")
ID_LETTER = {"acties": "A", "initiatieven": "I", "uitleningen": "U"}


# -- reading deliveries --------------------------------------------------------------------------


def owner(dataset: str, region: Region | None = None) -> str | None:
    """The partner whose delivery of `dataset` holds the region's own records (regio Rotterdam: VAR)."""
    partners = (region or load_region()).partners_for(dataset)
    return partners[0] if partners else None


def current_delivery(dataset: str, year: int, partner: str | None = None) -> Delivery | None:
    partner = partner or owner(dataset)
    return Delivery.objects.filter(partner=partner, dataset=dataset, year=year, is_current=True).first()


def rows_of(delivery_id: int, dataset: str) -> list[dict]:
    """Every record of one delivery version, in row order, as canonical values: dates as ISO text,
    whole numbers as int, multi-valued cells as codes joined by `|`, the `id` as `id`."""
    declared = DATASETS[dataset]
    plain = [c.name for c in declared.columns if not c.multi]
    fields = ["row", *(field_name(name) for name in plain)]
    records = RECORD_MODELS[dataset].objects.filter(delivery_id=delivery_id).order_by("row").values(*fields)
    codes: dict[str, dict[int, list[str]]] = {}
    for column in (c.name for c in declared.columns if c.multi):
        per_row: dict[int, list[str]] = {}
        for row, code in (
            CODE_MODELS[(dataset, column)].objects.filter(delivery_id=delivery_id).values_list("row", "code")
        ):
            per_row.setdefault(row, []).append(code)
        codes[column] = per_row
    out = []
    for record in records:
        row = {name: _plain(record[field_name(name)]) for name in plain}
        for column, per_row in codes.items():
            order = DATASETS[dataset].column(column).codes
            found = sorted(per_row.get(record["row"], ()), key=lambda code: order.index(code) if code in order else 99)
            row[column] = "|".join(found) or None
        out.append(row)
    return out


def _plain(value):
    return value.isoformat() if hasattr(value, "isoformat") else value


# -- the overview --------------------------------------------------------------------------------


@dataclass(frozen=True)
class Plan:
    """The action plan of one year as a page shows it."""

    year: int
    years: list[int]  # to choose from, newest first
    source: str  # "current" (the deliveries as they are now) or "edition" (as published)
    edition: str | None  # the label of the edition shown, or of the latest one
    actions: list[dict] | None  # None: not delivered
    initiatives: list[dict] | None
    versions: dict[str, DeliveryInfo | None]  # per dataset: the version shown
    unpublished: bool = False  # the current deliveries differ from the latest edition


def overview(actor: Actor, year: int | None = None) -> Plan:
    """The year's actions and initiatives: the current deliveries for whoever edits the plan, the latest
    published edition's for everyone else (the public sees published editions only)."""
    if access.sees_current_plan(actor):
        return _current_plan(year)
    published = sorted(set(Edition.objects.values_list("year", flat=True)), reverse=True)
    if year is None and published:
        year = published[0]
    if year is None or year not in published:
        raise NotFound()
    return _edition_plan(year, published)


def _current_plan(year: int | None) -> Plan:
    delivered = set(Delivery.objects.filter(dataset__in=PLAN).values_list("year", flat=True))
    this_year = timezone.localdate().year
    if year is None:
        year = max(delivered) if delivered else this_year
    years = sorted(delivered | {this_year, year}, reverse=True)
    versions = {dataset: current_delivery(dataset, year) for dataset in PLAN}
    latest = Edition.objects.filter(year=year).order_by("-number").first()
    unpublished = False
    if latest is not None:
        frozen = {(d["dataset"], d.get("year")): d.get("file_hash") for d in latest.deliveries}
        unpublished = any(
            frozen.get((dataset, year)) != (found.file_hash if found else None) for dataset, found in versions.items()
        )
    return Plan(
        year,
        years,
        "current",
        latest.label if latest else None,
        rows_of(versions["acties"].id, "acties") if versions["acties"] else None,
        rows_of(versions["initiatieven"].id, "initiatieven") if versions["initiatieven"] else None,
        {dataset: DeliveryInfo.of(found) if found else None for dataset, found in versions.items()},
        unpublished,
    )


def _edition_plan(year: int, published: list[int]) -> Plan:
    """The plan as the year's latest edition froze it: the delivery versions it lists, found again by
    partner, dataset, year, version and file hash (a version that is gone is shown as missing)."""
    latest = Edition.objects.filter(year=year).order_by("-number").first()
    rows: dict[str, list[dict] | None] = {}
    versions: dict[str, DeliveryInfo | None] = {}
    for dataset in PLAN:
        frozen = next((d for d in latest.deliveries if d["dataset"] == dataset and d.get("year") == year), None)
        found = None
        if frozen is not None:
            found = Delivery.objects.filter(
                partner=frozen["partner"],
                dataset=dataset,
                year=year,
                version=frozen["version"],
                file_hash=frozen["file_hash"],
            ).first()
        rows[dataset] = rows_of(found.id, dataset) if found else None
        versions[dataset] = DeliveryInfo.of(found) if found else None
    return Plan(year, published, "edition", latest.label, rows["acties"], rows["initiatieven"], versions)


# -- editing: a new version of the year's delivery ------------------------------------------------


@dataclass(frozen=True)
class Edit:
    """What an edit stored: the row's id and the new version of the delivery."""

    ref: str
    delivery: DeliveryInfo


def rewrite(
    actor: Actor,
    dataset: str,
    year: int,
    change: Callable[[list[dict]], tuple[list[dict], int | None]],
    *,
    action: str,
    ref: str | Callable[[], str],
    basis: int | None = None,
) -> DeliveryInfo:
    """Store `change(rows of the current version)` as the next version of the region's own delivery of
    `dataset` for `year`, validated as a delivered file would be; all or nothing.

    `change` returns the new rows and the position of the row it added or changed (None when it only
    removed one); a refusal's findings on that row have `row` = position + 2, as in the file. `basis`:
    the version the actor saw; another version in between is refused (409), like a second edit that
    arrives while the first is stored. `ref` names the row in the audit log (a callable: asked after
    `change`, for a row it added). Access is the caller's business.
    """
    from zicht.schema.reading import from_rows
    from zicht.schema.validation import validate_table

    region = load_region()
    partner = owner(dataset, region)
    if partner is None:
        raise Refused(
            f"De regio heeft geen partij die {dataset} levert; wijzigen kan hier niet.",
            f"The region has no partner that delivers {dataset}; it cannot be changed here.",
            status=409,
        )
    declared = DATASETS[dataset]
    with transaction.atomic():
        current = current_delivery(dataset, year, partner)
        have = current.version if current else 0
        if basis is not None and basis != have:
            raise _changed_meanwhile(dataset, year)
        rows, position = change(rows_of(current.id, dataset) if current else [])
        records = [list(declared.column_names)] + [[_cell(row.get(c)) for c in declared.column_names] for row in rows]
        validation = validate_table(from_rows(records), declared, year, region, partner)
        if not validation.accepted:
            raise EditRefused(list(validation.findings), position + 2 if position is not None else None)
        content = _csv_bytes(records)
        info = api.store_delivery(
            validation.table,
            dataset=dataset,
            year=year,
            partner=partner,
            file_name=f"{dataset}-{year}-web.csv",
            file_hash=hashlib.sha256(content).hexdigest(),
            by=actor.name,
            via=actor.via,
        )
        if info.version != have + 1:  # another edit was stored between reading and storing: undo this one
            raise _changed_meanwhile(dataset, year)
        ref = ref() if callable(ref) else ref
        audit(actor, action, f"{partner} {dataset} {year} {ref}", {"version": info.version, "ref": ref})
    return info


class EditRefused(Refused):
    """An edit the delivery format refuses: its findings, and `row`, the row of the new version that the
    edit added or changed (as in a file: position + 2), so a form can put them beside its fields."""

    def __init__(self, findings: list, row: int | None):
        super().__init__(
            "Dit kan zo niet worden opgeslagen; er is niets veranderd.",
            "This cannot be saved as it is; nothing was changed.",
            findings=findings,
        )
        self.row = row


def _changed_meanwhile(dataset: str, year: int) -> Refused:
    return Refused(
        f"Iemand anders heeft {dataset} {year} zojuist gewijzigd; uw wijziging is niet opgeslagen. Bekijk de "
        "nieuwe stand en probeer het opnieuw.",
        f"Someone else changed {dataset} {year} a moment ago; your change was not saved. Look at the new state "
        "and try again.",
        status=409,
    )


def _cell(value) -> str:
    return "" if value is None else str(value)


def _csv_bytes(records: list[list[str]]) -> bytes:
    buffer = io.StringIO(newline="")
    csv.writer(buffer, lineterminator="\n").writerows(records)
    return buffer.getvalue().encode("utf-8")


def next_ref(rows: list[dict], dataset: str, year: int, partner: str | None = None) -> str:
    """A new `id` for a row added on the web: the next number after the year's `VAR-A-2024-17` and the like,
    never one that an earlier version had (a removed row's id is not given to another)."""
    partner = partner or owner(dataset)
    prefix = f"{partner}-{ID_LETTER[dataset]}-{year}-"
    earlier = (
        RECORD_MODELS[dataset]
        .objects.filter(delivery__partner=partner, delivery__dataset=dataset, delivery__year=year)
        .values_list("ref", flat=True)
    )
    taken = {row["id"] for row in rows} | set(earlier)
    numbers = [int(r[len(prefix) :]) for r in taken if r.startswith(prefix) and r[len(prefix) :].isdigit()]
    n = max(numbers, default=0) + 1
    while f"{prefix}{n:02d}" in taken:
        n += 1
    return f"{prefix}{n:02d}"


def _put(rows: list[dict], ref: str | None, values: dict, dataset: str, year: int) -> tuple[list[dict], int, str]:
    """`rows` with the row `ref` replaced by `values` (or `values` added under a new id)."""
    if ref is None:
        ref = next_ref(rows, dataset, year)
        return [*rows, {**values, "id": ref}], len(rows), ref
    position = next(i for i, row in enumerate(rows) if row["id"] == ref)
    return [*rows[:position], {**values, "id": ref}, *rows[position + 1 :]], position, ref


def _find(rows: list[dict], ref: str) -> dict | None:
    return next((row for row in rows if row["id"] == ref), None)


# -- actions (the analyst) ------------------------------------------------------------------------


def actions(actor: Actor, year: int) -> tuple[list[dict], int]:
    """The year's actions as they are now, and the version they come from (0: none yet)."""
    access.require(access.can_edit_actions(actor))
    current = current_delivery("acties", year)
    return (rows_of(current.id, "acties") if current else []), (current.version if current else 0)


def save_action(actor: Actor, year: int, values: dict, ref: str | None = None, basis: int | None = None) -> Edit:
    """Add an action (`ref` None) or change one, as the next version of the year's `acties`."""
    access.require(access.can_edit_actions(actor))
    made: dict = {}

    def change(rows):
        if ref is not None and _find(rows, ref) is None:
            raise NotFound()
        new, position, made["ref"] = _put(rows, ref, values, "acties", year)
        return new, position

    action = "action-added" if ref is None else "action-changed"
    info = rewrite(actor, "acties", year, change, action=action, ref=lambda: made["ref"], basis=basis)
    return Edit(made["ref"], info)


def delete_action(actor: Actor, year: int, ref: str, basis: int | None = None) -> Edit:
    access.require(access.can_edit_actions(actor))

    def change(rows):
        if _find(rows, ref) is None:
            raise NotFound()
        return [row for row in rows if row["id"] != ref], None

    return Edit(ref, rewrite(actor, "acties", year, change, action="action-removed", ref=ref, basis=basis))


def open_from_last_year(actor: Actor, year: int) -> list[dict]:
    """Last year's unfinished actions (planned, running, postponed) that `year` does not have (by title)."""
    access.require(access.can_edit_actions(actor))
    previous = current_delivery("acties", year - 1)
    current = current_delivery("acties", year)
    titles = {row["titel"] for row in (rows_of(current.id, "acties") if current else [])}
    rows = rows_of(previous.id, "acties") if previous else []
    return [row for row in rows if row["status"] != "gereed" and row["titel"] not in titles]


def carry_over(actor: Actor, year: int, basis: int | None = None) -> int:
    """Copy last year's unfinished actions (planned, running, postponed) into `year`, leaving out those
    `year` already has by title; returns how many were added."""
    open_actions = open_from_last_year(actor, year)
    added: list[int] = []

    def change(rows):
        titles = {row["titel"] for row in rows}
        new = list(rows)
        for action in open_actions:
            if action["titel"] not in titles:
                new.append({**action, "id": next_ref(new, "acties", year)})
        added.append(len(new) - len(rows))
        return new, None

    if not open_actions:
        return 0
    rewrite(actor, "acties", year, change, action="actions-carried-over", ref=str(year - 1), basis=basis)
    return added[0]


# -- initiatives (a municipal officer, the own municipality's) -------------------------------------


def initiatives(actor: Actor, year: int) -> tuple[list[dict], int]:
    """The own municipality's initiatives of the year as they are now, and the version (0: none yet)."""
    access.require(access.can_edit_initiatives(actor))
    current = current_delivery("initiatieven", year)
    rows = rows_of(current.id, "initiatieven") if current else []
    own = [row for row in rows if access.can_edit_initiative(actor, row["gemeente"])]
    return own, (current.version if current else 0)


def initiative(actor: Actor, year: int, ref: str) -> dict:
    """One initiative of the own municipality; another municipality's is not found."""
    found = _find(initiatives(actor, year)[0], ref)
    if found is None:
        raise NotFound()
    return found


def save_initiative(actor: Actor, year: int, values: dict, ref: str | None = None, basis: int | None = None) -> Edit:
    """Register an initiative (`ref` None) or change one, always of the actor's own municipality."""
    access.require(access.can_edit_initiatives(actor))
    values = {**values, "gemeente": actor.gemeente}
    made: dict = {}

    def change(rows):
        if ref is not None:
            found = _find(rows, ref)
            if found is None or not access.can_edit_initiative(actor, found["gemeente"]):
                raise NotFound()  # another municipality's initiative: never say it exists
        new, position, made["ref"] = _put(rows, ref, values, "initiatieven", year)
        return new, position

    action = "initiative-added" if ref is None else "initiative-changed"
    info = rewrite(actor, "initiatieven", year, change, action=action, ref=lambda: made["ref"], basis=basis)
    return Edit(made["ref"], info)


def delete_initiative(actor: Actor, year: int, ref: str, basis: int | None = None) -> Edit:
    access.require(access.can_edit_initiatives(actor))

    def change(rows):
        found = _find(rows, ref)
        if found is None or not access.can_edit_initiative(actor, found["gemeente"]):
            raise NotFound()
        return [row for row in rows if row["id"] != ref], None

    return Edit(ref, rewrite(actor, "initiatieven", year, change, action="initiative-removed", ref=ref, basis=basis))
