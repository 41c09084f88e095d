"""Cell values as text, IIN, date or number, whichever program wrote the sheet."""

from __future__ import annotations

import re
from datetime import date, datetime, timedelta
from decimal import Decimal, InvalidOperation
from typing import Any

EXCEL_EPOCH = date(1899, 12, 30)  # serial 1 = 1900-01-01, with Excel's 1900 leap-year bug
EXCEL_LAST_SERIAL = 2_958_465  # 9999-12-31
# Serial numbers written as text (a date cell that lost its format on the way to CSV) are taken
# only in this range (1954-10-03 … 2119-01-10), so a year or a count is not read as a date.
TEXT_SERIALS = range(20_000, 80_001)
# Two-digit years as Excel and LibreOffice read them: 00–29 → 2000s, 30–99 → 1900s.
TWO_DIGIT_YEAR_PIVOT = 30

_TIME = r"(?:[ T]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?)?"
_DMY = re.compile(r"(\d{1,2})\.(\d{1,2})\.(\d{4}|\d{2})" + _TIME)
_DMY_SLASH = re.compile(r"(\d{1,2})/(\d{1,2})/(\d{4})" + _TIME)
_ISO = re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})" + _TIME)
_IIN_LENGTH = 12
# An IIN of someone born in January–September 2000 starts with three zeros, so a number that
# lost its leading zeros has 9 to 11 digits; shorter numbers are not IINs and stay as they are.
_SHORTENED_IIN = range(9, _IIN_LENGTH)


def as_text(value: Any) -> str:
    """A cell as text; whole numbers lose their ".0" and dates read dd.mm.yyyy."""
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, datetime | date):
        return value.strftime("%d.%m.%Y")
    return str(value).strip()


def as_iin(value: Any) -> str:
    """An IIN as 12 digits: Excel keeps an IIN typed as a number and drops its leading zeros."""
    text = as_text(value)
    if text.isascii() and text.isdigit() and len(text) in _SHORTENED_IIN:
        return text.zfill(_IIN_LENGTH)
    return text


def as_date(value: Any) -> date | None:
    """A date from a cell: a date cell, an Excel serial number, or text dd.mm.yyyy, d.m.yy,
    dd/mm/yyyy or yyyy-mm-dd (a time after the date is ignored). None for an empty cell.

    Raises ValueError when the cell holds something that is not a date.
    """
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if isinstance(value, int | float) and not isinstance(value, bool):
        if not 1 <= value <= EXCEL_LAST_SERIAL:  # also refuses NaN and infinities
            raise ValueError(value)
        return EXCEL_EPOCH + timedelta(days=int(value))
    text = str(value).strip()
    if text.isascii() and text.isdigit():
        if len(text) <= 6 and int(text) in TEXT_SERIALS:
            return EXCEL_EPOCH + timedelta(days=int(text))
        raise ValueError(text)
    if match := _DMY.fullmatch(text) or _DMY_SLASH.fullmatch(text):
        day, month, year = (int(g) for g in match.groups())
        if len(match.group(3)) == 2:
            year += 2000 if year < TWO_DIGIT_YEAR_PIVOT else 1900
        return date(year, month, day)
    if match := _ISO.fullmatch(text):
        year, month, day = (int(g) for g in match.groups())
        return date(year, month, day)
    raise ValueError(text)


def as_decimal(value: Any) -> Decimal | None:
    """A number from a cell, with a comma or a point as the decimal sign; None when empty.

    Raises ValueError when the cell holds something that is not a finite number.
    """
    if value is None:
        return None
    if isinstance(value, bool):
        raise ValueError(value)
    if isinstance(value, int | float):
        number = Decimal(str(value))
    else:
        # Spaces (no-break and thin ones too) group thousands in Kazakh and Russian.
        text = "".join(str(value).split()).replace(",", ".")
        if not text:
            return None
        try:
            number = Decimal(text)
        except InvalidOperation as exc:
            raise ValueError(value) from exc
    if not number.is_finite():
        raise ValueError(value)
    return number
