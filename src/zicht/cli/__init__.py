"""The `zicht` command (`spec/cli.md`).

Each command lives in its own module and is imported only when it runs, so `zicht --help` and quick
commands do not pay for pandas, Django or the report renderer.

Exit codes: 0 done; 1 the input was refused (findings printed, nothing changed); 2 wrong usage.
"""

from __future__ import annotations

import importlib
import importlib.util
import sys

import click

from zicht import __version__

# command name -> ("module:function", one-line help), in the order `zicht --help` lists them.
COMMANDS = {
    "demo": ("zicht.cli.demo:demo", "Load the demo region's deliveries and show the 2024 figures."),
    "template": (
        "zicht.cli.deliveries:template",
        "Write an empty delivery file (CSV, XLSX) or its Table Schema for a dataset.",
    ),
    "validate": ("zicht.cli.deliveries:validate", "Check a delivery file without importing it."),
    "import": ("zicht.cli.deliveries:import_", "Validate and import one delivery, atomically."),
    "deliveries": ("zicht.cli.deliveries:deliveries", "List the deliveries and their versions."),
    "indicators": ("zicht.cli.indicators:indicators", "The indicator values of a year."),
    "report": ("zicht.cli.report:report", "Render the annual monitor (HTML and PDF)."),
    "text": ("zicht.cli.report:text", "Store the narrative texts of the monitor."),
    "estimate": ("zicht.cli.estimate:estimate", "Estimate the hidden number of victims (multiple systems estimation)."),
    "key": ("zicht.cli.pseudonymize:key", "Make the region's secret key for person keys."),
    "pseudonymize": (
        "zicht.cli.pseudonymize:pseudonymize",
        "Replace identifying columns by the person key (at the partner).",
    ),
    "publish": ("zicht.cli.publish:publish", "Publish a year's edition of the monitor for the public."),
    "editions": ("zicht.cli.publish:editions", "List the published editions."),
    "user": ("zicht.cli.users:user", "Accounts of the web application: add, list, disable, enable, reset."),
    "serve": ("zicht.cli.serve:serve", "Run the web application (gunicorn)."),
    "region": ("zicht.cli.region:region", "Start and check a region's configuration file."),
    "national": ("zicht.cli.national:national", "Put several regions' published figures side by side."),
    # Listed once their module exists (LazyGroup hides a command whose module is missing).
    "meldroutekaart": ("zicht.cli.meldroutekaart:meldroutekaart", "The meldroutekaart: where to report a signal."),
    "backup": ("zicht.cli.backup:backup", "Back up all data into one file (zicht restore puts it back)."),
    "restore": ("zicht.cli.backup:restore", "Restore a backup file (checked first; --force over data)."),
    "purge": ("zicht.cli.backup:purge", "Remove record-level data older than the region's retention."),
}


class LazyGroup(click.Group):
    def list_commands(self, ctx):
        return [name for name in COMMANDS if self._available(name)]

    def get_command(self, ctx, name):
        if name not in COMMANDS:
            return None
        if not self._available(name):
            return None
        module, attr = COMMANDS[name][0].split(":")
        return getattr(importlib.import_module(module), attr)

    def format_commands(self, ctx, formatter):
        rows = [(name, COMMANDS[name][1]) for name in self.list_commands(ctx)]
        if rows:
            with formatter.section("Commands"):
                formatter.write_dl(rows)

    @staticmethod
    def _available(name):
        module = COMMANDS[name][0].split(":")[0]
        return importlib.util.find_spec(module) is not None


@click.group(cls=LazyGroup, context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100})
@click.version_option(__version__, prog_name="zicht")
def main():
    """zicht: de regionale monitor mensenhandel / the regional human-trafficking monitor.

    Partners deliver their records; zicht validates them, computes every figure of the monitor by a
    written rule, renders the monitor and estimates the hidden number of victims.

    Environment: ZICHT_HOME (data folder, default ./zicht-data), ZICHT_DATABASE_URL (PostgreSQL
    instead of the SQLite file in ZICHT_HOME), ZICHT_REGION (region configuration, default
    regio-rotterdam).
    """


def run():  # pragma: no cover - console entry for `python -m zicht`
    sys.exit(main())
