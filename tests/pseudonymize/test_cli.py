"""`zicht key new`, `zicht key check` and `zicht pseudonymize`: exit codes, messages, files, no leaks."""

from __future__ import annotations

import csv
import datetime as dt
import os
import stat
import sys

import pytest
from click.testing import CliRunner

from zicht import pseudonymize as p
from zicht.cli import main
from zicht.schema.reading import read_table

SPEC_KEY = "d50e10baa3c9b0349c2277866edc2cfdc60d79489dbcb52c41ea199896a94ec2"
NAMES = ["van der Berg", "Anna Maria", "Müller", "Jan-Pieter", "d'Hondt", "Sophie"]
DATES = ["07-02-1990", "1985-11-23", "3-4-2008"]


@pytest.fixture(autouse=True)
def _home(tmp_path, monkeypatch):
    """A ZICHT_HOME of its own, away from the files the tests make."""
    home = tmp_path / "server-home"
    home.mkdir()
    monkeypatch.setenv("ZICHT_HOME", str(home))
    return home


@pytest.fixture
def keyfile(tmp_path):
    path = tmp_path / "regio.key"
    path.write_text("00" * 32 + "\n")
    path.chmod(0o600)
    return path


@pytest.fixture
def random_keyfile(tmp_path):
    path = tmp_path / "random.key"
    path.write_text(p.key_text(p.new_key()))
    path.chmod(0o600)
    return path


def _csv(path, header, rows, delimiter=";"):
    with open(path, "w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle, delimiter=delimiter)
        writer.writerow(header)
        writer.writerows(rows)
    return path


@pytest.fixture
def export(tmp_path):
    return _csv(
        tmp_path / "export.csv",
        ["id", "achternaam", "voornamen", "geboortedatum", "vorm", "datum"],
        [
            ["m1", "van der Berg", "Anna Maria", "07-02-1990", "overig", "2024-03-01"],
            ["m2", "Müller", "Jan-Pieter", "1985-11-23", "arbeidsuitbuiting", "2024-04-01"],
            ["m3", "d'Hondt", "", "3-4-2008", "onbekend", "2024-05-01"],
            ["m4", "de", "Sophie", "3-4-2008", "onbekend", "2024-05-02"],
        ],
    )


def run(*args):
    return CliRunner().invoke(main, [str(a) for a in args])


def _assert_refused(result, *words):
    assert result.exit_code == 1, result.output
    assert "Traceback" not in result.output
    assert "Geweigerd" in result.stderr and "Refused" in result.stderr
    for word in words:
        assert word in result.stderr


def _read_csv(path):
    """The output as the delivery reader sees it: header, then the rows."""
    raw = read_table(path)
    return [raw.header, *raw.rows]


# --- zicht key -------------------------------------------------------------------------------------------


def test_key_new_writes_64_lowercase_hex_with_mode_0600(tmp_path):
    out = tmp_path / "regio.key"
    result = run("key", "new", "--out", out)
    assert result.exit_code == 0, result.output
    text = out.read_text()
    assert len(text) == 65 and text.endswith("\n")
    assert all(c in "0123456789abcdef" for c in text[:-1])
    if os.name == "posix":
        assert stat.S_IMODE(out.stat().st_mode) == 0o600
    assert text.strip() not in result.output  # the key itself is never printed
    assert p.fingerprint(bytes.fromhex(text.strip())) in result.stdout


def test_key_new_gives_mode_0600_even_with_a_permissive_umask(tmp_path):
    old = os.umask(0)
    try:
        result = run("key", "new", "--out", tmp_path / "regio.key")
    finally:
        os.umask(old)
    assert result.exit_code == 0
    assert stat.S_IMODE((tmp_path / "regio.key").stat().st_mode) == 0o600


def test_key_new_makes_a_different_key_each_time(tmp_path):
    run("key", "new", "--out", tmp_path / "a.key")
    run("key", "new", "--out", tmp_path / "b.key")
    assert (tmp_path / "a.key").read_text() != (tmp_path / "b.key").read_text()


def test_key_new_refuses_to_overwrite(tmp_path):
    out = tmp_path / "regio.key"
    out.write_text("keep me")
    result = run("key", "new", "--out", out)
    _assert_refused(result, "overschreven", "overwritten")
    assert out.read_text() == "keep me"


def test_key_new_refuses_a_symlink_even_to_nothing(tmp_path):
    out = tmp_path / "regio.key"
    out.symlink_to(tmp_path / "elsewhere.key")
    result = run("key", "new", "--out", out)
    assert result.exit_code == 1
    assert not (tmp_path / "elsewhere.key").exists()


def test_key_new_refuses_zicht_home(_home):
    result = run("key", "new", "--out", _home / "regio.key")
    _assert_refused(result, "ZICHT_HOME")
    assert not (_home / "regio.key").exists()


def test_key_new_refuses_a_missing_folder(tmp_path):
    _assert_refused(run("key", "new", "--out", tmp_path / "nope" / "regio.key"))


def test_key_new_without_out_is_wrong_usage():
    assert run("key", "new").exit_code == 2


def test_key_check_prints_the_fingerprint(random_keyfile):
    result = run("key", "check", random_keyfile)
    assert result.exit_code == 0
    assert p.fingerprint(p.read_key(random_keyfile)) in result.stdout
    assert random_keyfile.read_text().strip() not in result.output


def test_key_check_refuses_a_broken_key(tmp_path):
    bad = tmp_path / "bad.key"
    bad.write_text("abc123\n")
    result = run("key", "check", bad)
    _assert_refused(result, "64")
    assert "abc123" not in result.output


# --- zicht pseudonymize: refusals -------------------------------------------------------------------------


@pytest.mark.parametrize("content", ["", "00" * 31 + "\n", "g" * 64 + "\n", "00" * 32 + "00\n", "geheim\n"])
def test_pseudonymize_refuses_a_key_file_that_is_not_64_hex(tmp_path, export, content):
    bad = tmp_path / "bad.key"
    bad.write_text(content)
    result = run("pseudonymize", export, "--key", bad, "--out", tmp_path / "out.csv")
    _assert_refused(result, "64")
    assert not (tmp_path / "out.csv").exists()
    if content.strip():
        assert content.strip() not in result.output


def test_pseudonymize_refuses_a_key_inside_zicht_home(tmp_path, export, _home):
    key = _home / "regio.key"
    key.write_text("11" * 32 + "\n")
    result = run("pseudonymize", export, "--key", key, "--out", tmp_path / "out.csv")
    _assert_refused(result, "ZICHT_HOME", "recompute")
    assert not (tmp_path / "out.csv").exists()


def test_pseudonymize_refuses_a_key_reached_through_a_link_into_zicht_home(tmp_path, export, _home):
    (_home / "regio.key").write_text("11" * 32 + "\n")
    link = tmp_path / "link.key"
    link.symlink_to(_home / "regio.key")
    _assert_refused(run("pseudonymize", export, "--key", link, "--out", tmp_path / "out.csv"), "ZICHT_HOME")


def test_pseudonymize_refuses_a_missing_column_and_names_it_and_map(tmp_path, keyfile):
    src = _csv(tmp_path / "in.csv", ["id", "achternaam", "geboortedatum"], [["1", "Berg", "1990-02-07"]])
    result = run("pseudonymize", src, "--key", keyfile, "--out", tmp_path / "out.csv")
    _assert_refused(result, "voornamen", "--map")
    assert not (tmp_path / "out.csv").exists()


def test_pseudonymize_refuses_an_existing_out_unless_force(tmp_path, export, keyfile):
    out = tmp_path / "out.csv"
    out.write_text("earlier")
    _assert_refused(run("pseudonymize", export, "--key", keyfile, "--out", out), "--force")
    assert out.read_text() == "earlier"
    result = run("pseudonymize", export, "--key", keyfile, "--out", out, "--force")
    assert result.exit_code == 0, result.output
    assert _read_csv(out)[0][-1] == "persoon"


def test_pseudonymize_refuses_out_equal_to_input_even_with_force(export, keyfile):
    before = export.read_bytes()
    for extra in ([], ["--force"]):
        _assert_refused(run("pseudonymize", export, "--key", keyfile, "--out", export, *extra), "--out")
        _assert_refused(
            run("pseudonymize", export, "--key", keyfile, "--out", export.parent / "." / export.name, *extra)
        )
    assert export.read_bytes() == before


def test_pseudonymize_refuses_an_out_of_another_format(tmp_path, export, keyfile):
    _assert_refused(run("pseudonymize", export, "--key", keyfile, "--out", tmp_path / "out.xlsx"), ".csv")


@pytest.mark.parametrize("bad", ["achternaam", "achternaam=", "=surname", "achternaam=name"])
def test_pseudonymize_bad_map_is_wrong_usage(tmp_path, export, keyfile, bad):
    result = run("pseudonymize", export, "--key", keyfile, "--out", tmp_path / "out.csv", "--map", bad)
    assert result.exit_code == 2
    assert "Traceback" not in result.output


def test_pseudonymize_missing_input_or_key_is_wrong_usage(tmp_path, export, keyfile):
    assert run("pseudonymize", tmp_path / "nope.csv", "--key", keyfile, "--out", tmp_path / "o.csv").exit_code == 2
    assert run("pseudonymize", export, "--key", tmp_path / "nope.key", "--out", tmp_path / "o.csv").exit_code == 2
    assert run("pseudonymize", export, "--out", tmp_path / "o.csv").exit_code == 2


def test_pseudonymize_refuses_a_file_that_is_not_csv_or_xlsx(tmp_path, keyfile):
    src = tmp_path / "export.txt"
    src.write_text("achternaam;voornamen;geboortedatum\n")
    _assert_refused(run("pseudonymize", src, "--key", keyfile, "--out", tmp_path / "out.txt"))


def test_pseudonymize_refuses_an_unreadable_csv_without_a_traceback(tmp_path, keyfile):
    src = tmp_path / "export.csv"
    src.write_bytes("\ufeffachternaam;voornamen;geboortedatum\n".encode("utf-16"))
    result = run("pseudonymize", src, "--key", keyfile, "--out", tmp_path / "out.csv")
    _assert_refused(result)
    assert not (tmp_path / "out.csv").exists()


# --- zicht pseudonymize: the output -------------------------------------------------------------------------


def test_pseudonymize_csv_gives_the_spec_key_keeps_other_columns_and_warns_by_row(tmp_path, export, keyfile):
    out = tmp_path / "out.csv"
    result = run("pseudonymize", export, "--key", keyfile, "--out", out)
    assert result.exit_code == 0, result.output
    rows = _read_csv(out)
    assert rows[0] == ["id", "vorm", "datum", "persoon"]
    assert [r[:3] for r in rows[1:]] == [
        ["m1", "overig", "2024-03-01"],
        ["m2", "arbeidsuitbuiting", "2024-04-01"],
        ["m3", "onbekend", "2024-05-01"],
        ["m4", "onbekend", "2024-05-02"],
    ]
    assert rows[1][3] == SPEC_KEY
    assert rows[2][3] == p.person_key(bytes(32), "Muller", "jan", "1985-11-23")
    assert rows[3][3] == "" and rows[4][3] == ""
    assert "rij 4" in result.stdout and "row 4" in result.stdout  # given names missing
    assert "rij 5" in result.stdout and "row 5" in result.stdout  # surname of particles only
    assert "rij 2" not in result.stdout and "rij 3" not in result.stdout
    assert p.fingerprint(bytes(32)) in result.stdout


def test_pseudonymize_prints_and_writes_nothing_identifying(tmp_path, export, random_keyfile):
    out = tmp_path / "out.csv"
    result = run("pseudonymize", export, "--key", random_keyfile, "--out", out)
    assert result.exit_code == 0, result.output
    written = out.read_text(encoding="utf-8-sig")
    secret = random_keyfile.read_text().strip()
    for value in [*NAMES, "Berg", "Hondt", "Anna", *DATES, secret]:
        assert value not in result.stdout, value
        assert value not in result.stderr, value
        assert value not in written, value


def test_pseudonymize_maps_other_column_names(tmp_path, keyfile):
    src = _csv(
        tmp_path / "in.csv",
        ["Familienaam", "Roepnaam", "Geb. datum", "Persoon", "gemeente"],
        [["Van der Berg", "ANNA", "1990-02-07 10:00", "oud", "Rotterdam"]],
        delimiter=",",
    )
    out = tmp_path / "out.csv"
    result = run(
        "pseudonymize",
        src,
        "--key",
        keyfile,
        "--out",
        out,
        "--map",
        "familienaam=achternaam",
        "--map",
        "Roepnaam=given",
        "--map",
        "Geb. datum=geboortedatum",
    )
    assert result.exit_code == 0, result.output
    assert _read_csv(out) == [["persoon", "gemeente"], [SPEC_KEY, "Rotterdam"]]


def test_pseudonymize_warns_about_copied_columns_that_look_identifying(tmp_path, keyfile):
    src = _csv(
        tmp_path / "in.csv",
        ["achternaam", "voornamen", "geboortedatum", "tussenvoegsel", "bsn"],
        [["Berg", "Anna", "1990-02-07", "van der", ""]],
    )
    result = run("pseudonymize", src, "--key", keyfile, "--out", tmp_path / "out.csv")
    assert result.exit_code == 0
    assert "`bsn`" in result.stdout
    assert "van der" not in result.stdout


def test_pseudonymize_xlsx_to_xlsx(tmp_path, keyfile):
    from openpyxl import Workbook, load_workbook

    book = Workbook()
    sheet = book.active
    sheet.title = "meldingen"
    sheet.append(["id", "Achternaam", "voornamen", "geboortedatum", "opmerking"])
    sheet.append(["a", "van der Berg", "Anna Maria", dt.datetime(1990, 2, 7), "=SUM(1,2)"])
    sheet["E2"].data_type = "s"  # text that looks like a formula
    sheet.append(["b", "Berg", "Anna", "07-02-1990", None])
    sheet.append(["c", "Berg", "Anna", "07/02/1990", "x"])
    src = tmp_path / "export.xlsx"
    book.save(src)
    out = tmp_path / "out.xlsx"
    result = run("pseudonymize", src, "--key", keyfile, "--out", out)
    assert result.exit_code == 0, result.output
    produced = load_workbook(out)
    rows = list(produced.active.iter_rows(values_only=True))
    assert rows[0] == ("id", "opmerking", "persoon")
    assert rows[1][2] == SPEC_KEY and rows[2][2] == SPEC_KEY
    assert rows[3][2] in (None, "")
    assert "rij 4" in result.stdout and "rij 2" not in result.stdout
    assert produced.active.cell(2, 2).value == "=SUM(1,2)"
    assert produced.active.cell(2, 2).data_type == "s"  # copied text never becomes a formula


def test_pseudonymize_output_is_private(tmp_path, export, keyfile):
    out = tmp_path / "out.csv"
    assert run("pseudonymize", export, "--key", keyfile, "--out", out).exit_code == 0
    if os.name == "posix":
        assert stat.S_IMODE(out.stat().st_mode) & 0o077 == 0
    assert [f.name for f in tmp_path.iterdir() if f.name.startswith(".zicht-")] == []


def test_pseudonymize_warns_about_the_example_key(tmp_path, export, keyfile, random_keyfile):
    assert "testing only" in run("pseudonymize", export, "--key", keyfile, "--out", tmp_path / "a.csv").stdout
    assert (
        "testing only" not in run("pseudonymize", export, "--key", random_keyfile, "--out", tmp_path / "b.csv").stdout
    )


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX modes")
def test_pseudonymize_warns_about_a_key_readable_by_others(tmp_path, export, keyfile):
    keyfile.chmod(0o644)
    result = run("pseudonymize", export, "--key", keyfile, "--out", tmp_path / "out.csv")
    assert result.exit_code == 0
    assert "chmod 600" in result.stdout


def test_pseudonymize_large_file(tmp_path, random_keyfile):
    rows = [[str(i), f"Naam{i % 7}", "Anna", f"{1 + i % 28}-2-1990"] for i in range(12_000)]
    src = _csv(tmp_path / "big.csv", ["id", "achternaam", "voornamen", "geboortedatum"], rows)
    out = tmp_path / "out.csv"
    result = run("pseudonymize", src, "--key", random_keyfile, "--out", out)
    assert result.exit_code == 0, result.output
    written = _read_csv(out)
    assert len(written) == 12_001 and all(len(r[1]) == 64 for r in written[1:])


def test_pseudonymize_shows_progress_on_a_terminal(tmp_path, random_keyfile, monkeypatch):
    from zicht.cli import pseudonymize as command

    monkeypatch.setattr(command, "_interactive", lambda: True)
    monkeypatch.setattr(command, "_PROGRESS_FROM", 10)
    rows = [[str(i), "Berg", "Anna", f"{1 + i % 28}-2-1990"] for i in range(30)]
    src = _csv(tmp_path / "in.csv", ["id", "achternaam", "voornamen", "geboortedatum"], rows)
    result = run("pseudonymize", src, "--key", random_keyfile, "--out", tmp_path / "out.csv")
    assert result.exit_code == 0, result.output
    assert "Berg" not in result.output
    quiet = run("pseudonymize", src, "--key", random_keyfile, "--out", tmp_path / "q.csv", "--quiet")
    assert quiet.exit_code == 0


@pytest.mark.parametrize("delimiter", [";", ","])
def test_pseudonymize_keeps_the_csv_delimiter(tmp_path, keyfile, delimiter):
    src = _csv(
        tmp_path / "in.csv",
        ["achternaam", "voornamen", "geboortedatum", "id"],
        [["Berg", "Anna", "7-2-1990", "x"]],
        delimiter,
    )
    out = tmp_path / "out.csv"
    assert run("pseudonymize", src, "--key", keyfile, "--out", out).exit_code == 0
    assert out.read_text(encoding="utf-8-sig").splitlines()[0] == f"id{delimiter}persoon"


def test_pseudonymize_keeps_empty_rows_without_a_warning(tmp_path, keyfile):
    src = _csv(
        tmp_path / "in.csv",
        ["id", "achternaam", "voornamen", "geboortedatum"],
        [["1", "Berg", "Anna", "7-2-1990"], ["", "", " ", ""], ["3", "Berg", "", "7-2-1990"]],
    )
    out = tmp_path / "out.csv"
    result = run("pseudonymize", src, "--key", keyfile, "--out", out)
    assert result.exit_code == 0
    assert _read_csv(out) == [["id", "persoon"], ["1", SPEC_KEY], ["", ""], ["3", ""]]
    assert "rij 3" not in result.stdout and "rij 4" in result.stdout


def test_pseudonymize_refuses_a_column_named_twice(tmp_path, keyfile):
    src = _csv(tmp_path / "in.csv", ["achternaam", "voornamen", "geboortedatum", "Achternaam "], [["a", "b", "c", "d"]])
    _assert_refused(run("pseudonymize", src, "--key", keyfile, "--out", tmp_path / "out.csv"), "Achternaam", "twice")


def test_pseudonymize_copies_cells_beyond_the_header_with_a_warning(tmp_path, keyfile):
    src = _csv(
        tmp_path / "in.csv", ["achternaam", "voornamen", "geboortedatum"], [["Berg", "Anna", "7-2-1990", "extra"]]
    )
    out = tmp_path / "out.csv"
    result = run("pseudonymize", src, "--key", keyfile, "--out", out)
    assert result.exit_code == 0
    assert "zonder naam" in result.stdout and "without a name" in result.stdout
    assert _read_csv(out) == [["", "persoon"], ["extra", SPEC_KEY]]


def test_pseudonymize_xlsx_reads_the_named_sheet_and_keeps_its_name(tmp_path, keyfile):
    from openpyxl import Workbook, load_workbook

    book = Workbook()
    book.active.append(["iets anders"])
    sheet = book.create_sheet("Registraties")
    sheet.append(["achternaam", "voornamen", "geboortedatum", "id"])
    sheet.append(["Berg", "Anna", "1990-02-07", 12])
    src = tmp_path / "in.xlsx"
    book.save(src)
    out = tmp_path / "out.xlsx"
    result = run("pseudonymize", src, "--key", keyfile, "--out", out, "--sheet", "registraties")
    assert result.exit_code == 0, result.output
    produced = load_workbook(out)
    assert produced.sheetnames == ["Registraties"]
    assert list(produced.active.iter_rows(values_only=True)) == [("id", "persoon"), ("12", SPEC_KEY)]
    _assert_refused(
        run("pseudonymize", src, "--key", keyfile, "--out", tmp_path / "o2.xlsx", "--sheet", "nope"), "nope"
    )


def test_pseudonymize_refuses_an_empty_file_for_its_missing_columns(tmp_path, keyfile):
    src = tmp_path / "in.csv"
    src.write_text("")
    _assert_refused(run("pseudonymize", src, "--key", keyfile, "--out", tmp_path / "out.csv"), "achternaam")


def test_pseudonymize_header_only_gives_a_header_only_output(tmp_path, keyfile):
    src = _csv(tmp_path / "in.csv", ["id", "achternaam", "voornamen", "geboortedatum"], [])
    out = tmp_path / "out.csv"
    assert run("pseudonymize", src, "--key", keyfile, "--out", out).exit_code == 0
    assert _read_csv(out) == [["id", "persoon"]]


def test_the_installed_command_never_prints_a_traceback(tmp_path, keyfile):
    import subprocess
    from pathlib import Path

    zicht = Path(sys.executable).parent / "zicht"
    bad = tmp_path / "bad.csv"
    bad.write_bytes(b"\x00\x01garbage")
    proc = subprocess.run(
        [str(zicht), "pseudonymize", str(bad), "--key", str(keyfile), "--out", str(tmp_path / "o.csv")],
        capture_output=True,
        text=True,
        env={**os.environ},
    )
    assert proc.returncode == 1
    assert "Traceback" not in proc.stdout + proc.stderr
