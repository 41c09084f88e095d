"""Make a cell value safe for spreadsheets: text that looks like a formula stays text."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

_FORMULA_START = ("=", "+", "-", "@", "\t", "\r", "\uff1d", "\uff0b", "\uff0d", "\uff20")
# Characters openpyxl refuses to write (XML 1.0 forbids them).
_ILLEGAL = {c: None for c in range(32) if c not in (9, 10, 13)}


class Percent(float):
    """A share written as a percentage: 0.875 shows as 87.5 % and stays a number."""


class Change(Decimal):
    """A change from an earlier figure: a number shown with its sign (+0.5, -1.25, 0)."""


def looks_like_formula(text: str) -> bool:
    """Whether a spreadsheet program would take the text for a formula (OWASP list)."""
    return text.startswith(_FORMULA_START)


def neutralise(value: Any) -> Any:
    """Prefix text starting with a formula character by an apostrophe (CSV has no styles)."""
    if isinstance(value, str):
        text = value.translate(_ILLEGAL)
        if looks_like_formula(text):
            return "'" + text
        return text
    return value


def as_cell(value: Any) -> Any:
    """A value ready for an XLSX cell: dates stay dates, None becomes empty, text is cleaned of
    characters XML forbids (a formula-looking text is kept as text by the writer's style).
    """
    if value is None:
        return ""
    if isinstance(value, str):
        return value.translate(_ILLEGAL)
    return value
