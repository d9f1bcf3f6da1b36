"""What changed between two versions of a delivery: rows added, removed and changed, and the dataset's
headline figures before and after.

Computed once, when a version is stored (`store_delivery`), and kept on the delivery, so the history
page only reads it. Rows are compared by the delivery's own `id` where the format has one (then a row
with the same id and other values is "changed"); otherwise as a multiset of whole rows (then a changed
row shows as one removed and one added, and `changed` is None).
"""

from __future__ import annotations

from collections import Counter

from zicht.schema.datasets import DATASETS
from zicht.sql import fetch_all, placeholder, record_table


def _rows(conn, vendor: str, dataset: str, delivery_id: int) -> list[tuple]:
    """Every record of one delivery version as a comparable tuple (multi-valued cells as sorted codes)."""
    declared = DATASETS[dataset]
    mark = placeholder(vendor)
    plain = [c.name for c in declared.columns if not c.multi]
    fields = ", ".join("r.ref" if c == "id" else f"r.{c}" for c in plain)
    records = fetch_all(
        conn, f'SELECT r."row", {fields} FROM {record_table(dataset)} r WHERE r.delivery_id = {mark}', (delivery_id,)
    )
    multi = [c.name for c in declared.columns if c.multi]
    codes: dict[str, dict[int, list[str]]] = {}
    for column in multi:
        per_row: dict[int, list[str]] = {}
        sql = f'SELECT "row", code FROM {record_table(dataset, column)} WHERE delivery_id = {mark}'
        for row, code in fetch_all(conn, sql, (delivery_id,)):
            per_row.setdefault(row, []).append(code)
        codes[column] = per_row
    return [
        (
            *(str(v) if v is not None else None for v in values),
            *("|".join(sorted(codes[c].get(row, ()))) for c in multi),
        )
        for row, *values in records
    ]


def describe_changes(conn, vendor: str, dataset: str, previous_id: int | None, new_id: int) -> dict:
    """{"previous_version_id", "rows_added", "rows_removed", "rows_changed", "keyed", "totals_before",
    "totals_after"} for the new version against the previous one (None: a first delivery)."""
    from zicht.indicators import delivery_totals

    new_rows = _rows(conn, vendor, dataset, new_id)
    after = delivery_totals(conn, vendor, dataset, new_id)
    if previous_id is None:
        return {
            "previous_id": None,
            "rows_added": len(new_rows),
            "rows_removed": 0,
            "rows_changed": 0,
            "keyed": _keyed(dataset),
            "totals_before": None,
            "totals_after": after,
        }
    old_rows = _rows(conn, vendor, dataset, previous_id)
    before = delivery_totals(conn, vendor, dataset, previous_id)
    if _keyed(dataset):  # the first plain column is `id`
        old = {r[0]: r[1:] for r in old_rows}
        new = {r[0]: r[1:] for r in new_rows}
        added = len(new.keys() - old.keys())
        removed = len(old.keys() - new.keys())
        changed: int | None = sum(1 for key in new.keys() & old.keys() if new[key] != old[key])
    else:
        old_count, new_count = Counter(old_rows), Counter(new_rows)
        added = sum((new_count - old_count).values())
        removed = sum((old_count - new_count).values())
        changed = None
    return {
        "previous_id": previous_id,
        "rows_added": added,
        "rows_removed": removed,
        "rows_changed": changed,
        "keyed": _keyed(dataset),
        "totals_before": before,
        "totals_after": after,
    }


def _keyed(dataset: str) -> bool:
    columns = [c for c in DATASETS[dataset].columns if not c.multi]
    return bool(columns) and columns[0].name == "id"
