"""Serving a frozen monitor document (HTML) under a Content-Security-Policy of its own.

The monitor is one self-contained HTML file: its CSS in one <style> element, chart widths in style
attributes, no script. Rather than allow inline styles, the policy allows exactly the styles this
document holds, by their SHA-256 ('unsafe-hashes' covers the attributes), and nothing else: no
script, no requests, no forms, no framing.
"""

from __future__ import annotations

import base64
import hashlib
import html as htmllib
import re

from django.http import HttpResponse

_STYLE_ELEMENT = re.compile(r"<style[^>]*>(.*?)</style>", re.S | re.I)
_STYLE_ATTRIBUTE = re.compile(r"""\sstyle\s*=\s*(?:"([^"]*)"|'([^']*)')""", re.I)


def _hash(text: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode() + "'"


def document_policy(document: str) -> str:
    styles = {_hash(m.group(1)) for m in _STYLE_ELEMENT.finditer(document)}
    attributes = {_hash(htmllib.unescape(a or b)) for a, b in _STYLE_ATTRIBUTE.findall(document)}
    style_src = " ".join(["'unsafe-hashes'", *sorted(styles | attributes)]) if attributes else " ".join(sorted(styles))
    return (
        "default-src 'none'; "
        f"style-src {style_src or chr(39) + 'none' + chr(39)}; "
        "img-src data:; font-src data:; base-uri 'none'; form-action 'none'; frame-ancestors 'none'"
    )


def document_response(document: str | bytes, filename: str | None = None) -> HttpResponse:
    text = document.decode("utf-8") if isinstance(document, bytes) else document
    response = HttpResponse(text, content_type="text/html; charset=utf-8")
    response["Content-Security-Policy"] = document_policy(text)
    if filename:
        response["Content-Disposition"] = f'inline; filename="{filename}"'
    return response
