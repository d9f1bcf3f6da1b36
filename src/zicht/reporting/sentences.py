"""The generated sentences of the monitor, in the seed's register (Dutch) and in English.

Pure functions over numbers. `None` means "not delivered" and is never written as zero; a value that
disclosure control suppressed is shown as `<k` by `fmt` and never reaches a sentence as a number.
"""

from __future__ import annotations

from zicht.indicators.wording import WORDS_EN


def _wording_en(wording: str) -> str:
    """The English wording as a sentence needs it: "a slight increase", "an increase", "about the same"."""
    words = WORDS_EN.get(wording, wording)
    if words.startswith("about"):
        return words
    return ("an " if words[0] in "aeiou" else "a ") + words


def fmt(value: int | float | None, lang: str = "nl", *, suppressed: bool = False, k: int = 5) -> str:
    """A count as printed: `1.334` (nl) or `1,334` (en); `<5` when suppressed; `–` when absent."""
    if suppressed:
        return f"<{k}"
    if value is None:
        return "–"
    if isinstance(value, float) and not value.is_integer():
        text = f"{value:,.1f}"
    else:
        text = f"{int(value):,}"
    if lang == "nl":
        text = text.replace(",", "_").replace(".", ",").replace("_", ".")
    return text


def _regio_subject(regio: int, centrum: int) -> str:
    """The subject of the seed's sentence on the rest of the region ("Een kleiner aantal van 44 meldingen was")."""
    if regio == 0:
        return "Geen enkele melding was"
    if regio == 1:
        return "Eén melding was"
    size = "Een kleiner aantal van" if regio < centrum else "Een aantal van"  # "kleiner" only when it is
    return f"{size} {fmt(regio)} meldingen was"


def count(n: int, one: str, many: str, lang: str = "nl") -> str:
    """`1 melding`, `179 meldingen`."""
    return f"{fmt(n, lang)} {one if n == 1 else many}"


def join_words(items: list[str], lang: str = "nl", last: str | None = None) -> str:
    """`a, b en c` / `a, b and c`."""
    items = [i for i in items if i]
    last = last or ("en" if lang == "nl" else "and")
    if len(items) <= 1:
        return "".join(items)
    return f"{', '.join(items[:-1])} {last} {items[-1]}"


def not_delivered(partner: str, year: int, lang: str = "nl", what: str | None = None) -> str:
    """The sentence for a dataset without a delivery: never a zero."""
    if lang == "en":
        about = f" on {what}" if what else ""
        return f"{partner} has not delivered any data{about} for {year}."
    about = f" over {what}" if what else ""
    return f"{partner} heeft over {year} geen gegevens{about} aangeleverd."


def change_sentence(wording: str | None, previous: int | None, prev_year: int, prev_text: str, lang: str = "nl") -> str:
    """`Dit is een lichte stijging ten opzichte van 2023 (130 keer).` and its edge cases."""
    if previous is None:
        if lang == "en":
            return f"There are no figures for {prev_year} to compare with."
        return f"Over {prev_year} zijn geen cijfers beschikbaar om mee te vergelijken."
    if previous == 0 or wording is None:
        return f"In {prev_year} this was {prev_text}." if lang == "en" else f"In {prev_year} was dit {prev_text}."
    if wording == "nagenoeg gelijk":
        if lang == "en":
            return f"This is about the same as in {prev_year} ({prev_text})."
        return f"Dit is nagenoeg gelijk aan {prev_year} ({prev_text})."
    if lang == "en":
        return f"This is {_wording_en(wording)} compared with {prev_year} ({prev_text})."
    return f"Dit is een {wording} ten opzichte van {prev_year} ({prev_text})."


def times(n: int, lang: str = "nl") -> str:
    if lang == "en":
        return "once" if n == 1 else f"{fmt(n, lang)} times"
    return f"{fmt(n, lang)} keer"


def hotline_sentence(
    year: int,
    value: int | None,
    previous: int | None,
    wording: str | None,
    lang: str = "nl",
    partner: str = "Het meldpunt",
) -> str:
    """`In 2024 is 179 keer het meldpunt benaderd. Dit is een lichte stijging …`; `partner` who delivers (the
    region's code, for a missing delivery)."""
    if value is None:
        return not_delivered(partner, year, lang, "het meldpunt" if lang == "nl" else "the hotline")
    if lang == "en":
        first = (
            f"In {year} nobody contacted the hotline."
            if value == 0
            else f"In {year} the hotline was contacted {times(value, lang)}."
        )
    else:
        first = (
            f"In {year} is het meldpunt niet benaderd."
            if value == 0
            else f"In {year} is {times(value)} het meldpunt benaderd."
        )
    prev_text = times(previous, lang) if previous is not None else ""
    if previous == 0:
        prev_text = "not once" if lang == "en" else "geen enkele keer"
    return f"{first} {change_sentence(wording, previous, year - 1, prev_text, lang)}"


def herkomst_sentences(
    year: int, centrum: int, regio: int, onbekend: int, buiten: int, central: str, region_name: str, lang: str = "nl"
) -> list[str]:
    """Where the reports came from, in words (the seed's paragraph)."""
    if lang == "en":
        return [
            f"Of the reports in {year}, {fmt(centrum, lang)} concerned the municipality of {central}.",
            f"{count(regio, 'report', 'reports', lang).capitalize()} came from other municipalities in {region_name}.",
            f"For {count(onbekend, 'report', 'reports', lang)} the municipality was not known, but the context showed it was in the region.",
            f"{count(buiten, 'report', 'reports', lang).capitalize()} came from a municipality outside the region.",
        ]
    out = [
        f"Van de meldingen in {year} {'had' if centrum == 1 else 'hadden'} er {fmt(centrum)} betrekking op de gemeente {central}.",
        f"{_regio_subject(regio, centrum)} afkomstig uit andere gemeenten binnen de {region_name}.",
    ]
    if onbekend:
        out.append(
            f"Bij {count(onbekend, 'melding', 'meldingen')} werd niet bekend uit welke gemeente de melder precies afkomstig was, "
            "maar uit de context bleek dat het hierbij wel om een gemeente uit de regio ging."
        )
    if buiten == 0:
        out.append("Geen enkele melding was afkomstig uit een gemeente buiten de regio.")
    else:
        out.append(f"{count(buiten, 'melding was', 'meldingen waren')} afkomstig uit een gemeente buiten de regio.")
    return out


def clients_bullet(
    rubriek_label: str, old: int, new: int, year: int, lang: str = "nl", preventive: bool = False
) -> str:
    """`115 cliënten op het gebied van seksuele uitbuiting (38 doorlopend vanuit 2023, 77 nieuwe trajecten gestart in 2024)`."""
    total = old + new
    if lang == "en":
        detail = f"({fmt(old, lang)} continuing from {year - 1}, {count(new, 'new trajectory', 'new trajectories', lang)} started in {year})"
        if preventive:
            return f"{count(total, 'preventive trajectory', 'preventive trajectories', lang)} to prevent any form of exploitation {detail}"
        return f"{count(total, 'client', 'clients', lang)} concerning {rubriek_label} {detail}"
    detail = f"({fmt(old)} doorlopend vanuit {year - 1}, {count(new, 'nieuw traject', 'nieuwe trajecten')} gestart in {year})"
    if preventive:
        verb = "traject is" if total == 1 else "trajecten zijn"
        return f"{fmt(total)} {verb} preventief gestart ter voorkoming van enige vorm van uitbuiting {detail}"
    return f"{count(total, 'cliënt', 'cliënten')} op het gebied van {rubriek_label} {detail}"


def _cap(text: str) -> str:
    return text[:1].upper() + text[1:]


def clients_sentence(
    year: int, total: int | None, lang: str = "nl", partner: str = "De zorgorganisatie", called: str | None = None
) -> str:
    """`Het ESSM heeft in 2024 …`: `partner` the code (for a missing delivery), `called` the region's words."""
    if total is None:
        return not_delivered(partner, year, lang, "cliënten" if lang == "nl" else "clients")
    who = called or ("the care organisation" if lang == "en" else "de zorgorganisatie")
    if lang == "en":
        return f"In {year} {who} guided {count(total, 'client', 'clients', lang)} who were victims of trafficking or at serious risk of it; for the latter, preventive trajectories were started."
    return (
        f"{_cap(who)} heeft in {year} {count(total, 'cliënt', 'cliënten')} begeleid die ofwel slachtoffer waren van mensenhandel "
        "ofwel hier ernstig risico toe liepen. In dat laatste geval is men preventieve trajecten gestart."
    )


def trend_sentence(label: str, series: list[tuple[int, int | None]], lang: str = "nl") -> str:
    """`Eerdere jaren: 2023: 148; 2022: 143.` (not-delivered years said so)."""
    parts = []
    for year, value in series:
        shown = fmt(value, lang) if value is not None else ("niet aangeleverd" if lang == "nl" else "not delivered")
        parts.append(f"{year}: {shown}")
    if not parts:
        return ""
    return f"{label} {'; '.join(parts)}."


def riec_sentence(
    year: int,
    cases: int | None,
    previous: int | None,
    wording: str | None,
    lang: str = "nl",
    partner: str = "RIEC",
    partnership: str | None = None,
) -> str:
    """`In 2024 werden er binnen het RIEC-samenwerkingsverband 11 casussen gedraaid … (toen 4)`; `partnership`
    the region's words for it (default: the RIEC's)."""
    if cases is None:
        return not_delivered(partner, year, lang, "casussen" if lang == "nl" else "cases")
    within = partnership or ("the RIEC partnership" if lang == "en" else "het RIEC-samenwerkingsverband")
    if lang == "en":
        first = f"In {year} {within} ran {count(cases, 'case', 'cases', lang)} in which human trafficking or smuggling played a part."
        prev_text = f"then {fmt(previous, lang)}" if previous is not None else ""
    else:
        verb = "werd" if cases == 1 else "werden"
        first = (
            f"In {year} {verb} er binnen {within} {count(cases, 'casus', 'casussen')} gedraaid, "
            "waarbij het thema mensenhandel en -smokkel van toepassing was."
        )
        prev_text = f"toen {fmt(previous)}" if previous is not None else ""
    return f"{first} {change_sentence(wording, previous, year - 1, prev_text, lang)}"


def markets_note(cases: int, pairs: int, lang: str = "nl") -> str | None:
    """The NB note when a case counts in two markets (pairs exceed cases)."""
    if pairs <= cases:
        return None
    if lang == "en":
        return f"NB: because some cases carry more than one criminal market, the charts per market add up to {fmt(pairs, lang)} instead of {fmt(cases, lang)} cases."
    return (
        f"NB: Omdat binnen een of meer casussen meer dan één criminele markt is meegegeven, is er in de visualisaties "
        f"sprake van een totaal van {fmt(pairs)} casussen (in plaats van {fmt(cases)})."
    )


# The inbrenger sentence's parts per language: case and instance words, the three clauses, "or".
_INBRENGER = {
    "nl": (
        ("casus", "casussen"),
        ("geval", "gevallen"),
        "Van de {cases} was {who} in {n} inbrenger van het signaal.",
        "In {n} was {who} inbrenger.",
        "In de overige {n} was er sprake van een signaal vanuit {who}.",
        "of",
    ),
    "en": (
        ("case", "cases"),
        ("case", "cases"),
        "Of the {cases}, {who} brought in the signal in {n}.",
        "In {n} it was {who}.",
        "In the remaining {n} the signal came from {who}.",
        "or",
    ),
}


def inbrenger_sentence(cases: int, ranked: list[tuple[str, int]], lang: str = "nl") -> str:
    """`Van de 11 casussen was de politie in 5 gevallen inbrenger … in de overige 4 gevallen …`.

    `ranked`: (name with article, count) for each inbrenger with a count > 0, largest first."""
    if not ranked or cases == 0:
        return ""
    case, instance, first, second, others, either = _INBRENGER["en" if lang == "en" else "nl"]
    head, rest = ranked[:2], ranked[2:]
    parts = [first.format(cases=count(cases, *case, lang), who=head[0][0], n=count(head[0][1], *instance, lang))]
    if len(head) > 1:
        parts.append(second.format(who=head[1][0], n=count(head[1][1], *instance, lang)))
    if rest:
        n = sum(v for _, v in rest)
        parts.append(others.format(n=count(n, *instance, lang), who=join_words([r[0] for r in rest], lang, either)))
    return " ".join(parts)


def controles_sentence(
    year: int, n: int | None, lang: str = "nl", partner: str = "Het controleteam", called: str | None = None
) -> str:
    """`In 2024 heeft het RCTM 19 controles uitgevoerd …`; `called` the region's words for the team."""
    if n is None:
        return not_delivered(partner, year, lang, "controles" if lang == "nl" else "inspections")
    who = called or ("the inspection team" if lang == "en" else "het controleteam")
    if lang == "en":
        return f"In {year} {who} carried out {count(n, 'inspection', 'inspections', lang)} on various days and at various times."
    if n == 0:
        return f"In {year} heeft {who} geen controles uitgevoerd."
    return f"In {year} heeft {who} {count(n, 'controle', 'controles')} uitgevoerd op diverse dagen en tijden door het jaar heen."


def national_sentence(
    year: int, value: int | None, previous: int | None, wording: str | None, lang: str = "nl", partner: str = "De regio"
) -> str:
    """`In 2024 zijn landelijk … geregistreerd (CoMensha).`; `partner` who delivers the national figures."""
    if value is None:
        return not_delivered(partner, year, lang, "de landelijke cijfers" if lang == "nl" else "the national figures")
    if lang == "en":
        first = f"In {year}, {count(value, 'possible victim', 'possible victims', lang)} of trafficking were registered nationally (CoMensha)."
    else:
        first = f"In {year} zijn landelijk {count(value, '(mogelijk) slachtoffer', '(mogelijke) slachtoffers')} van mensenhandel geregistreerd (CoMensha)."
    return f"{first} {change_sentence(wording, previous, year - 1, fmt(previous, lang) if previous is not None else '', lang)}"
