"""Timing of validating a 100,000-row meldingen CSV against the floor (pandas.read_csv + sqlite3.executemany).

Run: .venv/bin/python bench/validate_100k.py [rows]
"""

from __future__ import annotations

import random
import sqlite3
import sys
import tempfile
import time
from pathlib import Path

import pandas as pd

from zicht.region import load_region
from zicht.schema import codes as c
from zicht.schema.validation import validate_file


def write_meldingen(path: Path, rows: int, seed: int = 1) -> None:
    rng = random.Random(seed)
    region = load_region("regio-rotterdam")
    places = list(region.municipality_names) + ["Capelle a/d IJssel", "regio-onbekend", "buiten-regio"]
    lines = ["id;datum;soort;vorm;leeftijdsgroep;gemeente;kenmerken;melder;persoon"]
    for i in range(rows):
        soort = rng.choice(c.MELDING_SOORT)
        vorm = rng.choice(c.VORM) if soort == "melding" or rng.random() < 0.3 else ""
        day = rng.randrange(365)
        datum = (pd.Timestamp("2024-01-01") + pd.Timedelta(days=day)).strftime(rng.choice(["%Y-%m-%d", "%d-%m-%Y"]))
        kenmerken = "|".join(rng.sample(c.KENMERKEN, rng.randrange(3)))
        persoon = f"{rng.getrandbits(256):064x}" if rng.random() < 0.6 else ""
        lines.append(
            f"M{2024_000_000 + i};{datum};{soort};{vorm};{rng.choice(c.LEEFTIJDSGROEP)};{rng.choice(places)};"
            f"{kenmerken};{rng.choice(c.MELDER + ('',))};{persoon}"
        )
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def floor(path: Path) -> float:
    start = time.perf_counter()
    df = pd.read_csv(path, sep=";", dtype=str, keep_default_na=False)
    con = sqlite3.connect(":memory:")
    con.execute(f"create table t ({', '.join(df.columns)})")
    con.executemany(f"insert into t values ({', '.join('?' * len(df.columns))})", df.itertuples(index=False))
    con.commit()
    return time.perf_counter() - start


def main(rows: int = 100_000) -> None:
    region = load_region("regio-rotterdam")
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "meldingen.csv"
        write_meldingen(path, rows)
        validate_file(path, "meldingen", 2024, region)  # warm-up (imports)
        best = min(_timed(path, region) for _ in range(3))
        base = min(floor(path) for _ in range(3))
        result = validate_file(path, "meldingen", 2024, region)
        print(f"rows={result.rows} accepted={result.accepted} findings={len(result.findings)}")
        print(f"validate_file: {best:.3f} s   floor (read_csv + executemany): {base:.3f} s   ratio {best / base:.2f}")


def _timed(path, region) -> float:
    start = time.perf_counter()
    validate_file(path, "meldingen", 2024, region)
    return time.perf_counter() - start


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 100_000)
