"""Tell whether a PDF is an unaltered signed protocol of this database (M-11)."""

from __future__ import annotations

import io
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from app.documents.verification import parse_subject, unpack
from app.mentoring.signing import canonical, code_of
from i18n import N_, parse_date

UNALTERED = "unaltered"
ALTERED = "altered"
UNKNOWN = "unknown"


@dataclass(frozen=True)
class Verdict:
    """The outcome of a check, with a catalog message id and its values."""

    status: str
    message_id: str
    params: dict[str, Any]


def _text(data: bytes) -> list[str]:
    from pypdf import PdfReader

    reader = PdfReader(io.BytesIO(data))
    return [" ".join(page.extract_text().split()) for page in reader.pages]


def verify_pdf(data: bytes, lookup: Callable[[str], str | None]) -> Verdict:
    """Check a PDF: code = SHA-256 of the embedded content, visible text = that content,
    and the database holds a signed protocol with that code and content.

    `lookup(code)` returns the stored canonical content of a signed protocol, or None.
    """
    from pypdf import PdfReader
    from pypdf.errors import PdfReadError

    from app.documents.protocol import build_protocol

    try:
        meta: dict[str, Any] = dict(PdfReader(io.BytesIO(data)).metadata or {})
    except (PdfReadError, ValueError, OSError):
        return Verdict(UNKNOWN, N_("The file is not a readable PDF."), {})
    parsed = parse_subject(str(meta.get("/Subject") or ""))
    if parsed is None:
        return Verdict(UNKNOWN, N_("The file carries no Tälimger verification code."), {})
    code, lang, printed = parsed
    content, raw = unpack(str(meta.get("/Keywords") or ""))
    if content is None:
        return Verdict(ALTERED, N_("Altered: the embedded protocol content is damaged."), {})
    params = {"number": content.get("number", "?"), "date": str(content.get("held_on", "?"))}
    if code_of(content) != code or canonical(content) != raw:
        return Verdict(
            ALTERED,
            N_("Altered: protocol No. {number} of {date} does not match its verification code."),
            params,
        )
    try:
        params["date"] = parse_date(content["held_on"]).strftime("%d.%m.%Y")
        expected = _text(
            build_protocol(content, lang=lang, code=code, printed_on=parse_date(printed))
        )
    except (KeyError, TypeError, ValueError):
        return Verdict(ALTERED, N_("Altered: the embedded protocol content is damaged."), {})
    if _text(data) != expected:
        return Verdict(
            ALTERED,
            N_(
                "Altered: the printed text of protocol No. {number} of "
                "{date} differs from its signed content."
            ),
            params,
        )
    stored = lookup(code)
    if stored is None:
        return Verdict(
            UNKNOWN, N_("Unknown: no signed protocol with this code in this database."), params
        )
    if stored.encode("utf-8") != raw:
        return Verdict(
            ALTERED,
            N_("Altered: protocol No. {number} of {date} differs from the one in the database."),
            params,
        )
    return Verdict(UNALTERED, N_("Unaltered protocol No. {number} of {date}."), params)
