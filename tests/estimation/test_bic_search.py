"""The vectorised BIC search (batched fits, certificates from failed LPs, caches per zero pattern) makes
the same decisions as checking and fitting each model on its own."""

import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from zicht.estimation import design as dz
from zicht.estimation.checks import OK, check_with_fit, identifiable
from zicht.estimation.fit import fit_model, structure
from zicht.estimation.select import ALL_TERMS, CERT_ITER, bic_models, bic_search, certified, usable_models


def one_by_one(y: np.ndarray, t: int, models: list) -> dict:
    """The search as it was: every model checked and fitted alone (LP whenever the fit does not certify)."""
    out = {}
    for m in models:
        s = structure(m, y, t, ALL_TERMS)
        if not identifiable(s, t):
            continue
        f = fit_model(s, y, t, max_iter=CERT_ITER)
        if check_with_fit(s, y, t, certified(f, y), ALL_TERMS) != OK:
            continue
        out[m] = (f if f.converged else fit_model(s, y, t, f.beta)).bic
    return out


def test_bic_search_on_western_gives_the_same_model_bic_estimate_and_usable_models(load):
    # Recorded with the model-by-model search before it was vectorised: [15,2,3,4], BIC 118.7443,
    # 2483.4; 6212 models, 6180 identifiable, 3354 pass both checks.
    table = load("Western")
    y, t = table.cell_counts().astype(float), table.t
    models = bic_models(t, 3)
    assert len(models) == 6212
    fit = bic_search(y, t, models=models)
    assert dz.format_model(dz.closure(fit.structure.finite) | dz.main_effects(t), t) == "[15,2,3,4]"
    assert fit.structure.neg_inf == ()
    assert round(fit.bic, 4) == 118.7443
    assert round(table.observed + fit.hidden, 1) == 2483.4
    assert usable_models(y, t, models).index.size == 3354


def test_second_search_on_the_same_zero_pattern_gives_the_same_models(load):
    table = load("Western")
    y, t = table.cell_counts().astype(float), table.t
    models = bic_models(t, 3)
    first = usable_models(y, t, models)
    again = usable_models(y * 2, t, models)  # same positive cells: decisions come from the cache
    np.testing.assert_array_equal(first.index, again.index)


sparse_count = st.one_of(st.just(0), st.just(0), st.integers(1, 40))


def assert_same_decisions(y: np.ndarray, t: int) -> None:
    models = bic_models(t, dz.default_maxorder(t))  # all examples share one model space and its caches
    found = usable_models(y, t, models)
    ref = one_by_one(y, t, models)
    assert [models[i] for i in found.index] == [m for m in models if m in ref]
    np.testing.assert_allclose(found.bic, [ref[m] for m in models if m in ref], rtol=1e-7, atol=1e-7)
    if ref:
        best = bic_search(y, t, models=models)
        assert best.bic == pytest.approx(min(ref.values()), rel=1e-7, abs=1e-7)


@pytest.mark.filterwarnings("ignore")
@settings(max_examples=60, deadline=None)
@given(st.lists(sparse_count, min_size=7, max_size=7).filter(lambda c: sum(v > 0 for v in c) >= 2))
def test_vectorised_search_decides_as_checking_each_model_alone_three_lists(counts):
    assert_same_decisions(np.array(counts, dtype=float), 3)


@pytest.mark.slow
@pytest.mark.filterwarnings("ignore")
@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(sparse_count, min_size=15, max_size=15).filter(lambda c: sum(v > 0 for v in c) >= 4))
def test_vectorised_search_decides_as_checking_each_model_alone_four_lists(counts):
    assert_same_decisions(np.array(counts, dtype=float), 4)  # 113 models up to maxorder 3
