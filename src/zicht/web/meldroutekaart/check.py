"""The guided check: a few questions about what someone saw, and from the answers the forms of
trafficking that may be involved and the routes to report, in the region's order.

Pure: no Django, no storage. The answers live only as long as the request that carries them; nothing
here writes, logs or remembers them. Which route an answer brings in is the region's configuration
(`report_routes[].check`, read by `zicht.web.meldroutekaart.config`), not code.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

ALWAYS = "altijd"  # a route's check rule that holds for every outcome

# The questions, their answers (in the order they are offered), and whether more than one may be chosen.
QUESTIONS: dict[str, tuple[str, ...]] = {
    "gevaar": ("ja", "nee", "weet-niet"),
    "minderjarig": ("ja", "nee", "weet-niet"),
    "situatie": ("werk", "seks", "crimineel", "thuis", "anders"),
    "praten": ("ja", "nee", "weet-niet"),
}
MULTIPLE = frozenset({"situatie"})

# Every code a route's rule may name: "question:answer", or "altijd".
ANSWER_CODES: frozenset[str] = frozenset(f"{q}:{a}" for q, answers in QUESTIONS.items() for a in answers) | {ALWAYS}

# The forms of trafficking (codes of zicht.schema.codes.VORM) that a situation may point to.
SITUATION_FORMS: dict[str, tuple[str, ...]] = {
    "werk": ("arbeidsuitbuiting",),
    "seks": ("seksuele-uitbuiting",),
    "crimineel": ("criminele-uitbuiting",),
    "thuis": ("gedwongen-huwelijk",),
    "anders": ("illegale-adoptie", "draagmoederschap", "orgaanverwijdering"),
}

# Why a route is in the outcome: one sentence per answer that can bring it in (Dutch, English).
REASONS: dict[str, tuple[str, str]] = {
    "gevaar:ja": ("U gaf aan dat iemand nu in gevaar is.", "You said that someone is in danger now."),
    "gevaar:weet-niet": (
        "U weet niet zeker of iemand nu in gevaar is. Twijfelt u? Bel dan 112.",
        "You are not sure whether someone is in danger now. In doubt? Then call 112.",
    ),
    "gevaar:nee": ("U gaf aan dat niemand nu in direct gevaar is.", "You said that nobody is in immediate danger."),
    "minderjarig:ja": (
        "Er is een kind of jongere onder de 18 jaar bij betrokken.",
        "A child or young person under 18 is involved.",
    ),
    "minderjarig:weet-niet": (
        "Misschien is er een kind of jongere onder de 18 jaar bij betrokken.",
        "A child or young person under 18 may be involved.",
    ),
    "minderjarig:nee": ("Er is geen kind of jongere bij betrokken.", "No child or young person is involved."),
    "situatie:werk": ("Het gaat om werk.", "It is about work."),
    "situatie:seks": ("Het gaat om seks of sekswerk.", "It is about sex or sex work."),
    "situatie:crimineel": ("Het gaat om criminaliteit.", "It is about crime."),
    "situatie:thuis": (
        "Het gaat om een situatie in een gezin, familie of relatie.",
        "It is about a situation in a family or a relationship.",
    ),
    "situatie:anders": ("Het gaat om iets anders.", "It is about something else."),
    "praten:ja": ("U kunt met de persoon praten.", "You can talk with the person."),
    "praten:nee": ("U kunt niet met de persoon praten.", "You cannot talk with the person."),
    "praten:weet-niet": (
        "U weet niet of u met de persoon kunt praten.",
        "You do not know whether you can talk with the person.",
    ),
}


@dataclass(frozen=True)
class Answers:
    gevaar: str
    minderjarig: str
    situatie: tuple[str, ...]
    praten: str

    def __post_init__(self):
        for question in ("gevaar", "minderjarig", "praten"):
            if getattr(self, question) not in QUESTIONS[question]:
                raise ValueError(f"unknown answer to {question}: {getattr(self, question)!r}")
        if not self.situatie or any(s not in QUESTIONS["situatie"] for s in self.situatie):
            raise ValueError(f"unknown situation(s): {self.situatie!r}")

    @property
    def codes(self) -> frozenset[str]:
        """The answers as the codes a route's rule names, "altijd" included."""
        given = {f"gevaar:{self.gevaar}", f"minderjarig:{self.minderjarig}", f"praten:{self.praten}"}
        return frozenset(given | {f"situatie:{s}" for s in self.situatie} | {ALWAYS})


@dataclass(frozen=True)
class Step:
    """One route in the outcome, with the answers that brought it in (empty when it is always shown)."""

    route: object  # a config.ReportRoute; kept loose so that this module needs nothing but data
    because: tuple[str, ...]


@dataclass(frozen=True)
class Outcome:
    steps: tuple[Step, ...]
    forms: tuple[str, ...]  # form codes, in the order of zicht.schema.codes.VORM
    acute: bool  # someone is in danger now: the page starts with 112
    talk: str  # the answer to "can you talk with the person"


def outcome(answers: Answers, routes: Sequence) -> Outcome:
    """The routes whose rule one of the answers meets, in configuration order, and the forms involved.

    `routes`: objects with a `check` tuple of answer codes (config.ReportRoute).
    """
    codes = answers.codes
    steps = []
    for route in routes:
        met = tuple(code for code in route.check if code in codes)
        if met:
            steps.append(Step(route, tuple(code for code in met if code != ALWAYS)))
    return Outcome(tuple(steps), forms_for(answers.situatie), answers.gevaar == "ja", answers.praten)


def forms_for(situations: Iterable[str]) -> tuple[str, ...]:
    from zicht.schema.codes import VORM

    wanted = {form for s in situations for form in SITUATION_FORMS.get(s, ())}
    return tuple(form for form in VORM if form in wanted)


def reason(code: str, lang: str) -> str:
    nl, en = REASONS[code]
    return en if lang == "en" else nl
