"""capture_table over a hand-made SQLite database with the storage contract's tables."""

import json
import sqlite3

import pytest

from zicht.estimation.linkage import capture_table
from zicht.region import load_region


@pytest.fixture
def conn():
    c = sqlite3.connect(":memory:")
    c.execute(
        "CREATE TABLE zicht_delivery (id INTEGER PRIMARY KEY, partner TEXT, dataset TEXT, year INTEGER, version INTEGER,"
        " is_current BOOLEAN, file_name TEXT, file_hash TEXT, row_count INTEGER, delivered_at TEXT, delivered_by TEXT,"
        " format_version INTEGER)"
    )
    for ds in ("meldingen", "trajecten", "politiecontacten", "registraties"):
        c.execute(f"CREATE TABLE zicht_{ds} (delivery_id INTEGER, row INTEGER, persoon TEXT)")
    yield c
    c.close()


def deliver(c, did, partner, dataset, year, people, current=True):
    c.execute(
        "INSERT INTO zicht_delivery (id, partner, dataset, year, version, is_current) VALUES (?, ?, ?, ?, 1, ?)",
        (did, partner, dataset, year, current),
    )
    for k, p in enumerate(people, start=2):
        c.execute(f"INSERT INTO zicht_{dataset} VALUES (?, ?, ?)", (did, k, p))


def test_capture_table_links_current_deliveries_of_the_year(conn):
    deliver(conn, 1, "ESSM", "meldingen", 2024, ["p1", "p2", "p2", None])
    deliver(conn, 2, "ESSM", "trajecten", 2024, ["p2", "p3"])
    deliver(conn, 3, "AVIM", "politiecontacten", 2024, ["p1", "p4"])
    deliver(conn, 4, "AVIM", "politiecontacten", 2024, ["p9"], current=False)  # replaced version
    deliver(conn, 5, "NLA", "registraties", 2024, ["p4", "p5"])
    deliver(conn, 6, "ZORGCOORDINATIE", "registraties", 2024, ["p3", "p1"])
    deliver(conn, 7, "ESSM", "meldingen", 2023, ["p8"])  # another year
    table = capture_table(conn, "sqlite", load_region(), 2024)
    assert table.lists == ("ESSM", "AVIM", "ZORGCOORDINATIE", "NLA")
    got = dict(zip(table.histories, table.counts, strict=True))
    assert got == {
        (1, 1, 1, 0): 1,  # p1
        (1, 0, 0, 0): 1,  # p2, once although on three records
        (1, 0, 1, 0): 1,  # p3
        (0, 1, 0, 1): 1,  # p4
        (0, 0, 0, 1): 1,  # p5
    }
    assert table.observed == 5


def test_capture_table_leaves_out_empty_lists(conn):
    deliver(conn, 1, "ESSM", "meldingen", 2024, ["p1"])
    deliver(conn, 2, "AVIM", "politiecontacten", 2024, [])
    table = capture_table(conn, "sqlite", load_region(), 2024)
    assert table.lists == ("ESSM",)


class MemoryStore:
    """The store protocol of estimate_year, in memory (the database's is tested in tests/services)."""

    def __init__(self):
        self.saved = {}

    def load(self, inputs_hash, options, version):
        return self.saved.get((inputs_hash, json.dumps(options, sort_keys=True), version))

    def save(self, year, inputs_hash, options, version, result):
        self.saved[(inputs_hash, json.dumps(options, sort_keys=True), version)] = result


def test_estimate_year_is_stored_per_table_and_options(monkeypatch):
    import importlib

    from zicht.estimation.linkage import estimate_year
    from zicht.estimation.table import make_table

    table = make_table(
        ["A", "B", "C"],
        [
            ((1, 0, 0), 30),
            ((0, 1, 0), 20),
            ((0, 0, 1), 25),
            ((1, 1, 0), 6),
            ((1, 0, 1), 5),
            ((0, 1, 1), 4),
            ((1, 1, 1), 2),
        ],
    )
    monkeypatch.setattr("zicht.estimation.linkage.capture_table", lambda *a: table)
    est = importlib.import_module("zicht.estimation.run")
    calls = []
    real = est.estimate
    monkeypatch.setattr(est, "estimate", lambda *a, **k: calls.append(k) or real(*a, **k))
    store = MemoryStore()
    first = estimate_year(None, "sqlite", None, 2024, store=store, ci="none")
    again = estimate_year(None, "sqlite", None, 2024, store=store, ci="none", jobs=1)
    assert again == first and len(calls) == 1  # jobs does not change a result
    other = estimate_year(None, "sqlite", None, 2024, store=store, ci="none", method="bic")
    assert len(calls) == 2 and other["method"] == "bic"
    assert len(store.saved) == 2
