"""Delivering: by file (command line, API), by upload in two steps (check, then confirm), restoring an
earlier version, and reading the deliveries and their history within the actor's scope."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from django.conf import settings
from django.db import transaction
from django.db.models import Count
from django.utils import timezone

from zicht import access
from zicht.access import Actor
from zicht.region import load_region
from zicht.schema.datasets import DATASETS
from zicht.schema.findings import Finding, FindingLine, finding_line
from zicht.services.audit import audit
from zicht.services.errors import NotFound, Refused
from zicht.storage import api
from zicht.storage.api import DeliveryInfo, ImportResult
from zicht.storage.models import Delivery, PendingUpload


def _subject(partner: str, dataset: str, year: int) -> str:
    return f"{partner} {dataset} {year}"


def _may_deliver(actor: Actor, partner: str, dataset: str, region) -> None:
    # Whoever may deliver for any partner hears about an unknown partner, or a dataset the partner does
    # not deliver, from validation: as findings that name them.
    if access.can(actor, access.DELIVER_FOR_ANY_PARTNER):
        return
    access.require(access.can_deliver(actor, partner, dataset, region))


def deliver(
    actor: Actor,
    path: str | Path,
    dataset: str,
    year: int,
    partner: str,
    file_name: str | None = None,
    progress=None,
) -> ImportResult:
    """Validate a file and store it as the new current version (all or nothing); findings when refused."""
    region = load_region()
    _may_deliver(actor, partner, dataset, region)
    result = api.import_delivery(
        Path(path),
        dataset,
        year,
        partner,
        by=actor.name,
        region=region,
        progress=progress,
        via=actor.via,
        file_name=file_name,
    )
    if not result.accepted:
        audit(actor, "delivery-refused", _subject(partner, dataset, year), _finding_summary(result.findings))
    return result


def _finding_summary(findings: list[Finding]) -> dict:
    return {"findings": len(findings), "codes": sorted({f.code for f in findings})}


# -- upload in two steps -------------------------------------------------------------------------


@dataclass(frozen=True)
class UploadCheck:
    """A checked upload waiting for its confirmation (or refused, with its findings)."""

    file_hash: str
    partner: str
    dataset: str
    year: int
    file_name: str
    accepted: bool
    rows: int
    findings: list[Finding]
    expires_at: dt.datetime
    # The version the upload would replace (None: the first delivery of this partner, dataset and year).
    current: DeliveryInfo | None = None

    @classmethod
    def of(cls, pending: PendingUpload) -> UploadCheck:
        current = Delivery.objects.filter(
            partner=pending.partner, dataset=pending.dataset, year=pending.year, is_current=True
        ).first()
        return cls(
            pending.file_hash,
            pending.partner,
            pending.dataset,
            pending.year,
            pending.file_name,
            pending.accepted,
            pending.rows,
            [Finding(**f) for f in pending.findings],
            pending.expires_at,
            DeliveryInfo.of(current) if current else None,
        )

    @property
    def lines(self) -> list[FindingLine]:
        return [finding_line(f) for f in self.findings]


def check_upload(actor: Actor, path: str | Path, file_name: str, partner: str, dataset: str, year: int) -> UploadCheck:
    """Validate an uploaded file and keep it, by its hash, until it is confirmed or expires.

    Nothing is imported here. A refused file is kept too (without its content), so its findings can be
    shown again and downloaded.
    """
    from zicht.schema.validation import validate_file

    region = load_region()
    access.require(actor.user_id is not None)
    access.require(access.can_deliver(actor, partner, dataset, region))
    path = Path(path)
    content = path.read_bytes()
    file_hash = hashlib.sha256(content).hexdigest()
    validation = validate_file(path, DATASETS[dataset], year, region, partner=partner)
    name = api.safe_file_name(file_name, dataset, year)
    now = timezone.now()
    with transaction.atomic():
        PendingUpload.objects.filter(expires_at__lt=now).delete()
        PendingUpload.objects.filter(user_id=actor.user_id, file_hash=file_hash).delete()
        pending = PendingUpload.objects.create(
            file_hash=file_hash,
            user_id=actor.user_id,
            partner=region.find_partner(partner).code,
            dataset=dataset,
            year=year,
            file_name=name,
            content=content if validation.accepted else b"",
            accepted=validation.accepted,
            rows=validation.rows,
            findings=[f.as_dict() for f in validation.findings],
            created_at=now,
            expires_at=now + settings.UPLOAD_KEEP,
        )
        details = {"file_hash": file_hash, "rows": validation.rows, **_finding_summary(validation.findings)}
        audit(
            actor,
            "upload-checked" if validation.accepted else "upload-refused",
            _subject(partner, dataset, year),
            details,
        )
    return UploadCheck.of(pending)


def _pending(actor: Actor, file_hash: str) -> PendingUpload:
    """The actor's own checked upload; another account's is not found, whoever asks."""
    if actor.user_id is None:
        raise NotFound()
    pending = (
        PendingUpload.objects.filter(user_id=actor.user_id, file_hash=file_hash, expires_at__gte=timezone.now())
        .order_by("-created_at")
        .first()
    )
    if pending is None:
        raise NotFound()
    return pending


def upload_check(actor: Actor, file_hash: str) -> UploadCheck:
    return UploadCheck.of(_pending(actor, file_hash))


def confirm_upload(actor: Actor, file_hash: str) -> ImportResult:
    """Import a checked upload: validated again from the kept bytes and stored as the new version."""
    pending = _pending(actor, file_hash)
    if not pending.accepted:
        raise Refused(
            "Dit bestand heeft bevindingen en kan niet worden geïmporteerd. Pas het aan en lever het opnieuw.",
            "This file has findings and cannot be imported. Fix it and deliver it again.",
        )
    suffix = Path(pending.file_name).suffix.lower() or ".csv"
    with tempfile.TemporaryDirectory(prefix="zicht-upload-") as folder:
        copy = Path(folder) / f"upload{suffix}"
        copy.write_bytes(bytes(pending.content))
        with transaction.atomic():
            result = deliver(actor, copy, pending.dataset, pending.year, pending.partner, file_name=pending.file_name)
            if result.accepted:
                pending.delete()
    return result


def discard_upload(actor: Actor, file_hash: str) -> None:
    _pending(actor, file_hash).delete()


def findings_csv(actor: Actor, file_hash: str) -> tuple[str, bytes]:
    """The findings of a checked upload as CSV (file name, bytes): a data officer fixes the file from it in
    Excel. Formulas neutralised (zicht.spreadsheet)."""
    from zicht.spreadsheet import csv_bytes

    check = upload_check(actor, file_hash)
    header = ["rij", "kolom", "code", "gevonden", "toegestaan", "found", "allowed"]
    rows = (
        (line.row if line.row is not None else "", line.column or "", line.code, *line.nl, *line.en)
        for line in check.lines
    )
    return f"bevindingen-{check.partner}-{check.dataset}-{check.year}.csv", csv_bytes(header, rows)


# -- versions ------------------------------------------------------------------------------------


def restore(actor: Actor, delivery_id: int) -> DeliveryInfo:
    """Make an earlier version current again, as a new version with the same records."""
    region = load_region()
    delivery = _delivery(actor, delivery_id)
    access.require(access.can_restore(actor, delivery.partner, delivery.dataset, region))
    if delivery.is_current:
        raise Refused(
            f"Versie {delivery.version} is al de geldende versie.",
            f"Version {delivery.version} is already the current version.",
            status=409,
        )
    return api.copy_delivery(delivery.id, by=actor.name, via=actor.via)


def _delivery(actor: Actor, delivery_id: int) -> Delivery:
    delivery = Delivery.objects.filter(pk=delivery_id).first()
    if delivery is None or not access.can_view_delivery(actor, delivery.partner):
        raise NotFound()
    return delivery


def delivery(actor: Actor, delivery_id: int) -> DeliveryInfo:
    return DeliveryInfo.of(_delivery(actor, delivery_id))


def deliveries_for(
    actor: Actor,
    year: int | None = None,
    dataset: str | None = None,
    partner: str | None = None,
    current_only: bool = False,
) -> list[DeliveryInfo]:
    """Delivery versions in the actor's scope (its own partner's, or all), oldest year first."""
    scope = access.delivery_scope(actor)
    query = Delivery.objects.all()
    if scope is not None:
        query = query.filter(partner=scope)
    if partner is not None:
        query = query.filter(partner=partner)
    if year is not None:
        query = query.filter(year=year)
    if dataset is not None:
        query = query.filter(dataset=dataset)
    if current_only:
        query = query.filter(is_current=True)
    return [DeliveryInfo.of(d) for d in query.order_by("year", "dataset", "partner", "version")]


def history(actor: Actor, partner: str, dataset: str, year: int) -> list[DeliveryInfo]:
    """Every version of one (partner, dataset, year), newest first; NotFound outside the actor's scope."""
    if dataset not in DATASETS or not access.can_view_delivery(actor, partner):
        raise NotFound()
    query = Delivery.objects.filter(partner=partner, dataset=dataset, year=year).order_by("-version")
    return [DeliveryInfo.of(d) for d in query]


# -- the portal's overview -----------------------------------------------------------------------


@dataclass(frozen=True)
class PortalItem:
    """A dataset a partner delivers, with its current version of the chosen year (None: not delivered)."""

    partner: str
    dataset: str
    current: DeliveryInfo | None
    versions: int


@dataclass(frozen=True)
class PortalPartner:
    code: str
    name: str
    items: list[PortalItem]


@dataclass(frozen=True)
class Portal:
    year: int
    years: list[int]  # to choose from, newest first
    partners: list[PortalPartner] = field(default_factory=list)


def portal(actor: Actor, year: int | None = None) -> Portal:
    """What the actor may deliver, per partner, with the current versions of `year` (default: the latest
    year with deliveries in the actor's scope, else last year)."""
    access.require(access.can_use_portal(actor))
    region = load_region()
    scope = access.delivery_scope(actor)
    scoped = Delivery.objects.all() if scope is None else Delivery.objects.filter(partner=scope)
    delivered = set(scoped.values_list("year", flat=True).distinct())
    this_year = timezone.localdate().year
    if year is None:
        year = max(delivered) if delivered else this_year - 1
    years = sorted(delivered | {this_year, this_year - 1, year}, reverse=True)
    of_year = scoped.filter(year=year)
    current = {(d.partner, d.dataset): DeliveryInfo.of(d) for d in of_year.filter(is_current=True)}
    counts = {
        (c["partner"], c["dataset"]): c["n"] for c in of_year.values("partner", "dataset").annotate(n=Count("id"))
    }
    items: dict[str, list[PortalItem]] = {}
    for partner, dataset in access.deliverable(actor, region):
        key = (partner, dataset)
        items.setdefault(partner, []).append(PortalItem(partner, dataset, current.get(key), counts.get(key, 0)))
    names = {p.code: p.name for p in region.partners}
    return Portal(year, years, [PortalPartner(code, names[code], found) for code, found in items.items()])


# -- what a partner's own tools need -------------------------------------------------------------


def template_for(actor: Actor, dataset: str, fmt: str) -> tuple[str, str, bytes]:
    """`template_file` of a dataset the actor may deliver; another dataset is not found (the portal offers
    only what the actor delivers; the formats themselves are public in docs/delivery-format.md)."""
    if dataset not in {d for _, d in access.deliverable(actor, load_region())}:
        raise NotFound()
    return template_file(dataset, fmt)


def template_file(dataset: str, fmt: str) -> tuple[str, str, bytes]:
    """The empty delivery file of a dataset: (file name, content type, bytes). Public knowledge."""
    from zicht.schema.frictionless import table_schema
    from zicht.schema.templates import csv_template, xlsx_template

    if dataset not in DATASETS:
        raise NotFound()
    declared = DATASETS[dataset]
    if fmt == "csv":
        return f"{dataset}.csv", "text/csv; charset=utf-8", csv_template(declared)
    if fmt == "xlsx":
        xlsx = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        return f"{dataset}.xlsx", xlsx, xlsx_template(declared, load_region())
    if fmt == "schema":
        schema = table_schema(declared, load_region())
        text = json.dumps(schema, ensure_ascii=False, indent=2) + "\n"
        return f"{dataset}.schema.json", "application/json", text.encode("utf-8")
    raise NotFound()
