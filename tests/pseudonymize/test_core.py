"""The person key contract (`spec/pseudonymization.md`): normalisation, message, HMAC, tables."""

from __future__ import annotations

import datetime as dt
import secrets

import pandas as pd
import pytest

from zicht import pseudonymize as p

ZERO_KEY = bytes(32)
SPEC_KEY = "d50e10baa3c9b0349c2277866edc2cfdc60d79489dbcb52c41ea199896a94ec2"


def test_spec_example_gives_the_published_message_and_key():
    assert p.message("van der Berg", "Anna Maria", "07-02-1990") == b"zicht-v1|berg|anna|1990-02-07"
    assert p.person_key(ZERO_KEY, "van der Berg", "Anna Maria", "07-02-1990") == SPEC_KEY


@pytest.mark.parametrize(
    "surname",
    [
        "van der Berg",
        "Van Der Berg",
        "VAN DER BERG",
        "Berg",
        "  berg ",
        "van den Berg",
        "Berg\u00a0",  # non-breaking space
        "de Berg",
        "Bérg",
    ],
)
def test_surname_spellings_of_one_person_give_one_key(surname):
    assert p.person_key(ZERO_KEY, surname, "Anna", "1990-02-07") == SPEC_KEY


@pytest.mark.parametrize(
    ("variants", "normal"),
    [
        (["Müller", "muller", "MULLER", "Mu\u0308ller"], "muller"),  # composed and decomposed umlaut
        (["d'Hondt", "Hondt", "D’Hondt", "d Hondt"], "hondt"),
        (["Berg-Jansen", "berg jansen", "Berg Jansen", "van den Berg-Jansen"], "bergjansen"),
        (["\u0132sselstein", "IJsselstein", "ijsselstein"], "ijsselstein"),  # the Dutch IJ ligature
        (["'t Hart", "t Hart", "Hart", "’t Hart"], "hart"),
        (["El Amrani", "el-Amrani", "Amrani"], "amrani"),
        (["ter Horst", "Horst"], "horst"),
        (["Strauß"], "strauss"),
    ],
)
def test_surname_normalisation_follows_the_spec(variants, normal):
    for variant in variants:
        assert p.normalize_surname(variant) == normal, variant
    keys = {p.person_key(ZERO_KEY, v, "Anna", "1990-02-07") for v in variants}
    assert len(keys) == 1


def test_only_listed_particles_are_dropped():
    # `v.d.` is not a listed particle: `v` and `d`... `d` is listed, `v` is not, so it stays.
    assert p.normalize_surname("v.d. Berg") == "vberg"
    assert p.normalize_surname("Vande Berg") == "vandeberg"
    assert p.normalize_surname("Van") is None


@pytest.mark.parametrize("surname", ["van der", "de", "Van 't", "  ", "", None, float("nan"), pd.NA, "123", "---"])
def test_surname_of_only_particles_or_no_letters_is_missing(surname):
    assert p.normalize_surname(surname) is None
    assert p.person_key(ZERO_KEY, surname, "Anna", "1990-02-07") is None
    assert "surname" in p.missing_fields(surname, "Anna", "1990-02-07")


@pytest.mark.parametrize(
    ("given", "first"),
    [
        ("Anna Maria", "anna"),
        ("anna", "anna"),
        ("ANNA-Maria", "anna"),
        ("Jan-Pieter Karel", "jan"),
        ("  Ánna  ", "anna"),
        ("J.P.", "j"),
    ],
)
def test_given_names_keep_the_first_word(given, first):
    assert p.normalize_given(given) == first


@pytest.mark.parametrize("given", ["", "   ", None, "-", "1"])
def test_missing_given_names(given):
    assert p.normalize_given(given) is None
    assert p.person_key(ZERO_KEY, "Berg", given, "1990-02-07") is None


@pytest.mark.parametrize(
    "date",
    [
        "1990-02-07",
        "07-02-1990",
        "7-2-1990",
        " 7-2-1990 ",
        "1990-02-07T00:00:00",
        "1990-02-07 13:45",
        "1990-02-07T13:45:12.5",
        "7-2-1990 13:45",
        dt.date(1990, 2, 7),
        dt.datetime(1990, 2, 7, 0, 0),
        pd.Timestamp("1990-02-07"),
    ],
)
def test_date_forms_of_one_birthday_give_one_key(date):
    assert p.normalize_birthdate(date) == "1990-02-07"
    assert p.person_key(ZERO_KEY, "van der Berg", "Anna Maria", date) == SPEC_KEY


@pytest.mark.parametrize("date", ["07/02/1990", "1990-02-30", "7 februari 1990", "19900207", "", None, pd.NaT])
def test_other_date_forms_count_as_missing(date):
    assert p.normalize_birthdate(date) is None
    assert p.person_key(ZERO_KEY, "Berg", "Anna", date) is None
    assert p.missing_fields("Berg", "Anna", date) == ["birthdate"]


def test_different_people_get_different_keys():
    people = [
        ("Berg", "Anna", "1990-02-07"),
        ("Berg", "Anna", "1990-02-08"),  # another day
        ("Berg", "Anne", "1990-02-07"),  # another first name
        ("Bergh", "Anna", "1990-02-07"),  # another surname
        ("Berg Jansen", "Anna", "1990-02-07"),
        ("Jansen Berg", "Anna", "1990-02-07"),  # order of the parts matters
        ("Berg", "Anna", "1990-07-02"),  # day and month swapped
    ]
    keys = [p.person_key(ZERO_KEY, *person) for person in people]
    assert len(set(keys)) == len(people)


def test_the_key_changes_every_person_key():
    other = bytes.fromhex("01" * 32)
    assert p.person_key(other, "van der Berg", "Anna Maria", "07-02-1990") != SPEC_KEY


def test_person_key_is_64_lowercase_hex():
    value = p.person_key(secrets.token_bytes(32), "Berg", "Anna", "1990-02-07")
    assert len(value) == 64 and value == value.lower() and int(value, 16) >= 0


# --- key files -------------------------------------------------------------------------------------


def test_key_text_is_64_lowercase_hex_and_a_newline():
    key = p.new_key()
    text = p.key_text(key)
    assert len(key) == 32
    assert text.endswith("\n") and len(text) == 65 and text[:-1] == text[:-1].lower()
    assert p.parse_key(text) == key


def test_new_keys_differ():
    assert p.new_key() != p.new_key()


@pytest.mark.parametrize("text", ["00" * 32, "00" * 32 + "\n", "00" * 32 + "\r\n", "  " + "AB" * 32 + "\n"])
def test_parse_key_accepts_hex_with_surrounding_white_space(text):
    assert len(p.parse_key(text)) == 32


@pytest.mark.parametrize(
    "text",
    ["", "00" * 31, "00" * 33, "zz" * 32, "00" * 16 + " " + "00" * 16, "secret-" + "a" * 57, "0x" + "00" * 31],
)
def test_parse_key_refuses_anything_but_64_hex(text):
    with pytest.raises(p.PseudonymizeError) as info:
        p.parse_key(text)
    assert "64" in info.value.message_nl and "64" in info.value.message_en
    if text:
        assert text not in str(info.value) + info.value.message_nl


def test_read_key_refuses_a_large_file_without_echoing_it(tmp_path):
    path = tmp_path / "export.csv"
    path.write_text("achternaam;voornamen\n" + "Berg;Anna\n" * 500)
    with pytest.raises(p.PseudonymizeError) as info:
        p.read_key(path)
    assert "Berg" not in info.value.message_nl + info.value.message_en


def test_read_key_refuses_a_binary_file(tmp_path):
    path = tmp_path / "key"
    path.write_bytes(b"\xff\xfe" + b"0" * 64)
    with pytest.raises(p.PseudonymizeError):
        p.read_key(path)


def test_fingerprint_is_short_stable_and_differs_per_key():
    assert p.fingerprint(ZERO_KEY) == p.fingerprint(bytes(32))
    assert len(p.fingerprint(ZERO_KEY)) == 16
    assert p.fingerprint(ZERO_KEY) != p.fingerprint(bytes.fromhex("01" * 32))
    assert p.fingerprint(ZERO_KEY) not in SPEC_KEY


def test_inside_zicht_home(tmp_path, monkeypatch):
    home = tmp_path / "data"
    home.mkdir()
    monkeypatch.setenv("ZICHT_HOME", str(home))
    assert p.inside_zicht_home(home / "regio.key")
    assert p.inside_zicht_home(home / "sub" / ".." / "regio.key")
    assert p.inside_zicht_home(home)
    assert not p.inside_zicht_home(tmp_path / "regio.key")
    assert not p.inside_zicht_home(tmp_path / "data-other" / "regio.key")
    link = tmp_path / "link"
    link.symlink_to(home)
    assert p.inside_zicht_home(link / "regio.key")


def test_zicht_home_defaults_to_zicht_data_in_the_working_folder(tmp_path, monkeypatch):
    monkeypatch.delenv("ZICHT_HOME", raising=False)
    monkeypatch.chdir(tmp_path)
    assert p.inside_zicht_home("zicht-data/regio.key")
    assert not p.inside_zicht_home("regio.key")


# --- tables ------------------------------------------------------------------------------------------


def _table():
    return pd.DataFrame(
        {
            "id": ["a1", "a2", "a3"],
            "Achternaam": ["van der Berg", "de", "Jansen"],
            "datum": ["2024-03-01", "2024-03-02", "2024-03-03"],
            "voornamen": ["Anna Maria", "Piet", "Kees"],
            "GEBOORTEDATUM": ["07-02-1990", "1-1-1980", "31-02-1970"],
            "vorm": ["overig", "overig", "onbekend"],
        }
    )


def test_pseudonymize_table_removes_identifying_columns_and_adds_persoon():
    result = p.pseudonymize_table(_table(), ZERO_KEY)
    assert list(result.table.columns) == ["id", "datum", "vorm", "persoon"]
    assert result.table["persoon"].tolist() == [SPEC_KEY, "", ""]
    assert result.table["id"].tolist() == ["a1", "a2", "a3"]
    assert [(m.row, m.fields) for m in result.missing] == [(3, ["surname"]), (4, ["birthdate"])]
    assert result.removed == ["Achternaam", "voornamen", "GEBOORTEDATUM"]
    assert result.keyed == 1


def test_pseudonymize_table_replaces_an_existing_persoon_in_place():
    table = _table()
    table.insert(1, "Persoon", ["old", "old", "old"])
    result = p.pseudonymize_table(table, ZERO_KEY)
    assert list(result.table.columns) == ["id", "persoon", "datum", "vorm"]
    assert result.table["persoon"].tolist()[0] == SPEC_KEY


def test_pseudonymize_table_uses_given_row_numbers():
    result = p.pseudonymize_table(_table(), ZERO_KEY, rows=[2, 5, 9])
    assert [m.row for m in result.missing] == [5, 9]


def test_pseudonymize_table_maps_columns_by_english_or_dutch_field_names():
    table = pd.DataFrame({"naam": ["van der Berg"], "roepnaam": ["Anna"], "gebdat": ["1990-02-07"], "x": ["1"]})
    for mapping in (
        {"naam": "surname", "roepnaam": "given", "gebdat": "birthdate"},
        {"NAAM": "achternaam", "roepnaam": "Voornamen", "gebdat": "geboortedatum"},
    ):
        result = p.pseudonymize_table(table, ZERO_KEY, mapping)
        assert list(result.table.columns) == ["x", "persoon"]
        assert result.table["persoon"].tolist() == [SPEC_KEY]


def test_mapped_field_still_removes_a_column_with_the_default_name():
    table = pd.DataFrame(
        {"naam": ["Berg"], "achternaam": ["Berg"], "voornamen": ["Anna"], "geboortedatum": ["1990-02-07"]}
    )
    result = p.pseudonymize_table(table, ZERO_KEY, {"naam": "surname"})
    assert list(result.table.columns) == ["persoon"]


def test_missing_column_names_the_column_and_the_map_option():
    table = _table().drop(columns=["voornamen"])
    with pytest.raises(p.PseudonymizeError) as info:
        p.pseudonymize_table(table, ZERO_KEY)
    assert "voornamen" in info.value.message_nl and "--map" in info.value.message_nl
    assert "voornamen" in info.value.message_en and "--map" in info.value.message_en


@pytest.mark.parametrize(
    "mapping",
    [
        {"naam": "surname"},
        {"Achternaam": "name"},
        {"Achternaam": "surname", "voornamen": "achternaam"},
        {"Achternaam": "given"},  # then the surname would come from the same column
    ],
)
def test_bad_mapping_is_refused(mapping):
    with pytest.raises(p.PseudonymizeError):
        p.pseudonymize_table(_table(), ZERO_KEY, mapping)


def test_progress_counts_every_row():
    table = pd.DataFrame(
        {"achternaam": ["Berg"] * 2500, "voornamen": ["Anna"] * 2500, "geboortedatum": ["1990-02-07"] * 2500}
    )
    done = []
    p.pseudonymize_table(table, ZERO_KEY, progress=done.append)
    assert sum(done) == 2500
