"""Pure checks of the evaluation rules (seed 001), each citing its E-ID."""

from __future__ import annotations

import re
from collections.abc import Iterable

# Hyphen, non-breaking hyphen, figure dash, en and em dashes, horizontal bar, minus sign:
# case numbers are typed and pasted from documents that use any of them.
_DASHES = re.compile("[\u2010\u2011\u2012\u2013\u2014\u2015\u2212\ufe63\uff0d]")
_SPACE = re.compile(r"\s+")


def case_key(case_number: str) -> str:
    """What two case numbers are compared by (E-2 clarification).

    Surrounding spaces trimmed, runs of inner space made one, every dash a hyphen, letter case
    folded: "2-123/2025" and " 2–123/2025 " are one case.
    """
    return _DASHES.sub("-", _SPACE.sub(" ", case_number.strip())).casefold()


def distinct_cases(case_numbers: Iterable[str]) -> dict[str, str]:
    """One case number per E-2 key: the smallest trimmed spelling, whatever the list's order."""
    out: dict[str, str] = {}
    for raw in case_numbers:
        text = raw.strip()
        if not text:
            continue
        key = case_key(text)
        if key not in out or text < out[key]:
            out[key] = text
    return out
