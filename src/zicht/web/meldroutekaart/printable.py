"""The meldroutekaart on one A4 page, for notice boards and training: the same routes and signals as the
web pages, printed through the report engine (`zicht.reporting.pdf.pdf_bytes`, WeasyPrint).

No Django: `zicht meldroutekaart --pdf` renders it from the region file alone, and the web page serves
the same bytes (kept per language and address, since the configuration does not change while the
process runs).
"""

from __future__ import annotations

import base64
import io
from datetime import date
from functools import lru_cache
from pathlib import Path

import jinja2

from zicht import __version__
from zicht.web.meldroutekaart import vormen
from zicht.web.meldroutekaart.config import Kaart
from zicht.web.meldroutekaart.signals import GROUPING_SOURCE, SOURCES

HERE = Path(__file__).parent / "a4"
MAIN_FORMS = ("seksuele-uitbuiting", "arbeidsuitbuiting", "criminele-uitbuiting")


@lru_cache(maxsize=1)
def _env() -> jinja2.Environment:
    return jinja2.Environment(
        loader=jinja2.FileSystemLoader(HERE),
        autoescape=jinja2.select_autoescape(["html"]),
        trim_blocks=True,
        lstrip_blocks=True,
    )


def file_name(lang: str) -> str:
    return f"meldroutekaart-{lang}.pdf"


def html(kaart: Kaart, lang: str, url: str, region_name: str = "", organisation: str = "") -> str:
    """The A4 page as HTML (Dutch or English); `url` ("" for none) is printed with a QR code."""
    if lang not in ("nl", "en"):
        raise ValueError(f"unknown language {lang!r}: use nl or en")
    main = []
    for code in MAIN_FORMS:
        form = vormen.localized(vormen.BY_CODE[code], lang)
        main.append({"name": form["name"], "signals": [group["signals"][0] for group in form["groups"]]})
    others = [vormen.BY_CODE[f.code].name(lang) for f in vormen.FORMS if f.code not in MAIN_FORMS]
    used = dict.fromkeys(
        s
        for code in MAIN_FORMS
        for group in vormen.signals_of(vormen.BY_CODE[code]).values()
        for signal in group
        for s in signal.sources
    )
    context = {
        "lang": lang,
        "region": region_name,
        "organisation": organisation,
        "routes": [r.localized(lang) for r in kaart.routes],
        "main": main,
        "others": others,
        # Who said it, not the page titles: the web page lists each source in full.
        "sources": list(dict.fromkeys(SOURCES[s].who(lang) for s in used)),
        "grouping": SOURCES[GROUPING_SOURCE].title(lang),
        "dense": len(kaart.routes) > 6,
        "url": url,
        "qr": _qr(url) if url else "",
        "printed": date.today().isoformat(),
        "version": __version__,
        "css": (HERE / "kaart.css").read_text(encoding="utf-8"),
    }
    return _env().get_template("kaart.html").render(**context)


def pdf(kaart: Kaart, lang: str, url: str, region_name: str | None = None, organisation: str | None = None) -> bytes:
    """The A4 page as PDF."""
    if region_name is None or organisation is None:
        from zicht.region import load_region

        region = load_region()
        region_name, organisation = region.name, region.organisation
    return _pdf_of(html(kaart, lang, url, region_name, organisation))


@lru_cache(maxsize=8)
def _pdf_of(page: str) -> bytes:
    from zicht.reporting.pdf import pdf_bytes

    return pdf_bytes(page)


def _qr(url: str) -> str:
    import segno

    out = io.BytesIO()
    segno.make(url, error="m").save(out, kind="svg", scale=4, border=0, dark="#1d2b36")
    return "data:image/svg+xml;base64," + base64.b64encode(out.getvalue()).decode("ascii")
