"""Linking the year's deliveries over the person key into a capture-history table, and the overlap summary.

Plain DB-API SQL over the storage tables (docs/development.md, "Contracts between parts"): `zicht_delivery` and one table
per dataset with `delivery_id` and `persoon`. Only current deliveries of the year count; a person is on
a list once, however many records the list has of them.
"""

from __future__ import annotations

from dataclasses import dataclass
from itertools import combinations
from typing import TYPE_CHECKING

from zicht.estimation.table import CaptureTable, make_table
from zicht.schema.datasets import DATASETS
from zicht.sql import fetch_all, placeholder, record_table

if TYPE_CHECKING:
    from zicht.contracts import Estimate, ListCount, Overlap, PairCount

PARTNER_LISTS = "@partner"


def _table(dataset: str) -> str:
    if dataset not in DATASETS:
        raise ValueError(f"unknown dataset {dataset!r} in the estimation lists")
    return record_table(dataset)


def _people(conn, vendor: str, dataset: str, year: int, partner: str | None = None) -> set[str]:
    p = placeholder(vendor)
    sql = (
        f"SELECT DISTINCT r.persoon FROM {_table(dataset)} r JOIN zicht_delivery d ON d.id = r.delivery_id "
        f"WHERE d.dataset = {p} AND d.year = {p} AND d.is_current = {p} "
        "AND r.persoon IS NOT NULL AND r.persoon <> ''"
    )
    params: list = [dataset, year, True]
    if partner is not None:
        sql += f" AND d.partner = {p}"
        params.append(partner)
    return {str(row[0]).strip().lower() for row in fetch_all(conn, sql, params)}


def _partners(conn, vendor: str, datasets: tuple[str, ...], year: int, region) -> list[str]:
    p = placeholder(vendor)
    marks = ", ".join([p] * len(datasets))
    sql = f"SELECT DISTINCT partner FROM zicht_delivery WHERE dataset IN ({marks}) AND year = {p} AND is_current = {p}"
    found = {row[0] for row in fetch_all(conn, sql, [*datasets, year, True])}
    configured = [pt.code for pt in region.partners if pt.code in found]
    return configured + sorted(found - set(configured))


def list_members(conn, vendor: str, region, year: int) -> list[tuple[str, set[str]]]:
    """(list name, person keys) per list, in configuration order, empty lists included."""
    out: list[tuple[str, set[str]]] = []
    for spec in region.estimation_lists:
        if spec.name == PARTNER_LISTS:
            for partner in _partners(conn, vendor, spec.datasets, year, region):
                people: set[str] = set()
                for ds in spec.datasets:
                    people |= _people(conn, vendor, ds, year, partner)
                out.append((partner, people))
        else:
            people = set()
            for ds in spec.datasets:
                people |= _people(conn, vendor, ds, year)
            out.append((spec.name, people))
    return out


def capture_table(conn, vendor: str, region, year: int) -> CaptureTable:
    """The year's capture-history table; lists with nobody on them are left out."""
    members = [(name, people) for name, people in list_members(conn, vendor, region, year) if people]
    names = [name for name, _ in members]
    everyone = set().union(*(people for _, people in members)) if members else set()
    counts: dict[tuple[int, ...], int] = {}
    for person in everyone:
        h = tuple(int(person in people) for _, people in members)
        counts[h] = counts.get(h, 0) + 1
    return make_table(names, list(counts.items()))


def overlap_summary(table: CaptureTable) -> Overlap:
    """For analysts and the report: people per list, per pair of lists (on both, whatever else), and
    how many are on one list only / on more lists."""
    per_list: list[ListCount] = []
    for i, name in enumerate(table.lists):
        n = sum(c for h, c in zip(table.histories, table.counts, strict=True) if h[i])
        only = sum(c for h, c in zip(table.histories, table.counts, strict=True) if h[i] and sum(h) == 1)
        per_list.append({"list": name, "count": n, "only_this_list": only})
    per_pair: list[PairCount] = []
    for i, j in combinations(range(table.t), 2):
        n = sum(c for h, c in zip(table.histories, table.counts, strict=True) if h[i] and h[j])
        per_pair.append({"lists": [table.lists[i], table.lists[j]], "count": n})
    multi = sum(c for h, c in zip(table.histories, table.counts, strict=True) if sum(h) > 1)
    return {
        "observed": table.observed,
        "lists": per_list,
        "pairs": per_pair,
        "on_more_lists": multi,
        "on_one_list": table.observed - multi,
    }


@dataclass(frozen=True)
class EstimateJob:
    """An estimate still to compute: the capture table and the options (pure: no database), and the key
    under which its result is stored."""

    year: int
    table: CaptureTable
    options: dict
    inputs_hash: str
    shaping: dict  # the options that shape the result (the store's key)

    def run(self) -> Estimate:
        from zicht.estimation.run import estimate  # here, not above: SciPy is slow to import

        result = estimate(self.table, **self.options)
        result["overlap"] = overlap_summary(self.table)
        return result


def estimate_job(conn, vendor: str, region, year: int, store=None, **options) -> Estimate | EstimateJob:
    """The stored estimate of the year's deliveries, or the job that computes it (see `estimate_year`)."""
    from zicht import __version__

    options.setdefault("sensitivity", True)
    table = capture_table(conn, vendor, region, year)
    shaping = {k: v for k, v in sorted(options.items()) if k not in ("jobs", "progress")}  # these never change a result
    inputs_hash = table.sha256()
    if store is not None:
        stored = store.load(inputs_hash, shaping, __version__)
        if stored is not None:
            return stored
    return EstimateJob(year, table, options, inputs_hash, shaping)


def estimate_year(conn, vendor: str, region, year: int, store=None, **options) -> Estimate:
    """The estimate of the year's deliveries (spec/estimation.md JSON) with the lists' overlaps and, unless
    `sensitivity=False`, the best alternative models (for the report's sensitivity picture).

    With `store` (an object with `load(inputs_hash, options, version)` and `save(year, inputs_hash,
    options, version, result)`, e.g. the database's), a result is kept per (capture table, options,
    software version): the same deliveries always give the same estimate, so the monitor in another
    language or edition reuses it. The store gets the result only, never the capture table.
    """
    found = estimate_job(conn, vendor, region, year, store, **options)
    if isinstance(found, dict):
        return found
    result = found.run()
    save_estimate(found, result, store)
    return result


def save_estimate(job: EstimateJob, result: Estimate, store) -> None:
    from zicht import __version__

    if store is not None:
        store.save(job.year, job.inputs_hash, job.shaping, __version__, result)
