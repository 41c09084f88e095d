"""Make a cell value safe for spreadsheets: text that looks like a formula is quoted."""

from __future__ import annotations

from datetime import date
from typing import Any

_FORMULA_START = ("=", "+", "-", "@", "\t", "\r", "\uff1d", "\uff0b", "\uff0d", "\uff20")
# Characters openpyxl refuses to write (XML 1.0 forbids them).
_ILLEGAL = {c: None for c in range(32) if c not in (9, 10, 13)}


def neutralise(value: Any) -> Any:
    """Prefix text starting with a formula character by an apostrophe (OWASP advice)."""
    if isinstance(value, str):
        text = value.translate(_ILLEGAL)
        if text.startswith(_FORMULA_START):
            return "'" + text
        return text
    return value


def as_cell(value: Any) -> Any:
    """A value ready for a spreadsheet cell: dates stay dates, None becomes empty."""
    if value is None:
        return ""
    if isinstance(value, date):
        return value
    return neutralise(value)
