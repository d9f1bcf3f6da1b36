"""Every counting rule of spec/indicators.md, on small hand-made deliveries."""

from __future__ import annotations

import pytest

from helpers import value_of

pytestmark = pytest.mark.django_db

Y = 2024


def melding(i, soort="melding", vorm="seksuele-uitbuiting", leeftijd="meerderjarig", gemeente="Rotterdam", **kw):
    return {
        "id": f"m{i}",
        "datum": f"{Y}-03-01",
        "soort": soort,
        "vorm": vorm,
        "leeftijdsgroep": leeftijd,
        "gemeente": gemeente,
        **kw,
    }


def test_meldingen_total_and_herkomst(deliver, indicators_of):
    deliver(
        "meldingen",
        Y,
        "ESSM",
        [
            melding(1),
            melding(2),
            melding(3, gemeente="Schiedam"),
            melding(4, gemeente="regio-onbekend"),
            melding(5, gemeente="buiten-regio"),
            melding(6, gemeente="Dordrecht"),
        ],
    )
    r = indicators_of(Y)
    assert value_of(r, "meldingen") == 6
    assert value_of(r, "meldingen", herkomst="centrumgemeente") == 2
    assert value_of(r, "meldingen", herkomst="regio") == 2
    assert value_of(r, "meldingen", herkomst="regio-onbekend") == 1
    assert value_of(r, "meldingen", herkomst="buiten-regio") == 1


def test_gemeente_breakdown_is_the_full_product_with_zeros(deliver, indicators_of):
    deliver("meldingen", Y, "ESSM", [melding(1, gemeente="Schiedam")])
    r = indicators_of(Y)
    cells = [v for v in r["values"] if v["indicator"] == "meldingen" and list(v["dimensions"]) == ["gemeente"]]
    assert len(cells) == 23 + 2  # the region's municipalities, regio-onbekend, buiten-regio
    assert value_of(r, "meldingen", gemeente="Schiedam") == 1
    assert value_of(r, "meldingen", gemeente="Zwijndrecht") == 0


def test_rubriek_groups_other_forms_and_keeps_hulpvraag_and_preventief(deliver, indicators_of):
    deliver(
        "meldingen",
        Y,
        "ESSM",
        [
            melding(1, vorm="arbeidsuitbuiting"),
            melding(2, vorm="overig"),
            melding(3, vorm="onbekend", leeftijd="minderjarig"),
            melding(4, vorm="criminele-uitbuiting"),
            melding(5, soort="hulpvraag-sekswerk", vorm=None),
            melding(6, soort="preventief", vorm="seksuele-uitbuiting", leeftijd="minderjarig"),
        ],
    )
    r = indicators_of(Y)
    assert value_of(r, "meldingen", rubriek="overige-uitbuiting") == 3
    assert value_of(r, "meldingen", rubriek="overige-uitbuiting", leeftijdsgroep="minderjarig") == 1
    assert value_of(r, "meldingen", rubriek="criminele-uitbuiting") == 1
    assert value_of(r, "meldingen", rubriek="seksuele-uitbuiting") == 0  # a preventive talk is not a report
    assert value_of(r, "meldingen", rubriek="hulpvraag-sekswerk") == 1
    assert value_of(r, "meldingen", rubriek="preventief", leeftijdsgroep="minderjarig") == 1
    assert value_of(r, "meldingen", soort="melding") == 4


def test_kenmerk_counts_a_row_once_under_each_code(deliver, indicators_of):
    deliver(
        "meldingen",
        Y,
        "ESSM",
        [
            melding(1, kenmerken="loverboymethode|online"),
            melding(2, kenmerken="loverboymethode", leeftijd="minderjarig"),
            melding(3),
        ],
    )
    r = indicators_of(Y)
    assert value_of(r, "meldingen", kenmerk="loverboymethode") == 2
    assert value_of(r, "meldingen", kenmerk="online") == 1
    assert value_of(r, "meldingen", kenmerk="drugs") == 0
    assert (
        value_of(r, "meldingen", rubriek="seksuele-uitbuiting", leeftijdsgroep="minderjarig", kenmerk="loverboymethode")
        == 1
    )
    assert value_of(r, "meldingen") == 3  # the breakdown may add up to more or less than the total


def test_trajecten_instroom_is_continuing_before_the_year(deliver, indicators_of):
    deliver(
        "trajecten",
        Y,
        "ESSM",
        [
            {"id": "t1", "vorm": "seksuele-uitbuiting", "startdatum": f"{Y - 1}-12-31"},
            {"id": "t2", "vorm": "seksuele-uitbuiting", "startdatum": f"{Y}-01-01", "einddatum": f"{Y}-02-01"},
            {"id": "t3", "vorm": "preventief", "startdatum": f"{Y - 3}-05-05"},
            {"id": "t4", "vorm": "arbeidsuitbuiting", "startdatum": f"{Y}-06-01"},
        ],
    )
    r = indicators_of(Y)
    assert value_of(r, "trajecten") == 4
    assert value_of(r, "trajecten", rubriek="seksuele-uitbuiting", instroom="doorlopend") == 1
    assert value_of(r, "trajecten", rubriek="seksuele-uitbuiting", instroom="nieuw") == 1
    assert value_of(r, "trajecten", rubriek="preventief", instroom="doorlopend") == 1
    assert value_of(r, "trajecten", rubriek="overige-uitbuiting", instroom="nieuw") == 1
    assert value_of(r, "trajecten", instroom="nieuw") == 2


def test_politiecontacten_soort_by_vorm(deliver, indicators_of):
    deliver(
        "politiecontacten",
        Y,
        "AVIM",
        [
            {"id": "p1", "datum": f"{Y}-01-02", "soort": "aangifte", "vorm": "criminele-uitbuiting"},
            {"id": "p2", "datum": f"{Y}-01-03", "soort": "informatief-gesprek", "vorm": "criminele-uitbuiting"},
            {"id": "p3", "datum": f"{Y}-01-04", "soort": "informatief-gesprek", "vorm": "criminele-uitbuiting"},
        ],
    )
    r = indicators_of(Y)
    assert value_of(r, "politiecontacten", soort="informatief-gesprek", vorm="criminele-uitbuiting") == 2
    assert value_of(r, "politiecontacten", soort="aangifte") == 1
    assert value_of(r, "politiecontacten", vorm="seksuele-uitbuiting") == 0


def test_riec_cases_markets_and_partners(deliver, indicators_of):
    deliver(
        "riec-casussen",
        Y,
        "RIEC",
        [
            {
                "id": "c1",
                "startdatum": f"{Y - 1}-04-01",
                "markten": "arbeidsuitbuiting|mensensmokkel",
                "inbrenger": "politie",
                "partners": "Belastingdienst|gemeente",
            },
            {"id": "c2", "startdatum": f"{Y}-02-01", "markten": "seksuele-uitbuiting", "inbrenger": "IND"},
            {
                "id": "c3",
                "startdatum": f"{Y}-03-01",
                "markten": "seksuele-uitbuiting",
                "inbrenger": "politie",
                "partners": "politie",
            },
        ],
    )
    r = indicators_of(Y)
    assert value_of(r, "riec-casussen") == 3
    assert value_of(r, "riec-casussen", inbrenger="politie") == 2
    assert value_of(r, "riec-casussen", startjaar=str(Y - 1)) == 1
    startjaren = [
        v["dimensions"]["startjaar"]
        for v in r["values"]
        if v["indicator"] == "riec-casussen" and list(v["dimensions"]) == ["startjaar"]
    ]
    assert startjaren == [str(Y - 1), str(Y)]  # the distinct years among the cases, ascending
    assert value_of(r, "riec-markten") == 4
    assert value_of(r, "riec-markten", markt="seksuele-uitbuiting") == 2
    assert value_of(r, "riec-markten", startjaar=str(Y - 1), markt="mensensmokkel") == 1
    assert value_of(r, "riec-partners") == 5  # 2 markets x 2 partners + 1; a case without partners adds none
    assert value_of(r, "riec-partners", markt="arbeidsuitbuiting", partner="Belastingdienst") == 1
    assert value_of(r, "riec-partners", markt="seksuele-uitbuiting", partner="IND") == 0  # inbrenger is no partner


def test_controles_bevinding_and_locatie(deliver, indicators_of):
    deliver(
        "controles",
        Y,
        "RCTM",
        [
            {
                "id": "k1",
                "datum": f"{Y}-05-01",
                "gemeente": "Rotterdam",
                "locatie": "hotel",
                "bevindingen": "niet-vergund|noodopvang",
            },
            {"id": "k2", "datum": f"{Y}-05-02", "gemeente": "Dordrecht", "bevindingen": "niet-vergund"},
        ],
    )
    r = indicators_of(Y)
    assert value_of(r, "controles") == 2
    assert value_of(r, "controles", bevinding="niet-vergund") == 2
    assert value_of(r, "controles", locatie="hotel") == 1
    assert sum(v["value"] for v in r["values"] if v["indicator"] == "controles" and "locatie" in v["dimensions"]) == 1
    assert value_of(r, "controles", gemeente="Dordrecht") == 1


def test_registraties_per_deliverer_with_zero_for_one_that_did_not_deliver(deliver, indicators_of):
    key = "a" * 64
    deliver(
        "registraties",
        Y,
        "NLA",
        [
            {"id": "r1", "datum": f"{Y}-01-01", "vorm": "arbeidsuitbuiting", "persoon": key},
        ],
    )
    r = indicators_of(Y)
    assert value_of(r, "registraties", aanleverder="NLA") == 1
    assert value_of(r, "registraties", aanleverder="ZORGCOORDINATIE") == 0


def test_landelijk_keeps_the_delivered_total_else_sums_the_forms(deliver, indicators_of):
    deliver(
        "landelijk",
        Y,
        "VAR",
        [
            {"jaar": Y, "vorm": "totaal", "aantal": 944},
            {"jaar": Y, "vorm": "seksuele-uitbuiting", "aantal": 500},
            {"jaar": Y, "vorm": "arbeidsuitbuiting", "aantal": 400},
        ],
    )
    deliver(
        "landelijk",
        Y - 1,
        "VAR",
        [
            {"jaar": Y - 1, "vorm": "seksuele-uitbuiting", "aantal": 500},
            {"jaar": Y - 1, "vorm": "arbeidsuitbuiting", "aantal": 368},
        ],
    )
    r = indicators_of(Y)
    assert value_of(r, "landelijk") == 944  # as delivered, though the forms add up to 900
    assert value_of(r, "landelijk", vorm="criminele-uitbuiting") == 0
    assert value_of(indicators_of(Y - 1), "landelijk") == 868
    change = next(c for c in r["changes"] if c["indicator"] == "landelijk")
    assert change["previous"] == 868


def test_acties_and_initiatieven(deliver, indicators_of):
    deliver(
        "acties",
        Y,
        "VAR",
        [
            {"id": "a1", "opgave": 1, "titel": "Monitor", "status": "gereed"},
            {"id": "a2", "opgave": 1, "titel": "Omgevingsscan", "status": "uitgesteld"},
            {"id": "a3", "opgave": 3, "titel": "VR", "status": "lopend"},
        ],
    )
    deliver(
        "initiatieven",
        Y,
        "VAR",
        [
            {
                "id": "i1",
                "gemeente": "regio",
                "datum": f"{Y}-10-03",
                "titel": "Week",
                "soort": "bijeenkomst",
                "opgave": 3,
            },
            {"id": "i2", "gemeente": "Dordrecht", "datum": f"{Y}-04-01", "titel": "Koffer", "soort": "materiaal"},
        ],
    )
    r = indicators_of(Y)
    assert value_of(r, "acties", opgave="1") == 2
    assert value_of(r, "acties", opgave="1", status="uitgesteld") == 1
    assert value_of(r, "acties", opgave="5", status="gepland") == 0
    assert value_of(r, "initiatieven", gemeente="regio") == 1
    assert value_of(r, "initiatieven", opgave="3") == 1
    assert sum(v["value"] for v in r["values"] if v["indicator"] == "initiatieven" and "opgave" in v["dimensions"]) == 1


def test_not_delivered_is_absent_and_delivered_empty_is_zero(deliver, indicators_of):
    deliver("controles", Y, "RCTM", [])
    r = indicators_of(Y)
    assert value_of(r, "controles") == 0
    with pytest.raises(KeyError):
        value_of(r, "meldingen")
    assert {c["indicator"] for c in r["changes"]} == {"controles"}


def test_changes_against_the_previous_year(deliver, indicators_of):
    deliver("meldingen", Y - 1, "ESSM", [melding(i) | {"datum": f"{Y - 1}-01-01"} for i in range(130)])
    deliver("meldingen", Y, "ESSM", [melding(i) for i in range(179)])
    deliver("controles", Y, "RCTM", [{"id": "k", "datum": f"{Y}-01-01", "gemeente": "Rotterdam"}])
    deliver("controles", Y - 1, "RCTM", [])
    r = indicators_of(Y)
    changes = {c["indicator"]: c for c in r["changes"]}
    assert changes["meldingen"] == {
        "indicator": "meldingen",
        "previous": 130,
        "value": 179,
        "change": 0.377,
        "wording": "lichte stijging",
    }
    assert changes["controles"]["previous"] == 0 and changes["controles"]["change"] is None
    first = {c["indicator"]: c for c in indicators_of(Y - 1)["changes"]}
    assert first["meldingen"]["previous"] is None and first["meldingen"]["wording"] is None


def test_only_the_current_version_counts(deliver, indicators_of):
    deliver("controles", Y, "RCTM", [{"id": "k1", "datum": f"{Y}-01-01", "gemeente": "Rotterdam"}])
    deliver("controles", Y, "RCTM", [{"id": f"k{i}", "datum": f"{Y}-01-01", "gemeente": "Rotterdam"} for i in range(5)])
    assert value_of(indicators_of(Y), "controles") == 5
