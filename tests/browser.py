"""Driving the real site in headless Chromium (Debian's `chromium`, never `playwright install`).

`browser()` launches it with the flags this machine needs; `log_in(page, base, user, password, secrets)`
logs in as a person would, enrolling the second factor on the first login (the key is read from the
enrolment page, as a phone would scan it) and typing the current code from the authenticator.
"""

from __future__ import annotations

import base64
import time
from contextlib import contextmanager

CHROMIUM = "/usr/bin/chromium"
ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
]


@contextmanager
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        chromium = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        try:
            yield chromium
        finally:
            chromium.close()


def current_code(secret: str, offset: int = 0) -> str:
    from django_otp.oath import totp

    key = base64.b32decode(secret.replace(" ", ""))
    return f"{totp(key, t0=0, step=30, digits=6, drift=offset):06d}"


def log_in(page, base: str, username: str, password: str, secrets: dict) -> None:
    """Password, then the second factor (enrolled on the first login); ends on the page after login."""
    page.goto(f"{base}/accounts/inloggen/")
    page.fill("input[name=username]", username)
    page.fill("input[name=password]", password)
    page.click("button[type=submit]")
    page.wait_for_load_state()
    if "/tweede-factor/instellen/" in page.url:
        secrets[username] = page.inner_text("[data-testid=totp-secret]")
    if "/tweede-factor/" in page.url:
        # A code is valid once: after a login in the same 30 s window, wait for the next one.
        last = secrets.get(f"{username}:last")
        code = current_code(secrets[username])
        while code == last:
            time.sleep(1)
            code = current_code(secrets[username])
        page.fill("input[name=code]", code)
        page.click("button[type=submit]")
        page.wait_for_load_state()
        secrets[f"{username}:last"] = code
