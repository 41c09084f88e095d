"""Passphrase encryption of packages: scrypt (hashlib) and AES-256-GCM (PyCryptodome)."""

from __future__ import annotations

import hashlib
import os

from Crypto.Cipher import AES
from Crypto.Cipher._mode_gcm import GcmMode

from app.core.errors import DomainError
from i18n import N_

MAGIC = b"TALIMGER-EXCHANGE-1\n"
SALT_BYTES = 16
NONCE_BYTES = 12
TAG_BYTES = 16
# scrypt cost: ~32 MiB and a fraction of a second per package, far too slow to guess passphrases.
SCRYPT_N, SCRYPT_R, SCRYPT_P = 2**15, 8, 1
PASSPHRASE_MIN = 8


class PackageError(DomainError):
    """The file is not a package, is damaged, or the passphrase is wrong."""


def _key(passphrase: str, salt: bytes) -> bytes:
    # PyCryptodome rather than `cryptography`: the same AES-GCM for a tenth of the bundle size.
    return hashlib.scrypt(
        passphrase.encode("utf-8"),
        salt=salt,
        n=SCRYPT_N,
        r=SCRYPT_R,
        p=SCRYPT_P,
        maxmem=64 * 1024 * 1024,
        dklen=32,
    )


def _cipher(key: bytes, nonce: bytes) -> GcmMode:
    cipher = AES.new(key, AES.MODE_GCM, nonce=nonce, mac_len=TAG_BYTES)
    cipher.update(MAGIC)  # the header is authenticated too
    return cipher


def seal(plain: bytes, passphrase: str) -> bytes:
    """Encrypt and authenticate a package body."""
    if len(passphrase) < PASSPHRASE_MIN:
        raise PackageError(
            N_("The passphrase must have at least {limit} characters."), limit=PASSPHRASE_MIN
        )
    salt, nonce = os.urandom(SALT_BYTES), os.urandom(NONCE_BYTES)
    sealed, tag = _cipher(_key(passphrase, salt), nonce).encrypt_and_digest(plain)
    return bytes(MAGIC + salt + nonce + sealed + tag)  # ciphertext then tag (RFC 5116)


def unseal(data: bytes, passphrase: str) -> bytes:
    """Decrypt a package; a wrong passphrase and a damaged file are told apart from others."""
    if not data.startswith(MAGIC):
        raise PackageError(N_("This file is not a Tälimger exchange package."))
    head = len(MAGIC)
    salt = data[head : head + SALT_BYTES]
    nonce = data[head + SALT_BYTES : head + SALT_BYTES + NONCE_BYTES]
    body = data[head + SALT_BYTES + NONCE_BYTES :]
    try:
        if len(body) < TAG_BYTES:
            raise ValueError("too short")
        cipher = _cipher(_key(passphrase, salt), nonce)
        return bytes(cipher.decrypt_and_verify(body[:-TAG_BYTES], body[-TAG_BYTES:]))
    except ValueError:
        raise PackageError(
            N_("The package cannot be opened: the passphrase is wrong or the file is damaged.")
        ) from None
