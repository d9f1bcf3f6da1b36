"""Property-based tests (hypothesis) of the readers' boundary: whatever the bytes, a table or a finding.

The readers and the validator are the first code a partner's file meets; these properties say what they
promise for any input, not just the inputs someone thought of.
"""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from zicht.region import Region, RegionError, load_region
from zicht.schema import reading
from zicht.schema.datasets import DATASETS
from zicht.schema.findings import CODES
from zicht.schema.reading import ReadError, from_rows, read_csv_bytes, read_table
from zicht.schema.validation import validate_table

SETTINGS = settings(
    max_examples=int(__import__("os").environ.get("HYP_N", 150)),
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
)
REGION = load_region("regio-rotterdam")

# The characters that matter to a CSV reader, and a few that matter to people.
CSV_ALPHABET = st.sampled_from(list('ab1;,"\n\r \t') + ["é", "\u00a0", "\ufeff", "|", "-", "2024-03-01"])


@SETTINGS
@given(st.binary(max_size=2000))
def test_any_bytes_as_csv_are_a_table_or_a_read_error(data):
    try:
        table = read_csv_bytes(data)
    except ReadError as refused:
        assert refused.finding.code in CODES and refused.finding.row is None
        return
    assert all(len(column) == len(table) for column in table.columns)


@SETTINGS
@given(st.binary(max_size=3000), st.sampled_from([".csv", ".xlsx", ".xlsm"]))
def test_any_file_is_a_table_or_a_read_error(tmp_path_factory, data, suffix):
    path = tmp_path_factory.mktemp("any") / f"levering{suffix}"
    path.write_bytes(data)
    try:
        read_table(path, max_bytes=10_000)
    except ReadError as refused:
        assert refused.finding.code in CODES


def _read_with(data: bytes, small: int):
    """`read_csv_bytes` with the size below which the csv module reads (0: pandas whenever it can)."""
    saved, reading.SMALL_CSV = reading.SMALL_CSV, small
    try:
        table = read_csv_bytes(data)
    except ReadError as refused:
        return refused.finding.code
    finally:
        reading.SMALL_CSV = saved
    return table.header, [list(c) for c in table.columns], list(table.row_numbers)


@SETTINGS
@given(st.lists(CSV_ALPHABET, max_size=60).map("".join), st.sampled_from(["utf-8", "utf-8-sig", "cp1252"]))
def test_the_two_csv_readers_agree_when_the_header_names_a_column(text, encoding):
    """Small files go through the csv module, larger ones through pandas: the same table either way."""
    data = text.encode(encoding, "replace")
    by_pandas, by_csv = _read_with(data, 0), _read_with(data, 1 << 30)
    if isinstance(by_pandas, tuple) and isinstance(by_csv, tuple):
        named = [h for h in by_pandas[0] + by_csv[0] if h.strip(" \t\ufeff\u00a0")]
        if not named:
            return  # no header either way: validation says "no-header" and nothing else
    assert by_pandas == by_csv


def _cells(dataset: str):
    declared = list(DATASETS[dataset].column_names)
    header = st.lists(st.sampled_from([*declared, "naam", "", "BSN", declared[0].upper()]), min_size=0, max_size=8)
    cell = st.one_of(
        st.sampled_from(["", "2024-03-01", "1-2-2024", "Rotterdam", "melding", "ab" * 32, "111222333", "a@b.nl", "1"]),
        st.text(max_size=12),
    )
    return header.flatmap(lambda h: st.tuples(st.just(h), st.lists(st.lists(cell, max_size=len(h) + 2), max_size=12)))


@SETTINGS
@given(st.sampled_from(sorted(DATASETS)).flatmap(lambda d: st.tuples(st.just(d), _cells(d))))
def test_validation_of_any_table_gives_findings_or_a_complete_table(case):
    dataset, (header, rows) = case
    table = from_rows([header, *rows])
    result = validate_table(table, dataset, 2024, REGION, partner=REGION.partners_for(dataset)[0])
    assert all(f.code in CODES and f.message_nl and f.message_en for f in result.findings)
    if result.accepted:
        assert result.table is not None and len(result.table) == result.rows
        assert list(result.table.columns[:-1]) == list(DATASETS[dataset].column_names)


TOML_PIECES = st.sampled_from(
    ['slug = "x"\n', 'name = "x"\n', 'central = "A"\n', '[[municipalities]]\nname = "A"\n', "[disclosure]\n",
     'k = "vijf"\n', "k = 0\n", "k = 3\n", "[retention]\n", "years = -1\n", "years = 5\n", '[[partners]]\ncode = "P"\n',
     'datasets = ["meldingen"]\n', 'datasets = "meldingen"\n', "[wording]\n", "stijging = true\n", "[[[ ", "= 1\n",
     "municipalities = 3\n", "[estimation]\n", 'lists = [{name = "A"}]\n']
)  # fmt: skip


@SETTINGS
@given(st.lists(TOML_PIECES, max_size=14).map("".join))
def test_any_region_file_is_a_region_or_a_region_error(tmp_path_factory, text):
    path = tmp_path_factory.mktemp("region") / "regio.toml"
    path.write_text(text, encoding="utf-8")
    load_region.cache_clear()
    try:
        assert isinstance(load_region(str(path)), Region)
    except RegionError as error:
        assert str(path) in str(error)
    finally:
        load_region.cache_clear()


@SETTINGS
@given(
    st.one_of(
        st.text(alphabet="0123456789", min_size=1, max_size=6000), st.from_regex(r"0{10,20}[0-9]{1,4}", fullmatch=True)
    )
)
def test_a_number_of_any_length_is_a_value_or_a_finding(digits):
    """Found by the mutation run: 5,000 digits made int() raise; 11 digits passed and then failed to store."""
    table = from_rows([["jaar", "vorm", "aantal"], ["2024", "totaal", digits]])
    result = validate_table(table, "landelijk", 2024, REGION, partner="VAR")
    significant = digits.lstrip("0")
    codes = {f.code for f in result.findings}
    if len(significant) > 10 or (significant and int(significant) > 2_147_483_647):
        assert codes and codes <= {"out-of-range", "identifier-phone", "identifier-bsn"}
    elif result.accepted:
        assert result.table["aantal"][0] == int(digits)
    else:  # nine or ten digits can look like a BSN or a phone number: refused, never echoed
        assert codes <= {"identifier-bsn", "identifier-phone"}
