"""Computing the indicators of a year, in the database.

For each indicator one `GROUP BY` query per set of joined multi-valued columns counts the records at
the finest grain its breakdowns need (e.g. meldingen by gemeente, soort, vorm and leeftijdsgroep);
every breakdown is then summed from that small table. So a million records are scanned a few times,
not once per breakdown, and no Python loop ever touches a record.
"""

from __future__ import annotations

import itertools
from typing import TYPE_CHECKING, cast

import pandas as pd

from zicht.indicators.registry import REGISTRY, Context, Indicator, dimension
from zicht.indicators.wording import change_entry
from zicht.region import Region
from zicht.sql import fetch_all, placeholder, record_table, year_of

if TYPE_CHECKING:
    from zicht.contracts import Indicators


def _field_sql(field: str, vendor: str) -> str:
    """The SQL of a grain field: a record column, the delivering partner, a start year or a joined code."""
    if field == "aanleverder":
        return "d.partner"
    if field == "startjaar":
        return year_of("r.startdatum", vendor)
    if field.startswith("j_"):
        return f"{field}.code"
    return "r.ref" if field == "id" else f"r.{field}"


def _grain(
    conn,
    vendor: str,
    indicator: Indicator,
    year: int,
    fields: tuple[str, ...],
    joins: tuple[str, ...],
    delivery_id: int | None = None,
):
    """Counts (or sums) of the indicator's units grouped by `fields`, as a DataFrame with column `n`.

    Over the current deliveries of `year`, or over the one delivery version `delivery_id`."""
    table = record_table(indicator.dataset)
    selected = [f"{_field_sql(f, vendor)} AS {_alias(f)}" for f in fields]
    measure = "COUNT(*)" if indicator.measure == "count" else f"SUM(r.{indicator.measure})"
    join_sql = "".join(
        f' JOIN {table}_{j} j_{j} ON j_{j}.delivery_id = r.delivery_id AND j_{j}."row" = r."row"' for j in joins
    )
    mark = placeholder(vendor)
    sql = (
        f"SELECT {', '.join([*selected, f'{measure} AS n'])} "
        f"FROM {table} r JOIN zicht_delivery d ON d.id = r.delivery_id{join_sql} "
    )
    if delivery_id is None:
        sql += f"WHERE d.dataset = {mark} AND d.year = {mark} AND d.is_current = {mark}"
        params: tuple = (indicator.dataset, year, True)
    else:
        sql += f"WHERE d.dataset = {mark} AND d.id = {mark}"
        params = (indicator.dataset, delivery_id)
    if fields:
        sql += " GROUP BY " + ", ".join(_field_sql(f, vendor) for f in fields)
    rows = fetch_all(conn, sql, params)
    frame = pd.DataFrame(rows, columns=[*(_alias(f) for f in fields), "n"], dtype=object)
    frame["n"] = pd.to_numeric(frame["n"]).fillna(0).astype("int64")
    return frame


def _alias(field: str) -> str:
    return field[2:] if field.startswith("j_") else field


def delivered_datasets(conn, vendor: str, year: int) -> set[str]:
    mark = placeholder(vendor)
    sql = f"SELECT DISTINCT dataset FROM zicht_delivery WHERE year = {mark} AND is_current = {mark}"
    return {row[0] for row in fetch_all(conn, sql, (year, True))}


def _joins_for(indicator: Indicator, dims) -> tuple[str, ...]:
    return tuple(dict.fromkeys([*indicator.unit, *(d.multi for d in dims if d.multi)]))


def _fields_for(dims, joins: tuple[str, ...]) -> tuple[str, ...]:
    fields = []
    for d in dims:
        for need in d.needs:
            name = f"j_{need}" if need in joins else need
            if name not in fields:
                fields.append(name)
    return tuple(fields)


def _total(frame: pd.DataFrame, indicator: Indicator) -> int:
    if indicator.measure == "aantal" and "vorm" in frame and (frame["vorm"] == "totaal").any():
        # The published national total is kept as delivered, even when the forms do not add up to it.
        return int(frame.loc[frame["vorm"] == "totaal", "n"].sum())
    return int(frame["n"].sum())


def indicator_values(conn, vendor: str, region: Region, year: int, indicator: Indicator) -> list[dict]:
    """The total and every breakdown cell (the full Cartesian product, zeros included) of one indicator."""
    ctx = Context(region, year, indicator.dataset)
    groups: dict[tuple[str, ...], list[tuple]] = {}
    for breakdown in indicator.breakdowns:
        dims = [dimension(indicator.dataset, name) for name in breakdown]
        groups.setdefault(_joins_for(indicator, dims), []).append((breakdown, dims))
    groups.setdefault(tuple(indicator.unit), [])

    values: list[dict] = []
    for joins, breakdowns in groups.items():
        all_dims = [d for _, dims in breakdowns for d in dims]
        if indicator.measure == "aantal":
            all_dims.append(dimension(indicator.dataset, "vorm"))
        grain = _grain(conn, vendor, indicator, year, _fields_for(all_dims, joins), joins)
        if joins == tuple(indicator.unit):
            values.append({"indicator": indicator.name, "dimensions": {}, "value": _total(grain, indicator)})
        for breakdown, dims in breakdowns:
            values.extend(_cells(indicator, breakdown, dims, grain, ctx))
    return values


def _cells(indicator: Indicator, breakdown, dims, grain: pd.DataFrame, ctx: Context) -> list[dict]:
    keyed = pd.DataFrame({name: d.series(grain, ctx) for name, d in zip(breakdown, dims)}, index=grain.index)
    keyed["n"] = grain["n"]
    counts = keyed.dropna().groupby(list(breakdown))["n"].sum().to_dict() if len(keyed) else {}
    cells = []
    for combination in itertools.product(*(d.values(ctx, grain) for d in dims)):
        key = combination if len(combination) > 1 else combination[0]
        cells.append(
            {
                "indicator": indicator.name,
                "dimensions": dict(zip(breakdown, combination)),
                "value": int(counts.get(key, 0)),
            }
        )
    return cells


def indicator_total(conn, vendor: str, year: int, indicator: Indicator, delivery_id: int | None = None) -> int:
    """The indicator's total over the year's current deliveries, or over one delivery version."""
    fields = ("vorm",) if indicator.measure == "aantal" else ()
    return _total(_grain(conn, vendor, indicator, year, fields, tuple(indicator.unit), delivery_id), indicator)


def delivery_totals(conn, vendor: str, dataset: str, delivery_id: int) -> dict[str, int]:
    """The headline figure (total) of every indicator of `dataset`, counted over one delivery version:
    what that version contributes (the history page shows it before and after a new version)."""
    return {
        name: indicator_total(conn, vendor, 0, indicator, delivery_id)
        for name, indicator in REGISTRY.items()
        if indicator.dataset == dataset
    }


def compute(conn, vendor: str, region: Region, year: int) -> Indicators:
    """Every indicator of `year` and its change against the year before (the JSON of spec/indicators.md)."""
    delivered = delivered_datasets(conn, vendor, year)
    delivered_before = delivered_datasets(conn, vendor, year - 1)
    values: list[dict] = []
    changes: list[dict] = []
    for indicator in REGISTRY.values():
        if indicator.dataset not in delivered:
            continue  # not delivered is not zero: the indicator is absent
        cells = indicator_values(conn, vendor, region, year, indicator)
        values.extend(cells)
        total = next(v["value"] for v in cells if not v["dimensions"])
        previous = indicator_total(conn, vendor, year - 1, indicator) if indicator.dataset in delivered_before else None
        changes.append(change_entry(indicator.name, previous, total, region.wording))
    return cast("Indicators", {"region": region.slug, "year": year, "values": values, "changes": changes})


__all__ = ["compute", "indicator_values", "indicator_total", "delivered_datasets", "delivery_totals"]
