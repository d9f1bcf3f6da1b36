"""The dashboard's trends: each key figure over every year an edition holds, narrowed by its filters.

One bar per year, the monitor's own year chart (`bar_chart(vertical=True)`), so a trend looks like the
monitor's "Totaal aantal meldingen ESSM". A filter applies where the indicator has the breakdown to
answer it (spec/indicators.md): meldingen by `rubriek` and `rubriek` × `leeftijdsgroep`, trajecten by
`rubriek`, politiecontacten, registraties and landelijk by `vorm`, registraties by `leeftijdsgroep`.
Where a filter has no answer the trend is shown without it and says so; a year whose indicator was not
delivered has no bar and is named in the text, never drawn as zero.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from zicht.reporting import sentences as s
from zicht.reporting.charts import Chart, bar_chart
from zicht.reporting.filters import LEEFTIJD, VORM, describe, form_of
from zicht.reporting.values import Cell, Values

MELDING_RUBRIEK = (
    "seksuele-uitbuiting",
    "criminele-uitbuiting",
    "overige-uitbuiting",
    "hulpvraag-sekswerk",
    "preventief",
)


@dataclass
class Trend:
    chart: Chart
    applied: dict[str, str]  # the filters the figures answer
    ignored: list[str]  # the filters this indicator has no breakdown for (VORM, LEEFTIJD)
    missing: list[int]  # years in the edition without a delivery of this indicator


def _sum(v: Values, indicator: str, combos: list[dict]) -> Cell | None:
    """The sum of published cells; None when one of them is not there or suppressed (never a guess)."""
    total = 0
    for dims in combos:
        cell = v.cell(indicator, **dims)
        if cell is None or cell.suppressed:
            return None
        total += cell.number()
    return Cell(total)


def _forms_of(v: Values, indicator: str, form: str) -> list[dict]:
    """The `vorm` codes of an indicator's breakdown that a form filter stands for."""
    return [{"vorm": code} for (code,) in v.dimension_values(indicator, ("vorm",)) if form_of(code) == form]


def _meldingen(v: Values, f: dict) -> Cell | None:
    form, age = f.get(VORM), f.get(LEEFTIJD)
    if form and age:
        return v.cell("meldingen", rubriek=form, leeftijdsgroep=age)
    if form:
        return v.cell("meldingen", rubriek=form)
    if age:
        return _sum(v, "meldingen", [{"rubriek": r, "leeftijdsgroep": age} for r in MELDING_RUBRIEK])
    return v.cell("meldingen")


def _trajecten(v: Values, f: dict) -> Cell | None:
    return v.cell("trajecten", rubriek=f[VORM]) if f.get(VORM) else v.cell("trajecten")


def _by_form(indicator: str) -> Callable[[Values, dict], Cell | None]:
    def cell(v: Values, f: dict) -> Cell | None:
        return _sum(v, indicator, _forms_of(v, indicator, f[VORM])) if f.get(VORM) else v.cell(indicator)

    return cell


def _registraties(v: Values, f: dict) -> Cell | None:
    if f.get(VORM):
        return _by_form("registraties")(v, f)
    if f.get(LEEFTIJD):
        return v.cell("registraties", leeftijdsgroep=f[LEEFTIJD])
    return v.cell("registraties")


def _total(indicator: str) -> Callable[[Values, dict], Cell | None]:
    return lambda v, f: v.cell(indicator)


# (id, indicator, title nl, title en, value column nl, en, the filters it answers, its cell per year); the
# titles that name a partner are the region's (`trends(titles=…)`, zicht.reporting.partners.trend_titles).
TRENDS = (
    ("trend-landelijk", "landelijk", "Landelijk geregistreerde slachtoffers (CoMensha)",
     "National registered victims (CoMensha)", "Slachtoffers", "Victims", (VORM,), _by_form("landelijk")),
    ("trend-meldingen", "meldingen", "Meldingen bij het meldpunt", "Reports to the hotline",
     "Meldingen", "Reports", (VORM, LEEFTIJD), _meldingen),
    ("trend-trajecten", "trajecten", "Cliënten begeleid", "Clients guided", "Cliënten", "Clients",
     (VORM,), _trajecten),
    ("trend-politiecontacten", "politiecontacten", "Informatieve gesprekken en aangiftes",
     "Interviews and formal complaints", "Contacten", "Contacts", (VORM,), _by_form("politiecontacten")),
    ("trend-riec", "riec-casussen", "Casussen RIEC", "RIEC cases", "Casussen", "Cases", (), _total("riec-casussen")),
    ("trend-controles", "controles", "Controles van het controleteam", "Inspections by the inspection team", "Controles", "Inspections", (),
     _total("controles")),
    ("trend-registraties", "registraties", "Registraties andere partners", "Registrations by other partners",
     "Registraties", "Registrations", (VORM, LEEFTIJD), _registraties),
)  # fmt: skip


def trends(
    years: dict[int, Values],
    year: int,
    lang: str,
    k: int,
    filters: dict[str, str],
    titles: dict[str, tuple[str, str]] | None = None,
) -> list[Trend]:
    """The trend of each key figure up to `year`, over the years that hold it (at least one). `titles`:
    {indicator: (nl, en)} in place of the titles above (the region's names of its partners)."""
    out = []
    nl = lang == "nl"
    for chart_id, indicator, title_nl, title_en, col_nl, col_en, answers, cell_of in TRENDS:
        shown = [y for y in sorted(years) if y <= year and years[y].present(indicator)]
        if not shown:
            continue
        applied = {n: v for n, v in filters.items() if n in answers}
        if applied.get(VORM) and applied.get(LEEFTIJD) and indicator == "registraties":
            applied.pop(LEEFTIJD)  # registraties are split by form and by age, not by both at once
        ignored = [n for n in filters if n not in applied]
        series = [(str(y), cell_of(years[y], applied)) for y in shown]
        title_nl, title_en = (titles or {}).get(indicator, (title_nl, title_en))
        title = title_nl if nl else title_en
        what = describe(applied, lang)
        lead = (
            f"Staafdiagram van {title[:1].lower() + title[1:]} per jaar{f' ({what})' if what else ''}: "
            if nl
            else f"Bar chart of {title[:1].lower() + title[1:]} per year{f' ({what})' if what else ''}: "
        )
        values = "; ".join(
            f"{y}: {s.fmt(cell.value, lang, suppressed=cell.suppressed, k=k) if cell else '–'}" for y, cell in series
        )
        chart = bar_chart(
            chart_id,
            title,
            lead + values + ".",
            series,
            lang=lang,
            k=k,
            vertical=True,
            columns=("Jaar" if nl else "Year", col_nl if nl else col_en),
        )
        missing = [y for y in range(shown[0], year + 1) if y not in shown]
        out.append(Trend(chart, applied, ignored, missing))
    return out


def municipality_trend(
    years: dict[int, Values], year: int, gemeente: str, lang: str, k: int, indicator: str = "meldingen"
) -> Chart | None:
    """A municipality's count per year (as published: `<k` where it is suppressed), or None."""
    published = [(y, years[y].cell(indicator, gemeente=gemeente)) for y in sorted(years) if y <= year]
    series = [(str(y), cell) for y, cell in published if cell is not None]
    if not series:
        return None
    nl = lang == "nl"
    values = "; ".join(f"{y}: {s.fmt(cell.value, lang, suppressed=cell.suppressed, k=k)}" for y, cell in series)
    what = {"meldingen": ("meldingen bij het meldpunt", "reports to the hotline")}.get(
        indicator, (indicator, indicator)
    )
    return bar_chart(
        f"gemeente-{indicator}",
        f"{what[0][:1].upper()}{what[0][1:]} uit {gemeente} per jaar"
        if nl
        else f"{what[1][:1].upper()}{what[1][1:]} from {gemeente} per year",
        (
            f"Staafdiagram van de {what[0]} uit {gemeente} per jaar: "
            if nl
            else f"Bar chart of the {what[1]} from {gemeente} per year: "
        )
        + values
        + ".",
        list[tuple[str, Cell | None]](series),  # bar_chart also takes gaps; these have none
        lang=lang,
        k=k,
        vertical=True,
        columns=("Jaar" if nl else "Year", "Meldingen" if nl else "Reports"),
    )
