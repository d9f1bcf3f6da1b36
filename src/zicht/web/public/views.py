"""The public pages around the monitor: the published editions and their files, and the privacy
statement (the dashboard, the municipalities and open data are in `dashboard.py`). Everything shown is
frozen in a published edition and passed the disclosure gate when it was published."""

from __future__ import annotations

from django.http import HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_safe

from zicht.region import load_region
from zicht.services import dashboard as service
from zicht.services import publication
from zicht.web.actors import page
from zicht.web.documents import document_response
from zicht.web.public import caching


@require_safe
@page()
def editions(request, actor):
    def draw():
        by_year: dict[int, list] = {}
        for e in publication.editions():
            by_year.setdefault(e.year, []).append(e)
        return render(request, "public/editions.html", {"years": sorted(by_year.items(), reverse=True)})

    return caching.kept_page(request, service.edition_index(), draw)


@require_safe
@page()
def monitor(request, actor, year: int):
    index = service.edition_index()
    service.edition(year, None, index)  # NotFound for a year that was not published

    def draw():
        found = publication.editions(year)
        context = {"year": year, "latest": found[0], "older": found[1:], "k": load_region().disclosure_k}
        return render(request, "public/monitor.html", context)

    return caching.kept_page(request, index, draw)


@require_safe
@page()
def edition_file(request, actor, year: int, number: int, lang: str, kind: str):
    name, content_type, content = publication.edition_file(year, number, kind, lang)
    if kind == "html":
        response = document_response(content, name)
    else:
        response = HttpResponse(content, content_type=content_type)
        disposition = "attachment" if request.GET.get("download") else "inline"
        response["Content-Disposition"] = f'{disposition}; filename="{name}"'
    return caching.public_file(request, response, caching.FILE_SECONDS)  # a named edition never changes


@require_safe
@page()
def privacy(request, actor):
    region = load_region()
    return render(request, "public/privacy.html", {"k": region.disclosure_k, "organisation": region.organisation})
