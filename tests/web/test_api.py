"""The API (/api/v1/, spec/web.md "API"): every endpoint and status for anonymous callers, a partner's
token (ESSM), another partner's token (AVIM), an analyst's token, a revoked token and a disabled
account's token; problem documents; the OpenAPI document."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

pytestmark = pytest.mark.django_db

PROBLEM = "application/problem+json"
DEMO = Path(__file__).resolve().parents[2] / "src" / "zicht" / "demo" / "deliveries"
SAFE_DELIVERY_FIELDS = {
    "id",
    "partner",
    "dataset",
    "year",
    "version",
    "is_current",
    "file_name",
    "file_hash",
    "row_count",
    "delivered_at",
    "delivered_by",
    "changes",
}
# Two findings: an impossible date in row 2, an unknown code in row 3.
REFUSED_CSV = (
    b"id,datum,soort,vorm,leeftijdsgroep,gemeente,kenmerken,melder,persoon\n"
    b"ESSM-1,2024-13-01,melding,seksuele-uitbuiting,meerderjarig,Rotterdam,,anoniem,\n"
    b"ESSM-2,2024-02-01,melding,seks,meerderjarig,Rotterdam,,anoniem,\n"
)


@pytest.fixture
def tokens(accounts):
    """An API token for ESSM, AVIM and the analyst, made as /aanleveren/ makes them."""
    from zicht.services.accounts import actor_for_user, create_token

    return {name: create_token(actor_for_user(accounts[name]), "test")[1] for name in ("essm", "avim", "analyst")}


@pytest.fixture
def api(client):
    """`api(method, path, token=None, **kw)`: a request as an outside script makes it (no session)."""

    def call(method: str, path: str, token: str | None = None, **kw):
        if token:
            kw["HTTP_AUTHORIZATION"] = f"Token {token}"
        return getattr(client, method)(path, **kw)

    return call


def upload(name: str, content: bytes) -> SimpleUploadedFile:
    return SimpleUploadedFile(name, content, content_type="text/csv")


def demo_file(partner: str, dataset: str, year: int = 2024) -> bytes:
    return (DEMO / str(year) / f"{partner}.{dataset}.csv").read_bytes()


def assert_problem(response, status: int) -> dict:
    """A problem document (RFC 9457) with English and Dutch text."""
    assert response.status_code == status, response.content[:500]
    assert response["Content-Type"] == PROBLEM
    body = json.loads(response.content)
    assert body["status"] == status
    assert body["type"].startswith("https://")
    for key in ("title", "detail", "title_nl", "detail_nl"):
        assert isinstance(body[key], str) and body[key].strip(), key
    assert body["title"] != body["title_nl"]
    return body


def delivery_count() -> int:
    from zicht.storage.models import Delivery

    return Delivery.objects.count()


# -- the OpenAPI document ------------------------------------------------------------------------


def test_openapi_document_lists_every_endpoint_and_validates_as_openapi_3(client):
    from drf_spectacular.validation import validate_schema

    response = client.get("/api/v1/openapi.json")
    assert response.status_code == 200
    document = json.loads(response.content)
    validate_schema(document)
    assert document["openapi"].startswith("3.")
    operations = {path: set(item) for path, item in document["paths"].items()}
    assert operations == {
        "/api/v1/indicators": {"get"},
        "/api/v1/editions": {"get"},
        "/api/v1/deliveries": {"get", "post"},
    }
    assert document["components"]["securitySchemes"]["tokenAuth"]["name"] == "Authorization"


def test_openapi_document_gives_every_error_as_a_problem_document(client):
    document = json.loads(client.get("/api/v1/openapi.json").content)
    statuses = {}
    for path, item in document["paths"].items():
        for method, operation in item.items():
            statuses[(method, path)] = set(operation["responses"])
            for status, answer in operation["responses"].items():
                if status.startswith("4"):
                    assert list(answer["content"]) == [PROBLEM], (method, path, status)
                    ref = answer["content"][PROBLEM]["schema"]["$ref"]
                    schema = document["components"]["schemas"][ref.rsplit("/", 1)[1]]
                    assert {"type", "title", "status", "detail", "title_nl", "detail_nl"} <= set(schema["properties"])
    assert {"200", "400", "401", "403", "404"} <= statuses[("get", "/api/v1/indicators")]
    assert {"201", "400", "401", "403", "413", "422"} <= statuses[("post", "/api/v1/deliveries")]
    assert {"200", "401", "403"} <= statuses[("get", "/api/v1/deliveries")]
    refused = document["components"]["schemas"]["RefusedDeliveryProblem"]["properties"]["findings"]
    finding = document["components"]["schemas"][refused["items"]["$ref"].rsplit("/", 1)[1]]
    assert set(finding["properties"]) == {"row", "column", "code", "message_nl", "message_en"}


def test_openapi_document_says_which_endpoints_need_a_token(client):
    document = json.loads(client.get("/api/v1/openapi.json").content)
    assert {} in document["paths"]["/api/v1/indicators"]["get"]["security"]
    assert {} in document["paths"]["/api/v1/editions"]["get"]["security"]
    for method in ("get", "post"):
        assert document["paths"]["/api/v1/deliveries"][method]["security"] == [{"tokenAuth": []}]


# -- indicators ----------------------------------------------------------------------------------


def test_anyone_reads_the_published_indicators_with_suppressed_cells_as_null(api, demo_data, make_edition):
    from zicht.disclosure import check_public
    from zicht.region import load_region

    make_edition(2024, fast=True)
    response = api("get", "/api/v1/indicators?year=2024")
    assert response.status_code == 200 and response["Content-Type"] == "application/json"
    body = response.json()
    assert body["year"] == 2024 and body["region"] == "regio-rotterdam" and body["public"] is True
    assert body["edition"]["label"] == "2024" and "published_by" not in body["edition"]
    total = next(v for v in body["values"] if v["indicator"] == "meldingen" and v["dimensions"] == {})
    assert total["value"] == 179
    suppressed = [v for v in body["values"] if v.get("suppressed")]
    assert suppressed and all(v["value"] is None and v["suppressed"] is True for v in suppressed)
    assert all("suppressed" not in v for v in body["values"] if v["value"] is not None)
    assert check_public(body, load_region()) == []


def test_indicators_of_an_earlier_edition_stay_as_published(api, demo_data, make_edition, deliver):
    make_edition(2024, fast=True)
    deliver("controles", 2024, "RCTM", [{"id": "k1", "datum": "2024-02-01", "gemeente": "Rotterdam"}])
    make_edition(2024, note="Controles gecorrigeerd.", fast=True)

    def controles(query: str) -> tuple[str, int]:
        body = api("get", f"/api/v1/indicators?{query}").json()
        value = next(v["value"] for v in body["values"] if v["indicator"] == "controles" and not v["dimensions"])
        return body["edition"]["label"], value

    assert controles("year=2024") == ("2024-2", 1)
    assert controles("year=2024&edition=1") == ("2024", 19)
    assert controles("year=2024&edition=2") == ("2024-2", 1)


def test_a_year_never_published_is_a_404_problem(api, demo_data, make_edition):
    make_edition(2024, fast=True)
    body = assert_problem(api("get", "/api/v1/indicators?year=2019"), 404)
    assert "2019" in body["detail"] and "2019" in body["detail_nl"]
    assert_problem(api("get", "/api/v1/indicators?year=2024&edition=2"), 404)


def test_bad_indicator_parameters_are_a_400_problem_that_names_them(api):
    body = assert_problem(api("get", "/api/v1/indicators?year=twenty&edition=0&current=maybe"), 400)
    assert {e["parameter"] for e in body["errors"]} == {"year", "edition", "current"}
    assert all(e["message_nl"] and e["message_en"] for e in body["errors"])
    assert "year" in body["detail"] and "year" in body["detail_nl"]
    missing = assert_problem(api("get", "/api/v1/indicators"), 400)
    assert [e["parameter"] for e in missing["errors"]] == ["year"]
    assert_problem(api("get", "/api/v1/indicators?year=99999"), 400)


def test_current_figures_need_an_analyst_token(api, tokens, demo_data, make_edition):
    from zicht.storage.models import AuditEvent

    make_edition(2024, fast=True)
    anonymous = api("get", "/api/v1/indicators?year=2024&current=true")
    assert_problem(anonymous, 401)
    assert anonymous["WWW-Authenticate"].startswith("Token")
    assert_problem(api("get", "/api/v1/indicators?year=2024&current=true", tokens["essm"]), 403)
    response = api("get", "/api/v1/indicators?year=2024&current=true", tokens["analyst"])
    assert response.status_code == 200
    body = response.json()
    assert body["public"] is False and body["edition"] is None
    assert not any(v.get("suppressed") for v in body["values"])
    public = api("get", "/api/v1/indicators?year=2024").json()
    hidden = next(v for v in public["values"] if v.get("suppressed"))
    unsuppressed = next(
        v for v in body["values"] if v["indicator"] == hidden["indicator"] and v["dimensions"] == hidden["dimensions"]
    )
    assert isinstance(unsuppressed["value"], int)
    with_edition = api("get", "/api/v1/indicators?year=2024&edition=1&current=true", tokens["analyst"]).json()
    assert with_edition["public"] is False  # `edition` is about published figures: ignored here
    assert AuditEvent.objects.filter(action="view-indicators", actor="analyst").exists()


# -- editions ------------------------------------------------------------------------------------


def test_anyone_reads_the_editions_but_not_who_published_them(api, demo_data, make_edition, operator):
    make_edition(2023, fast=True)
    make_edition(2024, fast=True)
    make_edition(2024, note="Correctie.", fast=True)
    response = api("get", "/api/v1/editions")
    assert response.status_code == 200 and response["Content-Type"] == "application/json"
    editions = response.json()
    assert [e["label"] for e in editions] == ["2024-2", "2024", "2023"]
    assert all(set(e) == {"year", "edition", "label", "published_at", "note"} for e in editions)
    assert editions[0]["note"] == "Correctie." and editions[0]["edition"] == 2
    assert operator.name not in response.content.decode()
    assert [e["label"] for e in api("get", "/api/v1/editions?year=2023").json()] == ["2023"]
    assert api("get", "/api/v1/editions?year=2019").json() == []
    body = assert_problem(api("get", "/api/v1/editions?year=next"), 400)
    assert [e["parameter"] for e in body["errors"]] == ["year"]


# -- reading deliveries --------------------------------------------------------------------------


def test_deliveries_need_a_token(api, demo_data):
    for method in ("get", "post"):
        response = api(method, "/api/v1/deliveries")
        assert_problem(response, 401)
        assert response["WWW-Authenticate"].startswith("Token")


def test_a_logged_in_session_is_not_an_api_token(clients, demo_data):
    assert_problem(clients["analyst"].get("/api/v1/deliveries"), 401)
    assert_problem(clients["analyst"].get("/api/v1/indicators?year=2024&current=true"), 401)


def test_a_partner_token_lists_only_its_own_delivery_versions(api, tokens, demo_data):
    essm = api("get", "/api/v1/deliveries", tokens["essm"])
    assert essm.status_code == 200
    assert essm.json() and {d["partner"] for d in essm.json()} == {"ESSM"}
    assert all(set(d) == SAFE_DELIVERY_FIELDS for d in essm.json())
    avim = api("get", "/api/v1/deliveries", tokens["avim"])
    assert {d["partner"] for d in avim.json()} == {"AVIM"}
    assert "ESSM" not in avim.content.decode()
    assert api("get", "/api/v1/deliveries?partner=ESSM", tokens["avim"]).json() == []


def test_an_analyst_token_lists_every_partners_deliveries_with_filters(api, tokens, demo_data):
    everything = api("get", "/api/v1/deliveries", tokens["analyst"]).json()
    assert {"ESSM", "AVIM", "RIEC", "VAR"} <= {d["partner"] for d in everything}
    current = api("get", "/api/v1/deliveries?year=2024&current=true", tokens["analyst"]).json()
    assert current and all(d["year"] == 2024 and d["is_current"] for d in current)
    meldingen = api("get", "/api/v1/deliveries?dataset=meldingen&partner=essm", tokens["analyst"]).json()
    assert meldingen and all(d["dataset"] == "meldingen" and d["partner"] == "ESSM" for d in meldingen)
    body = assert_problem(api("get", "/api/v1/deliveries?dataset=bsn&current=ja&partner=X", tokens["analyst"]), 400)
    assert {e["parameter"] for e in body["errors"]} == {"dataset", "current", "partner"}


# -- delivering ----------------------------------------------------------------------------------


def test_a_partner_token_delivers_a_file_and_gets_the_new_version(api, tokens, demo_data):
    from zicht.storage.models import Delivery

    before = Delivery.objects.get(partner="ESSM", dataset="meldingen", year=2024, is_current=True)
    form = {
        "file": upload("meldingen-2024.csv", demo_file("ESSM", "meldingen")),
        "dataset": "meldingen",
        "year": "2024",
    }
    response = api("post", "/api/v1/deliveries", tokens["essm"], data=form)
    assert response.status_code == 201, response.content
    assert response["Content-Type"] == "application/json"
    body = response.json()
    assert set(body) == SAFE_DELIVERY_FIELDS
    assert body["partner"] == "ESSM" and body["version"] == before.version + 1 and body["is_current"] is True
    assert body["file_name"] == "meldingen-2024.csv" and body["row_count"] == 179 and body["delivered_by"] == "essm"
    assert body["changes"]["previous_id"] == before.id and body["changes"]["rows_added"] == 0
    stored = Delivery.objects.get(pk=body["id"])
    assert stored.is_current and stored.delivered_via == "api"
    assert not Delivery.objects.get(pk=before.pk).is_current


def test_a_refused_upload_changes_nothing_and_lists_every_finding(api, tokens, demo_data):
    from zicht.storage.models import AuditEvent, Delivery

    current = set(Delivery.objects.filter(is_current=True).values_list("id", flat=True))
    count = delivery_count()
    form = {"file": upload("meldingen.csv", REFUSED_CSV), "dataset": "meldingen", "year": "2024"}
    body = assert_problem(api("post", "/api/v1/deliveries", tokens["essm"], data=form), 422)
    assert [(f["row"], f["column"], f["code"]) for f in body["findings"]] == [
        (2, "datum", "invalid-date"),
        (3, "vorm", "unknown-code"),
    ]
    assert all(set(f) == {"row", "column", "code", "message_nl", "message_en"} for f in body["findings"])
    assert "2" in body["detail"] and "niets veranderd" in body["detail_nl"]
    assert delivery_count() == count
    assert set(Delivery.objects.filter(is_current=True).values_list("id", flat=True)) == current
    assert AuditEvent.objects.filter(action="delivery-refused", actor="essm").exists()


def test_an_xlsx_file_is_read_as_a_workbook(api, tokens, demo_data):
    import csv
    import io

    import openpyxl

    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.title = "meldingen"
    for row in csv.reader(io.StringIO(demo_file("ESSM", "meldingen").decode("utf-8"))):
        sheet.append(row)
    content = io.BytesIO()
    workbook.save(content)
    form = {"file": upload("Meldingen 2024.XLSX", content.getvalue()), "dataset": "meldingen", "year": "2024"}
    response = api("post", "/api/v1/deliveries", tokens["essm"], data=form)
    assert response.status_code == 201, response.content[:1000]
    assert response.json()["row_count"] == 179 and response.json()["file_name"] == "Meldingen 2024.XLSX"


def test_a_file_of_an_unknown_type_is_refused_with_a_finding(api, tokens, demo_data):
    form = {"file": upload("meldingen.pdf", b"%PDF-1.7"), "dataset": "meldingen", "year": "2024"}
    body = assert_problem(api("post", "/api/v1/deliveries", tokens["essm"], data=form), 422)
    assert [f["code"] for f in body["findings"]] == ["file-type"]
    assert ".pdf" in body["findings"][0]["message_en"]


def test_a_dataset_or_partner_the_token_may_not_deliver_is_403_and_changes_nothing(api, tokens, demo_data):
    count = delivery_count()
    other_dataset = {"file": upload("p.csv", demo_file("AVIM", "politiecontacten")), "dataset": "politiecontacten"}
    body = assert_problem(
        api("post", "/api/v1/deliveries", tokens["essm"], data={**other_dataset, "year": "2024"}), 403
    )
    assert "meldingen" in body["detail"]  # says what the token can deliver
    other_partner = {"file": upload("m.csv", demo_file("ESSM", "meldingen")), "dataset": "meldingen", "year": "2024"}
    assert_problem(api("post", "/api/v1/deliveries", tokens["avim"], data={**other_partner, "partner": "ESSM"}), 403)
    assert_problem(api("post", "/api/v1/deliveries", tokens["avim"], data=other_partner), 403)
    assert delivery_count() == count


def test_another_partner_never_sees_essms_findings_or_file_names(api, tokens, demo_data):
    refused = {"file": upload("geheim-essm-export.csv", REFUSED_CSV), "dataset": "meldingen", "year": "2024"}
    api("post", "/api/v1/deliveries", tokens["essm"], data=refused)
    accepted = {"file": upload("essm-intern-2024.csv", demo_file("ESSM", "meldingen")), "dataset": "meldingen"}
    assert api("post", "/api/v1/deliveries", tokens["essm"], data={**accepted, "year": "2024"}).status_code == 201
    for query in ("", "?partner=ESSM", "?dataset=meldingen", "?year=2024&current=true"):
        text = api("get", f"/api/v1/deliveries{query}", tokens["avim"]).content.decode()
        assert "essm-intern" not in text and "geheim" not in text and "invalid-date" not in text
    attempt = {"file": upload("x.csv", REFUSED_CSV), "dataset": "meldingen", "year": "2024", "partner": "ESSM"}
    body = assert_problem(api("post", "/api/v1/deliveries", tokens["avim"], data=attempt), 403)
    assert "findings" not in body  # refused before the file was read


def test_an_analyst_token_names_the_partner_it_delivers_for(api, tokens, demo_data):
    form = {"file": upload("controles.csv", demo_file("RCTM", "controles")), "dataset": "controles", "year": "2024"}
    body = assert_problem(api("post", "/api/v1/deliveries", tokens["analyst"], data=form), 400)
    assert [e["parameter"] for e in body["errors"]] == ["partner"]
    form["file"] = upload("controles.csv", demo_file("RCTM", "controles"))
    response = api("post", "/api/v1/deliveries", tokens["analyst"], data={**form, "partner": "rctm"})
    assert response.status_code == 201 and response.json()["partner"] == "RCTM"


def test_a_delivery_with_missing_or_wrong_fields_is_a_400_that_names_them(api, tokens, demo_data):
    count = delivery_count()
    body = assert_problem(api("post", "/api/v1/deliveries", tokens["essm"], data={"dataset": "bsn", "year": "24"}), 400)
    assert {e["parameter"] for e in body["errors"]} == {"dataset", "year", "file"}
    form = {"file": "not a file", "dataset": "meldingen", "year": "2024"}
    body = assert_problem(api("post", "/api/v1/deliveries", tokens["essm"], data=form), 400)
    assert [e["parameter"] for e in body["errors"]] == ["file"]
    assert delivery_count() == count


def test_a_delivery_that_is_not_multipart_is_415(api, tokens):
    response = api(
        "post", "/api/v1/deliveries", tokens["essm"], data={"dataset": "meldingen"}, content_type="application/json"
    )
    assert_problem(response, 415)


def test_a_body_over_the_limit_is_413_before_it_is_read(api, tokens, settings):
    settings.MAX_UPLOAD_BYTES = 1000
    form = {"file": upload("m.csv", b"x" * 5000), "dataset": "meldingen", "year": "2024"}
    assert_problem(api("post", "/api/v1/deliveries", tokens["essm"], data=form), 413)


# -- tokens --------------------------------------------------------------------------------------


def test_revoked_and_disabled_accounts_tokens_are_refused_everywhere(api, accounts, tokens, operator, demo_data):
    from zicht.services.accounts import actor_for_user, create_token, revoke_token, set_active

    essm = actor_for_user(accounts["essm"])
    info, revoked = create_token(essm, "old")
    assert api("get", "/api/v1/deliveries", revoked).status_code == 200
    revoke_token(essm, info.id)
    assert_problem(api("get", "/api/v1/deliveries", revoked), 401)
    assert_problem(api("get", "/api/v1/editions", revoked), 401)  # a bad token is never taken as anonymous
    set_active(operator, "avim", False)
    assert_problem(api("get", "/api/v1/deliveries", tokens["avim"]), 401)
    form = {"file": upload("p.csv", demo_file("AVIM", "politiecontacten")), "dataset": "politiecontacten"}
    assert_problem(api("post", "/api/v1/deliveries", tokens["avim"], data={**form, "year": "2024"}), 401)
    assert api("get", "/api/v1/deliveries", tokens["essm"]).status_code == 200


def test_malformed_authorization_headers_are_401(client):
    for header in ("Token", "Token a b", "Token zt_unknown", "Token \u00e9\u00e9n"):
        assert_problem(client.get("/api/v1/editions", HTTP_AUTHORIZATION=header), 401)
    assert client.get("/api/v1/editions", HTTP_AUTHORIZATION="Bearer x").status_code == 200  # not ours: anonymous


def test_requests_with_a_token_are_audited(api, tokens):
    from zicht.storage.models import AuditEvent

    api("get", "/api/v1/deliveries?year=2024", tokens["avim"])
    event = AuditEvent.objects.filter(action="token-use", actor="avim").latest("id")
    assert event.subject == "GET /api/v1/deliveries" and event.details["via"] == "api"


# -- the rest of HTTP ----------------------------------------------------------------------------


def test_other_methods_are_405_and_paths_have_no_trailing_slash(api, tokens):
    response = api("delete", "/api/v1/deliveries", tokens["essm"])
    assert_problem(response, 405)
    assert set(response["Allow"].replace(" ", "").split(",")) == {"GET", "POST", "HEAD"}
    assert_problem(api("options", "/api/v1/editions"), 405)
    assert_problem(api("put", "/api/v1/indicators"), 405)
    assert_problem(api("get", "/api/v1/editions/"), 404)
    assert_problem(api("get", "/api/v1/bestaat-niet"), 404)


def test_the_api_answers_json_only(api):
    response = api("get", "/api/v1/editions", HTTP_ACCEPT="text/html")
    assert_problem(response, 406)
    browsable = api("get", "/api/v1/editions?format=api", HTTP_ACCEPT="text/html")
    assert "html" not in browsable["Content-Type"]
