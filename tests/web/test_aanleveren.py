"""The delivery portal /aanleveren/: templates and Table Schemas, upload in two steps (findings or what
will be imported, then confirmation), history with changes, restore, API tokens; and who may see what."""

from __future__ import annotations

import csv
import html
import io
import json
from pathlib import Path

import pytest

from helpers import ROOT

pytestmark = pytest.mark.django_db

DEMO = ROOT / "src" / "zicht" / "demo" / "deliveries" / "2024"
MELDINGEN = DEMO / "ESSM.meldingen.csv"


# -- files ---------------------------------------------------------------------------------------


def demo_lines(path: Path = MELDINGEN) -> list[str]:
    return path.read_text(encoding="utf-8").splitlines()


def version_two(lines: list[str]) -> list[str]:
    """The demo meldingen with the last two rows removed, row 3 changed (age group) and one row added."""
    header, *rows = lines
    changed = rows[1].split(",")
    changed[4] = "minderjarig" if changed[4] != "minderjarig" else "meerderjarig"
    added = rows[0].split(",")
    added[0] = "ESSM-M-2024-9999"
    return [header, rows[0], ",".join(changed), *rows[2:-2], ",".join(added)]


def broken(lines: list[str]) -> list[str]:
    """Three kinds of finding: an unknown column named like a formula, an unknown municipality twice, and a
    date outside the year."""
    header, *rows = lines
    out = [header + ',=HYPERLINK("http://example.org")']
    for i, row in enumerate(rows):
        cells = row.split(",")
        if i in (1, 4):
            cells[5] = "Rotterdm"
        if i == 6:
            cells[1] = "2023-12-31"
        out.append(",".join(cells) + ",")
    return out


def as_bytes(lines: list[str]) -> bytes:
    return ("\n".join(lines) + "\n").encode("utf-8")


def upload(
    client, content: bytes, name: str = "meldingen-2024.csv", dataset: str = "meldingen", year: int = 2024, **extra
):
    from django.core.files.uploadedfile import SimpleUploadedFile

    data = {"dataset": dataset, "year": str(year), "file": SimpleUploadedFile(name, content), **extra}
    return client.post("/aanleveren/levering/", data)


def check_url(response) -> str:
    assert response.status_code == 302, response.content.decode()[:2000]
    assert response["Location"].startswith("/aanleveren/controle/")
    return response["Location"]


def text(response) -> str:
    """The page as a reader sees its text: entities resolved, white space collapsed."""
    return " ".join(html.unescape(response.content.decode()).split())


def meldingen_total(year: int = 2024) -> int:
    from zicht.indicators import compute
    from zicht.region import load_region
    from zicht.storage import api

    result = compute(api.raw_connection(), api.vendor(), load_region(), year)
    return next(v["value"] for v in result["values"] if v["indicator"] == "meldingen" and not v["dimensions"])


def records(delivery_id: int) -> list[tuple]:
    from zicht.storage.models import RECORD_MODELS

    rows = RECORD_MODELS["meldingen"].objects.filter(delivery_id=delivery_id).order_by("row")
    return [tuple(r) for r in rows.values_list("row", "ref", "datum", "soort", "vorm", "leeftijdsgroep", "gemeente")]


# -- the whole journey ---------------------------------------------------------------------------


def test_delivery_journey_from_broken_file_to_restore(clients):
    from zicht.storage.models import Delivery

    essm = clients["essm"]
    lines = demo_lines()

    # Version 1: the demo file, checked and confirmed.
    first = check_url(upload(essm, as_bytes(lines)))
    assert "179" in text(essm.get(first))
    assert essm.post(first + "bevestigen/").status_code == 302
    v1 = Delivery.objects.get(partner="ESSM", dataset="meldingen", year=2024, version=1)
    v1_total = meldingen_total()
    assert v1_total == 179

    # A broken file: the findings as a table with the Excel row, the column, found and allowed.
    refused = check_url(upload(essm, as_bytes(broken(version_two(lines)))))
    page = text(essm.get(refused))
    assert "niet geïmporteerd" in page and "4 bevindingen" in page
    assert "unknown-municipality" in page and "unknown-column" in page and "date-not-in-year" in page
    assert "Kolom gemeente" in page and '"Rotterdm" is geen gemeente van regio Rotterdam' in page
    assert "Toegestaan:" in page and "Albrandswaard" in page  # what is allowed, once for the group
    assert '<td class="utrecht-table__cell utrecht-table__cell--numeric zicht-findings__row">3</td>' in page
    assert "bevestigen" not in page  # a refused file cannot be confirmed

    # ... and as CSV, the formula-like column name neutralised.
    download = essm.get(refused + "bevindingen.csv")
    assert download.status_code == 200 and download["Content-Type"].startswith("text/csv")
    assert "attachment" in download["Content-Disposition"]
    table = list(csv.reader(io.StringIO(download.content.decode("utf-8-sig")), delimiter=";"))
    assert table[0] == ["rij", "kolom", "code", "gevonden", "toegestaan", "found", "allowed"]
    by_code: dict[str, list[str]] = {}
    for row in table[1:]:
        by_code.setdefault(row[2], row)  # the first of each kind
    assert by_code["unknown-column"][1].startswith("'=HYPERLINK")
    assert by_code["unknown-municipality"][:2] == ["3", "gemeente"]
    assert by_code["unknown-municipality"][3] == (
        '"Rotterdm" is geen gemeente van regio Rotterdam (voor een gemeente buiten de regio: buiten-regio)'
    )
    assert by_code["unknown-municipality"][4].startswith("Rotterdam, Albrandswaard")
    assert by_code["unknown-municipality"][6].startswith("Rotterdam, Albrandswaard")
    assert Delivery.objects.filter(dataset="meldingen").count() == 1  # nothing imported

    # The fixed file: what will be imported against the current version, then confirmed.
    fixed = check_url(upload(essm, as_bytes(version_two(lines))))
    page = text(essm.get(fixed))
    assert "voldoet aan het formaat" in page and "178 rijen" in page and "179 rijen" in page
    assert Delivery.objects.filter(dataset="meldingen").count() == 1  # still nothing imported
    confirmed = essm.post(fixed + "bevestigen/")
    assert confirmed.status_code == 302
    assert confirmed["Location"] == "/aanleveren/geschiedenis/ESSM/meldingen/2024/"
    history = essm.get(confirmed["Location"])
    page = text(history)
    assert "Geïmporteerd: versie 2 van „Meldingen bij het meld- en adviespunt” over 2024, 178 rijen" in page
    assert "Versie 2" in page and "Versie 1" in page and "Geldend" in page
    assert "Ten opzichte van versie 1:</strong> 1 rij toegevoegd, 2 verwijderd, 1 gewijzigd." in page
    assert "Contacten met het meld- en adviespunt" in page  # the indicator's help
    assert "\u22121" in page  # 179 -> 178
    assert "(website)" in page and "essm" in page
    assert meldingen_total() == 178

    # Restore version 1: version 3 is current, with version 1's records and figures.
    restored = essm.post(f"/aanleveren/herstellen/{v1.id}/")
    assert restored.status_code == 302
    v3 = Delivery.objects.get(partner="ESSM", dataset="meldingen", year=2024, is_current=True)
    assert v3.version == 3 and v3.restores_version == 1
    assert [r[1:] for r in records(v3.id)] == [r[1:] for r in records(v1.id)]
    assert meldingen_total() == v1_total
    page = text(essm.get("/aanleveren/geschiedenis/ESSM/meldingen/2024/"))
    assert "Herstelt versie 1" in page and "Versie 3" in page
    assert page.count("weer geldend maken") >= 2  # versions 1 and 2 can be restored, 3 is current


def test_nothing_is_imported_before_confirmation_and_discard_keeps_nothing(clients):
    from zicht.storage.models import Delivery, PendingUpload

    check = check_url(upload(clients["essm"], MELDINGEN.read_bytes()))
    assert Delivery.objects.count() == 0
    assert PendingUpload.objects.count() == 1
    discarded = clients["essm"].post(check + "weggooien/")
    assert discarded.status_code == 302 and discarded["Location"].startswith("/aanleveren/levering/?partner=ESSM")
    assert PendingUpload.objects.count() == 0 and Delivery.objects.count() == 0
    assert clients["essm"].get(check).status_code == 404


def test_a_refused_file_keeps_its_findings_but_not_its_content(clients):
    from zicht.storage.models import PendingUpload

    check_url(upload(clients["essm"], as_bytes(broken(demo_lines()))))
    pending = PendingUpload.objects.get()
    assert not pending.accepted and bytes(pending.content) == b"" and pending.findings


def test_the_upload_is_read_from_a_temporary_file_on_disk(clients, monkeypatch):
    from zicht.services import deliveries

    seen = []
    real = deliveries.check_upload

    def spy(actor, path, *args, **kwargs):
        seen.append(Path(path))
        assert Path(path).is_file()
        return real(actor, path, *args, **kwargs)

    monkeypatch.setattr(deliveries, "check_upload", spy)
    check_url(upload(clients["essm"], b"id,datum\n"))  # tiny: Django would keep it in memory by default
    assert seen and seen[0].name.endswith(".upload.csv")


def test_another_account_cannot_see_or_confirm_a_check(clients, make_account, as_user):
    from zicht.storage.models import Delivery

    check = check_url(upload(clients["essm"], MELDINGEN.read_bytes()))
    colleague = as_user(make_account("essm2", "partner", partner="ESSM"))
    for other in (colleague, clients["avim"], clients["analyst"]):
        assert other.get(check).status_code == 404
        assert other.get(check + "bevindingen.csv").status_code == 404
        assert other.post(check + "bevestigen/").status_code == 404
        assert other.post(check + "weggooien/").status_code == 404
    assert Delivery.objects.count() == 0
    assert clients["essm"].get(check).status_code == 200  # still there for its own account


def test_an_expired_check_says_to_upload_again(clients):
    import datetime as dt

    from django.utils import timezone

    from zicht.storage.models import Delivery, PendingUpload

    check = check_url(upload(clients["essm"], MELDINGEN.read_bytes()))
    PendingUpload.objects.update(expires_at=timezone.now() - dt.timedelta(seconds=1))
    page = clients["essm"].get(check)
    assert page.status_code == 404 and "opnieuw" in text(page) and "/aanleveren/levering/" in text(page)
    assert clients["essm"].post(check + "bevestigen/").status_code == 404
    assert Delivery.objects.count() == 0
    assert clients["essm"].get("/aanleveren/controle/" + "0" * 64 + "/").status_code == 404


def test_upload_over_the_size_limit_is_refused(clients, settings):
    from django.core.files.uploadedfile import SimpleUploadedFile

    from zicht.storage.models import PendingUpload
    from zicht.web.aanleveren.forms import UploadForm

    settings.MAX_UPLOAD_BYTES = 2000
    refused = upload(clients["essm"], MELDINGEN.read_bytes())  # the body's length: refused before it is read
    assert refused.status_code == 413 and "Bestand te groot" in text(refused)
    # The form refuses by the file's own size too (a body sent without its length).
    big = SimpleUploadedFile("meldingen.csv", b"x" * 3000)
    form = UploadForm([("ESSM", "meldingen")], {}, [2024], {"dataset": "meldingen", "year": "2024"}, {"file": big})
    assert not form.is_valid() and "groter dan" in form.errors["file"][0]
    assert PendingUpload.objects.count() == 0


@pytest.mark.parametrize("name", ["meldingen.docx", "meldingen.txt", "meldingen"])
def test_upload_of_another_file_type_is_refused_with_a_message(clients, name):
    from zicht.storage.models import PendingUpload

    response = upload(clients["essm"], MELDINGEN.read_bytes(), name=name)
    assert response.status_code == 200
    assert "geen .csv- of .xlsx-bestand" in text(response) and 'aria-invalid="true"' in text(response)
    assert PendingUpload.objects.count() == 0


def test_a_csv_that_is_not_text_gets_findings_not_a_traceback(clients):
    page = clients["essm"].get(check_url(upload(clients["essm"], b"\x00\x01\x02" * 50)))
    assert page.status_code == 200 and "niet geïmporteerd" in text(page)


def test_an_xlsx_upload_is_checked(clients, tmp_path):
    import openpyxl

    workbook = openpyxl.Workbook()
    sheet = workbook.active
    for line in demo_lines(DEMO / "RCTM.controles.csv"):
        sheet.append(line.split(","))
    workbook.save(tmp_path / "controles.xlsx")
    analyst = clients["analyst"]
    check = check_url(
        upload(analyst, (tmp_path / "controles.xlsx").read_bytes(), "controles.xlsx", "controles", partner="RCTM")
    )
    assert "voldoet aan het formaat" in text(analyst.get(check))


def test_partner_cannot_deliver_a_dataset_it_may_not(clients):
    from zicht.storage.models import AuditEvent, PendingUpload

    lines = demo_lines(DEMO / "AVIM.politiecontacten.csv")
    response = upload(clients["essm"], as_bytes(lines), dataset="politiecontacten")
    assert response.status_code == 403
    # ... nor for another partner: the partner field is not theirs to choose.
    response = upload(clients["essm"], as_bytes(lines), dataset="politiecontacten", partner="AVIM")
    assert response.status_code == 403
    assert PendingUpload.objects.count() == 0
    assert not AuditEvent.objects.filter(action__startswith="upload").exists()
    form = text(clients["essm"].get("/aanleveren/levering/"))
    assert 'value="meldingen"' in form and 'value="politiecontacten"' not in form and 'name="partner"' not in form


def test_partner_never_sees_another_partners_history_check_or_version(clients, actors):
    from zicht.services.deliveries import deliver

    avim_file = DEMO / "AVIM.politiecontacten.csv"
    first = deliver(actors["avim"], avim_file, "politiecontacten", 2024, "AVIM").delivery
    deliver(actors["avim"], avim_file, "politiecontacten", 2024, "AVIM")
    essm = clients["essm"]
    assert essm.get("/aanleveren/geschiedenis/AVIM/politiecontacten/2024/").status_code == 404
    assert essm.post(f"/aanleveren/herstellen/{first.id}/").status_code == 404
    avim_check = check_url(upload(clients["avim"], avim_file.read_bytes(), dataset="politiecontacten"))
    assert essm.get(avim_check).status_code == 404
    assert essm.get(avim_check + "bevindingen.csv").status_code == 404
    overview = text(essm.get("/aanleveren/?jaar=2024"))
    assert "politiecontacten" not in overview and "AVIM" not in overview
    # The owner sees it all.
    page = text(clients["avim"].get("/aanleveren/geschiedenis/AVIM/politiecontacten/2024/"))
    assert "Versie 2" in page and avim_file.name in page


def test_analyst_delivers_for_any_partner(clients):
    from zicht.storage.models import Delivery

    analyst = clients["analyst"]
    form = text(analyst.get("/aanleveren/levering/?partner=AVIM&dataset=politiecontacten&jaar=2024"))
    assert 'name="partner"' in form and '<option value="AVIM" selected>' in form
    assert '<option value="politiecontacten" selected>' in form
    content = (DEMO / "AVIM.politiecontacten.csv").read_bytes()
    check = check_url(upload(analyst, content, dataset="politiecontacten", partner="AVIM"))
    assert "Afdeling Vreemdelingenpolitie" in text(analyst.get(check))
    assert analyst.post(check + "bevestigen/")["Location"] == "/aanleveren/geschiedenis/AVIM/politiecontacten/2024/"
    delivery = Delivery.objects.get()
    assert (delivery.partner, delivery.delivered_by, delivery.delivered_via) == ("AVIM", "analyst", "web")
    # A partner that does not deliver the dataset is a message on the form, not an error page.
    wrong = upload(analyst, content, dataset="politiecontacten", partner="ESSM")
    assert wrong.status_code == 200 and "ESSM levert deze gegevensset niet" in text(wrong) and "AVIM" in text(wrong)
    # The owning partner sees the analyst's delivery in its history.
    assert "analyst" in text(clients["avim"].get("/aanleveren/geschiedenis/AVIM/politiecontacten/2024/"))


def test_restoring_the_current_version_is_refused_with_a_message(clients, actors):
    from zicht.services.deliveries import deliver
    from zicht.storage.models import Delivery

    current = deliver(actors["essm"], MELDINGEN, "meldingen", 2024, "ESSM").delivery
    response = clients["essm"].post(f"/aanleveren/herstellen/{current.id}/", follow=True)
    assert "al de geldende versie" in text(response)
    assert Delivery.objects.count() == 1
    assert clients["essm"].get(f"/aanleveren/herstellen/{current.id}/").status_code == 405


def test_history_of_a_format_without_id_says_changed_rows_are_not_known(clients, actors, tmp_path):
    from zicht.services.deliveries import deliver

    landelijk = DEMO / "VAR.landelijk.csv"
    deliver(actors["analyst"], landelijk, "landelijk", 2024, "VAR")
    header, first, *rest = demo_lines(landelijk)
    assert ",944," in first
    changed = tmp_path / "landelijk.csv"
    changed.write_bytes(as_bytes([header, first.replace(",944,", ",950,"), *rest]))
    deliver(actors["analyst"], changed, "landelijk", 2024, "VAR")
    page = text(clients["analyst"].get("/aanleveren/geschiedenis/VAR/landelijk/2024/"))
    assert "1 rij toegevoegd, 1 verwijderd, gewijzigde rijen niet bekend" in page


# -- the overview, templates and schemas ---------------------------------------------------------


def test_overview_shows_what_the_partner_delivers_for_the_chosen_year(clients, actors):
    from zicht.services.deliveries import deliver

    deliver(actors["essm"], MELDINGEN, "meldingen", 2024, "ESSM")
    page = text(clients["essm"].get("/aanleveren/"))
    assert '<option value="2024" selected>' in page  # the latest year with deliveries
    assert "Meldingen bij het meld- en adviespunt" in page and "Begeleide cliënten" in page
    assert "Versie 1, 179 rijen" in page and "Nog niets geleverd voor 2024" in page
    assert "/aanleveren/geschiedenis/ESSM/meldingen/2024/" in page
    assert "/aanleveren/levering/?partner=ESSM&dataset=trajecten&jaar=2024" in page
    for fmt in ("csv", "xlsx", "schema.json"):
        assert f"/aanleveren/sjabloon/meldingen.{fmt}" in page
    assert "politiecontacten" not in page
    earlier = text(clients["essm"].get("/aanleveren/?jaar=2023"))
    assert '<option value="2023" selected>' in earlier and "Nog niets geleverd voor 2023" in earlier
    assert "Versie 1, 179 rijen" not in earlier
    assert clients["essm"].get("/aanleveren/?jaar=abc").status_code == 200


def test_overview_for_the_analyst_groups_every_partner(clients):
    from zicht.region import load_region
    from zicht.schema.datasets import DATASETS

    page = text(clients["analyst"].get("/aanleveren/"))
    for partner in load_region().partners:
        assert partner.name in page
    for dataset in ("meldingen", "politiecontacten", "riec-casussen", "controles", "landelijk"):
        assert f"/aanleveren/sjabloon/{dataset}.csv" in page
        assert DATASETS[dataset].description_nl in page


def test_portal_is_for_partners_and_analysts_only(clients):
    assert clients["schiedam"].get("/aanleveren/").status_code == 403
    assert clients["schiedam"].get("/aanleveren/tokens/").status_code == 403
    assert clients["schiedam"].get("/aanleveren/sjabloon/meldingen.csv").status_code == 403
    anonymous = clients["anonymous"]
    for path in ("/aanleveren/", "/aanleveren/levering/", "/aanleveren/tokens/", "/aanleveren/sjabloon/meldingen.csv"):
        response = anonymous.get(path)
        assert response.status_code == 302 and response["Location"].startswith("/accounts/inloggen/"), path


def test_templates_and_schema_are_downloads_of_the_datasets_the_actor_delivers(clients):
    import openpyxl

    from zicht.region import load_region
    from zicht.schema.datasets import DATASETS
    from zicht.schema.frictionless import table_schema
    from zicht.schema.templates import csv_template

    essm = clients["essm"]
    response = essm.get("/aanleveren/sjabloon/meldingen.csv")
    assert response.status_code == 200 and response.content == csv_template(DATASETS["meldingen"])
    assert 'filename="meldingen.csv"' in response["Content-Disposition"]
    xlsx = essm.get("/aanleveren/sjabloon/trajecten.xlsx")
    assert xlsx["Content-Type"].startswith("application/vnd.openxmlformats")
    sheet = openpyxl.load_workbook(io.BytesIO(xlsx.content)).worksheets[0]
    assert [c.value for c in sheet[1]] == list(DATASETS["trajecten"].column_names)
    schema = essm.get("/aanleveren/sjabloon/meldingen.schema.json")
    assert schema["Content-Type"] == "application/json"
    assert json.loads(schema.content) == table_schema("meldingen", load_region())
    assert essm.get("/aanleveren/sjabloon/politiecontacten.csv").status_code == 404  # not theirs
    assert essm.get("/aanleveren/sjabloon/bestaat-niet.csv").status_code == 404
    assert essm.get("/aanleveren/sjabloon/meldingen.pdf").status_code == 404
    assert clients["analyst"].get("/aanleveren/sjabloon/politiecontacten.schema.json").status_code == 200


def test_cli_template_writes_the_table_schema_that_frictionless_checks_a_demo_file_with(zicht, tmp_path):
    import frictionless

    from zicht.region import load_region
    from zicht.schema.frictionless import table_schema

    out = tmp_path / "schema.json"
    result = zicht("template", "controles", "--format", "schema", "--out", out)
    assert result.returncode == 0, result.stderr
    descriptor = json.loads(out.read_text(encoding="utf-8"))
    assert descriptor == table_schema("controles", load_region())
    assert frictionless.Schema.validate_descriptor(descriptor).valid
    schema = frictionless.Schema.from_descriptor(descriptor)
    demo = tmp_path / "controles.csv"
    demo.write_bytes((DEMO / "RCTM.controles.csv").read_bytes())
    assert frictionless.Resource(path=demo.name, basepath=str(tmp_path), schema=schema).validate().valid
    bad = tmp_path / "bad.csv"
    bad.write_text(demo.read_text(encoding="utf-8").replace("Schiedam", "Utrecht", 1), encoding="utf-8")
    report = frictionless.Resource(path=bad.name, basepath=str(tmp_path), schema=schema).validate()
    assert not report.valid
    # The default name, and no overwrite.
    assert zicht("template", "controles", "--format", "schema", cwd=tmp_path).returncode == 0
    assert (tmp_path / "controles.schema.json").exists()
    assert zicht("template", "controles", "--format", "schema", "--out", out).returncode == 1


# -- findings as a data officer reads them -------------------------------------------------------


def test_a_finding_is_split_into_what_was_found_and_what_is_allowed():
    from zicht.schema import findings as f
    from zicht.schema.findings import finding_line

    line = finding_line(f.make("unknown-code", 7, "soort", value=f.show("meldng; x"), allowed="melding, preventief"))
    assert (line.row, line.column, line.code) == (7, "soort", "unknown-code")
    assert line.nl == ('Onbekende code "meldng; x"', "melding, preventief.")
    assert line.en == ('Unknown code "meldng; x"', "melding, preventief.")
    bsn = finding_line(f.make("identifier-bsn", 4, "id"))
    assert bsn.nl[0] == "Bevat een BSN (burgerservicenummer)"
    assert bsn.nl[1].startswith("Direct identificerende gegevens mogen nooit") and "verwijder het" in bsn.nl[1]
    missing = finding_line(f.make("required", 9, "datum", why=""))
    assert missing.nl == ("Verplichte waarde ontbreekt.", "")
    whole = finding_line(f.make("file-type", ext=".pdf"))
    assert whole.row is None and whole.nl[0] == "Bestandstype .pdf wordt niet ondersteund"


def test_findings_are_shown_in_english_after_the_switch(clients):
    essm = clients["essm"]
    check = check_url(upload(essm, as_bytes(broken(demo_lines()))))
    essm.get("/taal/en/")
    page = text(essm.get(check))
    assert "is not a municipality of regio Rotterdam" in page and "Allowed:" in page
    assert "is geen gemeente" not in page


def test_many_findings_are_cut_short_on_the_page_but_complete_in_the_csv(clients):
    header, *rows = demo_lines()
    bad = [header] + [",".join(r.split(",")[:5] + ["Rotterdm"] + r.split(",")[6:]) for r in rows] * 4
    bad = [bad[0]] + [line.replace("ESSM-M-2024-", f"X{i}-") for i, line in enumerate(bad[1:])]
    essm = clients["essm"]
    check = check_url(upload(essm, as_bytes(bad)))
    page = text(essm.get(check))
    assert "de eerste 500 bevindingen" in page
    assert page.count('zicht-findings__row">') <= 501
    csv_rows = essm.get(check + "bevindingen.csv").content.decode("utf-8-sig").splitlines()
    assert len(csv_rows) == 1 + 4 * len(rows)


# -- API tokens ----------------------------------------------------------------------------------


def test_tokens_are_created_shown_once_listed_and_revoked(clients, accounts):
    from zicht.storage.models import ApiToken, AuditEvent

    essm = clients["essm"]
    created = essm.post("/aanleveren/tokens/", {"name": "registratiesysteem"})
    assert created.status_code == 200
    page = text(created)
    stored = ApiToken.objects.get(user=accounts["essm"])
    plain = page.split('id="nieuw-token" class="zicht-token">', 1)[1].split("<", 1)[0]
    assert plain.startswith(stored.prefix) and len(plain) > 30
    assert "niet nog eens getoond" in page and 'data-copy="nieuw-token"' in page
    # Stored only as its hash; never again on a page.
    import hashlib

    assert stored.digest == hashlib.sha256(plain.encode()).hexdigest() and plain not in stored.digest
    assert not ApiToken.objects.filter(digest=plain).exists()
    listing = text(essm.get("/aanleveren/tokens/"))
    assert "registratiesysteem" in listing and stored.prefix in listing and plain not in listing
    assert "Authorization: Token" in listing and "POST /api/v1/deliveries" in listing
    # Another account cannot revoke it; its owner can.
    assert clients["avim"].post(f"/aanleveren/tokens/{stored.id}/intrekken/").status_code == 404
    revoked = essm.post(f"/aanleveren/tokens/{stored.id}/intrekken/", follow=True)
    assert "ingetrokken" in text(revoked)
    stored.refresh_from_db()
    assert stored.revoked_at is not None
    actions = set(AuditEvent.objects.filter(actor="essm").values_list("action", flat=True))
    assert {"token-create", "token-revoke"} <= actions
    assert not AuditEvent.objects.filter(details__icontains=plain).exists()


def test_a_token_needs_a_name(clients):
    from zicht.storage.models import ApiToken

    response = clients["essm"].post("/aanleveren/tokens/", {"name": "  "})
    assert response.status_code == 200 and 'aria-invalid="true"' in text(response)
    assert not ApiToken.objects.exists()


# -- the audit log -------------------------------------------------------------------------------


def test_uploads_confirmations_and_restores_are_audited(clients):
    from zicht.storage.models import AuditEvent, Delivery

    essm = clients["essm"]
    check_url(upload(essm, as_bytes(broken(demo_lines()))))
    first = check_url(upload(essm, MELDINGEN.read_bytes()))
    essm.post(first + "bevestigen/")
    second = check_url(upload(essm, as_bytes(version_two(demo_lines()))))
    essm.post(second + "bevestigen/")
    essm.post(f"/aanleveren/herstellen/{Delivery.objects.get(version=1).id}/")
    events = list(
        AuditEvent.objects.filter(actor="essm")
        .exclude(action="login")
        .order_by("id")
        .values_list("action", "subject", "details")
    )
    actions = [action for action, _, _ in events]
    assert actions == ["upload-refused", "upload-checked", "import", "upload-checked", "import", "restore"]
    refused = events[0]
    assert refused[1] == "ESSM meldingen 2024" and refused[2]["findings"] == 4 and refused[2]["via"] == "web"
    assert "unknown-municipality" in refused[2]["codes"]
    assert "Rotterdm" not in json.dumps([e[2] for e in events])  # never a cell value
