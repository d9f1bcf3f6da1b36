"""The backup file: every table of the database in one zip, with a manifest of hashes; and back.

Generic over the models: every table of every installed app is written, so a table that a later
migration adds is in the next backup without code here. Left out are the tables whose rows only live
for a while (sessions, uploads waiting for their confirmation); a restore empties them.

The file (`FORMAT`, `FORMAT_VERSION`):

    manifest.json        {"format", "format_version", "zicht_version", "created_at", "created_by",
                          "region", "database", "migrations": [[app, name], ...],
                          "counts": {...}, "tables": {table: {"model", "columns", "rows", "sha256"}}}
    tables/<table>.jsonl one JSON array per row, the values in the order of "columns"; bytes as base64,
                          dates and times in ISO 8601; its SHA-256 is in the manifest

The use cases (`zicht.services.backup`) check access, audit and decide about `--force`; this module only
writes, reads, verifies and loads, and leaves the transaction to its caller.
"""

from __future__ import annotations

import base64
import datetime as dt
import decimal
import hashlib
import io
import json
import os
import uuid
import zipfile
from collections.abc import Iterator
from pathlib import Path

from django.apps import apps
from django.core.management.color import no_style
from django.db import connection, models

FORMAT = "zicht-backup"
FORMAT_VERSION = 1
MANIFEST = "manifest.json"
TRANSIENT = ("django_session", "zicht_pending_upload")
# Filled by the migrations themselves: their rows are no one's data (a fresh database has them).
MADE_BY_MIGRATIONS = ("django_content_type", "auth_permission", "auth_group", "auth_group_permissions")
BATCH = 2000


class ArchiveError(Exception):
    """A backup file that cannot be used; Dutch and English say why."""

    def __init__(self, message_nl: str, message_en: str):
        super().__init__(message_en)
        self.message_nl = message_nl
        self.message_en = message_en


def table_models() -> dict[str, type[models.Model]]:
    """{table: model} of every concrete table of the installed apps, sorted by table name."""
    found = {
        m._meta.db_table: m for m in apps.get_models(include_auto_created=True) if m._meta.managed and not m._meta.proxy
    }
    return dict(sorted(found.items()))


def applied_migrations() -> list[list[str]]:
    with connection.cursor() as cursor:
        cursor.execute("SELECT app, name FROM django_migrations ORDER BY app, name")
        return [list(row) for row in cursor.fetchall()]


def known_migrations() -> set[tuple[str, str]]:
    """The migrations this version of zicht has on disk."""
    from django.db.migrations.loader import MigrationLoader

    return set(MigrationLoader(None, ignore_no_migrations=True).disk_migrations)


def has_data() -> bool:
    """Whether the database holds anything a restore would replace (beyond what the migrations make)."""
    for table, model in table_models().items():
        if table in MADE_BY_MIGRATIONS:
            continue
        if model._base_manager.exists():
            return True
    return False


# -- values -------------------------------------------------------------------------------------


def _encode(value):
    if value is None or isinstance(value, bool | int | float | str | list | dict):
        return value
    if isinstance(value, bytes | memoryview | bytearray):
        return base64.b64encode(bytes(value)).decode("ascii")
    if isinstance(value, dt.datetime | dt.date | dt.time):
        return value.isoformat()
    if isinstance(value, dt.timedelta):
        from django.utils.duration import duration_iso_string

        return duration_iso_string(value)
    if isinstance(value, decimal.Decimal | uuid.UUID):
        return str(value)
    raise TypeError(f"cannot write a {type(value).__name__} into a backup")


def _decode(field: models.Field, value):
    """A value read from a backup as the database wants it for `field`."""
    if value is not None and not isinstance(field, models.JSONField):
        value = field.to_python(value)  # base64 -> bytes, ISO text -> datetime, ...
    return field.get_db_prep_save(value, connection)


def _fields(model: type[models.Model]) -> list[models.Field]:
    return list(model._meta.concrete_fields)


# -- writing ------------------------------------------------------------------------------------


def _rows(model: type[models.Model]) -> Iterator[list]:
    names = [f.attname for f in _fields(model)]
    query = model._base_manager.order_by("pk").values_list(*names)
    for row in query.iterator(chunk_size=BATCH):
        yield [_encode(v) for v in row]


def write(path: Path, meta: dict) -> dict:
    """Write every table into `path` (via a temporary file in the same folder, renamed into place when
    complete, mode 0600); returns the manifest. Call inside one transaction: one consistent snapshot."""
    path = Path(path)
    tables: dict[str, dict] = {}
    temporary = path.with_name(f".{path.name}.{os.getpid()}.partial")
    try:
        descriptor = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    except OSError as error:  # name the file the user asked for, not the temporary one beside it
        raise OSError(error.errno, error.strerror, str(path)) from None
    try:
        with os.fdopen(descriptor, "wb") as raw, zipfile.ZipFile(raw, "w", zipfile.ZIP_DEFLATED) as archive:
            for table, model in table_models().items():
                if table in TRANSIENT:
                    continue
                digest, count = hashlib.sha256(), 0
                with archive.open(f"tables/{table}.jsonl", "w", force_zip64=True) as member:
                    for row in _rows(model):
                        line = (json.dumps(row, ensure_ascii=False, separators=(",", ":")) + "\n").encode("utf-8")
                        digest.update(line)
                        member.write(line)
                        count += 1
                tables[table] = {
                    "model": model._meta.label,
                    "columns": [f.column for f in _fields(model)],
                    "rows": count,
                    "sha256": digest.hexdigest(),
                }
            manifest = {
                "format": FORMAT,
                "format_version": FORMAT_VERSION,
                **meta,
                "database": connection.vendor,
                "migrations": applied_migrations(),
                "tables": tables,
            }
            archive.writestr(MANIFEST, json.dumps(manifest, ensure_ascii=False, indent=1))
            raw.flush()
            os.fsync(raw.fileno())
        os.replace(temporary, path)
    finally:
        if temporary.exists():
            temporary.unlink()
    return manifest


# -- reading ------------------------------------------------------------------------------------


def _not_a_backup(path: Path, why_nl: str, why_en: str) -> ArchiveError:
    return ArchiveError(
        f"{path} is geen bruikbare zicht-back-up ({why_nl}); er is niets veranderd.",
        f"{path} is not a usable zicht backup ({why_en}); nothing was changed.",
    )


def read_manifest(path: Path) -> dict:
    """The manifest of a backup file, checked for format and version (ArchiveError otherwise)."""
    path = Path(path)
    try:
        with zipfile.ZipFile(path) as archive:
            manifest = json.loads(archive.read(MANIFEST).decode("utf-8"))
    except (zipfile.BadZipFile, OSError, EOFError):
        raise _not_a_backup(path, "geen zip-bestand, of beschadigd", "not a zip file, or damaged") from None
    except KeyError:
        raise _not_a_backup(path, "er zit geen manifest in", "it holds no manifest") from None
    except (ValueError, zipfile.LargeZipFile):
        raise _not_a_backup(path, "het manifest is beschadigd", "its manifest is damaged") from None
    if not isinstance(manifest, dict) or manifest.get("format") != FORMAT:
        raise _not_a_backup(path, "het is een ander soort bestand", "it is another kind of file")
    version = manifest.get("format_version")
    if not isinstance(version, int) or not isinstance(manifest.get("tables"), dict):
        raise _not_a_backup(path, "het manifest is onvolledig", "its manifest is incomplete")
    if version > FORMAT_VERSION:
        raise ArchiveError(
            f"{path} is gemaakt door een nieuwere versie van zicht (formaat {version}, deze versie leest tot en "
            f"met {FORMAT_VERSION}); werk zicht bij en probeer het opnieuw. Er is niets veranderd.",
            f"{path} was made by a newer zicht (format {version}; this version reads up to {FORMAT_VERSION}); "
            "upgrade zicht and try again. Nothing was changed.",
        )
    return manifest


def verify(path: Path, manifest: dict) -> None:
    """Every table's rows and hash as the manifest says, and every table known to this version."""
    path = Path(path)
    unknown_migrations = {tuple(m) for m in manifest.get("migrations", [])} - known_migrations()
    if unknown_migrations:
        app, name = sorted(unknown_migrations)[0]
        raise ArchiveError(
            f"{path} komt van een nieuwere versie van zicht (migratie {app}.{name} is hier onbekend); werk zicht "
            "bij en probeer het opnieuw. Er is niets veranderd.",
            f"{path} comes from a newer zicht (migration {app}.{name} is unknown here); upgrade zicht and try "
            "again. Nothing was changed.",
        )
    here = table_models()
    try:
        with zipfile.ZipFile(path) as archive:
            for table, about in manifest["tables"].items():
                if table not in here:
                    raise _not_a_backup(path, f"onbekende tabel {table}", f"unknown table {table}")
                digest, count = hashlib.sha256(), 0
                with archive.open(f"tables/{table}.jsonl") as member:
                    for line in member:
                        digest.update(line)
                        count += 1
                if digest.hexdigest() != about.get("sha256") or count != about.get("rows"):
                    raise _not_a_backup(
                        path, f"de tabel {table} klopt niet met het manifest", f"table {table} does not match its hash"
                    )
    except (zipfile.BadZipFile, OSError, EOFError, KeyError, zipfile.LargeZipFile) as error:
        raise _not_a_backup(path, f"beschadigd ({type(error).__name__})", f"damaged ({type(error).__name__})") from None


# -- loading ------------------------------------------------------------------------------------


def _empty_all(tables: list[str]) -> list[tuple[str, str]]:
    """Empty every table; returns the SQLite triggers that were dropped to do so (to make again)."""
    quoted = [connection.ops.quote_name(t) for t in tables]
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            # TRUNCATE is not a row delete: the append-only triggers (audit, editions) do not fire. It refuses
            # a table with foreign-key checks still pending in this transaction: run those first.
            cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")
            cursor.execute(f"TRUNCATE {', '.join(quoted)} RESTART IDENTITY CASCADE")
            cursor.execute("SET CONSTRAINTS ALL DEFERRED")  # the rows come back in any order
            return []
        marks = ", ".join(["%s"] * len(tables))
        cursor.execute(f"SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND tbl_name IN ({marks})", tables)
        triggers = cursor.fetchall()
        for name, _sql in triggers:
            cursor.execute(f"DROP TRIGGER {connection.ops.quote_name(name)}")
        for table in quoted:
            cursor.execute(f"DELETE FROM {table}")
        return triggers


def _insert(model: type[models.Model], columns: list[str], lines: Iterator[bytes]) -> int:
    fields = {f.column: f for f in _fields(model)}
    missing = [f for c, f in fields.items() if c not in columns]
    for field in missing:
        if not (field.null or field.has_default()):
            raise ArchiveError(
                f"De back-up mist de kolom {model._meta.db_table}.{field.column}, die deze versie nodig heeft.",
                f"The backup lacks column {model._meta.db_table}.{field.column}, which this version needs.",
            )
    order = [fields[c] for c in columns] + missing
    names = ", ".join(connection.ops.quote_name(f.column) for f in order)
    marks = ", ".join(["%s"] * len(order))
    sql = f"INSERT INTO {connection.ops.quote_name(model._meta.db_table)} ({names}) VALUES ({marks})"
    defaults = [_decode(f, f.get_default() if f.has_default() else None) for f in missing]
    count, batch = 0, []
    with connection.cursor() as cursor:
        for line in lines:
            values = json.loads(line)
            batch.append([_decode(f, v) for f, v in zip(order, values, strict=False)] + defaults)
            if len(batch) >= BATCH:
                cursor.executemany(sql, batch)
                count, batch = count + len(batch), []
        if batch:
            cursor.executemany(sql, batch)
            count += len(batch)
    return count


def load(path: Path, manifest: dict) -> dict[str, int]:
    """Replace every table's rows by the backup's (call `verify` first, inside one transaction)."""
    here = table_models()
    for table, about in manifest["tables"].items():
        unknown = set(about["columns"]) - {f.column for f in _fields(here[table])}
        if unknown:
            raise ArchiveError(
                f"De back-up heeft de kolom {table}.{sorted(unknown)[0]}, die deze versie niet kent.",
                f"The backup has column {table}.{sorted(unknown)[0]}, which this version does not know.",
            )
    triggers = _empty_all(list(here))
    loaded: dict[str, int] = {}
    with zipfile.ZipFile(path) as archive:
        for table, about in manifest["tables"].items():
            with archive.open(f"tables/{table}.jsonl") as member:
                loaded[table] = _insert(here[table], about["columns"], io.BufferedReader(member))
    with connection.cursor() as cursor:
        for _name, sql in triggers:
            cursor.execute(sql)
        for statement in connection.ops.sequence_reset_sql(no_style(), list(here.values())):
            cursor.execute(statement)
    from django.contrib.contenttypes.models import ContentType

    ContentType.objects.clear_cache()
    return loaded
