"""Every public output passes the disclosure gate (style.md point 5), checked on the demo as a user makes them."""

from __future__ import annotations

import json
import re

import pytest

from zicht.disclosure import check_public
from zicht.region import load_region

pytestmark = pytest.mark.slow


@pytest.fixture
def demo(zicht):
    result = zicht("demo", "--no-report", "--no-publish")
    assert result.returncode == 0, result.stderr
    return zicht


def small_gemeente_cells(values: list[dict], k: int) -> dict:
    """(indicator, gemeente) -> value for the sensitive cells that hold 1..k-1 before suppression."""
    region = load_region()
    return {
        (v["indicator"], v["dimensions"]["gemeente"]): v["value"]
        for v in values
        if list(v["dimensions"]) == ["gemeente"]
        and v["indicator"] in region.sensitive_gemeente_datasets
        and v["dimensions"]["gemeente"] in region.municipality_names
        and v["dimensions"]["gemeente"] != region.central
        and v["value"] is not None
        and 1 <= v["value"] < k
    }


def test_public_indicators_pass_the_gate(demo):
    region = load_region()
    for year in (2022, 2023, 2024):
        full = json.loads(demo("indicators", "--year", year, "--json").stdout)
        public = json.loads(demo("indicators", "--year", year, "--json", "--public").stdout)
        assert small_gemeente_cells(full["values"], region.disclosure_k), "the demo should have small cells to hide"
        assert check_public(public, region) == []
        assert not small_gemeente_cells(public["values"], region.disclosure_k)
        assert public["changes"] == full["changes"]  # totals are published as they are
        totals = {v["indicator"]: v["value"] for v in full["values"] if not v["dimensions"]}
        assert totals == {v["indicator"]: v["value"] for v in public["values"] if not v["dimensions"]}


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_public_report_shows_no_small_count_of_people(demo, tmp_path, lang):
    region = load_region()
    full = json.loads(demo("indicators", "--year", "2024", "--json").stdout)
    small = small_gemeente_cells(full["values"], region.disclosure_k)
    result = demo("report", "--year", "2024", "--public", "--format", "html", "--out", tmp_path, "--lang", lang)
    assert result.returncode == 0, result.stderr
    suffix = "" if lang == "nl" else "-en"
    html = (tmp_path / f"monitor-mensenhandel-regio-rotterdam-2024-openbaar{suffix}.html").read_text(encoding="utf-8")
    assert "&lt;5" in html
    for (_, gemeente), _value in small.items():
        # The row of a small municipality in the per-gemeente table never shows a number below k.
        row = re.search(rf"<t[hd][^>]*>{re.escape(gemeente)}</t[hd]>\s*<td[^>]*>([^<]*)</td>", html)
        assert row, f"{gemeente} missing from the per-gemeente table"
        assert row.group(1).strip() == "&lt;5", (gemeente, row.group(1))
    assert 'id="schatting' not in html  # the region does not publish the estimate, nor the lists' overlap
