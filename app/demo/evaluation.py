"""Demo evaluation rounds: signed sheets with ratings by two raters, in bulk."""

from __future__ import annotations

import random
import uuid
from collections.abc import Sequence
from datetime import date

from sqlalchemy import Table, bindparam, insert, select, update
from sqlalchemy.orm import Session

from app.core.context import Actor
from app.demo.generator import stamp_of
from app.evaluation.rounds import create_round
from app.evaluation.scoring import score
from app.evaluation.templates import current_template
from db.models import Court, EvalRating, EvalSheet, Person

RATERS = ("Комиссия мүшесі 1", "Комиссия мүшесі 2")


def generate(
    session: Session,
    actor: Actor,
    *,
    template_code: str = "judge_activity",
    periods: Sequence[str] = ("2026", "2027"),
    seed: int = 7,
) -> int:
    """One round per period over every court with judges; every sheet rated and signed.

    Returns the number of sheets.
    """
    rng = random.Random(seed)
    template = current_template(session, template_code)
    criteria = template.criteria()
    courts = list(
        session.scalars(
            select(Court.id)
            .where(Court.id.in_(select(Person.court_id).where(Person.role == "judge")))
            .order_by(Court.code)
        )
    )
    skill = {
        pid: rng.randint(2, 5)
        for pid in session.scalars(
            select(Person.id).where(Person.role == "judge").order_by(Person.iin)
        )
    }
    stamp = stamp_of(actor)
    now = stamp["created_at"]  # signed when created
    total_sheets = 0
    for period in periods:
        rnd = create_round(
            session,
            actor,
            template_code=template_code,
            period=period,
            court_ids=courts,
            on=date(int(period[:4]), 1, 1),
        )
        sheets = list(
            session.execute(
                select(EvalSheet.id, EvalSheet.subject_id)
                .join(Person, Person.id == EvalSheet.subject_id)
                .where(EvalSheet.round_id == rnd.id)
                .order_by(Person.iin)
            )
        )
        ratings, totals = [], []
        for sid, pid in sheets:
            values = []
            for rater in RATERS:
                for c in criteria:
                    if c.scale == "1-5":
                        v = max(1, min(5, skill[pid] + rng.choice((-1, 0, 0, 1))))
                    else:
                        v = 1 if rng.random() < 0.9 else 0
                    values.append((c.id, v))
                    ratings.append(
                        {
                            "id": uuid.uuid4(),
                            "sheet_id": sid,
                            "criterion_id": c.id,
                            "rater": rater,
                            "value": v,
                            "comment": "Демо" if c.comment_required else "",
                            **stamp,
                        }
                    )
            totals.append({"b_id": sid, "b_total": score(template, values)[1]})
            skill[pid] = max(1, min(5, skill[pid] + rng.choice((-1, 0, 0, 1))))
        for i in range(0, len(ratings), 5000):
            session.execute(insert(EvalRating), ratings[i : i + 5000])
        table = EvalSheet.__table__
        assert isinstance(table, Table)
        session.connection().execute(
            update(table)
            .where(table.c.id == bindparam("b_id"))
            .values(
                total=bindparam("b_total"), status="signed", signed_at=now, signed_by=actor.name
            ),
            totals,
        )
        total_sheets += len(sheets)
    return total_sheets
