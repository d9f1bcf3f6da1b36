"""Fixtures for the web application: accounts of every role, logged-in clients, editions, a live server.

- `make_account(username, role, partner=None, gemeente=None)`: an account made by the real use case,
  with a confirmed second factor for the roles that need one.
- `as_user(user)`: a Django test client logged in as that account, second factor passed.
- `clients`: {"anonymous", "essm", "avim", "schiedam", "analyst"} -> logged-in test clients.
- `demo_data`: the demo's deliveries and texts loaded through the use case (no editions).
- `make_edition(year, ...)`: a published edition made from the database's current deliveries by the
  real `publish` use case (slow: renders two PDFs), or `fast=True` for a factory edition with small
  stand-in files where a test is about pages, not documents.
- `live_site` (session): `zicht demo` then `zicht serve` on a free port in a fresh ZICHT_HOME (and a
  fresh PostgreSQL database on the PostgreSQL run): {"url", "env", "zicht"}.
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.request
import uuid

import pytest

PASSWORD = "vier-woorden-zijn-veilig-2024"

ROLES = {
    "essm": ("partner", "ESSM", None),
    "avim": ("partner", "AVIM", None),
    "schiedam": ("gemeente", None, "Schiedam"),
    "analyst": ("analyst", None, None),
}


@pytest.fixture
def operator():
    from zicht.access import Actor

    return Actor.command_line("test")


@pytest.fixture
def make_account(db, operator):
    from django.contrib.auth.models import User
    from django_otp.plugins.otp_totp.models import TOTPDevice

    from zicht.access import needs_second_factor
    from zicht.services.accounts import add_user

    def make(username: str, role: str, partner: str | None = None, gemeente: str | None = None):
        add_user(operator, username, role, PASSWORD, partner=partner, gemeente=gemeente)
        user = User.objects.get(username=username)
        if needs_second_factor(role):
            TOTPDevice.objects.create(user=user, name="test", confirmed=True)
        return user

    return make


@pytest.fixture
def as_user(db):
    from django.test import Client
    from django_otp import DEVICE_ID_SESSION_KEY
    from django_otp.plugins.otp_totp.models import TOTPDevice

    def login(user) -> Client:
        client = Client()
        client.force_login(user, backend="zicht.web.accounts.backends.AccountBackend")
        device = TOTPDevice.objects.filter(user=user, confirmed=True).first()
        if device is not None:
            session = client.session
            session[DEVICE_ID_SESSION_KEY] = device.persistent_id
            session.save()
        return client

    return login


@pytest.fixture
def accounts(make_account):
    return {name: make_account(name, role, partner, gemeente) for name, (role, partner, gemeente) in ROLES.items()}


@pytest.fixture
def clients(accounts, as_user):
    from django.test import Client

    return {"anonymous": Client(), **{name: as_user(user) for name, user in accounts.items()}}


@pytest.fixture
def actors(accounts):
    from zicht.services.accounts import actor_for_user

    return {name: actor_for_user(user) for name, user in accounts.items()}


@pytest.fixture
def demo_data(db, operator):
    from zicht.services.demo import load_demo

    return load_demo(operator)


@pytest.fixture
def make_edition(db, operator):
    import hashlib

    from django.utils import timezone

    from zicht.services.publication import publish

    def make(year: int = 2024, note: str = "", fast: bool = False):
        if not fast:
            return publish(operator, year, note)
        from zicht import monitor
        from zicht.disclosure import suppress_indicators
        from zicht.region import load_region
        from zicht.services.publication import EditionInfo
        from zicht.storage.models import Edition, EditionFile

        region = load_region()
        data = monitor.gather(year, with_estimate=False)
        previous = Edition.objects.filter(year=year).order_by("-number").first()
        edition = Edition.objects.create(
            year=year,
            number=previous.number + 1 if previous else 1,
            published_at=timezone.now(),
            published_by=operator.name,
            note=note,
            region=region.slug,
            software_version="test",
            indicators={str(y): r for y, r in data.indicators.items()},
            public_indicators={str(y): suppress_indicators(r, region) for y, r in data.indicators.items()},
            deliveries=data.deliveries,
        )
        for kind, lang, content in (
            ("html", "nl", b"<!doctype html><title>Monitor</title><style>p{color:#000}</style><p>Monitor</p>"),
            ("html", "en", b"<!doctype html><title>Monitor</title><p>Monitor</p>"),
            ("pdf", "nl", b"%PDF-1.7 stand-in"),
            ("pdf", "en", b"%PDF-1.7 stand-in"),
        ):
            EditionFile.objects.create(
                edition=edition,
                name=f"monitor-{year}-{edition.number}-{lang}.{kind}",
                kind=kind,
                lang=lang,
                content=content,
                sha256=hashlib.sha256(content).hexdigest(),
                size=len(content),
            )
        return EditionInfo.of(edition)

    return make


# -- a real server -------------------------------------------------------------------------------


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _zicht(env, *args, input=None, timeout=600) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "zicht", *map(str, args)],
        env=env,
        input=input,
        capture_output=True,
        text=True,
        timeout=timeout,
    )


@pytest.fixture(scope="session")
def live_site(tmp_path_factory):
    """`zicht demo` (deliveries, texts, editions 2022-2024) and `zicht serve`, as a new user runs them."""
    home = tmp_path_factory.mktemp("live") / "home"
    home.mkdir(parents=True, exist_ok=True)  # on PostgreSQL nothing else makes it
    env = {k: v for k, v in os.environ.items() if k not in ("ZICHT_DATABASE_URL", "DJANGO_SETTINGS_MODULE")}
    env["ZICHT_HOME"] = str(home)
    database = None
    url = os.environ.get("ZICHT_DATABASE_URL", "")
    if url.startswith(("postgres://", "postgresql://")):
        import psycopg

        database = "zicht_live_" + uuid.uuid4().hex[:10]
        with psycopg.connect(url, autocommit=True) as conn:
            conn.execute(f'CREATE DATABASE "{database}"')
        env["ZICHT_DATABASE_URL"] = f"{url.rsplit('/', 1)[0]}/{database}"
    server = log = None
    try:
        demo = _zicht(env, "demo", "--no-report")
        assert demo.returncode == 0, demo.stderr
        port = free_port()
        log = open(home / "serve.log", "w")
        server = subprocess.Popen(
            [sys.executable, "-m", "zicht", "serve", "--port", str(port), "--workers", "2"],
            env=env,
            stdout=log,
            stderr=subprocess.STDOUT,
        )
        base = f"http://127.0.0.1:{port}"
        for _ in range(120):
            try:
                with urllib.request.urlopen(base + "/healthz", timeout=2) as response:
                    if response.status == 200:
                        break
            except OSError:
                time.sleep(0.5)
        else:
            raise RuntimeError("zicht serve did not start: " + (home / "serve.log").read_text())
        yield {
            "url": base,
            "env": env,
            "zicht": lambda *args, **kw: _zicht(env, *args, **kw),
            "log": home / "serve.log",
        }
    finally:
        if server is not None:
            server.terminate()
            try:
                server.wait(timeout=30)
            except subprocess.TimeoutExpired:
                server.kill()
        if log is not None:
            log.close()
        if database:
            import psycopg

            with psycopg.connect(url, autocommit=True) as conn:
                conn.execute(f'DROP DATABASE IF EXISTS "{database}" WITH (FORCE)')
