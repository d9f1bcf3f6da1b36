"""`zicht region new` and `zicht region check`: a new region's file, and every problem of it at once."""

from __future__ import annotations

import tomllib

import pytest

from zicht.region import SHIPPED
from zicht.regionfile import check, check_file, template


def wheres(problems) -> list[str]:
    return [p.where for p in problems]


def test_the_template_and_the_shipped_regions_have_no_problems(tmp_path):
    assert check(tomllib.loads(template("regio-test"))) == []
    for shipped in SHIPPED.glob("*.toml"):
        assert check_file(shipped) == [], shipped.name


def test_every_problem_is_reported_at_once():
    data = tomllib.loads(template())
    data["centrale"] = "Voorbeeldstad"  # a typo of a setting
    data["central"] = "Elders"
    data["municipalities"][1]["aliases"] = ["Voorbeeldstad"]  # names the first one again
    data["partners"][1]["code"] = "meldpunt"  # collides with MELDPUNT
    data["partners"][0]["datasets"] = ["meldingen", "meldinge"]
    data["wording"]["stijging"] = 2.0  # above sterke_stijging
    data["disclosure"]["k"] = "vijf"
    data["municipalities"][0]["population"] = -3
    problems = check(data)
    found = wheres(problems)
    assert "centrale" in found and "central" in found
    assert "municipalities[2]" in found and "partners[2].code" in found
    assert "partners[1].datasets" in found and "wording" in found
    assert "disclosure.k" in found and "municipalities[1].population" in found
    typo = next(p for p in problems if p.where == "centrale")
    assert "central" in typo.nl and "Did you mean central" in typo.en
    unknown = next(p for p in problems if p.where == "partners[1].datasets")
    assert "meldinge" in unknown.nl and "meldingen" in unknown.en


@pytest.mark.parametrize("key", ["slug", "name", "central", "municipalities", "partners"])
def test_a_missing_setting_is_named(key):
    data = tomllib.loads(template())
    del data[key]
    assert key in wheres(check(data))


def test_thresholds_must_keep_their_order_and_sign():
    data = tomllib.loads(template())
    data["wording"]["lichte_daling"] = 0.1
    assert "wording.lichte_daling" in wheres(check(data))


def test_a_file_that_is_not_toml_or_not_utf8_is_a_problem_not_a_traceback(tmp_path):
    broken = tmp_path / "broken.toml"
    broken.write_text('slug = "x\nname = ', encoding="utf-8")
    [problem] = check_file(broken)
    assert "TOML" in problem.en and "line" in problem.en
    latin = tmp_path / "latin.toml"
    latin.write_bytes('name = "Gemeente Súdwest"'.encode("latin-1"))
    assert "UTF-8" in check_file(latin)[0].en
    assert "does not exist" in check_file(tmp_path / "missing.toml")[0].en


def test_region_new_then_check_then_use(zicht, tmp_path):
    path = tmp_path / "regio.toml"
    made = zicht("region", "new", path, "--slug", "regio-test")
    assert made.returncode == 0 and path.exists()
    assert zicht("region", "new", path).returncode == 1  # never over an existing file
    assert zicht("region", "check", path).returncode == 0
    path.write_text(path.read_text(encoding="utf-8").replace('central = "Voorbeeldstad"', 'central = "Elders"'))
    refused = zicht("region", "check", path)
    assert refused.returncode == 1 and "central" in refused.stdout and "Traceback" not in refused.stderr
