"""CPD documents: compliance (C-2), individual reports (C-5), the yearly summary (C-7)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy.orm import Session

from app.core.context import Actor
from app.core.errors import NotFoundError
from app.core.progress import Progress
from app.cpd.dto import ComplianceFilter, ComplianceRow, IndividualReportData
from app.cpd.vocab import COMPLIANCE_STATUSES
from app.documents.entries.common import region, region_name, region_names, this_year, year
from app.documents.spec import (
    CHOICE,
    PEOPLE,
    Document,
    Letterhead,
    Param,
    Params,
    Sheet,
)
from i18n import N_, localized, translator


@dataclass(frozen=True)
class Compliance:
    """Verdicts of a year and the courts' names in both languages."""

    year: int
    as_of: date
    rows: list[ComplianceRow]
    courts: dict[Any, tuple[str, str]]
    region: tuple[str, str] = ("", "")  # the region listed (kk, ru); blank for all
    status: str = ""  # the one status listed; "" for all

    def names(self, lang: str) -> dict[Any, str]:
        """Court id → name in a language."""
        return {k: localized(kk, ru, lang) for k, (kk, ru) in self.courts.items()}


def _ledger(session: Session, _a: Actor, p: Params, _t: date, _pr: Progress) -> Ledger:
    from app.cpd.ledger_export import ledger_table

    return Ledger(ledger_table(session, int(p["year"]), "kk")[1], int(p["year"]))


@dataclass(frozen=True)
class Ledger:
    """The year's ledger lines, in the import's column order."""

    rows: list[list[object]]
    year: int


def _ledger_sheets(data: Ledger, lang: str) -> list[Sheet]:
    from app.cpd.import_file import column_titles

    tr_ = translator(lang)
    return [Sheet(tr_("CPD ledger lines"), column_titles(lang), data.rows)]


def _ledger_pdf(data: Ledger, head: Letterhead) -> bytes:
    from decimal import Decimal

    from app.cpd.import_file import column_titles
    from app.documents.table_pdf import mm_widths, table_document
    from i18n import format_date, format_number

    def cell(v: object) -> str:
        if isinstance(v, date):
            return format_date(v, head.lang)
        if isinstance(v, Decimal | int):
            return format_number(v, head.lang)
        return "" if v is None else str(v)

    tr_ = translator(head.lang)
    # The row key is for the import, not for a reader: the paper leaves it out.
    rows = [[cell(v) for v in row[:-1]] for row in data.rows]
    return table_document(
        title=tr_("CPD ledger lines"),
        subtitle=str(data.year),
        header=[t.rstrip(" *") for t in column_titles(head.lang)][:-1],
        rows=rows,
        widths=mm_widths(26, 16, 70, 45, 22, 22, 15, 15, 46),
        lang=head.lang,
        centre_name=head.centre_name,
        today=head.printed_on,
        total=tr_("Total: {count}").format(count=len(rows)),
        numeric=(),
        progress=head.progress,
    )


def _compliance(session: Session, _a: Actor, p: Params, today: date, _pr: Progress) -> Compliance:
    from app.courts.service import list_courts
    from app.cpd.compliance import compliance

    flt = ComplianceFilter(year=p["year"], status=p["status"], region_code=p["region"])
    courts = {c.id: (c.name_kk, c.name_ru) for c in list_courts(session)}
    rows = compliance(session, flt, today)
    named = region_names(session, p["region"]) if p["region"] else ("", "")
    return Compliance(p["year"], today, rows, courts, named, p["status"] or "")


def _compliance_pdf(data: Compliance, head: Letterhead) -> bytes:
    from app.documents.cpd_summary import build_compliance_pdf

    return build_compliance_pdf(
        data.rows,
        data.names(head.lang),
        year=data.year,
        lang=head.lang,
        centre_name=head.centre_name,
        today=data.as_of,
        progress=head.progress,
        region=region_name(data.region, head.lang) if data.region[0] else "",
        status=data.status,
    )


def _compliance_sheets(data: Compliance, lang: str) -> list[Sheet]:
    from app.documents.cpd_summary import compliance_header, compliance_values

    names = data.names(lang)
    rows = [compliance_values(r, lang, names) for r in data.rows]
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

    return build_individual_reports(
        data.reports,
        lang=head.lang,
        centre_name=head.centre_name,
        printed_on=head.printed_on,
        progress=data.progress,
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
                help=N_("IIN; repeat for several people"),
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
    ),
    # Last: Ctrl+P on the CPD page prints the first document (compliance).
    Document(
        id="cpd-ledger",
        title=N_("CPD ledger lines"),
        description=N_("Every CPD line of a year in the columns of the CPD import (C-3)."),
        page="cpd",
        params=(year(this_year),),
        gather=_ledger,
        pdf=_ledger_pdf,
        sheets=_ledger_sheets,
        formats=("xlsx", "csv", "pdf"),
        count=lambda d: len(d.rows),
        stem=lambda p: f"cpd-ledger-{p['year']}",
        done=N_("{count} CPD lines exported to {path}"),
    ),
)
