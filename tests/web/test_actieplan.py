"""The action plan's pages (/actieplan/): the published plan for the public, the working version for the
analyst, editing actions and a municipality's own initiatives, each edit a new delivery version."""

from __future__ import annotations

import pytest

from zicht.storage.models import AuditEvent, Delivery

pytestmark = pytest.mark.django_db

Y = 2024


@pytest.fixture
def plan(deliver):
    deliver(
        "acties",
        Y,
        "VAR",
        [
            {"id": "VAR-A-2024-01", "opgave": 1, "titel": "Monitor publiceren", "status": "gereed"},
            {"id": "VAR-A-2024-02", "opgave": 4, "titel": "Plan aanpak daders", "status": "uitgesteld"},
            {"id": "VAR-A-2024-03", "opgave": 4, "titel": "Doorontwikkeling RCTM", "status": "lopend"},
        ],
    )
    deliver(
        "initiatieven",
        Y,
        "VAR",
        [
            {"id": "VAR-I-2024-01", "gemeente": "Schiedam", "datum": f"{Y}-03-05", "titel": "Training wijkteams", "soort": "training"},
            {"id": "VAR-I-2024-02", "gemeente": "Vlaardingen", "datum": f"{Y}-04-01", "titel": "Voorlichting markt", "soort": "voorlichting"},
        ],
    )  # fmt: skip


def _text(response) -> str:
    return response.content.decode()


def test_the_public_sees_the_published_plan_with_pictures_then_tables(plan, clients, make_edition):
    make_edition(Y, fast=True)
    page = _text(clients["anonymous"].get("/actieplan/"))
    assert "Het actieplan in 2024" in page and "Zoals gepubliceerd in editie 2024" in page
    assert page.index('class="plan-progress"') < page.index('class="plan-tiles"') < page.index("Plan aanpak daders")
    assert 'aria-label="1 uitgesteld, 1 lopend"' not in page  # bars run done, running, planned, postponed
    assert 'aria-label="1 lopend, 1 uitgesteld"' in page
    assert "Training wijkteams" in page and "2 initiatieven, in 2 van de 23 gemeenten" in page
    assert "Acties bewerken" not in page and "Werkversie" not in page


def test_before_any_publication_the_public_reads_that_nothing_is_published(plan, clients):
    response = clients["anonymous"].get("/actieplan/")
    assert response.status_code == 200 and "nog geen editie" in _text(response)
    assert clients["anonymous"].get("/actieplan/?jaar=2024").status_code == 404


def test_an_analysts_edit_is_a_new_version_shown_as_unpublished(plan, clients, make_edition):
    make_edition(Y, fast=True)
    analyst = clients["analyst"]
    form = analyst.get("/actieplan/acties/2024/VAR-A-2024-02/")
    assert form.status_code == 200 and 'value="1"' in _text(form)  # the version it is based on
    data = {"opgave": "4", "titel": "Plan aanpak daders", "status": "lopend", "eigenaar": "RIEC", "basis": "1"}
    response = analyst.post("/actieplan/acties/2024/VAR-A-2024-02/", data)
    assert response.status_code == 302 and response["Location"].endswith("/actieplan/acties/2024/#VAR-A-2024-02")
    current = Delivery.objects.get(dataset="acties", year=Y, is_current=True)
    assert (current.version, current.delivered_by, current.delivered_via) == (2, "analyst", "web")
    page = _text(analyst.get("/actieplan/?jaar=2024"))
    assert "Werkversie" in page and "sinds editie 2024" in page
    assert "/aanleveren/geschiedenis/VAR/acties/2024/" in page  # who changed what
    public = _text(clients["anonymous"].get("/actieplan/"))
    assert "2 lopend" not in public  # the public still sees the edition


def test_a_refused_edit_shows_the_finding_beside_its_field_and_changes_nothing(plan, clients):
    data = {"opgave": "3", "titel": "Mail info@example.org", "status": "gepland", "basis": "1"}
    response = clients["analyst"].post("/actieplan/acties/2024/nieuw/", data)
    page = _text(response)
    assert response.status_code == 200 and 'id="id_titel_error"' in page and "e-mailadres" in page
    assert "info@example.org" not in page.replace('value="Mail info@example.org"', "")
    assert Delivery.objects.filter(dataset="acties").count() == 1


def test_an_edit_on_an_old_version_is_refused_with_a_message(plan, clients):
    data = {"opgave": "1", "titel": "Nieuw", "status": "gepland", "basis": "0"}
    response = clients["analyst"].post("/actieplan/acties/2024/nieuw/", data)
    assert response.status_code == 200 and "zojuist gewijzigd" in _text(response)
    assert Delivery.objects.filter(dataset="acties").count() == 1


def test_an_action_is_removed_and_unfinished_ones_carried_over(plan, clients):
    analyst = clients["analyst"]
    analyst.post("/actieplan/acties/2024/VAR-A-2024-01/", {"verwijderen": "1", "basis": "1"})
    assert Delivery.objects.get(dataset="acties", year=Y, is_current=True).row_count == 2
    page = _text(analyst.get("/actieplan/acties/2025/"))
    assert "2 acties uit 2024 zijn nog niet af" in page
    analyst.post("/actieplan/acties/2025/", {"basis": "0"})
    assert Delivery.objects.get(dataset="acties", year=2025, is_current=True).row_count == 2
    assert AuditEvent.objects.filter(action="actions-carried-over", actor="analyst").count() == 1


def test_a_municipal_officer_registers_and_changes_the_own_initiatives(plan, clients):
    officer = clients["schiedam"]
    page = _text(officer.get("/actieplan/initiatieven/2024/"))
    assert "Training wijkteams" in page and "Voorlichting markt" not in page
    data = {
        "titel": "Bijeenkomst ondernemers",
        "datum": "2024-09-12",
        "soort": "bijeenkomst",
        "opgave": "3",
        "partners": ["NLA", "politie"],
        "bereik": "40",
        "basis": "1",
    }
    response = officer.post("/actieplan/initiatieven/2024/nieuw/", data)
    assert response.status_code == 302
    current = Delivery.objects.get(dataset="initiatieven", year=Y, is_current=True)
    assert (current.version, current.delivered_by, current.row_count) == (2, "schiedam", 3)
    from zicht.services.actieplan import rows_of

    added = next(r for r in rows_of(current.id, "initiatieven") if r["titel"] == "Bijeenkomst ondernemers")
    assert added["gemeente"] == "Schiedam" and added["partners"] == "politie|NLA" and added["bereik"] == 40


def test_another_municipalitys_initiative_is_not_found_by_page_or_post(plan, clients):
    officer = clients["schiedam"]
    assert officer.get("/actieplan/initiatieven/2024/VAR-I-2024-02/").status_code == 404
    response = officer.post("/actieplan/initiatieven/2024/VAR-I-2024-02/", {"verwijderen": "1", "basis": "1"})
    assert response.status_code == 404
    data = {"titel": "Overgenomen", "datum": "2024-04-01", "soort": "campagne", "basis": "1"}
    assert officer.post("/actieplan/initiatieven/2024/VAR-I-2024-02/", data).status_code == 404
    assert Delivery.objects.filter(dataset="initiatieven").count() == 1


def test_a_date_outside_the_year_is_the_formats_finding(plan, clients):
    data = {"titel": "Te laat", "datum": "2025-01-10", "soort": "training", "basis": "1"}
    page = _text(clients["schiedam"].post("/actieplan/initiatieven/2024/nieuw/", data))
    assert 'id="id_datum_error"' in page and "ligt niet in 2024" in page


def test_the_pages_are_in_english_on_request(plan, clients, make_edition):
    make_edition(Y, fast=True)
    client = clients["anonymous"]
    client.get("/taal/en/")
    page = _text(client.get("/actieplan/"))
    assert "The action plan in 2024" in page and "Progress per task" in page and "Postponed" in page


@pytest.mark.slow
def test_in_a_real_browser_the_plans_pages_have_no_axe_violation_or_console_error(live_site):
    import subprocess
    import sys

    from axe_playwright_python.sync_playwright import Axe

    from browser import browser, log_in

    password = "vier-woorden-zijn-veilig-2024"
    env = {**live_site["env"], "ZICHT_PASSWORD": password}
    for args in (("schiedam-plan", "--role", "gemeente", "--gemeente", "Schiedam"), ("ana-plan", "--role", "analyst")):
        done = subprocess.run(
            [sys.executable, "-m", "zicht", "user", "add", *args], env=env, capture_output=True, text=True
        )
        assert done.returncode == 0, done.stderr
    axe, problems, secrets, base = Axe(), [], {}, live_site["url"]

    def check(page, path):
        page.goto(base + path)
        results = axe.run(page)
        problems.extend(
            f"{path} [{v['id']}] {v['help']}: {[n['target'] for n in v['nodes']][:3]}"
            for v in results.response["violations"]
        )

    with browser() as chromium:
        for user, pages in (
            (None, [(1280, "/actieplan/"), (390, "/actieplan/")]),
            ("schiedam-plan", [(390, "/actieplan/initiatieven/2024/nieuw/")]),
            ("ana-plan", [(1280, "/actieplan/acties/2024/"), (390, "/actieplan/acties/2024/VAR-A-2024-02/")]),
        ):
            context = chromium.new_context(viewport={"width": 1280, "height": 900})
            page = context.new_page()
            page.on("console", lambda m: problems.append(f"console: {m.text}") if m.type == "error" else None)
            page.on("pageerror", lambda e: problems.append(f"page error: {e}"))
            if user:  # once: a second factor's code is good once per half minute
                log_in(page, base, user, password, secrets)
            for width, path in pages:
                page.set_viewport_size({"width": width, "height": 900})
                check(page, path)
            context.close()
    assert not problems, "\n".join(problems)
