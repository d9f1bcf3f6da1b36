"""Model selection: SparseMSE's stepwise fit, the exhaustive BIC search, or a fixed model.

Every selector takes the counts `y` over the 2^t - 1 cells and returns a `Fit`, or None when no model
passes the checks (then nothing can be estimated from these counts).
"""

from __future__ import annotations

from collections import OrderedDict
from dataclasses import dataclass, field
from functools import lru_cache

import numpy as np
from scipy.special import gammaln, pdtr, pdtrc

from zicht.estimation import design as dz
from zicht.estimation.checks import OK, check, check_with_fit, exists_lp, identifiable
from zicht.estimation.fit import MAX_ITER, Fit, Structure, fit_batch, fit_model, loglik, structure

SPARSE = (2,)  # SparseMSE: only interactions go to minus infinity
ALL_TERMS = (1,)  # MultipleSystemsEstimation: any term with nobody on it
CERT_ITER = 40  # Newton iterations before an unconverged fit is handed to the LP


class TooManyModels(ValueError):
    """The exhaustive search would exceed MODEL_CAP models."""

    def __init__(self, t: int, maxorder: int, count: int):
        super().__init__(f"{t} lists, maxorder {maxorder}: more than {dz.MODEL_CAP} models ({count}+)")
        self.t, self.maxorder, self.count = t, maxorder, count


CERT_MIN_MU = 1e-8  # a converged fit proves existence only if no kept cell's fitted value is below this
MARGIN_TOL = 1e-6  # ... and if its margins equal the data's to this (relative) tolerance


def certified(fit: Fit, y: np.ndarray) -> bool:
    """A converged fit whose fitted values are all clearly positive and reproduce the data's margins is a
    strictly positive table with those margins: the MLE exists. (A fit escaping to minus infinity can look
    converged once its fitted values underflow, hence the floor; one that blew up can look converged once
    its linear predictor hits the clip, hence the margins; otherwise the LP decides.)"""
    st = fit.structure
    kept = fit.mu[st.keep]
    if not (fit.converged and kept.size and kept.min() > CERT_MIN_MU):
        return False
    X = dz.full_design(fit.t)[st.keep][:, [0, *st.finite]]
    yk = np.asarray(y, dtype=float)[st.keep]
    return bool(np.all(np.abs(X.T @ (yk - kept)) <= MARGIN_TOL * (1 + X.T @ yk)))


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
    if check_with_fit(st0, y, t, certified(fit, y), ALL_TERMS) != OK:
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
            if check_with_fit(st, y, t, certified(cand, y), SPARSE) == OK:
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
    found = usable_models(y, t, models)
    if not found.index.size:
        return None
    return found.fit(int(np.argmin(found.bic)))


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


# --- the exhaustive search, vectorised -----------------------------------------------------------------
#
# Done model by model, the search spent its time on Python overhead per model and on linear programs for
# the models whose MLE does not exist (on Western.csv 2826 of 6180). Here every model is a row of arrays:
# its terms, kept cells and design columns are computed for all models at once; all fits run as a few
# batched Newton iterations; the LP is solved only for models that no fit and no earlier LP settled, and
# one LP that fails settles every model that can express its dual certificate (on Western: 3 LPs).

FIRST_ITER = 12  # Newton iterations every model gets before the ones without a certified fit go to the LP
BATCH_ALL = 256  # up to this many models are one batch padded to the largest; beyond, one batch per size
CERT_TOL = 1e-9  # on a certificate scaled to maximum 1
CERTS_KEPT = 256  # certificates shared between the zero patterns of one model list
UNKNOWN, FAIL, PASS, LP_FAILED = -1, 0, 1, 2  # LP_FAILED: the LP says no MLE but gave no certificate


@dataclass(eq=False)
class _Space:
    """The models of a search as arrays, built once per model list, with what has been learnt about them."""

    t: int
    models: tuple
    terms: np.ndarray  # (m, 2^t) bool: model i has term a
    npars: np.ndarray  # parameters for the BIC: the intercept and every term
    patterns: OrderedDict = field(default_factory=OrderedDict)  # zero pattern -> _Pattern
    certs: list = field(default_factory=list)  # non-existence certificates (needs, v), see _certificate


@lru_cache(maxsize=8)
def _space(t: int, models: tuple) -> _Space:
    terms = np.zeros((len(models), 2**t), dtype=bool)
    for i, m in enumerate(models):
        terms[i, list(m)] = True
    return _Space(t, models, terms, 1 + terms.sum(axis=1))


PATTERNS_KEPT = 256  # zero patterns remembered per model list (a bootstrap meets the same ones again) ...
PATTERN_BYTES = 64 << 20  # ... within this much memory (a 5-list search takes about 1 MB per pattern)


def clear_caches() -> None:
    """Forget the model spaces with what was learnt about them (for benchmarks and tests)."""
    _space.cache_clear()


class _Pattern:
    """The search's models on one zero pattern: terms at minus infinity, kept cells, design columns,
    identifiability and what is known of existence. All of it depends on the counts only through which
    cells are positive, so it is computed once and reused by every bootstrap resample with that pattern."""

    def __init__(self, space: _Space, support: np.ndarray, levels: tuple[int, ...]):
        t, L = space.t, 2**space.t
        self.space, self.support = space, support
        D = dz.full_design(t)
        orders = np.array([dz.order(a) for a in range(L)])
        zero = (support.astype(float) @ D == 0) & (orders >= levels[0])
        self.neg = space.terms & zero
        self.finite = space.terms & ~zero
        self.finite[:, 0] = True  # the intercept
        self.keep = (self.neg.astype(float) @ D.T) == 0  # a cell is dropped when it has a term at -inf
        self.p = self.finite.sum(axis=1)
        # Design columns in design-column order, padded with L (an all-zero column) to the widest model:
        # each model's design is then a row selection of one matrix (D' with a zero row appended).
        order = dz.column_order(t)
        pos = np.argsort(~self.finite[:, order], axis=1, kind="stable")[:, : self.p.max()]
        self.cols = np.where(np.arange(pos.shape[1]) < self.p[:, None], order[pos], L).astype(np.int32)
        self.rows = np.vstack([D.T, np.zeros(D.shape[0])])
        self.status = np.full(len(space.models), UNKNOWN, dtype=np.int8)
        self.ranked = np.zeros(len(space.models), dtype=bool)  # identifiability checked (see check_rank)
        self.applied = 0  # certificates of space.certs applied so far
        self.nbytes = sum(a.nbytes for a in (self.neg, self.finite, self.keep, self.cols, self.rows, self.status))

    def designs(self, idx: np.ndarray, width: int) -> np.ndarray:
        return np.ascontiguousarray(self.rows[self.cols[idx, :width]].transpose(0, 2, 1))

    def check_rank(self, idx: np.ndarray) -> None:
        """Fail the models of `idx` whose design on the kept cells lacks full column rank (numpy's
        matrix_rank, a batched SVD). Checked only when a model is about to be fitted: a certificate may
        have failed it already, and models sharing columns and kept cells share one SVD."""
        idx = idx[~self.ranked[idx]]
        if not idx.size:
            return
        self.ranked[idx] = True
        _, first, back = np.unique(
            np.hstack([self.cols[idx], self.keep[idx]]), axis=0, return_index=True, return_inverse=True
        )
        one = idx[first]
        ok = np.zeros(len(one), dtype=bool)
        nkept = self.keep[one].sum(axis=1)
        for sel, width in _buckets(self.p[one]):
            X = self.designs(one[sel], width) * self.keep[one[sel]][:, :, None]  # dropped rows: 0, same rank
            s = np.linalg.svd(X, compute_uv=False)
            tol = s.max(axis=1) * np.maximum(nkept[sel], self.p[one[sel]]) * np.finfo(float).eps
            rank = (s > tol[:, None]).sum(axis=1)
            ok[sel] = (nkept[sel] >= self.p[one[sel]]) & (rank == self.p[one[sel]])
        self.status[idx[~ok[back.ravel()]]] = FAIL

    def fit(self, idx: np.ndarray, y: np.ndarray, limit: np.ndarray, beta0: np.ndarray | None = None):
        """Batched fits of models `idx`; beta is padded to the widest model (zeros beyond each one's p)."""
        beta = np.zeros((len(idx), self.cols.shape[1]))
        mu = np.zeros((len(idx), self.keep.shape[1]))
        conv = np.zeros(len(idx), dtype=bool)
        for sel, width in _buckets(self.p[idx]):
            b0 = None if beta0 is None else beta0[sel, :width]
            b, m, c = fit_batch(self.designs(idx[sel], width), y, self.keep[idx[sel]], b0, limit[sel])
            beta[sel, :width], mu[sel], conv[sel] = b, m, c
        return beta, mu, conv

    def apply_certificates(self) -> None:
        """Apply the certificates other patterns found since this one last looked."""
        for cert in self.space.certs[self.applied :]:
            self.apply(cert)
        self.applied = len(self.space.certs)

    def apply(self, cert: tuple[np.ndarray, np.ndarray]) -> None:
        """Mark the undecided models that the certificate proves to have no MLE."""
        needs, v = cert
        if np.abs(v[self.support]).max(initial=0.0) > CERT_TOL:
            return  # found on another pattern; not zero on this one's positive cells
        cover = ~(needs & ~self.finite).any(axis=1)  # the model's design can express v
        cover &= ~((v < -CERT_TOL) & self.keep).any(axis=1)  # v >= 0 on its kept cells
        cover &= ((v > CERT_TOL) & self.keep).any(axis=1)  # and positive on one of them
        self.status[cover & ((self.status == UNKNOWN) | (self.status == LP_FAILED))] = FAIL

    def decide(self, i: int) -> int:
        """The LP for model i; a failing LP's certificate then settles the models it covers."""
        cols, keep = self.cols[i, : self.p[i]], self.keep[i]
        D = dz.full_design(self.space.t)
        exists, d = exists_lp(D[keep][:, cols], self.support[keep])
        if exists:
            return PASS
        cert = None if d is None else _certificate(D[:, cols], d, cols, keep, self.support)
        if cert is None:
            return LP_FAILED
        self.apply(cert)
        if len(self.space.certs) < CERTS_KEPT:  # shared with the other patterns (bounded: each costs a pass)
            self.space.certs.append(cert)  # (applying it here again later changes nothing)
        return FAIL


def _certificate(X: np.ndarray, d: np.ndarray, cols: np.ndarray, keep: np.ndarray, support: np.ndarray):
    """(needs, v): the terms d uses and v = X d over all cells, scaled to maximum 1 on the kept cells;
    None unless v is (to CERT_TOL) >= 0 on the kept cells and 0 on the positive ones."""
    if not np.abs(d).max(initial=0.0) > 0:
        return None
    d = d / np.abs(d).max()
    d[np.abs(d) < CERT_TOL] = 0.0
    v = X @ d
    top = v[keep].max(initial=0.0)
    if not top > 0:
        return None
    v = v / top
    if np.abs(v[support]).max(initial=0.0) > CERT_TOL or v[keep].min() < -CERT_TOL:
        return None
    needs = np.zeros(X.shape[0] + 1, dtype=bool)  # over the term masks 0 .. 2^t - 1
    needs[cols[d != 0]] = True
    return needs, v


def _buckets(p: np.ndarray) -> list[tuple[np.ndarray, int]]:
    """Batches of models: few models share one batch padded to the widest (fewer numpy calls); many are
    batched by their number of columns (no wasted work on padding)."""
    if p.size == 0:
        return []
    if p.size <= BATCH_ALL:
        return [(np.arange(p.size), int(p.max()))]
    return [(np.flatnonzero(p == q), int(q)) for q in np.unique(p)]


def _pattern(space: _Space, support: np.ndarray, levels: tuple[int, ...]) -> _Pattern:
    key = (levels, support.tobytes())
    pat = space.patterns.get(key)
    if pat is None:
        pat = space.patterns[key] = _Pattern(space, support, levels)
        while len(space.patterns) > 1 and (
            len(space.patterns) > PATTERNS_KEPT or len(space.patterns) * pat.nbytes > PATTERN_BYTES
        ):
            space.patterns.popitem(last=False)
    else:
        space.patterns.move_to_end(key)
    pat.apply_certificates()
    return pat


@dataclass
class Usable:
    """The models of a search that pass the checks, in enumeration order, with their fits."""

    pattern: _Pattern
    y: np.ndarray
    index: np.ndarray  # positions in the model list
    beta: np.ndarray  # padded to the widest model
    mu: np.ndarray
    converged: np.ndarray
    bic: np.ndarray

    def fit(self, j: int) -> Fit:
        pat, i = self.pattern, int(self.index[j])
        t, p = pat.space.t, int(pat.p[i])
        finite = tuple(int(a) for a in pat.cols[i, 1:p])
        neg = tuple(int(a) for a in dz.column_order(t) if pat.neg[i, a])
        st = Structure(pat.space.models[i], finite, neg, pat.keep[i].copy())
        n = int(round(self.y.sum()))
        mu = self.mu[j].copy()
        return Fit(st, self.beta[j, :p].copy(), mu, bool(self.converged[j]), n, loglik(self.y, mu, st.keep), t)


def usable_models(y: np.ndarray, t: int, models, levels: tuple[int, ...] = ALL_TERMS) -> Usable:
    """Fit every model of the list that passes the existence and identifiability checks.

    The same decisions as fitting each model for CERT_ITER iterations, taking a certified fit as proof
    of existence and asking the LP otherwise (`check_with_fit`), but batched and with far fewer LPs."""
    y = np.asarray(y, dtype=float)
    space = _space(t, tuple(models))
    pat = _pattern(space, y > 0, levels)
    cand = np.flatnonzero(pat.status != FAIL)
    # Smallest models first: the certificates of their failed LPs then settle larger models before
    # those are fitted (on Western.csv the 2826 models without an MLE would be 60% of the Newton work).
    parts = [_settle(pat, cand[sel], y) for sel, _width in _buckets(pat.p[cand])]
    if not parts:
        parts = [_settle(pat, cand, y)]
    index, beta, mu, conv = (np.concatenate(a) for a in zip(*parts, strict=True))
    back = np.argsort(index, kind="stable")  # enumeration order: BIC ties go to the simplest model
    index, beta, mu, conv = index[back], beta[back], mu[back], conv[back]
    with np.errstate(divide="ignore"):
        logmu = np.log(np.where(mu > 0, mu, 1.0))
    ll = np.sum(pat.keep[index] * (y * logmu - mu - gammaln(y + 1)), axis=1)
    bic = -2 * ll + space.npars[index] * np.log(int(round(y.sum())))
    return Usable(pat, y, index, beta, mu, conv, bic)


def _settle(pat: _Pattern, idx: np.ndarray, y: np.ndarray):
    """Decide and fit models `idx` (enumeration order); returns those that pass, with their fits."""
    pat.check_rank(idx[pat.status[idx] != FAIL])
    idx = idx[pat.status[idx] != FAIL]
    known = pat.status[idx]
    # Known to pass: fit to the end. Unknown: FIRST_ITER iterations settle most (on the data sets here
    # every model with an MLE converges within 9). LP_FAILED: the fit may still certify (as before).
    limit = np.select([known == PASS, known == LP_FAILED], [CERT_ITER + MAX_ITER, CERT_ITER], FIRST_ITER)
    beta, mu, conv = pat.fit(idx, y, limit)
    ok = _certified(pat, idx, y, mu, conv)
    pat.status[idx[(known == UNKNOWN) & ok]] = PASS
    # The rest in enumeration order: simple models first, whose certificates then cover larger ones.
    for i in idx[(known == UNKNOWN) & ~ok]:
        if pat.status[i] == UNKNOWN:  # a certificate found meanwhile may have settled it
            pat.status[i] = pat.decide(i)
    status = pat.status[idx]
    # Continue the fits that passed but have not converged, and give the LP_FAILED ones their CERT_ITER.
    budget = np.select([status == PASS, status == LP_FAILED], [CERT_ITER + MAX_ITER, CERT_ITER], 0) - limit
    more = np.flatnonzero(~conv & (budget > 0))
    if more.size:
        beta[more], mu[more], conv[more] = pat.fit(idx[more], y, budget[more], beta[more])
        ok[more] = _certified(pat, idx[more], y, mu[more], conv[more])
    use = (status == PASS) | ((status == LP_FAILED) & ok)
    return idx[use], beta[use], mu[use], conv[use]


def _certified(pat: _Pattern, idx: np.ndarray, y: np.ndarray, mu: np.ndarray, conv: np.ndarray) -> np.ndarray:
    """`certified` for a batch: converged, every kept fitted value above CERT_MIN_MU, the data's margins."""
    ok = conv & (np.where(pat.keep[idx], mu, np.inf).min(axis=1, initial=np.inf) > CERT_MIN_MU)
    # Margins of every term mask at once (the padding column L is the zero row of pat.rows), then each
    # model's own columns.
    w = pat.keep[idx]
    res = np.take_along_axis((w * (y - mu)) @ pat.rows.T, pat.cols[idx], axis=1)
    tot = np.take_along_axis((w * y) @ pat.rows.T, pat.cols[idx], axis=1)
    return ok & np.all(np.abs(res) <= MARGIN_TOL * (1 + tot), axis=1)
