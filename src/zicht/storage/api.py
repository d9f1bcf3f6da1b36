"""The storage's writes and reads, as verb-named functions, below the use cases.

`zicht.services` (the use cases the command line and the web call, with an actor and access checks)
is built on these; nothing else writes. Deleting deliveries is not here: only `zicht.services` can.
"""

from __future__ import annotations

import getpass
import hashlib
import json
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
    StoredEstimate,
    field_name,
)

__all__ = [
    "DeliveryInfo",
    "ImportResult",
    "import_delivery",
    "list_deliveries",
    "plan_items",
    "current_deliveries",
    "store_delivery",
    "copy_delivery",
    "set_text",
    "get_texts",
    "record_event",
    "consistency_problems",
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
    delivered_via: str = "cli"
    restores_version: int | None = None
    changes: dict | None = None

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
            timezone.localtime(d.delivered_at).isoformat(timespec="seconds"),
            d.delivered_by,
            d.format_version,
            d.delivered_via,
            d.restores_version,
            d.changes,
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
    via: str = "cli",
    file_name: str | None = None,
) -> ImportResult:
    """Validate a file and, when it is clean, store it as the new current version, all or nothing.

    `file_name`: the name the partner gave the file, when `path` is a server-side copy of it."""
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
        file_name=safe_file_name(file_name or path.name, dataset, year),
        file_hash=file_sha256(path),
        by=by or default_actor(),
        via=via,
    )
    return ImportResult([], info)


def safe_file_name(name: str, dataset: str, year: int) -> str:
    """The delivered file's name for provenance, unless it carries a direct identifier (then a neutral one)."""
    from zicht.schema.identifiers import find_identifier

    name = Path(name).name[:200]
    path = Path(name)
    return f"{dataset}-{year}{path.suffix.lower()}" if find_identifier(path.stem) else name


def store_delivery(
    table,
    *,
    dataset: str,
    year: int,
    partner: str,
    file_name: str,
    file_hash: str,
    by: str,
    via: str = "cli",
):
    """Store a validated table as the new current version of (partner, dataset, year), atomically."""
    return _new_version(
        dataset,
        year,
        partner,
        file_name=file_name,
        file_hash=file_hash,
        by=by,
        via=via,
        row_count=len(table),
        fill=lambda delivery_id: _insert_records(delivery_id, dataset, table),
    )


def copy_delivery(source_id: int, by: str, via: str = "cli") -> DeliveryInfo:
    """Make an earlier version current again, as a new version with the same records (a restore)."""
    source = Delivery.objects.get(pk=source_id)
    return _new_version(
        source.dataset,
        source.year,
        source.partner,
        file_name=source.file_name,
        file_hash=source.file_hash,
        by=by,
        via=via,
        row_count=source.row_count,
        fill=lambda delivery_id: _copy_records(source.id, delivery_id, source.dataset),
        restores_version=source.version,
    )


def _new_version(
    dataset, year, partner, *, file_name, file_hash, by, via, row_count, fill, restores_version=None
) -> DeliveryInfo:
    from zicht.storage.changes import describe_changes

    with transaction.atomic():
        _lock_versions(partner, dataset, year)
        previous = (
            Delivery.objects.select_for_update()
            .filter(partner=partner, dataset=dataset, year=year)
            .order_by("-version")
            .first()
        )
        current = Delivery.objects.filter(partner=partner, dataset=dataset, year=year, is_current=True).first()
        Delivery.objects.filter(partner=partner, dataset=dataset, year=year, is_current=True).update(is_current=False)
        delivery = Delivery.objects.create(
            partner=partner,
            dataset=dataset,
            year=year,
            version=(previous.version + 1) if previous else 1,
            is_current=True,
            file_name=file_name,
            file_hash=file_hash,
            row_count=row_count,
            delivered_at=timezone.now(),
            delivered_by=by,
            delivered_via=via,
            restores_version=restores_version,
        )
        fill(delivery.id)
        delivery.changes = describe_changes(
            raw_connection(), vendor(), dataset, current.id if current else None, delivery.id
        )
        delivery.save(update_fields=["changes"])
        details = {"delivery": delivery.id, "rows": row_count, "file_hash": file_hash, "via": via}
        if restores_version is not None:
            details["restores_version"] = restores_version
        record_event(by, "restore" if restores_version is not None else "import", str(delivery), details)
    return DeliveryInfo.of(delivery)


def _lock_versions(partner: str, dataset: str, year: int) -> None:
    """Serialise new versions of one (partner, dataset, year): two first deliveries at the same moment
    would otherwise both take version 1 (select_for_update locks nothing when no row exists yet).
    PostgreSQL: a transaction-scoped advisory lock on the triple. SQLite: the first write takes the
    database's write lock for the rest of the transaction."""
    if connection.vendor == "postgresql":
        key = int.from_bytes(hashlib.sha256(f"{partner}/{dataset}/{year}".encode()).digest()[:8], "big", signed=True)
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_advisory_xact_lock(%s)", [key])
    else:
        with connection.cursor() as cursor:  # a no-op write that takes SQLite's write lock now, not later
            cursor.execute("UPDATE zicht_delivery SET id = id WHERE 0")


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


def _copy_records(source_id: int, delivery_id: int, dataset: str) -> None:
    declared = DATASETS[dataset]
    plain = ", ".join(connection.ops.quote_name(field_name(c.name)) for c in declared.columns if not c.multi)
    tables = [(record_table(dataset), plain)] + [
        (record_table(dataset, c.name), "code") for c in declared.columns if c.multi
    ]
    with connection.cursor() as cursor:
        for table, columns in tables:
            cursor.execute(
                f'INSERT INTO {table} (delivery_id, "row", {columns}) '
                f'SELECT %s, "row", {columns} FROM {table} WHERE delivery_id = %s',
                [delivery_id, source_id],
            )


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


def set_text(year: int, section: str, markdown: str, by: str | None = None, lang: str = "nl", via: str = "cli") -> int:
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
        record_event(by, "set-text", f"{year}/{section}/{lang}", {"version": text.version, "via": via})
    return text.version


def get_texts(year: int, lang: str = "nl") -> dict[str, str]:
    """The current narrative texts of a year: section -> Markdown. Falls back to Dutch per section."""
    texts = {t.section: t.markdown for t in NarrativeText.objects.filter(year=year, lang="nl", is_current=True)}
    if lang != "nl":
        texts.update(
            {t.section: t.markdown for t in NarrativeText.objects.filter(year=year, lang=lang, is_current=True)}
        )
    return texts


class EstimateStore:
    """Estimates kept in the database (`zicht.estimation.linkage.estimate_year`'s store): the result per
    capture-table hash, options and software version; never the capture table itself."""

    @staticmethod
    def _options_hash(options: dict) -> str:
        return hashlib.sha256(json.dumps(options, sort_keys=True, default=str).encode()).hexdigest()

    def load(self, inputs_hash: str, options: dict, version: str) -> dict | None:
        stored = StoredEstimate.objects.filter(
            inputs_hash=inputs_hash, options_hash=self._options_hash(options), software_version=version
        ).first()
        return stored.result if stored else None

    def save(self, year: int, inputs_hash: str, options: dict, version: str, result: dict, by: str = "") -> None:
        from django.db import IntegrityError

        try:
            with transaction.atomic():
                StoredEstimate.objects.create(
                    year=year,
                    inputs_hash=inputs_hash,
                    options_hash=self._options_hash(options),
                    options=json.loads(json.dumps(options, default=str)),
                    software_version=version,
                    result=result,
                    created_at=timezone.now(),
                    created_by=by or default_actor(),
                )
        except IntegrityError:  # another process stored the same result first: it is the same result
            pass


def consistency_problems() -> list[str]:
    """What is wrong with the stored deliveries, as sentences (empty: consistent). Checked after a crash
    (tests/hardening), after a restore and by `zicht backup` before it writes: the database's own check
    (SQLite's integrity_check and foreign_key_check), one current version per (partner, dataset, year),
    versions 1..n without a gap, and every version holding exactly the records it counted."""
    problems: list[str] = []
    with connection.cursor() as cursor:
        if connection.vendor == "sqlite":
            cursor.execute("PRAGMA integrity_check")
            problems += [f"integrity_check: {row[0]}" for row in cursor.fetchall() if row[0] != "ok"]
            cursor.execute("PRAGMA foreign_key_check")
            problems += [f"foreign_key_check: {row}" for row in cursor.fetchall()]
        cursor.execute(
            "SELECT partner, dataset, year, COUNT(*), SUM(CASE WHEN is_current THEN 1 ELSE 0 END), MAX(version) "
            "FROM zicht_delivery GROUP BY partner, dataset, year"
        )
        for partner, dataset, year, count, current, highest in cursor.fetchall():
            if current != 1:
                problems.append(f"{partner} {dataset} {year}: {current} current versions")
            if highest != count:
                problems.append(f"{partner} {dataset} {year}: versions up to {highest}, but {count} kept")
        for dataset in DATASETS:
            cursor.execute(
                f"SELECT d.id, d.row_count, COUNT(r.delivery_id) FROM zicht_delivery d "
                f"LEFT JOIN {record_table(dataset)} r ON r.delivery_id = d.id WHERE d.dataset = %s "
                "GROUP BY d.id, d.row_count",
                [dataset],
            )
            problems += [
                f"delivery {id_}: {found} records, {rows} counted"
                for id_, rows, found in cursor.fetchall()
                if found != rows
            ]
            tables = [record_table(dataset)] + [
                record_table(dataset, c.name) for c in DATASETS[dataset].columns if c.multi
            ]
            for table in tables:
                cursor.execute(
                    f"SELECT COUNT(*) FROM {table} r LEFT JOIN zicht_delivery d ON d.id = r.delivery_id WHERE d.id IS NULL"
                )
                orphans = cursor.fetchone()[0]
                if orphans:
                    problems.append(f"{table}: {orphans} records of no delivery")
    return problems


# Every action the audit log can hold; the analyst's desk names each (zicht.web.beheer.labels, a test
# keeps the two equal). An action not listed here is a programming error, refused before it is written.
AUDIT_ACTIONS = frozenset(
    {
        # accounts and sessions
        "login", "login-failed", "lockout", "logout", "second-factor", "second-factor-failed",
        "second-factor-enrolled", "password-change", "account-add", "account-disable", "account-enable",
        "account-reset", "token-create", "token-revoke", "token-use",
        # deliveries, texts, the monitor
        "upload-checked", "upload-refused", "delivery-refused", "import", "restore", "delete-deliveries",
        "set-text", "view-indicators", "preview-report", "render-report", "estimate", "publish", "export-audit",
        # the action plan
        "action-added", "action-changed", "action-removed", "actions-carried-over", "initiative-added",
        "initiative-changed", "initiative-removed",
        # materials on loan
        "material-changed", "reservation-requested", "reservation-confirmed", "reservation-refused",
        "reservation-cancelled", "loan-confirmed", "loan-handed-over", "loan-returned", "loan-reach",
        "loan-cancelled",
        # backup and retention
        "backup", "restore-backup", "purge",
    }
)  # fmt: skip


def record_event(actor: str, action: str, subject: str, details: dict | None = None) -> None:
    """Append to the audit log (who saw or changed what)."""
    if action not in AUDIT_ACTIONS:
        raise ValueError(f"unknown audit action {action!r}: add it to AUDIT_ACTIONS and its label")
    AuditEvent.objects.create(at=timezone.now(), actor=actor, action=action, subject=subject, details=details or {})
