"""Another region by configuration alone (issue 11): the monitor, the dashboard (with a municipality's page and
the charts' files) and the meldroutekaart of a test-only region
(tests/regions/regio-test-brabant.toml: ten other municipalities, a central one whose name starts with an
apostrophe, partner codes of its own, k = 10), from random deliveries, speak only of that region: none of
regio Rotterdam's partner codes or place names appears anywhere in them, charts included.
"""

from __future__ import annotations

import base64
import os
import re
from pathlib import Path

import pytest

from region_sample import random_deliveries, write
from zicht.region import load_region

REGION_FILE = Path(__file__).resolve().parent.parent / "regions" / "regio-test-brabant.toml"
ROTTERDAM = load_region("regio-rotterdam")
# NLA (the Netherlands Labour Authority) is a national agency and a code of the delivery format's
# `organisatie` list, as CoMensha is: any region may name it. Every other partner of regio Rotterdam is its own.
NATIONAL = {"NLA"}
ROTTERDAM_WORDS = (
    {p.code for p in ROTTERDAM.partners} - NATIONAL
    | {p.word("short") for p in ROTTERDAM.partners if p.word("short")} - NATIONAL
    | {n for m in ROTTERDAM.municipalities for n in (m.name, *m.aliases)}
    | {"Rotterdam", "VeiligheidsAlliantie", "Humanitas"}
)
TRACE = re.compile(r"\b(" + "|".join(sorted(map(re.escape, ROTTERDAM_WORDS), key=len, reverse=True)) + r")\b")
SVG = re.compile(r"data:image/svg\+xml;base64,([A-Za-z0-9+/=]+)")


def traces(document: str) -> list[str]:
    """Regio Rotterdam's words in a page, its inlined charts decoded (their labels are text too)."""
    text = SVG.sub(lambda m: base64.b64decode(m.group(1)).decode(), document)
    return [f"{m.group(0)}: …{text[max(0, m.start() - 60) : m.end() + 30]}…" for m in TRACE.finditer(text)]


@pytest.fixture
def other_region(db, tmp_path):
    """The test region as ZICHT_REGION, with random deliveries of 2023 and 2024 imported; back to the
    shipped region afterwards."""
    from zicht.services import dashboard as service
    from zicht.services.publication import _frozen_public
    from zicht.storage.api import import_delivery
    from zicht.web.public.caching import forget_pages

    def forget():
        load_region.cache_clear()
        service.clear_caches()
        forget_pages()
        _frozen_public.cache_clear()

    before = os.environ.get("ZICHT_REGION")
    os.environ["ZICHT_REGION"] = str(REGION_FILE)
    forget()
    try:
        region = load_region()
        for path, year, partner, dataset in write(tmp_path / "leveringen", random_deliveries(region, seed=11)):
            result = import_delivery(path, dataset, year, partner, by="test", region=region)
            assert result.delivery is not None, [f.message_en for f in result.findings[:3]]
        yield region
    finally:
        if before is None:
            os.environ.pop("ZICHT_REGION", None)
        else:
            os.environ["ZICHT_REGION"] = before
        forget()


def test_the_test_region_is_not_regio_rotterdam():
    region = load_region(str(REGION_FILE))
    assert region.central.startswith("'") and len(region.municipalities) == 10 and region.disclosure_k == 10
    own = {p.code for p in region.partners} | set(region.municipality_names)
    assert not own & ROTTERDAM_WORDS
    assert traces("Het ESSM en de AVIM in Capelle aan den IJssel; het RIEC-samenwerkingsverband")  # the scan sees them


@pytest.mark.slow
def test_the_monitor_and_the_dashboard_of_another_region_speak_only_of_that_region(other_region, client, make_edition):
    from zicht import monitor
    from zicht.reporting.dashboard import slug
    from zicht.reporting.render import build_report

    pages = {}
    analyst = monitor.gather(2024, with_estimate=True)
    public = monitor.gather(2024, with_estimate=False)
    for lang in ("nl", "en"):
        pages[f"monitor {lang}"] = build_report(analyst, lang=lang, public=False)
        pages[f"public monitor {lang}"] = build_report(public, lang=lang, public=True)
    make_edition(2024, fast=True)
    central = slug(other_region.central)
    for lang in ("nl", "en"):
        client.get(f"/taal/{lang}/")
        for url in (
            "/",
            "/gemeente/",
            f"/gemeente/{central}/?jaar=2024",
            "/meldroutekaart/",
            "/meldroutekaart/vragen/",
        ):
            response = client.get(url)
            assert response.status_code == 200, url
            pages[f"{url} ({lang})"] = response.content.decode()
        # Every chart of the dashboard as a visitor downloads it: its Vega-Lite spec and its table.
        for url in sorted(set(re.findall(r'href="(/grafiek/[^"?]+\.(?:json|csv))"', pages[f"/ ({lang})"]))):
            response = client.get(url)
            body = b"".join(response.streaming_content) if response.streaming else response.content
            pages[url] = body.decode("utf-8-sig")
    assert sum(name.startswith("/grafiek/") for name in pages) >= 20

    found = {name: traces(page) for name, page in pages.items()}
    assert not any(found.values()), {name: hits[:5] for name, hits in found.items() if hits}

    # …and they do speak of this region: its partners, with the neutral words where it gives none.
    nl, en = pages["monitor nl"], pages["monitor en"]
    assert "Regionale cijfers Meldpunt Mensenhandel Brabant-Noord (MPB)" in nl and "Het MPB is het meld-" in nl
    assert "Meldingen bij het meldpunt (MPB)" in nl and "Casussen ZIEC" in nl and "ZIEC cases" in en
    assert "binnen het ZIEC-samenwerkingsverband" in nl and "In 2024 the ZIEC partnership ran" in en
    assert "Regionale cijfers van de politie" in nl and "In 2024 registreerde de politie" in nl
    assert "Regionale cijfers van het controleteam" in nl and "In 2024 heeft het controleteam" in nl
    assert "In 2024 the police recorded" in en and "Inspections by the inspection team" in en
    assert "'s-Hertogenbosch" in nl.replace("&#39;", "'") and "&lt;10" in pages["public monitor nl"]
    assert "Noordoost-Brabant" in pages["/ (nl)"] and "het ZIEC" in pages["/ (nl)"]
    assert "the ZIEC" in pages["/ (en)"]
    assert "Meldpunt Mensenhandel Brabant-Noord (MPB)" in pages["/meldroutekaart/ (nl)"]
