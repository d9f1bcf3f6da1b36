"""Multiple systems estimation: how many victims no list saw (spec/estimation.md).

Pure core: no Django. `estimate(table, ...)` returns the JSON of the spec; `read_table` reads a
capture-history table; `linkage.capture_table` builds one from the year's deliveries.

The names are loaded on first use (PEP 562): SciPy's statistics cost most of a second to import, and a
monitor whose estimate comes from the cache does not need them.
"""

from __future__ import annotations

import importlib
import importlib.util
import sys


def _defer(name: str) -> None:
    """Make module `name` load on its first use rather than now (`importlib.util.LazyLoader`).

    SciPy's array-API layer copies every attribute of `numpy` when `scipy.special` is first imported,
    and so imports `numpy.f2py` and `numpy.testing`, which nothing here uses: 0.2-0.3 s of a command that
    should take half a second (issue 10). Deferred, they still load the moment anyone uses them."""
    parent_name, _, child = name.rpartition(".")
    parent = sys.modules.get(parent_name)
    if name in sys.modules or parent is None or child in vars(parent):
        return
    spec = importlib.util.find_spec(name)
    if spec is None or spec.loader is None:
        return
    spec.loader = importlib.util.LazyLoader(spec.loader)
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    setattr(parent, child, module)  # else numpy's own __getattr__ would import it again


import numpy  # noqa: E402, F401 - first, so that its slow submodules can be deferred

for _name in ("numpy.f2py", "numpy.testing"):
    _defer(_name)

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
