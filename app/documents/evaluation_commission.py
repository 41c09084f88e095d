"""E-3 on paper: the commission's protocol on a round's results (seed 001 §7.1.12) and the sheet
on which the judges sign that they were acquainted with their results (§7.1.14).
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from xml.sax.saxutils import escape

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Paragraph, Spacer

from app.documents import styles
from app.documents.document import DocumentInfo, render
from app.documents.layout import frame_width, keep_with_last, signature_lines
from app.documents.table_pdf import mm_widths, table_document
from app.evaluation.commission import DECISIONS, ProtocolContent
from i18n import format_date, format_date_long, format_number, localized, translator


def _total(value: Decimal | None, lang: str) -> str:
    return "—" if value is None else format_number(value, lang, decimals=2)


def _p(text: str, style: object = styles.BODY) -> Paragraph:
    return Paragraph(escape(text), style)


def build_commission_protocol(
    c: ProtocolContent, *, lang: str, centre_name: str, today: date
) -> bytes:
    """PDF of a commission protocol: who sat, and the decision on each judge's results."""
    tr_ = translator(lang)
    title = tr_("PROTOCOL No. {number}").format(number=c.number)
    story: list[Flowable] = [
        _p(
            tr_("Commission for the evaluation of the professional activity of judges"),
            styles.BODY_CENTER,
        ),
        Spacer(1, 4 * mm),
        _p(title, styles.TITLE),
        _p(
            tr_("on the results of the evaluation: {round}").format(
                round=c.round_title or c.period
            ),
            styles.SUBTITLE,
        ),
        _p(format_date_long(c.held_on, lang) if c.held_on else ""),
        Spacer(1, 3 * mm),
        _p(f"{tr_('Chair')}: {c.chair}"),
        _p(f"{tr_('Secretary')}: {c.secretary}"),
        _p(f"{tr_('Present')}: {', '.join(c.members)}"),
        _p(tr_("DECIDED"), styles.HEADING),
    ]
    for n, line in enumerate(c.lines, start=1):
        court = localized(line.court_kk, line.court_ru, lang)
        head = tr_("{n}. {name} ({court}), total {total}:").format(
            n=n, name=line.name, court=court, total=_total(line.total, lang)
        )
        story.append(Paragraph(f"<b>{escape(head)}</b>", styles.BODY))
        if line.decision in DECISIONS:  # (tr_ of "" would print the catalogue's header)
            story.append(_p(tr_(DECISIONS[line.decision]) + "."))
        if line.text:
            story.append(_p(line.text))
        story.append(Spacer(1, 2 * mm))
    story.append(_p(tr_("The judges are acquainted with the results against their signature.")))
    width = frame_width(False)
    closing: list[Flowable] = [
        Spacer(1, 8 * mm),
        signature_lines([(tr_("Chair"), c.chair), (tr_("Secretary"), c.secretary)], width),
    ]
    keep_with_last(story, closing, keep=2)
    info = DocumentInfo(title=title, lang=lang, centre_name=centre_name, printed_on=today)
    return render(info, story)


def acknowledgement_rows(c: ProtocolContent, lang: str) -> list[list[object]]:
    """One row per judge: the result, the date acquainted (blank to fill in), the signature."""
    # the official blanks (DOMAIN.md, "Official dates")
    blank = "«__» ____ 20__ г." if lang == "ru" else "20__ жылғы «__» ____"
    return [
        [
            n,
            line.name,
            localized(line.court_kk, line.court_ru, lang),
            _total(line.total, lang),
            format_date(line.acknowledged_on, lang) if line.acknowledged_on else blank,
            "",
        ]
        for n, line in enumerate(c.lines, start=1)
    ]


def acknowledgement_header(lang: str) -> list[str]:
    """Column titles of the acknowledgement sheet."""
    tr_ = translator(lang)
    return [
        tr_("No."),
        tr_("Judge"),
        tr_("Court"),
        tr_("Total"),
        tr_("Acquainted on"),
        tr_("Signature"),
    ]


def build_acknowledgement(c: ProtocolContent, *, lang: str, centre_name: str, today: date) -> bytes:
    """PDF of the acknowledgement sheet of a round (E-3, §7.1.14)."""
    tr_ = translator(lang)
    subtitle = c.round_title or c.period
    if c.number:
        protocol = tr_("protocol No. {number} of {date}").format(
            number=c.number, date=format_date(c.held_on, lang) if c.held_on else ""
        )
        subtitle = f"{subtitle}; {protocol}"
    return table_document(
        title=tr_("Acknowledgement of the results of the evaluation"),
        subtitle=subtitle,
        header=acknowledgement_header(lang),
        rows=acknowledgement_rows(c, lang),
        widths=mm_widths(9, 48, 43, 16, 27, 26),  # the portrait frame: ~170 mm
        lang=lang,
        centre_name=centre_name,
        today=today,
        numeric=(0, 3),
        landscape=False,
    )
