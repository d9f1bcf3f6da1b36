"""One error boundary (issue 10, part 1): an expected failure is a message in Dutch and English and exit 1,
never a traceback; an unexpected one is logged under a reference and says where the log is. The web
application answers an unexpected error with the reference, never with the traceback."""

from __future__ import annotations

import zipfile

import click
import pytest
from click.testing import CliRunner

from zicht.cli import COMMANDS, main
from zicht.cli.common import expected_failure

# Tools with a boundary of their own: the partner-side ones (they never touch the database or
# ZICHT_HOME), and `zicht region` (it catches its own errors; it could take @handles_expected_errors too).
OWN_BOUNDARY = {"key new", "key check", "pseudonymize", "region new", "region check"}


def _leaves(command: click.Command, path: str):
    if isinstance(command, click.Group):
        for name, sub in command.commands.items():
            yield from _leaves(sub, f"{path} {name}")
    else:
        yield path, command


def test_every_command_has_the_error_boundary():
    ctx = click.Context(main)
    missing = []
    for name in main.list_commands(ctx):
        for path, command in _leaves(main.get_command(ctx, name), name):
            if path not in OWN_BOUNDARY and not getattr(command.callback, "error_boundary", False):
                missing.append(path)
    assert not missing, f"commands without @handles_expected_errors: {missing}"
    assert {"backup", "restore", "purge"} <= set(main.list_commands(ctx)) <= set(COMMANDS)


@pytest.fixture
def files(tmp_path):
    broken = tmp_path / "kapot.xlsx"
    with zipfile.ZipFile(broken, "w") as z:
        z.writestr("[Content_Types].xml", "this is not xml <<<")
        z.writestr("xl/workbook.xml", "nope")
    (tmp_path / "geen-toml.toml").write_text("[[[ municipalities", encoding="utf-8")
    from zicht.region import SHIPPED

    text = (SHIPPED / "regio-rotterdam.toml").read_text(encoding="utf-8")
    (tmp_path / "vijf.toml").write_text(text.replace("\nk = 5\n", '\nk = "vijf"\n'), encoding="utf-8")
    (tmp_path / "latin1.md").write_bytes("Conclusie: één beeld, \xe9\xe9n".encode("latin-1"))
    (tmp_path / "een-bestand").write_text("x")
    return tmp_path


# (what, arguments, extra environment, words the message must hold)
CASES = [
    ("damaged XLSX, validate", ["validate", "kapot.xlsx", "-d", "meldingen", "-y", "2024"], {}, "XLSX"),
    ("damaged XLSX, import", ["import", "kapot.xlsx", "-d", "meldingen", "-y", "2024", "-p", "ESSM"], {}, "XLSX"),
    ("malformed region file", ["validate", "kapot.xlsx", "-d", "meldingen", "-y", "2024"], {"ZICHT_REGION": "geen-toml.toml"}, "TOML"),
    ('k = "vijf"', ["validate", "kapot.xlsx", "-d", "meldingen", "-y", "2024"], {"ZICHT_REGION": "vijf.toml"}, "disclosure.k"),
    ("text not UTF-8", ["text", "set", "--year", "2024", "--section", "conclusie", "latin1.md"], {}, "UTF-8"),
    ("report into a file", ["report", "--year", "2024", "--format", "html", "--out", "een-bestand/x"], {}, "een-bestand"),
    ("template into a missing folder", ["template", "meldingen", "--out", "nergens/m.csv"], {}, "nergens"),
    ("database URL", ["deliveries"], {"ZICHT_DATABASE_URL": "mysql://x@y/z"}, "ZICHT_DATABASE_URL"),
    ("upload limit", ["deliveries"], {"ZICHT_MAX_UPLOAD_MB": "twintig"}, "ZICHT_"),
]  # fmt: skip


@pytest.mark.slow
def test_what_used_to_end_in_a_traceback_is_a_message_and_exit_1(zicht_env, files):
    """The issue's list, through the real command, in one ZICHT_HOME (migrated once)."""
    from conftest import run_zicht

    problems = []
    for what, args, extra, words in CASES:
        env = {**zicht_env, **{k: str(files / v) if v.endswith(".toml") else v for k, v in extra.items()}}
        done = run_zicht(env, *args, cwd=files)
        output = done.stdout + done.stderr
        if done.returncode != 1 or "Traceback" in output or words not in output:
            problems.append(f"{what}: exit {done.returncode}\n{output[-800:]}")
        elif "referentie" in output:
            problems.append(f"{what}: an expected failure was reported as a bug:\n{output}")
    assert not problems, "\n".join(problems)


def test_a_database_refusal_is_named_without_the_row_it_refused():
    from django.db import IntegrityError

    nl, en = expected_failure(IntegrityError("UNIQUE constraint failed: zicht_meldingen.ref = 'M-0001 Jansen'"))
    assert "IntegrityError" in nl and "IntegrityError" in en and "Jansen" not in nl + en


@pytest.mark.parametrize("module", ["django.db", "sqlite3"])
def test_a_database_refusal_in_a_command_is_a_message_and_exit_1_not_a_bug(tmp_path, monkeypatch, module):
    import importlib

    import zicht.services.deliveries as deliveries

    error = importlib.import_module(module).IntegrityError

    def refuse(*args, **kwargs):
        raise error("UNIQUE constraint failed: zicht_meldingen.ref = 'M-0001 Jansen'")

    monkeypatch.setenv("ZICHT_HOME", str(tmp_path / "home"))
    monkeypatch.setattr(deliveries, "deliveries_for", refuse)
    monkeypatch.setattr("zicht.cli.deliveries.database", lambda: None)
    result = CliRunner().invoke(main, ["deliveries"])
    assert result.exit_code == 1 and "Traceback" not in result.output, result.output
    assert "De database weigerde" in result.output and "IntegrityError" in result.output
    assert "Jansen" not in result.output and "referentie" not in result.output
    assert not (tmp_path / "home" / "logs" / "errors.log").exists()  # not a bug: nothing logged as one


def test_an_unexpected_error_is_logged_under_a_reference_the_user_sees(tmp_path, monkeypatch):
    import zicht.services.deliveries as deliveries

    def bug(*args, **kwargs):
        raise RuntimeError("een fout in zicht zelf")

    monkeypatch.setenv("ZICHT_HOME", str(tmp_path / "home"))
    monkeypatch.setattr(deliveries, "deliveries_for", bug)
    monkeypatch.setattr("zicht.cli.deliveries.database", lambda: None)
    result = CliRunner().invoke(main, ["deliveries"])
    assert result.exit_code == 1 and "Traceback" not in result.output
    reference = result.output.split("referentie ")[1][:8]
    log = tmp_path / "home" / "logs" / "errors.log"
    assert str(log) in result.output and oct(log.stat().st_mode & 0o777) == "0o600"
    text = log.read_text()
    assert f"reference {reference}" in text and "RuntimeError: een fout in zicht zelf" in text


@pytest.mark.parametrize("path", ["/api/v1/editions", "/monitor/"])
def test_an_unexpected_error_in_the_web_application_shows_a_reference_not_a_traceback(
    client, db, tmp_path, monkeypatch, settings, path
):
    from zicht.services import publication

    def bug(*args, **kwargs):
        raise RuntimeError("geheim detail uit de database")

    monkeypatch.setenv("ZICHT_HOME", str(tmp_path))
    monkeypatch.setattr(publication, "editions", bug)
    client.raise_request_exception = False
    settings.DEBUG = False
    response = client.get(path)
    body = response.content.decode()
    assert response.status_code == 500
    assert "Traceback" not in body and "geheim detail" not in body
    reference = body.split("referentie ")[1][:8] if "referentie " in body else response.json()["reference"]
    logged = (tmp_path / "logs" / "errors.log").read_text()
    assert f"reference {reference} GET {path}" in logged and "geheim detail uit de database" in logged
