"""The dashboard's filters: form of exploitation and age group, and the codes a chart's items carry for them.

The monitor counts forms in several code lists: `rubriek` (meldingen, trajecten) and `vorm`
(politiecontacten, registraties, landelijk). A filter on a form means the same in each: sexual and
criminal exploitation by name, every other form together as "other (labour) exploitation", the way the
monitor's `rubriek` groups them (spec/indicators.md). Rubrieken that are no form of exploitation (a sex
worker's question, a preventive talk) have no form and fall out under a filter on one.
"""

from __future__ import annotations

from zicht.reporting.labels import label

VORM = "vorm"
LEEFTIJD = "leeftijdsgroep"
FORMS = ("seksuele-uitbuiting", "criminele-uitbuiting", "overige-uitbuiting")
AGES = ("meerderjarig", "minderjarig")
# The query parameters of the dashboard's form, per filter.
PARAMETERS = {VORM: "vorm", LEEFTIJD: "leeftijd"}
_NOT_A_FORM = {"hulpvraag-sekswerk", "preventief"}


def form_of(code: str) -> str | None:
    """The filter value of a `rubriek` or `vorm` code (None: not a form of exploitation)."""
    if code in _NOT_A_FORM:
        return None
    return code if code in FORMS else "overige-uitbuiting"


def choices(lang: str) -> dict[str, list[tuple[str, str]]]:
    """Per filter, its values with their labels, in the order the form lists them."""
    return {VORM: [(f, label(f, lang)) for f in FORMS], LEEFTIJD: [(a, label(a, lang)) for a in AGES]}


def clean(raw: dict[str, str | None]) -> dict[str, str]:
    """The filters a request asks for, keyed by dimension; an unknown value is no filter (never an error:
    a shared link with an old value still opens the dashboard)."""
    allowed = {VORM: FORMS, LEEFTIJD: AGES}
    out = {}
    for name, parameter in PARAMETERS.items():
        value = raw.get(parameter)
        if value in allowed[name]:
            out[name] = value
    return out


def describe(filters: dict[str, str], lang: str) -> str:
    """The filters in words, for a narrowed chart's alt text and the page (`Seksuele uitbuiting, minderjarig`)."""
    words = [label(filters[name], lang) for name in (VORM, LEEFTIJD) if filters.get(name)]
    return ", ".join([words[0], *(w.lower() for w in words[1:])]) if words else ""
