"""Benchmark of the foundation (not a test): import and indicators, each beside its bare floor.

    .venv/bin/python bench/foundation.py [--rows 100000] [--big 1000000] [--repeat 3]

1. Import of a `meldingen` file of --rows rows (validation + storage in SQLite) against the floor:
   the file read by `pandas.read_csv` and bulk-inserted with `sqlite3.executemany`.
2. All indicators of a year with --big `meldingen` rows against the floor: the same breakdowns as
   plain `GROUP BY` queries over the stored columns.
Prints medians, the ratios (targets: import <= 3x, indicators <= 2x) and the peak memory.
"""

from __future__ import annotations

import argparse
import os
import resource
import sqlite3
import statistics
import sys
import tempfile
import time
from pathlib import Path

import numpy as np
import pandas as pd

WORK = Path(tempfile.mkdtemp(prefix="zicht-bench-"))
os.environ["ZICHT_HOME"] = str(WORK / "home")
os.environ.pop("ZICHT_DATABASE_URL", None)

from zicht.region import load_region  # noqa: E402
from zicht.schema import codes  # noqa: E402
from zicht.schema.datasets import DATASETS  # noqa: E402
from zicht.storage.database import ready  # noqa: E402

ready()
from django.db import connection  # noqa: E402

from zicht.indicators import compute  # noqa: E402
from zicht.storage import api  # noqa: E402

YEAR = 2024


def meldingen_frame(n: int, seed: int = 7) -> pd.DataFrame:
    """n plausible meldingen rows, canonical values (as validation would give them)."""
    rng = np.random.default_rng(seed)
    region = load_region()
    places = [*region.municipality_names, "regio-onbekend", "buiten-regio"]
    soort = rng.choice(codes.MELDING_SOORT, n, p=[0.6, 0.2, 0.2])
    vorm = rng.choice(codes.VORM, n)
    days = pd.Timestamp(f"{YEAR}-01-01") + pd.to_timedelta(rng.integers(0, 366, n), unit="D")
    kenmerken = np.where(
        rng.random(n) < 0.5,
        rng.choice(["loverboymethode", "drugs|bankrekening", "online|schuld", "beperking"], n),
        None,
    )
    return pd.DataFrame(
        {
            "id": [f"M{i:07d}" for i in range(n)],
            "datum": days.strftime("%Y-%m-%d"),
            "soort": soort,
            "vorm": np.where(soort == "melding", vorm, None),
            "leeftijdsgroep": rng.choice(codes.LEEFTIJDSGROEP, n),
            "gemeente": rng.choice(places, n),
            "kenmerken": kenmerken,
            "melder": rng.choice(codes.MELDER, n),
            "persoon": [f"{x:064x}" for x in rng.integers(0, 2**62, n)],
        }
    )


def median_time(fn, repeat: int) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def bench_import(rows: int, repeat: int) -> tuple[float, float]:
    path = WORK / "meldingen.csv"
    meldingen_frame(rows).to_csv(path, sep=";", index=False)
    columns = DATASETS["meldingen"].column_names

    def floor():
        frame = pd.read_csv(path, sep=";", dtype=str, keep_default_na=False)
        db = sqlite3.connect(WORK / "floor.sqlite3")
        db.execute("DROP TABLE IF EXISTS m")
        db.execute(f"CREATE TABLE m ({', '.join(columns)})")
        db.executemany(
            f"INSERT INTO m VALUES ({', '.join('?' * len(columns))})", frame.itertuples(index=False, name=None)
        )
        db.commit()
        db.close()

    def real():
        result = api.import_delivery(path, "meldingen", YEAR, "ESSM", by="bench")
        assert result.accepted, result.findings[:3]

    return median_time(real, repeat), median_time(floor, repeat)


def bench_indicators(big: int, repeat: int) -> tuple[float, float]:
    frame = meldingen_frame(big, seed=11)
    frame["_row"] = np.arange(2, big + 2)
    api.store_delivery(
        frame, dataset="meldingen", year=YEAR, partner="ESSM", file_name="big.csv", file_hash="0" * 64, by="bench"
    )
    del frame
    conn, vendor, region = api.raw_connection(), api.vendor(), load_region()

    def real():
        compute(conn, vendor, region, YEAR)

    # The floor: each published breakdown of meldingen as a plain GROUP BY over stored columns.
    base = "FROM zicht_meldingen r JOIN zicht_delivery d ON d.id = r.delivery_id WHERE d.is_current AND d.year = 2024"
    join = ' JOIN zicht_meldingen_kenmerken k ON k.delivery_id = r.delivery_id AND k."row" = r."row"'
    queries = [
        f"SELECT COUNT(*) {base}",
        f"SELECT r.gemeente, COUNT(*) {base} GROUP BY r.gemeente",  # herkomst
        f"SELECT r.gemeente, COUNT(*) {base} GROUP BY r.gemeente",  # gemeente
        f"SELECT r.soort, r.vorm, COUNT(*) {base} GROUP BY r.soort, r.vorm",  # rubriek
        f"SELECT r.soort, r.vorm, r.leeftijdsgroep, COUNT(*) {base} GROUP BY r.soort, r.vorm, r.leeftijdsgroep",
        f"SELECT r.soort, COUNT(*) {base} GROUP BY r.soort",
        f"SELECT k.code, COUNT(*) {base.replace(' WHERE', join + ' WHERE')} GROUP BY k.code",
        f"SELECT r.soort, r.vorm, r.leeftijdsgroep, k.code, COUNT(*) {base.replace(' WHERE', join + ' WHERE')} "
        "GROUP BY r.soort, r.vorm, r.leeftijdsgroep, k.code",
    ]

    def floor():
        cursor = conn.cursor()
        for q in queries:
            cursor.execute(q)
            cursor.fetchall()
        cursor.close()

    real()  # warm the page cache for both
    return median_time(real, repeat), median_time(floor, repeat)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--rows", type=int, default=100_000)
    parser.add_argument("--big", type=int, default=1_000_000)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    print(f"machine: {os.cpu_count()} cores, Python {sys.version.split()[0]}, SQLite {sqlite3.sqlite_version}")
    real, floor = bench_import(args.rows, args.repeat)
    print(
        f"import {args.rows:,} meldingen rows: {real:.2f} s; floor (read_csv + executemany) {floor:.2f} s; "
        f"ratio {real / floor:.2f} (target <= 3)"
    )
    connection.close()
    real, floor = bench_indicators(args.big, args.repeat)
    print(
        f"indicators, year with {args.big:,} meldingen rows: {real:.2f} s; floor (plain GROUP BY) {floor:.2f} s; "
        f"ratio {real / floor:.2f} (target <= 2)"
    )
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"peak memory (whole run, incl. building the {args.big:,} rows): {peak:.0f} MB (target < 2048)")


if __name__ == "__main__":
    main()
