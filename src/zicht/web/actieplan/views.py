"""The action plan (spec/web.md, `/actieplan/`): the five opgaven with their actions and the municipalities'
initiatives, pictures first and tables second; the analyst edits the actions, a municipal officer the own
municipality's initiatives. Every edit is a new version of the year's delivery (`zicht.services.actieplan`).

Everyone but the analyst sees the plan as the year's latest published edition froze it; the analyst sees
the deliveries as they are now, marked as not yet published where they differ.
"""

from __future__ import annotations

import datetime as dt

from django.contrib import messages
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_http_methods, require_safe

from zicht import access
from zicht.region import load_region
from zicht.schema.codes import OPGAVEN, REGIO
from zicht.services import actieplan
from zicht.services.errors import NotFound, Refused
from zicht.web.actieplan import labels
from zicht.web.actieplan.forms import ActionForm, InitiativeForm
from zicht.web.actors import page

FIRST_YEAR = 2000
# The order of a bar: what is done first, what is postponed last.
BAR = ("gereed", "lopend", "gepland", "uitgesteld")


def _year(text: str | None) -> int | None:
    if text and text.isdigit() and FIRST_YEAR <= int(text) <= 2999:
        return int(text)
    return None


def _edit_year(year: int) -> None:
    """The years that can be edited: from 2000 up to next year (a plan is made ahead)."""
    if not FIRST_YEAR <= year <= timezone.localdate().year + 1:
        raise NotFound()


def _basis(request) -> int | None:
    text = request.POST.get("basis", "")
    return int(text) if text.isdigit() else None


def _nav(actor, year: int | None, current: str) -> list[dict]:
    """The area's own menu: only what the actor may use."""
    year = year or timezone.localdate().year
    items = [
        ("home", _("Overview"), reverse("actieplan:home") + f"?jaar={year}", True),
        ("actions", _("Edit actions"), reverse("actieplan:actions", args=[year]), access.can_edit_actions(actor)),
        (
            "initiatives",
            _("Initiatives of %(gemeente)s") % {"gemeente": actor.gemeente or ""},
            reverse("actieplan:initiatives", args=[year]),
            access.can_edit_initiatives(actor),
        ),
    ]
    return [{"label": label, "url": url, "active": key == current} for key, label, url, allowed in items if allowed]


# -- the overview --------------------------------------------------------------------------------


def _progress(rows: list[dict]) -> list[dict]:
    """Per opgave: its actions and one bar of their statuses (SVG units as text: never localised)."""
    out = []
    for number in OPGAVEN:
        acts = [_action(row) for row in rows if int(row["opgave"]) == number]
        segments, x = [], 0.0
        for code in BAR:
            n = sum(1 for a in acts if a["status"] == code)
            if n:
                width = n / len(acts) * 100
                segments.append(
                    {"code": code, "label": labels.status(code), "n": n, "x": f"{x:.3f}", "w": f"{width:.3f}"}
                )
                x += width
        done = sum(1 for a in acts if a["status"] == "gereed")
        out.append(
            {"number": number, "title": labels.opgave(number), "actions": acts, "segments": segments, "done": done}
        )
    return out


def _action(row: dict) -> dict:
    return {
        **row,
        "status_label": labels.status(row["status"]),
        "eigenaar_label": labels.organisatie(row.get("eigenaar")),
    }


def _initiative(row: dict) -> dict:
    return {
        **row,
        "day": dt.date.fromisoformat(row["datum"]),
        "place": labels.place(row["gemeente"]),
        "soort_label": labels.soort(row["soort"]),
        "partner_labels": [labels.organisatie(code) for code in (row.get("partners") or "").split("|") if code],
        "opgave_label": labels.opgave(row["opgave"]) if row.get("opgave") else "",
    }


def _places(rows: list[dict]) -> list[dict]:
    """Every municipality of the region (and the region itself) with what it registered this year."""
    tiles = []
    for name in (*load_region().municipality_names, REGIO):
        mine = [r for r in rows if r["gemeente"] == name]
        kinds = sorted({r["soort"] for r in mine})
        tiles.append(
            {
                "name": labels.place(name),
                "regional": name == REGIO,
                "count": len(mine),
                "kinds": [labels.soort(k) for k in kinds],
                "titles": [r["titel"] for r in mine],
            }
        )
    return tiles


@require_safe
@page()
def home(request, actor):
    year = _year(request.GET.get("jaar"))
    try:
        plan = actieplan.overview(actor, year)
    except NotFound:
        if year is not None:
            raise
        plan = None  # nothing published yet
    context = {"plan": plan, "nav": _nav(actor, plan.year if plan else None, "home")}
    if plan is not None:
        acts = plan.actions or []
        inits = sorted(plan.initiatives or [], key=lambda r: (r["datum"], r["gemeente"]))
        tiles = _places(inits)
        context.update(
            progress=_progress(acts),
            totals={code: sum(1 for a in acts if a["status"] == code) for code in BAR},
            legend=[{"code": code, "label": labels.status(code)} for code in BAR],
            initiatives=[_initiative(r) for r in inits],
            tiles=tiles,
            active_places=sum(1 for t in tiles if t["count"] and not t["regional"]),
            municipalities=len(tiles) - 1,
            history=_history_links(actor, plan),
            can_edit_initiatives=access.can_edit_initiatives(actor),
            can_edit_actions=access.can_edit_actions(actor),
        )
    return render(request, "actieplan/home.html", context)


def _history_links(actor, plan) -> list[dict]:
    """The portal's history of the deliveries shown, for whoever may see it (who changed what)."""
    out = []
    for dataset, info in plan.versions.items():
        if info is not None and access.can_view_delivery(actor, info.partner):
            url = reverse("aanleveren:history", args=[info.partner, dataset, plan.year])
            out.append({"dataset": dataset, "version": info.version, "url": url})
    return out


# -- actions (the analyst) ------------------------------------------------------------------------


@require_http_methods(["GET", "HEAD", "POST"])
@page(access.can_edit_actions)
def actions(request, actor, year: int):
    _edit_year(year)
    if request.method == "POST":  # take over last year's unfinished actions
        try:
            added = actieplan.carry_over(actor, year, basis=_basis(request))
        except Refused as error:
            messages.error(request, labels.say(error))
        else:
            messages.success(
                request,
                ngettext("%(n)d action taken over from %(year)d.", "%(n)d actions taken over from %(year)d.", added)
                % {"n": added, "year": year - 1},
            )
        return redirect("actieplan:actions", year=year)
    rows, version = actieplan.actions(actor, year)
    context = {
        "year": year,
        "version": version,
        "progress": _progress(rows),
        "count": len(rows),
        "open_before": len(actieplan.open_from_last_year(actor, year)),
        "nav": _nav(actor, year, "actions"),
    }
    return render(request, "actieplan/actions.html", context)


@require_http_methods(["GET", "HEAD", "POST"])
@page(access.can_edit_actions)
def action(request, actor, year: int, action_ref: str | None = None):
    ref = action_ref
    _edit_year(year)
    rows, version = actieplan.actions(actor, year)
    current = next((r for r in rows if r["id"] == ref), None) if ref else None
    if ref is not None and current is None:
        raise NotFound()
    back = reverse("actieplan:actions", args=[year])
    if request.method == "POST" and "verwijderen" in request.POST and current is not None:
        try:
            actieplan.delete_action(actor, year, current["id"], basis=_basis(request))
        except Refused as error:
            messages.error(request, labels.say(error))
            return redirect("actieplan:action", year=year, action_ref=ref)
        messages.success(request, _("The action “%(title)s” was removed.") % {"title": current["titel"]})
        return redirect(back)
    initial = {**(current or {"status": "gepland"}), "basis": version}
    form = ActionForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            edit = actieplan.save_action(actor, year, form.values(), ref, basis=form.cleaned_data["basis"])
        except Refused as error:
            form.show_refusal(error, getattr(error, "row", None))
        else:
            messages.success(
                request,
                _("Saved: version %(version)d of the actions of %(year)d.")
                % {"version": edit.delivery.version, "year": year},
            )
            return redirect(back + f"#{edit.ref}")
    context = {"year": year, "form": form, "current": current, "ref": ref, "version": version, "back": back}
    context["nav"] = _nav(actor, year, "actions")
    return render(request, "actieplan/action_form.html", context)


# -- initiatives (a municipal officer) ------------------------------------------------------------


@require_safe
@page(access.can_edit_initiatives)
def initiatives(request, actor, year: int):
    _edit_year(year)
    rows, version = actieplan.initiatives(actor, year)
    rows = sorted(rows, key=lambda r: r["datum"], reverse=True)
    context = {
        "year": year,
        "rows": [_initiative(r) for r in rows],
        "version": version,
        "gemeente": actor.gemeente,
        "years": sorted(
            set(range(timezone.localdate().year - 3, timezone.localdate().year + 2)) | {year}, reverse=True
        ),
        "nav": _nav(actor, year, "initiatives"),
    }
    return render(request, "actieplan/initiatives.html", context)


@require_http_methods(["GET", "HEAD", "POST"])
@page(access.can_edit_initiatives)
def initiative(request, actor, year: int, initiative_ref: str | None = None):
    ref = initiative_ref
    _edit_year(year)
    rows, version = actieplan.initiatives(actor, year)
    current = actieplan.initiative(actor, year, ref) if ref else None  # another municipality's: 404
    back = reverse("actieplan:initiatives", args=[year])
    if request.method == "POST" and "verwijderen" in request.POST and current is not None:
        try:
            actieplan.delete_initiative(actor, year, current["id"], basis=_basis(request))
        except Refused as error:
            messages.error(request, labels.say(error))
            return redirect("actieplan:initiative", year=year, initiative_ref=ref)
        messages.success(request, _("The initiative “%(title)s” was removed.") % {"title": current["titel"]})
        return redirect(back)
    initial: dict = {"basis": version}
    if current is not None:
        initial.update(current, partners=(current.get("partners") or "").split("|"))
    form = InitiativeForm(request.POST or None, initial=initial, year=year)
    if request.method == "POST" and form.is_valid():
        try:
            edit = actieplan.save_initiative(actor, year, form.values(), ref, basis=form.cleaned_data["basis"])
        except Refused as error:
            form.show_refusal(error, getattr(error, "row", None))
        else:
            messages.success(
                request,
                _(
                    "Saved. The initiative is part of the action plan of %(year)d; it is published with the next edition."
                )
                % {"year": year},
            )
            return redirect(back + f"#{edit.ref}")
    context = {"year": year, "form": form, "current": current, "ref": ref, "version": version, "back": back}
    context.update(gemeente=actor.gemeente, nav=_nav(actor, year, "initiatives"))
    return render(request, "actieplan/initiative_form.html", context)
