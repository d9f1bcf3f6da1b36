"""Open data (issue 8): each published edition as a Frictionless Data Package that the `frictionless` library
validates, downloaded as a harvester would, with public figures only and the region's licence and source."""

from __future__ import annotations

import csv
import io
import json

import pytest

pytestmark = pytest.mark.django_db


@pytest.fixture
def published(demo_data, make_edition):
    from zicht.services.dashboard import clear_caches

    clear_caches()
    make_edition(2023, fast=True)
    return make_edition(2024, fast=True)


def harvest(client, tmp_path, year: int, number: int = 1):
    """Download the package and every file it names into a folder, as another region's harvester would."""
    base = f"/open-data/{year}/{number}/"
    response = client.get(base + "datapackage.json")
    assert response.status_code == 200 and response["Content-Type"] == "application/json"
    descriptor = json.loads(response.content)
    (tmp_path / "datapackage.json").write_bytes(response.content)
    for resource in descriptor["resources"]:
        data = client.get(base + resource["path"])
        assert data.status_code == 200, resource["path"]
        (tmp_path / resource["path"]).write_bytes(data.content)
    return descriptor


def rows(client, path: str) -> list[dict]:
    return list(csv.DictReader(io.StringIO(client.get(path).content.decode("utf-8"))))


def test_each_edition_is_a_valid_frictionless_data_package(client, published, tmp_path):
    import frictionless

    for year in (2023, 2024):
        folder = tmp_path / str(year)
        folder.mkdir()
        descriptor = harvest(client, folder, year)
        report = frictionless.validate(str(folder / "datapackage.json"))
        assert report.valid, report.flatten(["resource/name", "rowNumber", "fieldName", "type", "note"])[:5]
        assert descriptor["name"] == f"monitor-mensenhandel-regio-rotterdam-{year}"
        assert descriptor["licenses"] == [
            {
                "name": "CC-BY-4.0",
                "title": "Creative Commons Naamsvermelding 4.0 Internationaal",
                "path": "https://creativecommons.org/licenses/by/4.0/deed.nl",
            }
        ]
        assert descriptor["sources"][0]["title"].startswith("VeiligheidsAlliantie regio Rotterdam")
        names = {r["name"] for r in descriptor["resources"]}
        assert {"totalen", "meldingen-herkomst", "meldingen-gemeente", "meldingen-rubriek-leeftijdsgroep"} <= names


def test_the_package_holds_the_published_figures_with_hidden_cells_empty(client, published):
    from zicht.services import dashboard as service

    totals = {r["indicator"]: r for r in rows(client, "/open-data/2024/1/totalen.csv")}
    assert totals["meldingen"]["waarde"] == "179" and totals["meldingen"]["vorig_jaar"] == "130"
    assert totals["meldingen"]["duiding"] == "lichte stijging"
    public, _, _ = service._frozen(service.edition(2024))
    published_cells = {
        v["dimensions"]["gemeente"]: v
        for v in public[2024]["values"]
        if v["indicator"] == "meldingen" and "gemeente" in v["dimensions"]
    }
    gemeenten = rows(client, "/open-data/2024/1/meldingen-gemeente.csv")
    assert len(gemeenten) == len(published_cells)
    hidden = [r for r in gemeenten if r["afgeschermd"] == "true"]
    assert len(hidden) >= 2 and all(r["waarde"] == "" for r in hidden)
    for r in gemeenten:
        cell = published_cells[r["gemeente"]]
        assert r["waarde"] == ("" if cell.get("suppressed") else str(cell["value"]))
        assert (
            r["waarde"] == ""
            or not 1 <= int(r["waarde"]) < 5
            or r["gemeente"] in ("Rotterdam", "regio-onbekend", "buiten-regio")
        )


def test_the_open_data_page_lists_every_edition_with_its_files(client, published, make_edition):
    make_edition(2024, note="Correctie", fast=True)
    page = client.get("/open-data/").content.decode()
    for label, path in (
        ("2024-2", "/open-data/2024/2/"),
        ("2024", "/open-data/2024/1/"),
        ("2023", "/open-data/2023/1/"),
    ):
        assert f"Editie {label}" in page and f'href="{path}datapackage.json"' in page
    assert 'href="/open-data/2024/2/meldingen-gemeente.csv"' in page
    assert "Creative Commons Naamsvermelding 4.0 Internationaal" in page and 'rel="license"' in page
    second = json.loads(client.get("/open-data/2024/2/datapackage.json").content)
    assert second["version"] == "2.0.0" and second["edition"] == "2024-2" and "Correctie" in second["description"]


def test_unknown_packages_and_files_are_not_found(client, published):
    assert client.get("/open-data/2019/1/datapackage.json").status_code == 404
    assert client.get("/open-data/2024/9/datapackage.json").status_code == 404
    assert client.get("/open-data/2024/1/bestaat-niet.csv").status_code == 404
    response = client.get("/open-data/2024/1/meldingen-gemeente.csv")
    assert response["Cache-Control"].startswith("public") and response["ETag"]
    assert (
        client.get("/open-data/2024/1/meldingen-gemeente.csv", HTTP_IF_NONE_MATCH=response["ETag"]).status_code == 304
    )


def test_a_code_that_a_spreadsheet_would_run_as_a_formula_is_neutralised_in_the_package(tmp_path):
    """A dimension's code comes from a delivery: one that starts like a formula must reach a CSV as text,
    and the package must still be valid (its schema names the codes as the CSV holds them)."""
    from zicht.opendata import package
    from zicht.region import load_region

    public = {
        "region": "regio Rotterdam",
        "year": 2024,
        "values": [
            {"indicator": "controles", "dimensions": {}, "value": 3},
            {"indicator": "controles", "dimensions": {"locatie": '=HYPERLINK("http://x")'}, "value": 1},
            {"indicator": "controles", "dimensions": {"locatie": "-2+3"}, "value": 2},
        ],
        "changes": [],
    }
    edition = {"year": 2024, "number": 1, "label": "2024", "published_at": "2025-03-01T10:00:00+01:00", "note": ""}
    _, files = package(load_region(), edition, public)
    lines = files["controles-locatie.csv"].decode("utf-8").splitlines()
    assert lines == [
        "jaar,locatie,waarde,afgeschermd",
        '2024,"\'=HYPERLINK(""http://x"")",1,false',
        "2024,'-2+3,2,false",
    ]
    import frictionless

    descriptor, files = package(load_region(), edition, public)
    for name, body in files.items():
        (tmp_path / name).write_bytes(body)
    (tmp_path / "datapackage.json").write_text(json.dumps(descriptor), encoding="utf-8")
    report = frictionless.validate(str(tmp_path / "datapackage.json"))
    assert report.valid, report.flatten(["resource/name", "rowNumber", "fieldName", "type", "note"])[:5]
