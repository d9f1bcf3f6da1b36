"""The web application's Dutch translations: extract, report what is missing, compile.

    python -m zicht.web.messages          # update every area's locale/nl/LC_MESSAGES/django.po, compile .mo
    python -m zicht.web.messages beheer   # only that area ("web": the layout's own)
    python -m zicht.web.messages --check  # exit 1 when a message has no Dutch text or a .mo is stale

Message ids are English (Django's convention); the site shows Dutch first. Each web area keeps its own
`locale/` beside its views and templates; the layout's own messages live in `zicht/web/locale/`.
Needs GNU gettext (`xgettext`, `msgmerge`, `msgfmt`).
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
from pathlib import Path

WEB = Path(__file__).resolve().parent
AREAS = sorted(
    p.parent for p in WEB.glob("*/__init__.py") if (p.parent / "templates").is_dir() or p.parent.name == "api"
)


def _po(folder: Path) -> Path:
    return folder / "locale" / "nl" / "LC_MESSAGES" / "django.po"


def folders(only: list[str] | None = None) -> list[Path]:
    """The layout's folder and every area's; `only` names some ("web" is the layout's own)."""
    every = [WEB, *AREAS]
    if not only:
        return every
    return [f for f in every if (f.name if f != WEB else "web") in only]


def extract(only: list[str] | None = None) -> None:
    """Run makemessages in each folder (the layout's without the areas) and compile the result."""
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "zicht.web.settings")
    import django
    from django.core.management import call_command

    django.setup()
    here = Path.cwd()
    try:
        for folder in folders(only):
            (folder / "locale").mkdir(exist_ok=True)
            os.chdir(folder)
            ignore = [p.name for p in AREAS] + ["static", "*.txt"] if folder == WEB else ["static"]
            call_command(
                "makemessages",
                locale=["nl"],
                ignore_patterns=ignore,
                no_obsolete=True,
                add_location="file",
                no_wrap=True,
                verbosity=0,
            )
            po = _po(folder)
            if not po.exists():
                continue  # an area without messages
            po.write_text(_header(po.read_text(encoding="utf-8")), encoding="utf-8")
            subprocess.run(["msgfmt", "--check", "-o", str(po.with_suffix(".mo")), str(po)], check=True)
    finally:
        os.chdir(here)


def _header(text: str) -> str:
    """A new catalogue's header names placeholders; make it a valid Dutch one."""
    return (
        text.replace("charset=CHARSET", "charset=UTF-8")
        .replace('"Language: \\n"', '"Language: nl\\n"')
        .replace('#, fuzzy\nmsgid ""\nmsgstr ""\n"Project', 'msgid ""\nmsgstr ""\n"Project', 1)
        .replace("FIRST AUTHOR <EMAIL@ADDRESS>, YEAR.", "zicht developers.")
        .replace("SOME DESCRIPTIVE TITLE.", "zicht: Dutch messages of the web application.")
        .replace("PACKAGE VERSION", "zicht")
        .replace("FULL NAME <EMAIL@ADDRESS>", "zicht developers")
        .replace("LANGUAGE <LL@li.org>", "Dutch")
        .replace("YEAR-MO-DA HO:MI+ZONE", "2026-12-01 00:00+0100")
    )


def untranslated(po: Path) -> list[str]:
    """Message ids without a Dutch text, or marked fuzzy."""
    out = subprocess.run(
        ["msgattrib", "--untranslated", "--no-wrap", str(po)], capture_output=True, text=True, check=True
    ).stdout
    fuzzy = subprocess.run(
        ["msgattrib", "--only-fuzzy", "--no-wrap", str(po)], capture_output=True, text=True, check=True
    ).stdout
    ids = []
    for text in (out, fuzzy):
        ids += [line[7:-1] for line in text.splitlines() if line.startswith('msgid "') and line != 'msgid ""']
    return ids


def problems() -> list[str]:
    found = []
    for folder in folders():
        po = _po(folder)
        if not po.exists():
            continue
        found += [f"{po.relative_to(WEB.parent.parent)}: no Dutch for {msgid!r}" for msgid in untranslated(po)]
        with tempfile.TemporaryDirectory() as tmp:
            fresh = Path(tmp) / "django.mo"
            subprocess.run(["msgfmt", "-o", str(fresh), str(po)], check=True)
            if not po.with_suffix(".mo").exists() or fresh.read_bytes() != po.with_suffix(".mo").read_bytes():
                found.append(
                    f"{po.with_suffix('.mo').relative_to(WEB.parent.parent)} is stale: python -m zicht.web.messages"
                )
    return found


def main(argv: list[str]) -> int:
    only = [a for a in argv if not a.startswith("-")]
    if "--check" not in argv:
        extract(only)
    found = problems()
    for line in found:
        print(line)
    return 1 if found else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
