"""Mutation run (not a test; the test in CI is tests/hardening/test_fuzz.py): damaged versions of the demo's
deliveries through the validator, and a sample through the real `zicht import`, counting how each ended.

    .venv/bin/python bench/fuzz.py [--cases 5000] [--seed 1] [--imports 40]

Prints the outcome per mutation, every case that raised (with its seed and number, to reproduce it with
`hardening.mutate.cases`), the peak memory and the time per case. Target (issue 10): 0 tracebacks and 0
partial imports.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))

from hardening.mutate import MUTATIONS, cases  # noqa: E402
from hardening.test_fuzz import run_validator  # noqa: E402


def imports(count: int, seed: int) -> Counter:
    """`count` cases (a few of every mutation) through `zicht import` in a fresh ZICHT_HOME (SQLite)."""
    home = tempfile.mkdtemp(prefix="zicht-fuzz-")
    env = {k: v for k, v in os.environ.items() if k != "ZICHT_DATABASE_URL"} | {"ZICHT_HOME": home}
    zicht = [sys.executable, "-m", "zicht"]
    outcome: Counter = Counter()
    names = [name for name, _ in MUTATIONS]
    for k in range(count):
        case = list(cases(1, seed + k, only={names[k % len(names)]}))[0]
        path = Path(home) / f"case{case.suffix}"
        path.write_bytes(case.content)
        before = subprocess.run([*zicht, "deliveries", "--json"], env=env, capture_output=True, text=True).stdout
        done = subprocess.run(
            [*zicht, "import", str(path), "-d", case.seed.dataset, "-y", str(case.seed.year), "-p", case.seed.partner,
             "--json"], env=env, capture_output=True, text=True,
        )  # fmt: skip
        after = json.loads(
            subprocess.run([*zicht, "deliveries", "--json"], env=env, capture_output=True, text=True).stdout
        )
        if "Traceback" in done.stdout + done.stderr or done.returncode not in (0, 1):
            outcome["traceback"] += 1
            print(f"traceback: {case.label} seed {seed + k}\n{done.stderr[-800:]}")
        elif done.returncode == 1:
            outcome["refused"] += 1
            outcome["partial"] += after != json.loads(before)
        else:
            delivered = json.loads(done.stdout)["delivery"]
            outcome["imported"] += 1
            outcome["partial"] += not any(d == delivered for d in after)
    return outcome


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cases", type=int, default=2000)
    parser.add_argument("--seed", type=int, default=int(time.time()))
    parser.add_argument("--imports", type=int, default=0, help="cases also run through the real `zicht import`")
    args = parser.parse_args()
    began = time.perf_counter()
    report = run_validator(args.cases, args.seed, tempfile.mkdtemp(prefix="zicht-fuzz-"))
    took = time.perf_counter() - began
    outcomes = report["outcomes"]
    print(
        f"seed {args.seed}: {args.cases} cases through the validator in {took:.1f} s ({took / args.cases * 1000:.0f} ms a case)"
    )
    print(f"  accepted {outcomes.get('accepted', 0)}, refused {outcomes.get('refused', 0)}, "
          f"raised {len(report['problems'])}; peak memory growth {report['growth_mb']:.0f} MB, "
          f"process peak {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024} MB")  # fmt: skip
    print(f"  slowest: {report['slowest'][1]}, {report['slowest'][0]:.2f} s")
    for name, _ in MUTATIONS:
        print(f"    {name:22} {outcomes.get(name, 0):5}")
    for problem in report["problems"]:
        print(problem)
    if args.imports:
        began = time.perf_counter()
        found = imports(args.imports, args.seed)
        print(f"{args.imports} cases through `zicht import` in {time.perf_counter() - began:.0f} s: {dict(found)}")


if __name__ == "__main__":
    main()
