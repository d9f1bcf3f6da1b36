"""The dashboard's pure parts (no database): the monitor's charts narrowed by the filters, their tables as
CSV, the trends, the key figures, a municipality's figures and the open data settings."""

from __future__ import annotations

import copy
import json
from pathlib import Path

import altair
import jsonschema
import pytest

from report_sample import sample_report_data
from zicht.reporting.charts import bar_chart
from zicht.reporting.dashboard import dashboard, slug
from zicht.reporting.filters import clean
from zicht.reporting.interactive import interactive_spec, table_cells
from zicht.reporting.municipality import municipality_figures, with_own_cells
from zicht.reporting.values import Cell, Values
from zicht.spreadsheet import csv_bytes

DATA = Path(__file__).resolve().parents[1] / "reporting" / "data"
SCHEMA = json.loads((Path(altair.__file__).parent / "vegalite" / "v6" / "schema" / "vega-lite-schema.json").read_text())


@pytest.fixture(scope="module")
def public_data():
    """The demo's figures of every year through the disclosure gate, as an edition freezes them."""
    from zicht.disclosure import suppress_indicators

    data = sample_report_data(DATA)
    data.indicators = {y: suppress_indicators(r, data.region) for y, r in data.indicators.items()}
    return data


@pytest.fixture(scope="module")
def board(public_data):
    return dashboard(public_data, {}, "nl")


def chart(d, chart_id):
    return next(c for c in d.charts() if c.id == chart_id)


def test_the_key_figures_are_the_monitors_with_their_change_in_words(board):
    cards = {k.indicator: k for k in board.key_figures}
    assert cards["meldingen"].value == "179"
    assert cards["meldingen"].wording == "lichte stijging" and cards["meldingen"].direction == "up"
    assert cards["meldingen"].sentence.startswith(
        "In 2024 is 179 keer het meldpunt benaderd. Dit is een lichte stijging"
    )
    assert "(130 keer)" in cards["meldingen"].sentence
    # A monitor sentence without a comparison gets the monitor's own change sentence.
    assert cards["controles"].sentence.endswith("Dit is een lichte stijging ten opzichte van 2023 (16).")


def test_every_chart_of_the_monitor_is_on_the_dashboard_chapter_by_chapter(public_data, board):
    from zicht.reporting.context import build_context

    monitor = [c.id for c in build_context(public_data, public=True)["charts"]]
    shown = [f.chart.id for ch in board.chapters for s in ch.sections for f in s.figures]
    assert shown == monitor
    assert [ch.id for ch in board.chapters] == ["aard-en-omvang", "aanpak"]


def test_every_dashboard_spec_is_valid_vega_lite_and_has_tooltips(board):
    validator = jsonschema.Draft7Validator(SCHEMA)
    for c in board.charts():
        spec = interactive_spec(c)
        assert not list(validator.iter_errors(spec)), c.id
        assert "title" not in spec  # the page shows it as the figure's heading
        assert any("tooltip" in layer.get("encoding", {}) for layer in spec["layer"]), c.id
        assert any("tip" in row for row in spec["data"]["values"]), c.id  # each drawn bar says what it is


def test_a_filter_narrows_a_chart_to_that_group_and_says_so_in_its_alt_text(public_data):
    filtered = dashboard(public_data, clean({"vorm": "seksuele-uitbuiting", "leeftijd": "minderjarig"}), "nl")
    aard = chart(filtered, "meldingen-aard")
    assert aard.rows == [["Seksuele uitbuiting", "9"]] and aard.columns == ["Rubriek", "Minderjarig"]
    assert "Seksuele uitbuiting, minderjarig" in aard.alt and aard.spec["description"] == aard.alt
    assert [r["value"] for r in aard.spec["data"]["values"]] == [9]
    clients = chart(filtered, "trajecten-vorm")
    assert [row[0] for row in clients.rows] == ["Seksuele uitbuiting"]  # split by form, not by age
    figure = next(
        f for ch in filtered.chapters for s in ch.sections for f in s.figures if f.chart.id == "trajecten-vorm"
    )
    assert figure.ignored == ["leeftijdsgroep"]
    untouched = next(f for ch in filtered.chapters for s in ch.sections for f in s.figures if f.chart.id == "acties")
    assert untouched.ignored == ["vorm", "leeftijdsgroep"]


def test_a_form_filter_counts_other_forms_together_as_the_monitors_rubriek_does(public_data):
    other = dashboard(public_data, {"vorm": "overige-uitbuiting"}, "nl")
    police = chart(other, "politiecontacten")
    assert {row[0] for row in police.rows} == {"Arbeidsuitbuiting", "Onbekend"}
    trend = next(t for t in other.trends if t.chart.id == "trend-politiecontacten")
    assert trend.chart.rows[-1] == ["2024", "25"]  # 12 + 7 arbeidsuitbuiting, 4 + 2 onbekend


def test_trends_cover_every_year_the_edition_holds_and_name_the_filters_they_cannot_answer(public_data):
    board = dashboard(public_data, {"leeftijdsgroep": "minderjarig"}, "nl")
    trends = {t.chart.id: t for t in board.trends}
    assert [r[0] for r in trends["trend-landelijk"].chart.rows] == [str(y) for y in range(2019, 2025)]
    assert trends["trend-landelijk"].ignored == ["leeftijdsgroep"]
    minors = trends["trend-meldingen"]
    assert minors.applied == {"leeftijdsgroep": "minderjarig"} and minors.chart.rows[-1] == ["2024", "34"]


def test_the_csv_under_a_chart_holds_exactly_its_table_as_numbers_with_formulas_neutralised():
    rows = [("=SUM(A1)", Cell(1334)), ("+31 6", Cell(None, True)), ("-x", None), ("@y", Cell(0))]
    c = bar_chart(
        "t", "Test", "Een test van een staafdiagram met vier rijen.", rows, lang="nl", columns=("Naam", "Aantal")
    )
    assert c.rows[0] == ["=SUM(A1)", "1.334"]
    assert table_cells(c) == [["=SUM(A1)", 1334], ["+31 6", "<5"], ["-x", ""], ["@y", 0]]
    text = csv_bytes(c.columns, table_cells(c)).decode("utf-8-sig")
    assert text.splitlines() == ["Naam;Aantal", "'=SUM(A1);1334", "'+31 6;<5", "'-x;", "'@y;0"]


def test_the_interactive_spec_takes_its_columns_width_and_leaves_the_reports_spec_alone(board):
    c = chart(board, "meldingen-herkomst")
    before = copy.deepcopy(c.spec)
    spec = interactive_spec(c)
    assert spec["width"] == "container" and spec["autosize"]["type"] == "fit-x"
    assert c.spec == before


def test_unknown_filter_values_are_no_filter():
    assert clean({"vorm": "bestaat-niet", "leeftijd": "minderjarig"}) == {"leeftijdsgroep": "minderjarig"}
    assert clean({}) == {}


def test_municipality_slugs_are_plain_and_distinct(public_data):
    slugs = [slug(n) for n in public_data.region.municipality_names]
    assert len(set(slugs)) == len(slugs)
    assert (
        slug("Capelle aan den IJssel") == "capelle-aan-den-ijssel"
        and slug("Hendrik-Ido-Ambacht") == "hendrik-ido-ambacht"
    )


def test_a_municipality_shows_its_rate_only_where_its_count_is_published(public_data):
    region = public_data.region
    years = {y: Values(r) for y, r in public_data.indicators.items()}
    hidden = next(
        v["dimensions"]["gemeente"]
        for v in public_data.indicators[2024]["values"]
        if v.get("suppressed") and v["indicator"] == "meldingen"
    )
    figures = municipality_figures(years, 2024, region, hidden, "nl", 5)
    rows = {r["indicator"]: r for r in figures["rows"]}
    assert rows["meldingen"]["value"] == "<5" and rows["meldingen-per-100000"]["value"] == "–"
    assert rows["meldingen"]["region"] == "179" and rows["meldingen-per-100000"]["region"] != "–"
    trend = figures["trend"]
    assert trend is None or any(row[1] != "<5" for row in trend.rows)  # no chart of hidden values only


def test_an_officer_sees_the_own_municipalitys_cells_and_nothing_else_unsuppressed():
    from zicht.disclosure import suppress_indicators
    from zicht.region import load_region

    counted = json.loads((DATA / "indicators-2024.json").read_text())
    public = suppress_indicators(counted, load_region())
    hidden = [v["dimensions"]["gemeente"] for v in public["values"] if v.get("suppressed")]
    own, other = hidden[0], hidden[1]
    seen = with_own_cells(public, counted, own)
    cells = {(v["indicator"], tuple(v["dimensions"].items())): v for v in seen["values"]}
    truth = {(v["indicator"], tuple(v["dimensions"].items())): v for v in counted["values"]}
    assert cells[("meldingen", (("gemeente", own),))] == truth[("meldingen", (("gemeente", own),))]
    assert cells[("meldingen", (("gemeente", other),))]["suppressed"] is True


def test_open_data_settings_refuse_a_malformed_table():
    from zicht.opendata import settings
    from zicht.region import RegionError, load_region

    region = load_region()
    assert settings(region).licence["name"] == "CC-BY-4.0"
    broken = copy.copy(region)
    object.__setattr__(broken, "raw", {**region.raw, "open_data": {"license": "CC-BY"}})
    with pytest.raises(RegionError, match="license"):
        settings(broken)
    bare = copy.copy(region)
    object.__setattr__(bare, "raw", {k: v for k, v in region.raw.items() if k != "open_data"})
    assert settings(bare).licence == {} and settings(bare).source == {"title": region.organisation}


def test_a_hidden_cell_keeps_its_place_on_the_axis():
    years = [("2022", Cell(None, True)), ("2023", Cell(None, True)), ("2024", Cell(8))]
    c = bar_chart("t", "Test", "Een test van een reeks met afgeschermde jaren.", years, vertical=True)
    assert c.spec["layer"][0]["encoding"]["x"]["sort"] == ["2022", "2023", "2024"]
