"""The public dashboard, the municipalities' pages and their downloads (spec/web.md: `/`, `/gemeente/<slug>/`).

Everything shown to the public comes from a published edition's frozen public indicators, which passed
the disclosure gate when the edition was published and pass it again on the way here (fail closed). A
municipality's own officers (`access.sees_unsuppressed(actor, gemeente)`) see that municipality's cells
as counted, taken from the same edition's frozen analyst indicators: never from unpublished deliveries.

Published editions never change, so what is computed from one (the dashboard's content, a chart's spec,
table, CSV or SVG) is kept per process, keyed by the edition (`EditionRef`: its id and moment of
publication, since a test database can give a later edition the same id).

Which editions exist is read again whenever the request already has a database connection (a logged-in
visitor, a test); a request without one (an anonymous visitor: no session, nothing stored) uses the list
read at most `INDEX_SECONDS` ago, so the public pages open no database connection at all, the largest
cost of a request. A new edition therefore reaches `/` of every worker within that time (at once in the
process that published it).
"""

from __future__ import annotations

import datetime as dt
import threading
import time
from collections.abc import Mapping
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from zicht import access
from zicht.access import Actor
from zicht.region import load_region
from zicht.services.errors import NotFound

if TYPE_CHECKING:
    from zicht.contracts import Estimate, Indicators

INDEX_SECONDS = 10.0
KINDS = {"json": "application/json", "csv": "text/csv; charset=utf-8", "svg": "image/svg+xml"}


@dataclass(frozen=True)
class EditionRef:
    """A published edition, without its frozen documents."""

    id: int
    year: int
    number: int
    label: str
    published_at: dt.datetime  # aware: part of every cache key
    note: str

    def public_dict(self) -> dict:
        return {
            "year": self.year,
            "number": self.number,
            "label": self.label,
            "published_at": self.published_at.isoformat(timespec="seconds"),
            "note": self.note,
        }


_index: tuple[float, tuple[EditionRef, ...]] | None = None
_index_lock = threading.Lock()


def edition_index() -> tuple[EditionRef, ...]:
    """The published editions, newest year first, then newest edition first (see the module's docstring)."""
    global _index
    from django.db import connection

    now = time.monotonic()
    found = _index
    if found is not None and now - found[0] < INDEX_SECONDS and connection.connection is None:
        return found[1]
    with _index_lock:
        from django.utils import timezone

        from zicht.storage.models import Edition

        rows = Edition.objects.order_by("-year", "-number").values_list("id", "year", "number", "published_at", "note")
        refs = tuple(
            EditionRef(i, y, n, str(y) if n == 1 else f"{y}-{n}", timezone.localtime(at), note)
            for i, y, n, at, note in rows
        )
        _index = (now, refs)
        return refs


def forget_editions(**_) -> None:
    """After a publication in this process: read the editions again at the next request."""
    global _index
    _index = None


def _listen() -> None:
    from django.db.models.signals import post_save

    from zicht.storage.models import Edition

    post_save.connect(forget_editions, sender=Edition, dispatch_uid="zicht.services.dashboard.forget_editions")


_listen()


def edition(
    year: int | None = None, number: int | None = None, index: tuple[EditionRef, ...] | None = None
) -> EditionRef:
    """The edition asked for: the latest of all, the latest of `year`, or `year`-`number`. NotFound else.
    (`index`: the editions already read for this request.)"""
    for ref in edition_index() if index is None else index:
        if (year is None or ref.year == year) and (number is None or ref.number == number):
            return ref
    raise NotFound()


def years_published(index: tuple[EditionRef, ...] | None = None) -> list[EditionRef]:
    """The latest edition of each published year, newest first: what the year selector offers."""
    seen, out = set(), []
    for ref in edition_index() if index is None else index:
        if ref.year not in seen:
            seen.add(ref.year)
            out.append(ref)
    return out


# -- frozen figures ------------------------------------------------------------------------------


def _stored(ref: EditionRef, *fields: str) -> tuple:
    from zicht.storage.models import Edition

    found = Edition.objects.filter(pk=ref.id, published_at=ref.published_at).values_list(*fields).first()
    if found is None:  # the list of editions is older than the database (a test's rolled-back edition)
        forget_editions()
        raise NotFound()
    return found


@lru_cache(maxsize=16)
def _frozen(ref: EditionRef) -> tuple[dict[int, Indicators], Estimate | None, list[dict]]:
    """An edition's public figures (every year it holds, through the gate), its public estimate, deliveries."""
    from zicht.disclosure import suppress_indicators

    public, estimate, deliveries = _stored(ref, "public_indicators", "estimate", "deliveries")
    region = load_region()
    return {int(y): suppress_indicators(r, region) for y, r in public.items()}, estimate, deliveries


@lru_cache(maxsize=8)
def _frozen_counted(ref: EditionRef) -> dict[int, Indicators]:
    """An edition's analyst figures (unsuppressed): only for an actor `access.sees_unsuppressed` allows."""
    (counted,) = _stored(ref, "indicators")
    return {int(y): r for y, r in counted.items()}


def _report_data(ref: EditionRef):
    from zicht.reporting.context import ReportData

    public, estimate, deliveries = _frozen(ref)
    return ReportData(
        region=load_region(),
        year=ref.year,
        indicators=public,
        deliveries=deliveries,
        estimate=estimate,
        published=ref.published_at.date(),
        edition=ref.label,
        edition_note=ref.note or None,
    )


# -- the dashboard -------------------------------------------------------------------------------


@lru_cache(maxsize=64)
def _dashboard(ref: EditionRef, lang: str, filters: tuple):
    from zicht.reporting.dashboard import dashboard

    return dashboard(_report_data(ref), dict(filters), lang)


def dashboard(actor: Actor, ref: EditionRef, lang: str, filters: dict[str, str]):
    """The dashboard of a published edition (`zicht.reporting.dashboard.Dashboard`). Anyone may see it:
    it shows the public figures only, also to an analyst."""
    return _dashboard(ref, lang, tuple(sorted(filters.items())))


def warm() -> None:
    """Build the latest edition's dashboard in both languages now, so a new worker's first visitor does
    not wait for it (`zicht serve` calls this as each worker starts)."""
    index = edition_index()
    if index:
        for lang in ("nl", "en"):
            _dashboard(index[0], lang, ())


def chart(ref: EditionRef, lang: str, chart_id: str, filters: dict[str, str]):
    """One chart of the dashboard (as narrowed by the filters); NotFound for an unknown chart."""
    found = next((c for c in dashboard(Actor.anonymous(), ref, lang, filters).charts() if c.id == chart_id), None)
    if found is None:
        raise NotFound()
    return found


@lru_cache(maxsize=256)
def _chart_file(ref: EditionRef, lang: str, chart_id: str, kind: str, filters: tuple) -> bytes:
    import copy
    import json

    from zicht.reporting.charts import render_svg
    from zicht.reporting.interactive import interactive_spec, table_cells
    from zicht.spreadsheet import csv_bytes

    found = chart(ref, lang, chart_id, dict(filters))
    if kind == "json":
        return json.dumps(interactive_spec(found), ensure_ascii=False, separators=(",", ":")).encode("utf-8")
    if kind == "csv":
        return csv_bytes(found.columns, table_cells(found))
    return render_svg(copy.copy(found)).encode("utf-8")


def chart_file(ref: EditionRef, lang: str, chart_id: str, kind: str, filters: dict[str, str]) -> tuple[str, bytes]:
    """A chart's spec (json), table (csv) or drawing (svg): (content type, bytes)."""
    if kind not in KINDS:
        raise NotFound()
    return KINDS[kind], _chart_file(ref, lang, chart_id, kind, tuple(sorted(filters.items())))


def inline_chart(found) -> dict:
    """A chart carried in its page (a municipality's trend, which may hold its officers' own figures and
    so gets no address of its own): its spec as JSON and its drawing as a data URI."""
    import copy
    import json

    from zicht.reporting.charts import render_svg
    from zicht.reporting.interactive import interactive_spec

    drawn = copy.copy(found)
    render_svg(drawn)
    return {
        "inline": json.dumps(interactive_spec(found), ensure_ascii=False, separators=(",", ":")),
        "svg": drawn.svg_uri,
        "narrow": True,
    }


# -- the municipalities --------------------------------------------------------------------------


def municipality_by_slug(slug: str) -> str:
    """The canonical name of the region's municipality with this path segment; NotFound else."""
    found = _slugs(load_region().municipality_names).get(slug)
    if found is None:
        raise NotFound()
    return found


@lru_cache(maxsize=4)
def _slugs(names: tuple[str, ...]) -> dict[str, str]:
    from zicht.reporting.dashboard import slug as slug_of

    return {slug_of(name): name for name in names}


@dataclass(frozen=True)
class MunicipalityPage:
    gemeente: str
    edition: EditionRef
    figures: dict  # zicht.reporting.municipality.municipality_figures
    initiatives: list[dict]  # titel, soort, opgave of the edition's initiatieven delivery
    unsuppressed: bool  # the municipality's own cells as counted (its own officers): never cached publicly
    trend: dict | None = None  # its count per year, carried in the page (`inline_chart`)


def municipality(actor: Actor, gemeente: str, ref: EditionRef, lang: str) -> MunicipalityPage:
    """A municipality's figures in a published edition, as the actor may see them."""
    if access.sees_unsuppressed(actor, gemeente):
        return _municipality_counted(ref, gemeente, lang)
    return _municipality_public(ref, gemeente, lang)


@lru_cache(maxsize=128)
def _municipality_public(ref: EditionRef, gemeente: str, lang: str) -> MunicipalityPage:
    public, _, _ = _frozen(ref)
    return _page(ref, gemeente, lang, public, False)


def _municipality_counted(ref: EditionRef, gemeente: str, lang: str) -> MunicipalityPage:
    from zicht.reporting.municipality import with_own_cells

    public, _, _ = _frozen(ref)
    counted = _frozen_counted(ref)
    own = {y: with_own_cells(public[y], counted.get(y, {}), gemeente) for y in public}
    return _page(ref, gemeente, lang, own, True)


def _page(ref: EditionRef, gemeente: str, lang: str, years: Mapping[int, Any], unsuppressed: bool) -> MunicipalityPage:
    from zicht.reporting.municipality import municipality_figures
    from zicht.reporting.values import Values

    region = load_region()
    values = {y: Values(r) for y, r in years.items()}
    figures = municipality_figures(values, ref.year, region, gemeente, lang, region.disclosure_k)
    trend = inline_chart(figures["trend"]) if figures["trend"] else None
    return MunicipalityPage(gemeente, ref, figures, _initiatives(ref, gemeente), unsuppressed, trend)


def _initiatives(ref: EditionRef, gemeente: str) -> list[dict]:
    """The municipality's initiatives in the delivery the edition used (published in its chapter 3)."""
    from zicht.storage.models import RECORD_MODELS

    _, _, deliveries = _frozen(ref)
    used = [d["id"] for d in deliveries if d.get("dataset") == "initiatieven" and d.get("year") == ref.year]
    if not used or "initiatieven" not in RECORD_MODELS:
        return []
    rows = RECORD_MODELS["initiatieven"].objects.filter(delivery_id__in=used, gemeente=gemeente)
    return list(rows.order_by("datum", "row").values("titel", "soort", "opgave"))


# -- open data -----------------------------------------------------------------------------------


@lru_cache(maxsize=16)
def _package(ref: EditionRef) -> tuple[dict, dict[str, bytes]]:
    from zicht.opendata import package

    public, _, _ = _frozen(ref)
    return package(load_region(), ref.public_dict(), public[ref.year])


def open_data(ref: EditionRef) -> tuple[dict, dict[str, bytes]]:
    """The edition's Frictionless Data Package: (datapackage.json as a dict, {file name: CSV bytes})."""
    return _package(ref)


def clear_caches() -> None:
    """Forget everything computed (tests that rebuild a database with the same ids at the same moment)."""
    forget_editions()
    for cached in (_frozen, _frozen_counted, _dashboard, _chart_file, _municipality_public, _package):
        cached.cache_clear()
