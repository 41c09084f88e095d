"""Helpers shared by command handlers: opening the store, exit codes, printing errors."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from datetime import date
from enum import IntEnum
from pathlib import Path

from sqlalchemy.exc import DBAPIError, OperationalError

from app.core.bootstrap import open_store, store_file
from app.core.cipher import is_encrypted
from app.core.errors import DomainError, PermissionDeniedError, StoreError
from app.core.logs import LOGGER, log_file
from app.core.store import Store
from i18n import N_, _, parse_date

Handler = Callable[[argparse.Namespace], int]


class ExitCode(IntEnum):
    """The documented exit codes of every command (README, "Exit codes")."""

    OK = 0
    PROBLEM = 1  # a check found a problem: altered document, broken chain
    USAGE = 2  # argparse's own code for a bad command line
    REFUSED = 3  # refused by a rule or a permission
    ENVIRONMENT = 4  # disk, permission, locked file, network, unusable database
    INTERNAL = 70  # a bug (EX_SOFTWARE of sysexits.h)


def store_of(args: argparse.Namespace, *, backup: bool = True, create: bool = False) -> Store:
    """Open the store named by --db (or the default one); closed when the command ends.

    Only `init` and `demo` create a missing store (issue 15: never one by accident).
    """
    path = store_file(args.db)
    store = open_store(args.db, backup=backup, create=create, key=key_of(args, path))
    opened = getattr(args, "_opened_stores", None)
    if isinstance(opened, list):
        opened.append(store)
    return store


def key_of(args: argparse.Namespace, path: Path | None) -> bytes | None:
    """The key of an encrypted store file, unwrapped with --user and the password; None for
    a plain file or a server. A wrong password is refused before anything is opened.
    """
    if path is None or not is_encrypted(path):
        return None
    from app.cli.security import password_of
    from app.security.unlock_attempts import unlock_store_key

    user = getattr(args, "user", None)
    if not user:
        raise PermissionDeniedError(
            N_("This database is encrypted: give --user and --password-file to open it.")
        )
    # Wrong passwords wait and are audited at the next login (kept outside the file).
    return unlock_store_key(path, user, password_of(args, user))


def exit_code_of(exc: BaseException) -> ExitCode:
    """Which documented exit code a failure maps to."""
    if isinstance(exc, StoreError):
        return ExitCode.ENVIRONMENT
    if isinstance(exc, DomainError):
        return ExitCode.REFUSED
    if isinstance(exc, OSError | OperationalError) or (
        isinstance(exc, DBAPIError) and exc.connection_invalidated
    ):
        return ExitCode.ENVIRONMENT
    return ExitCode.INTERNAL


def report_failure(exc: BaseException) -> int:
    """Log the failure with its traceback; print one translated line (never a traceback)."""
    code = exit_code_of(exc)
    if code == ExitCode.REFUSED and isinstance(exc, DomainError):
        LOGGER.warning("refused (%s): %s", type(exc).__name__, exc.message_id)
        print(exc.message(), file=sys.stderr)
        return code
    LOGGER.error("command failed", exc_info=exc)
    if isinstance(exc, DomainError):
        line = exc.message()
    elif code == ExitCode.ENVIRONMENT:
        # OSError's own text names the file and the reason, in the system's language.
        text = str(exc).strip()
        line = _("Cannot continue: {reason}").format(
            reason=text.splitlines()[0] if text else type(exc).__name__
        )
    else:
        line = _("Internal error ({kind}); please report it with the log file.").format(
            kind=type(exc).__name__
        )
    log = _("Log: {path}").format(path=log_file())
    print(f"{line} ({log})", file=sys.stderr)
    return code


def _audit_refusal(args: argparse.Namespace, store: Store, exc: PermissionDeniedError) -> None:
    """A service's permission refusal joins the audit log, as the dispatcher's do."""
    from app.core.audit import audit_refusal
    from app.core.context import Actor

    actor = getattr(args, "actor", None)
    if isinstance(actor, Actor):
        command = str(getattr(args, "command_path", "") or "")
        audit_refusal(store, actor, command, exc.message_id)


def guarded(handler: Handler) -> Handler:
    """Run a command as its authenticated actor (`args.actor`, app/cli/login.py); every failure
    becomes one line on stderr and a documented exit code.
    """

    def run(args: argparse.Namespace) -> int:
        # Pooled connections are closed when the command ends (main() may run in-process).
        args._opened_stores = []
        try:
            if getattr(args, "actor", None) is None:
                from app.cli.login import authorise

                args.actor = authorise(args)
            return handler(args)
        except Exception as exc:
            if isinstance(exc, PermissionDeniedError) and args._opened_stores:
                _audit_refusal(args, args._opened_stores[0], exc)
            return report_failure(exc)
        finally:
            for store in args._opened_stores:
                store.dispose()

    return run


def day_argument(text: str) -> date:
    """A day typed as yyyy-mm-dd or as people write it (dd.mm.yyyy, ddmmyyyy, d.m.yy)."""
    try:
        return date.fromisoformat(text)
    except ValueError:
        try:
            return parse_date(text)
        except ValueError as exc:
            raise argparse.ArgumentTypeError(_("not a date: {text}").format(text=text)) from exc
