"""The national picture's pages. The sources are read once per process, on the first request, and kept
(`comparison`); a source that cannot be read is said on the page, not retried on every request."""

from __future__ import annotations

import functools

from django.conf import settings
from django.http import HttpResponse
from django.shortcuts import render
from django.utils import translation
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe

from zicht import national
from zicht.web.actors import page


def sources() -> tuple[str, ...]:
    return tuple(settings.NATIONAL_SOURCES)


def configured() -> bool:
    return bool(sources())


@functools.cache
def comparison(given: tuple[str, ...]) -> national.Comparison | national.SourceError:
    """The comparison of `given`, or why it cannot be made (kept for the process's life either way)."""
    try:
        return national.compare(national.read_packages(given))
    except national.SourceError as error:
        return error


def _lang() -> str:
    return "en" if (translation.get_language() or "nl").startswith("en") else "nl"


@require_safe
@page()
def home(request, actor):
    if not configured():
        return render(request, "landelijk/unset.html", status=404)
    result = comparison(sources())
    if isinstance(result, national.SourceError):
        message = result.message_en if _lang() == "en" else result.message_nl
        return render(request, "landelijk/unavailable.html", {"message": message}, status=503)
    lang = _lang()
    context = national.view(result, lang)
    context["title"] = _("The national picture")
    return render(request, "landelijk/home.html", context)


@require_safe
@page()
def table(request, actor):
    if not configured():
        return render(request, "landelijk/unset.html", status=404)
    result = comparison(sources())
    if isinstance(result, national.SourceError):
        return render(request, "landelijk/unavailable.html", {"message": result.message_nl}, status=503)
    response = HttpResponse(national.rows_csv(result), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="landelijk-beeld.csv"'
    return response


def menu_item() -> tuple[str, str] | None:
    """(label, address) of the menu entry, only when sources are configured."""
    from django.urls import reverse

    return (_("National picture"), reverse("landelijk:home")) if configured() else None
