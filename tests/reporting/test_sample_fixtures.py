"""The report's sample fixtures are what the real pipeline gives on the demo, and stay so."""

from __future__ import annotations

import json
from collections import Counter

import pytest

from report_sample import demo_fixtures, dump_fixture, read_fixtures


@pytest.mark.slow
def test_committed_fixtures_equal_a_fresh_run_of_the_demo(zicht, sample_dir):
    def run(*args):
        result = zicht(*args)
        assert result.returncode == 0, result.stderr
        return result.stdout

    fresh = demo_fixtures(run)
    committed = read_fixtures(sample_dir)
    assert sorted(committed) == sorted(fresh)
    for name, data in fresh.items():
        assert committed[name] == data, f"{name} drifted: python tests/report_sample.py --write {sample_dir}"


def test_committed_fixtures_are_in_the_writers_format(sample_dir):
    """So a regeneration without a change in the figures gives no diff."""
    paths = sorted(sample_dir.glob("*.json"))
    assert len(paths) == 7
    for path in paths:
        text = path.read_text(encoding="utf-8")
        assert dump_fixture(json.loads(text)) == text, path.name


def test_sample_holds_every_demo_year_and_the_seed_totals(sample):
    assert sorted(sample.indicators) == list(range(2019, 2025))
    totals = {v["indicator"]: v["value"] for v in sample.indicators[2024]["values"] if not v["dimensions"]}
    assert totals["meldingen"] == 179 and totals["trajecten"] == 167 and totals["riec-casussen"] == 11
    assert {d["year"] for d in sample.deliveries} == {2019, 2020, 2021, 2022, 2023, 2024}
    assert all(d["is_current"] for d in sample.deliveries)


def test_actions_and_initiatives_from_the_demo_files_agree_with_their_indicators(sample):
    values = [v for v in sample.indicators[2024]["values"] if v["dimensions"] and v["value"]]
    per_status = {
        (int(v["dimensions"]["opgave"]), v["dimensions"]["status"]): v["value"]
        for v in values
        if v["indicator"] == "acties" and list(v["dimensions"]) == ["opgave", "status"]
    }
    per_place = {
        v["dimensions"]["gemeente"]: v["value"]
        for v in values
        if v["indicator"] == "initiatieven" and list(v["dimensions"]) == ["gemeente"]
    }
    assert Counter((a["opgave"], a["status"]) for a in sample.actions) == per_status
    assert Counter(i["gemeente"] for i in sample.initiatives) == per_place
    # the order `zicht.monitor.gather` reads them in: by opgave, by gemeente
    assert [a["opgave"] for a in sample.actions] == sorted(a["opgave"] for a in sample.actions)
    assert [i["gemeente"] for i in sample.initiatives] == sorted(i["gemeente"] for i in sample.initiatives)
    assert sample.actions[0] == {"opgave": 1, "titel": "Mensenhandelmonitor 2023 publiceren", "status": "gereed"}
