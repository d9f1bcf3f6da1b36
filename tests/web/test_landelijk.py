"""The national picture in the web application (/landelijk/, issue 11 part 3): three test-only regions'
packages (tests/national/build.py) given to the site; the page, its CSV, the menu, and `zicht serve
--national` in a real browser with axe-core at desktop and phone width."""

from __future__ import annotations

import os
import re
import runpy
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

from zicht import national

BUILD = runpy.run_path(str(Path(__file__).parent.parent / "national" / "build.py"))
SHOTS = os.environ.get("ZICHT_SCREENSHOTS")  # a folder: the browser test leaves its screenshots there


@pytest.fixture
def packages(deliver, tmp_path):
    return [str(f) for f in BUILD["build_packages"](deliver, tmp_path / "packages", seed=5)]


@pytest.fixture
def configured(settings, packages):
    from zicht.web.landelijk import views

    views.comparison.cache_clear()
    settings.NATIONAL_SOURCES = tuple(packages)
    yield packages
    views.comparison.cache_clear()


def cells(html: str) -> list[str]:
    return [re.sub(r"<[^>]+>", " ", c).split()[0] for c in re.findall(r"<td[^>]*>(.*?)</td>", html, re.S) if c.strip()]


@pytest.mark.django_db
def test_the_national_page_shows_the_regions_side_by_side(client, configured):
    response = client.get("/landelijk/")
    assert response.status_code == 200
    html = response.content.decode()
    for name in ("regio Noordkust", "regio Oostland", "regio Zuidrand"):
        assert name in html
    assert "Het landelijk beeld" in html and "Niet op te tellen" in html and "1.118" in html
    assert 'href="/landelijk/"' in html  # in the menu
    assert "&lt;10" in html
    comparison = national.compare(national.read_packages(configured))
    people = {national.indicator_label(r.key) for r in comparison.overview.rows if national._about_people(r.key)}
    for row in re.findall(r"<tr[^>]*>(.*?)</tr>", html, re.S):
        label = re.sub(r"<[^>]+>", "", (re.findall(r"<th[^>]*>(.*?)</th>", row, re.S) or [""])[0]).strip()
        if label in people:
            for text in cells(row):
                assert not re.fullmatch(r"[1-9]", text), (label, text)  # nothing from 1 to 9 (k = 10)


@pytest.mark.django_db
def test_the_national_page_speaks_english_and_its_csv_is_the_comparisons(client, configured, settings):
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    html = client.get("/landelijk/").content.decode()
    assert "The national picture: regions side by side" in html and "Not to be added up." in html
    response = client.get("/landelijk/landelijk-beeld.csv")
    assert response.status_code == 200 and response["Content-Type"].startswith("text/csv")
    assert response.content == national.rows_csv(national.compare(national.read_packages(configured)))


@pytest.mark.django_db
def test_the_sources_are_read_once_not_per_request(client, configured, monkeypatch):
    client.get("/landelijk/")
    monkeypatch.setattr(national, "read_package", lambda source: pytest.fail("read again"))
    assert client.get("/landelijk/").status_code == 200


@pytest.mark.django_db
def test_without_sources_the_page_says_so_and_the_menu_has_no_entry(client, settings):
    settings.NATIONAL_SOURCES = ()
    response = client.get("/landelijk/")
    assert response.status_code == 404
    assert "geen landelijk beeld" in response.content.decode()
    assert 'href="/landelijk/"' not in client.get("/privacy/").content.decode()


@pytest.mark.django_db
def test_a_source_that_cannot_be_read_is_said_on_the_page(client, settings, tmp_path):
    from zicht.web.landelijk import views

    views.comparison.cache_clear()
    settings.NATIONAL_SOURCES = (str(tmp_path / "nergens"),)
    response = client.get("/landelijk/")
    views.comparison.cache_clear()
    assert response.status_code == 503
    assert "bestaat niet" in response.content.decode()


@pytest.mark.slow
@pytest.mark.django_db
def test_zicht_serve_national_passes_axe_core_at_desktop_and_phone_width(packages, tmp_path):
    from axe_playwright_python.sync_playwright import Axe

    from browser import browser

    env = {k: v for k, v in os.environ.items() if k not in ("ZICHT_DATABASE_URL", "DJANGO_SETTINGS_MODULE")}
    env["ZICHT_HOME"] = str(tmp_path / "home")
    bad = subprocess.run(
        [sys.executable, "-m", "zicht", "serve", "--national", str(tmp_path / "nergens")],
        env=env, capture_output=True, text=True, timeout=120,
    )  # fmt: skip
    assert bad.returncode == 1 and "bestaat niet" in bad.stderr and "Traceback" not in bad.stderr
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    args = [a for p in packages for a in ("--national", p)]
    with open(tmp_path / "serve.log", "w") as log:
        server = subprocess.Popen(
            [sys.executable, "-m", "zicht", "serve", "--port", str(port), "--workers", "1", *args],
            env=env,
            stdout=log,
            stderr=subprocess.STDOUT,
        )
    base = f"http://127.0.0.1:{port}"
    try:
        for _ in range(240):
            try:
                with urllib.request.urlopen(base + "/healthz", timeout=2):
                    break
            except OSError:
                assert server.poll() is None, (tmp_path / "serve.log").read_text()
                time.sleep(0.5)
        else:
            raise AssertionError((tmp_path / "serve.log").read_text())
        found = []
        with browser() as chromium:
            for width in (1280, 390):
                for lang in ("nl", "en"):
                    context = chromium.new_context(viewport={"width": width, "height": 900})
                    page = context.new_page()
                    if lang == "en":
                        page.goto(f"{base}/taal/en/?next=/landelijk/")
                    page.goto(base + "/landelijk/")
                    assert (
                        page.locator("h1")
                        .inner_text()
                        .startswith("Het landelijk beeld" if lang == "nl" else "The national picture")
                    )
                    for violation in Axe().run(page).response["violations"]:
                        targets = [n["target"] for n in violation["nodes"][:3]]
                        found.append(f"{width}px {lang}: {violation['id']} ({violation['impact']}) {targets}")
                    if SHOTS:
                        page.screenshot(path=f"{SHOTS}/landelijk-{lang}-{width}.png", full_page=True)
                    context.close()
        assert not found, "\n".join(found)
    finally:
        server.terminate()
        server.wait(30)
