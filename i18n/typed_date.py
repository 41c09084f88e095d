"""Dates as people type them: 15.03.2020, 15032020, 1.3.20, 2020-03-15."""

from __future__ import annotations

import re
from datetime import date

_SEPARATED = re.compile(r"^(\d{1,2})[.,/\- ](\d{1,2})[.,/\- ](\d{2}|\d{4})$")
_ISO = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})$")
_DIGITS = re.compile(r"^(\d{2})(\d{2})(\d{2}|\d{4})$")


def _full_year(year: str, today: date) -> int:
    if len(year) == 4:
        return int(year)
    # Two digits: the nearest century that is not more than ten years ahead (20 → 2020,
    # 85 → 1985): dates here are appointments, births and orders, rarely far in the future.
    value = 2000 + int(year)
    return value if value <= today.year + 10 else value - 100


def parse_typed_date(text: str, today: date | None = None) -> date | None:
    """The date a person meant, or None when the text is no date (31.02.2020, 15.13.2020)."""
    text = text.strip()
    today = today or date.today()
    if m := _ISO.match(text):
        y, mo, d = int(m[1]), int(m[2]), int(m[3])
    elif m := (_SEPARATED.match(text) or _DIGITS.match(text)):
        d, mo, y = int(m[1]), int(m[2]), _full_year(m[3], today)
    else:
        return None
    try:
        return date(y, mo, d)
    except ValueError:
        return None
