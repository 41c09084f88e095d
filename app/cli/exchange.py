"""Exchange commands: name this PC, pair with peers, exchange packages, resolve conflicts."""

from __future__ import annotations

import argparse
import uuid
from pathlib import Path
from typing import Any

from app.cli.common import guarded, store_of
from app.cli.security import add_login_arguments, cli_actor, read_secret
from i18n import N_, _

PASSPHRASE_ENV = "TALIMGER_PASSPHRASE"


def register(commands: Any, reports: Any) -> None:
    """Add the exchange sub-commands."""
    del reports
    exchange = commands.add_parser("exchange", help=_("exchange packages with other PCs"))
    sub = exchange.add_subparsers(dest="exchange_command", metavar="ACTION", required=True)

    p = sub.add_parser("name", help=N_("name this PC for exchanges"))
    p.add_argument("name")
    add_login_arguments(p)
    p.set_defaults(handler=guarded(_name))

    p = sub.add_parser("key", help=N_("show this PC's public key and its fingerprint, for pairing"))
    add_login_arguments(p)
    p.set_defaults(handler=guarded(_key))

    p = sub.add_parser(
        "pair", help=N_("pair with a peer: keep its public key (compare fingerprints)")
    )
    p.add_argument("name", help=N_("the peer's name"))
    p.add_argument("public_key", help=N_("the key `exchange key` shows on the peer"))
    p.add_argument(
        "--courts",
        nargs="+",
        metavar="CODE",
        help=N_(
            "a district PC: the codes of the courts it keeps (default: the centre, whole region)"
        ),
    )
    add_login_arguments(p)
    p.set_defaults(handler=guarded(_pair))

    p = sub.add_parser("export", help=N_("write the changes since the last exchange with a peer"))
    p.add_argument("--to", required=True, help=N_("the peer's name"))
    p.add_argument("--out", type=Path, required=True)
    p.add_argument(
        "--passphrase-file",
        type=Path,
        help=N_("file holding the passphrase (or set TALIMGER_PASSPHRASE)"),
    )
    add_login_arguments(p)
    p.set_defaults(handler=guarded(_export))

    p = sub.add_parser("import", help=N_("import a package from a peer"))
    p.add_argument("file", type=Path)
    p.add_argument(
        "--passphrase-file",
        type=Path,
        help=N_("file holding the passphrase (or set TALIMGER_PASSPHRASE)"),
    )
    add_login_arguments(p)
    p.set_defaults(handler=guarded(_import))

    p = sub.add_parser("conflicts", help=N_("list records changed on both sides"))
    add_login_arguments(p)
    p.set_defaults(handler=guarded(_conflicts))

    p = sub.add_parser("resolve", help=N_("resolve a conflict: keep mine or take theirs"))
    p.add_argument("conflict_id", type=uuid.UUID)
    p.add_argument("choice", choices=("mine", "theirs"))
    add_login_arguments(p)
    p.set_defaults(handler=guarded(_resolve))

    p = sub.add_parser("peer", help=N_("entitle a peer to confidential records (M-9)"))
    p.add_argument("name")
    p.add_argument("--confidential", action=argparse.BooleanOptionalAction, required=True)
    add_login_arguments(p)
    p.set_defaults(handler=guarded(_peer))


def _passphrase(args: argparse.Namespace) -> str:
    return read_secret(args.passphrase_file, PASSPHRASE_ENV)


def _name(args: argparse.Namespace) -> int:
    from app.exchange.state import set_node_name

    store = store_of(args)
    actor = cli_actor(store, args)
    with store.write() as session:
        name = set_node_name(session, actor, args.name)
    print(_("This PC is called {name} in exchanges.").format(name=name))
    return 0


def _key(args: argparse.Namespace) -> int:
    from app.exchange.signing import fingerprint, public_key

    store = store_of(args)
    actor = cli_actor(store, args)
    with store.write() as session:  # the key pair is made on first use
        key = public_key(session, actor)
    print(_("Public key of this PC: {key}").format(key=key))
    print(_("Fingerprint to compare by phone: {fingerprint}").format(fingerprint=fingerprint(key)))
    return 0


def _pair(args: argparse.Namespace) -> int:
    from app.exchange.signing import OWNS_COURTS, OWNS_REGION, pair

    store = store_of(args)
    actor = cli_actor(store, args)
    codes = tuple(args.courts or ())
    with store.write() as session:
        printed = pair(
            session,
            actor,
            args.name,
            args.public_key,
            owns=OWNS_COURTS if codes else OWNS_REGION,
            court_codes=codes,
        )
    print(
        _(
            "Paired with {peer}. Read this fingerprint to the person at {peer}; it must match "
            "what their PC shows: {fingerprint}"
        ).format(peer=args.name, fingerprint=printed)
    )
    return 0


def _export(args: argparse.Namespace) -> int:
    from app.exchange.files import export_to_file
    from app.exchange.summary import export_lines

    store = store_of(args)
    actor = cli_actor(store, args)
    out: Path = args.out
    with store.write() as session:
        summary = export_to_file(session, actor, args.to, _passphrase(args), out)
    for line in export_lines(summary, out):
        print(line)
    return 0


def _import(args: argparse.Namespace) -> int:
    from app.exchange.files import import_from_file
    from app.exchange.summary import import_lines

    store = store_of(args)
    actor = cli_actor(store, args)
    with store.write() as session:
        s = import_from_file(session, actor, args.file, _passphrase(args))
    for line in import_lines(s):
        print(line)
    return 0


def _conflicts(args: argparse.Namespace) -> int:
    from app.exchange.conflicts import list_conflicts

    store = store_of(args, backup=False)
    actor = cli_actor(store, args)
    with store.read() as session:
        found = list_conflicts(session, actor)
    for c in found:
        fields = ", ".join(c.changed_fields) or _("deleted on one side")
        if c.kind == "identity":
            fields = _("the same IIN or code as another record here") + f" ({fields})"
        print(f"{c.id}\t{c.peer}\t{c.table_name}\t{c.row_id}\t{fields}")
    return 0


def _resolve(args: argparse.Namespace) -> int:
    from app.exchange.conflicts import resolve_conflict

    store = store_of(args)
    actor = cli_actor(store, args)
    with store.write() as session:
        resolve_conflict(session, actor, args.conflict_id, args.choice)
    print(_("Conflict resolved."))
    return 0


def _peer(args: argparse.Namespace) -> int:
    from app.exchange.state import set_peer_confidential

    store = store_of(args)
    actor = cli_actor(store, args)
    with store.write() as session:
        set_peer_confidential(session, actor, args.name, args.confidential)
    print(_("Saved."))
    return 0
