"""The section "Hoeveel slachtoffers zien we niet?": the estimate, its sensitivity across models and
the overlap between the lists, as sentences and charts (spec/estimation.md, issue 4 part 5).

Shown only where estimable; in the public edition only where the region allows, and then every
overlap count of people passes `zicht.disclosure`.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from zicht.reporting import sentences as s
from zicht.reporting.estimate_charts import CLEARLY_WORSE_BIC, interval_chart, overlap_chart, sensitivity_chart

if TYPE_CHECKING:
    from zicht.reporting.context import ReportData


def _overlap(est: Mapping[str, Any]) -> dict:
    """The lists' overlap (`linkage.overlap_summary`'s shape), from the estimate's own table if absent."""
    if est.get("overlap"):
        return est["overlap"]
    lists, table = est["lists"], est.get("table", ())
    per_list = [sum(r["count"] for r in table if r["history"][i]) for i in range(len(lists))]
    pairs = [
        {"lists": [lists[i], lists[j]], "count": sum(r["count"] for r in table if r["history"][i] and r["history"][j])}
        for i in range(len(lists))
        for j in range(i + 1, len(lists))
    ]
    multi = sum(r["count"] for r in table if sum(r["history"]) > 1)
    return {
        "observed": est["observed"],
        "lists": [{"list": name, "count": n} for name, n in zip(lists, per_list, strict=True)],
        "pairs": pairs,
        "on_more_lists": multi,
    }


def _overlap_shown(overlap: dict, lang: str, public: bool, k: int) -> dict | None:
    """The overlap counts as printed. They count people: in the public edition every count from 1 to k-1
    is hidden (`<k`) by the disclosure gate, with the pairs as one group (with three lists their sum
    follows from the published totals); when the gate cannot protect them, nothing is shown."""
    lists = [e["list"] for e in overlap["lists"]]
    index = {name: i for i, name in enumerate(lists)}
    values = (
        [e["count"] for e in overlap["lists"]] + [p["count"] for p in overlap["pairs"]] + [overlap["on_more_lists"]]
    )
    hidden: frozenset[int] = frozenset()
    suppressed = ""
    if public:
        from zicht.disclosure import format_value, suppress_cells  # the gate; fail closed if it is missing

        pair_cells = list(range(len(lists), len(lists) + len(overlap["pairs"])))
        decision = suppress_cells(values, [pair_cells] if pair_cells else [], k)
        if decision.exposed_groups or decision.recoverable:
            return None
        hidden = decision.suppressed
        suppressed = format_value(None, k)
    shown = [suppressed if i in hidden else s.fmt(v, lang) for i, v in enumerate(values)]
    n = len(lists)
    pairs = {}
    for m, p in enumerate(overlap["pairs"]):
        i, j = sorted((index[p["lists"][0]], index[p["lists"][1]]))
        pairs[(i, j)] = shown[n + m] if n + m in hidden else p["count"]
    return {
        "lists": lists,
        "totals": [shown[i] if i in hidden else values[i] for i in range(n)],
        "pairs": pairs,
        "rows": [{"name": name, "n": shown[i]} for i, name in enumerate(lists)],
        "multi": shown[-1],
        "suppressed": len(hidden),
    }


def _model_words(model: str, minus_infinity: list[str], lists: list[str], lang: str) -> str:
    """`[13,2,4]` as words: the pairs of lists the model lets see the same people more (or less) often
    than chance, e.g. `ESSM–ZORGCOORDINATIE`; none: `geen samenhang`."""
    t = len(lists)
    sep = "." if t > 9 else ""

    def names(term: str) -> str:
        numbers = term.split(".") if sep else list(term)
        return "–".join(lists[int(x) - 1] for x in numbers)

    terms = [x for x in model.strip("[]").split(",") if len(x.split(".") if sep else x) > 1]
    words = ", ".join(names(x) for x in terms) or ("geen samenhang" if lang == "nl" else "no dependence")
    never = [names(x.strip("[]")) for x in minus_infinity]
    if never:
        words += (" (nooit samen: " if lang == "nl" else " (never together: ") + ", ".join(never) + ")"
    return words


def _sensitivity(est: Mapping[str, Any], lang: str, ci: Mapping[str, Any]) -> tuple[str, object] | None:

    rows = est.get("sensitivity") or []
    if len(rows) < 2:
        return None
    lists, nl = est["lists"], lang == "nl"
    best = min(r["bic"] for r in rows)
    models = [{**r, "label": _model_words(r["model"], r.get("minus_infinity", []), lists, lang)} for r in rows]
    close = [r["estimate"] for r in rows if r["bic"] - best <= CLEARLY_WORSE_BIC]
    lo, hi = s.fmt(round(min(close)), lang), s.fmt(round(max(close)), lang)
    worse = sum(1 for r in rows if not r["selected"] and r["bic"] - best > CLEARLY_WORSE_BIC)
    # A fixed (or stepwise) model can fit clearly worse than the best: then say so, not "almost as well".
    outfit = any(r["selected"] and r["bic"] - best > CLEARLY_WORSE_BIC for r in rows)
    if nl:
        sentence = (
            f"Andere modellen passen duidelijk beter bij de overlap; zij komen uit tussen {lo} en {hi}."
            if outfit
            else f"Met andere, bijna even passende modellen komt de schatting tussen {lo} en {hi} uit."
        )
        if worse:
            sentence += (
                " Eén model past duidelijk slechter en telt daarom niet mee."
                if worse == 1
                else f" Nog {worse} modellen passen duidelijk slechter en tellen daarom niet mee."
            )
        title = "Schatting per model: hoe gevoelig is de uitkomst?"
        alt = (
            f"Puntdiagram: de geschatte totalen van {len(rows)} modellen, van {s.fmt(round(min(r['estimate'] for r in rows)))} "
            f"tot {s.fmt(round(max(r['estimate'] for r in rows)))}; het gekozen model schat {s.fmt(round(est['estimate']))}, "
            f"geregistreerd zijn {s.fmt(est['observed'])} personen."
        )
        note = (
            "Elk punt is de schatting van één model; bij elk model staan de paren registraties die het vaker (of "
            "minder vaak) dezelfde personen laat zien dan toeval. Bovenaan het best passende model (laagste BIC). "
            "Het gekozen model staat er met zijn interval. Stippellijn: het aantal geregistreerde personen."
            + (" Open punt: een model dat duidelijk slechter past (BIC meer dan 10 hoger)." if worse else "")
        )
    else:
        sentence = (
            f"Other models fit the overlap clearly better; they give between {lo} and {hi}."
            if outfit
            else f"With other models that fit almost as well, the estimate lies between {lo} and {hi}."
        )
        if worse:
            sentence += (
                " One more model fits clearly worse and is not counted."
                if worse == 1
                else f" {worse} more models fit clearly worse and are not counted."
            )
        title = "Estimate per model: how sensitive is the result?"
        alt = (
            f"Dot plot: the estimated totals of {len(rows)} models, from {s.fmt(round(min(r['estimate'] for r in rows)), lang)} "
            f"to {s.fmt(round(max(r['estimate'] for r in rows)), lang)}; the selected model estimates "
            f"{s.fmt(round(est['estimate']), lang)}, {s.fmt(est['observed'], lang)} people are registered."
        )
        note = (
            "Each dot is one model's estimate; with each model, the pairs of registrations it lets see the same "
            "people more (or less) often than chance. Best fit (lowest BIC) at the top. The selected model is shown "
            "with its interval. Dashed line: the registered number."
            + (" Open dot: a model that fits clearly worse (BIC more than 10 higher)." if worse else "")
        )
    chart = sensitivity_chart(
        "schatting-modellen", title, alt, models, est["observed"], lang=lang, low=ci.get("low"), high=ci.get("high")
    )
    chart.note = note
    return sentence, chart


def _overlap_chart(shown: dict, lang: str):

    lists = shown["lists"]
    if lang == "nl":
        title = "Welke registraties zien dezelfde personen?"
        alt = (
            f"Raster van {len(lists)} registraties ({s.join_words(lists)}): op de diagonaal het aantal personen per "
            "registratie, daaronder het aantal personen dat op beide registraties van het paar staat."
        )
        note = "Diagonaal: personen op de registratie. Daaronder: personen op beide registraties (ook als ze op nog meer staan)."
    else:
        title = "Which registrations see the same people?"
        alt = (
            f"Grid of {len(lists)} registrations ({s.join_words(lists, lang)}): on the diagonal the people on each "
            "registration, below it the people on both registrations of the pair."
        )
        note = "Diagonal: people on the registration. Below: people on both registrations (whatever else they are on)."
    chart = overlap_chart("schatting-overlap", title, alt, lists, shown["totals"], shown["pairs"], lang=lang)
    chart.note = note
    return chart


def estimate_block(data: ReportData, lang: str, public: bool, k: int) -> dict | None:
    """The section 'Hoeveel slachtoffers zien we niet?': in the public edition only where the region
    publishes the estimate; the overlap only where every count passes disclosure control."""
    est = data.estimate
    if not est or (public and not data.region.publish_estimate):
        return None
    observed, lists, nl = est["observed"], est["lists"], lang == "nl"
    if public and 0 < observed < k:
        return None  # too few people to say anything in public
    overlap = _overlap_shown(_overlap(est), lang, public, k) if lists else None
    charts = []
    block: dict = {"estimable": bool(est.get("estimable")), "model": est.get("model"), "method": est.get("method")}
    if not block["estimable"]:
        reason = est.get("reason") if nl else (est.get("reason_en") or est.get("reason"))
        if not observed:
            seen = (
                f"Over {data.year} is geen registratie met een persoonssleutel geleverd."
                if nl
                else f"No registration with a person key was delivered for {data.year}."
            )
        elif nl:
            seen = (
                f"In {data.year} waren {s.fmt(observed)} personen in beeld bij de registraties met een "
                f"persoonssleutel ({s.join_words(lists)})."
            )
        else:
            seen = (
                f"In {data.year}, {s.fmt(observed, lang)} people were known to the registrations with a person key "
                f"({s.join_words(lists, lang)})."
            )
        block["sentence"] = seen + (
            " Een schatting van het aantal slachtoffers dat niet in beeld is, is voor dit jaar niet mogelijk."
            if nl
            else " The number of victims not in view cannot be estimated for this year."
        )
        block["reason"] = reason
    else:
        estimate, hidden = est["estimate"], est["hidden"]
        assert estimate is not None and hidden is not None  # an estimable estimate has both (contracts.Estimate)
        ci: Mapping[str, Any] = est.get("ci") or {}
        low, high = ci.get("low"), ci.get("high")
        level = round(100 * ci.get("level", 0.95))
        band = (round(low), round(high)) if low is not None and high is not None else None
        if nl:
            block["sentence"] = (
                f"In {data.year} waren {s.fmt(observed)} personen in beeld bij ten minste één van de {len(lists)} registraties "
                f"({s.join_words(lists)}). Op basis van de overlap tussen deze registraties schatten we het totale aantal "
                f"slachtoffers op {s.fmt(round(estimate))}"
                + (f" ({level}%-betrouwbaarheidsinterval: {s.fmt(band[0])} tot {s.fmt(band[1])})" if band else "")
                + f". Naar schatting zijn dus ongeveer {s.fmt(round(hidden))} slachtoffers niet in beeld."
            )
            title = "Geregistreerde en geschatte slachtoffers"
            alt = f"Staafdiagram: {observed} geregistreerd, geschat totaal {round(estimate)}" + (
                f" met interval {band[0]} tot {band[1]}." if band else "."
            )
        else:
            block["sentence"] = (
                f"In {data.year}, {s.fmt(observed, lang)} people were known to at least one of the {len(lists)} "
                f"registrations ({s.join_words(lists, lang)}). From the overlap between them we estimate the total "
                f"number of victims at {s.fmt(round(estimate), lang)}"
                + (f" ({level}% confidence interval: {s.fmt(band[0], lang)} to {s.fmt(band[1], lang)})" if band else "")
                + f". About {s.fmt(round(hidden), lang)} victims are therefore not in view."
            )
            title = "Registered and estimated victims"
            alt = f"Bar chart: {observed} registered, estimated total {round(estimate)}" + (
                f" with interval {band[0]} to {band[1]}." if band else "."
            )
        block["interval"] = interval_chart("schatting", title, alt, observed, estimate, low, high, lang=lang)
        charts.append(block["interval"])
        sens = _sensitivity(est, lang, ci)
        if sens:
            block["sensitivity_sentence"], block["sensitivity"] = sens
            charts.append(block["sensitivity"])
    if overlap and len(overlap["lists"]) >= 2:
        block["overlap"] = _overlap_chart(overlap, lang)
        charts.append(block["overlap"])
    block["lists"] = overlap["rows"] if overlap else []
    block["multi"] = overlap["multi"] if overlap else None
    block["charts"] = charts
    return block
