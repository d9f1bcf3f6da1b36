"""The use cases (zicht.services): actors, access, transactions, the audit log, stored estimates."""

from __future__ import annotations

import pytest
from django.db import DatabaseError, transaction

from helpers import value_of
from zicht.access import Actor, NotAllowed
from zicht.services import Refused
from zicht.storage.models import AuditEvent, Delivery, StoredEstimate

pytestmark = pytest.mark.django_db

Y = 2024
OPERATOR = Actor.command_line("tester")
PARTNER = Actor(name="essm-user", role="partner", capabilities=frozenset({"deliver"}), partner="ESSM", via="web")


def controle(i, **kw):
    return {"id": f"k{i}", "datum": f"{Y}-02-0{1 + i % 9}", "gemeente": "Rotterdam", **kw}


def test_every_write_records_its_actor_and_how_it_acted(deliver):
    from zicht.services.monitor import set_text

    set_text(OPERATOR, Y, "conclusie", "Tekst.")
    event = AuditEvent.objects.get(action="set-text")
    assert event.actor == "tester" and event.details["via"] == "cli"


def test_a_partner_cannot_compute_the_unpublished_figures():
    from zicht.services.monitor import compute_year

    with pytest.raises(NotAllowed):
        compute_year(PARTNER, Y)


def test_a_partner_cannot_write_texts_or_publish():
    from zicht.services.monitor import set_text
    from zicht.services.publication import publish

    with pytest.raises(NotAllowed):
        set_text(PARTNER, Y, "conclusie", "x")
    with pytest.raises(NotAllowed):
        publish(PARTNER, Y)


def test_restore_makes_an_earlier_version_current_as_a_new_version(deliver, indicators_of):
    from zicht.services.deliveries import history, restore

    first = deliver("controles", Y, "RCTM", [controle(1, bevindingen="niet-vergund"), controle(2)])
    deliver("controles", Y, "RCTM", [controle(1), controle(2), controle(3)])
    assert value_of(indicators_of(Y), "controles") == 3
    restored = restore(OPERATOR, first.id)
    assert restored.version == 3 and restored.is_current and restored.restores_version == 1
    r = indicators_of(Y)
    assert value_of(r, "controles") == 2 and value_of(r, "controles", bevinding="niet-vergund") == 1
    assert [d.version for d in history(OPERATOR, "RCTM", "controles", Y)] == [3, 2, 1]
    assert restored.changes["rows_removed"] == 1 and restored.changes["rows_changed"] == 1
    assert restored.changes["totals_before"] == {"controles": 3} and restored.changes["totals_after"] == {
        "controles": 2
    }
    assert AuditEvent.objects.filter(action="restore").count() == 1


def test_restoring_the_current_version_is_refused(deliver):
    from zicht.services.deliveries import restore

    only = deliver("controles", Y, "RCTM", [controle(1)])
    with pytest.raises(Refused):
        restore(OPERATOR, only.id)


def test_changes_of_a_dataset_without_an_id_count_whole_rows(deliver):
    rows = [{"jaar": Y, "vorm": "totaal", "aantal": 900, "bron": "CoMensha"}]
    deliver("landelijk", Y, "VAR", rows)
    second = deliver("landelijk", Y, "VAR", [{**rows[0], "aantal": 944}])
    assert second.changes["keyed"] is False and second.changes["rows_changed"] is None
    assert (second.changes["rows_added"], second.changes["rows_removed"]) == (1, 1)
    assert second.changes["totals_before"] == {"landelijk": 900} and second.changes["totals_after"] == {
        "landelijk": 944
    }


def test_load_demo_is_one_transaction(monkeypatch):
    from zicht.services import demo
    from zicht.storage import api

    demo.load_demo(OPERATOR)
    before = sorted(Delivery.objects.values_list("file_hash", flat=True))
    real = api.import_delivery
    calls = []

    def failing(*args, **kwargs):
        calls.append(args)
        if len(calls) == 10:
            raise RuntimeError("disk full (injected)")
        return real(*args, **kwargs)

    monkeypatch.setattr(api, "import_delivery", failing)
    with pytest.raises(RuntimeError):
        demo.load_demo(OPERATOR)
    assert sorted(Delivery.objects.values_list("file_hash", flat=True)) == before  # the old demo, whole


def test_load_demo_refuses_to_replace_real_deliveries(deliver):
    from zicht.services.demo import load_demo

    deliver("controles", Y, "RCTM", [controle(1)], by="someone")
    with pytest.raises(Refused):
        load_demo(OPERATOR)
    assert Delivery.objects.count() == 1


def test_the_estimate_is_stored_once_per_set_of_deliveries_and_audited(monkeypatch):
    from zicht.estimation import run
    from zicht.services.demo import load_demo
    from zicht.services.monitor import estimate_year

    load_demo(OPERATOR)
    calls = []
    real = run.estimate
    monkeypatch.setattr(run, "estimate", lambda *a, **k: calls.append(k) or real(*a, **k))
    first = estimate_year(OPERATOR, Y, ci="none")
    again = estimate_year(OPERATOR, Y, ci="none", jobs=1)
    assert first == again and len(calls) == 1
    stored = StoredEstimate.objects.get()
    assert stored.year == Y and len(stored.inputs_hash) == 64 and stored.options["ci"] == "none"
    assert "persoon" not in str(stored.result)  # the result only, never person keys
    assert AuditEvent.objects.filter(action="estimate").count() == 2


def test_published_editions_and_the_audit_log_refuse_updates_and_deletes(make_edition_row):
    from django.db import connection

    edition = make_edition_row()
    for table in ("zicht_edition", "zicht_audit"):
        for statement in (f"UPDATE {table} SET id = id", f"DELETE FROM {table}"):
            with pytest.raises(DatabaseError), transaction.atomic(), connection.cursor() as cursor:
                cursor.execute(statement)
    with pytest.raises(ValueError):
        edition.note = "changed"
        edition.save()


@pytest.fixture
def make_edition_row():
    from django.utils import timezone

    from zicht.services.audit import audit
    from zicht.storage.models import Edition

    def make():
        audit(OPERATOR, "estimate", "x")
        return Edition.objects.create(
            year=Y,
            number=1,
            published_at=timezone.now(),
            published_by="tester",
            region="regio-rotterdam",
            software_version="test",
            indicators={},
            public_indicators={},
            deliveries=[],
        )

    return make
