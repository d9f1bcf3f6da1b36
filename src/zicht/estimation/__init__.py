"""Multiple systems estimation: how many victims no list saw (spec/estimation.md).

Pure core: no Django. `estimate(table, ...)` returns the JSON of the spec; `read_table` reads a
capture-history table; `linkage.capture_table` builds one from the year's deliveries.
"""

from zicht.estimation.estimate import estimate
from zicht.estimation.linkage import capture_table, estimate_year
from zicht.estimation.table import CaptureTable, TableError, make_table, read_table

__all__ = ["CaptureTable", "TableError", "capture_table", "estimate", "estimate_year", "make_table", "read_table"]
