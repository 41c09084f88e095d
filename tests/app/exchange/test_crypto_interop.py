"""Packages are standard scrypt + AES-256-GCM: a second, independent implementation opens them."""

from __future__ import annotations

import pytest

from app.exchange.crypto import MAGIC, NONCE_BYTES, SALT_BYTES, PackageError, seal, unseal

cryptography = pytest.importorskip("cryptography")
from cryptography.hazmat.primitives.ciphers.aead import AESGCM  # noqa: E402
from cryptography.hazmat.primitives.kdf.scrypt import Scrypt  # noqa: E402


def _other_key(passphrase: str, salt: bytes) -> bytes:
    return Scrypt(salt=salt, length=32, n=2**15, r=8, p=1).derive(passphrase.encode("utf-8"))


def test_a_package_opens_with_the_cryptography_library() -> None:
    sealed = seal("Әбілов Ілияс — ₸".encode(), "құпия сөз 2026")
    head = len(MAGIC)
    salt, nonce = sealed[head : head + SALT_BYTES], sealed[head + SALT_BYTES :][:NONCE_BYTES]
    body = sealed[head + SALT_BYTES + NONCE_BYTES :]
    plain = AESGCM(_other_key("құпия сөз 2026", salt)).decrypt(nonce, body, MAGIC)
    assert plain.decode() == "Әбілов Ілияс — ₸"


def test_a_package_sealed_elsewhere_opens_here_and_a_flipped_bit_is_refused() -> None:
    salt, nonce = b"s" * SALT_BYTES, b"n" * NONCE_BYTES
    body = AESGCM(_other_key("passphrase-8", salt)).encrypt(nonce, b"records", MAGIC)
    data = MAGIC + salt + nonce + body
    assert unseal(data, "passphrase-8") == b"records"
    tampered = data[:-1] + bytes([data[-1] ^ 1])
    with pytest.raises(PackageError):
        unseal(tampered, "passphrase-8")
