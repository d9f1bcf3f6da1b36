"""Cell suppression on plain data: the rule of spec/indicators.md ("Disclosure control").

A *cell* is a sensitive count; a *group* is the list of cells whose sum is published (as a total or by
differencing published figures). Primary suppression hides every cell from 1 to k-1; secondary
suppression makes sure no group is left with exactly one hidden cell, because that cell would then be
the published sum minus the published cells.

On top of the spec's rule, `protect_combinations` (on by default) also removes exact disclosure by
*combining* groups (in a 2-D table the sum of two rows minus two columns can isolate one cell). It never
adds a cell when every group is disjoint from the others, so for the indicators' single group it changes
nothing. See docs/disclosure.md.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

import numpy as np


class DisclosureError(ValueError):
    """The input cannot be published safely by cell suppression (or is not valid input)."""


@dataclass(frozen=True)
class Suppression:
    """Which cells to hide, and why. Indices refer to the `values` given to `suppress_cells`."""

    k: int
    cells: int
    primary: frozenset[int]
    secondary: frozenset[int]
    # Groups of one cell whose cell is hidden: their published figure equals the cell, so the caller must
    # hide that figure too (cell suppression alone cannot protect it).
    exposed_groups: tuple[int, ...] = ()
    # Hidden cells whose value still follows exactly from the published figures (a linear combination of
    # groups). Empty unless a group is exposed or no extra cell could help.
    recoverable: frozenset[int] = frozenset()

    @property
    def suppressed(self) -> frozenset[int]:
        return self.primary | self.secondary

    def summary(self) -> dict:
        """Counts for an audit log (no values, no positions)."""
        return {
            "k": self.k,
            "cells": self.cells,
            "primary": len(self.primary),
            "secondary": len(self.secondary),
            "exposed_groups": len(self.exposed_groups),
            "recoverable": len(self.recoverable),
        }


def _check_input(values: Sequence[int], groups: Sequence[Sequence[int]], k: int) -> list[list[int]]:
    if isinstance(k, bool) or not isinstance(k, int) or k < 1:
        raise DisclosureError(f"threshold k must be a positive integer, not {k!r}")
    for i, v in enumerate(values):
        if isinstance(v, bool) or not isinstance(v, (int, np.integer)) or v < 0:
            raise DisclosureError(f"cell {i}: a count must be a non-negative integer, not {v!r}")
    cleaned = []
    for g, group in enumerate(groups):
        seen: list[int] = []
        for i in group:
            if not 0 <= i < len(values):
                raise DisclosureError(f"group {g}: cell index {i} out of range")
            if i not in seen:  # a repeated index is the same cell
                seen.append(i)
        cleaned.append(seen)
    return cleaned


def _close(values: Sequence[int], groups: list[list[int]], hidden: set[int]) -> list[int]:
    """The spec's secondary rule, applied in place; returns the cells it added, in order.

    While some group (taken in the given order) has exactly one hidden cell and a visible one, hide its
    smallest visible cell (zeros included; `min` keeps the first of equals: ties to the first).
    """
    added: list[int] = []
    while True:
        for group in groups:
            visible = [i for i in group if i not in hidden]
            if len(group) - len(visible) == 1 and visible:
                pick = min(visible, key=lambda i: values[i])
                hidden.add(pick)
                added.append(pick)
                break
        else:
            return added


def recoverable_cells(groups: Sequence[Sequence[int]], hidden: Iterable[int]) -> frozenset[int]:
    """Hidden cells whose value is fixed by the published group sums alone (ignoring bounds).

    The published sums give A·x = b over the hidden cells x (A: groups × hidden cells, 0/1). A cell is
    fixed iff every solution of A·x = 0 has a zero in its place, i.e. its row in the null space is zero.
    """
    order = sorted(set(hidden))
    if not order:
        return frozenset()
    column = {cell: j for j, cell in enumerate(order)}
    rows = []
    for group in groups:
        row = np.zeros(len(order))
        for i in group:
            if i in column:
                row[column[i]] = 1.0
        if row.any():
            rows.append(row)
    if not rows:
        return frozenset()
    from scipy.linalg import null_space  # only for overlapping groups; keeps `--public` start-up light

    basis = null_space(np.array(rows))
    if basis.size == 0:
        return frozenset(order)
    free = np.linalg.norm(basis, axis=1) > 1e-9
    return frozenset(cell for cell, f in zip(order, free, strict=True) if not f)


def suppress_cells(
    values: Sequence[int],
    groups: Sequence[Sequence[int]],
    k: int,
    *,
    protect_combinations: bool = True,
) -> Suppression:
    """Decide which sensitive cells to hide.

    `values`: the sensitive counts (all of them are sensitive; leave published-anyway cells out).
    `groups`: each a list of indices into `values` whose sum is published; order matters only for ties.
    `k`: the threshold; values 1..k-1 are hidden (primary), zeros and values >= k are not.
    Deterministic: the same input gives the same output.
    """
    groups_ = _check_input(values, groups, k)
    primary = {i for i, v in enumerate(values) if 1 <= v < k}
    hidden = set(primary)
    _close(values, groups_, hidden)
    if protect_combinations:
        _protect_combinations(values, groups_, hidden)
    exposed = tuple(g for g, group in enumerate(groups_) if len(group) == 1 and group[0] in hidden)
    return Suppression(
        k=k,
        cells=len(values),
        primary=frozenset(primary),
        secondary=frozenset(hidden - primary),
        exposed_groups=exposed,
        recoverable=recoverable_cells(groups_, hidden),
    )


def _protect_combinations(values: Sequence[int], groups: list[list[int]], hidden: set[int]) -> None:
    """Hide more cells while a hidden cell is fixed by a combination of groups (in place).

    For the first fixed cell, try the visible cells smallest first (ties to the first index) and take the
    first whose addition, closed under the spec's rule, frees it. One-cell groups are left out: their cell
    cannot be protected by hiding other cells (the caller hides the figure instead). A cell that no single
    candidate frees stays in `recoverable` for the caller; in fully sensitive tables of 2 x 2 and more that
    has not happened in thousands of random tests.
    """
    wider = [g for g in groups if len(g) > 1]
    candidates = sorted({i for g in wider for i in g}, key=lambda i: (values[i], i))
    given_up: set[int] = set()
    while True:
        fixed = sorted(recoverable_cells(wider, hidden) - given_up)
        if not fixed:
            return
        target = fixed[0]
        for cell in candidates:
            if cell in hidden:
                continue
            trial = hidden | {cell}
            _close(values, wider, trial)
            if target not in recoverable_cells(wider, trial):
                hidden |= trial
                break
        else:
            given_up.add(target)


@dataclass(frozen=True)
class TableSpec:
    """How a 2-D table is published. `sensitive[r][c]` marks the sensitive cells (None: all of them);
    `row_totals` / `column_totals`: whether each row's / column's total is published."""

    sensitive: Sequence[Sequence[bool]] | None = None
    row_totals: bool = True
    column_totals: bool = True


@dataclass(frozen=True)
class TableSuppression:
    """The table with hidden cells as None, and the record of what was hidden (cells as (row, column))."""

    values: tuple[tuple[int | None, ...], ...]
    primary: frozenset[tuple[int, int]]
    secondary: frozenset[tuple[int, int]]
    row_totals_to_suppress: tuple[int, ...]
    column_totals_to_suppress: tuple[int, ...]
    recoverable: frozenset[tuple[int, int]]
    k: int

    @property
    def suppressed(self) -> frozenset[tuple[int, int]]:
        return self.primary | self.secondary

    def summary(self) -> dict:
        return {
            "k": self.k,
            "cells": sum(len(r) for r in self.values),
            "primary": len(self.primary),
            "secondary": len(self.secondary),
            "totals_to_suppress": len(self.row_totals_to_suppress) + len(self.column_totals_to_suppress),
            "recoverable": len(self.recoverable),
        }


def suppress_table(
    rows: Sequence[Sequence[int]],
    group_spec: TableSpec | None = None,
    k: int = 5,
    *,
    protect_combinations: bool = True,
) -> TableSuppression:
    """Suppress a rows × columns table whose row and column totals are published.

    Every row and every column of sensitive cells is a group (the non-sensitive cells are published, so
    the total minus them is the sum of the sensitive ones). Ties go to the first cell in row-major order.
    A row or column with a single sensitive cell that gets hidden is listed in `*_totals_to_suppress`.
    """
    spec = group_spec or TableSpec()
    width = len(rows[0]) if rows else 0
    if any(len(r) != width for r in rows):
        raise DisclosureError("table rows must all have the same length")
    if spec.sensitive is not None and (
        len(spec.sensitive) != len(rows) or any(len(s) != width for s in spec.sensitive)
    ):
        raise DisclosureError("the sensitivity mask must have the shape of the table")
    positions = [
        (r, c) for r in range(len(rows)) for c in range(width) if spec.sensitive is None or spec.sensitive[r][c]
    ]
    index = {pos: i for i, pos in enumerate(positions)}
    groups: list[list[int]] = []
    kinds: list[tuple[str, int]] = []
    if spec.row_totals:
        for r in range(len(rows)):
            groups.append([index[(r, c)] for c in range(width) if (r, c) in index])
            kinds.append(("row", r))
    if spec.column_totals:
        for c in range(width):
            groups.append([index[(r, c)] for r in range(len(rows)) if (r, c) in index])
            kinds.append(("column", c))
    result = suppress_cells([rows[r][c] for r, c in positions], groups, k, protect_combinations=protect_combinations)
    hidden = {positions[i] for i in result.suppressed}
    exposed = [kinds[g] for g in result.exposed_groups]
    return TableSuppression(
        values=tuple(tuple(None if (r, c) in hidden else rows[r][c] for c in range(width)) for r in range(len(rows))),
        primary=frozenset(positions[i] for i in result.primary),
        secondary=frozenset(positions[i] for i in result.secondary),
        row_totals_to_suppress=tuple(n for kind, n in exposed if kind == "row"),
        column_totals_to_suppress=tuple(n for kind, n in exposed if kind == "column"),
        recoverable=frozenset(positions[i] for i in result.recoverable),
        k=k,
    )
