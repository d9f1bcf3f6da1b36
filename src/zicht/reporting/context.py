"""The report's context, built from plain data (`ReportData`): no database, no Django.

`build_context` applies disclosure control first in public mode, so nothing downstream ever sees a
suppressed number.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

import markdown as md

from zicht import __version__
from zicht.region import Region
from zicht.reporting import figures as f
from zicht.reporting import figures_chain as fc
from zicht.reporting import partners as names
from zicht.reporting import sentences as s
from zicht.reporting.estimate_section import estimate_block
from zicht.reporting.values import Cell, Values
from zicht.schema.codes import OPGAVEN

if TYPE_CHECKING:
    from zicht.contracts import Estimate, Indicators

# Narrative sections (spec/report.md); `toelichting-<dataset>` for each dataset.


@dataclass
class ReportData:
    region: Region
    year: int
    indicators: dict[int, Indicators]  # {year: the JSON of `zicht indicators --year Y --json`}
    texts: dict[str, str] = field(default_factory=dict)  # {section: markdown}
    deliveries: list[dict] = field(
        default_factory=list
    )  # partner, dataset, year, version, delivered_at, row_count, file_hash
    software_version: str = __version__
    estimate: Estimate | None = None  # spec/estimation.md JSON
    actions: list[dict] | None = None  # opgave, titel, status (from the acties delivery)
    initiatives: list[dict] | None = None  # gemeente, titel, soort (from the initiatieven delivery)
    published: dt.date | None = None
    edition: str | None = None  # "2024", "2024-2": set when the monitor is a published edition
    edition_note: str | None = None  # what a later edition of the same year changed


_LINK = re.compile(r'(href|src)="([^"]*)"')
_SAFE_TARGET = re.compile(r"^(https?:|mailto:|#|/|\.|[^:]*$)", re.I)


def render_markdown(text: str) -> str:
    """Analyst-written Markdown as HTML; raw HTML is escaped (texts are content, not markup), and a link
    or image whose address is not http(s), mailto or relative loses it (no `javascript:` or `data:`)."""
    safe = text.replace("&", "&amp;").replace("<", "&lt;")
    html = md.markdown(safe, extensions=["extra", "sane_lists"])
    return _LINK.sub(lambda m: m.group(0) if _SAFE_TARGET.match(m.group(2).strip()) else f'{m.group(1)}="#"', html)


def _public_indicators(results: dict[int, Indicators], region: Region) -> dict[int, Indicators]:
    """Every year's table through the one disclosure gate (`zicht.disclosure`)."""
    from zicht.disclosure import suppress_indicators  # the gate; fail closed if it is missing

    return {y: suppress_indicators(r, region) for y, r in results.items()}


def build_context(data: ReportData, lang: str = "nl", public: bool = False) -> dict:
    """Everything the template shows, as plain values."""
    region, year = data.region, data.year
    k = region.disclosure_k
    results = _public_indicators(data.indicators, region) if public else data.indicators
    years = {y: Values(r) for y, r in results.items()}
    years.setdefault(year, Values(None))
    args = (years, year, region, lang, k)
    national = f.national(*args)
    meldingen = f.essm_meldingen(*args)
    trajecten = f.essm_trajecten(*args)
    politie = fc.avim(*args)
    riec = fc.riec(*args)
    rctm = fc.rctm(*args)
    registraties = fc.registraties(*args)
    aanpak = fc.aanpak(*args, data.actions, data.initiatives)
    estimate = estimate_block(data, lang, public, k)
    blocks = [national, meldingen, trajecten, estimate, politie, riec, rctm, registraties, aanpak]
    charts = f.all_charts(blocks)
    for i, chart in enumerate(charts, start=1):
        chart.number = i
    texts = {name: render_markdown(text) for name, text in data.texts.items() if text and text.strip()}
    published = data.published or dt.date.today()
    deliveries = sorted(data.deliveries, key=lambda d: (d.get("partner", ""), d.get("dataset", ""), d.get("year", 0)))
    gemeenten = [
        {"name": _place(name, lang), "value": s.fmt(cell.value, lang, suppressed=cell.suppressed, k=k)}
        for name, cell in meldingen.get("gemeenten", [])
    ]
    key = key_figures(years, year, lang, k, region)
    return {
        "lang": lang,
        "public": public,
        "k": k,
        "year": year,
        "title": (
            f"Monitor Mensenhandel {region.name} {year}"
            if lang == "nl"
            else f"Human Trafficking Monitor {region.name} {year}"
        ),
        "region": region,
        "organisation": region.organisation,
        "published": _date(published, lang),
        "edition": data.edition,
        "edition_note": data.edition_note,
        "version": data.software_version,
        "deliveries": deliveries,
        "texts": texts,
        "opgaven": [OPGAVEN[i][0 if lang == "nl" else 1] for i in sorted(OPGAVEN)],
        "partners": [p.name for p in region.partners],
        "municipalities": region.municipality_names,
        "national": national,
        "meldingen": meldingen,
        "gemeenten": gemeenten,
        "trajecten": trajecten,
        "politie": politie,
        "riec": riec,
        "rctm": rctm,
        "registraties": registraties,
        "aanpak": aanpak,
        "estimate": estimate,
        "charts": charts,
        "key_figures": key,
        "routes": region.routes,
        # The partners' sections as the region names them: title, toc, description per dataset.
        "sections": names.sections(region, lang),
    }


def _place(name: str, lang: str) -> str:
    from zicht.reporting.labels import label

    return label(name, lang) if name in ("regio-onbekend", "buiten-regio") else name


def _date(d: dt.date, lang: str) -> str:
    months_nl = [
        "januari",
        "februari",
        "maart",
        "april",
        "mei",
        "juni",
        "juli",
        "augustus",
        "september",
        "oktober",
        "november",
        "december",
    ]
    if lang == "nl":
        return f"{d.day} {months_nl[d.month - 1]} {d.year}"
    return d.strftime("%-d %B %Y")


def key_figures(years: dict[int, Values], year: int, lang: str, k: int, region: Region) -> dict:
    """Key figures over the last years (a table): not delivered shows as `–`, never as 0. The partners'
    abbreviations come from the region (`zicht.reporting.partners.figure_label`)."""
    shown_years = [y for y in sorted(years) if year - 2 <= y <= year]

    def named(key: str) -> tuple[str, str]:
        return names.figure_label(region, key, "nl"), names.figure_label(region, key, "en")

    rows_def = [
        ("landelijk", {}, "Landelijk geregistreerde slachtoffers (CoMensha)", "National registered victims (CoMensha)"),
        ("meldingen", {}, *named("meldingen")),
        ("trajecten", {}, *named("trajecten")),
        ("politiecontacten", {"soort": "informatief-gesprek"}, *named("informatief-gesprek")),
        ("politiecontacten", {"soort": "aangifte"}, *named("aangifte")),
        ("riec-casussen", {}, *named("riec-casussen")),
        ("controles", {}, *named("controles")),
        ("registraties", {}, "Registraties andere partners", "Registrations by other partners"),
    ]
    rows = []
    for ind, dims, nl, en in rows_def:
        cells = []
        for y in shown_years:
            v = years[y]
            cell: Cell | None = v.cell(ind, **dims) if v.present(ind) else None
            cells.append("–" if cell is None else s.fmt(cell.value, lang, suppressed=cell.suppressed, k=k))
        if any(c != "–" for c in cells):
            rows.append([nl if lang == "nl" else en, *cells])
    return {"years": shown_years, "rows": rows}
