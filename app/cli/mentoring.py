"""Mentoring commands: verify a printed protocol (its reports are in the catalogue)."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from app.cli.common import guarded, store_of
from app.core.errors import DomainError
from i18n import N_, _


def register(commands: Any, reports: Any) -> None:
    """Add the mentoring sub-commands."""
    del reports
    p = commands.add_parser("verify", help=_("check a printed council protocol (M-11)"))
    p.add_argument("file", type=Path)
    p.set_defaults(handler=guarded(_verify))


class _UnreadableError(DomainError):
    """The file cannot be read."""


def _verify(args: argparse.Namespace) -> int:
    from app.documents.protocol_verify import UNALTERED, verify_pdf
    from app.mentoring.protocol_queries import signed_content

    try:
        data = args.file.read_bytes()
    except OSError as exc:
        raise _UnreadableError(
            N_("Cannot read {path}: {reason}"), path=str(args.file), reason=exc.strerror or str(exc)
        ) from exc
    store = store_of(args, backup=False)
    with store.read() as session:
        verdict = verify_pdf(data, lambda code: signed_content(session, code))
    print(_(verdict.message_id).format(**verdict.params))
    return 0 if verdict.status == UNALTERED else 1
