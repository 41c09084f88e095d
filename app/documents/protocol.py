"""The branch council's protocol (M-11) in the usual office form, with a verification code."""

from __future__ import annotations

from datetime import date
from typing import Any
from xml.sax.saxutils import escape

from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Paragraph, Spacer, Table, TableStyle

from app.documents import styles
from app.documents.document import MARGIN, DocumentInfo, render
from app.documents.fonts import SERIF_BOLD
from app.documents.layout import keep_with_last, signature_lines
from app.documents.qr import QrFlowable
from app.documents.verification import MARK_KEY, grouped, mark, qr_payload, subject
from app.mentoring.vocab import DECISION_LABELS
from i18n import N_, format_date, format_date_long, localized, parse_date, translator

KIND_LABELS = {"tutor": N_("tutor"), "mentor": N_("mentor")}
# Serif only: every extra face is another font subset embedded in each protocol.
CODE = ParagraphStyle("protocol_code", parent=styles.BODY, fontSize=7.5, leading=10)
CODE_BOLD = ParagraphStyle("protocol_code_bold", parent=CODE, fontName=SERIF_BOLD)
PLAIN = TableStyle(
    [
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LEFTPADDING", (0, 0), (-1, -1), 0),
        ("RIGHTPADDING", (0, 0), (-1, -1), 0),
    ]
)


def draft_notice(lang: str) -> str:
    """The line under a draft's title."""
    tr_ = translator(lang)
    return tr_("DRAFT — not signed, not valid as a protocol")


def _p(text: str, style: Any = styles.BODY) -> Paragraph:
    return Paragraph(escape(text), style)


def _labelled(label: str, value: str) -> Paragraph:
    return Paragraph(f"<b>{escape(label)}:</b> {escape(value)}", styles.BODY)


def _decision_text(tr_: Any, d: dict[str, Any]) -> str:
    key = d["decision"]
    label: str = tr_(DECISION_LABELS[key])
    return label.format(months=d["extend_months"], name=d["new_guide"])


REPORTS_TEXT = {
    "tutor": N_("On the written reports of the tutor ({guide}) and of the protégé ({protege})."),
    "mentor": N_("On the written reports of the mentor ({guide}) and of the protégé ({protege})."),
}


def _reports_text(tr_: Any, d: dict[str, Any], lang: str) -> str:
    """The written reports the decision rests on (M-10/M-11, seed 002 cl. 13-14)."""
    reports = d.get("reports") or {}  # protocols signed before issue 13 do not list them

    def dated(author: str) -> str:
        on = reports.get(author)
        if not on:
            return str(tr_("not submitted"))
        return str(tr_("of {date}")).format(date=format_date(parse_date(on), lang))

    return str(tr_(REPORTS_TEXT[d["kind"]])).format(guide=dated("guide"), protege=dated("protege"))


def protocol_story(c: dict[str, Any], lang: str, code: str | None, width: float) -> list[Flowable]:
    """The protocol's flowables, built only from its content (so a copy can be re-checked)."""
    tr_ = translator(lang)
    held = parse_date(c["held_on"])
    story: list[Flowable] = [
        _p(
            tr_("Council of the branch of the Union of Judges of the Republic of Kazakhstan"),
            styles.BODY_CENTER,
        ),
        _p(localized(c["court_kk"], c["court_ru"], lang), styles.BODY_CENTER),
        Spacer(1, 5 * mm),
        _p(tr_("PROTOCOL No. {number}").format(number=c["number"]), styles.TITLE),
        _p(tr_("of the meeting of the branch council on judicial mentoring"), styles.SUBTITLE),
    ]
    if code is None:
        story.append(_p(draft_notice(lang), styles.SUBTITLE))
    head = Table(
        [[_p(format_date_long(held, lang)), _p(c["place"], styles.BODY_RIGHT)]],
        colWidths=[width * 0.45, width * 0.55],
    )
    head.setStyle(PLAIN)
    story += [head, Spacer(1, 4 * mm)]
    if c.get("amends"):
        amended = parse_date(c["amends"]["held_on"])
        story.append(
            _p(
                tr_("This protocol amends protocol No. {number} of {date}.").format(
                    number=c["amends"]["number"], date=format_date(amended, lang)
                )
            )
        )
    story += [
        _labelled(tr_("Chair"), c["chair"]),
        _labelled(tr_("Secretary"), c["secretary"]),
        _labelled(tr_("Present"), ", ".join(c["members"])),
        # M-6: the region's coordinator (protocols signed before it was recorded name none)
        *([_labelled(tr_("Coordinator"), c["coordinator"])] if c.get("coordinator") else []),
        _p(tr_("AGENDA"), styles.HEADING),
        _p(c["agenda"]),
        _p(tr_("DECIDED"), styles.HEADING),
    ]
    for n, d in enumerate(c["decisions"], start=1):
        kind = d["kind"]
        pair = tr_("{n}. Pair: protégé {protege}, {kind} {guide} (since {date}).").format(
            n=n,
            protege=d["protege"],
            kind=tr_(KIND_LABELS[kind]),
            guide=d["guide"],
            date=format_date(parse_date(d["starts_on"]), lang),
        )
        story += [
            Paragraph(f"<b>{escape(pair)}</b>", styles.BODY),
            _p(_reports_text(tr_, d, lang)),
            _p(_decision_text(tr_, d).rstrip(".") + "."),
            _p(d["text"]),
            Spacer(1, 2 * mm),
        ]
    story.append(
        _p(
            tr_(
                "A copy of this protocol decision goes to the training centre and to the "
                "HR service for the judge's personal file."
            )
        )
    )
    signatures = signature_lines(
        [(tr_("Chair of the meeting"), c["chair"]), (tr_("Secretary"), c["secretary"])], width
    )
    closing: list[Flowable] = [Spacer(1, 8 * mm), signatures]
    if code is not None:
        signed = parse_date(c["signed_on"]) if c.get("signed_on") else held
        note = [
            _p(tr_("Verification code"), CODE_BOLD),
            _p(grouped(code), CODE),
            _p(
                tr_(
                    "Signed {date}. A copy is checked against this code in the training "
                    "centre's register of protocols."
                ).format(date=format_date(signed, lang)),
                CODE,
            ),
        ]
        block = Table(
            [[QrFlowable(qr_payload(tr_, c, code), 26 * mm), note]],
            colWidths=[30 * mm, width - 30 * mm],
        )
        block.setStyle(PLAIN)
        closing += [Spacer(1, 8 * mm), block]
    # The signatures and the code stay together and take the last decision and the copy
    # sentence with them: never a page holding only the signatures.
    keep_with_last(story, closing, keep=3)
    return story


def build_protocol(
    content: dict[str, Any], *, lang: str, code: str | None, printed_on: date | None = None
) -> bytes:
    """PDF of a protocol; a signed one carries its code as text, QR and metadata, and is
    written as PDF/A-2b for the court's archive.
    """
    tr_ = translator(lang)
    printed_on = printed_on or date.today()
    width = A4[0] - 2 * MARGIN - 12  # the frame pads 6 pt on each side
    centre = localized(content["centre_kk"], content["centre_ru"], lang)
    info = DocumentInfo(
        title=tr_("PROTOCOL No. {number}").format(number=content["number"]),
        lang=lang,
        centre_name=centre,
        author=centre or localized(content["court_kk"], content["court_ru"], lang),
        printed_on=printed_on,
        subject=subject(tr_, content, code) if code else "",
        extra=((MARK_KEY, mark(code, lang, printed_on)),) if code else (),
        archival=code is not None,
        watermark=tr_("DRAFT") if code is None else "",
    )
    return render(info, protocol_story(content, lang, code, width))
