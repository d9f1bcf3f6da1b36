"""CSV files meant to be opened in a spreadsheet, with formulas neutralised.

A cell that starts with `=`, `+`, `-`, `@` (or a tab or carriage return) is run as a formula by Excel
and LibreOffice; such a cell gets a leading `'`, which they show as text. The files are UTF-8 with a
byte-order mark and `;` as delimiter, the form Dutch Excel opens by double-click.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def safe_cell(value) -> str:
    """A value as a CSV cell that no spreadsheet runs as a formula (numbers stay numbers)."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return str(value).lower()
    if isinstance(value, (int, float)):
        return str(value)
    text = str(value)
    return "'" + text if text.startswith(FORMULA_STARTS) else text


def csv_bytes(header: list[str], rows: Iterable[Iterable]) -> bytes:
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, delimiter=";", lineterminator="\r\n")
    writer.writerow([safe_cell(h) for h in header])
    for row in rows:
        writer.writerow([safe_cell(v) for v in row])
    return buffer.getvalue().encode("utf-8-sig")
