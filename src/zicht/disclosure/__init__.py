"""The one gate every public table passes (spec/indicators.md, "Disclosure control (`--public`)").

- `suppress_indicators(result, region)`: the indicators' JSON made public.
- `suppress_table(rows, group_spec, k)`: a 2-D table with published row and column totals.
- `suppress_cells(values, groups, k)`: the rule itself, on plain cells and groups.
- `format_value(entry, k)`: how the report and dashboard show a value (`<5` when suppressed).
- `check_public(result, region)`: what is wrong with a dict that claims to be public (for tests that walk
  every public output).

Pure: no Django. See docs/disclosure.md for the policy, a worked example and the known limits.
"""

from __future__ import annotations

import copy
import logging
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, cast

if TYPE_CHECKING:
    from zicht.contracts import Indicators

from zicht.disclosure.core import (
    DisclosureError,
    Suppression,
    TableSpec,
    TableSuppression,
    recoverable_cells,
    suppress_cells,
    suppress_table,
)

__all__ = [
    "DisclosureError",
    "Suppression",
    "TableSpec",
    "TableSuppression",
    "check_public",
    "format_value",
    "recoverable_cells",
    "sensitive_groups",
    "suppress_cells",
    "suppress_indicators",
    "suppress_indicators_audited",
    "suppress_table",
]

log = logging.getLogger("zicht.disclosure")


def sensitive_groups(result: Mapping[str, Any], region: Any) -> dict[str, list[int]]:
    """Per sensitive indicator, the positions in `result["values"]` of its sensitive cells, in the region's
    municipality order (the order ties go by). Each list is one group: its sum is `herkomst = regio`.

    Refuses (DisclosureError) an indicator of a sensitive dataset whose values cross `gemeente` with
    another dimension: the policy does not say how to protect such a table, so nothing is published.
    """
    names = set(region.sensitive_gemeente_datasets)
    others = [m for m in region.municipality_names if m != region.central]
    rank = {m: n for n, m in enumerate(others)}
    groups: dict[str, list[int]] = {}
    for pos, entry in enumerate(result.get("values", ())):
        name = entry["indicator"]
        dims = entry.get("dimensions") or {}
        if name not in names or "gemeente" not in dims:
            continue
        if len(dims) != 1:
            raise DisclosureError(
                f"{name}: breakdown {sorted(dims)} crosses gemeente with another dimension; "
                "the disclosure policy does not cover it"
            )
        if dims["gemeente"] in rank:
            groups.setdefault(name, []).append(pos)
    values = result["values"]
    for positions in groups.values():
        positions.sort(key=lambda p: rank[values[p]["dimensions"]["gemeente"]])
    return groups


def suppress_indicators_audited(result: Mapping[str, Any], region: Any) -> tuple[dict, dict]:
    """`suppress_indicators` plus its audit record (counts only; for logs, never for the public output).

    The record: {"k", "primary", "secondary", "indicators": {name: Suppression.summary()}}.
    """
    if result.get("public"):
        problems = check_public(result, region)
        if problems:
            raise DisclosureError("marked public but not safe: " + "; ".join(problems))
        return copy.deepcopy(dict(result)), {"k": region.disclosure_k, "primary": 0, "secondary": 0, "indicators": {}}
    k = region.disclosure_k
    out = copy.deepcopy(dict(result))
    values = out.get("values", [])
    audit: dict[str, Any] = {"k": k, "primary": 0, "secondary": 0, "indicators": {}}
    for name, positions in sorted(sensitive_groups(out, region).items()):
        counts = [values[p]["value"] for p in positions]
        if any(v is None for v in counts):
            raise DisclosureError(f"{name}: a sensitive cell has no value")
        decision = suppress_cells(counts, [list(range(len(positions)))], k)
        if decision.exposed_groups:
            # The only sensitive cell equals the published herkomst = regio: hiding the cell alone would
            # not protect it, and hiding that figure too is not the policy. Refuse rather than leak.
            raise DisclosureError(
                f"{name}: the region has one sensitive municipality, whose small count equals the published "
                "herkomst = regio; cell suppression cannot protect it (see docs/disclosure.md)"
            )
        for n in sorted(decision.suppressed):
            entry = values[positions[n]]
            values[positions[n]] = {
                "indicator": entry["indicator"],
                "dimensions": entry["dimensions"],
                "value": None,
                "suppressed": True,
            }
        audit["indicators"][name] = decision.summary()
        audit["primary"] += len(decision.primary)
        audit["secondary"] += len(decision.secondary)
    out["public"] = True
    return out, audit


def suppress_indicators(result: Indicators, region: Any) -> Indicators:
    """The output of `zicht.indicators.compute` made public: a new dict, the input untouched.

    For each indicator named in `region.sensitive_gemeente_datasets`, the cells `{"gemeente": X}` for X a
    municipality of the region other than the central one are one group (their sum is the published
    `herkomst = regio`); suppressed cells become `{"indicator", "dimensions", "value": None, "suppressed":
    True}`. Everything else, `changes` included, is unchanged. The result carries `"public": True`. The
    audit counts are logged on the `zicht.disclosure` logger (use `suppress_indicators_audited` to get them).
    """
    out, audit = suppress_indicators_audited(result, region)
    log.info(
        "disclosure %s %s: k=%s, %s primary, %s secondary suppressed",
        result.get("region"),
        result.get("year"),
        audit["k"],
        audit["primary"],
        audit["secondary"],
    )
    return cast("Indicators", out)


def check_public(result: Mapping[str, Any], region: Any) -> list[str]:
    """What is unsafe in a dict that is about to be shown publicly (empty list: nothing found).

    Checks the mark `public`, that no sensitive cell shows a value from 1 to k-1, that no group has exactly
    one suppressed cell, and that `suppressed` appears only on null values.
    """
    problems = []
    if not result.get("public"):
        problems.append("not marked public (did it pass suppress_indicators?)")
    k = region.disclosure_k
    values = result.get("values", [])
    for entry in values:
        if "suppressed" in entry and not (entry["suppressed"] is True and entry.get("value") is None):
            problems.append(f"{entry['indicator']} {entry['dimensions']}: `suppressed` on a published value")
    try:
        groups = sensitive_groups(result, region)
    except DisclosureError as refused:
        return [*problems, str(refused)]
    for name, positions in groups.items():
        hidden = 0
        for p in positions:
            value = values[p].get("value")
            if value is None:
                hidden += 1
            elif 1 <= value < k:
                problems.append(f"{name} {values[p]['dimensions']}: {value} is below k = {k}")
        if hidden == 1:
            problems.append(f"{name}: exactly one gemeente cell suppressed; herkomst = regio gives it away")
    return problems


def format_value(entry: Mapping[str, Any] | int | None, k: int) -> str:
    """How a value is shown: `<k` when suppressed, the number otherwise, `–` when there is none.

    `entry` is a value entry of the indicators' JSON or a bare number (None: suppressed, in a table from
    `suppress_table`). A bare None is taken as suppressed, because that is what `suppress_table` gives.
    """
    if isinstance(entry, Mapping):
        if entry.get("suppressed"):
            return f"<{k}"
        value = entry.get("value")
        return "–" if value is None else str(value)
    return f"<{k}" if entry is None else str(entry)
