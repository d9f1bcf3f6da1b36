"""Reading the API's query parameters and form fields, with every problem named in Dutch and English.

A `Parameters` reads the fields one by one and collects what is wrong; `done()` then refuses the
request with one 400 that names them all (`problems.InvalidParameters`), so a caller fixes its request
in one go. Values are checked strictly (ASCII digits, known codes) before anything reaches a use case.
"""

from __future__ import annotations

import re

from zicht.web.api.problems import InvalidParameters

FIRST_YEAR, LAST_YEAR = 1900, 2100
TRUE, FALSE = ("true", "1"), ("false", "0")


class Parameters:
    def __init__(self, data):
        self.data = data
        self.errors: list[dict] = []

    def _text(self, name: str) -> str | None:
        """The field's value, or None when it was left out (an empty value is a wrong one, not absent)."""
        value = self.data.get(name)
        return value.strip() if isinstance(value, str) else value

    def error(self, name: str, message_nl: str, message_en: str) -> None:
        self.errors.append({"parameter": name, "message_nl": message_nl, "message_en": message_en})

    def _missing(self, name: str) -> None:
        self.error(name, f"`{name}` ontbreekt.", f"`{name}` is missing.")

    def integer(self, name: str, low: int, high: int, required: bool = False) -> int | None:
        value = self._text(name)
        if value is None:
            if required:
                self._missing(name)
            return None
        if not isinstance(value, str) or not re.fullmatch(r"[0-9]{1,9}", value) or not low <= int(value) <= high:
            self.error(
                name,
                f"`{name}` moet een geheel getal van {low} tot en met {high} zijn.",
                f"`{name}` must be a whole number from {low} to {high}.",
            )
            return None
        return int(value)

    def year(self, name: str = "year", required: bool = False) -> int | None:
        return self.integer(name, FIRST_YEAR, LAST_YEAR, required)

    def boolean(self, name: str) -> bool | None:
        value = self._text(name)
        if value is None:
            return None
        if isinstance(value, str) and value.lower() in TRUE + FALSE:
            return value.lower() in TRUE
        self.error(name, f"`{name}` moet `true` of `false` zijn.", f"`{name}` must be `true` or `false`.")
        return None

    def choice(self, name: str, choices: list[str], required: bool = False) -> str | None:
        value = self._text(name)
        if value is None:
            if required:
                self._missing(name)
            return None
        if value not in choices:
            listed = ", ".join(choices)
            self.error(name, f"`{name}` moet een van deze zijn: {listed}.", f"`{name}` must be one of: {listed}.")
            return None
        return value

    def partner(self, name: str, region, required: bool = False) -> str | None:
        """A partner of the region, by its code (case-insensitive); the canonical code."""
        value = self._text(name)
        if value is None:
            if required:
                self._missing(name)
            return None
        found = region.find_partner(value) if isinstance(value, str) else None
        if found is None:
            listed = ", ".join(p.code for p in region.partners)
            self.error(
                name,
                f"`{name}` moet een partner van de regio zijn: {listed}.",
                f"`{name}` must be a partner of the region: {listed}.",
            )
            return None
        return found.code

    def done(self) -> None:
        if self.errors:
            raise InvalidParameters(self.errors)
