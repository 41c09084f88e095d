"""Write the yearly plan, the report of events held and sign-in sheets as files."""

from __future__ import annotations

import uuid
from datetime import date
from pathlib import Path

from sqlalchemy.orm import Session

from app.core.errors import NotFoundError
from app.core.sheet_writer import write_csv, write_xlsx
from app.cpd.printing import centre_name
from app.documents.training_plan import build_plan_pdf, build_sign_in_sheet, plan_cells, plan_header
from app.training.dto import PlanRow
from app.training.plan import plan_status
from app.training.queries import plan_rows, registrations
from db.models import TrainingEvent, TrainingSession
from i18n import N_, format_date


def export_plan(
    session: Session,
    year: int,
    fmt: str,
    path: Path,
    *,
    lang: str,
    held: bool = False,
    today: date | None = None,
) -> list[PlanRow]:
    """The plan of a year (T-3) or the report of events held (T-2) as pdf, xlsx or csv."""
    rows = plan_rows(session, year, held_only=held)
    if fmt == "pdf":
        status = plan_status(session, year)
        path.write_bytes(
            build_plan_pdf(
                rows,
                year=year,
                lang=lang,
                held=held,
                centre_name=centre_name(session, lang),
                due_on=status.due_on,
                today=today,
            )
        )
        return rows
    header = plan_header(lang, held)
    cells = [plan_cells(n, r, lang, held) for n, r in enumerate(rows, start=1)]
    if fmt == "csv":
        write_csv(path, header, cells)
    else:
        write_xlsx(path, str(year), header, cells)
    return rows


def sign_in_sheet_pdf(
    session: Session, session_id: uuid.UUID, *, lang: str, today: date | None = None
) -> bytes:
    """The printed sign-in sheet of a session, rows numbered for typing attendance back."""
    ts = session.get(TrainingSession, session_id)
    if ts is None:
        raise NotFoundError(N_("This session was deleted by someone else."))
    event = session.get(TrainingEvent, ts.event_id)
    assert event is not None
    dates = format_date(ts.starts_on, lang)
    if ts.ends_on != ts.starts_on:
        dates += f" – {format_date(ts.ends_on, lang)}"
    rows = [r for r in registrations(session, session_id) if r.state == "registered"]
    return build_sign_in_sheet(
        rows,
        title=event.title,
        dates=dates,
        place=ts.place,
        trainer=ts.trainer,
        lang=lang,
        centre_name=centre_name(session, lang),
        today=today,
    )
