"""Helpers for tests (importable as `helpers`: tests/ is on pytest's pythonpath)."""

from __future__ import annotations

from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"


def make_table(dataset: str, rows: list[dict]):
    """A validated-looking table (canonical values) for storing without a file."""
    import pandas as pd

    from zicht.schema.datasets import DATASETS

    columns = DATASETS[dataset].column_names
    frame = pd.DataFrame([{c: r.get(c) for c in columns} for r in rows], columns=list(columns), dtype=object)
    frame["_row"] = range(2, len(rows) + 2)
    return frame


def value_of(result: dict, indicator: str, **dimensions):
    """The value of one cell of an indicators result (KeyError when absent)."""
    for v in result["values"]:
        if v["indicator"] == indicator and v["dimensions"] == dimensions:
            return v["value"]
    raise KeyError((indicator, dimensions))
