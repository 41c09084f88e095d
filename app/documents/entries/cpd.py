"""CPD and training documents: compliance, individual reports, summary, plan, sign-in sheet."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy.orm import Session

from app.core.context import Actor
from app.core.errors import NotFoundError
from app.core.progress import Progress
from app.cpd.dto import ComplianceFilter, ComplianceRow, IndividualReportData
from app.cpd.vocab import COMPLIANCE_STATUSES
from app.documents.entries.common import region, this_year, year
from app.documents.spec import (
    CHOICE,
    FLAG,
    PEOPLE,
    REF,
    Document,
    Letterhead,
    Option,
    Param,
    Params,
    Sheet,
)
from app.training.dto import PlanRow, SignInSheet
from i18n import N_, format_date, localized


@dataclass(frozen=True)
class Compliance:
    """Verdicts of a year and the courts' names in both languages."""

    year: int
    as_of: date
    rows: list[ComplianceRow]
    courts: dict[Any, tuple[str, str]]

    def names(self, lang: str) -> dict[Any, str]:
        """Court id → name in a language."""
        return {k: localized(kk, ru, lang) for k, (kk, ru) in self.courts.items()}


def _compliance(session: Session, _a: Actor, p: Params, today: date, _pr: Progress) -> Compliance:
    from app.courts.service import list_courts
    from app.cpd.compliance import compliance

    flt = ComplianceFilter(year=p["year"], status=p["status"], region_code=p["region"])
    courts = {c.id: (c.name_kk, c.name_ru) for c in list_courts(session)}
    return Compliance(p["year"], today, compliance(session, flt, today), courts)


def _compliance_pdf(data: Compliance, head: Letterhead) -> bytes:
    from app.documents.cpd_summary import build_compliance_pdf

    return build_compliance_pdf(
        data.rows,
        data.names(head.lang),
        year=data.year,
        lang=head.lang,
        centre_name=head.centre_name,
        today=data.as_of,
    )


def _compliance_sheets(data: Compliance, lang: str) -> list[Sheet]:
    from app.documents.cpd_summary import compliance_cells, compliance_header

    names = data.names(lang)
    rows = [compliance_cells(r, lang, names) for r in data.rows]
    return [Sheet(str(data.year), compliance_header(lang), rows)]


@dataclass(frozen=True)
class Batch:
    """The individual reports to print, and the progress to report as each is laid out."""

    reports: list[IndividualReportData]
    progress: Progress


def _individual(session: Session, _a: Actor, p: Params, today: date, pr: Progress) -> Batch:
    from app.cpd.individual import individual_report_data, people_to_print

    ids = people_to_print(session, p["person"], p["region"])
    reports = individual_report_data(session, ids, p["year"], today)
    if not reports:
        raise NotFoundError(N_("Nobody to print."))
    return Batch(reports, pr)


def _individual_pdf(data: Batch, head: Letterhead) -> bytes:
    from app.documents.cpd_individual import build_individual_reports

    def step(done: int, total: int) -> bool:
        data.progress.step(done, total)  # raises CancelledError once the user cancelled
        return True

    return build_individual_reports(
        data.reports,
        lang=head.lang,
        centre_name=head.centre_name,
        printed_on=head.printed_on,
        progress=step,
    )


def _summary(session: Session, _a: Actor, p: Params, today: date, _pr: Progress) -> Any:
    from app.cpd.summary import centre_summary

    return centre_summary(session, p["year"], region_code=p["region"], as_of=today)


def _summary_pdf(data: Any, head: Letterhead) -> bytes:
    from app.documents.cpd_summary import build_summary_pdf

    return build_summary_pdf(data, lang=head.lang, centre_name=head.centre_name, today=data.as_of)


def _summary_sheets(data: Any, lang: str) -> list[Sheet]:
    from app.documents.cpd_summary import summary_sheets

    return summary_sheets(data, lang)


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
    from app.documents.training_plan import plan_cells, plan_header

    cells = [plan_cells(n, r, lang, data.held) for n, r in enumerate(data.rows, start=1)]
    return [Sheet(str(data.year), plan_header(lang, data.held), cells)]


def session_options(session: Session, params: Params) -> list[Option]:
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
        id="cpd-compliance",
        title=N_("CPD compliance"),
        description=N_("Everyone's points earned and required for a year and the verdict (C-2)."),
        page="cpd",
        params=(
            year(this_year),
            Param("status", CHOICE, N_("Status"), choices=tuple(COMPLIANCE_STATUSES.items())),
            region(),
        ),
        gather=_compliance,
        pdf=_compliance_pdf,
        sheets=_compliance_sheets,
        formats=("xlsx", "csv", "pdf"),
        count=lambda d: len(d.rows),
        done=N_("{count} people exported to {path}"),
        cli_help="CPD compliance of a year",
    ),
    Document(
        id="cpd-individual",
        title=N_("Individual CPD reports"),
        description=N_("The report form of seed 004 for named people or a whole region (C-5)."),
        page="cpd",
        params=(
            Param(
                "person",
                PEOPLE,
                N_("IIN"),
                default=(),
                help="IIN; repeat for several people",
            ),
            region(),
            year(this_year),
        ),
        gather=_individual,
        pdf=_individual_pdf,
        formats=("pdf",),
        count=lambda d: len(d.reports),
        done=N_("Report written to {path}"),
        stem=lambda p: f"cpd-reports-{p['year']}",
        cli_help="individual CPD report(s) as one PDF",
    ),
    Document(
        id="cpd-summary",
        title=N_("Yearly CPD summary"),
        description=N_("The centre's summary for the national body, due by 1 March (C-7)."),
        page="cpd",
        params=(year(this_year), region()),
        gather=_summary,
        pdf=_summary_pdf,
        sheets=_summary_sheets,
        formats=("pdf", "xlsx"),
        done=N_("Report written to {path}"),
        cli_help="the centre's yearly CPD summary (C-7)",
    ),
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
                help="report of the events held instead",
            ),
        ),
        gather=_plan,
        pdf=_plan_pdf,
        sheets=_plan_sheets,
        count=lambda d: len(d.rows),
        done=N_("{count} events written to {path}"),
        cli_help="plan of training events (or events held)",
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
                help="training session id",
            ),
        ),
        gather=_sheet,
        pdf=_sheet_pdf,
        formats=("pdf",),
        stem=lambda _p: "sign-in-sheet",
        cli_help="the sign-in sheet of a training session",
    ),
)
