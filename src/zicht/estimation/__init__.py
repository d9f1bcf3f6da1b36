"""Multiple systems estimation: how many victims no list saw (spec/estimation.md).

Pure core: no Django. `estimate(table, ...)` returns the JSON of the spec; `read_table` reads a
capture-history table; `linkage.capture_table` builds one from the year's deliveries.

The names are loaded on first use (PEP 562): SciPy's statistics cost most of a second to import, and a
monitor whose estimate comes from the cache does not need them.
"""

from __future__ import annotations

import importlib

_WHERE = {
    "estimate": "zicht.estimation.run",
    "capture_table": "zicht.estimation.linkage",
    "estimate_year": "zicht.estimation.linkage",
    "CaptureTable": "zicht.estimation.table",
    "TableError": "zicht.estimation.table",
    "make_table": "zicht.estimation.table",
    "read_table": "zicht.estimation.table",
}

__all__ = sorted(_WHERE)


def __getattr__(name: str):
    if name not in _WHERE:
        raise AttributeError(f"module 'zicht.estimation' has no attribute {name!r}")
    value = getattr(importlib.import_module(_WHERE[name]), name)
    globals()[name] = value  # once loaded, a plain attribute
    return value
