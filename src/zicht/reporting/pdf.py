"""The monitor as PDF: the same HTML, printed by WeasyPrint (A4, cover, contents with page numbers)."""

from __future__ import annotations

import logging
from pathlib import Path


def pdf_bytes(html: str) -> bytes:
    """The PDF of `html` (from `build_report`)."""
    from weasyprint import HTML

    # fontTools logs every subsetting step at INFO; the report has nothing to learn from it.
    logging.getLogger("fontTools").setLevel(logging.WARNING)
    return HTML(string=html, base_url=str(Path(__file__).parent)).write_pdf()


def write_pdf(html: str, path: str | Path) -> Path:
    """Render `html` (from `build_report`) to a PDF file at `path`; returns the path."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(pdf_bytes(html))
    return path
