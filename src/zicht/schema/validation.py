"""Validating a delivery against its declared format: every finding at once, and the canonical table.

The work is done per column on the distinct values (a year of meldingen has a few hundred distinct
dates, not 100,000): each distinct value is cleaned, checked and made canonical once, and its findings
are mapped back to the rows that hold it. See `spec/delivery-format.md` for the rules.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

import numpy as np
import pandas as pd

from zicht.schema import codes as c
from zicht.schema import datasets as d
from zicht.schema import findings as f
from zicht.schema import identifiers, values
from zicht.schema.findings import Both, Finding, show
from zicht.schema.reading import RawTable, ReadError, max_file_bytes, read_table, unreadable


@dataclass
class Validation:
    dataset: str
    year: int
    findings: list[Finding] = field(default_factory=list)
    table: pd.DataFrame | None = None  # only when accepted
    rows: int = 0  # non-empty data rows

    @property
    def accepted(self) -> bool:
        return not self.findings

    def as_dict(self) -> dict:
        return {"accepted": self.accepted, "findings": [x.as_dict() for x in self.findings]}


def validate_file(
    path: str | Path,
    dataset: str | d.Dataset,
    year: int,
    region,
    partner: str | None = None,
    today: date | None = None,
    max_bytes: int | None = None,
) -> Validation:
    """Read and validate one delivery file. `today` is accepted for the API but unused: future dates are allowed.

    A file larger than `max_bytes` (default `max_file_bytes()`, ZICHT_MAX_UPLOAD_MB) is refused unread; a
    file that cannot be read at all is a finding, never an exception."""
    ds = dataset if isinstance(dataset, d.Dataset) else d.get_dataset(dataset)
    try:
        raw = read_table(path, sheet=ds.name, max_bytes=max_bytes or max_file_bytes())
    except ReadError as e:
        return Validation(ds.name, year, _partner_findings(ds, region, partner) + [e.finding])
    except MemoryError:
        refused = unreadable("CSV/XLSX", "te groot om te lezen", "too large to read")
        return Validation(ds.name, year, _partner_findings(ds, region, partner) + [refused.finding])
    return validate_table(raw, ds, year, region, partner, today)


def _partner_findings(ds: d.Dataset, region, partner: str | None) -> list[Finding]:
    if partner is None:
        return []
    found = region.find_partner(partner)
    if found is None:
        return [f.make("unknown-partner", partner=partner, allowed=f.listing(p.code for p in region.partners))]
    if ds.name not in found.datasets:
        allowed = f.listing(region.partners_for(ds.name)) or Both("geen enkele partij", "no partner")
        return [f.make("partner-not-allowed", partner=found.code, dataset=ds.name, allowed=allowed)]
    return []


class _Collector:
    """Findings with a sort key (row, column position); identifier cells silence every other finding."""

    def __init__(self):
        self.items: list[tuple[tuple, Finding]] = []
        self.identifier_cells: set[tuple[int, str | None]] = set()

    def add(self, finding: Finding, position: int = -1) -> None:
        row = -1 if finding.row is None else finding.row
        self.items.append(((row, position, len(self.items)), finding))

    def result(self) -> list[Finding]:
        kept = [
            (key, x)
            for key, x in self.items
            if x.code in f.IDENTIFIER_CODES or (x.row, x.column) not in self.identifier_cells
        ]
        return [x for _, x in sorted(kept, key=lambda item: item[0])]


@dataclass
class _Column:
    """One column position of the file, factorized: row i holds `cleaned[codes[i]]`."""

    position: int
    name: str  # the cleaned header text ('' when nameless or beyond the header)
    codes: np.ndarray
    cleaned: list[str]
    nonempty: np.ndarray  # per row


def _clean_all(texts) -> list[str]:
    clean = values.clean
    return [t.strip() if t.isascii() else clean(t) for t in texts]


def _factorize(position: int, name: str, cells) -> _Column:
    codes, uniques = pd.factorize(np.asarray(cells, dtype=object))
    cleaned = _clean_all(uniques)
    nonempty_u = np.fromiter((bool(x) for x in cleaned), dtype=bool, count=len(cleaned))
    return _Column(position, name, codes, cleaned, nonempty_u[codes])


@dataclass
class _Values:
    """A declared column's canonical values, per distinct value, and where they are wrong."""

    codes: np.ndarray
    canon: np.ndarray  # object, None when empty or wrong
    wrong: np.ndarray  # bool

    def per_row(self) -> np.ndarray:
        return self.canon[self.codes]

    def missing_rows(self) -> np.ndarray:
        missing = np.fromiter((x is None for x in self.canon), dtype=bool, count=len(self.canon)) & ~self.wrong
        return missing[self.codes]


_HEX = "0123456789abcdef"
NONE = np.array(None)  # compared element by element with an object array: where a cell is None


def _check_values(col: d.Column, cleaned: list[str], year: int, region) -> tuple[list, dict[int, tuple]]:
    """Canonical value per distinct cleaned value (None when empty or wrong) and {index: (code, params)}."""
    canon: list = [None] * len(cleaned)
    errors: dict[int, tuple] = {}
    kind = col.kind
    allowed: str | Both = ""
    if kind in (d.CODE, d.MULTI):
        index = c.code_index(col.codes)
        order = {code: k for k, code in enumerate(col.codes)}
        allowed = f.listing(col.codes)
    if kind == d.MUNICIPALITY:
        extras = c.code_index(col.extra_places)
        allowed = f.listing(region.municipality_names + col.extra_places)
        suggest = (
            Both(" (voor een gemeente buiten de regio: buiten-regio)", " (for a municipality outside it: buiten-regio)")
            if c.BUITEN_REGIO in col.extra_places
            else ""
        )
    if kind == d.MATERIAL:
        from zicht.schema.catalogue import material_codes

        materials = material_codes(region)
        index = c.code_index(materials)
        allowed = f.listing(materials) or Both("geen: de regio leent geen materiaal uit", "none: the region lends none")
    if kind == d.TEXT:  # fast paths for the columns with many distinct values
        limit = col.max_length if col.max_length is not None else float("inf")
        canon = [t or None for t in cleaned]
        errors = {i: ("too-long", {"length": len(t), "limit": limit}) for i, t in enumerate(cleaned) if len(t) > limit}
        return canon, errors
    if kind == d.PERSON:
        canon = [t.lower() if len(t) == 64 and not t.lower().strip(_HEX) else None for t in cleaned]
        errors = {i: ("invalid-person-key", {"length": len(t)}) for i, t in enumerate(cleaned) if t and not canon[i]}
        return canon, errors
    for i, text in enumerate(cleaned):
        if not text:
            continue
        if kind in (d.CODE, d.MATERIAL):
            canon[i] = index.get(c.normalize_code(text))
            if canon[i] is None:
                errors[i] = ("unknown-code", {"value": show(text), "allowed": allowed})
        elif kind == d.MULTI:
            parts = values.split_multi(text)
            found = {index.get(c.normalize_code(p)) for p in parts}
            unknown = [p for p in parts if index.get(c.normalize_code(p)) is None]
            if unknown:
                errors[i] = ("unknown-code", {"value": show(" | ".join(unknown)), "allowed": allowed})
            elif parts:
                canon[i] = "|".join(sorted((x for x in found if x is not None), key=order.__getitem__))
        elif kind == d.DATE:
            parsed = values.parse_date(text)
            if parsed is None:
                errors[i] = ("invalid-date", {"value": show(text)})
            else:
                canon[i] = parsed.isoformat()
                if col.in_year and parsed.year != year:
                    errors[i] = ("date-not-in-year", {"value": show(text), "year": year})
        elif kind in (d.INTEGER, d.YEAR):
            # Thousands of digits are refused by int() itself: such a number is out of any range anyway.
            huge = len(text.lstrip("0")) > 12 and text.isascii() and text.isdigit()
            number = STORABLE_MAX + 1 if huge else values.parse_whole_number(text)
            if number is None:
                errors[i] = ("not-a-whole-number", {"value": show(text)})
            elif kind == d.YEAR and number != year:
                errors[i] = ("year-mismatch", {"value": show(text) if huge else number, "year": year})
            elif (col.minimum is not None and number < col.minimum) or number > _upper(col):
                errors[i] = ("out-of-range", {"value": show(text) if huge else number, "range": _range(col, number)})
            else:
                canon[i] = number
        elif kind == d.MUNICIPALITY:
            canon[i] = extras.get(c.normalize_code(text)) or region.find_municipality(text)
            if canon[i] is None:
                errors[i] = (
                    "unknown-municipality",
                    {"value": show(text), "region": region.name, "suggest": suggest, "allowed": allowed},
                )
        else:  # a kind declared but not known here is a bug in the declarations
            raise ValueError(f"column {col.name}: unknown kind {kind!r}")
    return canon, errors


STORABLE_MAX = 2_147_483_647  # the largest whole number a column holds on PostgreSQL (integer)


def _upper(col: d.Column) -> int:
    return col.maximum if col.maximum is not None else STORABLE_MAX


def _range(col: d.Column, number: int | None = None) -> str:
    low = 0 if col.minimum is None else col.minimum
    if col.maximum is None and (number is None or number <= STORABLE_MAX):
        return f"≥ {low}"
    return f"{low}-{_upper(col)}"


def _rows_where(mask_u: np.ndarray, codes: np.ndarray, keep: np.ndarray) -> np.ndarray:
    if not len(codes):
        return np.zeros(0, dtype=np.intp)
    return np.nonzero(mask_u[codes] & keep)[0]


def validate_table(
    raw: RawTable,
    dataset: str | d.Dataset,
    year: int,
    region,
    partner: str | None = None,
    today: date | None = None,
) -> Validation:
    """Validate a table as read by `read_table`; see `validate_file`."""
    ds = dataset if isinstance(dataset, d.Dataset) else d.get_dataset(dataset)
    out = _Collector()
    for x in _partner_findings(ds, region, partner):
        out.add(x)
    names = _clean_all(raw.header)
    width = max((j + 1 for j, name in enumerate(names) if name), default=0)  # the header's last name
    if not width:
        out.add(f.make("no-header", 1, expected=f.listing(ds.column_names)))
        return Validation(ds.name, year, out.result())
    names = names[:width] + [""] * (raw.width - width)

    # -- the header
    declared = {col.name.casefold(): col for col in ds.columns}
    at: dict[str, int] = {}  # declared name -> first position
    finding_name: list[str | None] = []  # the column name findings use, per position
    repeated: set[str] = set()
    for j, name in enumerate(names):
        col = declared.get(name.casefold()) if name else None
        finding_name.append(col.name if col else (name or None))
        if col is None:
            if not name:
                continue
            kind = identifiers.find_identifier(name)
            if kind:  # a header that is itself an identifier is named by its letter, never repeated
                finding_name[j] = values.column_letter(j)
                out.add(f.make(f"identifier-{kind}", 1, finding_name[j]), j)
            else:
                out.add(f.make("unknown-column", 1, name, name=name, allowed=f.listing(ds.column_names)), j)
        elif col.name in at:
            if col.name not in repeated:  # report a repeated name once
                repeated.add(col.name)
                letters = [values.column_letter(k) for k, h in enumerate(names) if h.casefold() == col.name]
                out.add(f.make("duplicate-column", 1, col.name, letters=f.listing(letters)), j)
        else:
            at[col.name] = j
    for col in ds.columns:
        if col.required and col.name not in at:
            out.add(f.make("missing-column", 1, col.name, why=""), raw.width)

    # -- the cells, per column position
    columns = [_factorize(j, names[j], raw.columns[j]) for j in range(raw.width)]
    n = len(raw)
    keep = np.zeros(n, dtype=bool)  # the non-empty rows
    for column in columns:
        keep |= column.nonempty
    numbers = np.asarray(raw.row_numbers, dtype=np.int64)
    for column in columns:
        j, label = column.position, finding_name[column.position]
        if j >= width:
            for i in np.nonzero(column.nonempty)[0]:
                out.add(f.make("cell-beyond-header", int(numbers[i]), letter=values.column_letter(j), n=width), j)
        elif not column.name and column.nonempty.any():
            first = int(numbers[np.argmax(column.nonempty)])
            out.add(f.make("empty-header", 1, letter=values.column_letter(j), first=first), j)
        if label not in at or at[label] != j:
            _scan_identifiers(column, label, None, keep, numbers, out)

    # -- declared columns: values, required, canonical form
    found: dict[str, _Values] = {}
    for col in ds.columns:
        if col.name not in at:
            continue
        j = at[col.name]
        column = columns[j]
        canon, errors = _check_values(col, column.cleaned, year, region)
        vals = _Values(column.codes, np.empty(len(canon), dtype=object), np.zeros(len(canon), dtype=bool))
        vals.canon[:] = canon
        # A valid date or person key is never an identifier (`05-01-2024 10:30` fits the phone expression).
        safe = vals.canon if col.kind in (d.DATE, d.PERSON) else None
        _scan_identifiers(column, col.name, safe, keep, numbers, out)
        if errors:
            vals.wrong[list(errors)] = True
            for i in _rows_where(vals.wrong, column.codes, keep):
                code, params = errors[column.codes[i]]
                out.add(f.make(code, int(numbers[i]), col.name, **params), j)
        if col.required:
            for i in np.nonzero(vals.missing_rows() & keep)[0]:
                out.add(f.make("required", int(numbers[i]), col.name, why=""), j)
        found[col.name] = vals

    _check_rows(ds, year, found, at, keep, numbers, out)

    findings = out.result()
    table = _table(ds, found, keep, numbers) if not findings else None
    return Validation(ds.name, year, findings, table, int(keep.sum()))


def _scan_identifiers(column: _Column, name, safe, keep, numbers, out: _Collector) -> None:
    """Identifier findings for a column; `safe` (per distinct value) marks values known to be none."""
    texts = column.cleaned
    if safe is not None:
        index = [u for u, x in enumerate(safe) if x is None]
        texts = [texts[u] for u in index]
    found = identifiers.scan(texts)
    if not found:
        return
    kinds = np.full(len(column.cleaned), None, dtype=object)
    for u, kind in found.items():
        kinds[index[u] if safe is not None else u] = kind
    for i in _rows_where(np.not_equal(kinds, NONE), column.codes, keep):
        row = int(numbers[i])
        out.identifier_cells.add((row, name))
        out.add(f.make(f"identifier-{kinds[column.codes[i]]}", row, name), column.position)


def _check_rows(ds, year, found: dict[str, _Values], at, keep, numbers, out: _Collector) -> None:
    """Checks across the cells of a row, and across rows."""
    for col in ds.columns:
        if col.required_if:
            other, wanted = col.required_if
            if other not in found:
                continue
            cond = found[other]
            needs_u = np.fromiter((x in wanted for x in cond.canon), dtype=bool, count=len(cond.canon))
            needs = needs_u[cond.codes] & keep
            why = Both(
                f" (verplicht omdat {other} = {' of '.join(wanted)})",
                f" (required because {other} = {' or '.join(wanted)})",
            )
            if col.name not in at:
                if needs.any():
                    first = int(numbers[np.argmax(needs)])
                    why = Both(f"{why.nl[:-1]}, zoals in rij {first})", f"{why.en[:-1]}, as on row {first})")
                    out.add(f.make("missing-column", 1, col.name, why=why), len(at))
                continue
            for i in np.nonzero(needs & found[col.name].missing_rows())[0]:
                out.add(f.make("required", int(numbers[i]), col.name, why=why), at[col.name])
        if col.not_before and col.name in found and col.not_before in found:
            ends, starts = found[col.name].per_row(), found[col.not_before].per_row()
            for i in _both_present(ends, starts, keep):
                if ends[i] < starts[i]:
                    params = {"value": ends[i], "other": col.not_before, "other_value": starts[i]}
                    out.add(f.make("end-before-start", int(numbers[i]), col.name, **params), at[col.name])
        if col.unique and col.name in found:
            _check_unique(col, found[col.name], keep, numbers, at[col.name], out)
    if ds.no_overlap and all(name in found for name in ds.no_overlap):
        _check_overlap(ds.no_overlap, found, at, keep, numbers, out)
    if ds.running and "startdatum" in found:
        starts = found["startdatum"].per_row()
        if "einddatum" in found:
            ends = found["einddatum"].per_row()
            end_wrong = found["einddatum"].wrong[found["einddatum"].codes]
        else:
            ends, end_wrong = np.full(len(starts), None, dtype=object), np.zeros(len(starts), dtype=bool)
        january, december = f"{year}-01-01", f"{year}-12-31"
        for i in np.nonzero(keep & ~end_wrong)[0]:
            start, end = starts[i], ends[i]
            if start is not None and (start > december or (end is not None and end < january)):
                where = "startdatum" if start > december else "einddatum"
                shown = end if end is not None else Both("leeg", "empty")
                params = {"year": year, "start": start, "end": shown}
                out.add(f.make("not-running-in-year", int(numbers[i]), where, **params), at[where])


def _check_overlap(names: tuple[str, str, str], found: dict[str, _Values], at, keep, numbers, out) -> None:
    """Two rows of one thing (one item lent twice) whose periods share a day: the later row is a finding."""
    thing, start, end = (found[name].per_row() for name in names)
    periods: dict[str, list[tuple[str, str, int]]] = {}
    for i in np.nonzero(keep)[0]:
        if thing[i] is None or start[i] is None or end[i] is None or end[i] < start[i]:
            continue  # already a finding of its own
        for first, last, j in periods.get(thing[i], ()):
            if start[i] <= last and first <= end[i]:
                params = {"value": thing[i], "first": int(numbers[j]), "start": first, "end": last}
                out.add(f.make("overlap", int(numbers[i]), names[1], **params), at[names[1]])
                break
        periods.setdefault(thing[i], []).append((start[i], end[i], int(i)))


def _both_present(a: np.ndarray, b: np.ndarray, keep: np.ndarray) -> np.ndarray:
    return np.nonzero(keep & np.not_equal(a, NONE) & np.not_equal(b, NONE))[0]


def _check_unique(col: d.Column, vals: _Values, keep, numbers, position: int, out: _Collector) -> None:
    # Distinct file values can share a canonical value (`A1` and `A1 `): compare canonical codes.
    codes_u, _ = pd.factorize(vals.canon, use_na_sentinel=True)
    per_row = codes_u[vals.codes] if len(vals.codes) else codes_u[:0]
    live = np.nonzero(keep & (per_row >= 0))[0]
    series = pd.Series(per_row[live], index=live)
    repeated = series.duplicated(keep="first")
    if not repeated.any():
        return
    first = {v: i for i, v in series[~repeated].items()}
    code = "duplicate-id" if col.name == "id" else "duplicate-value"
    rows = vals.per_row()
    for i, v in series[repeated].items():
        params = {"value": show(str(rows[i])), "first": int(numbers[first[v]])}
        out.add(f.make(code, int(numbers[i]), col.name, **params), position)


def _table(ds: d.Dataset, found: dict[str, _Values], keep: np.ndarray, numbers: np.ndarray) -> pd.DataFrame:
    """The accepted rows in canonical form: one column per declared column, in order, and `_row`."""
    count = int(keep.sum())
    data = {}
    for col in ds.columns:
        vals = found[col.name].per_row()[keep] if col.name in found else np.full(count, None, dtype=object)
        if col.kind in (d.INTEGER, d.YEAR):
            data[col.name] = pd.array(list(vals), dtype="Int64")
        else:
            data[col.name] = pd.Series(vals, dtype=object)
    data["_row"] = pd.Series(numbers[keep], dtype="int64")
    return pd.DataFrame(data)
