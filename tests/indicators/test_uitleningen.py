"""The loans' indicators (`uitleningen`, `uitleningen-bereik`): counted from the region's `uitleningen`
delivery like every other figure, absent when not delivered, and through the disclosure gate untouched
(loans and reach are not counts of victims). The format refuses a file that lends one item twice at once."""

from __future__ import annotations

import pytest

from helpers import value_of

Y = 2024


@pytest.fixture(scope="module")
def region():
    from zicht.region import load_region

    return load_region("regio-rotterdam")


def loan(i, materiaal="vr-brillen", start="2024-03-04", end="2024-03-08", **kw):
    row = {"id": f"u{i}", "materiaal": materiaal, "startdatum": start, "einddatum": end, "status": "teruggebracht"}
    return row | {"gemeente": "Rotterdam", "organisatie": "gemeente", **kw}


@pytest.mark.django_db
def test_loans_are_counted_by_material_municipality_and_organisation(deliver, indicators_of):
    deliver(
        "uitleningen",
        Y,
        "VAR",
        [
            loan(1, bereik=30),
            loan(2, start="2024-05-06", end="2024-05-10", gemeente="regio", organisatie="ESSM", bereik=12),
            loan(3, materiaal="koffer-verkeerd", gemeente="Dordrecht"),  # no reach noted: adds nothing
            loan(4, materiaal="vr-set-oud", start="2024-09-02", end="2024-09-03", bereik=5),  # since removed
        ],
    )
    r = indicators_of(Y)
    assert value_of(r, "uitleningen") == 4
    assert value_of(r, "uitleningen", materiaal="vr-brillen") == 2
    assert value_of(r, "uitleningen", materiaal="koffer-verkeerd") == 1
    assert value_of(r, "uitleningen", materiaal="vr-set-oud") == 1  # an item the deliveries name stays counted
    assert value_of(r, "uitleningen", gemeente="Rotterdam") == 2 and value_of(r, "uitleningen", gemeente="regio") == 1
    assert value_of(r, "uitleningen", gemeente="Schiedam") == 0  # the full breakdown, zeros included
    assert value_of(r, "uitleningen", organisatie="ESSM") == 1 and value_of(r, "uitleningen", organisatie="NLA") == 0
    assert value_of(r, "uitleningen", materiaal="vr-brillen", organisatie="gemeente") == 1
    assert value_of(r, "uitleningen-bereik") == 47
    assert value_of(r, "uitleningen-bereik", materiaal="vr-brillen") == 42
    assert value_of(r, "uitleningen-bereik", gemeente="Dordrecht") == 0
    change = next(c for c in r["changes"] if c["indicator"] == "uitleningen")
    assert change["previous"] is None  # not delivered the year before: absent, not zero


@pytest.mark.django_db
def test_without_a_delivery_the_loans_are_absent_not_zero(deliver, indicators_of):
    deliver("acties", Y, "VAR", [{"id": "a1", "opgave": 3, "titel": "Actie", "status": "lopend"}])
    indicators = {v["indicator"] for v in indicators_of(Y)["values"]}
    assert "acties" in indicators and not indicators & {"uitleningen", "uitleningen-bereik"}


@pytest.mark.django_db
def test_the_disclosure_gate_leaves_the_loans_as_they_are(deliver, indicators_of):
    from zicht.disclosure import suppress_indicators
    from zicht.region import load_region

    deliver("uitleningen", Y, "VAR", [loan(1, gemeente="Schiedam", bereik=2)])
    public = suppress_indicators(indicators_of(Y), load_region())
    cells = [v for v in public["values"] if v["indicator"].startswith("uitleningen")]
    assert cells and not any(v.get("suppressed") for v in cells)
    assert value_of(public, "uitleningen-bereik", gemeente="Schiedam") == 2


def _validate(tmp_path, region, lines: list[str]):
    from zicht.schema.validation import validate_file

    path = tmp_path / "uitleningen.csv"
    header = "id;materiaal;startdatum;einddatum;gemeente;organisatie;status;bereik;doelgroep"
    path.write_text("\n".join([header, *lines]) + "\n", encoding="utf-8")
    return validate_file(path, "uitleningen", Y, region, partner="VAR")


def test_a_file_that_lends_one_item_twice_at_once_is_refused(tmp_path, region):
    result = _validate(
        tmp_path,
        region,
        [
            "u1;VR-brillen;4-3-2024;8-3-2024;Rotterdam;gemeente;teruggebracht;30;",
            "u2;koffer-verkeerd;6-3-2024;7-3-2024;Rotterdam;gemeente;teruggebracht;;",  # another item: fine
            "u3;vr-brillen;2024-03-08;2024-03-09;Schiedam;gemeente;bevestigd;;",  # shares 8 March with row 2
            "u4;vr-brillen;2024-03-10;2024-03-11;regio;ESSM;bevestigd;;",
        ],
    )
    assert [(f.row, f.column, f.code) for f in result.findings] == [(4, "startdatum", "overlap")]
    assert "rij 2" in result.findings[0].message_nl and "2024-03-04" in result.findings[0].message_nl


def test_a_material_outside_the_regions_catalogue_is_an_unknown_code(tmp_path, region):
    result = _validate(tmp_path, region, ["u1;vr-bril;2024-03-04;2024-03-08;Rotterdam;gemeente;bevestigd;;"])
    [finding] = result.findings
    assert finding.code == "unknown-code" and "vr-brillen, koffer-verkeerd" in finding.message_en


def test_the_region_may_deliver_loans_only_through_its_own_partner(tmp_path, region):
    from zicht.schema.validation import validate_file

    path = tmp_path / "u.csv"
    path.write_text("id,materiaal,startdatum,einddatum,gemeente,organisatie,status\n", encoding="utf-8")
    assert validate_file(path, "uitleningen", Y, region, partner="VAR").accepted
    assert [f.code for f in validate_file(path, "uitleningen", Y, region, partner="ESSM").findings] == [
        "partner-not-allowed"
    ]
