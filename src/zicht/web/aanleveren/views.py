"""The delivery portal (spec/web.md, `/aanleveren/`): templates and Table Schemas, upload in two steps
(check, then confirm), the history of every version with what changed, restoring a version, API tokens.

Partners see only their own partner's things; another partner's check, history or version is not found
(404), never forbidden, so no page tells whether it exists. The use cases check access and audit.
"""

from __future__ import annotations

import functools

from django.conf import settings
from django.contrib import messages
from django.core.files.uploadhandler import TemporaryFileUploadHandler
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_protect
from django.views.decorators.http import require_POST

from zicht import access
from zicht.indicators import REGISTRY
from zicht.region import load_region
from zicht.schema.datasets import DATASETS
from zicht.services import accounts, deliveries
from zicht.services.errors import NotFound, Refused
from zicht.web.aanleveren.forms import FIRST_YEAR, TokenForm, UploadForm
from zicht.web.actors import page

MAX_FINDINGS_SHOWN = 500  # per page; the CSV has them all


def _lang() -> str:
    return "en" if (get_language() or "nl").startswith("en") else "nl"


def _say(refused: Refused | access.NotAllowed) -> str:
    return refused.message_en if _lang() == "en" else refused.message_nl


def _year(text: str | None) -> int | None:
    if text and text.isdigit() and FIRST_YEAR <= int(text) <= 2200:
        return int(text)
    return None


def _dataset(name: str) -> dict:
    declared = DATASETS[name]
    en = _lang() == "en"
    return {
        "name": name,
        "title": declared.title_en if en else declared.title_nl,
        "description": declared.description_en if en else declared.description_nl,
    }


def _partner_name(code: str) -> str:
    found = load_region().find_partner(code)
    return found.name if found else code


# -- the overview and the templates --------------------------------------------------------------


@page(access.can_use_portal)
def home(request, actor):
    overview = deliveries.portal(actor, _year(request.GET.get("jaar")))
    partners = [
        {
            "code": p.code,
            "name": p.name,
            "items": [{"item": i, "dataset": _dataset(i.dataset)} for i in p.items],
        }
        for p in overview.partners
    ]
    items = [i for p in overview.partners for i in p.items]
    context = {
        "portal": overview,
        "partners": partners,
        "several": len(partners) > 1,
        "expected": len(items),
        "delivered": sum(1 for i in items if i.current),
        "tokens": access.can_manage_tokens(actor),
    }
    return render(request, "aanleveren/home.html", context)


@page(access.can_use_portal)
def template(request, actor, dataset: str, fmt: str):
    name, content_type, content = deliveries.template_for(actor, dataset, "schema" if fmt == "schema.json" else fmt)
    response = HttpResponse(content, content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response


# -- upload: check, then confirm -----------------------------------------------------------------


def keeps_uploads_on_disk(view):
    """Stream every uploaded file to a temporary file, however small, so it is never held in memory whole
    (the use case reads it once to keep it). The handlers must be set before anything reads the body, so
    the CSRF check runs here, after them, instead of in the middleware."""
    protected = csrf_protect(view)

    @functools.wraps(view)
    def wrapped(request, *args, **kwargs):
        request.upload_handlers = [TemporaryFileUploadHandler(request)]
        return protected(request, *args, **kwargs)

    wrapped.csrf_exempt = True  # the middleware's check; `protected` does it instead
    return wrapped


def _upload_years(delivered: list[int]) -> list[int]:
    """The last ten years, and any earlier year with deliveries (a correction of an old year)."""
    this_year = timezone.localdate().year
    return sorted(set(range(this_year - 9, this_year + 1)) | set(delivered), reverse=True)


@keeps_uploads_on_disk
@page(access.can_use_portal)
def upload(request, actor):
    region = load_region()
    overview = deliveries.portal(actor)
    pairs = access.deliverable(actor, region)
    names = {p.code: p.name for p in region.partners}
    years = _upload_years(overview.years)
    if request.method == "POST":
        form = UploadForm(pairs, names, years, request.POST, request.FILES)
        if form.is_valid():
            data = form.cleaned_data
            uploaded = data["file"]
            check = deliveries.check_upload(
                actor, uploaded.temporary_file_path(), uploaded.name, data["partner"], data["dataset"], data["year"]
            )
            return redirect("aanleveren:check", file_hash=check.file_hash)
    else:
        initial = {"year": _year(request.GET.get("jaar")) or overview.year}
        if request.GET.get("dataset") in DATASETS:
            initial["dataset"] = request.GET["dataset"]
        partner = region.find_partner(request.GET.get("partner") or "")
        if partner is not None:
            initial["partner"] = partner.code
        form = UploadForm(pairs, names, years, initial=initial)
    hours = settings.UPLOAD_KEEP.total_seconds() / 3600
    context = {
        "form": form,
        "partner_name": names.get(form.own_partner or "", ""),
        "max_mb": round(settings.MAX_UPLOAD_BYTES / 1024 / 1024),
        "keep_hours": int(hours) if hours == int(hours) else round(hours, 1),
    }
    return render(request, "aanleveren/upload.html", context)


def _expired(request):
    """An unknown, expired or someone else's check: the same 404 page, which says what to do."""
    return render(request, "aanleveren/expired.html", status=404)


def _groups(lines, lang: str) -> list[dict]:
    """Findings grouped by (column, code) in the order they first occur (file, header, then rows), so a
    data officer fixes one kind of problem at a time; 'allowed' once per group when it is the same."""
    groups: dict[tuple, dict] = {}
    shown = 0
    for line in lines:
        key = (line.column, line.code)
        group = groups.setdefault(key, {"column": line.column, "code": line.code, "count": 0, "lines": []})
        group["count"] += 1
        if shown < MAX_FINDINGS_SHOWN:
            found, allowed = line.text(lang)
            group["lines"].append({"row": line.row, "found": found, "allowed": allowed})
            shown += 1
    for group in groups.values():
        allowed = {line["allowed"] for line in group["lines"]}
        group["allowed"] = allowed.pop() if len(allowed) == 1 else None
        group["hidden"] = group["count"] - len(group["lines"])
    return list(groups.values())


@page(access.can_use_portal)
def check(request, actor, file_hash: str):
    try:
        checked = deliveries.upload_check(actor, file_hash)
    except NotFound:
        return _expired(request)
    lines = checked.lines
    difference = checked.rows - checked.current.row_count if checked.accepted and checked.current else None
    context = {
        "check": checked,
        "dataset": _dataset(checked.dataset),
        "partner_name": _partner_name(checked.partner),
        "groups": _groups(lines, _lang()),
        "count": len(lines),
        "truncated": len(lines) > MAX_FINDINGS_SHOWN,
        "max_shown": MAX_FINDINGS_SHOWN,
        "difference": difference,
        "fewer": -difference if difference is not None and difference < 0 else 0,
    }
    return render(request, "aanleveren/check.html", context)


@page(access.can_use_portal)
def findings(request, actor, file_hash: str):
    try:
        name, content = deliveries.findings_csv(actor, file_hash)
    except NotFound:
        return _expired(request)
    response = HttpResponse(content, content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response


@page(access.can_use_portal)
@require_POST
def confirm(request, actor, file_hash: str):
    try:
        result = deliveries.confirm_upload(actor, file_hash)
    except NotFound:
        return _expired(request)
    except Refused as refused:
        messages.error(request, _say(refused))
        return redirect("aanleveren:check", file_hash=file_hash)
    if not result.accepted:  # the rules changed between check and confirmation: the check page shows them
        messages.error(request, _("The file was refused on import; nothing was changed. Check it again."))
        return redirect("aanleveren:upload")
    d = result.delivery
    messages.success(
        request,
        _("Imported: version %(version)s of “%(dataset)s” for %(year)s, %(rows)s rows. It is now the current version.")
        % {"version": d.version, "dataset": _dataset(d.dataset)["title"], "year": d.year, "rows": d.row_count},
    )
    return redirect("aanleveren:history", partner=d.partner, dataset=d.dataset, year=d.year)


@page(access.can_use_portal)
@require_POST
def discard(request, actor, file_hash: str):
    try:
        checked = deliveries.upload_check(actor, file_hash)
        deliveries.discard_upload(actor, file_hash)
    except NotFound:
        return _expired(request)
    messages.success(request, _("The file was discarded; nothing was imported."))
    query = f"?partner={checked.partner}&dataset={checked.dataset}&jaar={checked.year}"
    return redirect(reverse("aanleveren:upload") + query)


# -- versions ------------------------------------------------------------------------------------


def _changes(changes: dict | None, lang: str) -> dict | None:
    """A version's changes against the one before, with each indicator's help in the page's language."""
    if not changes:
        return None
    before = changes.get("totals_before") or {}
    after = changes.get("totals_after") or {}
    indicators = []
    for name in sorted(set(before) | set(after), key=lambda n: list(REGISTRY).index(n) if n in REGISTRY else 99):
        known = REGISTRY.get(name)
        help_text = (known.help_en if lang == "en" else known.help_nl) if known else ""
        old, new = before.get(name), after.get(name)
        delta = new - old if isinstance(old, int) and isinstance(new, int) else None
        indicators.append({"name": name, "help": help_text, "before": old, "after": new, "delta": delta})
    return {
        "first": changes.get("previous_id") is None,
        "added": changes.get("rows_added"),
        "removed": changes.get("rows_removed"),
        "changed": changes.get("rows_changed"),
        "indicators": indicators,
    }


@page(access.can_use_portal)
def history(request, actor, partner: str, dataset: str, year: int):
    versions = deliveries.history(actor, partner, dataset, year)
    region = load_region()
    lang = _lang()
    context = {
        "partner": partner,
        "partner_name": _partner_name(partner),
        "dataset": _dataset(dataset),
        "year": year,
        "versions": [{"d": d, "changes": _changes(d.changes, lang)} for d in versions],
        "may_deliver": access.can_deliver(actor, partner, dataset, region),
        "may_restore": access.can_restore(actor, partner, dataset, region),
    }
    return render(request, "aanleveren/history.html", context)


@page(access.can_use_portal)
@require_POST
def restore(request, actor, delivery_id: int):
    source = deliveries.delivery(actor, delivery_id)  # another partner's: 404
    back = redirect("aanleveren:history", partner=source.partner, dataset=source.dataset, year=source.year)
    try:
        restored = deliveries.restore(actor, delivery_id)
    except Refused as refused:
        messages.error(request, _say(refused))
        return back
    messages.success(
        request,
        _("Version %(old)s is the current version again, as version %(new)s.")
        % {"old": source.version, "new": restored.version},
    )
    return back


# -- API tokens ----------------------------------------------------------------------------------


@page(access.can_manage_tokens)
def tokens(request, actor):
    created = None
    form = TokenForm()
    if request.method == "POST":
        form = TokenForm(request.POST)
        if form.is_valid():
            try:
                info, plain = accounts.create_token(actor, form.cleaned_data["name"])
            except Refused as refused:
                form.add_error("name", _say(refused))
            else:
                created = {"info": info, "token": plain}  # shown on this answer only, never stored
                form = TokenForm()
    context = {"tokens": accounts.tokens_for(actor), "form": form, "created": created}
    return render(request, "aanleveren/tokens.html", context)


@page(access.can_manage_tokens)
@require_POST
def revoke_token(request, actor, token_id: int):
    info = accounts.revoke_token(actor, token_id)
    messages.success(request, _("Token “%(name)s” is revoked; it no longer works.") % {"name": info.name})
    return redirect("aanleveren:tokens")
