"""Kazakh/Russian alphabetical order as a plain sort key that any SQL backend orders right."""

from __future__ import annotations

import unicodedata

# The Kazakh Cyrillic alphabet (sort_key); Russian order differs only around і (sort_key_ru).
KAZAKH_ALPHABET = "аәбвгғдеёжзийкқлмнңоөпрстуұүфхһцчшщъыіьэюя"
_LATIN = "abcdefghijklmnopqrstuvwxyz"
_DIGITS = "0123456789"

# Two decimal digits per letter: a digits-only key sorts the same under SQLite's binary
# collation and under any PostgreSQL locale, which would otherwise reorder Cyrillic.
_RANK: dict[str, str] = {}
for _i, _ch in enumerate(_DIGITS + KAZAKH_ALPHABET + _LATIN):
    _RANK[_ch] = f"{_i + 10:02d}"
# Russian order places the Kazakh letters as Russian dictionaries and ICU do: each after the
# Russian letter it resembles, і after и (in Kazakh it follows ы); the other letters agree.
RUSSIAN_ALPHABET = "аәбвгғдеёжзиійкқлмнңоөпрстуұүфхһцчшщъыьэюя"
_RANK_RU: dict[str, str] = {}
for _i, _ch in enumerate(_DIGITS + RUSSIAN_ALPHABET + _LATIN):
    _RANK_RU[_ch] = f"{_i + 10:02d}"
_SEPARATOR = "01"  # between words: "Ан Б" before "Ана"
_OTHER = "99"


def fold(text: str) -> str:
    """Case-fold for search: Python lowers Ә→ә, І→і, Ұ→ұ where SQLite's lower() does not."""
    return unicodedata.normalize("NFC", text).lower().replace("\u0130", "i")


def sort_key(*parts: str) -> str:
    """Key for Kazakh alphabetical order of names (the first stored key)."""
    return _key(_RANK, parts)


def sort_key_ru(*parts: str) -> str:
    """Key for Russian alphabetical order of names (the second stored key: і after и)."""
    return _key(_RANK_RU, parts)


def collation_key(text: str, lang: str | None = None) -> str:
    """Key for the alphabetical order of the language shown (kk: Kazakh, ru: Russian)."""
    from i18n import current_language

    return _key(_RANK_RU if (lang or current_language()) == "ru" else _RANK, (text,))


def _key(rank: dict[str, str], parts: tuple[str, ...]) -> str:
    out: list[str] = []
    for part in parts:
        words = fold(part).split()
        for word in words:
            out.extend(rank.get(ch, _OTHER) for ch in word if ch.isalnum())
            out.append(_SEPARATOR)
    return "".join(out)


def bilingual_key(kk_key: str, ru_text: str, lang: str | None = None) -> str:
    """Order of a record named in both languages (a court): its stored Kazakh key in kk, the
    Russian name's Russian key in ru (the stored key follows the Kazakh name only).
    """
    from i18n import current_language

    return _key(_RANK_RU, (ru_text,)) if (lang or current_language()) == "ru" else kk_key
