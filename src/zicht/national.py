"""The national picture: several regions' published open-data packages side by side (pure, no Django).

    read_package(source) -> RegionFigures      a package (folder, datapackage.json, zip or http(s) URL)
    compare(regions) -> Comparison             the comparison, disclosure applied again
    rows_csv(comparison) -> bytes              the comparison as one long CSV
    render_html(comparison, lang) -> str       a self-contained page in the monitor's look

Only what the regions published is used: each package's totals (`totalen.csv`) and its one-dimensional
breakdowns whose categories mean the same in every region (not municipality, partner, organisation,
material or start year). The CoMensha figures (`landelijk`) are national, so they stand beside the regions,
never in their sum.

Disclosure is applied again with the strictest k of the regions (`zicht.disclosure.suppress_cells`), to
counts of people only, as everywhere else (docs/disclosure.md): a region total from 1 to k-1 is hidden;
in a breakdown each region's column is a group whose sum (the region's total) is shown, so a hidden cell
always has a hidden partner in its column; a sum over the regions is shown only when no cell of its row
is hidden. A region whose total is hidden has all its small cells hidden and no partner is needed (its
total is not shown). The result is checked with `recoverable_cells` and refused rather than shown wrongly.
"""

from __future__ import annotations

import csv
import io
import json
import posixpath
import urllib.error
import urllib.parse
import urllib.request
import zipfile
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from zicht.disclosure import DisclosureError, recoverable_cells, suppress_cells

MAX_BYTES = 20 * 1024 * 1024  # a package file larger than this is not an open-data package of zicht
TIMEOUT = 30  # seconds per URL
# Breakdowns whose categories are the region's own (or a year): not comparable between regions.
OWN_DIMENSIONS = {"gemeente", "aanleverder", "organisatie", "materiaal", "startjaar"}
NATIONAL = "landelijk"
NOT_SUMMED = "×"  # how a sum over the regions is shown when a cell of its row is hidden

INDICATORS: dict[str, tuple[str, str]] = {
    "meldingen": ("Meldingen bij het meld- en adviespunt", "Reports to the reporting and advice point"),
    "trajecten": ("Begeleide cliënten (trajecten)", "Clients guided (trajectories)"),
    "politiecontacten": ("Contacten met de politie", "Contacts with the police"),
    "registraties": ("Registraties door andere organisaties", "Records of other organisations"),
    "riec-casussen": ("RIEC-casussen", "RIEC cases"),
    "riec-markten": ("RIEC-casussen per criminele markt", "RIEC cases per criminal market"),
    "riec-partners": ("Betrokken partners bij RIEC-casussen", "Partners involved in RIEC cases"),
    "controles": ("Controles", "Inspections"),
    "acties": ("Acties van het actieplan", "Actions of the action plan"),
    "initiatieven": ("Lokale initiatieven", "Local initiatives"),
    "uitleningen": ("Uitleningen van bewustwordingsmateriaal", "Loans of awareness materials"),
    "uitleningen-bereik": ("Bereik van uitgeleend materiaal", "People reached with materials on loan"),
    NATIONAL: ("Landelijk geregistreerde slachtoffers (CoMensha)", "Victims registered nationally (CoMensha)"),
}
DIMENSIONS: dict[str, tuple[str, str]] = {
    "herkomst": ("herkomst", "origin"),
    "rubriek": ("rubriek", "heading"),
    "leeftijdsgroep": ("leeftijdsgroep", "age group"),
    "vorm": ("vorm van uitbuiting", "form of exploitation"),
    "soort": ("soort", "kind"),
    "kenmerk": ("kenmerk", "characteristic"),
    "instroom": ("instroom", "intake"),
    "inbrenger": ("inbrenger", "brought in by"),
    "markt": ("criminele markt", "criminal market"),
    "locatie": ("soort locatie", "kind of location"),
    "bevinding": ("bevinding", "finding"),
    "opgave": ("opgave", "task"),
    "status": ("status", "status"),
}

# Codes the monitor's labels do not name (they appear only in the breakdowns shown here).
CODES: dict[str, tuple[str, str]] = {
    "melding": ("Melding", "Report"),
    "seksinrichting": ("Seksinrichting", "Sex establishment"),
    "prive-adres": ("Privéadres", "Private address"),
    "hotel": ("Hotel", "Hotel"),
    "escort": ("Escort", "Escort"),
    "online": ("Online", "Online"),
}


class SourceError(Exception):
    """A source that cannot be read or is not an open-data package of zicht (Dutch and English)."""

    def __init__(self, message_nl: str, message_en: str):
        super().__init__(message_en)
        self.message_nl, self.message_en = message_nl, message_en


@dataclass(frozen=True)
class RegionFigures:
    """One region's published figures as its package gives them (None: hidden in the package)."""

    source: str
    region: str
    slug: str
    year: int
    edition: str
    k: int
    population: int | None
    published: str
    totals: dict[str, int | None]
    breakdowns: dict[tuple[str, str], dict[str, int | None]] = field(default_factory=dict)


# -- reading --------------------------------------------------------------------------------------


def is_url(source: str) -> bool:
    return source.lower().startswith(("http://", "https://"))


def _fetch(url: str) -> bytes:
    from zicht import __version__

    request = urllib.request.Request(url, headers={"User-Agent": f"zicht/{__version__} (national picture)"})
    try:
        with urllib.request.urlopen(request, timeout=TIMEOUT) as answer:  # noqa: S310 - http(s) only (is_url)
            body = answer.read(MAX_BYTES + 1)
    except urllib.error.HTTPError as error:
        raise SourceError(
            f"{url} antwoordt met HTTP {error.code}; controleer het adres.",
            f"{url} answers HTTP {error.code}; check the address.",
        ) from None
    except (urllib.error.URLError, OSError, ValueError) as error:
        reason = getattr(error, "reason", None) or error
        raise SourceError(f"{url} is niet bereikbaar ({reason}).", f"{url} cannot be reached ({reason}).") from None
    if len(body) > MAX_BYTES:
        raise SourceError(f"{url} is groter dan 20 MB.", f"{url} is larger than 20 MB.")
    return body


def _opener(source: str) -> tuple[bytes, Callable[[str], bytes]]:
    """The descriptor's bytes and a function that reads a resource path relative to it."""
    if is_url(source):
        url = source if not source.endswith("/") else source + "datapackage.json"
        return _fetch(url), lambda path: _fetch(urllib.parse.urljoin(url, path))
    path = Path(source)
    if not path.exists():
        raise SourceError(f"{source} bestaat niet.", f"{source} does not exist.")
    if path.is_dir():
        path = path / "datapackage.json"
        if not path.is_file():
            raise SourceError(
                f"In de map {source} staat geen datapackage.json.", f"The folder {source} has no datapackage.json."
            )
    if zipfile.is_zipfile(path):
        return _zip(path, source)
    base = path.parent

    def read(name: str) -> bytes:
        target = base / name
        if not target.is_file():
            raise SourceError(f"{source}: het bestand {name} ontbreekt.", f"{source}: the file {name} is missing.")
        return target.read_bytes()

    return _read_file(path, source), read


def _read_file(path: Path, source: str) -> bytes:
    try:
        if path.stat().st_size > MAX_BYTES:
            raise SourceError(f"{source} is groter dan 20 MB.", f"{source} is larger than 20 MB.")
        return path.read_bytes()
    except OSError as error:
        raise SourceError(
            f"{source} kan niet worden gelezen ({error.strerror}).", f"{source} cannot be read ({error.strerror})."
        ) from None


def _zip(path: Path, source: str) -> tuple[bytes, Callable[[str], bytes]]:
    try:
        archive = zipfile.ZipFile(path)
        names = [n for n in archive.namelist() if posixpath.basename(n) == "datapackage.json"]
    except (zipfile.BadZipFile, OSError) as error:
        raise SourceError(
            f"{source} is geen leesbaar zip-bestand ({error}).", f"{source} is not a readable zip ({error})."
        ) from None
    if not names:
        raise SourceError(f"In {source} staat geen datapackage.json.", f"{source} holds no datapackage.json.")
    descriptor = min(names, key=len)
    base = posixpath.dirname(descriptor)

    def read(name: str) -> bytes:
        member = posixpath.join(base, name) if base else name
        try:
            info = archive.getinfo(member)
        except KeyError:
            raise SourceError(
                f"{source}: het bestand {name} ontbreekt.", f"{source}: the file {name} is missing."
            ) from None
        if info.file_size > MAX_BYTES:
            raise SourceError(f"{source}: {name} is groter dan 20 MB.", f"{source}: {name} is larger than 20 MB.")
        return archive.read(member)

    return read(posixpath.basename(descriptor)), read


def _invalid(source: str, nl: str, en: str) -> SourceError:
    return SourceError(
        f"{source} is geen open-datapakket van zicht: {nl}.", f"{source} is not an open-data package of zicht: {en}."
    )


def _safe_path(source: str, path: object) -> str:
    text = str(path)
    parts = text.split("/")
    if not isinstance(path, str) or not text or text.startswith("/") or ".." in parts or ":" in text:
        raise _invalid(
            source, f"een bestand heeft een ongeldig pad ({text[:80]!r})", f"a file has a bad path ({text[:80]!r})"
        )
    return text


def _rows(source: str, name: str, data: bytes) -> tuple[list[str], list[list[str]]]:
    try:
        table = list(csv.reader(io.StringIO(data.decode("utf-8-sig"), newline="")))
    except (UnicodeDecodeError, csv.Error) as error:
        raise _invalid(source, f"{name} is geen CSV in UTF-8 ({error})", f"{name} is not UTF-8 CSV ({error})") from None
    if not table:
        raise _invalid(source, f"{name} is leeg", f"{name} is empty")
    return table[0], table[1:]


def _count(source: str, name: str, line: int, text: str, hidden: bool = False) -> int | None:
    if text == "" and hidden:
        return None
    try:
        value = int(text)
    except ValueError:
        value = -1
    if value < 0 or hidden:
        raise _invalid(
            source,
            f"{name} regel {line}: {text[:20]!r} is geen aantal",
            f"{name} line {line}: {text[:20]!r} is no count",
        )
    return value


def read_package(source: str) -> RegionFigures:
    """A region's open-data package (docs/open-data.md), or SourceError that says what is wrong."""
    raw, read = _opener(source)
    try:
        descriptor = json.loads(raw.decode("utf-8-sig"))
    except (UnicodeDecodeError, ValueError):
        raise _invalid(source, "datapackage.json is geen JSON", "datapackage.json is not JSON") from None
    if not isinstance(descriptor, dict) or not isinstance(descriptor.get("resources"), list):
        raise _invalid(source, "er staat geen lijst met bestanden in", "it lists no resources")
    meta = descriptor.get("zicht")
    if not isinstance(meta, dict) or not all(key in meta for key in ("region", "year", "disclosure_k")):
        raise _invalid(
            source,
            "het zegt niet van welke regio en welk jaar het is of welke drempel k het gebruikt (maak het opnieuw "
            "met een recente zicht)",
            "it does not say its region, year or threshold k (publish it again with a recent zicht)",
        )
    try:
        year, k = int(meta["year"]), int(meta["disclosure_k"])
        population = None if meta.get("population") in (None, "") else int(meta["population"])
    except (TypeError, ValueError):
        raise _invalid(source, "jaar, k of inwonertal is geen getal", "year, k or population is not a number") from None
    if k < 1 or (population is not None and population < 1):
        raise _invalid(source, "k of inwonertal is kleiner dan 1", "k or population is below 1")
    resources = {r.get("name"): r for r in descriptor["resources"] if isinstance(r, dict)}
    if "totalen" not in resources:
        raise _invalid(source, "totalen.csv ontbreekt", "totalen.csv is missing")
    header, rows = _rows(source, "totalen.csv", read(_safe_path(source, resources["totalen"].get("path"))))
    if header[:3] != ["indicator", "jaar", "waarde"]:
        raise _invalid(
            source, "totalen.csv heeft niet de kolommen indicator, jaar, waarde", "totalen.csv lacks its columns"
        )
    totals: dict[str, int | None] = {}
    for n, row in enumerate(rows, 2):
        if len(row) < 3:
            raise _invalid(source, f"totalen.csv regel {n} is te kort", f"totalen.csv line {n} is too short")
        totals[row[0]] = None if row[2] == "" else _count(source, "totalen.csv", n, row[2])
    breakdowns: dict[tuple[str, str], dict[str, int | None]] = {}
    for name, resource in resources.items():
        fields = [f.get("name") for f in resource.get("schema", {}).get("fields", []) if isinstance(f, dict)]
        if name == "totalen" or len(fields) != 4 or fields[0] != "jaar" or fields[2:] != ["waarde", "afgeschermd"]:
            continue  # only one-dimensional breakdowns
        dim = str(fields[1])
        indicator = str(name)[: -len(dim) - 1]
        if dim in OWN_DIMENSIONS or not str(name).endswith("-" + dim) or indicator not in totals:
            continue
        file = f"{name}.csv"
        header, cells = _rows(source, file, read(_safe_path(source, resource.get("path"))))
        if header != fields:
            raise _invalid(
                source, f"{file} heeft andere kolommen dan beschreven", f"{file} has other columns than described"
            )
        values: dict[str, int | None] = {}
        for n, row in enumerate(cells, 2):
            if len(row) != 4 or row[3] not in ("true", "false"):
                raise _invalid(source, f"{file} regel {n} is onvolledig", f"{file} line {n} is incomplete")
            values[row[1]] = _count(source, file, n, row[2], hidden=row[3] == "true")
        breakdowns[(indicator, dim)] = values
    return RegionFigures(
        source=source,
        region=str(meta["region"]),
        slug=str(meta.get("slug", meta["region"])),
        year=year,
        edition=str(descriptor.get("edition", "")),
        k=k,
        population=population,
        published=str(descriptor.get("created", "")),
        totals=totals,
        breakdowns=breakdowns,
    )


def read_packages(sources: Sequence[str], progress: Callable[[int, str], None] | None = None) -> list[RegionFigures]:
    """Every source in order; a region given twice is refused (its figures would count twice)."""
    regions: list[RegionFigures] = []
    for n, source in enumerate(sources, 1):
        if progress is not None:
            progress(n, source)
        figures = read_package(source)
        twin = next((r for r in regions if r.slug == figures.slug), None)
        if twin is not None:
            raise SourceError(
                f"{twin.source} en {source} zijn allebei {figures.region}; geef elke regio één keer.",
                f"{twin.source} and {source} are both {figures.region}; give each region once.",
            )
        regions.append(figures)
    if not regions:
        raise SourceError("Geef minstens één bron.", "Give at least one source.")
    return regions


# -- combining ------------------------------------------------------------------------------------


@dataclass
class Cell:
    """One figure of the comparison. `value` is None when hidden or absent; `rate` per 100,000."""

    value: int | None = None
    hidden: bool = False
    absent: bool = False  # the region publishes no such figure
    rate: float | None = None


@dataclass
class Row:
    key: str  # indicator (overview) or category (breakdown)
    cells: list[Cell]
    total: Cell  # the sum over the regions (hidden when a cell of the row is hidden)
    national: Cell | None = None  # the CoMensha figure, where there is one


@dataclass
class Table:
    indicator: str
    dimension: str | None  # None: the overview of totals
    about_people: bool
    rows: list[Row]


@dataclass
class Comparison:
    regions: list[RegionFigures]
    k: int
    overview: Table
    breakdowns: list[Table]
    national: Table | None  # the CoMensha figures: total and per form
    national_regions: list[str]  # the regions whose package carries them
    national_differs: bool  # the packages do not all give the same national figures

    @property
    def years(self) -> list[int]:
        return sorted({r.year for r in self.regions})


def _about_people(indicator: str) -> bool:
    from zicht.indicators.registry import REGISTRY

    entry = REGISTRY.get(indicator)
    return True if entry is None else entry.about_people  # an unknown indicator is treated as people: safe


def _rate(value: int | None, population: int | None) -> float | None:
    return None if value is None or not population else round(value * 100_000 / population, 1)


def _order(names: set[str]) -> list[str]:
    known = list(INDICATORS)
    return sorted(names, key=lambda n: (known.index(n) if n in known else len(known), n))


def _sum_row(key: str, cells: list[Cell], populations: list[int | None] | None = None) -> Row:
    present = [c for c in cells if not c.absent]
    if not present or any(c.hidden for c in present):
        total = Cell(hidden=bool(present), absent=not present)
    else:
        total = Cell(sum(c.value or 0 for c in present))
        if populations is not None:
            pops = [p for c, p in zip(cells, populations, strict=True) if not c.absent]
            if all(pops):
                total.rate = _rate(total.value, sum(p or 0 for p in pops))
    return Row(key, cells, total)


def compare(regions: Sequence[RegionFigures]) -> Comparison:
    """The regions side by side, disclosure applied with the strictest k (see the module's docstring)."""
    regions = list(regions)
    k = max(r.k for r in regions)
    populations = [r.population for r in regions]
    indicators = _order({name for r in regions for name in r.totals} - {NATIONAL})
    overview_rows = []
    for name in indicators:
        people = _about_people(name)
        cells = []
        for r in regions:
            if name not in r.totals:
                cells.append(Cell(absent=True))
                continue
            value = r.totals[name]
            hidden = value is None or (people and 1 <= value < k)
            rate = _rate(value, r.population) if people and not hidden else None  # rates of people only
            cells.append(Cell(None if hidden else value, hidden, rate=rate))
        overview_rows.append(_sum_row(name, cells, populations if people else None))
    overview = Table("", None, False, overview_rows)
    shown_total = {
        (row.key, i): not c.hidden and not c.absent for row in overview_rows for i, c in enumerate(row.cells)
    }
    breakdowns = [
        _breakdown(regions, name, dim, k, shown_total)
        for name in indicators
        for dim in sorted({d for r in regions for (i, d) in r.breakdowns if i == name}, key=_dim_order)
    ]
    national, carriers, differs = _national(regions)
    return Comparison(regions, k, overview, breakdowns, national, carriers, differs)


def _dim_order(dim: str) -> tuple[int, str]:
    known = list(DIMENSIONS)
    return (known.index(dim) if dim in known else len(known), dim)


def _breakdown(regions: list[RegionFigures], name: str, dim: str, k: int, shown_total: dict) -> Table:
    people = _about_people(name)
    categories = list(dict.fromkeys(c for r in regions for c in r.breakdowns.get((name, dim), {})))
    columns: list[list[Cell]] = []
    for i, r in enumerate(regions):
        given = r.breakdowns.get((name, dim))
        if given is None:
            columns.append([Cell(absent=True) for _ in categories])
            continue
        cells = [Cell(given[c]) if c in given else Cell(absent=True) for c in categories]
        present = [j for j, c in enumerate(cells) if not c.absent]
        # A cell hidden in the package counts as small, so that it gets its partner like any other.
        values = [1 if (v := cells[j].value) is None else v for j in present]
        if people and not shown_total.get((name, i)):
            # The region's total is hidden: so is every count of its column but a zero (none is above it).
            hidden = {present[j] for j, v in enumerate(values) if v != 0}
        elif people and present:
            result = suppress_cells(values, [list(range(len(present)))], k)
            hidden = {present[j] for j in result.primary | result.secondary}
            if result.exposed_groups or result.recoverable:  # pragma: no cover - a breakdown of one category
                hidden = set(present)
        else:
            hidden = {present[j] for j, v in enumerate(values) if cells[present[j]].value is None}
        for j in hidden:
            cells[j] = Cell(hidden=True)
        columns.append(cells)
    rows = [_sum_row(c, [col[n] for col in columns]) for n, c in enumerate(categories)]
    table = Table(name, dim, people, rows)
    _check(table, regions, shown_total)
    return table


def _check(table: Table, regions: list[RegionFigures], shown_total: dict) -> None:
    """Fail closed: no hidden cell may follow from the sums shown (the region totals and the row sums)."""
    if not table.about_people:
        return
    width = len(regions)
    index = {(n, i): n * width + i for n in range(len(table.rows)) for i in range(width)}
    groups = [
        [index[(n, i)] for n in range(len(table.rows))] for i in range(width) if shown_total.get((table.indicator, i))
    ]
    groups += [[index[(n, i)] for i in range(width)] for n, row in enumerate(table.rows) if not row.total.hidden]
    hidden = [index[(n, i)] for n, row in enumerate(table.rows) for i, c in enumerate(row.cells) if c.hidden]
    if recoverable_cells(groups, hidden):
        raise DisclosureError(f"{table.indicator} × {table.dimension}: a hidden cell follows from the sums shown")


def _national(regions: list[RegionFigures]) -> tuple[Table | None, list[str], bool]:
    """The CoMensha figures (total and per form) of the first package that has them; whether others differ."""
    carriers = [r for r in regions if NATIONAL in r.totals]
    if not carriers:
        return None, [], False
    views = [(r.totals[NATIONAL], r.year, r.breakdowns.get((NATIONAL, "vorm"), {})) for r in carriers]
    first = views[0]
    total = Cell(first[0], hidden=first[0] is None)
    rows = [Row("", [], total)] + [Row(v, [], Cell(n, hidden=n is None)) for v, n in first[2].items()]
    return Table(NATIONAL, "vorm", False, rows), [r.region for r in carriers], any(v != first for v in views[1:])


# -- output ---------------------------------------------------------------------------------------


def shown(cell: Cell, k: int, lang: str = "nl") -> str:
    """How a cell is shown: the number, `<k` when hidden, a dash when the region has no such figure."""
    if cell.absent:
        return "–"
    if cell.hidden:
        return f"<{k}"
    return f"{cell.value:,}".replace(",", "." if lang == "nl" else ",")


def shown_rate(cell: Cell, lang: str = "nl") -> str:
    if cell.rate is None:
        return ""
    text = f"{cell.rate:.1f}"
    return text.replace(".", ",") if lang == "nl" else text


def indicator_label(name: str, lang: str = "nl") -> str:
    nl, en = INDICATORS.get(name, (name, name))
    return nl if lang == "nl" else en


def dimension_label(dim: str, lang: str = "nl") -> str:
    nl, en = DIMENSIONS.get(dim, (dim, dim))
    return nl if lang == "nl" else en


def category_label(code: str, dim: str, lang: str = "nl") -> str:
    from zicht.reporting import labels

    if dim == "kenmerk":
        return labels.kenmerk_words(code, lang)
    if dim == "opgave":
        return labels.opgave_label(code, lang)
    if code in CODES:
        return CODES[code][0 if lang == "nl" else 1]
    text = labels.label(code, lang)
    if text == code:  # a code without a label of the monitor's: its words
        return code.replace("-", " ").capitalize()
    return text.replace("{prev}", "vorig jaar" if lang == "nl" else "the year before")


CSV_HEADER = ["indicator", "uitsplitsing", "categorie", "regio", "jaar", "waarde", "afgeschermd", "per_100000"]


def csv_rows(comparison: Comparison) -> list[list[str]]:
    """The comparison as long rows (CSV_HEADER): one per region and figure, plus the sums (`regio` =
    `som-van-de-regio's`) and the national figures (`regio` = `landelijk`). A hidden value is empty with
    `afgeschermd` true; a region without the figure has no row."""
    out: list[list[str]] = []
    years = comparison.years
    year_of_sum = str(years[0]) if len(years) == 1 else ""

    def add(indicator: str, dim: str, category: str, region: str, year: str, cell: Cell) -> None:
        if cell.absent:
            return
        rate = "" if cell.rate is None else f"{cell.rate:.1f}"
        value = "" if cell.hidden or cell.value is None else str(cell.value)
        out.append([indicator, dim, category, region, year, value, "true" if cell.hidden else "false", rate])

    for table in [comparison.overview, *comparison.breakdowns]:
        for row in table.rows:
            indicator = row.key if table.dimension is None else table.indicator
            dim = table.dimension or ""
            category = "" if table.dimension is None else row.key
            for r, cell in zip(comparison.regions, row.cells, strict=True):
                add(indicator, dim, category, r.region, str(r.year), cell)
            add(indicator, dim, category, "som-van-de-regio's", year_of_sum, row.total)
    if comparison.national is not None:
        year = str(next(r.year for r in comparison.regions if r.region == comparison.national_regions[0]))
        for row in comparison.national.rows:
            add(NATIONAL, "vorm" if row.key else "", row.key, NATIONAL, year, row.total)
    return out


def rows_csv(comparison: Comparison) -> bytes:
    """RFC 4180 CSV in UTF-8 (text cells that a spreadsheet would run as a formula neutralised)."""
    from zicht.spreadsheet import safe_cell

    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(CSV_HEADER)
    for row in csv_rows(comparison):
        writer.writerow([safe_cell(v) for v in row])
    return buffer.getvalue().encode("utf-8")


def view(comparison: Comparison, lang: str = "nl") -> dict:
    """What a page shows, as text (the CLI's HTML and the web page use the same)."""
    k = comparison.k
    regions = [
        {
            "name": r.region,
            "year": r.year,
            "edition": r.edition,
            "k": r.k,
            "population": shown(Cell(r.population), k, lang) if r.population else "",
            "published": r.published[:10],
            "source": r.source,
            "link": r.source if is_url(r.source) else "",
        }
        for r in comparison.regions
    ]

    def cells(row: Row, rates: bool) -> list[dict]:
        out = [
            {"text": shown(c, k, lang), "rate": shown_rate(c, lang) if rates else "", "hidden": c.hidden}
            for c in [*row.cells, row.total]
        ]
        if row.total.hidden:  # not summed: a cell of the row is hidden (the sum itself may be large)
            out[-1]["text"] = NOT_SUMMED
        return out

    overview = [
        {"label": indicator_label(row.key, lang), "people": _about_people(row.key), "cells": cells(row, True)}
        for row in comparison.overview.rows
    ]
    tables = [
        {
            "id": f"{t.indicator}-{t.dimension}",
            "title": f"{indicator_label(t.indicator, lang)} {'naar' if lang == 'nl' else 'by'} "
            f"{dimension_label(t.dimension or '', lang)}",
            "people": t.about_people,
            "rows": [
                {"label": category_label(row.key, t.dimension or "", lang), "cells": cells(row, False)}
                for row in t.rows
            ],
        }
        for t in comparison.breakdowns
    ]
    national = None
    if comparison.national is not None:
        national = {
            "rows": [
                {
                    "label": category_label(row.key, "vorm", lang)
                    if row.key
                    else ("Totaal" if lang == "nl" else "Total"),
                    "text": shown(row.total, k, lang),
                }
                for row in comparison.national.rows
            ],
            "regions": comparison.national_regions,
            "differs": comparison.national_differs,
        }
    return {
        "k": k,
        "years": comparison.years,
        "mixed_years": len(comparison.years) > 1,
        "regions": regions,
        "overview": overview,
        "tables": tables,
        "national": national,
        "any_population": any(r.population for r in comparison.regions),
    }


def render_html(comparison: Comparison, lang: str = "nl") -> str:
    """The comparison as one self-contained HTML page in the monitor's look (Dutch or English)."""
    import jinja2

    from zicht import __version__

    if lang not in ("nl", "en"):
        raise ValueError(f"unknown language {lang!r}: use nl or en")
    here = Path(__file__).parent
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(here / "reporting" / "templates"),
        autoescape=jinja2.select_autoescape(["html"]),
        trim_blocks=True,
        lstrip_blocks=True,
    )
    css = (here / "reporting" / "static" / "report.css").read_text(encoding="utf-8")
    return env.get_template("national.html").render(lang=lang, css=css, version=__version__, **view(comparison, lang))
