"""`zicht estimate`: multiple systems estimation from a table or the year's deliveries."""

from __future__ import annotations

import json
import os
import sys

import click

from zicht.cli.common import handles_expected_errors


def _fmt(x: float | None) -> str:
    """A number as the monitor prints it in Dutch (`1.334`, `1.183,7`): `zicht.reporting.sentences.fmt`'s
    rule, here so that a quick estimate does not load the report (and pandas) to print one number."""
    if x is None:
        return "–"
    text = f"{x:,.1f}" if isinstance(x, float) and not x.is_integer() else f"{int(x):,}"
    return text.replace(",", "_").replace(".", ",").replace("_", ".")


def _human(result: dict) -> str:
    lines = [
        f"Lijsten: {', '.join(result['lists'])} ({len(result['lists'])})",
        f"Waargenomen personen: {result['observed']}",
    ]
    if not result["estimable"]:
        lines.append(f"Niet te schatten: {result['reason']}")
        lines.append(f"(Not estimable: {result['reason_en']})")
        return "\n".join(lines)
    how = {
        "stepwise": "stapsgewijs (pthresh {})".format(result["options"]["pthresh"]),
        "bic": "BIC",
        "fixed": "vast model",
    }
    lines += [
        f"Methode: {how[result['method']]}; model {result['model']} (BIC {result['bic']})",
        f"Schatting totaal: {_fmt(result['estimate'])}, van wie niet op een lijst: {_fmt(result['hidden'])}",
    ]
    if result["minus_infinity"]:
        lines.append(f"Lijstparen zonder overlap (interactie op min oneindig): {', '.join(result['minus_infinity'])}")
    ci = result["ci"]
    if ci:
        kind = "BCa-bootstrap" if ci["method"] == "bca" else "profiel-aannemelijkheid"
        lines.append(
            f"{round(ci['level'] * 100, 2):g}%-betrouwbaarheidsinterval ({kind}): {_fmt(ci['low'])} – {_fmt(ci['high'])}"
        )
        if ci["method"] == "bca":
            lines.append(f"  {ci['nboot']} trekkingen, seed {ci['seed']}, weggelaten: {ci['dropped']}")
    if result.get("sensitivity"):
        lines.append("Gevoeligheid / sensitivity (model, BIC, schatting):")
        for m in result["sensitivity"]:
            mark = " *" if m.get("selected") else ""
            lines.append(f"  {m['model']:<24} {m['bic']:>10.4f} {_fmt(m['estimate']):>10}{mark}")
    return "\n".join(lines)


@click.command("estimate")
@click.option(
    "--table",
    "table_path",
    type=click.Path(exists=True, dir_okay=False),
    help="Capture-history table (CSV/XLSX): 0/1 per list and `count`/`aantal`.",
)
@click.option("--year", type=int, help="Build the lists from this year's current deliveries.")
@click.option("--json", "as_json", is_flag=True, help="Print the result as JSON (spec/estimation.md).")
@click.option(
    "--method", type=click.Choice(["stepwise", "bic"]), default="stepwise", show_default=True, help="Model selection."
)
@click.option("--model", help='A fixed model, e.g. "[12,3]" (replaces --method).')
@click.option("--pthresh", type=float, default=0.02, show_default=True, help="Stepwise p-value threshold.")
@click.option(
    "--maxorder", type=int, help="Highest interaction order for bic (default: largest <= 3 with at most 2^15 models)."
)
@click.option(
    "--ci", type=click.Choice(["bca", "profile", "none"]), default="bca", show_default=True, help="Confidence interval."
)
@click.option("--nboot", type=click.IntRange(min=1), default=1000, show_default=True, help="Bootstrap resamples.")
@click.option("--seed", type=int, default=1234, show_default=True, help="Bootstrap seed.")
@click.option(
    "--level",
    type=click.FloatRange(0, 1, min_open=True, max_open=True),
    default=0.95,
    show_default=True,
    help="Confidence level.",
)
@click.option(
    "--jobs",
    type=click.IntRange(min=1),
    default=None,
    help="Processes for the bootstrap (default: all cores); results do not depend on it.",
)
@click.option("--sensitivity", is_flag=True, help="Also list the best-fitting alternative models and their estimates.")
@handles_expected_errors
def estimate(table_path, year, as_json, method, model, pthresh, maxorder, ci, nboot, seed, level, jobs, sensitivity):
    """Schat het totaal aantal slachtoffers, ook wie op geen lijst staat (multiple systems estimation).

    Estimate the total number of victims, including those on no list.

    Met --year: alleen voor analisten. De uitvoer bevat de kruistabel van personen per combinatie van
    registraties (ook cellen van 1 persoon) en is niet openbaar. / With --year: for analysts only; the
    output holds the capture-history table (cells of one person included) and is not public.
    """
    from zicht.estimation import TableError, read_table
    from zicht.estimation import design as dz
    from zicht.estimation import estimate as run
    from zicht.estimation.select import TooManyModels

    if (table_path is None) == (year is None):
        raise click.UsageError(
            "Geef --table FILE of --year Y (precies één). / Give --table FILE or --year Y (exactly one)."
        )
    if table_path is not None:
        try:
            table = read_table(table_path)
        except TableError as err:
            click.echo(f"Tabel geweigerd: {err}\n(Table refused: {err.english})", err=True)
            sys.exit(1)
    if maxorder is not None and maxorder < 1:
        raise click.UsageError("--maxorder moet minstens 1 zijn. / --maxorder must be at least 1.")
    progress = None
    bar = None
    if ci == "bca" and not as_json and (year is not None or table.t >= 3):
        from rich.progress import Progress

        bar = Progress(transient=True, console=_stderr_console())
        bar.start()
        task = bar.add_task("Bootstrap", total=None)

        def progress(done: int, total: int) -> None:
            bar.update(task, completed=done, total=total)

    options = dict(
        method=method,
        model=model,
        pthresh=pthresh,
        maxorder=maxorder,
        ci=ci,
        nboot=nboot,
        seed=seed,
        level=level,
        sensitivity=sensitivity,
    )
    try:
        if year is not None:
            result = _estimate_year(year, jobs or os.cpu_count(), progress, options)
        else:
            result = run(table, jobs=jobs or os.cpu_count(), progress=progress, **options)
    except TooManyModels as err:
        raise click.UsageError(
            f"Met {err.t} lijsten en maxorder {err.maxorder} zijn er meer dan {dz.MODEL_CAP} modellen te doorzoeken; "
            "gebruik --method stepwise of een kleinere --maxorder. / Too many models: use --method stepwise."
        ) from None
    except dz.ModelSyntaxError as err:
        raise click.UsageError(f"{err} / {err.english}") from None
    finally:
        if bar is not None:
            bar.stop()
    if year is not None:
        result["source"] = {"year": year}
    click.echo(json.dumps(result, ensure_ascii=False, indent=2) if as_json else _human(result))


def _stderr_console():
    from rich.console import Console

    return Console(stderr=True)


def _estimate_year(year: int, jobs: int, progress, options: dict) -> dict:
    """The year's estimate through the use case: computed once per set of deliveries and options, kept in
    the database, audited."""
    from zicht.cli.common import database, operator

    database()
    from zicht.services.monitor import estimate_year

    return estimate_year(operator(), year, jobs=jobs, progress=progress, **options)
