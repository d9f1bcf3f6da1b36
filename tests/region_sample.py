"""Random deliveries for any region: every dataset its partners deliver, as CSV files a partner would send.

Importable as `region_sample` (tests/ is on pytest's pythonpath) and runnable, to try a region end to end
(docs/new-region.md):

    .venv/bin/python tests/region_sample.py OUT_DIR --region tests/regions/regio-test-brabant.toml

writes `OUT_DIR/<year>/<PARTNER>.<dataset>.csv` for 2023 and 2024. The records are invented and follow the
delivery format (spec/delivery-format.md); nothing in them names regio Rotterdam unless the region does.
Deterministic for a seed.
"""

from __future__ import annotations

import argparse
import csv
import random
from datetime import date, timedelta
from pathlib import Path

from zicht.region import Region, load_region
from zicht.schema import catalogue
from zicht.schema import codes as c
from zicht.schema.datasets import DATASETS

YEARS = (2023, 2024)


def _day(rng: random.Random, year: int) -> str:
    return (date(year, 1, 1) + timedelta(days=rng.randrange(365))).isoformat()


def _some(rng: random.Random, codes, most: int = 3) -> str:
    return "|".join(rng.sample(list(codes), rng.randint(1, most)))


def _person(rng: random.Random, pool: list[str]) -> str:
    return rng.choice(pool)


def _places(rng: random.Random, region: Region) -> list[str]:
    """Where reports come from: mostly the central municipality, a few from elsewhere (small cells)."""
    others = [m for m in region.municipality_names if m != region.central]
    return [region.central] * 12 + others + [c.REGIO_ONBEKEND, c.BUITEN_REGIO]


def rows_for(dataset: str, year: int, region: Region, rng: random.Random, people: list[str]) -> list[dict]:
    """One delivery's rows of `dataset` for `year`."""
    places = _places(rng, region)
    forms = [f for f in c.VORM if f not in ("onbekend",)][:4]
    ages = list(c.LEEFTIJDSGROEP)
    prefix = dataset[:3].upper()
    rows: list[dict] = []
    if dataset == "meldingen":
        for n in range(rng.randint(60, 120)):
            soort = rng.choice(["melding"] * 4 + ["hulpvraag-sekswerk", "preventief"])
            rows.append({"id": f"{prefix}-{year}-{n}", "datum": _day(rng, year), "soort": soort,
                         "vorm": rng.choice(forms) if soort == "melding" else "", "leeftijdsgroep": rng.choice(ages),
                         "gemeente": rng.choice(places), "kenmerken": _some(rng, c.KENMERKEN, 2) if rng.random() < .5 else "",
                         "melder": rng.choice(["slachtoffer", "naaste", "professional", "anoniem"]),
                         "persoon": _person(rng, people)})  # fmt: skip
    elif dataset == "trajecten":
        for n in range(rng.randint(30, 70)):
            start = date(year - rng.randint(0, 1), 1, 1) + timedelta(days=rng.randrange(365))
            end = start + timedelta(days=rng.randint(30, 500))
            if start.year == year - 1 and end.year < year:
                end = date(year, 2, 1)
            rows.append({"id": f"{prefix}-{n}", "vorm": rng.choice([*forms, "preventief"]),
                         "startdatum": start.isoformat(), "einddatum": end.isoformat() if rng.random() < .6 else "",
                         "leeftijdsgroep": rng.choice(ages), "gemeente": rng.choice(places),
                         "persoon": _person(rng, people)})  # fmt: skip
    elif dataset == "politiecontacten":
        for n in range(rng.randint(30, 80)):
            rows.append({"id": f"{prefix}-{year}-{n}", "datum": _day(rng, year),
                         "soort": rng.choice(c.POLITIE_SOORT), "vorm": rng.choice(forms),
                         "leeftijdsgroep": rng.choice(ages), "persoon": _person(rng, people)})  # fmt: skip
    elif dataset == "riec-casussen":
        for n in range(rng.randint(5, 15)):
            start = date(year - rng.randint(0, 2), rng.randint(1, 12), rng.randint(1, 28))
            rows.append({"id": f"{prefix}-{start.year}-{n}", "startdatum": start.isoformat(),
                         "einddatum": "", "markten": _some(rng, c.MARKTEN, 2),
                         "inbrenger": rng.choice(c.ORGANISATIE), "partners": _some(rng, c.ORGANISATIE, 4)})  # fmt: skip
    elif dataset == "controles":
        for n in range(rng.randint(8, 25)):
            rows.append({"id": f"{prefix}-{year}-{n}", "datum": _day(rng, year),
                         "gemeente": rng.choice(region.municipality_names),
                         "locatie": rng.choice(["seksinrichting", "prive-adres", "hotel", "escort"]),
                         "bevindingen": _some(rng, c.BEVINDINGEN, 2)})  # fmt: skip
    elif dataset == "registraties":
        for n in range(rng.randint(15, 40)):
            rows.append({"id": f"{prefix}-{year}-{n}", "datum": _day(rng, year), "vorm": rng.choice(forms),
                         "leeftijdsgroep": rng.choice(ages), "gemeente": rng.choice(places),
                         "persoon": _person(rng, people)})  # fmt: skip
    elif dataset == "landelijk":
        total = rng.randint(800, 1200)
        rows.append({"jaar": year, "vorm": "totaal", "aantal": total, "bron": "Invented for a test"})
    elif dataset == "acties":
        for n in range(rng.randint(8, 16)):
            rows.append({"id": f"{prefix}-{year}-{n}", "opgave": rng.randint(1, 5), "titel": f"Actie {n + 1}",
                         "status": rng.choice(c.STATUS), "eigenaar": rng.choice(["gemeente", "politie", "ESSM", "RIEC"])})  # fmt: skip
    elif dataset == "initiatieven":
        for n in range(rng.randint(6, 14)):
            rows.append({"id": f"{prefix}-{year}-{n}", "gemeente": rng.choice([*region.municipality_names, "regio"]),
                         "datum": _day(rng, year), "titel": f"Initiatief {n + 1}",
                         "soort": rng.choice(["training", "bijeenkomst", "campagne", "voorlichting"]),
                         "opgave": rng.randint(1, 5), "partners": _some(rng, c.ORGANISATIE, 3),
                         "bereik": rng.randint(10, 200)})  # fmt: skip
    elif dataset == "uitleningen":
        materials = catalogue.material_codes(region)
        for m, material in enumerate(materials):
            start = date(year, 1, 5) + timedelta(days=m)
            for n in range(rng.randint(2, 6)):
                end = start + timedelta(days=rng.randint(1, 10))
                rows.append({"id": f"{prefix}-{year}-{m}-{n}", "materiaal": material,
                             "startdatum": start.isoformat(), "einddatum": end.isoformat(),
                             "gemeente": rng.choice([*region.municipality_names, "regio"]),
                             "organisatie": rng.choice(["gemeente", "politie", "ESSM", "RIEC", "onderwijs"]),
                             "status": "teruggebracht", "bereik": rng.randint(5, 40), "doelgroep": "Professionals"})  # fmt: skip
                start = end + timedelta(days=rng.randint(1, 20))
    return rows


def random_deliveries(region: Region, years=YEARS, seed: int = 11) -> dict[tuple[int, str, str], list[dict]]:
    """{(year, partner, dataset): rows} for every dataset of every partner of the region."""
    rng = random.Random(seed)
    people = [f"{rng.getrandbits(256):064x}" for _ in range(400)]  # a shared pool: lists overlap
    out = {}
    for year in years:
        for partner in region.partners:
            for dataset in partner.datasets:
                if dataset == "uitleningen" and not catalogue.material_codes(region):
                    continue
                out[(year, partner.code, dataset)] = rows_for(dataset, year, region, rng, people)
    return out


def write(out_dir: Path, deliveries: dict[tuple[int, str, str], list[dict]]) -> list[tuple[Path, int, str, str]]:
    """The deliveries as CSV files: [(path, year, partner, dataset)]."""
    written = []
    for (year, partner, dataset), rows in sorted(deliveries.items()):
        path = Path(out_dir) / str(year) / f"{partner}.{dataset}.csv"
        path.parent.mkdir(parents=True, exist_ok=True)
        columns = DATASETS[dataset].column_names
        with path.open("w", newline="", encoding="utf-8") as f:
            writer = csv.DictWriter(f, fieldnames=columns)
            writer.writeheader()
            writer.writerows({k: row.get(k, "") for k in columns} for row in rows)
        written.append((path, year, partner, dataset))
    return written


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("--region", required=True, help="the region file")
    parser.add_argument("--years", type=int, nargs="+", default=list(YEARS))
    parser.add_argument("--seed", type=int, default=11)
    args = parser.parse_args()
    region = load_region(args.region)
    for path, year, partner, dataset in write(args.out, random_deliveries(region, args.years, args.seed)):
        print(f"{path}\t{year}\t{partner}\t{dataset}")


if __name__ == "__main__":
    main()
