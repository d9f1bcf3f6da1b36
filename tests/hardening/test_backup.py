"""Backup, restore and purge (issue 10, parts 5 and 6), through the use cases and through the command."""

from __future__ import annotations

import base64
import datetime as dt
import hashlib
import json
import re
import zipfile

import pytest

from zicht.access import Actor
from zicht.services.errors import Refused

PASSWORD = "vier-woorden-zijn-veilig-2024"


@pytest.fixture
def operator():
    return Actor.command_line("beheerder")


@pytest.fixture
def world(db, operator):
    """The demo, an analyst with a second factor, a text, a published edition, a stored estimate and an
    upload waiting for its confirmation."""
    from django.contrib.auth.models import User
    from django.utils import timezone
    from django_otp.plugins.otp_totp.models import TOTPDevice

    from zicht.services.accounts import add_user
    from zicht.services.demo import load_demo
    from zicht.services.monitor import set_text
    from zicht.storage.api import EstimateStore
    from zicht.storage.models import Edition, EditionFile, PendingUpload

    load_demo(operator)
    add_user(operator, "ana", "analyst", PASSWORD)
    user = User.objects.get(username="ana")
    TOTPDevice.objects.create(user=user, name="telefoon", confirmed=True)
    set_text(operator, 2024, "conclusie", "# Conclusie\n\nHet beeld is *stabiel*.")
    edition = Edition.objects.create(
        year=2023, number=1, published_at=timezone.now(), published_by="beheerder", note="", region="regio-rotterdam",
        software_version="test", indicators={"2023": {"values": []}}, public_indicators={"2023": {"values": []}},
        deliveries=[{"partner": "ESSM", "version": 1}],
    )  # fmt: skip
    content = b"%PDF-1.7 \x00\xff binary stand-in"
    EditionFile.objects.create(
        edition=edition, name="monitor-2023.pdf", kind="pdf", lang="nl", content=content,
        sha256=hashlib.sha256(content).hexdigest(), size=len(content),
    )  # fmt: skip
    EstimateStore().save(2024, "a" * 64, {"method": "stepwise"}, "test", {"estimate": 557.5, "ci": None})
    PendingUpload.objects.create(
        file_hash="b" * 64, user=user, partner="ESSM", dataset="meldingen", year=2024, file_name="x.csv",
        content=b"id\n", accepted=True, rows=0, findings=[], created_at=timezone.now(),
        expires_at=timezone.now() - dt.timedelta(hours=1),
    )  # fmt: skip


def snapshot() -> dict:
    """Every table's rows (the transient ones left out), the indicators of every year and the monitor."""
    from zicht import monitor
    from zicht.indicators import compute
    from zicht.region import load_region
    from zicht.storage import api, archive

    tables = {
        table: list(archive._rows(model))
        for table, model in archive.table_models().items()
        if table not in archive.TRANSIENT
    }
    conn, vendor = api.raw_connection(), api.vendor()
    indicators = {year: compute(conn, vendor, load_region(), year) for year in range(2019, 2025)}
    html, _ = monitor.build(2024, with_estimate=False)
    return {"tables": tables, "indicators": indicators, "monitor": _stable(html)}


def _stable(html: str) -> str:
    """The monitor with its charts' clip-path ids numbered per chart: vl-convert counts them per process, so
    two renderings in one process differ in those ids alone (the command line's test compares processes)."""

    def renumber(match: re.Match) -> str:
        svg = base64.b64decode(match.group(1)).decode("utf-8")
        ids: dict[str, str] = {}
        svg = re.sub(r"clip\d+", lambda m: ids.setdefault(m.group(0), f"clip{len(ids)}"), svg)
        return "base64," + base64.b64encode(svg.encode("utf-8")).decode("ascii")

    return re.sub(r"base64,([A-Za-z0-9+/=]+)", renumber, html)


def _without_audit(state: dict) -> dict:
    return {**state, "tables": {t: rows for t, rows in state["tables"].items() if t != "zicht_audit"}}


@pytest.mark.slow
def test_a_round_trip_gives_identical_tables_indicators_and_monitor(world, operator, tmp_path, settings):
    from zicht.services.backup import backup, restore
    from zicht.storage.models import AuditEvent, Delivery, PendingUpload

    settings.ZICHT_HOME = tmp_path / "home"
    before = snapshot()
    info = backup(operator, tmp_path / "regio.zip")
    assert info.counts["delivery_versions"] == Delivery.objects.count() and info.counts["editions"] == 1
    assert oct((tmp_path / "regio.zip").stat().st_mode & 0o777) == "0o600"
    Delivery.objects.filter(year=2024).delete()  # the disaster the backup is for
    AuditEvent.objects.create(at=dt.datetime.now(dt.UTC), actor="x", action="x", subject="x", details={})

    with pytest.raises(Refused):  # the database holds data: only with --force
        restore(operator, tmp_path / "regio.zip")
    result = restore(operator, tmp_path / "regio.zip", force=True)

    after = snapshot()
    assert _without_audit(after) == _without_audit(before)
    audit_before, audit_after = before["tables"]["zicht_audit"], after["tables"]["zicht_audit"]
    assert audit_after[: len(audit_before)] == audit_before  # the backup's log, then the restore itself
    assert [row[2:4] for row in audit_after[len(audit_before) :]] == [["beheerder", "restore-backup"]]
    assert not PendingUpload.objects.exists()
    assert result.safety_copy is not None and result.safety_copy.is_file()  # the replaced data, kept


def _rewritten(source, target, manifest=None, member=None):
    with zipfile.ZipFile(source) as original, zipfile.ZipFile(target, "w") as out:
        for item in original.infolist():
            data = original.read(item.filename)
            if item.filename == "manifest.json" and manifest:
                changed = json.loads(data)
                manifest(changed)
                data = json.dumps(changed).encode()
            if member and item.filename == member[0]:
                data = member[1](data)
            out.writestr(item.filename, data)
    return target


@pytest.mark.slow
def test_restore_refuses_damaged_foreign_and_newer_files_and_changes_nothing(world, operator, tmp_path, settings):
    from zicht.services.backup import backup, restore
    from zicht.storage import archive

    settings.ZICHT_HOME = tmp_path / "home"
    good = backup(operator, tmp_path / "goed.zip").path
    (tmp_path / "tekst.zip").write_text("geen back-up")
    with zipfile.ZipFile(tmp_path / "vreemd.zip", "w") as foreign:
        foreign.writestr("manifest.json", json.dumps({"format": "iets-anders"}))
    (tmp_path / "afgekapt.zip").write_bytes(good.read_bytes()[:3000])
    bad = {
        "tekst.zip": ("geen zip-bestand", "not a zip file"),
        "vreemd.zip": ("ander soort bestand", "another kind of file"),
        "afgekapt.zip": ("geen zip-bestand", "not a zip file"),
        "nieuwer.zip": ("nieuwere versie", "newer zicht"),
        "toekomst.zip": ("storage.0999_toekomst", "unknown here"),
        "veranderd.zip": ("klopt niet met het manifest", "does not match its hash"),
        "utrecht.zip": ("regio-utrecht", "regio-utrecht"),
    }
    _rewritten(good, tmp_path / "nieuwer.zip", manifest=lambda m: m.update(format_version=archive.FORMAT_VERSION + 1))
    _rewritten(good, tmp_path / "toekomst.zip", manifest=lambda m: m["migrations"].append(["storage", "0999_toekomst"]))
    _rewritten(good, tmp_path / "utrecht.zip", manifest=lambda m: m.update(region="regio-utrecht"))
    _rewritten(
        good, tmp_path / "veranderd.zip", member=("tables/zicht_delivery.jsonl", lambda d: d.replace(b"ESSM", b"ESSN"))
    )
    before = snapshot()["tables"]
    for name, (nl, en) in bad.items():
        with pytest.raises(Refused) as refused:
            restore(operator, tmp_path / name, force=True)
        assert nl in refused.value.message_nl and en in refused.value.message_en, name
    after = snapshot()["tables"]
    assert after == before  # not even the audit log changed
    assert not (tmp_path / "home" / "backups").exists()  # a refused file never got as far as the safety copy


@pytest.mark.slow
def test_an_older_backup_is_restored_with_the_defaults_of_what_was_added_since(world, operator, tmp_path, settings):
    """A backup made before a column and a migration existed: the column takes its default."""
    from zicht.services.backup import backup, restore
    from zicht.storage.models import Delivery

    settings.ZICHT_HOME = tmp_path / "home"
    good = backup(operator, tmp_path / "nu.zip").path

    def drop_column(data: bytes) -> bytes:
        rows = [json.loads(line) for line in data.decode().splitlines()]
        return "".join(json.dumps(row[:-1]) + "\n" for row in rows).encode()  # the last column: `changes`

    with zipfile.ZipFile(good) as z:
        manifest = json.loads(z.read("manifest.json"))
        columns = manifest["tables"]["zicht_delivery"]["columns"]
        changed = drop_column(z.read("tables/zicht_delivery.jsonl"))
    assert columns[-1] == "changes"

    def older(m):
        m["tables"]["zicht_delivery"].update(columns=columns[:-1], sha256=hashlib.sha256(changed).hexdigest())
        m["migrations"] = [x for x in m["migrations"] if x[0] != "storage" or x[1] < "0002"]

    old = _rewritten(good, tmp_path / "oud.zip", manifest=older, member=("tables/zicht_delivery.jsonl", drop_column))
    count = Delivery.objects.count()
    restore(operator, old, force=True)
    assert Delivery.objects.count() == count and not Delivery.objects.exclude(changes=None).exists()


def test_backup_never_overwrites_a_file_unless_told(db, operator, tmp_path):
    from zicht.services.backup import backup

    (tmp_path / "bestaat.zip").write_bytes(b"iets")
    with pytest.raises(Refused):
        backup(operator, tmp_path / "bestaat.zip")
    assert (tmp_path / "bestaat.zip").read_bytes() == b"iets"
    assert backup(operator, tmp_path / "bestaat.zip", force=True).size > 100


def test_a_backup_that_cannot_be_written_names_the_file_asked_for_not_its_temporary(db, operator):
    from zicht.cli.common import expected_failure
    from zicht.services.backup import backup

    target = "/proc/zicht-backup.zip"  # a folder that exists and where no file can be made (Linux)
    with pytest.raises(OSError) as caught:
        backup(operator, target)
    nl, en = expected_failure(caught.value)
    assert target in nl and target in en and ".partial" not in nl + en


def test_only_an_actor_who_may_see_everything_may_back_up_restore_or_purge(db, tmp_path):
    from zicht.access import ROLE_CAPABILITIES, NotAllowed
    from zicht.services.backup import backup, purge, restore

    partner = Actor("essm", "partner", ROLE_CAPABILITIES["partner"], partner="ESSM")
    for attempt in (lambda: backup(partner, tmp_path / "x.zip"), lambda: restore(partner, tmp_path / "x.zip"),
                    lambda: purge(partner, dry_run=True)):  # fmt: skip
        with pytest.raises(NotAllowed):
            attempt()
    assert not (tmp_path / "x.zip").exists()


@pytest.mark.slow
def test_purge_removes_old_record_level_data_and_keeps_editions_and_the_audit_log(world, operator):
    from zicht.services.backup import purge
    from zicht.services.monitor import compute_year
    from zicht.storage import api
    from zicht.storage.models import AuditEvent, Delivery, Edition, PendingUpload, StoredEstimate

    later = compute_year(operator, 2024)
    audit = AuditEvent.objects.count()
    in_2035 = dt.date(2035, 6, 1)  # retention 10 years: 2019-2024 are older than 2025

    plan = purge(operator, dry_run=True, today=dt.date(2030, 1, 1))  # before 2020: the demo's 2019
    assert plan.years == [2019] and plan.versions == Delivery.objects.filter(year=2019).count() > 0
    assert Delivery.objects.filter(year=2019).exists() and AuditEvent.objects.count() == audit  # a look only

    done = purge(operator, today=dt.date(2030, 1, 1))
    assert done.years == [2019] and not Delivery.objects.filter(year=2019).exists()
    assert api.consistency_problems() == []  # no record of a removed delivery is left behind
    assert compute_year(operator, 2024)["values"] == later["values"]
    assert Edition.objects.count() == 1 and StoredEstimate.objects.count() == 1 and not PendingUpload.objects.exists()
    entry = AuditEvent.objects.filter(action="purge").get()
    assert entry.details["years"] == [2019] and entry.details["versions"] == done.versions
    assert AuditEvent.objects.count() > audit and api.consistency_problems() == []
    assert purge(operator, today=in_2035).years == [2020, 2021, 2022, 2023, 2024]


def test_purge_without_a_retention_setting_is_refused(db, operator, tmp_path, monkeypatch):
    from zicht.region import SHIPPED, load_region
    from zicht.services.backup import purge

    text = (SHIPPED / "regio-rotterdam.toml").read_text(encoding="utf-8")
    start = text.index("[retention]")
    region_file = tmp_path / "zonder.toml"
    region_file.write_text(text[:start] + text[text.index("\n\n", start) :], encoding="utf-8")
    monkeypatch.setenv("ZICHT_REGION", str(region_file))
    load_region.cache_clear()
    try:
        with pytest.raises(Refused) as refused:
            purge(operator)
        assert "bewaartermijn" in refused.value.message_nl
    finally:
        monkeypatch.delenv("ZICHT_REGION")
        load_region.cache_clear()


@pytest.mark.slow
def test_backup_and_restore_work_as_a_new_user_uses_them(zicht, zicht_env, second_env, tmp_path):
    from conftest import run_zicht

    there = lambda *args: run_zicht(second_env, *args, cwd=tmp_path)  # noqa: E731
    assert zicht("demo", "--no-report", "--no-publish").returncode == 0
    assert zicht("user", "add", "ana", "--role", "analyst", input=f"{PASSWORD}\n{PASSWORD}\n").returncode == 0
    made = zicht("backup", "regio.zip")
    assert made.returncode == 0 and "Back-up geschreven" in made.stdout, made.stderr

    put_back = there("restore", tmp_path / "regio.zip")
    assert put_back.returncode == 0 and "Teruggezet" in put_back.stdout, put_back.stderr
    # (The monitor and every year's indicators: test_a_round_trip_gives_identical_tables_indicators_and_monitor.)
    for args in [("deliveries", "--json"), ("user", "list", "--json"), ("indicators", "--year", 2024, "--json")]:
        assert there(*args).stdout == zicht(*args).stdout, args

    again = there("restore", tmp_path / "regio.zip")  # over data: refused without --force
    assert again.returncode == 1 and "--force" in again.stderr and "Traceback" not in again.stderr
    (tmp_path / "kapot.zip").write_bytes((tmp_path / "regio.zip").read_bytes()[:-500])
    damaged = there("restore", tmp_path / "kapot.zip", "--force")
    assert damaged.returncode == 1 and "niets veranderd" in damaged.stderr and "Traceback" not in damaged.stderr
