"""The loans' pages (/uitleen/): the catalogue for everyone, the calendar and reservations for
municipalities and partners (their own), confirmation, handover and return by the analyst."""

from __future__ import annotations

import datetime as dt

import pytest
from django.utils import timezone

from zicht.storage.models import AuditEvent, Delivery, LoanRequest

pytestmark = pytest.mark.django_db


def _text(response) -> str:
    return response.content.decode()


def _day(n: int) -> dt.date:
    start = timezone.localdate()
    start = start if start.month < 11 else dt.date(start.year + 1, 1, 10)
    return start + dt.timedelta(days=n)


def _reserve(client, first=10, last=12, material="vr-brillen", **extra):
    data = {
        "materiaal": material,
        "start": _day(first).isoformat(),
        "end": _day(last).isoformat(),
        "purpose": "Training voor wijkteams",
        "audience": "Wijkteams",
        "expected": "20",
        **extra,
    }
    return client.post("/uitleen/reserveren/", data)


def test_the_public_sees_the_catalogue_without_the_calendar(clients):
    page = _text(clients["anonymous"].get("/uitleen/"))
    assert "VR-brillen" in page and "Koffer Verkeerd" in page and "de reis van de tomaat" in page
    assert "nu beschikbaar" not in page and "Log in om te zien wanneer" in page
    material = _text(clients["anonymous"].get("/uitleen/materiaal/vr-brillen/"))
    assert "loan-cal" not in material and "loggen in" in material
    assert "Reserveren" not in material


def test_a_municipal_officer_reserves_and_sees_the_answer(clients):
    response = _reserve(clients["schiedam"])
    made = LoanRequest.objects.get()
    assert response.status_code == 302 and response["Location"] == f"/uitleen/reserveringen/{made.id}/"
    assert (made.by_gemeente, made.gemeente, made.organisatie, made.requested_by) == (
        "Schiedam",
        "Schiedam",
        "gemeente",
        "schiedam",
    )
    page = _text(clients["schiedam"].get(response["Location"]))
    assert "Training voor wijkteams" in page and "aangevraagd" in page and "Reservering annuleren" in page
    assert "Uitlening bevestigen" not in page
    assert AuditEvent.objects.filter(action="reservation-requested", actor="schiedam").exists()


def test_another_organisations_reservation_is_not_found(clients):
    _reserve(clients["schiedam"])
    made = LoanRequest.objects.get()
    for who in ("essm", "avim"):
        assert clients[who].get(f"/uitleen/reserveringen/{made.id}/").status_code == 404
        assert clients[who].post(f"/uitleen/reserveringen/{made.id}/", {"wat": "annuleren"}).status_code == 404
        assert "Training voor wijkteams" not in _text(clients[who].get("/uitleen/reserveringen/"))
    assert LoanRequest.objects.get().status == "aangevraagd"


def test_a_partner_says_where_the_material_is_used(clients):
    page = _text(_reserve(clients["essm"]))
    assert 'id="id_gemeente_error"' in page and LoanRequest.objects.count() == 0
    assert _reserve(clients["essm"], gemeente="regio").status_code == 302
    assert LoanRequest.objects.get().organisatie == "ESSM"


def test_the_analyst_confirms_and_two_overlapping_loans_cannot_both_be_confirmed(clients):
    _reserve(clients["schiedam"], 10, 12)
    _reserve(clients["avim"], 12, 14, gemeente="Rotterdam")
    first, second = LoanRequest.objects.order_by("id")
    analyst = clients["analyst"]
    desk = _text(analyst.get("/uitleen/beheer/"))
    assert "Te beoordelen" in desk and "Gemeente Schiedam · Training voor wijkteams" in desk
    assert "AVIM · Rotterdam" in desk
    analyst.post(f"/uitleen/reserveringen/{first.id}/", {"wat": "bevestigen"})
    assert LoanRequest.objects.get(pk=first.id).status == "bevestigd"
    response = analyst.post(f"/uitleen/reserveringen/{second.id}/", {"wat": "bevestigen"}, follow=True)
    assert "al uitgeleend" in _text(response) and LoanRequest.objects.get(pk=second.id).status == "aangevraagd"
    assert "kan zo niet bevestigd worden" in _text(analyst.get(f"/uitleen/reserveringen/{second.id}/"))
    assert Delivery.objects.get(dataset="uitleningen", is_current=True).row_count == 1
    calendar = _text(clients["schiedam"].get(f"/uitleen/materiaal/vr-brillen/?vanaf={_day(10):%Y-%m}"))
    assert "loan-cal__day--bezet" in calendar and "uitgeleend" in calendar


def test_handover_and_return_with_the_reach(clients):
    _reserve(clients["schiedam"])
    made = LoanRequest.objects.get()
    analyst = clients["analyst"]
    analyst.post(f"/uitleen/reserveringen/{made.id}/", {"wat": "bevestigen"})
    made.refresh_from_db()
    url = f"/uitleen/uitleningen/{made.loan_year}/{made.loan_ref}/"
    assert "Uitgifte vastleggen" in _text(analyst.get(url))
    analyst.post(url, {"wat": "uitgeven"})
    analyst.post(url, {"wat": "terugnemen", "bereik": "veel"})  # not a number: nothing changes
    assert Delivery.objects.get(dataset="uitleningen", is_current=True).version == 2
    analyst.post(url, {"wat": "terugnemen", "bereik": "23"})
    from zicht.services.actieplan import current_delivery, rows_of

    [row] = rows_of(current_delivery("uitleningen", made.loan_year).id, "uitleningen")
    assert (row["status"], row["bereik"]) == ("teruggebracht", 23)
    assert "teruggebracht" in _text(clients["schiedam"].get(f"/uitleen/reserveringen/{made.id}/"))
    assert analyst.post(url, {"wat": "iets-anders"}).status_code == 404


def test_the_analyst_withdraws_an_item_and_it_cannot_be_reserved(clients):
    analyst = clients["analyst"]
    data = {
        "name_nl": "Koffer Verkeerd",
        "description_nl": "Een koffer vol signalen.",
        "note": "In onderhoud tot maart.",
    }  # available unticked
    assert analyst.post("/uitleen/materiaal/koffer-verkeerd/bewerken/", data).status_code == 302
    page = _text(clients["schiedam"].get("/uitleen/"))
    assert "nu niet te reserveren" in page and "In onderhoud tot maart." in page
    assert "Een koffer vol signalen." in _text(clients["anonymous"].get("/uitleen/materiaal/koffer-verkeerd/"))
    response = _reserve(clients["schiedam"], material="koffer-verkeerd")
    assert response.status_code == 200 and LoanRequest.objects.count() == 0
    assert clients["schiedam"].post("/uitleen/materiaal/koffer-verkeerd/bewerken/", data).status_code == 403


def test_a_reservation_in_the_past_is_refused_beside_the_field(clients):
    yesterday = timezone.localdate() - dt.timedelta(days=1)
    data = {"materiaal": "vr-brillen", "start": yesterday.isoformat(), "end": yesterday.isoformat(), "purpose": "x"}
    page = _text(clients["schiedam"].post("/uitleen/reserveren/", data))
    assert 'id="id_start_error"' in page and "in het verleden" in page
    assert LoanRequest.objects.count() == 0


# -- in a real browser ---------------------------------------------------------------------------


def axe_violations(axe, page) -> list[str]:
    results = axe.run(page)
    return [
        f"{page.url} [{v['id']}] {v['help']}: {[n['target'] for n in v['nodes']][:3]}"
        for v in results.response["violations"]
    ]


@pytest.mark.slow
def test_in_a_real_browser_a_municipality_reserves_and_the_analyst_confirms_and_hands_over(live_site):
    """The journey on `zicht serve` with the demo, at both widths, with axe-core on every page."""
    import subprocess
    import sys

    from axe_playwright_python.sync_playwright import Axe

    from browser import browser, log_in

    password = "vier-woorden-zijn-veilig-2024"
    env = {**live_site["env"], "ZICHT_PASSWORD": password}
    for args in (
        ("schiedam-uitleen", "--role", "gemeente", "--gemeente", "Schiedam"),
        ("ana-uitleen", "--role", "analyst"),
    ):
        done = subprocess.run(
            [sys.executable, "-m", "zicht", "user", "add", *args], env=env, capture_output=True, text=True
        )
        assert done.returncode == 0, done.stderr
    base, axe, problems, secrets = live_site["url"], Axe(), [], {}
    first, last = _day(40), _day(42)
    with browser() as chromium:
        context = chromium.new_context(viewport={"width": 1280, "height": 900})
        page = context.new_page()
        page.on("console", lambda m: problems.append(f"console: {m.text}") if m.type == "error" else None)
        page.on("pageerror", lambda e: problems.append(f"page error: {e}"))
        for width, path in ((1280, "/uitleen/"), (390, "/uitleen/materiaal/vr-brillen/")):
            page.set_viewport_size({"width": width, "height": 900})
            page.goto(base + path)
            problems.extend(axe_violations(axe, page))
        context.close()
        context = chromium.new_context(viewport={"width": 390, "height": 900})
        page = context.new_page()
        page.on("console", lambda m: problems.append(f"console: {m.text}") if m.type == "error" else None)
        log_in(page, base, "schiedam-uitleen", password, secrets)
        page.goto(base + "/uitleen/reserveren/?materiaal=vr-brillen")
        problems.extend(axe_violations(axe, page))
        page.fill("input[name=start]", first.isoformat())
        page.fill("input[name=end]", last.isoformat())
        page.fill("textarea[name=purpose]", "Training signalen voor het wijkteam")
        with page.expect_navigation():
            page.click("text=Reservering versturen")
        assert "/uitleen/reserveringen/" in page.url and "aangevraagd" in page.inner_text("main")
        problems.extend(axe_violations(axe, page))
        request_url = page.url
        context.close()
        context = chromium.new_context(viewport={"width": 1280, "height": 900})
        page = context.new_page()
        page.on("console", lambda m: problems.append(f"console: {m.text}") if m.type == "error" else None)
        log_in(page, base, "ana-uitleen", password, secrets)
        page.goto(base + "/uitleen/beheer/")
        problems.extend(axe_violations(axe, page))
        page.goto(request_url)
        with page.expect_navigation():
            page.click("text=Uitlening bevestigen")
        assert "Bevestigd: de uitlening is vastgelegd." in page.inner_text("main")
        problems.extend(axe_violations(axe, page))
        with page.expect_navigation():
            page.click(".loan-facts a")  # the loan it became
        problems.extend(axe_violations(axe, page))
        with page.expect_navigation():
            page.click("text=Uitgifte vastleggen")
        assert "Uitgifte vastgelegd." in page.inner_text("main")
        context.close()
    assert not problems, "\n".join(problems)
