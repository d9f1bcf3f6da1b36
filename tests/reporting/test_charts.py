"""Every chart spec is valid Vega-Lite, has a title and alt text, and renders to SVG without a browser."""

from __future__ import annotations

import json
from pathlib import Path

import altair
import jsonschema
import pytest

from zicht.reporting.charts import OKABE_ITO, bar_chart, render_svg
from zicht.reporting.context import build_context
from zicht.reporting.values import Cell

SCHEMA = json.loads((Path(altair.__file__).parent / "vegalite" / "v6" / "schema" / "vega-lite-schema.json").read_text())


@pytest.fixture(scope="module")
def charts(sample):
    return build_context(sample)["charts"]


def test_the_report_has_every_chart_of_the_spec(charts):
    titles = {c.title for c in charts}
    for title in (
        "Landelijk aantal meldingen van geregistreerde slachtoffers CoMensha",
        "Totaal aantal meldingen ESSM",
        "Totale meldingen 2024 per regio",
        "Aard van de meldingen",
        "Aantal cliënten begeleid per vorm",
        "Informatieve gesprekken mensenhandel",
        "Casussen per jaar per criminele markt",
        "Betrokken ketenpartners per criminele markt",
        "Acties per opgave en status",
        "Lokale initiatieven per gemeente",
    ):
        assert title in titles


def test_every_chart_spec_is_valid_vega_lite_with_title_and_alt_text(charts):
    validator = jsonschema.Draft7Validator(SCHEMA)
    for chart in charts:
        errors = list(validator.iter_errors(chart.spec))
        assert not errors, (chart.id, errors[0].message)
        assert chart.spec["title"] == chart.title and chart.title
        assert len(chart.spec["description"]) > 30 and chart.alt == chart.spec["description"]
        assert chart.columns and chart.rows, chart.id


def test_every_chart_renders_to_svg_with_its_values_on_the_bars(charts):
    for chart in charts:
        svg = render_svg(chart)
        assert svg.startswith("<svg") and "</svg>" in svg
    trend = next(c for c in charts if c.id == "landelijk")
    assert ">1.334<" in trend.svg and ">944<" in trend.svg


def test_charts_use_the_colour_blind_safe_palette(charts):
    aard = next(c for c in charts if c.id == "meldingen-aard")
    assert aard.spec["layer"][0]["encoding"]["color"]["scale"]["range"] == OKABE_ITO[:2]


def test_a_suppressed_cell_gets_no_bar_and_shows_below_k():
    chart = bar_chart(
        "t",
        "Test",
        "Een test van een onderdrukte waarde in een staafdiagram.",
        [("A", Cell(12)), ("B", Cell(None, True))],
        k=5,
    )
    rows = chart.spec["data"]["values"]
    assert rows[1]["value"] is None and rows[1]["text"] == "<5"
    assert chart.rows == [["A", "12"], ["B", "<5"]]
    svg = render_svg(chart)
    assert "&lt;5" in svg or "<5" in svg.replace("&lt;", "<")
