"""The meldroutekaart (/meldroutekaart/): signals, a guided check and where to report, for anyone who
saw something. It stores nothing about the person who uses it:

- no cookie and no session: no page writes to the session or draws a CSRF token for an anonymous
  visitor; the check is posted without a CSRF cookie (see `check`);
- no database row: the views only read the region configuration and the texts in this package;
- no log line with answers: the answers travel in a POST body (the access log records the path only,
  zicht.web.server) and nothing here logs.

Language: the visitor's own choice with the site's switch (a cookie) wins; without it a `lang` in the
link or form (the English municipal block links with ?lang=en, and a frame gets no cookie) sets the
language of that one request, and the area's links carry it on.
"""

from __future__ import annotations

from django.conf import settings
from django.http import HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.clickjacking import xframe_options_exempt
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods, require_safe

from zicht.region import load_region
from zicht.services.errors import NotFound
from zicht.web.actors import page
from zicht.web.meldroutekaart import config, vormen
from zicht.web.meldroutekaart.check import outcome, reason
from zicht.web.meldroutekaart.forms import CheckForm

LANGS = ("nl", "en")


def _language(request) -> tuple[str, str]:
    """(the page's language, the `lang` its links carry on or "")."""
    chosen = request.COOKIES.get(settings.LANGUAGE_COOKIE_NAME)
    if chosen in LANGS:
        return chosen, ""
    asked = request.GET.get("lang") or (request.POST.get("lang") if request.method == "POST" else None)
    if asked in LANGS:
        translation.activate(asked)
        request.LANGUAGE_CODE = asked
        return asked, asked
    return ("en" if (translation.get_language() or "nl").startswith("en") else "nl"), ""


def _kaart() -> config.Kaart:
    return config.load(load_region())


def _page(request, template: str, context: dict, lang: str, carry: str, status: int = 200) -> HttpResponse:
    emergency = next((r for r in _kaart().routes if "gevaar:ja" in r.check and r.tel), None)
    context = {
        "emergency": emergency.localized(lang) if emergency else None,
        **context,
        "lang": lang,
        "carry": carry,
        "query": f"?lang={carry}" if carry else "",
    }
    response = render(request, template, context, status=status)
    response["Content-Language"] = lang
    return response


def _home_url(request, kaart: config.Kaart, lang: str) -> str:
    """The meldroutekaart's public address: the configured one, else the one this request reached."""
    url = kaart.url or request.build_absolute_uri(reverse("meldroutekaart:home"))
    return url + ("?lang=en" if lang == "en" else "")


@require_safe
@page()
def home(request, actor):
    lang, carry = _language(request)
    kaart = _kaart()
    context = {
        "routes": [r.localized(lang) for r in kaart.routes],
        "forms": [vormen.localized(f, lang) for f in vormen.FORMS],
    }
    return _page(request, "meldroutekaart/home.html", context, lang, carry)


# The check changes nothing, so it needs no protection against a forged request, and a CSRF token would
# set a cookie on a visitor who must leave no trace: it is exempt. It answers a POST, never a query
# string, so the answers reach no access log, browser history or Referer header.
@csrf_exempt
@require_http_methods(["GET", "HEAD", "POST"])
@never_cache
@page()
def check(request, actor):
    lang, carry = _language(request)
    if request.method != "POST":
        return _page(
            request, "meldroutekaart/check.html", {"form": CheckForm(), "crumb": _("Short check")}, lang, carry
        )
    if request.POST.get("wijzig"):  # back to the questions, the answers given already chosen
        given = {name: request.POST.getlist(name) for name in CheckForm.base_fields}
        return _page(
            request,
            "meldroutekaart/check.html",
            {"form": CheckForm(initial=given), "crumb": _("Short check")},
            lang,
            carry,
        )
    form = CheckForm(request.POST)
    if not form.is_valid():
        # Someone said that a person is in danger: the emergency number first, whatever else is missing.
        acute = request.POST.get("gevaar") == "ja"
        context = {"form": form, "crumb": _("Short check"), "acute": acute}
        return _page(request, "meldroutekaart/check.html", context, lang, carry)
    answers = form.answers()
    kaart = _kaart()
    result = outcome(answers, kaart.routes)
    context = {
        "crumb": _("Where you can report"),
        "crumbs": [(_("Short check"), reverse("meldroutekaart:check"))],
        "acute": result.acute,
        "talk": result.talk,
        "answers": answers,
        "steps": [
            {"route": step.route.localized(lang), "because": [reason(code, lang) for code in step.because]}
            for step in result.steps
        ],
        "forms": [vormen.localized(vormen.BY_CODE[code], lang) for code in result.forms],
    }
    return _page(request, "meldroutekaart/outcome.html", context, lang, carry)


@require_safe
@page()
def signals(request, actor):
    lang, carry = _language(request)
    from zicht.web.meldroutekaart.signals import GROUPING_SOURCE

    context = {
        "forms": [vormen.localized(f, lang) for f in vormen.FORMS],
        "general": vormen.general(lang),
        "grouping": vormen.source(GROUPING_SOURCE, lang),
        "crumb": _("Signals"),
    }
    return _page(request, "meldroutekaart/signals.html", context, lang, carry)


@require_safe
@page()
def form(request, actor, vorm: str):
    lang, carry = _language(request)
    found = vormen.BY_CODE.get(vorm)
    if found is None:
        raise NotFound()
    from zicht.web.meldroutekaart.signals import GROUPING_SOURCE

    context = {
        "form": vormen.localized(found, lang),
        "others": [vormen.localized(f, lang) for f in vormen.FORMS if f.code != vorm],
        "grouping": vormen.source(GROUPING_SOURCE, lang),
        "crumb": found.name(lang),
        "crumbs": [(_("Signals"), reverse("meldroutekaart:signals"))],
    }
    return _page(request, "meldroutekaart/form.html", context, lang, carry)


@require_safe
@page()
def pdf(request, actor, lang: str):
    from zicht.web.meldroutekaart import printable

    kaart = _kaart()
    content = printable.pdf(kaart, lang, _home_url(request, kaart, lang))
    response = HttpResponse(content, content_type="application/pdf")
    response["Content-Disposition"] = f'inline; filename="{printable.file_name(lang)}"'
    return response


# The one page that may be framed: by the region's municipal websites only (frame-ancestors), so the
# clickjacking header that forbids every frame is left off here alone.
@xframe_options_exempt
@require_safe
@page()
def embed(request, actor):
    from csp.decorators import csp_replace

    lang, _carry = _language(request)
    kaart = _kaart()
    ancestors = list(kaart.embed_domains) or ["'none'"]

    @csp_replace({"frame-ancestors": ancestors})
    def framed(request):
        context = {"block": _block(request, kaart, lang)}
        response = _page(request, "meldroutekaart/embed.html", context, lang, lang)
        # A municipal page that isolates itself (COEP) may still load this one frame.
        response["Cross-Origin-Resource-Policy"] = "cross-origin"
        return response

    return framed(request)


@require_safe
@page()
def share(request, actor):
    from django.template.loader import render_to_string

    lang, carry = _language(request)
    kaart = _kaart()
    blocks = []
    for code, name in (("nl", "Nederlands"), ("en", "English")):
        block = _block(request, kaart, code)
        embed_url = _home_url(request, kaart, "nl") + "embed/" + ("?lang=en" if code == "en" else "")
        with translation.override(code):
            # Quotes in text need no escaping: every attribute is in double quotes, which stay escaped.
            html = render_to_string("meldroutekaart/snippet.html", {"block": block}).strip().replace("&#x27;", "'")
            frame = render_to_string("meldroutekaart/frame.html", {"src": embed_url}).strip()
        blocks.append({"lang": code, "name": name, "html": html, "frame": frame, "block": block})
    context = {
        "blocks": blocks,
        "domains": kaart.embed_domains,
        "region": load_region(),
        "crumb": _("For municipal websites"),
    }
    return _page(request, "meldroutekaart/share.html", context, lang, carry)


def _block(request, kaart: config.Kaart, lang: str) -> dict:
    """What the municipal block says, in one language: the routes and the address of the meldroutekaart."""
    return {
        "lang": lang,
        "region": load_region().name,
        "routes": [r.localized(lang) for r in kaart.routes],
        "url": _home_url(request, kaart, lang),
    }
