"""E-3 (seed 001 §7.1.12, §7.1.14): the commission's protocol decisions on a round's results and
each judge's acknowledgement, at their edges.
"""

from __future__ import annotations

import uuid
from datetime import date, timedelta

import pytest
from sqlalchemy import select

from app.core.context import Actor
from app.core.errors import PermissionDeniedError, ValidationError
from app.evaluation.commission import (
    DecisionInput,
    ProtocolInput,
    content,
    protocols_of_round,
    record_protocol,
)
from app.evaluation.rounds import create_round
from app.evaluation.sheets import acknowledge
from db.models import EvalSheet
from tests.app.evaluation.helpers import judges
from tests.app.evaluation.test_rounds_summary import _fill

TODAY = date.today()


@pytest.fixture
def round_(store, actor):
    court, ids = judges(store, actor, 3)
    with store.write() as s:
        made = create_round(
            s, actor, template_code="judge_activity", period="2026", court_ids=[court]
        )
    _fill(store, actor, made.id, {ids[0]: 5, ids[1]: 4, ids[2]: 3})
    with store.write() as s:
        sheets = {
            subject: sid
            for sid, subject in s.execute(
                select(EvalSheet.id, EvalSheet.subject_id).where(EvalSheet.round_id == made.id)
            )
        }
        # the third judge's sheet goes back to draft: not yet a result to decide on
        third = s.get(EvalSheet, sheets[ids[2]])
        third.status, third.signed_at = "draft", None
    return made.id, [sheets[i] for i in ids]


def _protocol(round_id, decisions, held_on=TODAY, number="1") -> ProtocolInput:
    return ProtocolInput(
        round_id, number, held_on, "Ахметов Б. С.", "Ли О. В.", ("Серікова А. Н.",), decisions
    )


def test_e3_protocol_decides_on_signed_sheets_of_its_round(store, actor, round_) -> None:
    round_id, (first, second, _draft) = round_
    with store.write() as s:
        pid = record_protocol(
            s,
            actor,
            _protocol(
                round_id,
                (DecisionInput(first, "approved"), DecisionInput(second, "training", "Әдеп курсы")),
            ),
        )
    with store.read() as s:
        found = content(s, round_id, pid)
        assert [n for _i, n, _d in protocols_of_round(s, round_id)] == ["1"]
    assert [line.decision for line in found.lines] == ["approved", "training"]
    assert found.lines[1].text == "Әдеп курсы" and found.members == ("Серікова А. Н.",)


@pytest.mark.parametrize(
    ("which", "held", "field"),
    [
        ("draft", 0, "decisions"),  # a sheet not signed off
        ("other", 0, "decisions"),  # a sheet of another round
        ("first", -1, "held_on"),  # the day before the sheet was signed
    ],
)
def test_e3_protocol_refusals(store, actor, round_, which: str, held: int, field: str) -> None:
    round_id, (first, _second, draft) = round_
    sheet = {"draft": draft, "other": uuid.uuid4(), "first": first}[which]
    with store.write() as s, pytest.raises(ValidationError) as err:
        record_protocol(
            s,
            actor,
            _protocol(round_id, (DecisionInput(sheet, "approved"),), TODAY + timedelta(held)),
        )
    assert err.value.for_field(field)


def test_e3_one_decision_per_judge_and_one_number_per_round(store, actor, round_) -> None:
    round_id, (first, _second, _draft) = round_
    twice = (DecisionInput(first, "approved"), DecisionInput(first, "mentoring"))
    with store.write() as s, pytest.raises(ValidationError):
        record_protocol(s, actor, _protocol(round_id, twice))
    with store.write() as s:
        record_protocol(s, actor, _protocol(round_id, (DecisionInput(first, "approved"),)))
    with store.write() as s, pytest.raises(ValidationError) as err:
        record_protocol(s, actor, _protocol(round_id, (DecisionInput(first, "approved"),)))
    assert err.value.for_field("number")


def test_e3_protocols_are_the_coordinators(store, round_) -> None:
    round_id, (first, _second, _draft) = round_
    officer = Actor("officer", frozenset({"centre_officer"}))
    with store.write() as s, pytest.raises(PermissionDeniedError):
        record_protocol(s, officer, _protocol(round_id, (DecisionInput(first, "approved"),)))


@pytest.mark.parametrize(("days", "ok"), [(-1, False), (0, True), (1, True)])
def test_e3_acknowledged_not_before_the_sheet_was_signed(
    store, actor, round_, days: int, ok: bool
) -> None:
    round_id, (first, _second, _draft) = round_
    on = TODAY + timedelta(days)
    if not ok:
        with store.write() as s, pytest.raises(ValidationError):
            acknowledge(s, actor, first, on)
        return
    with store.write() as s:
        acknowledge(s, actor, first, on)
    with store.read() as s:
        (line, *_rest) = content(s, round_id, None).lines
    assert line.acknowledged_on == on


def _text(pdf: bytes | None) -> str:
    from io import BytesIO

    from pypdf import PdfReader

    return " ".join(p.extract_text() for p in PdfReader(BytesIO(pdf or b"")).pages)


PAPER = {
    "kk": ("№ 7 ХАТТАМА", "Біліктілікті арттыру курсын ұсыну", "Бағалау нәтижелерімен танысу"),
    "ru": (
        "ПРОТОКОЛ № 7",
        "Рекомендовать курс повышения квалификации",
        "Ознакомление с результатами оценки",
    ),
}


@pytest.mark.parametrize("lang", ["kk", "ru"])
def test_e3_protocol_and_acknowledgement_sheet_on_paper(store, actor, round_, lang: str) -> None:
    from app.documents.output import produce

    round_id, (first, second, _draft) = round_
    with store.write() as s:
        pid = record_protocol(
            s,
            actor,
            _protocol(
                round_id,
                (DecisionInput(first, "approved"), DecisionInput(second, "training")),
                number="7",
            ),
        )
        acknowledge(s, actor, first, TODAY)
    params = {"round": str(round_id), "protocol": str(pid)}
    with store.read() as s:
        protocol = _text(produce(s, actor, "evaluation-protocol", params, lang=lang).pdf)
        sheet = _text(produce(s, actor, "evaluation-acknowledgement", params, lang=lang).pdf)
    heading, decision, title = PAPER[lang]
    assert heading in protocol and decision in protocol and "Ахметов Б. С." in protocol
    assert title in sheet and "Судья-а" in sheet and "Судья-б" in sheet
    assert "20__" in sheet  # the second judge has not signed yet: a blank to fill in
