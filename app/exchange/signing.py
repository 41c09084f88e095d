"""This PC's Ed25519 signing key, pairing with peers, and the signature every package carries.

Issue 10 #7: anyone holding the passphrase could craft a package under any sender's name. Now
each PC has its own key pair; two PCs pair once by exchanging public keys and comparing a
short fingerprint by phone; a package is accepted only when signed by its sender's paired key.
PyCryptodome rather than `cryptography`, as for the AES-GCM of crypto.py (bundle size).
"""

from __future__ import annotations

import base64
import binascii
import hashlib

from Crypto.PublicKey import ECC
from Crypto.Signature import eddsa
from sqlalchemy import select
from sqlalchemy.orm import Session

from app.core.audit import record
from app.core.context import Actor
from app.core.errors import FieldError, ValidationError
from app.core.permissions import EXCHANGE, require
from app.exchange import state
from app.exchange.crypto import PackageError
from db.base import utcnow
from db.models import Court, Setting
from i18n import N_

# Kept in the store's settings table, which never travels (rows.UNTRACKED_TABLES); written
# without set_setting, whose audit entry would copy the secret into the audit log.
SIGNING_KEY = "exchange.signing_key"
OWNS_REGION = "region"
OWNS_COURTS = "courts"
_CONTEXT = b"talimger-exchange-package-v2\n"  # what is signed: this, then the body's SHA-256


def fingerprint(public_key: str) -> str:
    """24 digits in groups of four, read aloud by phone to compare a public key."""
    raw = _raw_public(public_key)
    number = int.from_bytes(hashlib.sha256(raw).digest()[:10], "big") % 10**24
    digits = f"{number:024d}"
    return " ".join(digits[i : i + 4] for i in range(0, 24, 4))


def _raw_public(public_key: str) -> bytes:
    try:
        raw = base64.b64decode(public_key.strip(), validate=True)
    except (binascii.Error, ValueError):
        raw = b""
    if len(raw) != 32:
        raise ValidationError(
            [FieldError("public_key", N_("This is not a public key of a Tälimger PC."))]
        )
    return raw


def _seed(session: Session, *, create: bool) -> bytes | None:
    row = session.scalar(select(Setting).where(Setting.key == SIGNING_KEY))
    if row is not None:
        return base64.b64decode(row.value)
    if not create:
        return None
    key = ECC.generate(curve="Ed25519")
    session.add(Setting(key=SIGNING_KEY, value=base64.b64encode(key.seed).decode("ascii")))
    session.flush()
    return bytes(key.seed)


def public_key(session: Session, actor: Actor) -> str:
    """This PC's public key (made on first use), to give to a peer when pairing."""
    require(actor, EXCHANGE)
    seed = _seed(session, create=True)
    assert seed is not None
    raw = eddsa.import_private_key(seed).public_key().export_key(format="raw")
    return base64.b64encode(raw).decode("ascii")


def sign(session: Session, checksum: str) -> tuple[str, str]:
    """This PC's public key and its signature of a package body's SHA-256."""
    seed = _seed(session, create=True)
    assert seed is not None
    key = eddsa.import_private_key(seed)
    raw = key.public_key().export_key(format="raw")
    signature = eddsa.new(key, "rfc8032").sign(_CONTEXT + checksum.encode("ascii"))
    return base64.b64encode(raw).decode("ascii"), base64.b64encode(signature).decode("ascii")


def check_signature(
    session: Session, sender: str, signer: str, signature: str, checksum: str
) -> None:
    """Refuse a package unless its sender is paired here and signed it with the paired key."""
    found = state.peer(session, sender, create=False)
    if found is None or not found.public_key:
        raise PackageError(
            N_(
                "This package comes from {sender}, a PC not paired with this one; it was not "
                "imported. Pair the two PCs first (python -m app exchange pair)."
            ),
            sender=sender,
        )
    try:
        key = eddsa.import_public_key(base64.b64decode(found.public_key))
        eddsa.new(key, "rfc8032").verify(
            _CONTEXT + checksum.encode("ascii"), base64.b64decode(signature)
        )
        ok = signer == found.public_key
    except (ValueError, binascii.Error):
        ok = False
    if not ok:
        raise PackageError(
            N_(
                "This package is not signed by {sender}'s paired key: it was made elsewhere "
                "or altered, and was not imported."
            ),
            sender=sender,
        )


def pair(
    session: Session,
    actor: Actor,
    name: str,
    peer_key: str,
    *,
    owns: str = OWNS_REGION,
    court_codes: tuple[str, ...] = (),
) -> str:
    """Pair with a peer: keep its public key and what it may change here; its fingerprint."""
    require(actor, EXCHANGE)
    printed = fingerprint(peer_key)  # refuses what is not a key
    errors: list[FieldError] = []
    court_ids: list[str] = []
    if owns not in (OWNS_REGION, OWNS_COURTS):
        errors.append(FieldError("owns", N_("Choose what the peer keeps.")))
    for code in court_codes:
        court = session.scalar(select(Court.id).where(Court.code == code.strip()))
        if court is None:
            errors.append(FieldError("court", N_("No court has the code {code}."), {"code": code}))
        else:
            court_ids.append(str(court))
    if owns == OWNS_COURTS and not court_codes:
        errors.append(FieldError("court", N_("Name the courts this district PC keeps.")))
    if errors:
        raise ValidationError(errors)
    found = state.peer(session, name)
    assert found is not None
    old = (found.public_key, found.owns, found.court_ids or [])
    found.public_key = base64.b64encode(_raw_public(peer_key)).decode("ascii")
    found.owns, found.court_ids = owns, court_ids if owns == OWNS_COURTS else []
    found.paired_at, found.updated_by = utcnow(), actor.name
    session.flush()
    record(
        session,
        actor,
        "update",
        "exchange_peer",
        found.id,
        {
            "fingerprint": [fingerprint(old[0]) if old[0] else None, printed],
            "owns": [old[1], owns],
            "courts": [old[2], court_ids],
        },
    )
    return printed
