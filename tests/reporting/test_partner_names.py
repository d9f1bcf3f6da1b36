"""The partners as the region names them (zicht.reporting.partners): regio Rotterdam's own words, and the
neutral words of each dataset for a region that gives none."""

from __future__ import annotations

import tomllib

import pytest

from zicht.region import RegionError, _build, load_region
from zicht.regionfile import template
from zicht.reporting import partners as names
from zicht.reporting import sentences as s


@pytest.fixture(scope="module")
def rotterdam():
    return load_region("regio-rotterdam")


@pytest.fixture(scope="module")
def plain():
    """A region whose partners have a code and datasets and nothing more."""
    data = tomllib.loads(template("regio-kaal"))
    data["partners"] = [
        {"code": "A", "datasets": ["meldingen", "trajecten"]},
        {"code": "B", "datasets": ["politiecontacten"]},
        {"code": "C", "datasets": ["riec-casussen"]},
        {"code": "D", "datasets": ["controles"]},
        {"code": "E", "datasets": ["landelijk"]},
    ]
    return _build(data, "regio-kaal.toml")


def test_regio_rotterdam_keeps_the_seeds_names(rotterdam):
    assert names.figure_label(rotterdam, "meldingen") == "Meldingen bij het meldpunt (ESSM)"
    assert names.figure_label(rotterdam, "aangifte", "en") == "Formal complaints (AVIM)"
    assert names.figure_label(rotterdam, "riec-casussen") == "Casussen RIEC"
    assert names.figure_label(rotterdam, "controles", "en") == "RCTM inspections"
    assert names.section(rotterdam, "meldingen")["toc"] == "Regionale cijfers ESSM"
    assert names.section(rotterdam, "controles")["title"] == "Regionaal Controleteam Mensenhandel (RCTM)"
    assert (
        names.org_words("ESSM", "nl", rotterdam) == "het ESSM"
        and names.org_words("RIEC", "en", rotterdam) == "the RIEC"
    )
    assert names.riec_partnership(rotterdam) == "het RIEC-samenwerkingsverband"


def test_a_region_without_words_gets_the_neutral_words_of_each_dataset(plain):
    assert (
        names.called(plain, "meldingen") == "het meldpunt" and names.called(plain, "meldingen", "en") == "the hotline"
    )
    assert names.called(plain, "politiecontacten") == "de politie"
    assert names.called(plain, "riec-casussen") == "het RIEC"
    assert names.called(plain, "controles", "en") == "the inspection team"
    assert names.figure_label(plain, "meldingen") == "Meldingen bij het meldpunt"
    assert names.figure_label(plain, "controles") == "Controles van het controleteam"
    assert names.section(plain, "politiecontacten") == {
        "title": "Regionale cijfers van de politie",
        "description": "",
        "toc": "Regionale cijfers van de politie",
    }
    assert names.org_label("ESSM", "nl", plain) == "Meldpunt" and names.org_words("ESSM", "nl", plain) == "het meldpunt"
    assert names.subject(plain, "landelijk") == "E"  # a missing delivery names the partner by its code


def test_the_sentences_take_the_regions_words(plain):
    assert s.controles_sentence(2024, 3, "nl", "D", names.called(plain, "controles")).startswith(
        "In 2024 heeft het controleteam 3 controles"
    )
    assert "binnen het RIEC-samenwerkingsverband" in s.riec_sentence(2024, 2, None, None, "nl", "C")
    assert s.clients_sentence(2024, 4, "en", "A", "the care organisation").startswith(
        "In 2024 the care organisation guided 4 clients"
    )


def test_a_partners_words_must_be_text_and_its_sections_known():
    data = tomllib.loads(template())
    data["partners"][0]["short"] = 5
    with pytest.raises(RegionError, match="short must be text"):
        _build(data, "x.toml")
    data = tomllib.loads(template())
    data["partners"][0]["sections"] = {"meldingen": {"titel": "x"}}
    with pytest.raises(RegionError, match="unknown setting"):
        _build(data, "x.toml")
