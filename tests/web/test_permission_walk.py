"""The permission walk (issue 7): every URL pattern, enumerated from the URL configuration so that no new
view escapes it, asked by anonymous, partner A (ESSM), partner B (AVIM), a municipal officer (Schiedam)
and an analyst, against one table of expected statuses. Every answer is searched for the other partner's
record ids, file names, finding texts and token names, which must not appear.

The things in the URLs are ESSM's (its delivery, its checked upload, its token): AVIM must hear "not
found" about them, never see them. On the API the accounts use their tokens (a municipal account has
none, so it is anonymous there).
"""

from __future__ import annotations

import runpy
from pathlib import Path

import pytest
from django.urls import URLPattern, URLResolver, get_resolver

pytestmark = [pytest.mark.django_db, pytest.mark.slow]

ACTORS = ("anonymous", "essm", "avim", "schiedam", "analyst")
Y = 2024

# What each actor gets on GET, per URL name: one status for all, or a dict per actor.
# A=anonymous, E=ESSM, V=AVIM, S=Schiedam, N=analyst.
PORTAL = {"anonymous": 302, "essm": 200, "avim": 200, "schiedam": 403, "analyst": 200}
ESSMS_THING = {"anonymous": 302, "essm": 200, "avim": 404, "schiedam": 403, "analyst": 200}
OWN_UPLOAD = {"anonymous": 302, "essm": 200, "avim": 404, "schiedam": 403, "analyst": 404}
POST_ONLY = {"anonymous": 302, "essm": 405, "avim": 405, "schiedam": 403, "analyst": 405}
DESK = {"anonymous": 302, "essm": 403, "avim": 403, "schiedam": 403, "analyst": 200}
LOGGED_IN_ELSEWHERE = {"anonymous": 200, "essm": 302, "avim": 302, "schiedam": 302, "analyst": 302}
TOKEN_ONLY = {"anonymous": 401, "essm": 200, "avim": 200, "schiedam": 401, "analyst": 200}

EXPECTED_GET = {
    "public:home": 200,
    "public:editions": 200,
    "public:monitor": 200,
    "public:edition-file": 200,
    "public:privacy": 200,
    "accounts:login": LOGGED_IN_ELSEWHERE,
    "accounts:second-factor": 302,  # anonymous: to the login page; passed: on to where it was going
    "accounts:enrol": 302,
    "accounts:logout": 405,
    "accounts:password-change": {"anonymous": 302, "essm": 200, "avim": 200, "schiedam": 200, "analyst": 200},
    "aanleveren:home": PORTAL,
    "aanleveren:template": ESSMS_THING,  # meldingen: a dataset AVIM does not deliver
    "aanleveren:upload": PORTAL,
    "aanleveren:check": OWN_UPLOAD,
    "aanleveren:findings": OWN_UPLOAD,
    "aanleveren:confirm": POST_ONLY,
    "aanleveren:discard": POST_ONLY,
    "aanleveren:history": ESSMS_THING,
    "aanleveren:restore": POST_ONLY,
    "aanleveren:tokens": PORTAL,
    "aanleveren:revoke-token": POST_ONLY,
    "beheer:home": DESK,
    "beheer:texts": DESK,
    "beheer:text": DESK,
    "beheer:preview": DESK,
    "beheer:preview-document": DESK,
    "beheer:publish": DESK,
    "beheer:editions": DESK,
    "beheer:accounts": DESK,
    "beheer:account-new": DESK,
    "beheer:account": DESK,
    "beheer:audit": DESK,
    "beheer:audit-csv": DESK,
    "api:openapi": 200,
    "api:indicators": 200,
    "api:editions": 200,
    "api:deliveries": TOKEN_ONLY,
    "language": 302,
    "healthz": 200,
}

# A POST by someone who may not: refused (an anonymous visitor is sent to the login page), nothing done.
REFUSED_POST = {
    "aanleveren:upload": {"anonymous": 302, "schiedam": 403},
    "aanleveren:confirm": {"anonymous": 302, "avim": 404, "schiedam": 403, "analyst": 404},
    "aanleveren:discard": {"anonymous": 302, "avim": 404, "schiedam": 403, "analyst": 404},
    "aanleveren:restore": {"anonymous": 302, "avim": 404, "schiedam": 403},
    "aanleveren:revoke-token": {"anonymous": 302, "avim": 404, "schiedam": 403, "analyst": 404},
    "aanleveren:tokens": {"anonymous": 302, "schiedam": 403},
    "beheer:text": {"anonymous": 302, "essm": 403, "avim": 403, "schiedam": 403},
    "beheer:publish": {"anonymous": 302, "essm": 403, "avim": 403, "schiedam": 403},
    "beheer:account-new": {"anonymous": 302, "essm": 403, "avim": 403, "schiedam": 403},
    "beheer:account": {"anonymous": 302, "essm": 403, "avim": 403, "schiedam": 403},
    "api:deliveries": {"anonymous": 401, "schiedam": 401},
}

QUERY = {"api:indicators": "?year=2024", "beheer:text": "?taal=nl"}

# Each area added later brings its rows in a file of its own, `tests/web/walk_<area>.py`, with any of:
# EXPECTED_GET, REFUSED_POST, QUERY (dicts as above) and `prepare(world) -> dict`, which makes the
# area's things (world: actors, accounts, tmp_path, markers; add markers the others must not see) and
# returns the URL parameters for its routes.
AREAS = [runpy.run_path(str(p)) for p in sorted(Path(__file__).parent.glob("walk_*.py"))]
for _area in AREAS:
    EXPECTED_GET.update(_area.get("EXPECTED_GET", {}))
    REFUSED_POST.update(_area.get("REFUSED_POST", {}))
    QUERY.update(_area.get("QUERY", {}))


def walk(patterns, prefix="", namespace=""):
    """(name, route) for every pattern of the URL configuration."""
    for p in patterns:
        if isinstance(p, URLResolver):
            ns = f"{namespace}{p.namespace}:" if p.namespace else namespace
            yield from walk(p.url_patterns, prefix + str(p.pattern), ns)
        elif isinstance(p, URLPattern):
            yield f"{namespace}{p.name}", prefix + str(p.pattern)


def test_every_url_pattern_has_a_row_in_the_table():
    names = [name for name, _ in walk(get_resolver().url_patterns)]
    assert len(names) == len(set(names)), "two patterns share a name"
    assert set(names) == set(EXPECTED_GET), set(names) ^ set(EXPECTED_GET)


@pytest.fixture
def world(accounts, as_user, make_edition, tmp_path):
    """ESSM's and AVIM's things, each with markers the other must never see."""
    from django.test import Client

    from zicht.services.accounts import actor_for_user, create_token
    from zicht.services.deliveries import check_upload, deliver
    from zicht.services.monitor import set_text

    actors = {name: actor_for_user(user) for name, user in accounts.items()}
    files = {
        "essm": (
            "meldingen",
            "essm-geheim-bestand.csv",
            "id,datum,soort,vorm,leeftijdsgroep,gemeente\n"
            "ESSM-GEHEIM-0001,2024-03-01,melding,seksuele-uitbuiting,meerderjarig,Rotterdam\n",
        ),
        "avim": (
            "politiecontacten",
            "avim-geheim-bestand.csv",
            "id,datum,soort,vorm,leeftijdsgroep\nAVIM-GEHEIM-0001,2024-03-01,aangifte,arbeidsuitbuiting,meerderjarig\n",
        ),
    }
    made = {}
    for who, (dataset, name, text) in files.items():
        path = tmp_path / name
        path.write_text(text, encoding="utf-8")
        partner = actors[who].partner
        first = deliver(actors[who], path, dataset, Y, partner, file_name=name)
        assert first.accepted, first.findings
        path.write_text(text + text.splitlines()[1].replace("0001", "0002") + "\n", encoding="utf-8")
        assert deliver(actors[who], path, dataset, Y, partner, file_name=name).accepted
        broken = tmp_path / f"{who}-kapot.csv"
        broken.write_text(text.replace("2024-03-01", f"{who.upper()}GEHEIMCODE"), encoding="utf-8")
        check = check_upload(actors[who], broken, f"{who}-kapot.csv", partner, dataset, Y)
        assert not check.accepted and any(f"{who.upper()}GEHEIMCODE" in f.message_nl for f in check.findings)
        info, token = create_token(actors[who], f"{who}-token-naam")
        made[who] = {"delivery": first.delivery.id, "hash": check.file_hash, "token_id": info.id, "token": token}
    _, analyst_token = create_token(actors["analyst"], "analist-token")
    set_text(actors["analyst"], Y, "conclusie", "Conclusie.")
    make_edition(Y, fast=True)
    clients = {"anonymous": Client(), **{name: as_user(user) for name, user in accounts.items()}}
    tokens = {"essm": made["essm"]["token"], "avim": made["avim"]["token"], "analyst": analyst_token}
    markers = {
        "essm": ["ESSM-GEHEIM", "essm-geheim-bestand", "ESSMGEHEIMCODE", "essm-token-naam", "essm-kapot"],
        "avim": ["AVIM-GEHEIM", "avim-geheim-bestand", "AVIMGEHEIMCODE", "avim-token-naam", "avim-kapot"],
    }
    kwargs = {
        "year": Y,
        "number": 1,
        "lang": "nl",
        "kind": "pdf",
        "code": "en",
        "partner": "ESSM",
        "dataset": "meldingen",
        "fmt": "csv",
        "file_hash": made["essm"]["hash"],
        "delivery_id": made["essm"]["delivery"],
        "token_id": made["essm"]["token_id"],
        "section": "conclusie",
        "edition": "openbaar",
        "username": "essm",
    }
    shared = {"actors": actors, "accounts": accounts, "tmp_path": tmp_path, "markers": markers}
    for area in AREAS:
        if "prepare" in area:
            kwargs.update(area["prepare"](shared))
    return {"clients": clients, "tokens": tokens, "markers": markers, "kwargs": kwargs}


def _url(name: str, route: str, kwargs: dict) -> str:
    from django.urls import reverse

    wanted = {k: v for k, v in kwargs.items() if f"<{k}>" in route or f":{k}>" in route or f"(?P<{k}>" in route}
    return reverse(name, kwargs=wanted) + QUERY.get(name, "")


def _forbidden_markers(who: str, markers: dict) -> list[str]:
    if who == "analyst":
        return []
    return [m for owner, items in markers.items() if owner != who for m in items]


def _ask(world, who: str, method: str, url: str):
    client = world["clients"][who]
    headers = {}
    if url.startswith("/api/") and who in world["tokens"]:
        headers["HTTP_AUTHORIZATION"] = f"Token {world['tokens'][who]}"
    return getattr(client, method)(url, **headers)


def test_every_route_answers_each_actor_as_the_table_says_and_leaks_nothing(world):
    mismatches, leaks = [], []
    for name, route in walk(get_resolver().url_patterns):
        url = _url(name, route, world["kwargs"])
        expected = EXPECTED_GET[name]
        for who in ACTORS:
            response = _ask(world, who, "get", url)
            want = expected if isinstance(expected, int) else expected[who]
            if response.status_code != want:
                mismatches.append(f"GET {url} as {who}: {response.status_code}, expected {want}")
            body = b"".join(response.streaming_content) if response.streaming else response.content
            text = body.decode("utf-8", "replace") + str(response.headers)
            leaks += [f"GET {url} as {who} shows {m!r}" for m in _forbidden_markers(who, world["markers"]) if m in text]
    assert not mismatches, "\n".join(mismatches)
    assert not leaks, "\n".join(leaks)


def test_posts_by_those_who_may_not_are_refused_and_change_nothing(world):
    from zicht.storage.models import ApiToken, Delivery, Edition, NarrativeText, PendingUpload

    def state():
        return (
            list(Delivery.objects.values_list("id", "is_current")),
            PendingUpload.objects.count(),
            list(ApiToken.objects.values_list("id", "revoked_at")),
            NarrativeText.objects.count(),
            Edition.objects.count(),
        )

    before = state()
    routes = dict(walk(get_resolver().url_patterns))
    problems = []
    for name, refused in REFUSED_POST.items():
        url = _url(name, routes[name], world["kwargs"])
        for who, want in refused.items():
            response = _ask(world, who, "post", url)
            if response.status_code != want:
                problems.append(f"POST {url} as {who}: {response.status_code}, expected {want}")
            text = response.content.decode("utf-8", "replace")
            problems += [
                f"POST {url} as {who} shows {m!r}" for m in _forbidden_markers(who, world["markers"]) if m in text
            ]
    assert not problems, "\n".join(problems)
    assert state() == before
