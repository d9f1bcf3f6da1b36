"""Indicators: every figure of the monitor, computed from the records by one written counting rule.

`compute(conn, vendor, region, year)` returns the JSON of spec/indicators.md. It takes a plain DB-API
connection (sqlite3 or psycopg) and never imports Django.
"""

from zicht.indicators.compute import compute, delivered_datasets, delivery_totals, indicator_total, indicator_values
from zicht.indicators.registry import DIMENSIONS, REGISTRY, Indicator, dimension
from zicht.indicators.wording import change_entry, wording

__all__ = [
    "compute",
    "delivered_datasets",
    "delivery_totals",
    "indicator_total",
    "indicator_values",
    "DIMENSIONS",
    "REGISTRY",
    "Indicator",
    "dimension",
    "change_entry",
    "wording",
]
