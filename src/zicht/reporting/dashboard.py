"""The public dashboard's content, from a published edition's figures: plain data, no Django.

Everything comes from the monitor's own builders (`build_context`): the same generated sentences, the
same chart specifications, the same tables. The dashboard adds the key figures as cards with their
change in words, the trends over every year the edition holds, the municipalities' table, and narrows
the charts by the visitor's filters. The figures pass the disclosure gate inside `build_context`
(public mode), so nothing here can see a suppressed number.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from zicht.indicators.wording import WORDS_EN
from zicht.reporting import partners as names
from zicht.reporting import sentences as s
from zicht.reporting.charts import Chart
from zicht.reporting.context import ReportData, build_context
from zicht.reporting.filters import describe
from zicht.reporting.interactive import narrowed
from zicht.reporting.labels import label
from zicht.reporting.trends import Trend, trends
from zicht.reporting.values import Values
from zicht.schema import codes as c

if TYPE_CHECKING:
    from zicht.contracts import Indicators


@dataclass
class KeyFigure:
    indicator: str
    label: str
    value: str
    sentence: str  # the monitor's generated sentence, with the change against the year before in words
    wording: str | None = None  # "lichte stijging" (Dutch) / "slight increase"
    direction: str | None = None  # up | down | flat
    previous: str | None = None
    previous_year: int | None = None


@dataclass
class Figure:
    """A chart as the dashboard shows it: narrowed by the filters it can answer, with the ones it cannot."""

    chart: Chart
    ignored: list[str] = field(default_factory=list)


@dataclass
class Section:
    id: str
    title: str
    paragraphs: list[str] = field(default_factory=list)
    bullets: list[str] = field(default_factory=list)
    figures: list[Figure] = field(default_factory=list)
    blocks: list[dict] = field(default_factory=list)  # a paragraph with its list (the nature of the reports)


@dataclass
class Chapter:
    id: str
    title: str
    sections: list[Section]


@dataclass
class Dashboard:
    year: int
    lang: str
    k: int
    filters: dict[str, str]
    filters_text: str
    key_figures: list[KeyFigure]
    key_table: dict  # the monitor's key figures over the last three years (years, rows)
    trends: list[Trend]
    chapters: list[Chapter]
    municipalities: dict  # years, rows: name, slug (None: not a municipality), cells per year, rate
    # The region's words for its partners where the page names one ("riec": "het RIEC"; zicht.reporting.partners).
    names: dict[str, str] = field(default_factory=dict)

    def charts(self) -> list[Chart]:
        """Every chart of the page, trends first: what the chart downloads are looked up in."""
        return [t.chart for t in self.trends] + [
            f.chart for ch in self.chapters for sec in ch.sections for f in sec.figures
        ]


# The monitor's sentences that already say how a total changed against the year before.
SENTENCES_WITH_CHANGE = {"meldingen", "landelijk", "riec-casussen"}


def _nl(lang: str, nl: str, en: str) -> str:
    return nl if lang == "nl" else en


def _key_figures(ctx: dict, years: dict[int, Values], year: int, lang: str, k: int) -> list[KeyFigure]:
    """The cards: each total with its change in words and the monitor's sentence about it."""
    v, region = years[year], ctx["region"]
    chosen = (
        ("meldingen", _nl(lang, "Meldingen bij het meldpunt", "Reports to the hotline"), ctx["meldingen"]["sentence"]),
        ("trajecten", _nl(lang, "Cliënten begeleid", "Clients guided"), ctx["trajecten"]["sentence"]),
        ("landelijk", _nl(lang, "Slachtoffers landelijk", "Victims nationally"), ctx["national"]["sentence"]),
        (
            "politiecontacten",
            _nl(lang, "Contacten met de politie", "Contacts with the police"),
            ctx["politie"]["sentence"],
        ),
        ("riec-casussen", names.figure_label(region, "riec-casussen", lang), ctx["riec"]["sentence"]),
        ("controles", names.figure_label(region, "controles", lang), ctx["rctm"]["sentence"]),
    )
    out = []
    for indicator, name, sentence in chosen:
        if not v.present(indicator):
            continue
        value = v.get(indicator)
        change = v.change(indicator) or {}
        previous, wording = change.get("previous"), change.get("wording")
        if indicator not in SENTENCES_WITH_CHANGE:
            # The monitor's sentence on this figure does not compare: add the monitor's change sentence.
            prev_text = s.fmt(previous, lang) if previous is not None else ""
            sentence = f"{sentence} {s.change_sentence(wording, previous, year - 1, prev_text, lang)}"
        direction = None
        if change.get("change") is not None:
            direction = "flat" if wording == "nagenoeg gelijk" else ("up" if change["change"] > 0 else "down")
        out.append(
            KeyFigure(
                indicator,
                name,
                s.fmt(value, lang),
                sentence,
                (wording if lang == "nl" else WORDS_EN.get(wording, wording)) if wording else None,
                direction,
                s.fmt(previous, lang) if previous is not None else None,
                year - 1 if previous is not None else None,
            )
        )
    return out


def _figures(charts: list[Chart], filters: dict[str, str], lang: str) -> list[Figure]:
    out = []
    for chart in charts:
        applied = {name: value for name, value in filters.items() if name in chart.dimensions}
        ignored = [name for name in filters if name not in applied]
        out.append(Figure(narrowed(chart, applied, describe(applied, lang)), ignored))
    return out


def _section(
    id: str, title: str, paragraphs: list, charts: list[Chart], filters: dict, lang: str, bullets=()
) -> Section:
    texts = [text for text in paragraphs if text and text.strip()]
    return Section(id, title, texts, list(bullets), _figures(charts, filters, lang))


def _riec_title(region, lang: str) -> str:
    """ "RIEC-samenwerkingsverband" / "RIEC partnership", under the region's abbreviation."""
    name = names.short(region, "riec-casussen", lang)
    return _nl(lang, f"{name}-samenwerkingsverband", f"{name} partnership")


def _chapters(ctx: dict, filters: dict[str, str], lang: str) -> list[Chapter]:
    """Chapters 2 and 3 of the monitor, section by section, with their sentences and charts."""
    m, t, p, r = ctx["meldingen"], ctx["trajecten"], ctx["politie"], ctx["riec"]
    reg, aanpak, est, rctm, national = ctx["registraties"], ctx["aanpak"], ctx["estimate"], ctx["rctm"], ctx["national"]
    f = (filters, lang)
    region = ctx["region"]  # the partners as the region names them (zicht.reporting.partners)
    nature = [
        _section(
            "landelijk",
            _nl(lang, "Landelijk (CoMensha)", "National (CoMensha)"),
            [national["sentence"]],
            national["charts"],
            *f,
        ),
        _section(
            "meldpunt",
            _nl(lang, "Meldpunt", "Hotline") + names.tag(region, "meldingen", lang),
            [m["sentence"], " ".join(m.get("herkomst") or [])],
            m["charts"][:2],
            *f,
        ),
        _section("aard", _nl(lang, "Aard van de meldingen", "Nature of the reports"), [], m["charts"][2:], *f),
        _section(
            "clienten",
            _nl(lang, "Cliënten", "Clients") + names.tag(region, "trajecten", lang),
            [t["sentence"], t.get("trend"), t.get("split") if t.get("bullets") else None],
            t["charts"],
            *f,
            bullets=t.get("bullets", []),
        ),
    ]
    if est:
        charts = [ch for ch in (est.get("interval"), est.get("sensitivity"), est.get("overlap")) if ch]
        title = _nl(lang, "Hoeveel slachtoffers zien we niet?", "How many victims do we not see?")
        nature.append(_section("schatting", title, [est.get("sentence"), est.get("reason")], charts, *f))
    nature += [
        _section(
            "politie",
            _nl(lang, "Politie", "Police") + names.tag(region, "politiecontacten", lang),
            [p["sentence"], p.get("trend")],
            p["charts"],
            *f,
        ),
        _section(
            "riec",
            _riec_title(region, lang),
            [r["sentence"], r.get("note"), r.get("inbrenger"), r.get("partners")],
            r["charts"],
            *f,
        ),
        _section(
            "rctm",
            _nl(lang, "Controleteam", "Inspection team") + names.tag(region, "controles", lang),
            [rctm["sentence"]],
            rctm["charts"],
            *f,
        ),
    ]
    if reg:
        nature.append(
            _section(
                "registraties", _nl(lang, "Andere partners", "Other partners"), [reg["sentence"]], reg["charts"], *f
            )
        )
    approach = [
        _section(
            "acties",
            _nl(lang, "Het regionaal actieplan", "The regional action plan"),
            [aanpak.get("acties_sentence")],
            [ch for ch in aanpak["charts"] if ch.id == "acties"],
            *f,
        ),
        _section(
            "initiatieven",
            _nl(lang, "Lokale initiatieven", "Local initiatives"),
            [aanpak.get("initiatieven_sentence"), aanpak.get("initiatieven_none")],
            [ch for ch in aanpak["charts"] if ch.id == "initiatieven"],
            *f,
        ),
    ]
    nature[2].blocks = m.get("aard", [])
    placed = {fig.chart.id for sec in nature + approach for fig in sec.figures}
    others = [ch for ch in ctx["charts"] if ch.id not in placed]
    if others:  # a chart the monitor gained later (chapter 3's loans, …) is never left out
        approach.append(_section("overig", _nl(lang, "Meer figuren", "More figures"), [], others, *f))
    return [
        Chapter("aard-en-omvang", _nl(lang, "Aard en omvang", "Nature and extent"), nature),
        Chapter("aanpak", _nl(lang, "Regionale aanpak", "Regional approach"), approach),
    ]  # fmt: skip


def slug(name: str) -> str:
    """A municipality's path segment: `Capelle aan den IJssel` → `capelle-aan-den-ijssel`."""
    import re
    import unicodedata

    plain = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode().lower()
    return re.sub(r"[^a-z0-9]+", "-", plain).strip("-")


def population(region) -> dict[str, int]:
    """The configured inhabitants per municipality (only those the region gives)."""
    return {m.name: m.population for m in region.municipalities if m.population}


def rate(value: int | None, inhabitants: int | None, lang: str) -> str:
    """Per 100,000 inhabitants, one decimal (`18,0`); `–` without a published value or a population."""
    if value is None or not inhabitants:
        return "–"
    text = f"{value * 100_000 / inhabitants:,.1f}"
    return text.replace(",", "_").replace(".", ",").replace("_", ".") if lang == "nl" else text


def municipalities_table(years: dict[int, Values], year: int, region, lang: str, k: int) -> dict:
    """Meldingen per municipality for every year of the edition (as published: `<k` where suppressed),
    with the rate per 100,000 inhabitants of the latest year where the count is published."""
    shown = [y for y in sorted(years) if y <= year and years[y].present("meldingen")][-3:]
    inhabitants = population(region)
    rows = []
    for name in (*region.municipality_names, c.REGIO_ONBEKEND, c.BUITEN_REGIO):
        cells = []
        for y in shown:
            cell = years[y].cell("meldingen", gemeente=name)
            cells.append("–" if cell is None else s.fmt(cell.value, lang, suppressed=cell.suppressed, k=k))
        last = years[year].cell("meldingen", gemeente=name) if year in shown else None
        published = last.value if last is not None and not last.suppressed else None
        rows.append(
            {
                "name": name if name in region.municipality_names else label(name, lang),
                "slug": slug(name) if name in region.municipality_names else None,
                "gemeente": name,
                "cells": cells,
                "rate": rate(published, inhabitants.get(name), lang),
            }
        )
    return {"years": shown, "rows": rows, "with_rates": bool(inhabitants)}


def dashboard(data: ReportData, filters: dict[str, str], lang: str = "nl") -> Dashboard:
    """The dashboard of `data.year` from an edition's public figures (`data.indicators`: every year it holds)."""
    ctx = build_context(data, lang=lang, public=True)
    k = data.region.disclosure_k
    years = {y: Values(r) for y, r in ctx_years(data).items()}
    return Dashboard(
        year=data.year,
        lang=lang,
        k=k,
        filters=filters,
        filters_text=describe(filters, lang),
        key_figures=_key_figures(ctx, years, data.year, lang, k),
        key_table=ctx["key_figures"],
        trends=trends(years, data.year, lang, k, filters, names.trend_titles(data.region)),
        chapters=_chapters(ctx, filters, lang),
        municipalities=municipalities_table(years, data.year, data.region, lang, k),
        names={"riec": names.called(data.region, "riec-casussen", lang)},
    )


def ctx_years(data: ReportData) -> dict[int, Indicators]:
    """The public figures of every year, through the disclosure gate (a public edition's pass unchanged)."""
    from zicht.disclosure import suppress_indicators

    return {y: suppress_indicators(r, data.region) for y, r in data.indicators.items()}
