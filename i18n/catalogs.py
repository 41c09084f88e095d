"""Manage the catalogs with Babel: `python -m i18n.catalogs extract|update|fill|compile|check`."""

from __future__ import annotations

import sys
from pathlib import Path

from babel.messages.frontend import CommandLineInterface
from babel.messages.pofile import read_po

ROOT = Path(__file__).resolve().parent.parent
POT = ROOT / "i18n" / "messages.pot"
LOCALE_DIR = ROOT / "i18n" / "locale"
LANGS = ("kk", "ru")
KEYWORDS = ["-k", "_", "-k", "N_", "-k", "ngettext:1,2", "-k", "pgettext:1c,2", "-k", "tr_"]


def _babel(*args: str) -> None:
    CommandLineInterface().run(["pybabel", "-q", *args])


def extract() -> None:
    """Collect every marked string into messages.pot."""
    _babel(
        "extract",
        "-F",
        str(ROOT / "i18n" / "babel.cfg"),
        "--no-location",
        "--sort-output",
        "--no-wrap",
        *KEYWORDS,
        "-o",
        str(POT),
        str(ROOT),
    )


def update() -> None:
    """Extract, then merge new strings into kk and ru (creating them if missing)."""
    extract()
    for lang in LANGS:
        po = LOCALE_DIR / lang / "LC_MESSAGES" / "messages.po"
        if po.exists():
            _babel(
                "update",
                "-i",
                str(POT),
                "-d",
                str(LOCALE_DIR),
                "-l",
                lang,
                "--no-wrap",
                "--no-fuzzy-matching",
                "--ignore-obsolete",
            )
        else:
            _babel("init", "-i", str(POT), "-d", str(LOCALE_DIR), "-l", lang, "--no-wrap")


def compile_catalogs() -> None:
    """Compile .po to .mo (the bundle ships .mo; a source run reads .po directly)."""
    _babel("compile", "-d", str(LOCALE_DIR), "--statistics")


def missing() -> list[str]:
    """Messages of the template that lack a kk or ru translation."""
    extract()
    with POT.open("rb") as fh:
        template = read_po(fh)
    problems = []
    for lang in LANGS:
        with (LOCALE_DIR / lang / "LC_MESSAGES" / "messages.po").open("rb") as fh:
            catalog = read_po(fh, locale=lang)
        for msg in template:
            if not msg.id:
                continue
            found = catalog.get(msg.id, context=msg.context)
            strings = found.string if found else None
            values = strings if isinstance(strings, tuple) else (strings,)
            if not found or not all(values) or found.fuzzy:
                problems.append(f"{lang}: {msg.id if isinstance(msg.id, str) else msg.id[0]}")
    return problems


def fill(path: Path) -> int:
    """Write translations from JSON {msgid: {"kk": str | [plural forms], "ru": ...}}."""
    import json

    from babel.messages.pofile import write_po

    entries = json.loads(path.read_text(encoding="utf-8"))
    unknown = 0
    for lang in LANGS:
        po = LOCALE_DIR / lang / "LC_MESSAGES" / "messages.po"
        with po.open("rb") as fh:
            catalog = read_po(fh, locale=lang)
        for msgid, texts in entries.items():
            message = catalog.get(msgid)
            if message is None or lang not in texts:
                unknown += message is None
                continue
            value = texts[lang]
            message.string = tuple(value) if isinstance(value, list) else value
            message.flags.discard("fuzzy")
        with po.open("wb") as fh:
            write_po(fh, catalog, width=0, sort_output=True, omit_header=False)
    return unknown


def main(argv: list[str]) -> int:
    """Dispatch the sub-command."""
    command = argv[0] if argv else "check"
    if command == "extract":
        extract()
    elif command == "update":
        update()
    elif command == "compile":
        compile_catalogs()
    elif command == "fill":
        unknown = fill(Path(argv[1]))
        print(f"filled; {unknown // len(LANGS)} ids not in the catalog (run update first)")
    elif command == "check":
        gaps = missing()
        print("\n".join(gaps) or "complete")
        return 1 if gaps else 0
    else:
        print(__doc__)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
