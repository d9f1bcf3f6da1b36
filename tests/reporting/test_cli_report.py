"""`zicht report` and `zicht text set` on the real demo data (the lead's `zicht demo`)."""

from __future__ import annotations

import pytest

from report_sample import SEED_PHRASES, plain_text


@pytest.mark.slow
def test_report_on_the_demo_contains_every_seed_figure(zicht, tmp_path):
    loaded = zicht("demo", "--no-report", "--no-publish")
    assert loaded.returncode == 0, loaded.stderr
    out = tmp_path / "out"
    done = zicht("report", "--year", "2024", "--format", "html", "--out", out)
    assert done.returncode == 0, done.stderr
    [path] = [line for line in done.stdout.splitlines() if line.strip()]
    assert path.endswith("monitor-mensenhandel-regio-rotterdam-2024.html")
    text = plain_text((out / "monitor-mensenhandel-regio-rotterdam-2024.html").read_text(encoding="utf-8"))
    missing = [p for p in SEED_PHRASES if p not in text]
    assert not missing
    assert "Demotekst" in text  # the demo's narrative texts came through `text set`
    public = zicht("report", "--year", "2024", "--format", "html", "--public", "--out", out)
    assert public.returncode == 0, public.stderr
    assert "openbaar" in public.stdout


def test_text_set_refuses_an_unknown_section_with_the_list(zicht, tmp_path):
    note = tmp_path / "note.md"
    note.write_text("Tekst", encoding="utf-8")
    result = zicht("text", "set", "--year", "2024", "--section", "voorwoordje", note)
    assert result.returncode == 2
    assert "conclusie" in result.stderr and "toelichting-riec-casussen" in result.stderr


def test_text_set_stores_a_version(zicht, tmp_path):
    note = tmp_path / "conclusie.md"
    note.write_text("# Conclusie\n\nAlles goed.", encoding="utf-8")
    first = zicht("text", "set", "--year", "2024", "--section", "conclusie", note)
    second = zicht("text", "set", "--year", "2024", "--section", "conclusie", note)
    assert first.returncode == 0 and "versie / version 1" in first.stdout, first.stderr
    assert "versie / version 2" in second.stdout


def test_report_refuses_a_wrong_format(zicht):
    result = zicht("report", "--year", "2024", "--format", "docx")
    assert result.returncode == 2 and "docx" in result.stderr
