"""Answering public pages and files fast: ETags, Cache-Control, and a page kept per process.

Published editions never change, so a public answer is the same for every visitor who does not log in:
its bytes are kept (a bounded number of pages per process) and sent with an `ETag` (a hash of the
bytes) and `Cache-Control: public`, and a repeated request with `If-None-Match` gets 304. Nothing of a
logged-in account is ever kept or marked public: their pages carry their name, and a municipal
officer's page holds unsuppressed figures (`zicht.web.middleware.security_headers` marks it no-store).
"""

from __future__ import annotations

import hashlib
import threading
from collections import OrderedDict
from collections.abc import Callable

from django.http import HttpRequest, HttpResponse, HttpResponseNotModified
from django.utils.translation import get_language

PAGE_SECONDS = 60  # `/` moves on to a new edition when one is published
FILE_SECONDS = 24 * 3600  # a file of a named edition: the edition never changes
KEPT_PAGES = 96

_pages: OrderedDict[tuple, tuple[bytes, str, str]] = OrderedDict()
_lock = threading.Lock()


def etag_of(body: bytes) -> str:
    return '"' + hashlib.sha256(body).hexdigest()[:32] + '"'


def _matches(request: HttpRequest, etag: str) -> bool:
    wanted = request.headers.get("If-None-Match", "")
    return any(tag.strip().removeprefix("W/") == etag for tag in wanted.split(",")) or wanted.strip() == "*"


def public_response(
    request: HttpRequest, body: bytes, content_type: str, seconds: int, etag: str | None = None
) -> HttpResponse:
    """`body` with its ETag and `Cache-Control: public`; 304 when the client holds it already."""
    etag = etag or etag_of(body)
    response = HttpResponseNotModified() if _matches(request, etag) else HttpResponse(body, content_type=content_type)
    response["ETag"] = etag
    response["Cache-Control"] = f"public, max-age={seconds}"
    return response


def public_file(request: HttpRequest, response: HttpResponse, seconds: int) -> HttpResponse:
    """A file made for this request (a published monitor): its ETag and `Cache-Control: public` for a
    visitor who is not logged in, 304 when the client holds it already. An account's answer stays unmarked
    (the middleware makes it no-store)."""
    if request.user.is_authenticated:
        return response
    etag = etag_of(response.content)
    if _matches(request, etag):
        response = HttpResponseNotModified()
    response["ETag"] = etag
    response["Cache-Control"] = f"public, max-age={seconds}"
    return response


def kept_page(request: HttpRequest, edition, render: Callable[[], HttpResponse]) -> HttpResponse:
    """A public page: for a visitor who is not logged in, from the kept bytes (rendered once per edition,
    path and language); for an account, rendered for it and never kept."""
    if request.user.is_authenticated:
        return render()
    key = (edition, request.get_full_path(), get_language())
    found = _pages.get(key)
    if found is None:
        response = render()
        if response.status_code != 200:
            return response
        body = response.content
        found = (body, response["Content-Type"], etag_of(body))
        with _lock:
            _pages[key] = found
            while len(_pages) > KEPT_PAGES:
                _pages.popitem(last=False)
    body, content_type, etag = found
    return public_response(request, body, content_type, PAGE_SECONDS, etag)


def kept_bytes(
    request: HttpRequest, key: tuple, make: Callable[[], bytes], content_type: str, seconds: int
) -> HttpResponse:
    """A public file made once per process for `key` (which must name the edition it comes from), with its
    ETag and `Cache-Control: public`: the public API's figures of a published edition."""
    found = _pages.get(key)
    if found is None:
        body = make()
        found = (body, content_type, etag_of(body))
        with _lock:
            _pages[key] = found
            while len(_pages) > KEPT_PAGES:
                _pages.popitem(last=False)
    body, content_type, etag = found
    return public_response(request, body, content_type, seconds, etag)


def forget_pages() -> None:
    with _lock:
        _pages.clear()
