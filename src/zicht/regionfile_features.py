"""The region file's tables of its features, for `zicht region check` (`zicht.regionfile`): the routes to
report and `[meldroutekaart]` (read by `zicht.web.meldroutekaart.config`), `[web]`, `[retention]`,
`[open_data]` (`zicht.opendata`) and `[uitleen]` (`zicht.schema.catalogue`). Each says every problem it
finds, in Dutch and English, through `say(where, nl, en)`.

Pure: no Django (the meldroutekaart's configuration module is plain Python).
"""

from __future__ import annotations

import difflib
import re

from zicht.schema.codes import ORGANISATIE

THEMES = ("", "rotterdam")
MATERIAL_CODE = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")


def check_features(data: dict, partners: set[str], say) -> None:
    """Every problem of the feature tables of a parsed region file."""
    _routes(data.get("report_routes", []), say)
    _meldroutekaart(data.get("meldroutekaart", {}), say)
    _web(data.get("web", {}), say)
    _retention(data.get("retention", {}), say)
    _open_data(data.get("open_data", {}), say)
    _uitleen(data.get("uitleen", {}), partners, say)


def unknown_setting(where: str, table: dict, known: set[str], say) -> None:
    """A setting the table does not have: most often a typo, so name the closest known one."""
    for key in table:
        if key not in known:
            hint = difflib.get_close_matches(key, sorted(known), n=1)
            tip_nl = f" Bedoelt u {hint[0]}?" if hint else f" Bekend: {', '.join(sorted(known))}."
            tip_en = f" Did you mean {hint[0]}?" if hint else f" Known: {', '.join(sorted(known))}."
            say(f"{where}.{key}", f"onbekende instelling.{tip_nl}", f"unknown setting.{tip_en}")


def text_setting(table: dict, key: str, where: str, say, required: bool = False) -> str:
    value = table.get(key)
    if value is None and not required:
        return ""
    if not isinstance(value, str) or (required and not value.strip()):
        say(f"{where}.{key}", "ontbreekt of is geen tekst." if required else "moet een tekst zijn.",
            "missing or not text." if required else "must be text.")  # fmt: skip
        return ""
    return value


def whole_setting(table: dict, key: str, where: str, minimum: int, say) -> None:
    value = table.get(key)
    if value is not None and (not isinstance(value, int) or isinstance(value, bool) or value < minimum):
        say(
            f"{where}.{key}",
            f"moet een geheel getal van minstens {minimum} zijn.",
            f"must be a whole number of at least {minimum}.",
        )


def _routes(routes, say) -> None:
    """Each route as the monitor's last page and the meldroutekaart read it (zicht.web.meldroutekaart.config)."""
    from zicht.web.meldroutekaart.config import ConfigError, _route

    if not isinstance(routes, list):
        say(
            "report_routes",
            "moet een lijst van [[report_routes]]-tabellen zijn.",
            "must be a list of [[report_routes]] tables.",
        )
        return
    keys: dict[str, int] = {}
    for n, route in enumerate(routes, start=1):
        missing = False
        for key in ("name", "contact"):
            if not isinstance(route, dict) or not isinstance(route.get(key), str) or not route[key].strip():
                say(f"report_routes[{n}].{key}", "ontbreekt.", "missing.")
                missing = True
        if missing:
            continue
        try:
            key = _route(n, route).key
        except ConfigError as error:
            say(f"report_routes[{n}]", *_without_where(error))
            continue
        except (TypeError, ValueError, AttributeError):  # a table or list where a text belongs
            say(
                f"report_routes[{n}].check",
                'moet een lijst van antwoorden zijn, bijv. ["situatie:werk"] of ["altijd"].',
                'must be a list of answers, e.g. ["situatie:werk"] or ["altijd"].',
            )
            continue
        if key in keys:
            say(
                f"report_routes[{n}].key",
                f"{key!r} is ook de sleutel van report_routes[{keys[key]}].",
                f"{key!r} is also the key of report_routes[{keys[key]}].",
            )
        keys[key] = n


_WHERE = re.compile(r"^(\[meldroutekaart\]|report_routes)[^:]*:\s*")


def _without_where(error) -> tuple[str, str]:
    """The meldroutekaart's message without its own "report_routes …:" (the problem already says where)."""
    return _WHERE.sub("", error.message_nl), _WHERE.sub("", error.message_en)


class _Settings:
    """Just enough of a Region for the meldroutekaart's own check of its table."""

    def __init__(self, table: dict):
        self.raw = {"meldroutekaart": table}

    def section(self, name: str) -> dict:
        return self.raw.get(name, {})


def _meldroutekaart(table, say) -> None:
    from zicht.web.meldroutekaart.config import ConfigError, load

    if not isinstance(table, dict):
        say("meldroutekaart", "moet een tabel [meldroutekaart] zijn.", "must be a [meldroutekaart] table.")
        return
    for key, value in table.items():  # each setting on its own, so that every problem is said
        try:
            load(_Settings({key: value}))
        except ConfigError as error:
            say(f"meldroutekaart.{key}", *_without_where(error))


def _web(table, say) -> None:
    if not isinstance(table, dict):
        say("web", "moet een tabel [web] zijn.", "must be a [web] table.")
    elif table.get("theme", "") not in THEMES:
        say(
            "web.theme",
            'kies "" (de eigen stijl van zicht) of "rotterdam" (alleen voor de regio Rotterdam).',
            'choose "" (zicht\'s own look) or "rotterdam" (for regio Rotterdam only).',
        )


def _retention(table, say) -> None:
    if not isinstance(table, dict):
        say("retention", "moet een tabel [retention] zijn.", "must be a [retention] table.")
    else:
        whole_setting(table, "years", "retention", 1, say)


def _open_data(table, say) -> None:
    if not isinstance(table, dict):
        say("open_data", "moet een tabel [open_data] zijn.", "must be an [open_data] table.")
        return
    licence, source = table.get("license", {}), table.get("source", {})
    if not isinstance(licence, dict) or (licence and not isinstance(licence.get("name"), str)):
        say(
            "open_data.license",
            'moet een tabel met ten minste een naam zijn, bijv. { name = "CC-BY-4.0" }.',
            'must be a table with at least a name, e.g. { name = "CC-BY-4.0" }.',
        )
    elif licence:
        unknown_setting("open_data.license", licence, {"name", "title", "path"}, say)
    if not isinstance(source, dict):
        say("open_data.source", "moet een tabel { title, path } zijn.", "must be a table { title, path }.")
    else:
        unknown_setting("open_data.source", source, {"title", "path"}, say)
    keywords = table.get("keywords", [])
    if not isinstance(keywords, list) or not all(isinstance(k, str) for k in keywords):
        say("open_data.keywords", "moet een lijst van woorden zijn.", "must be a list of words.")


def _uitleen(table, partners: set[str], say) -> None:
    """`[uitleen]`: the awareness materials lent out (zicht.schema.catalogue)."""
    if not isinstance(table, dict):
        say("uitleen", "moet een tabel [uitleen] zijn.", "must be an [uitleen] table.")
        return
    whole_setting(table, "max_dagen", "uitleen", 1, say)
    materials = table.get("materialen", [])
    if not isinstance(materials, list) or not all(isinstance(m, dict) for m in materials):
        say("uitleen.materialen", "moet een lijst van [[uitleen.materialen]] zijn.", "must be a list of [[uitleen.materialen]].")  # fmt: skip
        materials = []
    codes: dict[str, int] = {}
    for n, m in enumerate(materials, start=1):
        where = f"uitleen.materialen[{n}]"
        unknown_setting(where, m, {"code", "naam", "naam_en", "omschrijving", "omschrijving_en"}, say)
        code = m.get("code")
        if not isinstance(code, str) or not MATERIAL_CODE.match(code) or len(code) > 40:
            say(
                f"{where}.code",
                "kleine letters, cijfers en koppeltekens (hoogstens 40), bijv. vr-brillen.",
                "lowercase letters, digits and hyphens (at most 40), e.g. vr-brillen.",
            )
        elif code in codes:
            say(f"{where}.code", f"{code!r} staat er twee keer.", f"{code!r} is listed twice.")
        else:
            codes[code] = n
        text_setting(m, "naam", where, say, required=True)
        for key in ("naam_en", "omschrijving", "omschrijving_en"):
            text_setting(m, key, where, say)
    organisations = table.get("organisaties", {})
    if not isinstance(organisations, dict):
        say("uitleen.organisaties", "moet een tabel zijn.", "must be a table.")
        return
    for partner, code in organisations.items():
        where = f"uitleen.organisaties.{partner}"
        if partners and partner not in partners:
            say(where, "geen partner van deze regio.", "not a partner of this region.")
        if code not in ORGANISATIE:
            say(
                where,
                f"{code!r} is geen organisatiecode; kies uit {', '.join(ORGANISATIE)}.",
                f"{code!r} is not an organisation code; choose from {', '.join(ORGANISATIE)}.",
            )
