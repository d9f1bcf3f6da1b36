"""The dashboard in a real browser (Debian's Chromium) against `zicht demo` + `zicht serve`, tried as a new
user would: every chart drawn by Vega under the strict Content-Security-Policy (no 'unsafe-eval'), with
tooltips; the year, the filters and the downloads with the keyboard alone; the page without JavaScript;
and axe-core on every public page at desktop and phone width."""

from __future__ import annotations

import re
import time

import pytest

from browser import browser

pytestmark = pytest.mark.slow

PUBLIC_PAGES = [
    "/",
    "/?jaar=2023&vorm=seksuele-uitbuiting&leeftijd=minderjarig",
    "/gemeente/",
    "/gemeente/schiedam/",
    "/gemeente/rotterdam/?jaar=2023",  # a municipality whose counts are shown: its trend is a chart
    "/open-data/",
    "/monitor/",
    "/privacy/",
    "/accounts/inloggen/",
]
# The published monitor's HTML of every edition `zicht demo` publishes, in both languages (Dutch
# government sites must meet WCAG, the monitor's own edition too), and each year's page.
PUBLIC_PAGES += [f"/monitor/{year}/" for year in (2024, 2023, 2022)]
PUBLIC_PAGES += [f"/monitor/{year}/1/{lang}.html" for year in (2024, 2023, 2022) for lang in ("nl", "en")]


@pytest.fixture(scope="module")
def chromium():
    with browser() as b:
        yield b


@pytest.fixture
def page(chromium):
    context = chromium.new_context(viewport={"width": 1280, "height": 900}, accept_downloads=True)
    page = context.new_page()
    errors: list[str] = []
    page.on("console", lambda m: errors.append(f"{page.url}: {m.text}") if m.type == "error" else None)
    page.on("pageerror", lambda e: errors.append(f"{page.url}: {e}"))
    yield page
    context.close()
    assert errors == [], errors  # a refused eval or inline style would be a console error


def draw_every_chart(page) -> int:
    """Scroll down as a reader does (charts are drawn as they come near) until every chart is drawn."""
    views = page.locator(".zicht-chart__view").count()
    for _ in range(60):
        height = page.evaluate("document.body.scrollHeight")
        for y in range(0, height, 700):
            page.evaluate(f"window.scrollTo(0, {y})")
        if page.locator(".zicht-chart__view--interactive").count() == views:
            break
        time.sleep(0.25)
    page.evaluate("window.scrollTo(0, 0)")
    return views


def test_every_chart_is_drawn_by_vega_under_the_strict_policy_with_tooltips(live_site, page):
    response = page.goto(live_site["url"] + "/")
    policy = response.headers["content-security-policy"]
    assert "script-src 'self'" in policy and "unsafe-eval" not in policy and "unsafe-inline" not in policy
    main = page.inner_text("main")
    assert "179" in main and "lichte stijging" in main and "(130 keer)" in main
    views = draw_every_chart(page)
    assert views >= 19 and page.locator(".zicht-chart__view--interactive").count() == views
    assert page.locator(".zicht-chart__view--interactive .zicht-chart__vega svg.marks").count() == views
    assert page.locator(".zicht-chart__image").count() == 0  # every server drawing gave way to its chart
    bar = page.locator("#figuur-meldingen-trend .zicht-chart__vega g.mark-rect path").last
    bar.scroll_into_view_if_needed()
    bar.hover()
    tooltip = page.locator("#vg-tooltip-element.visible")
    tooltip.wait_for(timeout=5000)
    assert tooltip.inner_text().strip() == "2024: 179"


def test_the_year_the_filters_and_the_downloads_work_with_the_keyboard_alone(live_site, page):
    base = live_site["url"]
    page.goto(base + "/")

    def tab_to(selector: str, limit: int = 400) -> None:
        for _ in range(limit):
            page.keyboard.press("Tab")
            if page.evaluate("(s) => document.activeElement.matches(s)", selector):
                outline = page.evaluate("getComputedStyle(document.activeElement).outlineStyle")
                assert outline != "none", f"{selector} has no visible focus"
                return
        raise AssertionError(f"{selector} cannot be reached with Tab")

    tab_to("#jaar")
    page.keyboard.press("ArrowDown")  # 2024 → 2023, without opening the list
    tab_to("#vorm")
    page.keyboard.press("ArrowDown")  # all forms → sexual exploitation
    tab_to(".zicht-dash-form button[type=submit]")
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r"jaar=2023"))
    assert "Kerncijfers 2023" in page.inner_text("main") and "vorm=seksuele-uitbuiting" in page.url
    assert "Gefilterd: Seksuele uitbuiting." in page.inner_text("main")

    tab_to("#figuur-meldingen-aard summary")
    page.keyboard.press("Enter")
    assert page.locator("#figuur-meldingen-aard table").is_visible()
    tab_to("#figuur-meldingen-aard a[download]")
    with page.expect_download() as download:
        page.keyboard.press("Enter")
    text = open(download.value.path(), encoding="utf-8-sig").read()
    assert text.splitlines()[0].startswith("Rubriek;") and "Seksuele uitbuiting;" in text


def test_without_javascript_each_chart_is_the_servers_drawing_with_its_table(live_site, chromium):
    context = chromium.new_context(viewport={"width": 390, "height": 900}, java_script_enabled=False)
    page = context.new_page()
    page.goto(live_site["url"] + "/?jaar=2024")
    figures = page.locator("figure.zicht-chart")
    assert figures.count() >= 19
    for i in range(figures.count()):
        figure = figures.nth(i)
        image = figure.locator("img.zicht-chart__image")
        image.scroll_into_view_if_needed()
        image.evaluate("(img) => img.decode()")
        assert image.evaluate("(img) => img.naturalWidth") > 50 and len(image.get_attribute("alt")) > 30
        assert figure.locator("table tbody tr").count() >= 1
    context.close()


def test_every_public_page_passes_axe_core_at_desktop_and_phone_width(live_site, chromium):
    from axe_playwright_python.sync_playwright import Axe

    axe, found = Axe(), []
    for width in (1280, 390):
        context = chromium.new_context(viewport={"width": width, "height": 900})
        page = context.new_page()
        for path in [*PUBLIC_PAGES, "/taal/en/?next=/"]:
            page.goto(live_site["url"] + path)
            if path == "/":  # the charts Vega draws, once per width (elsewhere the ones on the first screen)
                draw_every_chart(page)
            for violation in axe.run(page).response["violations"]:
                targets = [n["target"] for n in violation["nodes"][:3]]
                found.append(f"{width}px {path}: {violation['id']} ({violation['impact']}) {targets}")
        context.close()
    assert not found, "\n".join(found)
