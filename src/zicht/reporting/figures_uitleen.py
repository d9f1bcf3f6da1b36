"""Chapter 3: the loans of the region's awareness materials (VR headsets, the *Koffer Verkeerd*).

From the indicators `uitleningen` and `uitleningen-bereik` only (the `uitleningen` delivery that the web
application keeps, decision 0007), so the public edition shows what passed the disclosure gate. Same
shape as `figures.py`: a plain dict with its sentences and `charts`; `figures_chain.aanpak` adds it.
"""

from __future__ import annotations

from zicht.region import Region
from zicht.reporting import sentences as s
from zicht.reporting.charts import stacked_chart
from zicht.reporting.figures import _alt, _change, _nl, _num, _partner
from zicht.reporting.partners import org_label, org_words
from zicht.reporting.values import Values
from zicht.schema import catalogue
from zicht.schema import codes as c


def with_loans(out: dict, years: dict[int, Values], year: int, region: Region, lang: str, k: int) -> dict:
    """Chapter 3's block with the loans added (their chart after the chapter's others)."""
    out["uitleen"] = uitleen(years, year, region, lang, k)
    out["charts"].extend(out["uitleen"]["charts"])
    return out


def _names(region: Region, lang: str) -> dict[str, str]:
    return {m.code: m.name(lang) for m in catalogue.materials(region)}


def uitleen(years: dict[int, Values], year: int, region: Region, lang: str, k: int) -> dict:
    v = years[year]
    if not v.present("uitleningen"):
        return {
            "delivered": False,
            "sentence": s.not_delivered(
                _partner(region, "uitleningen"),
                year,
                lang,
                _nl(lang, "uitleningen van bewustwordingsmateriaal", "loans of awareness materials"),
            ),
            "charts": [],
        }
    names = _names(region, lang)
    total = _num(v, "uitleningen")
    materials = [code for (code,) in v.dimension_values("uitleningen", ("materiaal",))]
    used = [
        (names.get(m, m), _num(v, "uitleningen", materiaal=m)) for m in materials if v.get("uitleningen", materiaal=m)
    ]
    parts = [f"{_nl(lang, 'de ', 'the ')}{name} {s.times(n, lang)}" for name, n in used]
    sentence = _nl(
        lang,
        f"In {year} is het bewustwordingsmateriaal van de regio {s.times(total)} uitgeleend",
        f"In {year} the region's awareness materials were lent {s.times(total, lang)}",
    ) + (f": {s.join_words(parts, lang)}." if len(used) > 1 else ".")
    prev, wording = _change(v, "uitleningen")
    if prev is not None:
        sentence += " " + s.change_sentence(wording, prev, year - 1, s.times(prev, lang), lang)
    out: dict = {"delivered": True, "sentence": sentence, "charts": []}
    towns = [p for p in region.municipality_names if v.get("uitleningen", gemeente=p)]
    others = [o for o in c.ORGANISATIE if o != "gemeente" and v.get("uitleningen", organisatie=o)]
    if towns or others:
        who = []
        if towns:
            who.append(
                _nl(
                    lang,
                    "de gemeenten " if len(towns) > 1 else "de gemeente ",
                    "the municipalities " if len(towns) > 1 else "the municipality ",
                )
                + s.join_words(towns, lang)
            )
        who += [org_words(o, lang, region) for o in others]
        out["borrowers"] = (
            _nl(lang, "Het materiaal werd geleend door ", "The materials were borrowed by ")
            + s.join_words(who, lang)
            + "."
        )
    if v.present("uitleningen-bereik") and v.get("uitleningen-bereik"):
        reach = _num(v, "uitleningen-bereik")
        out["reach"] = _nl(
            lang,
            f"Samen bereikten de uitleningen ten minste {s.count(reach, 'persoon', 'mensen')}, zoals na het "
            "terugbrengen genoteerd.",
            f"Together the loans reached at least {s.count(reach, 'person', 'people', lang)}, as noted after their "
            "return.",
        )
    organisations = [o for o in c.ORGANISATIE if v.get("uitleningen", organisatie=o)]
    if used and organisations:
        series = [name for name, _ in used]
        items = [
            (org_label(o, lang, region), names.get(m, m), _num(v, "uitleningen", materiaal=m, organisatie=o))
            for o in organisations
            for m in materials
            if v.get("uitleningen", materiaal=m)
        ]
        title = _nl(
            lang, f"Uitleningen {year} per organisatie en materiaal", f"Loans {year} by organisation and material"
        )
        alt = _alt(
            lang,
            "Gestapeld staafdiagram van de uitleningen per lenende organisatie en materiaal: ",
            "Stacked bar chart of the loans by borrowing organisation and material: ",
            (f"{o} {m}: {n}" for o, m, n in items if n),
        )
        out["charts"].append(
            stacked_chart(
                "uitleningen",
                title,
                alt,
                items,
                series,
                lang=lang,
                colors=["#0072B2", "#E69F00", "#009E73", "#CC79A7"][: len(series)],
                columns=(_nl(lang, "Organisatie", "Organisation"), *series, _nl(lang, "Totaal", "Total")),
            )
        )
    return out
