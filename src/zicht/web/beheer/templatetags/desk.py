"""Template filters of the analyst's desk: moments, and the names of sections, datasets, roles, actions."""

from __future__ import annotations

import datetime as dt

from django import template
from django.utils import formats, timezone

from zicht.web.beheer import labels

register = template.Library()


def _moment(value) -> dt.datetime | dt.date | None:
    if isinstance(value, str):
        try:
            value = dt.datetime.fromisoformat(value)
        except ValueError:
            return None
    if isinstance(value, dt.datetime) and timezone.is_aware(value):
        value = timezone.localtime(value)
    return value


@register.filter
def moment(value) -> str:
    """`3 december 2024, 14:05` from a datetime or an ISO string."""
    found = _moment(value)
    if found is None:
        return "—"
    if not isinstance(found, dt.datetime):
        return formats.date_format(found, "j F Y")
    return formats.date_format(found, "j F Y, H:i")


@register.filter
def day(value) -> str:
    """`3 december 2024` from a datetime, date or an ISO string."""
    found = _moment(value)
    return formats.date_format(found, "j F Y") if found is not None else "—"


register.filter("section_label", labels.section_label)
register.filter("section_help", labels.section_help)
register.filter("dataset_title", labels.dataset_title)
register.filter("role_label", labels.role_label)
register.filter("action_label", labels.action_label)
