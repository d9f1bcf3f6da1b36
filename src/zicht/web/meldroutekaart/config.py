"""The meldroutekaart's region configuration: the routes (`[[report_routes]]`, extended) and the
`[meldroutekaart]` table, read from the region file and checked.

A route keeps what the monitor's last page prints (`name`, `contact`, `when`, read by
`zicht.region.Region.routes`) and adds what the meldroutekaart needs: English texts, a number to dial,
a web page, whether one can report anonymously, and the check's rule (`check`: the answers that bring
the route into the outcome). Another region adapts all of it in its own file, without code
(docs/meldroutekaart.md). A broken configuration is refused with its reason in Dutch and English.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from zicht.region import Region
from zicht.web.meldroutekaart.check import ALWAYS, ANSWER_CODES

KEY = re.compile(r"^[a-z0-9][a-z0-9-]*$")
PHONE = re.compile(r"^\+?[0-9][0-9 ()-]{1,20}$")
WEB_PAGE = re.compile(r"^https://[a-z0-9.-]+\.[a-z]{2,}(:[0-9]+)?(/[^\s\"'<>]*)?$", re.IGNORECASE)
# A CSP source expression for frame-ancestors: https, a host (optionally every subdomain), a port.
FRAME_ANCESTOR = re.compile(r"^https://(\*\.)?[a-z0-9-]+(\.[a-z0-9-]+)+(:[0-9]{1,5})?$")


class ConfigError(ValueError):
    def __init__(self, message_nl: str, message_en: str):
        super().__init__(message_en)
        self.message_nl, self.message_en = message_nl, message_en


@dataclass(frozen=True)
class Text:
    nl: str
    en: str

    def __call__(self, lang: str) -> str:
        return self.en if lang == "en" else self.nl


@dataclass(frozen=True)
class ReportRoute:
    key: str
    name: Text
    contact: Text  # as printed: "0900 - 8844", or how to reach the route when it has no number
    when: Text
    phone: str  # a confirmed number to dial, or ""
    phone_abroad: str
    url: str
    anonymous: bool
    note: Text
    check: tuple[str, ...]

    @property
    def tel(self) -> str:
        """The phone number as a tel: link (digits and a leading +), or ""."""
        return "tel:" + re.sub(r"[^0-9+]", "", self.phone) if self.phone else ""

    @property
    def tel_abroad(self) -> str:
        return "tel:" + re.sub(r"[^0-9+]", "", self.phone_abroad) if self.phone_abroad else ""

    def localized(self, lang: str) -> dict:
        """The route in one language, as the pages and the A4 version show it."""
        return {
            "key": self.key,
            "name": self.name(lang),
            "contact": self.contact(lang),
            "when": self.when(lang),
            "note": self.note(lang),
            "phone": self.phone,
            "tel": self.tel,
            "phone_abroad": self.phone_abroad,
            "tel_abroad": self.tel_abroad,
            "url": self.url,
            "site": re.sub(r"^https://(www\.)?|/.*$", "", self.url),
            "anonymous": self.anonymous,
        }


@dataclass(frozen=True)
class Kaart:
    routes: tuple[ReportRoute, ...]
    url: str  # the public address of /meldroutekaart/, or "" until the site is live
    embed_domains: tuple[str, ...]  # who may frame /meldroutekaart/embed/

    def route(self, key: str) -> ReportRoute | None:
        return next((r for r in self.routes if r.key == key), None)


def load(region: Region) -> Kaart:
    """The region's meldroutekaart configuration, checked (ConfigError with the reason)."""
    routes = tuple(_route(i, entry) for i, entry in enumerate(region.raw.get("report_routes", ()), start=1))
    keys = [r.key for r in routes]
    doubled = sorted({k for k in keys if keys.count(k) > 1})
    if doubled:
        raise ConfigError(
            f"report_routes: de sleutel {', '.join(doubled)} komt meer dan eens voor.",
            f"report_routes: the key {', '.join(doubled)} occurs more than once.",
        )
    section = region.section("meldroutekaart")
    unknown = sorted(set(section) - {"url", "embed_domains"})
    if unknown:
        raise ConfigError(
            f"[meldroutekaart]: onbekende instelling {', '.join(unknown)} (bekend: url, embed_domains).",
            f"[meldroutekaart]: unknown setting {', '.join(unknown)} (known: url, embed_domains).",
        )
    url = _string(section, "url", "[meldroutekaart]")
    if url and not WEB_PAGE.match(url):
        raise ConfigError(
            f"[meldroutekaart] url: {url!r} is geen https-adres.",
            f"[meldroutekaart] url: {url!r} is not an https address.",
        )
    domains = section.get("embed_domains", [])
    if not isinstance(domains, list) or not all(isinstance(d, str) for d in domains):
        raise ConfigError(
            "[meldroutekaart] embed_domains: geef een lijst van adressen.",
            "[meldroutekaart] embed_domains: give a list of addresses.",
        )
    for domain in domains:
        if not FRAME_ANCESTOR.match(domain):
            raise ConfigError(
                f"[meldroutekaart] embed_domains: {domain!r} is geen https://host (zonder pad), zoals "
                "https://www.gemeente.nl.",
                f"[meldroutekaart] embed_domains: {domain!r} is not an https://host (without a path), such as "
                "https://www.gemeente.nl.",
            )
    return Kaart(routes, url, tuple(dict.fromkeys(domains)))


def _route(number: int, entry: dict) -> ReportRoute:
    where = f"report_routes #{number}"
    if not isinstance(entry, dict):
        raise ConfigError(f"{where}: geen tabel.", f"{where}: not a table.")
    for required in ("name", "contact"):
        if not _string(entry, required, where):
            raise ConfigError(f"{where}: '{required}' ontbreekt.", f"{where}: '{required}' is missing.")
    # A route of the monitor's page alone (name, contact, when) is a valid route too: its key comes from
    # its name and, without a rule, the check always shows it.
    key = _string(entry, "key", where) or re.sub(r"[^a-z0-9]+", "-", _string(entry, "name", where).lower()).strip("-")
    if not KEY.match(key):
        raise ConfigError(
            f"{where}: 'key' is niet van de vorm kleine-letters-en-cijfers (bijvoorbeeld politie).",
            f"{where}: 'key' is not of the form lower-case-letters-and-digits (for example politie).",
        )
    where = f"report_routes {key}"
    phone, abroad, url = (_string(entry, name, where) for name in ("phone", "phone_abroad", "url"))
    for name, value in (("phone", phone), ("phone_abroad", abroad)):
        if value and not PHONE.match(value):
            raise ConfigError(
                f"{where}: {name} {value!r} is geen telefoonnummer.",
                f"{where}: {name} {value!r} is not a phone number.",
            )
    if url and not WEB_PAGE.match(url):
        raise ConfigError(
            f"{where}: url {url!r} is geen https-adres.", f"{where}: url {url!r} is not an https address."
        )
    check = entry.get("check", [ALWAYS])
    if not isinstance(check, list) or not check:
        raise ConfigError(
            f"{where}: 'check' is leeg: noem de antwoorden die deze route in de uitkomst brengen, of \"altijd\".",
            f"{where}: 'check' is empty: name the answers that bring this route into the outcome, or \"altijd\".",
        )
    unknown = [str(c) for c in check if not isinstance(c, str) or c not in ANSWER_CODES]
    if unknown:
        known = ", ".join(sorted(ANSWER_CODES))
        raise ConfigError(
            f"{where}: onbekend antwoord in 'check': {', '.join(unknown)} (bekend: {known}).",
            f"{where}: unknown answer in 'check': {', '.join(unknown)} (known: {known}).",
        )
    anonymous = entry.get("anonymous", False)
    if not isinstance(anonymous, bool):
        raise ConfigError(f"{where}: 'anonymous' is true of false.", f"{where}: 'anonymous' is true or false.")
    return ReportRoute(
        key=key,
        name=_text(entry, "name", where),
        contact=_text(entry, "contact", where),
        when=_text(entry, "when", where),
        phone=phone,
        phone_abroad=abroad,
        url=url,
        anonymous=anonymous,
        note=_text(entry, "note", where),
        check=tuple(dict.fromkeys(check)),
    )


def _string(table: dict, name: str, where: str) -> str:
    value = table.get(name, "")
    if not isinstance(value, str):
        raise ConfigError(f"{where}: '{name}' is geen tekst.", f"{where}: '{name}' is not a text.")
    return value.strip()


def _text(table: dict, name: str, where: str) -> Text:
    """A Dutch text and its English (`<name>_en`; the Dutch when the region gives none)."""
    nl = _string(table, name, where)
    return Text(nl, _string(table, f"{name}_en", where) or nl)
