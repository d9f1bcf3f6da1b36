"""Concurrency (issue 10, part 4): deliveries that arrive at the same moment are all kept, in order.

Real `zicht import` processes against one database (SQLite in a fresh ZICHT_HOME, or a fresh PostgreSQL
database when the suite runs there), started together.
"""

from __future__ import annotations

import json
import subprocess
from collections import defaultdict

import pytest

from hardening.conftest import database_state, delivery_file, import_command

pytestmark = pytest.mark.slow


def _run_together(commands: list[list[str]], env: dict) -> list[subprocess.CompletedProcess]:
    processes = [
        subprocess.Popen(c, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True) for c in commands
    ]
    results = []
    for command, process in zip(commands, processes):
        out, err = process.communicate(timeout=300)
        results.append(subprocess.CompletedProcess(command, process.returncode, out, err))
    return results


def test_two_first_deliveries_at_once_on_a_new_database_become_versions_1_and_2(zicht_env, tmp_path):
    # A new ZICHT_HOME: both commands also find the database unmigrated at the same moment.
    path = delivery_file(tmp_path, "meldingen", repeat=30)  # a long transaction, so that the two overlap
    results = _run_together([import_command(path, "meldingen")] * 2, zicht_env)
    for result in results:
        assert result.returncode == 0 and "Traceback" not in result.stderr, result.stderr[-1500:]
    versions = sorted(json.loads(r.stdout)["delivery"]["version"] for r in results)
    assert versions == [1, 2]
    state = database_state(zicht_env)
    assert state["problems"] == []
    kept = [(d["version"], d["is_current"]) for d in state["deliveries"]]
    assert kept == [(1, False), (2, True)]


STORM = [("ESSM", "meldingen"), ("AVIM", "politiecontacten"), ("RIEC", "riec-casussen"), ("RCTM", "controles"),
         ("NLA", "registraties")]  # fmt: skip


def test_a_storm_of_five_partners_times_three_deliveries_keeps_every_version(zicht, zicht_env, tmp_path):
    assert zicht("deliveries").returncode == 0  # the database exists; the storm is about the deliveries
    commands, sizes = [], defaultdict(set)
    for partner, dataset in STORM:
        for drop in range(3):  # three different deliveries: their row counts tell them apart
            path = delivery_file(tmp_path, dataset, drop=drop, name=f"{partner}-{dataset}-{drop}.csv")
            commands.append(import_command(path, dataset, partner))
            sizes[(partner, dataset)].add(drop)
    results = _run_together(commands, zicht_env)
    failed = [r.stderr[-800:] for r in results if r.returncode != 0 or "Traceback" in r.stderr]
    assert not failed, "\n".join(failed)
    state = database_state(zicht_env)
    assert state["problems"] == []
    by_triple = defaultdict(list)
    for d in state["deliveries"]:
        by_triple[(d["partner"], d["dataset"])].append(d)
    assert set(by_triple) == set(sizes)
    answers = defaultdict(dict)
    for result in results:
        d = json.loads(result.stdout)["delivery"]
        answers[(d["partner"], d["dataset"])][d["version"]] = d["row_count"]
    for triple, kept in by_triple.items():
        assert [d["version"] for d in kept] == [1, 2, 3]
        assert [d["is_current"] for d in kept] == [False, False, True]  # the last one stored is current
        assert {d["version"]: d["row_count"] for d in kept} == answers[triple]  # each kept as it was delivered
        assert len({d["row_count"] for d in kept}) == 3  # three different deliveries, none lost
