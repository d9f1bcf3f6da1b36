"""What every page's layout needs: the region, the actor, the menu and the languages."""

from __future__ import annotations

from django.urls import reverse
from django.utils.translation import gettext as _

from zicht import __version__, access
from zicht.region import load_region


def _reverse(name: str) -> str | None:
    from django.urls import NoReverseMatch

    try:
        return reverse(name)
    except NoReverseMatch:
        return None


def site(request) -> dict:
    from zicht.web.actors import actor_of, pending_second_factor

    region = load_region()
    actor = actor_of(request)
    items = [(_("Figures"), reverse("public:home"), lambda path: path == "/")]
    items.append((_("Monitor"), reverse("public:editions"), lambda path: path.startswith("/monitor/")))
    for label, name, prefix in (
        (_("Where to report"), "meldroutekaart:home", "/meldroutekaart/"),
        (_("Action plan"), "actieplan:home", "/actieplan/"),
        (_("Materials on loan"), "uitleen:home", "/uitleen/"),
    ):
        url = _reverse(name)
        if url:  # an area shows in the menu once it has its start page
            items.append((label, url, lambda path, prefix=prefix: path.startswith(prefix)))
    from zicht.web.landelijk.views import menu_item

    national = menu_item()  # only when the site is given regions' packages
    if national:
        items.append((*national, lambda path: path.startswith("/landelijk/")))
    if access.can_use_portal(actor):
        items.append((_("Deliver"), reverse("aanleveren:home"), lambda path: path.startswith("/aanleveren/")))
    if access.can_use_desk(actor):
        items.append((_("Desk"), reverse("beheer:home"), lambda path: path.startswith("/beheer/")))
    path = request.path
    return {
        "site": {
            "title": _("Human Trafficking Monitor %(region)s") % {"region": region.name},
            "region_name": region.name[:1].upper() + region.name[1:],
            "organisation": region.organisation,
            "theme": region.theme,
            "actor": actor,
            "pending_second_factor": pending_second_factor(request),
            "nav": [{"label": label, "url": url, "active": test(path)} for label, url, test in items],
            "languages": [("nl", "Nederlands"), ("en", "English")],
            "version": __version__,
        }
    }
