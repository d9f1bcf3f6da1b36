"""Helpers for the schema tests: delivery files built in tmp_path."""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

import openpyxl
import pytest

from zicht.region import load_region
from zicht.schema.validation import validate_file

PERSON = "ab" * 32  # a well-formed person key


@pytest.fixture(scope="session")
def region():
    return load_region("regio-rotterdam")


def write_csv(path: Path, lines: list[str], encoding: str = "utf-8") -> Path:
    path.write_bytes(("\n".join(lines) + "\n").encode(encoding))
    return path


def write_xlsx(path: Path, rows: list[list], sheet: str = "Sheet1", first_sheet: str | None = None) -> Path:
    wb = openpyxl.Workbook()
    if first_sheet:
        wb.active.title = first_sheet
        ws = wb.create_sheet(sheet)
    else:
        ws = wb.active
        ws.title = sheet
    for row in rows:
        ws.append(row)
    wb.save(path)
    return path


def set_cached_value(path: Path, cell: str, value: str, text: bool = False) -> None:
    """Give a formula cell the cached value Excel would store (openpyxl writes none)."""
    with zipfile.ZipFile(path) as z:
        parts = {name: z.read(name) for name in z.namelist()}
    name = next(n for n in parts if n.startswith("xl/worksheets/sheet") and f'r="{cell}"'.encode() in parts[n])
    xml = parts[name].decode()
    kind = ' t="str"' if text else ""
    xml, count = re.subn(
        rf'<c r="{cell}"([^>]*)><f>(.*?)</f><v ?/>', rf'<c r="{cell}"\1{kind}><f>\2</f><v>{value}</v>', xml
    )
    assert count == 1
    parts[name] = xml.encode()
    with zipfile.ZipFile(path, "w") as z:
        for n, data in parts.items():
            z.writestr(n, data)


MELDINGEN_HEADER = "id;datum;soort;vorm;leeftijdsgroep;gemeente;kenmerken;melder;persoon"


def _melding(id="m1", datum="2024-03-01", soort="melding", vorm="arbeidsuitbuiting", leeftijd="meerderjarig",
             gemeente="Rotterdam", kenmerken="", melder="", persoon="") -> str:  # fmt: skip
    return ";".join((id, datum, soort, vorm, leeftijd, gemeente, kenmerken, melder, persoon))


@pytest.fixture
def melding():
    """A meldingen CSV line; keyword arguments replace single cells."""
    return _melding


class Files:
    def __init__(self, tmp_path: Path):
        self.dir = tmp_path

    def csv(self, lines, name="levering.csv", encoding="utf-8") -> Path:
        return write_csv(self.dir / name, lines, encoding)

    def xlsx(self, rows, name="levering.xlsx", **kwargs) -> Path:
        return write_xlsx(self.dir / name, rows, **kwargs)

    set_cached_value = staticmethod(set_cached_value)


@pytest.fixture
def files(tmp_path):
    return Files(tmp_path)


@pytest.fixture
def check(tmp_path, region):
    """Validate CSV lines (or a path) as a delivery; returns the Validation."""

    def run(lines, dataset="meldingen", year=2024, name="levering.csv", encoding="utf-8", **kwargs):
        path = lines if isinstance(lines, Path) else write_csv(tmp_path / name, lines, encoding)
        return validate_file(path, dataset, year, region, **kwargs)

    return run
