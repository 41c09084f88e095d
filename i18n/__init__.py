"""Translation and locale formatting over Babel: _(), N_(), ngettext(), set_language()."""

from __future__ import annotations

import gettext
import io
import os
from collections.abc import Callable
from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # Babel's date and number data load on first use, not at start-up
    from decimal import Decimal

    from babel import Locale

LOCALE_DIR = Path(__file__).resolve().parent / "locale"
LANGUAGES = ("kk", "ru")
DEFAULT_LANGUAGE = "kk"
DOMAINS = ("messages",)

_state: dict[str, object] = {"lang": DEFAULT_LANGUAGE, "tr": gettext.NullTranslations()}
_listeners: list[Callable[[str], None]] = []


def _load_domain(lang: str, domain: str) -> gettext.NullTranslations | None:
    folder = LOCALE_DIR / lang / "LC_MESSAGES"
    po, mo = folder / f"{domain}.po", folder / f"{domain}.mo"
    if mo.exists() and (not po.exists() or mo.stat().st_mtime >= po.stat().st_mtime):
        with mo.open("rb") as fh:
            return gettext.GNUTranslations(fh)
    if not po.exists():
        return None
    # A fresh clone has only .po files: compile them so no build step is needed to run, and
    # keep the result beside them (when the folder is writable) so the next start reads it.
    from babel.messages.mofile import write_mo
    from babel.messages.pofile import read_po

    with po.open("rb") as fh:
        catalog = read_po(fh, locale=lang, domain=domain)
    buf = io.BytesIO()
    write_mo(buf, catalog, use_fuzzy=False)
    try:
        partial = mo.with_name(f"{mo.name}.{os.getpid()}.partial")
        partial.write_bytes(buf.getvalue())
        partial.replace(mo)
    except OSError:
        pass  # a read-only install compiles in memory every time
    buf.seek(0)
    return gettext.GNUTranslations(buf)


def load_translations(lang: str) -> gettext.NullTranslations:
    """All catalogs of a language chained into one translations object."""
    if lang not in LANGUAGES:
        raise ValueError(f"unsupported language {lang!r}; choose one of {LANGUAGES}")
    result: gettext.NullTranslations | None = None
    for domain in DOMAINS:
        tr = _load_domain(lang, domain)
        if tr is None:
            continue
        if result is None:
            result = tr
        else:
            result.add_fallback(tr)
    return result or gettext.NullTranslations()


def set_language(lang: str) -> None:
    """Switch the active language and tell listeners (the GUI retranslates on this)."""
    _state["tr"] = load_translations(lang)
    _state["lang"] = lang
    for listener in list(_listeners):
        listener(lang)


def add_language_listener(listener: Callable[[str], None]) -> None:
    """Call listener(lang) after every language switch."""
    _listeners.append(listener)


def remove_language_listener(listener: Callable[[str], None]) -> None:
    """Stop calling a listener."""
    if listener in _listeners:
        _listeners.remove(listener)


def current_language() -> str:
    """The active language code: kk or ru."""
    return str(_state["lang"])


def _tr() -> gettext.NullTranslations:
    tr = _state["tr"]
    assert isinstance(tr, gettext.NullTranslations)
    return tr


def _(message: str) -> str:
    """Translate a message into the active language."""
    return _tr().gettext(message)


def N_(message: str) -> str:
    """Mark a message for extraction; translate it later with _()."""
    return message


def ngettext(singular: str, plural: str, n: int) -> str:
    """Translate a message with a count (Russian has three forms, Kazakh two)."""
    return _tr().ngettext(singular, plural, n)


def pgettext(context: str, message: str) -> str:
    """Translate a message in a context, for words that differ by use."""
    return _tr().pgettext(context, message)


def localized(kk: str, ru: str, lang: str | None = None) -> str:
    """Pick the kk or ru value of a bilingual field for the active language."""
    return kk if (lang or current_language()) == "kk" else ru


def babel_locale(lang: str | None = None) -> Locale:
    """Babel Locale of a language code."""
    from babel import Locale

    return Locale.parse(lang or current_language())


def format_date(value: date | None, lang: str | None = None) -> str:
    """Short document date: dd.MM.yyyy."""
    if value is None:
        return ""
    # A fixed pattern needs no locale data: the document form is dd.MM.yyyy in kk and ru.
    return f"{value.day:02d}.{value.month:02d}.{value.year:04d}"


def format_date_long(value: date, lang: str | None = None, *, locative: bool = False) -> str:
    """Long document date as the seeds write it: "2026 жылғы 21 қараша" / "21 ноября 2026 г."."""
    from i18n.official import long_date

    return long_date(value, lang or current_language(), locative=locative)


def blank_date(lang: str | None = None) -> str:
    """A date line to fill in by hand: "20__ жылғы «__» ____" / "«__» ____ 20__ г."."""
    from i18n.official import blank_date as blank

    return blank(lang or current_language())


def format_datetime(value: datetime, lang: str | None = None) -> str:
    """Date and time for logs: dd.MM.yyyy HH:mm in local time."""
    from babel import dates as babel_dates

    local = value.astimezone() if value.tzinfo else value
    return babel_dates.format_datetime(local, "dd.MM.yyyy HH:mm", locale=babel_locale(lang))


def format_number(
    value: int | float | Decimal, lang: str | None = None, *, decimals: int | None = None
) -> str:
    """A number with the locale's grouping and decimal signs (a comma in kk and ru), never -0."""
    from i18n.official import number

    return number(value, lang or current_language(), decimals=decimals)


def format_change(
    value: int | float | Decimal, lang: str | None = None, *, decimals: int | None = None
) -> str:
    """A change with its sign, "+0,5" / "-1,5" / "0", as format_number writes numbers."""
    from i18n.official import change

    return change(value, lang or current_language(), decimals=decimals)


def parse_date(text: str) -> date:
    """Parse dd.MM.yyyy or yyyy-mm-dd; raise ValueError otherwise."""
    text = text.strip()
    for fmt in ("%d.%m.%Y", "%Y-%m-%d"):
        try:
            return datetime.strptime(text, fmt).date()
        except ValueError:
            continue
    raise ValueError(text)


_cache: dict[str, gettext.NullTranslations] = {}


def _cached(lang: str) -> gettext.NullTranslations:
    if lang not in _cache:
        _cache[lang] = load_translations(lang)
    return _cache[lang]


def translator(lang: str) -> Callable[[str], str]:
    """A _() bound to one language, for documents printed in a language other than the UI's."""
    return _cached(lang).gettext


def plural_translator(lang: str) -> Callable[[str, str, int], str]:
    """An ngettext() bound to one language."""
    return _cached(lang).ngettext
