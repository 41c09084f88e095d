"""Evaluation sheets: versioned templates, filled sheets, rounds and random samples (E-1…E-3)."""

from __future__ import annotations

import uuid
from datetime import date, datetime
from decimal import Decimal

from sqlalchemy import (
    Date,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    Numeric,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column

from db.base import Record


class EvalTemplate(Record):
    """One version of an evaluation sheet template; a filled sheet points at its version."""

    __tablename__ = "eval_template"
    __table_args__ = (UniqueConstraint("code", "version_no", name="code_version"),)

    code: Mapped[str] = mapped_column(String(60), index=True)
    version_no: Mapped[int] = mapped_column(Integer)
    title_kk: Mapped[str] = mapped_column(String(300))
    title_ru: Mapped[str] = mapped_column(String(300))
    purpose: Mapped[str] = mapped_column(String(40), default="")
    formula: Mapped[str] = mapped_column(String(40), default="section_mean")
    valid_from: Mapped[date] = mapped_column(Date)
    retired: Mapped[bool] = mapped_column(default=False)


class EvalSection(Record):
    """A group of criteria in a template."""

    __tablename__ = "eval_section"

    template_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("eval_template.id", ondelete="CASCADE"), index=True
    )
    position: Mapped[int] = mapped_column(Integer)
    title_kk: Mapped[str] = mapped_column(String(300))
    title_ru: Mapped[str] = mapped_column(String(300))


class EvalCriterion(Record):
    """A criterion: its scale, its weight within the section, whether a comment is required."""

    __tablename__ = "eval_criterion"

    section_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("eval_section.id", ondelete="CASCADE"), index=True
    )
    position: Mapped[int] = mapped_column(Integer)
    code: Mapped[str] = mapped_column(String(60))
    title_kk: Mapped[str] = mapped_column(String(500))
    title_ru: Mapped[str] = mapped_column(String(500))
    scale: Mapped[str] = mapped_column(String(20))  # "1-5" | "yes_no"
    weight: Mapped[Decimal] = mapped_column(Numeric(6, 2))
    comment_required: Mapped[bool] = mapped_column(default=False)


class EvalRound(Record):
    """An evaluation round (E-1): the judges subject to evaluation in a period."""

    __tablename__ = "eval_round"

    template_code: Mapped[str] = mapped_column(String(60), index=True)
    period: Mapped[str] = mapped_column(String(20), index=True)
    title: Mapped[str] = mapped_column(String(300), default="")


class EvalSheet(Record):
    """A filled (or being filled) evaluation sheet about one person."""

    __tablename__ = "eval_sheet"
    __table_args__ = (Index("ix_eval_sheet_template_period", "template_id", "period"),)

    template_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("eval_template.id", ondelete="RESTRICT")
    )
    subject_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("person.id", ondelete="CASCADE"), index=True
    )
    round_id: Mapped[uuid.UUID | None] = mapped_column(
        ForeignKey("eval_round.id", ondelete="CASCADE"), index=True
    )
    internship_id: Mapped[uuid.UUID | None] = mapped_column(
        ForeignKey("internship.id", ondelete="SET NULL")
    )
    period: Mapped[str] = mapped_column(String(20), default="")
    status: Mapped[str] = mapped_column(String(20), default="draft")  # draft | signed
    total: Mapped[Decimal | None] = mapped_column(Numeric(6, 2))
    signed_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    signed_by: Mapped[str] = mapped_column(String(120), default="")
    # E-3: the day the judge was acquainted with the results.
    acknowledged_on: Mapped[date | None] = mapped_column(Date)


class EvalRating(Record):
    """One rater's value (and comment) for one criterion of a sheet."""

    __tablename__ = "eval_rating"
    __table_args__ = (
        UniqueConstraint("sheet_id", "rater", "criterion_id", name="sheet_rater_criterion"),
    )

    sheet_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("eval_sheet.id", ondelete="CASCADE"), index=True
    )
    criterion_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("eval_criterion.id", ondelete="RESTRICT")
    )
    rater: Mapped[str] = mapped_column(String(120))
    value: Mapped[int] = mapped_column(Integer)
    comment: Mapped[str] = mapped_column(Text, default="")


class SampleDraw(Record):
    """A reproducible random sample of case numbers for one judge (E-2); the seed is kept."""

    __tablename__ = "eval_sample_draw"

    person_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("person.id", ondelete="CASCADE"), index=True
    )
    round_id: Mapped[uuid.UUID | None] = mapped_column(
        ForeignKey("eval_round.id", ondelete="CASCADE")
    )
    seed: Mapped[int] = mapped_column(Integer)
    size: Mapped[int] = mapped_column(Integer)
    population: Mapped[int] = mapped_column(Integer)
    kind: Mapped[str] = mapped_column(String(20), default="act")  # act | hearing


class SampleItem(Record):
    """A drawn item as reviewers see it: a depersonalised code only."""

    __tablename__ = "eval_sample_item"

    draw_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("eval_sample_draw.id", ondelete="CASCADE"), index=True
    )
    code: Mapped[str] = mapped_column(String(20), unique=True)


class SampleKey(Record):
    """The key from a code to the case number, kept apart; only the coordinator reads it (E-2)."""

    __tablename__ = "eval_sample_key"

    item_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("eval_sample_item.id", ondelete="CASCADE"), unique=True
    )
    case_number: Mapped[str] = mapped_column(String(60))
    note: Mapped[str] = mapped_column(Text, default="")


class MonitoringLine(Record):
    """Monitoring data of one judge over a period (E-4, seed 001 §7.2.1, §7.2.3): the workload
    by specialisation, or the quality on appeal or cassation by case category.
    """

    __tablename__ = "monitoring_line"
    __table_args__ = (
        UniqueConstraint("person_id", "kind", "category", "period_start", "period_end"),
    )

    person_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("person.id", ondelete="CASCADE"))
    period_start: Mapped[date] = mapped_column(Date)
    period_end: Mapped[date] = mapped_column(Date)
    kind: Mapped[str] = mapped_column(String(20))  # workload | appeal | cassation
    # workload: the specialisation; appeal, cassation: the category of cases (civil, criminal …)
    category: Mapped[str] = mapped_column(String(40))
    cases: Mapped[int] = mapped_column(Integer)  # considered (workload) or reviewed (quality)
    upheld: Mapped[int] = mapped_column(Integer, default=0)  # left unchanged on review
    changed: Mapped[int] = mapped_column(Integer, default=0)  # changed on review
    reversed: Mapped[int] = mapped_column(Integer, default=0)  # cancelled on review


class EvalProtocol(Record):
    """The evaluation commission's protocol on the results of a round (E-3, seed 001 §7.1.12)."""

    __tablename__ = "eval_protocol"
    __table_args__ = (UniqueConstraint("round_id", "number"),)

    round_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("eval_round.id", ondelete="CASCADE"))
    number: Mapped[str] = mapped_column(String(40))
    held_on: Mapped[date] = mapped_column(Date)
    chair: Mapped[str] = mapped_column(String(200))
    secretary: Mapped[str] = mapped_column(String(200))
    members: Mapped[str] = mapped_column(Text, default="")  # one name a line


class EvalProtocolDecision(Record):
    """One decision of a commission protocol on one judge's signed sheet (E-3)."""

    __tablename__ = "eval_protocol_decision"
    __table_args__ = (UniqueConstraint("protocol_id", "sheet_id"),)

    protocol_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("eval_protocol.id", ondelete="CASCADE")
    )
    sheet_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("eval_sheet.id", ondelete="CASCADE"), index=True
    )
    decision: Mapped[str] = mapped_column(String(30))  # see app/evaluation/commission.py
    text: Mapped[str] = mapped_column(Text, default="")
