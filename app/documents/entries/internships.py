"""Internship documents (I-1…I-3) and the evaluation summary table (E-3)."""

from __future__ import annotations

from datetime import date
from typing import Any

from sqlalchemy.orm import Session

from app.core.context import Actor
from app.core.progress import Progress
from app.documents.entries.common import count_of, next_year, region, this_year, year
from app.documents.spec import FLAG, REF, TEXT, Document, Letterhead, Option, Param, Params, Sheet
from i18n import N_, translator

# (data, year) for the documents of a year: renderers print the year in their titles.
Of = tuple[Any, int]


def _due(session: Session, _a: Actor, p: Params, _t: date, _pr: Progress) -> Of:
    from app.internships.dto import DueFilter
    from app.internships.due import due_judges

    flt = DueFilter(
        region_code=p["region"], text=p["search"], only_unscheduled=bool(p["unscheduled"])
    )
    return due_judges(session, p["year"], flt), p["year"]


def _due_pdf(data: Of, head: Letterhead) -> bytes:
    from app.documents.internship_schedule import build_due_pdf

    return build_due_pdf(
        data[0],
        year=data[1],
        lang=head.lang,
        centre_name=head.centre_name,
        today=head.printed_on,
    )


def _due_sheets(data: Of, lang: str) -> list[Sheet]:
    from app.documents.internship_schedule import due_table

    return [Sheet(translator(lang)("Due"), *due_table(data[0], lang))]


def _schedule(session: Session, _a: Actor, p: Params, _t: date, _pr: Progress) -> Of:
    from app.internships.queries import schedule

    return schedule(session, p["year"], region_code=p["region"]), p["year"]


def _schedule_pdf(data: Of, head: Letterhead) -> bytes:
    from app.documents.internship_schedule import build_schedule_pdf

    return build_schedule_pdf(
        data[0],
        year=data[1],
        lang=head.lang,
        centre_name=head.centre_name,
        today=head.printed_on,
    )


def _schedule_sheets(data: Of, lang: str) -> list[Sheet]:
    from app.documents.internship_schedule import schedule_table

    return [Sheet(translator(lang)("Schedule"), *schedule_table(data[0], lang))]


def _quality(session: Session, _a: Actor, p: Params, _t: date, _pr: Progress) -> Of:
    from app.internships.quality import compare

    return compare(session, p["year"], p.get("region") or ""), p["year"]


def _quality_pdf(data: Of, head: Letterhead) -> bytes:
    from app.documents.internship_quality import build_quality_pdf

    return build_quality_pdf(
        data[0],
        year=data[1],
        lang=head.lang,
        centre_name=head.centre_name,
        today=head.printed_on,
    )


def _quality_sheets(data: Of, lang: str) -> list[Sheet]:
    from app.internships.quality_table import quality_rows

    return [Sheet(translator(lang)("Quality"), *quality_rows(data[0], lang, typed=True))]


def _places(session: Session, _a: Actor, p: Params, _t: date, _pr: Progress) -> Of:
    from app.internships.queries import candidate_places_usage

    return candidate_places_usage(session, p["year"]), p["year"]


def _places_pdf(data: Of, head: Letterhead) -> bytes:
    from app.documents.internship_schedule import build_candidate_places_pdf

    return build_candidate_places_pdf(
        data[0],
        year=data[1],
        lang=head.lang,
        centre_name=head.centre_name,
        today=head.printed_on,
    )


def _places_sheets(data: Of, lang: str) -> list[Sheet]:
    from app.documents.internship_schedule import candidate_places_table

    return [Sheet(translator(lang)("Candidates"), *candidate_places_table(data[0], lang))]


def period_options(session: Session, _actor: Actor, params: Params) -> list[Option]:
    """Periods with evaluation sheets of the template, newest first."""
    from app.evaluation.queries import periods

    return [(p, p, p) for p in periods(session, params.get("template") or "judge_activity")]


def _summary(session: Session, _a: Actor, p: Params, _t: date, _pr: Progress) -> Any:
    from app.evaluation.summary import summary_table

    return summary_table(session, p["template"], p["period"], p.get("region") or "")


def _summary_pdf(data: Any, head: Letterhead) -> bytes:
    from app.documents.evaluation_summary import build_summary_pdf

    return build_summary_pdf(
        data,
        lang=head.lang,
        centre_name=head.centre_name,
        today=head.printed_on,
        progress=head.progress,
    )


def _summary_sheets(data: Any, lang: str) -> list[Sheet]:
    from app.evaluation.summary_table import summary_rows

    return [Sheet(translator(lang)("Summary"), *summary_rows(data, lang, typed=True))]


def _count(data: Of) -> int:
    return count_of(data[0])


DOCUMENTS = (
    Document(
        id="internships-due",
        title=N_("Judges due for an internship"),
        description=N_("The year's list with due dates and priority inputs (rule I-1)."),
        page="internships",
        params=(
            year(next_year),
            region(),
            Param("search", TEXT, N_("Search"), help=N_("search text, as in the due list")),
            Param(
                "unscheduled",
                FLAG,
                N_("Not yet scheduled only"),
                default=False,
                help=N_("only judges not yet scheduled"),
            ),
        ),
        gather=_due,
        pdf=_due_pdf,
        sheets=_due_sheets,
        count=_count,
    ),
    Document(
        id="internship-schedule",
        title=N_("Schedule of internships"),
        description=N_("The year's internships by host court (rule I-1)."),
        page="internships",
        params=(year(next_year), region()),
        gather=_schedule,
        pdf=_schedule_pdf,
        sheets=_schedule_sheets,
        count=_count,
    ),
    Document(
        id="internship-quality",
        title=N_("Quality before and after internships"),
        description=N_("The year's internships compared per judge and per court (rule I-2)."),
        page="internships",
        params=(year(this_year), region()),
        gather=_quality,
        pdf=_quality_pdf,
        sheets=_quality_sheets,
        count=_count,
    ),
    Document(
        id="candidate-places",
        title=N_("Places for candidates' internships"),
        description=N_("Paid internships of candidate judges: places per court (rule I-3)."),
        page="internships",
        params=(year(this_year),),
        gather=_places,
        pdf=_places_pdf,
        sheets=_places_sheets,
        count=_count,
    ),
    Document(
        id="evaluation-summary",
        title=N_("Summary table by criterion"),
        description=N_("An evaluation of judges with the change from the previous period (E-3)."),
        page="evaluation",
        params=(
            Param(
                "template",
                TEXT,
                N_("Template"),
                default="judge_activity",
                required=True,
                help=N_("template code, e.g. judge_activity"),
            ),
            Param(
                "period",
                REF,
                N_("Period"),
                required=True,
                options=period_options,
                blank=False,
                help=N_("evaluation period, e.g. 2027"),
            ),
            region(),
        ),
        gather=_summary,
        pdf=_summary_pdf,
        sheets=_summary_sheets,
        stem=lambda p: "-".join(
            x for x in ("evaluation-summary", p["template"], p["period"], p.get("region")) if x
        ),
    ),
)
