"""The public pages of this issue: the latest edition's key figures, the published editions and their
files, and the privacy statement. Everything shown is frozen in a published edition and passed the
disclosure gate when it was published."""

from __future__ import annotations

from django.http import HttpResponse
from django.shortcuts import render
from django.utils.translation import get_language

from zicht.region import load_region
from zicht.services import publication
from zicht.web.actors import page
from zicht.web.documents import document_response


def _lang() -> str:
    return "en" if (get_language() or "nl").startswith("en") else "nl"


@page()
def home(request, actor):
    from zicht.reporting.context import key_figures
    from zicht.reporting.values import Values

    latest = publication.latest_edition()
    context = {"edition": latest}
    if latest is not None:
        frozen = publication.edition_public_indicators(latest.year, latest.number)
        years = {y: Values(r) for y, r in frozen.items()}
        context["figures"] = key_figures(years, latest.year, _lang(), load_region().disclosure_k)
        context["published_years"] = sorted({e.year for e in publication.editions()}, reverse=True)
    return render(request, "public/home.html", context)


@page()
def editions(request, actor):
    by_year: dict[int, list] = {}
    for e in publication.editions():
        by_year.setdefault(e.year, []).append(e)
    return render(request, "public/editions.html", {"years": sorted(by_year.items(), reverse=True)})


@page()
def monitor(request, actor, year: int):
    found = publication.editions(year)
    if not found:
        from zicht.services.errors import NotFound

        raise NotFound()
    context = {"year": year, "latest": found[0], "older": found[1:], "k": load_region().disclosure_k}
    return render(request, "public/monitor.html", context)


@page()
def edition_file(request, actor, year: int, number: int, lang: str, kind: str):
    name, content_type, content = publication.edition_file(year, number, kind, lang)
    if kind == "html":
        return document_response(content, name)
    response = HttpResponse(content, content_type=content_type)
    disposition = "attachment" if request.GET.get("download") else "inline"
    response["Content-Disposition"] = f'{disposition}; filename="{name}"'
    return response


@page()
def privacy(request, actor):
    region = load_region()
    return render(request, "public/privacy.html", {"k": region.disclosure_k, "organisation": region.organisation})
