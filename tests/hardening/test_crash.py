"""Crash safety (issue 10, part 3): an import killed with `kill -9` leaves a consistent database in which
the previous version is still current (or, killed after its commit, the new one, whole).

Half of the kills come at random moments of a real `zicht import`; the other half wait until the import
holds its write transaction (SQLite: another connection cannot take the write lock; PostgreSQL: the
import's advisory lock on the delivery is held) and then strike.
"""

from __future__ import annotations

import os
import random
import signal
import sqlite3
import subprocess
import time
from pathlib import Path

import pytest

from hardening.conftest import database_state, delivery_file, import_command

pytestmark = pytest.mark.slow

ROUNDS = 4
SEED = int(os.environ.get("ZICHT_FUZZ_SEED") or 20261201)


def _writing(env: dict) -> bool:
    """Whether some process holds a write transaction on the database right now."""
    url = env.get("ZICHT_DATABASE_URL")
    if url:
        import psycopg

        with psycopg.connect(url, autocommit=True) as conn:
            held = conn.execute("SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND granted").fetchone()
        return bool(held[0])
    path = Path(env["ZICHT_HOME"]) / "zicht.sqlite3"
    conn = sqlite3.connect(path, timeout=0, isolation_level=None)
    try:
        conn.execute("BEGIN IMMEDIATE")
        conn.execute("ROLLBACK")
        return False
    except sqlite3.OperationalError:  # "database is locked": an import is writing
        return True
    finally:
        conn.close()


def _kill_during(command: list[str], env: dict, at: float | None, rng: random.Random, limit: float) -> str:
    """Start `command`; kill it after `at` seconds, or (None) once it writes. Returns when it was killed."""
    process = subprocess.Popen(command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    began = time.perf_counter()
    if at is not None:
        time.sleep(at)
        moment = f"at {at:.2f} s"
    else:
        moment = "never writing"
        while time.perf_counter() - began < limit and process.poll() is None:
            if _writing(env):
                time.sleep(rng.uniform(0, 0.3))
                moment = f"writing, {time.perf_counter() - began:.2f} s"
                break
            time.sleep(0.02)
    finished = process.poll() is not None
    process.send_signal(signal.SIGKILL)
    process.wait(30)
    return "finished first" if finished else moment


def test_an_import_killed_at_any_moment_leaves_a_consistent_database(zicht, zicht_env, tmp_path):
    first = delivery_file(tmp_path, "meldingen")
    assert zicht("import", first, "--dataset", "meldingen", "--year", 2024, "--partner", "ESSM").returncode == 0
    big = delivery_file(tmp_path, "meldingen", repeat=120)
    command = import_command(big, "meldingen")
    began = time.perf_counter()
    assert subprocess.run(command, env=zicht_env, capture_output=True, timeout=300).returncode == 0
    full = time.perf_counter() - began
    rng = random.Random(SEED)
    kept = database_state(zicht_env)["deliveries"]
    moments = []
    for round_ in range(ROUNDS):
        at = rng.uniform(0.1, 1.0) * full if round_ % 2 == 0 else None
        moments.append(_kill_during(command, zicht_env, at, rng, limit=3 * full))
        state = database_state(zicht_env)
        assert state["problems"] == [], f"after a kill {moments[-1]}: {state['problems']}"
        new = state["deliveries"][len(kept) :]
        assert state["deliveries"][: len(kept)] == [{**d, "is_current": d["is_current"] and not new} for d in kept]
        assert len(new) <= 1 and all(d["row_count"] == 120 * (len(first.read_text().splitlines()) - 1) for d in new)
        kept = state["deliveries"]
    print("kills:", moments)
    assert any(m.startswith("writing") for m in moments), f"no kill landed inside the write transaction: {moments}"
    # Nothing is left locked: the next import goes through.
    assert subprocess.run(command, env=zicht_env, capture_output=True, timeout=300).returncode == 0
    assert database_state(zicht_env)["problems"] == []
