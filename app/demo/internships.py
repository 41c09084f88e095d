"""Demo data for internships: judges (optionally), history, quality, leave, host places."""

from __future__ import annotations

import random
import uuid
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal
from typing import Any

from sqlalchemy import insert, select
from sqlalchemy.orm import Session

from app.core.audit import record
from app.core.context import Actor
from app.core.progress import Progress
from app.demo import names as n
from app.demo.generator import stamp_of
from app.internships.hosts import set_candidate_places
from app.internships.planner import apply_plan
from app.people.iin import make_iin
from app.people.service import derived_columns
from db.models import (
    BusyPeriod,
    Court,
    HostBlackout,
    HostOffer,
    Internship,
    Person,
    PersonStatusPeriod,
    QualityIndicator,
)
from i18n.collation import sort_key


@dataclass(frozen=True)
class InternshipDemoSummary:
    """What the generator added."""

    judges_added: int
    judges: int
    past_internships: int
    offers: int


def _judges(
    session: Session, rng: random.Random, per_region: int, stamp: dict[str, Any], region_limit: int
) -> int:
    regional = list(
        session.scalars(select(Court).where(Court.level == "regional").order_by(Court.code))
    )[:region_limit]
    used = set(session.scalars(select(Person.iin)))
    serial, added = rng.randrange(5000), 0
    for r_index, region in enumerate(regional):
        districts = []
        for d in range(4):
            # Distinct names across regions: every town with every pattern, then numbered.
            k = r_index * 4 + d
            town_kk, town_ru = n.TOWNS[k // 4 % len(n.TOWNS)]
            pattern = k % 4 if k < 4 * len(n.TOWNS) else 0
            kk = n.DISTRICT_KK[pattern].format(city=town_kk, n=k + 1)
            ru = n.DISTRICT_RU[pattern].format(city=town_ru, n=k + 1)
            districts.append(
                {
                    "id": uuid.uuid4(),
                    "code": f"{region.code}-I{d + 1:02d}-{uuid.uuid4().hex[:4]}",
                    "level": "district",
                    "name_kk": kk,
                    "name_ru": ru,
                    "parent_id": region.id,
                    "region_code": region.region_code,
                    "sort_key": sort_key(kk),
                    **stamp,
                }
            )
        session.execute(insert(Court), districts)
        rows = []
        for i in range(per_region):
            kazakh = rng.random() < 0.7
            surname = rng.choice(n.KK_MALE_SURNAMES if kazakh else n.RU_MALE_SURNAMES)
            first = rng.choice(n.KK_MALE_NAMES if kazakh else n.RU_MALE_NAMES)
            father = rng.choice(n.KK_FATHERS if kazakh else n.RU_FATHERS)
            born = date(1965, 1, 1) + timedelta(days=rng.randrange(0, 9000))
            while True:
                serial += 1
                iin = make_iin(born, serial)
                if iin not in used:
                    used.add(iin)
                    break
            court = region.id if i % 5 == 0 else rng.choice(districts)["id"]
            rows.append(
                {
                    "id": uuid.uuid4(),
                    "iin": iin,
                    "surname": surname,
                    "first_name": first,
                    "patronymic": father,
                    "role": "judge",
                    "court_id": court,
                    "position": "Судья",
                    "specialisation": "civil",
                    "first_appointed_on": born + timedelta(days=rng.randrange(9000, 12000)),
                    "notes": "",
                    **derived_columns(surname, first, father, iin),
                    **stamp,
                }
            )
        session.execute(insert(Person), rows)
        added += len(rows)
    return added


def generate(
    session: Session,
    actor: Actor,
    *,
    year: int,
    seed: int = 7,
    judges_per_region: int = 0,
    regions: int = 20,
    regional_places: int = 6,
    supreme_places: int = 25,
    progress: Progress | None = None,
    today: date | None = None,
) -> InternshipDemoSummary:
    """Add internship demo data for `year` over the judges in the store.

    With `judges_per_region` > 0 it first adds that many judges per region (and 4 district
    courts each), which is how the benchmark builds a national year of 2,500 judges.
    """
    rng = random.Random(seed)
    stamp = stamp_of(actor)
    added = _judges(session, rng, judges_per_region, stamp, regions) if judges_per_region else 0
    judges = session.execute(
        select(Person.id, Person.court_id, Court.level, Court.parent_id, Person.first_appointed_on)
        .join(Court, Court.id == Person.court_id)
        .where(Person.role == "judge", Court.level.in_(("district", "regional")))
        .order_by(Person.iin)
    ).all()
    supreme = session.scalar(select(Court.id).where(Court.level == "supreme"))
    hist, quality, leave, busy = [], [], [], []
    y0 = date(year, 1, 1)
    # P-3: a status period starts on or after the first appointment and never overlaps another,
    # so the register exports and re-imports without an error (people import's validators).
    on_leave = set(session.scalars(select(PersonStatusPeriod.person_id)))
    for k, (pid, _court, level, parent, appointed) in enumerate(judges):
        if rng.random() < 0.55 and supreme is not None:
            host = parent if level == "district" and rng.random() < 0.8 else supreme
            back = rng.randint(1, 6)
            offset = timedelta(days=rng.randrange(30, 330))
            start = date(year - back, 1, 1) + offset
            # Six years back counts for nothing (I-1): those internships were this year's,
            # when this year's has already gone by, so the quality report has a year to show.
            moved = date(year, 1, 1) + offset
            if back == 6 and today is not None and moved + timedelta(days=13) < today:
                start = moved
            hist.append(
                {
                    "id": uuid.uuid4(),
                    "person_id": pid,
                    "host_court_id": host,
                    "starts_on": start,
                    "ends_on": start + timedelta(days=13),
                    "kind": "judge",
                    "status": "done",
                    "paid": False,
                    "tutor_id": None,
                    "intern_report": "",
                    **stamp,
                }
            )
        # Three yearly figures, so internships of two years ago have a before and an after.
        quality += [
            {
                "id": uuid.uuid4(),
                "person_id": pid,
                "period_start": date(y, 1, 1),
                "period_end": date(y, 12, 31),
                "cases": rng.randint(150, 600),
                "overturned": rng.choice([0, 0, 1, 2, 4]),
                "time_limits_kept_pct": Decimal(rng.randint(85, 100)),
                "complaints": rng.choice([0, 0, 0, 1, 3]),
                **stamp,
            }
            for y in (year - 3, year - 2, year - 1)
        ]
        if rng.random() < 0.04:
            s = y0 + timedelta(days=rng.randrange(0, 300))
            status, days = rng.choice(["childcare_leave", "suspended"]), rng.randrange(30, 400)
            if appointed is not None and appointed <= s and pid not in on_leave:
                leave.append(
                    {
                        "id": uuid.uuid4(),
                        "person_id": pid,
                        "status": status,
                        "starts_on": s,
                        "ends_on": s + timedelta(days=days),
                        **stamp,
                    }
                )
        if rng.random() < 0.15:
            s = y0 + timedelta(days=rng.randrange(0, 350))
            busy.append(
                {
                    "id": uuid.uuid4(),
                    "person_id": pid,
                    "starts_on": s,
                    "ends_on": s + timedelta(days=4),
                    "source": "training",
                    "note": "Семинар",
                    **stamp,
                }
            )
        if progress is not None and k % 500 == 0:
            progress.step(k, len(judges))
    offers, blackouts = _hosts(session, year, stamp, regional_places, supreme_places)
    for model, rows in (
        (Internship, hist),
        (QualityIndicator, quality),
        (PersonStatusPeriod, leave),
        (BusyPeriod, busy),
        (HostOffer, offers),
        (HostBlackout, blackouts),
    ):
        if rows:
            session.execute(insert(model), rows)
    record(
        session,
        actor,
        "demo",
        "internship",
        f"year-{year}",
        {"judges": [None, len(judges)], "past": [None, len(hist)]},
    )
    return InternshipDemoSummary(added, len(judges), len(hist), len(offers))


def _hosts(
    session: Session, year: int, stamp: dict[str, Any], regional_places: int, supreme_places: int
) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """Each higher court's offer of places for a year, and its summer recess."""
    offers, blackouts = [], []
    for court_id, level in session.execute(
        select(Court.id, Court.level)
        .where(Court.level.in_(("regional", "supreme")))
        .order_by(Court.code)
    ):
        places = supreme_places if level == "supreme" else regional_places
        offers.append(
            {
                "id": uuid.uuid4(),
                "court_id": court_id,
                "starts_on": date(year, 1, 10),
                "ends_on": date(year, 12, 25),
                "capacity": places,
                "kind": "judge",
                "note": "",
                **stamp,
            }
        )
        blackouts.append(
            {
                "id": uuid.uuid4(),
                "court_id": court_id,
                "starts_on": date(year, 7, 15),
                "ends_on": date(year, 8, 15),
                "reason": "Сот демалысы / Судебный отпуск",
                **stamp,
            }
        )
    return offers, blackouts


def plan_year(session: Session, actor: Actor, year: int, *, candidate_places: int = 3) -> int:
    """The coming year as a centre has it in November: the higher courts' offers, places for
    candidates (I-3), and the schedule planned from the judges due (I-1). Returns how many
    internships were planned.
    """
    offers, blackouts = _hosts(session, year, stamp_of(actor), 6, 25)
    session.execute(insert(HostOffer), offers)
    session.execute(insert(HostBlackout), blackouts)
    for court_id in session.scalars(
        select(Court.id).where(Court.level == "regional").order_by(Court.code)
    ):
        for y in (year - 1, year):
            set_candidate_places(session, actor, court_id, y, candidate_places)
    return len(apply_plan(session, actor, year).placements)
