"""The analyst's desk (/beheer/): completeness, texts, preview, publication, accounts, audit log."""

from __future__ import annotations

import csv
import io

import pytest

from zicht.region import load_region
from zicht.reporting import SECTIONS

# What the region expects each year: every (partner, dataset) pair of its configuration.
PAIRS = sum(len(p.datasets) for p in load_region().partners)

pytestmark = pytest.mark.django_db

PASSWORD = "vier-woorden-zijn-veilig-2024"

PAGES = [
    "/beheer/",
    "/beheer/?jaar=2023",
    "/beheer/teksten/2024/",
    "/beheer/teksten/2024/inleiding/?taal=nl",
    "/beheer/teksten/2024/toelichting-riec-casussen/?taal=en",
    "/beheer/voorbeeld/2024/",
    "/beheer/publiceren/2024/",
    "/beheer/edities/",
    "/beheer/accounts/",
    "/beheer/nieuw-account/",
    "/beheer/accounts/essm/",
    "/beheer/audit/",
]
PRIVATE = [*PAGES, "/beheer/voorbeeld/2024/openbaar/nl/", "/beheer/audit/export.csv"]


def page(response) -> str:
    assert response.status_code == 200, response.status_code
    return response.content.decode()


def main(response) -> str:
    """The page's own content (the layout around it is the same everywhere)."""
    return page(response).split('<main id="inhoud"', 1)[1].split("</main>", 1)[0]


@pytest.fixture
def analyst(clients):
    return clients["analyst"]


# -- who may come in -----------------------------------------------------------------------------


def test_every_desk_page_opens_for_the_analyst(analyst, demo_data, make_edition):
    make_edition(2024, fast=True)
    for path in PAGES:
        response = analyst.get(path)
        assert response.status_code == 200, path
        assert "<script>" not in response.content.decode(), path
        assert 'name="robots" content="noindex' in response.content.decode(), path


def test_desk_pages_refuse_partner_and_gemeente(clients):
    for name in ("essm", "schiedam"):
        for path in PRIVATE:
            assert clients[name].get(path).status_code == 403, (name, path)
        assert clients[name].post("/beheer/publiceren/2024/", {"note": "x"}).status_code == 403
        assert clients[name].post("/beheer/accounts/analyst/", {"action": "disable"}).status_code == 403
        assert clients[name].post("/beheer/teksten/2024/casus/", {"markdown": "x", "save": "1"}).status_code == 403
    from django.contrib.auth.models import User

    from zicht.storage.models import Edition, NarrativeText

    assert User.objects.get(username="analyst").is_active
    assert not Edition.objects.exists() and not NarrativeText.objects.exists()


def test_desk_pages_send_anonymous_visitors_to_login(client):
    for path in PRIVATE:
        response = client.get(path)
        assert response.status_code == 302, path
        assert response["Location"].startswith("/accounts/inloggen/?next="), path


def test_the_desk_opens_on_an_empty_database(analyst):
    text = main(analyst.get("/beheer/"))
    assert "Er is nog niets aangeleverd" in text


# -- completeness --------------------------------------------------------------------------------


def test_completeness_shows_delivered_and_missing(analyst, demo_data):
    text = main(analyst.get("/beheer/?jaar=2021"))  # the demo has only the national figures for 2021
    landelijk, meldingen = text.split("landelijk</code>", 1)[1], text.split("meldingen</code>", 1)[1]
    delivered = landelijk.split("</tr>", 1)[0]
    assert "geleverd" in delivered and "v1" in delivered and ">6<" in delivered and "zicht demo" in delivered
    assert "/aanleveren/geschiedenis/VAR/landelijk/2021/" in delivered
    row = meldingen.split("</tr>", 1)[0]
    assert "ontbreekt" in row and "Nog niet aangeleverd" in row and "v1" not in row and ">0<" not in row
    assert f"{PAIRS - 1} gegevenssets ontbreken voor 2021" in text  # 2021 has landelijk only
    assert "Nog niet geschreven: Inleiding, Casus, Conclusie, Doorkijk." in text


def test_the_year_selector_lists_the_years_with_deliveries_and_starts_at_the_latest(analyst, demo_data):
    text = main(analyst.get("/beheer/"))
    for year in range(2019, 2025):
        assert f"?jaar={year}" in text
    assert 'href="?jaar=2024" aria-current="page"' in text
    assert f"{PAIRS} van {PAIRS}" in text


def test_the_desk_says_what_to_do_next(analyst, demo_data, make_edition):
    text = main(analyst.get("/beheer/?jaar=2024"))
    assert "2024 is nog niet gepubliceerd" in text and "/beheer/publiceren/2024/" in text
    assert "Nog niet geschreven" not in text  # the demo wrote the chapters' texts of 2024
    make_edition(2024, fast=True)
    assert "geen levering veranderd" in main(analyst.get("/beheer/?jaar=2024"))


def test_a_delivery_after_publication_is_shown_as_a_change(analyst, demo_data, make_edition, operator, tmp_path):
    from zicht.services.deliveries import deliver
    from zicht.services.demo import DEMO

    make_edition(2024, fast=True)
    lines = (DEMO / "deliveries" / "2024" / "ESSM.meldingen.csv").read_text(encoding="utf-8").splitlines()
    smaller = tmp_path / "meldingen.csv"
    smaller.write_text("\n".join(lines[:-1]) + "\n", encoding="utf-8")
    assert deliver(operator, smaller, "meldingen", 2024, "ESSM").accepted
    assert "1 levering veranderd sinds editie 2024" in main(analyst.get("/beheer/?jaar=2024"))
    publish_page = main(analyst.get("/beheer/publiceren/2024/"))
    assert "Veranderd sinds editie 2024" in publish_page and "v1" in publish_page and "v2" in publish_page


# -- texts ---------------------------------------------------------------------------------------


def test_texts_overview_shows_versions_and_what_is_not_written(analyst, actors):
    from zicht.services.monitor import set_text

    set_text(actors["analyst"], 2024, "conclusie", "Het is gelukt.", "nl")
    text = main(analyst.get("/beheer/teksten/2024/"))
    row = text.split("Conclusie", 1)[1].split("</tr>", 1)[0]
    assert "versie 1" in row and "analyst" in row and "niet geschreven" in row  # Dutch written, English not
    assert text.count("niet geschreven") == 2 * len(SECTIONS) - 1


def test_saving_a_text_creates_a_version(analyst):
    from zicht.storage.models import AuditEvent, NarrativeText

    url = "/beheer/teksten/2024/casus/?taal=nl"
    response = analyst.post(url, {"markdown": "Eerste *versie*.", "basis": "0", "save": "1"})
    assert response.status_code == 302
    response = analyst.post(url, {"markdown": "Tweede versie.", "basis": "1", "save": "1"})
    assert response.status_code == 302
    versions = NarrativeText.objects.filter(year=2024, section="casus", lang="nl").order_by("version")
    assert [(v.version, v.is_current, v.created_by) for v in versions] == [
        (1, False, "analyst"),
        (2, True, "analyst"),
    ]
    assert AuditEvent.objects.filter(action="set-text", subject="2024/casus/nl").count() == 2
    text = main(analyst.get(url + "&versie=1"))
    assert "Eerste <em>versie</em>." in text and "Versie 1" in text


def test_the_preview_renders_markdown_and_escapes_html_without_saving(analyst):
    from zicht.storage.models import NarrativeText

    markdown = "# Kop\n\nEen **vet** woord.\n\n<script>alert(1)</script>\n\n<img src=x onerror=alert(1)>"
    response = analyst.post(
        "/beheer/teksten/2024/inleiding/?taal=nl", {"markdown": markdown, "basis": "0", "preview": "1"}
    )
    text = main(response)
    preview = text.split('id="voorbeeld"', 1)[1]
    assert "<strong>vet</strong>" in preview and "<h1>Kop</h1>" in preview
    assert "<script>" not in text and "&lt;script&gt;alert(1)&lt;/script&gt;" in preview
    assert "<img" not in text
    assert not NarrativeText.objects.exists()


def test_saving_over_a_newer_version_is_refused_and_keeps_the_text(analyst, actors):
    from zicht.services.monitor import set_text
    from zicht.storage.models import NarrativeText

    set_text(actors["analyst"], 2024, "doorkijk", "Van een collega.", "nl")
    response = analyst.post(
        "/beheer/teksten/2024/doorkijk/?taal=nl", {"markdown": "Mijn tekst.", "basis": "0", "save": "1"}
    )
    text = main(response)
    assert "Mijn tekst." in text and "Van een collega." in text and "nog niet opgeslagen" in text
    assert NarrativeText.objects.filter(section="doorkijk").count() == 1
    again = analyst.post(
        "/beheer/teksten/2024/doorkijk/?taal=nl", {"markdown": "Mijn tekst.", "basis": "1", "save": "1"}
    )
    assert again.status_code == 302
    assert NarrativeText.objects.get(section="doorkijk", is_current=True).markdown == "Mijn tekst."


def test_an_unknown_section_is_not_found(analyst):
    assert analyst.get("/beheer/teksten/2024/geheim/").status_code == 404
    assert analyst.post("/beheer/teksten/2024/geheim/", {"markdown": "x", "save": "1"}).status_code == 404


# -- preview -------------------------------------------------------------------------------------


def test_the_preview_document_has_its_own_hash_policy_and_no_script(analyst, demo_data):
    from zicht.storage.models import AuditEvent

    for edition in ("openbaar", "analist"):
        response = analyst.get(f"/beheer/voorbeeld/2024/{edition}/nl/")
        assert response.status_code == 200
        csp = response["Content-Security-Policy"]
        assert "default-src 'none'" in csp and "'sha256-" in csp and "script-src" not in csp
        assert "unsafe-inline" not in csp
        html = response.content.decode()
        assert "<script" not in html.lower()
        assert "Voorbeeld, niet gepubliceerd" in html
    english = analyst.get("/beheer/voorbeeld/2024/analist/en/").content.decode()
    assert "Preview, not published" in english and 'lang="en"' in english
    assert AuditEvent.objects.filter(action="preview-report").count() == 3
    assert analyst.get("/beheer/voorbeeld/2024/geheim/nl/").status_code == 404


# -- publication ---------------------------------------------------------------------------------


def test_the_publish_page_shows_what_will_be_frozen(analyst, demo_data, make_edition):
    text = main(analyst.get("/beheer/publiceren/2021/"))
    assert f"{PAIRS - 1} gegevenssets ontbreken" in text
    assert "Landelijke cijfers (CoMensha)" in text and 'data-busy="' in text
    make_edition(2024, fast=True)
    text = main(analyst.get("/beheer/publiceren/2024/"))
    assert "Editie 2024-2 publiceren" in text and "Eerdere edities van 2024" in text
    from zicht.storage.api import current_deliveries

    for d in current_deliveries(2024):
        assert d.file_hash[:12] in text


@pytest.mark.slow
def test_publishing_through_the_desk_creates_edition_1_and_a_second_needs_a_note(analyst, demo_data):
    from zicht.storage.models import AuditEvent, Edition

    response = analyst.post("/beheer/publiceren/2024/", {"note": ""})
    assert response.status_code == 302 and response["Location"] == "/monitor/2024/"
    edition = Edition.objects.get(year=2024)
    assert edition.number == 1 and edition.published_by == "analyst"
    assert edition.files.count() == 4
    assert AuditEvent.objects.filter(action="publish", actor="analyst", subject="2024").exists()
    assert "Editie 2024 is gepubliceerd" in analyst.get("/monitor/2024/").content.decode()

    refused = analyst.post("/beheer/publiceren/2024/", {"note": "   "})
    assert refused.status_code == 200 and "zeg wat de nieuwe editie verandert" in main(refused)
    assert Edition.objects.filter(year=2024).count() == 1


def test_a_refused_publication_is_a_message_and_changes_nothing(analyst):
    from zicht.storage.models import Edition

    response = analyst.post("/beheer/publiceren/2030/", {"note": ""})
    text = main(response)
    assert "Er zijn geen leveringen voor 2030" in text
    assert not Edition.objects.exists()


def test_a_refusal_at_publication_is_shown_beside_the_button(analyst, demo_data, monkeypatch):
    from zicht.services import publication
    from zicht.services.errors import Refused
    from zicht.storage.models import Edition

    def refuse(actor, year, note="", progress=None):
        raise Refused("Niet gepubliceerd: de openbaarheidscontrole weigert.", "Not published: disclosure refuses.")

    monkeypatch.setattr(publication, "publish", refuse)
    text = main(analyst.post("/beheer/publiceren/2024/", {"note": ""}))
    form = text.split('id="publiceren"', 1)[1]
    assert "Niet gepubliceerd: de openbaarheidscontrole weigert." in form
    assert not Edition.objects.exists()


def test_a_second_edition_needs_a_note_and_the_use_case_also_refuses(analyst, demo_data, make_edition, actors):
    from zicht.services.errors import Refused
    from zicht.services.publication import publish

    make_edition(2024, fast=True)
    response = analyst.post("/beheer/publiceren/2024/", {"note": ""})
    assert response.status_code == 200 and "zeg wat de nieuwe editie verandert" in main(response)
    with pytest.raises(Refused):
        publish(actors["analyst"], 2024, "")


@pytest.mark.parametrize(
    "sql", ["UPDATE zicht_edition SET note = 'changed'", "UPDATE zicht_edition_file SET name = 'changed'"]
)
def test_a_published_edition_is_immutable(demo_data, make_edition, sql):
    from django.db import DatabaseError, connection, transaction

    from zicht.storage.models import Edition

    make_edition(2024, note="", fast=True)
    with pytest.raises(DatabaseError), transaction.atomic(), connection.cursor() as cursor:
        cursor.execute(sql)
    edition = Edition.objects.get(year=2024)
    assert edition.note == ""
    with pytest.raises(ValueError):
        edition.save()


def test_editions_are_listed_with_who_when_note_and_files(analyst, demo_data, make_edition):
    make_edition(2024, fast=True)
    make_edition(2024, note="Correctie van de RIEC-cijfers.", fast=True)
    text = main(analyst.get("/beheer/edities/"))
    assert "2024-2" in text and "Correctie van de RIEC-cijfers." in text and "test" in text
    for lang in ("nl", "en"):
        for kind in ("html", "pdf"):
            assert f'href="/monitor/2024/2/{lang}.{kind}"' in text
            assert f'href="/monitor/2024/1/{lang}.{kind}"' in text


# -- accounts ------------------------------------------------------------------------------------


def test_accounts_are_listed_with_role_organisation_and_second_factor(analyst):
    text = main(analyst.get("/beheer/accounts/"))
    for name in ("essm", "avim", "schiedam", "analyst"):
        assert f'href="/beheer/accounts/{name}/"' in text
    assert "Gemeente Schiedam" in text and "ketenpartner" in text and "niet nodig" in text


def test_creating_an_account_shows_the_generated_password_once(analyst, client):
    from django.contrib.auth.models import User

    from zicht.storage.models import AuditEvent

    response = analyst.post(
        "/beheer/nieuw-account/", {"username": "rctm-jan", "role": "partner", "partner": "RCTM", "gemeente": "Schiedam"}
    )
    text = main(response)
    password = text.split('id="nieuw-wachtwoord">', 1)[1].split("<", 1)[0]
    assert len(password) == 23 and "no-store" in response["Cache-Control"]
    user = User.objects.get(username="rctm-jan")
    assert user.check_password(password) and user.account.partner == "RCTM" and user.account.gemeente == ""
    assert AuditEvent.objects.filter(action="account-add", subject="rctm-jan", actor="analyst").exists()
    assert password not in main(analyst.get("/beheer/accounts/rctm-jan/"))
    assert password not in str(AuditEvent.objects.filter(subject="rctm-jan").values_list("details", flat=True))
    login = client.post("/accounts/inloggen/", {"username": "rctm-jan", "password": password})
    assert login.status_code == 302 and login["Location"].startswith("/accounts/tweede-factor/instellen/")


def test_creating_an_account_refuses_bad_input_with_a_message(analyst):
    from django.contrib.auth.models import User

    missing_partner = analyst.post("/beheer/nieuw-account/", {"username": "x", "role": "partner"})
    assert "Kies de partner" in main(missing_partner)
    taken = analyst.post("/beheer/nieuw-account/", {"username": "ESSM", "role": "analyst"})
    assert "bestaat al" in main(taken)
    bad = analyst.post("/beheer/nieuw-account/", {"username": "met spatie", "role": "analyst"})
    assert "Gebruikersnaam" in main(bad)
    assert not User.objects.filter(username__in=["x", "met spatie"]).exists()


def test_a_disabled_accounts_session_stops_working(analyst, clients):
    from django.contrib.auth.models import User

    essm = clients["essm"]
    assert essm.get("/aanleveren/").status_code == 200
    response = analyst.post("/beheer/accounts/essm/", {"action": "disable"})
    assert response.status_code == 302
    assert not User.objects.get(username="essm").is_active
    assert essm.get("/aanleveren/").status_code == 302
    assert "uitgeschakeld" in main(analyst.get("/beheer/accounts/essm/"))
    analyst.post("/beheer/accounts/essm/", {"action": "enable"})
    assert User.objects.get(username="essm").is_active


def test_an_analyst_cannot_disable_themself(analyst):
    from django.contrib.auth.models import User

    text = main(analyst.get("/beheer/accounts/analyst/"))
    assert 'value="disable"' not in text
    response = analyst.post("/beheer/accounts/analyst/", {"action": "disable"}, follow=True)
    assert "U kunt uw eigen account niet uitschakelen" in main(response)
    assert User.objects.get(username="analyst").is_active


def test_resetting_an_account_gives_a_new_password_and_removes_the_second_factor(analyst, clients):
    from django.contrib.auth.models import User
    from django_otp.plugins.otp_totp.models import TOTPDevice

    user = User.objects.get(username="avim")
    assert TOTPDevice.objects.filter(user=user).exists()
    text = main(analyst.post("/beheer/accounts/avim/", {"action": "reset"}))
    password = text.split('id="nieuw-wachtwoord">', 1)[1].split("<", 1)[0]
    user.refresh_from_db()
    assert user.check_password(password) and not user.check_password(PASSWORD)
    assert not TOTPDevice.objects.filter(user=user).exists()
    assert clients["avim"].get("/aanleveren/").status_code == 302  # its session ended


def test_destructive_account_actions_ask_first_and_an_unknown_account_is_not_found(analyst):
    text = main(analyst.get("/beheer/accounts/essm/"))
    assert text.count("data-confirm=") == 2 and "csrfmiddlewaretoken" in text
    assert analyst.get("/beheer/accounts/niemand/").status_code == 404
    assert analyst.post("/beheer/accounts/niemand/", {"action": "disable"}).status_code == 404


def test_account_changes_need_the_csrf_token(accounts, as_user):
    from django.contrib.auth.models import User
    from django.test import Client
    from django_otp import DEVICE_ID_SESSION_KEY
    from django_otp.plugins.otp_totp.models import TOTPDevice

    client = Client(enforce_csrf_checks=True)
    client.force_login(accounts["analyst"], backend="zicht.web.accounts.backends.AccountBackend")
    session = client.session
    session[DEVICE_ID_SESSION_KEY] = TOTPDevice.objects.get(user=accounts["analyst"]).persistent_id
    session.save()
    assert client.get("/beheer/accounts/essm/").status_code == 200  # logged in: only the token is missing
    assert client.post("/beheer/accounts/essm/", {"action": "disable"}).status_code == 403
    assert User.objects.get(username="essm").is_active


# -- audit log -----------------------------------------------------------------------------------


def _entries(actor_names_actions):
    import datetime as dt

    from django.utils import timezone

    from zicht.storage.models import AuditEvent

    for name, action, day in actor_names_actions:
        moment = timezone.make_aware(dt.datetime.combine(day, dt.time(12)))
        AuditEvent.objects.create(at=moment, actor=name, action=action, subject="s", details={"via": "web"})


def test_the_audit_log_filters_by_who_what_and_period(analyst):
    import datetime as dt

    _entries(
        [
            ("piet", "login", dt.date(2024, 3, 1)),
            ("piet", "publish", dt.date(2024, 5, 1)),
            ("marie", "login", dt.date(2024, 5, 2)),
        ]
    )
    by_who = main(analyst.get("/beheer/audit/?wie=pie"))
    assert "piet" in by_who and "marie" not in by_who
    by_what = main(analyst.get("/beheer/audit/?wat=publish"))
    assert "piet" in by_what and "marie" not in by_what and "Editie gepubliceerd" in by_what
    by_period = main(analyst.get("/beheer/audit/?van=2024-04-01&tot=2024-05-01"))
    assert ">piet<" in by_period and ">marie<" not in by_period
    assert '<option value="publish"' in by_what  # the actions present are the choices
    assert 'class="beheer-detail__key">via</span> web' in by_what
    newest_first = main(analyst.get("/beheer/audit/?wie=piet"))
    assert newest_first.index("Editie gepubliceerd") < newest_first.index("Ingelogd")


def test_the_audit_log_refuses_a_bad_filter_with_a_message(analyst):
    text = main(analyst.get("/beheer/audit/?van=2024-05-01&tot=2024-04-01&wat=bestaat-niet"))
    assert "Het einde van de periode ligt voor het begin" in text
    text = main(analyst.get("/beheer/audit/?van=gisteren&pagina=abc"))
    assert "geldige datum" in text


def test_the_audit_log_is_paginated_fifty_a_page_and_reading_it_is_not_audited(analyst):
    import datetime as dt

    from zicht.storage.models import AuditEvent

    _entries([(f"user{i:03d}", "login", dt.date(2024, 1, 1) + dt.timedelta(days=i)) for i in range(120)])
    before = AuditEvent.objects.count()
    first = main(analyst.get("/beheer/audit/?wie=user"))
    assert "1–50 van 120" in first and "user119" in first and "user069" not in first and "Pagina 1 van 3" in first
    last = main(analyst.get("/beheer/audit/?wie=user&pagina=3"))
    assert "101–120 van 120" in last and "user000" in last
    assert AuditEvent.objects.count() == before


def test_the_audit_csv_export_is_filtered_neutralised_and_audited(analyst):
    import datetime as dt

    from zicht.storage.models import AuditEvent

    _entries([("=cmd|' /C calc'!A0", "login", dt.date(2024, 3, 1)), ("marie", "login", dt.date(2024, 3, 2))])
    response = analyst.get("/beheer/audit/export.csv?wie=cmd")
    assert response.status_code == 200 and response["Content-Type"].startswith("text/csv")
    assert "attachment" in response["Content-Disposition"]
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig")), delimiter=";"))
    assert rows[0] == ["tijdstip", "wie", "wat", "onderwerp", "details"]
    assert len(rows) == 2 and rows[1][1].startswith("'=") and rows[1][4] == "via: web"
    export = AuditEvent.objects.get(action="export-audit")
    assert export.actor == "analyst" and export.details["who"] == "cmd" and export.details["rows"] == 1


def test_nobody_can_change_or_delete_audit_entries(analyst):
    from django.db import DatabaseError, connection, transaction

    from zicht.storage.models import AuditEvent

    analyst.get("/beheer/audit/export.csv")
    with pytest.raises(DatabaseError), transaction.atomic(), connection.cursor() as cursor:
        cursor.execute("UPDATE zicht_audit SET actor = 'someone else'")
    assert AuditEvent.objects.filter(actor="analyst", action="export-audit").exists()
    for method in ("post", "put", "delete"):
        assert getattr(analyst, method)("/beheer/audit/").status_code in (403, 405)


def test_every_audit_action_has_a_label_and_an_unknown_one_is_refused():
    from zicht.storage.api import AUDIT_ACTIONS, record_event
    from zicht.web.beheer.labels import ACTION_LABELS

    assert set(ACTION_LABELS) == set(AUDIT_ACTIONS)
    with pytest.raises(ValueError, match="unknown audit action"):
        record_event("tester", "no-such-action", "x")
