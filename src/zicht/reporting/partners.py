"""How the monitor, the dashboard and a municipality's page name the region's partners.

Every partner name, abbreviation and section text comes from the region configuration
(`[[partners]]`: `name`, `short`, `called`, `[partners.sections.<dataset>]`); where a region gives none,
the dataset's neutral words are used ("het meldpunt", "de politie", "het RIEC", "het controleteam").
So nothing region-specific lives in code. Pure: no Django.
"""

from __future__ import annotations

from zicht.region import Partner, Region
from zicht.reporting.labels import org_label as _org_label
from zicht.reporting.labels import org_words as _org_words

# How a sentence names the deliverer of a dataset when the region gives no `called`: (nl, en); the RIEC
# goes by the region's abbreviation (`SHORT`).
CALLED = {
    "meldingen": ("het meldpunt", "the hotline"),
    "trajecten": ("de zorgorganisatie", "the care organisation"),
    "politiecontacten": ("de politie", "the police"),
    "controles": ("het controleteam", "the inspection team"),
}
# The abbreviation in labels when the region gives no `short` (most labels then go without one).
SHORT = {"riec-casussen": "RIEC"}
# The `organisatie` codes (delivery format) that stand for one of the region's own partners: the words
# for them are those of the partner delivering that dataset.
ORGANISATIE_PARTNER = {"ESSM": "meldingen", "RIEC": "riec-casussen"}
# A partner's label in a chart (`organisatie` codes above) when the region gives no `short`.
ORG_LABEL = {"meldingen": ("Meldpunt", "Hotline"), "riec-casussen": ("RIEC", "RIEC")}


def _nl(lang: str, nl: str, en: str) -> str:
    return nl if lang == "nl" else en


def partner(region: Region, dataset: str) -> Partner | None:
    """The (first) partner the region lets deliver `dataset`, or None."""
    return next((p for p in region.partners if dataset in p.datasets), None)


def short(region: Region, dataset: str, lang: str = "nl") -> str:
    """The deliverer's abbreviation in labels ("ESSM"), or the neutral one, or ""."""
    p = partner(region, dataset)
    return (p.word("short", lang) if p else "") or SHORT.get(dataset, "")


def tag(region: Region, dataset: str, lang: str = "nl") -> str:
    """` (ESSM)` after a label, or "" when the region gives no abbreviation."""
    text = short(region, dataset, lang)
    return f" ({text})" if text else ""


def called(region: Region, dataset: str, lang: str = "nl") -> str:
    """How a sentence names the deliverer, with its article: "het ESSM", or "het meldpunt"."""
    p = partner(region, dataset)
    given = p.word("called", lang) if p else ""
    if given:
        return given
    if dataset == "riec-casussen":  # the RIEC under the region's abbreviation: "het RIEC"
        name = short(region, dataset, lang)
        return _nl(lang, f"het {name}", f"the {name}")
    nl, en = CALLED.get(dataset, ("de partner", "the partner"))
    return _nl(lang, nl, en)


def subject(region: Region, dataset: str, lang: str = "nl") -> str:
    """The deliverer as the subject of a sentence on a missing delivery: its `called`, else its code."""
    p = partner(region, dataset)
    text = (p.word("called", lang) if p else "") or (p.code if p else dataset)
    return text[:1].upper() + text[1:]


def riec_partnership(region: Region, lang: str = "nl") -> str:
    """ "het RIEC-samenwerkingsverband" / "the RIEC partnership", with the region's abbreviation."""
    name = short(region, "riec-casussen", lang)
    return _nl(lang, f"het {name}-samenwerkingsverband", f"the {name} partnership")


def _default_section(region: Region, dataset: str, lang: str) -> dict[str, str]:
    t = tag(region, dataset, lang)
    if dataset == "meldingen":
        return {
            "title": _nl(lang, f"Regionale cijfers van het meldpunt{t}", f"Regional figures of the hotline{t}"),
            "description": _nl(
                lang,
                "Bij het meldpunt kan men terecht met vermoedens van mensenhandel of om uitbuitingssituaties te "
                "melden.",
                "Anyone can bring suspicions of trafficking or situations of exploitation to the hotline.",
            ),
        }
    if dataset == "politiecontacten":
        return {"title": _nl(lang, f"Regionale cijfers van de politie{t}", f"Regional figures of the police{t}")}
    if dataset == "riec-casussen":
        name = short(region, dataset, lang)
        return {
            "title": _nl(
                lang, f"Regionale cijfers {name}-samenwerkingsverband", f"Regional figures of the {name} partnership"
            ),
            "description": _nl(
                lang,
                f"Het {name}-samenwerkingsverband heeft als doel daders en faciliteerders vroegtijdig te signaleren "
                "en zo effectief en duurzaam mogelijk te stoppen, door cruciale schakels te frustreren en "
                "financiële processen te ontwrichten.",
                f"The {name} partnership aims to detect perpetrators and facilitators early and stop them by "
                "disrupting crucial links and financial processes.",
            ),
        }
    if dataset == "controles":
        return {
            "title": _nl(
                lang, f"Regionale cijfers van het controleteam{t}", f"Regional figures of the inspection team{t}"
            ),
            "description": _nl(
                lang,
                "Het controleteam voert de controles in de sekswerkbranche uit.",
                "The inspection team inspects the sex industry.",
            ),
        }
    return {}


def section(region: Region, dataset: str, lang: str = "nl") -> dict[str, str]:
    """A section's heading (`title`), its line in the contents (`toc`) and the paragraph under the heading
    (`description`): the region's own, else the dataset's neutral text."""
    p = partner(region, dataset)
    default = _default_section(region, dataset, lang)
    out = {
        name: (p.section_text(dataset, name, lang) if p else "") or default.get(name, "")
        for name in ("title", "description")
    }
    out["toc"] = (p.section_text(dataset, "toc", lang) if p else "") or out["title"]
    return out


def sections(region: Region, lang: str = "nl") -> dict[str, dict[str, str]]:
    return {d: section(region, d, lang) for d in ("meldingen", "politiecontacten", "riec-casussen", "controles")}


def org_words(code: str, lang: str, region: Region) -> str:
    """An `organisatie` code in a sentence: the region's partner where the code stands for one."""
    if code in ORGANISATIE_PARTNER:
        return called(region, ORGANISATIE_PARTNER[code], lang)
    return _org_words(code, lang)


def org_label(code: str, lang: str, region: Region) -> str:
    """An `organisatie` code in a chart: the region's abbreviation where the code stands for a partner."""
    if code in ORGANISATIE_PARTNER:
        dataset = ORGANISATIE_PARTNER[code]
        p = partner(region, dataset)
        nl, en = ORG_LABEL[dataset]
        return (p.word("short", lang) if p else "") or _nl(lang, nl, en)
    return _org_label(code, lang)


def figure_label(region: Region, key: str, lang: str = "nl") -> str:
    """The name of a key figure (the monitor's table, the dashboard's cards and trends, a municipality's
    page): `meldingen`, `trajecten`, `informatief-gesprek`, `aangifte`, `politiecontacten`, `riec-casussen`,
    `controles`, `controles-van`."""
    if key == "meldingen":
        t = tag(region, "meldingen", lang)
        return _nl(lang, f"Meldingen bij het meldpunt{t}", f"Reports to the hotline{t}")
    if key == "trajecten":
        t = tag(region, "trajecten", lang)
        return _nl(lang, f"Cliënten begeleid{t}", f"Clients guided{t}")
    t = tag(region, "politiecontacten", lang)
    if key == "informatief-gesprek":
        return _nl(lang, f"Informatieve gesprekken{t}", f"Informative interviews{t}")
    if key == "aangifte":
        return _nl(lang, f"Aangiftes mensenhandel{t}", f"Formal complaints{t}")
    if key == "politiecontacten":
        return _nl(lang, f"Informatieve gesprekken en aangiftes{t}", f"Interviews and formal complaints{t}")
    if key == "riec-casussen":
        name = short(region, "riec-casussen", lang)
        return _nl(lang, f"Casussen {name}", f"{name} cases")
    if key == "controles":
        name = short(region, "controles", lang)
        if name:
            return _nl(lang, f"Controles {name}", f"{name} inspections")
        return _nl(lang, "Controles van het controleteam", "Inspections by the inspection team")
    if key == "controles-van":
        return _nl(
            lang,
            f"Controles van {called(region, 'controles', 'nl')}",
            f"Inspections by {called(region, 'controles', 'en')}",
        )
    raise KeyError(key)


def trend_titles(region: Region) -> dict[str, tuple[str, str]]:
    """{indicator: (nl, en)}: the dashboard's trend titles that name a partner."""
    keys = {i: i for i in ("meldingen", "trajecten", "politiecontacten", "riec-casussen", "controles")}
    return {i: (figure_label(region, key, "nl"), figure_label(region, key, "en")) for i, key in keys.items()}
