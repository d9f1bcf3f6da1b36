"""The annual monitor: chapters, charts and sentences from the indicators, as HTML and PDF (spec/report.md)."""

from zicht.schema.datasets import DATASETS

# The narrative sections an analyst writes per year (`zicht text set --section S`).
SECTIONS = ("inleiding", "casus", "conclusie", "doorkijk", *(f"toelichting-{d}" for d in DATASETS))
