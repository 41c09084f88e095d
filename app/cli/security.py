"""User commands, and the login every command of a database with logins asks for."""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path
from typing import Any

from app.cli.common import guarded, store_of
from app.core.context import ROLES, Actor, local_actor
from app.core.errors import DomainError, PermissionDeniedError, StoreError
from app.core.store import Store
from i18n import N_, _

PASSWORD_ENV = "TALIMGER_PASSWORD"


def add_login_arguments(parser: argparse.ArgumentParser) -> None:
    """--user and --password-file for a database that requires logins."""
    parser.add_argument("--user", help=N_("user name (when the database requires a login)"))
    parser.add_argument(
        "--password-file",
        type=Path,
        help=N_("file holding the password (or set TALIMGER_PASSWORD)"),
    )


def read_secret(path: Path | None, env: str) -> str:
    """A password or passphrase from a file (first line) or an environment variable."""
    if path is not None:
        try:
            text = path.read_text(encoding="utf-8", errors="replace")
            return text.splitlines()[0] if text.strip() else ""
        except OSError as exc:
            raise DomainError(
                N_("The file {path} cannot be read: {reason}"),
                path=str(path),
                reason=exc.strerror or str(exc),
            ) from exc
    return os.environ.get(env, "")


def password_of(args: argparse.Namespace, user: str) -> str:
    """The password of this command's login, asked once: from --password-file, the environment
    or typed at a terminal; the store key and the login both use it.
    """
    cached = getattr(args, "_password", None)
    if isinstance(cached, str):
        return cached
    secret = read_secret(getattr(args, "password_file", None), PASSWORD_ENV)
    if not secret and sys.stdin is not None and sys.stdin.isatty():
        import getpass

        secret = getpass.getpass(_("Password for {user}: ").format(user=user))
    args._password = secret
    return secret


def cli_actor(store: Store, args: argparse.Namespace) -> Actor:
    """Who runs the command: the logged-in user, or the local user in "no login" mode."""
    from app.security.authentication import login
    from app.security.service import login_mode

    authorised = getattr(args, "actor", None)
    if isinstance(authorised, Actor):
        return authorised  # the dispatcher's login (app/cli/login.py)

    user = getattr(args, "user", None)
    if user:
        return login(store, user, read_secret(getattr(args, "password_file", None), PASSWORD_ENV))
    with store.read() as session:
        mode = login_mode(session)
    if mode == "login":
        raise PermissionDeniedError(
            N_("This database requires a login: give --user and --password-file.")
        )
    return local_actor()


def register(commands: Any, reports: Any) -> None:
    """Add the user sub-commands."""
    del reports
    users = commands.add_parser("user", help=_("user accounts and logins"))
    sub = users.add_subparsers(dest="user_command", metavar="ACTION", required=True)

    p = sub.add_parser("setup-admin", help=N_("first run: create the administrator"))
    p.add_argument("username")
    p.add_argument("--full-name", default="")
    p.add_argument("--new-password-file", type=Path, required=True)
    p.set_defaults(handler=guarded(_setup_admin))

    p = sub.add_parser(
        "recover", help=N_("recovery code: give the administrator a new password and unlock it")
    )
    p.add_argument("username")
    p.add_argument("--code-file", type=Path, required=True)
    p.add_argument("--new-password-file", type=Path, required=True)
    p.set_defaults(handler=guarded(_recover))

    p = sub.add_parser(
        "encrypt-store", help=N_("encrypt a store whose logins were switched on before encryption")
    )
    add_login_arguments(p)
    p.set_defaults(handler=guarded(_encrypt_store))

    p = sub.add_parser("no-login", help=N_("first run: single-user install without logins"))
    add_login_arguments(p)
    p.set_defaults(handler=guarded(_no_login))

    p = sub.add_parser("add", help=N_("add a user"))
    p.add_argument("username")
    p.add_argument("--full-name", default="")
    p.add_argument("--role", action="append", choices=ROLES, required=True)
    p.add_argument("--new-password-file", type=Path, required=True)
    add_login_arguments(p)
    p.set_defaults(handler=guarded(_add))

    p = sub.add_parser("list", help=N_("list users"))
    add_login_arguments(p)
    p.set_defaults(handler=guarded(_list))

    p = sub.add_parser("unlock", help=N_("unlock a user locked after failed logins"))
    p.add_argument("username")
    add_login_arguments(p)
    p.set_defaults(handler=guarded(_unlock))


def _setup_admin(args: argparse.Namespace) -> int:
    from app.security.dto import UserInput
    from app.security.service import create_first_administrator

    store = store_of(args)
    password = read_secret(args.new_password_file, PASSWORD_ENV)
    with store.write() as session:
        create_first_administrator(
            session, UserInput(args.username, args.full_name, frozenset(), password)
        )
    print(_("Administrator {name} created; logins are now required.").format(name=args.username))
    _encrypt_and_print_sheet(args, store, args.username, password, explicit=False)
    return 0


def _encrypt_and_print_sheet(
    args: argparse.Namespace, store: Store, username: str, password: str, *, explicit: bool
) -> None:
    from app.security.encryption import POSTPONED, encrypt_store, recovery_sheet

    location = store.location
    done = encrypt_store(store, username, password)
    args._opened_stores.append(done.store)
    if done.postponed is not None:
        if explicit:  # `user encrypt-store`: not encrypted is a failure (exit 4)
            raise StoreError(POSTPONED, reason=done.postponed.message())
        print(_(POSTPONED).format(reason=done.postponed.message()), file=sys.stderr)
    code = done.recovery_code
    if code:
        print(_("The database is now encrypted; its backups too."))
        print(recovery_sheet(code, username, location))


def _recover(args: argparse.Namespace) -> int:
    from app.core.bootstrap import store_file
    from app.security.encryption import recover

    path = store_file(args.db)
    if path is None:
        raise PermissionDeniedError(
            N_("A server database has no recovery code: its administrator resets passwords.")
        )
    code = read_secret(args.code_file, "")
    password = read_secret(args.new_password_file, PASSWORD_ENV)
    recover(path, code, args.username, password)
    print(
        _("The administrator {name} has a new password and is unlocked.").format(name=args.username)
    )
    return 0


def _encrypt_store(args: argparse.Namespace) -> int:
    from app.core.permissions import USERS_MANAGE, require

    store = store_of(args)
    actor = cli_actor(store, args)
    require(actor, USERS_MANAGE)
    if store.encrypted or store.path is None:
        print(_("Nothing to do: the database is already encrypted or on a server."))
        return 0
    password = read_secret(getattr(args, "password_file", None), PASSWORD_ENV)
    _encrypt_and_print_sheet(args, store, actor.name, password, explicit=True)
    return 0


def _no_login(args: argparse.Namespace) -> int:
    from app.security.service import choose_no_login, needs_first_run

    store = store_of(args)
    with store.read() as session:
        first = needs_first_run(session)
    actor = None if first else cli_actor(store, args)
    with store.write() as session:
        choose_no_login(session, actor)
    print(_("Logins are off: this installation is used by one person."))
    return 0


def _add(args: argparse.Namespace) -> int:
    from app.security.dto import UserInput
    from app.security.service import create_user

    store = store_of(args)
    actor = cli_actor(store, args)
    password = read_secret(args.new_password_file, PASSWORD_ENV)
    with store.write() as session:
        create_user(
            session, actor, UserInput(args.username, args.full_name, frozenset(args.role), password)
        )
    print(_("User {name} added.").format(name=args.username))
    return 0


def _list(args: argparse.Namespace) -> int:
    from app.security.service import list_users

    store = store_of(args, backup=False)
    actor = cli_actor(store, args)
    with store.read() as session:
        for u in list_users(session, actor):
            state = _("locked") if u.locked else ""
            print(f"{u.username}\t{','.join(sorted(u.roles))}\t{u.full_name}\t{state}")
    return 0


def _unlock(args: argparse.Namespace) -> int:
    from app.security.service import list_users, unlock_user

    store = store_of(args)
    actor = cli_actor(store, args)
    with store.write() as session:
        found = [u for u in list_users(session, actor) if u.username == args.username]
        if not found:
            print(_("No user {name}.").format(name=args.username))
            return 1
        unlock_user(session, actor, found[0].id)
    print(_("User {name} unlocked.").format(name=args.username))
    return 0
