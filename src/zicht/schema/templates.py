"""Empty delivery files (templates) for a dataset, generated from its declaration.

CSV: the header only, UTF-8 with a byte-order mark and `;` as delimiter, the form Dutch Excel opens
by double-click with the columns split and accents intact (and that `read_table` reads back).
XLSX: the header on a sheet named after the dataset (each column's help as a comment), a second sheet
`codelijsten` with every code column's list (the region's municipalities included), and drop-downs on
the single-code columns. The drop-downs only warn: validation also accepts other spellings and aliases.
"""

from __future__ import annotations

import csv
import io
from pathlib import Path
from typing import BinaryIO

from zicht.schema import datasets as d

CODES_SHEET = "codelijsten"
CSV_DELIMITER = ";"
# Rows that get the drop-downs (the header is row 1).
DROPDOWN_ROWS = 10_000


def code_lists(dataset: d.Dataset, region) -> dict[str, tuple[str, ...]]:
    """The allowed values per column that has a list: codes, or the region's municipalities and extras."""
    lists = {}
    for col in dataset.columns:
        if col.kind in (d.CODE, d.MULTI):
            lists[col.name] = col.codes
        elif col.kind == d.MUNICIPALITY:
            lists[col.name] = tuple(region.municipality_names) + col.extra_places
        elif col.kind == d.MATERIAL:
            from zicht.schema.catalogue import material_codes

            lists[col.name] = material_codes(region)
    return lists


def csv_template(dataset: d.Dataset) -> bytes:
    buffer = io.StringIO(newline="")
    csv.writer(buffer, delimiter=CSV_DELIMITER, lineterminator="\r\n").writerow(dataset.column_names)
    return buffer.getvalue().encode("utf-8-sig")


def xlsx_template(dataset: d.Dataset, region) -> bytes:
    from openpyxl import Workbook
    from openpyxl.comments import Comment
    from openpyxl.styles import Font, PatternFill
    from openpyxl.utils import get_column_letter
    from openpyxl.worksheet.datavalidation import DataValidation

    wb = Workbook()
    ws = wb.active
    ws.title = dataset.name
    lists = code_lists(dataset, region)
    codes_ws = wb.create_sheet(CODES_SHEET)
    list_ranges = {}
    for k, (name, items) in enumerate(((n, i) for n, i in lists.items() if i), start=1):
        letter = get_column_letter(k)
        codes_ws.cell(row=1, column=k, value=name).font = Font(bold=True)
        for r, item in enumerate(items, start=2):
            codes_ws.cell(row=r, column=k, value=item)
        codes_ws.column_dimensions[letter].width = max(12, max(len(x) for x in (name, *items)) + 2)
        list_ranges[name] = f"{CODES_SHEET}!${letter}$2:${letter}${len(items) + 1}"

    for j, col in enumerate(dataset.columns, start=1):
        letter = get_column_letter(j)
        cell = ws.cell(row=1, column=j, value=col.name)
        cell.font = Font(bold=True)
        if col.required:
            cell.fill = PatternFill("solid", fgColor="FFF2CC")
        needed = "verplicht" if col.required else ("soms verplicht" if col.required_if else "niet verplicht")
        cell.comment = Comment(f"{col.help_nl} ({needed})\n\n{col.help_en}", "zicht", width=320, height=140)
        ws.column_dimensions[letter].width = max(14, len(col.name) + 4)
        if col.kind in (d.CODE, d.MUNICIPALITY, d.MATERIAL) and col.name in list_ranges:
            dv = DataValidation(type="list", formula1=f"={list_ranges[col.name]}", allow_blank=True)
            dv.errorStyle = "warning"
            dv.error = "Deze waarde staat niet in de codelijst (zie het blad codelijsten)."
            dv.errorTitle = "Onbekende code"
            dv.add(f"{letter}2:{letter}{DROPDOWN_ROWS + 1}")
            ws.add_data_validation(dv)
    ws.freeze_panes = "A2"
    buffer = io.BytesIO()
    wb.save(buffer)
    return buffer.getvalue()


def write_template(dataset: str | d.Dataset, fmt: str, out: str | Path | BinaryIO, region) -> None:
    """Write the empty delivery file of `dataset` in format `fmt` ("csv" or "xlsx") to a path or binary stream."""
    ds = dataset if isinstance(dataset, d.Dataset) else d.get_dataset(dataset)
    if fmt == "csv":
        data = csv_template(ds)
    elif fmt == "xlsx":
        data = xlsx_template(ds, region)
    else:
        raise ValueError(f"unknown template format {fmt!r}: use csv or xlsx")
    if hasattr(out, "write"):
        out.write(data)
    else:
        Path(out).write_bytes(data)
