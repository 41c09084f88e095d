"""Printable documents of internships and evaluation, opened from the Reports page."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtWidgets import QMessageBox, QWidget

from app.core.store import Session
from app.courts.centre import current_centre
from app.documents.evaluation_summary import build_summary_pdf
from app.documents.internship_quality import build_quality_pdf
from app.documents.internship_schedule import build_due_pdf, build_schedule_pdf
from app.evaluation.queries import periods
from app.evaluation.summary import summary_table
from app.internships.due import due_judges
from app.internships.quality import compare
from app.internships.queries import schedule
from i18n import _, current_language, localized
from ui.context import UiContext
from ui.kit.op import Query
from ui.kit.print_preview_dialog import PrintPreviewDialog


def _centre(s: Session, lang: str) -> str:
    centre = current_centre(s)
    return localized(centre.name_kk, centre.name_ru, lang) if centre else ""


def _preview(ctx: UiContext, parent: QWidget, name: str, build: Callable[[Session], bytes]) -> None:
    pdf = Query(parent, ctx, build).run()
    if pdf is not None:
        PrintPreviewDialog(pdf, name, parent).exec()


def open_schedule(
    ctx: UiContext, parent: QWidget, year: int | None = None, *, region_code: str = ""
) -> None:
    """The schedule of next year's internships (I-1)."""
    year, lang = year or date.today().year + 1, current_language()
    _preview(
        ctx,
        parent,
        f"internship-schedule-{year}.pdf",
        lambda s: build_schedule_pdf(
            schedule(s, year, region_code=region_code),
            year=year,
            lang=lang,
            centre_name=_centre(s, lang),
        ),
    )


def open_due(ctx: UiContext, parent: QWidget, year: int | None = None) -> None:
    """Judges due for an internship next year (I-1)."""
    year, lang = year or date.today().year + 1, current_language()
    _preview(
        ctx,
        parent,
        f"internships-due-{year}.pdf",
        lambda s: build_due_pdf(
            due_judges(s, year), year=year, lang=lang, centre_name=_centre(s, lang)
        ),
    )


def open_quality(ctx: UiContext, parent: QWidget, year: int | None = None) -> None:
    """Quality before and after the internships done this year (I-2)."""
    year, lang = year or date.today().year, current_language()
    _preview(
        ctx,
        parent,
        f"internship-quality-{year}.pdf",
        lambda s: build_quality_pdf(
            compare(s, year), year=year, lang=lang, centre_name=_centre(s, lang)
        ),
    )


def open_summary(ctx: UiContext, parent: QWidget) -> None:
    """The summary table of the latest period of judges' evaluation (E-3)."""
    lang = current_language()
    found = Query(parent, ctx, lambda s: periods(s, "judge_activity")).run() or []
    if not found:
        QMessageBox.information(
            parent,
            _("Summary table by criterion"),
            _("No evaluation round with signed sheets yet."),
        )
        return
    period = found[0]
    _preview(
        ctx,
        parent,
        f"summary-{period}.pdf",
        lambda s: build_summary_pdf(
            summary_table(s, "judge_activity", period), lang=lang, centre_name=_centre(s, lang)
        ),
    )
