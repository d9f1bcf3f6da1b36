"""Awareness materials on loan (spec/web.md, `/uitleen/`): the catalogue for everyone, the calendar and
reservations for municipal officers and partners (for their own organisation), and for the analyst the
confirmations, handover, return and reach. The use cases (`zicht.services.uitleen`) check access, keep
two loans of one item apart and audit; another organisation's reservation is not found (404).
"""

from __future__ import annotations

import datetime as dt

from django.contrib import messages
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_http_methods, require_safe

from zicht import access
from zicht.region import load_region
from zicht.schema import catalogue
from zicht.services import uitleen, uitleen_agenda
from zicht.services.errors import NotFound, Refused
from zicht.storage.models import LoanRequest
from zicht.web.actieplan import labels
from zicht.web.actors import page
from zicht.web.uitleen.forms import MaterialForm, ReasonForm, ReserveForm, ReturnForm

REQUEST_STATES = {
    "aangevraagd": ("warn", gettext_lazy("requested")),
    "bevestigd": ("ok", gettext_lazy("confirmed")),
    "afgewezen": ("error", gettext_lazy("refused")),
    "geannuleerd": ("muted", gettext_lazy("cancelled")),
}
LOAN_STATES = {
    "bevestigd": gettext_lazy("confirmed"),
    "uitgegeven": gettext_lazy("handed over"),
    "teruggebracht": gettext_lazy("returned"),
}
WEEKDAYS = (
    (gettext_lazy("Mon"), gettext_lazy("Monday")),
    (gettext_lazy("Tue"), gettext_lazy("Tuesday")),
    (gettext_lazy("Wed"), gettext_lazy("Wednesday")),
    (gettext_lazy("Thu"), gettext_lazy("Thursday")),
    (gettext_lazy("Fri"), gettext_lazy("Friday")),
    (gettext_lazy("Sat"), gettext_lazy("Saturday")),
    (gettext_lazy("Sun"), gettext_lazy("Sunday")),
)


def _nav(actor, current: str) -> list[dict]:
    items = [
        ("home", _("Catalogue"), reverse("uitleen:home"), True),
        ("mine", _("My reservations"), reverse("uitleen:mine"), access.can_reserve(actor)),
        ("desk", _("Requests and loans"), reverse("uitleen:desk"), access.can_confirm_loans(actor)),
    ]
    return [{"label": label, "url": url, "active": key == current} for key, label, url, allowed in items if allowed]


def _names() -> dict[str, str]:
    return {m.code: m.name(labels.lang()) for m in uitleen.catalogue_items()}


def _request(found: LoanRequest, names: dict[str, str]) -> dict:
    tone, state = REQUEST_STATES.get(found.status, ("muted", found.status))
    return {
        "id": found.id,
        "material": names.get(found.material, found.material),
        "start": found.start,
        "end": found.end,
        "place": labels.place(found.gemeente),
        "organisation": found.by_partner or _("Municipality of %(name)s") % {"name": found.by_gemeente},
        "organisatie": labels.organisatie(found.organisatie),
        "purpose": found.purpose,
        "audience": found.audience,
        "expected": found.expected,
        "status": found.status,
        "state": state,
        "tone": tone,
        "requested_by": found.requested_by,
        "requested_at": found.requested_at,
        "decided_by": found.decided_by,
        "decided_at": found.decided_at,
        "reason": found.reason,
        "loan_year": found.loan_year,
        "loan_ref": found.loan_ref,
        "url": reverse("uitleen:request", args=[found.id]),
    }


def _loan(x: uitleen.Loan, names: dict[str, str]) -> dict:
    return {
        "year": x.year,
        "ref": x.ref,
        "material": names.get(x.material, x.material),
        "start": x.start,
        "end": x.end,
        "place": labels.place(x.gemeente),
        "organisatie": labels.organisatie(x.organisatie),
        "status": x.status,
        "state": LOAN_STATES.get(x.status, x.status),
        "bereik": x.bereik,
        "doelgroep": x.doelgroep,
        "request_id": x.request_id,
        "url": reverse("uitleen:loan", args=[x.year, x.ref]),
    }


# -- the catalogue and the calendar --------------------------------------------------------------


@require_safe
@page()
def home(request, actor):
    names = _names()
    items = []
    for m in uitleen.catalogue_items():
        item = {"material": m, "name": m.name(labels.lang()), "description": m.description(labels.lang())}
        if access.sees_availability(actor):
            running, later = uitleen_agenda.now_and_next(m.code)
            item.update(running=running, later=later)
        items.append(item)
    context = {"items": items, "nav": _nav(actor, "home"), "can_reserve": access.can_reserve(actor)}
    context["sees_availability"] = access.sees_availability(actor)
    if access.can_reserve(actor):
        context["mine"] = [_request(r, names) for r in uitleen.requests_of(actor)[:5]]
    if access.can_confirm_loans(actor):
        work = uitleen_agenda.desk(actor)
        context["work"] = {"pending": len(work.pending), "hand_over": len(work.to_hand_over), "out": len(work.out)}
    return render(request, "uitleen/home.html", context)


def _month(text: str | None) -> dt.date:
    today = timezone.localdate().replace(day=1)
    try:
        chosen = dt.date.fromisoformat(f"{text}-01") if text else today
    except ValueError:
        return today
    return chosen if abs((chosen - today).days) < 3 * 366 else today


def _shift(month: dt.date, by: int) -> dt.date:
    n = month.year * 12 + month.month - 1 + by
    return dt.date(n // 12, n % 12 + 1, 1)


@require_safe
@page()
def material(request, actor, item: str):
    code = item
    found = uitleen.material(code)
    context = {
        "item": found,
        "name": found.name(labels.lang()),
        "description": found.description(labels.lang()),
        "nav": _nav(actor, "home"),
        "can_reserve": access.can_reserve(actor),
        "can_edit": access.can_confirm_loans(actor),
    }
    if access.sees_availability(actor):
        first = _month(request.GET.get("vanaf"))
        context.update(
            months=uitleen_agenda.calendar(actor, code, first, months=3),
            weekdays=WEEKDAYS,
            earlier=_shift(first, -3).strftime("%Y-%m"),
            later=_shift(first, 3).strftime("%Y-%m"),
        )
    return render(request, "uitleen/material.html", context)


@require_http_methods(["GET", "HEAD", "POST"])
@page(access.can_confirm_loans)
def material_edit(request, actor, item: str):
    code = item
    found = uitleen.material(code)
    initial = {f: getattr(found, f) for f in ("name_nl", "name_en", "description_nl", "description_en", "available")}
    form = MaterialForm(request.POST or None, initial={**initial, "note": found.note})
    if request.method == "POST" and form.is_valid():
        values = {k: v for k, v in form.cleaned_data.items() if k != "basis"}
        try:
            uitleen.edit_material(actor, code, **values)
        except Refused as error:
            form.show_refusal(error, None)
        else:
            messages.success(request, _("The catalogue is updated."))
            return redirect("uitleen:material", item=code)
    context = {"item": found, "form": form, "name": found.name(labels.lang()), "nav": _nav(actor, "home")}
    return render(request, "uitleen/material_edit.html", context)


# -- reserving (a municipality or a partner) ------------------------------------------------------


@require_http_methods(["GET", "HEAD", "POST"])
@page(access.can_reserve)
def reserve(request, actor):
    region = load_region()
    items = [m for m in uitleen.catalogue_items() if m.available]
    chosen = request.GET.get("materiaal")
    form = ReserveForm(
        request.POST or None,
        initial={"materiaal": chosen} if chosen else None,
        materials=items,
        region=region,
        partner=actor.partner is not None,
        max_days=catalogue.max_days(region),
    )
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            made = uitleen.reserve(
                actor,
                data["materiaal"],
                data["start"],
                data["end"],
                data["purpose"],
                data.get("audience") or "",
                data.get("expected"),
                data.get("gemeente"),
            )
        except Refused as error:
            form.show_refusal(error, None)
        else:
            messages.success(
                request, _("Your reservation is sent. The analyst confirms it; you see the answer on this page.")
            )
            return redirect("uitleen:request", request_id=made.id)
    context = {"form": form, "nav": _nav(actor, "mine"), "items": items, "organisation": actor.organisation}
    return render(request, "uitleen/reserve.html", context)


@require_safe
@page(access.can_reserve)
def mine(request, actor):
    names = _names()
    rows = [_request(r, names) for r in uitleen.requests_of(actor)]
    context = {"rows": rows, "nav": _nav(actor, "mine"), "organisation": actor.organisation}
    return render(request, "uitleen/mine.html", context)


@require_http_methods(["GET", "HEAD", "POST"])
@page(lambda actor: access.can_reserve(actor) or access.can_confirm_loans(actor))
def request_detail(request, actor, request_id: int):
    found = uitleen.reservation(actor, request_id)  # another organisation's: 404
    form = ReasonForm(request.POST or None)
    if request.method == "POST":
        what = request.POST.get("wat")
        if not form.is_valid():
            messages.error(request, _("The reason is too long."))
        else:
            reason = form.cleaned_data["reason"]
            actions = {
                "annuleren": _("The reservation is cancelled."),
                "bevestigen": _("Confirmed: the loan is registered."),
                "afwijzen": _("The reservation is refused."),
            }
            if what not in actions:
                raise NotFound()
            done = actions[what]
            try:
                if what == "bevestigen":
                    uitleen.confirm(actor, request_id)
                elif what == "afwijzen":
                    uitleen.refuse(actor, request_id, reason)
                else:
                    uitleen.cancel(actor, request_id, reason)
            except Refused as error:
                messages.error(request, labels.say(error))
            else:
                messages.success(request, done)
            return redirect("uitleen:request", request_id=request_id)
    names = _names()
    loan = uitleen.loan_of(found)
    analyst = access.can_confirm_loans(actor)
    context = {
        "r": _request(found, names),
        "loan": _loan(loan, names) if loan else None,
        "form": form,
        "analyst": analyst,
        "can_cancel": found.status == "aangevraagd"
        or (found.status == "bevestigd" and (not loan or loan.status == "bevestigd")),
        "clash": uitleen.conflict(found),
        "nav": _nav(actor, "desk" if analyst else "mine"),
    }
    return render(request, "uitleen/request.html", context)


# -- the analyst ---------------------------------------------------------------------------------


@require_safe
@page(access.can_confirm_loans)
def desk(request, actor):
    names = _names()
    work = uitleen_agenda.desk(actor)
    context = {
        "pending": [{**_request(r, names), "clash": work.clashes.get(r.id)} for r in work.pending],
        "to_hand_over": [_loan(x, names) for x in work.to_hand_over],
        "out": [_loan(x, names) for x in work.out],
        "no_reach": [_loan(x, names) for x in work.no_reach],
        "year_loans": [_loan(x, names) for x in work.year],
        "this_year": timezone.localdate().year,
        "nav": _nav(actor, "desk"),
    }
    return render(request, "uitleen/desk.html", context)


@require_http_methods(["GET", "HEAD", "POST"])
@page(access.can_confirm_loans)
def loan(request, actor, year: int, loan_ref: str):
    ref = loan_ref
    found = uitleen.loan(actor, year, ref)
    back = reverse("uitleen:loan", args=[year, ref])
    if request.method == "POST":
        what = request.POST.get("wat")
        reach = ReturnForm(request.POST)
        reason = ReasonForm(request.POST)
        if what not in ("uitgeven", "terugnemen", "bereik", "annuleren"):
            raise NotFound()
        try:
            if what == "uitgeven":
                uitleen.hand_over(actor, year, ref)
                messages.success(request, _("Handed over."))
            elif what == "annuleren":
                if not reason.is_valid():
                    messages.error(request, _("The reason is too long."))
                    return redirect(back)
                uitleen.cancel_loan(actor, year, ref, reason.cleaned_data["reason"])
                messages.success(request, _("The loan is cancelled."))
                return redirect("uitleen:desk")
            elif not reach.is_valid():
                messages.error(request, _("Please enter a whole number of people, or leave it empty."))
            elif what == "terugnemen":
                uitleen.take_back(actor, year, ref, reach.cleaned_data["bereik"])
                messages.success(request, _("Returned."))
            else:
                uitleen.set_reach(actor, year, ref, reach.cleaned_data["bereik"])
                messages.success(request, _("The reach is noted."))
        except Refused as error:
            messages.error(request, labels.say(error))
        return redirect(back)
    names = _names()
    found_request = LoanRequest.objects.filter(pk=found.request_id).first() if found.request_id else None
    context = {
        "x": _loan(found, names),
        "request_row": _request(found_request, names) if found_request else None,
        "reach_form": ReturnForm(initial={"bereik": found.bereik}),
        "reason_form": ReasonForm(),
        "nav": _nav(actor, "desk"),
    }
    return render(request, "uitleen/loan.html", context)
