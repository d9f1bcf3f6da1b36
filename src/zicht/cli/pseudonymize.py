"""`zicht key new` and `zicht pseudonymize`: run by a partner on its own machine (`spec/pseudonymization.md`).

Nothing identifying is ever printed: messages name files, rows and columns, never a value, and never
the key (only its fingerprint).
"""

from __future__ import annotations

import csv
import os
import stat
import sys
import tempfile
from pathlib import Path

import click

from zicht import pseudonymize as core

FORMATS = (".csv", ".xlsx")
# Copied columns whose name suggests identifying data get a warning (names only, never values).
_SUSPECT = (
    "naam",
    "name",
    "bsn",
    "adres",
    "address",
    "straat",
    "postcode",
    "geboorte",
    "birth",
    "telefoon",
    "phone",
    "mail",
)
_MAX_ROW_WARNINGS = 50
_PROGRESS_FROM = 10_000  # rows; smaller files finish before a bar is worth showing

_HOME_WHY_NL = (
    "De sleutel hoort niet in de map van de server (ZICHT_HOME): wie de sleutel én een lijst namen heeft, "
    "kan de persoonssleutels terugrekenen. Bewaar hem buiten ZICHT_HOME, alleen bij de partners."
)
_HOME_WHY_EN = (
    "The key must never be in the server's folder (ZICHT_HOME): whoever holds the key and a list of names "
    "can recompute the person keys. Keep it outside ZICHT_HOME, with the partners only."
)


def _interactive() -> bool:
    return sys.stderr.isatty()


def _refuse(nl: str, en: str) -> None:
    click.echo(f"Geweigerd: {nl}", err=True)
    click.echo(f"Refused: {en}", err=True)
    raise SystemExit(1)


def _warn(nl: str, en: str) -> None:
    click.echo(f"Waarschuwing: {nl}")
    click.echo(f"Warning: {en}")


# --- zicht key ---------------------------------------------------------------------------------------


@click.group()
def key() -> None:
    """De regionale sleutel voor persoonssleutels / the region's key for person keys.

    Eén sleutel per regio, gedeeld door alle partners, buiten zicht om overgedragen; nooit geüpload,
    nooit in ZICHT_HOME. One key per region, shared by all partners out of band; never uploaded, never
    in ZICHT_HOME.
    """


@key.command("new")
@click.option(
    "--out",
    required=True,
    type=click.Path(dir_okay=False, path_type=Path),
    help="Het nieuwe sleutelbestand (mag nog niet bestaan) / the new key file (must not exist yet).",
)
def key_new(out: Path) -> None:
    """Maak een nieuwe regionale sleutel / make a new regional key.

    32 willekeurige bytes van het besturingssysteem, als 64 hexadecimale tekens, bestandsrechten 0600.
    32 random bytes from the operating system, as 64 hex characters, file mode 0600.
    """
    if core.inside_zicht_home(out):
        _refuse(_HOME_WHY_NL, _HOME_WHY_EN)
    if not out.parent.is_dir():
        _refuse(f"de map {out.parent} bestaat niet.", f"the folder {out.parent} does not exist.")
    secret = core.new_key()
    try:
        # O_EXCL: never overwrite (a lost regional key cannot be recovered), and never follow a symlink.
        fd = os.open(out, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0), 0o600)
    except FileExistsError:
        _refuse(
            f"{out} bestaat al; een bestaande sleutel wordt nooit overschreven.",
            f"{out} already exists; an existing key is never overwritten.",
        )
    except OSError as exc:
        _refuse(f"{out} kan niet worden gemaakt ({exc.strerror}).", f"cannot create {out} ({exc.strerror}).")
    try:
        if hasattr(os, "fchmod"):
            os.fchmod(fd, 0o600)  # the umask may only narrow the mode; make it exactly 0600
        os.write(fd, core.key_text(secret).encode("ascii"))
        os.fsync(fd)
    except OSError as exc:
        os.close(fd)
        out.unlink(missing_ok=True)
        _refuse(f"{out} kan niet worden geschreven ({exc.strerror}).", f"cannot write {out} ({exc.strerror}).")
    os.close(fd)
    click.echo(f"Sleutel geschreven naar / key written to: {out}")
    click.echo(f"Vingerafdruk / fingerprint: {core.fingerprint(secret)}")
    click.echo(
        "Geef de sleutel buiten zicht om aan de partners (niet per gewone e-mail); upload hem nooit en zet hem "
        "nooit in ZICHT_HOME, een back-up of een repository.\n"
        "Hand the key to the partners out of band (not by plain e-mail); never upload it, never put it in "
        "ZICHT_HOME, a backup or a repository."
    )


@key.command("check")
@click.argument("keyfile", type=click.Path(exists=True, dir_okay=False, path_type=Path))
def key_check(keyfile: Path) -> None:
    """Controleer een sleutelbestand en toon de vingerafdruk / check a key file and show its fingerprint.

    Partners vergelijken de vingerafdruk (bijv. telefonisch) om te zien dat ze dezelfde sleutel hebben;
    de vingerafdruk verraadt de sleutel niet. Partners compare the fingerprint to see they share one key;
    it does not reveal the key.
    """
    secret = _load_key(keyfile)
    click.echo(f"Vingerafdruk / fingerprint: {core.fingerprint(secret)}")


def _load_key(path: Path) -> bytes:
    if core.inside_zicht_home(path):
        _refuse(f"het sleutelbestand staat in ZICHT_HOME ({core.zicht_home()}). {_HOME_WHY_NL}", _HOME_WHY_EN)
    try:
        secret = core.read_key(path)
    except core.PseudonymizeError as exc:
        _refuse(exc.message_nl, exc.message_en)
    if os.name == "posix" and path.stat().st_mode & (stat.S_IRWXG | stat.S_IRWXO):
        _warn(
            f"het sleutelbestand {path} is leesbaar voor anderen; maak het privé (chmod 600).",
            f"the key file {path} is readable by others; make it private (chmod 600).",
        )
    if len(set(secret)) == 1:
        _warn(
            "dit is geen willekeurige sleutel (bijvoorbeeld de voorbeeldsleutel uit de specificatie); "
            "gebruik hem alleen om te testen.",
            "this is not a random key (for example the specification's example key); use it for testing only.",
        )
    return secret


# --- zicht pseudonymize --------------------------------------------------------------------------------


def _parse_maps(ctx: click.Context, param: click.Parameter, values: tuple[str, ...]) -> dict[str, str]:
    mapping: dict[str, str] = {}
    for value in values:
        column, sep, field_name = value.rpartition("=")  # FIELD never holds `=`
        column, field_name = column.strip(), field_name.strip()
        if not sep or not column or not field_name:
            raise click.BadParameter(f"`{value}`: verwacht / expected KOLOM=VELD (COLUMN=FIELD).")
        if field_name.casefold() not in core.FIELD_NAMES:
            raise click.BadParameter(
                f"`{field_name}`: kies uit / choose from {', '.join(core.FIELD_NAMES)}.",
            )
        if column.casefold() in {c.casefold() for c in mapping}:
            raise click.BadParameter(f"`{column}` twee keer / twice.")
        mapping[column] = field_name
    return mapping


def _same_file(a: Path, b: Path) -> bool:
    if a.resolve() == b.resolve():
        return True
    try:
        return a.exists() and b.exists() and os.path.samefile(a, b)
    except OSError:
        return False


@click.command()
@click.argument("file", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option(
    "--key",
    "key_file",
    required=True,
    type=click.Path(exists=True, dir_okay=False, path_type=Path),
    help="Het regionale sleutelbestand / the regional key file (`zicht key new`).",
)
@click.option(
    "--out",
    required=True,
    type=click.Path(dir_okay=False, path_type=Path),
    help="Het gepseudonimiseerde bestand, zelfde formaat als FILE / the pseudonymised file, same format as FILE.",
)
@click.option(
    "--map",
    "mapping",
    multiple=True,
    metavar="COLUMN=FIELD",
    callback=_parse_maps,
    help="Kolom voor een veld / column for a field: FIELD is surname|given|birthdate "
    "(of / or achternaam|voornamen|geboortedatum). Herhaalbaar / repeatable.",
)
@click.option("--sheet", help="XLSX: het werkblad / the sheet to read (default: the first).")
@click.option("--force", is_flag=True, help="Overschrijf een bestaand --out / overwrite an existing --out.")
@click.option("--quiet", "-q", is_flag=True, help="Geen voortgangsbalk / no progress bar.")
def pseudonymize(
    file: Path, key_file: Path, out: Path, mapping: dict[str, str], sheet: str | None, force: bool, quiet: bool
) -> None:
    """Vervang identificerende kolommen door de persoonssleutel / replace identifying columns by the person key.

    Draai dit op uw eigen computer, op uw eigen export (CSV of XLSX). De kolommen achternaam, voornamen
    en geboortedatum (of de kolommen die --map noemt) worden verwijderd; de kolom `persoon` komt erbij.
    Alle andere kolommen blijven ongewijzigd. Run this on your own machine, on your own export: the
    identifying columns are removed, a column `persoon` is added, every other column is kept as is.
    """
    ext = file.suffix.casefold()
    if _same_file(file, out):
        _refuse("--out is hetzelfde bestand als de invoer.", "--out is the same file as the input.")
    if ext not in FORMATS:
        _refuse(f"{file.name}: alleen .csv en .xlsx worden gelezen.", f"{file.name}: only .csv and .xlsx can be read.")
    if out.suffix.casefold() != ext:
        _refuse(
            f"--out moet hetzelfde formaat hebben als de invoer ({ext}).",
            f"--out must have the input's format ({ext}).",
        )
    if out.exists() and not force:
        _refuse(f"{out} bestaat al (gebruik --force om te overschrijven).", f"{out} already exists (use --force).")
    if not out.parent.is_dir():
        _refuse(f"de map {out.parent} bestaat niet.", f"the folder {out.parent} does not exist.")
    secret = _load_key(key_file)

    table, rows, sheet_name = _read(file, sheet)
    show = not quiet and len(table) >= _PROGRESS_FROM and _interactive()
    try:
        if show:
            from rich.console import Console
            from rich.progress import Progress

            with Progress(console=Console(stderr=True), transient=True) as bar:
                task = bar.add_task("Pseudonimiseren / pseudonymising", total=len(table))
                result = core.pseudonymize_table(
                    table, secret, mapping, rows=rows, progress=lambda n: bar.advance(task, n)
                )
        else:
            result = core.pseudonymize_table(table, secret, mapping, rows=rows)
    except core.PseudonymizeError as exc:
        _refuse(exc.message_nl, exc.message_en)

    delimiter = _csv_delimiter(file) if ext == ".csv" else ","
    _write(result.table, out, ext, sheet_name, force, delimiter)

    for missing in result.missing[:_MAX_ROW_WARNINGS]:
        nl = ", ".join(core.FIELD_LABELS[f][0] for f in missing.fields)
        en = ", ".join(core.FIELD_LABELS[f][1] for f in missing.fields)
        click.echo(
            f"Waarschuwing rij {missing.row}: {nl} ontbreekt of is ongeldig; persoon leeg. / "
            f"Warning row {missing.row}: {en} missing or invalid; persoon left empty."
        )
    if len(result.missing) > _MAX_ROW_WARNINGS:
        more = len(result.missing) - _MAX_ROW_WARNINGS
        click.echo(f"... en nog {more} rijen zonder persoon / and {more} more rows without persoon.")
    for column in result.table.columns:
        name = str(column).casefold()
        if name != core.PERSON_COLUMN and any(s in name for s in _SUSPECT):
            _warn(
                f"kolom `{column}` lijkt identificerend en is ongewijzigd overgenomen; controleer of die weg moet.",
                f"column `{column}` looks identifying and was copied unchanged; check whether it must go.",
            )
    removed = ", ".join(str(c) for c in result.removed)
    click.echo(
        f"{len(result.table)} rijen, {result.keyed} met persoon, {len(result.missing)} zonder; "
        f"verwijderd: {removed}. / {len(result.table)} rows, {result.keyed} with persoon, "
        f"{len(result.missing)} without; removed: {removed}."
    )
    click.echo(f"Vingerafdruk sleutel / key fingerprint: {core.fingerprint(secret)}")
    click.echo(f"Geschreven / written: {out}")


def _read(file: Path, sheet: str | None):
    """(table, Excel row numbers, sheet name) via the one reader of the delivery format."""
    import pandas as pd

    from zicht.schema.reading import ReadError, read_table

    try:
        raw = read_table(file, sheet=sheet)
    except ReadError as exc:
        _refuse(f"{file.name}: {exc.finding.message_nl}", f"{file.name}: {exc.finding.message_en}")
    except Exception as exc:  # noqa: BLE001 - never a traceback, never a message that might hold a value
        _refuse(
            f"{file.name} kan niet worden gelezen ({type(exc).__name__}); sla het op als CSV UTF-8 of XLSX.",
            f"{file.name} cannot be read ({type(exc).__name__}); save it as CSV UTF-8 or XLSX.",
        )
    if sheet and (raw.sheet or "").strip().casefold() != sheet.strip().casefold():
        _refuse(f"{file.name} heeft geen werkblad `{sheet}`.", f"{file.name} has no sheet `{sheet}`.")
    seen: set[str] = set()
    for name in raw.header:
        norm = name.strip().casefold()
        if norm and norm in seen:
            _refuse(
                f"kolom `{name.strip()}` staat twee keer in de kopregel (rij 1).",
                f"column `{name.strip()}` appears twice in the header (row 1).",
            )
        seen.add(norm)
    columns = [list(c) for c in raw.columns]  # one list per column position, '' for an empty cell
    header = list(raw.header) + [""] * (len(columns) - len(raw.header))
    unnamed = [i for i, name in enumerate(header) if not name.strip() and any(c.strip() for c in columns[i])]
    if unnamed:
        _warn(
            f"{len(unnamed)} kolom(men) zonder naam bevatten gegevens; die zijn ongewijzigd overgenomen.",
            f"{len(unnamed)} column(s) without a name hold data; they were copied unchanged.",
        )
    table = pd.DataFrame(dict(enumerate(columns)), columns=range(len(header)), dtype=object)
    table.columns = header
    return table, list(raw.row_numbers), raw.sheet


def _csv_delimiter(file: Path) -> str:
    """The input's delimiter, so that the output opens the same way in the partner's Excel."""
    from zicht.schema.reading import sniff_delimiter

    with open(file, "rb") as handle:
        first = handle.readline()
    return sniff_delimiter(first.decode("latin-1"))  # only `;` and `,` are counted: any 8-bit decoding will do


def _cell(value):
    try:
        import pandas as pd

        if pd.isna(value):
            return None
    except (TypeError, ValueError):
        pass
    return value


def _write(table, out: Path, ext: str, sheet_name: str | None, force: bool, delimiter: str) -> None:
    """Write to a private temporary file beside `out`, then move it in place in one step."""
    fd, tmp_name = tempfile.mkstemp(prefix=".zicht-", suffix=ext, dir=out.parent)
    tmp = Path(tmp_name)
    try:
        if ext == ".csv":
            with os.fdopen(fd, "w", encoding="utf-8-sig", newline="") as handle:
                writer = csv.writer(handle, delimiter=delimiter)
                writer.writerow([str(c) for c in table.columns])
                for record in table.itertuples(index=False, name=None):
                    writer.writerow(["" if _cell(v) is None else v for v in record])
        else:
            os.close(fd)
            _write_xlsx(table, tmp, sheet_name)
        if force:
            os.replace(tmp, out)
        else:
            os.link(tmp, out)  # fails if `out` appeared meanwhile: never overwrite without --force
            tmp.unlink()
    except FileExistsError:
        tmp.unlink(missing_ok=True)
        _refuse(f"{out} bestaat al (gebruik --force om te overschrijven).", f"{out} already exists (use --force).")
    except OSError as exc:
        tmp.unlink(missing_ok=True)
        _refuse(f"{out} kan niet worden geschreven ({exc.strerror}).", f"cannot write {out} ({exc.strerror}).")
    except Exception as exc:  # noqa: BLE001 - e.g. openpyxl, whose messages may quote a cell
        tmp.unlink(missing_ok=True)
        _refuse(
            f"{out} kan niet worden geschreven ({type(exc).__name__}).", f"cannot write {out} ({type(exc).__name__})."
        )


def _write_xlsx(table, path: Path, sheet_name: str | None) -> None:
    from openpyxl import Workbook
    from openpyxl.cell import WriteOnlyCell

    book = Workbook(write_only=True)
    sheet = book.create_sheet(title=(sheet_name or "Blad1")[:31])
    sheet.append([str(c) for c in table.columns])
    for record in table.itertuples(index=False, name=None):
        cells = []
        for value in record:
            value = _cell(value)
            if isinstance(value, str) and value.startswith("="):
                cell = WriteOnlyCell(sheet, value=value)
                cell.data_type = "s"  # copied text, never a formula
                cells.append(cell)
            else:
                cells.append(value)
        sheet.append(cells)
    book.save(path)
