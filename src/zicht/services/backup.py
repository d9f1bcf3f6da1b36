"""Backup, restore and purge (spec/cli.md): everything in one file and back, and the region's retention.

- `backup(actor, path)`: every table in one file (`zicht.storage.archive`): every delivery version, text,
  account, audit entry, published edition and stored estimate, with a manifest of hashes.
- `restore(actor, path, force)`: checks the whole file first (format, version, region, hashes), then
  replaces the database's contents in one transaction, or changes nothing. Over existing data only with
  `force`.
- `purge(actor, dry_run)`: removes the record-level deliveries older than the region's retention
  (`[retention] years`), and uploads that waited past their time; published editions, stored estimates
  and the audit log stay. The purge is audited.

These hold everything about everyone: only an actor who may see every delivery, manage the accounts,
read the audit log and publish may use them (at present the operator at the command line).
"""

from __future__ import annotations

import datetime as dt
import hashlib
from dataclasses import dataclass, field
from pathlib import Path

from django.db import connection, transaction
from django.utils import timezone

from zicht import __version__, access
from zicht.access import Actor
from zicht.region import load_region
from zicht.services.audit import audit
from zicht.services.errors import Refused
from zicht.storage import api, archive
from zicht.storage.models import AuditEvent, Delivery, Edition, NarrativeText, PendingUpload, StoredEstimate

EVERYTHING = (access.VIEW_ALL_DELIVERIES, access.MANAGE_ACCOUNTS, access.VIEW_AUDIT, access.PUBLISH)


def _require_everything(actor: Actor) -> None:
    access.require(all(access.can(actor, c) for c in EVERYTHING))


def counts() -> dict[str, int]:
    """What the database holds, as a person counts it (the manifest and the command's summary)."""
    from django.contrib.auth.models import User

    return {
        "deliveries": Delivery.objects.filter(is_current=True).count(),
        "delivery_versions": Delivery.objects.count(),
        "texts": NarrativeText.objects.count(),
        "accounts": User.objects.count(),
        "audit_entries": AuditEvent.objects.count(),
        "editions": Edition.objects.count(),
        "estimates": StoredEstimate.objects.count(),
    }


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as f:
        for block in iter(lambda: f.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


@dataclass(frozen=True)
class BackupInfo:
    path: Path
    sha256: str
    size: int
    counts: dict[str, int]
    created_at: str
    zicht_version: str
    region: str
    problems: list[str] = field(default_factory=list)  # what the consistency check found (kept anyway)


def backup(actor: Actor, path: str | Path, force: bool = False) -> BackupInfo:
    """Write everything into `path`, from one consistent snapshot; refuses to overwrite unless `force`."""
    _require_everything(actor)
    path = Path(path)
    if path.exists() and not force:
        raise Refused(
            f"{path} bestaat al; kies een andere naam of gebruik --force om het te overschrijven.",
            f"{path} already exists; choose another name or use --force to overwrite it.",
        )
    if not path.parent.is_dir():
        raise Refused(f"De map {path.parent} bestaat niet.", f"The folder {path.parent} does not exist.")
    created_at = timezone.now().isoformat(timespec="seconds")
    outermost = not connection.in_atomic_block
    with transaction.atomic():
        if connection.vendor == "postgresql" and outermost:  # one snapshot for every table
            with connection.cursor() as cursor:
                cursor.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY")
        summary = counts()
        problems = api.consistency_problems()
        meta = {
            "zicht_version": __version__,
            "created_at": created_at,
            "created_by": actor.name,
            "region": load_region().slug,
            "counts": summary,
            "problems": problems,
        }
        archive.write(path, meta)
    info = BackupInfo(
        path, _sha256(path), path.stat().st_size, summary, created_at, __version__, meta["region"], problems
    )
    audit(actor, "backup", path.name, {"sha256": info.sha256, "size": info.size, **summary})
    return info


@dataclass(frozen=True)
class RestoreInfo:
    counts: dict[str, int]
    created_at: str
    created_by: str
    zicht_version: str
    replaced: bool  # whether data was replaced (--force)
    safety_copy: Path | None = None  # the backup of the replaced data


def _refusal(error: archive.ArchiveError) -> Refused:
    return Refused(error.message_nl, error.message_en, status=400)


def restore(actor: Actor, path: str | Path, force: bool = False) -> RestoreInfo:
    """Replace the database's contents by the backup's: all of it in one transaction, or nothing."""
    _require_everything(actor)
    path = Path(path)
    try:
        manifest = archive.read_manifest(path)
        region = load_region().slug
        if manifest.get("region") != region:
            raise archive.ArchiveError(
                f"{path} is een back-up van {manifest.get('region')!r}, deze database is van {region!r} "
                "(ZICHT_REGION); er is niets veranderd.",
                f"{path} is a backup of {manifest.get('region')!r}, this database is {region!r} (ZICHT_REGION); "
                "nothing was changed.",
            )
        archive.verify(path, manifest)
    except archive.ArchiveError as error:
        raise _refusal(error) from None
    replaced = archive.has_data()
    if replaced and not force:
        raise Refused(
            "Deze database bevat al gegevens; een restore vervangt ze allemaal. Maak eerst een back-up ervan "
            "(zicht backup) en herhaal dan met --force. Er is niets veranderd.",
            "This database already holds data; a restore replaces all of it. Back it up first (zicht backup), "
            "then repeat with --force. Nothing was changed.",
        )
    safety = None
    if replaced:
        from django.conf import settings

        folder = Path(settings.ZICHT_HOME) / "backups"
        folder.mkdir(parents=True, exist_ok=True)
        stamp = timezone.now().strftime("%Y%m%dT%H%M%S")
        safety = backup(actor, folder / f"voor-restore-{stamp}.zip", force=True).path
    try:
        with transaction.atomic():
            archive.load(path, manifest)
            problems = api.consistency_problems()
            if problems:
                raise archive.ArchiveError(
                    f"De back-up is niet consistent ({problems[0]}); er is niets veranderd.",
                    f"The backup is not consistent ({problems[0]}); nothing was changed.",
                )
            details = {
                "sha256": _sha256(path),
                "created_at": manifest.get("created_at"),
                "zicht_version": manifest.get("zicht_version"),
                "replaced": replaced,
                "safety_copy": str(safety) if safety else None,
            }
            audit(actor, "restore-backup", path.name, details)
    except archive.ArchiveError as error:
        raise _refusal(error) from None
    if {tuple(m) for m in manifest.get("migrations", [])} != {tuple(m) for m in archive.applied_migrations()}:
        # An older backup: the permissions and groups of what was added since are made again.
        from django.core.management.sql import emit_post_migrate_signal

        emit_post_migrate_signal(0, False, connection.alias)
    return RestoreInfo(
        counts(),
        str(manifest.get("created_at", "")),
        str(manifest.get("created_by", "")),
        str(manifest.get("zicht_version", "")),
        replaced,
        safety,
    )


# -- retention ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class PurgeInfo:
    retention_years: int
    before_year: int  # deliveries about years before this one are (or would be) removed
    years: list[int]
    versions: int  # delivery versions
    records: int  # record rows (multi-valued codes not counted)
    uploads: int  # expired uploads waiting for a confirmation
    dry_run: bool


def purge(actor: Actor, dry_run: bool = False, today: dt.date | None = None) -> PurgeInfo:
    """Remove every version of the deliveries about years more than the retention before `today`'s year."""
    _require_everything(actor)
    region = load_region()
    if region.retention_years is None:
        raise Refused(
            f"De regio {region.name} heeft geen bewaartermijn ([retention] years in de regioconfiguratie); er "
            "is niets verwijderd.",
            f"The region {region.name} sets no retention ([retention] years in its configuration); nothing was "
            "removed.",
        )
    today = today or timezone.localdate()
    before = today.year - region.retention_years
    with transaction.atomic():
        old = Delivery.objects.filter(year__lt=before)
        years = sorted(set(old.values_list("year", flat=True)))
        versions = old.count()
        records = sum(old.values_list("row_count", flat=True))
        expired = PendingUpload.objects.filter(expires_at__lt=timezone.now())
        uploads = expired.count()
        info = PurgeInfo(region.retention_years, before, years, versions, records, uploads, dry_run)
        if dry_run:
            return info
        old.delete()  # the records and multi-valued codes go with their delivery (on_delete=CASCADE)
        expired.delete()
        audit(
            actor,
            "purge",
            f"< {before}",
            {"retention_years": region.retention_years, "years": years, "versions": versions, "records": records,
             "uploads": uploads},
        )  # fmt: skip
    return info
