"""Parsing single cell values by the general rules of the delivery format (`spec/delivery-format.md`)."""

from __future__ import annotations

import re
import unicodedata
from datetime import date

ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}([T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?)?$")
DUTCH_DATE = re.compile(r"^\d{1,2}-\d{1,2}-\d{4}( \d{1,2}:\d{2}(:\d{2})?)?$")
_WHOLE = re.compile(r"[0-9]+")

MULTI_SEPARATOR = "|"


def clean(text: str) -> str:
    """A cell as compared and stored: NFC-normalised, surrounding Unicode white space (NBSP too) stripped."""
    return unicodedata.normalize("NFC", text).strip()


def parse_date(text: str) -> date | None:
    """The date `text` names in the ISO (`2024-03-31`) or Dutch day-first (`31-3-2024`) form, time ignored.

    None when it is in neither form or does not exist in the calendar (`31-2-2024`).
    """
    text = clean(text)
    try:
        if ISO_DATE.fullmatch(text):
            return date(int(text[0:4]), int(text[5:7]), int(text[8:10]))
        if DUTCH_DATE.fullmatch(text):
            day, month, rest = text.split("-", 2)
            return date(int(rest[:4]), int(month), int(day))
    except ValueError:
        return None
    return None


def parse_whole_number(text: str) -> int | None:
    """A whole number >= 0 written with digits only, else None."""
    text = clean(text)
    return int(text) if _WHOLE.fullmatch(text) else None


def split_multi(text: str) -> list[str]:
    """The parts of a multi-valued cell: split on `|`, stripped, empty parts dropped, repeats kept once."""
    parts = (clean(p) for p in text.split(MULTI_SEPARATOR))
    return list(dict.fromkeys(p for p in parts if p))


def column_letter(index: int) -> str:
    """The Excel letter of a 0-based column index (0 -> A, 26 -> AA)."""
    letters = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(65 + rest) + letters
    return letters
