"""Templates, Frictionless Table Schemas and the generated format docs: all from the declarations."""

from __future__ import annotations

import io
import re
from pathlib import Path

import openpyxl
import pytest

from zicht.schema.datasets import DATASETS
from zicht.schema.docs import REGENERATE, render_format_docs
from zicht.schema.findings import CODES
from zicht.schema.frictionless import table_schema
from zicht.schema.reading import read_table
from zicht.schema.templates import CODES_SHEET, write_template
from zicht.schema.validation import validate_file

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.parametrize("name", list(DATASETS))
@pytest.mark.parametrize("fmt", ["csv", "xlsx"])
def test_template_is_a_valid_empty_delivery(tmp_path, region, name, fmt):
    path = tmp_path / f"{name}.{fmt}"
    write_template(name, fmt, path, region)
    raw = read_table(path, sheet=name)
    assert raw.header == list(DATASETS[name].column_names)
    v = validate_file(path, name, 2024, region)
    assert v.accepted and v.rows == 0


def test_csv_template_is_utf8_bom_with_semicolons(region):
    out = io.BytesIO()
    write_template("controles", "csv", out, region)
    assert out.getvalue() == b"\xef\xbb\xbfid;datum;gemeente;locatie;bevindingen\r\n"


def test_xlsx_template_has_code_lists_and_dropdowns(tmp_path, region):
    path = tmp_path / "m.xlsx"
    write_template("meldingen", "xlsx", path, region)
    wb = openpyxl.load_workbook(path)
    assert wb.sheetnames == ["meldingen", CODES_SHEET]
    codes = wb[CODES_SHEET]
    lists = {col[0].value: [c.value for c in col[1:] if c.value] for col in codes.iter_cols()}
    assert lists["soort"] == ["melding", "hulpvraag-sekswerk", "preventief"]
    assert "Zwijndrecht" in lists["gemeente"] and lists["gemeente"][-1] == "buiten-regio"
    assert "loverboymethode" in lists["kenmerken"]
    ws = wb["meldingen"]
    ranges = {str(dv.sqref): dv.formula1 for dv in ws.data_validations.dataValidation}
    assert set(ranges) == {"C2:C10001", "D2:D10001", "E2:E10001", "F2:F10001", "H2:H10001"}  # single codes only
    assert ws["A1"].comment is not None and "64" in ws["A1"].comment.text


@pytest.mark.parametrize("name", list(DATASETS))
def test_table_schema_structure(region, name):
    ds = DATASETS[name]
    schema = table_schema(name, region)
    assert [f["name"] for f in schema["fields"]] == list(ds.column_names)
    assert schema["missingValues"] == [""]
    for field, col in zip(schema["fields"], ds.columns, strict=True):
        assert field["type"] in {"string", "integer", "year"} and field["description"]
        assert field.get("constraints", {}).get("required", False) == col.required
        if col.codes and col.kind == "code":
            assert field["constraints"]["enum"] == list(col.codes)
    if "id" in ds.column_names:
        assert schema["primaryKey"] == ["id"]
        assert next(f for f in schema["fields"] if f["name"] == "id")["constraints"]["maxLength"] == 64


def test_table_schema_patterns_match_what_validation_accepts(region):
    fields = {f["name"]: f for f in table_schema("meldingen", region)["fields"]}
    date = re.compile(fields["datum"]["constraints"]["pattern"])
    assert date.fullmatch("2024-03-01") and date.fullmatch("1-3-2024 10:00") and not date.fullmatch("1/3/2024")
    multi = re.compile(fields["kenmerken"]["constraints"]["pattern"])
    assert multi.fullmatch("drugs|online") and not multi.fullmatch("drugs|vuurwerk")
    assert "Capelle aan den IJssel" in fields["gemeente"]["constraints"]["enum"]


def test_table_schema_validates_a_delivery_with_frictionless(tmp_path, region):
    import frictionless  # a test extra (pyproject.toml): missing it is a failure, not a skip

    path = tmp_path / "controles.csv"
    path.write_text("id,datum,gemeente,locatie,bevindingen\nc1,2024-01-05,Schiedam,hotel,geen|noodopvang\n")
    schema = frictionless.Schema.from_descriptor(table_schema("controles", region))
    resource = frictionless.Resource(path=path.name, basepath=str(tmp_path), schema=schema)
    assert resource.validate().valid
    path.write_text("id,datum,gemeente,locatie,bevindingen\nc1,2024/01/05,Utrecht,hotel,\n")
    report = frictionless.Resource(path=path.name, basepath=str(tmp_path), schema=schema).validate()
    assert not report.valid and {e.type for e in report.tasks[0].errors} == {"constraint-error"}


def test_format_docs_are_generated_and_committed():
    committed = (ROOT / "docs" / "delivery-format.md").read_text(encoding="utf-8")
    assert committed == render_format_docs(), f"docs/delivery-format.md is out of date; regenerate: {REGENERATE}"


def test_format_docs_list_every_dataset_column_and_finding_code(region):
    text = render_format_docs(region)
    for ds in DATASETS.values():
        assert f"### `{ds.name}`" in text
        for col in ds.columns:
            assert f"| `{col.name}` |" in text
    for code in CODES:
        assert f"| `{code}` |" in text


@pytest.mark.parametrize("name", list(DATASETS))
def test_table_schema_is_a_valid_descriptor_and_accepts_the_template(tmp_path, region, name):
    import frictionless  # a test extra (pyproject.toml): missing it is a failure, not a skip

    descriptor = table_schema(name, region)
    assert frictionless.Schema.validate_descriptor(descriptor).valid
    write_template(name, "csv", tmp_path / f"{name}.csv", region)
    schema = frictionless.Schema.from_descriptor(descriptor)
    report = frictionless.Resource(path=f"{name}.csv", basepath=str(tmp_path), schema=schema).validate()
    assert report.valid, report.flatten(["type", "note"])
