"""The protocol's verification code (M-11): SHA-256 of the canonical form of its signed content."""

from __future__ import annotations

import hashlib
import json
from typing import Any


def canonical(content: dict[str, Any]) -> bytes:
    """One byte sequence per content: sorted keys, no spaces, UTF-8."""
    return json.dumps(content, ensure_ascii=False, sort_keys=True, separators=(",", ":")).encode(
        "utf-8"
    )


def code_of(content: dict[str, Any]) -> str:
    """The verification code: SHA-256 of the canonical content, lower-case hex."""
    return hashlib.sha256(canonical(content)).hexdigest()
