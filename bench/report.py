"""Benchmark (not a test): building the full monitor (HTML + PDF) against its two bare costs.

Prints, in one run: the time of `build_report` + `write_pdf`; the bare cost of rendering its charts
with vl-convert alone; the bare cost of WeasyPrint on the finished HTML alone; the ratio of the
full build to the sum of the two bare costs (target: at most 2x); and the wall time of the real
command `zicht report --year 2024 --format all` on a demo ZICHT_HOME, first run and later runs (and with
`--baseline SRC`, the same for another version of the sources, e.g. `git archive HEAD src`). Input: the demo's 2024 monitor
(`tests/report_sample.py`, fixtures in tests/reporting/data/).
Beside each wall time the CPU time of the same work (for the command: of its process and the estimate's
processes together; all threads): on a shared machine it shows how much of a wall time is waiting.

    .venv/bin/python bench/report.py [--repeat 3]
"""

from __future__ import annotations

import argparse
import copy
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from zicht.reporting.charts import render_svg
from zicht.reporting.context import build_context
from zicht.reporting.pdf import write_pdf
from zicht.reporting.render import build_report

DATA = Path(__file__).resolve().parent.parent / "tests" / "reporting" / "data"
sys.path.insert(0, str(DATA.parent.parent))  # tests/report_sample.py: test data, not part of zicht
from report_sample import sample_report_data  # noqa: E402

CPU: dict[str, float] = {}  # CPU seconds of each measurement, printed beside the wall times


def best(fn, repeat: int, name: str = "") -> float:
    """The best wall time of `repeat` calls; the best CPU time of this process (all its threads) goes to
    CPU[name]."""
    times, cpu = [], []
    for _ in range(repeat):
        start, start_cpu = time.perf_counter(), time.process_time()
        fn()
        times.append(time.perf_counter() - start)
        cpu.append(time.process_time() - start_cpu)
    CPU[name] = min(cpu)
    return min(times)


def _children_cpu() -> float:
    used = resource.getrusage(resource.RUSAGE_CHILDREN)
    return used.ru_utime + used.ru_stime


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--baseline", help="another zicht's src folder: its command timed the same way")
    args = parser.parse_args()
    data = sample_report_data(DATA)
    out = Path(tempfile.mkdtemp()) / "monitor.pdf"
    render_svg(build_context(data)["charts"][0])  # warm-up: vl-convert's engine starts once per process
    html = build_report(data)

    charts = build_context(data)["charts"]
    bare_charts = best(lambda: [render_svg(copy.copy(c)) for c in charts], args.repeat, "charts")
    bare_pdf = best(lambda: write_pdf(html, out), args.repeat, "pdf")
    full = best(lambda: write_pdf(build_report(data), out), args.repeat, "full")
    bare = bare_charts + bare_pdf
    bare_cpu = CPU["charts"] + CPU["pdf"]
    print(f"charts: {len(charts)}, PDF: {out.stat().st_size // 1024} KiB (wall, and CPU of this process)")
    print(f"bare chart rendering (vl-convert): {bare_charts:7.3f} s   CPU {CPU['charts']:6.3f} s")
    print(f"bare PDF rendering (WeasyPrint):   {bare_pdf:7.3f} s   CPU {CPU['pdf']:6.3f} s")
    print(f"full report (HTML + PDF):          {full:7.3f} s   CPU {CPU['full']:6.3f} s")
    print(f"ratio full / (charts + PDF):       {full / bare:7.2f}x  CPU {CPU['full'] / bare_cpu:5.2f}x  (target <= 2x)")
    first, later = command_times(args.repeat)
    print(f"the real command, `zicht report --year 2024 --format all` on the demo (medians of {args.repeat}):")
    print(f"  first run for its deliveries (BCa estimate, indicators of 6 years, HTML, PDF, start): {first:6.3f} s, "
          f"ratio {first / bare:.2f}x (target <= 2x); CPU {CPU['first']:6.3f} s, of the command and its "
          f"estimate's processes together")  # fmt: skip
    print(f"  later runs (the estimate read from the database):                                  {later:6.3f} s, "
          f"ratio {later / bare:.2f}x; CPU {CPU['later']:6.3f} s, ratio {CPU['later'] / bare_cpu:.2f}x")  # fmt: skip
    if args.baseline:
        first, later = command_times(args.repeat, args.baseline)
        print(f"  baseline ({args.baseline}): first {first:6.3f} s ({first / bare:.2f}x), later {later:6.3f} s "
              f"({later / bare:.2f}x)")  # fmt: skip


def command_times(repeat: int, baseline: str | None = None) -> tuple[float, float]:
    """Median wall times of the real command: a first run (the estimate not stored yet) and a later one,
    each pair in its own copy of one demo ZICHT_HOME (SQLite)."""
    env = {k: v for k, v in os.environ.items() if k != "ZICHT_DATABASE_URL"}
    if baseline:
        env["PYTHONPATH"] = baseline
    demo = tempfile.mkdtemp(prefix="zicht-bench-report-")
    zicht = [sys.executable, "-m", "zicht"]
    subprocess.run([*zicht, "demo", "--no-report", "--no-publish"], env={**env, "ZICHT_HOME": demo}, check=True,
                   capture_output=True)  # fmt: skip
    firsts, laters, cpu = [], [], {"first": [], "later": []}
    for _ in range(repeat):
        home = tempfile.mkdtemp(prefix="zicht-bench-report-")
        shutil.copytree(demo, home, dirs_exist_ok=True)
        for runs, name in ((firsts, "first"), (laters, "later")):
            start, start_cpu = time.perf_counter(), _children_cpu()
            subprocess.run([*zicht, "report", "--year", "2024", "--format", "all"], env={**env, "ZICHT_HOME": home},
                           check=True, capture_output=True)  # fmt: skip
            runs.append(time.perf_counter() - start)
            cpu[name].append(_children_cpu() - start_cpu)
    if not baseline:
        CPU.update({name: statistics.median(found) for name, found in cpu.items()})
    return statistics.median(firsts), statistics.median(laters)


if __name__ == "__main__":
    main()
