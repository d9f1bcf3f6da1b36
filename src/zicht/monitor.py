"""The monitor of a year from the database: gathering its input and writing its files.

The one place where storage (Django) meets the pure report builder, so the use cases in
`zicht.services` render the same monitor for the command line, the analyst's desk and publication.
Access checks and the audit log are the use cases' business, not this module's.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path


def gather(
    year: int,
    lang: str = "nl",
    with_estimate: bool = True,
    published: dt.date | None = None,
    edition: str | None = None,
    edition_note: str | None = None,
):
    """The report's input (`ReportData`) from the database: every year up to `year` that has deliveries."""
    from zicht import __version__
    from zicht.indicators import compute
    from zicht.region import load_region
    from zicht.reporting.context import ReportData
    from zicht.storage import api

    region = load_region()
    conn, vendor = api.raw_connection(), api.vendor()
    # The year's estimate first: when it is not stored yet, its bootstrap runs beside the rest.
    estimate = _estimate(conn, vendor, region, year) if with_estimate else None
    years = sorted({d.year for d in api.list_deliveries() if d.year <= year} | {year})
    indicators = {y: compute(conn, vendor, region, y) for y in years}
    deliveries = [d.as_dict() for y in years for d in api.current_deliveries(y)]
    actions, initiatives = api.plan_items(year)
    if callable(estimate):
        _warm_up()
        estimate = estimate()
    return ReportData(
        region=region,
        year=year,
        indicators=indicators,
        texts=api.get_texts(year, lang),
        deliveries=deliveries,
        software_version=__version__,
        estimate=estimate,
        actions=actions,
        initiatives=initiatives,
        published=published,
        edition=edition,
        edition_note=edition_note,
    )


def _estimate(conn, vendor: str, region, year: int):
    """The stored estimate, or a function that returns it once it is computed.

    A first monitor for a set of deliveries pays for the estimate's bootstrap (about two seconds for the
    demo); it runs in a forked process while this one counts the indicators and loads the renderer, so
    the first run costs little more than a later one (issue 10). Only a single-threaded process forks (the
    command line): a web worker's other threads could hold locks the child would inherit."""
    import threading

    from zicht.estimation.linkage import estimate_job, save_estimate
    from zicht.storage import api

    store = api.EstimateStore()
    job = estimate_job(conn, vendor, region, year, store=store)
    if isinstance(job, dict):
        return job
    if threading.active_count() > 1:
        result = job.run()
        save_estimate(job, result, store)
        return result
    receive = _in_background(job.run)

    def result() -> dict:
        found = receive()
        save_estimate(job, found, store)
        return found

    return result


def _in_background(work):
    """Run `work()` in a forked process; returns a function that waits for its result (or, when the child
    failed in any way, computes it here, so that a real error surfaces with its own traceback)."""
    import multiprocessing

    context = multiprocessing.get_context("fork")
    receiving, sending = context.Pipe(duplex=False)
    child = context.Process(target=_send, args=(work, sending))
    child.start()
    sending.close()

    def receive():
        try:
            ok, value = receiving.recv()
        except (EOFError, OSError):
            ok, value = False, None
        finally:
            receiving.close()
            child.join()
        return value if ok else work()

    return receive


def _send(work, sending) -> None:
    try:
        sending.send((True, work()))
    except BaseException:  # noqa: BLE001 - the parent computes it again and shows the real error
        sending.send((False, None))
    finally:
        sending.close()


def _warm_up() -> None:
    """Load the renderer and start the chart engine while the estimate is computed elsewhere."""
    import vl_convert

    import zicht.reporting.pdf  # noqa: F401 - WeasyPrint, loaded now rather than after the estimate
    import zicht.reporting.render  # noqa: F401

    vl_convert.vegalite_to_svg({"mark": "point", "data": {"values": [{}]}})


def report_home() -> Path:
    from django.conf import settings

    return settings.ZICHT_HOME / "reports"


def file_stem(region_slug: str, year: int, public: bool, lang: str) -> str:
    return (
        f"monitor-mensenhandel-{region_slug}-{year}"
        + ("-openbaar" if public else "")
        + ("" if lang == "nl" else f"-{lang}")
    )


def build(year: int, public: bool = False, lang: str = "nl", **gather_options) -> tuple[str, object]:
    """The monitor's HTML and its input. The estimate costs a bootstrap: a public edition only gathers
    it where the region publishes it."""
    from zicht.region import load_region
    from zicht.reporting.render import build_report

    gather_options.setdefault("with_estimate", not public or load_region().publish_estimate)
    data = gather(year, lang, **gather_options)
    return build_report(data, lang=lang, public=public), data


def write_report(
    year: int,
    formats: tuple[str, ...] = ("html", "pdf"),
    out: str | Path | None = None,
    public: bool = False,
    lang: str = "nl",
) -> list[Path]:
    """Render the monitor of `year` from the database into files; returns the files written."""
    from zicht.reporting.pdf import write_pdf

    html, data = build(year, public, lang)
    folder = Path(out) if out else report_home()
    folder.mkdir(parents=True, exist_ok=True)
    stem = file_stem(data.region.slug, year, public, lang)
    written = []
    if "html" in formats:
        path = folder / f"{stem}.html"
        path.write_text(html, encoding="utf-8")
        written.append(path)
    if "pdf" in formats:
        written.append(write_pdf(html, folder / f"{stem}.pdf"))
    return written
