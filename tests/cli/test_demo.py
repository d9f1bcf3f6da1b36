"""`zicht demo` as a new user runs it."""

from __future__ import annotations

import json

import pytest

pytestmark = pytest.mark.slow


def test_demo_shows_the_2024_figures_publishes_once_and_can_run_again(zicht):
    first = zicht("demo", "--no-report")
    assert first.returncode == 0, first.stdout + first.stderr
    assert "meldingen: 179" in first.stdout and "lichte stijging" in first.stdout
    editions = json.loads(zicht("editions", "--json").stdout)
    assert [(e["year"], e["number"]) for e in editions] == [(2024, 1), (2023, 1), (2022, 1)]
    assert all({f["kind"] for f in e["files"]} == {"html", "pdf"} for e in editions)
    again = zicht("demo", "--no-report")
    assert again.returncode == 0, again.stderr
    listing = json.loads(zicht("deliveries", "--json").stdout)
    assert all(d["version"] == 1 and d["delivered_by"] == "zicht demo" for d in listing)  # replaced, not stacked
    assert len(json.loads(zicht("editions", "--json").stdout)) == 3  # published once, not again


def test_demo_refuses_a_home_with_real_deliveries(zicht, tmp_path):
    own = tmp_path / "controles.csv"
    own.write_text("id,datum,gemeente\nK1,2024-01-05,Rotterdam\n", encoding="utf-8")
    assert zicht("import", own, "--dataset", "controles", "--year", "2024", "--partner", "RCTM").returncode == 0
    result = zicht("demo", "--no-report", "--no-publish")
    assert result.returncode == 1
    assert "ZICHT_HOME" in result.stderr and "Traceback" not in result.stderr
    assert len(json.loads(zicht("deliveries", "--json").stdout)) == 1  # nothing replaced


def test_estimate_of_the_demo_year_links_four_lists(zicht):
    assert zicht("demo", "--no-report", "--no-publish").returncode == 0
    result = zicht("estimate", "--year", "2024", "--json", "--nboot", "100")
    assert result.returncode == 0, result.stderr
    out = json.loads(result.stdout)
    assert out["lists"] == ["ESSM", "AVIM", "ZORGCOORDINATIE", "NLA"]
    assert out["estimable"] is True and out["observed"] == 319
    assert 500 <= out["estimate"] <= 650  # the demo simulates about 550 victims a year
    assert out["ci"]["low"] < out["estimate"] < out["ci"]["high"]
