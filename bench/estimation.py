"""Benchmark of `zicht estimate` against the R reference times in ../shared/data/mse/README.md.

Not a test. Run: .venv/bin/python bench/estimation.py [--jobs N]
R 4.2.2, SparseMSE 2.0.1, single-threaded, 2 cores: New Orleans stepwise + BCa 1000: 687 s;
a single 5-list exhaustive BIC fit: 11-18 s.
"""

from __future__ import annotations

import argparse
import os
import time
from pathlib import Path

from zicht.estimation import estimate, read_table

MSE = Path(__file__).resolve().parents[2] / "shared" / "data" / "mse"
R_NEWORL_SECONDS = 687.0
R_BIC5_SECONDS = (11.0, 18.0)


def run(label: str, name: str, **kw) -> float:
    table = read_table(MSE / f"{name}.csv")
    t0 = time.perf_counter()
    r = estimate(table, **kw)
    dt = time.perf_counter() - t0
    ci = r["ci"]
    span = f" CI ({ci['low']}, {ci['high']}) dropped {ci['dropped']}" if ci else ""
    print(f"{label:<38} {r['model']:<20} {r['estimate']:>8}{span}  {dt:7.2f} s")
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
    dt = run("Western BIC (maxorder 3, 6212 models)", "Western", method="bic", ci="none")
    print(
        f"  R: {R_BIC5_SECONDS[0]:.0f}-{R_BIC5_SECONDS[1]:.0f} s: {R_BIC5_SECONDS[0] / dt:.1f}-{R_BIC5_SECONDS[1] / dt:.1f}x faster"
    )


if __name__ == "__main__":
    main()
