"""Open a package: decrypt, decompress, verify its checksum."""

from __future__ import annotations

import hashlib
import json
import zlib
from typing import Any

from app.exchange.crypto import PackageError, unseal
from app.exchange.export import FORMAT, FORMAT_VERSION
from i18n import N_


def unpack(data: bytes, passphrase: str) -> dict[str, Any]:
    """Decrypt, decompress and verify the checksum of a package."""
    plain = unseal(data, passphrase)
    try:
        envelope = json.loads(zlib.decompress(plain).decode("utf-8"))
        text = envelope["body"]
        ok = hashlib.sha256(text.encode("utf-8")).hexdigest() == envelope["sha256"]
        body: dict[str, Any] = json.loads(text)
    except (zlib.error, UnicodeDecodeError, ValueError, KeyError, TypeError):
        raise PackageError(N_("The package is damaged.")) from None
    if not ok:
        raise PackageError(N_("The package is damaged: its checksum does not match."))
    if body.get("format") != FORMAT or body.get("format_version") != FORMAT_VERSION:
        raise PackageError(N_("This file is not a Tälimger exchange package."))
    return body
