"""E-3 commands: the commission's protocol on a round's results and a judge's acknowledgement."""

from __future__ import annotations

import argparse
import uuid
from typing import Any

from app.cli.common import day_argument, guarded, store_of
from i18n import _

# The keys of app.evaluation.commission.DECISIONS, written out so --help does not import the
# evaluation service at start-up (tests/app/evaluation checks they agree).
_KINDS = "{approved,training,internship,mentoring,other}"


def register(commands: Any, reports: Any) -> None:
    """Add the `evaluation` sub-commands (the papers are `report evaluation-protocol|…`)."""
    del reports
    group = commands.add_parser(
        "evaluation", help=_("the commission's decisions and the judges' acknowledgement (E-3)")
    )
    sub = group.add_subparsers(dest="evaluation_command", metavar="ACTION", required=True)
    p = sub.add_parser("protocol", help=_("record a commission protocol on a round (E-3)"))
    p.add_argument("--round", type=uuid.UUID, required=True, help=_("evaluation round id"))
    p.add_argument("--number", required=True, help=_("the protocol's number"))
    p.add_argument("--held-on", type=day_argument, required=True, help=_("the day (dd.mm.yyyy)"))
    p.add_argument("--chair", required=True, help=_("the chair's name"))
    p.add_argument("--secretary", required=True, help=_("the secretary's name"))
    p.add_argument("--member", action="append", default=[], help=_("a member's name (repeat)"))
    p.add_argument(
        "--decision",
        action="append",
        default=[],
        type=_decision,
        metavar="SHEET=KIND[:TEXT]",
        help=_("one per judge; KIND is one of {kinds}").format(kinds=_KINDS),
    )
    p.set_defaults(handler=guarded(_protocol))
    p = sub.add_parser("acknowledge", help=_("record the day a judge was acquainted (E-3)"))
    p.add_argument("--sheet", type=uuid.UUID, required=True, help=_("evaluation sheet id"))
    p.add_argument("--on", type=day_argument, required=True, help=_("the day (dd.mm.yyyy)"))
    p.set_defaults(handler=guarded(_acknowledge))


def _decision(text: str) -> Any:
    from app.evaluation.commission import DecisionInput

    sheet, _sep, rest = text.partition("=")
    kind, _sep, note = rest.partition(":")
    try:
        return DecisionInput(uuid.UUID(sheet.strip()), kind.strip(), note.strip())
    except ValueError:
        raise argparse.ArgumentTypeError(
            _("--decision takes SHEET=KIND[:TEXT], not {value}").format(value=text)
        ) from None


def _protocol(args: argparse.Namespace) -> int:
    from app.evaluation.commission import ProtocolInput, record_protocol

    data = ProtocolInput(
        args.round,
        args.number,
        args.held_on,
        args.chair,
        args.secretary,
        tuple(args.member),
        tuple(args.decision),
    )
    with store_of(args).write() as session:
        made = record_protocol(session, args.actor, data)
    print(_("The commission protocol was saved.") + f" {made}")
    return 0


def _acknowledge(args: argparse.Namespace) -> int:
    from app.evaluation.sheets import acknowledge

    with store_of(args).write() as session:
        acknowledge(session, args.actor, args.sheet, args.on)
    print(_("Saved."))
    return 0
