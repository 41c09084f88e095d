"""Both catalogs complete, placeholders identical, plural forms right, formats as documents use."""

from __future__ import annotations

import re
from datetime import date

import pytest
from babel.messages.pofile import read_po

import i18n
from i18n.catalogs import LOCALE_DIR, missing
from i18n.collation import fold, sort_key

PLACEHOLDER = re.compile(r"\{(\w*)\}")


def test_every_message_has_kk_and_ru_text() -> None:
    assert missing() == []


@pytest.mark.parametrize("lang", ["kk", "ru"])
def test_placeholders_match_the_source(lang: str) -> None:
    with (LOCALE_DIR / lang / "LC_MESSAGES" / "messages.po").open("rb") as fh:
        catalog = read_po(fh, locale=lang)
    wrong = []
    for msg in catalog:
        if not msg.id:
            continue
        ids = msg.id if isinstance(msg.id, tuple) else (msg.id,)
        strings = msg.string if isinstance(msg.string, tuple) else (msg.string,)
        expected = set(PLACEHOLDER.findall(ids[-1]))
        for text in strings:
            if text and set(PLACEHOLDER.findall(text)) != expected:
                wrong.append((ids[0], text))
    assert wrong == []


def test_plural_forms_per_language() -> None:
    i18n.set_language("ru")
    forms = [
        i18n.ngettext("{count} person", "{count} people", n).format(count=n) for n in (1, 3, 5, 21)
    ]
    assert forms == ["1 лицо", "3 лица", "5 лиц", "21 лицо"]
    i18n.set_language("kk")
    assert i18n.ngettext("{count} person", "{count} people", 5).format(count=5) == "5 тұлға"


def test_document_dates() -> None:
    day = date(2026, 11, 21)
    assert i18n.format_date(day, "kk") == "21.11.2026"
    # Official dates (DOMAIN "Official dates", seeds 002 and 004): kk year first with "жылғы".
    assert i18n.format_date_long(day, "kk") == "2026 жылғы 21 қараша"
    assert i18n.format_date_long(day, "kk", locative=True) == "2026 жылғы 21 қарашадағы"
    assert i18n.format_date_long(day, "ru") == "21 ноября 2026 г."


def test_switching_language_notifies_listeners() -> None:
    seen: list[str] = []
    i18n.add_language_listener(seen.append)
    try:
        i18n.set_language("ru")
        assert i18n._("Settings") == "Настройки"
        i18n.set_language("kk")
        assert i18n._("Settings") == "Баптаулар"
    finally:
        i18n.remove_language_listener(seen.append)
    assert seen == ["ru", "kk"]


def test_kazakh_folding_and_order() -> None:
    assert fold("ӘҒҚҢӨҰҮҺІ") == "әғқңөұүһі"
    words = ["Іңкәр", "Ыбырай", "Һаким", "Хасен", "Үміт", "Ұлан", "Уәлихан", "Өмір", "Оспан"]
    assert sorted(words, key=sort_key) == [
        "Оспан",
        "Өмір",
        "Уәлихан",
        "Ұлан",
        "Үміт",
        "Хасен",
        "Һаким",
        "Ыбырай",
        "Іңкәр",
    ]
