"""Staff commands: adaptation with a tutor, its plan and its result (S-1, seed 003 §7.1.5)."""

from __future__ import annotations

import argparse
import sys
import uuid
from datetime import date
from typing import Any

from app.cli.common import day_argument, guarded, store_of
from app.core.errors import NotFoundError
from i18n import N_, _


def register(commands: Any, reports: Any) -> None:
    """Add the `staff` sub-commands."""
    del reports
    staff = commands.add_parser("staff", help=_("adaptation and tutoring of court staff (S-1)"))
    sub = staff.add_subparsers(dest="staff_command", metavar="ACTION", required=True)
    p = sub.add_parser("adapt", help=_("give a newly hired staff member a tutor (S-1)"))
    p.add_argument("iin", help=_("the staff member's IIN"))
    p.add_argument("--tutor", required=True, metavar="IIN", help=_("the tutor's IIN"))
    p.add_argument("--hired", type=day_argument, required=True, help=_("hired on (dd.mm.yyyy)"))
    p.add_argument("--start", type=day_argument, default=None, help=_("the first day (dd.mm.yyyy)"))
    p.add_argument("--end", type=day_argument, required=True, help=_("the last day (dd.mm.yyyy)"))
    p.set_defaults(handler=guarded(_adapt))
    p = sub.add_parser("plan", help=_("set the adaptation plan of a staff member (S-1)"))
    p.add_argument("iin", help=_("the staff member's IIN"))
    p.add_argument(
        "--item",
        nargs=2,
        action="append",
        required=True,
        metavar=("DAY", "TEXT"),
        help=_("an item of the plan and its date; repeat for each"),
    )
    p.set_defaults(handler=guarded(_plan))
    p = sub.add_parser("result", help=_("record whether the staff member adapted (S-1)"))
    p.add_argument("iin", help=_("the staff member's IIN"))
    verdict = p.add_mutually_exclusive_group(required=True)
    verdict.add_argument("--adapted", action="store_true", help=_("the staff member has adapted"))
    verdict.add_argument(
        "--not-adapted", action="store_true", help=_("the staff member has not adapted")
    )
    p.add_argument("--on", type=day_argument, default=None, help=_("the day (dd.mm.yyyy)"))
    p.add_argument("--by", required=True, help=_("who decided"))
    p.set_defaults(handler=guarded(_result))
    p = sub.add_parser(
        "schedule", help=_("put a civil servant on the year's internship schedule (S-2)")
    )
    p.add_argument("iin", help=_("the staff member's IIN"))
    p.add_argument("--place", required=True, help=_("where the internship is held"))
    p.add_argument(
        "--start", type=day_argument, required=True, help=_("the first day (dd.mm.yyyy)")
    )
    p.add_argument("--end", type=day_argument, required=True, help=_("the last day (dd.mm.yyyy)"))
    p.set_defaults(handler=guarded(_schedule))
    p = sub.add_parser("held", help=_("record whether a scheduled internship was held (S-2)"))
    p.add_argument(
        "id", type=uuid.UUID, help=_("the internship's id, as `staff internships` shows")
    )
    p.add_argument("--not-held", metavar="REASON", default=None, help=_("it was not held: why"))
    p.set_defaults(handler=guarded(_held))
    p = sub.add_parser("change", help=_("change a planned internship of a civil servant (S-2)"))
    p.add_argument(
        "id", type=uuid.UUID, help=_("the internship's id, as `staff internships` shows")
    )
    p.add_argument("--place", default=None, help=_("where the internship is held"))
    p.add_argument("--start", type=day_argument, default=None, help=_("the first day (dd.mm.yyyy)"))
    p.add_argument("--end", type=day_argument, default=None, help=_("the last day (dd.mm.yyyy)"))
    p.set_defaults(handler=guarded(_change))
    p = sub.add_parser("cancel", help=_("take a planned internship off the schedule (S-2)"))
    p.add_argument(
        "id", type=uuid.UUID, help=_("the internship's id, as `staff internships` shows")
    )
    p.add_argument("--reason", required=True, help=_("why it is cancelled"))
    p.set_defaults(handler=guarded(_cancel))
    p = sub.add_parser("internships", help=_("the year's internship schedule of civil servants"))
    p.add_argument("--year", type=int, default=date.today().year)
    p.set_defaults(handler=guarded(_internships))
    p = sub.add_parser("list", help=_("list the adaptations of court staff"))
    p.add_argument("--open", action="store_true", help=_("only those without a result"))
    p.set_defaults(handler=guarded(_list))


def _person(session: Any, iin: str) -> uuid.UUID:
    from sqlalchemy import select

    from db.models import Person

    found = session.scalar(select(Person.id).where(Person.iin == iin))
    if found is None:
        raise NotFoundError(N_("Nobody has the IIN {iin}."), iin=iin)
    return found  # type: ignore[no-any-return]


def _open(session: Any, iin: str) -> Any:
    from app.staff.queries import open_adaptation_of
    from app.staff.service import get_adaptation

    found = open_adaptation_of(session, _person(session, iin))
    if found is None:
        raise NotFoundError(N_("This staff member has no open adaptation."))
    return get_adaptation(session, found)


def _adapt(args: argparse.Namespace) -> int:
    from app.staff.dto import AdaptationInput
    from app.staff.service import assign_tutor

    with store_of(args).write() as session:
        data = AdaptationInput(
            person_id=_person(session, args.iin),
            tutor_id=_person(session, args.tutor),
            hired_on=args.hired,
            starts_on=args.start or args.hired,
            ends_on=args.end,
        )
        assign_tutor(session, args.actor, data)
    print(_("Saved."))
    return 0


def _plan(args: argparse.Namespace) -> int:
    from app.staff.dto import PlanItem
    from app.staff.service import set_plan

    try:
        items = [PlanItem(text, day_argument(day)) for day, text in args.item]
    except argparse.ArgumentTypeError as exc:  # --item takes the day and the text as one pair
        print(exc, file=sys.stderr)
        return 2
    with store_of(args).write() as session:
        a = _open(session, args.iin)
        set_plan(session, args.actor, a.id, a.version, items)
    print(_("Saved."))
    return 0


def _result(args: argparse.Namespace) -> int:
    from app.staff.dto import ResultInput
    from app.staff.service import record_result

    with store_of(args).write() as session:
        a = _open(session, args.iin)
        verdict = ResultInput(args.adapted, args.on or date.today(), args.by)
        record_result(session, args.actor, a.id, a.version, verdict)
    print(_("Saved."))
    return 0


def _list(args: argparse.Namespace) -> int:
    from app.staff.queries import list_adaptations
    from app.staff.vocab import RESULT_LABELS, label

    with store_of(args).read() as session:
        rows = list_adaptations(session, date.today(), open_only=args.open)
    for r in rows:
        state = label(RESULT_LABELS, r.result)
        if r.plan_overdue:
            state = _("no plan yet: overdue")
        print(
            f"{r.person_name}\t{r.tutor_name}\t{r.starts_on.isoformat()}–"
            f"{r.ends_on.isoformat()}\t{state}"
        )
    return 0


def _schedule(args: argparse.Namespace) -> int:
    from app.staff.dto import InternshipInput
    from app.staff.internships import schedule_internship

    with store_of(args).write() as session:
        data = InternshipInput(
            _person(session, args.iin), args.start.year, args.place, args.start, args.end
        )
        saved = schedule_internship(session, args.actor, data)
    print(saved.id)
    return 0


def _held(args: argparse.Namespace) -> int:
    from app.staff.internships import record_outcome
    from db.models import StaffInternship

    with store_of(args).write() as session:
        row = session.get(StaffInternship, args.id)
        if row is None:
            raise NotFoundError(N_("The internship no longer exists."))
        status = "held" if args.not_held is None else "not_held"
        record_outcome(session, args.actor, row.id, row.version, status, args.not_held or "")
    print(_("Saved."))
    return 0


def _change(args: argparse.Namespace) -> int:
    from app.staff.dto import InternshipInput
    from app.staff.internships import get_internship, update_internship

    with store_of(args).write() as session:
        line = get_internship(session, args.id)
        start, end = args.start or line.starts_on, args.end or line.ends_on
        place = line.place if args.place is None else args.place
        data = InternshipInput(line.person_id, line.year, place, start, end)
        update_internship(session, args.actor, line.id, line.version, data)
    print(_("Saved."))
    return 0


def _cancel(args: argparse.Namespace) -> int:
    from app.staff.internships import cancel_internship, get_internship

    with store_of(args).write() as session:
        line = get_internship(session, args.id)
        cancel_internship(session, args.actor, line.id, line.version, args.reason)
    print(_("Saved."))
    return 0


def _internships(args: argparse.Namespace) -> int:
    from app.staff.internships import schedule_of_year
    from app.staff.vocab import INTERNSHIP_LABELS, label

    with store_of(args).read() as session:
        rows = schedule_of_year(session, args.year)
    for r in rows:
        print(
            f"{r.id}\t{r.person_name}\t{r.place}\t{r.starts_on.isoformat()}–"
            f"{r.ends_on.isoformat()}\t{label(INTERNSHIP_LABELS, r.status)}"
        )
    return 0
