"""The gate on the indicators' JSON (spec/indicators.md, "Disclosure control (`--public`)")."""

import copy
import dataclasses
import logging
import random

import pytest

from zicht.disclosure import (
    DisclosureError,
    check_public,
    format_value,
    suppress_indicators,
    suppress_indicators_audited,
)
from zicht.region import Municipality, load_region

REGION = load_region("regio-rotterdam")

# The worked example of docs/disclosure.md: the 44 meldingen of herkomst = regio over the 22 other
# municipalities (in the region's order). One small cell (Ridderkerk 3) needs a partner.
WORKED = {
    "Albrandswaard": 0,
    "Alblasserdam": 0,
    "Barendrecht": 0,
    "Capelle aan den IJssel": 6,
    "Dordrecht": 12,
    "Goeree-Overflakkee": 0,
    "Gorinchem": 0,
    "Hendrik-Ido-Ambacht": 0,
    "Hoeksche Waard": 0,
    "Krimpen aan den IJssel": 0,
    "Krimpenerwaard": 0,
    "Lansingerland": 0,
    "Maassluis": 0,
    "Molenlanden": 0,
    "Nissewaard": 5,
    "Papendrecht": 0,
    "Ridderkerk": 3,
    "Schiedam": 10,
    "Sliedrecht": 0,
    "Vlaardingen": 8,
    "Voorne aan Zee": 0,
    "Zwijndrecht": 0,
}

# The second worked example: several small cells protect each other, zeros stay published.
SPREAD = dict.fromkeys(WORKED, 0) | {
    "Barendrecht": 3,
    "Capelle aan den IJssel": 5,
    "Dordrecht": 9,
    "Hoeksche Waard": 1,
    "Lansingerland": 1,
    "Maassluis": 1,
    "Nissewaard": 5,
    "Ridderkerk": 2,
    "Schiedam": 8,
    "Vlaardingen": 6,
    "Voorne aan Zee": 1,
    "Zwijndrecht": 2,
}


def _v(indicator, value, **dims):
    return {"indicator": indicator, "dimensions": dims, "value": value}


def indicators(gemeenten=WORKED):
    """A hand-made `zicht.indicators.compute` result for 2024 (figures of the seed where it has them)."""
    assert sum(gemeenten.values()) == 44
    values = [
        _v("meldingen", 179),
        _v("meldingen", 121, herkomst="centrumgemeente"),
        _v("meldingen", 44, herkomst="regio"),
        _v("meldingen", 10, herkomst="regio-onbekend"),
        _v("meldingen", 4, herkomst="buiten-regio"),
        _v("meldingen", 121, gemeente="Rotterdam"),
        *(_v("meldingen", n, gemeente=name) for name, n in gemeenten.items()),
        _v("meldingen", 10, gemeente="regio-onbekend"),
        _v("meldingen", 4, gemeente="buiten-regio"),
        _v("meldingen", 9, rubriek="seksuele-uitbuiting", leeftijdsgroep="minderjarig"),
        _v("meldingen", 0, rubriek="overige-uitbuiting", leeftijdsgroep="minderjarig"),
        _v("meldingen", 5, rubriek="criminele-uitbuiting", leeftijdsgroep="minderjarig"),
        _v("trajecten", 167),
        _v("trajecten", 2, rubriek="criminele-uitbuiting", instroom="doorlopend"),
        _v("controles", 19),
        _v("controles", 2, gemeente="Albrandswaard"),
        _v("controles", 3, gemeente="Ridderkerk"),
        _v("initiatieven", 1, gemeente="Maassluis"),
    ]
    return {
        "region": "regio-rotterdam",
        "year": 2024,
        "values": values,
        "changes": [
            {"indicator": "meldingen", "previous": 130, "value": 179, "change": 0.377, "wording": "lichte stijging"}
        ],
    }


def _find(result, indicator, **dims):
    (entry,) = [e for e in result["values"] if e["indicator"] == indicator and e["dimensions"] == dims]
    return entry


def _suppressed(result):
    return {(e["indicator"], tuple(e["dimensions"].items())) for e in result["values"] if e.get("suppressed")}


def test_worked_example_suppresses_the_small_cell_and_the_first_zero():
    public = suppress_indicators(indicators(), REGION)
    assert _suppressed(public) == {
        ("meldingen", (("gemeente", "Ridderkerk"),)),
        ("meldingen", (("gemeente", "Albrandswaard"),)),
    }
    assert _find(public, "meldingen", gemeente="Ridderkerk") == {
        "indicator": "meldingen",
        "dimensions": {"gemeente": "Ridderkerk"},
        "value": None,
        "suppressed": True,
    }


def test_several_small_cells_protect_each_other_and_zeros_stay_published():
    public, audit = suppress_indicators_audited(indicators(SPREAD), REGION)
    hidden = {dims[0][1] for _, dims in _suppressed(public)}
    assert hidden == {
        "Barendrecht",
        "Hoeksche Waard",
        "Lansingerland",
        "Maassluis",
        "Ridderkerk",
        "Voorne aan Zee",
        "Zwijndrecht",
    }
    assert _find(public, "meldingen", gemeente="Albrandswaard")["value"] == 0
    assert audit["primary"] == 7 and audit["secondary"] == 0


def test_totals_central_municipality_herkomst_and_other_datasets_are_published_as_they_are():
    source = indicators()
    public = suppress_indicators(source, REGION)
    assert len(public["values"]) == len(source["values"])
    hidden = _suppressed(public)
    for before, after in zip(source["values"], public["values"], strict=True):
        if (before["indicator"], tuple(before["dimensions"].items())) not in hidden:
            assert after == before  # same entry, same place, no `suppressed` key
    # Small, but not counts of people in a sensitive cell: published.
    assert _find(public, "controles", gemeente="Ridderkerk")["value"] == 3
    assert _find(public, "initiatieven", gemeente="Maassluis")["value"] == 1
    assert _find(public, "meldingen", rubriek="criminele-uitbuiting", leeftijdsgroep="minderjarig")["value"] == 5
    assert _find(public, "meldingen", gemeente="buiten-regio")["value"] == 4
    assert _find(public, "meldingen", gemeente="Rotterdam")["value"] == 121
    assert _find(public, "meldingen", herkomst="regio")["value"] == 44


def test_changes_are_kept_and_the_result_is_marked_public():
    source = indicators()
    public = suppress_indicators(source, REGION)
    assert public["changes"] == source["changes"]
    assert public["public"] is True
    assert (public["region"], public["year"]) == ("regio-rotterdam", 2024)
    assert "public" not in source


def test_the_input_is_not_changed():
    source = indicators()
    before = copy.deepcopy(source)
    suppress_indicators(source, REGION)
    assert source == before


def test_order_of_values_does_not_matter_ties_follow_the_region_order():
    source = indicators()
    random.Random(7).shuffle(source["values"])
    assert _suppressed(suppress_indicators(source, REGION)) == _suppressed(suppress_indicators(indicators(), REGION))


def test_gating_twice_gives_the_same_result():
    once = suppress_indicators(indicators(), REGION)
    assert suppress_indicators(once, REGION) == once


def test_a_dict_marked_public_that_is_not_safe_is_refused():
    fake = indicators() | {"public": True}
    with pytest.raises(DisclosureError):
        suppress_indicators(fake, REGION)


def test_check_public_passes_the_gate_output_and_catches_the_raw_result():
    assert check_public(suppress_indicators(indicators(), REGION), REGION) == []
    problems = check_public(indicators(), REGION)
    assert any("not marked public" in p for p in problems)
    assert any("Ridderkerk" in p and "below k" in p for p in problems)


def test_check_public_catches_a_lone_suppressed_cell():
    public = suppress_indicators(indicators(), REGION)
    entry = _find(public, "meldingen", gemeente="Albrandswaard")
    entry.pop("suppressed")
    entry["value"] = 0
    assert any("exactly one" in p for p in check_public(public, REGION))


def test_an_indicator_that_is_absent_is_simply_not_there():
    source = indicators()
    source["values"] = [e for e in source["values"] if e["indicator"] != "meldingen"]
    public, audit = suppress_indicators_audited(source, REGION)
    assert _suppressed(public) == set()
    assert audit["indicators"] == {}


def test_a_breakdown_crossing_gemeente_with_another_dimension_is_refused():
    source = indicators()
    source["values"].append(_v("meldingen", 2, gemeente="Schiedam", leeftijdsgroep="minderjarig"))
    with pytest.raises(DisclosureError, match="crosses gemeente"):
        suppress_indicators(source, REGION)


def test_a_region_with_one_other_municipality_is_refused_when_its_cell_is_small():
    tiny = dataclasses.replace(REGION, municipalities=(Municipality("Rotterdam"), Municipality("Schiedam")), _places={})
    source = {
        "region": "tiny",
        "year": 2024,
        "values": [_v("meldingen", 3, herkomst="regio"), _v("meldingen", 3, gemeente="Schiedam")],
        "changes": [],
    }
    with pytest.raises(DisclosureError, match="one sensitive municipality"):
        suppress_indicators(source, tiny)
    source["values"][1]["value"] = 0
    assert suppress_indicators(source, tiny)["values"][1]["value"] == 0


def test_the_audit_counts_are_logged(caplog):
    with caplog.at_level(logging.INFO, logger="zicht.disclosure"):
        suppress_indicators(indicators(), REGION)
    assert "1 primary, 1 secondary" in caplog.text
    _, audit = suppress_indicators_audited(indicators(), REGION)
    assert audit["indicators"]["meldingen"]["cells"] == 22


@pytest.mark.parametrize(
    ("entry", "shown"),
    [
        ({"indicator": "meldingen", "dimensions": {}, "value": None, "suppressed": True}, "<5"),
        ({"indicator": "meldingen", "dimensions": {}, "value": 0}, "0"),
        ({"indicator": "meldingen", "dimensions": {}, "value": 179}, "179"),
        (None, "<5"),
        (12, "12"),
    ],
)
def test_format_value_shows_suppressed_values_as_below_k(entry, shown):
    assert format_value(entry, 5) == shown
