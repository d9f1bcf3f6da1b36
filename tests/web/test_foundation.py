"""The web application's base: security headers, sessions, language, errors, login with a second factor."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.django_db


def test_pages_send_the_security_headers(client):
    response = client.get("/")
    assert response.status_code == 200
    csp = response["Content-Security-Policy"]
    assert "script-src 'self'" in csp and "style-src 'self'" in csp
    assert "unsafe-inline" not in csp and "frame-ancestors 'none'" in csp
    assert response["X-Frame-Options"] == "DENY"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "same-origin"


def test_anonymous_public_pages_set_no_cookie(client):
    for path in ("/", "/monitor/", "/privacy/"):
        response = client.get(path)
        assert response.status_code == 200, path
        assert not response.cookies, (path, list(response.cookies))


def test_dutch_is_the_default_and_the_switch_changes_the_language_not_the_path(client):
    assert 'lang="nl"' in client.get("/", HTTP_ACCEPT_LANGUAGE="en").content.decode()
    switched = client.get("/taal/en/?next=/privacy/")
    assert switched.status_code == 302 and switched["Location"] == "/privacy/"
    assert 'lang="en"' in client.get("/privacy/").content.decode()


def test_language_switch_refuses_to_redirect_elsewhere(client):
    assert client.get("/taal/en/?next=https://example.org/").headers["Location"] == "/"


def test_a_private_page_sends_the_anonymous_visitor_to_login(client):
    response = client.get("/beheer/")
    assert response.status_code == 302 and response["Location"].startswith("/accounts/inloggen/?next=")


def test_an_account_without_the_capability_gets_403(clients):
    assert clients["essm"].get("/beheer/").status_code == 403
    assert clients["schiedam"].get("/aanleveren/").status_code == 403


def test_unknown_page_is_a_404_page_in_the_layout(client):
    response = client.get("/bestaat-niet/")
    assert response.status_code == 404
    assert "Niet gevonden" in response.content.decode()


def test_password_alone_does_not_open_pages_for_roles_with_a_second_factor(make_account, client):
    make_account("ana", "analyst")
    response = client.post("/accounts/inloggen/", {"username": "ana", "password": "vier-woorden-zijn-veilig-2024"})
    assert response.status_code == 302 and response["Location"].startswith("/accounts/tweede-factor/")
    assert client.get("/beheer/").status_code == 302  # still on its way to the second factor


def test_second_factor_code_opens_the_desk_and_is_audited(make_account, client):
    from django_otp.oath import totp
    from django_otp.plugins.otp_totp.models import TOTPDevice

    from zicht.storage.models import AuditEvent

    user = make_account("ana", "analyst")
    client.post("/accounts/inloggen/", {"username": "ana", "password": "vier-woorden-zijn-veilig-2024"})
    device = TOTPDevice.objects.get(user=user)
    wrong = client.post("/accounts/tweede-factor/", {"code": "000000" if totp(device.bin_key) else "111111"})
    assert wrong.status_code == 200
    device.refresh_from_db()
    device.throttling_failure_count = 0  # the wrong code throttles; this test is not about throttling
    device.throttling_failure_timestamp = None
    device.save()
    code = f"{totp(device.bin_key):06d}"
    response = client.post("/accounts/tweede-factor/?next=/beheer/", {"code": code, "next": "/beheer/"})
    assert response.status_code == 302 and response["Location"] == "/beheer/"
    assert client.get("/beheer/").status_code == 200
    actions = list(AuditEvent.objects.filter(actor="ana").values_list("action", flat=True))
    assert actions.count("login") == 1 and "second-factor-failed" in actions and "second-factor" in actions


def test_enrolment_shows_a_server_drawn_qr_code_and_confirms_the_device(make_account, client):
    from django.contrib.auth.models import User
    from django_otp.oath import totp
    from django_otp.plugins.otp_totp.models import TOTPDevice

    from zicht.access import Actor
    from zicht.services.accounts import add_user

    add_user(Actor.command_line("test"), "new", "partner", "vier-woorden-zijn-veilig-2024", partner="ESSM")
    response = client.post("/accounts/inloggen/", {"username": "new", "password": "vier-woorden-zijn-veilig-2024"})
    assert response["Location"].startswith("/accounts/tweede-factor/instellen/")
    page = client.get(response["Location"]).content.decode()
    assert "<svg" in page and "<script" not in page.split("<main", 1)[1]
    device = TOTPDevice.objects.get(user=User.objects.get(username="new"))
    assert not device.confirmed
    done = client.post(
        "/accounts/tweede-factor/instellen/", {"code": f"{totp(device.bin_key):06d}", "next": "/aanleveren/"}
    )
    assert done.status_code == 302
    device.refresh_from_db()
    assert device.confirmed
    assert client.get("/aanleveren/").status_code == 200


def test_login_locks_out_after_five_failures(make_account, client):
    from zicht.storage.models import AuditEvent

    make_account("ana", "analyst")
    for _ in range(5):
        client.post("/accounts/inloggen/", {"username": "ana", "password": "wrong-password-1234"})
    locked = client.post("/accounts/inloggen/", {"username": "ana", "password": "vier-woorden-zijn-veilig-2024"})
    assert locked.status_code == 429
    assert AuditEvent.objects.filter(action="login-failed", subject="ana").count() >= 5
    assert AuditEvent.objects.filter(action="lockout").exists()


def test_failed_login_with_an_unknown_name_does_not_log_what_was_typed(client):
    from zicht.storage.models import AuditEvent

    client.post("/accounts/inloggen/", {"username": "Geheim-Wachtwoord!", "password": "x"})
    assert not AuditEvent.objects.filter(subject__icontains="Geheim").exists()
    assert AuditEvent.objects.filter(action="login-failed", subject="onbekend account").exists()


def test_idle_session_ends(make_account, as_user, settings):
    import time

    client = as_user(make_account("ana", "analyst"))
    assert client.get("/beheer/").status_code == 200
    session = client.session
    session["seen"] = int(time.time()) - settings.SESSION_IDLE_SECONDS - 5
    session.save()
    assert client.get("/beheer/").status_code == 302


def test_upload_over_the_limit_is_refused_before_it_is_read(client, settings):
    settings.MAX_UPLOAD_BYTES = 1000
    response = client.post("/aanleveren/", data=b"x" * 5000, content_type="application/octet-stream")
    assert response.status_code == 413
    api = client.post("/api/v1/deliveries", data=b"x" * 5000, content_type="application/octet-stream")
    assert api.status_code == 413 and api["Content-Type"] == "application/problem+json"


def test_healthz_answers(client):
    assert client.get("/healthz").content == b"ok"
