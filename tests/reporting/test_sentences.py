"""The generated sentences on their edge cases, Dutch and English."""

from __future__ import annotations

from zicht.reporting import sentences as s


def test_hotline_sentence_reproduces_the_seed():
    assert s.hotline_sentence(2024, 179, 130, "lichte stijging") == (
        "In 2024 is 179 keer het meldpunt benaderd. Dit is een lichte stijging ten opzichte van 2023 (130 keer)."
    )


def test_hotline_sentence_without_previous_year_says_there_is_nothing_to_compare():
    text = s.hotline_sentence(2024, 179, None, None)
    assert text.startswith("In 2024 is 179 keer het meldpunt benaderd.")
    assert "Over 2023 zijn geen cijfers beschikbaar" in text and "stijging" not in text


def test_hotline_sentence_on_a_decline():
    assert "Dit is een lichte daling ten opzichte van 2023 (179 keer)." in s.hotline_sentence(
        2024, 150, 179, "lichte daling"
    )


def test_hotline_sentence_on_zero_and_previous_zero():
    assert s.hotline_sentence(2024, 0, 3, "sterke daling").startswith("In 2024 is het meldpunt niet benaderd.")
    assert "In 2023 was dit geen enkele keer." in s.hotline_sentence(2024, 5, 0, None)


def test_hotline_sentence_about_the_same_has_no_article():
    assert "Dit is nagenoeg gelijk aan 2023 (100 keer)." in s.hotline_sentence(2024, 101, 100, "nagenoeg gelijk")


def test_not_delivered_is_said_and_never_zero():
    text = s.hotline_sentence(2024, None, 130, "lichte stijging", partner="ESSM")
    assert text == "ESSM heeft over 2024 geen gegevens over het meldpunt aangeleverd."
    assert "0" not in text.replace("2024", "")
    assert s.riec_sentence(2024, None, 4, None) == "RIEC heeft over 2024 geen gegevens over casussen aangeleverd."
    assert (
        s.controles_sentence(2024, None, partner="RCTM")
        == "RCTM heeft over 2024 geen gegevens over controles aangeleverd."
    )
    assert "has not delivered any data" in s.clients_sentence(2024, None, "en")


def test_singular_forms_for_one():
    assert s.hotline_sentence(2024, 1, None, None).startswith("In 2024 is 1 keer het meldpunt benaderd.")
    assert s.hotline_sentence(2024, 1, None, None, lang="en").startswith("In 2024 the hotline was contacted once.")
    assert s.clients_bullet("seksuele uitbuiting", 0, 1, 2024) == (
        "1 cliënt op het gebied van seksuele uitbuiting (0 doorlopend vanuit 2023, 1 nieuw traject gestart in 2024)"
    )
    assert s.clients_bullet("", 1, 0, 2024, preventive=True).startswith("1 traject is preventief gestart")
    assert "1 casus gedraaid" in s.riec_sentence(2024, 1, None, None)
    assert s.herkomst_sentences(2024, 1, 1, 1, 1, "Rotterdam", "regio Rotterdam")[3] == (
        "1 melding was afkomstig uit een gemeente buiten de regio."
    )
    assert "in 1 geval inbrenger" in s.inbrenger_sentence(1, [("de politie", 1)])


def test_clients_bullet_reproduces_the_seed():
    assert s.clients_bullet("seksuele uitbuiting", 38, 77, 2024) == (
        "115 cliënten op het gebied van seksuele uitbuiting (38 doorlopend vanuit 2023, 77 nieuwe trajecten gestart in 2024)"
    )


def test_riec_sentence_and_inbrenger_reproduce_the_seed():
    text = s.riec_sentence(2024, 11, 4, "sterke stijging")
    assert "11 casussen gedraaid" in text and "ten opzichte van 2023 (toen 4)." in text
    ranked = [
        ("de politie", 5),
        ("een gemeente", 2),
        ("de IND", 1),
        ("de NLA", 1),
        ("de Belastingdienst", 1),
        ("de FIOD", 1),
    ]
    assert s.inbrenger_sentence(11, ranked) == (
        "Van de 11 casussen was de politie in 5 gevallen inbrenger van het signaal. In 2 gevallen was een gemeente "
        "inbrenger. In de overige 4 gevallen was er sprake van een signaal vanuit de IND, de NLA, de Belastingdienst of de FIOD."
    )


def test_markets_note_only_when_pairs_exceed_cases():
    assert s.markets_note(11, 11) is None
    assert "totaal van 12 casussen" in s.markets_note(11, 12)


def test_english_sentences():
    assert s.hotline_sentence(2024, 179, 130, "lichte stijging", lang="en") == (
        "In 2024 the hotline was contacted 179 times. This is a slight increase compared with 2023 (130 times)."
    )
    assert "a strong increase compared with 2023 (then 4)" in s.riec_sentence(2024, 11, 4, "sterke stijging", lang="en")


def test_numbers_use_the_language_separator_and_suppression_shows_below_k():
    assert s.fmt(1334) == "1.334" and s.fmt(1334, "en") == "1,334"
    assert s.fmt(3, suppressed=True, k=5) == "<5"
    assert s.fmt(None) == "–"
