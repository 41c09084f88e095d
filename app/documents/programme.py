"""The individual programme of a pair (M-7) with the chairman's approval block."""

from __future__ import annotations

from datetime import date
from typing import Any
from xml.sax.saxutils import escape

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Paragraph, Spacer, Table

from app.documents import styles
from app.documents.document import DocumentInfo, render
from app.documents.layout import (
    approval_block,
    fit_widths,
    frame_width,
    signature_lines,
    table_then,
)
from app.documents.protocol import KIND_LABELS
from app.mentoring.dto import PairDTO, ProgrammeDTO
from app.mentoring.programme import STATUS_LABELS
from i18n import format_date, format_date_long, translator


def _approval(prog: ProgrammeDTO, lang: str) -> Table:
    """M-7, seed 002 cl. 2: the court chairman approves the programme."""
    tr_ = translator(lang)
    return approval_block(
        lang,
        frame_width(False),
        post=tr_("Chairman of the court"),
        name=prog.approved_by,
        signed_on=format_date_long(prog.approved_on, lang) if prog.approved_on else "",
    )


def _coordinator_line(tr_: Any, coordinator: str) -> list[Flowable]:
    if not coordinator:
        return []
    text = tr_("Coordinator of judicial mentoring: {name}").format(name=coordinator)
    return [Paragraph(escape(text), styles.BODY)]


def build_programme(
    pair: PairDTO,
    prog: ProgrammeDTO,
    *,
    lang: str,
    centre_name: str = "",
    today: date | None = None,
    coordinator: str = "",
) -> bytes:
    """PDF of the current version of an individual programme (M-7); `coordinator` is the
    region's named coordinator, who helps draw it up (M-6, seed 002 cl. 9, 10.3).
    """
    tr_ = translator(lang)
    today = today or date.today()
    title = tr_("Individual programme of judicial mentoring")
    head = [tr_("No."), tr_("Goal"), tr_("Activity"), tr_("Due"), tr_("Status"), tr_("Evidence")]
    data = [[Paragraph(escape(h), styles.CELL_HEAD) for h in head]]
    for n, item in enumerate(prog.items, start=1):
        cells = [
            str(n),
            item.goal,
            item.activity,
            format_date(item.due_on, lang),
            tr_(STATUS_LABELS.get(item.status, item.status)),
            item.evidence,
        ]
        data.append([Paragraph(escape(c), styles.CELL) for c in cells])
    widths = fit_widths(data, [9 * mm, 42 * mm, 46 * mm, 20 * mm, 22 * mm, 30 * mm])
    signatures = signature_lines(
        [
            (tr_(KIND_LABELS[pair.kind]).capitalize(), pair.guide_name),
            (tr_("Protégé"), pair.protege_name),
        ],
        frame_width(False),
    )
    story: list[Flowable] = [
        _approval(prog, lang),
        Spacer(1, 6 * mm),
        Paragraph(escape(title), styles.TITLE),
        Paragraph(escape(tr_("Protégé: {name}").format(name=pair.protege_name)), styles.BODY),
        Paragraph(
            escape(
                tr_("{kind}: {name}").format(
                    kind=tr_(KIND_LABELS[pair.kind]).capitalize(), name=pair.guide_name
                )
            ),
            styles.BODY,
        ),
        Paragraph(
            escape(
                tr_("Term: {start} – {end}").format(
                    start=format_date(pair.starts_on, lang), end=format_date(pair.ends_on, lang)
                )
            ),
            styles.BODY,
        ),
        *_coordinator_line(tr_, coordinator),
        Paragraph(
            escape(
                tr_("Version {n}; completed {percent}%").format(
                    n=prog.version, percent=prog.progress
                )
            ),
            styles.BODY,
        ),
        Spacer(1, 4 * mm),
    ]
    if prog.items:
        # The signatures take the programme's last items with them to a new page.
        story += table_then(data, widths, [Spacer(1, 8 * mm), signatures])
    else:
        story += [Spacer(1, 8 * mm), signatures]
    return render(
        DocumentInfo(title=title, lang=lang, centre_name=centre_name, printed_on=today), story
    )
