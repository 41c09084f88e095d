"""Dates and numbers as the official forms (seeds 002, 004) write them, in kk and ru."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

# Kazakh month names with the locative suffix, chosen by vowel harmony and the last sound:
# "2026 жылғы 20 қарашадағы" (the form a date takes before a noun: "…қарашадағы хаттама").
_KK_MONTHS = (
    "қаңтар",
    "ақпан",
    "наурыз",
    "сәуір",
    "мамыр",
    "маусым",
    "шілде",
    "тамыз",
    "қыркүйек",
    "қазан",
    "қараша",
    "желтоқсан",
)
_KK_LOCATIVE = (
    "қаңтардағы",
    "ақпандағы",
    "наурыздағы",
    "сәуірдегі",
    "мамырдағы",
    "маусымдағы",
    "шілдедегі",
    "тамыздағы",
    "қыркүйектегі",
    "қазандағы",
    "қарашадағы",
    "желтоқсандағы",
)
_KK_ABLATIVE = (
    "қаңтардан",
    "ақпаннан",
    "наурыздан",
    "сәуірден",
    "мамырдан",
    "маусымнан",
    "шілдеден",
    "тамыздан",
    "қыркүйектен",
    "қазаннан",
    "қарашадан",
    "желтоқсаннан",
)
_RU_MONTHS = (
    "января",
    "февраля",
    "марта",
    "апреля",
    "мая",
    "июня",
    "июля",
    "августа",
    "сентября",
    "октября",
    "ноября",
    "декабря",
)


def long_date(value: date, lang: str, *, locative: bool = False) -> str:
    """kk "2026 жылғы 20 қараша" (locative "…қарашадағы"), ru "20 ноября 2026 г."."""
    if lang == "kk":
        month = (_KK_LOCATIVE if locative else _KK_MONTHS)[value.month - 1]
        return f"{value.year} жылғы {value.day} {month}"
    return f"{value.day} {_RU_MONTHS[value.month - 1]} {value.year} г."


def blank_date(lang: str) -> str:
    """A date line to fill in by hand: kk "20__ жылғы «__» ____", ru "«__» ____ 20__ г."."""
    if lang == "kk":
        return "20__ жылғы «__» ____________"
    return "«__» ____________ 20__ г."


def blank_since(lang: str) -> str:
    """A "since" date to fill in by hand, as the seed 004 form writes it."""
    if lang == "kk":
        return "_____ жылғы «__» ____________ бастап"
    return "с «__» ____________ _____ года"


def since(value: date, lang: str) -> str:
    """A filled "since" date: kk "2023 жылғы 12 мамырдан бастап", ru "с 12 мая 2023 года"."""
    if lang == "kk":
        return f"{value.year} жылғы {value.day} {_KK_ABLATIVE[value.month - 1]} бастап"
    return f"с {value.day} {_RU_MONTHS[value.month - 1]} {value.year} года"


def number(value: int | float | Decimal, lang: str, *, decimals: int | None = None) -> str:
    """A number with the locale's signs (a decimal comma in kk and ru), never "-0"; with
    `decimals`, always that many digits after the comma (a column of means reads evenly).
    """
    from babel import numbers as babel_numbers

    if value == 0:
        value = 0  # -0.0 and Decimal("-0.0") print as a plain 0
    elif decimals is None and isinstance(value, Decimal) and value == value.to_integral():
        value = value.quantize(Decimal(1))
    pattern = None if decimals is None else "#,##0." + "0" * decimals if decimals else "#,##0"
    text: str = babel_numbers.format_decimal(value, format=pattern, locale=lang)
    if not any(ch in "123456789" for ch in text):
        text = text.lstrip("-\u2212")  # rounded to zero: never "-0,0"
    return text


def change(value: int | float | Decimal, lang: str, *, decimals: int | None = None) -> str:
    """A change from an earlier period with its sign: "+0,5", "-1,5", "0"."""
    text = number(value, lang, decimals=decimals)
    nonzero = any(ch in "123456789" for ch in text)
    return f"+{text}" if value > 0 and nonzero else text
