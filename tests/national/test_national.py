"""The national picture (issue 11, parts 3 and 4): three test-only regions with random deliveries, their
open-data packages, and the comparison checked against an independent reading of those packages."""

from __future__ import annotations

import csv
import http.server
import io
import json
import runpy
import shutil
import threading
import zipfile
from pathlib import Path

import pytest

from zicht import national
from zicht.disclosure import recoverable_cells
from zicht.indicators.registry import REGISTRY

BUILD = runpy.run_path(str(Path(__file__).parent / "build.py"))
K = 10  # the strictest k of the three regions (5, 10, 3)


@pytest.fixture
def packages(deliver, tmp_path):
    return BUILD["build_packages"](deliver, tmp_path / "packages", seed=11)


def read_csv(path: Path) -> list[dict]:
    return list(csv.DictReader(io.StringIO(path.read_text("utf-8"), newline="")))


def public_figures(folder: Path) -> dict:
    """Independently of zicht.national: the package's region and its totals and 1-D breakdowns."""
    descriptor = json.loads((folder / "datapackage.json").read_text("utf-8"))
    figures = {"region": descriptor["zicht"]["region"], "population": descriptor["zicht"]["population"]}
    figures[("", "", "")] = None
    for row in read_csv(folder / "totalen.csv"):
        figures[(row["indicator"], "", "")] = int(row["waarde"])
    for resource in descriptor["resources"]:
        fields = [f["name"] for f in resource["schema"]["fields"]]
        if len(fields) == 4 and fields[2] == "waarde":
            indicator = resource["name"][: -len(fields[1]) - 1]
            for row in read_csv(folder / resource["path"]):
                figures[(indicator, fields[1], row[fields[1]])] = None if row["waarde"] == "" else int(row["waarde"])
    return figures


@pytest.mark.django_db
@pytest.mark.parametrize("seed", [11, 29, 2024])
def test_the_comparison_equals_the_sum_of_the_regions_public_figures_and_hides_below_the_strictest_k(
    deliver, tmp_path, seed
):
    folders = BUILD["build_packages"](deliver, tmp_path, seed=seed)
    comparison = national.compare(national.read_packages([str(f) for f in folders]))
    assert comparison.k == K
    public = [public_figures(f) for f in folders]
    by_name = {p["region"]: p for p in public}
    rows = list(csv.DictReader(io.StringIO(national.rows_csv(comparison).decode("utf-8"), newline="")))
    sums = {}
    hidden = shown_sums = 0
    for row in rows:
        key = (row["indicator"], row["uitsplitsing"], row["categorie"])
        people = REGISTRY[row["indicator"]].about_people
        if row["afgeschermd"] == "true":
            assert row["waarde"] == ""
            hidden += 1
            continue
        value = int(row["waarde"])
        if people:
            assert not 1 <= value < K, f"a count of people below k is shown: {row}"
        if row["regio"] == "landelijk":
            assert value == BUILD["LANDELIJK"].get(row["categorie"] or "totaal", 0)
        elif row["regio"] == "som-van-de-regio's":
            sums[key] = value
        else:
            figures = by_name[row["regio"]]
            assert value == figures[key], row
            overview = row["uitsplitsing"] == ""
            assert bool(row["per_100000"]) == (people and overview), row  # rates of totals of people only
            if row["per_100000"]:
                assert float(row["per_100000"]) == round(value * 100_000 / figures["population"], 1)
    for key, value in sums.items():
        independent = sum(p[key] for p in public if key in p)
        assert value == independent, key
        shown_sums += 1
    assert hidden and shown_sums  # the test can fail both ways
    # Every sum over the regions of a figure no region hid in its own package is either shown or hidden.
    for key in {k for p in public for k in p if isinstance(k, tuple) and k[0] and k[0] != "landelijk"}:
        if key[1] in national.OWN_DIMENSIONS:
            continue
        assert any((r["indicator"], r["uitsplitsing"], r["categorie"]) == key for r in rows), key


@pytest.mark.django_db
def test_no_hidden_cell_follows_from_the_totals_shown(packages):
    comparison = national.compare(national.read_packages([str(f) for f in packages]))
    overview = {row.key: row for row in comparison.overview.rows}
    checked = 0
    for table in comparison.breakdowns:
        if not table.about_people:
            continue
        width = len(comparison.regions)
        cell = {(n, i): n * width + i for n in range(len(table.rows)) for i in range(width)}
        totals = overview[table.indicator].cells
        groups = [[cell[(n, i)] for n in range(len(table.rows))] for i in range(width) if not totals[i].hidden]
        groups += [[cell[(n, i)] for i in range(width)] for n, row in enumerate(table.rows) if not row.total.hidden]
        hidden = [cell[(n, i)] for n, row in enumerate(table.rows) for i, c in enumerate(row.cells) if c.hidden]
        assert not recoverable_cells(groups, hidden), (table.indicator, table.dimension)
        for i in range(width):  # a hidden cell in a column whose total is shown has a hidden partner
            column = [row.cells[i] for row in table.rows]
            if not totals[i].hidden:
                assert sum(c.hidden for c in column) != 1, (table.indicator, table.dimension, i)
        checked += bool(hidden)
    assert checked


@pytest.mark.django_db
def test_national_writes_html_and_csv_with_a_progress_line(zicht, packages, tmp_path):
    result = zicht("national", *map(str, packages), "--out", str(tmp_path / "uit"))
    assert result.returncode == 0, result.stderr
    html, table = tmp_path / "uit" / "landelijk-beeld.html", tmp_path / "uit" / "landelijk-beeld.csv"
    assert result.stdout.split() == [str(html), str(table)]
    assert "[1/3] lezen / reading" in result.stderr and "k = 10" in result.stderr
    page = html.read_text("utf-8")
    assert '<html lang="nl">' in page and "regio Oostland" in page and "&lt;10" in page
    assert "Niet op te tellen" in page and "CoMensha" in page and "1.118" in page
    assert table.read_text("utf-8").startswith(",".join(national.CSV_HEADER))
    english = zicht("national", *map(str, packages), "--lang", "en", cwd=tmp_path)
    assert english.returncode == 0
    assert "Not to be added up" in (tmp_path / "landelijk-beeld.html").read_text("utf-8")


@pytest.mark.django_db
def test_national_reads_a_zip_and_a_datapackage_json(packages, tmp_path):
    archive = tmp_path / "noordkust.zip"
    with zipfile.ZipFile(archive, "w") as z:
        for file in packages[0].iterdir():
            z.write(file, f"pakket/{file.name}")
    one = national.read_package(str(archive))
    two = national.read_package(str(packages[1] / "datapackage.json"))
    assert (one.region, one.k, two.region, two.k) == ("regio Noordkust", 5, "regio Oostland", 10)
    assert one.population == 152300 + 23110 + 9870 + 41200 + 18650


@pytest.mark.django_db
def test_national_reads_packages_over_http(packages):
    root = packages[0].parent

    class Quiet(http.server.SimpleHTTPRequestHandler):
        def __init__(self, *args, **kwargs):
            super().__init__(*args, directory=str(root), **kwargs)

        def log_message(self, *args):
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Quiet)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        base = f"http://127.0.0.1:{server.server_address[1]}"
        figures = national.read_package(f"{base}/regio-zuidrand/datapackage.json")
        assert figures.region == "regio Zuidrand" and figures.totals["meldingen"] is not None
        with pytest.raises(national.SourceError) as missing:
            national.read_package(f"{base}/regio-nergens/datapackage.json")
        assert "HTTP 404" in missing.value.message_nl
    finally:
        server.shutdown()


@pytest.mark.django_db
def test_bad_sources_get_a_clear_message_and_exit_codes(zicht, packages, tmp_path):
    empty = tmp_path / "leeg"
    empty.mkdir()
    broken = tmp_path / "kapot"
    shutil.copytree(packages[0], broken)
    (broken / "datapackage.json").write_text("{niet json", "utf-8")
    old = tmp_path / "oud"
    shutil.copytree(packages[1], old)
    descriptor = json.loads((old / "datapackage.json").read_text("utf-8"))
    del descriptor["zicht"]
    (old / "datapackage.json").write_text(json.dumps(descriptor), "utf-8")
    cut = tmp_path / "afgebroken"
    shutil.copytree(packages[2], cut)
    (cut / "totalen.csv").write_text("indicator,jaar,waarde\r\nmeldingen,2024,veel\r\n", "utf-8")
    cases = [
        ((str(tmp_path / "bestaat-niet"),), 2, "bestaat niet"),
        ((str(empty),), 1, "geen datapackage.json"),
        ((str(broken),), 1, "geen JSON"),
        ((str(old),), 1, "welke drempel k"),
        ((str(cut),), 1, "'veel' is geen aantal"),
        ((str(packages[0]), str(packages[0])), 1, "geef elke regio één keer"),
        (("http://127.0.0.1:9/datapackage.json",), 1, "niet bereikbaar"),
        ((), 2, "Missing argument"),
    ]
    for args, code, message in cases:
        result = zicht("national", *args, "--out", str(tmp_path / "uit"))
        assert result.returncode == code, (args, result.stderr)
        assert message in result.stderr, (args, result.stderr)
        assert "Traceback" not in result.stderr + result.stdout
    assert not (tmp_path / "uit").exists()


def test_a_package_path_that_leaves_its_folder_is_refused(tmp_path):
    (tmp_path / "datapackage.json").write_text(
        json.dumps({"zicht": {"region": "x", "year": 2024, "disclosure_k": 5},
                    "resources": [{"name": "totalen", "path": "../../etc/passwd"}]}), "utf-8"
    )  # fmt: skip
    with pytest.raises(national.SourceError) as refused:
        national.read_package(str(tmp_path))
    assert "ongeldig pad" in refused.value.message_nl
