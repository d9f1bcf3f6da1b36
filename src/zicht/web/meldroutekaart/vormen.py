"""The forms of trafficking (vormen) the meldroutekaart explains: what each is and its signals, grouped
as the ILO/EC operational indicators group them (see `signals` for the grounding).

The first signal of each group is the most telling one: the A4 version prints only those.
"""

from __future__ import annotations

from zicht.web.meldroutekaart.config import Text
from zicht.web.meldroutekaart.signals import GENERAL, GROUPS, NO_LIST, SOURCES, Form, S, Signal

NEW_IN_2024 = Text(
    "Deze vorm staat sinds 2024 uitdrukkelijk in de Europese richtlijn tegen mensenhandel. Er is nog geen "
    "Nederlandse signalenlijst voor. Let op de algemene signalen hieronder.",
    "Since 2024 the European directive against trafficking names this form explicitly. There is no Dutch "
    "list of signals for it yet. Look out for the general signals below.",
)

FORMS: tuple[Form, ...] = (
    Form(
        "seksuele-uitbuiting",
        Text("Seksuele uitbuiting", "Sexual exploitation"),
        Text(
            "Iemand wordt gedwongen of misleid om seks te hebben of sekswerk te doen, en anderen verdienen eraan. "
            "Dat kan ook online of via de webcam.",
            "Someone is forced or deceived into having sex or doing sex work, and others profit from it. "
            "This can also happen online or by webcam.",
        ),
        ("politie",),
        {
            "werving": (
                S(
                    "Is via sociale media of een datingapp benaderd door iemand die verliefdheid of een relatie "
                    "gebruikt (een 'loverboy').",
                    "Was approached through social media or a dating app by someone who uses love or a relationship "
                    "(a 'loverboy').",
                    "politie",
                ),
                S(
                    "Heeft ineens geld, nieuwe kleding of dure spullen.",
                    "Suddenly has money, new clothes or expensive things.",
                    "zeeland",
                ),
            ),
            "uitbuiting": (
                S(
                    "Werkt in de seks of voor de webcam en mag weinig of niets van het geld houden.",
                    "Works in sex or on webcam and may keep little or none of the money.",
                    "politie",
                ),
                S(
                    "Is dag en nacht beschikbaar, of biedt diensten aan voor veel te weinig geld.",
                    "Is available day and night, or offers services far too cheaply.",
                    "utrecht",
                ),
            ),
            "dwang": (
                S(
                    "Wordt gedwongen met geweld, met bedreiging, of met de dreiging naaktbeelden te verspreiden.",
                    "Is forced by violence, by threats, or by the threat of spreading nude images.",
                    "politie",
                ),
                S(
                    "Wordt gebracht en gehaald, en gedraagt zich erg gehoorzaam.",
                    "Is dropped off and picked up, and behaves very obediently.",
                    "utrecht",
                ),
                S(
                    "Wordt vaak gebeld en is dan angstig of onderdanig, soms op een tweede telefoon.",
                    "Gets many calls and is anxious or submissive on them, sometimes on a second phone.",
                    "onze-ogen",
                ),
                S(
                    "Heeft blauwe plekken of een (gedwongen) tatoeage.",
                    "Has bruises or a (forced) tattoo.",
                    "utrecht",
                ),
            ),
            "kwetsbaarheid": (
                S(
                    "Is ineens anders: in gedrag, uiterlijk of kleding.",
                    "Has suddenly changed: in behaviour, appearance or clothing.",
                    "onze-ogen",
                ),
                S(
                    "Heeft weinig zelfvertrouwen, is somber of makkelijk te beïnvloeden.",
                    "Has little self-esteem, is low or easily influenced.",
                    "zeeland",
                ),
                S(
                    "Is moe of mager, beschadigt zichzelf, of gebruikt drugs of alcohol.",
                    "Is tired or thin, harms themselves, or uses drugs or alcohol.",
                    "zeeland",
                ),
                S("Spreekt weinig Nederlands.", "Speaks little Dutch.", "utrecht"),
            ),
        },
    ),
    Form(
        "arbeidsuitbuiting",
        Text("Arbeidsuitbuiting", "Labour exploitation"),
        Text(
            "Iemand werkt onder zeer slechte omstandigheden, voor weinig of geen loon, en kan niet zomaar weg. "
            "Het komt onder andere voor in de horeca, de land- en tuinbouw en het transport.",
            "Someone works in very bad conditions, for little or no pay, and cannot simply leave. It happens, "
            "among other places, in hospitality, agriculture and transport.",
        ),
        ("nla", "politie"),
        {
            "werving": (
                S(
                    "Is hierheen gelokt met valse beloftes over werk, loon of wonen.",
                    "Was lured here with false promises about work, pay or housing.",
                    "nla",
                ),
                S(
                    "Heeft een schuld voor de reis, voor wie het werk regelde, of voor de huur.",
                    "Owes money for the journey, for whoever arranged the job, or for the rent.",
                    "nla",
                ),
            ),
            "uitbuiting": (
                S(
                    "Krijgt weinig, geen of te laat loon, of wordt zwart betaald.",
                    "Gets little, no or late pay, or is paid cash in hand.",
                    "nla",
                ),
                S("Werkt heel lange dagen.", "Works very long days.", "nla"),
                S("Doet gevaarlijk of ongezond werk.", "Does dangerous or unhealthy work.", "nla"),
            ),
            "dwang": (
                S(
                    "Heeft het eigen paspoort of de eigen bankpas niet in handen.",
                    "Has no access to their own passport or bank card.",
                    "nla",
                ),
                S(
                    "Wordt onder druk gezet om te (blijven) werken.",
                    "Is pressured to (keep on) work(ing).",
                    "nla",
                ),
                S(
                    "Loon wordt ingehouden, of er is een schuld die nooit kleiner wordt.",
                    "Wages are withheld, or there is a debt that never gets smaller.",
                    "ilo-2012",
                ),
            ),
            "kwetsbaarheid": (
                S(
                    "Woont in huisvesting die van de werkgever afhangt, soms op het bedrijf zelf.",
                    "Lives in housing that depends on the employer, sometimes on the premises.",
                    "nla",
                ),
                S("Weet het eigen adres niet.", "Does not know their own address.", "informatiepunt"),
                S(
                    "Heeft weinig contact met anderen buiten het werk.",
                    "Has little contact with anyone outside work.",
                    "ilo-2012",
                ),
            ),
        },
    ),
    Form(
        "criminele-uitbuiting",
        Text("Criminele uitbuiting", "Criminal exploitation"),
        Text(
            "Iemand wordt gedwongen of misbruikt om strafbare feiten te plegen: bijvoorbeeld drugs vervoeren of "
            "verkopen, stelen, of de eigen bankrekening 'uitlenen'. Vaak gaat het om jongeren van 12 tot 18 jaar.",
            "Someone is forced or used to commit crimes: for example carrying or selling drugs, stealing, or "
            "'lending' their bank account. Often they are young people aged 12 to 18.",
        ),
        ("riec-noord", "ccv"),
        {
            "werving": (
                S(
                    "Heeft ineens geld of dure spullen, zonder dat duidelijk is waar die vandaan komen.",
                    "Suddenly has money or expensive things, and it is unclear where they come from.",
                    "ckm",
                ),
                S(
                    "Heeft nieuwe vrienden waar hij of zij geheimzinnig over doet.",
                    "Has new friends they are secretive about.",
                    "vt-utrecht",
                ),
                S("Wordt na school opgewacht.", "Is waited for after school.", "ckm"),
            ),
            "uitbuiting": (
                S(
                    "Wordt ingezet voor zakkenrollen, diefstal, drugshandel of om anderen te werven.",
                    "Is used for pickpocketing, theft, drug dealing or to recruit others.",
                    "riec-noord",
                ),
                S(
                    "Leent de eigen bankrekening uit (een 'geldezel') of staat op papier als eigenaar van iets van "
                    "een ander (een 'katvanger').",
                    "Lends out their bank account (a 'money mule') or is on paper the owner of something that "
                    "belongs to someone else (a 'front').",
                    "riec-noord",
                    "ccv",
                ),
                S(
                    "Heeft drugs of gestolen spullen, zonder eerder met de politie in aanraking te zijn geweest.",
                    "Has drugs or stolen goods, without having been in trouble with the police before.",
                    "ckm",
                ),
            ),
            "dwang": (
                S(
                    "Moet altijd bereikbaar zijn, of heeft meerdere telefoons of abonnementen.",
                    "Must always be reachable, or has several phones or subscriptions.",
                    "ckm",
                    "vt-utrecht",
                ),
                S(
                    "Is angstig, liegt, of verbreekt het contact met de eigen familie en vrienden.",
                    "Is anxious, lies, or cuts off their own family and friends.",
                    "vt-utrecht",
                ),
            ),
            "kwetsbaarheid": (
                S(
                    "Spijbelt, stopt met school of haalt ineens slechtere cijfers.",
                    "Skips or drops out of school, or suddenly gets worse marks.",
                    "ckm",
                ),
                S(
                    "Is moe of mager, heeft stemmingswisselingen of beschadigt zichzelf.",
                    "Is tired or thin, has mood swings or harms themselves.",
                    "vt-utrecht",
                ),
            ),
        },
    ),
    Form(
        "orgaanverwijdering",
        Text("Gedwongen orgaanverwijdering", "Forced organ removal"),
        Text(
            "Iemand wordt gedwongen een orgaan af te staan, bijvoorbeeld een nier. Bij een kind of jongere onder de "
            "18 is geen dwang nodig: dan is het altijd mensenhandel. In Nederland is er weinig ervaring mee.",
            "Someone is forced to give up an organ, for example a kidney. With a child or young person under 18 no "
            "force is needed: it is always trafficking. There is little experience with it in the Netherlands.",
        ),
        ("nrm",),
        {},
        NO_LIST,
    ),
    Form(
        "gedwongen-huwelijk",
        Text("Uitbuiting door een gedwongen huwelijk", "Exploitation through forced marriage"),
        Text(
            "Iemand wordt gedwongen te trouwen en wordt in of door dat huwelijk uitgebuit.",
            "Someone is forced to marry and is exploited in or through that marriage.",
        ),
        ("eu-2024",),
        {},
        NEW_IN_2024,
    ),
    Form(
        "illegale-adoptie",
        Text("Uitbuiting door illegale adoptie", "Exploitation through illegal adoption"),
        Text(
            "Een kind wordt buiten de wettelijke regels om afgestaan voor adoptie, en anderen verdienen eraan.",
            "A child is given up for adoption outside the legal rules, and others profit from it.",
        ),
        ("eu-2024",),
        {},
        NEW_IN_2024,
    ),
    Form(
        "draagmoederschap",
        Text("Uitbuiting van draagmoederschap", "Exploitation of surrogacy"),
        Text(
            "Een vrouw wordt gedwongen of misleid om een kind te dragen en af te staan voor anderen.",
            "A woman is forced or deceived into carrying a child and giving it up for others.",
        ),
        ("eu-2024",),
        {},
        NEW_IN_2024,
    ),
)

BY_CODE = {form.code: form for form in FORMS}


def signals_of(form: Form) -> dict[str, tuple[Signal, ...]]:
    """The form's signals per group, in the groups' order (the general ones when it has none of its own)."""
    own = form.signals or GENERAL
    return {group: own[group] for group in GROUPS if own.get(group)}


def localized(form: Form, lang: str) -> dict:
    """The form in one language, as a template shows it: groups with their signals and named sources."""
    groups = []
    for key, signals in signals_of(form).items():
        title, intro = GROUPS[key]
        used = list(dict.fromkeys(s for signal in signals for s in signal.sources))
        groups.append(
            {
                "key": key,
                "title": title(lang),
                "intro": intro(lang),
                "signals": [signal.text(lang) for signal in signals],
                "sources": [source(s, lang) for s in used],
            }
        )
    return {
        "code": form.code,
        "name": form.name(lang),
        "what": form.what(lang),
        "what_sources": [source(s, lang) for s in form.what_sources],
        "note": form.note(lang) if form.note else "",
        "own_list": bool(form.signals),
        "groups": groups,
    }


def general(lang: str) -> dict:
    """The signals of every form, as `localized` gives a form's."""
    return localized(Form("algemeen", Text("", ""), Text("", ""), (), GENERAL), lang)


def source(key: str, lang: str) -> dict:
    found = SOURCES[key]
    return {"key": key, "title": found.title(lang), "url": found.url}
