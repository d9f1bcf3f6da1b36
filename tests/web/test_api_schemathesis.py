"""Schemathesis against the OpenAPI document a real `zicht serve` serves (the `live_site`: demo data,
editions 2022-2024), as an anonymous caller, with a partner's token and with an analyst's token.

Schemathesis runs as its command line does (`schemathesis run`): its pytest integration for a schema
from a fixture (`schemathesis.pytest.from_fixture`) does not run under this pytest (it sets the
removed `Function._nodeid`). Every operation gets the documented examples, the coverage cases
(boundaries, missing and wrong parameters, undeclared methods) and a bounded number of generated
requests, derandomized (the same requests on every run). Every response must be free of server errors and conform to the document:
status code, content type, headers and body schema; wrong input must be refused and a missing token
noticed. Not checked: that every schema-valid request is accepted, since a generated file is (rightly)
refused with its findings, 422.
"""

from __future__ import annotations

import re
import subprocess
import sys

import pytest

pytestmark = pytest.mark.slow

PASSWORD = "vier-woorden-zijn-veilig-2024"
ACCOUNTS = {"partner": ("st-essm", "partner", "ESSM"), "analyst": ("st-analist", "analyst", None)}
CHECKS = [
    "not_a_server_error",
    "status_code_conformance",
    "content_type_conformance",
    "response_headers_conformance",
    "response_schema_conformance",
    "negative_data_rejection",
    "missing_required_header",
    "unsupported_method",
    "ignored_auth",
]
# Deterministic and bounded: derandomized generation, no example database, one worker, 40 generated
# requests per operation on top of the examples and the coverage cases (some 370 requests per caller).
CONFIG = """\
workers = 1
request-timeout = 30
[generation]
max-examples = 40
deterministic = true
database = "none"
with-security-parameters = false
[phases.stateful]
enabled = false
"""
MAKE_TOKEN = """
import sys
from zicht.storage.database import configure
configure()
from django.contrib.auth.models import User
from zicht.services.accounts import actor_for_user, create_token
print(create_token(actor_for_user(User.objects.get(username=sys.argv[1])), "schemathesis")[1])
"""


def run(args: list[str], env: dict, cwd=None) -> subprocess.CompletedProcess:
    return subprocess.run(args, env=env, cwd=cwd, capture_output=True, text=True, timeout=600)


@pytest.fixture(scope="module")
def api_tokens(live_site) -> dict[str, str]:
    """A partner's and an analyst's token on the live site: the accounts by `zicht user add`, the tokens
    by the use case /aanleveren/ calls."""
    tokens = {}
    for who, (username, role, partner) in ACCOUNTS.items():
        args = ["user", "add", username, "--role", role] + (["--partner", partner] if partner else [])
        added = run([sys.executable, "-m", "zicht", *args], {**live_site["env"], "ZICHT_PASSWORD": PASSWORD})
        assert added.returncode == 0, added.stderr
        made = run([sys.executable, "-c", MAKE_TOKEN, username], live_site["env"])
        assert made.returncode == 0, made.stderr
        tokens[who] = made.stdout.strip()
    return tokens


@pytest.mark.parametrize("caller", ["anonymous", "partner", "analyst"])
def test_the_api_answers_as_its_document_says(caller, live_site, api_tokens, tmp_path):
    config = CONFIG
    if caller != "anonymous":  # in the config file, so the token is not on a command line
        config = f'headers = {{ Authorization = "Token {api_tokens[caller]}" }}\n' + config
    (tmp_path / "schemathesis.toml").write_text(config, encoding="utf-8")
    document = f"{live_site['url']}/api/v1/openapi.json"
    command = [sys.executable, "-m", "schemathesis.cli", "--config-file", "schemathesis.toml", "run", document]
    result = run([*command, "--checks", ",".join(CHECKS)], live_site["env"], cwd=tmp_path)
    assert result.returncode == 0, result.stdout[-6000:] + result.stderr[-2000:]
    assert re.search(r"Tested: 4\b", result.stdout), result.stdout[-3000:]  # every operation was tested
    generated = re.search(r"(\d+) generated, (\d+) passed", result.stdout)
    assert generated and int(generated[1]) == int(generated[2]) > 200, result.stdout[-3000:]
