"""Read access to one year's indicator JSON (`spec/indicators.md`), matching on (indicator, dimensions).

`None` from `get` means the indicator was not delivered; a suppressed cell is a `Cell` with
`suppressed=True` and `value=None`, so it can never be mistaken for a number or a zero.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class Cell:
    value: int | None
    suppressed: bool = False

    def number(self) -> int:
        """The value for arithmetic; a suppressed cell must not be summed or drawn, so this refuses."""
        if self.suppressed or self.value is None:
            raise ValueError("a suppressed value has no number")
        return self.value


class Values:
    """One year's indicator values, looked up by name and dimensions."""

    def __init__(self, result: Mapping[str, Any] | None):
        self.result = result or {"values": [], "changes": []}
        self.year = self.result.get("year")
        self._cells: dict[tuple, Cell] = {}
        self._present: set[str] = set()
        for v in self.result.get("values", ()):
            key = (v["indicator"], tuple(sorted(v["dimensions"].items())))
            self._cells[key] = Cell(v.get("value"), bool(v.get("suppressed", False)))
            self._present.add(v["indicator"])
        self._changes = {ch["indicator"]: ch for ch in self.result.get("changes", ())}

    def present(self, indicator: str) -> bool:
        return indicator in self._present

    def cell(self, indicator: str, **dims: str) -> Cell | None:
        """The cell, or None when the indicator is absent (not delivered) or the cell is not published."""
        return self._cells.get((indicator, tuple(sorted(dims.items()))))

    def get(self, indicator: str, **dims: str) -> int | None:
        """The value as a number; None when not delivered. Raises on a suppressed cell, and on a cell the
        indicator does not have (a misspelt dimension must not print as 0)."""
        if not self.present(indicator):
            return None
        cell = self.cell(indicator, **dims)
        if cell is None:
            raise KeyError(f"{indicator} has no cell {dims}")
        return cell.number()

    def total(self, indicator: str) -> int | None:
        return self.get(indicator)

    def change(self, indicator: str) -> dict | None:
        return self._changes.get(indicator)

    def dimension_values(self, indicator: str, dims: tuple[str, ...]) -> list[tuple[str, ...]]:
        """The published combinations of a breakdown, in the order the JSON lists them."""
        out = []
        for v in self.result.get("values", ()):
            if v["indicator"] == indicator and tuple(sorted(v["dimensions"])) == tuple(sorted(dims)):
                out.append(tuple(v["dimensions"][d] for d in dims))
        return out

    def breakdown(self, indicator: str, *dims: str) -> list[tuple[tuple[str, ...], Cell]]:
        """Every published cell of a breakdown with its key, in JSON order."""
        # `dimension_values` lists published cells only, so each is there (`cell` would say None if not).
        return [
            (combo, self._cells[(indicator, tuple(sorted(zip(dims, combo, strict=True))))])
            for combo in self.dimension_values(indicator, dims)
        ]
