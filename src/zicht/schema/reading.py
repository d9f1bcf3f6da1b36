"""Reading a delivery file (CSV or XLSX) into header and cells, by the file rules of the delivery format.

Problems with the file as a whole (type, encoding, damage, size) raise `ReadError`, which carries a
finding with row and column None; no other exception leaves `read_table`, whatever a parser raises.
Everything about the content is left to validation.

Limits, checked before a file is read whole: a delivery larger than `max_file_bytes()`
(`ZICHT_MAX_UPLOAD_MB`, where the caller asks for it); an XLSX whose parts unpack to more than
`EXPANSION` times that (a zip bomb), read from the zip's directory before anything is unpacked; more
than `MAX_COLUMNS` columns (no format has more than twenty).
"""

from __future__ import annotations

import csv
import io
import os
import zipfile
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from pathlib import Path

from zicht.schema import findings as f

CSV_EXTENSIONS = (".csv",)
XLSX_EXTENSIONS = (".xlsx", ".xlsm")

DEFAULT_MAX_MB = 20  # ZICHT_MAX_UPLOAD_MB's default (zicht.web.settings)
EXPANSION = 10  # an XLSX may unpack to at most this many times the size limit
SHARED_STRINGS_SHARE = 2  # ... and its shared strings (held in memory whole) to this many times
MAX_COLUMNS = 1000
SMALL_CSV = 64 * 1024  # below this a CSV is read with the csv module: pandas costs more to import than to skip


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


def max_file_bytes() -> int:
    """The largest delivery file that is read: `ZICHT_MAX_UPLOAD_MB` (default 20) megabytes."""
    try:
        mb = float(os.environ.get("ZICHT_MAX_UPLOAD_MB") or DEFAULT_MAX_MB)
    except ValueError:
        mb = DEFAULT_MAX_MB
    return int(mb * 1024 * 1024) if mb > 0 else int(DEFAULT_MAX_MB * 1024 * 1024)


def _mb(size: int) -> str:
    return f"{size / 1024 / 1024:.0f} MB" if size >= 1024 * 1024 else f"{max(1, size // 1024)} kB"


def unreadable(kind: str, nl: str, en: str) -> ReadError:
    """A ReadError for a file that cannot be read as `kind`, with the reason in both languages."""
    return ReadError(f.make("unreadable", kind=kind, detail=f.Both(nl, en)))


def read_table(path: str | Path, sheet: str | None = None, max_bytes: int | None = None) -> RawTable:
    """Read a CSV or XLSX delivery. For XLSX, the sheet named `sheet` (case-insensitive), else the first.

    `max_bytes`: refuse a larger file before reading it (validation passes `max_file_bytes()`; a partner's
    own export, pseudonymised at the partner, has no such limit). Raises only `ReadError`."""
    path = Path(path)
    ext = path.suffix.lower()
    if ext not in CSV_EXTENSIONS + XLSX_EXTENSIONS:
        raise ReadError(f.make("file-type", ext=ext or "(geen extensie / no extension)"))
    kind = "CSV" if ext in CSV_EXTENSIONS else "XLSX"
    try:
        size = path.stat().st_size
        if max_bytes is not None and size > max_bytes:
            raise unreadable(
                kind,
                f"het is {_mb(size)}, groter dan de grens van {_mb(max_bytes)}",
                f"it is {_mb(size)}, over the limit of {_mb(max_bytes)}",
            )
        if kind == "CSV":
            return read_csv_bytes(path.read_bytes(), source=path.name)
        return read_xlsx(path, sheet, max_bytes or max_file_bytes())
    except ReadError:
        raise
    except MemoryError:
        raise unreadable(kind, "te groot om te lezen", "too large to read") from None
    except OSError as e:  # unreadable on disk: named by its reason, never by its content
        raise unreadable(kind, e.strerror or type(e).__name__, e.strerror or type(e).__name__) from None
    except Exception as e:  # a parser's own exception: the file is damaged in a way nobody foresaw
        raise unreadable(kind, type(e).__name__, type(e).__name__) from None


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
    end = text.find("\n")
    if (text if end < 0 else text[:end]).count(delimiter) >= MAX_COLUMNS:
        raise _too_wide("CSV")
    if len(data) >= SMALL_CSV:
        try:
            # pandas decodes UTF-8 itself, faster than reading from a str
            stream = io.BytesIO(data) if encoding == "utf-8-sig" else io.StringIO(text)
            return _read_csv_fast(stream, encoding, delimiter, source)
        except _NotRegular:
            pass
    if text.startswith("\ufeff"):  # a second byte-order mark (two files pasted together): pandas skips it too
        text = text[1:]
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    records = []
    try:
        for record in reader:
            if len(record) > MAX_COLUMNS:
                raise _too_wide("CSV")
            records.append(record)
    except csv.Error as e:
        raise unreadable("CSV", str(e), str(e)) from None
    return from_rows(records, source=source)


def _too_wide(kind: str) -> ReadError:
    return unreadable(kind, f"meer dan {MAX_COLUMNS} kolommen", f"more than {MAX_COLUMNS} columns")


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


def check_zip(path: Path, max_bytes: int) -> None:
    """Refuse an XLSX that is no zip, or whose parts would unpack to more than EXPANSION x `max_bytes`
    (its shared strings, which openpyxl holds in memory whole, to SHARED_STRINGS_SHARE x), from the
    sizes in the zip's directory: zipfile never unpacks more than a part's recorded size."""
    try:
        with zipfile.ZipFile(path) as archive:
            parts = archive.infolist()
    except (zipfile.BadZipFile, zipfile.LargeZipFile, ValueError, EOFError):
        raise unreadable("XLSX", "geen geldig zip-bestand", "not a valid zip file") from None
    total = sum(p.file_size for p in parts)
    strings = sum(p.file_size for p in parts if p.filename.lower().endswith("sharedstrings.xml"))
    if total > EXPANSION * max_bytes or strings > SHARED_STRINGS_SHARE * max_bytes:
        raise unreadable(
            "XLSX",
            f"uitgepakt meer dan {_mb(min(total, 1 << 50))}: te groot of een zip-bom",
            f"unpacked over {_mb(min(total, 1 << 50))}: too large, or a zip bomb",
        )


def read_xlsx(path: Path, sheet: str | None = None, max_bytes: int | None = None) -> RawTable:
    import openpyxl  # only when an XLSX file is read

    check_zip(path, max_bytes or max_file_bytes())
    try:
        # Cached values only: a formula is never run, external links and macros are never loaded.
        wb = openpyxl.load_workbook(path, read_only=True, data_only=True, keep_links=False, keep_vba=False)
    except Exception as e:  # openpyxl raises many kinds on a damaged file (ParseError is a SyntaxError)
        raise unreadable("XLSX", type(e).__name__, type(e).__name__) from None
    try:
        names = wb.sheetnames
        if not names:
            raise ReadError(f.make("unreadable", kind="XLSX", detail="no sheets"))
        wanted = sheet.casefold() if sheet else None
        name = next((n for n in names if wanted and n.strip().casefold() == wanted), names[0])
        ws = wb[name]
        ws.reset_dimensions()  # some writers record a wrong sheet size
        # Only rows with a value are kept, with their Excel numbers: a sheet can claim a million rows
        # with one cell far below the data (validation skips empty rows anyway).
        records, numbers = [], []
        for number, values in enumerate(ws.iter_rows(values_only=True), start=1):
            if not values:
                continue
            cells = [cell_text(v) for v in values]
            while cells and cells[-1] == "":
                cells.pop()
            if len(cells) > MAX_COLUMNS:
                raise _too_wide("XLSX")
            if cells:
                records.append(cells)
                numbers.append(number)
    except ReadError:
        raise
    except MemoryError:
        raise unreadable("XLSX", "te groot om te lezen", "too large to read") from None
    except Exception as e:  # openpyxl raises many kinds on damaged XML
        raise unreadable("XLSX", type(e).__name__, type(e).__name__) from None
    finally:
        wb.close()
    return _numbered(records, numbers, source=path.name, sheet=name)


def _numbered(records: list[list[str]], numbers: list[int], source: str, sheet: str | None) -> RawTable:
    """A RawTable from the non-empty rows and their Excel row numbers (row 1 is the header, when present)."""
    if numbers and numbers[0] == 1:
        header, records, numbers = records[0], records[1:], numbers[1:]
    else:
        header = []
    width = max((len(r) for r in records), default=0)
    width = max(width, len(header))
    header = header + [""] * (width - len(header))
    padded = [r if len(r) == width else r + [""] * (width - len(r)) for r in records]
    columns: list[Sequence[str]] = (
        [list(c) for c in zip(*padded, strict=True)] if padded else [[] for _ in range(width)]
    )
    return RawTable(header=header, columns=columns, row_numbers=numbers, source=source, sheet=sheet)
