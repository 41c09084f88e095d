"""Evaluation rounds in bulk, the dossier (E-1) and summary tables with change (E-3)."""

from __future__ import annotations

import io
import uuid
from datetime import date
from decimal import Decimal

from pypdf import PdfReader
from sqlalchemy import select

from app.core.context import Actor
from app.core.store import Store
from app.documents.evaluation_summary import build_summary_pdf
from app.dossier.queries import dossier
from app.evaluation.dto import RatingInput
from app.evaluation.rounds import create_round, list_rounds
from app.evaluation.sheets import acknowledge, get_sheet, rate, sign_off
from app.evaluation.summary import summary_table
from db.models import EvalSheet
from tests.app.evaluation.helpers import judges


def _fill(store: Store, actor: Actor, round_id: uuid.UUID, value_of: dict[uuid.UUID, int]) -> None:
    with store.write() as s:
        sheets = list(s.scalars(select(EvalSheet.id).where(EvalSheet.round_id == round_id)))
        for sid in sheets:
            sheet = get_sheet(s, sid)
            v = value_of[sheet.subject_id]
            rate(
                s,
                actor,
                sid,
                "Комиссия",
                [
                    RatingInput(c.id, v if c.scale == "1-5" else 1, "Негізделген")
                    for c in sheet.template.criteria()
                ],
            )
            sign_off(s, actor, sid)


def test_round_summary_and_change_from_previous_period(store: Store, actor: Actor) -> None:
    """E-1: one sheet per judge of the court; E-3: mean per criterion, per court, change."""
    court, ids = judges(store, actor, 3)
    with store.write() as s:
        r26 = create_round(
            s, actor, template_code="judge_activity", period="2026", court_ids=[court]
        )
    _fill(store, actor, r26.id, {ids[0]: 3, ids[1]: 4, ids[2]: 5})
    with store.write() as s:
        r27 = create_round(
            s, actor, template_code="judge_activity", period="2027", court_ids=[court]
        )
    assert r27.sheets == 3
    _fill(store, actor, r27.id, {ids[0]: 5, ids[1]: 4, ids[2]: 4})
    with store.read() as s:
        table = summary_table(s, "judge_activity", "2027")
        rounds = {r.period: r for r in list_rounds(s)}
    assert rounds["2027"].signed == 3
    assert table.previous_period == "2026"
    codes = [c.code for c in table.criteria]
    assert codes[0] == "appeal_quality" and "ethics" in codes
    row = {r.person_id: r for r in table.judges}
    assert row[ids[0]].values[0] == Decimal("5.0")
    assert row[ids[0]].changes[0] == Decimal("2.0")
    assert row[ids[2]].changes[0] == Decimal("-1.0")
    assert row[ids[1]].changes[0] == Decimal("0.0")
    assert row[ids[0]].values[codes.index("ethics")] == Decimal("100.0")
    (court_row,) = table.courts
    assert court_row.values[0] == Decimal("4.3")
    assert court_row.changes[0] == Decimal("0.3")
    assert row[ids[0]].total is not None and row[ids[0]].total_change is not None
    with store.write() as s:
        for sid in s.scalars(
            select(EvalSheet.id).where(EvalSheet.round_id == r27.id, EvalSheet.subject_id == ids[0])
        ):
            acknowledge(s, actor, sid, date(2028, 2, 1))
    with store.read() as s:
        table = summary_table(s, "judge_activity", "2027")
        d = dossier(s, ids[0])
    acquainted = {r.person_id: r.acknowledged_on for r in table.judges}
    assert acquainted == {ids[0]: date(2028, 2, 1), ids[1]: None, ids[2]: None}
    text = "".join(
        p.extract_text() for p in PdfReader(io.BytesIO(build_summary_pdf(table, lang="ru"))).pages
    )
    assert "ознакомлен(а) 01.02.2028" in text
    assert [x.period for x in d.sheets] == ["2026", "2027"]
    assert all(x.status == "signed" for x in d.sheets)


def test_draft_sheets_do_not_count(store: Store, actor: Actor) -> None:
    court, _ids = judges(store, actor, 2)
    with store.write() as s:
        create_round(s, actor, template_code="judge_activity", period="2027", court_ids=[court])
    with store.read() as s:
        table = summary_table(s, "judge_activity", "2027")
    assert table.judges == () and table.previous_period == ""


def test_only_signed_sheets_are_acknowledged(store: Store, actor: Actor) -> None:
    import pytest

    from app.core.errors import ValidationError

    court, _ids = judges(store, actor, 1)
    with store.write() as s:
        create_round(s, actor, template_code="judge_activity", period="2027", court_ids=[court])
        sid = s.scalar(select(EvalSheet.id))
    assert sid is not None
    with store.write() as s, pytest.raises(ValidationError):
        acknowledge(s, actor, sid, date(2028, 1, 10))
