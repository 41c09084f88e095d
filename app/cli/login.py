"""The one login of the command line: who runs a command, and whether they may (issue 10)."""

from __future__ import annotations

import argparse
import shutil
import sys
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from app.cli import COMMAND_PERMISSIONS, OPEN
from app.cli.security import PASSWORD_ENV, add_login_arguments
from app.core.context import Actor, local_actor
from app.core.errors import PermissionDeniedError, StoreError
from app.core.permissions import USERS_MANAGE, can
from app.core.store import Store
from i18n import N_, _

RESTORE = "restore"


def leaf_commands(
    parser: argparse.ArgumentParser, path: str = ""
) -> Iterator[tuple[str, argparse.ArgumentParser]]:
    """Every command of the registry with its words ("exchange export"), deepest parsers first."""
    subs = [a for a in parser._actions if isinstance(a, argparse._SubParsersAction)]
    if not subs:
        yield path, parser
        return
    for action in subs:
        for name, sub in action.choices.items():
            yield from leaf_commands(sub, f"{path} {name}".strip())


def command_words(path: str, parser: argparse.ArgumentParser) -> list[str]:
    """The keys of one registered command: its path, or one per choice of a positional WHAT."""
    what = next((a for a in parser._actions if a.dest == "what" and a.choices), None)
    if what is None or what.choices is None:
        return [path]
    return [f"{path} {choice}" for choice in what.choices]


def declare(parser: argparse.ArgumentParser) -> None:
    """Give every command its path (for the dispatcher) and the --user / --password-file options."""
    for path, leaf in leaf_commands(parser):
        leaf.set_defaults(command_path=path)
        if not any("--user" in a.option_strings for a in leaf._actions):
            add_login_arguments(leaf)


def command_key(args: argparse.Namespace) -> str:
    """The words naming the command that runs ("import cpd")."""
    path = str(getattr(args, "command_path", "") or getattr(args, "command", "") or "")
    what = getattr(args, "what", None)
    return f"{path} {what}" if isinstance(what, str) else path


def permission_for(key: str) -> str:
    """The permission a command needs: its longest declared prefix; undeclared, the
    administrator's (a command nobody declared is refused rather than left open).
    """
    words = key.split()
    while words:
        found = COMMAND_PERMISSIONS.get(" ".join(words))
        if found is not None:
            return found
        words.pop()
    return USERS_MANAGE


def _password(args: argparse.Namespace, user: str) -> str:
    from app.cli.security import password_of

    return password_of(args, user)


def _login(store: Store, args: argparse.Namespace, key: str, needed: str) -> Actor:
    from app.security.authentication import login
    from app.security.service import login_mode

    with store.read() as session:
        mode = login_mode(session)
    if mode != "login":
        return local_actor()
    user = str(getattr(args, "user", "") or "")
    if not user:
        raise PermissionDeniedError(
            N_(
                "This database requires a login: give --user (the password from "
                "--password-file or {env}, or typed when asked). \u201c{command}\u201d needs "
                "the permission \u201c{permission}\u201d."
            ),
            env=PASSWORD_ENV,
            command=key,
            permission=needed,
        )
    actor = login(store, user, _password(args, user))
    if can(actor, USERS_MANAGE):
        _show_alerts(store, actor)
    return actor


def _show_alerts(store: Store, actor: Actor) -> None:
    """Why #9: administrators hear of repeated failed logins at their next login."""
    from app.security.lockout import pending_alerts

    with store.read() as session:
        alerts = pending_alerts(session, actor)
    for alert in alerts:
        print(
            _("Alert: {count} failed logins in a row as {name} (by {at} UTC).").format(
                count=alert.failures, name=alert.username, at=f"{alert.at:%Y-%m-%d %H:%M}"
            ),
            file=sys.stderr,
        )


@contextmanager
def _store_to_ask(args: argparse.Namespace, key: str) -> Iterator[Store | None]:
    """The store whose users and login setting decide; None when there is none yet.

    A restore mends a missing or damaged store: then the backup's own users decide, asked on
    a throw-away copy (a login writes, and a backup is never written to).
    """
    from app.cli.common import key_of
    from app.core.bootstrap import open_store, store_file

    path = store_file(getattr(args, "db", None))
    missing = path is not None and (not path.exists() or path.stat().st_size == 0)
    store: Store | None = None
    if not missing:
        try:
            store = open_store(args.db, backup=False, key=key_of(args, path))
        except StoreError:
            if key != RESTORE:
                raise
    if store is not None:
        try:
            yield store
        finally:
            store.dispose()
        return
    if key != RESTORE:
        yield None  # init and demo create the store; nothing is there to protect
        return
    from app.core.restore import check_candidate

    candidate = Path(args.file)
    candidate_key = key_of(args, candidate)  # an encrypted backup opens with its key file
    check_candidate(candidate, candidate_key)
    with tempfile.TemporaryDirectory(prefix="talimger-login-") as tmp:
        copy = Path(tmp) / "candidate.db"
        shutil.copyfile(candidate, copy)
        store = open_store(copy, backup=False, key=candidate_key)
        try:
            yield store
        finally:
            store.dispose()


def authorise(args: argparse.Namespace) -> Actor:
    """Authenticate when the store requires logins, and refuse (exit 3, naming the permission,
    audited, nothing else written) a command the user's roles do not allow.
    """
    key = command_key(args)
    needed = permission_for(key)
    if needed == OPEN:
        return local_actor()
    with _store_to_ask(args, key) as store:
        actor = local_actor() if store is None else _login(store, args, key, needed)
        if can(actor, needed):
            return actor
        if store is not None:
            from app.core.audit import record

            with store.write() as session:
                record(session, actor, "refuse", "command", key, {"permission": [None, needed]})
    raise PermissionDeniedError(
        N_("{user} may not run \u201c{command}\u201d (permission \u201c{permission}\u201d)."),
        user=actor.name,
        command=key,
        permission=needed,
    )
