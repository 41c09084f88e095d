"""Demo mentoring data on top of the people demo: rosters, pairs over three years, programmes.

Rows go in with Core bulk inserts (STYLE.md: never one ORM object per row). The demo writes
history directly, so it does not replay every rule check; it keeps to the rules' shape: tutors
from district courts with 5+ years, mentors from the regional court, terms of 12 months.
"""

from __future__ import annotations

import random
import uuid
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from sqlalchemy import insert, select
from sqlalchemy.orm import Session

from app.core.audit import record
from app.core.context import Actor
from app.core.progress import Progress
from app.mentoring.rules import add_months
from db.base import utcnow
from db.models import (
    Court,
    Pair,
    PairReport,
    Person,
    Programme,
    ProgrammeVersion,
    RosterEntry,
    RosterOrder,
)

PAIRS_PER_REGION = 300
STATES = (("completed", 60), ("ended_early", 10), ("active", 25), ("proposed", 5))


@dataclass(frozen=True)
class MentoringDemoSummary:
    """What the mentoring demo added."""

    regions: int
    pairs: int


def _pick_state(rng: random.Random) -> str:
    roll, acc = rng.randrange(100), 0
    for state, share in STATES:
        acc += share
        if roll < acc:
            return state
    return "active"


def generate_mentoring(
    session: Session,
    actor: Actor,
    *,
    seed: int = 11,
    today: date | None = None,
    pairs_per_region: int = PAIRS_PER_REGION,
    progress: Progress | None = None,
) -> MentoringDemoSummary:
    """Add rosters and pairs to every region that has demo judges."""
    rng = random.Random(seed)
    today = today or date.today()
    now = utcnow()
    stamp: dict[str, Any] = {
        "created_at": now,
        "updated_at": now,
        "updated_by": actor.name,
        "version": 1,
    }
    judges = session.execute(
        select(Person.id, Person.first_appointed_on, Court.level, Court.region_code)
        .join(Court, Court.id == Person.court_id)
        .where(Person.role == "judge")
        .order_by(Person.iin)
    ).all()
    by_region: dict[str, list[Any]] = {}
    for j in judges:
        by_region.setdefault(j.region_code, []).append(j)
    regions = sorted(by_region)
    total = 0
    for n, region in enumerate(regions, start=1):
        people = by_region[region]
        five_years_ago = today.replace(year=today.year - 5)
        tutors = [
            j.id
            for j in people
            if j.level == "district"
            and j.first_appointed_on
            and j.first_appointed_on <= five_years_ago
        ][:40]
        mentors = [j.id for j in people if j.level == "regional"][:15]
        proteges = [j.id for j in people if j.id not in set(tutors) | set(mentors)]
        if not tutors or not mentors or not proteges:
            continue
        order_id = uuid.uuid4()
        session.execute(
            insert(RosterOrder),
            [
                {
                    "id": order_id,
                    "region_code": region,
                    "number": f"{rng.randrange(10, 99)}-ө",
                    "signed_on": date(today.year - 3, 1, 15),
                    "amends_id": None,
                    "attachment_name": "",
                    "attachment": None,
                    "attachment_sha256": "",
                    **stamp,
                }
            ],
        )
        session.execute(
            insert(RosterEntry),
            [
                {
                    "id": uuid.uuid4(),
                    "order_id": order_id,
                    "person_id": pid,
                    "kind": kind,
                    "override_reason": "",
                    "refusals": [],
                    "removed_by_id": None,
                    **stamp,
                }
                for kind, ids in (("tutor", tutors), ("mentor", mentors))
                for pid in ids
            ],
        )
        pairs, programmes, versions, reports = [], [], [], []
        for protege in rng.sample(proteges, min(pairs_per_region, len(proteges))):
            kind = "tutor" if rng.random() < 0.65 else "mentor"
            starts = today - timedelta(days=rng.randrange(30, 3 * 365))
            state = _pick_state(rng)
            end = add_months(starts, 12)
            if state in ("completed", "ended_early") and end > today:
                state = "active"
            ended = None
            if state == "completed":
                ended = end
            elif state == "ended_early":
                ended = starts + timedelta(days=rng.randrange(60, 300))
            pair_id = uuid.uuid4()
            pairs.append(
                {
                    "id": pair_id,
                    "protege_id": protege,
                    "kind": kind,
                    "state": state,
                    "guide_id": rng.choice(tutors if kind == "tutor" else mentors),
                    "region_code": region,
                    "starts_on": starts,
                    "term_months": 12,
                    "ended_on": ended,
                    "replaces_id": None,
                    "locked_by_id": None,
                    "end_reason": {
                        "completed": "goals_reached",
                        "ended_early": rng.choice(["petition", "replaced"]),
                    }.get(state, ""),
                    **stamp,
                }
            )
            done = 100 if state == "completed" else rng.randrange(0, 101, 25)
            prog_id = uuid.uuid4()
            programmes.append(
                {
                    "id": prog_id,
                    "pair_id": pair_id,
                    "approved_by": "—",
                    "approved_on": starts + timedelta(days=14),
                    "current_version": 1,
                    "progress": done,
                    **stamp,
                }
            )
            versions.append(
                {
                    "id": uuid.uuid4(),
                    "programme_id": prog_id,
                    "number": 1,
                    "reason": "",
                    "author": actor.name,
                    "items": [],
                    **stamp,
                }
            )
            if ended is not None:
                reports.append(
                    {
                        "id": uuid.uuid4(),
                        "pair_id": pair_id,
                        "author": "protege",
                        "submitted_on": ended,
                        "work_done": "—",
                        "knowledge_gained": "—",
                        "effectiveness": "—",
                        "proposals": "",
                        "feedback_score": rng.choice([3, 4, 4, 5, 5]),
                        **stamp,
                    }
                )
        session.execute(insert(Pair), pairs)
        session.execute(insert(Programme), programmes)
        session.execute(insert(ProgrammeVersion), versions)
        if reports:
            session.execute(insert(PairReport), reports)
        total += len(pairs)
        if progress is not None:
            progress.step(n, len(regions))
    record(session, actor, "demo", "mentoring", "-", {"pairs": [None, total]})
    return MentoringDemoSummary(regions=len(regions), pairs=total)
