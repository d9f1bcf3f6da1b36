"""The sensitivity of the estimate to the model: the selected model and the best alternatives by BIC.

References: ../shared/data/mse/README.md (Korea: [12,23] 157.2 with BIC 57.14081; stepwise [12,3] 268.78
with BIC 58.9686)."""

import numpy as np
import pytest

from zicht.estimation import design as dz
from zicht.estimation import estimate, make_table
from zicht.estimation.checks import OK, check
from zicht.estimation.select import ALL_TERMS
from zicht.estimation.sensitivity import SEARCH_CAP, TOP, candidate_models


def by_model(result):
    """{model text: entry}; a model with interactions fixed at minus infinity as "[1,2,3] -[13]"."""
    return {" -".join([r["model"], *r["minus_infinity"]]): r for r in result["sensitivity"]}


def full_model(entry, t):
    """The fitted model: the finite part and the interactions fixed at minus infinity."""
    return dz.parse_model(entry["model"], t) | dz.closure(
        t_ for m in entry["minus_infinity"] for t_ in dz.parse_model(m, t) if dz.order(t_) > 1
    )


def test_sensitivity_is_off_by_default(load):
    assert "sensitivity" not in estimate(load("Korea"), ci="none")


def test_korea_sensitivity_has_the_published_models_and_bics(load):
    r = estimate(load("Korea"), ci="none", sensitivity=True)
    rows = by_model(r)
    assert rows["[12,23]"]["bic"] == pytest.approx(57.14081, abs=1e-4)
    assert rows["[12,23]"]["estimate"] == pytest.approx(157.2, abs=0.05)
    assert rows["[12,3]"]["bic"] == pytest.approx(58.9686, abs=1e-4)
    assert rows["[12,3]"]["estimate"] == pytest.approx(268.78, rel=0.005)
    # Stepwise selects [12,3]: it is marked, and it is the only one marked.
    assert [x["model"] for x in r["sensitivity"] if x["selected"]] == ["[12,3]"]


def test_sensitivity_is_ordered_by_bic_with_the_lowest_first(load):
    r = estimate(load("Korea"), ci="none", sensitivity=True)
    bics = [x["bic"] for x in r["sensitivity"]]
    assert bics == sorted(bics)
    assert r["sensitivity"][0]["model"] == "[12,23]"  # the BIC winner heads the list
    assert len(r["sensitivity"]) == TOP + 1
    assert len(by_model(r)) == len(r["sensitivity"])  # no model twice


@pytest.mark.parametrize("name", ["Korea", "Artificial_3", "Western"])
def test_every_sensitivity_model_passes_the_checks(load, name):
    table = load(name)
    y = table.cell_counts()
    r = estimate(table, ci="none", sensitivity=True)
    assert len(r["sensitivity"]) > 1
    for row in r["sensitivity"]:
        assert check(full_model(row, table.t), y, table.t, ALL_TERMS) == OK, row


def test_models_that_fail_the_checks_are_left_out(load):
    # Artificial_3 (README): with A and B together, [12,3] has no MLE and [12,13,23] is not identifiable;
    # [13,23] passes (nobody is on A and C or on B and C: both interactions at minus infinity).
    t = 3
    fitted = {full_model(x, t) for x in estimate(load("Artificial_3"), ci="none", sensitivity=True)["sensitivity"]}
    assert dz.parse_model("[12,3]", t) not in fitted
    assert dz.parse_model("[12,13,23]", t) not in fitted
    assert dz.parse_model("[13,23]", t) in fitted
    rows = by_model(estimate(load("Artificial_3"), ci="none", sensitivity=True))
    assert rows["[1,2,3] -[13] -[23]"]["estimate"] == pytest.approx(96 + 200, abs=0.1)


def test_sensitivity_entries_are_consistent_with_the_selected_estimate(load):
    r = estimate(load("Western"), ci="none", sensitivity=True)
    chosen = [x for x in r["sensitivity"] if x["selected"]]
    assert chosen == [
        {
            "model": r["model"],
            "bic": r["bic"],
            "estimate": r["estimate"],
            "hidden": r["hidden"],
            "selected": True,
            "minus_infinity": r["minus_infinity"],
        }
    ]
    for x in r["sensitivity"]:
        assert set(x) == {"model", "bic", "estimate", "hidden", "selected", "minus_infinity"}
        assert x["estimate"] == pytest.approx(r["observed"] + x["hidden"])


def test_bic_method_selects_the_first_entry(load):
    r = estimate(load("Korea"), method="bic", ci="none", sensitivity=True)
    first = r["sensitivity"][0]
    assert (first["model"], first["bic"], first["estimate"], first["selected"]) == (
        "[12,23]",
        r["bic"],
        r["estimate"],
        True,
    )


def test_many_lists_search_the_selected_models_neighbourhood(load):
    # 8 lists: 2^28 order-2 models, far too many to search; the neighbourhood of the selected model.
    table = load("NewOrl")
    models, how = candidate_models(table.t, dz.parse_model("[45,1,2,3,6,7,8]", table.t))
    assert how == "neighbours" and len(models) < SEARCH_CAP
    r = estimate(table, ci="none", sensitivity=True)
    assert by_model(r)["[45,1,2,3,6,7,8]"]["selected"]
    assert len(r["sensitivity"]) == TOP + 1
    selected_pairs = {a for a in dz.parse_model(r["model"], table.t) if dz.order(a) == 2}
    for x in r["sensitivity"]:
        pairs = {a for a in full_model(x, table.t) if dz.order(a) == 2}
        assert len(pairs ^ selected_pairs) <= 2, x["model"]  # at most two interactions changed


def test_not_estimable_has_an_empty_sensitivity():
    table = make_table(["A", "B"], [((1, 0), 5), ((0, 1), 3), ((1, 1), 2)])
    r = estimate(table, ci="none", sensitivity=True)
    assert r["estimable"] is False and r["sensitivity"] == []


def test_fixed_model_is_listed_even_when_others_fit_better(load):
    r = estimate(load("Korea"), model="[1,2,3]", ci="none", sensitivity=True)
    rows = by_model(r)
    assert rows["[1,2,3]"]["selected"]
    assert r["sensitivity"][-1]["model"] == "[1,2,3]"  # the worst BIC of those shown
    assert np.isfinite([x["estimate"] for x in r["sensitivity"]]).all()


def test_cli_lists_the_sensitivity_on_request(zicht):
    import json

    from helpers import SHARED

    korea = SHARED / "data" / "mse" / "Korea.csv"
    plain = json.loads(zicht("estimate", "--table", korea, "--ci", "none", "--json").stdout)
    assert "sensitivity" not in plain or not plain["sensitivity"]
    result = zicht("estimate", "--table", korea, "--ci", "none", "--json", "--sensitivity")
    models = {m["model"]: m for m in json.loads(result.stdout)["sensitivity"]}
    assert models["[12,23]"]["estimate"] == pytest.approx(157.2, abs=0.05)  # Silverman, Chan & Vincent 2024
    assert models["[12,3]"]["selected"] is True
