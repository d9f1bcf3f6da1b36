"""How much the estimate depends on the model: the best-fitting alternatives by BIC.

The selected model is one of several that fit the overlaps almost equally well; their estimates show a
reader how much of the answer is the model's choice rather than the data. No bootstrap: every model is
fitted once, with the vectorised fits and the cached existence and identifiability checks the BIC
search uses (`zicht.estimation.select`).

Which models: every hierarchical model with all main effects and two-list interactions (order 2) when
there are at most 2^10 of them (up to 5 lists, well under a second); with more lists, the models that
differ from the selected one's two-list interactions in at most two pairs (an exhaustive search over 6
lists takes most of a minute, over 7 lists it is out of reach).
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from zicht.estimation import design as dz
from zicht.estimation.fit import Fit
from zicht.estimation.select import usable_models

TOP = 5  # alternatives shown next to the selected model
MAXORDER = 2
SEARCH_CAP = 2**10  # the largest exhaustive search; beyond it, the selected model's neighbourhood


@dataclass(frozen=True)
class Alternative:
    model: str  # the R notation of the finite part, as `estimate` writes the selected model
    minus_infinity: tuple[str, ...]  # interactions nobody is on, fixed at minus infinity (as `estimate`)
    bic: float
    hidden: float


def candidate_models(t: int, selected: frozenset | None = None, maxorder: int = MAXORDER) -> tuple[list, str]:
    """The models to compare and how they were chosen ("exhaustive" or "neighbours")."""
    if dz.count_models(t, maxorder, SEARCH_CAP) <= SEARCH_CAP:
        return list(dz.enumerate_models(t, maxorder)), "exhaustive"
    base = frozenset(a for a in (selected or ()) if dz.order(a) == 2)
    pairs = dz.pairs(t)
    out = [dz.with_mains(t, base)]
    out += [dz.with_mains(t, base ^ {a}) for a in pairs]
    out += [dz.with_mains(t, base ^ {a, b}) for i, a in enumerate(pairs) for b in pairs[i + 1 :]]
    return out, "neighbours"


def usable_fits(y: np.ndarray, t: int, models: list) -> list[Fit]:
    """The fits of every model that passes the existence and identifiability checks (as `bic_search`)."""
    found = usable_models(np.asarray(y, dtype=float), t, models)
    fits = [found.fit(j) for j in range(found.index.size)]
    return [f for f in fits if np.isfinite(f.hidden) and np.isfinite(f.bic)]


def model_text(fit: Fit) -> tuple[str, tuple[str, ...]]:
    """The model as `estimate` writes it: the finite part, and the terms fixed at minus infinity (two
    models with the same finite part but different such terms are different models)."""
    st, t = fit.structure, fit.t
    return dz.format_model(dz.closure(st.finite) | dz.main_effects(t), t), tuple(
        dz.format_model([a], t) for a in st.neg_inf
    )


def alternatives(
    y: np.ndarray, t: int, selected: Fit | None = None, top: int = TOP, maxorder: int = MAXORDER
) -> list[Alternative]:
    """The `top` lowest-BIC usable models other than the selected one, lowest BIC first (ties: the
    simplest, in enumeration order)."""
    models, _how = candidate_models(t, selected.structure.model if selected else None, maxorder)
    seen = {model_text(selected)} if selected is not None else set()
    found = []
    for f in usable_fits(y, t, models):
        key = model_text(f)
        if key in seen:
            continue
        seen.add(key)
        found.append(Alternative(key[0], key[1], float(f.bic), float(f.hidden)))
    return sorted(found, key=lambda a: a.bic)[:top]  # stable: enumeration order breaks ties
