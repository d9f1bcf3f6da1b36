"""Reading a delivery file (CSV or XLSX) into header and cells, by the file rules of the delivery format.

Problems with the file as a whole (type, encoding, damage) raise `ReadError`, which carries a finding
with row and column None. Everything about the content is left to validation.
"""

from __future__ import annotations

import csv
import io
import zipfile
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from pathlib import Path

from zicht.schema import findings as f

CSV_EXTENSIONS = (".csv",)
XLSX_EXTENSIONS = (".xlsx", ".xlsm")


@dataclass
class RawTable:
    """A file as read, column by column: the header row, then every column's cells ('' when empty).

    `columns` has one sequence per column position (at least as many as the header has names, more when
    a row is longer), each holding one string per data row. `row_numbers` are the Excel row numbers of
    the data rows (the header is row 1). Empty rows are kept: validation skips them.
    """

    header: list[str]
    columns: list[Sequence[str]] = field(default_factory=list)
    row_numbers: Sequence[int] = field(default_factory=list)
    source: str = ""
    sheet: str | None = None

    @property
    def width(self) -> int:
        return len(self.columns)

    def __len__(self) -> int:
        return len(self.row_numbers)

    @property
    def rows(self) -> list[list[str]]:
        """The data rows, cell by cell (a convenience; validation works on `columns`)."""
        return [list(r) for r in zip(*self.columns, strict=True)] if self.columns else [[] for _ in self.row_numbers]


def from_rows(records: list[list[str]], source: str = "", sheet: str | None = None) -> RawTable:
    """A RawTable from rows as read, the first being the header; one record is one Excel row."""
    if not records:
        return RawTable(header=[], source=source, sheet=sheet)
    width = max(len(r) for r in records)
    padded = [r if len(r) == width else list(r) + [""] * (width - len(r)) for r in records]
    columns = [list(col) for col in zip(*padded, strict=True)]
    header = [col[0] for col in columns]
    return RawTable(
        header=header,
        columns=[col[1:] for col in columns],
        row_numbers=list(range(2, len(records) + 1)),
        source=source,
        sheet=sheet,
    )


class ReadError(Exception):
    """The file cannot be read at all; `finding` says why (row and column None)."""

    def __init__(self, finding: f.Finding):
        super().__init__(finding.message_en)
        self.finding = finding


def read_table(path: str | Path, sheet: str | None = None) -> RawTable:
    """Read a CSV or XLSX delivery. For XLSX, the sheet named `sheet` (case-insensitive), else the first."""
    path = Path(path)
    ext = path.suffix.lower()
    if ext in CSV_EXTENSIONS:
        return read_csv_bytes(path.read_bytes(), source=path.name)
    if ext in XLSX_EXTENSIONS:
        return read_xlsx(path, sheet)
    raise ReadError(f.make("file-type", ext=ext or "(geen extensie / no extension)"))


def encoding_of(data: bytes) -> str:
    """The encoding of CSV bytes: UTF-8 (with or without BOM), else strict Windows-1252; ReadError if neither."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise ReadError(f.make("utf-16"))
    if b"\x00" in data:
        raise ReadError(f.make("nul-byte"))
    for encoding in ("utf-8-sig", "cp1252"):
        try:
            data.decode(encoding)
            return encoding
        except UnicodeDecodeError:
            pass
    raise ReadError(f.make("encoding"))


def decode(data: bytes) -> str:
    """CSV bytes as text, by `encoding_of`."""
    return data.decode(encoding_of(data))


def sniff_delimiter(text: str) -> str:
    """`;` when the header line has more `;` than `,` (Dutch Excel), else `,`."""
    end = text.find("\n")
    line = text if end < 0 else text[:end]
    return ";" if line.count(";") > line.count(",") else ","


def read_csv_bytes(data: bytes, source: str = "") -> RawTable:
    encoding = encoding_of(data)
    text = data.decode(encoding)
    delimiter = sniff_delimiter(text)
    try:
        # pandas decodes UTF-8 itself, faster than reading from a str
        stream = io.BytesIO(data) if encoding == "utf-8-sig" else io.StringIO(text)
        return _read_csv_fast(stream, encoding, delimiter, source)
    except _NotRegular:
        pass
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    try:
        records = list(reader)
    except csv.Error as e:
        raise ReadError(f.make("unreadable", kind="CSV", detail=str(e))) from None
    return from_rows(records, source=source)


class _NotRegular(Exception):
    pass


def _read_csv_fast(stream, encoding: str, delimiter: str, source: str) -> RawTable:
    """pandas' C parser, for files whose rows are no longer than the first (nearly all)."""
    import pandas as pd

    try:
        frame = pd.read_csv(
            stream,
            encoding=encoding,
            sep=delimiter,
            header=None,
            dtype=object,
            na_filter=False,
            skip_blank_lines=False,
            quotechar='"',
            doublequote=True,
            engine="c",
        )
    except pd.errors.EmptyDataError:
        return RawTable(header=[], source=source)
    except (pd.errors.ParserError, ValueError):
        raise _NotRegular from None
    arrays = [frame[k].to_numpy(dtype=object) for k in frame.columns]
    if not arrays or len(arrays[0]) == 0:
        return RawTable(header=[], source=source)
    return RawTable(
        header=[str(a[0]) for a in arrays],
        columns=[a[1:] for a in arrays],
        row_numbers=range(2, len(arrays[0]) + 1),
        source=source,
    )


def cell_text(value) -> str:
    """An XLSX cell value as text: whole-number floats without `.0`, date cells as ISO dates."""
    if value is None:
        return ""
    if isinstance(value, str):
        return value
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, float):
        return str(int(value)) if value.is_integer() else repr(value)
    if isinstance(value, datetime):
        return value.date().isoformat()  # a time of day is ignored, as in text dates
    if isinstance(value, date | time):
        return value.isoformat()
    if isinstance(value, timedelta):
        return str(value)
    return str(value)


def read_xlsx(path: Path, sheet: str | None = None) -> RawTable:
    import openpyxl  # only when an XLSX file is read

    try:
        wb = openpyxl.load_workbook(path, read_only=True, data_only=True)
    except (zipfile.BadZipFile, OSError, KeyError, ValueError) as e:
        raise ReadError(f.make("unreadable", kind="XLSX", detail=type(e).__name__)) from None
    try:
        names = wb.sheetnames
        if not names:
            raise ReadError(f.make("unreadable", kind="XLSX", detail="no sheets"))
        wanted = sheet.casefold() if sheet else None
        name = next((n for n in names if wanted and n.strip().casefold() == wanted), names[0])
        ws = wb[name]
        ws.reset_dimensions()  # some writers record a wrong sheet size
        records = []
        for values in ws.iter_rows(values_only=True):
            cells = [cell_text(v) for v in values]
            while cells and cells[-1] == "":
                cells.pop()
            records.append(cells)
    except ReadError:
        raise
    except Exception as e:  # openpyxl raises many kinds on damaged XML
        raise ReadError(f.make("unreadable", kind="XLSX", detail=type(e).__name__)) from None
    finally:
        wb.close()
    return from_rows(records, source=path.name, sheet=name)
