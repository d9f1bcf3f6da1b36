import numpy as np
import pytest
import statsmodels.api as sm
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from zicht.estimation import design as dz
from zicht.estimation.fit import fit_model, structure
from zicht.estimation.select import ALL_TERMS, poisson_pvalue


@st.composite
def table_and_model(draw):
    t = draw(st.integers(3, 5))
    counts = draw(st.lists(st.integers(1, 60), min_size=2**t - 1, max_size=2**t - 1))
    pairs = dz.pairs(t)
    chosen = draw(st.lists(st.sampled_from(pairs), unique=True, max_size=3))
    return t, np.array(counts, dtype=float), dz.with_mains(t, chosen)


@pytest.mark.filterwarnings("ignore")
@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(table_and_model())
def test_fit_equals_statsmodels_poisson_glm(case):
    t, y, model = case
    fit = fit_model(structure(model, y, t, ALL_TERMS), y, t)
    X = dz.design(t, dz.ordered_terms(model))
    ref = sm.GLM(y, X, family=sm.families.Poisson()).fit(tol=1e-12)
    assert fit.converged
    np.testing.assert_allclose(fit.beta, ref.params, rtol=1e-6, atol=1e-7)
    assert fit.loglik == pytest.approx(ref.llf, rel=1e-9)
    assert fit.bic == pytest.approx(-2 * ref.llf + X.shape[1] * np.log(y.sum()), rel=1e-9)


@pytest.mark.parametrize(
    ("text", "t", "back"),
    [
        ("[12,3]", 3, "[12,3]"),
        ("[3,12]", 3, "[12,3]"),
        ("[1,2,3,45,6,7,8]", 8, "[45,1,2,3,6,7,8]"),
        ("[15,2,3,4]", 5, "[15,2,3,4]"),
    ],
)
def test_model_notation_round_trip(text, t, back):
    assert dz.format_model(dz.parse_model(text, t), t) == back


def test_model_notation_joins_numbers_with_dots_above_nine_lists():
    m = dz.parse_model("[1.10,2]", 10)
    assert dz.format_model(m, 10) == "[1.10,2,3,4,5,6,7,8,9]"


def test_parse_model_refuses_unknown_list():
    with pytest.raises(dz.ModelSyntaxError):
        dz.parse_model("[14,2,3]", 3)


def test_model_counts_and_default_maxorder():
    assert dz.count_models(3, 2) == 8
    assert dz.count_models(4, 2) == 64
    assert dz.count_models(6, 2) == 2**15
    assert len(list(dz.enumerate_models(4, 3))) == dz.count_models(4, 3)
    assert [dz.default_maxorder(t) for t in (3, 4, 5, 6, 7, 8)] == [2, 3, 3, 2, 1, 1]


def test_poisson_pvalue_is_the_smaller_tail():
    from scipy.stats import poisson

    assert poisson_pvalue(np.array([0]), np.array([5.0]))[0] == pytest.approx(np.exp(-5))
    assert poisson_pvalue(np.array([6]), np.array([1.0]))[0] == pytest.approx(poisson.sf(5, 1.0))
