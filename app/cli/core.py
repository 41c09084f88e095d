"""Foundation commands: init, demo, self-test, check, backup, restore."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from app.cli.common import guarded, key_of, store_of
from app.cli.security import add_login_arguments
from app.core.errors import StoreError
from i18n import N_, _, ngettext


def register(commands: Any, reports: Any) -> None:
    """Add the foundation sub-commands."""
    del reports
    p = commands.add_parser("init", help=_("create a new, empty database"))
    p.set_defaults(handler=guarded(_init))

    p = commands.add_parser("demo", help=_("fill the database with demo data"))
    p.add_argument("--scale", choices=("region", "national"), default="region")
    p.add_argument("--seed", type=int, default=7)
    p.add_argument(
        "--people-only",
        action="store_true",
        help=N_("only courts and people, no mentoring, internships or CPD"),
    )
    p.add_argument("--cpd-years", type=int, default=3, help=N_("years of CPD activity"))
    add_login_arguments(p)
    p.set_defaults(handler=guarded(_demo))

    # Handled by app.__main__, the one place allowed to load the GUI.
    commands.add_parser("self-test", help=_("open the main window off-screen and exit"))

    p = commands.add_parser("check", help=_("integrity check of the database and audit log"))
    p.add_argument("--full", action="store_true", help=N_("full (slow) integrity check"))
    add_login_arguments(p)
    p.set_defaults(handler=guarded(_check))

    p = commands.add_parser("backup", help=_("write a consistent copy of the database"))
    p.add_argument("--out", type=Path, required=True)
    add_login_arguments(p)
    p.set_defaults(handler=guarded(_backup))

    p = commands.add_parser("restore", help=_("replace the database with a backup"))
    p.add_argument("file", type=Path)
    add_login_arguments(p)
    p.set_defaults(handler=guarded(_restore))


def _init(args: argparse.Namespace) -> int:
    from app.core.bootstrap import store_file

    path = store_file(args.db)
    if path is not None and path.exists() and path.stat().st_size > 0:
        raise StoreError(N_("A database already exists at {path}; nothing was changed."), path=path)
    store = store_of(args, backup=False, create=True)
    print(_("A new database was created: {path}").format(path=store.location))
    return 0


def _demo(args: argparse.Namespace) -> int:
    from app.core.bootstrap import store_file

    path = store_file(args.db)
    # demo creates a missing store, never one over an empty or foreign file (issue 15, 4).
    store = store_of(args, create=path is not None and not path.exists())
    with store.write() as session:
        if args.people_only:
            from app.demo.generator import generate

            people = generate(session, args.actor, scale=args.scale, seed=args.seed)
        else:
            from app.demo.everything import generate_everything

            summary = generate_everything(
                session, args.actor, scale=args.scale, seed=args.seed, cpd_years=args.cpd_years
            )
            people = summary.people
    print(
        _("Demo data added: {courts} courts, {people} people.").format(
            courts=people.courts, people=people.people
        )
    )
    return 0


def _check(args: argparse.Namespace) -> int:
    from app.core.integrity import check_store

    store = store_of(args, backup=False)
    problems = check_store(store, full=args.full)
    if store.path is None and args.full:  # PostgreSQL: say what was checked, and what not
        from app.core.server_check import server_report

        for line in server_report(store):
            print(line)
    for line in problems:
        print(line)
    if args.full:
        from app.core.aggregates import kept_sums

        with store.read() as session:
            sums = kept_sums(session)
        print(
            ngettext(
                "Checked {n} CPD points sum kept by the database against the ledger.",
                "Checked {n} CPD points sums kept by the database against the ledger.",
                sums,
            ).format(n=sums)
        )
    if problems:
        return 1
    print(_("The database is healthy."))
    return 0


def _backup(args: argparse.Namespace) -> int:
    from app.core.backup import backup_file

    store = store_of(args, backup=False)
    if store.path is None:
        raise StoreError(N_("Backups of a shared PostgreSQL database are made with pg_dump."))
    backup_file(store.path, args.out, store.key)
    print(_("Backup written to {path}").format(path=args.out))
    return 0


def _restore(args: argparse.Namespace) -> int:
    from app.core.bootstrap import store_file
    from app.core.cipher import is_encrypted
    from app.core.restore import restore_file

    # The store itself is not opened: a damaged, empty or missing one is what a restore mends.
    path = store_file(args.db)
    if path is None:
        raise StoreError(N_("Backups of a shared PostgreSQL database are made with pg_dump."))
    # An encrypted store or backup is opened with the key the login unwraps: the store's own
    # key file, else the one copied beside the backup.
    keyed = path if is_encrypted(path) else args.file
    aside = restore_file(args.file, path, args.actor, key=key_of(args, keyed))
    if aside is None:
        print(_("Restored into {path}.").format(path=path))
    else:
        print(_("Restored. The previous file was kept as {path}").format(path=aside))
    return 0
