"""The mutation fuzzer: damaged versions of valid deliveries, as a partner's tools could produce them.

Each case starts from a valid demo delivery of one dataset (every dataset of `DATASETS` that the demo
delivers) and applies one mutation: bytes flipped, truncation, mixed encodings and byte-order marks,
separators, shuffled and duplicated columns and lines, huge cells and rows, empty and header-only
files, formulas, and XLSX files that are damaged, zip bombs, carry external links or macros. Used by
`tests/hardening/test_fuzz.py` (in CI) and `bench/fuzz.py` (longer runs, other seeds).
"""

from __future__ import annotations

import io
import random
import zipfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from zicht.region import load_region
from zicht.schema.datasets import DATASETS

DEMO = Path(__file__).resolve().parents[2] / "src" / "zicht" / "demo" / "deliveries"


@dataclass(frozen=True)
class Seed:
    dataset: str
    partner: str
    year: int
    text: str  # the valid delivery, as CSV text (comma-separated, UTF-8)


@dataclass(frozen=True)
class Case:
    name: str  # mutation name
    seed: Seed
    content: bytes
    suffix: str  # ".csv", ".xlsx", ".xlsm"

    @property
    def label(self) -> str:
        return f"{self.seed.dataset}/{self.name}"


@cache
def seeds() -> tuple[Seed, ...]:
    """The latest demo delivery of every dataset, from a partner the region allows to deliver it."""
    region = load_region("regio-rotterdam")
    found: dict[str, Seed] = {}
    for folder in sorted(DEMO.iterdir(), key=lambda p: p.name):
        if not folder.name.isdigit():
            continue
        for path in sorted(folder.glob("*.csv")):
            partner, dataset = path.stem.split(".", 1)
            if dataset in DATASETS and partner in region.partners_for(dataset):
                found[dataset] = Seed(dataset, partner, int(folder.name), path.read_text(encoding="utf-8"))
    return tuple(found[d] for d in DATASETS if d in found)


# -- building blocks ------------------------------------------------------------------------------


def _rows(text: str) -> list[list[str]]:
    import csv

    return [r for r in csv.reader(io.StringIO(text, newline=""))]


def _csv(rows: list[list[str]], delimiter: str = ";", newline: str = "\n") -> str:
    import csv

    out = io.StringIO()
    writer = csv.writer(out, delimiter=delimiter, lineterminator=newline)
    writer.writerows(rows)
    return out.getvalue()


def xlsx_bytes(rows: list[list], sheet: str = "Blad1", formulas: bool = False) -> bytes:
    import openpyxl

    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = sheet
    for row in rows:
        ws.append(row)
    if formulas:
        ws.append(["=1+1", '=HYPERLINK("https://example.invalid")', "=A2&A3", "=NOW()"])
    buffer = io.BytesIO()
    wb.save(buffer)
    return buffer.getvalue()


@cache
def seed_xlsx(seed: Seed, sheet: str = "Blad1", formulas: bool = False) -> bytes:
    """The seed delivery as an XLSX workbook (made once per seed: openpyxl is slow to write)."""
    return xlsx_bytes(_rows(seed.text), sheet=sheet, formulas=formulas)


def _rezip(content: bytes, change: Callable[[dict[str, bytes]], None]) -> bytes:
    with zipfile.ZipFile(io.BytesIO(content)) as z:
        parts = {name: z.read(name) for name in z.namelist()}
    change(parts)
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in parts.items():
            z.writestr(name, data)
    return buffer.getvalue()


@cache
def zip_bomb(expanded_mb: int = 256) -> bytes:
    """An XLSX whose worksheet unpacks to `expanded_mb` MB of blanks (about 0.3 MB packed)."""
    import zlib

    block = b" " * (1 << 20)
    compressor = zlib.compressobj(1, zlib.DEFLATED, -15)
    packed = b"".join(compressor.compress(block) for _ in range(expanded_mb)) + compressor.flush()
    base = xlsx_bytes([["id"], ["x"]])
    return _with_raw_member(base, "xl/worksheets/sheet1.xml", packed, expanded_mb << 20, block, expanded_mb)


def _with_raw_member(archive: bytes, name: str, packed: bytes, size: int, block: bytes, repeat: int) -> bytes:
    """`archive` with part `name` replaced by an already deflated stream (zipfile cannot write one)."""
    import struct
    import zlib

    crc = 0
    for _ in range(repeat):
        crc = zlib.crc32(block, crc)
    with zipfile.ZipFile(io.BytesIO(archive)) as z:
        others = [(i, z.read(i.filename)) for i in z.infolist() if i.filename != name]
    out = io.BytesIO()
    central = []
    for info, data in others:
        offset = out.tell()
        body = zlib.compressobj(6, zlib.DEFLATED, -15)
        comp = body.compress(data) + body.flush()
        header = _local(info.filename.encode(), zlib.crc32(data), len(comp), len(data))
        out.write(header + comp)
        central.append((info.filename.encode(), zlib.crc32(data), len(comp), len(data), offset))
    offset = out.tell()
    out.write(_local(name.encode(), crc, len(packed), size) + packed)
    central.append((name.encode(), crc, len(packed), size, offset))
    start = out.tell()
    for fname, c, csize, usize, off in central:
        out.write(
            struct.pack(
                "<IHHHHHHIIIHHHHHII", 0x02014B50, 20, 20, 0, 8, 0, 0, c, csize, usize, len(fname), 0, 0, 0, 0, 0, off
            )
            + fname
        )
    end = out.tell()
    out.write(struct.pack("<IHHHHIIH", 0x06054B50, 0, 0, len(central), len(central), end - start, start, 0))
    return out.getvalue()


def _local(fname: bytes, crc: int, csize: int, usize: int) -> bytes:
    import struct

    return struct.pack("<IHHHHHIIIHH", 0x04034B50, 20, 0, 8, 0, 0, crc, csize, usize, len(fname), 0) + fname


# -- the mutations: (name, function(seed, rng) -> (bytes, suffix)) --------------------------------


def _flip(seed: Seed, rng: random.Random):
    data = bytearray(seed.text.encode())
    for _ in range(rng.randint(1, 12)):
        i = rng.randrange(len(data))
        data[i] = rng.randrange(256)
    return bytes(data), ".csv"


def _truncate(seed: Seed, rng: random.Random):
    data = seed.text.encode()
    return data[: rng.randrange(len(data))], ".csv"


def _mixed_encoding(seed: Seed, rng: random.Random):
    lines = seed.text.splitlines(keepends=True)
    i = rng.randrange(1, len(lines)) if len(lines) > 1 else 0
    accented = lines[i].rstrip("\n").replace("a", "á", 1) + "é\n"
    first = "".join(lines[:i]).encode("utf-8")
    rest = (accented + "".join(lines[i + 1 :])).encode(rng.choice(["cp1252", "latin-1", "utf-8", "utf-16-le"]))
    return first + rest, ".csv"


def _bom(seed: Seed, rng: random.Random):
    boms = [b"\xef\xbb\xbf", b"\xef\xbb\xbf\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff", b"\x00\x00\xfe\xff"]
    data = seed.text.encode()
    bom = rng.choice(boms)
    if rng.random() < 0.3:  # a BOM in the middle, as two files pasted together
        i = rng.randrange(len(data))
        return data[:i] + bom + data[i:], ".csv"
    return bom + data, ".csv"


def _utf16(seed: Seed, rng: random.Random):
    return seed.text.encode(rng.choice(["utf-16", "utf-16-be", "utf-32"])), ".csv"


def _separators(seed: Seed, rng: random.Random):
    rows = _rows(seed.text)
    delimiter = rng.choice([";", ",", "\t", "|", ":"])
    text = _csv(rows, delimiter)
    if rng.random() < 0.4:  # mixed: the header with another separator than the rows
        text = _csv(rows[:1], rng.choice([";", ","])) + _csv(rows[1:], delimiter)
    return text.encode(), ".csv"


def _line_endings(seed: Seed, rng: random.Random):
    rows = _rows(seed.text)
    text = _csv(rows, ";", rng.choice(["\r\n", "\r", "\n\n", "\r\r\n"]))
    return text.encode(), ".csv"


def _shuffle_lines(seed: Seed, rng: random.Random):
    lines = seed.text.splitlines()
    if rng.random() < 0.3:
        rng.shuffle(lines)  # the header too
    else:
        body = lines[1:]
        rng.shuffle(body)
        lines = lines[:1] + body
    return ("\n".join(lines) + "\n").encode(), ".csv"


def _shuffle_columns(seed: Seed, rng: random.Random):
    rows = _rows(seed.text)
    order = list(range(len(rows[0])))
    rng.shuffle(order)
    return _csv([[r[i] if i < len(r) else "" for i in order] for r in rows]).encode(), ".csv"


def _duplicate_column(seed: Seed, rng: random.Random):
    rows = _rows(seed.text)
    j = rng.randrange(len(rows[0]))
    return _csv([r + [r[j] if j < len(r) else ""] for r in rows]).encode(), ".csv"


def _drop_column(seed: Seed, rng: random.Random):
    rows = _rows(seed.text)
    j = rng.randrange(len(rows[0]))
    return _csv([r[:j] + r[j + 1 :] for r in rows]).encode(), ".csv"


def _rename_header(seed: Seed, rng: random.Random):
    rows = _rows(seed.text)
    j = rng.randrange(len(rows[0]))
    rows[0][j] = rng.choice(["", " ", "Naam", "BSN", "e-mail", rows[0][j].upper() + " ", "x" * 300, "=1+1"])
    return _csv(rows).encode(), ".csv"


def _huge_cell(seed: Seed, rng: random.Random):
    rows = _rows(seed.text)
    i, j = rng.randrange(1, max(2, len(rows))), rng.randrange(len(rows[0]))
    size = rng.choice([10_000, 200_000, 2_000_000])
    filler = rng.choice(["x", "|", "1", " ", "é", "a|b|"])
    if i < len(rows):
        while len(rows[i]) <= j:
            rows[i].append("")
        rows[i][j] = filler * (size // len(filler))
    return _csv(rows).encode(), ".csv"


def _huge_row(seed: Seed, rng: random.Random):
    rows = _rows(seed.text)
    width = rng.choice([50, 999, 1500, 20_000])
    i = rng.randrange(len(rows))
    rows[i] = rows[i] + ["x"] * width
    return _csv(rows).encode(), ".csv"


def _many_rows(seed: Seed, rng: random.Random):
    rows = _rows(seed.text)
    body = rows[1:] or [[""]]
    copies = rng.choice([5, 40, 200])
    return _csv(rows[:1] + body * copies).encode(), ".csv"


def _empty_files(seed: Seed, rng: random.Random):
    header = seed.text.splitlines()[0]
    return rng.choice([b"", b"\n", b"\r\n\r\n", b" ", header.encode(), (header + "\n").encode(), b";;;\n"]), ".csv"


def _formulas(seed: Seed, rng: random.Random):
    rows = _rows(seed.text)
    payloads = ["=1+1", '=HYPERLINK("http://x.invalid")', "@SUM(A1)", "+cmd|' /C calc'!A0", "-2+3", "=A1"]
    for _ in range(rng.randint(1, 5)):
        i, j = rng.randrange(len(rows)), rng.randrange(len(rows[0]))
        if j < len(rows[i]):
            rows[i][j] = rng.choice(payloads)
    return _csv(rows).encode(), ".csv"


def _quotes(seed: Seed, rng: random.Random):
    data = seed.text
    i = rng.randrange(len(data))
    return (data[:i] + rng.choice(['"', '""', '"\n', '"a"b', "'"]) + data[i:]).encode(), ".csv"


def _control_characters(seed: Seed, rng: random.Random):
    data = seed.text
    for _ in range(rng.randint(1, 6)):
        i = rng.randrange(len(data))
        data = (
            data[:i]
            + rng.choice(["\x00", "\x0b", "\x1c", "\u200f", "\u202e", "\ufeff", "\U0001f600", "\u0301"])
            + data[i:]
        )
    return data.encode("utf-8", "surrogatepass"), ".csv"


def _garbage(seed: Seed, rng: random.Random):
    return bytes(rng.randrange(256) for _ in range(rng.randint(1, 4000))), rng.choice([".csv", ".xlsx"])


def _xlsx_valid(seed: Seed, rng: random.Random):
    return seed_xlsx(seed, rng.choice([seed.dataset, "Blad1"])), ".xlsx"


def _xlsx_damaged(seed: Seed, rng: random.Random):
    content = seed_xlsx(seed)
    how = rng.choice(["flip", "truncate", "content-types", "sheet-xml", "workbook-xml", "no-sheet", "strings"])
    if how == "flip":
        data = bytearray(content)
        for _ in range(rng.randint(1, 30)):
            data[rng.randrange(len(data))] = rng.randrange(256)
        return bytes(data), ".xlsx"
    if how == "truncate":
        return content[: rng.randrange(len(content))], ".xlsx"

    def change(parts: dict[str, bytes]) -> None:
        if how == "content-types":
            parts["[Content_Types].xml"] = b"this is not xml <<<"
        elif how == "sheet-xml":
            parts["xl/worksheets/sheet1.xml"] = parts["xl/worksheets/sheet1.xml"][: rng.randrange(40, 400)]
        elif how == "workbook-xml":
            parts["xl/workbook.xml"] = b"<workbook><sheets><sheet name='x' r:id='nope'/></sheets></workbook>"
        elif how == "no-sheet":
            parts.pop("xl/worksheets/sheet1.xml")
        else:
            parts["xl/sharedStrings.xml"] = b"<sst><si><t>unterminated"

    return _rezip(content, change), ".xlsx"


def _xlsx_formulas(seed: Seed, rng: random.Random):
    return seed_xlsx(seed, formulas=True), ".xlsx"


def _xlsx_external_link(seed: Seed, rng: random.Random):
    content = seed_xlsx(seed)

    def change(parts: dict[str, bytes]) -> None:
        parts["xl/externalLinks/externalLink1.xml"] = (
            b'<?xml version="1.0"?><externalLink xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
            b'<externalBook r:id="rId1" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"/>'
            b"</externalLink>"
        )
        parts["xl/externalLinks/_rels/externalLink1.xml.rels"] = (
            b'<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
            b'<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/'
            b'externalLinkPath" Target="file:///C:/geheim/namen.xlsx" TargetMode="External"/></Relationships>'
        )

    return _rezip(content, change), ".xlsx"


def _xlsm_macro(seed: Seed, rng: random.Random):
    content = seed_xlsx(seed)

    def change(parts: dict[str, bytes]) -> None:
        parts["xl/vbaProject.bin"] = b"\xd0\xcf\x11\xe0" + bytes(rng.randrange(256) for _ in range(512))
        parts["[Content_Types].xml"] = parts["[Content_Types].xml"].replace(
            b"spreadsheetml.sheet.main+xml", b"sheet.macroEnabled.main+xml"
        )

    return _rezip(content, change), ".xlsm"


def _xlsx_wide_sheet(seed: Seed, rng: random.Random):
    content = seed_xlsx(seed)

    def change(parts: dict[str, bytes]) -> None:
        # A cell far out (XFD1048576): a sheet that claims the whole grid.
        xml = parts["xl/worksheets/sheet1.xml"]
        far = b'<row r="1048576"><c r="XFD1048576" t="inlineStr"><is><t>x</t></is></c></row>'
        parts["xl/worksheets/sheet1.xml"] = xml.replace(b"</sheetData>", far + b"</sheetData>")

    return _rezip(content, change), ".xlsx"


def _xlsx_bomb(seed: Seed, rng: random.Random):
    return zip_bomb(), ".xlsx"


def _wrong_suffix(seed: Seed, rng: random.Random):
    if rng.random() < 0.5:
        return seed.text.encode(), ".xlsx"  # a CSV named .xlsx
    return seed_xlsx(seed), ".csv"  # an XLSX named .csv


MUTATIONS: tuple[tuple[str, Callable], ...] = (
    ("flip-bytes", _flip),
    ("truncate", _truncate),
    ("mixed-encoding", _mixed_encoding),
    ("bom", _bom),
    ("utf-16", _utf16),
    ("separators", _separators),
    ("line-endings", _line_endings),
    ("shuffle-lines", _shuffle_lines),
    ("shuffle-columns", _shuffle_columns),
    ("duplicate-column", _duplicate_column),
    ("drop-column", _drop_column),
    ("rename-header", _rename_header),
    ("huge-cell", _huge_cell),
    ("huge-row", _huge_row),
    ("many-rows", _many_rows),
    ("empty", _empty_files),
    ("formulas", _formulas),
    ("quotes", _quotes),
    ("control-characters", _control_characters),
    ("garbage", _garbage),
    ("xlsx", _xlsx_valid),
    ("xlsx-damaged", _xlsx_damaged),
    ("xlsx-formulas", _xlsx_formulas),
    ("xlsx-external-link", _xlsx_external_link),
    ("xlsm-macro", _xlsm_macro),
    ("xlsx-whole-grid", _xlsx_wide_sheet),
    ("xlsx-zip-bomb", _xlsx_bomb),
    ("wrong-suffix", _wrong_suffix),
)
# Expensive mutations run less often, so that a thousand cases stay within the CI budget.
RARE = {"xlsx-zip-bomb": 0.1, "xlsx-whole-grid": 0.25, "huge-cell": 0.5, "huge-row": 0.5, "many-rows": 0.5}


def cases(count: int, seed: int = 0, only: set[str] | None = None) -> Iterator[Case]:
    """`count` cases, round-robin over datasets and mutations (or the mutations named in `only`),
    reproducible from `seed`; made one at a time, so that a long run holds one case in memory."""
    rng = random.Random(seed)
    all_seeds = seeds()
    mutations = [m for m in MUTATIONS if only is None or m[0] in only]
    made = k = 0
    while made < count:
        name, mutate = mutations[k % len(mutations)]
        base = all_seeds[(k // len(mutations) + k) % len(all_seeds)]
        k += 1
        if only is None and name in RARE and rng.random() > RARE[name]:
            continue
        content, suffix = mutate(base, rng)
        made += 1
        yield Case(name, base, content, suffix)
