"""Code lists of the delivery format and the normalisation that matches partners' spellings to them.

The lists are the partners' own words (`spec/delivery-format.md`); they are stored and shown in the
canonical form given here.
"""

from __future__ import annotations

import re
import unicodedata

VORM = (
    "seksuele-uitbuiting",
    "arbeidsuitbuiting",
    "criminele-uitbuiting",
    "orgaanverwijdering",
    "gedwongen-huwelijk",
    "illegale-adoptie",
    "draagmoederschap",
    "overig",
    "onbekend",
)

LEEFTIJDSGROEP = ("minderjarig", "meerderjarig", "onbekend")

ORGANISATIE = (
    "politie",
    "gemeente",
    "ESSM",
    "RIEC",
    "OM",
    "IND",
    "NLA",
    "Belastingdienst",
    "FIOD",
    "KMar",
    "UWV",
    "CoMensha",
    "zorg",
    "onderwijs",
    "overig",
)

MELDING_SOORT = ("melding", "hulpvraag-sekswerk", "preventief")

KENMERKEN = (
    "loverboymethode",
    "vrijwilligheid-onduidelijk",
    "beperking",
    "bedelarij",
    "onbetaalde-arbeid",
    "ronselen",
    "drugs",
    "bankrekening",
    "schuld",
    "online",
    "overig",
)

MELDER = ("slachtoffer", "naaste", "professional", "anoniem", "overig")

TRAJECT_VORM = VORM + ("preventief",)

POLITIE_SOORT = ("informatief-gesprek", "aangifte")

MARKTEN = (
    "seksuele-uitbuiting",
    "arbeidsuitbuiting",
    "criminele-uitbuiting",
    "mensensmokkel",
    "orgaanverwijdering",
)

LOCATIE = ("seksinrichting", "prive-adres", "hotel", "escort", "online", "overig")

BEVINDINGEN = (
    "geen",
    "niet-vergund",
    "signalen-slachtofferschap",
    "intake-politie",
    "noodopvang",
    "bestuurlijke-handhaving",
    "inbeslagname",
)

LANDELIJK_VORM = VORM + ("totaal",)

STATUS = ("gepland", "lopend", "gereed", "uitgesteld")

# A loan of an awareness material: confirmed, handed over, returned (a cancelled loan is no loan).
UITLEEN_STATUS = ("bevestigd", "uitgegeven", "teruggebracht")

INITIATIEF_SOORT = (
    "training",
    "bijeenkomst",
    "campagne",
    "voorlichting",
    "controle",
    "materiaal",
    "overig",
)

# The five tasks (opgaven) of the regional action plan; the delivery carries the number.
OPGAVEN = {
    1: ("Zicht op aard en omvang", "Insight into nature and extent"),
    2: ("Regionale samenwerking", "Regional cooperation"),
    3: ("Bewustwording, signaleren en melden", "Awareness, signalling and reporting"),
    4: ("Aanpak faciliteerders en mensenhandelaren", "Tackling facilitators and traffickers"),
    5: ("Preventie en zorg voor het slachtoffer", "Prevention and care for victims"),
}

# Values a municipality column may take besides the region's municipalities.
REGIO_ONBEKEND = "regio-onbekend"
BUITEN_REGIO = "buiten-regio"
REGIO = "regio"

_CODE_SEPARATORS = re.compile(r"[\s_\-]+")
_PLACE_SEPARATORS = re.compile(r"[\s\-.'’‘`]+")
_AD = re.compile(r"(?<![a-z])a\s*/\s*d(?![a-z])")


def fold(text: str) -> str:
    """NFKD, combining marks dropped, case folded."""
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()


def normalize_code(text: str) -> str:
    """The matching form of a code: `Seksuele  uitbuiting` -> `seksuele-uitbuiting`."""
    return _CODE_SEPARATORS.sub("-", fold(text)).strip("-")


def normalize_place(text: str) -> str:
    """The matching form of a municipality name: `Capelle a/d IJssel` -> `capelle aan den ijssel`."""
    folded = _AD.sub(" aan den ", fold(text))
    return _PLACE_SEPARATORS.sub(" ", folded).strip()


def code_index(codes) -> dict[str, str]:
    """Matching form -> canonical code, for a code list."""
    return {normalize_code(c): c for c in codes}
