"""Person keys, computed by a partner on its own machine (`spec/pseudonymization.md`, version 1).

This module is a contract with every other partner of the region: two partners that follow it byte
for byte get the same `persoon` for the same person, one that deviates silently never links. Change
nothing here without a new message prefix (`zicht-v2|`).

Nothing in this module prints, logs or puts a name or date into an exception: errors and warnings name
rows, columns and fields, never values. It does not import Django.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import hmac
import os
import re
import unicodedata
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from zicht.paths import zicht_home
from zicht.schema.values import parse_date

PREFIX = "zicht-v1"
PERSON_COLUMN = "persoon"
KEY_BYTES = 32

# The three identifying fields, their default column names, and the names a partner may use for
# them in `--map COLUMN=FIELD` (English or the Dutch column name).
FIELDS = ("surname", "given", "birthdate")
DEFAULT_COLUMNS = {"surname": "achternaam", "given": "voornamen", "birthdate": "geboortedatum"}
FIELD_NAMES = {
    "surname": "surname",
    "achternaam": "surname",
    "given": "given",
    "voornamen": "given",
    "birthdate": "birthdate",
    "geboortedatum": "birthdate",
}
FIELD_LABELS = {  # (Dutch, English) for messages
    "surname": ("achternaam", "surname"),
    "given": ("voornamen", "given names"),
    "birthdate": ("geboortedatum", "date of birth"),
}

# Dutch and common surname particles, dropped from the surname (spec, normalisation step 2).
PARTICLES = frozenset(
    "van von de der den het t ter ten te in op aan bij onder over uit voor "
    "d la le du da di del dos das el al bin ibn".split()
)

_NOT_AZ = re.compile(r"[^a-z]+")
_KEY_TEXT = re.compile(r"[0-9a-fA-F]{64}")
# A key file is 65 bytes; anything much larger is the wrong file, and is not read into memory.
_KEY_FILE_MAX = 1024


class PseudonymizeError(ValueError):
    """Input refused; the messages name files, rows and columns, never identifying values."""

    def __init__(self, message_nl: str, message_en: str):
        super().__init__(message_en)
        self.message_nl = message_nl
        self.message_en = message_en


# --- normalisation -------------------------------------------------------------------------------


def _fold(text: str) -> str:
    # Deliberately not shared with zicht.schema.codes.fold: this step is frozen by the key contract.
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()


def _is_missing(value: Any) -> bool:
    if value is None:
        return True
    if isinstance(value, str):
        return False
    import pandas as pd  # NaN, None, pandas.NA and NaT from a DataFrame cell

    try:
        return bool(pd.isna(value))
    except (TypeError, ValueError):
        return False


def _words(value: Any) -> list[str]:
    if _is_missing(value):
        return []
    return _NOT_AZ.sub(" ", _fold(str(value))).split()


def normalize_surname(value: Any) -> str | None:
    """`van der Berg` -> `berg`, `d'Hondt` -> `hondt`, `Berg-Jansen` -> `bergjansen`; None if missing."""
    kept = [word for word in _words(value) if word not in PARTICLES]
    return "".join(kept) or None


def normalize_given(value: Any) -> str | None:
    """The first given name: `Jan-Pieter Karel` -> `jan`; None if missing."""
    words = _words(value)
    return words[0] if words else None


def normalize_birthdate(value: Any) -> str | None:
    """A date of the delivery format's forms (or a date cell) as `YYYY-MM-DD`; None otherwise."""
    if _is_missing(value):
        return None
    if isinstance(value, dt.datetime):  # before `date`: a datetime is a date too
        return value.date().isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    parsed = parse_date(str(value).strip())
    return parsed.isoformat() if parsed else None


def message(surname: Any, given: Any, birthdate: Any) -> bytes | None:
    """The UTF-8 message `zicht-v1|surname|given|YYYY-MM-DD`, or None when a field is missing."""
    parts = (normalize_surname(surname), normalize_given(given), normalize_birthdate(birthdate))
    if None in parts:
        return None
    return "|".join((PREFIX, *parts)).encode("utf-8")  # type: ignore[arg-type]  # no None left in parts


def missing_fields(surname: Any, given: Any, birthdate: Any) -> list[str]:
    """The fields (of FIELDS) that are missing after normalisation."""
    normal = {
        "surname": normalize_surname(surname),
        "given": normalize_given(given),
        "birthdate": normalize_birthdate(birthdate),
    }
    return [name for name in FIELDS if normal[name] is None]


def person_key(key: bytes, surname: Any, given: Any, birthdate: Any) -> str | None:
    """HMAC-SHA256(key, message) as 64 lowercase hex characters; None when a field is missing."""
    msg = message(surname, given, birthdate)
    if msg is None:
        return None
    return hmac.new(key, msg, hashlib.sha256).hexdigest()


# --- the key -------------------------------------------------------------------------------------


def new_key() -> bytes:
    """32 random bytes from the operating system."""
    import secrets

    return secrets.token_bytes(KEY_BYTES)


def key_text(key: bytes) -> str:
    """The key file's content: 64 lowercase hex characters and a newline."""
    return key.hex() + "\n"


def parse_key(text: str) -> bytes:
    """The key bytes from a key file's text (64 hex characters, surrounding white space ignored)."""
    stripped = text.strip()
    if not _KEY_TEXT.fullmatch(stripped):
        # Never echo the content: it may be a (damaged) key.
        raise PseudonymizeError(
            "Het sleutelbestand bevat geen geldige sleutel: verwacht precies 64 hexadecimale tekens "
            "(0-9, a-f), gemaakt met `zicht key new`.",
            "The key file does not hold a valid key: expected exactly 64 hexadecimal characters "
            "(0-9, a-f), as made by `zicht key new`.",
        )
    return bytes.fromhex(stripped)


def read_key(path: str | os.PathLike) -> bytes:
    """Read and check a key file; PseudonymizeError when it is not a key."""
    try:
        with open(path, "rb") as handle:
            raw = handle.read(_KEY_FILE_MAX + 1)
    except OSError as exc:
        raise PseudonymizeError(
            f"Het sleutelbestand kan niet worden gelezen ({exc.strerror}).",
            f"The key file cannot be read ({exc.strerror}).",
        ) from None
    if len(raw) > _KEY_FILE_MAX:
        return parse_key("too long")
    try:
        text = raw.decode("ascii")
    except UnicodeDecodeError:
        text = ""
    return parse_key(text)


def fingerprint(key: bytes) -> str:
    """A short check value of the key, safe to say aloud: partners compare it to see they share one key.

    The message has one `|` where a person message has three, so it can never equal a person key's.
    """
    return hmac.new(key, f"{PREFIX}|fingerprint".encode(), hashlib.sha256).hexdigest()[:16]


def inside_zicht_home(path: str | os.PathLike) -> bool:
    """Whether `path` is in (or is) the server's data folder, following symbolic links."""
    home = zicht_home()
    target = Path(path).expanduser().resolve()
    return target == home or home in target.parents


# --- a table -------------------------------------------------------------------------------------


@dataclass
class MissingRow:
    row: int  # Excel numbering: the header is row 1
    fields: list[str]  # of FIELDS


@dataclass
class Result:
    table: Any  # pandas.DataFrame
    missing: list[MissingRow] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)  # the identifying columns taken out

    @property
    def keyed(self) -> int:
        return len(self.table) - len(self.missing)


def _norm_header(name: Any) -> str:
    return str(name).strip().casefold()


def resolve_columns(columns: list[str], mapping: Mapping[str, str] | None = None) -> dict[str, str]:
    """field -> the table's column for it: `mapping` (COLUMN -> FIELD) first, else the default names.

    Column names match case-insensitively after stripping. PseudonymizeError for a mapped column
    that is not there, or a required field without a column.
    """
    by_name = {_norm_header(c): c for c in columns}
    found: dict[str, str] = {}
    for column, field_name in (mapping or {}).items():
        canonical = FIELD_NAMES.get(field_name.strip().casefold())
        if canonical is None:
            raise PseudonymizeError(
                f"Onbekend veld `{field_name}` in --map; kies uit: {', '.join(FIELD_NAMES)}.",
                f"Unknown field `{field_name}` in --map; choose from: {', '.join(FIELD_NAMES)}.",
            )
        if canonical in found:
            raise PseudonymizeError(
                f"Het veld `{canonical}` is twee keer toegewezen met --map.",
                f"The field `{canonical}` is mapped twice with --map.",
            )
        actual = by_name.get(_norm_header(column))
        if actual is None:
            raise PseudonymizeError(
                f"De kolom `{column}` uit --map staat niet in het bestand.",
                f"The column `{column}` given in --map is not in the file.",
            )
        found[canonical] = actual
    for name in FIELDS:
        if name in found:
            continue
        actual = by_name.get(DEFAULT_COLUMNS[name])
        if actual is not None and actual in found.values():
            raise PseudonymizeError(
                f"De kolom `{actual}` is met --map aan een ander veld gegeven; geef ook `{name}` op met --map.",
                f"The column `{actual}` is mapped to another field; also map `{name}` with --map.",
            )
        if actual is None:
            nl, en = FIELD_LABELS[name]
            raise PseudonymizeError(
                f"Verplichte kolom `{DEFAULT_COLUMNS[name]}` ({nl}) ontbreekt (rij 1). Heet die kolom "
                f"anders, geef dan --map KOLOM={DEFAULT_COLUMNS[name]} op.",
                f"Required column `{DEFAULT_COLUMNS[name]}` ({en}) is missing (row 1). If the column has "
                f"another name, pass --map COLUMN={name}.",
            )
        found[name] = actual
    return found


def _empty_row(cells: Any) -> bool:
    return all(_is_missing(v) or (isinstance(v, str) and not v.strip()) for v in cells)


def pseudonymize_table(
    table: Any,
    key: bytes,
    mapping: Mapping[str, str] | None = None,
    rows: list[int] | None = None,
    progress: Callable[[int], None] | None = None,
) -> Result:
    """Replace the identifying columns of `table` (a pandas DataFrame) by the person key.

    `mapping` is COLUMN -> FIELD as given with `--map`; `rows` the Excel row number of each record
    (default: the header is row 1 and the records follow without gaps). The identifying columns
    (mapped ones and any column with a default name) are removed, every other column is kept in
    order, and `persoon` replaces an existing column of that name or is added at the end. A row
    missing a field gets an empty `persoon` and is listed in `Result.missing`. `progress(n)` is
    called with the number of rows done since the previous call. Empty rows stay (so row numbers
    keep matching the input) with an empty `persoon` and no warning.
    """
    if len(key) != KEY_BYTES:
        raise PseudonymizeError("De sleutel moet 32 bytes zijn.", "The key must be 32 bytes.")
    columns = [c for c in table.columns]
    found = resolve_columns(columns, mapping)
    if rows is None:
        rows = list(range(2, len(table) + 2))
    if len(rows) != len(table):
        raise ValueError("rows must give one row number per record")

    keys: list[str] = []
    missing: list[MissingRow] = []
    surnames = table[found["surname"]].tolist()
    givens = table[found["given"]].tolist()
    dates = table[found["birthdate"]].tolist()
    step = 1000
    for i, (surname, given, birthdate) in enumerate(zip(surnames, givens, dates, strict=True)):
        value = person_key(key, surname, given, birthdate)
        if value is None:
            if not _empty_row(table.iloc[i]):  # an empty row is skipped by validation: no warning
                missing.append(MissingRow(rows[i], missing_fields(surname, given, birthdate)))
            value = ""
        keys.append(value)
        if progress is not None and (i + 1) % step == 0:
            progress(step)
    if progress is not None and len(keys) % step:
        progress(len(keys) % step)

    identifying = set(found.values()) | {c for c in columns if _norm_header(c) in DEFAULT_COLUMNS.values()}
    person_columns = [c for c in columns if _norm_header(c) == PERSON_COLUMN]
    out = table.copy()
    if person_columns:  # replace in place, keeping the column's position
        out[person_columns[0]] = keys
        out = out.rename(columns={person_columns[0]: PERSON_COLUMN})
        out = out.drop(columns=person_columns[1:])
    else:
        out[PERSON_COLUMN] = keys
    removed = [c for c in columns if c in identifying]
    out = out.drop(columns=removed)
    return Result(table=out, missing=missing, removed=removed)
