"""Helpers for the hardening tests: delivery files made from the demo, and the database's consistency as a
separate process sees it (so that a test checks what a crashed or concurrent command left behind)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from hardening.mutate import seeds

CHECK = """
import json
from zicht.storage.database import ready
ready()
from zicht.storage import api
from zicht.storage.models import Delivery
print(json.dumps({
    "problems": api.consistency_problems(),
    "deliveries": [
        {"partner": d.partner, "dataset": d.dataset, "year": d.year, "version": d.version,
         "is_current": d.is_current, "row_count": d.row_count, "file_hash": d.file_hash}
        for d in Delivery.objects.order_by("partner", "dataset", "year", "version")
    ],
}))
"""


def database_state(env: dict) -> dict:
    """{"problems": [...], "deliveries": [...]} of the database `env` points at."""
    done = subprocess.run([sys.executable, "-c", CHECK], env=env, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr[-2000:]
    return json.loads(done.stdout)


def seed(dataset: str):
    return next(s for s in seeds() if s.dataset == dataset)


def delivery_file(folder: Path, dataset: str, drop: int = 0, repeat: int = 1, name: str | None = None) -> Path:
    """The demo delivery of `dataset` without its last `drop` rows, or with its rows `repeat` times
    (ids made unique), as a CSV file in `folder`."""
    lines = seed(dataset).text.splitlines()
    header, body = lines[0], lines[1 : len(lines) - drop]
    if repeat > 1:
        body = [line.replace(",", f"-{k},", 1) if k else line for k in range(repeat) for line in body]
    path = folder / (name or f"{dataset}-{drop}-{repeat}.csv")
    path.write_text("\n".join([header, *body]) + "\n", encoding="utf-8")
    return path


def import_command(path: Path, dataset: str, partner: str | None = None) -> list[str]:
    s = seed(dataset)
    return [
        sys.executable, "-m", "zicht", "import", str(path), "--dataset", dataset, "--year", str(s.year),
        "--partner", partner or s.partner, "--json",
    ]  # fmt: skip


@pytest.fixture
def state(zicht_env):
    return lambda: database_state(zicht_env)


@pytest.fixture
def second_env(tmp_path):
    """A second fresh ZICHT_HOME (and PostgreSQL database on the PostgreSQL run): where a backup goes back."""
    import os
    import uuid

    env = {k: v for k, v in os.environ.items() if k not in ("ZICHT_DATABASE_URL", "DJANGO_SETTINGS_MODULE")}
    env["ZICHT_HOME"] = str(tmp_path / "tweede")
    url = os.environ.get("ZICHT_DATABASE_URL", "")
    if not url.startswith(("postgres://", "postgresql://")):
        yield env
        return
    import psycopg

    name = "zicht_t_" + uuid.uuid4().hex[:12]
    with psycopg.connect(url, autocommit=True) as conn:
        conn.execute(f'CREATE DATABASE "{name}"')
    env["ZICHT_DATABASE_URL"] = f"{url.rsplit('/', 1)[0]}/{name}"
    try:
        yield env
    finally:
        with psycopg.connect(url, autocommit=True) as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
