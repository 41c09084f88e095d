"""Individual identification number (ЖСН/ИИН): 12 digits, a birth date and a checksum."""

from __future__ import annotations

from datetime import date
from operator import mul

from i18n import N_

_W1 = (1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11)
_W2 = (3, 4, 5, 6, 7, 8, 9, 10, 11, 1, 2)
_CENTURY = {"1": 1800, "2": 1800, "3": 1900, "4": 1900, "5": 2000, "6": 2000}


def checksum(first11: str) -> int | None:
    """The 12th digit for 11 digits, or None when no digit can be valid."""
    if len(first11) != len(_W1):
        raise ValueError(first11)
    # map over operator.mul: a national exchange import checks 50,000 IINs (issue 15, speed)
    digits = list(map(int, first11))
    total: int = sum(map(mul, digits, _W1)) % 11
    if total == 10:
        total = sum(map(mul, digits, _W2)) % 11
        if total == 10:
            return None
    return total


def birth_date(iin: str) -> date | None:
    """The birth date encoded in an IIN of a person, or None when it does not parse."""
    century = _CENTURY.get(iin[6:7])
    if century is None:
        return None
    try:
        return date(century + int(iin[0:2]), int(iin[2:4]), int(iin[4:6]))
    except ValueError:
        return None


def iin_problem(iin: str) -> str | None:
    """Why an IIN is invalid (a catalog id), or None when it is valid."""
    if len(iin) != 12 or not iin.isascii() or not iin.isdigit():
        return N_("IIN must be exactly 12 digits.")
    if birth_date(iin) is None:
        return N_("IIN does not start with a valid birth date (YYMMDD) and century digit.")
    if checksum(iin[:11]) != int(iin[11]):
        return N_("IIN check digit is wrong: please check for a typing error.")
    return None


def make_iin(born: date, serial: int, *, female: bool = False) -> str:
    """Build a valid IIN (for demo data and tests); serial picks one of many."""
    century_digit = {1800: 1, 1900: 3, 2000: 5}[born.year // 100 * 100] + (1 if female else 0)
    while True:
        head = f"{born:%y%m%d}{century_digit}{serial % 10000:04d}"
        check = checksum(head)
        if check is not None:
            return f"{head}{check}"
        serial += 1
