"""The signals of each form of trafficking, in plain Dutch (B1) and English, with their sources.

Grounding (shared/data/signalen.md): the *grouping* follows the ILO/EC operational indicators of
trafficking (2009), whose six dimensions are deceptive, coercive and abusive recruitment (here one
group, "werving"), exploitation, coercion, and abuse of vulnerability. The *signals* come from the Dutch
sources named with each one, and from the ILO's indicators of forced labour (2012). Which group a signal
is in is our reading. The strengths and the decision rule that circulate as the ILO's (marked
UNVERIFIED in signalen.md) are not used. Forms without a signal list of their own (organ removal and
the forms the EU directive of 2024 added) show the general signals.
"""

from __future__ import annotations

from dataclasses import dataclass

from zicht.web.meldroutekaart.config import Text


@dataclass(frozen=True)
class Source:
    title: Text
    url: str = ""
    by: Text | None = None  # who, in a few words (the A4 version names sources this way)

    def who(self, lang: str) -> str:
        return self.by(lang) if self.by else self.title(lang).split(", ")[0]


@dataclass(frozen=True)
class Signal:
    text: Text
    sources: tuple[str, ...]


@dataclass(frozen=True)
class Form:
    code: str  # zicht.schema.codes.VORM
    name: Text
    what: Text  # what it is, in two or three plain sentences
    what_sources: tuple[str, ...]
    signals: dict[str, tuple[Signal, ...]]  # group -> signals; empty: the general signals apply
    note: Text | None = None


def S(nl: str, en: str, *sources: str) -> Signal:
    return Signal(Text(nl, en), sources)


GROUPING_SOURCE = "ilo-ec-2009"

# The ILO/EC dimensions as four groups, in their order.
GROUPS: dict[str, tuple[Text, Text]] = {
    "werving": (
        Text("Werving", "Recruitment"),
        Text(
            "Hoe iemand erin terechtkwam: misleid, gedwongen, of benaderd in een moeilijke situatie.",
            "How someone got into it: deceived, forced, or approached in a difficult situation.",
        ),
    ),
    "uitbuiting": (
        Text("Uitbuiting", "Exploitation"),
        Text(
            "Het werk of de diensten zelf: de omstandigheden en wat iemand ervoor krijgt.",
            "The work or services themselves: the conditions and what someone gets for it.",
        ),
    ),
    "dwang": (
        Text("Dwang", "Coercion"),
        Text(
            "Hoe iemand wordt vastgehouden: geweld, dreiging, schulden, papieren afgepakt, gecontroleerd.",
            "How someone is held: violence, threats, debts, papers taken away, being watched.",
        ),
    ),
    "kwetsbaarheid": (
        Text("Misbruik van kwetsbaarheid", "Abuse of vulnerability"),
        Text(
            "Waarom iemand moeilijk weg kan: afhankelijk, alleen, of de taal en de regels niet kennen.",
            "Why someone finds it hard to leave: dependent, alone, or not knowing the language and the rules.",
        ),
    ),
}

SOURCES: dict[str, Source] = {
    "ilo-ec-2009": Source(
        Text(
            "ILO en Europese Commissie, Operational indicators of trafficking in human beings (2009)",
            "ILO and European Commission, Operational indicators of trafficking in human beings (2009)",
        ),
        "https://www.ilo.org/global/topics/forced-labour/publications/WCMS_105023/lang--en/index.htm",
    ),
    "ilo-2012": Source(Text("ILO, Indicators of forced labour (2012)", "ILO, Indicators of forced labour (2012)")),
    "informatiepunt": Source(
        Text(
            "Informatiepunt Mensenhandel, Wat zijn de signalen?", "Informatiepunt Mensenhandel, What are the signals?"
        ),
        "https://www.informatiepuntmensenhandel.nl/info-mensenhandel/wat-zijn-de-signalen",
    ),
    "nla": Source(
        Text(
            "Nederlandse Arbeidsinspectie, Herkennen en melden arbeidsuitbuiting",
            "Netherlands Labour Authority, Recognising and reporting labour exploitation",
        ),
        "https://www.nlarbeidsinspectie.nl/onderwerpen/herkennen-en-melden-arbeidsuitbuiting",
    ),
    "politie": Source(
        Text("Politie, Vormen van mensenhandel", "Police, Forms of human trafficking"),
        "https://www.politie.nl/informatie/vormen-van-mensenhandel.html",
    ),
    "zeeland": Source(
        Text("Veiligheidshuis Zeeland, Signalenlijst mensenhandel", "Veiligheidshuis Zeeland, list of signals"),
        "https://veiligheidshuiszeeland.nl/zorgcoordinatie-slachtoffers-mensenhandel/signalenlijst-mensenhandel/",
    ),
    "onze-ogen": Source(
        Text(
            "Campagne Onze ogen op mensenhandel (JenV, VNG, CoMensha, Fier)",
            "Campaign Onze ogen op mensenhandel (Ministry of Justice, VNG, CoMensha, Fier)",
        ),
        "https://www.gemeente.nu/bedrijfsvoering/campagne-voor-herkennen-signalen-mensenhandel/",
        Text("campagne Onze ogen op mensenhandel", "campaign Onze ogen op mensenhandel"),
    ),
    "utrecht": Source(
        Text("Gemeente Utrecht, Uitbuiting", "Municipality of Utrecht, Exploitation"),
        "https://utrecht.nl/wonen-en-leven/veiligheid/uitbuiting",
    ),
    "riec-noord": Source(
        Text("RIEC Noord, Onze ogen op mensenhandel", "RIEC Noord, Onze ogen op mensenhandel"),
        "https://riecnoord.nl/actueel/onzeogenopmensenhandel",
    ),
    "ccv": Source(
        Text(
            "CCV, Jonge Nederlandse slachtoffers criminele uitbuiting",
            "CCV, Young Dutch victims of criminal exploitation",
        ),
        "https://hetccv.nl/jonge-nederlandse-slachtoffers-criminele-uitbuiting-witte-vlek-in-aanpak-ondermijning/",
    ),
    "vt-utrecht": Source(
        Text(
            "Veilig Thuis Utrecht, Herken criminele uitbuiting", "Veilig Thuis Utrecht, Recognise criminal exploitation"
        ),
        "https://www.veiligthuisutrecht.nl/mensenhandel-herken-criminele-uitbuiting",
    ),
    "ckm": Source(
        Text(
            "CKM, Maak het zichtbaar: signalen herkennen",
            "CKM (Centre against Child Trafficking and Human Trafficking), Maak het zichtbaar: recognising signals",
        ),
        "http://maakhetzichtbaar.nl/signalen-herkennen/",
        Text("CKM", "CKM"),
    ),
    "nrm": Source(
        Text("Nationaal Rapporteur, Gedwongen orgaanverwijdering", "National Rapporteur, Forced organ removal"),
        "https://nationaalrapporteur.nl/Mensenhandel/gedwongen-orgaanverwijdering/gedwongen-orgaanverwijdering.aspx",
    ),
    "eu-2024": Source(
        Text(
            "Richtlijn (EU) 2024/1712 tot wijziging van Richtlijn 2011/36/EU (mensenhandel)",
            "Directive (EU) 2024/1712 amending Directive 2011/36/EU (trafficking in human beings)",
        ),
        "https://eur-lex.europa.eu/eli/dir/2024/1712/oj",
    ),
}

# Signals of every form (Informatiepunt Mensenhandel; the ILO's forced labour indicators).
GENERAL: dict[str, tuple[Signal, ...]] = {
    "werving": (
        S(
            "Is gelokt met valse beloftes, bijvoorbeeld over werk, loon of wonen.",
            "Was lured with false promises, for example about work, pay or housing.",
            "informatiepunt",
        ),
        S(
            "Heeft een hoge schuld bij de werkgever.",
            "Owes the employer a large debt.",
            "informatiepunt",
        ),
    ),
    "uitbuiting": (
        S(
            "Moet (betaalde) seks hebben en het geld afgeven.",
            "Has to have (paid) sex and hand over the money.",
            "informatiepunt",
        ),
        S(
            "Werkt heel lange dagen, of doet gevaarlijk of ongezond werk.",
            "Works very long days, or does dangerous or unhealthy work.",
            "informatiepunt",
        ),
        S(
            "Krijgt weinig, geen of te laat loon, of wordt zwart betaald zonder verzekering.",
            "Gets little, no or late pay, or is paid cash in hand without insurance.",
            "informatiepunt",
        ),
    ),
    "dwang": (
        S(
            "Heeft het eigen paspoort of de eigen bankrekening niet in handen.",
            "Has no access to their own passport or bank account.",
            "informatiepunt",
        ),
        S(
            "Wordt mishandeld, gechanteerd of bedreigd.",
            "Is abused, blackmailed or threatened.",
            "informatiepunt",
        ),
        S(
            "Kan niet vrij gaan en staan, of wordt afgesloten van anderen.",
            "Cannot come and go freely, or is cut off from others.",
            "ilo-2012",
        ),
    ),
    "kwetsbaarheid": (
        S(
            "Woont op het terrein van het werk of in slechte huisvesting.",
            "Lives on the work premises or in poor housing.",
            "informatiepunt",
        ),
        S("Weet het eigen adres niet.", "Does not know their own address.", "informatiepunt"),
    ),
}

NO_LIST = Text(
    "Voor deze vorm is geen Nederlandse signalenlijst gevonden. Let op de algemene signalen hieronder.",
    "No Dutch list of signals was found for this form. Look out for the general signals below.",
)
