"""The figures of the chain partners (police, RIEC, inspection team, other registrations) and chapter 3 (the
regional approach). The partners are named as the region configures them (`zicht.reporting.partners`).

Same shape as `figures.py`: each builder returns a plain dict with its sentences and `charts`.
"""

from __future__ import annotations

from zicht.region import Region
from zicht.reporting import partners as names
from zicht.reporting import sentences as s
from zicht.reporting.charts import bar_chart, grouped_chart, heatmap_chart, stacked_chart
from zicht.reporting.figures import _alt, _change, _nl, _num, _partner, _shown, _trend
from zicht.reporting.figures_uitleen import with_loans
from zicht.reporting.filters import VORM, form_of
from zicht.reporting.labels import label, opgave_label
from zicht.reporting.values import Values
from zicht.schema import codes as c


def avim(years: dict[int, Values], year: int, region: Region, lang: str, k: int) -> dict:
    v = years[year]
    partner = _partner(region, "politiecontacten")
    if not v.present("politiecontacten"):
        return {
            "delivered": False,
            "sentence": s.not_delivered(
                partner, year, lang, _nl(lang, "informatieve gesprekken en aangiftes", "interviews and complaints")
            ),
            "charts": [],
        }
    forms = [f for f in c.VORM if any(v.get("politiecontacten", soort=so, vorm=f) for so in c.POLITIE_SOORT)]
    parts = []
    for f in forms:
        ig, ag = (
            _num(v, "politiecontacten", soort="informatief-gesprek", vorm=f),
            _num(v, "politiecontacten", soort="aangifte", vorm=f),
        )
        if lang == "nl":
            parts.append(
                f"{s.count(ig, 'informatief gesprek', 'informatieve gesprekken')} en {s.count(ag, 'aangifte', 'aangiftes')} van {label(f, lang).lower()}"
            )
        else:
            parts.append(
                f"{s.count(ig, 'informative interview', 'informative interviews', lang)} and {s.count(ag, 'complaint', 'complaints', lang)} of {label(f, lang).lower()}"
            )
    who = names.called(region, "politiecontacten", lang)
    if parts:
        sentence = (
            _nl(lang, f"In {year} registreerde {who} ", f"In {year} {who} recorded ") + s.join_words(parts, lang) + "."
        )
    else:
        sentence = _nl(
            lang,
            f"In {year} registreerde {who} geen informatieve gesprekken of aangiftes.",
            f"In {year} {who} recorded no interviews or complaints.",
        )
    aangifte = v.get("politiecontacten", soort="aangifte")
    series = [
        (y, years[y].cell("politiecontacten", soort="aangifte")) for y, _ in _trend(years, "politiecontacten", year)
    ]
    trend = s.trend_sentence(
        _nl(lang, "Aangiftes mensenhandel per jaar (alle vormen):", "Formal complaints per year (all forms):"),
        [(y, cell.value if cell else None) for y, cell in reversed(series)],
        lang,
    )
    out: dict = {"delivered": True, "sentence": sentence, "aangiftes": aangifte, "trend": trend, "charts": []}
    shown = forms or ["seksuele-uitbuiting", "arbeidsuitbuiting", "criminele-uitbuiting"]
    groups = [label(so, lang) for so in c.POLITIE_SOORT]
    items = [
        (label(f, lang), label(so, lang), v.cell("politiecontacten", soort=so, vorm=f))
        for f in shown
        for so in c.POLITIE_SOORT
    ]
    title = _nl(lang, "Informatieve gesprekken mensenhandel", "Informative interviews on trafficking")
    alt = _alt(
        lang,
        "Staafdiagram van informatieve gesprekken en aangiftes per vorm: ",
        "Bar chart of interviews and complaints by form: ",
        (f"{f} {g.lower()}: {s.fmt(_shown(cell).value, lang)}" for f, g, cell in items),
    )
    out["charts"].append(
        grouped_chart(
            "politiecontacten",
            title,
            alt,
            items,
            groups,
            lang=lang,
            k=k,
            columns=(_nl(lang, "Vorm", "Form"), *groups),
            codes=[{VORM: form_of(f)} for f in shown for _ in c.POLITIE_SOORT],
        )
    )
    return out


def riec(years: dict[int, Values], year: int, region: Region, lang: str, k: int) -> dict:
    v = years[year]
    partner = _partner(region, "riec-casussen")
    cases = v.get("riec-casussen") if v.present("riec-casussen") else None
    prev, wording = _change(v, "riec-casussen")
    out: dict = {
        "delivered": cases is not None,
        "sentence": s.riec_sentence(year, cases, prev, wording, lang, partner, names.riec_partnership(region, lang)),
        "charts": [],
    }
    if cases is None:
        return out
    ranked = sorted(((code, _num(v, "riec-casussen", inbrenger=code)) for code in c.ORGANISATIE), key=lambda t: -t[1])
    out["inbrenger"] = s.inbrenger_sentence(
        cases, [(names.org_words(code, lang, region), n) for code, n in ranked if n], lang
    )
    pairs = _num(v, "riec-markten")  # from the riec-casussen delivery, delivered here
    out["note"] = s.markets_note(cases, pairs, lang)
    markets = [m for m in c.MARKTEN if v.get("riec-markten", markt=m)]
    startjaren = [combo[0] for combo in v.dimension_values("riec-casussen", ("startjaar",))]
    items = [(label(m, lang), sj, _num(v, "riec-markten", startjaar=sj, markt=m)) for m in markets for sj in startjaren]
    title = _nl(lang, "Casussen per jaar per criminele markt", "Cases per start year and criminal market")
    alt = _alt(
        lang,
        f"Gestapeld staafdiagram van de in {year} lopende casussen per criminele markt en startjaar: ",
        f"Stacked bar chart of the cases running in {year} by market and start year: ",
        (f"{m} {sj}: {n}" for m, sj, n in items),
    )
    out["charts"].append(
        stacked_chart(
            "riec-markten",
            title,
            alt,
            items,
            startjaren,
            lang=lang,
            columns=(_nl(lang, "Criminele markt", "Market"), *startjaren, _nl(lang, "Totaal", "Total")),
        )
    )
    partners = (
        [p for p in c.ORGANISATIE if any(v.get("riec-partners", markt=m, partner=p) for m in markets)]
        if v.present("riec-partners")
        else []
    )
    if partners:
        totals = sorted(partners, key=lambda p: -sum(_num(v, "riec-partners", markt=m, partner=p) for m in markets))
        items2 = [
            (label(m, lang), names.org_label(p, lang, region), _num(v, "riec-partners", markt=m, partner=p))
            for m in markets
            for p in totals
        ]
        title = _nl(lang, "Betrokken ketenpartners per criminele markt", "Chain partners involved per criminal market")
        alt = _alt(
            lang,
            "Tabelgrafiek van het aantal casussen per criminele markt (kolommen) en betrokken partner (rijen): ",
            "Grid of cases per market (columns) and partner involved (rows): ",
            (f"{m}, {p}: {n}" for m, p, n in items2 if n),
        )
        out["charts"].append(
            heatmap_chart(
                "riec-partners",
                title,
                alt,
                items2,
                [label(m, lang) for m in markets],
                [names.org_label(p, lang, region) for p in totals],
                lang=lang,
                columns=(_nl(lang, "Partner", "Partner"), *[label(m, lang) for m in markets]),
            )
        )
        top = [
            names.org_words(p, lang, region) if p != "gemeente" else _nl(lang, "gemeenten", "municipalities")
            for p in totals[:3]
        ]
        out["partners"] = _nl(
            lang,
            f"{s.join_words(top, lang)[:1].upper()}{s.join_words(top, lang)[1:]} zijn tijdens de informatiefase de meest betrokken partners.",
            f"{s.join_words(top, lang)[:1].upper()}{s.join_words(top, lang)[1:]} were the partners most involved in the information phase.",
        )
    return out


def rctm(years: dict[int, Values], year: int, region: Region, lang: str, k: int) -> dict:
    v = years[year]
    n = v.get("controles") if v.present("controles") else None
    out: dict = {
        "delivered": n is not None,
        "sentence": s.controles_sentence(
            year, n, lang, _partner(region, "controles"), names.called(region, "controles", lang)
        ),
        "charts": [],
    }
    if not n:
        return out
    items = [
        (label(b, lang), v.cell("controles", bevinding=b)) for b in c.BEVINDINGEN if v.get("controles", bevinding=b)
    ]
    if items:
        title = _nl(lang, f"Bevindingen bij de controles {year}", f"Findings of the inspections {year}")
        alt = _alt(
            lang,
            "Staafdiagram van het aantal controles per bevinding (een controle kan meer bevindingen hebben): ",
            "Bar chart of inspections by finding (an inspection can have several): ",
            (f"{lab}: {_shown(cell).value}" for lab, cell in items),
        )
        out["charts"].append(
            bar_chart(
                "controles-bevinding",
                title,
                alt,
                items,
                lang=lang,
                k=k,
                columns=(_nl(lang, "Bevinding", "Finding"), _nl(lang, "Controles", "Inspections")),
            )
        )
    return out


def registraties(years: dict[int, Values], year: int, region: Region, lang: str, k: int) -> dict | None:
    v = years[year]
    if not v.present("registraties"):
        return None
    names = {p.code: p.name for p in region.partners}
    aanleveraars = [combo[0] for combo in v.dimension_values("registraties", ("aanleverder",))]
    parts = [f"{names.get(a, a)}: {s.fmt(v.get('registraties', aanleverder=a), lang)}" for a in aanleveraars]
    sentence = (
        _nl(
            lang,
            f"In {year} registreerden andere partners samen {s.count(_num(v, 'registraties'), '(mogelijk) slachtoffer', '(mogelijke) slachtoffers')}",
            f"In {year} other partners registered {s.count(_num(v, 'registraties'), 'possible victim', 'possible victims', lang)}",
        )
        + f" ({'; '.join(parts)})."
    )
    out: dict = {"sentence": sentence, "charts": []}
    forms = [f for f in c.VORM if v.get("registraties", vorm=f)]
    if v.dimension_values("registraties", ("aanleverder", "vorm")) and forms:
        items = [
            (label(f, lang), a, v.cell("registraties", aanleverder=a, vorm=f)) for f in forms for a in aanleveraars
        ]
        title = _nl(lang, "Registraties per partner en vorm", "Registrations by partner and form")
        alt = _alt(
            lang,
            "Staafdiagram van de registraties per vorm en aanleverende partner: ",
            "Bar chart of registrations by form and partner: ",
            (
                f"{f} {a}: {s.fmt(_shown(cell).value, lang, suppressed=_shown(cell).suppressed, k=k)}"
                for f, a, cell in items
            ),
        )
        out["charts"].append(
            grouped_chart(
                "registraties",
                title,
                alt,
                items,
                aanleveraars,
                lang=lang,
                k=k,
                columns=(_nl(lang, "Vorm", "Form"), *aanleveraars),
                codes=[{VORM: form_of(f)} for f in forms for _ in aanleveraars],
            )
        )
    elif forms:  # the indicator publishes `vorm` alone: one series
        items1 = [(label(f, lang), v.cell("registraties", vorm=f)) for f in forms]
        title = _nl(lang, "Registraties per vorm", "Registrations by form")
        alt = _alt(
            lang,
            "Staafdiagram van de registraties van andere partners per vorm van uitbuiting: ",
            "Bar chart of registrations by other partners by form: ",
            (f"{f}: {s.fmt(_shown(cell).value, lang, suppressed=_shown(cell).suppressed, k=k)}" for f, cell in items1),
        )
        out["charts"].append(
            bar_chart(
                "registraties",
                title,
                alt,
                items1,
                lang=lang,
                k=k,
                columns=(_nl(lang, "Vorm", "Form"), _nl(lang, "Registraties", "Registrations")),
                codes=[{VORM: form_of(f)} for f in forms],
            )
        )
    return out


def aanpak(
    years: dict[int, Values],
    year: int,
    region: Region,
    lang: str,
    k: int,
    actions: list[dict] | None,
    initiatives: list[dict] | None,
) -> dict:
    v = years[year]
    out: dict = {
        "charts": [],
        "opgaven": [],
        "acties_delivered": v.present("acties"),
        "initiatieven_delivered": v.present("initiatieven"),
    }
    if not v.present("acties"):
        out["acties_sentence"] = s.not_delivered(
            _partner(region, "acties"), year, lang, _nl(lang, "het actieplan", "the action plan")
        )
    else:
        statuses = list(c.STATUS)
        items = [
            (f"{o}. {opgave_label(o, lang)}", label(st, lang), _num(v, "acties", opgave=str(o), status=st))
            for o in c.OPGAVEN
            for st in statuses
        ]
        n = _num(v, "acties")
        out["acties_sentence"] = (
            _nl(
                lang,
                f"Het regionaal actieplan telde in {year} {s.count(n, 'actie', 'acties')}",
                f"The regional action plan had {s.count(n, 'action', 'actions', lang)} in {year}",
            )
            + " ("
            + ", ".join(
                f"{s.fmt(v.get('acties', opgave=str(o)), lang)} {_nl(lang, 'bij opgave', 'under task')} {o}"
                for o in c.OPGAVEN
            )
            + ")."
        )
        title = _nl(lang, "Acties per opgave en status", "Actions per task and status")
        alt = _alt(
            lang,
            "Gestapeld staafdiagram van de acties per opgave naar status: ",
            "Stacked bar chart of actions per task by status: ",
            (f"{o} {st.lower()}: {n}" for o, st, n in items if n),
        )
        series = [label(st, lang) for st in statuses]
        out["charts"].append(
            stacked_chart(
                "acties",
                title,
                alt,
                items,
                series,
                lang=lang,
                colors=["#5b6b78", "#0072B2", "#007a5e", "#b04a00"],  # as the status labels: white text 4.5:1
                columns=(_nl(lang, "Opgave", "Task"), *series, _nl(lang, "Totaal", "Total")),
            )
        )
        for o in c.OPGAVEN:
            acts = [a for a in (actions or []) if int(a["opgave"]) == o]
            out["opgaven"].append(
                {
                    "nummer": o,
                    "titel": opgave_label(o, lang),
                    "acties": [
                        {"titel": a["titel"], "status": label(a["status"], lang), "code": a["status"]} for a in acts
                    ],
                }
            )
    if not v.present("initiatieven"):
        out["initiatieven_sentence"] = s.not_delivered(
            _partner(region, "initiatieven"), year, lang, _nl(lang, "lokale initiatieven", "local initiatives")
        )
        return with_loans(out, years, year, region, lang, k)
    places = [*region.municipality_names, c.REGIO]
    items4 = [
        (p if p != c.REGIO else _nl(lang, "Regionaal", "Regional"), v.cell("initiatieven", gemeente=p))
        for p in places
        if v.get("initiatieven", gemeente=p)
    ]
    n = _num(v, "initiatieven")
    none = [p for p in region.municipality_names if not v.get("initiatieven", gemeente=p)]
    towns = len([p for p in region.municipality_names if v.get("initiatieven", gemeente=p)])
    out["initiatieven_sentence"] = _nl(
        lang,
        f"In {year} zijn {s.count(n, 'lokaal initiatief', 'lokale initiatieven')} geregistreerd, verdeeld over {s.count(towns, 'gemeente', 'gemeenten')}"
        + (
            f" en {s.count(_num(v, 'initiatieven', gemeente=c.REGIO), 'regionaal initiatief', 'regionale initiatieven')}."
            if v.get("initiatieven", gemeente=c.REGIO)
            else "."
        ),
        f"In {year}, {s.count(n, 'local initiative was', 'local initiatives were', lang)} registered in {s.count(towns, 'municipality', 'municipalities', lang)}.",
    )
    if none:
        out["initiatieven_none"] = (
            _nl(
                lang,
                "Van deze gemeenten zijn geen initiatieven geregistreerd: ",
                "No initiatives were registered for: ",
            )
            + ", ".join(none)
            + "."
        )
    if items4:
        title = _nl(lang, "Lokale initiatieven per gemeente", "Local initiatives per municipality")
        alt = _alt(
            lang,
            "Staafdiagram van het aantal lokale initiatieven per gemeente: ",
            "Bar chart of local initiatives per municipality: ",
            (f"{p}: {_shown(cell).value}" for p, cell in items4),
        )
        out["charts"].append(
            bar_chart(
                "initiatieven",
                title,
                alt,
                items4,
                lang=lang,
                k=k,
                columns=(_nl(lang, "Gemeente", "Municipality"), _nl(lang, "Initiatieven", "Initiatives")),
            )
        )
    out["initiatieven"] = initiatives or []
    return with_loans(out, years, year, region, lang, k)
