"""Mutation fuzzing (issue 10, part 2): every damaged delivery ends in an import or a clean refusal.

A thousand cases (`hardening.mutate`, every dataset, every mutation) go through the validator in one
process that is forked for the run, so its memory can be measured alone; a sample goes through the real
`zicht import`. `ZICHT_FUZZ_CASES` and `ZICHT_FUZZ_SEED` change the run (`bench/fuzz.py` runs longer
ones); a failure names the seed and case to reproduce it.
"""

from __future__ import annotations

import json
import multiprocessing
import os
import resource
import time
import traceback
from collections import Counter

import pytest

from hardening.mutate import cases
from zicht.region import load_region
from zicht.schema.findings import CODES
from zicht.schema.validation import validate_file

COUNT = int(os.environ.get("ZICHT_FUZZ_CASES") or 1000)
SEED = int(os.environ.get("ZICHT_FUZZ_SEED") or 20261201)
HANG_SECONDS = 600  # the whole run: a case that hangs fails the test (the slowest case is printed, not judged)
MEMORY_MB = 700  # peak growth of the validating process over the whole run


def _rss_mb() -> float:
    with open("/proc/self/status") as status:
        for line in status:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return 0.0


def run_validator(count: int, seed: int, folder: str) -> dict:
    """Validate `count` cases; returns problems, outcome counts and the peak memory growth (MB)."""
    region = load_region("regio-rotterdam")
    start_rss = _rss_mb()
    problems, outcomes = [], Counter()
    slowest = (0.0, "")
    for k, case in enumerate(cases(count, seed)):
        path = os.path.join(folder, f"case-{k % 4}{case.suffix}")
        with open(path, "wb") as out:
            out.write(case.content)
        began = time.perf_counter()
        try:
            result = validate_file(path, case.seed.dataset, case.seed.year, region, partner=case.seed.partner)
        except BaseException as error:  # noqa: BLE001 - the point of the test
            problems.append(
                f"case {k} {case.label}: {type(error).__name__}: {''.join(traceback.format_exception(error))[-800:]}"
            )
            continue
        slowest = max(slowest, (time.perf_counter() - began, f"case {k} {case.label}"))
        if result.accepted:
            if result.table is None or len(result.table) != result.rows:
                problems.append(f"case {k} {case.label}: accepted without its table")
            outcomes["accepted"] += 1
        else:
            unknown = [x.code for x in result.findings if x.code not in CODES]
            if unknown or not all(x.message_nl and x.message_en for x in result.findings):
                problems.append(f"case {k} {case.label}: findings outside the closed list {unknown}")
            outcomes["refused"] += 1
        outcomes[case.name] += 1
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return {"problems": problems, "outcomes": dict(outcomes), "growth_mb": peak_mb - start_rss, "slowest": slowest}


def _child(connection, count, seed, folder):
    try:
        connection.send(run_validator(count, seed, folder))
    except BaseException as error:  # noqa: BLE001
        connection.send(
            {"problems": [f"the run itself failed: {error!r}"], "outcomes": {}, "growth_mb": 0, "slowest": (0.0, "")}
        )


@pytest.mark.slow
def test_a_thousand_mutations_end_in_findings_or_an_accepted_table(tmp_path):
    # A forked child: its peak memory is the fuzz run's alone, not the test session's.
    context = multiprocessing.get_context("fork")
    parent, child = context.Pipe()
    process = context.Process(target=_child, args=(child, COUNT, SEED, str(tmp_path)))
    process.start()
    report = (
        parent.recv()
        if parent.poll(HANG_SECONDS)
        else {
            "problems": [f"no answer in {HANG_SECONDS} s: a case hangs"],
            "outcomes": {},
            "growth_mb": 0,
            "slowest": (0.0, ""),
        }
    )
    process.join(10)
    seconds, slowest = report["slowest"]
    print(
        f"seed {SEED}: {report['outcomes']}, peak growth {report['growth_mb']:.0f} MB, slowest {slowest} {seconds:.1f} s"
    )
    assert not report["problems"], f"seed {SEED}:\n" + "\n".join(report["problems"][:20])
    assert report["outcomes"]["accepted"] + report["outcomes"]["refused"] == COUNT
    assert report["outcomes"]["refused"] > COUNT // 2 and report["outcomes"]["accepted"] > 0
    assert report["growth_mb"] < MEMORY_MB, f"memory grew {report['growth_mb']:.0f} MB"


# The sample through the real command: the broken XLSX files first, then one of several other kinds.
SAMPLE = [
    "xlsx-damaged",
    "xlsx-damaged",
    "xlsx-damaged",
    "xlsx-zip-bomb",
    "xlsm-macro",
    "xlsx-external-link",
    "xlsx-formulas",
    "xlsx-whole-grid",
    "huge-row",
    "mixed-encoding",
    "shuffle-lines",
]


@pytest.mark.slow
def test_a_sample_through_zicht_import_ends_in_an_import_or_a_refusal(zicht, tmp_path):
    problems = []
    seen = Counter()
    before = json.loads(zicht("deliveries", "--json").stdout or "[]")
    for name in SAMPLE:
        seen[name] += 1
        case = list(cases(seen[name], SEED + 7, only={name}))[-1]
        path = tmp_path / f"{name}-{seen[name]}{case.suffix}"
        path.write_bytes(case.content)
        result = zicht(
            "import", path, "--dataset", case.seed.dataset, "--year", case.seed.year,
            "--partner", case.seed.partner, "--json",
        )  # fmt: skip
        output = result.stdout + result.stderr
        after = json.loads(zicht("deliveries", "--json").stdout or "[]")
        if result.returncode not in (0, 1) or "Traceback" in output:
            problems.append(f"{case.label}: exit {result.returncode}\n{output[-600:]}")
        elif result.returncode == 1 and after != before:
            problems.append(f"{case.label}: refused, yet the deliveries changed")
        elif result.returncode == 0:
            stored = json.loads(result.stdout)["delivery"]
            new = [d for d in after if d["id"] not in {b["id"] for b in before}]
            kept = [{**d, "is_current": False} for d in after if d["id"] != stored["id"]]
            if new != [stored] or kept != [{**d, "is_current": False} for d in before]:
                problems.append(f"{case.label}: imported, but the versions are {after}")
        before = after
    assert not problems, "\n".join(problems)


def _bytes_read() -> int:
    """Bytes this process has read through system calls so far (Linux's rchar)."""
    with open("/proc/self/io") as io:
        return next(int(line.split()[1]) for line in io if line.startswith("rchar:"))


def test_a_file_over_the_size_limit_is_refused_before_it_is_read(tmp_path):
    from hardening.mutate import seeds

    huge = tmp_path / "levering.csv"
    with open(huge, "wb") as sparse:  # 3 GB on paper, nothing on disk: reading it whole would show
        sparse.write(seeds()[0].text.encode())
        sparse.truncate(3 << 30)
    region = load_region("regio-rotterdam")
    before, read_before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss, _bytes_read()
    result = validate_file(huge, "meldingen", 2024, region, partner="ESSM")
    assert [f.code for f in result.findings] == ["unreadable"] and "3072 MB" in result.findings[0].message_en
    assert _bytes_read() - read_before < 1 << 20  # not a chunk of the 3 GB was read, not even streamed
    assert resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - before < 50_000


def test_a_zip_bomb_is_refused_by_its_unpacked_size_before_it_is_unpacked(tmp_path):
    from hardening.mutate import zip_bomb

    bomb = tmp_path / "levering.xlsx"
    bomb.write_bytes(zip_bomb())
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    result = validate_file(bomb, "meldingen", 2024, load_region("regio-rotterdam"), max_bytes=10 << 20)
    assert [f.code for f in result.findings] == ["unreadable"] and "zip bomb" in result.findings[0].message_en
    assert resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - before < 50_000  # kB: nothing was unpacked


def test_the_command_takes_its_size_limit_from_zicht_max_upload_mb(tmp_path):
    from conftest import run_zicht
    from hardening.conftest import delivery_file

    path = delivery_file(tmp_path, "meldingen", repeat=20)  # about 0.5 MB
    env = {**os.environ, "ZICHT_HOME": str(tmp_path / "home"), "ZICHT_MAX_UPLOAD_MB": "0.25"}  # validate: no database
    done = run_zicht(env, "validate", path, "-d", "meldingen", "-y", "2024")
    assert done.returncode == 1 and "over the limit of 256 kB" in done.stdout, done.stdout + done.stderr
