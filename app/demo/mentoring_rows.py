"""The rows of one demo region's pairs: pair, programme with items (M-7), written reports (M-10)."""

from __future__ import annotations

import random
import uuid
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any

from sqlalchemy import insert, select
from sqlalchemy.orm import Session

from app.mentoring.dto import ProgrammeItem
from app.mentoring.programme import progress_of
from app.mentoring.rules import add_months
from db.models import Pair, PairReport, Person, Programme, ProgrammeVersion

# Goals and activities as a pair writes them (seed 002 cl. 2, 15): printed as entered.
ITEMS = (
    ("Судья әдебі кодексін меңгеру", "Кодекстің талаптарын тәлімгермен бірге талдау"),
    ("Процестік құжаттарды дайындау", "Шешім жобаларын тәлімгермен талқылау"),
    ("Сот отырысын жүргізу мәдениеті", "Тәлімгердің отырыстарына қатысу, өз отырысын талдау"),
    ("Изучение судебной практики", "Обзор практики Верховного Суда по категориям дел"),
    ("Процессуальные сроки", "Разбор дел с нарушением сроков и мер их предотвращения"),
)
# A council decides on a pair in the weeks after its term ends (M-11); older pairs were closed.
AWAITING_DAYS = 45


def _item_status(due: date, as_of: date, ended: date | None, today: date) -> str:
    if due <= as_of:
        return "done"
    if ended is not None:
        return "dropped"  # the pair ended before this item's date
    return "in_progress" if due <= today + timedelta(days=60) else "planned"


@dataclass
class Rows:
    """Rows to insert in bulk for one region (STYLE.md: Core inserts, never ORM per row)."""

    pairs: list[dict[str, Any]] = field(default_factory=list)
    programmes: list[dict[str, Any]] = field(default_factory=list)
    versions: list[dict[str, Any]] = field(default_factory=list)
    reports: list[dict[str, Any]] = field(default_factory=list)

    def add_pair(
        self,
        rng: random.Random,
        protege: uuid.UUID,
        guide: uuid.UUID,
        kind: str,
        region: str,
        starts: date,
        today: date,
        approver: str,
    ) -> None:
        """A pair in the state its dates give it, with its programme and reports."""
        end = add_months(starts, 12)
        early = rng.random() < 0.15
        early_end = starts + timedelta(days=rng.randrange(60, 300))
        state, ended = "active", None
        if starts >= today:
            state = "proposed"
        elif end <= today - timedelta(days=AWAITING_DAYS):
            state, ended = ("ended_early", early_end) if early else ("completed", end)
        pair_id = uuid.uuid4()
        self.pairs.append(
            {
                "id": pair_id,
                "protege_id": protege,
                "kind": kind,
                "state": state,
                "guide_id": guide,
                "region_code": region,
                "starts_on": starts,
                "term_months": 12,
                "ended_on": ended,
                "replaces_id": None,
                "locked_by_id": None,
                "end_reason": {"completed": "goals_reached", "ended_early": "petition"}.get(
                    state, ""
                ),
            }
        )
        as_of = min(ended or today, today)
        items = tuple(
            ProgrammeItem(
                goal,
                activity,
                due,
                "done"
                if due <= as_of
                else (
                    "dropped"
                    if ended
                    else "in_progress"
                    if due <= today + timedelta(60)
                    else "planned"
                ),
                "Тәлімгердің қорытындысы" if due <= as_of else "",
            )
            for k, (goal, activity) in enumerate(ITEMS)
            for due in [add_months(starts, (2, 4, 6, 9, 11)[k])]
        )
        prog_id = uuid.uuid4()
        approved = min(starts + timedelta(days=10), today)
        self.programmes.append(
            {
                "id": prog_id,
                "pair_id": pair_id,
                "approved_by": approver,
                "approved_on": approved,
                "current_version": 1,
                "progress": progress_of(items),
            }
        )
        self.versions.append(
            {
                "id": uuid.uuid4(),
                "programme_id": prog_id,
                "number": 1,
                "reason": "",
                "author": "",
                "items": [
                    {**i.__dict__, "due_on": i.due_on.isoformat() if i.due_on else None}
                    for i in items
                ],
            }
        )
        written = ended or (end if end <= today else None)
        if written is not None:
            for author in ("guide", "protege"):
                self.reports.append(
                    {
                        "id": uuid.uuid4(),
                        "pair_id": pair_id,
                        "author": author,
                        "submitted_on": written,
                        "work_done": "Бағдарламаның тармақтары орындалды.",
                        "knowledge_gained": "Процестік құжаттарды дайындау дағдылары.",
                        "effectiveness": "Тиімді.",
                        "proposals": "",
                        "feedback_score": rng.choice([3, 4, 4, 5, 5])
                        if author == "protege"
                        else None,
                    }
                )

    def insert(self, session: Session, stamp: dict[str, Any], author: str) -> None:
        """Write the region's rows."""
        for version in self.versions:
            version["author"] = author
        for model, rows in (
            (Pair, self.pairs),
            (Programme, self.programmes),
            (ProgrammeVersion, self.versions),
            (PairReport, self.reports),
        ):
            if rows:
                session.execute(insert(model), [{**r, **stamp} for r in rows])


def names_of(session: Session, ids: set[uuid.UUID]) -> dict[uuid.UUID, str]:
    """Full names of some people, by id."""
    rows = session.execute(
        select(Person.id, Person.surname, Person.first_name, Person.patronymic).where(
            Person.id.in_(ids)
        )
    )
    return {r.id: " ".join(x for x in (r.surname, r.first_name, r.patronymic) if x) for r in rows}
