"""The `zicht` command as a user runs it: exit codes, messages, no traceback, nothing changed on refusal."""

from __future__ import annotations

import json

import pytest

from zicht.cli import COMMANDS

HEADER = "id;datum;soort;vorm;leeftijdsgroep;gemeente;kenmerken;melder;persoon\n"


def write(path, text, encoding="utf-8"):
    path.write_text(text, encoding=encoding)
    return path


@pytest.fixture
def good_file(tmp_path):
    return write(
        tmp_path / "meldingen.csv",
        HEADER
        + "M1;2024-03-01;melding;seksuele-uitbuiting;meerderjarig;Rotterdam;loverboymethode;anoniem;\n"
        + "M2;5-6-2024;preventief;;minderjarig;Capelle a/d IJssel;;;\n",
    )


@pytest.mark.parametrize("command", list(COMMANDS))
def test_every_command_has_help(zicht, command):
    result = zicht(command, "--help")
    assert result.returncode == 0, result.stderr
    assert "Usage:" in result.stdout and len(result.stdout) > 200


def test_top_level_help_lists_the_commands(zicht):
    result = zicht("--help")
    assert result.returncode == 0
    for command in ("demo", "template", "validate", "import", "deliveries", "indicators"):
        assert command in result.stdout


@pytest.mark.parametrize(
    "args",
    [
        ("frobnicate",),
        ("validate", "missing.csv", "--dataset", "meldingen", "--year", "2024"),
        ("validate", "{good}", "--dataset", "nope", "--year", "2024"),
        ("import", "{good}", "--dataset", "meldingen", "--year", "2024"),  # no --partner
        ("indicators",),
    ],
)
def test_wrong_usage_exits_2_without_traceback(zicht, good_file, args):
    result = zicht(*(a.replace("{good}", str(good_file)) for a in args))
    assert result.returncode == 2
    assert "Traceback" not in result.stderr + result.stdout


def test_validate_accepts_a_good_file(zicht, good_file):
    result = zicht("validate", good_file, "--dataset", "meldingen", "--year", "2024")
    assert result.returncode == 0, result.stdout + result.stderr
    assert "2" in result.stdout


def test_import_then_deliveries_then_indicators(zicht, good_file):
    result = zicht("import", good_file, "--dataset", "meldingen", "--year", "2024", "--partner", "essm", "--json")
    assert result.returncode == 0, result.stdout + result.stderr
    out = json.loads(result.stdout)
    assert out["accepted"] is True and out["findings"] == []
    assert (
        out["delivery"]["partner"] == "ESSM" and out["delivery"]["version"] == 1 and out["delivery"]["row_count"] == 2
    )
    again = zicht("import", good_file, "--dataset", "meldingen", "--year", "2024", "--partner", "ESSM", "--by", "ana")
    assert again.returncode == 0 and "versie 2" in again.stdout
    listing = json.loads(zicht("deliveries", "--json").stdout)
    assert [(d["version"], d["is_current"], d["delivered_by"]) for d in listing][1] == (2, True, "ana")
    values = json.loads(zicht("indicators", "--year", "2024", "--json").stdout)
    cells = {(v["indicator"], tuple(v["dimensions"].items())): v["value"] for v in values["values"]}
    assert cells[("meldingen", ())] == 2
    assert cells[("meldingen", (("gemeente", "Capelle aan den IJssel"),))] == 1
    assert cells[("meldingen", (("rubriek", "preventief"), ("leeftijdsgroep", "minderjarig")))] == 1


def test_refused_file_changes_nothing_and_names_row_and_column(zicht, good_file, tmp_path):
    assert zicht("import", good_file, "--dataset", "meldingen", "--year", "2024", "--partner", "ESSM").returncode == 0
    before = zicht("indicators", "--year", "2024", "--json").stdout
    bad = write(
        tmp_path / "bad.csv",
        HEADER
        + "M1;2024-03-01;melding;seksuele-uitbuiting;meerderjarig;Rotterdam;;;\n"
        + "M2;2024/03/01;melding;slavernij;meerderjarig;Rotterdam;;;\n"
        + "M3;2024-03-01;melding;overig;meerderjarig;Rotterdam;;;  111222333  \n",
    )
    result = zicht("import", bad, "--dataset", "meldingen", "--year", "2024", "--partner", "ESSM", "--json")
    assert result.returncode == 1
    out = json.loads(result.stdout)
    assert out["accepted"] is False and out["delivery"] is None
    found = {(f["row"], f["column"]) for f in out["findings"]}
    assert {(3, "datum"), (3, "vorm"), (4, "persoon")} <= found
    assert "111222333" not in result.stdout + result.stderr  # an identifier is never echoed
    assert "Traceback" not in result.stdout + result.stderr
    assert zicht("indicators", "--year", "2024", "--json").stdout == before
    assert len(json.loads(zicht("deliveries", "--json").stdout)) == 1


def test_text_output_of_findings_is_dutch_and_english(zicht, tmp_path):
    bad = write(tmp_path / "bad.csv", HEADER + "M1;2024-03-01;melding;seksuele-uitbuiting;meerderjarig;Atlantis;;;\n")
    result = zicht("validate", bad, "--dataset", "meldingen", "--year", "2024")
    assert result.returncode == 1
    assert "Rij 2, kolom gemeente" in result.stdout and "Row 2, column gemeente" in result.stdout
    assert "buiten-regio" in result.stdout
    assert "Geweigerd" in result.stdout and "Refused" in result.stdout


def test_partner_not_allowed_for_dataset_is_refused(zicht, good_file):
    result = zicht("import", good_file, "--dataset", "meldingen", "--year", "2024", "--partner", "RIEC")
    assert result.returncode == 1
    assert "RIEC" in result.stdout
    unknown = zicht("import", good_file, "--dataset", "meldingen", "--year", "2024", "--partner", "ACME")
    assert unknown.returncode == 1


@pytest.mark.parametrize("fmt", ["csv", "xlsx"])
def test_template_round_trips_through_validate(zicht, tmp_path, fmt):
    out = tmp_path / f"t.{fmt}"
    result = zicht("template", "trajecten", "--format", fmt, "--out", out)
    assert result.returncode == 0 and out.exists()
    check = zicht("validate", out, "--dataset", "trajecten", "--year", "2024")
    assert check.returncode == 0, check.stdout  # a header-only file is a valid, empty delivery
    assert zicht("template", "trajecten", "--format", fmt, "--out", out).returncode == 1  # no overwrite


def test_indicators_of_a_year_without_deliveries_is_empty_not_zero(zicht):
    out = json.loads(zicht("indicators", "--year", "2030", "--json").stdout)
    assert out == {"region": "regio-rotterdam", "year": 2030, "values": [], "changes": []}
