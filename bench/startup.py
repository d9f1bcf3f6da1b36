"""Benchmark (not a test): what starting costs. The wall time of `zicht estimate` on small tables, end to end
(a new process, as a user runs it), beside the bare start of Python with NumPy, and the modules each run
loaded.

    .venv/bin/python bench/startup.py [--repeat 7] [--baseline SRC]

`--baseline SRC` also times every run with another version of zicht's sources first on the path (e.g. the
last commit: `git archive HEAD src | tar -x -C /tmp/head`, then `--baseline /tmp/head/src`), alternating
the two, so that both see the same load.

Wall times (best and median), and the median CPU time of the same runs (all threads: NumPy's and SciPy's
OpenBLAS start their threads at import, so it can exceed the wall time; it shows how much of a wall time
is waiting on a busy machine). Target (issue 10): `zicht estimate` on a small table in
at most 0.5 s. The R figures beside them are from
the same machine (`../shared/data/mse/README.md`, issue 10): 4 lists, exhaustive BIC, R 0.9 s;
Western, exhaustive BIC, R 14-18 s.
"""

from __future__ import annotations

import argparse
import os
import resource
import statistics
import subprocess
import sys
import time
from pathlib import Path

MSE = Path(__file__).resolve().parents[2] / "shared" / "data" / "mse"
HEAVY = ("pandas", "scipy.stats", "scipy.optimize", "scipy.special", "django", "zicht.reporting")

RUNS = [
    ("Python + NumPy (floor)", [sys.executable, "-c", "import numpy"]),
    ("zicht --help", [sys.executable, "-m", "zicht", "--help"]),
    ("Rcapture_HIV (4 lists), BIC, --ci none", ["estimate", "--table", MSE / "Rcapture_HIV.csv", "--method", "bic", "--ci", "none"]),
    ("Rcapture_HIV (4 lists), stepwise, --ci none", ["estimate", "--table", MSE / "Rcapture_HIV.csv", "--ci", "none"]),
    ("Korea (3 lists), BIC, --ci none", ["estimate", "--table", MSE / "Korea.csv", "--method", "bic", "--ci", "none"]),
    ("Rcapture_HIV, fixed [1,2,3,4], profile CI", ["estimate", "--table", MSE / "Rcapture_HIV.csv", "--model", "[1,2,3,4]", "--ci", "profile"]),
    ("Western (5 lists), BIC, --ci none", ["estimate", "--table", MSE / "Western.csv", "--method", "bic", "--ci", "none"]),
]  # fmt: skip


def command(args: list) -> list[str]:
    if args and args[0] == sys.executable:
        return [str(a) for a in args]
    return [sys.executable, "-m", "zicht", *map(str, args)]


def _children_cpu() -> float:
    used = resource.getrusage(resource.RUSAGE_CHILDREN)
    return used.ru_utime + used.ru_stime


CPU: list[float] = []  # CPU seconds (user + system) of each run of this version, for the last `times` call


def times(args: list, repeat: int, baseline: str | None = None) -> tuple[list[float], list[float]]:
    """Wall times of `repeat` runs, and (with `baseline`) of as many runs of the baseline, alternating.
    The CPU time of each run of this version goes to `CPU`."""
    CPU.clear()
    env = {**os.environ, "ZICHT_HOME": os.environ.get("ZICHT_HOME", "/tmp/zicht-bench-startup")}
    versions = [env] + ([{**env, "PYTHONPATH": baseline}] if baseline else [])
    out: list[list[float]] = [[] for _ in versions]
    for _ in range(repeat):
        for found, version in zip(out, versions):
            began, cpu = time.perf_counter(), _children_cpu()
            subprocess.run(command(args), env=version, check=True, capture_output=True)
            found.append(time.perf_counter() - began)
            if version is env:
                CPU.append(_children_cpu() - cpu)
    return out[0], (out[1] if baseline else [])


def loaded(args: list) -> list[str]:
    """Which of the heavy packages a run imports (python -X importtime)."""
    done = subprocess.run([sys.executable, "-X", "importtime", *command(args)[1:]], capture_output=True, text=True)
    names = {line.rsplit("|", 1)[-1].strip() for line in done.stderr.splitlines() if "|" in line}
    return [h for h in HEAVY if h in names]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=7)
    parser.add_argument("--baseline", help="another zicht's src folder, timed beside this one")
    args = parser.parse_args()
    extra = f" {'baseline':>9} {'ratio':>6}" if args.baseline else ""
    print(f"{'':46} {'best':>7} {'median':>7} {'CPU':>7}{extra}   heavy modules loaded")
    for name, run in RUNS:
        found, before = times(run, args.repeat, args.baseline if run[0] != sys.executable else None)
        heavy = ", ".join(loaded(run)) if run[0] != sys.executable else ""
        compared = (
            f" {statistics.median(before):8.3f}s {statistics.median(before) / statistics.median(found):5.1f}x"
            if before
            else ""
        )
        if args.baseline and not before:
            compared = " " * 17
        cpu = statistics.median(CPU)
        print(f"{name:46} {min(found):6.3f}s {statistics.median(found):6.3f}s {cpu:6.3f}s{compared}   {heavy or '-'}")


if __name__ == "__main__":
    main()
