"""Training documents: the yearly plan (T-3), the events held (T-2), the sign-in sheet."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import date

from sqlalchemy.orm import Session

from app.core.context import Actor
from app.core.progress import Progress
from app.documents.entries.common import this_year, year
from app.documents.spec import FLAG, REF, Document, Letterhead, Option, Param, Params, Sheet
from app.training.dto import PlanRow, SignInSheet
from i18n import N_, format_date


@dataclass(frozen=True)
class Plan:
    """A year's events (or the events held) and the plan's due date (T-3)."""

    year: int
    held: bool
    rows: list[PlanRow]
    due_on: date | None


def _plan(session: Session, _a: Actor, p: Params, _t: date, _pr: Progress) -> Plan:
    from app.training.plan import plan_status
    from app.training.queries import plan_rows

    rows = plan_rows(session, p["year"], held_only=p["held"])
    return Plan(p["year"], p["held"], rows, plan_status(session, p["year"]).due_on)


def _plan_pdf(data: Plan, head: Letterhead) -> bytes:
    from app.documents.training_plan import build_plan_pdf

    return build_plan_pdf(
        data.rows,
        year=data.year,
        lang=head.lang,
        held=data.held,
        centre_name=head.centre_name,
        due_on=data.due_on,
        today=head.printed_on,
    )


def _plan_sheets(data: Plan, lang: str) -> list[Sheet]:
    from app.documents.training_plan import plan_header, plan_values

    cells = [plan_values(n, r, lang, data.held) for n, r in enumerate(data.rows, start=1)]
    return [Sheet(str(data.year), plan_header(lang, data.held), cells)]


def session_options(session: Session, _actor: Actor, params: Params) -> list[Option]:
    """Sessions of the year's events: title and dates."""
    from app.training.queries import event_sessions, list_events

    out: list[Option] = []
    for event in list_events(session, params.get("year") or date.today().year):
        for s in event_sessions(session, event.id):
            when = s.data.starts_on
            out.append(
                (
                    str(s.id),
                    f"{event.data.title}, {format_date(when, 'kk')}",
                    f"{event.data.title}, {format_date(when, 'ru')}",
                )
            )
    return out


def _sheet(session: Session, _a: Actor, p: Params, _t: date, _pr: Progress) -> SignInSheet:
    from app.training.queries import sign_in_sheet

    return sign_in_sheet(session, uuid.UUID(p["session"]))


def _sheet_pdf(data: SignInSheet, head: Letterhead) -> bytes:
    from app.documents.training_plan import build_sign_in_sheet

    dates = format_date(data.starts_on, head.lang)
    if data.ends_on != data.starts_on:
        dates += f" – {format_date(data.ends_on, head.lang)}"
    return build_sign_in_sheet(
        data.rows,
        title=data.title,
        dates=dates,
        place=data.place,
        trainer=data.trainer,
        lang=head.lang,
        centre_name=head.centre_name,
        today=head.printed_on,
    )


DOCUMENTS = (
    Document(
        id="training-plan",
        title=N_("Plan of training events"),
        description=N_("The year's plan due by 1 December, or the events held (T-2, T-3)."),
        page="cpd",
        params=(
            year(this_year),
            Param(
                "held",
                FLAG,
                N_("Events held"),
                default=False,
                help=N_("report of the events held instead"),
            ),
        ),
        gather=_plan,
        pdf=_plan_pdf,
        sheets=_plan_sheets,
        count=lambda d: len(d.rows),
        done=N_("{count} events written to {path}"),
    ),
    Document(
        id="sign-in-sheet",
        title=N_("Sign-in sheet"),
        description=N_("The numbered sign-in sheet of a training session."),
        page="cpd",
        params=(
            year(this_year, required=False),
            Param(
                "session",
                REF,
                N_("Session"),
                required=True,
                options=session_options,
                blank=False,
                help=N_("training session id"),
            ),
        ),
        gather=_sheet,
        pdf=_sheet_pdf,
        formats=("pdf",),
        stem=lambda _p: "sign-in-sheet",
    ),
)
