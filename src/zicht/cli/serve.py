"""`zicht serve`: the web application on a production-grade server (gunicorn)."""

from __future__ import annotations

import os

import click

from zicht.cli.common import fail, handles_expected_errors


@click.command()
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to listen on.")
@click.option("--port", default=8000, show_default=True, type=click.IntRange(1, 65535), help="Port to listen on.")
@click.option("--workers", type=click.IntRange(1, 64), default=None, help="Worker processes (default: 2 per core).")
@click.option("--threads", type=click.IntRange(1, 64), default=2, show_default=True, help="Threads per worker.")
@click.option(
    "--timeout", type=click.IntRange(10, 3600), default=180, show_default=True, help="Seconds a request may take."
)
@click.option(
    "--national",
    "national_sources",
    multiple=True,
    metavar="SRC",
    help="A region's open-data package for the national picture at /landelijk/ (repeat; zicht national).",
)
@handles_expected_errors
def serve(host, port, workers, threads, timeout, national_sources):
    """Run the web application (gunicorn; static files from the package; migrations applied on start).

    Start de webapplicatie: het dashboard, de aanleverportal, de analistenbalie en de API. Off loopback
    zijn ZICHT_SECRET_KEY en ZICHT_ALLOWED_HOSTS verplicht; achter TLS: ZICHT_HTTPS=1.
    """
    from zicht.web.server import ServeError
    from zicht.web.server import serve as run

    if os.environ.get("ZICHT_DEBUG") == "1":
        click.secho(
            "ZICHT_DEBUG=1: foutpagina's tonen details; nooit in productie. / never in production.",
            fg="yellow",
            err=True,
        )
    if not national_sources:  # ZICHT_NATIONAL_SOURCES, checked here the same way
        listed = os.environ.get("ZICHT_NATIONAL_SOURCES", "")
        national_sources = tuple(s.strip() for s in listed.split(",") if s.strip())
    if national_sources:  # read once here, so that a bad source stops the start with a clear message
        from zicht import national

        try:
            regions = national.compare(national.read_packages(national_sources)).regions
        except national.SourceError as error:
            fail(error.message_nl, error.message_en)
        names = ", ".join(r.region for r in regions)
        click.echo(f"Landelijk beeld / national picture (/landelijk/): {names}", err=True)
        os.environ["ZICHT_NATIONAL_SOURCES"] = ",".join(national_sources)
    shown = f"[{host}]" if ":" in host else host
    click.echo(f"zicht: http://{shown}:{port}/  (Ctrl-C stopt / stops)", err=True)
    try:
        run(host, port, workers or 2 * (os.cpu_count() or 1), threads, timeout)
    except ServeError as error:
        fail(error.message_nl, error.message_en)
