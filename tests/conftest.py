"""Shared fixtures.

The suite runs on SQLite; `./run-tests` runs the tests that touch a database again on PostgreSQL
(ZICHT_DATABASE_URL set from ZICHT_TEST_DATABASE_URL). Tests that touch a database are marked
`uses_db` automatically, so that second run can select them.
"""

from __future__ import annotations

import os
import subprocess
import sys
import uuid

import pytest

from helpers import make_table

DB_FIXTURES = {"db", "transactional_db", "django_db_setup", "zicht_env", "demo_db", "live_site"}


def pytest_configure(config):
    config.addinivalue_line("markers", "uses_db: touches a database (runs on SQLite and PostgreSQL)")


def pytest_collection_modifyitems(config, items):
    for item in items:
        if item.get_closest_marker("django_db") or DB_FIXTURES & set(getattr(item, "fixturenames", ())):
            item.add_marker(pytest.mark.uses_db)


def _postgres_url() -> str | None:
    url = os.environ.get("ZICHT_DATABASE_URL", "")
    return url if url.startswith(("postgres://", "postgresql://")) else None


@pytest.fixture
def zicht_env(tmp_path):
    """Environment for running the `zicht` command in a fresh ZICHT_HOME (and a fresh PostgreSQL
    database when the suite runs on PostgreSQL)."""
    env = {k: v for k, v in os.environ.items() if k not in ("ZICHT_DATABASE_URL", "DJANGO_SETTINGS_MODULE")}
    env["ZICHT_HOME"] = str(tmp_path / "home")
    url = _postgres_url()
    if url is None:
        yield env
        return
    import psycopg

    name = "zicht_t_" + uuid.uuid4().hex[:12]
    with psycopg.connect(url, autocommit=True) as conn:
        conn.execute(f'CREATE DATABASE "{name}"')
    base = url.rsplit("/", 1)[0]
    env["ZICHT_DATABASE_URL"] = f"{base}/{name}"
    try:
        yield env
    finally:
        with psycopg.connect(url, autocommit=True) as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def run_zicht(env, *args, input=None, cwd=None) -> subprocess.CompletedProcess:
    """Run the real `zicht` command as a user would; never raises on a non-zero exit."""
    return subprocess.run(
        [sys.executable, "-m", "zicht", *map(str, args)],
        env=env,
        cwd=cwd,
        input=input,
        capture_output=True,
        text=True,
        timeout=600,
    )


@pytest.fixture
def zicht(zicht_env, tmp_path):
    """`zicht(*args)` runs the command in this test's fresh ZICHT_HOME."""
    return lambda *args, **kw: run_zicht(zicht_env, *args, cwd=kw.pop("cwd", tmp_path), **kw)


@pytest.fixture
def deliver(db):
    """`deliver(dataset, year, partner, rows)` stores a delivery as the import would, without a file."""
    from zicht.storage.api import store_delivery

    def _deliver(dataset, year, partner, rows, by="test"):
        return store_delivery(
            make_table(dataset, rows),
            dataset=dataset,
            year=year,
            partner=partner,
            file_name=f"{dataset}.csv",
            file_hash="0" * 64,
            by=by,
        )

    return _deliver


@pytest.fixture
def indicators_of(db):
    """`indicators_of(year)` computes the indicators from the test database."""
    from zicht.indicators import compute
    from zicht.region import load_region
    from zicht.storage import api

    return lambda year: compute(api.raw_connection(), api.vendor(), load_region(), year)
