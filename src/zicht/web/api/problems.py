"""Errors of the API as `application/problem+json` (RFC 9457), with Dutch and English text.

{"type", "title", "status", "detail", "title_nl", "detail_nl", ...}: `title` and `detail` are English
(the API's language), the `_nl` fields Dutch; a refused delivery adds `findings`.
"""

from __future__ import annotations

from django.http import JsonResponse

PROBLEM = "application/problem+json"
TYPES = {
    400: "bad-request",
    401: "not-authenticated",
    403: "forbidden",
    404: "not-found",
    405: "method-not-allowed",
    409: "conflict",
    413: "too-large",
    415: "unsupported-media-type",
    422: "refused",
    429: "too-many-requests",
    500: "server-error",
}


def problem_body(status: int, title_nl: str, title_en: str, detail_nl: str, detail_en: str, **extra) -> dict:
    return {
        "type": f"https://zicht.invalid/problems/{TYPES.get(status, 'error')}",
        "title": title_en,
        "status": status,
        "detail": detail_en,
        "title_nl": title_nl,
        "detail_nl": detail_nl,
        **extra,
    }


def problem(status: int, title_nl: str, title_en: str, detail_nl: str, detail_en: str, **extra) -> JsonResponse:
    response = JsonResponse(
        problem_body(status, title_nl, title_en, detail_nl, detail_en, **extra),
        status=status,
        content_type=PROBLEM,
        json_dumps_params={"ensure_ascii": False},
    )
    if status == 401:
        response["WWW-Authenticate"] = 'Token realm="zicht"'
    return response


def exception_handler(exc, context):
    """DRF's exceptions and zicht's refusals as problem documents."""
    from rest_framework import exceptions

    from zicht.access import NotAllowed
    from zicht.services.errors import NotFound, Refused
    from zicht.web.errors import MESSAGES

    def standard(status: int, **extra):
        title_nl, title_en, detail_nl, detail_en = MESSAGES.get(status, MESSAGES[400])
        return problem(status, title_nl, title_en, detail_nl, detail_en, **extra)

    if isinstance(exc, Refused):
        findings = [f.as_dict() if hasattr(f, "as_dict") else f for f in exc.findings]
        extra = {"findings": findings} if findings else {}
        return problem(exc.status, "Geweigerd", "Refused", exc.message_nl, exc.message_en, **extra)
    if isinstance(exc, NotAllowed):
        return standard(403)
    if isinstance(exc, (NotFound, exceptions.NotFound)):
        return standard(404)
    if isinstance(exc, (exceptions.NotAuthenticated, exceptions.AuthenticationFailed)):
        return standard(401)
    if isinstance(exc, exceptions.PermissionDenied):
        return standard(403)
    if isinstance(exc, exceptions.MethodNotAllowed):
        return standard(405)
    if isinstance(exc, exceptions.UnsupportedMediaType):
        return problem(
            415,
            "Niet-ondersteund formaat",
            "Unsupported media type",
            "Stuur multipart/form-data (POST) of vraag JSON op.",
            "Send multipart/form-data (POST) or ask for JSON.",
        )
    if isinstance(exc, exceptions.Throttled):
        return problem(429, "Te veel verzoeken", "Too many requests", "Wacht even.", "Wait a moment.")
    if isinstance(exc, exceptions.ValidationError):
        return problem(
            400,
            "Ongeldig verzoek",
            "Bad request",
            "Een of meer parameters zijn ongeldig: zie `errors`.",
            "One or more parameters are invalid: see `errors`.",
            errors=exc.detail,
        )
    if isinstance(exc, exceptions.APIException):
        return standard(exc.status_code if exc.status_code in MESSAGES else 400)
    return None  # anything else is a bug: Django's 500 handler answers (as a problem document)
