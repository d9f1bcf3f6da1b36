"""Benchmark of `zicht estimate` against the R reference times in ../shared/data/mse/README.md.

Not a test. Run: .venv/bin/python bench/estimation.py [--jobs N]
R 4.2.2, SparseMSE 2.0.1, single-threaded, 2 cores: New Orleans stepwise + BCa 1000: 687 s;
a single 5-list exhaustive BIC fit: 11-18 s.
"""

from __future__ import annotations

import argparse
import os
import statistics
import time
from pathlib import Path

from zicht.estimation import estimate, read_table
from zicht.estimation.select import clear_caches

MSE = Path(__file__).resolve().parents[2] / "shared" / "data" / "mse"
R_NEWORL_SECONDS = 687.0
R_BIC5_SECONDS = (11.0, 18.0)


def run(label: str, name: str, repeat: int = 1, **kw) -> float:
    """Time `estimate`; with `repeat`, the median of that many runs, each from empty caches (the BIC
    search remembers what it learnt per zero pattern, which would make a second run on the same table
    nearly free)."""
    table = read_table(MSE / f"{name}.csv")
    times = []
    for _ in range(repeat):
        clear_caches()
        t0 = time.perf_counter()
        r = estimate(table, **kw)
        times.append(time.perf_counter() - t0)
    dt = statistics.median(times)
    ci = r["ci"]
    span = f" CI ({ci['low']}, {ci['high']}) dropped {ci['dropped']}" if ci else ""
    runs = f" (median of {repeat}: {', '.join(f'{x:.2f}' for x in times)})" if repeat > 1 else ""
    print(f"{label:<38} {r['model']:<20} {r['estimate']:>8}{span}  {dt:7.2f} s{runs}")
    return dt


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--jobs", type=int, default=os.cpu_count())
    ap.add_argument("--nboot", type=int, default=1000)
    a = ap.parse_args()
    print(f"jobs={a.jobs} nboot={a.nboot}")
    dt = run("NewOrl stepwise + BCa", "NewOrl", nboot=a.nboot, jobs=a.jobs)
    print(f"  ratio to R's {R_NEWORL_SECONDS:.0f} s: {R_NEWORL_SECONDS / dt:.1f}x faster (target >= 10x)")
    run("Western stepwise + BCa", "Western", nboot=a.nboot, jobs=a.jobs)
    run("Korea BIC + BCa", "Korea", method="bic", nboot=a.nboot, jobs=a.jobs)
    dt = run("Western BIC (maxorder 3, 6212 models)", "Western", repeat=3, method="bic", ci="none")
    print(
        f"  R: {R_BIC5_SECONDS[0]:.0f}-{R_BIC5_SECONDS[1]:.0f} s: {R_BIC5_SECONDS[0] / dt:.1f}-{R_BIC5_SECONDS[1] / dt:.1f}x faster"
        " (target >= 10x)"
    )


if __name__ == "__main__":
    main()
