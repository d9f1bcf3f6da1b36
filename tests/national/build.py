"""Three test-only regions (the TOML files beside this one) with random deliveries, and their open-data
packages as `zicht.opendata` builds them for a published edition. Loaded with runpy by the tests of the
national picture (tests/national, tests/web/test_landelijk.py); needs a database (the `deliver` fixture).

The regions differ in municipalities, partner codes and k (5, 10, 3); their sizes differ so that some
region totals and many breakdown cells fall below the strictest k (10).
"""

from __future__ import annotations

import json
import random
from pathlib import Path

from zicht.region import load_region

HERE = Path(__file__).parent
REGIONS = ("regio-noordkust", "regio-oostland", "regio-zuidrand")
YEAR = 2024
VORMEN = ["seksuele-uitbuiting", "arbeidsuitbuiting", "criminele-uitbuiting", "overig"]
AGES = ["meerderjarig", "minderjarig", "onbekend"]
# CoMensha's national figures, the same in every region's delivery (as they would be).
LANDELIJK = {"totaal": 1118, "seksuele-uitbuiting": 402, "arbeidsuitbuiting": 389, "criminele-uitbuiting": 231,
             "overig": 96}  # fmt: skip
# Roughly how many records each region has: (meldingen, trajecten, politiecontacten, registraties).
SIZES = {"regio-noordkust": (60, 14, 9, 25), "regio-oostland": (35, 8, 20, 6), "regio-zuidrand": (12, 4, 3, 2)}


def region(slug: str):
    return load_region(str(HERE / f"{slug}.toml"))


def _day(rng: random.Random) -> str:
    return f"{YEAR}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"


def deliveries(slug: str, rng: random.Random) -> list[tuple[str, str, list[dict]]]:
    """(dataset, partner, rows) of one region's random deliveries for YEAR."""
    r = region(slug)
    places = [*r.municipality_names, "regio-onbekend", "buiten-regio"]
    m, t, p, g = (max(1, n + rng.randint(-n // 3, n // 3)) for n in SIZES[slug])
    out = []
    meldingen = [
        {
            "id": f"M-{i:04d}",
            "datum": _day(rng),
            "soort": rng.choice(["melding", "melding", "melding", "hulpvraag-sekswerk", "preventief"]),
            "vorm": rng.choice(VORMEN),
            "leeftijdsgroep": rng.choice(AGES),
            "gemeente": rng.choice([r.central, r.central, *places]),
            "kenmerken": rng.choice([None, "loverboymethode", "drugs|bankrekening", "ronselen"]),
        }
        for i in range(m)
    ]
    trajecten = [
        {"id": f"T-{i:04d}", "vorm": rng.choice(VORMEN), "startdatum": f"{YEAR - rng.randint(0, 1)}-03-01",
         "einddatum": None if rng.random() < 0.5 else f"{YEAR}-11-30", "leeftijdsgroep": rng.choice(AGES)}
        for i in range(t)
    ]  # fmt: skip
    politie = [
        {"id": f"P-{i:04d}", "datum": _day(rng), "soort": rng.choice(["informatief-gesprek", "aangifte"]),
         "vorm": rng.choice(VORMEN), "leeftijdsgroep": rng.choice(AGES)}
        for i in range(p)
    ]  # fmt: skip
    registraties = [
        {"id": f"G-{i:04d}", "datum": _day(rng), "vorm": rng.choice(VORMEN), "leeftijdsgroep": rng.choice(AGES),
         "persoon": f"{rng.getrandbits(256):064x}"}
        for i in range(g)
    ]  # fmt: skip
    controles = [
        {"id": f"C-{i:03d}", "datum": _day(rng), "gemeente": rng.choice(r.municipality_names),
         "locatie": rng.choice(["hotel", "seksinrichting", "online"]), "bevindingen": rng.choice(["geen", "niet-vergund"])}
        for i in range(rng.randint(2, 9))
    ]  # fmt: skip
    landelijk = [{"jaar": YEAR, "vorm": v, "aantal": n, "bron": "CoMensha"} for v, n in LANDELIJK.items()]
    for dataset, rows in (
        ("meldingen", meldingen),
        ("trajecten", trajecten),
        ("politiecontacten", politie),
        ("registraties", registraties),
        ("controles", controles),
        ("landelijk", landelijk),
    ):
        partners = r.partners_for(dataset)
        if partners:
            out.append((dataset, partners[0], rows))
    return out


def build_packages(deliver, out: Path, seed: int) -> list[Path]:
    """Each region's package of YEAR, edition 1, in a folder of its own under `out` (returned in order)."""
    from django.db import transaction

    from zicht import opendata
    from zicht.disclosure import suppress_indicators
    from zicht.indicators import compute
    from zicht.storage import api

    rng = random.Random(seed)
    folders = []
    for slug in REGIONS:
        r = region(slug)
        savepoint = transaction.savepoint()  # one region's deliveries at a time in the one test database
        for dataset, partner, rows in deliveries(slug, rng):
            deliver(dataset, YEAR, partner, rows)
        public = suppress_indicators(compute(api.raw_connection(), api.vendor(), r, YEAR), r)
        transaction.savepoint_rollback(savepoint)
        edition = {"year": YEAR, "number": 1, "label": f"{YEAR}-1", "published_at": "2025-03-01T10:00:00+00:00"}
        descriptor, files = opendata.package(r, edition, public)
        folder = out / slug
        folder.mkdir(parents=True)
        (folder / "datapackage.json").write_text(json.dumps(descriptor, ensure_ascii=False, indent=1), "utf-8")
        for name, content in files.items():
            (folder / name).write_bytes(content)
        folders.append(folder)
    return folders
