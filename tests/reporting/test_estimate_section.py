"""The section 'Hoeveel slachtoffers zien we niet?': interval, sensitivity across models, overlap between the
lists, and who may see what (analysts always; the public only with `publish_estimate`, small overlaps `<5`)."""

from __future__ import annotations

import dataclasses
import json
import re
from pathlib import Path

import altair
import jsonschema
import pytest

from report_sample import plain_text
from zicht.estimation import estimate, make_table
from zicht.estimation.linkage import overlap_summary
from zicht.reporting.context import build_context
from zicht.reporting.render import build_report

LISTS = ["ESSM", "AVIM", "ZORGCOORDINATIE", "NLA"]
# The demo's 2024 capture histories (ESSM, AVIM, ZORGCOORDINATIE, NLA): every pair has at least 7 people.
DEMO = [
    ((1, 0, 0, 0), 111),
    ((0, 1, 0, 0), 33),
    ((1, 1, 0, 0), 20),
    ((0, 0, 1, 0), 31),
    ((1, 0, 1, 0), 70),
    ((0, 1, 1, 0), 4),
    ((1, 1, 1, 0), 8),
    ((0, 0, 0, 1), 22),
    ((1, 0, 0, 1), 6),
    ((0, 1, 0, 1), 4),
    ((1, 1, 0, 1), 3),
    ((0, 0, 1, 1), 2),
    ((1, 0, 1, 1), 3),
    ((0, 1, 1, 1), 1),
    ((1, 1, 1, 1), 1),
]
# Pairs AVIM–ZORGCOORDINATIE 4, AVIM–NLA 3, ZORGCOORDINATIE–NLA 2: below k = 5.
SMALL = [
    ((1, 0, 0, 0), 111),
    ((0, 1, 0, 0), 33),
    ((1, 1, 0, 0), 20),
    ((0, 0, 1, 0), 31),
    ((1, 0, 1, 0), 70),
    ((0, 1, 1, 0), 4),
    ((0, 0, 0, 1), 22),
    ((1, 0, 0, 1), 6),
    ((0, 1, 0, 1), 3),
    ((0, 0, 1, 1), 2),
]
SCHEMA = json.loads((Path(altair.__file__).parent / "vegalite" / "v6" / "schema" / "vega-lite-schema.json").read_text())


def result(rows, lists=LISTS, **options):
    """What `estimate_year` gives the report: the estimate with sensitivity and overlap (profile CI: fast)."""
    table = make_table(lists, rows)
    out = estimate(table, ci="profile", sensitivity=True, **options)
    out["overlap"] = overlap_summary(table)
    return out


@pytest.fixture(scope="module")
def demo_estimate():
    return result(DEMO)


def with_estimate(sample, est, publish: bool | None = None):
    data = dataclasses.replace(sample, estimate=est)
    if publish is not None:
        data.region = dataclasses.replace(sample.region, publish_estimate=publish)
    return data


def chart(ctx, chart_id):
    return next((c for c in ctx["charts"] if c.id == chart_id), None)


def section(html: str) -> str:
    """The visible text of the estimate section (up to the next chapter heading)."""
    m = re.search(r'<h2 id="schatting">(.*?)<h2 id="avim">', html, re.S)
    return plain_text(m.group(1)) if m else ""


def test_estimable_section_shows_the_interval_and_the_sensitivity_chart(sample, demo_estimate):
    ctx = build_context(with_estimate(sample, demo_estimate))
    block = ctx["estimate"]
    assert block["estimable"]
    low, high = round(demo_estimate["ci"]["low"]), round(demo_estimate["ci"]["high"])
    assert f"95%-betrouwbaarheidsinterval: {low} tot {high}" in block["sentence"]
    interval = chart(ctx, "schatting")
    assert interval.rows[1][1:] == ["558", f"{low} – {high}"]
    sens = chart(ctx, "schatting-modellen")
    assert sens is not None and sens is block["sensitivity"]
    estimates = [e["estimate"] for e in demo_estimate["sensitivity"]]
    assert block["sensitivity_sentence"] == (
        f"Met andere, bijna even passende modellen komt de schatting tussen {round(min(estimates))} "
        f"en {round(max(estimates))} uit."
    )
    # One dot per model, the selected one highlighted with its interval; the registered number as a rule.
    dots = sens.spec["data"]["values"]
    assert len(dots) == len(demo_estimate["sensitivity"])
    chosen = [d for d in dots if d["kind"] == "gekozen model"]
    assert len(chosen) == 1 and chosen[0]["value"] == demo_estimate["estimate"]
    assert (chosen[0]["low"], chosen[0]["high"]) == (demo_estimate["ci"]["low"], demo_estimate["ci"]["high"])
    rule = sens.spec["layer"][0]
    assert rule["mark"]["type"] == "rule" and rule["data"]["values"][0]["value"] == 319
    # Its data table: the model in words and notation, BIC, estimate; the selected one marked.
    assert sens.rows[0] == ["ESSM–ZORGCOORDINATIE (gekozen model)", "[13,2,4]", "101,3", "558", "239"]


def test_estimate_charts_are_valid_vega_lite_with_alt_text_and_render(sample, demo_estimate):
    from zicht.reporting.charts import render_svg

    validator = jsonschema.Draft7Validator(SCHEMA)
    ctx = build_context(with_estimate(sample, demo_estimate), lang="en")
    ids = [c.id for c in ctx["charts"] if c.id.startswith("schatting")]
    assert ids == ["schatting", "schatting-modellen", "schatting-overlap"]
    for c in ctx["charts"]:
        if not c.id.startswith("schatting"):
            continue
        errors = list(validator.iter_errors(c.spec))
        assert not errors, (c.id, errors[0].message)
        assert c.title and c.alt == c.spec["description"] and len(c.alt) > 30
        assert c.columns and c.rows
        assert "<svg" in render_svg(c)


def test_the_html_section_has_figures_explanation_and_caveats(sample, demo_estimate):
    text = section(build_report(with_estimate(sample, demo_estimate)))
    assert "Schatting per model: hoe gevoelig is de uitkomst?" in text
    assert "Met andere, bijna even passende modellen komt de schatting tussen 523 en 602 uit." in text
    assert "Welke registraties zien dezelfde personen?" in text
    for words in ("gesloten populatie", "heterogeniteit", "afhankelijkheid tussen registraties", "Welk model?"):
        assert words in text


def test_english_sensitivity_sentence(sample, demo_estimate):
    block = build_context(with_estimate(sample, demo_estimate), lang="en")["estimate"]
    assert (
        block["sensitivity_sentence"]
        == "With other models that fit almost as well, the estimate lies between 523 and 602."
    )


@pytest.fixture
def mse_korea():
    from zicht.estimation import read_table

    path = Path(__file__).resolve().parents[3] / "shared" / "data" / "mse" / "Korea.csv"
    return read_table(path if path.exists() else Path("/work/shared/data/mse/Korea.csv"))


def test_clearly_worse_models_do_not_widen_the_range(sample, mse_korea):
    # Korea: stepwise [12,3] 268.8 and [12,23] 157.2 (BIC 58.97 and 57.14); the other models' BICs are
    # more than 10 higher and must not count as "almost as good".
    est = estimate(mse_korea, ci="none", sensitivity=True)
    block = build_context(with_estimate(sample, est))["estimate"]
    assert block["sensitivity_sentence"].startswith(
        "Met andere, bijna even passende modellen komt de schatting tussen 157 en 269 uit."
    )
    assert "Nog 4 modellen passen duidelijk slechter" in block["sensitivity_sentence"]
    kinds = [d["kind"] for d in block["sensitivity"].spec["data"]["values"]]
    assert kinds.count("past duidelijk slechter") == 4


def test_not_estimable_shows_the_reason_not_a_number(sample):
    est = result([((1, 0), 40), ((0, 1), 25), ((1, 1), 9)], lists=["ESSM", "AVIM"])
    assert est["estimable"] is False
    ctx = build_context(with_estimate(sample, est))
    assert ctx["estimate"]["reason"] == est["reason"]
    assert chart(ctx, "schatting") is None and chart(ctx, "schatting-modellen") is None
    text = section(build_report(with_estimate(sample, est)))
    assert "Waarom geen schatting?" in text and est["reason"] in text
    assert "schatten we het totale aantal" not in text and "betrouwbaarheidsinterval" not in text
    assert "niet mogelijk" in text


def test_public_edition_without_publish_estimate_has_no_estimate_and_no_overlap(sample, demo_estimate):
    data = with_estimate(sample, demo_estimate, publish=False)
    ctx = build_context(data, public=True)
    assert ctx["estimate"] is None
    assert not [c for c in ctx["charts"] if c.id.startswith("schatting")]
    html = build_report(data, public=True)
    assert 'id="schatting"' not in html and "fig-schatting" not in html
    assert "Hoeveel slachtoffers zien we niet?" not in plain_text(html)
    assert "Welke registraties zien dezelfde personen?" not in plain_text(html)
    # The analysts' edition of the same data has it all.
    assert chart(build_context(data), "schatting-overlap") is not None


def test_public_edition_with_publish_estimate_shows_small_overlaps_as_below_k(sample):
    est = result(SMALL)
    analysts = chart(build_context(with_estimate(sample, est)), "schatting-overlap")
    assert analysts.rows[1] == ["AVIM", "20", "60", "", ""]
    assert analysts.rows[3] == ["NLA", "6", "3", "2", "33"]
    data = with_estimate(sample, est, publish=True)
    ctx = build_context(data, public=True)
    public = chart(ctx, "schatting-overlap")
    assert public.rows[2] == ["ZORGCOORDINATIE", "70", "<5", "107", ""]
    assert public.rows[3] == ["NLA", "6", "<5", "<5", "33"]
    for row in public.rows:  # no count from 1 to 4 anywhere: in the table or in the picture
        assert not any(re.fullmatch(r"[1-4]", v) for v in row), row
    for cell in public.spec["data"]["values"]:
        assert not re.fullmatch(r"[1-4]", cell["text"]), cell
    html = build_report(data, public=True)
    figure = re.search(r'<figure class="chart" id="fig-schatting-overlap">(.*?)</figure>', html, re.S).group(1)
    assert "<td>&lt;5</td>" in figure
    assert "Hoeveel slachtoffers zien we niet?" in plain_text(html)


def test_one_small_pair_takes_a_second_pair_with_it_in_public(sample):
    # Pairs 20, 3, 9 over three lists: their sum follows from the published totals, so hiding the 3 alone
    # would give it away; the gate hides the smallest other pair (9) as well.
    rows = [((1, 0, 0), 60), ((0, 1, 0), 30), ((0, 0, 1), 25), ((1, 1, 0), 20), ((1, 0, 1), 3), ((0, 1, 1), 9)]
    est = result(rows, lists=["ESSM", "AVIM", "NLA"])
    data = with_estimate(sample, est, publish=True)
    public = chart(build_context(data, public=True), "schatting-overlap")
    assert public.rows[1] == ["AVIM", "20", "59", ""]
    assert public.rows[2] == ["NLA", "<5", "<5", "37"]  # ESSM–NLA 3 (primary), AVIM–NLA 9 (secondary)
    analysts = chart(build_context(with_estimate(sample, est)), "schatting-overlap")
    assert analysts.rows[2] == ["NLA", "3", "9", "37"]


def test_a_year_without_person_keys_says_so_instead_of_zero_people(sample):
    est = estimate(make_table([], []), ci="none", sensitivity=True)
    block = build_context(with_estimate(sample, est))["estimate"]
    assert block["sentence"].startswith("Over 2024 is geen registratie met een persoonssleutel geleverd.")
    assert "0 personen" not in block["sentence"] and not block["charts"]
