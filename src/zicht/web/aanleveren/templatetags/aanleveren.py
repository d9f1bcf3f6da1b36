"""Template filters of the portal."""

from __future__ import annotations

import datetime as dt

from django import template

register = template.Library()


@register.filter
def moment(value: str | None) -> dt.datetime | None:
    """An ISO timestamp of a use case's result as a datetime, so `|date` shows it in local time."""
    if not value:
        return None
    try:
        return dt.datetime.fromisoformat(value)
    except ValueError:
        return None


@register.filter
def signed(value: int | None) -> str:
    """A difference with its sign (+3, −2, 0); a real minus sign, as Dutch typography has it."""
    if value is None:
        return ""
    if value > 0:
        return f"+{value}"
    if value < 0:
        return f"\u2212{-value}"
    return "0"
