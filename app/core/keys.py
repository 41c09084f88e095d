"""The store key, wrapped per user and by the recovery code, in a sidecar file beside the store.

The sidecar `<store>.keys` (JSON, owner-only) must be readable before the encrypted store is
opened, so it lives outside it. It holds no name in clear: an entry's id is a keyed hash of the
lower-cased user name. Each entry is the 32-byte store key sealed with AES-256-GCM under a key
derived from a password (or the recovery code) with argon2id; the parameters are stored with it.
"""

from __future__ import annotations

import base64
import hashlib
import json
import os
import secrets
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from argon2.low_level import Type, hash_secret_raw
from Crypto.Cipher import AES

from app.core.errors import DomainError, StoreError
from app.core.owner_only import create_private
from i18n import N_

SIDECAR_SUFFIX = ".keys"
FORMAT = 1
KEY_BYTES = 32
# argon2-cffi's defaults (RFC 9106's second recommendation scaled down for a desktop):
# ~0.1-0.3 s on an office PC, 64 MiB memory per guess for anyone trying passwords offline.
TIME_COST = 3
MEMORY_KIB = 65_536
PARALLELISM = 4
RECOVERY_ID = "recovery"
_RECOVERY_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"  # no 0/O, 1/I: it is typed from paper
RECOVERY_GROUPS = 6  # 6 groups of 5: 30 symbols of 5 bits, 150 bits


class WrongSecretError(DomainError):
    """The user name, password or recovery code does not unwrap the store key."""


WRONG_SECRET = N_("Wrong user name or password.")
WRONG_CODE = N_("This recovery code does not open the database.")


@dataclass(frozen=True)
class KdfParams:
    """argon2id parameters of one wrapped key."""

    time_cost: int = TIME_COST
    memory_kib: int = MEMORY_KIB
    parallelism: int = PARALLELISM


def sidecar_of(db_path: Path) -> Path:
    """The key file of a store."""
    return Path(f"{db_path}{SIDECAR_SUFFIX}")


def new_store_key() -> bytes:
    """A random store key (256 bits)."""
    return secrets.token_bytes(KEY_BYTES)


def new_recovery_code() -> str:
    """A recovery code to print: groups of five symbols that cannot be misread."""
    symbols = "".join(secrets.choice(_RECOVERY_ALPHABET) for _i in range(5 * RECOVERY_GROUPS))
    return "-".join(symbols[i : i + 5] for i in range(0, len(symbols), 5))


def normalise_code(code: str) -> str:
    """The code as printed, whatever spaces, dashes or case it was typed with."""
    kept = "".join(ch for ch in code.upper() if ch.isalnum())
    return "-".join(kept[i : i + 5] for i in range(0, len(kept), 5))


def derive(secret: str, salt: bytes, params: KdfParams) -> bytes:
    """One argon2id derivation: the key that wraps the store key."""
    return hash_secret_raw(
        secret.encode("utf-8"),
        salt,
        time_cost=params.time_cost,
        memory_cost=params.memory_kib,
        parallelism=params.parallelism,
        hash_len=KEY_BYTES,
        type=Type.ID,
    )


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def _unb64(text: str) -> bytes:
    return base64.b64decode(text.encode("ascii"), validate=True)


def _seal(store_key: bytes, secret: str, entry_id: str) -> dict[str, Any]:
    salt, params = secrets.token_bytes(16), KdfParams()
    cipher = AES.new(derive(secret, salt, params), AES.MODE_GCM)
    cipher.update(entry_id.encode("ascii"))  # an entry copied under another id does not open
    sealed, tag = cipher.encrypt_and_digest(store_key)
    return {
        "kdf": "argon2id",
        "time_cost": params.time_cost,
        "memory_kib": params.memory_kib,
        "parallelism": params.parallelism,
        "salt": _b64(salt),
        "nonce": _b64(cipher.nonce),
        "sealed": _b64(sealed + tag),
    }


def _open(entry: dict[str, Any], secret: str, entry_id: str) -> bytes | None:
    try:
        params = KdfParams(
            int(entry["time_cost"]), int(entry["memory_kib"]), int(entry["parallelism"])
        )
        kek = derive(secret, _unb64(entry["salt"]), params)
        cipher = AES.new(kek, AES.MODE_GCM, nonce=_unb64(entry["nonce"]))
        cipher.update(entry_id.encode("ascii"))
        blob = _unb64(entry["sealed"])
        return cipher.decrypt_and_verify(blob[:-16], blob[-16:])
    except (KeyError, TypeError, ValueError):
        return None  # a wrong secret fails the GCM tag (ValueError), as does a damaged entry


class KeyFile:
    """The sidecar of one store: read, change, write back atomically."""

    def __init__(self, db_path: Path) -> None:
        self.path = sidecar_of(db_path)
        self.data: dict[str, Any] = {"format": FORMAT, "id_salt": "", "entries": {}}

    @classmethod
    def load(cls, db_path: Path) -> KeyFile:
        """Read the sidecar; StoreError when it is missing or unreadable."""
        found = cls(db_path)
        try:
            data = json.loads(found.path.read_text(encoding="utf-8"))
        except FileNotFoundError as exc:
            raise StoreError(
                N_(
                    "The database {path} is encrypted but its key file {keys} is missing."
                    " Put the key file back beside it (it is in every backup folder)."
                ),
                path=str(db_path),
                keys=str(found.path),
            ) from exc
        except (OSError, ValueError) as exc:
            raise StoreError(
                N_("The key file {keys} cannot be read: {reason}"),
                keys=str(found.path),
                reason=str(exc),
            ) from exc
        if not isinstance(data, dict) or data.get("format") != FORMAT:
            raise StoreError(
                N_("The key file {keys} is not one this program knows."), keys=str(found.path)
            )
        found.data = data
        return found

    @classmethod
    def create(cls, db_path: Path) -> KeyFile:
        """A new, empty key file (not written until save)."""
        made = cls(db_path)
        made.data["id_salt"] = _b64(secrets.token_bytes(16))
        return made

    def user_id(self, username: str) -> str:
        """The entry id of a user: a keyed hash, so the file names nobody."""
        digest = hashlib.blake2b(
            username.strip().lower().encode("utf-8"),
            key=_unb64(self.data["id_salt"]),
            digest_size=16,
        )
        return "u-" + digest.hexdigest()

    def wrap_for_user(self, store_key: bytes, username: str, password: str) -> None:
        """Let a user's password open the store (replaces their previous entry)."""
        entry_id = self.user_id(username)
        self.data["entries"][entry_id] = _seal(store_key, password, entry_id)

    def wrap_for_recovery(self, store_key: bytes, code: str) -> None:
        """Let the recovery code open the store."""
        self.data["entries"][RECOVERY_ID] = _seal(store_key, normalise_code(code), RECOVERY_ID)

    def forget_user(self, username: str) -> None:
        """A deleted or renamed account no longer opens the store."""
        self.data["entries"].pop(self.user_id(username), None)

    def has_user(self, username: str) -> bool:
        """Whether a user's password can open the store."""
        return self.user_id(username) in self.data["entries"]

    def unlock(self, username: str, password: str) -> bytes:
        """The store key from a user's password; WrongSecretError otherwise.

        An unknown name costs one derivation too, so timing does not tell names apart.
        """
        entry_id = self.user_id(username)
        entry = self.data["entries"].get(entry_id)
        if entry is None:
            derive(password, b"\0" * 16, KdfParams())
            raise WrongSecretError(WRONG_SECRET)
        key = _open(entry, password, entry_id)
        if key is None:
            raise WrongSecretError(WRONG_SECRET)
        return key

    def unlock_with_recovery(self, code: str) -> bytes:
        """The store key from the recovery code; WrongSecretError otherwise."""
        entry = self.data["entries"].get(RECOVERY_ID)
        key = _open(entry, normalise_code(code), RECOVERY_ID) if entry else None
        if key is None:
            raise WrongSecretError(WRONG_CODE)
        return key

    def save(self) -> None:
        """Write the file atomically, owner-only, synced: never half a key file."""
        staging = self.path.with_name(self.path.name + f".{secrets.token_hex(4)}.partial")
        create_private(staging)
        try:
            with staging.open("w", encoding="utf-8") as fh:
                json.dump(self.data, fh, indent=1, sort_keys=True)
                fh.flush()
                os.fsync(fh.fileno())
            os.replace(staging, self.path)
        except BaseException:
            staging.unlink(missing_ok=True)
            raise

    def copy_to(self, db_path: Path) -> None:
        """Write the same key file beside another copy of the store (a backup)."""
        twin = KeyFile(db_path)
        twin.data = json.loads(json.dumps(self.data))
        twin.save()
