"""Storing deliveries: versions, history, atomicity, audit."""

from __future__ import annotations

import pytest

from helpers import make_table, value_of
from zicht.storage import api
from zicht.storage.models import AuditEvent, Delivery

pytestmark = pytest.mark.django_db

Y = 2024


def controle(i, **kw):
    return {"id": f"k{i}", "datum": f"{Y}-02-0{1 + i % 9}", "gemeente": "Rotterdam", **kw}


def test_redelivery_becomes_current_and_keeps_the_old_version(deliver):
    first = deliver("controles", Y, "RCTM", [controle(1)])
    second = deliver("controles", Y, "RCTM", [controle(1), controle(2)])
    assert (first.version, second.version) == (1, 2)
    versions = api.list_deliveries(Y)
    assert [(d.version, d.is_current, d.row_count) for d in versions] == [(1, False, 1), (2, True, 2)]
    assert [d.version for d in api.current_deliveries(Y)] == [2]


def test_versions_are_per_partner_dataset_and_year(deliver):
    deliver("controles", Y, "RCTM", [controle(1)])
    other_year = deliver("controles", Y - 1, "RCTM", [{"id": "x", "datum": f"{Y - 1}-01-01", "gemeente": "Rotterdam"}])
    assert other_year.version == 1
    assert len(api.current_deliveries(Y)) == 1


def test_failure_mid_import_leaves_the_previous_version_intact(deliver, indicators_of, monkeypatch):
    deliver("controles", Y, "RCTM", [controle(1, bevindingen="niet-vergund")])
    calls = []
    real = api._bulk_insert

    def failing(table, columns, records):
        calls.append(table)
        if table.endswith("_bevindingen"):  # after the records themselves were inserted
            raise RuntimeError("disk full (injected)")
        return real(table, columns, records)

    monkeypatch.setattr(api, "_bulk_insert", failing)
    with pytest.raises(RuntimeError):
        deliver("controles", Y, "RCTM", [controle(i, bevindingen="noodopvang") for i in range(5)])
    assert calls == ["zicht_controles", "zicht_controles_bevindingen"]
    monkeypatch.undo()
    assert [(d.version, d.is_current) for d in api.list_deliveries(Y)] == [(1, True)]
    r = indicators_of(Y)
    assert value_of(r, "controles") == 1
    assert value_of(r, "controles", bevinding="niet-vergund") == 1
    assert value_of(r, "controles", bevinding="noodopvang") == 0


def test_import_is_logged_without_record_contents(deliver):
    info = deliver("controles", Y, "RCTM", [controle(1)], by="analist")
    event = AuditEvent.objects.get(action="import")
    assert event.actor == "analist"
    assert event.details["delivery"] == info.id and event.details["rows"] == 1
    assert "Rotterdam" not in str(event.details)


def test_texts_are_versioned_per_year_and_section(db):
    assert api.set_text(Y, "casus", "Eerste versie", by="a") == 1
    assert api.set_text(Y, "casus", "Tweede versie", by="a") == 2
    api.set_text(Y, "conclusie", "In English", by="a", lang="en")
    assert api.get_texts(Y) == {"casus": "Tweede versie"}
    assert api.get_texts(Y, "en") == {"casus": "Tweede versie", "conclusie": "In English"}


def test_one_current_version_is_enforced_by_the_database(deliver):
    from django.db import IntegrityError, transaction

    deliver("controles", Y, "RCTM", [controle(1)])
    with pytest.raises(IntegrityError), transaction.atomic():
        Delivery.objects.create(
            partner="RCTM",
            dataset="controles",
            year=Y,
            version=9,
            is_current=True,
            file_name="x",
            file_hash="0" * 64,
            row_count=0,
            delivered_at="2025-01-01T00:00:00Z",
            delivered_by="x",
        )


def test_multi_valued_codes_are_stored_one_row_each(deliver):
    from django.db import connection

    deliver("controles", Y, "RCTM", [controle(1, bevindingen="niet-vergund|noodopvang"), controle(2)])
    with connection.cursor() as c:
        c.execute('SELECT "row", code FROM zicht_controles_bevindingen ORDER BY code')
        assert c.fetchall() == [(2, "niet-vergund"), (2, "noodopvang")]
    assert len(make_table("controles", [controle(1)]).columns) == 6


def test_a_file_name_with_an_identifier_is_not_stored(db, tmp_path):
    path = tmp_path / "controles jan.jansen@example.nl.csv"
    path.write_text("id,datum,gemeente\nK1,2024-01-05,Rotterdam\n", encoding="utf-8")
    result = api.import_delivery(path, "controles", Y, "RCTM", by="test")
    assert result.accepted and result.delivery.file_name == "controles-2024.csv"
    plain = tmp_path / "controles-week-3.csv"
    plain.write_text(path.read_text(encoding="utf-8"), encoding="utf-8")
    assert api.import_delivery(plain, "controles", Y, "RCTM", by="test").delivery.file_name == "controles-week-3.csv"
