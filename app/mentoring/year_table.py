"""The year in review (M-13) as lines and rows: shared by its screen and its documents."""

from __future__ import annotations

from typing import Any

from app.core.permissions import MIN_CONFIDENTIAL_RATINGS
from app.mentoring.vocab import END_REASONS
from app.mentoring.year import YearReview
from i18n import translator


def figures(review: YearReview, lang: str) -> list[tuple[str, Any]]:
    """The review as (label, value) lines, shared by the screen, the PDF and the spreadsheet."""
    tr_ = translator(lang)
    lines: list[tuple[str, Any]] = [
        (tr_("Pairs started"), review.started),
        (tr_("Pairs active during the year"), review.active),
        (tr_("Pairs completed"), review.completed),
        (tr_("Pairs ended early"), review.ended_early),
    ]
    lines += [
        (
            "  "
            + tr_("ended early: {reason}").format(reason=tr_(END_REASONS.get(k, k)) if k else "—"),
            v,
        )
        for k, v in review.ended_reasons
    ]
    lines += [
        (
            tr_("Average programme completion, %"),
            review.average_progress if review.average_progress is not None else "—",
        ),
        (
            tr_("Average feedback score (1–5)"),
            review.average_feedback if review.average_feedback is not None else "—",
        ),
        (tr_("Feedback given"), review.feedback_count),
    ]
    if review.withheld:  # M-9, issue 10 Why #6
        lines.append(
            (
                tr_(
                    "— an average of fewer than {count} confidential ratings is not shown: it "
                    "would tell one protégé's rating."
                ).format(count=MIN_CONFIDENTIAL_RATINGS),
                "",
            )
        )
    return lines


def guide_rows(review: YearReview, lang: str) -> list[list[Any]]:
    """The best guides proposed for recognition (M-13)."""
    return [
        [
            n,
            g.name,
            g.completed,
            g.average_progress,
            g.average_feedback if g.average_feedback is not None else "—",
        ]
        for n, g in enumerate(review.best_guides, start=1)
    ]


def guide_header(lang: str) -> list[str]:
    """Column titles of the best-guides table."""
    tr_ = translator(lang)
    return [
        tr_("No."),
        tr_("Guide"),
        tr_("Pairs completed"),
        tr_("Completion, %"),
        tr_("Feedback score"),
    ]
