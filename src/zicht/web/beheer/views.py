"""The analyst's desk: the year at a glance (deliveries, texts, editions, what to do next), the
narrative texts, the preview of the monitor and its publication, the published editions.

Accounts and the audit log have their own modules (`accounts.py`, `audit.py`). Every view parses its
input, calls a use case of `zicht.services` with the actor, and shows the result; a refusal is shown
as a message and changes nothing.
"""

from __future__ import annotations

import datetime as dt
import re

from django.contrib import messages
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_safe

from zicht import access
from zicht.access import Actor
from zicht.region import load_region
from zicht.services import monitor, publication
from zicht.services.errors import NotFound, Refused
from zicht.web.actors import page
from zicht.web.beheer import labels
from zicht.web.beheer.forms import PublishForm, TextForm
from zicht.web.documents import document_response

LANGS = ("nl", "en")


def refusal(error: Refused) -> str:
    """A use case's refusal in the page's language."""
    return error.message_en if labels.english() else error.message_nl


def check_year(year: int) -> None:
    if not 1990 <= year <= 2999:
        raise NotFound()


def latest_year(actor: Actor) -> int:
    """The latest year with deliveries; last calendar year when nothing was delivered yet."""
    years = monitor.delivery_years(actor) if access.can(actor, access.VIEW_ALL_DELIVERIES) else []
    return years[0] if years else dt.date.today().year - 1


def desk_nav(actor: Actor, current: str, year: int | None = None) -> list[dict]:
    """The desk's own menu, on every desk page: only what the actor may use."""
    year = year or latest_year(actor)
    items = [
        ("home", _("Overview"), reverse("beheer:home") + (f"?jaar={year}" if year else ""), True),
        ("texts", _("Texts"), reverse("beheer:texts", args=[year]), access.can_edit_texts(actor)),
        ("preview", _("Preview"), reverse("beheer:preview", args=[year]), access.can_view_current_figures(actor)),
        ("publish", _("Publish"), reverse("beheer:publish", args=[year]), access.can_publish(actor)),
        ("editions", _("Editions"), reverse("beheer:editions"), access.can_publish(actor)),
        ("accounts", _("Accounts"), reverse("beheer:accounts"), access.can_manage_accounts(actor)),
        ("audit", _("Audit log"), reverse("beheer:audit"), access.can_view_audit(actor)),
    ]
    return [{"label": label, "url": url, "active": key == current} for key, label, url, allowed in items if allowed]


def history_url(partner: str, dataset: str, year: int) -> str:
    """The portal's history of one delivery."""
    return reverse("aanleveren:history", kwargs={"partner": partner, "dataset": dataset, "year": year})


# -- the year at a glance ------------------------------------------------------------------------


def _chosen_year(text: str | None, years: list[int]) -> int | None:
    if text and text.isdigit() and 1990 <= int(text) <= 2999:
        return int(text)
    return years[0] if years else None


def _grid(plan: publication.PublicationPlan) -> list[dict]:
    """The completeness grid grouped by partner, in the region configuration's order."""
    names = {p.code: p.name for p in load_region().partners}
    groups: dict[str, dict] = {}
    for cell in plan.cells:
        group = groups.setdefault(cell.partner, {"code": cell.partner, "name": names.get(cell.partner), "rows": []})
        group["rows"].append(
            {
                "dataset": cell.dataset,
                "delivery": cell.delivery,
                "history": history_url(cell.partner, cell.dataset, plan.year),
            }
        )
    for group in groups.values():
        group["missing"] = sum(1 for r in group["rows"] if r["delivery"] is None)
    return list(groups.values())


def _next_steps(plan: publication.PublicationPlan) -> list[dict]:
    """What the analyst should do next for this year, most pressing first."""
    year, steps = plan.year, []
    missing = len(plan.missing)
    if missing:
        steps.append(
            {
                "tone": "warn",
                "text": ngettext(
                    "%(n)d dataset is missing for %(year)s.", "%(n)d datasets are missing for %(year)s.", missing
                )
                % {"n": missing, "year": year},
                "url": "#volledigheid",
                "link": _("See which"),
            }
        )
    # The chapters' own texts are expected every year; a note beside a dataset's figures is optional.
    unwritten = [
        labels.section_label(t.section)
        for t in plan.texts
        if not t.section.startswith("toelichting-") and not (t.nl and t.nl["markdown"].strip())
    ]
    if unwritten:
        steps.append(
            {
                "tone": "warn",
                "text": _("Not written yet: %(sections)s.") % {"sections": ", ".join(unwritten)},
                "url": reverse("beheer:texts", args=[year]),
                "link": _("Write texts"),
            }
        )
    latest = plan.latest
    if not plan.deliveries:
        steps.append({"tone": "info", "text": _("Nothing has been delivered for %(year)s yet.") % {"year": year}})
    elif latest is None:
        steps.append(
            {
                "tone": "action",
                "text": _("%(year)s is not published yet.") % {"year": year},
                "url": reverse("beheer:publish", args=[year]),
                "link": _("Check and publish"),
            }
        )
    elif plan.changed:
        steps.append(
            {
                "tone": "action",
                "text": ngettext(
                    "%(n)d delivery changed since edition %(label)s.",
                    "%(n)d deliveries changed since edition %(label)s.",
                    len(plan.changed),
                )
                % {"n": len(plan.changed), "label": latest.label},
                "url": reverse("beheer:publish", args=[year]),
                "link": _("Publish a new edition"),
            }
        )
    else:
        steps.append(
            {
                "tone": "ok",
                "text": _("Published as edition %(label)s; no delivery changed since.") % {"label": latest.label},
                "url": reverse("public:monitor", args=[year]),
                "link": _("View the edition"),
            }
        )
    return steps


@require_safe
@page(access.can_use_desk)
def home(request, actor):
    years = monitor.delivery_years(actor)
    year = _chosen_year(request.GET.get("jaar"), years)
    context = {"years": years, "year": year, "desk_nav": desk_nav(actor, "home", year)}
    if year is not None:
        if year not in years:
            context["years"] = sorted([*years, year], reverse=True)
        plan = publication.plan(actor, year)
        context.update(
            plan=plan,
            grid=_grid(plan),
            steps=_next_steps(plan),
            delivered=len(plan.deliveries),
            expected=len(plan.cells),
        )
    return render(request, "beheer/home.html", context)


# -- narrative texts -----------------------------------------------------------------------------


@require_safe
@page(access.can_edit_texts)
def texts(request, actor, year: int):
    check_year(year)
    overview = monitor.text_overview(actor, year)
    return render(
        request,
        "beheer/texts.html",
        {"year": year, "texts": overview, "desk_nav": desk_nav(actor, "texts", year)},
    )


def _text_url(year: int, section: str, lang: str, **query) -> str:
    from urllib.parse import urlencode

    return reverse("beheer:text", args=[year, section]) + "?" + urlencode({"taal": lang, **query})


@page(access.can_edit_texts)
def text(request, actor, year: int, section: str):
    from zicht.reporting import SECTIONS
    from zicht.reporting.context import render_markdown

    check_year(year)
    if section not in SECTIONS:
        raise NotFound()
    lang = request.GET.get("taal", "nl")
    lang = lang if lang in LANGS else "nl"
    versions = monitor.text_versions(actor, year, section, lang)
    current = next((v for v in versions if v["is_current"]), None)
    newest = versions[0]["version"] if versions else 0
    shown = None
    if request.GET.get("versie", "").isdigit():
        shown = next((v for v in versions if v["version"] == int(request.GET["versie"])), None)
    preview = None
    if request.method == "POST":
        form = TextForm(request.POST)
        if form.is_valid():
            markdown = form.cleaned_data["markdown"].replace("\r\n", "\n")
            if "save" in request.POST:  # the other button, "preview", only shows the text
                basis = form.cleaned_data["basis"] or 0
                if basis != newest:  # someone saved a newer version while this text was being written
                    messages.error(
                        request,
                        _(
                            "%(who)s saved version %(version)d of this text while you were writing. Your text is "
                            "not saved yet: compare it with version %(version)d below, then save again to "
                            "replace it."
                        )
                        % {"who": versions[0]["created_by"], "version": newest},
                    )
                    data = request.POST.copy()
                    data["basis"] = newest
                    form = TextForm(data)
                    form.is_valid()
                    shown = versions[0]
                elif markdown == (current["markdown"] if current else ""):
                    messages.info(request, _("Nothing changed, so no new version was saved."))
                    return redirect(_text_url(year, section, lang))
                else:
                    version = monitor.set_text(actor, year, section, markdown, lang)
                    messages.success(request, _("Saved as version %(version)d.") % {"version": version})
                    return redirect(_text_url(year, section, lang))
            preview = mark_safe(render_markdown(markdown))  # render_markdown escapes raw HTML
    else:
        start = current["markdown"] if current else ""
        if shown is not None and request.GET.get("gebruik"):
            start = shown["markdown"]
        form = TextForm(initial={"markdown": start, "basis": newest})
    context = {
        "year": year,
        "section": section,
        "lang": lang,
        "form": form,
        "preview": preview,
        "versions": versions,
        "current": current,
        "shown": shown,
        "shown_html": mark_safe(render_markdown(shown["markdown"])) if shown else None,
        "other_langs": [(code, _text_url(year, section, code)) for code in LANGS],
        "desk_nav": desk_nav(actor, "texts", year),
    }
    return render(request, "beheer/text.html", context)


# -- preview -------------------------------------------------------------------------------------


@require_safe
@page(access.can_view_current_figures)
def preview(request, actor, year: int):
    check_year(year)
    context = {"year": year, "desk_nav": desk_nav(actor, "preview", year), "k": load_region().disclosure_k}
    return render(request, "beheer/preview.html", context)


_BODY = re.compile(r"<body[^>]*>", re.I)
_BANNER = (
    '<div role="note" style="position:sticky;top:0;z-index:10;margin:0;padding:.6rem 1rem;'
    "background:#fff1dc;border-bottom:3px solid #8a4b00;color:#3d2100;font:700 1rem/1.4 Arial,sans-serif;"
    '">{text}</div>'
)


def _mark_preview(html: str, public: bool, lang: str) -> str:
    """A band at the top: this is a preview, and the analyst's version is not for passing on."""
    if lang == "en":
        text = "Preview, not published. " + (
            "Public version: as it will be published."
            if public
            else "Analyst version with unsuppressed numbers: do not pass it on."
        )
    else:
        text = "Voorbeeld, niet gepubliceerd. " + (
            "Openbare versie: zoals hij gepubliceerd wordt."
            if public
            else "Analistversie met niet-afgeschermde aantallen: niet verspreiden."
        )
    banner = _BANNER.format(text=text)
    found = _BODY.search(html)
    if found is None:
        return banner + html
    return html[: found.end()] + banner + html[found.end() :]


@require_safe
@page(access.can_view_current_figures)
def preview_document(request, actor, year: int, edition: str, lang: str):
    check_year(year)
    public = edition == "openbaar"
    html = monitor.preview_report(actor, year, public=public, lang=lang)
    response = document_response(_mark_preview(html, public, lang))
    response["X-Robots-Tag"] = "noindex, nofollow"
    return response


# -- publication ---------------------------------------------------------------------------------


@page(access.can_publish)
def publish(request, actor, year: int):
    check_year(year)
    plan = publication.plan(actor, year)
    form = PublishForm(request.POST or None, needs_note=plan.needs_note)
    if request.method == "POST" and form.is_valid():
        try:
            info = publication.publish(actor, year, form.cleaned_data["note"])
        except Refused as error:
            if plan.deliveries:  # shown beside the button (the page opens there after sending)
                form.add_error(None, refusal(error))
            else:
                messages.error(request, refusal(error))
        else:
            messages.success(
                request,
                _("Edition %(label)s is published. This is what the public sees from now on.") % {"label": info.label},
            )
            return redirect("public:monitor", year=year)
    names = {p.code: p.name for p in load_region().partners}
    context = {
        "year": year,
        "plan": plan,
        "form": form,
        "names": names,
        "next_label": str(year) if not plan.editions else f"{year}-{plan.editions[0].number + 1}",
        "desk_nav": desk_nav(actor, "publish", year),
    }
    return render(request, "beheer/publish.html", context)


@require_safe
@page(access.can_publish)
def editions(request, actor):
    by_year: dict[int, list] = {}
    for e in publication.editions():
        by_year.setdefault(e.year, []).append(e)
    context = {"years": sorted(by_year.items(), reverse=True), "desk_nav": desk_nav(actor, "editions")}
    return render(request, "beheer/editions.html", context)
