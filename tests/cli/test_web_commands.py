"""`zicht user`, `zicht publish`, `zicht editions` and `zicht serve` as an operator runs them."""

from __future__ import annotations

import json
import os
import socket
import stat
import subprocess
import sys
import time
import urllib.request

import pytest

PASSWORD = "vier-woorden-zijn-veilig-2024"


def test_user_add_list_disable_enable_reset(zicht_env, tmp_path):
    from conftest import run_zicht

    env = {**zicht_env, "ZICHT_PASSWORD": PASSWORD}

    def z(*args):
        return run_zicht(env, *args, cwd=tmp_path)

    assert z("user", "add", "ana", "--role", "analyst").returncode == 0
    assert z("user", "add", "essm", "--role", "partner", "--partner", "essm").returncode == 0
    assert z("user", "add", "schiedam", "--role", "gemeente", "--gemeente", "schiedam").returncode == 0
    users = {u["username"]: u for u in json.loads(z("user", "list", "--json").stdout)}
    assert users["essm"]["partner"] == "ESSM" and users["essm"]["role"] == "partner"
    assert users["schiedam"]["gemeente"] == "Schiedam"
    assert users["ana"]["is_active"] and not users["ana"]["has_second_factor"]
    assert z("user", "disable", "essm").returncode == 0
    assert not {u["username"]: u for u in json.loads(z("user", "list", "--json").stdout)}["essm"]["is_active"]
    assert z("user", "enable", "essm").returncode == 0
    reset = z("user", "reset", "essm")
    assert reset.returncode == 0 and "second factor" in reset.stdout


@pytest.mark.parametrize(
    "args, says",
    [
        (("user", "add", "x", "--role", "partner"), "--partner"),
        (("user", "add", "x", "--role", "partner", "--partner", "NOPE"), "--partner"),
        (("user", "add", "x", "--role", "gemeente", "--gemeente", "Amsterdam"), "--gemeente"),
        (("user", "add", "x", "--role", "analyst", "--partner", "ESSM"), "partner"),
        (("user", "disable", "nobody"), "Niet gevonden"),
    ],
)
def test_user_commands_refuse_bad_input_without_a_traceback(zicht_env, tmp_path, args, says):
    from conftest import run_zicht

    result = run_zicht({**zicht_env, "ZICHT_PASSWORD": PASSWORD}, *args, cwd=tmp_path)
    assert result.returncode == 1
    assert says in result.stderr and "Traceback" not in result.stderr


def test_user_add_refuses_a_weak_password(zicht_env, tmp_path):
    from conftest import run_zicht

    result = run_zicht({**zicht_env, "ZICHT_PASSWORD": "12345"}, "user", "add", "x", "--role", "analyst", cwd=tmp_path)
    assert result.returncode == 1 and "Wachtwoord geweigerd" in result.stderr and "Traceback" not in result.stderr


def test_publish_refuses_a_year_without_deliveries(zicht):
    result = zicht("publish", "--year", "2030")
    assert result.returncode == 1 and "niets te publiceren" in result.stderr
    assert json.loads(zicht("editions", "--json").stdout) == []


@pytest.mark.slow
def test_a_published_edition_does_not_change_with_later_deliveries(zicht, tmp_path):
    """Publish 2024, deliver a correction, publish again with a note: edition 1 keeps its figures."""
    assert zicht("demo", "--no-report", "--no-publish").returncode == 0
    first = zicht("publish", "--year", "2024")
    assert first.returncode == 0, first.stderr
    assert zicht("publish", "--year", "2024").returncode == 1  # a second edition needs a note
    controles = tmp_path / "controles.csv"
    controles.write_text("id;datum;gemeente\nK1;2024-03-01;Rotterdam\n", encoding="utf-8")
    assert zicht("import", controles, "--dataset", "controles", "--year", "2024", "--partner", "RCTM").returncode == 0
    second = zicht("publish", "--year", "2024", "--note", "Controles RCTM gecorrigeerd")
    assert second.returncode == 0, second.stderr
    editions = json.loads(zicht("editions", "--year", "2024", "--json").stdout)
    assert [(e["number"], e["note"]) for e in editions] == [(2, "Controles RCTM gecorrigeerd"), (1, "")]
    assert editions[0]["label"] == "2024-2"
    assert {f["sha256"] for f in editions[0]["files"]}.isdisjoint({f["sha256"] for f in editions[1]["files"]})


def test_serve_refuses_to_listen_publicly_without_a_secret_key(zicht_env, tmp_path):
    from conftest import run_zicht

    env = {k: v for k, v in zicht_env.items() if k != "ZICHT_SECRET_KEY"}
    result = run_zicht(env, "serve", "--host", "0.0.0.0", "--port", "1", cwd=tmp_path)
    assert result.returncode == 1 and "ZICHT_SECRET_KEY" in result.stderr and "Traceback" not in result.stderr
    keyed = run_zicht({**env, "ZICHT_SECRET_KEY": "x" * 50}, "serve", "--host", "0.0.0.0", "--port", "1", cwd=tmp_path)
    assert keyed.returncode == 1 and "ZICHT_ALLOWED_HOSTS" in keyed.stderr


@pytest.mark.slow
def test_serve_on_loopback_makes_its_key_once_migrates_and_answers(zicht_env, tmp_path):
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    env = {k: v for k, v in zicht_env.items() if k != "ZICHT_SECRET_KEY"}
    server = subprocess.Popen(
        [sys.executable, "-m", "zicht", "serve", "--port", str(port), "--workers", "1"],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    try:
        for _ in range(120):
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/healthz", timeout=2) as response:
                    assert response.read() == b"ok"
                    break
            except OSError:
                time.sleep(0.5)
        else:
            pytest.fail("zicht serve did not answer")
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/", timeout=60) as response:
            assert response.headers["Server"].startswith("gunicorn")
            assert "Content-Security-Policy" in response.headers
        key = os.path.join(env["ZICHT_HOME"], "secret-key")
        if "ZICHT_DATABASE_URL" not in env:
            assert os.path.exists(os.path.join(env["ZICHT_HOME"], "zicht.sqlite3"))
        assert stat.S_IMODE(os.stat(key).st_mode) == 0o600
        first_key = open(key).read()
    finally:
        server.terminate()
        log = server.communicate(timeout=30)[0]
    assert "GET /healthz" in log and "?" not in log.split("GET /", 1)[1].split(" ", 1)[0]
    from conftest import run_zicht

    assert run_zicht(env, "user", "list", cwd=tmp_path).returncode == 0
    assert open(key).read() == first_key  # made once, kept
