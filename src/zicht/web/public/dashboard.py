"""The dashboard (`/`), its charts' files, the municipalities' pages and open data (spec/web.md).

Each view parses the request, asks `zicht.services.dashboard` and presents the result; public answers
go through `caching` (ETag, Cache-Control, kept bytes). A year or edition that was not published is a
404 page, an unknown filter value is no filter: a shared link never ends in an error.
"""

from __future__ import annotations

import json

from django.shortcuts import render
from django.urls import reverse
from django.utils.http import urlencode
from django.utils.translation import get_language
from django.views.decorators.http import require_safe

from zicht import access
from zicht.region import load_region
from zicht.services import dashboard as service
from zicht.web.actors import page
from zicht.web.public import caching


def _lang() -> str:
    return "en" if (get_language() or "nl").startswith("en") else "nl"


def _int(request, name: str) -> int | None:
    value = request.GET.get(name, "")
    return int(value) if value.isdigit() and len(value) <= 4 else None


def _edition(request, index) -> service.EditionRef | None:
    """The edition the request asks for (`?jaar=2023[&editie=2]`), the latest without; None when nothing is
    published yet. NotFound for a year or edition that was not published."""
    year, number = _int(request, "jaar"), _int(request, "editie")
    if year is None and not index:
        return None
    return service.edition(year, number if year is not None else None, index)


def _filters(request) -> dict[str, str]:
    from zicht.reporting.filters import clean

    return clean({name: request.GET.get(name) for name in ("vorm", "leeftijd")})


def _chart_urls(ref, lang: str, filters: dict[str, str]):
    from zicht.reporting.filters import PARAMETERS

    query = urlencode({PARAMETERS[n]: v for n, v in sorted(filters.items())})

    def url(chart_id: str, kind: str) -> str:
        path = reverse("public:chart-file", args=[ref.year, ref.number, lang, chart_id, kind])
        return f"{path}?{query}" if query else path

    return url


def _figure_urls(chart, url) -> dict:
    """A chart's files, and whether it is a narrow one (bars per year: they should not stretch)."""
    return {
        **{kind: url(chart.id, kind) for kind in ("json", "csv", "svg")},
        "narrow": isinstance(chart.spec.get("height"), int),
    }


@require_safe
@page()
def home(request, actor):
    """The public dashboard of the latest published edition, or of the year the visitor chose."""
    index = service.edition_index()
    ref = _edition(request, index)
    if ref is None:
        return render(request, "public/dashboard_empty.html")
    filters, lang = _filters(request), _lang()

    def draw():
        from zicht.reporting.filters import LEEFTIJD, VORM, choices

        content = service.dashboard(actor, ref, lang, filters)
        url = _chart_urls(ref, lang, filters)
        return render(
            request,
            "public/dashboard.html",
            {
                "edition": ref,
                "d": content,
                "years": service.years_published(index),
                "choices": choices(lang),
                "chosen_form": filters.get(VORM, ""),
                "chosen_age": filters.get(LEEFTIJD, ""),
                "figure_urls": {c.id: _figure_urls(c, url) for c in content.charts()},
                "open_data": reverse("public:datapackage", args=[ref.year, ref.number]),
            },
        )

    return caching.kept_page(request, ref, draw)


@require_safe
@page()
def chart_file(request, actor, year: int, number: int, lang: str, chart: str, fmt: str):
    """A dashboard chart's Vega-Lite spec (json), its table (csv) or its drawing (svg), as filtered."""
    ref = service.edition(year, number)
    content_type, body = service.chart_file(ref, lang, chart, fmt, _filters(request))
    response = caching.public_response(request, body, content_type, caching.FILE_SECONDS)
    if fmt == "csv":
        response["Content-Disposition"] = f'attachment; filename="{load_region().slug}-{ref.label}-{chart}.csv"'
    return response


@require_safe
@page()
def municipalities(request, actor):
    """Every municipality of the region, with a link to its page."""
    from zicht.reporting.dashboard import slug

    def draw():
        names = [(name, slug(name)) for name in load_region().municipality_names]
        return render(request, "public/municipalities.html", {"municipalities": names})

    return caching.kept_page(request, service.edition_index(), draw)


@require_safe
@page()
def municipality(request, actor, gemeente: str):
    """A municipality's figures next to the region's; its own officers see its cells unsuppressed."""
    gemeente = service.municipality_by_slug(gemeente)
    index = service.edition_index()
    ref = _edition(request, index)
    if ref is None:
        return render(request, "public/dashboard_empty.html")
    lang = _lang()

    def draw():
        found = service.municipality(actor, gemeente, ref, lang)
        trend = found.figures["trend"]
        return render(
            request,
            "public/municipality.html",
            {
                "p": found,
                "edition": ref,
                "years": service.years_published(index),
                "trend": trend,
                "trend_urls": found.trend,
                "lang": lang,
                "k": load_region().disclosure_k,
                "region_name": load_region().name,
            },
        )

    if access.sees_unsuppressed(actor, gemeente):
        return draw()  # never kept, never marked public (the middleware marks it no-store)
    return caching.kept_page(request, ref, draw)


@require_safe
@page()
def open_data(request, actor):
    """The open data packages of every published edition, with what they hold and under which licence."""
    from zicht.opendata import settings

    index = service.edition_index()

    def draw():
        return render(request, "public/open_data.html", {"packages": _packages(index), "conf": settings(load_region())})

    return caching.kept_page(request, index, draw)


def _packages(editions) -> list[dict]:
    return [
        {
            "edition": ref,
            "url": reverse("public:datapackage", args=[ref.year, ref.number]),
            "files": [
                (name, reverse("public:open-data-file", args=[ref.year, ref.number, name.removesuffix(".csv")]))
                for name in sorted(service.open_data(ref)[1])
            ],
        }
        for ref in editions
    ]


@require_safe
@page()
def datapackage(request, actor, year: int, number: int):
    ref = service.edition(year, number)
    descriptor, _ = service.open_data(ref)
    body = json.dumps(descriptor, ensure_ascii=False, indent=1).encode("utf-8")
    return caching.public_response(request, body, "application/json", caching.FILE_SECONDS)


@require_safe
@page()
def open_data_file(request, actor, year: int, number: int, resource: str):
    ref = service.edition(year, number)
    _, files = service.open_data(ref)
    body = files.get(f"{resource}.csv")
    if body is None:
        from zicht.services.errors import NotFound

        raise NotFound()
    response = caching.public_response(request, body, "text/csv; charset=utf-8", caching.FILE_SECONDS)
    response["Content-Disposition"] = f'inline; filename="{resource}.csv"'
    return response
