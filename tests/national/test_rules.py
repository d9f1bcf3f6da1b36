"""The rules of the national comparison on hand-made figures (no database): the strictest k, the partner
of a hidden cell in its region's column, sums only over rows without a hidden cell, rates, CoMensha."""

from __future__ import annotations

from zicht.national import RegionFigures, compare, render_html, shown, view


def region(name: str, k: int, totals: dict, breakdowns: dict | None = None, year: int = 2024, population=None):
    return RegionFigures(
        source=f"{name}/",
        region=name,
        slug=name,
        year=year,
        edition=f"{year}-1",
        k=k,
        population=population,
        published="2025-03-01T10:00:00+00:00",
        totals=totals,
        breakdowns=breakdowns or {},
    )


def test_a_small_region_total_is_hidden_with_the_strictest_k_and_its_row_is_not_summed():
    a = region("A", 5, {"meldingen": 40, "controles": 3}, population=200_000)
    b = region("B", 10, {"meldingen": 7, "controles": 2}, population=50_000)
    c = compare([a, b])
    assert c.k == 10
    meldingen, controles = c.overview.rows
    assert [shown(x, c.k) for x in meldingen.cells] == ["40", "<10"] and meldingen.total.hidden
    assert meldingen.cells[0].rate == 20.0 and meldingen.cells[1].rate is None
    # Inspections count no people: shown as published, summed, no rate.
    assert [x.value for x in controles.cells] == [3, 2] and controles.total.value == 5
    assert controles.cells[0].rate is None
    assert view(c)["overview"][0]["cells"][-1]["text"] == "×"


def test_a_hidden_cell_gets_a_hidden_partner_in_its_regions_column():
    rubriek = {"seksuele-uitbuiting": 30, "criminele-uitbuiting": 4, "preventief": 12}
    a = region("A", 5, {"meldingen": 46}, {("meldingen", "rubriek"): rubriek})
    b = region("B", 5, {"meldingen": 60}, {("meldingen", "rubriek"): {**rubriek, "seksuele-uitbuiting": 44}})
    c = compare([a, b])
    table = c.breakdowns[0]
    hidden = [[cell.hidden for cell in row.cells] for row in table.rows]
    assert hidden == [[False, False], [True, True], [True, True]]  # 4 primary; 12 its partner
    assert [row.total.value for row in table.rows] == [74, None, None]


def test_a_region_whose_total_is_hidden_shows_only_its_zeros():
    a = region("A", 10, {"meldingen": 9}, {("meldingen", "soort"): {"melding": 9, "preventief": 0}})
    b = region("B", 10, {"meldingen": 50}, {("meldingen", "soort"): {"melding": 30, "preventief": 20}})
    table = compare([a, b]).breakdowns[0]
    assert [shown(row.cells[0], 10) for row in table.rows] == ["<10", "0"]
    assert [row.total.hidden for row in table.rows] == [True, False]


def test_comensha_stands_beside_the_regions_and_a_difference_is_said():
    a = region("A", 5, {"meldingen": 40, "landelijk": 1100}, {("landelijk", "vorm"): {"arbeidsuitbuiting": 400}})
    b = region("B", 5, {"meldingen": 50, "landelijk": 1118}, year=2023)
    c = compare([a, b])
    assert [row.key for row in c.overview.rows] == ["meldingen"]  # never in the regions' sum
    assert c.national is not None and c.national.rows[0].total.value == 1100 and c.national_differs
    html = render_html(c, "en")
    assert "different years" in html and "do not all give the same national figure" in html
    assert '<html lang="en">' in html and "1,100" in html
