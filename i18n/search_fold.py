"""Search folding: Kazakh letters, their Russian spellings and the 2021 Kazakh Latin meet."""

from __future__ import annotations

import unicodedata

from i18n.collation import fold

# Every spelling goes to one Latin skeleton: a Kazakh letter and the Russian letter typed in
# its place (ә/а, қ/к, ұ/ү/у, і/и/й …) land on the same letters, and so does the Latin
# alphabet of 2021 (Ä, Q, Ū, I/ı) once its diacritics are dropped.
_CYRILLIC = {
    "а": "a", "ә": "a", "б": "b", "в": "v", "г": "g", "ғ": "g", "д": "d", "е": "e",
    "ё": "e", "ж": "j", "з": "z", "и": "i", "й": "i", "к": "k", "қ": "k", "л": "l",
    "м": "m", "н": "n", "ң": "n", "о": "o", "ө": "o", "п": "p", "р": "r", "с": "s",
    "т": "t", "у": "u", "ұ": "u", "ү": "u", "ф": "f", "х": "h", "һ": "h", "ц": "ts",
    "ч": "ch", "ш": "sh", "щ": "sh", "ъ": "", "ы": "i", "і": "i", "ь": "", "э": "e",
    "ю": "iu", "я": "ia",
}  # fmt: skip
# Latin letters and pairs that other transliterations use for the same sounds.
_LATIN = {"ı": "i", "q": "k", "y": "i", "w": "v", "x": "h", "ş": "sh", "ç": "ch"}
_PAIRS = (("shch", "sh"), ("zh", "j"), ("kh", "h"))

# Separates the loose skeleton from the exact (case-folded) spelling in the stored column.
EXACT_MARK = "|"


KAZAKH_ONLY = frozenset("әғқңөұүһі")


def is_spelled_kazakh(word: str) -> bool:
    """A word typed with Kazakh letters means that spelling: "Әбі" finds Әбілов, not Абилов."""
    return any(ch in KAZAKH_ONLY for ch in fold(word))


def loose(text: str) -> str:
    """The spelling-blind skeleton of a text: Абилов, Әбілов, Abilov and Äbılov agree."""
    out: list[str] = []
    for ch in fold(text):
        if ch in _CYRILLIC:
            out.append(_CYRILLIC[ch])
        elif ch in _LATIN:
            out.append(_LATIN[ch])
        else:
            base = unicodedata.normalize("NFD", ch)[0]
            out.append(_LATIN.get(base, base))
    skeleton = "".join(out)
    for pair, single in _PAIRS:
        skeleton = skeleton.replace(pair, single)
    return skeleton


COLUMN_LENGTH = 600  # db.models.people.Person.search_text


def search_column(*parts: str) -> str:
    """What the store keeps for searching: the skeleton, then the exact spelling for ranking."""
    text = " ".join(p for p in parts if p)
    exact = f" {EXACT_MARK} {fold(text)}"
    # Names of up to 3 × 120 letters fit whole; only an absurdly long one loses skeleton tail.
    return loose(text)[: max(COLUMN_LENGTH - len(exact), 0)] + exact


def matches(query: str, text: str) -> bool:
    """The same rule as the SQL search, for lists filtered in Python."""
    exact, skeleton = fold(text), loose(text)
    return all(
        fold(w) in exact if is_spelled_kazakh(w) else loose(w) in skeleton for w in query.split()
    )
