"""Demo E-4 monitoring: last year's workload by specialisation and appeal/cassation quality."""

from __future__ import annotations

import random
import uuid
from datetime import date
from typing import Any

from sqlalchemy import insert, select
from sqlalchemy.orm import Session

from app.core.audit import record
from app.core.context import Actor
from app.demo.generator import stamp_of
from app.evaluation.monitoring import (
    APPEAL,
    CASSATION,
    CATEGORIES,
    WORKLOAD,
    MonitoringInput,
    line_errors,
)
from db.models import MonitoringLine, Person


def _review(rng: random.Random, pid: uuid.UUID, kind: str, category: str, year: int) -> Any:
    cases = rng.randint(5, 60)
    changed = rng.randint(0, cases // 6)
    reversed_ = rng.randint(0, cases // 10)
    return MonitoringInput(
        pid,
        date(year, 1, 1),
        date(year, 12, 31),
        kind,
        category,
        cases,
        cases - changed - reversed_,
        changed,
        reversed_,
    )


def generate_monitoring(session: Session, actor: Actor, *, year: int, seed: int = 7) -> int:
    """For every judge, `year`'s workload in their specialisation and the quality on appeal
    (two categories) and cassation (one) (E-4, seed 001 §7.2.1, §7.2.3). Each line passes the
    monitoring service's own checks (line_errors); rows go in with Core bulk inserts, as a
    national demo has tens of thousands. Returns the number of lines.
    """
    rng = random.Random(seed)
    categories = sorted(CATEGORIES)
    judges = session.execute(
        select(Person.id, Person.specialisation).where(Person.role == "judge").order_by(Person.iin)
    ).all()
    stamp = stamp_of(actor)
    rows: list[dict[str, Any]] = []
    for pid, specialisation in judges:
        own = specialisation if specialisation in CATEGORIES else "civil"
        others = [c for c in categories if c != own]
        items = [
            MonitoringInput(
                pid,
                date(year, 1, 1),
                date(year, 12, 31),
                WORKLOAD,
                own,
                rng.randint(120, 700),
            ),
            _review(rng, pid, APPEAL, own, year),
            _review(rng, pid, APPEAL, rng.choice(others), year),
            _review(rng, pid, CASSATION, own, year),
        ]
        for item in items:
            if line_errors(item):  # the service's rule (E-4), not a copy of it
                raise ValueError(item)
            rows.append(
                {
                    "id": uuid.uuid4(),
                    "person_id": item.person_id,
                    "period_start": item.period_start,
                    "period_end": item.period_end,
                    "kind": item.kind,
                    "category": item.category,
                    "cases": item.cases,
                    "upheld": item.upheld,
                    "changed": item.changed,
                    "reversed": item.reversed,
                    **stamp,
                }
            )
    for i in range(0, len(rows), 5000):
        session.execute(insert(MonitoringLine), rows[i : i + 5000])
    record(session, actor, "demo", "monitoring_line", "-", {"lines": [None, len(rows)]})
    return len(rows)
