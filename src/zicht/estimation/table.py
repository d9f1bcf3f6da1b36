"""The capture-history table: which lists, which histories, how many people with each.

Read from a CSV/XLSX file (one 0/1 column per list and a column `count` or `aantal`), or built from
linked records (`linkage.capture_table`). Repeated histories are summed; an all-zero history is
refused; a list with nobody on it is left out.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from zicht.estimation import design as dz

COUNT_COLUMNS = ("count", "aantal")


class TableError(ValueError):
    """A table that cannot be used; `str()` is Dutch, `.english` English."""

    def __init__(self, message_nl: str, message_en: str):
        super().__init__(message_nl)
        self.english = message_en


@dataclass(frozen=True)
class CaptureTable:
    lists: tuple[str, ...]
    histories: tuple[tuple[int, ...], ...]  # distinct, each with at least one 1
    counts: tuple[int, ...]

    @property
    def t(self) -> int:
        return len(self.lists)

    @property
    def observed(self) -> int:
        return int(sum(self.counts))

    def cell_counts(self) -> np.ndarray:
        """Counts over the 2^t - 1 cells (row c - 1 for cell code c)."""
        y = np.zeros(2**self.t - 1)
        for h, c in zip(self.histories, self.counts, strict=True):
            y[dz.cell_of(h) - 1] += c
        return y

    def observed_cells(self) -> tuple[np.ndarray, np.ndarray]:
        """(cell rows, counts) of the histories with a count above zero, in table order (the bootstrap
        draws over them in this order, as R's rmultinom over the rows of the data)."""
        kept = [(dz.cell_of(h) - 1, c) for h, c in zip(self.histories, self.counts, strict=True) if c > 0]
        return np.array([r for r, _ in kept], dtype=np.int64), np.array([c for _, c in kept], dtype=float)

    def canonical(self) -> dict:
        rows = sorted((list(h), c) for h, c in zip(self.histories, self.counts, strict=True) if c > 0)
        return {"lists": list(self.lists), "table": [{"history": h, "count": c} for h, c in rows]}

    def sha256(self) -> str:
        text = json.dumps(self.canonical(), sort_keys=True, separators=(",", ":"), ensure_ascii=False)
        return hashlib.sha256(text.encode("utf-8")).hexdigest()


def make_table(lists: list[str], rows: list[tuple[tuple[int, ...], int]], keep_order: bool = False) -> CaptureTable:
    """Sum repeated histories, refuse the all-zero history, drop lists with nobody on them. Histories
    are sorted by cell code, or with `keep_order` kept in order of first appearance (a table file:
    the bootstrap then draws over the rows as R does over the same file)."""
    t = len(lists)
    sums: dict[tuple[int, ...], int] = {}
    for h, c in rows:
        h = tuple(int(v) for v in h)
        if len(h) != t:
            raise TableError("Een rij heeft niet evenveel waarden als er lijsten zijn.", "A row has the wrong length.")
        if c < 0:
            raise TableError("Een aantal is negatief.", "A count is negative.")
        if not any(h):
            if c > 0:
                raise TableError(
                    "De tabel bevat een rij met op geen enkele lijst (alle nullen) en een aantal; die mensen kent "
                    "niemand, dat is juist wat geschat wordt. Laat die rij weg.",
                    "The table has a row on no list (all zeros) with a count; nobody knows those people, that is "
                    "what is estimated. Leave the row out.",
                )
            continue
        sums[h] = sums.get(h, 0) + int(c)
    keep = [i for i in range(t) if any(c > 0 and h[i] for h, c in sums.items())]
    merged: dict[tuple[int, ...], int] = {}
    for h, c in sums.items():
        if c == 0:
            continue
        hk = tuple(h[i] for i in keep)
        if any(hk):
            merged[hk] = merged.get(hk, 0) + c
    items = list(merged.items()) if keep_order else sorted(merged.items(), key=lambda kv: dz.cell_of(kv[0]))
    return CaptureTable(tuple(lists[i] for i in keep), tuple(h for h, _ in items), tuple(c for _, c in items))


def _read_raw(path: Path) -> tuple[list[str], list[list[str]], list[int]]:
    """The file by the delivery-format file rules (encodings, delimiter, XLSX): header, rows of strings,
    Excel row numbers. (No pandas: a small table should not pay for importing it.)"""
    from zicht.schema.reading import ReadError
    from zicht.schema.reading import read_table as read_file

    try:
        raw = read_file(path)
    except ReadError as refused:
        raise TableError(refused.finding.message_nl, refused.finding.message_en) from None
    width = len(raw.header)
    if raw.width > width:
        raise TableError(
            "Er staan waarden buiten de kolommen met een naam.", "There are values beyond the named columns."
        )
    rows = [[str(raw.columns[i][k]) for i in range(width)] for k in range(len(raw))]
    return list(raw.header), rows, list(raw.row_numbers)


def _int(text: str, what_nl: str, what_en: str, line: int) -> int:
    s = str(text).strip()
    if s.endswith(".0"):
        s = s[:-2]
    if not s.lstrip("-").isdigit():
        raise TableError(
            f"Rij {line}: {what_nl} {text!r} is geen geheel getal.",
            f"Row {line}: {what_en} {text!r} is not a whole number.",
        )
    return int(s)


def read_table(path: str | Path) -> CaptureTable:
    path = Path(path)
    if not path.exists():
        raise TableError(f"Het bestand {path} bestaat niet.", f"The file {path} does not exist.")
    header, table_rows, row_numbers = _read_raw(path)
    names = [str(c).strip() for c in header]
    lower = [n.lower() for n in names]
    count_cols = [i for i, n in enumerate(lower) if n in COUNT_COLUMNS]
    if len(count_cols) != 1:
        raise TableError(
            "De tabel heeft precies één kolom `count` (of `aantal`) nodig met het aantal mensen per combinatie.",
            "The table needs exactly one column `count` (or `aantal`) with the number of people per history.",
        )
    list_cols = [i for i in range(len(names)) if i != count_cols[0]]
    if any(not names[i] or names[i].lower().startswith("unnamed") for i in list_cols):
        raise TableError("Een kolom heeft geen naam.", "A column has no name.")
    if len(set(lower)) != len(lower):
        raise TableError("Een kolomnaam komt twee keer voor.", "A column name occurs twice.")
    rows = []
    for k, values in zip(row_numbers, table_rows):
        cells = [str(v).strip() for v in values]
        if not any(cells):
            continue
        h = []
        for i in list_cols:
            v = _int(cells[i], f"kolom {names[i]}: de waarde", f"column {names[i]}: the value", k)
            if v not in (0, 1):
                raise TableError(
                    f"Rij {k}, kolom {names[i]}: alleen 0 of 1 is toegestaan, niet {cells[i]!r}.",
                    f"Row {k}, column {names[i]}: only 0 or 1 is allowed, not {cells[i]!r}.",
                )
            h.append(v)
        c = _int(cells[count_cols[0]], "het aantal", "the count", k)
        if c < 0:
            raise TableError(f"Rij {k}: het aantal is negatief.", f"Row {k}: the count is negative.")
        if not any(h) and c > 0:
            raise TableError(
                f"Rij {k} staat op geen enkele lijst (alle nullen); die mensen zijn juist wat geschat wordt. "
                "Laat die rij weg.",
                f"Row {k} is on no list (all zeros); those people are what is estimated. Leave the row out.",
            )
        rows.append((tuple(h), c))
    return make_table([names[i] for i in list_cols], rows, keep_order=True)
