"""Open a package: decrypt, decompress within bounds, verify its checksum."""

from __future__ import annotations

import hashlib
import json
import zlib
from dataclasses import dataclass
from typing import Any

from app.exchange.crypto import PackageError, unseal
from app.exchange.export import FORMAT, FORMAT_VERSION
from i18n import N_

# Issue 15 #8: a 389 KB package expanded to 400 MB before its checksum was refused. JSON of
# records compresses about 5 to 8 times, so more than RATIO times the compressed size, or
# more than MAX_PLAIN in all, is not a package this program made; it is refused as it grows.
RATIO = 100
MIN_PLAIN = 16 * 1024 * 1024
MAX_PLAIN = 256 * 1024 * 1024
_IN_STEP = 64 * 1024
_OUT_STEP = 1024 * 1024


def inflate(compressed: bytes) -> bytes:
    """Decompress as a stream, refusing the package as soon as it outgrows its bound."""
    limit = min(MAX_PLAIN, max(MIN_PLAIN, RATIO * len(compressed)))
    inflater = zlib.decompressobj()
    parts: list[bytes] = []
    total = 0
    view = memoryview(compressed)
    try:
        for start in range(0, len(view), _IN_STEP):
            pending: bytes | memoryview = view[start : start + _IN_STEP]
            while pending:
                out = inflater.decompress(pending, _OUT_STEP)
                total += len(out)
                if total > limit:
                    raise PackageError(
                        N_(
                            "The package would expand to more than {limit} MB; it is not "
                            "a package made by Tälimger and was not opened."
                        ),
                        limit=limit // (1024 * 1024),
                    )
                parts.append(out)
                pending = inflater.unconsumed_tail
            if inflater.eof:
                break
    except zlib.error:
        raise PackageError(N_("The package is damaged.")) from None
    if not inflater.eof:
        raise PackageError(N_("The package is damaged."))
    return b"".join(parts)


@dataclass(frozen=True)
class Opened:
    """A package's body and who signed it (checked against the paired key by the importer)."""

    body: dict[str, Any]
    checksum: str
    signer: str
    signature: str


def open_package(data: bytes, passphrase: str) -> Opened:
    """Decrypt, decompress and verify the checksum of a package; its signature comes along."""
    inflated = inflate(unseal(data, passphrase))
    try:
        envelope = json.loads(inflated.decode("utf-8"))
        del inflated
        text = envelope["body"]
        checksum = hashlib.sha256(text.encode("utf-8")).hexdigest()
        ok = checksum == envelope["sha256"]
        body: dict[str, Any] = json.loads(text)
        signer, signature = str(envelope.get("signer", "")), str(envelope.get("signature", ""))
    except (UnicodeDecodeError, ValueError, KeyError, TypeError):
        raise PackageError(N_("The package is damaged.")) from None
    if not ok:
        raise PackageError(N_("The package is damaged: its checksum does not match."))
    if not isinstance(body, dict) or body.get("format") != FORMAT:
        raise PackageError(N_("This file is not a Tälimger exchange package."))
    if body.get("format_version") != FORMAT_VERSION:
        raise PackageError(
            N_(
                "The package was made by another version of Tälimger; update "
                "both PCs to the same version."
            )
        )
    return Opened(body, checksum, signer, signature)


def unpack(data: bytes, passphrase: str) -> dict[str, Any]:
    """The body of a package (decrypted, decompressed, checksum verified)."""
    return open_package(data, passphrase).body
