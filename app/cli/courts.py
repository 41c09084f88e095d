"""Court commands: the small district court and its chairman (M-1), the coordinator (M-6)."""

from __future__ import annotations

import argparse
import uuid
from datetime import date
from typing import Any

from app.cli.common import day_argument, guarded, store_of
from app.core.errors import NotFoundError
from i18n import N_, _


def register(commands: Any, reports: Any) -> None:
    """Add the `court` sub-commands."""
    del reports
    court = commands.add_parser(
        "court", help=_("small district courts, chairmen and coordinators (M-1, M-6)")
    )
    sub = court.add_subparsers(dest="court_command", metavar="ACTION", required=True)
    p = sub.add_parser("small", help=_("flag a district court as small, or clear it (M-1)"))
    p.add_argument("code", help=_("the court's code"))
    p.add_argument("--off", action="store_true", help=_("clear the flag"))
    p.set_defaults(handler=guarded(_small))
    for office, helptext in (
        ("chairman", _("name a district court's chairman (M-1)")),
        ("coordinator", _("name a region's mentoring coordinator (M-6)")),
    ):
        p = sub.add_parser(office, help=helptext)
        p.add_argument("code", help=_("the court's code (the regional court for a coordinator)"))
        who = p.add_mutually_exclusive_group(required=True)
        who.add_argument("--person", metavar="IIN", help=_("the person's IIN"))
        who.add_argument("--clear", action="store_true", help=_("nobody holds it any more"))
        p.add_argument(
            "--since",
            type=day_argument,
            default=None,
            help=_("since when (dd.mm.yyyy or yyyy-mm-dd)"),
        )
        p.add_argument("--basis", default="", help=_("the decision or order naming them"))
        p.set_defaults(handler=guarded(_office), office=office)
    p = sub.add_parser("offices", help=_("list small courts, chairmen and coordinators"))
    p.set_defaults(handler=guarded(_list))


def _court_id(session: Any, code: str) -> uuid.UUID:
    from sqlalchemy import select

    from db.models import Court

    found = session.scalar(select(Court.id).where(Court.code == code))
    if found is None:
        raise NotFoundError(N_("No court has the code {code}."), code=code)
    return found  # type: ignore[no-any-return]


def _small(args: argparse.Namespace) -> int:
    from app.courts import offices

    with store_of(args).write() as session:
        offices.set_small(session, args.actor, _court_id(session, args.code), not args.off)
    print(_("Saved."))
    return 0


def _office(args: argparse.Namespace) -> int:
    from sqlalchemy import select

    from app.courts import offices
    from db.models import Person

    with store_of(args).write() as session:
        person_id = None
        if args.person:
            person_id = session.scalar(select(Person.id).where(Person.iin == args.person))
            if person_id is None:
                raise NotFoundError(N_("Nobody has the IIN {iin}."), iin=args.person)
        offices.name_holder(
            session,
            args.actor,
            _court_id(session, args.code),
            args.office,
            person_id,
            args.since or date.today(),
            args.basis,
        )
    print(_("Saved."))
    return 0


def _list(args: argparse.Namespace) -> int:
    from app.courts import offices
    from app.courts.service import list_courts

    with store_of(args, backup=False).read() as session:
        courts = {c.id: c for c in list_courts(session)}
        small = offices.small_courts(session)
        chairmen = offices.holders(session, offices.CHAIRMAN)
        coordinators = offices.holders(session, offices.COORDINATOR)
    for court_id, court in courts.items():
        lines = []
        if court_id in coordinators:
            held = coordinators[court_id]
            lines.append(_("coordinator: {name}").format(name=held.name))
        if court_id in small:
            lines.append(_("small district court"))
        if court_id in chairmen:
            lines.append(_("chairman: {name}").format(name=chairmen[court_id].name))
        if lines:
            print(f"{court.code}\t{court.name}\t" + "; ".join(lines))
    return 0
