"""Errors of the API as `application/problem+json` (RFC 9457), with Dutch and English text.

{"type", "title", "status", "detail", "title_nl", "detail_nl", ...}: `title` and `detail` are English
(the API's language), the `_nl` fields Dutch; a refused delivery adds `findings`, a bad request
`errors` (every parameter that was missing or wrong, `InvalidParameters`).
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
    406: "not-acceptable",
    409: "conflict",
    413: "too-large",
    415: "unsupported-media-type",
    422: "refused",
    429: "too-many-requests",
    500: "server-error",
}

# (title_nl, title_en, detail_nl, detail_en) of the answers only the API gives.
NOT_ACCEPTABLE = (
    "Niet-ondersteund antwoordformaat",
    "Not acceptable",
    "Deze API antwoordt alleen in JSON (application/json).",
    "This API answers in JSON only (application/json).",
)
UNSUPPORTED_MEDIA_TYPE = (
    "Niet-ondersteund formaat",
    "Unsupported media type",
    "Stuur een levering als multipart/form-data.",
    "Send a delivery as multipart/form-data.",
)


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


class InvalidParameters(Exception):
    """Parameters or form fields that are missing or wrong: a 400 that names every one of them."""

    def __init__(self, errors: list[dict]):
        super().__init__(", ".join(e["parameter"] for e in errors))
        self.errors = errors  # [{"parameter", "message_nl", "message_en"}]


def bad_parameters(errors: list[dict]) -> JsonResponse:
    names = ", ".join(sorted({e["parameter"] for e in errors}))
    return problem(
        400,
        "Ongeldig verzoek",
        "Bad request",
        f"Ontbrekende of ongeldige parameters: {names}. Zie `errors`.",
        f"Missing or invalid parameters: {names}. See `errors`.",
        errors=errors,
    )


def exception_handler(exc, context):
    """DRF's exceptions and zicht's refusals as problem documents."""
    from rest_framework import exceptions

    from zicht.access import NotAllowed
    from zicht.services.errors import NotFound, Refused
    from zicht.web.errors import MESSAGES

    def standard(status: int, **extra):
        title_nl, title_en, detail_nl, detail_en = MESSAGES.get(status, MESSAGES[400])
        return problem(status, title_nl, title_en, detail_nl, detail_en, **extra)

    if isinstance(exc, InvalidParameters):
        return bad_parameters(exc.errors)
    if isinstance(exc, Refused):
        findings = [f.as_dict() if hasattr(f, "as_dict") else f for f in exc.findings]
        extra = {"findings": findings} if findings else {}
        return problem(exc.status, "Geweigerd", "Refused", exc.message_nl, exc.message_en, **extra)
    if isinstance(exc, NotAllowed):
        return problem(403, "Geen toegang", "Forbidden", exc.message_nl, exc.message_en)
    if isinstance(exc, (NotFound, exceptions.NotFound)):
        return standard(404)
    if isinstance(exc, (exceptions.NotAuthenticated, exceptions.AuthenticationFailed)):
        return standard(401)
    if isinstance(exc, exceptions.PermissionDenied):
        return standard(403)
    if isinstance(exc, exceptions.MethodNotAllowed):
        return standard(405)
    if isinstance(exc, exceptions.UnsupportedMediaType):
        return problem(415, *UNSUPPORTED_MEDIA_TYPE)
    if isinstance(exc, exceptions.NotAcceptable):
        return problem(406, *NOT_ACCEPTABLE)
    if isinstance(exc, exceptions.Throttled):
        return problem(429, "Te veel verzoeken", "Too many requests", "Wacht even.", "Wait a moment.")
    if isinstance(exc, exceptions.ValidationError):
        return bad_parameters(_validation_errors(exc.detail))
    if isinstance(exc, exceptions.APIException):
        return standard(exc.status_code if exc.status_code in MESSAGES else 400)
    return None  # anything else is a bug: Django's 500 handler answers (as a problem document)


def _validation_errors(detail) -> list[dict]:
    """DRF's validation messages (in the active language) in the shape of `InvalidParameters`."""
    if isinstance(detail, dict):
        items = [(str(name), messages) for name, messages in detail.items()]
    else:
        items = [("request", detail)]
    errors = []
    for name, messages in items:
        text = " ".join(str(m) for m in messages) if isinstance(messages, list) else str(messages)
        errors.append({"parameter": name, "message_nl": text, "message_en": text})
    return errors
