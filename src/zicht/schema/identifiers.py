"""Direct identifiers that a delivery must never hold: BSN, e-mail address, Dutch phone number.

The regular expressions are those of `spec/delivery-format.md`, verbatim. `scan` checks many values at
once: cheap prefilters (an `@` for an e-mail address; nine digits with at most one separator between
them for a BSN or phone number) pick the few candidates the exact expressions then run on.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

import numpy as np

BSN = re.compile(r"(?<![0-9A-Za-z])(\d{9}|\d{4}[ .]\d{2}[ .]\d{3})(?![0-9A-Za-z])")
EMAIL = re.compile(r"(?<![0-9A-Za-z._%+-])[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}(?![0-9A-Za-z])")
PHONE = re.compile(r"(?<![0-9A-Za-z+])(\+31|0031|0)[ -]?(\(0\)[ -]?)?[1-9]([ -]?\d){8}(?![0-9A-Za-z])")

# Every BSN candidate at every start position (a zero-width match per start), so that a candidate that
# fails the eleven-test never hides an overlapping one that passes.
_BSN_ALL = re.compile(r"(?=" + BSN.pattern + r")")

# Any BSN or phone match starts, not after a letter or digit, with a digit or `+`, and holds eight
# more characters of digits, spaces, dots, hyphens and brackets.
_CANDIDATE = re.compile(r"(?<![0-9A-Za-z])\+?\d[\d .()\-]{8}")

KINDS = ("bsn", "email", "phone")


def eleven_test(digits: str) -> bool:
    """The BSN eleven-test on nine digits: 9·d1 + 8·d2 + … + 2·d8 − d9 divisible by 11."""
    d = [int(ch) for ch in digits]
    return len(d) == 9 and (sum(w * x for w, x in zip(range(9, 1, -1), d[:8], strict=True)) - d[8]) % 11 == 0


def has_bsn(text: str) -> bool:
    for m in _BSN_ALL.finditer(text):
        if eleven_test("".join(ch for ch in m.group(1) if ch not in " .")):
            return True
    return False


def find_identifier(text: str) -> str | None:
    """The kind of direct identifier in `text` ("bsn", "email", "phone"), or None."""
    if has_bsn(text):
        return "bsn"
    if "@" in text and EMAIL.search(text):
        return "email"
    if PHONE.search(text):
        return "phone"
    return None


def scan(values: Sequence[str], skip: Callable[[str], bool] | None = None) -> dict[int, str]:
    """{index: kind} for the values that hold a direct identifier (`skip` exempts values known safe)."""
    if not len(values):
        return {}
    joined = "\n".join(values)  # one regex pass over all values; no pattern can cross a newline
    candidates: set[int] = set()
    if "@" in joined:
        candidates.update(i for i, v in enumerate(values) if "@" in v)
    hits = [m.start() for m in _CANDIDATE.finditer(joined)]
    if hits:
        ends = np.cumsum(np.fromiter(map(len, values), dtype=np.int64, count=len(values)) + 1)
        candidates.update(np.searchsorted(ends, hits, side="right").tolist())
    found = {}
    for i in sorted(candidates):
        if skip is not None and skip(values[i]):
            continue
        kind = find_identifier(values[i])
        if kind:
            found[i] = kind
    return found
