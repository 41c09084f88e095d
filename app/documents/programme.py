"""The individual programme of a pair (M-7) with the chairman's approval block."""

from __future__ import annotations

from datetime import date
from xml.sax.saxutils import escape

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepTogether, Paragraph, Spacer, Table, TableStyle

from app.documents import styles
from app.documents.document import DocumentInfo, render
from app.documents.layout import fit_widths
from app.documents.protocol import KIND_LABELS
from app.mentoring.dto import PairDTO, ProgrammeDTO
from app.mentoring.programme import STATUS_LABELS
from i18n import format_date, format_date_long, translator


def _approval(prog: ProgrammeDTO, lang: str) -> Table:
    tr_ = translator(lang)
    approved = tr_("APPROVED")
    lines = [tr_("Chairman of the court")]
    lines.append(f"{'_' * 14} {prog.approved_by}" if prog.approved_by else "_" * 30)
    lines.append(
        format_date_long(prog.approved_on, lang) if prog.approved_on else "«___» ____________ 20__"
    )
    block = [Paragraph(f"<b>{escape(approved)}</b>", styles.BODY)]
    block += [Paragraph(escape(x), styles.BODY) for x in lines]
    table = Table([["", block]], colWidths=[90 * mm, 79 * mm])
    table.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP")]))
    return table


def build_programme(
    pair: PairDTO,
    prog: ProgrammeDTO,
    *,
    lang: str,
    centre_name: str = "",
    today: date | None = None,
) -> bytes:
    """PDF of the current version of an individual programme (M-7)."""
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
    table = Table(
        data,
        colWidths=fit_widths(data, [9 * mm, 42 * mm, 46 * mm, 20 * mm, 22 * mm, 30 * mm]),
        repeatRows=1,
    )
    table.setStyle(styles.GRID)
    signatures = Table(
        [
            [
                Paragraph(escape(tr_(KIND_LABELS[pair.kind]).capitalize()), styles.BODY),
                Paragraph("_" * 16, styles.BODY),
                Paragraph(escape(pair.guide_name), styles.BODY),
            ],
            [
                Paragraph(escape(tr_("Protégé")), styles.BODY),
                Paragraph("_" * 16, styles.BODY),
                Paragraph(escape(pair.protege_name), styles.BODY),
            ],
        ],
        colWidths=[45 * mm, 45 * mm, 79 * mm],
    )
    signatures.setStyle(TableStyle([("TOPPADDING", (0, 0), (-1, -1), 10)]))
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
        Paragraph(
            escape(
                tr_("Version {n}; completed {percent}%").format(
                    n=prog.version, percent=prog.progress
                )
            ),
            styles.BODY,
        ),
        Spacer(1, 4 * mm),
        table,
        KeepTogether([Spacer(1, 8 * mm), signatures]),
    ]
    return render(
        DocumentInfo(title=title, lang=lang, centre_name=centre_name, printed_on=today), story
    )
