"""The web application's own middleware: the upload size limit, idle sessions, and the headers Django
does not set itself."""

from __future__ import annotations

import time

from django.conf import settings
from django.contrib.auth import logout
from django.utils.cache import patch_vary_headers


def upload_size_limit(get_response):
    """Refuse a request body over the limit before anything reads it (CSRF reads POST, so this runs first).

    A body without a length is never parsed: Django reads a multipart body only up to CONTENT_LENGTH.
    """

    def middleware(request):
        try:
            length = int(request.META.get("CONTENT_LENGTH") or 0)
        except ValueError:
            length = 0
        if length > settings.MAX_UPLOAD_BYTES:
            from zicht.web.errors import too_large

            return too_large(request, length)
        return get_response(request)

    return middleware


def language(get_response):
    """Dutch unless the visitor chose English with the switch (a cookie); the browser's own language
    is not asked: this is a Dutch public service with an English translation, not the other way round."""
    from django.utils import translation

    names = {code for code, _ in settings.LANGUAGES}

    def middleware(request):
        chosen = request.COOKIES.get(settings.LANGUAGE_COOKIE_NAME)
        code = chosen if chosen in names else settings.LANGUAGE_CODE
        translation.activate(code)
        request.LANGUAGE_CODE = code
        response = get_response(request)
        response.headers.setdefault("Content-Language", code)
        patch_vary_headers(response, ("Cookie",))
        return response

    return middleware


def idle_timeout(get_response):
    """End a session after ZICHT_SESSION_IDLE_MINUTES without a request.

    The session is written at most once a minute (not on every request), so a busy page costs no
    write; the cookie and the stored session expire SESSION_COOKIE_AGE after the last write.
    """

    def middleware(request):
        session = getattr(request, "session", None)
        if session is not None and request.user.is_authenticated:
            now = int(time.time())
            seen = session.get("seen")
            if seen is not None and now - seen > settings.SESSION_IDLE_SECONDS:
                logout(request)
                request.session["expired"] = True
            elif seen is None or now - seen >= 60:
                session["seen"] = now
        return get_response(request)

    return middleware


def security_headers(get_response):
    """Headers beyond Django's own: no browser features the pages do not use, and no caching of what a
    logged-in account sees."""

    def middleware(request):
        response = get_response(request)
        response.headers.setdefault(
            "Permissions-Policy", "camera=(), microphone=(), geolocation=(), interest-cohort=()"
        )
        response.headers.setdefault("Cross-Origin-Resource-Policy", "same-origin")
        if getattr(request, "user", None) is not None and request.user.is_authenticated:
            response.headers["Cache-Control"] = "no-store"
        return response

    return middleware
