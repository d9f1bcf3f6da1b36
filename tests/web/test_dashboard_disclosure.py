"""The disclosure walk (issue 8): every public route and download, on the demo (a real `zicht demo` and
`zicht serve`) and on random deliveries, read as an anonymous visitor. No sensitive cell (a count of
people in a municipality other than the central one) is shown from 1 to k-1, no cell is hidden in one
place and shown in another, and no hidden cell follows from the totals shown beside it
(`zicht.disclosure.recoverable_cells`). On random deliveries the walk also moves a report between two
hidden municipalities: every public answer must stay the same to the byte, so nothing public depends on
more than the published figures.
"""

from __future__ import annotations

import csv
import io
import json
import random
import re
import urllib.error
import urllib.request
from dataclasses import dataclass, field
from html.parser import HTMLParser

import pytest
from django.urls import URLPattern, URLResolver, get_resolver

from zicht.disclosure import check_public, recoverable_cells
from zicht.region import load_region

pytestmark = pytest.mark.slow

REGION = load_region()
K = REGION.disclosure_k
SENSITIVE = set(REGION.sensitive_gemeente_datasets)
OTHERS = [m for m in REGION.municipality_names if m != REGION.central]
API_PUBLIC = {"api:indicators", "api:editions", "api:openapi"}
# Charts whose bars per municipality count no people (initiatives, loans): small numbers are fine there.
NOT_PEOPLE_CHARTS = re.compile(r"^(initiatieven|uitleen.*|uitlening.*)$")


def public_routes() -> dict[str, str]:
    def walk(patterns, prefix="", namespace=""):
        for p in patterns:
            if isinstance(p, URLResolver):
                yield from walk(
                    p.url_patterns, prefix + str(p.pattern), f"{namespace}{p.namespace}:" if p.namespace else namespace
                )
            elif isinstance(p, URLPattern):
                yield f"{namespace}{p.name}", prefix + str(p.pattern)

    return {n: r for n, r in walk(get_resolver().url_patterns) if n.startswith("public:") or n in API_PUBLIC}


def urls_to_walk(editions: list[dict], charts: dict[tuple, list[str]], resources: dict[tuple, list[str]]) -> list[str]:
    """Every public route, with every edition, chart, municipality and file it can show (a route this does
    not know fails the walk, so a new public route must be added here)."""
    from zicht.reporting.dashboard import slug

    years = sorted({e["year"] for e in editions})
    latest = editions[0]
    filters = [
        "",
        "?vorm=seksuele-uitbuiting",
        "?leeftijd=minderjarig",
        "?vorm=overige-uitbuiting&leeftijd=meerderjarig",
    ]
    out: dict[str, list[str]] = {
        "public:home": [
            "/",
            *(f"/?jaar={y}" for y in years),
            *(f"/?jaar={latest['year']}&{f[1:]}" for f in filters if f),
        ],
        "public:municipalities": ["/gemeente/"],
        "public:municipality": [f"/gemeente/{slug(m)}/?jaar={y}" for m in REGION.municipality_names for y in years],
        "public:open-data": ["/open-data/"],
        "public:datapackage": [f"/open-data/{e['year']}/{e['edition']}/datapackage.json" for e in editions],
        "public:open-data-file": [
            f"/open-data/{e['year']}/{e['edition']}/{name}"
            for e in editions
            for name in resources[(e["year"], e["edition"])]
        ],
        "public:editions": ["/monitor/"],
        "public:monitor": [f"/monitor/{y}/" for y in years],
        "public:edition-file": [
            f"/monitor/{e['year']}/{e['edition']}/{lang}.html" for e in editions for lang in ("nl", "en")
        ],
        "public:privacy": ["/privacy/"],
        "api:indicators": [f"/api/v1/indicators?year={e['year']}&edition={e['edition']}" for e in editions]
        + [f"/api/v1/indicators?year={y}" for y in years],
        "api:editions": ["/api/v1/editions"],
        "api:openapi": ["/api/v1/openapi.json"],
        "public:chart-file": [],
    }
    for e in editions:
        for lang in ("nl", "en"):
            for chart in charts[(e["year"], e["edition"])]:
                base = f"/grafiek/{e['year']}/{e['edition']}/{lang}/{chart}"
                out["public:chart-file"] += [base + ".json", base + ".csv"] + ([base + ".svg"] if lang == "nl" else [])
                if e is latest and lang == "nl":
                    out["public:chart-file"] += [base + kind + f for f in filters[1:] for kind in (".json", ".csv")]
    unknown = set(public_routes()) - set(out)
    assert not unknown, f"public routes the disclosure walk does not know: {sorted(unknown)}"
    return [url for urls in out.values() for url in urls]


# -- reading what a page shows -------------------------------------------------------------------


class Tables(HTMLParser):
    """The cells of the tables that show counts per municipality (marked `data-indicator` / `data-gemeente`),
    and the inline chart specs (a municipality's trend)."""

    def __init__(self):
        super().__init__()
        self.tables: list[dict] = []
        self.inline: list[dict] = []
        self._cell: list[str] | None = None

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "table":
            self.tables.append({"attrs": a, "rows": []})
        elif tag == "tr" and self.tables:
            self.tables[-1]["rows"].append({"attrs": a, "cells": []})
        elif tag in ("td", "th") and self.tables and self.tables[-1]["rows"]:
            self._cell = []
        if "data-spec-inline" in a:
            self.inline.append(json.loads(a["data-spec-inline"]))

    def handle_endtag(self, tag):
        if tag in ("td", "th") and self._cell is not None and self.tables and self.tables[-1]["rows"]:
            self.tables[-1]["rows"][-1]["cells"].append(" ".join("".join(self._cell).split()))
            self._cell = None

    def handle_data(self, data):
        if self._cell is not None:
            self._cell.append(data)


def number(text: str) -> int | None:
    """A shown count (`1.334`, `1,334`, `12`); None for `<5`, `–`, empty."""
    text = text.strip()
    return int(re.sub(r"[.,]", "", text)) if re.fullmatch(r"\d{1,3}([.,]\d{3})*", text) else None


@dataclass
class Seen:
    """What the public outputs showed of each sensitive cell: (edition label, indicator, year, municipality)."""

    values: dict[tuple, set] = field(default_factory=dict)
    hidden: dict[tuple, set] = field(default_factory=dict)
    problems: list[str] = field(default_factory=list)
    where: dict[tuple, set] = field(default_factory=dict)

    def cell(self, where: str, key: tuple, shown: str | int | None) -> None:
        indicator, gemeente = key[1], key[3]
        if indicator not in SENSITIVE or gemeente not in OTHERS:
            return
        value = shown if isinstance(shown, int) else number(shown or "")
        if value is None and str(shown).strip() in (f"<{K}", f"&lt;{K}", "", "None"):
            self.hidden.setdefault(key, set()).add(where)
        elif value is not None:
            self.values.setdefault(key, set()).add(value)
            self.where.setdefault((key, value), set()).add(where)
            if 1 <= value < K:
                self.problems.append(f"{where}: {key} shows {value}, below k = {K}")

    def verdict(self, groups: dict[tuple, list[str]]) -> list[str]:
        """Hidden somewhere and shown elsewhere; a group with exactly one hidden cell; a fixed hidden cell."""
        found = list(self.problems)
        for key, places in self.hidden.items():
            if key in self.values:
                shown = {v: sorted(self.where[(key, v)])[:2] for v in self.values[key]}
                found.append(f"{key} hidden in {sorted(places)[:2]} but shown elsewhere: {shown}")
        for (label, indicator, year), members in groups.items():
            hidden = {i for i, m in enumerate(members) if (label, indicator, year, m) in self.hidden}
            fixed = recoverable_cells([list(range(len(members)))], hidden)
            if fixed:
                found.append(f"{label} {indicator} {year}: {[members[i] for i in fixed]} follow from the total")
        return found


def read(seen: Seen, url: str, body: bytes, content_type: str, edition_of_year: dict[int, str], api_label: str | None):
    """Record every sensitive cell an answer shows."""
    text = body.decode("utf-8-sig", "replace")
    if url.startswith("/api/v1/indicators"):
        result = json.loads(text)
        problems = check_public(result, REGION)
        seen.problems += [f"{url}: {p}" for p in problems]
        label = result["edition"]["label"]
        for v in result["values"]:
            if list(v["dimensions"]) == ["gemeente"]:
                seen.cell(url, (label, v["indicator"], result["year"], v["dimensions"]["gemeente"]), v["value"])
        return
    if url.startswith("/open-data/") and url.endswith(".csv"):
        year, number_ = (int(x) for x in url.split("/")[2:4])
        label = str(year) if number_ == 1 else f"{year}-{number_}"
        indicator = url.rsplit("/", 1)[1].split("-gemeente")[0] if "-gemeente" in url else None
        for row in csv.DictReader(io.StringIO(text)):
            if "gemeente" in row and indicator:
                seen.cell(
                    url,
                    (label, indicator, int(row["jaar"]), row["gemeente"]),
                    "" if row["afgeschermd"] == "true" else int(row["waarde"]),
                )
        return
    if url.startswith("/grafiek/"):
        chart = url.rsplit("/", 1)[1].split(".")[0]
        if NOT_PEOPLE_CHARTS.match(chart):
            return
        labels = []
        if url.split("?")[0].endswith(".json"):
            labels = [(r.get("cat"), r.get("value")) for r in json.loads(text)["data"]["values"]]
        elif url.split("?")[0].endswith(".csv"):
            labels = [(r[0], r[1] if len(r) > 1 else "") for r in csv.reader(io.StringIO(text), delimiter=";")]
        for name, value in labels:
            if name in OTHERS and value not in (None, "", 0, "0") and number(str(value)) is not None:
                if number(str(value)) < K:
                    seen.problems.append(f"{url}: chart of people shows {name} = {value}")
        return
    if "text/html" not in content_type:
        return
    parser = Tables()
    parser.feed(text)
    page_year = re.search(r"[?&]jaar=(\d{4})", url)
    monitor = re.match(r"/monitor/(\d{4})/(\d+)/", url)
    for table in parser.tables:
        a = table["attrs"]
        if monitor and "gemeenten" in a.get("class", ""):  # the published monitor: name, count, name, count
            year, number_ = int(monitor.group(1)), int(monitor.group(2))
            label = str(year) if number_ == 1 else f"{year}-{number_}"
            for row in table["rows"][1:]:
                cells = row["cells"]
                for name, value in zip(cells[0::2], cells[1::2], strict=False):
                    seen.cell(url, (label, "meldingen", year, name), value)
            continue
        head = table["rows"][0]["cells"] if table["rows"] else []
        if a.get("data-indicator") and not a.get("data-gemeente"):  # the dashboard: municipalities × years
            years = [int(h) for h in head if re.fullmatch(r"\d{4}", h)]
            for row in table["rows"][1:]:
                name = row["attrs"].get("data-gemeente")
                for y, value in zip(years, row["cells"][1:], strict=False):
                    seen.cell(url, (edition_of_year[max(years)], a["data-indicator"], y, name), value)
                rate = row["cells"][1 + len(years) :]
                if rate and number(row["cells"][len(years)]) is None and rate[0] not in ("–", ""):
                    seen.problems.append(f"{url}: {name} has a rate for a hidden count")
        elif a.get("data-gemeente"):  # a municipality's page
            name = a["data-gemeente"]
            year = int(page_year.group(1)) if page_year else max(edition_of_year)
            for row in table["rows"][1:]:
                indicator = row["attrs"].get("data-indicator") or a.get("data-indicator")
                if indicator and indicator.endswith("-per-100000"):
                    base = indicator.removesuffix("-per-100000")
                    shown = row["cells"][1]
                    if shown not in ("–", ""):
                        value = round(
                            float(shown.replace(".", "").replace(",", "."))
                            * next(m.population for m in REGION.municipalities if m.name == name)
                            / 100_000
                        )
                        seen.cell(url + " (rate)", (edition_of_year[year], base, year, name), value)
                elif indicator and a.get("data-indicator"):  # years down the side
                    seen.cell(url, (edition_of_year[year], indicator, int(row["cells"][0]), name), row["cells"][1])
                elif indicator:
                    seen.cell(url, (edition_of_year[year], indicator, year, name), row["cells"][1])
    for spec in parser.inline:  # a municipality's trend chart
        from zicht.reporting.dashboard import slug

        gemeente = next(m for m in REGION.municipality_names if slug(m) == url.split("/")[2])
        year = int(page_year.group(1)) if page_year else max(edition_of_year)
        for r in spec["data"]["values"]:
            seen.cell(
                url + " (chart)",
                (edition_of_year[year], "meldingen", int(r["cat"]), gemeente),
                r["value"] if r["value"] is not None else "",
            )


def groups_of(editions: list[dict]) -> dict[tuple, list[str]]:
    """Per edition, sensitive indicator and year it holds: the group of municipalities whose sum is published."""
    return {(e["label"], ind, y): OTHERS for e in editions for ind in SENSITIVE for y in e["years"]}


# -- the walks -----------------------------------------------------------------------------------


def walk(get, editions: list[dict], charts, resources) -> tuple[Seen, dict[str, bytes]]:
    seen, bodies = Seen(), {}
    latest_of_year = {}
    for e in editions:
        latest_of_year.setdefault(e["year"], e["label"])
    for url in urls_to_walk(editions, charts, resources):
        status, body, content_type = get(url)
        assert status == 200, f"{url}: {status}"
        bodies[url] = body
        read(seen, url, body, content_type, latest_of_year, None)
    return seen, bodies


def _site_get(base: str):
    def get(url: str):
        try:
            with urllib.request.urlopen(base + url, timeout=60) as response:
                return response.status, response.read(), response.headers.get("Content-Type", "")
        except urllib.error.HTTPError as error:
            return error.code, b"", ""

    return get


def _editions_of(get) -> list[dict]:
    listed = json.loads(get("/api/v1/editions")[1])
    out = []
    for e in listed:
        package = json.loads(get(f"/open-data/{e['year']}/{e['edition']}/datapackage.json")[1])
        out.append({**e, "resources": [r["path"] for r in package["resources"]]})
    return out


def _charts_of(get, editions: list[dict]) -> dict[tuple, list[str]]:
    charts = {}
    for e in editions:
        page = get(f"/?jaar={e['year']}&editie={e['edition']}")[1].decode()
        found = re.findall(rf'data-spec="/grafiek/{e["year"]}/{e["edition"]}/nl/([a-z0-9-]+)\.json"', page)
        charts[(e["year"], e["edition"])] = found
    return charts


def test_the_demo_shows_no_small_or_recoverable_count_of_people_anywhere(live_site):
    """The demo as a new user runs it: `zicht demo` (real editions 2022-2024) and `zicht serve`."""
    get = _site_get(live_site["url"])
    editions = _editions_of(get)
    indicators = {
        e["label"]: json.loads(get(f"/api/v1/indicators?year={e['year']}&edition={e['edition']}")[1]) for e in editions
    }
    for e in editions:  # the years of meldingen each edition holds: its trend chart's bars
        held = json.loads(get(f"/grafiek/{e['year']}/{e['edition']}/nl/meldingen-trend.json")[1])
        e["years"] = sorted({int(r["cat"]) for r in held["data"]["values"]})
    charts = _charts_of(get, editions)
    assert all(charts.values()), charts
    seen, _ = walk(get, editions, charts, {(e["year"], e["edition"]): e["resources"] for e in editions})
    assert seen.hidden, "the demo should have hidden cells for the walk to look at"
    problems = seen.verdict(groups_of(editions))
    assert not problems, "\n".join(problems[:20])
    assert all(check_public(result, REGION) == [] for result in indicators.values())


# -- random deliveries ---------------------------------------------------------------------------


def assert_the_table_of_municipalities_is_what_the_2d_gate_gives(seen: Seen, edition: dict) -> None:
    """The dashboard's table of municipalities × years is two-dimensional, with each year's total (the
    published `herkomst = regio`) beside it and no total per municipality. The cells it hides must be
    exactly those `suppress_table` hides in that table, computed from the edition's counted figures."""
    from zicht.disclosure import TableSpec, suppress_table
    from zicht.storage.models import Edition

    counted = Edition.objects.get(year=edition["year"], number=edition["edition"]).indicators
    years = edition["years"]
    value = {
        (int(y), v["dimensions"]["gemeente"]): v["value"]
        for y, result in counted.items()
        for v in result["values"]
        if v["indicator"] == "meldingen" and list(v["dimensions"]) == ["gemeente"]
    }
    table = suppress_table(
        [[value[(y, m)] for y in years] for m in OTHERS], TableSpec(row_totals=False, column_totals=True), K
    )
    gate = {(OTHERS[r], years[c]) for r, c in table.suppressed}
    shown = {(m, y) for (label, ind, y, m) in seen.hidden if label == edition["label"] and ind == "meldingen"}
    assert shown == gate and not table.recoverable


def random_meldingen(rng: random.Random, year: int) -> list[dict]:
    """Reports spread over the region: many in the central municipality, a few (often 1 to 4) elsewhere."""
    rows = []
    counts = {
        REGION.central: rng.randint(20, 60),
        "regio-onbekend": rng.randint(0, 6),
        "buiten-regio": rng.randint(0, 4),
    }
    for name in OTHERS:
        counts[name] = rng.choice([0, 0, 0, 1, 1, 2, 3, 4, 5, 7, 11])
    counts[OTHERS[3]], counts[OTHERS[9]] = 3, 1  # two small cells that a report can move between
    n = 0
    for name, count in counts.items():
        for _ in range(count):
            n += 1
            soort = rng.choice(["melding", "melding", "melding", "hulpvraag-sekswerk", "preventief"])
            rows.append(
                {
                    "id": f"R-{year}-{n:04d}",
                    "datum": f"{year}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}",
                    "soort": soort,
                    "vorm": rng.choice(
                        ["seksuele-uitbuiting", "criminele-uitbuiting", "arbeidsuitbuiting", "onbekend"]
                    ),
                    "leeftijdsgroep": rng.choice(["meerderjarig", "minderjarig", "onbekend"]),
                    "gemeente": name,
                }
            )
    return rows


def random_controles(rng: random.Random, year: int) -> list[dict]:
    return [
        {"id": f"C-{year}-{n}", "datum": f"{year}-03-0{1 + n % 9}", "gemeente": rng.choice(REGION.municipality_names),
         "locatie": "hotel", "bevindingen": "geen"}
        for n in range(rng.randint(3, 12))
    ]  # fmt: skip


def _client_get(client):
    def get(url: str):
        response = client.get(url)
        body = b"".join(response.streaming_content) if response.streaming else response.content
        return response.status_code, body, response.get("Content-Type", "")

    return get


def _publish(operator, years, at):
    """Fast editions of `years` published at a fixed moment (so that two databases give the same pages)."""
    from zicht import monitor
    from zicht.disclosure import suppress_indicators
    from zicht.storage.models import Edition, EditionFile

    for year in years:
        data = monitor.gather(year, with_estimate=False)
        edition = Edition.objects.create(
            year=year, number=1, published_at=at, published_by=operator.name, note="", region=REGION.slug,
            software_version="test", indicators={str(y): r for y, r in data.indicators.items()},
            public_indicators={str(y): suppress_indicators(r, REGION) for y, r in data.indicators.items()},
            deliveries=data.deliveries,
        )  # fmt: skip
        for kind, lang in (("html", "nl"), ("html", "en"), ("pdf", "nl"), ("pdf", "en")):
            content = b"<!doctype html><title>Monitor</title><p>Monitor</p>" if kind == "html" else b"%PDF-1.7"
            EditionFile.objects.create(edition=edition, name=f"m-{year}-{lang}.{kind}", kind=kind, lang=lang,
                                       content=content, sha256="0" * 64, size=len(content))  # fmt: skip


def _state(client, operator, deliver, meldingen: dict[int, list[dict]], controles: dict[int, list[dict]], at):
    from zicht.services import dashboard as service
    from zicht.services.publication import _frozen_public
    from zicht.web.public.caching import forget_pages

    for year, rows in meldingen.items():
        deliver("meldingen", year, "ESSM", rows)
        deliver("controles", year, "RCTM", controles[year])
    _publish(operator, sorted(meldingen), at)
    # The second database reuses the first one's edition ids and moments: forget what was kept of them.
    service.clear_caches()
    forget_pages()
    _frozen_public.cache_clear()
    get = _client_get(client)
    editions = _editions_of(get)
    for e in editions:
        e["years"] = [y for y in sorted(meldingen) if y <= e["year"]]
    charts = _charts_of(get, editions)
    return walk(get, editions, charts, {(e["year"], e["edition"]): e["resources"] for e in editions}), editions


@pytest.mark.django_db
@pytest.mark.parametrize("seed", [7, 2024])
def test_random_deliveries_show_nothing_beyond_the_published_figures(client, operator, deliver, seed):
    """Walk the public outputs of random deliveries; then move one report between two hidden municipalities
    (the published figures stay the same) and walk again: every answer must be byte for byte the same."""
    import datetime as dt

    from django.db import transaction

    rng = random.Random(seed)
    meldingen = {y: random_meldingen(rng, y) for y in (2023, 2024)}
    controles = {y: random_controles(rng, y) for y in (2023, 2024)}
    at = dt.datetime(2025, 3, 1, 10, 0, seed % 60, tzinfo=dt.UTC)
    savepoint = transaction.savepoint()
    (seen, before), editions = _state(client, operator, deliver, meldingen, controles, at)
    problems = seen.verdict(groups_of(editions))
    assert seen.hidden and not problems, "\n".join(problems[:20])
    assert_the_table_of_municipalities_is_what_the_2d_gate_gives(seen, editions[0])
    transaction.savepoint_rollback(savepoint)

    moved = [dict(r) for r in meldingen[2024]]
    row = next(r for r in moved if r["gemeente"] == OTHERS[3])
    row["gemeente"] = OTHERS[9]  # 3 and 1 become 2 and 2: both stay hidden, every published figure the same
    (_, after), _ = _state(client, operator, deliver, {2023: meldingen[2023], 2024: moved}, controles, at)
    differ = [url for url in before if before[url] != after.get(url)]
    assert not differ, f"public answers that depend on a hidden cell: {differ[:10]}"
