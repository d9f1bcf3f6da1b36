"""Seed-shaped sample data for tests, the benchmark and previews (not the demo deliveries).

Builds indicator dicts in exactly the JSON shape of `zicht indicators --year Y --json`
(`spec/indicators.md`) from small synthetic record lists, so every breakdown adds up. The 2024, 2023
and 2022 values the seed publishes are reproduced; everything else is synthetic ("demo").
"""

from __future__ import annotations

import html as htmllib
import itertools
import re
from fractions import Fraction

from zicht.region import Region, load_region
from zicht.schema import codes as c

_MELDING_RUBRIEK = (
    "seksuele-uitbuiting",
    "criminele-uitbuiting",
    "overige-uitbuiting",
    "hulpvraag-sekswerk",
    "preventief",
)
_TRAJECT_RUBRIEK = ("seksuele-uitbuiting", "criminele-uitbuiting", "overige-uitbuiting", "preventief")
_HERKOMST = ("centrumgemeente", "regio", "regio-onbekend", "buiten-regio")


def _count(records: list[dict], dims: tuple[str, ...], enums: dict[str, tuple[str, ...]]) -> list[dict]:
    """Every combination of `dims` (full product, zeros included); multi-valued fields count once per code."""
    out = []
    for combo in itertools.product(*(enums[d] for d in dims)):
        n = 0
        for rec in records:
            ok = True
            for d, v in zip(dims, combo, strict=True):
                have = rec.get(d)
                if isinstance(have, tuple | list | set):
                    ok = v in have
                else:
                    ok = have == v
                if not ok:
                    break
            n += ok
        out.append(dict(zip(dims, combo, strict=True)) | {"__n": n})
    return out


def indicator_values(name: str, records: list[dict], breakdowns, enums) -> list[dict]:
    """The `values` entries of one indicator: its total and each breakdown's full product."""
    values = [{"indicator": name, "dimensions": {}, "value": len(records)}]
    for dims in breakdowns:
        for row in _count(records, tuple(dims), enums):
            n = row.pop("__n")
            values.append({"indicator": name, "dimensions": row, "value": n})
    return values


def wording(previous: int, value: int, region: Region) -> str:
    """The wording of a change on the exact ratio (`spec/indicators.md` thresholds)."""
    r = Fraction(value - previous, previous)
    w = region.wording or {}
    tests = (
        ("sterke stijging", r >= Fraction(str(w.get("sterke_stijging", 1.0)))),
        ("stijging", r >= Fraction(str(w.get("stijging", 0.4)))),
        ("lichte stijging", r >= Fraction(str(w.get("lichte_stijging", 0.05)))),
        ("sterke daling", r <= Fraction(str(w.get("sterke_daling", -0.5)))),
        ("daling", r <= Fraction(str(w.get("daling", -0.4)))),
        ("lichte daling", r <= Fraction(str(w.get("lichte_daling", -0.05)))),
    )
    return next((word for word, hit in tests if hit), "nagenoeg gelijk")


def add_changes(results: dict[int, dict], region: Region) -> dict[int, dict]:
    """Fill each year's `changes` against the year before (null when absent or 0)."""
    for year, result in results.items():
        prev = results.get(year - 1)
        changes = []
        for v in result["values"]:
            if v["dimensions"]:
                continue
            previous = None
            if prev:
                previous = next(
                    (p["value"] for p in prev["values"] if p["indicator"] == v["indicator"] and not p["dimensions"]),
                    None,
                )
            entry = {
                "indicator": v["indicator"],
                "previous": previous,
                "value": v["value"],
                "change": None,
                "wording": None,
            }
            if previous:
                entry["change"] = round((v["value"] - previous) / previous, 3)
                entry["wording"] = wording(previous, v["value"], region)
            changes.append(entry)
        result["changes"] = changes
    return results


def _rep(n: int, **fields) -> list[dict]:
    return [dict(fields) for _ in range(n)]


def _meldingen_2024(region: Region) -> list[dict]:
    recs: list[dict] = []
    # rubriek x leeftijdsgroep with kenmerken (the seed's text), 179 in total.
    sex_adult = (
        _rep(30, kenmerk=("loverboymethode",))
        + _rep(15, kenmerk=("vrijwilligheid-onduidelijk",))
        + _rep(12, kenmerk=("beperking",))
    )
    for r in sex_adult:
        r.update(rubriek="seksuele-uitbuiting", leeftijdsgroep="meerderjarig", soort="melding")
    recs += sex_adult
    recs += _rep(
        9, rubriek="seksuele-uitbuiting", leeftijdsgroep="minderjarig", soort="melding", kenmerk=("loverboymethode",)
    )
    recs += _rep(
        3, rubriek="overige-uitbuiting", leeftijdsgroep="meerderjarig", soort="melding", kenmerk=("bedelarij",)
    )
    recs += _rep(
        3, rubriek="overige-uitbuiting", leeftijdsgroep="meerderjarig", soort="melding", kenmerk=("onbetaalde-arbeid",)
    )
    recs += _rep(2, rubriek="overige-uitbuiting", leeftijdsgroep="meerderjarig", soort="melding", kenmerk=("ronselen",))
    recs += _rep(6, rubriek="criminele-uitbuiting", leeftijdsgroep="meerderjarig", soort="melding", kenmerk=("drugs",))
    recs += _rep(
        4, rubriek="criminele-uitbuiting", leeftijdsgroep="meerderjarig", soort="melding", kenmerk=("bankrekening",)
    )
    recs += _rep(5, rubriek="criminele-uitbuiting", leeftijdsgroep="minderjarig", soort="melding", kenmerk=("drugs",))
    recs += _rep(
        52, rubriek="hulpvraag-sekswerk", leeftijdsgroep="meerderjarig", soort="hulpvraag-sekswerk", kenmerk=()
    )
    recs += _rep(18, rubriek="preventief", leeftijdsgroep="meerderjarig", soort="preventief", kenmerk=())
    recs += _rep(20, rubriek="preventief", leeftijdsgroep="minderjarig", soort="preventief", kenmerk=())
    # herkomst / gemeente: 121 Rotterdam, 44 elsewhere in the region (small cells on purpose), 10, 4.
    others = [m for m in region.municipality_names if m != region.central]
    spread = [9, 7, 6, 5, 4, 3, 3, 2, 2, 1, 1, 1] + [0] * (len(others) - 12)
    places = ["Rotterdam"] * 121
    for name, n in zip(others, spread, strict=False):
        places += [name] * n
    places += ["regio-onbekend"] * 10 + ["buiten-regio"] * 4
    for rec, place in zip(recs, places, strict=True):
        rec["gemeente"] = place
        rec["herkomst"] = (
            "centrumgemeente"
            if place == region.central
            else place
            if place in ("regio-onbekend", "buiten-regio")
            else "regio"
        )
    return recs


def _simple_meldingen(n: int, region: Region) -> list[dict]:
    """A synthetic earlier year: n reports spread over the headings."""
    rubrieken = itertools.cycle(_MELDING_RUBRIEK)
    recs = []
    for i in range(n):
        rub = next(rubrieken)
        recs.append(
            {
                "rubriek": rub,
                "soort": rub if rub in ("hulpvraag-sekswerk", "preventief") else "melding",
                "leeftijdsgroep": "minderjarig" if i % 4 == 0 else "meerderjarig",
                "gemeente": region.central if i % 3 else "regio-onbekend",
                "herkomst": "centrumgemeente" if i % 3 else "regio-onbekend",
                "kenmerk": (),
            }
        )
    return recs


def _trajecten(split: dict[str, tuple[int, int]]) -> list[dict]:
    recs = []
    for rub, (old, new) in split.items():
        recs += _rep(old, rubriek=rub, instroom="doorlopend") + _rep(new, rubriek=rub, instroom="nieuw")
    return recs


def _politie(split: dict[tuple[str, str], int]) -> list[dict]:
    return [rec for (soort, vorm), n in split.items() for rec in _rep(n, soort=soort, vorm=vorm)]


# The action plan 2024 as the seed's chapter 3 tells it (titles shortened; statuses from its wording).
ACTIES_2024 = [
    (1, "Mensenhandelmonitor 2023 gepubliceerd", "gereed"),
    (1, "Regionale omgevingsscan met het RIEC", "uitgesteld"),
    (2, "Nieuwe regionale portefeuillehouder Mensenhandel aangewezen", "gereed"),
    (2, "Regionale Tafel Mensenhandel (twee keer)", "gereed"),
    (2, "Doorontwikkeling ketensamenwerking Platform mensenhandel", "lopend"),
    (2, "Twee netwerkbijeenkomsten voor aandachtsfunctionarissen", "gereed"),
    (3, "VR-experience over arbeidsuitbuiting toegevoegd", "gereed"),
    (3, "Gemeenten ondersteund bij de interne meldroutekaart", "lopend"),
    (3, "Week tegen Mensenhandel: kennis- en netwerksessie (3 oktober)", "gereed"),
    (3, "Signaalwijzer uitbuiting bij personen met een LVB gelanceerd", "gereed"),
    (4, "Plan voor de aanpak van daders", "uitgesteld"),
    (4, "Onderzoek barrièremodellen", "uitgesteld"),
    (4, "Doorontwikkeling RCTM", "lopend"),
    (5, "Regionale zorgcoördinatie door (centrum)gemeenten", "lopend"),
    (5, "Bekendheid regionaal meld- en adviespunt ESSM vergroten", "lopend"),
    (5, "Verkenning inzet ervaringsdeskundigen", "gepland"),
]

INITIATIEVEN_2024 = [
    ("Capelle aan den IJssel", "training", 3, "Training medewerkers sociale zaken (met ESSM)"),
    ("Zwijndrecht", "bijeenkomst", 3, "Bijeenkomst medewerkers opvanglocaties (NLA en ESSM)"),
    ("Papendrecht", "bijeenkomst", 3, "Bijeenkomst voor vijf Drechtsteden-gemeenten (met ESSM)"),
    ("Papendrecht", "materiaal", 3, "Flyer 'Samen sterk tegen mensenhandel'"),
    ("Gorinchem", "campagne", 3, "Citytour: escape tour door de Gildenwijk"),
    ("Gorinchem", "bijeenkomst", 3, "Bijeenkomst signalen seksuele en criminele uitbuiting"),
    ("Dordrecht", "materiaal", 3, "Koffer Verkeerd gelanceerd"),
    ("Dordrecht", "controle", 4, "Klanten-actiedag met AVIM en OM"),
    ("Rotterdam", "voorlichting", 3, "Presentatie Rotterdamse Hotel Combinatie"),
    ("regio", "materiaal", 3, "VR-brillen uitgebreid met 'de reis van de tomaat'"),
]


def _landelijk(total: int) -> list[dict]:
    vals = [{"indicator": "landelijk", "dimensions": {}, "value": total}]
    vals += [{"indicator": "landelijk", "dimensions": {"vorm": v}, "value": 0} for v in c.VORM]
    return vals


def sample_indicators(region: Region | None = None) -> dict[int, dict]:
    """Indicator dicts for 2019-2024 with the seed's values; synthetic where the seed is silent."""
    region = region or load_region()
    names = region.municipality_names
    gemeente_m = names + (c.REGIO_ONBEKEND, c.BUITEN_REGIO)
    enums = {
        "herkomst": _HERKOMST,
        "gemeente": gemeente_m,
        "rubriek": _MELDING_RUBRIEK,
        "leeftijdsgroep": c.LEEFTIJDSGROEP,
        "soort": c.MELDING_SOORT,
        "kenmerk": c.KENMERKEN,
    }
    melding_bd = [
        ("herkomst",),
        ("gemeente",),
        ("rubriek",),
        ("rubriek", "leeftijdsgroep"),
        ("soort",),
        ("kenmerk",),
        ("rubriek", "leeftijdsgroep", "kenmerk"),
    ]
    traj_enums = {"rubriek": _TRAJECT_RUBRIEK, "instroom": ("doorlopend", "nieuw")}
    traj_bd = [("rubriek",), ("instroom",), ("rubriek", "instroom")]
    pol_enums = {"soort": c.POLITIE_SOORT, "vorm": c.VORM}
    pol_bd = [("soort",), ("vorm",), ("soort", "vorm")]

    results: dict[int, dict] = {
        y: {"region": region.slug, "year": y, "values": [], "changes": []} for y in range(2019, 2025)
    }
    for y, total in {2019: 1334, 2020: 984, 2021: 791, 2022: 814, 2023: 868, 2024: 944}.items():
        results[y]["values"] += _landelijk(total)

    v24 = results[2024]["values"]
    v24 += indicator_values("meldingen", _meldingen_2024(region), melding_bd, enums)
    v24 += indicator_values(
        "trajecten",
        _trajecten(
            {
                "seksuele-uitbuiting": (38, 77),
                "criminele-uitbuiting": (2, 11),
                "overige-uitbuiting": (6, 7),
                "preventief": (7, 19),
            }
        ),
        traj_bd,
        traj_enums,
    )
    pol24 = {
        ("informatief-gesprek", "seksuele-uitbuiting"): 14,
        ("informatief-gesprek", "criminele-uitbuiting"): 8,
        ("informatief-gesprek", "arbeidsuitbuiting"): 3,
        ("aangifte", "seksuele-uitbuiting"): 21,
        ("aangifte", "criminele-uitbuiting"): 2,
        ("aangifte", "arbeidsuitbuiting"): 6,
    }
    v24 += indicator_values("politiecontacten", _politie(pol24), pol_bd, pol_enums)
    # RIEC: 11 cases (3 from 2023, one of them in two markets -> 12 pairs).
    cases = [
        {
            "startjaar": "2023",
            "inbrenger": "politie",
            "markt": ("arbeidsuitbuiting", "mensensmokkel"),
            "partner": ("Belastingdienst", "politie", "gemeente", "IND"),
        },
        {
            "startjaar": "2023",
            "inbrenger": "gemeente",
            "markt": ("seksuele-uitbuiting",),
            "partner": ("politie", "gemeente"),
        },
        {"startjaar": "2023", "inbrenger": "IND", "markt": ("mensensmokkel",), "partner": ("IND", "Belastingdienst")},
        {
            "startjaar": "2024",
            "inbrenger": "politie",
            "markt": ("criminele-uitbuiting",),
            "partner": ("politie", "gemeente", "Belastingdienst"),
        },
        {"startjaar": "2024", "inbrenger": "politie", "markt": ("criminele-uitbuiting",), "partner": ("politie", "OM")},
        {
            "startjaar": "2024",
            "inbrenger": "politie",
            "markt": ("seksuele-uitbuiting",),
            "partner": ("politie", "Belastingdienst"),
        },
        {
            "startjaar": "2024",
            "inbrenger": "politie",
            "markt": ("arbeidsuitbuiting",),
            "partner": ("NLA", "Belastingdienst", "gemeente"),
        },
        {"startjaar": "2024", "inbrenger": "gemeente", "markt": ("arbeidsuitbuiting",), "partner": ("gemeente", "NLA")},
        {
            "startjaar": "2024",
            "inbrenger": "NLA",
            "markt": ("arbeidsuitbuiting",),
            "partner": ("NLA", "Belastingdienst"),
        },
        {
            "startjaar": "2024",
            "inbrenger": "Belastingdienst",
            "markt": ("seksuele-uitbuiting",),
            "partner": ("Belastingdienst", "gemeente", "politie"),
        },
        {"startjaar": "2024", "inbrenger": "FIOD", "markt": ("mensensmokkel",), "partner": ("FIOD", "Belastingdienst")},
    ]
    riec_enums = {
        "startjaar": ("2023", "2024"),
        "inbrenger": c.ORGANISATIE,
        "markt": c.MARKTEN,
        "partner": c.ORGANISATIE,
    }
    v24 += indicator_values("riec-casussen", cases, [("startjaar",), ("inbrenger",)], riec_enums)
    pairs = [{"startjaar": k["startjaar"], "markt": m, "partner": k["partner"]} for k in cases for m in k["markt"]]
    v24 += indicator_values("riec-markten", pairs, [("markt",), ("startjaar", "markt")], riec_enums)
    triples = [{"markt": p["markt"], "partner": o} for p in pairs for o in p["partner"]]
    v24 += indicator_values("riec-partners", triples, [("markt", "partner")], riec_enums)
    ctrl = (
        _rep(11, gemeente="Rotterdam", locatie="prive-adres", bevinding=("niet-vergund",))
        + _rep(3, gemeente="Dordrecht", locatie="seksinrichting", bevinding=("niet-vergund", "bestuurlijke-handhaving"))
        + _rep(2, gemeente="Schiedam", locatie="hotel", bevinding=("signalen-slachtofferschap", "intake-politie"))
        + _rep(3, gemeente="Vlaardingen", locatie="seksinrichting", bevinding=("geen",))
    )
    ctrl_enums = {"gemeente": names, "locatie": c.LOCATIE, "bevinding": c.BEVINDINGEN}
    v24 += indicator_values("controles", ctrl, [("gemeente",), ("locatie",), ("bevinding",)], ctrl_enums)
    regs = (
        _rep(17, aanleverder="ZORGCOORDINATIE", vorm="seksuele-uitbuiting", leeftijdsgroep="meerderjarig")
        + _rep(6, aanleverder="ZORGCOORDINATIE", vorm="criminele-uitbuiting", leeftijdsgroep="minderjarig")
        + _rep(9, aanleverder="NLA", vorm="arbeidsuitbuiting", leeftijdsgroep="meerderjarig")
    )
    reg_enums = {"aanleverder": region.partners_for("registraties"), "vorm": c.VORM, "leeftijdsgroep": c.LEEFTIJDSGROEP}
    v24 += indicator_values(
        "registraties", regs, [("aanleverder",), ("vorm",), ("leeftijdsgroep",), ("aanleverder", "vorm")], reg_enums
    )
    acties = [{"opgave": str(o), "status": s} for o, _, s in ACTIES_2024]
    act_enums = {"opgave": tuple(str(i) for i in c.OPGAVEN), "status": c.STATUS}
    v24 += indicator_values("acties", acties, [("opgave",), ("opgave", "status")], act_enums)
    inits = [{"gemeente": g, "soort": s, "opgave": str(o)} for g, s, o, _ in INITIATIEVEN_2024]
    init_enums = {
        "gemeente": names + (c.REGIO,),
        "soort": c.INITIATIEF_SOORT,
        "opgave": tuple(str(i) for i in c.OPGAVEN),
    }
    v24 += indicator_values("initiatieven", inits, [("gemeente",), ("soort",), ("opgave",)], init_enums)

    v23 = results[2023]["values"]
    v23 += indicator_values("meldingen", _simple_meldingen(130, region), melding_bd, enums)
    v23 += indicator_values(
        "trajecten",
        _trajecten(
            {
                "seksuele-uitbuiting": (40, 60),
                "criminele-uitbuiting": (3, 9),
                "overige-uitbuiting": (5, 8),
                "preventief": (8, 15),
            }
        ),
        traj_bd,
        traj_enums,
    )
    v23 += indicator_values(
        "politiecontacten",
        _politie(
            {
                ("informatief-gesprek", "seksuele-uitbuiting"): 12,
                ("aangifte", "seksuele-uitbuiting"): 22,
                ("aangifte", "criminele-uitbuiting"): 5,
            }
        ),
        pol_bd,
        pol_enums,
    )
    v23 += indicator_values(
        "riec-casussen",
        [{"startjaar": "2023", "inbrenger": "politie"}] * 3 + [{"startjaar": "2022", "inbrenger": "gemeente"}],
        [("startjaar",), ("inbrenger",)],
        riec_enums | {"startjaar": ("2022", "2023")},
    )
    v23 += indicator_values("controles", ctrl[:15], [("gemeente",), ("locatie",), ("bevinding",)], ctrl_enums)
    v22 = results[2022]["values"]
    v22 += indicator_values(
        "trajecten",
        _trajecten(
            {
                "seksuele-uitbuiting": (45, 55),
                "criminele-uitbuiting": (2, 6),
                "overige-uitbuiting": (6, 7),
                "preventief": (7, 15),
            }
        ),
        traj_bd,
        traj_enums,
    )
    v22 += indicator_values(
        "politiecontacten",
        _politie(
            {
                ("informatief-gesprek", "seksuele-uitbuiting"): 10,
                ("aangifte", "seksuele-uitbuiting"): 20,
                ("aangifte", "arbeidsuitbuiting"): 3,
            }
        ),
        pol_bd,
        pol_enums,
    )
    return add_changes(results, region)


def sample_actions() -> list[dict]:
    return [{"opgave": o, "titel": t, "status": s} for o, t, s in ACTIES_2024]


def sample_initiatives() -> list[dict]:
    return [{"gemeente": g, "soort": s, "opgave": o, "titel": t} for g, s, o, t in INITIATIEVEN_2024]


def sample_estimate() -> dict:
    """An estimate in the JSON shape of `spec/estimation.md` (synthetic numbers)."""
    table = [
        {"history": [1, 0, 0, 0], "count": 121},
        {"history": [0, 1, 0, 0], "count": 38},
        {"history": [0, 0, 1, 0], "count": 19},
        {"history": [0, 0, 0, 1], "count": 7},
        {"history": [1, 1, 0, 0], "count": 14},
        {"history": [1, 0, 1, 0], "count": 9},
        {"history": [0, 1, 1, 0], "count": 3},
        {"history": [1, 0, 0, 1], "count": 2},
        {"history": [1, 1, 1, 0], "count": 2},
    ]
    return {
        "lists": ["ESSM", "AVIM", "ZORGCOORDINATIE", "NLA"],
        "observed": sum(r["count"] for r in table),
        "estimable": True,
        "reason": None,
        "method": "stepwise",
        "options": {"pthresh": 0.02, "maxorder": None, "model": None},
        "model": "[12,3,4]",
        "bic": 61.2087,
        "estimate": 642.7,
        "hidden": 427.7,
        "ci": {"level": 0.95, "low": 431.9, "high": 1012.4, "method": "bca", "nboot": 1000, "seed": 1234, "dropped": 0},
        "table": table,
    }


def demo_texts(year: int = 2024) -> dict[str, str]:
    """The bundled demo narrative texts ({section: markdown}), each marked as demo text."""
    from pathlib import Path

    folder = Path(__file__).parent.parent / "demo" / "texts" / str(year)
    return {p.stem: p.read_text(encoding="utf-8") for p in sorted(folder.glob("*.md"))}


def sample_deliveries(year: int = 2024) -> list[dict]:
    """Delivery records in the colophon's shape (synthetic hashes)."""
    import hashlib

    rows = [
        ("ESSM", "meldingen", 179),
        ("ESSM", "trajecten", 167),
        ("AVIM", "politiecontacten", 54),
        ("RIEC", "riec-casussen", 11),
        ("RCTM", "controles", 19),
        ("VAR", "landelijk", 1),
        ("VAR", "acties", 16),
        ("VAR", "initiatieven", 10),
        ("ZORGCOORDINATIE", "registraties", 23),
        ("NLA", "registraties", 9),
    ]
    return [
        {
            "partner": p,
            "dataset": d,
            "year": year,
            "version": 1,
            "delivered_at": f"{year + 1}-02-14",
            "row_count": n,
            "file_hash": hashlib.sha256(f"{p}{d}{year}".encode()).hexdigest(),
        }
        for p, d, n in rows
    ]


def sample_report_data(year: int = 2024, **overrides):
    """A complete `ReportData` for the seed year, for tests, the benchmark and previews."""
    import datetime as dt

    from zicht.reporting.context import ReportData

    region = load_region()
    fields = dict(
        region=region,
        year=year,
        indicators=sample_indicators(region),
        texts=demo_texts(year),
        deliveries=sample_deliveries(year),
        estimate=sample_estimate(),
        actions=sample_actions(),
        initiatives=sample_initiatives(),
        published=dt.date(2025, 4, 1),
    )
    fields.update(overrides)
    return ReportData(**fields)


# Every figure of spec/indicators.md's seed table, as the report writes it (Dutch).
SEED_PHRASES = [
    "In 2024 is 179 keer het meldpunt benaderd. Dit is een lichte stijging ten opzichte van 2023 (130 keer).",
    "hadden er 121 betrekking op de gemeente Rotterdam",
    "Een kleiner aantal van 44 meldingen",
    "Bij 10 meldingen werd niet bekend",
    "4 meldingen waren afkomstig uit een gemeente buiten de regio",
    "Door meerderjarige personen werden 57 meldingen over seksuele uitbuiting gedaan",
    "Door minderjarigen werden 9 meldingen over seksuele uitbuiting gedaan",
    "Door meerderjarige personen werden 8 meldingen over overige (arbeids)uitbuiting gedaan",
    "Door meerderjarige personen werden 10 meldingen over criminele uitbuiting gedaan",
    "Door minderjarigen werden 5 meldingen over criminele uitbuiting gedaan",
    "Informatie- of hulpverzoeken van sekswerkers werden 52 keer gedaan.",
    "Preventief werden 18 gesprekken gevoerd met meerderjarige personen en 20 gesprekken met minderjarige personen.",
    "167 cliënten begeleid",
    "2023: 148; 2022: 143",
    "115 cliënten op het gebied van seksuele uitbuiting (38 doorlopend vanuit 2023, 77 nieuwe trajecten gestart in 2024)",
    "13 cliënten op het gebied van criminele uitbuiting (2 doorlopend vanuit 2023, 11 nieuwe trajecten gestart in 2024)",
    "13 cliënten op het gebied van overige (arbeids-)uitbuiting (6 doorlopend vanuit 2023, 7 nieuwe trajecten gestart in 2024)",
    "26 trajecten zijn preventief gestart ter voorkoming van enige vorm van uitbuiting (7 doorlopend vanuit 2023, 19 nieuwe trajecten gestart in 2024)",
    "8 informatieve gesprekken en 2 aangiftes van criminele uitbuiting",
    "2023: 27; 2022: 23",
    "11 casussen gedraaid",
    "ten opzichte van 2023 (toen 4)",
    "Van de 11 casussen was de politie in 5 gevallen inbrenger van het signaal.",
    "In 2 gevallen was een gemeente inbrenger.",
    "In de overige 4 gevallen",
    "sprake van een totaal van 12 casussen",
    "19 controles uitgevoerd",
    "1.334",
]
# The overige-uitbuiting × minderjarig zero and the national series appear in the figures' tables.
SEED_TABLE_ROWS = [
    ("Overige (arbeids)uitbuiting", "8", "0"),
    ("2019", "1.334"),
    ("2020", "984"),
    ("2021", "791"),
    ("2022", "814"),
    ("2023", "868"),
    ("2024", "944"),
]


def plain_text(html: str) -> str:
    """The visible text of an HTML page, white space collapsed."""
    body = re.sub(r"<(style|script)[^>]*>.*?</\1>", " ", html, flags=re.S)
    body = re.sub(r'src="data:[^"]*"', "", body)
    text = htmllib.unescape(re.sub(r"<[^>]+>", " ", body))
    return re.sub(r"\s+", " ", text).strip()
