"""The figures of chapters 2 and 3: for each, its sentences and chart from the indicator values.

Each builder takes the years' `Values` and returns a plain dict for the template: `delivered`, the
sentences, bullets and `charts`. Not delivered is said in words, never drawn as zero.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import cast

from zicht.region import Region
from zicht.reporting import partners as names
from zicht.reporting import sentences as s
from zicht.reporting.charts import Chart, bar_chart, grouped_chart, stacked_chart
from zicht.reporting.filters import LEEFTIJD, VORM, form_of
from zicht.reporting.labels import kenmerk_words, label
from zicht.reporting.values import Cell, Values
from zicht.schema import codes as c

MELDING_RUBRIEK = (
    "seksuele-uitbuiting",
    "criminele-uitbuiting",
    "overige-uitbuiting",
    "hulpvraag-sekswerk",
    "preventief",
)
TRAJECT_RUBRIEK = ("seksuele-uitbuiting", "criminele-uitbuiting", "overige-uitbuiting", "preventief")
HERKOMST = ("centrumgemeente", "regio", "regio-onbekend", "buiten-regio")


def _nl(lang: str, nl: str, en: str) -> str:
    return nl if lang == "nl" else en


def _partner(region: Region, dataset: str) -> str:
    codes = region.partners_for(dataset)
    return codes[0] if codes else dataset


def _trend(years: dict[int, Values], indicator: str, upto: int) -> list[tuple[int, Cell]]:
    """(year, total) for every year up to `upto` in which the indicator was delivered."""
    out = []
    for y in sorted(years):
        if y <= upto and years[y].present(indicator):
            # a delivered indicator has its total cell (`Values.get` raises KeyError otherwise)
            out.append((y, cast(Cell, years[y].cell(indicator))))
    return out


def _change(v: Values, indicator: str) -> tuple[int | None, str | None]:
    ch = v.change(indicator) or {}
    return ch.get("previous"), ch.get("wording")


def _num(v: Values, indicator: str, **dims: str) -> int:
    """`v.get` where the caller knows the indicator is delivered: then it is a number (`get` raises on a
    suppressed or missing cell and gives None only for an indicator not delivered)."""
    return cast(int, v.get(indicator, **dims))


def _shown(cell: Cell | None) -> Cell:
    """A cell the caller knows is there (a published cell of a delivered indicator's breakdown)."""
    return cast(Cell, cell)


def _alt(lang: str, nl: str, en: str, values: Iterable[str]) -> str:
    """A chart's alt text: what it shows (`nl` or `en`), then every value it draws."""
    return _nl(lang, nl, en) + "; ".join(values) + "."


def _year_chart(
    chart_id: str,
    title: str,
    alt_nl: str,
    alt_en: str,
    series: list[tuple[int, Cell]],
    lang: str,
    k: int,
    value_column: str,
) -> Chart:
    """One vertical bar per year of a `_trend` series; `alt_nl`/`alt_en` lead its alt text."""
    return bar_chart(
        chart_id,
        title,
        _alt(lang, alt_nl, alt_en, (f"{y}: {s.fmt(cell.value, lang)}" for y, cell in series)),
        [(str(y), cell) for y, cell in series],
        lang=lang,
        k=k,
        vertical=True,
        columns=(_nl(lang, "Jaar", "Year"), value_column),
    )


def national(years: dict[int, Values], year: int, region: Region, lang: str, k: int) -> dict:
    v = years[year]
    value = v.get("landelijk") if v.present("landelijk") else None
    prev, wording = _change(v, "landelijk")
    out: dict = {
        "delivered": value is not None,
        "sentence": s.national_sentence(year, value, prev, wording, lang, names.subject(region, "landelijk", lang)),
        "charts": [],
    }
    series = _trend(years, "landelijk", year)
    if series:
        out["charts"].append(
            _year_chart(
                "landelijk",
                _nl(
                    lang,
                    "Landelijk aantal meldingen van geregistreerde slachtoffers CoMensha",
                    "National number of registered victims (CoMensha)",
                ),
                "Staafdiagram van het landelijk aantal geregistreerde (mogelijke) slachtoffers per jaar, "
                f"{series[0][0]} tot en met {series[-1][0]}: ",
                "Bar chart of the national number of registered (possible) victims per year: ",
                series,
                lang,
                k,
                _nl(lang, "Slachtoffers", "Victims"),
            )
        )
    return out


def _hotline_title(region: Region, lang: str) -> str:
    """ "Totaal aantal meldingen ESSM" (the seed's title), or without an abbreviation "… bij het meldpunt"."""
    short = names.short(region, "meldingen", lang)
    if short:
        return _nl(
            lang,
            f"Totaal aantal meldingen {short}",
            f"Total number of reports to {names.called(region, 'meldingen', 'en')}",
        )
    return _nl(lang, "Totaal aantal meldingen bij het meldpunt", "Total number of reports to the hotline")


def essm_meldingen(years: dict[int, Values], year: int, region: Region, lang: str, k: int) -> dict:
    v = years[year]
    partner = _partner(region, "meldingen")
    if not v.present("meldingen"):
        return {
            "delivered": False,
            "sentence": s.not_delivered(partner, year, lang, _nl(lang, "meldingen", "reports")),
            "charts": [],
        }
    total = v.get("meldingen")
    prev, wording = _change(v, "meldingen")
    out: dict = {
        "delivered": True,
        "sentence": s.hotline_sentence(year, total, prev, wording, lang, partner),
        "charts": [],
    }
    h = {code: _num(v, "meldingen", herkomst=code) for code in HERKOMST}
    out["herkomst"] = s.herkomst_sentences(
        year,
        h["centrumgemeente"],
        h["regio"],
        h["regio-onbekend"],
        h["buiten-regio"],
        region.central,
        region.name,
        lang,
    )
    out["charts"].append(
        _year_chart(
            "meldingen-trend",
            _hotline_title(region, lang),
            "Staafdiagram van het aantal meldingen bij het meldpunt per jaar: ",
            "Bar chart of the number of reports per year: ",
            _trend(years, "meldingen", year),
            lang,
            k,
            _nl(lang, "Meldingen", "Reports"),
        )
    )
    labels = {
        "centrumgemeente": f"{region.central}",
        "regio": label("regio", lang),
        "regio-onbekend": label("regio-onbekend", lang),
        "buiten-regio": label("buiten-regio", lang),
    }
    items = [(labels[code], v.cell("meldingen", herkomst=code)) for code in HERKOMST]
    title = _nl(lang, f"Totale meldingen {year} per regio", f"Reports {year} by origin")
    alt = _alt(
        lang,
        f"Staafdiagram van de meldingen in {year} naar herkomst: ",
        f"Bar chart of the reports in {year} by origin: ",
        (f"{lab}: {s.fmt(_shown(cell).value, lang)}" for lab, cell in items),
    )
    out["charts"].append(
        bar_chart(
            "meldingen-herkomst",
            title,
            alt,
            items,
            lang=lang,
            k=k,
            width=150,
            columns=(_nl(lang, "Herkomst", "Origin"), _nl(lang, "Meldingen", "Reports")),
        )
    )
    # Nature of the reports: rubriek x leeftijdsgroep, with kenmerken in words.
    ages = ["meerderjarig", "minderjarig"]
    if any(v.get("meldingen", rubriek=r, leeftijdsgroep="onbekend") for r in MELDING_RUBRIEK):
        ages.append("onbekend")
    age_labels = [label(a, lang) for a in ages]
    items3 = [
        (label(r, lang), label(a, lang), v.cell("meldingen", rubriek=r, leeftijdsgroep=a))
        for r in MELDING_RUBRIEK
        for a in ages
    ]
    title = _nl(lang, "Aard van de meldingen", "Nature of the reports")
    alt = _alt(
        lang,
        "Staafdiagram van de meldingen per rubriek en leeftijdsgroep: ",
        "Bar chart of the reports by heading and age group: ",
        (f"{r} {a.lower()}: {s.fmt(_shown(cell).value, lang)}" for r, a, cell in items3),
    )
    out["charts"].append(
        grouped_chart(
            "meldingen-aard",
            title,
            alt,
            items3,
            age_labels,
            lang=lang,
            k=k,
            columns=(_nl(lang, "Rubriek", "Heading"), *age_labels),
            codes=[{VORM: form_of(r), LEEFTIJD: a} for r in MELDING_RUBRIEK for a in ages],
        )
    )
    out["aard"] = _aard(v, lang)
    out["gemeenten"] = [
        (name, v.cell("meldingen", gemeente=name))
        for name in (*region.municipality_names, c.REGIO_ONBEKEND, c.BUITEN_REGIO)
        if v.cell("meldingen", gemeente=name) is not None
    ]
    return out


def _kenmerken(v: Values, rubriek: str, age: str, lang: str) -> list[str]:
    out = []
    for code in c.KENMERKEN:
        n = v.get("meldingen", rubriek=rubriek, leeftijdsgroep=age, kenmerk=code)
        if n:
            out.append(f"{kenmerk_words(code, lang)} ({s.fmt(n, lang)})")
    return out


def _aard(v: Values, lang: str) -> list[dict]:
    """Paragraphs on the nature of the reports, each with its list of kenmerken."""
    g = lambda r, a=None: _num(v, "meldingen", rubriek=r, leeftijdsgroep=a) if a else _num(v, "meldingen", rubriek=r)  # noqa: E731
    blocks = []
    exploit = {r: g(r) for r in ("seksuele-uitbuiting", "criminele-uitbuiting", "overige-uitbuiting")}
    top = max(exploit, key=exploit.__getitem__)
    for r in ("seksuele-uitbuiting", "overige-uitbuiting", "criminele-uitbuiting"):
        for a in ("meerderjarig", "minderjarig"):
            n = g(r, a)
            if not n:
                continue
            who = _nl(
                lang,
                "meerderjarige personen" if a == "meerderjarig" else "minderjarigen",
                "adults" if a == "meerderjarig" else "minors",
            )
            rub = label(r, lang).lower()
            if lang == "nl":
                text = f"Door {who} {'werd' if n == 1 else 'werden'} {s.count(n, 'melding', 'meldingen')} over {rub} gedaan"
            else:
                text = f"{s.count(n, 'report', 'reports', lang).capitalize()} on {rub} came from {who}"
            kenm = _kenmerken(v, r, a, lang)
            lead = ""
            if r == top and a == "meerderjarig" and exploit[top] > 0:
                lead = _nl(
                    lang,
                    f"Meldingen over {rub} werden het meest gedaan. ",
                    f"Reports on {rub} were the most frequent. ",
                )
            blocks.append(
                {
                    "text": lead + text + (_nl(lang, ", welke bestonden uit:", ", concerning:") if kenm else "."),
                    "items": kenm,
                }
            )
    hv = g("hulpvraag-sekswerk")
    blocks.append(
        {
            "text": _nl(
                lang,
                f"Informatie- of hulpverzoeken van sekswerkers werden {s.times(hv)} gedaan.",
                f"Sex workers asked for information or help {s.times(hv, lang)}.",
            ),
            "items": [],
        }
    )
    pa, pm = g("preventief", "meerderjarig"), g("preventief", "minderjarig")
    if lang == "nl":
        text = f"Preventief werden {s.count(pa, 'gesprek', 'gesprekken')} gevoerd met meerderjarige personen en {s.count(pm, 'gesprek', 'gesprekken')} met minderjarige personen."
    else:
        text = f"{s.count(pa, 'preventive conversation', 'preventive conversations', lang).capitalize()} were held with adults and {s.fmt(pm, lang)} with minors."
    blocks.append({"text": text, "items": []})
    return blocks


def essm_trajecten(years: dict[int, Values], year: int, region: Region, lang: str, k: int) -> dict:
    v = years[year]
    partner = _partner(region, "trajecten")
    total = v.get("trajecten") if v.present("trajecten") else None
    out: dict = {
        "delivered": total is not None,
        "sentence": s.clients_sentence(year, total, lang, partner, names.called(region, "trajecten", lang)),
        "charts": [],
        "bullets": [],
    }
    if total is None:
        return out
    earlier = [
        (y, cell.value if cell and not cell.suppressed else None)
        for y, cell in reversed(_trend(years, "trajecten", year - 1))
    ]
    out["trend"] = s.trend_sentence(
        _nl(lang, "Aantal cliënten in eerdere jaren:", "Clients in earlier years:"), earlier, lang
    )
    out["split"] = _nl(
        lang,
        f"De {s.count(total, 'cliënt is', 'cliënten zijn')} uit te splitsen in:",
        f"The {s.count(total, 'client', 'clients', lang)} break down as follows:",
    )
    rub_labels = {"overige-uitbuiting": _nl(lang, "overige (arbeids-)uitbuiting", "other (labour) exploitation")}
    items, codes = [], []
    for r in TRAJECT_RUBRIEK:
        old, new = (
            _num(v, "trajecten", rubriek=r, instroom="doorlopend"),
            _num(v, "trajecten", rubriek=r, instroom="nieuw"),
        )
        out["bullets"].append(
            s.clients_bullet(
                rub_labels.get(r, label(r, lang).lower()), old, new, year, lang, preventive=r == "preventief"
            )
        )
        cat = label(r, lang) if r != "preventief" else _nl(lang, "Preventieve trajecten", "Preventive trajectories")
        items += [(cat, label("doorlopend", lang, year - 1), old), (cat, label("nieuw", lang), new)]
        codes += [{VORM: form_of(r)}] * 2
    series = [label("doorlopend", lang, year - 1), label("nieuw", lang)]
    title = _nl(lang, "Aantal cliënten begeleid per vorm", "Clients guided by form")
    alt = _alt(
        lang,
        f"Gestapeld staafdiagram van de cliënten per vorm, doorlopend uit {year - 1} en nieuw in {year}: ",
        f"Stacked bar chart of clients by form, continuing from {year - 1} and new in {year}: ",
        (f"{cat} {ser.lower()}: {n}" for cat, ser, n in items),
    )
    out["charts"].append(
        stacked_chart(
            "trajecten-vorm",
            title,
            alt,
            items,
            series,
            lang=lang,
            colors=["#56B4E9", "#0072B2"],
            columns=(_nl(lang, "Vorm", "Form"), *series, _nl(lang, "Totaal", "Total")),
            codes=codes,
        )
    )
    return out


def all_charts(blocks: list[dict | None]) -> list[Chart]:
    return [ch for b in blocks if b for ch in b.get("charts", [])]
