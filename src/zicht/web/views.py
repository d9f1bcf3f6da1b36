"""Views of the site as a whole: the language switch and the health check."""

from __future__ import annotations

from django.conf import settings
from django.db import connection
from django.http import HttpResponse, HttpResponseRedirect, JsonResponse
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.cache import never_cache


def set_language(request, code: str):
    """Switch the language (a link, so no form and no CSRF cookie); the path stays the same."""
    target = request.GET.get("next") or "/"
    if not url_has_allowed_host_and_scheme(target, {request.get_host()}, request.is_secure()):
        target = "/"
    response = HttpResponseRedirect(target)
    if code in dict(settings.LANGUAGES):
        response.set_cookie(
            settings.LANGUAGE_COOKIE_NAME,
            code,
            max_age=365 * 24 * 3600,
            samesite="Lax",
            secure=settings.HTTPS,
            httponly=True,
        )
    return response


@never_cache
def healthz(request):
    """For the load balancer: the process answers and the database too."""
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
    except Exception:  # the database is the one dependency; say so without details
        return JsonResponse({"status": "database unavailable"}, status=503)
    return HttpResponse("ok", content_type="text/plain")
