"""Tell whether a PDF is an unaltered signed protocol of this database (M-11)."""

from __future__ import annotations

import io
import json
import logging
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any

from app.documents.verification import MARK_KEY, parse_mark
from app.mentoring.signing import code_of
from i18n import N_, parse_date

UNALTERED = "unaltered"
ALTERED = "altered"
UNKNOWN = "unknown"  # one of ours by its mark, but no signed protocol has its code here
FOREIGN = "foreign"  # not a printout of this program, or not a readable PDF at all
# What `verify` exits with (documented in its --help): a code this database cannot confirm is
# treated as an alteration (a forged code reads the same way), never as "fine".
EXIT_CODES = {UNALTERED: 0, ALTERED: 1, UNKNOWN: 1, FOREIGN: 2}
# Deeper than any page of ours: a hostile file could nest objects without end.
_MAX_DEPTH = 40
# Keys that point back up the tree (to the page, the page tree) rather than at what is drawn.
_UPWARD = frozenset({"/Parent", "/P"})


@dataclass(frozen=True)
class Verdict:
    """The outcome of a check, with a catalog message id and its values."""

    status: str
    message_id: str
    params: dict[str, Any] = field(default_factory=dict)

    @property
    def exit_code(self) -> int:
        """The command's exit code for this outcome."""
        return EXIT_CODES[self.status]


def _canonical(obj: Any, depth: int = 0, path: frozenset[tuple[int, int]] = frozenset()) -> Any:
    """A comparable value of a PDF object: references resolved, streams decoded, so two files
    that draw the same pages compare equal whatever their object numbers or compression.
    """
    from pypdf.generic import ArrayObject, DictionaryObject, IndirectObject, StreamObject

    if depth > _MAX_DEPTH:
        raise ValueError("nested too deep")
    if isinstance(obj, IndirectObject):
        key = obj.idnum, obj.generation
        if key in path:
            return ("cycle",)
        return _canonical(obj.get_object(), depth + 1, path | {key})
    if isinstance(obj, StreamObject):
        head = {k: v for k, v in obj.items() if k not in ("/Length", "/Filter", "/DecodeParms")}
        return ("stream", _canonical(DictionaryObject(head), depth + 1, path), obj.get_data())
    if isinstance(obj, DictionaryObject):
        return tuple(
            sorted(
                (str(k), _canonical(v, depth + 1, path)) for k, v in obj.items() if k not in _UPWARD
            )
        )
    if isinstance(obj, ArrayObject):
        return tuple(_canonical(v, depth + 1, path) for v in obj)
    return (type(obj).__name__, str(obj))


@contextmanager
def _quiet_reader() -> Iterator[None]:
    """pypdf logs each repair of a damaged file; the verdict says it once, so they stay out of
    the terminal (with no handler of its own, Python would print them to stderr).
    """
    log = logging.getLogger("pypdf")
    handler, propagate = logging.NullHandler(), log.propagate
    log.addHandler(handler)
    log.propagate = False
    try:
        yield
    finally:
        log.removeHandler(handler)
        log.propagate = propagate


def _pages(data: bytes) -> list[Any]:
    """Every page as drawn: contents, resources (fonts, images), annotations, boxes."""
    from pypdf import PdfReader

    with _quiet_reader():
        reader = PdfReader(io.BytesIO(data), strict=False)
        return [_canonical(page) for page in reader.pages]


def _mark(data: bytes) -> str | None:
    """The verification mark in the information dictionary; None when the file is unreadable."""
    from pypdf import PdfReader

    try:
        with _quiet_reader():
            meta: dict[str, Any] = dict(PdfReader(io.BytesIO(data), strict=False).metadata or {})
            return str(meta.get("/" + MARK_KEY) or "")
    except Exception:  # any damage to a file we cannot read is one answer
        return None


def verify_pdf(data: bytes, lookup: Callable[[str], str | None]) -> Verdict:
    """Check a printed protocol against the one signed in this database: its mark names the
    code, language and print date; the signed content of that code is rendered again, which
    gives the very bytes printed (archival.py). Any other file is altered; its pages are then
    compared drawing by drawing to say how (a box painted over a decision changes the page
    although the text layer stays the same).

    `lookup(code)` returns the stored canonical content of a signed protocol, or None.
    """
    from app.documents.protocol import build_protocol

    found = _mark(data)
    if found is None:
        return Verdict(FOREIGN, N_("The file is not a readable PDF."))
    parsed = parse_mark(found)
    if parsed is None:
        return Verdict(FOREIGN, N_("The file carries no Tälimger verification code."))
    code, lang, printed_on = parsed
    stored = lookup(code)
    if stored is None:
        return Verdict(UNKNOWN, N_("Unknown: no signed protocol with this code in this database."))
    content = json.loads(stored)
    params = {
        "number": content.get("number", "?"),
        "date": parse_date(content["held_on"]).strftime("%d.%m.%Y"),
    }
    if code_of(content) != code:
        return Verdict(
            ALTERED,
            N_("Altered: protocol No. {number} of {date} differs from the one in the database."),
            params,
        )
    expected = build_protocol(content, lang=lang, code=code, printed_on=printed_on)
    if data == expected:
        return Verdict(UNALTERED, N_("Unaltered protocol No. {number} of {date}."), params)
    # Not the file printed: say whether what it shows differs too.
    try:
        same_pages = _pages(data) == _pages(expected)
    except Exception:  # a page that cannot be read back is not the signed page
        return Verdict(
            ALTERED,
            N_("Altered: the pages of protocol No. {number} of {date} are damaged."),
            params,
        )
    if not same_pages:
        return Verdict(
            ALTERED,
            N_(
                "Altered: the printed pages of protocol No. {number} of "
                "{date} differ from its signed content."
            ),
            params,
        )
    return Verdict(
        ALTERED,
        N_(
            "Altered: the file of protocol No. {number} of {date} was changed after printing, "
            "although its pages still show the signed content."
        ),
        params,
    )
