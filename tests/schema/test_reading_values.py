"""Reading files and parsing single values by the general rules."""

from __future__ import annotations

import datetime

import pytest

from zicht.schema import identifiers
from zicht.schema.reading import ReadError, read_table, sniff_delimiter
from zicht.schema.values import clean, parse_date, parse_whole_number, split_multi


def test_read_csv_keeps_excel_row_numbers_and_pads_short_rows(files):
    raw = read_table(files.csv(["a;b;c", "1;2", "", "4;5;6"]))
    assert raw.header == ["a", "b", "c"]
    assert list(raw.row_numbers) == [2, 3, 4]
    assert raw.rows == [["1", "2", ""], ["", "", ""], ["4", "5", "6"]]


def test_read_csv_long_row_widens_the_table(files):
    raw = read_table(files.csv(["a,b", "1,2,3"]))
    assert raw.header == ["a", "b", ""] and raw.rows == [["1", "2", "3"]]


@pytest.mark.parametrize(("line", "delimiter"), [("a;b;c", ";"), ("a,b,c", ","), ("a;b,c", ","), ("a,b;c;d", ";")])
def test_delimiter_is_semicolon_when_header_has_more(line, delimiter):
    assert sniff_delimiter(line + "\n1,2;3") == delimiter


def test_read_refuses_unknown_extension(tmp_path):
    path = tmp_path / "x.ods"
    path.write_bytes(b"")
    with pytest.raises(ReadError) as e:
        read_table(path)
    assert e.value.finding.code == "file-type" and e.value.finding.row is None


def test_read_xlsx_prefers_sheet_named_after_dataset(files):
    path = files.xlsx([["id"], [1.0], [2.5], [datetime.date(2024, 2, 29)]], sheet="MELDINGEN", first_sheet="uitleg")
    raw = read_table(path, sheet="meldingen")
    assert raw.sheet == "MELDINGEN" and raw.rows == [["1"], ["2.5"], ["2024-02-29"]]
    assert read_table(path).sheet == "uitleg"


def test_clean_strips_unicode_white_space_and_normalises():
    assert clean("\u00a0 Cafe\u0301\u2003") == "Café"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2024-03-31", datetime.date(2024, 3, 31)),
        ("2024-03-31T10:00", datetime.date(2024, 3, 31)),
        ("2024-03-31 10:00:59.123", datetime.date(2024, 3, 31)),
        ("31-3-2024", datetime.date(2024, 3, 31)),
        ("1-12-2024 9:05", datetime.date(2024, 12, 1)),
        ("29-2-2024", datetime.date(2024, 2, 29)),
        ("29-2-2023", None),
        ("2024-3-31", None),
        ("31/3/2024", None),
        ("31-03-24", None),
        ("2024-03-31 10", None),
        ("", None),
    ],
)
def test_parse_date(text, expected):
    assert parse_date(text) == expected


def test_whole_numbers_and_multi():  # person keys: tests/schema/test_validation.py (the validator's own rule)
    assert parse_whole_number(" 007 ") == 7 and parse_whole_number("1.0") is None and parse_whole_number("-1") is None
    assert split_multi(" drugs || online | drugs |") == ["drugs", "online"]


def test_eleven_test():
    assert identifiers.eleven_test("111222333") and not identifiers.eleven_test("111222334")


def test_bsn_candidate_failing_eleven_test_does_not_hide_another():
    assert identifiers.find_identifier("123456789 en 111222333") == "bsn"
    assert identifiers.find_identifier("123456789") is None


def test_scan_matches_find_identifier_on_many_values():
    values = ["x", "m2024000123", "tel 010 1234567", "a@b.nl", "111 222 333", "1112.22.333", "ab" * 32, ""]
    expected = {i: k for i, v in enumerate(values) if (k := identifiers.find_identifier(v))}
    assert identifiers.scan(values) == expected == {2: "phone", 3: "email", 5: "bsn"}
