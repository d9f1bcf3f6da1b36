"""Model selection: SparseMSE's stepwise fit, the exhaustive BIC search, or a fixed model.

Every selector takes the counts `y` over the 2^t - 1 cells and returns a `Fit`, or None when no model
passes the checks (then nothing can be estimated from these counts).
"""

from __future__ import annotations

import numpy as np
from scipy.special import pdtr, pdtrc

from zicht.estimation import design as dz
from zicht.estimation.checks import OK, check, check_with_fit, identifiable
from zicht.estimation.fit import Fit, fit_model, fit_models, structure

SPARSE = (2,)  # SparseMSE: only interactions go to minus infinity
ALL_TERMS = (1,)  # MultipleSystemsEstimation: any term with nobody on it
CERT_ITER = 40  # Newton iterations before an unconverged fit is handed to the LP


class TooManyModels(ValueError):
    """The exhaustive search would exceed MODEL_CAP models."""

    def __init__(self, t: int, maxorder: int, count: int):
        super().__init__(f"{t} lists, maxorder {maxorder}: more than {dz.MODEL_CAP} models ({count}+)")
        self.t, self.maxorder, self.count = t, maxorder, count


CERT_MIN_MU = 1e-8  # a converged fit proves existence only if no kept cell's fitted value is below this


def certified(fit: Fit) -> bool:
    """A converged fit whose fitted values are all clearly positive is a strictly positive table with the
    data's margins: the MLE exists. (A fit escaping to minus infinity can look converged once its fitted
    values underflow, hence the floor; below it the LP decides.)"""
    kept = fit.mu[fit.structure.keep]
    return bool(fit.converged and kept.size and kept.min() > CERT_MIN_MU)


def poisson_pvalue(observed: np.ndarray, expected: np.ndarray) -> np.ndarray:
    """SparseMSE's p-value: min(P(X <= n*), P(X >= n*)) for X ~ Poisson(expected)."""
    observed = np.asarray(observed, dtype=float)
    lower = pdtr(observed, expected)
    upper = np.where(observed > 0, pdtrc(observed - 1, expected), 1.0)
    return np.minimum(lower, upper)


def stepwise(y: np.ndarray, t: int, pthresh: float = 0.02) -> Fit | None:
    """SparseMSE 2.0.1 `stepwisefit`: add the two-list interaction with the smallest Poisson p-value
    while it is below `pthresh` and the enlarged model passes the checks (ties: the lowest pair)."""
    y = np.asarray(y, dtype=float)
    mains = dz.main_effects(t)
    if pthresh == 1:
        full = dz.with_mains(t, dz.pairs(t))
        if check(full, y, t, SPARSE) == OK:
            return fit_model(structure(full, y, t, SPARSE), y, t)
    # SparseMSE fits main effects without checking; we only refuse when even they cannot be fitted
    # with the empty lists' main effects at minus infinity (a list on which everyone is, for example).
    st0 = structure(mains, y, t, ALL_TERMS)
    fit = fit_model(st0, y, t)
    if check_with_fit(st0, y, t, certified(fit), ALL_TERMS) != OK:
        return None
    if pthresh == 0:
        return fit
    cands = dz.pairs(t)
    nstar = np.array([y[dz.contains(t, a)].sum() for a in cands])
    included = np.zeros(len(cands), dtype=bool)
    model = mains
    if any(y[dz.contains(t, a)].sum() == 0 for a in mains):
        return fit  # SparseMSE: a list with nobody on it (a resample) fails every candidate's check
    for _cycle in range(len(cands)):
        pstar = np.array([fit.mu[dz.contains(t, a)].sum() for a in cands])
        p = poisson_pvalue(nstar, pstar)
        p[included] = 1.0
        # Only candidates below the threshold can be chosen: check them in order of (p, pair).
        order = sorted((pv, j) for j, pv in enumerate(p) if pv < pthresh)
        chosen = None
        for _pv, j in order:
            trial = dz.with_mains(t, set(model) | {cands[j]})
            st = structure(trial, y, t, SPARSE)
            if not identifiable(st, t):
                continue
            # The candidate's own fit (warm-started) proves existence when it converges; else the LP decides.
            cand = fit_model(st, y, t, fit.start_for(st), max_iter=CERT_ITER)
            if check_with_fit(st, y, t, certified(cand), SPARSE) == OK:
                chosen = j
                if not cand.converged:
                    cand = fit_model(st, y, t, cand.beta)
                break
        if chosen is None:
            return fit
        model = cand.structure.model
        fit = cand
        included[chosen] = True
    return fit


def bic_models(t: int, maxorder: int) -> list[frozenset]:
    count = dz.count_models(t, maxorder)
    if count > dz.MODEL_CAP:
        raise TooManyModels(t, maxorder, count)
    return list(dz.enumerate_models(t, maxorder))


def bic_search(y: np.ndarray, t: int, maxorder: int | None = None, models: list | None = None) -> Fit | None:
    """Every hierarchical model up to `maxorder` that passes the checks; the smallest BIC wins
    (ties: the first in enumeration order, simplest first)."""
    y = np.asarray(y, dtype=float)
    if models is None:
        models = bic_models(t, dz.default_maxorder(t) if maxorder is None else maxorder)
    structs = [structure(m, y, t, ALL_TERMS) for m in models]
    structs = [st for st in structs if identifiable(st, t)]
    fits = fit_models(structs, y, t, max_iter=CERT_ITER)
    usable = []
    for st, f in zip(structs, fits, strict=True):
        if check_with_fit(st, y, t, certified(f), ALL_TERMS) != OK:
            continue
        usable.append(f if f.converged else fit_model(st, y, t, f.beta))
    if not usable:
        return None
    bics = np.array([f.bic for f in usable])
    return usable[int(np.argmin(bics))]


def fixed(y: np.ndarray, t: int, model: frozenset) -> Fit | None:
    y = np.asarray(y, dtype=float)
    if check(model, y, t, ALL_TERMS) != OK:
        return None
    return fit_model(structure(model, y, t, ALL_TERMS), y, t)


def select(y: np.ndarray, t: int, method: str, *, model=None, pthresh=0.02, maxorder=None, models=None) -> Fit | None:
    if model is not None:
        return fixed(y, t, model)
    if method == "bic":
        return bic_search(y, t, maxorder, models)
    return stepwise(y, t, pthresh)
