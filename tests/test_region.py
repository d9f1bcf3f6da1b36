"""A region is configuration, not code."""

from __future__ import annotations

import json

import pytest

from zicht.region import RegionError, load_region

OTHER = """
slug = "regio-proef"
name = "regio Proef"
central = "Alfa"

[[municipalities]]
name = "Alfa"
aliases = ["Oud-Alfa"]

[[municipalities]]
name = "Beta-Gamma"

[[municipalities]]
name = "Delta"

[[partners]]
code = "MELDPUNT"
datasets = ["meldingen"]

[wording]
lichte_stijging = 0.10

[disclosure]
k = 3
sensitive_gemeente_datasets = ["meldingen"]
"""


def test_shipped_region_has_23_municipalities_and_aliases():
    region = load_region("regio-rotterdam")
    assert len(region.municipalities) == 23 and region.central == "Rotterdam"
    assert region.find_municipality("Capelle a/d IJssel") == "Capelle aan den IJssel"
    assert region.find_municipality("hendrik ido ambacht") == "Hendrik-Ido-Ambacht"
    assert region.find_municipality("Spijkenisse") == "Nissewaard"
    assert region.find_municipality("Utrecht") is None
    assert region.partners_for("registraties") == ("ZORGCOORDINATIE", "NLA")


def test_a_broken_region_file_is_refused_with_its_reason(tmp_path):
    bad = tmp_path / "bad.toml"
    bad.write_text(OTHER.replace('central = "Alfa"', 'central = "Epsilon"'), encoding="utf-8")
    with pytest.raises(RegionError, match="central municipality"):
        load_region(str(bad))
    with pytest.raises(RegionError, match="not found"):
        load_region("regio-nergens")


def test_another_region_is_a_configuration_file(zicht, zicht_env, tmp_path):
    path = tmp_path / "regio-proef.toml"
    path.write_text(OTHER, encoding="utf-8")
    zicht_env["ZICHT_REGION"] = str(path)
    data = tmp_path / "meldingen.csv"
    data.write_text(
        "id,datum,soort,vorm,leeftijdsgroep,gemeente\n"
        "1,2024-01-02,melding,overig,meerderjarig,Oud-Alfa\n"
        "2,2024-01-03,preventief,,minderjarig,beta gamma\n"
        "3,2024-01-04,preventief,,minderjarig,Rotterdam\n",
        encoding="utf-8",
    )
    refused = zicht("import", data, "--dataset", "meldingen", "--year", "2024", "--partner", "meldpunt")
    assert refused.returncode == 1 and "Rotterdam" in refused.stdout  # not a municipality of this region
    data.write_text(data.read_text(encoding="utf-8").replace("Rotterdam", "buiten-regio"), encoding="utf-8")
    assert zicht("import", data, "--dataset", "meldingen", "--year", "2024", "--partner", "meldpunt").returncode == 0
    out = json.loads(zicht("indicators", "--year", "2024", "--json").stdout)
    cells = {(v["indicator"], tuple(v["dimensions"].items())): v["value"] for v in out["values"]}
    assert out["region"] == "regio-proef"
    assert cells[("meldingen", (("herkomst", "centrumgemeente"),))] == 1
    assert cells[("meldingen", (("gemeente", "Beta-Gamma"),))] == 1
    assert len([k for k in cells if k[0] == "meldingen" and k[1] and k[1][0][0] == "gemeente"]) == 5
    public = json.loads(zicht("indicators", "--year", "2024", "--json", "--public").stdout)
    assert public["public"] is True
