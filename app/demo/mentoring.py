"""Demo mentoring data on top of the people demo: rosters, pairs over three years, programmes.

Rows go in with Core bulk inserts (STYLE.md: never one ORM object per row). The demo writes
history directly, so it does not replay every rule check; it keeps to the rules' facts: guides
eligible on the roster order's date, protégés who qualify when their pair starts, terms of 12
months, programmes approved by the court's chairman.
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
from app.demo.generator import CHAIRMAN, stamp_of
from app.demo.mentoring_rows import Rows, names_of
from app.people.experience import add_years
from db.models import Court, Person, PersonStatusPeriod, RosterEntry, RosterOrder

PAIRS_PER_REGION = 300


@dataclass(frozen=True)
class MentoringDemoSummary:
    """What the mentoring demo added."""

    regions: int
    pairs: int


def _facts(session: Session) -> tuple[list[Any], dict[uuid.UUID, list[Any]]]:
    """Every judge with court and position, and each judge's status periods."""
    judges = session.execute(
        select(
            Person.id,
            Person.first_appointed_on,
            Person.position,
            Person.court_id,
            Court.level,
            Court.region_code,
        )
        .join(Court, Court.id == Person.court_id)
        .where(Person.role == "judge")
        .order_by(Person.iin)
    ).all()
    periods: dict[uuid.UUID, list[Any]] = {}
    for row in session.execute(
        select(
            PersonStatusPeriod.person_id, PersonStatusPeriod.status, PersonStatusPeriod.ends_on
        ).order_by(PersonStatusPeriod.person_id, PersonStatusPeriod.starts_on)
    ):
        periods.setdefault(row.person_id, []).append(row)
    return list(judges), periods


def _protege_since(j: Any, periods: list[Any], today: date) -> date | None:
    """When a judge last became a protégé within the demo's three years (M-2): a first
    appointment, or the day after a childcare leave ended; None when neither.
    """
    window = add_years(today, -3)
    since = [
        p.ends_on + timedelta(days=1)
        for p in periods
        if p.status == "childcare_leave" and p.ends_on and window <= p.ends_on < today
    ]
    if j.first_appointed_on and window <= j.first_appointed_on <= today:
        since.append(j.first_appointed_on)
    return max(since) if since else None


def generate_mentoring(
    session: Session,
    actor: Actor,
    *,
    seed: int = 11,
    today: date | None = None,
    pairs_per_region: int = PAIRS_PER_REGION,
    progress: Progress | None = None,
) -> MentoringDemoSummary:
    """Add to every region with demo judges a roster of guides eligible on its order's date
    (M-1, M-3), pairs of protégés who qualify when their pair starts (M-2), programmes
    approved by the court's chairman with items (M-7), both written reports of ended pairs
    (M-10), and the council's protocols on the pairs due a decision (M-11).
    """
    rng = random.Random(seed)
    today = today or date.today()
    stamp = stamp_of(actor)
    judges, periods = _facts(session)
    chairs = {j.court_id: j.id for j in judges if j.position == CHAIRMAN}
    names = names_of(session, set(chairs.values()))
    by_region: dict[str, list[Any]] = {}
    for j in judges:
        by_region.setdefault(j.region_code, []).append(j)
    regions = sorted(by_region)
    order_on = date(today.year - 3, 1, 15)
    experienced = add_years(order_on, -5)
    total = 0
    for n, region in enumerate(regions, start=1):
        people = by_region[region]
        # Guides as the order found them: appointed five years before it, never on leave,
        # and not the chairman, who signs the order (M-1, M-3).
        able = [
            j
            for j in people
            if j.first_appointed_on
            and j.first_appointed_on <= experienced
            and j.id not in periods
            and j.position != CHAIRMAN
        ]
        tutors = [j.id for j in able if j.level == "district"][:40]
        mentors = [j.id for j in able if j.level == "regional"][:15]
        guides = set(tutors) | set(mentors)
        proteges = [
            (j, since)
            for j in people
            if j.id not in guides and j.position != CHAIRMAN
            for since in [_protege_since(j, periods.get(j.id, []), today)]
            if since is not None
        ]
        if not tutors or not mentors or not proteges:
            continue
        regional_chair = next(
            (chairs[j.court_id] for j in people if j.level == "regional" and j.court_id in chairs),
            None,
        )
        order_id = uuid.uuid4()
        session.execute(
            insert(RosterOrder),
            [
                {
                    "id": order_id,
                    "region_code": region,
                    "number": f"{rng.randrange(10, 99)}-ө",
                    "signed_on": order_on,
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
        rows = Rows()
        picked = rng.sample(proteges, min(pairs_per_region, len(proteges)))
        for protege, since in picked:
            # A district judge has a tutor, a regional one a mentor; some have both (cl. 10.1).
            kinds = ["tutor" if protege.level == "district" else "mentor"]
            if kinds[0] == "tutor" and rng.random() < 0.3:
                kinds.append("mentor")
            starts = min(since + timedelta(days=rng.randrange(14, 75)), today)
            approver = chairs.get(protege.court_id, regional_chair)
            approver_name = names.get(approver, "") if approver else ""
            for kind in kinds:
                guide = rng.choice(tutors if kind == "tutor" else mentors)
                rows.add_pair(rng, protege.id, guide, kind, region, starts, today, approver_name)
        rows.insert(session, stamp, actor.name)
        total += len(rows.pairs)
        if progress is not None:
            progress.step(n, len(regions))
    record(session, actor, "demo", "mentoring", "-", {"pairs": [None, total]})
    return MentoringDemoSummary(regions=len(regions), pairs=total)
