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


def test_the_partners_words_and_sections_are_checked():
    data = tomllib.loads(template())
    meldpunt, politie = data["partners"][0], data["partners"][1]
    meldpunt["shrot"] = "MP"  # a typo of short
    meldpunt["called"] = 3
    politie["short"] = "mpv"  # the same abbreviation as the meldpunt's (MPV)
    politie["sections"] = {
        "meldingen": {"title": "Cijfers"},  # the politie does not deliver meldingen
        "politiecontacten": {"titel": "Cijfers", "description": ["een", "lijst"]},
        "acties": {"title": "Acties"},  # no section with a heading of its own
    }
    problems = check(data)
    found = wheres(problems)
    assert "partners[1].shrot" in found and "partners[1].called" in found and "partners[2].short" in found
    assert "partners[2].sections.meldingen" in found and "partners[2].sections.acties" in found
    assert "partners[2].sections.politiecontacten.titel" in found
    assert "partners[2].sections.politiecontacten.description" in found
    typo = next(p for p in problems if p.where == "partners[1].shrot")
    assert "Bedoelt u short?" in typo.nl and "Did you mean short?" in typo.en


def test_the_other_tables_of_a_region_file_are_checked_too():
    data = tomllib.loads(template())
    data["retention"] = {"years": 0}
    data["web"] = {"theme": "utrecht"}
    data["meldroutekaart"] = {"embed_domains": ["www.voorbeeldstad.nl/pagina"], "adres": "x"}
    data["open_data"] = {"license": "CC-BY", "keywords": "mensenhandel"}
    data["uitleen"] = {
        "max_dagen": "vier weken",
        "materialen": [{"code": "VR brillen"}, {"code": "koffer", "naam": "Koffer"}, {"code": "koffer", "naam": "K"}],
        "organisaties": {"ONBEKEND": "gemeente", "POLITIE": "politiebureau"},
    }
    data["report_routes"][1]["phone"] = "bel ons"
    data["report_routes"][0]["check"] = ["gevaar:misschien"]
    data["municipalities"][0]["inwoners"] = 5
    data["disclosure"]["kk"] = 5
    found = wheres(check(data))
    for where in (
        "retention.years",
        "web.theme",
        "meldroutekaart.embed_domains",
        "meldroutekaart.adres",
        "open_data.license",
        "open_data.keywords",
        "uitleen.max_dagen",
        "uitleen.materialen[1].code",
        "uitleen.materialen[1].naam",
        "uitleen.materialen[3].code",
        "uitleen.organisaties.ONBEKEND",
        "uitleen.organisaties.POLITIE",
        "report_routes[1]",
        "report_routes[2]",
        "municipalities[1].inwoners",
        "disclosure.kk",
    ):
        assert where in found, where


def test_every_problem_is_said_in_dutch_and_english_on_the_command_line(zicht, tmp_path):
    path = tmp_path / "regio.toml"
    zicht("region", "new", path)
    text = path.read_text(encoding="utf-8").replace('theme = ""', 'theme = "utrecht"').replace("k = 5", "k = 1")
    path.write_text(text.replace('short = "MPV"', 'shrot = "MPV"'), encoding="utf-8")
    refused = zicht("region", "check", path)
    assert refused.returncode == 1 and "Traceback" not in refused.stdout + refused.stderr
    for where in ("web.theme", "disclosure.k", "partners[1].shrot"):
        assert refused.stdout.count(f"{where}:") == 2, where  # once in Dutch, once in English
    assert "3 problemen" in refused.stdout and "3 problems" in refused.stdout
