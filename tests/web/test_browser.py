"""The journeys of issue 7 in a real browser (Debian's Chromium through Playwright) against `zicht serve`.

1. A partner's data officer logs in (enrolling the second factor), uploads a broken file, reads the
   findings, uploads the fixed file, confirms, sees the new version in the history and restores the
   earlier one.
2. The analyst logs in, writes a text with a preview, previews the monitor, publishes a new edition with
   a note; the published edition is listed and its PDF downloadable by anyone.
No page shows a console error.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from browser import browser, log_in

pytestmark = pytest.mark.slow

PASSWORD = "vier-woorden-zijn-veilig-2024"
DEMO = Path(__file__).resolve().parents[2] / "src" / "zicht" / "demo" / "deliveries" / "2024"


@pytest.fixture(scope="module")
def site(live_site):
    env = {**live_site["env"], "ZICHT_PASSWORD": PASSWORD}
    import subprocess
    import sys

    for args in (
        ("user", "add", "essm-web", "--role", "partner", "--partner", "ESSM"),
        ("user", "add", "ana-web", "--role", "analyst"),
    ):
        done = subprocess.run([sys.executable, "-m", "zicht", *args], env=env, capture_output=True, text=True)
        assert done.returncode == 0, done.stderr
    return live_site


@pytest.fixture
def page(site):
    with browser() as chromium:
        context = chromium.new_context(viewport={"width": 1280, "height": 900}, accept_downloads=True)
        page = context.new_page()
        errors: list[str] = []
        page.on("console", lambda m: errors.append(f"{page.url}: {m.text}") if m.type == "error" else None)
        page.on("pageerror", lambda e: errors.append(f"{page.url}: {e}"))
        page.console_errors = errors
        yield page
        context.close()
    assert errors == [], errors


SECRETS: dict = {}


def test_partner_delivers_fixes_confirms_and_restores(site, page, tmp_path):
    base = site["url"]
    log_in(page, base, "essm-web", PASSWORD, SECRETS)
    assert "/accounts/" not in page.url, page.url
    page.goto(f"{base}/aanleveren/")
    assert page.locator("h1").first.is_visible()

    good = (DEMO / "ESSM.meldingen.csv").read_text(encoding="utf-8-sig")
    broken = tmp_path / "meldingen-2024.csv"
    lines = good.splitlines()
    header = lines[0].split(",")
    cells = lines[1].split(",")
    cells[header.index("soort")] = "onbekende-soort"
    broken.write_text("\n".join([lines[0], ",".join(cells), *lines[2:]]) + "\n", encoding="utf-8")

    page.goto(f"{base}/aanleveren/levering/?dataset=meldingen&year=2024")
    page.set_input_files("input[type=file]", str(broken))
    page.click("main form button[type=submit]")
    page.wait_for_url(re.compile(r"/aanleveren/controle/"))
    findings = page.locator("table")
    assert findings.count() >= 1 and "onbekende-soort" in page.inner_text("main")
    assert page.locator("a[href$='bevindingen.csv']").count() == 1

    fixed = tmp_path / "meldingen-2024-hersteld.csv"
    fixed.write_text(good, encoding="utf-8")  # the officer corrects the cell: the file as the demo has it
    page.goto(f"{base}/aanleveren/levering/?dataset=meldingen&year=2024")
    page.set_input_files("input[type=file]", str(fixed))
    page.click("main form button[type=submit]")
    page.wait_for_url(re.compile(r"/aanleveren/controle/"))
    page.click("form[action$='bevestigen/'] button[type=submit]")
    page.wait_for_url(re.compile(r"/aanleveren/geschiedenis/ESSM/meldingen/2024/"))
    current = page.locator(".zicht-version--current")
    assert current.count() == 1 and current.get_attribute("id") == "versie-2"  # the confirmed file is current

    page.once("dialog", lambda dialog: dialog.accept())
    page.locator("#versie-1 form[action*='/aanleveren/herstellen/'] button[type=submit]").click()
    page.wait_for_url(re.compile(r"/aanleveren/geschiedenis/ESSM/meldingen/2024/"))
    assert page.locator(".zicht-version").count() == 3
    current = page.locator(".zicht-version--current")
    assert current.get_attribute("id") == "versie-3"
    assert "1" in current.locator(".zicht-version__head .zicht-badge").last.inner_text()  # restores version 1


def test_analyst_writes_previews_and_publishes_a_new_edition(site, page):
    base = site["url"]
    log_in(page, base, "ana-web", PASSWORD, SECRETS)
    page.goto(f"{base}/beheer/")
    assert "2024" in page.inner_text("main")

    page.goto(f"{base}/beheer/teksten/2024/conclusie/?taal=nl")
    page.fill("textarea", "## Conclusie\n\nDe aanpak werkt; **meer** meldingen dan in 2023.")
    page.click("button[name=preview]")
    page.wait_for_load_state()
    assert page.locator("main strong", has_text="meer").count() >= 1
    page.click("button[name=save]")
    page.wait_for_load_state()

    with page.context.expect_page() as opened:
        page.goto(f"{base}/beheer/voorbeeld/2024/")
        page.locator("a[href*='/beheer/voorbeeld/2024/openbaar/nl/']").first.click()
    preview = opened.value
    preview.wait_for_load_state()
    assert "Monitor Mensenhandel" in preview.inner_text("body")
    preview.close()

    page.goto(f"{base}/beheer/publiceren/2024/")
    page.fill("textarea[name=note], input[name=note]", "Conclusie aangevuld")
    page.click("main form button[type=submit]")
    page.wait_for_url(re.compile(r"/monitor/2024/"), timeout=120_000)
    assert "Conclusie aangevuld" in page.inner_text("main")

    anonymous = page.context.browser.new_context(accept_downloads=True).new_page()
    anonymous.goto(f"{base}/monitor/2024/")
    with anonymous.expect_download() as download:
        anonymous.locator("a[href$='nl.pdf?download=1']").first.click()
    path = download.value.path()
    assert Path(path).read_bytes()[:5] == b"%PDF-"
    anonymous.context.close()
