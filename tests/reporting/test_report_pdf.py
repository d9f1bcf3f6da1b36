"""The PDF monitor: A4, cover, contents with page numbers, and every seed figure in its text."""

from __future__ import annotations

import re
import shutil
import subprocess

import pytest

from report_sample import SEED_PHRASES
from zicht.reporting.pdf import write_pdf

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def pdf_text(html_nl, tmp_path_factory):
    if not shutil.which("pdftotext"):
        pytest.fail("pdftotext (poppler-utils) is needed to read the PDF")
    path = write_pdf(html_nl, tmp_path_factory.mktemp("pdf") / "monitor.pdf")
    info = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True, check=True).stdout
    raw = subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True, check=True).stdout
    return info, raw


def _flat(raw: str) -> str:
    """Lines joined; words hyphenated at a line end put back together."""
    text = re.sub(r"[\u2010-]\n(?=\w)", "", raw)
    return re.sub(r"\s+", " ", text)


@pytest.mark.parametrize("phrase", SEED_PHRASES)
def test_pdf_text_contains_every_seed_figure(pdf_text, phrase):
    assert phrase in _flat(pdf_text[1])


def test_pdf_is_a4_with_cover_contents_and_page_numbers(pdf_text):
    info, raw = pdf_text
    assert "595.28 x 841.89 pts (A4)" in info or "595.276 x 841.89" in info
    pages = raw.split("\f")
    assert "Monitor Mensenhandel" in pages[0] and "regio Rotterdam 2024" in pages[0]
    assert "Inhoud" in pages[1]
    # contents entries end in the page number the chapter starts on
    toc = re.search(r"2\. Aard en omvang\W*?(\d+)", _flat(pages[1]))
    assert toc, pages[1]
    start = int(toc.group(1))
    assert "2. Aard en omvang" in pages[start - 1]
    assert (
        re.search(rf"(^|\n){start}\s*$", pages[start - 1].strip()[-8:])
        or str(start) in pages[start - 1].splitlines()[-1]
    )
