"""Kazakh/Russian alphabetical order as a plain sort key that any SQL backend orders right."""

from __future__ import annotations

import unicodedata

# The Kazakh Cyrillic alphabet; Russian order is a subsequence of it, so one key serves both.
KAZAKH_ALPHABET = "аәбвгғдеёжзийкқлмнңоөпрстуұүфхһцчшщъыіьэюя"
_LATIN = "abcdefghijklmnopqrstuvwxyz"
_DIGITS = "0123456789"

# Two decimal digits per letter: a digits-only key sorts the same under SQLite's binary
# collation and under any PostgreSQL locale, which would otherwise reorder Cyrillic.
_RANK: dict[str, str] = {}
for _i, _ch in enumerate(_DIGITS + KAZAKH_ALPHABET + _LATIN):
    _RANK[_ch] = f"{_i + 10:02d}"
_SEPARATOR = "01"  # between words: "Ан Б" before "Ана"
_OTHER = "99"


def fold(text: str) -> str:
    """Case-fold for search: Python lowers Ә→ә, І→і, Ұ→ұ where SQLite's lower() does not."""
    return unicodedata.normalize("NFC", text).lower().replace("\u0130", "i")


def sort_key(*parts: str) -> str:
    """Key for alphabetical order of names in Kazakh and Russian."""
    out: list[str] = []
    for part in parts:
        words = fold(part).split()
        for word in words:
            out.extend(_RANK.get(ch, _OTHER) for ch in word if ch.isalnum())
            out.append(_SEPARATOR)
    return "".join(out)
