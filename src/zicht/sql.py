"""The little SQL the pure core shares: table names of the stored datasets and the two dialects.

The core counts over a plain DB-API connection (sqlite3 or psycopg) and a vendor name, `sqlite` or
`postgresql` (Django's names), so it never imports Django.
"""

from __future__ import annotations


def record_table(dataset: str, column: str | None = None) -> str:
    """The table of a dataset's records, or of one of its multi-valued columns (`zicht_meldingen_kenmerken`)."""
    base = "zicht_" + dataset.replace("-", "_")
    return base if column is None else f"{base}_{column}"


def placeholder(vendor: str) -> str:
    return "?" if vendor == "sqlite" else "%s"


def year_of(expr: str, vendor: str) -> str:
    """The calendar year of a DATE column (stored as ISO text on SQLite)."""
    if vendor == "sqlite":
        return f"CAST(substr({expr}, 1, 4) AS INTEGER)"
    return f"CAST(EXTRACT(YEAR FROM {expr}) AS INTEGER)"


def fetch_all(conn, sql: str, params) -> list[tuple]:
    cursor = conn.cursor()
    try:
        cursor.execute(sql, params)
        return list(cursor.fetchall())
    finally:
        cursor.close()
