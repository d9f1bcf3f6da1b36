"""The figures and the monitor of a year, for an actor: computing, rendering, previewing, estimating,
the narrative texts, and how complete a year's deliveries are."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from zicht import access, monitor
from zicht.access import Actor
from zicht.region import load_region
from zicht.services.audit import audit
from zicht.services.errors import Refused
from zicht.storage import api


def compute_year(actor: Actor, year: int, public: bool = False) -> dict:
    """The indicators of `year` from the current deliveries; disclosure-controlled when `public`.

    The unpublished, unsuppressed figures are the analyst's; anyone else sees published editions only
    (`zicht.services.publication`)."""
    from zicht.indicators import compute

    access.require(access.can_view_current_figures(actor))
    region = load_region()
    result = compute(api.raw_connection(), api.vendor(), region, year)
    if public:
        from zicht.disclosure import suppress_indicators

        result = suppress_indicators(result, region)
    audit(actor, "view-indicators", str(year), {"public": public})
    return result


def render_report(
    actor: Actor,
    year: int,
    formats: tuple[str, ...] = ("html", "pdf"),
    out: str | Path | None = None,
    public: bool = False,
    lang: str = "nl",
) -> list[Path]:
    """Write the monitor of the current deliveries into files (the command line's `zicht report`)."""
    access.require(access.can_view_current_figures(actor))
    written = monitor.write_report(year, formats, out, public, lang)
    audit(actor, "render-report", str(year), {"public": public, "lang": lang, "files": [p.name for p in written]})
    return written


def preview_report(actor: Actor, year: int, public: bool = False, lang: str = "nl") -> str:
    """The monitor of the current deliveries as HTML, for the analyst to read before publishing."""
    access.require(access.can_view_current_figures(actor))
    html, _ = monitor.build(year, public, lang)
    audit(actor, "preview-report", str(year), {"public": public, "lang": lang})
    return html


def estimate_year(actor: Actor, year: int, **options) -> dict:
    """The estimate of the hidden number from the year's deliveries, kept in the database per capture
    table, options and software version (computed once, then read)."""
    from zicht.estimation import estimate_year as run

    access.require(access.can_view_current_figures(actor))
    store = api.EstimateStore()
    result = run(api.raw_connection(), api.vendor(), load_region(), year, store=store, **options)
    audit(actor, "estimate", str(year), {"observed": result.get("observed"), "estimable": result.get("estimable")})
    return result


def set_text(actor: Actor, year: int, section: str, markdown: str, lang: str = "nl") -> int:
    """Store a narrative text as the section's new current version; returns its version number."""
    from zicht.reporting import SECTIONS

    access.require(access.can_edit_texts(actor))
    if section not in SECTIONS:
        raise Refused(f"Onbekende sectie {section!r}.", f"Unknown section {section!r}.", status=400)
    if lang not in ("nl", "en"):
        raise Refused(f"Onbekende taal {lang!r}: nl of en.", f"Unknown language {lang!r}: nl or en.", status=400)
    return api.set_text(year, section, markdown, by=actor.name, lang=lang, via=actor.via)


def text_versions(actor: Actor, year: int, section: str, lang: str = "nl") -> list[dict]:
    """Every version of a section's text, newest first (the desk shows what changed and who wrote it)."""
    from zicht.storage.models import NarrativeText

    access.require(access.can_edit_texts(actor))
    query = NarrativeText.objects.filter(year=year, section=section, lang=lang).order_by("-version")
    return [
        {
            "version": t.version,
            "is_current": t.is_current,
            "markdown": t.markdown,
            "created_at": t.created_at,
            "created_by": t.created_by,
        }
        for t in query
    ]


@dataclass(frozen=True)
class Cell:
    partner: str
    dataset: str
    delivery: api.DeliveryInfo | None


def completeness(actor: Actor, year: int) -> list[Cell]:
    """Partner × dataset for a year, as the region configures them: the current delivery, or None."""
    access.require(access.can(actor, access.VIEW_ALL_DELIVERIES))
    current = {(d.partner, d.dataset): d for d in api.current_deliveries(year)}
    return [
        Cell(p.code, dataset, current.get((p.code, dataset))) for p in load_region().partners for dataset in p.datasets
    ]


def delivery_years(actor: Actor) -> list[int]:
    """The years that have deliveries, newest first (the desk's year selector)."""
    from zicht.storage.models import Delivery

    access.require(access.can(actor, access.VIEW_ALL_DELIVERIES))
    return sorted(set(Delivery.objects.values_list("year", flat=True)), reverse=True)


@dataclass(frozen=True)
class TextState:
    """A section's current text in Dutch and English: {version, created_by, created_at, markdown}, or None
    when it was never written (the English monitor then shows the Dutch text)."""

    section: str
    nl: dict | None
    en: dict | None


def text_overview(actor: Actor, year: int) -> list[TextState]:
    """Every narrative section of `year` in the monitor's order, with its current version per language."""
    from zicht.reporting import SECTIONS
    from zicht.storage.models import NarrativeText

    access.require(access.can_edit_texts(actor))
    current = {
        (t.section, t.lang): {
            "version": t.version,
            "created_by": t.created_by,
            "created_at": t.created_at,
            "markdown": t.markdown,
        }
        for t in NarrativeText.objects.filter(year=year, is_current=True)
    }
    return [TextState(s, current.get((s, "nl")), current.get((s, "en"))) for s in SECTIONS]
