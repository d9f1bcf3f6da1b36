"""Publication (spec/web.md): freezing a year's edition for the public, and reading published editions.

An edition holds the indicators (analyst and public JSON, for its year and the earlier years its charts
show), the public monitor as HTML and PDF in Dutch and English, the delivery versions it used with
their hashes, and who published it when. Nothing changes it afterwards: a correction is a new edition
of the same year (`2024-2`) with a change note, and the older edition stays readable.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import lru_cache

from django.db import IntegrityError, transaction
from django.utils import timezone

from zicht import __version__, access, monitor
from zicht.access import Actor
from zicht.region import load_region
from zicht.services.audit import audit
from zicht.services.errors import NotFound, Refused
from zicht.storage.models import Edition, EditionFile

LANGS = ("nl", "en")
CONTENT_TYPES = {"html": "text/html; charset=utf-8", "pdf": "application/pdf"}


@dataclass(frozen=True)
class EditionInfo:
    year: int
    number: int
    label: str
    published_at: str
    published_by: str
    note: str
    files: list[dict] = field(default_factory=list)  # kind, lang, name, size, sha256

    @classmethod
    def of(cls, e: Edition, with_files: bool = True) -> EditionInfo:
        files = (
            sorted(
                (
                    {"kind": f.kind, "lang": f.lang, "name": f.name, "size": f.size, "sha256": f.sha256}
                    for f in e.files.all()  # prefetched without their content (see _with_files)
                ),
                key=lambda f: (f["lang"] != "nl", f["lang"], f["kind"]),  # Dutch first
            )
            if with_files
            else []
        )
        return cls(
            e.year,
            e.number,
            e.label,
            timezone.localtime(e.published_at).isoformat(timespec="seconds"),
            e.published_by,
            e.note,
            files,
        )

    def public_dict(self) -> dict:
        """What anyone may read about an edition (who published it is the analyst's business)."""
        return {
            "year": self.year,
            "edition": self.number,
            "label": self.label,
            "published_at": self.published_at,
            "note": self.note,
        }


def publish(actor: Actor, year: int, note: str = "", progress: Callable[[str], None] | None = None) -> EditionInfo:
    """Freeze the year's current deliveries, figures and texts as the next edition of `year`."""
    from zicht.disclosure import DisclosureError, suppress_indicators
    from zicht.reporting.pdf import pdf_bytes
    from zicht.reporting.render import build_report
    from zicht.storage import api

    access.require(access.can_publish(actor))
    step = progress or (lambda _: None)
    note = (note or "").strip()
    if not api.current_deliveries(year):
        raise Refused(
            f"Er zijn geen leveringen voor {year}: er is niets te publiceren.",
            f"There are no deliveries for {year}: there is nothing to publish.",
        )
    previous = Edition.objects.filter(year=year).order_by("-number").first()
    number = previous.number + 1 if previous else 1
    if previous and not note:
        raise Refused(
            f"{year} is al gepubliceerd (editie {previous.label}). Een nieuwe editie vraagt een toelichting "
            "op wat er verandert (--note).",
            f"{year} is already published (edition {previous.label}). A new edition needs a note on what "
            "changes (--note).",
        )
    region = load_region()
    published = timezone.localdate()
    label = str(year) if number == 1 else f"{year}-{number}"
    rendered: dict[tuple[str, str], bytes] = {}
    data = None
    try:
        for lang in LANGS:
            step(f"html-{lang}")
            data = monitor.gather(
                year,
                lang,
                with_estimate=region.publish_estimate,
                published=published,
                edition=label,
                edition_note=note or None,
            )
            html = build_report(data, lang=lang, public=True)
            rendered[("html", lang)] = html.encode("utf-8")
            step(f"pdf-{lang}")
            rendered[("pdf", lang)] = pdf_bytes(html)
        public = {str(y): suppress_indicators(r, region) for y, r in data.indicators.items()}
    except DisclosureError as error:
        raise Refused(
            f"Niet gepubliceerd: de openbaarheidscontrole kan een tabel niet beschermen ({error}).",
            f"Not published: disclosure control cannot protect a table ({error}).",
        ) from None
    step("store")
    try:
        with transaction.atomic():
            edition = Edition.objects.create(
                year=year,
                number=number,
                published_at=timezone.now(),
                published_by=actor.name,
                note=note,
                region=region.slug,
                software_version=__version__,
                indicators={str(y): r for y, r in data.indicators.items()},
                public_indicators=public,
                deliveries=data.deliveries,
                estimate=_public_estimate(data.estimate) if region.publish_estimate else None,
            )
            for (kind, lang), content in rendered.items():
                EditionFile.objects.create(
                    edition=edition,
                    name=f"{monitor.file_stem(region.slug, year, True, lang)}{'' if number == 1 else f'-{number}'}.{kind}",
                    kind=kind,
                    lang=lang,
                    content=content,
                    sha256=hashlib.sha256(content).hexdigest(),
                    size=len(content),
                )
            audit(actor, "publish", label, {"note": note, "deliveries": len(data.deliveries)})
    except IntegrityError:  # someone published the same edition number a moment ago
        raise Refused(
            f"Er is zojuist al een editie {label} gepubliceerd; kijk de edities na en probeer het opnieuw.",
            f"An edition {label} was published a moment ago; check the editions and try again.",
            status=409,
        ) from None
    return EditionInfo.of(edition)


def _public_estimate(estimate: dict | None) -> dict | None:
    if not estimate:
        return None
    keep = ("estimable", "reason", "reason_en", "lists", "observed", "estimate", "hidden", "ci", "model", "method")
    return {k: estimate[k] for k in keep if k in estimate}


def editions(year: int | None = None) -> list[EditionInfo]:
    """The published editions, newest year first, then newest edition first. Anyone may read them."""
    query = Edition.objects.all() if year is None else Edition.objects.filter(year=year)
    return [EditionInfo.of(e) for e in _with_files(query.order_by("-year", "-number"))]


def _with_files(query):
    """Editions with their files' names, sizes and hashes, never their content (megabytes of PDF)."""
    from django.db.models import Prefetch

    return query.defer("indicators", "public_indicators", "deliveries").prefetch_related(
        Prefetch("files", queryset=EditionFile.objects.defer("content"))
    )


def _edition(year: int, number: int | None = None) -> Edition:
    query = Edition.objects.filter(year=year)
    found = query.filter(number=number).first() if number is not None else query.order_by("-number").first()
    if found is None:
        raise NotFound()
    return found


def edition(year: int, number: int | None = None) -> EditionInfo:
    """An edition of `year` (the latest when `number` is None); NotFound when it was not published."""
    found = _edition(year, number)
    return EditionInfo.of(_with_files(Edition.objects.filter(pk=found.pk)).get())


def latest_edition() -> EditionInfo | None:
    found = _with_files(Edition.objects.order_by("-year", "-number")).first()
    return EditionInfo.of(found) if found else None


def published_indicators(year: int, number: int | None = None) -> dict:
    """The frozen public indicators of an edition's year (the JSON of spec/indicators.md, suppressed
    cells as `"value": null, "suppressed": true`). Anyone may read them."""
    return published_year(year, number)[1]


def published_year(year: int, number: int | None = None) -> tuple[EditionInfo, dict]:
    """An edition (without its files) and its year's frozen public indicators, in one light query.

    The public API asks this on every request: the figures come from a per-process cache, which can
    never go stale because an edition is never changed. (A copy is returned: callers may add keys.)
    """
    found = _lean(year, number)
    return EditionInfo.of(found, with_files=False), dict(_frozen_public(found.id, found.published_at)[str(year)])


def edition_public_indicators(year: int, number: int | None = None) -> dict[int, dict]:
    """The frozen public indicators of every year an edition shows (its year and the earlier ones)."""
    found = _lean(year, number)
    return {int(y): r for y, r in _frozen_public(found.id, found.published_at).items()}


def _lean(year: int, number: int | None) -> Edition:
    """An edition's row without its frozen documents (the latest of the year when `number` is None)."""
    query = Edition.objects.filter(year=year)
    if number is not None:
        query = query.filter(number=number)
    found = query.order_by("-number").only("id", "year", "number", "published_at", "published_by", "note").first()
    if found is None:
        raise NotFound()
    return found


@lru_cache(maxsize=16)
def _frozen_public(edition_id: int, published_at) -> dict:
    """Keyed by id and moment: a test database that rolls back can give a later edition the same id."""
    return Edition.objects.filter(pk=edition_id).values_list("public_indicators", flat=True).get()


def edition_file(year: int, number: int | None, kind: str, lang: str) -> tuple[str, str, bytes]:
    """One frozen file of an edition: (file name, content type, bytes)."""
    found = _edition(year, number)
    stored = EditionFile.objects.filter(edition=found, kind=kind, lang=lang).first()
    if stored is None:
        raise NotFound()
    return stored.name, CONTENT_TYPES[kind], bytes(stored.content)


@dataclass(frozen=True)
class PublicationPlan:
    """What publishing `year` now would freeze, and what the analyst should know first."""

    year: int
    cells: list  # zicht.services.monitor.Cell: partner × dataset, delivered or missing
    texts: list  # zicht.services.monitor.TextState per section
    editions: list[EditionInfo]  # the year's earlier editions, newest first
    changed: list[dict]  # deliveries that differ from the latest edition: partner, dataset, published, current

    @property
    def deliveries(self) -> list:
        return [c.delivery for c in self.cells if c.delivery is not None]

    @property
    def missing(self) -> list:
        return [c for c in self.cells if c.delivery is None]

    @property
    def latest(self) -> EditionInfo | None:
        return self.editions[0] if self.editions else None

    @property
    def needs_note(self) -> bool:
        return bool(self.editions)

    @property
    def texts_written(self) -> int:
        return sum(1 for t in self.texts if t.nl and t.nl["markdown"].strip())


def plan(actor: Actor, year: int) -> PublicationPlan:
    """The year's deliveries against the region configuration, its texts, its editions, and which
    deliveries changed since the latest edition (a correction is then a new edition)."""
    from zicht.services import monitor as monitor_service

    access.require(access.can_publish(actor))
    cells = monitor_service.completeness(actor, year)
    texts = monitor_service.text_overview(actor, year)
    found = editions(year)
    changed: list[dict] = []
    if found:
        frozen = Edition.objects.only("deliveries").get(year=year, number=found[0].number).deliveries
        published = {(d["partner"], d["dataset"]): d for d in frozen if d.get("year") == year}
        for cell in cells:
            before = published.get((cell.partner, cell.dataset))
            now = cell.delivery
            if (before and before.get("file_hash")) != (now.file_hash if now else None):
                changed.append(
                    {
                        "partner": cell.partner,
                        "dataset": cell.dataset,
                        "published": before.get("version") if before else None,
                        "current": now.version if now else None,
                    }
                )
    return PublicationPlan(year, cells, texts, found, changed)
