"""Sample report data for tests and the benchmark, made by the real pipeline from the demo deliveries.

Importable as `report_sample` (tests/ is on pytest's pythonpath; bench/report.py adds it). The
indicator JSON of every demo year and the list of deliveries are fixtures (`tests/reporting/data/`)
written from `zicht demo` in a fresh ZICHT_HOME; `tests/reporting/test_sample_fixtures.py` regenerates
them and fails when they drift. Regenerate after a change to the demo or the indicators:

    .venv/bin/python tests/report_sample.py --write tests/reporting/data

The texts, actions and initiatives come straight from the demo files; the estimate is a hand-written
example of `spec/estimation.md`'s JSON.
"""

from __future__ import annotations

import argparse
import csv
import html as htmllib
import json
import os
import re
import subprocess
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

from zicht.region import load_region

DEMO = Path(__file__).resolve().parent.parent / "src" / "zicht" / "demo"
FIXTURE_YEARS = tuple(range(2019, 2025))
# Import time of every demo delivery, pinned so that a regeneration changes nothing.
DELIVERED_AT = "2025-02-14T09:00:00+00:00"


def demo_fixtures(run: Callable[..., str]) -> dict[str, Any]:
    """{file name: JSON} from the real commands; `run(*args)` runs `zicht *args` in one fresh ZICHT_HOME
    and returns its standard output."""
    run("demo", "--no-report", "--no-publish")
    out: dict[str, Any] = {
        f"indicators-{y}.json": json.loads(run("indicators", "--year", y, "--json")) for y in FIXTURE_YEARS
    }
    out["deliveries.json"] = [d | {"delivered_at": DELIVERED_AT} for d in json.loads(run("deliveries", "--json"))]
    return out


def dump_fixture(data: Any) -> str:
    """JSON with one line per list entry: compact, and a regenerated fixture diffs line by line."""

    def block(items: list, indent: str) -> str:
        return "[\n" + ",\n".join(indent + json.dumps(x, ensure_ascii=False) for x in items) + "\n]"

    if isinstance(data, list):
        return block(data, "") + "\n"
    fields = [
        f"{json.dumps(key)}: {block(value, '  ') if isinstance(value, list) and value else json.dumps(value, ensure_ascii=False)}"
        for key, value in data.items()
    ]
    return "{\n" + ",\n".join(fields) + "\n}\n"


def _command_in(home: Path) -> Callable[..., str]:
    """`run(*args)`: the `zicht` command on a fresh SQLite database in `home` (never the configured one)."""
    env = {k: v for k, v in os.environ.items() if k not in ("ZICHT_DATABASE_URL", "DJANGO_SETTINGS_MODULE")}
    env["ZICHT_HOME"] = str(home)

    def run(*args) -> str:
        done = subprocess.run(
            [sys.executable, "-m", "zicht", *map(str, args)], env=env, capture_output=True, text=True, check=False
        )
        if done.returncode != 0:
            raise RuntimeError(f"zicht {' '.join(map(str, args))} failed:\n{done.stderr}")
        return done.stdout

    return run


def write_fixtures(folder: Path) -> list[Path]:
    """Regenerate the fixtures into `folder`; returns the files written."""
    folder.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as home:
        files = demo_fixtures(_command_in(Path(home)))
    written = []
    for name, data in files.items():
        (folder / name).write_text(dump_fixture(data), encoding="utf-8")
        written.append(folder / name)
    return written


def read_fixtures(folder: Path) -> dict[str, Any]:
    return {p.name: json.loads(p.read_text(encoding="utf-8")) for p in sorted(Path(folder).glob("*.json"))}


def demo_texts(year: int = 2024) -> dict[str, str]:
    """The bundled demo narrative texts ({section: markdown}), each marked as demo text."""
    folder = DEMO / "texts" / str(year)
    return {p.stem: p.read_text(encoding="utf-8") for p in sorted(folder.glob("*.md"))}


def _demo_rows(dataset: str, year: int) -> list[dict[str, str]]:
    manifest = json.loads((DEMO / "manifest.json").read_text(encoding="utf-8"))
    rows = []
    for item in manifest["deliveries"]:
        if item["dataset"] == dataset and item["year"] == year:
            with open(DEMO / "deliveries" / item["file"], encoding="utf-8-sig", newline="") as fh:
                rows += list(csv.DictReader(fh))
    return rows


def demo_plan(year: int = 2024) -> tuple[list[dict], list[dict]]:
    """The demo's actions and initiatives in the shape and order `zicht.monitor.gather` reads them."""
    actions = [
        {"opgave": int(r["opgave"]), "titel": r["titel"], "status": r["status"]} for r in _demo_rows("acties", year)
    ]
    actions.sort(key=lambda a: a["opgave"])  # stable: file order within an opgave
    initiatives = [
        {
            "gemeente": r["gemeente"],
            "titel": r["titel"],
            "soort": r["soort"],
            "opgave": int(r["opgave"]) if r["opgave"] else None,
        }
        for r in sorted(_demo_rows("initiatieven", year), key=lambda r: (r["gemeente"], r["datum"]))
    ]
    return actions, initiatives


def sample_estimate() -> dict:
    """An estimate in the JSON shape of `spec/estimation.md` (synthetic numbers)."""
    table = [
        {"history": [1, 0, 0, 0], "count": 121},
        {"history": [0, 1, 0, 0], "count": 38},
        {"history": [0, 0, 1, 0], "count": 19},
        {"history": [0, 0, 0, 1], "count": 7},
        {"history": [1, 1, 0, 0], "count": 14},
        {"history": [1, 0, 1, 0], "count": 9},
        {"history": [0, 1, 1, 0], "count": 3},
        {"history": [1, 0, 0, 1], "count": 2},
        {"history": [1, 1, 1, 0], "count": 2},
    ]
    return {
        "lists": ["ESSM", "AVIM", "ZORGCOORDINATIE", "NLA"],
        "observed": sum(r["count"] for r in table),
        "estimable": True,
        "reason": None,
        "method": "stepwise",
        "options": {"pthresh": 0.02, "maxorder": None, "model": None},
        "model": "[12,3,4]",
        "bic": 61.2087,
        "estimate": 642.7,
        "hidden": 427.7,
        "ci": {"level": 0.95, "low": 431.9, "high": 1012.4, "method": "bca", "nboot": 1000, "seed": 1234, "dropped": 0},
        "table": table,
    }


def sample_report_data(fixtures: Path, year: int = 2024, **overrides):
    """A complete `ReportData` of the demo for `year`, from the fixtures in `fixtures` (as `gather` builds it)."""
    import datetime as dt

    from zicht.reporting.context import ReportData

    files = read_fixtures(fixtures)
    actions, initiatives = demo_plan(year)
    fields = dict(
        region=load_region(),
        year=year,
        indicators={y: files[f"indicators-{y}.json"] for y in FIXTURE_YEARS if y <= year},
        texts=demo_texts(year),
        deliveries=[d for d in files["deliveries.json"] if d["is_current"] and d["year"] <= year],
        estimate=sample_estimate(),
        actions=actions,
        initiatives=initiatives,
        published=dt.date(2025, 4, 1),
    )
    fields.update(overrides)
    return ReportData(**fields)


# Every figure of spec/indicators.md's seed table, as the report writes it (Dutch).
SEED_PHRASES = [
    "In 2024 is 179 keer het meldpunt benaderd. Dit is een lichte stijging ten opzichte van 2023 (130 keer).",
    "hadden er 121 betrekking op de gemeente Rotterdam",
    "Een kleiner aantal van 44 meldingen",
    "Bij 10 meldingen werd niet bekend",
    "4 meldingen waren afkomstig uit een gemeente buiten de regio",
    "Door meerderjarige personen werden 57 meldingen over seksuele uitbuiting gedaan",
    "Door minderjarigen werden 9 meldingen over seksuele uitbuiting gedaan",
    "Door meerderjarige personen werden 8 meldingen over overige (arbeids)uitbuiting gedaan",
    "Door meerderjarige personen werden 10 meldingen over criminele uitbuiting gedaan",
    "Door minderjarigen werden 5 meldingen over criminele uitbuiting gedaan",
    "Informatie- of hulpverzoeken van sekswerkers werden 52 keer gedaan.",
    "Preventief werden 18 gesprekken gevoerd met meerderjarige personen en 20 gesprekken met minderjarige personen.",
    "167 cliënten begeleid",
    "2023: 148; 2022: 143",
    "115 cliënten op het gebied van seksuele uitbuiting (38 doorlopend vanuit 2023, 77 nieuwe trajecten gestart in 2024)",
    "13 cliënten op het gebied van criminele uitbuiting (2 doorlopend vanuit 2023, 11 nieuwe trajecten gestart in 2024)",
    "13 cliënten op het gebied van overige (arbeids-)uitbuiting (6 doorlopend vanuit 2023, 7 nieuwe trajecten gestart in 2024)",
    "26 trajecten zijn preventief gestart ter voorkoming van enige vorm van uitbuiting (7 doorlopend vanuit 2023, 19 nieuwe trajecten gestart in 2024)",
    "8 informatieve gesprekken en 2 aangiftes van criminele uitbuiting",
    "2023: 27; 2022: 23",
    "11 casussen gedraaid",
    "ten opzichte van 2023 (toen 4)",
    "Van de 11 casussen was de politie in 5 gevallen inbrenger van het signaal.",
    "In 2 gevallen was een gemeente inbrenger.",
    "In de overige 4 gevallen",
    "sprake van een totaal van 12 casussen",
    "19 controles uitgevoerd",
    "1.334",
]
# The overige-uitbuiting × minderjarig zero and the national series appear in the figures' tables.
SEED_TABLE_ROWS = [
    ("Overige (arbeids)uitbuiting", "8", "0"),
    ("2019", "1.334"),
    ("2020", "984"),
    ("2021", "791"),
    ("2022", "814"),
    ("2023", "868"),
    ("2024", "944"),
]


def plain_text(html: str) -> str:
    """The visible text of an HTML page, white space collapsed."""
    body = re.sub(r"<(style|script)[^>]*>.*?</\1>", " ", html, flags=re.S)
    body = re.sub(r'src="data:[^"]*"', "", body)
    text = htmllib.unescape(re.sub(r"<[^>]+>", " ", body))
    return re.sub(r"\s+", " ", text).strip()


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description="Regenerate the report's sample fixtures from the demo.")
    parser.add_argument("--write", type=Path, required=True, metavar="FOLDER", help="e.g. tests/reporting/data")
    for path in write_fixtures(parser.parse_args(argv).write):
        print(path)


if __name__ == "__main__":
    main()
