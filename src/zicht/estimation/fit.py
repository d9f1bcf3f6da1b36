"""Poisson log-linear fits on the fixed 2^t - 1 cells, vectorised over many models.

A fit is Newton's method (for the canonical log link the same as R's IRLS) on the cells that are
kept; the cells of a term fixed at minus infinity (an interaction nobody is on, the extended MLE) are
left out, and the term has no column. Many models with the same number of columns are fitted at once
(a batch of designs), and a fit can start from another model's coefficients (warm start).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

import numpy as np
from scipy.special import gammaln

from zicht.estimation import design as dz

TOL = 1e-10  # relative change in deviance, and step size, at which a fit has converged
MAX_ITER = 100


def fit_batch(
    X: np.ndarray, y: np.ndarray, keep: np.ndarray, beta0: np.ndarray | None = None, max_iter: int = MAX_ITER
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Fit k Poisson models at once.

    X: (k, c, p) designs; y: (c,) or (k, c) counts; keep: (k, c) 0/1 cell masks; beta0: (k, p) start
    (None: R's start, mu = y + 0.1). Returns beta (k, p), mu (k, c) (0 on dropped cells), converged (k,).
    """
    X = np.asarray(X, dtype=float)
    k, c, p = X.shape
    Y = np.broadcast_to(np.asarray(y, dtype=float), (k, c))
    W = np.asarray(keep, dtype=float)
    if beta0 is None:
        # One IRLS step from mu = y + 0.1, as glm starts.
        mu0 = Y + 0.1
        z = np.log(mu0) + (Y - mu0) / mu0
        H = np.einsum("kci,kc,kcj->kij", X, W * mu0, X)
        g = np.einsum("kci,kc->ki", X, W * mu0 * z)
        beta = _solve(H, g)
    else:
        beta = np.array(beta0, dtype=float, copy=True)
    eta = np.einsum("kcp,kp->kc", X, beta)
    mu = np.exp(np.clip(eta, -700, 700)) * W
    dev = _deviance(Y, mu, W)
    done = np.zeros(k, dtype=bool)
    for _ in range(max_iter):
        act = ~done
        if not act.any():
            break
        Xa, Ya, Wa, mua = X[act], Y[act], W[act], mu[act]
        H = np.einsum("kci,kc,kcj->kij", Xa, mua, Xa)
        g = np.einsum("kci,kc->ki", Xa, Wa * (Ya - mua))
        step = _solve(H, g)
        new_beta = beta[act] + step
        new_mu = np.exp(np.clip(np.einsum("kcp,kp->kc", Xa, new_beta), -700, 700)) * Wa
        new_dev = _deviance(Ya, new_mu, Wa)
        # Step halving where the deviance went up (rare for this concave problem).
        for _half in range(30):
            bad = ~(new_dev <= dev[act] * (1 + 1e-12) + 1e-12)
            if not bad.any():
                break
            step[bad] /= 2
            new_beta[bad] = beta[act][bad] + step[bad]
            new_mu[bad] = np.exp(np.clip(np.einsum("kcp,kp->kc", Xa[bad], new_beta[bad]), -700, 700)) * Wa[bad]
            new_dev[bad] = _deviance(Ya[bad], new_mu[bad], Wa[bad])
        conv = (np.abs(new_dev - dev[act]) <= TOL * (np.abs(new_dev) + 0.1)) & (
            np.max(np.abs(step), axis=1) <= 1e-7 * (1 + np.max(np.abs(new_beta), axis=1))
        )
        idx = np.flatnonzero(act)
        beta[idx], mu[idx], dev[idx] = new_beta, new_mu, new_dev
        done[idx[conv]] = True
    return beta, mu, done


def _solve(H: np.ndarray, g: np.ndarray) -> np.ndarray:
    try:
        return np.linalg.solve(H, g[..., None])[..., 0]
    except np.linalg.LinAlgError:
        return np.einsum("kij,kj->ki", np.linalg.pinv(H), g)


def _deviance(Y: np.ndarray, mu: np.ndarray, W: np.ndarray) -> np.ndarray:
    with np.errstate(divide="ignore", invalid="ignore"):
        term = np.where(Y > 0, Y * np.log(np.where(Y > 0, Y, 1) / np.where(mu > 0, mu, 1e-300)), 0.0) - (Y - mu)
    return 2 * np.sum(W * term, axis=-1)


@dataclass(frozen=True)
class Structure:
    """How a model meets the data: its finite terms, its terms at minus infinity and the kept cells."""

    model: frozenset
    finite: tuple[int, ...]  # design-column order
    neg_inf: tuple[int, ...]
    keep: np.ndarray  # bool over cells

    @property
    def npars(self) -> int:
        """Parameters counted for the BIC: intercept and every term, those at minus infinity included."""
        return 1 + len(self.model)


def structure(model: frozenset, y: np.ndarray, t: int, levels: tuple[int, ...] = (2,)) -> Structure:
    """Terms of the model whose observed total is 0 go to minus infinity when their order is >= levels[0]
    (SparseMSE: pairs and up; MultipleSystemsEstimation: every term, levels=(1,))."""
    lowest = levels[0]
    neg = [a for a in dz.ordered_terms(model) if dz.order(a) >= lowest and y[dz.contains(t, a)].sum() == 0]
    keep = np.ones(2**t - 1, dtype=bool)
    for a in neg:
        keep &= ~dz.contains(t, a)
    finite = tuple(a for a in dz.ordered_terms(model) if a not in set(neg))
    return Structure(model, finite, tuple(neg), keep)


@dataclass
class Fit:
    """A fitted model: `hidden` = exp(intercept), the estimated number nobody saw."""

    structure: Structure
    beta: np.ndarray
    mu: np.ndarray
    converged: bool
    observed: int
    loglik: float
    t: int

    @property
    def hidden(self) -> float:
        with np.errstate(over="ignore"):
            return float(np.exp(self.beta[0]))

    @property
    def estimate(self) -> float:
        return self.observed + self.hidden

    @property
    def bic(self) -> float:
        return -2 * self.loglik + self.structure.npars * np.log(self.observed)

    def start_for(self, other: Structure) -> np.ndarray:
        """Warm start for `other`: this fit's coefficients where the terms match, 0 elsewhere."""
        pos = {a: i + 1 for i, a in enumerate(self.structure.finite)}
        out = np.zeros(1 + len(other.finite))
        out[0] = self.beta[0]
        for j, a in enumerate(other.finite):
            if a in pos:
                out[j + 1] = self.beta[pos[a]]
        return out


def loglik(y: np.ndarray, mu: np.ndarray, keep: np.ndarray) -> float:
    """Poisson log-likelihood with its log y! terms (as R and statsmodels), over the kept cells."""
    yk, mk = y[keep], mu[keep]
    with np.errstate(divide="ignore"):
        logmu = np.log(np.where(mk > 0, mk, 1.0))
    return float(np.sum(yk * logmu - mk - gammaln(yk + 1)))


@lru_cache(maxsize=4096)
def _design(t: int, finite: tuple[int, ...]) -> np.ndarray:
    d = dz.design(t, list(finite))
    d.flags.writeable = False
    return d


def fit_models(
    structs: list[Structure], y: np.ndarray, t: int, starts: list | None = None, max_iter: int = MAX_ITER
) -> list[Fit]:
    """Fit several models to the same counts, batching those with the same number of columns."""
    y = np.asarray(y, dtype=float)
    n = int(round(y.sum()))
    out: list[Fit | None] = [None] * len(structs)
    groups: dict[int, list[int]] = {}
    for i, s in enumerate(structs):
        groups.setdefault(len(s.finite), []).append(i)
    for _p, idx in groups.items():
        X = np.stack([_design(t, structs[i].finite) for i in idx])
        keep = np.stack([structs[i].keep for i in idx])
        b0 = None
        if starts is not None and all(starts[i] is not None for i in idx):
            b0 = np.stack([starts[i] for i in idx])
        beta, mu, conv = fit_batch(X, y, keep, b0, max_iter)
        for j, i in enumerate(idx):
            s = structs[i]
            out[i] = Fit(s, beta[j], mu[j], bool(conv[j]), n, loglik(y, mu[j], s.keep), t)
    return out  # type: ignore[return-value]


def fit_model(
    struct: Structure, y: np.ndarray, t: int, start: np.ndarray | None = None, max_iter: int = MAX_ITER
) -> Fit:
    return fit_models([struct], y, t, [start] if start is not None else None, max_iter)[0]
