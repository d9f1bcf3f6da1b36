"""The public dashboard (`/`), its chart files and the municipalities' pages (issue 8), through Django's test
client on the demo with the editions 2023 and 2024 published."""

from __future__ import annotations

import csv
import io
import json
import re

import pytest

pytestmark = pytest.mark.django_db


@pytest.fixture
def published(demo_data, make_edition):
    from zicht.services.dashboard import clear_caches

    clear_caches()
    make_edition(2023, fast=True)
    return make_edition(2024, fast=True)


def _dashboard(lang="nl", **filters):
    from zicht.access import Actor
    from zicht.services import dashboard as service

    return service.dashboard(Actor.anonymous(), service.edition(), lang, filters)


def _text(response) -> str:
    return response.content.decode("utf-8")


def test_the_dashboard_shows_the_latest_edition_its_key_figures_and_every_chart_with_its_table(client, published):
    page = _text(client.get("/"))
    assert "Kerncijfers 2024" in page and ">179<" in page and "lichte stijging" in page
    assert (
        "In 2024 is 179 keer het meldpunt benaderd. Dit is een lichte stijging ten opzichte van 2023 (130 keer)."
        in page
    )
    charts = _dashboard().charts()
    assert len(charts) >= 19
    for chart in charts:
        figure = re.search(rf'<figure class="zicht-chart" id="figuur-{chart.id}".*?</figure>', page, re.S).group(0)
        # Without JavaScript: the server's drawing with its text alternative, and the table under it.
        assert f'src="/grafiek/2024/1/nl/{chart.id}.svg"' in figure and f'alt="{chart.alt[:40]}' in figure
        assert f'data-spec="/grafiek/2024/1/nl/{chart.id}.json"' in figure
        assert "<table" in figure and f'href="/grafiek/2024/1/nl/{chart.id}.csv"' in figure
        for row in chart.rows:
            assert f">{row[0]}</th>" in figure


def test_each_chart_has_its_vega_lite_spec_its_drawing_and_a_csv_of_exactly_its_table(client, published):
    from zicht.reporting.interactive import table_cells

    for chart in _dashboard().charts():
        base = f"/grafiek/2024/1/nl/{chart.id}"
        spec = client.get(base + ".json")
        assert spec["Content-Type"] == "application/json" and json.loads(spec.content)["$schema"].endswith("v6.json")
        svg = client.get(base + ".svg")
        assert svg["Content-Type"] == "image/svg+xml" and svg.content.startswith(b"<svg")
        table = client.get(base + ".csv")
        assert table["Content-Disposition"].startswith("attachment;")
        rows = list(csv.reader(io.StringIO(table.content.decode("utf-8-sig")), delimiter=";"))
        assert rows[0] == chart.columns
        assert rows[1:] == [[str(v) for v in row] for row in table_cells(chart)]
    assert client.get("/grafiek/2024/1/nl/bestaat-niet.json").status_code == 404
    assert client.get("/grafiek/2019/1/nl/landelijk.json").status_code == 404


def test_the_year_selector_shows_an_earlier_edition_and_a_year_not_published_is_not_found(client, published):
    page = _text(client.get("/?jaar=2023"))
    assert "Kerncijfers 2023" in page and ">130<" in page and 'src="/grafiek/2023/1/nl/' in page
    assert '<option value="2023" selected>' in page and '<option value="2024">' in page
    assert client.get("/?jaar=2019").status_code == 404
    assert client.get("/?jaar=twintig&vorm=%3Cscript%3E").status_code == 200  # a bad parameter is no parameter


def test_filters_narrow_the_figures_split_that_way_and_say_which_are_not(client, published):
    page = _text(client.get("/?jaar=2024&vorm=seksuele-uitbuiting&leeftijd=minderjarig"))
    assert "Gefilterd: Seksuele uitbuiting, minderjarig." in page
    assert 'href="/grafiek/2024/1/nl/meldingen-aard.csv?leeftijd=minderjarig&amp;vorm=seksuele-uitbuiting"' in page
    assert "Niet uitgesplitst naar vorm van uitbuiting, leeftijdsgroep" in page  # the action plan, for one
    table = client.get("/grafiek/2024/1/nl/meldingen-aard.csv?leeftijd=minderjarig&vorm=seksuele-uitbuiting")
    assert table.content.decode("utf-8-sig").splitlines() == ["Rubriek;Minderjarig", "Seksuele uitbuiting;9"]
    assert 'value="seksuele-uitbuiting" selected' in page and 'value="minderjarig" selected' in page


PUBLIC_ANSWERS = (
    "/",
    "/?jaar=2023",
    "/grafiek/2024/1/nl/meldingen-trend.json",
    "/grafiek/2024/1/nl/meldingen-aard.csv",
    "/grafiek/2024/1/nl/meldingen-aard.svg",
    "/gemeente/",
    "/gemeente/schiedam/",
    "/open-data/",
    "/open-data/2024/1/datapackage.json",
    "/open-data/2024/1/meldingen-gemeente.csv",
    "/monitor/",
    "/monitor/2024/",
    "/monitor/2024/1/nl.html",
    "/monitor/2024/1/en.pdf",
    "/api/v1/indicators?year=2024",
    "/api/v1/indicators?year=2024&edition=1",
)


def test_public_answers_carry_an_etag_and_a_repeated_request_is_not_modified(client, published):
    for url in PUBLIC_ANSWERS:
        first = client.get(url)
        assert first.status_code == 200, url
        assert first["Cache-Control"].startswith("public, max-age="), url
        again = client.get(url, HTTP_IF_NONE_MATCH=first["ETag"])
        assert again.status_code == 304 and again["ETag"] == first["ETag"] and again.content == b""
        assert client.get(url, HTTP_IF_NONE_MATCH='"iets-anders"').status_code == 200


def test_an_account_gets_the_same_figures_but_nothing_marked_public_or_kept(clients, published):
    for who in ("analyst", "essm"):
        response = clients[who].get("/")
        assert response.status_code == 200 and ">179<" in _text(response)
        assert response["Cache-Control"] == "no-store" and "ETag" not in response
        for url in ("/monitor/", "/monitor/2024/1/nl.html", "/gemeente/", "/open-data/"):
            response = clients[who].get(url)
            assert response.status_code == 200 and response["Cache-Control"] == "no-store", url
            assert "ETag" not in response, url
    anonymous = _text(clients["anonymous"].get("/"))
    assert "analyst" not in anonymous and "Uitloggen" not in anonymous  # the kept page is nobody's


def test_a_new_edition_is_on_the_dashboard_at_once_in_the_process_that_published_it(client, published, make_edition):
    assert "Editie 2024," in _text(client.get("/"))
    make_edition(2024, note="Correctie van de cijfers", fast=True)
    page = _text(client.get("/"))
    assert "Editie 2024-2," in page and "Correctie van de cijfers" in page
    assert 'src="/grafiek/2024/2/nl/meldingen-trend.svg"' in page


def test_the_dashboard_speaks_english_when_chosen(client, published):
    client.get("/taal/en/")
    page = _text(client.get("/"))
    assert "Key figures 2024" in page and "In 2024 the hotline was contacted 179 times." in page
    assert 'src="/grafiek/2024/1/en/landelijk.svg"' in page


def _hidden_municipality(year=2024):
    from zicht.services import dashboard as service

    ref = service.edition(year)
    public, _, _ = service._frozen(ref)
    return next(
        v["dimensions"]["gemeente"]
        for v in public[year]["values"]
        if v["indicator"] == "meldingen" and v.get("suppressed")
    )


def test_a_municipality_page_shows_its_figures_next_to_the_regions_with_rates_and_initiatives(client, published):
    from zicht.reporting.dashboard import slug

    page = _text(client.get("/gemeente/dordrecht/"))
    assert "Dordrecht: mensenhandel in 2024" in page and "121.580 inwoners" in page
    row = re.search(r'data-indicator="meldingen">.*?</tr>', page, re.S).group(0)
    assert ">8<" in row and ">179<" in row
    rate = re.search(r'data-indicator="meldingen-per-100000">.*?</tr>', page, re.S).group(0)
    assert ">6,6<" in rate  # 8 / 121,580 × 100,000
    assert "Voorlichting" in page or '<ul class="zicht-initiatives">' in page
    hidden = _hidden_municipality()
    page = _text(client.get(f"/gemeente/{slug(hidden)}/"))
    row = re.search(r'data-indicator="meldingen">.*?</tr>', page, re.S).group(0)
    rate = re.search(r'data-indicator="meldingen-per-100000">.*?</tr>', page, re.S).group(0)
    assert ">&lt;5<" in row and ">–<" in rate  # no rate that would give the hidden count away
    assert client.get("/gemeente/atlantis/").status_code == 404
    listing = _text(client.get("/gemeente/"))
    assert listing.count('href="/gemeente/') == 23


def test_a_municipal_officer_sees_the_own_municipality_as_counted_in_the_edition_and_never_cached(
    make_account, as_user, published, deliver
):
    from zicht.reporting.dashboard import slug
    from zicht.services import dashboard as service

    hidden = _hidden_municipality()
    counted = service._frozen_counted(service.edition(2024))[2024]
    truth = next(
        v["value"]
        for v in counted["values"]
        if v["dimensions"] == {"gemeente": hidden} and v["indicator"] == "meldingen"
    )
    officer = as_user(make_account("officier", "gemeente", gemeente=hidden))
    # A delivery after publication changes nothing the officer sees: the figures are the edition's.
    deliver(
        "meldingen",
        2024,
        "ESSM",
        [
            {
                "id": "LATER-1",
                "datum": "2024-05-01",
                "soort": "melding",
                "vorm": "overig",
                "leeftijdsgroep": "meerderjarig",
                "gemeente": hidden,
            }
        ],
    )
    response = officer.get(f"/gemeente/{slug(hidden)}/")
    page = _text(response)
    row = re.search(r'data-indicator="meldingen">.*?</tr>', page, re.S).group(0)
    assert f">{truth}<" in row and "zonder afscherming" in page
    assert response["Cache-Control"] == "no-store" and "ETag" not in response
    other = next(m for m in ("Schiedam", "Vlaardingen", "Maassluis") if m != hidden)
    page = _text(officer.get(f"/gemeente/{slug(other)}/"))
    assert "zonder afscherming" not in page  # another municipality: as the public sees it
    public = _text(as_user(make_account("iemand", "gemeente", gemeente=other)).get(f"/gemeente/{slug(hidden)}/"))
    assert ">&lt;5<" in re.search(r'data-indicator="meldingen">.*?</tr>', public, re.S).group(0)


def test_a_repeated_anonymous_page_costs_at_most_the_editions_query(client, published, django_assert_max_num_queries):
    for url in ("/", "/gemeente/schiedam/", "/?jaar=2023"):
        client.get(url)
        with django_assert_max_num_queries(1):  # the list of editions (a server without a connection skips it)
            assert client.get(url).status_code == 200
