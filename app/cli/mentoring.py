"""Mentoring commands: verify a printed protocol (its reports are in the catalogue)."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from app.cli.common import guarded, store_of
from i18n import N_, _

VERIFY_HELP = N_(
    "Compare a signed protocol's PDF with the protocol signed in this database, page by page "
    "and byte by byte. Exit codes: 0 unaltered; 1 altered, or its code is not in this "
    "database; 2 not a protocol printed by this program, or not a readable PDF."
)


def register(commands: Any, reports: Any) -> None:
    """Add the mentoring sub-commands."""
    del reports
    p = commands.add_parser(
        "verify",
        help=_("check a printed council protocol (M-11)"),
        description=_(VERIFY_HELP),
    )
    p.add_argument("file", type=Path, help=_("the PDF file to check"))
    p.set_defaults(handler=guarded(_verify))


def _verify(args: argparse.Namespace) -> int:
    from app.documents.protocol_verify import EXIT_CODES, FOREIGN, verify_pdf
    from app.mentoring.protocol_queries import signed_content

    try:
        data = args.file.read_bytes()
    except OSError as exc:
        # Unreadable is one of verify's answers (exit 2), not a failure of the command.
        reason = exc.strerror or str(exc)
        print(_("Cannot read {path}: {reason}").format(path=str(args.file), reason=reason))
        return EXIT_CODES[FOREIGN]
    store = store_of(args, backup=False)
    with store.read() as session:
        verdict = verify_pdf(data, lambda code: signed_content(session, code))
    print(_(verdict.message_id).format(**verdict.params))
    return verdict.exit_code
