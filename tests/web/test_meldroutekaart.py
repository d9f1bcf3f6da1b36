"""The meldroutekaart (issue 9): signals, the guided check, the routes as region configuration, the A4
version, the municipal block, and that it stores nothing about the person who uses it.

The real-browser part (the check for a labour case, a minor and an acute case; axe-core on every page
at 1280 and 390 px; keyboard use) runs against `zicht serve`, as does the access-log test.
"""

from __future__ import annotations

import logging
import re
import subprocess
import urllib.parse
import urllib.request

import pytest

from zicht.region import load_region
from zicht.web.meldroutekaart import config
from zicht.web.meldroutekaart.check import ANSWER_CODES, QUESTIONS, Answers, outcome

LABOUR = {"gevaar": "nee", "minderjarig": "nee", "situatie": ["werk"], "praten": "ja"}
MINOR = {"gevaar": "nee", "minderjarig": "ja", "situatie": ["crimineel"], "praten": "nee"}
ACUTE = {"gevaar": "ja", "minderjarig": "weet-niet", "situatie": ["seks"], "praten": "weet-niet"}
PAGES = (
    "/meldroutekaart/",
    "/meldroutekaart/vragen/",
    "/meldroutekaart/signalen/",
    "/meldroutekaart/signalen/arbeidsuitbuiting/",
    "/meldroutekaart/signalen/draagmoederschap/",
    "/meldroutekaart/embed/",
    "/meldroutekaart/voor-gemeenten/",
)


def kaart():
    return config.load(load_region())


def keys(answers: dict) -> list[str]:
    a = Answers(answers["gevaar"], answers["minderjarig"], tuple(answers["situatie"]), answers["praten"])
    return [step.route.key for step in outcome(a, kaart().routes).steps]


# -- the check's rules (pure) -----------------------------------------------------------------------


def test_a_labour_case_goes_to_the_labour_inspectorate_then_the_regional_routes():
    assert keys(LABOUR) == ["arbeidsinspectie", "essm", "politie", "meld-misdaad-anoniem"]


def test_a_minor_goes_to_veilig_thuis_first():
    assert keys(MINOR) == ["veilig-thuis", "essm", "politie", "meld-misdaad-anoniem"]


def test_acute_danger_puts_112_first_and_doubt_about_danger_too():
    assert keys(ACUTE)[0] == "112"
    assert keys({**LABOUR, "gevaar": "weet-niet"})[0] == "112"
    assert "112" not in keys(LABOUR)


def test_a_domestic_situation_goes_to_veilig_thuis_and_the_order_is_the_issues():
    assert keys({**ACUTE, "minderjarig": "ja", "situatie": ["thuis", "werk"]}) == [
        "112",
        "veilig-thuis",
        "arbeidsinspectie",
        "essm",
        "politie",
        "meld-misdaad-anoniem",
    ]


def test_the_outcome_names_the_forms_and_why_each_route_is_there():
    a = Answers("ja", "ja", ("werk", "anders"), "nee")
    result = outcome(a, kaart().routes)
    assert result.acute and result.forms == (
        "arbeidsuitbuiting",
        "orgaanverwijdering",
        "illegale-adoptie",
        "draagmoederschap",
    )
    why = {step.route.key: step.because for step in result.steps}
    assert why["112"] == ("gevaar:ja",) and why["veilig-thuis"] == ("minderjarig:ja",) and why["politie"] == ()


def test_an_unknown_answer_is_not_an_answer():
    with pytest.raises(ValueError):
        Answers("misschien", "nee", ("werk",), "ja")
    with pytest.raises(ValueError):
        Answers("ja", "nee", (), "ja")


# -- the region configuration -----------------------------------------------------------------------


def test_the_shipped_routes_keep_the_monitors_fields_and_only_confirmed_numbers():
    region = load_region()
    assert [r.name for r in region.routes] == [r.name.nl for r in kaart().routes]
    assert all(r.contact and r.when for r in region.routes)
    # shared/data/signalen.md confirms these; the ESSM's number is not confirmed, so it has none.
    assert {r.key: r.phone for r in kaart().routes} == {
        "112": "112",
        "veilig-thuis": "0800-2000",
        "arbeidsinspectie": "0800-5151",
        "essm": "",
        "politie": "0900-8844",
        "meld-misdaad-anoniem": "0800-7000",
    }
    assert len(kaart().embed_domains) == 23


REGION = """
slug = "regio-proef"
name = "regio Proef"
central = "Alfa"
[[municipalities]]
name = "Alfa"
[[partners]]
code = "MELDPUNT"
datasets = ["meldingen"]
"""

ROUTE = """
[[report_routes]]
key = "meldpunt"
name = "Meldpunt Proef"
contact = "010 - 123 45 67"
phone = "010-1234567"
when = "Altijd."
check = ["altijd"]
"""


def region_from(tmp_path, text: str, name: str = "regio-proef"):
    path = tmp_path / f"{name}.toml"  # load_region keeps a region per path
    path.write_text(REGION + text, encoding="utf-8")
    return load_region(str(path))


@pytest.mark.parametrize(
    ("broken", "reason"),
    [
        (ROUTE.replace('check = ["altijd"]', 'check = ["gevaar:misschien"]'), "gevaar:misschien"),
        (ROUTE.replace('check = ["altijd"]', "check = []"), "'check'"),
        (ROUTE.replace('check = ["altijd"]', 'check = [["altijd"], {a = 1}]'), "'check'"),
        (ROUTE.replace('name = "Meldpunt Proef"', 'name = ""'), "'name'"),
        (ROUTE.replace('phone = "010-1234567"', 'phone = "bel ons"'), "phone"),
        (ROUTE.replace('key = "meldpunt"', 'key = "Meld Punt"'), "'key'"),
        (ROUTE + "url = 'javascript:alert(1)'", "url"),
        (ROUTE + ROUTE, "more than once"),
        (ROUTE + "[meldroutekaart]\nembed_domains = ['https://www.proef.nl/pagina']", "embed_domains"),
        (ROUTE + '[meldroutekaart]\nembed_domains = ["https://a.nl; script-src *"]', "embed_domains"),
        (ROUTE + "[meldroutekaart]\nembed_domains = ['http://www.proef.nl']", "embed_domains"),
        (ROUTE + "[meldroutekaart]\nkleur = 'rood'", "kleur"),
    ],
)
def test_a_broken_configuration_is_refused_with_its_reason(tmp_path, broken, reason):
    with pytest.raises(config.ConfigError) as refused:
        config.load(region_from(tmp_path, broken))
    assert reason in refused.value.message_en and refused.value.message_nl


def test_another_region_sets_its_own_routes_rules_and_domains_without_code(tmp_path):
    region = region_from(
        tmp_path,
        ROUTE + "[meldroutekaart]\nurl = 'https://proef.nl/meldroutekaart/'\nembed_domains = ['https://*.proef.nl']",
    )
    own = config.load(region)
    assert [r.key for r in own.routes] == ["meldpunt"] and own.routes[0].tel == "tel:0101234567"
    assert own.url == "https://proef.nl/meldroutekaart/" and own.embed_domains == ("https://*.proef.nl",)
    assert own.routes[0].name("en") == "Meldpunt Proef"  # the Dutch when no English is given
    assert config.load(region_from(tmp_path, "", "zonder-routes")).routes == ()
    # A route as the monitor's page alone has it: a key from its name, always in the check's outcome.
    plain = 'name = "Politie Proef"\ncontact = "0900 - 8844"\nwhen = "Melding."\n'
    (route,) = config.load(region_from(tmp_path, "[[report_routes]]\n" + plain, "alleen-monitor")).routes
    assert route.key == "politie-proef" and route.check == ("altijd",) and route.phone == ""


def test_every_answer_code_has_a_reason_and_the_forms_question_matches_the_check():
    from zicht.web.meldroutekaart.check import REASONS
    from zicht.web.meldroutekaart.forms import CheckForm

    assert set(REASONS) == ANSWER_CODES - {"altijd"}
    form = CheckForm()
    assert {name: tuple(v for v, _ in form.fields[name].choices) for name in form.fields} == QUESTIONS


# -- the signals --------------------------------------------------------------------------------------


def test_every_form_of_the_directive_has_its_text_and_every_signal_a_named_source():
    from zicht.schema.codes import VORM
    from zicht.web.meldroutekaart import vormen
    from zicht.web.meldroutekaart.signals import GENERAL, GROUPS, SOURCES

    assert {f.code for f in vormen.FORMS} == set(VORM) - {"overig", "onbekend"}
    for form in vormen.FORMS:
        for lang in ("nl", "en"):
            shown = vormen.localized(form, lang)
            assert shown["name"] and shown["what"] and shown["what_sources"], form.code
            assert [g["key"] for g in shown["groups"]] == list(GROUPS), form.code
            assert all(g["signals"] and g["sources"] for g in shown["groups"]), form.code
        assert set(form.signals) <= set(GROUPS)
    signals = [s for f in vormen.FORMS for group in f.signals.values() for s in group]
    signals += [s for group in GENERAL.values() for s in group]
    assert all(s.sources and set(s.sources) <= set(SOURCES) and s.text.nl != s.text.en for s in signals)


def test_no_signal_is_presented_as_an_ilo_ec_indicator():
    """The ILO/EC publication gives the grouping; its lists of indicators were not read (signalen.md marks
    the copies UNVERIFIED), so no signal cites it."""
    from zicht.web.meldroutekaart import vormen
    from zicht.web.meldroutekaart.signals import GENERAL

    groups = [*GENERAL.values(), *(g for f in vormen.FORMS for g in f.signals.values())]
    assert all("ilo-ec-2009" not in s.sources for group in groups for s in group)


# -- the pages ----------------------------------------------------------------------------------------


def post(client, answers: dict, **extra):
    return client.post("/meldroutekaart/vragen/", {**answers, **extra})


def route_names(response) -> list[str]:
    return re.findall(r'mrk-route__name">([^<]+)<', response.content.decode())


@pytest.mark.django_db
def test_every_page_answers_anyone_and_sets_no_cookie(clients):
    for who in ("anonymous", "analyst"):
        for path in PAGES:
            assert clients[who].get(path).status_code == 200, (who, path)
    anonymous = clients["anonymous"]
    for response in (
        *(anonymous.get(path) for path in PAGES),
        post(anonymous, LABOUR),
        post(anonymous, {"gevaar": "ja"}),
        post(anonymous, LABOUR, wijzig="1"),
        anonymous.get("/meldroutekaart/signalen/bestaat-niet/"),
    ):
        assert not response.cookies and "Set-Cookie" not in response.headers, response.request["PATH_INFO"]


@pytest.mark.django_db
def test_the_check_answers_a_post_without_csrf_cookie_and_gives_the_route(client):
    from django.test import Client

    strict = Client(enforce_csrf_checks=True)
    labour = post(strict, LABOUR)
    assert labour.status_code == 200
    assert route_names(labour) == [
        "Nederlandse Arbeidsinspectie",
        "Regionaal meld- en adviespunt mensenhandel (ESSM)",
        "Politie",
        "Meld Misdaad Anoniem",
    ]
    text = labour.content.decode()
    assert "Het gaat om werk." in text and "/meldroutekaart/signalen/arbeidsuitbuiting/" in text
    assert "geen oordeel" in text and "te goeder trouw" in text
    assert "no-store" in labour["Cache-Control"]
    acute = post(strict, ACUTE).content.decode()
    assert acute.index('href="tel:112"') < acute.index("<h1")
    assert route_names(post(strict, MINOR))[0] == "Veilig Thuis"


@pytest.mark.django_db
def test_missing_or_tampered_answers_are_marked_and_danger_still_shows_112(client):
    response = post(client, {"gevaar": "ja", "minderjarig": "<script>", "situatie": ["werk", "x"]})
    text = response.content.decode()
    assert response.status_code == 200 and "Er ontbreekt een antwoord" in text
    assert text.count('aria-invalid="true"') >= 3 and "<script>" not in text
    assert 'href="tel:112"' in text.split("<h1")[0]


@pytest.mark.django_db
def test_changing_the_answers_returns_them_chosen_without_a_query_string(client):
    text = post(client, MINOR, wijzig="1").content.decode()
    assert re.search(r'value="ja" id="minderjarig-ja" checked', text) or re.search(
        r'name="minderjarig" value="ja" id="[^"]+" checked', text
    )
    assert "Er ontbreekt" not in text
    # Answers in a query string are ignored: no link can carry someone's answers.
    assert "mrk-routes--steps" not in client.get("/meldroutekaart/vragen/?gevaar=ja&situatie=werk").content.decode()


@pytest.mark.django_db
def test_english_by_link_without_a_cookie_and_the_switch_wins(client):
    english = client.get("/meldroutekaart/?lang=en")
    text = english.content.decode()
    assert english["Content-Language"] == "en" and 'lang="en"' in text and not english.cookies
    assert 'href="/meldroutekaart/vragen/?lang=en"' in text and "Emergency number 112" in text
    outcome_en = post(client, LABOUR, lang="en").content.decode()
    assert "Netherlands Labour Authority" in outcome_en and "It is about work." in outcome_en
    client.get("/taal/nl/?next=/")
    assert 'lang="nl"' in client.get("/meldroutekaart/?lang=en").content.decode()


@pytest.mark.django_db
def test_only_the_embed_page_may_be_framed_and_only_by_the_configured_domains(client):
    embed = client.get("/meldroutekaart/embed/")
    assert "X-Frame-Options" not in embed.headers
    ancestors = re.search(r"frame-ancestors ([^;]*)", embed["Content-Security-Policy"]).group(1).split()
    assert ancestors == list(kaart().embed_domains)
    assert "script-src 'self'" in embed["Content-Security-Policy"]
    for path in (p for p in PAGES if "embed" not in p):
        response = client.get(path)
        assert response["X-Frame-Options"] == "DENY" and "frame-ancestors 'none'" in response["Content-Security-Policy"]


@pytest.mark.django_db
def test_the_municipal_block_is_html_without_script_in_dutch_and_english(client):
    import html

    text = client.get("/meldroutekaart/voor-gemeenten/").content.decode()
    blocks = [
        html.unescape(b)
        for b in re.findall(r'<pre class="mrk-code" id="html-(?:nl|en)"[^>]*><code>(.*?)</code>', text, re.S)
    ]
    assert len(blocks) == 2
    for block, lang in zip(blocks, ("nl", "en"), strict=True):
        assert f'lang="{lang}"' in block and "http://testserver/meldroutekaart/" in block
        assert not re.search(r"<script|\sstyle=|\son\w+=|<style", block)
        assert 'href="tel:09008844"' in block
    assert "Mensenhandel: herken het, meld het" in blocks[0] and "recognise it, report it" in blocks[1]
    assert "http://testserver/meldroutekaart/embed/?lang=en" in text


@pytest.mark.django_db
def test_the_pages_read_another_regions_configuration(client, tmp_path, monkeypatch):
    from zicht.web.meldroutekaart import views

    region = region_from(tmp_path, ROUTE)
    monkeypatch.setattr(views, "load_region", lambda: region)
    assert "Meldpunt Proef" in client.get("/meldroutekaart/").content.decode()
    assert route_names(post(client, LABOUR)) == ["Meldpunt Proef"]
    assert "frame-ancestors 'none'" in client.get("/meldroutekaart/embed/")["Content-Security-Policy"]


# -- stores nothing -----------------------------------------------------------------------------------


def row_counts() -> dict[str, int]:
    from django.db import connection

    with connection.cursor() as cursor:
        counts = {}
        for table in connection.introspection.table_names(cursor):
            cursor.execute(f'SELECT COUNT(*) FROM "{table}"')
            counts[table] = cursor.fetchone()[0]
    return counts


class Capture(logging.Handler):
    def __init__(self):
        super().__init__(logging.DEBUG)
        self.lines: list[str] = []

    def emit(self, record):
        self.lines.append(f"{record.name} {record.getMessage()} {record.args!r} {getattr(record, 'request', '')}")


@pytest.mark.django_db
def test_using_the_check_writes_no_row_and_no_log_line_with_answers(clients):
    loggers = [
        logging.getLogger(),
        *(v for v in logging.root.manager.loggerDict.values() if isinstance(v, logging.Logger)),
    ]
    capture = Capture()
    levels = [(logger, logger.level) for logger in loggers]
    before = row_counts()
    for logger in loggers:
        logger.addHandler(capture)
        logger.setLevel(logging.DEBUG)
    try:
        for who in ("anonymous", "analyst"):
            client = clients[who]
            for answers in (LABOUR, MINOR, ACUTE, {"gevaar": "ja", "situatie": "anders"}):
                post(client, answers)
                post(client, answers, wijzig="1")
            for path in PAGES:
                client.get(path)
    finally:
        for logger, level in levels:
            logger.removeHandler(capture)
            logger.setLevel(level)
    assert row_counts() == before
    logged = "\n".join(capture.lines)
    for word in ("gevaar", "minderjarig", "situatie", "praten", "crimineel", "weet-niet"):
        assert word not in logged, word


@pytest.mark.slow
def test_the_access_log_of_zicht_serve_holds_the_path_never_the_answers(live_site):
    import time

    body = urllib.parse.urlencode({**LABOUR, "situatie": "crimineel"}).encode()
    with urllib.request.urlopen(live_site["url"] + "/meldroutekaart/vragen/", data=body, timeout=30) as response:
        assert response.status == 200 and not response.headers.get_all("Set-Cookie")
        assert "Criminele uitbuiting" in response.read().decode()
    with urllib.request.urlopen(live_site["url"] + "/meldroutekaart/vragen/?gevaar=ja&praten=nee", timeout=30) as r:
        assert r.status == 200
    for _ in range(50):
        log = live_site["log"].read_text(encoding="utf-8")
        if log.count("/meldroutekaart/vragen/") >= 2:
            break
        time.sleep(0.1)
    assert '"POST /meldroutekaart/vragen/"' in log and '"GET /meldroutekaart/vragen/"' in log
    for word in ("gevaar", "minderjarig", "situatie", "praten", "crimineel"):
        assert word not in log, word


# -- the A4 version ------------------------------------------------------------------------------------


def pdf_pages(path) -> tuple[int, str, str]:
    info = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True, check=True).stdout
    text = subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True, check=True).stdout
    pages = int(re.search(r"^Pages:\s+(\d+)", info, re.M).group(1))
    return pages, re.search(r"^Page size:.*$", info, re.M).group(0), text


def run_zicht(tmp_path, *args, region: str | None = None) -> subprocess.CompletedProcess:
    """The command as a user runs it; the meldroutekaart needs no database."""
    import os
    import sys

    env = {k: v for k, v in os.environ.items() if k not in ("ZICHT_DATABASE_URL", "DJANGO_SETTINGS_MODULE")}
    env["ZICHT_HOME"] = str(tmp_path / "home")
    if region:
        env["ZICHT_REGION"] = region
    return subprocess.run(
        [sys.executable, "-m", "zicht", *map(str, args)], env=env, capture_output=True, text=True, timeout=120
    )


def test_zicht_meldroutekaart_pdf_is_one_a4_page_with_every_route(tmp_path):
    for lang, heading in (("nl", "Iets gezien?"), ("en", "Seen something?")):
        out = tmp_path / f"kaart-{lang}.pdf"
        done = run_zicht(tmp_path, "meldroutekaart", "--pdf", "--lang", lang, "--out", out)
        assert done.returncode == 0, done.stderr
        pages, size, text = pdf_pages(out)
        assert pages == 1 and "(A4)" in size
        assert heading in text and "0900 - 8844" in text and "0800 - 7000" in text and "112" in text
    listing = run_zicht(tmp_path, "meldroutekaart")
    assert listing.returncode == 0 and "check: situatie:werk" in listing.stdout


def test_zicht_meldroutekaart_refuses_a_broken_region_without_a_traceback(tmp_path):
    path = tmp_path / "kapot.toml"
    path.write_text(REGION + ROUTE.replace('check = ["altijd"]', 'check = ["nooit"]'), encoding="utf-8")
    done = run_zicht(tmp_path, "meldroutekaart", "--pdf", region=str(path))
    assert done.returncode == 1 and "nooit" in done.stderr and "Traceback" not in done.stderr
    assert run_zicht(tmp_path, "meldroutekaart", "--out", tmp_path / "x.pdf").returncode == 2


@pytest.mark.django_db
def test_the_web_serves_the_same_a4_with_its_own_address(client, tmp_path):
    response = client.get("/meldroutekaart/meldroutekaart-en.pdf")
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    path = tmp_path / "web.pdf"
    path.write_bytes(response.content)
    pages, size, text = pdf_pages(path)
    assert pages == 1 and "(A4)" in size and "http://testserver/meldroutekaart/?lang=en" in text


# -- in a real browser -------------------------------------------------------------------------------


def axe_violations(axe, page) -> list[str]:
    results = axe.run(page)
    return [
        f"{page.url} [{v['id']}] {v['help']}: {[n['target'] for n in v['nodes']][:3]}"
        for v in results.response["violations"]
    ]


def answer(page, answers: dict) -> None:
    page.goto(page.base + "/meldroutekaart/vragen/")
    for question, given in answers.items():
        for value in given if isinstance(given, list) else [given]:
            page.check(f"input[name={question}][value={value}]")
    with page.expect_navigation():
        page.click("button.mrk-submit")


def shown_routes(page) -> list[str]:
    return page.locator(".mrk-route__name").all_inner_texts()


@pytest.mark.slow
def test_in_a_real_browser_the_check_routes_each_case_and_axe_finds_no_violation(live_site):
    from axe_playwright_python.sync_playwright import Axe

    from browser import browser

    axe = Axe()
    problems: list[str] = []
    with browser() as chromium:
        for width in (1280, 390):
            context = chromium.new_context(viewport={"width": width, "height": 900})
            page = context.new_page()
            page.base = live_site["url"]
            page.on("console", lambda m: problems.append(f"console: {m.text}") if m.type == "error" else None)
            page.on("pageerror", lambda e: problems.append(f"page error: {e}"))
            for path in PAGES:
                page.goto(live_site["url"] + path)
                problems.extend(axe_violations(axe, page))

            answer(page, LABOUR)
            assert shown_routes(page)[0] == "Nederlandse Arbeidsinspectie"
            assert page.locator("a.mrk-form-card[href$='/arbeidsuitbuiting/']").count() == 1
            problems.extend(axe_violations(axe, page))
            answer(page, MINOR)
            assert shown_routes(page)[0] == "Veilig Thuis"
            answer(page, ACUTE)
            assert shown_routes(page)[0] == "Alarmnummer 112"
            assert page.locator(".mrk-acute--now a[href='tel:112']").is_visible()
            problems.extend(axe_violations(axe, page))
            with page.expect_navigation():
                page.click("button[name=wijzig]")  # back to the questions, answers kept
            assert page.locator("input[name=gevaar][value=ja]").is_checked()

            answer(page, {"gevaar": "ja"})  # answers missing: marked, and 112 still first
            assert page.locator(".mrk-summary").is_visible() and page.locator(".mrk-acute--now").is_visible()
            problems.extend(axe_violations(axe, page))
            assert context.cookies() == [], context.cookies()
            context.close()
    assert not problems, "\n".join(problems)


@pytest.mark.slow
def test_the_check_works_by_keyboard_alone_at_phone_width(live_site):
    from browser import browser

    with browser() as chromium:
        context = chromium.new_context(viewport={"width": 390, "height": 800})
        page = context.new_page()
        page.goto(live_site["url"] + "/meldroutekaart/")
        for _ in range(40):  # from the top of the page to the check's button, as a keyboard user goes
            page.keyboard.press("Tab")
            if page.evaluate("document.activeElement.classList.contains('mrk-start__button')"):
                break
        with page.expect_navigation():
            page.keyboard.press("Enter")
        assert page.url.endswith("/meldroutekaart/vragen/")
        page.keyboard.press("Tab")
        while page.evaluate("document.activeElement.name") != "gevaar":
            page.keyboard.press("Tab")
        page.keyboard.press("ArrowRight")  # gevaar: nee
        page.keyboard.press("Tab")
        page.keyboard.press("ArrowRight")  # minderjarig: nee
        page.keyboard.press("Tab")
        page.keyboard.press("Space")  # situatie: werk
        for _ in range(5):
            page.keyboard.press("Tab")
        page.keyboard.press("Space")  # praten: ja
        page.keyboard.press("Tab")
        with page.expect_navigation():
            page.keyboard.press("Enter")
        assert shown_routes(page)[0] == "Nederlandse Arbeidsinspectie"
        assert "Het gaat om werk." in page.inner_text("main")
        width = page.evaluate("document.documentElement.scrollWidth")
        assert width <= 390, f"the page scrolls sideways on a phone ({width}px)"
        context.close()


@pytest.mark.slow
def test_the_check_works_without_javascript(live_site):
    from browser import browser

    with browser() as chromium:
        context = chromium.new_context(viewport={"width": 390, "height": 800}, java_script_enabled=False)
        page = context.new_page()
        page.base = live_site["url"]
        answer(page, MINOR)
        assert shown_routes(page)[:1] == ["Veilig Thuis"]
        assert context.cookies() == []
        context.close()
