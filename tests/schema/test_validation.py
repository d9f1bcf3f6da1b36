"""Validation of deliveries: one test per kind of bad input in spec/delivery-format.md, and the good paths."""

from __future__ import annotations

import datetime

import pandas as pd
import pytest

from zicht.schema.findings import CODES
from zicht.schema.validation import validate_file

H = "id;datum;soort;vorm;leeftijdsgroep;gemeente;kenmerken;melder;persoon"
KEY = "AB" * 32


def found(v):
    return [(f.row, f.column, f.code) for f in v.findings]


def one(v, code):
    hits = [f for f in v.findings if f.code == code]
    assert len(hits) == 1, found(v)
    return hits[0]


# -- the file ------------------------------------------------------------------------------------------


def test_file_refuses_unknown_extension(tmp_path, region):
    path = tmp_path / "levering.xls"
    path.write_bytes(b"whatever")
    v = validate_file(path, "meldingen", 2024, region)
    assert found(v) == [(None, None, "file-type")]
    assert not v.accepted and v.table is None


def test_file_refuses_text_neither_utf8_nor_windows_1252(check, files):
    path = files.csv([])
    path.write_bytes(H.encode() + b"\nm\x81\x8d;2024-01-01\n")  # 0x81 and 0x8D are undefined in Windows-1252
    assert found(check(path)) == [(None, None, "encoding")]


def test_file_refuses_nul_byte(check, files):
    path = files.csv([])
    path.write_bytes(H.encode() + b"\nm1\x00;2024-01-01\n")
    v = check(path)
    assert found(v) == [(None, None, "nul-byte")]
    assert "CSV UTF-8" in v.findings[0].message_en


def test_file_refuses_utf16(check, files):
    path = files.csv([])
    path.write_bytes((H + "\n").encode("utf-16"))  # with a byte-order mark
    assert found(check(path)) == [(None, None, "utf-16")]


def test_file_refuses_damaged_xlsx(tmp_path, region):
    path = tmp_path / "levering.xlsx"
    path.write_bytes(b"not a zip at all")
    assert found(validate_file(path, "meldingen", 2024, region)) == [(None, None, "unreadable")]


def test_empty_file_has_no_header(check, files):
    path = files.csv([])
    path.write_bytes(b"")
    assert found(check(path)) == [(1, None, "no-header")]


# -- the header -----------------------------------------------------------------------------------------


def test_header_missing_required_column_is_one_finding_on_row_1(check, melding):
    lines = [
        "id;datum;soort;vorm;gemeente",
        "m1;2024-01-01;melding;overig;Rotterdam",
        "m2;2024-01-02;melding;overig;Rotterdam",
    ]
    assert found(check(lines)) == [(1, "leeftijdsgroep", "missing-column")]


def test_header_missing_conditionally_required_column(check):
    lines = ["id;datum;soort;leeftijdsgroep;gemeente", "m1;2024-01-01;preventief;onbekend;Rotterdam",
             "m2;2024-01-01;melding;onbekend;Rotterdam"]  # fmt: skip
    f = one(check(lines), "missing-column")
    assert (f.row, f.column) == (1, "vorm")
    assert "soort = melding" in f.message_en and "row 3" in f.message_en


def test_header_conditional_column_may_be_left_out_when_no_row_needs_it(check):
    lines = ["id;datum;soort;leeftijdsgroep;gemeente", "m1;2024-01-01;preventief;onbekend;Rotterdam"]
    assert check(lines).accepted


def test_header_refuses_column_named_twice(check, melding):
    v = check([H + ";Soort", melding() + ";melding"])
    f = one(v, "duplicate-column")
    assert (f.row, f.column) == (1, "soort")
    assert "C, J" in f.message_en


def test_header_refuses_unknown_column_even_when_empty_and_checks_the_rest(check, melding):
    v = check([H + ";Naam", melding(datum="2023-01-01") + ";"])
    assert found(v) == [(1, "Naam", "unknown-column"), (2, "datum", "date-not-in-year")]
    assert "id, datum, soort" in v.findings[0].message_nl


def test_header_nameless_column_with_values_is_refused(check, melding):
    v = check(["id;datum;;soort;vorm;leeftijdsgroep;gemeente", "m1;2024-01-01;x;melding;overig;onbekend;Rotterdam"])
    f = one(v, "empty-header")
    assert (f.row, f.column) == (1, None) and "column C" in f.message_en


def test_header_nameless_empty_column_is_ignored(check):
    lines = ["id;datum;;soort;vorm;leeftijdsgroep;gemeente;", "m1;2024-01-01;;melding;overig;onbekend;Rotterdam;"]
    assert check(lines).accepted


def test_header_is_case_insensitive_stripped_and_in_any_order(check):
    lines = [" Gemeente ;SOORT;Datum;\u00a0id;leeftijdsgroep", "Rotterdam;preventief;1-2-2024;m1;onbekend"]
    v = check(lines)
    assert v.accepted, found(v)
    assert list(v.table.columns) == [*H.split(";"), "_row"]


def test_row_refuses_cell_beyond_header(check, melding):
    v = check([H, melding() + ";;oeps"])
    f = one(v, "cell-beyond-header")
    assert (f.row, f.column) == (2, None) and "column K" in f.message_en


def test_row_missing_trailing_cells_are_missing_values(check):
    v = check([H, "m1;2024-01-01;preventief"])
    assert found(v) == [(2, "leeftijdsgroep", "required"), (2, "gemeente", "required")]


# -- values ----------------------------------------------------------------------------------------------


def test_value_required_missing(check, melding):
    assert found(check([H, melding(leeftijd=" ")])) == [(2, "leeftijdsgroep", "required")]


def test_value_conditionally_required_missing(check, melding):
    v = check([H, melding(vorm=""), melding(id="m2", soort="preventief", vorm="")])
    f = one(v, "required")
    assert (f.row, f.column) == (2, "vorm") and "soort = melding" in f.message_en


def test_value_unknown_code_lists_the_allowed_codes(check, melding):
    f = one(check([H, melding(vorm="mensenhandel")]), "unknown-code")
    assert (f.row, f.column) == (2, "vorm")
    assert '"mensenhandel"' in f.message_en
    assert "seksuele-uitbuiting, arbeidsuitbuiting" in f.message_en and "onbekend" in f.message_nl


def test_value_unknown_code_in_multi_column(check, melding):
    f = one(check([H, melding(kenmerken="drugs|vuurwerk")]), "unknown-code")
    assert (f.row, f.column) == (2, "kenmerken") and '"vuurwerk"' in f.message_en


def test_value_multi_with_nothing_left_is_missing(check):
    lines = ["id;startdatum;markten;inbrenger", "c1;2024-01-01; | |;politie"]
    assert found(check(lines, dataset="riec-casussen")) == [(2, "markten", "required")]


def test_value_municipality_outside_region_suggests_buiten_regio(check, melding):
    f = one(check([H, melding(gemeente="Amsterdam")]), "unknown-municipality")
    assert (f.row, f.column) == (2, "gemeente")
    assert "buiten-regio" in f.message_nl and "Zwijndrecht" in f.message_en


@pytest.mark.parametrize("text", ["2024/03/01", "1 maart 2024", "31-2-2024", "2024-13-01", "20240301"])
def test_value_invalid_date_names_accepted_forms(check, melding, text):
    f = one(check([H, melding(datum=text)]), "invalid-date")
    assert (f.row, f.column) == (2, "datum")
    assert "YYYY-MM-DD" in f.message_en and "D-M-JJJJ" in f.message_nl


def test_value_date_not_in_year(check, melding):
    f = one(check([H, melding(datum="31-12-2023")]), "date-not-in-year")
    assert (f.row, f.column) == (2, "datum") and "2024" in f.message_en


def test_future_dates_are_allowed(check, melding):
    assert check([H, melding(datum="2099-12-31")], year=2099).accepted


TRAJ = "id;vorm;startdatum;einddatum"


def test_running_row_that_started_after_the_year(check):
    v = check([TRAJ, "t1;overig;2025-01-01;"], dataset="trajecten")
    assert found(v) == [(2, "startdatum", "not-running-in-year")]


def test_running_row_that_ended_before_the_year(check):
    v = check([TRAJ, "t1;overig;2022-01-01;31-12-2023"], dataset="trajecten")
    assert found(v) == [(2, "einddatum", "not-running-in-year")]


def test_running_rows_that_touch_the_year_are_accepted(check):
    lines = [TRAJ, "t1;overig;2020-01-01;", "t2;preventief;2023-05-01;1-1-2024", "t3;overig;31-12-2024;2026-01-01"]
    assert check(lines, dataset="trajecten").accepted


def test_end_before_start(check):
    v = check(
        ["id;startdatum;einddatum;markten;inbrenger", "c1;2024-05-01;2024-04-30;drugs;politie"], dataset="riec-casussen"
    )
    assert (2, "einddatum", "end-before-start") in found(v)
    v = check(["id;startdatum;einddatum;markten;inbrenger", "c1;2024-05-01;2024-04-30;mensensmokkel;politie"],
              dataset="riec-casussen")  # fmt: skip
    assert found(v) == [(2, "einddatum", "end-before-start")]


LANDELIJK = "jaar;vorm;aantal;bron"


def test_landelijk_year_must_be_the_delivery_year(check):
    v = check([LANDELIJK, "2023;totaal;1000;CoMensha"], dataset="landelijk")
    assert found(v) == [(2, "jaar", "year-mismatch")]


def test_landelijk_form_at_most_once(check):
    v = check([LANDELIJK, "2024;totaal;10;", "2024;overig;5;", "2024;Totaal ;10;"], dataset="landelijk")
    f = one(v, "duplicate-value")
    assert (f.row, f.column) == (4, "vorm") and "row 2" in f.message_en


@pytest.mark.parametrize("text", ["1.5", "-3", "1.000", "tien", "+4"])
def test_value_not_a_whole_number(check, text):
    v = check([LANDELIJK, f"2024;totaal;{text};"], dataset="landelijk")
    assert found(v) == [(2, "aantal", "not-a-whole-number")]


def test_value_out_of_range(check):
    v = check(["id;opgave;titel;status", "a1;6;Training;gepland"], dataset="acties")
    f = one(v, "out-of-range")
    assert (f.row, f.column) == (2, "opgave") and "1-5" in f.message_en


def test_text_too_long_counts_code_points_after_nfc(check):
    ok = "e\u0301" * 200  # 400 code points, 200 after NFC
    v = check(["id;opgave;titel;status", f"a1;1;{ok};gepland", f"a2;1;{'x' * 201};gepland"], dataset="acties")
    assert found(v) == [(3, "titel", "too-long")]


def test_id_unique_within_the_delivery(check, melding):
    v = check([H, melding(id="A1"), melding(id="a1"), melding(id=" A1 ")])
    f = one(v, "duplicate-id")
    assert (f.row, f.column) == (4, "id") and "row 2" in f.message_en


def test_id_at_most_64_characters(check, melding):
    assert found(check([H, melding(id="x" * 65)])) == [(2, "id", "too-long")]
    assert check([H, melding(id="x" * 64)]).accepted


def test_person_key_invalid_and_not_repeated(check, melding):
    v = check([H, melding(persoon="Jansen, Piet"), melding(id="m2", persoon="ab" * 31)])
    assert found(v) == [(2, "persoon", "invalid-person-key"), (3, "persoon", "invalid-person-key")]
    assert all("Jansen" not in f.message_nl + f.message_en for f in v.findings)


# -- identifiers -------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("111222333", "identifier-bsn"),
        ("bsn 1112.22.333", "identifier-bsn"),
        ("1112 22 333", "identifier-bsn"),
        ("piet.jansen@example.nl", "identifier-email"),
        ("0612345678", "identifier-phone"),
        ("bel 06-12345678", "identifier-phone"),
        ("+31 6 12345678", "identifier-phone"),
        ("010-1234567", "identifier-phone"),
        ("+31 (0)10 123 4567", "identifier-phone"),
    ],
)
def test_identifier_refused_in_id_column_without_the_value(check, melding, text, code):
    v = check([H, melding(), melding(id=text)])
    assert found(v) == [(3, "id", code)]
    f = v.findings[0]
    assert text not in f.message_nl and text not in f.message_en
    assert "identif" in f.message_en


@pytest.mark.parametrize("text", ["111222334", "M111222333", "1112223330", "2024-03-01", "06-1234567", "a@b"])
def test_not_an_identifier(check, melding, text):
    assert check([H, melding(id=text)]).accepted


def test_identifier_in_free_text_and_replaces_other_findings_for_the_cell(check):
    lines = ["id;opgave;titel;status;toelichting", f"a1;1;bel 0612345678 {'x' * 200};gepland;mail p@voorbeeld.nl"]
    v = check(lines, dataset="acties")
    assert found(v) == [(2, "titel", "identifier-phone"), (2, "toelichting", "identifier-email")]


def test_identifier_replaces_code_finding(check, melding):
    v = check([H, melding(gemeente="0612345678"), melding(id="m2", gemeente="0612345678")])
    assert found(v) == [(2, "gemeente", "identifier-phone"), (3, "gemeente", "identifier-phone")]


def test_identifier_in_unknown_column_names_the_column(check, melding):
    v = check([H + ";telefoon", melding() + ";06 12345678"])
    assert found(v) == [(1, "telefoon", "unknown-column"), (2, "telefoon", "identifier-phone")]


def test_dutch_date_with_time_is_not_a_phone_number(check, melding):
    assert check([H, melding(datum="05-01-2024 10:30")]).accepted


# -- partners -----------------------------------------------------------------------------------------


def test_partner_unknown(check, melding):
    f = one(check([H, melding()], partner="Humanitas"), "unknown-partner")
    assert (f.row, f.column) == (None, None) and "ESSM" in f.message_en


def test_partner_not_allowed_for_dataset(check, melding):
    f = one(check([H, melding()], partner="avim"), "partner-not-allowed")
    assert "ESSM" in f.message_en


def test_partner_case_insensitive(check, melding):
    assert check([H, melding()], partner="essm").accepted


# -- good paths ---------------------------------------------------------------------------------------------


def test_header_only_file_is_a_valid_delivery(check):
    v = check([H])
    assert v.accepted and v.rows == 0
    assert list(v.table.columns) == [*H.split(";"), "_row"] and len(v.table) == 0


def test_canonical_table(check):
    lines = [
        H,
        f"m1;5-3-2024 14:00;MELDING;Seksuele  uitbuiting;Minderjarig;Capelle a/d IJssel;Online | drugs|online|;;{KEY}",
        "",
        "m2;2024-12-31T23:59;preventief;;onbekend;Hendrik Ido Ambacht;;Naaste;",
        ";;;;;;;;",
        "\u00a0m3\u00a0;2024-06-01;hulpvraag-sekswerk;;meerderjarig;Rozenburg;;;",
        "m4;2024-06-01;preventief;;meerderjarig;Oud-Beijerland;;;",
        "m5;2024-06-01;preventief;;meerderjarig;Buiten Regio;;;",
    ]
    v = check(lines)
    assert v.accepted, found(v)
    t = v.table
    assert v.rows == 5
    assert t["_row"].tolist() == [2, 4, 6, 7, 8]  # empty rows skipped, numbers kept
    assert t["datum"].tolist() == ["2024-03-05", "2024-12-31", "2024-06-01", "2024-06-01", "2024-06-01"]
    assert t["soort"][0] == "melding" and t["vorm"][0] == "seksuele-uitbuiting" and t["vorm"][1] is None
    assert t["kenmerken"].tolist() == ["drugs|online", None, None, None, None]
    assert t["gemeente"].tolist() == [
        "Capelle aan den IJssel",
        "Hendrik-Ido-Ambacht",
        "Rotterdam",
        "Hoeksche Waard",
        "buiten-regio",
    ]
    assert t["melder"][1] == "naaste" and t["id"][2] == "m3"
    assert t["persoon"][0] == KEY.lower() and t["persoon"][1] is None


def test_integers_are_nullable_int64(check):
    v = check(["id;gemeente;datum;titel;soort;bereik;opgave", "i1;regio;2024-02-02;Les;training;;", "i2;Schiedam;2024-02-02;Les;training;012;3"],
              dataset="initiatieven")  # fmt: skip
    assert v.accepted, found(v)
    assert str(v.table["bereik"].dtype) == "Int64"
    assert v.table["bereik"].tolist() == [pd.NA, 12] or v.table["bereik"].isna().tolist() == [True, False]
    assert v.table["bereik"][1] == 12 and v.table["opgave"][1] == 3


def test_windows_1252_file(check):
    lines = ["id;gemeente;datum;titel;soort", "i1;regio;2024-02-02;Café-avond € 5;bijeenkomst"]
    v = check(lines, dataset="initiatieven", encoding="cp1252")
    assert v.accepted, found(v)
    assert v.table["titel"][0] == "Café-avond € 5"


def test_utf8_with_bom_and_comma_delimiter(check):
    lines = ["\ufeffid,gemeente,datum,titel,soort", 'i1,regio,2024-02-02,"Training, deel 1",training']
    v = check(lines, dataset="initiatieven")
    assert v.accepted, found(v)
    assert v.table["titel"][0] == "Training, deel 1"


def test_quoted_cell_spanning_lines_is_one_excel_row(check):
    lines = ["id;gemeente;datum;titel;soort;omschrijving", 'i1;regio;2024-02-02;T;training;"regel 1', 'regel 2"',
             "i2;regio;2024-02-02;T;training;;oeps"]  # fmt: skip
    v = check(lines, dataset="initiatieven")
    assert found(v) == [(3, None, "cell-beyond-header")]


def test_xlsx_with_formula_date_and_float_cells(files, region):
    path = files.xlsx(
        [
            ["id", "opgave", "titel", "status"],
            ["a1", 1.0, "Opzet monitor", "Gereed"],
            ['="a"&"2"', "=1+1", "Training", "lopend"],
        ],
        sheet="Acties",
        first_sheet="toelichting",
    )
    files.set_cached_value(path, "A3", "a2", text=True)
    files.set_cached_value(path, "B3", "2")
    v = validate_file(path, "acties", 2024, region)
    assert v.accepted, found(v)
    assert v.table["id"].tolist() == ["a1", "a2"] and v.table["opgave"].tolist() == [1, 2]
    assert v.table["status"].tolist() == ["gereed", "lopend"]


def test_xlsx_date_cells_and_first_sheet(files, region):
    rows = [["id", "datum", "soort", "leeftijdsgroep", "gemeente"],
            ["m1", datetime.datetime(2024, 5, 6, 13, 0), "preventief", "onbekend", "Capelle"],
            [None, None, None, None, None],
            ["m2", datetime.date(2023, 12, 31), "preventief", "onbekend", "Capelle"]]  # fmt: skip
    v = validate_file(files.xlsx(rows, sheet="Blad1"), "meldingen", 2024, region)
    assert found(v) == [(4, "datum", "date-not-in-year")]
    rows[3][1] = datetime.date(2024, 1, 1)
    v = validate_file(files.xlsx(rows, name="b.xlsx"), "meldingen", 2024, region)
    assert v.table["datum"].tolist() == ["2024-05-06", "2024-01-01"] and v.table["_row"].tolist() == [2, 4]


def test_all_findings_at_once(check, melding):
    lines = [
        H + ";adres",
        melding(datum="2024/01/01", vorm="", gemeente="Utrecht") + ";",
        melding(id="m1", leeftijd="baby", persoon="xyz", kenmerken="drugs|??") + ";",
        melding(id="111222333") + ";Dorpsstraat 1",
    ]
    v = check(lines)
    assert found(v) == [
        (1, "adres", "unknown-column"),
        (2, "datum", "invalid-date"),
        (2, "vorm", "required"),
        (2, "gemeente", "unknown-municipality"),
        (3, "id", "duplicate-id"),
        (3, "leeftijdsgroep", "unknown-code"),
        (3, "kenmerken", "unknown-code"),
        (3, "persoon", "invalid-person-key"),
        (4, "id", "identifier-bsn"),
    ]
    assert not v.accepted and v.table is None
    assert v.as_dict()["findings"][0] == {
        "row": 1, "column": "adres", "code": "unknown-column",
        "message_nl": v.findings[0].message_nl, "message_en": v.findings[0].message_en,
    }  # fmt: skip


def test_every_finding_code_is_documented():
    for code in CODES.values():
        assert code.description and code.nl and code.en


@pytest.mark.slow
def test_validates_100k_rows_quickly(tmp_path, region):
    import time

    from zicht.schema.validation import validate_file as vf

    lines = [H] + [
        f"m{i};{1 + i % 28}-{1 + i % 12}-2024;preventief;;onbekend;Schiedam;drugs|online;;{i:064x}"
        for i in range(100_000)
    ]
    path = tmp_path / "m.csv"
    path.write_text("\n".join(lines))
    start = time.perf_counter()
    v = vf(path, "meldingen", 2024, region)
    assert v.accepted and v.rows == 100_000
    assert time.perf_counter() - start < 3.0


def test_identifier_as_column_name_is_not_repeated(check, melding):
    v = check([H + ";piet@example.nl", melding() + ";x"])
    assert found(v) == [(1, "J", "identifier-email")]
    assert "piet" not in v.findings[0].message_nl + v.findings[0].message_en


def test_an_echoed_value_is_cut_short(check):
    from zicht.schema.findings import ECHO_LIMIT

    long_text = "Jansen " * 20
    result = check(["id;opgave;titel;status", f"A1;1;Iets;{long_text}"], dataset="acties")
    message = next(f for f in result.findings if f.code == "unknown-code").message_nl
    assert long_text.strip() not in message and "…" in message
    assert len(message) < len(long_text) + 100 and ECHO_LIMIT == 40
