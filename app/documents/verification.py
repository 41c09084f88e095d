"""How a printed protocol carries its verification code: a mark in the metadata, a readable QR."""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date
from typing import Any

from i18n import parse_date

# The information-dictionary entry that names the code, language and print date, so that
# `verify` can re-render the very same pages (version 2: the content lives only in the store).
MARK_KEY = "TalimgerVerification"
MARK = "TALIMGER-PROTOCOL-2"
LANGS = ("kk", "ru")
_HEX64 = re.compile(r"[0-9a-f]{64}")


def grouped(code: str) -> str:
    """The code as printed: upper-case groups of four, easy to read out and compare."""
    return " ".join(code[i : i + 4].upper() for i in range(0, len(code), 4))


def mark(code: str, lang: str, printed_on: date) -> str:
    """The metadata mark of a signed protocol's printout."""
    return f"{MARK} {code} {lang} {printed_on.isoformat()}"


def parse_mark(text: str) -> tuple[str, str, date] | None:
    """(code, lang, printed_on) from a mark, or None when it is not a well-formed one of ours."""
    parts = text.split()
    if len(parts) != 4 or parts[0] != MARK:
        return None
    code, lang, printed = parts[1:]
    if not _HEX64.fullmatch(code) or lang not in LANGS:
        return None
    try:
        return code, lang, parse_date(printed)
    except (TypeError, ValueError):
        return None


def qr_payload(tr_: Callable[[str], str], content: dict[str, Any], code: str) -> str:
    """What a phone shows when it reads the QR: document, region, number, date, code (short:
    every byte more makes the printed modules smaller and the code harder to read).
    """
    held = parse_date(content["held_on"]).strftime("%d.%m.%Y")
    lines = [
        tr_("PROTOCOL No. {number}").format(number=content["number"]),
        f"{tr_('Region')}: {content.get('region', '')}",
        f"{tr_('Date')}: {held}",
        f"{tr_('Verification code')}: {code.upper()}",
    ]
    return "\n".join(lines)


def subject(tr_: Callable[[str], str], content: dict[str, Any], code: str) -> str:
    """The PDF Subject of a signed protocol: what it is, and its code for a catalogue search."""
    held = parse_date(content["held_on"]).strftime("%d.%m.%Y")
    return (
        f"{tr_('PROTOCOL No. {number}').format(number=content['number'])} "
        f"{tr_('of the meeting of the branch council on judicial mentoring')}, {held}. "
        f"{tr_('Verification code')}: {code}"
    )
