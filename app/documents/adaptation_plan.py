"""A staff member's adaptation plan (S-1, seed 003 §7.1.5) with the approval block."""

from __future__ import annotations

from datetime import date
from xml.sax.saxutils import escape

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Paragraph, Spacer

from app.documents import styles
from app.documents.document import DocumentInfo, render
from app.documents.layout import approval, fit_widths, frame_width, signature_lines, table_then
from app.staff.dto import AdaptationDTO
from app.staff.vocab import RESULT_LABELS
from i18n import format_date, format_date_long, translator

BLANK_ROWS = 6  # rows of a plan not yet entered, to be filled in by hand


def signed_as(full_name: str) -> str:
    """Initials, then the surname ("Д.І. Дәулетова"), as a signature is spelled out: a whole
    Kazakh name with its patronymic wraps beside the line and leaves the name under it.
    """
    surname, *given = full_name.split() or [""]
    initials = "".join(f"{g[0]}." for g in given)
    return f"{initials} {surname}" if initials else surname


def build_adaptation_plan(
    a: AdaptationDTO, *, lang: str, centre_name: str = "", today: date | None = None
) -> bytes:
    """PDF of the plan: approved by the head of the apparatus, signed by tutor and newcomer."""
    tr_ = translator(lang)
    today = today or date.today()
    title = tr_("Adaptation plan of a newly hired staff member")
    head = [tr_("No."), tr_("Item of the plan"), tr_("Due on"), tr_("Done")]
    data = [[Paragraph(escape(h), styles.CELL_HEAD) for h in head]]
    for n, item in enumerate(a.items, start=1):
        cells = [str(n), item.title, format_date(item.due_on, lang), "✓" if item.done else ""]
        data.append([Paragraph(escape(c), styles.CELL) for c in cells])
    if not a.items:
        # No plan entered yet: a form to fill in by hand, numbered rows as on paper.
        data += [[Paragraph(str(n), styles.CELL), "", "", ""] for n in range(1, BLANK_ROWS + 1)]
    widths = fit_widths(data, [10 * mm, 110 * mm, 30 * mm, 20 * mm])
    signatures = signature_lines(
        [(tr_("Tutor"), signed_as(a.tutor_name)), (tr_("Staff member"), signed_as(a.person_name))],
        frame_width(False),
    )
    lines = [
        tr_("Staff member: {name}").format(name=a.person_name),
        tr_("Tutor: {name}").format(name=a.tutor_name),
        tr_("Hired on {date}").format(date=format_date_long(a.hired_on, lang)),
        tr_("Term: {start} – {end}").format(
            start=format_date(a.starts_on, lang), end=format_date(a.ends_on, lang)
        ),
    ]
    if a.result:
        lines.append(
            tr_("Result: {result}, {date}, {who}").format(
                result=tr_(RESULT_LABELS[a.result]),
                date=format_date_long(a.decided_on, lang) if a.decided_on else "",
                who=a.decided_by,
            )
        )
    story: list[Flowable] = [
        *approval(lang, tr_("Head of the court's apparatus"), landscape=False),
        Paragraph(escape(title), styles.TITLE),
        *(Paragraph(escape(line), styles.BODY) for line in lines),
        Spacer(1, 4 * mm),
    ]
    # The signatures take the plan's last items with them to a new page.
    story += table_then(data, widths, [Spacer(1, 8 * mm), signatures])
    return render(
        DocumentInfo(title=title, lang=lang, centre_name=centre_name, printed_on=today), story
    )
