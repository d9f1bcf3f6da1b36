"""Chapter 3's loans of the awareness materials: sentences and the chart from the indicators only, the
same in the public edition, and "not delivered" when there is no `uitleningen` delivery."""

from __future__ import annotations

from zicht.reporting.context import build_context


def test_chapter_3_tells_how_often_what_was_lent_to_whom_and_the_reach(sample):
    loans = build_context(sample, "nl")["aanpak"]["uitleen"]
    assert loans["sentence"] == (
        "In 2024 is het bewustwordingsmateriaal van de regio 12 keer uitgeleend: de VR-brillen 9 keer en de "
        "Koffer Verkeerd 3 keer. Dit is een sterke stijging ten opzichte van 2023 (6 keer)."
    )
    assert loans["borrowers"].startswith("Het materiaal werd geleend door de gemeenten Rotterdam, Dordrecht")
    assert "het ESSM" in loans["borrowers"] and "de Nederlandse Arbeidsinspectie (NLA)" in loans["borrowers"]
    assert loans["reach"].startswith("Samen bereikten de uitleningen ten minste 459 mensen")
    [chart] = loans["charts"]
    assert chart.id == "uitleningen" and chart.columns == ["Organisatie", "VR-brillen", "Koffer Verkeerd", "Totaal"]
    assert ["Gemeenten", "4", "3", "7"] in chart.rows and ["ESSM", "1", "0", "1"] in chart.rows


def test_the_loans_chart_is_numbered_after_the_chapters_other_figures(sample):
    ids = [c.id for c in build_context(sample, "nl")["charts"]]
    assert ids.index("acties") < ids.index("initiatieven") < ids.index("uitleningen") == len(ids) - 1


def test_the_public_edition_shows_the_same_loans(sample):
    analyst, public = build_context(sample, "nl")["aanpak"]["uitleen"], build_context(sample, "nl", public=True)
    assert public["aanpak"]["uitleen"]["sentence"] == analyst["sentence"]
    assert public["aanpak"]["uitleen"]["reach"] == analyst["reach"]


def test_without_a_loans_delivery_the_chapter_says_so_and_draws_nothing(with_indicators):
    def drop(results):
        results[2024]["values"] = [v for v in results[2024]["values"] if not v["indicator"].startswith("uitleningen")]

    loans = build_context(with_indicators(drop), "nl")["aanpak"]["uitleen"]
    assert (
        loans["sentence"]
        == "VAR heeft over 2024 geen gegevens over uitleningen van bewustwordingsmateriaal aangeleverd."
    )
    assert loans["charts"] == [] and "reach" not in loans


def test_the_loans_are_in_chapter_3_of_the_document_in_both_languages(sample, html_nl):
    from zicht.reporting.render import build_report

    chapter = html_nl[html_nl.index('id="aanpak"') : html_nl.index('id="melden"')]
    assert 'id="uitleen"' in chapter and "Uitleen van bewustwordingsmateriaal" in chapter
    assert 'id="fig-uitleningen"' in chapter and "459 mensen" in chapter
    english = build_report(sample, lang="en")
    assert "Awareness materials on loan" in english and "the VR headsets 9 times" in english
