"""How a printed protocol carries its verification code and signed content (see signing)."""

from __future__ import annotations

import base64
import binascii
import json
from typing import Any

from app.mentoring.signing import canonical

MARK = "TALIMGER-PROTOCOL-1"


def grouped(code: str) -> str:
    """The code as printed: upper-case groups of four, easy to read out and compare."""
    return " ".join(code[i : i + 4].upper() for i in range(0, len(code), 4))


def pack(content: dict[str, Any]) -> str:
    """The content as ASCII for the PDF metadata (base64 of the canonical bytes)."""
    return base64.b64encode(canonical(content)).decode("ascii")


def unpack(text: str) -> tuple[dict[str, Any] | None, bytes]:
    """Content and its raw bytes from packed text; (None, b"") when it does not decode."""
    try:
        raw = base64.b64decode(text.encode("ascii"), validate=True)
        content = json.loads(raw.decode("utf-8"))
    except (binascii.Error, ValueError, UnicodeError):
        return None, b""
    return (content, raw) if isinstance(content, dict) else (None, b"")


def subject_line(code: str, lang: str, printed_on: str) -> str:
    """The PDF Subject that carries the code, language and print date."""
    return f"{MARK} {code} {lang} {printed_on}"


def parse_subject(subject: str) -> tuple[str, str, str] | None:
    """(code, lang, printed_on) from a Subject, or None when it is not ours."""
    parts = subject.split()
    if len(parts) != 4 or parts[0] != MARK:
        return None
    return parts[1], parts[2], parts[3]
