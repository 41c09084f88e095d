"""Staff documents as catalogue entries: the adaptation plan (S-1)."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import date

from sqlalchemy.orm import Session

from app.core.context import Actor
from app.core.progress import Progress
from app.documents.entries.common import year
from app.documents.spec import REF, Document, Letterhead, Option, Param, Params, Sheet
from app.staff.dto import AdaptationDTO, InternshipDTO
from i18n import N_, translator


def adaptation_options(session: Session, _actor: Actor, _params: Params) -> list[Option]:
    """Adaptations: staff member — tutor, newest first."""
    from app.staff.queries import list_adaptations

    found = list_adaptations(session, date.today())
    labels = [f"{r.person_name} — {r.tutor_name}" for r in found]
    return [(str(r.id), label, label) for r, label in zip(found, labels, strict=True)]


def _gather(session: Session, _a: Actor, p: Params, _t: date, _pr: Progress) -> AdaptationDTO:
    from app.staff.service import get_adaptation

    return get_adaptation(session, uuid.UUID(p["adaptation"]))


def _pdf(data: AdaptationDTO, head: Letterhead) -> bytes:
    from app.documents.adaptation_plan import build_adaptation_plan

    return build_adaptation_plan(
        data, lang=head.lang, centre_name=head.centre_name, today=head.printed_on
    )


@dataclass(frozen=True)
class Schedule:
    """The year's schedule of civil servants' internships (S-2)."""

    year: int
    rows: list[InternshipDTO]


def _schedule(session: Session, _a: Actor, p: Params, _t: date, _pr: Progress) -> Schedule:
    from app.staff.internships import schedule_of_year

    return Schedule(int(p["year"]), schedule_of_year(session, int(p["year"])))


def _schedule_pdf(data: Schedule, head: Letterhead) -> bytes:
    from app.documents.staff_internships import build_staff_internships

    return build_staff_internships(
        data.rows, data.year, lang=head.lang, centre_name=head.centre_name, today=head.printed_on
    )


def _schedule_sheets(data: Schedule, lang: str) -> list[Sheet]:
    from app.documents.staff_internships import schedule_table

    header, rows = schedule_table(data.rows, lang)
    return [Sheet(translator(lang)("Internships"), header, rows)]


DOCUMENTS = (
    Document(
        id="adaptation-plan",
        title=N_("Adaptation plan"),
        description=N_("A newly hired staff member's adaptation plan with its tutor (S-1)."),
        page="people",
        params=(
            Param(
                "adaptation",
                REF,
                N_("Adaptation"),
                required=True,
                options=adaptation_options,
                blank=False,
                help=N_("adaptation id"),
            ),
        ),
        gather=_gather,
        pdf=_pdf,
        formats=("pdf",),
        stem=lambda _p: "adaptation-plan",
    ),
    Document(
        id="staff-internships",
        title=N_("Schedule of civil servants' internships"),
        description=N_("Who, where and when, and whether it was held, for a year (S-2)."),
        page="people",
        params=(year(lambda today: today.year),),
        gather=_schedule,
        pdf=_schedule_pdf,
        sheets=_schedule_sheets,
        stem=lambda p: f"staff-internships-{p['year']}",
        count=lambda data: len(data.rows),
        done=N_("{count} internships exported to {path}"),
    ),
)
