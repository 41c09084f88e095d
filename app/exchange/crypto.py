"""Passphrase encryption of packages: scrypt key derivation and AES-256-GCM (``cryptography``)."""

from __future__ import annotations

import os

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.scrypt import Scrypt

from app.errors import DomainError
from i18n import N_

MAGIC = b"TALIMGER-EXCHANGE-1\n"
SALT_BYTES = 16
NONCE_BYTES = 12
# scrypt cost: ~32 MiB and a fraction of a second per package, far too slow to guess passphrases.
SCRYPT_N, SCRYPT_R, SCRYPT_P = 2**15, 8, 1
PASSPHRASE_MIN = 8


class PackageError(DomainError):
    """The file is not a package, is damaged, or the passphrase is wrong."""


def _key(passphrase: str, salt: bytes) -> bytes:
    kdf = Scrypt(salt=salt, length=32, n=SCRYPT_N, r=SCRYPT_R, p=SCRYPT_P)
    return kdf.derive(passphrase.encode("utf-8"))


def seal(plain: bytes, passphrase: str) -> bytes:
    """Encrypt and authenticate a package body."""
    if len(passphrase) < PASSPHRASE_MIN:
        raise PackageError(
            N_("The passphrase must have at least {limit} characters."), limit=PASSPHRASE_MIN
        )
    salt, nonce = os.urandom(SALT_BYTES), os.urandom(NONCE_BYTES)
    return MAGIC + salt + nonce + AESGCM(_key(passphrase, salt)).encrypt(nonce, plain, MAGIC)


def unseal(data: bytes, passphrase: str) -> bytes:
    """Decrypt a package; a wrong passphrase and a damaged file are told apart from others."""
    if not data.startswith(MAGIC):
        raise PackageError(N_("This file is not a Tälimger exchange package."))
    head = len(MAGIC)
    salt = data[head : head + SALT_BYTES]
    nonce = data[head + SALT_BYTES : head + SALT_BYTES + NONCE_BYTES]
    body = data[head + SALT_BYTES + NONCE_BYTES :]
    try:
        return AESGCM(_key(passphrase, salt)).decrypt(nonce, body, MAGIC)
    except (InvalidTag, ValueError):
        raise PackageError(
            N_("The package cannot be opened: the passphrase is wrong or the file is damaged.")
        ) from None
