"""The HTML monitor: every seed figure, not-delivered wording, public mode, English."""

from __future__ import annotations

import copy
import re

import pytest

from report_sample import SEED_PHRASES, SEED_TABLE_ROWS, plain_text
from zicht.reporting.render import build_report


def _drop(results, indicator, year=2024):
    results[year]["values"] = [v for v in results[year]["values"] if v["indicator"] != indicator]
    results[year]["changes"] = [c for c in results[year]["changes"] if c["indicator"] != indicator]


@pytest.mark.parametrize("phrase", SEED_PHRASES)
def test_html_contains_every_seed_figure(html_nl, phrase):
    assert phrase in plain_text(html_nl)


def test_html_tables_contain_the_seed_rows(html_nl):
    rows = [
        [re.sub(r"<[^>]+>", "", c).strip() for c in re.findall(r"<t[hd][^>]*>(.*?)</t[hd]>", tr)]
        for tr in re.findall(r"<tr>(.*?)</tr>", html_nl, re.S)
    ]
    for wanted in SEED_TABLE_ROWS:
        assert list(wanted) in rows, wanted


def test_html_has_the_chapters_cover_colophon_and_routes(html_nl, sample):
    text = plain_text(html_nl)
    for heading in (
        "Monitor Mensenhandel regio Rotterdam 2024",
        "Voorwoord en verantwoording",
        "1. Inleiding",
        "2. Aard en omvang",
        "3. Regionale aanpak",
        "4. Conclusie",
        "5. Doorkijk naar 2025",
        "Mensenhandel melden",
        "Hoeveel slachtoffers zien we niet?",
    ):
        assert heading in text
    for d in sample.deliveries:
        assert d["file_hash"][:16] in html_nl
    assert "zicht 0.1.0" in text or f"zicht {sample.software_version}" in text
    assert "Gedwongen huwelijk".lower() in text.lower() and "illegale adoptie" in text
    assert "0900 - 8844" in text and "Demotekst" in text
    assert "http" not in re.sub(r'src="data:[^"]*"', "", html_nl).replace(
        "https://vega.github.io/schema", ""
    )  # nothing from a CDN


def test_a_dataset_not_delivered_is_said_in_words_not_drawn_as_zero(with_indicators):
    data = with_indicators(
        lambda r: (
            _drop(r, "riec-casussen"),
            _drop(r, "riec-markten"),
            _drop(r, "riec-partners"),
            _drop(r, "controles"),
        )
    )
    text = plain_text(build_report(data))
    assert "RIEC heeft over 2024 geen gegevens over casussen aangeleverd." in text
    assert "RCTM heeft over 2024 geen gegevens over controles aangeleverd." in text
    assert "Casussen per jaar per criminele markt" not in text
    assert "0 casussen" not in text and "0 controles" not in text


def test_no_previous_year_gives_no_change_wording(with_indicators):
    def only_2024(results):
        for y in list(results):
            if y != 2024:
                del results[y]
        for ch in results[2024]["changes"]:
            ch.update(previous=None, change=None, wording=None)

    text = plain_text(build_report(with_indicators(only_2024, estimate=None)))
    assert (
        "In 2024 is 179 keer het meldpunt benaderd. Over 2023 zijn geen cijfers beschikbaar om mee te vergelijken."
        in text
    )


@pytest.fixture
def small_cell_data(with_indicators, sample):
    """The demo, whose gemeente cells include 1..4 (Alblasserdam has 1, Zwijndrecht 4)."""
    cells = {
        v["dimensions"]["gemeente"]: v["value"]
        for v in sample.indicators[2024]["values"]
        if v["indicator"] == "meldingen" and list(v["dimensions"]) == ["gemeente"]
    }
    assert cells["Alblasserdam"] == 1 and cells["Zwijndrecht"] == 4
    return with_indicators(lambda r: None)


def _gemeente_rows(html: str) -> dict[str, str]:
    table = re.search(r'<table class="gemeenten">(.*?)</table>', html, re.S).group(1)
    cells = re.findall(r'<th scope="row">(.*?)</th><td class="num">(.*?)</td>', table)
    return {name: value for name, value in cells}


def test_public_mode_shows_below_k_and_never_the_suppressed_number(small_cell_data):
    internal = _gemeente_rows(build_report(small_cell_data))
    assert internal["Alblasserdam"] == "1" and internal["Zwijndrecht"] == "4"
    html = build_report(small_cell_data, public=True)
    public = _gemeente_rows(html)
    assert public["Alblasserdam"] == "&lt;5" and public["Zwijndrecht"] == "&lt;5"
    assert public["Rotterdam"] == "121"
    assert public["Buiten de regio"] == "4"  # not sensitive: it equals the published herkomst cell
    sensitive = set(small_cell_data.region.municipality_names) - {small_cell_data.region.central}
    for name, value in public.items():
        if name in sensitive and value != "&lt;5":
            assert not 1 <= int(value.replace(".", "")) <= 4, name
    assert "Openbare versie" in plain_text(html)
    assert "Hoeveel slachtoffers zien we niet?" not in plain_text(html)  # the region does not publish the estimate


def test_public_mode_passes_the_disclosure_gate(small_cell_data, monkeypatch):
    import zicht.disclosure as disclosure

    seen = []
    real = disclosure.suppress_indicators
    monkeypatch.setattr(
        disclosure, "suppress_indicators", lambda result, region: seen.append(result["year"]) or real(result, region)
    )
    build_report(small_cell_data, public=True)
    assert sorted(seen) == sorted(small_cell_data.indicators)


def test_english_report(sample):
    text = plain_text(build_report(sample, lang="en"))
    assert (
        "In 2024 the hotline was contacted 179 times. This is a slight increase compared with 2023 (130 times)." in text
    )
    assert "Human Trafficking Monitor regio Rotterdam 2024" in text
    assert "1,334" in text


def test_unknown_language_is_refused(sample):
    with pytest.raises(ValueError):
        build_report(sample, lang="de")


def test_public_mode_shows_the_regions_own_threshold(small_cell_data):
    import dataclasses

    data = copy.copy(small_cell_data)
    data.region = dataclasses.replace(small_cell_data.region, disclosure_k=3)
    public = _gemeente_rows(build_report(data, public=True))
    assert public["Alblasserdam"] == "&lt;3"  # 1 < k = 3
    assert "&lt;5" not in build_report(data, public=True)


def test_a_cell_the_indicator_does_not_have_is_an_error_not_zero(sample):
    from zicht.reporting.values import Values

    values = Values(sample.indicators[2024])
    assert values.get("meldingen", herkomst="regio") == 44
    with pytest.raises(KeyError):
        values.get("meldingen", herkomst="regoi")
    assert values.get("nope") is None  # not delivered


def test_analyst_markdown_cannot_carry_script_or_script_links():
    from zicht.reporting.context import render_markdown

    html = render_markdown(
        "<script>alert(1)</script> [a](javascript:alert(1)) [b](JaVaScript:x) ![i](data:text/html,x) "
        "[ok](https://www.rijksoverheid.nl) [mail](mailto:info@example.nl) [here](#conclusie)"
    )
    assert "<script" not in html and "javascript:" not in html.lower() and "data:" not in html
    assert 'href="https://www.rijksoverheid.nl"' in html and 'href="mailto:info@example.nl"' in html
    assert 'href="#conclusie"' in html
