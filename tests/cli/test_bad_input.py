"""Each kind of bad input of spec/delivery-format.md, through the real `zicht import`: exit 1, the row and
column named, no traceback, no identifier echoed, every figure as it was."""

from __future__ import annotations

import json

import pytest

pytestmark = pytest.mark.slow

M = "id;datum;soort;vorm;leeftijdsgroep;gemeente;kenmerken;melder;persoon\n"
OK = "M1;2024-03-01;melding;seksuele-uitbuiting;meerderjarig;Rotterdam;;;\n"
T = "id;vorm;startdatum;einddatum\n"

# (name, dataset, file bytes, expected (row, column, code) — None where the finding is about the file,
#  a secret that must never be echoed or None)
CASES = [
    (
        "not utf-8 nor cp1252",
        "meldingen",
        M.encode() + b"M1;2024-03-01;melding;\x81\x8d;meerderjarig;Rotterdam;;;\n",
        (None, None, "encoding"),
        None,
    ),
    (
        "nul byte",
        "meldingen",
        M.encode() + b"M1\x00;2024-03-01;melding;;meerderjarig;Rotterdam;;;\n",
        (None, None, "nul-byte"),
        None,
    ),
    ("utf-16", "meldingen", (M + OK).encode("utf-16"), (None, None, "utf-16"), None),
    (
        "unknown column",
        "meldingen",
        (M.strip() + ";naam\n" + OK.strip() + ";\n").encode(),
        (1, "naam", "unknown-column"),
        None,
    ),
    (
        "missing column",
        "meldingen",
        b"id;datum;soort;leeftijdsgroep;gemeente\nM1;2024-03-01;preventief;meerderjarig;Rotterdam\n".replace(
            b"preventief", b"melding"
        ),
        (1, "vorm", "missing-column"),
        None,
    ),
    (
        "column twice",
        "meldingen",
        (M.strip() + ";melder\n" + OK.strip() + ";\n").encode(),
        (1, "melder", "duplicate-column"),
        None,
    ),
    ("cell beyond header", "meldingen", (M + OK.strip() + ";extra\n").encode(), (2, None, "cell-beyond-header"), None),
    ("bsn in id", "meldingen", (M + OK.replace("M1", "111222333")).encode(), (2, "id", "identifier-bsn"), "111222333"),
    (
        "bsn with dots",
        "meldingen",
        (M + OK.replace("M1", "1112.22.333")).encode(),
        (2, "id", "identifier-bsn"),
        "1112.22.333",
    ),
    (
        "e-mail",
        "meldingen",
        (M + OK.replace(";;;", ";;;jan.jansen@example.nl")).encode(),
        (2, "persoon", "identifier-email"),
        "jan.jansen",
    ),
    ("phone", "meldingen", (M + OK.replace("M1", "06-12345678")).encode(), (2, "id", "identifier-phone"), "12345678"),
    (
        "unknown code",
        "meldingen",
        (M + OK.replace("seksuele-uitbuiting", "slavernij")).encode(),
        (2, "vorm", "unknown-code"),
        None,
    ),
    (
        "unknown multi code",
        "meldingen",
        (M + OK.replace(";;;", ";loverboy|drugs;;")).encode(),
        (2, "kenmerken", "unknown-code"),
        None,
    ),
    (
        "required missing",
        "meldingen",
        (M + OK.replace("meerderjarig", "")).encode(),
        (2, "leeftijdsgroep", "required"),
        None,
    ),
    (
        "conditionally required",
        "meldingen",
        (M + OK.replace("seksuele-uitbuiting", "")).encode(),
        (2, "vorm", "required"),
        None,
    ),
    (
        "date with slashes",
        "meldingen",
        (M + OK.replace("2024-03-01", "01/03/2024")).encode(),
        (2, "datum", "invalid-date"),
        None,
    ),
    (
        "date not in calendar",
        "meldingen",
        (M + OK.replace("2024-03-01", "30-02-2024")).encode(),
        (2, "datum", "invalid-date"),
        None,
    ),
    (
        "date outside the year",
        "meldingen",
        (M + OK.replace("2024-03-01", "2023-12-31")).encode(),
        (2, "datum", "date-not-in-year"),
        None,
    ),
    (
        "municipality outside region",
        "meldingen",
        (M + OK.replace("Rotterdam", "Utrecht")).encode(),
        (2, "gemeente", "unknown-municipality"),
        None,
    ),
    ("duplicate id", "meldingen", (M + OK + OK).encode(), (3, "id", "duplicate-id"), None),
    (
        "bad person key",
        "meldingen",
        (M + OK.replace(";;;", ";;;abc")).encode(),
        (2, "persoon", "invalid-person-key"),
        None,
    ),
    (
        "not running in the year",
        "trajecten",
        (T + "T1;seksuele-uitbuiting;2020-01-01;2023-06-30\n").encode(),
        (2, None, "not-running-in-year"),
        None,
    ),
    (
        "end before start",
        "trajecten",
        (T + "T1;seksuele-uitbuiting;2024-05-01;2024-04-01\n").encode(),
        (2, "einddatum", "end-before-start"),
        None,
    ),
    ("landelijk year", "landelijk", b"jaar;vorm;aantal\n2023;totaal;944\n", (2, "jaar", "year-mismatch"), None),
    (
        "landelijk form twice",
        "landelijk",
        b"jaar;vorm;aantal\n2024;totaal;944\n2024;totaal;945\n",
        (3, "vorm", "duplicate-value"),
        None,
    ),
    ("negative number", "landelijk", b"jaar;vorm;aantal\n2024;totaal;-3\n", (2, "aantal", "not-a-whole-number"), None),
    (
        "opgave out of range",
        "acties",
        b"id;opgave;titel;status\nA1;7;Iets;gepland\n",
        (2, "opgave", "out-of-range"),
        None,
    ),
    (
        "title too long",
        "acties",
        ("id;opgave;titel;status\nA1;1;" + "x" * 201 + ";gepland\n").encode(),
        (2, "titel", "too-long"),
        None,
    ),
]
PARTNER = {"meldingen": "ESSM", "trajecten": "ESSM", "landelijk": "VAR", "acties": "VAR"}


def test_every_bad_input_is_refused_and_changes_nothing(zicht, tmp_path):
    good = tmp_path / "good.csv"
    good.write_text(M + OK, encoding="utf-8")
    assert zicht("import", good, "--dataset", "meldingen", "--year", "2024", "--partner", "ESSM").returncode == 0
    before = zicht("indicators", "--year", "2024", "--json").stdout
    problems = []
    for i, (name, dataset, content, (row, column, code), secret) in enumerate(CASES):
        path = tmp_path / f"bad{i}.csv"
        path.write_bytes(content)
        result = zicht("import", path, "--dataset", dataset, "--year", "2024", "--partner", PARTNER[dataset], "--json")
        output = result.stdout + result.stderr
        if result.returncode != 1 or "Traceback" in output:
            problems.append(f"{name}: exit {result.returncode}\n{output[-500:]}")
            continue
        findings = json.loads(result.stdout)["findings"]
        wanted = [
            f for f in findings if f["code"] == code and f["row"] == row and (column is None or f["column"] == column)
        ]
        if not wanted:
            problems.append(f"{name}: no finding ({row}, {column}, {code}) in {findings}")
        if secret and secret in output:
            problems.append(f"{name}: the identifier was echoed")
    assert not problems, "\n".join(problems)
    assert zicht("indicators", "--year", "2024", "--json").stdout == before
    listing = json.loads(zicht("deliveries", "--json").stdout)
    assert [(d["dataset"], d["version"]) for d in listing] == [("meldingen", 1)]
