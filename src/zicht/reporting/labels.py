"""Display labels of codes in the report, Dutch and English (codes stay canonical in the data)."""

from __future__ import annotations

from zicht.schema.codes import OPGAVEN

_L: dict[str, tuple[str, str]] = {
    # forms / rubrieken / markets
    "seksuele-uitbuiting": ("Seksuele uitbuiting", "Sexual exploitation"),
    "arbeidsuitbuiting": ("Arbeidsuitbuiting", "Labour exploitation"),
    "criminele-uitbuiting": ("Criminele uitbuiting", "Criminal exploitation"),
    "overige-uitbuiting": ("Overige (arbeids)uitbuiting", "Other (labour) exploitation"),
    "orgaanverwijdering": ("Gedwongen orgaanverwijdering", "Forced organ removal"),
    "gedwongen-huwelijk": ("Gedwongen huwelijk", "Forced marriage"),
    "illegale-adoptie": ("Illegale adoptie", "Illegal adoption"),
    "draagmoederschap": ("Draagmoederschap", "Surrogacy"),
    "mensensmokkel": ("Mensensmokkel", "Human smuggling"),
    "hulpvraag-sekswerk": ("Hulpvragen sekswerk", "Sex workers' requests for help"),
    "preventief": ("Mensenhandel preventief", "Preventive"),
    "overig": ("Overig", "Other"),
    "onbekend": ("Onbekend", "Unknown"),
    # age, intake, origin
    "meerderjarig": ("Meerderjarig", "Adult"),
    "minderjarig": ("Minderjarig", "Minor"),
    "doorlopend": ("Doorlopend uit {prev}", "Continuing from {prev}"),
    "nieuw": ("Nieuw", "New"),
    "centrumgemeente": ("Centrumgemeente", "Central municipality"),
    "regio": ("Overige gemeenten in de regio", "Other municipalities in the region"),
    "regio-onbekend": ("Regio, gemeente onbekend", "Region, municipality unknown"),
    "buiten-regio": ("Buiten de regio", "Outside the region"),
    # police
    "informatief-gesprek": ("Informatief gesprek", "Informative interview"),
    "aangifte": ("Aangifte", "Formal complaint"),
    # status
    "gepland": ("Gepland", "Planned"),
    "lopend": ("Lopend", "Running"),
    "gereed": ("Gereed", "Done"),
    "uitgesteld": ("Uitgesteld", "Postponed"),
    # inspections
    "geen": ("Geen bijzonderheden", "Nothing found"),
    "niet-vergund": ("Niet-vergund sekswerk", "Unlicensed sex work"),
    "signalen-slachtofferschap": ("Signalen van slachtofferschap", "Signs of victimisation"),
    "intake-politie": ("Intakegesprek politie", "Police intake interview"),
    "noodopvang": ("Noodopvang", "Emergency shelter"),
    "bestuurlijke-handhaving": ("Bestuurlijke handhaving", "Administrative enforcement"),
    "inbeslagname": ("Inbeslagname", "Seizure"),
}

# Kenmerken in words, as the seed lists them.
KENMERK_WORDS: dict[str, tuple[str, str]] = {
    "loverboymethode": (
        "Het ronselen van slachtoffers met de ‘loverboymethodiek’",
        "Recruitment through the 'lover boy' method",
    ),
    "vrijwilligheid-onduidelijk": (
        "Onduidelijkheid vrijwilligheid werk in de seksindustrie",
        "Unclear whether sex work was voluntary",
    ),
    "beperking": ("Uitbuiting personen met een beperking", "Exploitation of people with a disability"),
    "bedelarij": ("Vermoedens van gedwongen bedelarij", "Suspected forced begging"),
    "onbetaalde-arbeid": ("Niet betaald krijgen voor verrichte arbeid", "Not being paid for work done"),
    "ronselen": ("Het gedwongen ronselen van slachtoffers", "Forced recruitment of victims"),
    "drugs": ("Onder dwang drugs dealen", "Forced drug dealing"),
    "bankrekening": ("Onder dwang bankrekeningen openen", "Forced opening of bank accounts"),
    "schuld": ("Uitbuiting via een (reis)schuld", "Exploitation through a (travel) debt"),
    "online": ("Uitbuiting via internet", "Exploitation online"),
    "overig": ("Overige kenmerken", "Other characteristics"),
}

# Organisations with an article, for sentences ("de politie was inbrenger"). The codes `ESSM` and `RIEC`
# stand for the region's own hotline and RIEC: their words come from the region (zicht.reporting.partners).
ORGANISATIE_WORDS: dict[str, tuple[str, str]] = {
    "politie": ("de politie", "the police"),
    "gemeente": ("een gemeente", "a municipality"),
    "OM": ("het Openbaar Ministerie (OM)", "the Public Prosecution Service (OM)"),
    "IND": ("de Immigratie- en Naturalisatiedienst (IND)", "the Immigration and Naturalisation Service (IND)"),
    "NLA": ("de Nederlandse Arbeidsinspectie (NLA)", "the Netherlands Labour Authority (NLA)"),
    "Belastingdienst": ("de Belastingdienst", "the Tax Administration"),
    "FIOD": ("de FIOD", "the FIOD"),
    "KMar": ("de Koninklijke Marechaussee", "the Royal Marechaussee"),
    "UWV": ("het UWV", "the UWV"),
    "CoMensha": ("CoMensha", "CoMensha"),
    "zorg": ("een zorgorganisatie", "a care organisation"),
    "onderwijs": ("het onderwijs", "education"),
    "overig": ("een andere organisatie", "another organisation"),
}

ORGANISATIE_SHORT = {
    "politie": ("Politie", "Police"),
    "gemeente": ("Gemeenten", "Municipalities"),
    "zorg": ("Zorg", "Care"),
    "onderwijs": ("Onderwijs", "Education"),
    "overig": ("Overig", "Other"),
}


def label(code: str, lang: str = "nl", prev: int | None = None) -> str:
    nl, en = _L.get(code, (code, code))
    text = nl if lang == "nl" else en
    return text.replace("{prev}", str(prev)) if prev is not None else text


def org_label(code: str, lang: str = "nl") -> str:
    nl, en = ORGANISATIE_SHORT.get(code, (code, code))
    return nl if lang == "nl" else en


def org_words(code: str, lang: str = "nl") -> str:
    nl, en = ORGANISATIE_WORDS.get(code, (code, code))
    return nl if lang == "nl" else en


def kenmerk_words(code: str, lang: str = "nl") -> str:
    nl, en = KENMERK_WORDS.get(code, (code, code))
    return nl if lang == "nl" else en


def opgave_label(number: int | str, lang: str = "nl") -> str:
    nl, en = OPGAVEN[int(number)]
    return nl if lang == "nl" else en
