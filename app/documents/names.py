"""Names printed in the document's language where a free-text field holds a known one."""

from __future__ import annotations

# Positions are typed by hand (P-2); the usual ones have a name in each language, so a
# Russian register does not print "Сот приставы" nor a Kazakh one "Судебный пристав".
# Anything else is printed as entered.
POSITIONS: tuple[tuple[str, str], ...] = (
    ("Судья", "Судья"),
    ("Төраға", "Председатель"),
    ("Сот төрағасы", "Председатель суда"),
    ("Сот төрағасының орынбасары", "Заместитель председателя суда"),
    ("Сот алқасының төрағасы", "Председатель судебной коллегии"),
    ("Отставкадағы судья", "Судья в отставке"),
    ("Судьялыққа кандидат", "Кандидат в судьи"),
    ("Сот приставы", "Судебный пристав"),
    ("Сот отырысының хатшысы", "Секретарь судебного заседания"),
    ("Сот аппаратының бас маманы", "Главный специалист аппарата суда"),
    ("Сот аппаратының жетекші маманы", "Ведущий специалист аппарата суда"),
    ("Сот орындаушысы", "Судебный исполнитель"),
    ("Сот аппаратының басшысы", "Руководитель аппарата суда"),
    ("Заң консультанты", "Юридический консультант"),
)
_BY_NAME = {" ".join(name.casefold().split()): pair for pair in POSITIONS for name in pair}


def position(text: str, lang: str) -> str:
    """A position in the document's language when it is a known one, else as entered."""
    pair = _BY_NAME.get(" ".join(text.casefold().split()))
    if pair is None:
        return text
    return pair[0] if lang == "kk" else pair[1]
