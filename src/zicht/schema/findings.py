"""Findings: what validation reports about a delivery, in Dutch and English, from a closed list of codes.

Every problem in a delivery is a `Finding(row, column, code, message_nl, message_en)`. `row` is the
Excel row number (header = 1) or None for the whole file; `column` is the canonical column name (as
written for an unknown column) or None. `code` is one of `CODES`; the generated format docs list them.
Messages never repeat the value of a cell that holds a direct identifier or a person key.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass


@dataclass(frozen=True)
class Finding:
    row: int | None
    column: str | None
    code: str
    message_nl: str
    message_en: str

    def as_dict(self) -> dict:
        return asdict(self)


@dataclass(frozen=True)
class FindingCode:
    code: str
    scope: str  # "file", "header" (row 1) or "cell"
    description: str  # one line for the docs (English)
    nl: str  # message templates (str.format); the location is put in front
    en: str


@dataclass(frozen=True)
class Both:
    """A message parameter that differs per language."""

    nl: str
    en: str


_FILE_HINT_NL = "sla het op als CSV UTF-8 (Excel: Opslaan als > CSV UTF-8) of als .xlsx"
_FILE_HINT_EN = "save it as CSV UTF-8 (Excel: Save As > CSV UTF-8) or as .xlsx"

_IDENTIFIER_NL = "direct identificerende gegevens mogen nooit worden aangeleverd; verwijder het en lever opnieuw"
_IDENTIFIER_EN = "direct identifiers must never be delivered; remove it and deliver again"

_CODES = (
    # -- the file
    FindingCode(
        "file-type",
        "file",
        "The file is not a CSV or XLSX file.",
        "bestandstype {ext} wordt niet ondersteund; lever een .csv- of .xlsx-bestand.",
        "file type {ext} is not supported; deliver a .csv or .xlsx file.",
    ),
    FindingCode(
        "unreadable",
        "file",
        "The file cannot be read as CSV or XLSX (damaged, or another format under that name).",
        "het bestand kan niet gelezen worden als {kind} ({detail}); " + _FILE_HINT_NL + ".",
        "the file cannot be read as {kind} ({detail}); " + _FILE_HINT_EN + ".",
    ),
    FindingCode(
        "encoding",
        "file",
        "A CSV file that is neither UTF-8 nor Windows-1252 text.",
        "het bestand is geen UTF-8- of Windows-1252-tekst; " + _FILE_HINT_NL + ".",
        "the file is neither UTF-8 nor Windows-1252 text; " + _FILE_HINT_EN + ".",
    ),
    FindingCode(
        "nul-byte",
        "file",
        "A CSV file that holds a NUL byte (a binary or UTF-16 file).",
        "het bestand bevat NUL-tekens (een binair of UTF-16-bestand); " + _FILE_HINT_NL + ".",
        "the file holds NUL bytes (a binary or UTF-16 file); " + _FILE_HINT_EN + ".",
    ),
    FindingCode(
        "utf-16",
        "file",
        "A CSV file that starts with a UTF-16 byte-order mark (Excel's 'Unicode text').",
        "het bestand is UTF-16 ('Unicode-tekst'); " + _FILE_HINT_NL + ".",
        "the file is UTF-16 ('Unicode text'); " + _FILE_HINT_EN + ".",
    ),
    FindingCode(
        "unknown-partner",
        "file",
        "The delivering partner is not one of the region's configured partners.",
        "partij {partner} is onbekend; bekende partijen: {allowed}.",
        "partner {partner} is unknown; known partners: {allowed}.",
    ),
    FindingCode(
        "partner-not-allowed",
        "file",
        "The delivering partner may not deliver this dataset.",
        "partij {partner} mag {dataset} niet leveren; dat mogen: {allowed}.",
        "partner {partner} may not deliver {dataset}; allowed: {allowed}.",
    ),
    # -- the header (row 1)
    FindingCode(
        "no-header",
        "header",
        "Row 1 holds no column names (an empty file or an empty first row).",
        "rij 1 moet de kolomnamen bevatten, maar is leeg; verwacht: {expected}.",
        "row 1 must hold the column names but is empty; expected: {expected}.",
    ),
    FindingCode(
        "unknown-column",
        "header",
        "A column that is not in the format; the whole file is refused, even when the column is empty.",
        "onbekende kolom {name}; een kolom die niet in het formaat staat wordt altijd geweigerd (zo wordt nooit per "
        "ongeluk een naam, adres of vrije tekst aangeleverd). Toegestane kolommen: {allowed}.",
        "unknown column {name}; a column that is not in the format is always refused (so that no name, address or "
        "free text is ever delivered by accident). Allowed columns: {allowed}.",
    ),
    FindingCode(
        "missing-column",
        "header",
        "A required column (or a conditionally required one that some row needs) is missing.",
        "verplichte kolom {column} ontbreekt{why}.",
        "required column {column} is missing{why}.",
    ),
    FindingCode(
        "duplicate-column",
        "header",
        "A column name appears more than once in the header.",
        "kolom {column} staat meer dan eens in de kopregel (kolommen {letters}).",
        "column {column} appears more than once in the header (columns {letters}).",
    ),
    FindingCode(
        "empty-header",
        "header",
        "A column without a name holds values.",
        "kolom {letter} heeft geen naam maar wel gevulde cellen (eerst in rij {first}); geef de kolom een naam uit "
        "het formaat of verwijder hem.",
        "column {letter} has no name but holds values (first in row {first}); give it a name from the format or "
        "remove it.",
    ),
    # -- cells
    FindingCode(
        "cell-beyond-header",
        "cell",
        "A non-empty cell to the right of the last column of the header.",
        "gevulde cel in kolom {letter}, rechts van de kopregel (die {n} kolommen heeft).",
        "non-empty cell in column {letter}, to the right of the header (which has {n} columns).",
    ),
    FindingCode(
        "required",
        "cell",
        "A required value is missing (also a conditionally required one).",
        "verplichte waarde ontbreekt{why}.",
        "required value is missing{why}.",
    ),
    FindingCode(
        "unknown-code",
        "cell",
        "A value that is not in the column's code list; the message lists the allowed codes.",
        "onbekende code {value}; toegestaan: {allowed}.",
        "unknown code {value}; allowed: {allowed}.",
    ),
    FindingCode(
        "invalid-date",
        "cell",
        "Not a date in an accepted form, or a date that does not exist.",
        "{value} is geen geldige datum; toegestaan: JJJJ-MM-DD (2024-03-31), D-M-JJJJ (31-3-2024), eventueel met "
        "een tijd erachter, of een datumcel in Excel.",
        "{value} is not a valid date; accepted: YYYY-MM-DD (2024-03-31), D-M-YYYY (31-3-2024), optionally followed "
        "by a time, or a date cell in Excel.",
    ),
    FindingCode(
        "date-not-in-year",
        "cell",
        "A date that must fall in the delivery's year does not.",
        "datum {value} ligt niet in {year}; een levering voor {year} bevat alleen datums in {year}.",
        "date {value} is not in {year}; a delivery for {year} holds only dates in {year}.",
    ),
    FindingCode(
        "not-running-in-year",
        "cell",
        "A trajectory or case that did not run at any time in the delivery's year.",
        "deze rij liep niet in {year} (startdatum {start}, einddatum {end}); een levering voor {year} bevat precies "
        "wat ergens in {year} liep: startdatum uiterlijk 31-12-{year} en einddatum leeg of vanaf 1-1-{year}.",
        "this row did not run in {year} (start {start}, end {end}); a delivery for {year} holds exactly what ran at "
        "some time in {year}: start on or before 31-12-{year} and end empty or on or after 1-1-{year}.",
    ),
    FindingCode(
        "end-before-start",
        "cell",
        "An end date before the start date of the same row.",
        "{column} {value} ligt voor {other} {other_value}.",
        "{column} {value} is before {other} {other_value}.",
    ),
    FindingCode(
        "overlap",
        "cell",
        "The period of a row overlaps that of an earlier row of the same item (one item, one loan at a time).",
        "{value} is van {start} tot en met {end} al uitgeleend (rij {first}); één materiaal kan niet twee keer "
        "tegelijk uitgeleend zijn.",
        "{value} is already lent from {start} to {end} (row {first}); one item cannot be lent twice at once.",
    ),
    FindingCode(
        "not-a-whole-number",
        "cell",
        "Not a whole number (digits only, no sign, decimals or thousands separators).",
        "{value} is geen geheel getal; toegestaan: alleen cijfers (0 of meer).",
        "{value} is not a whole number; allowed: digits only (0 or more).",
    ),
    FindingCode(
        "out-of-range",
        "cell",
        "A whole number outside the column's range.",
        "{value} ligt buiten het bereik; toegestaan: {range}.",
        "{value} is out of range; allowed: {range}.",
    ),
    FindingCode(
        "too-long",
        "cell",
        "A text longer than the column allows (code points after stripping and NFC normalisation).",
        "tekst is {length} tekens lang; maximaal {limit} tekens.",
        "text is {length} characters long; at most {limit} characters.",
    ),
    FindingCode(
        "duplicate-id",
        "cell",
        "An `id` that an earlier row of the delivery already has.",
        "id {value} staat ook in rij {first}; een id moet uniek zijn in de levering.",
        "id {value} is also on row {first}; an id must be unique within the delivery.",
    ),
    FindingCode(
        "duplicate-value",
        "cell",
        "A value that may occur once per delivery occurs again.",
        "{value} staat ook in rij {first}; elke waarde mag hooguit één keer voorkomen.",
        "{value} is also on row {first}; each value may occur at most once.",
    ),
    FindingCode(
        "invalid-person-key",
        "cell",
        "Not a person key: 64 hexadecimal characters from `zicht pseudonymize` (the value is not repeated).",
        "geen geldige persoonssleutel ({length} tekens); verwacht 64 hexadecimale tekens van zicht pseudonymize.",
        "not a valid person key ({length} characters); expected 64 hexadecimal characters from zicht pseudonymize.",
    ),
    FindingCode(
        "unknown-municipality",
        "cell",
        "Not a municipality of the region (nor an allowed extra value); suggests `buiten-regio` where allowed.",
        "{value} is geen gemeente van {region}{suggest}; toegestaan: {allowed}.",
        "{value} is not a municipality of {region}{suggest}; allowed: {allowed}.",
    ),
    FindingCode(
        "identifier-bsn",
        "cell",
        "The cell holds a BSN (citizen service number); the value is never repeated.",
        "bevat een BSN (burgerservicenummer); " + _IDENTIFIER_NL + ".",
        "holds a BSN (citizen service number); " + _IDENTIFIER_EN + ".",
    ),
    FindingCode(
        "identifier-email",
        "cell",
        "The cell holds an e-mail address; the value is never repeated.",
        "bevat een e-mailadres; " + _IDENTIFIER_NL + ".",
        "holds an e-mail address; " + _IDENTIFIER_EN + ".",
    ),
    FindingCode(
        "identifier-phone",
        "cell",
        "The cell holds a Dutch phone number; the value is never repeated.",
        "bevat een telefoonnummer; " + _IDENTIFIER_NL + ".",
        "holds a phone number; " + _IDENTIFIER_EN + ".",
    ),
    FindingCode(
        "year-mismatch",
        "cell",
        "In `landelijk`, `jaar` differs from the delivery's year.",
        "jaar {value} is niet het leveringsjaar {year}.",
        "year {value} is not the delivery's year {year}.",
    ),
)

CODES: dict[str, FindingCode] = {c.code: c for c in _CODES}
IDENTIFIER_CODES = ("identifier-bsn", "identifier-email", "identifier-phone")

_MAX_SHOWN = 60


def show(value: str) -> str:
    """A cell value as quoted in a message: on one line, shortened."""
    flat = " ".join(str(value).split())
    if len(flat) > _MAX_SHOWN:
        flat = flat[: _MAX_SHOWN - 1] + "…"
    return f'"{flat}"'


def listing(items) -> str:
    return ", ".join(str(i) for i in items)


ECHO_LIMIT = 40


def _short(value):
    """An echoed cell value, cut to ECHO_LIMIT characters: enough to find the cell, not to copy a text
    (a name typed into a code column would otherwise be repeated in full)."""
    if isinstance(value, str) and len(value) > ECHO_LIMIT + 2:
        closing = value[-1] if value[:1] == value[-1:] and value[:1] in "\"'" else ""
        return value[:ECHO_LIMIT] + "…" + closing
    return value


def make(code: str, row: int | None = None, column: str | None = None, **params) -> Finding:
    """The finding `code` at (row, column); `params` fill the templates (a `Both` per language)."""
    spec = CODES[code]  # a KeyError here is a bug: the list is closed
    params = {k: _short(v) if k in ("value", "other_value") else v for k, v in params.items()}
    nl = {k: v.nl if isinstance(v, Both) else v for k, v in params.items()}
    en = {k: v.en if isinstance(v, Both) else v for k, v in params.items()}
    nl.setdefault("column", column)
    en.setdefault("column", column)
    where_nl, where_en = _where(row, column)
    return Finding(row, column, code, f"{where_nl}: {spec.nl.format(**nl)}", f"{where_en}: {spec.en.format(**en)}")


def _where(row: int | None, column: str | None) -> tuple[str, str]:
    """The location every message starts with (Dutch, English)."""
    if row is None:
        return "Bestand", "File"
    if column is None:
        return f"Rij {row}", f"Row {row}"
    return f"Rij {row}, kolom {column}", f"Row {row}, column {column}"


@dataclass(frozen=True)
class FindingLine:
    """A finding as a data officer fixes it: where (the Excel row, the column), what was found and what is
    allowed, in Dutch and in English (each a pair: found, allowed; allowed may be empty)."""

    row: int | None
    column: str | None
    code: str
    nl: tuple[str, str]
    en: tuple[str, str]

    def text(self, lang: str) -> tuple[str, str]:
        return self.en if lang == "en" else self.nl


def finding_line(finding: Finding) -> FindingLine:
    """Split a finding's message into what was found and what is allowed, after the code's template: the
    part after its first "; " says what is allowed or what to do."""
    spec = CODES.get(finding.code)
    where_nl, where_en = _where(finding.row, finding.column)
    return FindingLine(
        finding.row,
        finding.column,
        finding.code,
        _split(finding.message_nl, where_nl, spec.nl if spec else ""),
        _split(finding.message_en, where_en, spec.en if spec else ""),
    )


def _split(message: str, where: str, template: str) -> tuple[str, str]:
    text = message[len(where) + 2 :] if message.startswith(where + ": ") else message
    separators = template.count("; ")
    # From the right: a quoted cell value in the first part may hold "; " itself.
    parts = text.rsplit("; ", separators) if separators else [text]
    found, allowed = parts[0], "; ".join(parts[1:])
    for label in ("toegestaan: ", "allowed: "):  # the table's column says so; the codes keep their case
        if allowed.lower().startswith(label):
            return _capital(found), allowed[len(label) :]
    return _capital(found), _capital(allowed)


def _capital(text: str) -> str:
    return text[:1].upper() + text[1:]
