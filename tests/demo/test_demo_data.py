"""The bundled demo deliveries: the seed's figures, recounted straight from the CSV files.

Independent of `zicht.indicators`: the counting rules of spec/indicators.md are applied here with pandas.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pandas as pd
import pytest

import zicht.demo
from zicht.demo.generate import write_all
from zicht.region import load_region
from zicht.schema.datasets import DATASETS

DEMO = Path(zicht.demo.__file__).parent
DELIVERIES = DEMO / "deliveries"
MANIFEST = json.loads((DEMO / "manifest.json").read_text(encoding="utf-8"))
REGION = load_region("regio-rotterdam")

# spec/indicators.md, "What the 2024 monitor publishes": (indicator, dimensions, year, value).
SEED = [
    ("meldingen", {}, 2024, 179),
    ("meldingen", {}, 2023, 130),
    ("meldingen", {"herkomst": "centrumgemeente"}, 2024, 121),
    ("meldingen", {"herkomst": "regio"}, 2024, 44),
    ("meldingen", {"herkomst": "regio-onbekend"}, 2024, 10),
    ("meldingen", {"herkomst": "buiten-regio"}, 2024, 4),
    ("meldingen", {"rubriek": "seksuele-uitbuiting", "leeftijdsgroep": "meerderjarig"}, 2024, 57),
    ("meldingen", {"rubriek": "seksuele-uitbuiting", "leeftijdsgroep": "minderjarig"}, 2024, 9),
    ("meldingen", {"rubriek": "overige-uitbuiting", "leeftijdsgroep": "meerderjarig"}, 2024, 8),
    ("meldingen", {"rubriek": "overige-uitbuiting", "leeftijdsgroep": "minderjarig"}, 2024, 0),
    ("meldingen", {"rubriek": "criminele-uitbuiting", "leeftijdsgroep": "meerderjarig"}, 2024, 10),
    ("meldingen", {"rubriek": "criminele-uitbuiting", "leeftijdsgroep": "minderjarig"}, 2024, 5),
    ("meldingen", {"rubriek": "hulpvraag-sekswerk"}, 2024, 52),
    ("meldingen", {"rubriek": "preventief", "leeftijdsgroep": "meerderjarig"}, 2024, 18),
    ("meldingen", {"rubriek": "preventief", "leeftijdsgroep": "minderjarig"}, 2024, 20),
    ("trajecten", {}, 2024, 167),
    ("trajecten", {}, 2023, 148),
    ("trajecten", {}, 2022, 143),
    ("trajecten", {"rubriek": "seksuele-uitbuiting", "instroom": "doorlopend"}, 2024, 38),
    ("trajecten", {"rubriek": "seksuele-uitbuiting", "instroom": "nieuw"}, 2024, 77),
    ("trajecten", {"rubriek": "criminele-uitbuiting", "instroom": "doorlopend"}, 2024, 2),
    ("trajecten", {"rubriek": "criminele-uitbuiting", "instroom": "nieuw"}, 2024, 11),
    ("trajecten", {"rubriek": "overige-uitbuiting", "instroom": "doorlopend"}, 2024, 6),
    ("trajecten", {"rubriek": "overige-uitbuiting", "instroom": "nieuw"}, 2024, 7),
    ("trajecten", {"rubriek": "preventief", "instroom": "doorlopend"}, 2024, 7),
    ("trajecten", {"rubriek": "preventief", "instroom": "nieuw"}, 2024, 19),
    ("politiecontacten", {"soort": "informatief-gesprek", "vorm": "criminele-uitbuiting"}, 2024, 8),
    ("politiecontacten", {"soort": "aangifte", "vorm": "criminele-uitbuiting"}, 2024, 2),
    ("politiecontacten", {"soort": "aangifte"}, 2023, 27),
    ("politiecontacten", {"soort": "aangifte"}, 2022, 23),
    ("riec-casussen", {}, 2024, 11),
    ("riec-casussen", {}, 2023, 4),
    ("riec-casussen", {"inbrenger": "politie"}, 2024, 5),
    ("riec-casussen", {"inbrenger": "gemeente"}, 2024, 2),
    ("riec-casussen", {"inbrenger": ["IND", "NLA", "Belastingdienst", "FIOD"]}, 2024, 4),
    ("riec-markten", {}, 2024, 12),
    ("controles", {}, 2024, 19),
    ("landelijk", {}, 2019, 1334),
    ("landelijk", {}, 2020, 984),
    ("landelijk", {}, 2021, 791),
    ("landelijk", {}, 2022, 814),
    ("landelijk", {}, 2023, 868),
    ("landelijk", {}, 2024, 944),
]
DATASET_OF = {"riec-markten": "riec-casussen"}


def read(year: int, dataset: str, partner: str | None = None) -> pd.DataFrame:
    """Every delivery of `dataset` for `year` (all partners unless one is named), as text."""
    frames = [
        pd.read_csv(DELIVERIES / d["file"], dtype=str, keep_default_na=False).assign(_partner=d["partner"])
        for d in MANIFEST["deliveries"]
        if d["year"] == year and d["dataset"] == dataset and partner in (None, d["partner"])
    ]
    assert frames, f"no {dataset} delivery for {year}"
    return pd.concat(frames, ignore_index=True)


def running(frame: pd.DataFrame, year: int) -> pd.Series:
    return (frame["startdatum"] <= f"{year}-12-31") & (
        (frame["einddatum"] == "") | (frame["einddatum"] >= f"{year}-01-01")
    )


def derived(frame: pd.DataFrame, dataset: str, year: int) -> pd.DataFrame:
    """The frame with the derived dimensions of spec/indicators.md added."""
    frame = frame.copy()
    if dataset == "meldingen":
        centrum = frame["gemeente"] == REGION.central
        special = frame["gemeente"].isin(["regio-onbekend", "buiten-regio"])
        frame["herkomst"] = frame["gemeente"].where(special, "regio").mask(centrum, "centrumgemeente")
        vorm = frame["vorm"].where(
            frame["vorm"].isin(["seksuele-uitbuiting", "criminele-uitbuiting"]), "overige-uitbuiting"
        )
        frame["rubriek"] = vorm.where(frame["soort"] == "melding", frame["soort"])
    if dataset == "trajecten":
        frame = frame[running(frame, year)]
        keep = frame["vorm"].isin(["seksuele-uitbuiting", "criminele-uitbuiting", "preventief"])
        frame = frame.assign(
            rubriek=frame["vorm"].where(keep, "overige-uitbuiting"),
            instroom=(frame["startdatum"] < f"{year}-01-01").map({True: "doorlopend", False: "nieuw"}),
        )
    if dataset == "riec-casussen":
        frame = frame[running(frame, year)]
    return frame


def recount(indicator: str, dimensions: dict, year: int) -> int:
    dataset = DATASET_OF.get(indicator, indicator)
    frame = derived(read(year, dataset), dataset, year)
    if indicator == "riec-markten":
        frame = frame.assign(markt=frame["markten"].str.split("|")).explode("markt")
    if indicator == "landelijk":
        return int(frame.loc[frame["vorm"] == "totaal", "aantal"].astype(int).sum())
    for column, value in dimensions.items():
        frame = frame[frame[column].isin(value if isinstance(value, list) else [value])]
    return len(frame)


@pytest.mark.parametrize(("indicator", "dimensions", "year", "value"), SEED, ids=lambda v: str(v))
def test_demo_files_give_the_seed_figure(indicator, dimensions, year, value):
    assert recount(indicator, dimensions, year) == value


def test_manifest_lists_exactly_the_seed_figures_as_published():
    published = {(f["indicator"], json.dumps(f["dimensions"]), f["year"]): f for f in MANIFEST["figures"]}
    assert len(published) == len(MANIFEST["figures"]) == len(SEED)
    for indicator, dimensions, year, value in SEED:
        figure = published[(indicator, json.dumps(dimensions), year)]
        assert figure["value"] == value
        assert figure["source"] == ("2023 edition" if year in (2022, 2023) and indicator != "landelijk" else "seed")
    assert "synthetic" in MANIFEST["synthetic"].lower() or "invented" in MANIFEST["synthetic"].lower()


def test_meldingen_2024_carry_the_seed_kenmerken():
    frame = derived(read(2024, "meldingen"), "meldingen", 2024)
    expected = {
        ("seksuele-uitbuiting", "meerderjarig"): {"loverboymethode", "vrijwilligheid-onduidelijk", "beperking"},
        ("seksuele-uitbuiting", "minderjarig"): {"loverboymethode"},
        ("overige-uitbuiting", "meerderjarig"): {"bedelarij", "onbetaalde-arbeid", "ronselen"},
        ("criminele-uitbuiting", "meerderjarig"): {"drugs", "bankrekening"},
        ("criminele-uitbuiting", "minderjarig"): {"drugs", "bankrekening"},
    }
    for (rubriek, age), codes in expected.items():
        cells = frame.loc[(frame["rubriek"] == rubriek) & (frame["leeftijdsgroep"] == age), "kenmerken"]
        assert (cells != "").all(), (rubriek, age)
        assert set("|".join(cells).split("|")) == codes, (rubriek, age)


def test_riec_markets_cover_four_markets_and_one_2023_case_has_two():
    cases = derived(read(2024, "riec-casussen"), "riec-casussen", 2024)
    markets = cases["markten"].str.split("|")
    assert set(markets.explode()) == {
        "seksuele-uitbuiting",
        "arbeidsuitbuiting",
        "criminele-uitbuiting",
        "mensensmokkel",
    }
    double = cases[markets.str.len() > 1]
    assert len(double) == 1
    assert double["startdatum"].iloc[0].startswith("2023")
    assert set(markets[double.index[0]]) == {"arbeidsuitbuiting", "mensensmokkel"}
    for market in set(markets.explode()):  # Belastingdienst, politie and gemeente in every market
        involved = "|".join(cases.loc[markets.apply(lambda m, x=market: x in m), "partners"]).split("|")
        assert {"Belastingdienst", "politie", "gemeente"} <= set(involved)


def test_landelijk_delivered_for_2019_to_2024_with_totaal_and_forms():
    for year in range(2019, 2025):
        frame = read(year, "landelijk", "VAR")
        assert (frame["jaar"] == str(year)).all()
        assert frame["vorm"].is_unique and "totaal" in set(frame["vorm"]) and len(frame) > 3
        forms = frame.loc[frame["vorm"] != "totaal", "aantal"].astype(int)
        assert forms.sum() == int(frame.loc[frame["vorm"] == "totaal", "aantal"].iloc[0])
        assert frame["bron"].str.contains("Nationaal Rapporteur").all() and frame["bron"].str.contains("CoMensha").all()


@pytest.mark.parametrize("dataset", ["trajecten", "riec-casussen"])
@pytest.mark.parametrize("year", [2022, 2023, 2024])
def test_running_datasets_hold_only_rows_running_in_the_year(dataset, year):
    frame = read(year, dataset)
    assert running(frame, year).all()
    assert ((frame["einddatum"] == "") | (frame["einddatum"] >= frame["startdatum"])).all()


@pytest.mark.parametrize("dataset", ["trajecten", "riec-casussen"])
def test_same_id_has_the_same_row_in_every_year(dataset):
    rows: dict[str, tuple] = {}
    for year in (2022, 2023, 2024):
        for record in read(year, dataset).drop(columns="_partner").itertuples(index=False):
            assert rows.setdefault(record.id, tuple(record)) == tuple(record)
    # and a row running in a year is delivered that year: every id is cut from one set
    everything = pd.DataFrame(list(rows.values()), columns=read(2024, dataset).columns.drop("_partner"))
    for year in (2022, 2023, 2024):
        assert set(everything.loc[running(everything, year), "id"]) == set(read(year, dataset)["id"])


def test_generator_reproduces_the_committed_files_byte_for_byte(tmp_path):
    written = write_all(tmp_path)
    committed = sorted(p.relative_to(DEMO) for p in DELIVERIES.rglob("*.csv")) + [Path("manifest.json")]
    assert sorted(p.relative_to(tmp_path) for p in written) == sorted(committed)
    for path in committed:
        assert (tmp_path / path).read_bytes() == (DEMO / path).read_bytes(), path


def test_manifest_lists_every_file_in_import_order():
    listed = [d["file"] for d in MANIFEST["deliveries"]]
    assert sorted(listed) == sorted(str(p.relative_to(DELIVERIES)) for p in DELIVERIES.rglob("*.csv"))
    assert [d["year"] for d in MANIFEST["deliveries"]] == sorted(d["year"] for d in MANIFEST["deliveries"])
    assert MANIFEST["region"] == "regio-rotterdam"
    for d in MANIFEST["deliveries"]:
        assert d["file"] == f"{d['year']}/{d['partner']}.{d['dataset']}.csv" and d["by"] == "demo"
        assert d["dataset"] in REGION.find_partner(d["partner"]).datasets
    for year in (2022, 2023, 2024):  # every dataset, every deliverer
        assert {(d["partner"], d["dataset"]) for d in MANIFEST["deliveries"] if d["year"] == year} == {
            (p.code, ds) for p in REGION.partners for ds in p.datasets
        }


# spec/delivery-format.md, "Direct identifiers are refused".
BSN = re.compile(r"(?<![0-9A-Za-z])(\d{9}|\d{4}[ .]\d{2}[ .]\d{3})(?![0-9A-Za-z])")
EMAIL = re.compile(r"(?<![0-9A-Za-z._%+-])[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}(?![0-9A-Za-z])")
PHONE = re.compile(r"(?<![0-9A-Za-z+])(\+31|0031|0)[ -]?(\(0\)[ -]?)?[1-9]([ -]?\d){8}(?![0-9A-Za-z])")


@pytest.mark.parametrize("delivery", MANIFEST["deliveries"], ids=lambda d: d["file"])
def test_delivery_file_has_the_declared_header_and_no_identifiers(delivery):
    path = DELIVERIES / delivery["file"]
    text = path.read_bytes().decode("utf-8")
    assert text.splitlines()[0] == ",".join(DATASETS[delivery["dataset"]].column_names)
    frame = pd.read_csv(path, dtype=str, keep_default_na=False)
    for value in frame.to_numpy().ravel():
        assert not BSN.search(value) and not EMAIL.search(value) and not PHONE.search(value), value
    if "id" in frame:
        assert frame["id"].is_unique and (frame["id"].str.len() <= 64).all()
    if "persoon" in frame:
        keyed = frame["persoon"][frame["persoon"] != ""]
        assert keyed.str.fullmatch(r"[0-9a-f]{64}").all()
        if delivery["dataset"] == "registraties":
            assert len(keyed) == len(frame)
    if "gemeente" in frame:
        allowed = set(REGION.municipality_names) | {"regio-onbekend", "buiten-regio", "regio"}
        assert set(frame["gemeente"]) - {""} <= allowed


def persons_by_list(year: int) -> dict[str, set[str]]:
    def keys(*frames: pd.DataFrame) -> set[str]:
        return {k for f in frames for k in f["persoon"] if k}

    return {
        "ESSM": keys(read(year, "meldingen"), read(year, "trajecten")),
        "AVIM": keys(read(year, "politiecontacten")),
        "ZORGCOORDINATIE": keys(read(year, "registraties", "ZORGCOORDINATIE")),
        "NLA": keys(read(year, "registraties", "NLA")),
    }


@pytest.mark.parametrize("year", [2022, 2023, 2024])
def test_person_keys_overlap_between_lists_plausibly(year):
    lists = persons_by_list(year)
    observed = set().union(*lists.values())
    assert 250 <= len(observed) <= 450  # of a simulated hidden population of about 550
    for a, b in [
        ("ESSM", "AVIM"),
        ("ESSM", "ZORGCOORDINATIE"),
        ("AVIM", "ZORGCOORDINATIE"),
        ("ZORGCOORDINATIE", "NLA"),
    ]:
        assert 0 < len(lists[a] & lists[b]) < 0.75 * min(len(lists[a]), len(lists[b])), (a, b)


def test_people_keep_their_key_across_years():
    by_year = {year: set().union(*persons_by_list(year).values()) for year in (2022, 2023, 2024)}
    assert len(by_year[2022] & by_year[2023]) > 20 and len(by_year[2023] & by_year[2024]) > 20
    meldingen = read(2024, "meldingen")
    assert (meldingen.loc[meldingen["soort"] == "melding", "persoon"] != "").mean() > 0.5
    assert (meldingen.loc[meldingen["soort"] != "melding", "persoon"] == "").mean() > 0.75


@pytest.mark.parametrize("delivery", MANIFEST["deliveries"], ids=lambda d: d["file"])
def test_every_demo_file_validates_without_findings(delivery):
    from zicht.schema.validation import validate_file

    result = validate_file(
        DELIVERIES / delivery["file"], delivery["dataset"], delivery["year"], REGION, partner=delivery["partner"]
    )
    assert result.findings == [] and result.accepted


def test_acties_and_initiatieven_2024_follow_the_seed():
    acties = read(2024, "acties").set_index("titel")
    assert set(acties["opgave"]) == {"1", "2", "3", "4", "5"}
    assert acties.loc["Mensenhandelmonitor 2023 publiceren", "status"] == "gereed"
    assert acties.loc["Regionale omgevingsscan mensenhandel", "status"] == "uitgesteld"
    assert "2025" in acties.loc["Regionale omgevingsscan mensenhandel", "toelichting"]
    assert acties.loc["Doorontwikkeling RCTM", "status"] == "lopend"
    initiatieven = read(2024, "initiatieven")
    hotel = initiatieven[initiatieven["titel"].str.contains("Hotel")]
    assert list(hotel["datum"]) == ["2024-10-07"] and list(hotel["gemeente"]) == ["Rotterdam"]
    for gemeente, woord in [("Capelle aan den IJssel", "Training"), ("Gorinchem", "Citytour"), ("Dordrecht", "Koffer")]:
        assert initiatieven.loc[initiatieven["gemeente"] == gemeente, "titel"].str.contains(woord).any()
    zwijndrecht = initiatieven[(initiatieven["gemeente"] == "Zwijndrecht") & (initiatieven["soort"] == "bijeenkomst")]
    assert set(zwijndrecht["partners"].iloc[0].split("|")) == {"NLA", "ESSM"}
    assert (initiatieven["gemeente"] == "regio").any()


@pytest.mark.parametrize("year", [2022, 2023, 2024])
def test_stepwise_estimate_lands_near_the_simulated_population(year):
    from collections import Counter

    from zicht.estimation import estimate, make_table

    named = persons_by_list(year)
    lists = list(named.values())
    histories = Counter(tuple(int(key in members) for members in lists) for key in set().union(*lists))
    result = estimate(make_table(list(named), list(histories.items())), ci="none")
    assert 500 <= result["estimate"] <= 600  # the simulation has 550 a year
