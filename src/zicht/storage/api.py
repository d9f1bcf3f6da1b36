"""Every write to the database, and the few reads the rest of zicht needs, as verb-named functions.

The command line (and later the web app) parse input, call one of these, and render the result.
"""

from __future__ import annotations

import getpass
import hashlib
from collections.abc import Callable
from dataclasses import asdict, dataclass
from pathlib import Path

from zicht.storage.database import configure, raw_connection, vendor

configure()

from django.db import connection, transaction  # noqa: E402
from django.utils import timezone  # noqa: E402

from zicht.region import Region, load_region  # noqa: E402
from zicht.schema.datasets import DATASETS  # noqa: E402
from zicht.schema.findings import Finding  # noqa: E402
from zicht.sql import record_table  # noqa: E402
from zicht.storage.models import (  # noqa: E402
    RECORD_MODELS,
    AuditEvent,
    Delivery,
    NarrativeText,
    field_name,
)

__all__ = [
    "DeliveryInfo",
    "ImportResult",
    "import_delivery",
    "list_deliveries",
    "plan_items",
    "current_deliveries",
    "delete_deliveries",
    "set_text",
    "get_texts",
    "record_event",
    "raw_connection",
    "vendor",
]


@dataclass(frozen=True)
class DeliveryInfo:
    id: int
    partner: str
    dataset: str
    year: int
    version: int
    is_current: bool
    file_name: str
    file_hash: str
    row_count: int
    delivered_at: str
    delivered_by: str
    format_version: int

    @classmethod
    def of(cls, d: Delivery) -> DeliveryInfo:
        return cls(
            d.id,
            d.partner,
            d.dataset,
            d.year,
            d.version,
            d.is_current,
            d.file_name,
            d.file_hash,
            d.row_count,
            d.delivered_at.isoformat(timespec="seconds"),
            d.delivered_by,
            d.format_version,
        )

    def as_dict(self) -> dict:
        return asdict(self)


@dataclass(frozen=True)
class ImportResult:
    findings: list[Finding]
    delivery: DeliveryInfo | None

    @property
    def accepted(self) -> bool:
        return not self.findings and self.delivery is not None

    def as_dict(self) -> dict:
        return {
            "accepted": self.accepted,
            "findings": [f.as_dict() for f in self.findings],
            "delivery": self.delivery.as_dict() if self.delivery else None,
        }


def file_sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as f:
        for block in iter(lambda: f.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def default_actor() -> str:
    try:
        return getpass.getuser()
    except Exception:  # no user name in a container is not a reason to refuse a delivery
        return "onbekend"


def import_delivery(
    path: Path,
    dataset: str,
    year: int,
    partner: str,
    by: str | None = None,
    region: Region | None = None,
    progress: Callable[[str], None] | None = None,
) -> ImportResult:
    """Validate a file and, when it is clean, store it as the new current version, all or nothing."""
    from zicht.schema.validation import validate_file

    region = region or load_region()
    path = Path(path)
    step = progress or (lambda _: None)
    step("validate")
    validation = validate_file(path, DATASETS[dataset], year, region, partner=partner)
    if not validation.accepted:
        return ImportResult(list(validation.findings), None)
    partner_code = region.find_partner(partner).code
    step("store")
    info = store_delivery(
        validation.table,
        dataset=dataset,
        year=year,
        partner=partner_code,
        file_name=_safe_file_name(path, dataset, year),
        file_hash=file_sha256(path),
        by=by or default_actor(),
    )
    return ImportResult([], info)


def _safe_file_name(path: Path, dataset: str, year: int) -> str:
    """The delivered file's name for provenance, unless it carries a direct identifier (then a neutral one)."""
    from zicht.schema.identifiers import find_identifier

    return f"{dataset}-{year}{path.suffix.lower()}" if find_identifier(path.stem) else path.name


def store_delivery(table, *, dataset: str, year: int, partner: str, file_name: str, file_hash: str, by: str):
    """Store a validated table as the new current version of (partner, dataset, year), atomically."""
    with transaction.atomic():
        previous = (
            Delivery.objects.select_for_update()
            .filter(partner=partner, dataset=dataset, year=year)
            .order_by("-version")
            .first()
        )
        Delivery.objects.filter(partner=partner, dataset=dataset, year=year, is_current=True).update(is_current=False)
        delivery = Delivery.objects.create(
            partner=partner,
            dataset=dataset,
            year=year,
            version=(previous.version + 1) if previous else 1,
            is_current=True,
            file_name=file_name,
            file_hash=file_hash,
            row_count=len(table),
            delivered_at=timezone.now(),
            delivered_by=by,
        )
        _insert_records(delivery.id, dataset, table)
        record_event(
            by,
            "import",
            str(delivery),
            {"delivery": delivery.id, "rows": len(table), "file_hash": file_hash},
        )
    return DeliveryInfo.of(delivery)


def _insert_records(delivery_id: int, dataset: str, table) -> None:
    declared = DATASETS[dataset]
    rows = table["_row"].astype("int64").tolist()
    plain = [c.name for c in declared.columns if not c.multi]
    frame = table[plain].astype(object)
    frame = frame.where(frame.notna(), None)
    columns = ["delivery_id", "row", *(field_name(c) for c in plain)]
    records = [(delivery_id, r, *values) for r, values in zip(rows, frame.itertuples(index=False, name=None))]
    _bulk_insert(record_table(dataset), columns, records)
    for column in (c.name for c in declared.columns if c.multi):
        codes = [
            (delivery_id, r, code)
            for r, joined in zip(rows, table[column].tolist())
            if isinstance(joined, str)
            for code in joined.split("|")
        ]
        _bulk_insert(record_table(dataset, column), ["delivery_id", "row", "code"], codes)


def _bulk_insert(table: str, columns: list[str], records: list[tuple]) -> None:
    if not records:
        return
    quoted = ", ".join(connection.ops.quote_name(c) for c in columns)
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            # COPY is PostgreSQL's bulk path: an order of magnitude faster than row-by-row inserts.
            with cursor.cursor.copy(f"COPY {table} ({quoted}) FROM STDIN") as copy:
                for record in records:
                    copy.write_row(record)
        else:
            marks = ", ".join(["%s"] * len(columns))
            cursor.executemany(f"INSERT INTO {table} ({quoted}) VALUES ({marks})", records)


def plan_items(year: int) -> tuple[list[dict] | None, list[dict] | None]:
    """The action plan's actions and the local initiatives of `year` (None where not delivered)."""
    current = Delivery.objects.filter(year=year, is_current=True)
    actions = initiatives = None
    if current.filter(dataset="acties").exists():
        rows = RECORD_MODELS["acties"].objects.filter(delivery__in=current.filter(dataset="acties"))
        actions = list(rows.order_by("opgave", "row").values("opgave", "titel", "status"))
    if current.filter(dataset="initiatieven").exists():
        rows = RECORD_MODELS["initiatieven"].objects.filter(delivery__in=current.filter(dataset="initiatieven"))
        initiatives = list(rows.order_by("gemeente", "datum", "row").values("gemeente", "titel", "soort", "opgave"))
    return actions, initiatives


def list_deliveries(year: int | None = None) -> list[DeliveryInfo]:
    """Every delivered version, oldest year first."""
    query = Delivery.objects.all()
    if year is not None:
        query = query.filter(year=year)
    return [DeliveryInfo.of(d) for d in query.order_by("year", "dataset", "partner", "version")]


def current_deliveries(year: int) -> list[DeliveryInfo]:
    """The versions that count for `year`."""
    query = Delivery.objects.filter(year=year, is_current=True).order_by("dataset", "partner")
    return [DeliveryInfo.of(d) for d in query]


def delete_deliveries(by: str, reason: str) -> int:
    """Remove every delivery and its records (used by `zicht demo` to replace the demo data)."""
    with transaction.atomic():
        count = Delivery.objects.count()
        Delivery.objects.all().delete()
        record_event(by, "delete-deliveries", "all", {"count": count, "reason": reason})
    return count


def set_text(year: int, section: str, markdown: str, by: str | None = None, lang: str = "nl") -> int:
    """Store a narrative text as the new current version; returns its version number."""
    by = by or default_actor()
    with transaction.atomic():
        previous = NarrativeText.objects.filter(year=year, section=section, lang=lang).order_by("-version").first()
        NarrativeText.objects.filter(year=year, section=section, lang=lang, is_current=True).update(is_current=False)
        text = NarrativeText.objects.create(
            year=year,
            section=section,
            lang=lang,
            markdown=markdown,
            version=(previous.version + 1) if previous else 1,
            is_current=True,
            created_at=timezone.now(),
            created_by=by,
        )
        record_event(by, "set-text", f"{year}/{section}/{lang}", {"version": text.version})
    return text.version


def get_texts(year: int, lang: str = "nl") -> dict[str, str]:
    """The current narrative texts of a year: section -> Markdown. Falls back to Dutch per section."""
    texts = {t.section: t.markdown for t in NarrativeText.objects.filter(year=year, lang="nl", is_current=True)}
    if lang != "nl":
        texts.update(
            {t.section: t.markdown for t in NarrativeText.objects.filter(year=year, lang=lang, is_current=True)}
        )
    return texts


def record_event(actor: str, action: str, subject: str, details: dict | None = None) -> None:
    """Append to the audit log (who saw or changed what)."""
    AuditEvent.objects.create(at=timezone.now(), actor=actor, action=action, subject=subject, details=details or {})
