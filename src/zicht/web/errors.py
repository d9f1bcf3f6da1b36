"""Error pages and answers: the same status for a page and the API, in the form each expects.

Under /api/ an error is `application/problem+json` (RFC 9457) with Dutch and English text; elsewhere a
page in the site's layout that says what to do. No error page shows a traceback or whether a thing
that was asked for exists.
"""

from __future__ import annotations

from django.conf import settings
from django.shortcuts import render

MESSAGES = {
    400: ("Ongeldig verzoek", "Bad request", "Het verzoek kon niet worden gelezen.", "The request could not be read."),
    401: (
        "Niet ingelogd",
        "Not authenticated",
        "Log in, of geef een geldig token mee (Authorization: Token …).",
        "Log in, or send a valid token (Authorization: Token …).",
    ),
    403: (
        "Geen toegang",
        "Forbidden",
        "Uw account heeft geen toegang tot deze pagina of handeling.",
        "Your account has no access to this page or action.",
    ),
    404: (
        "Niet gevonden",
        "Not found",
        "Deze pagina bestaat niet of is niet voor u beschikbaar.",
        "This page does not exist or is not available to you.",
    ),
    405: (
        "Methode niet toegestaan",
        "Method not allowed",
        "Deze methode kan hier niet.",
        "This method is not allowed here.",
    ),
    413: (
        "Bestand te groot",
        "File too large",
        "Het bestand is groter dan de toegestane {mb} MB. Splits het niet: neem contact op met de analist.",
        "The file is larger than the allowed {mb} MB. Do not split it: contact the analyst.",
    ),
    500: (
        "Er ging iets mis",
        "Something went wrong",
        "Er ging iets mis aan onze kant; er is niets veranderd. Probeer het later opnieuw of neem contact op.",
        "Something went wrong on our side; nothing was changed. Try again later or get in touch.",
    ),
}


def _is_api(request) -> bool:
    return request.path.startswith("/api/")


def error(request, status: int, **params):
    title_nl, title_en, detail_nl, detail_en = (m.format(**params) for m in MESSAGES[status])
    if _is_api(request):
        from zicht.web.api.problems import problem

        return problem(status, title_nl, title_en, detail_nl, detail_en)
    context = {"status": status, "title": _pick(title_nl, title_en), "detail": _pick(detail_nl, detail_en)}
    return render(request, "errors/error.html", context, status=status)


def _pick(nl: str, en: str) -> str:
    from django.utils.translation import get_language

    return en if (get_language() or "nl").startswith("en") else nl


def forbidden(request, exception=None):
    return error(request, 403)


def not_found(request, exception=None):
    return error(request, 404)


def bad_request(request, exception=None):
    return error(request, 400)


def server_error(request):
    """An unexpected error: its traceback goes to the log under a reference (`zicht.incidents`); the visitor
    gets the reference, never the traceback."""
    import logging

    from zicht.incidents import record

    incident = record(where=f"{request.method} {request.path}")  # the path only: no query string in a log
    logging.getLogger("zicht.web").error(
        "unexpected error, reference %s: %s %s", incident.reference, request.method, request.path
    )
    title_nl, title_en, detail_nl, detail_en = MESSAGES[500]
    detail_nl += f" Noem bij contact de referentie {incident.reference}."
    detail_en += f" When you get in touch, quote the reference {incident.reference}."
    if _is_api(request):
        from zicht.web.api.problems import problem

        return problem(500, title_nl, title_en, detail_nl, detail_en, reference=incident.reference)
    context = {"status": 500, "title": _pick(title_nl, title_en), "detail": _pick(detail_nl, detail_en)}
    return render(request, "errors/error.html", context, status=500)


def too_large(request, length: int | None = None):
    return error(request, 413, mb=round(settings.MAX_UPLOAD_BYTES / 1024 / 1024))


def csrf_failure(request, reason=""):
    """A form sent without (or with an expired) CSRF token: usually a page open for too long."""
    if _is_api(request):
        return error(request, 403)
    return render(
        request,
        "errors/error.html",
        {
            "status": 403,
            "title": _pick("Formulier verlopen", "Form expired"),
            "detail": _pick(
                "Dit formulier is verlopen of kwam niet van deze site. Ga terug, laad de pagina opnieuw en probeer het nog eens.",
                "This form expired or did not come from this site. Go back, reload the page and try again.",
            ),
        },
        status=403,
    )
