"""The audit log on the desk: filter by who, what and period, newest first, 50 a page; a CSV export of
the filtered entries. Reading is not audited; the export is (by the use case). Nothing here can change
or delete an entry."""

from __future__ import annotations

from urllib.parse import urlencode

from django.http import HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.views.decorators.http import require_safe

from zicht import access
from zicht.services import audit
from zicht.web.actors import page
from zicht.web.beheer.forms import AuditFilterForm
from zicht.web.beheer.labels import details_display
from zicht.web.beheer.views import desk_nav

PER_PAGE = 50


def _filters(request, actions: list[str]) -> tuple[AuditFilterForm, dict]:
    """The form and the filters it gives; an invalid filter is shown and left out, never a traceback."""
    form = AuditFilterForm(request.GET, actions=actions)
    form.is_valid()
    data = getattr(form, "cleaned_data", {})
    return form, {
        "who": (data.get("wie") or "").strip() or None,
        "action": data.get("wat") or None,
        "since": data.get("van"),
        "until": data.get("tot"),
    }


def _query(request, **changes) -> str:
    params = {k: v for k, v in request.GET.items() if k in ("wie", "wat", "van", "tot") and v}
    params.update({k: v for k, v in changes.items() if v})
    return urlencode(params)


@require_safe
@page(access.can_view_audit)
def audit_log(request, actor):
    actions = audit.audit_log(actor, limit=0).actions
    form, filters = _filters(request, actions)
    number = request.GET.get("pagina", "1")
    number = int(number) if number.isdigit() and int(number) > 0 else 1
    result = audit.audit_log(actor, **filters, limit=PER_PAGE, offset=(number - 1) * PER_PAGE)
    pages = max(1, -(-result.total // PER_PAGE))
    if number > pages:  # a page past the end (the filters changed): show the last one
        number = pages
        result = audit.audit_log(actor, **filters, limit=PER_PAGE, offset=(number - 1) * PER_PAGE)
    events = [{**e, "details_shown": details_display(e["details"])} for e in result.events]
    context = {
        "form": form,
        "events": events,
        "total": result.total,
        "page": number,
        "pages": pages,
        "first": (number - 1) * PER_PAGE + 1 if result.total else 0,
        "last": min(number * PER_PAGE, result.total),
        "previous_url": f"?{_query(request, pagina=number - 1)}" if number > 1 else None,
        "next_url": f"?{_query(request, pagina=number + 1)}" if number < pages else None,
        "filtered": any(filters.values()),
        "csv_query": _query(request),
        "desk_nav": desk_nav(actor, "audit"),
    }
    return render(request, "beheer/audit.html", context)


@require_safe
@page(access.can_view_audit)
def audit_csv(request, actor):
    actions = audit.audit_log(actor, limit=0).actions
    _form, filters = _filters(request, actions)
    content = audit.export_audit(actor, **filters)
    name = f"auditlog-{timezone.localdate().isoformat()}.csv"
    response = HttpResponse(content, content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response
