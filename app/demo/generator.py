"""Fill a store with realistic demo data: courts, judges, staff, status periods."""

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
from app.core.errors import DomainError
from app.core.progress import Progress
from app.core.settings import set_setting
from app.courts.centre import CENTRE_KEY
from app.demo import names as n
from app.people.experience import add_years
from app.people.iin import make_iin
from app.people.service import derived_columns
from db.base import utcnow
from db.models import Court, Person, PersonStatusPeriod, TrainingCentre
from i18n import N_
from i18n.collation import sort_key

SCALES = {
    # regions, district courts per region, judges per region, staff per region
    "region": (1, 10, 150, 60),
    "national": (20, 18, 1800, 700),
}
CONSULTANT_EVERY = 10  # one staff member in ten of a region is a legal consultant
SPECIALISATIONS = [
    "civil",
    "criminal",
    "administrative",
    "economic",
    "juvenile",
    "investigative",
    "general",
]


@dataclass(frozen=True)
class DemoSummary:
    """What the generator added."""

    courts: int
    people: int
    judges: int


def stamp_of(actor: Actor) -> dict[str, Any]:
    """The bookkeeping columns of every row a demo generator inserts in bulk."""
    now = utcnow()
    return {"created_at": now, "updated_at": now, "updated_by": actor.name, "version": 1}


def _person(
    rng: random.Random,
    serial: int,
    court_id: uuid.UUID,
    role: str,
    today: date,
    stamp: dict[str, Any],
    used: set[str],
) -> dict[str, Any]:
    female = rng.random() < 0.45
    if rng.random() < 0.7:
        surname = rng.choice(n.KK_FEMALE_SURNAMES if female else n.KK_MALE_SURNAMES)
        first = rng.choice(n.KK_FEMALE_NAMES if female else n.KK_MALE_NAMES)
        father = rng.choice(n.KK_FATHERS_F if female else n.KK_FATHERS)
    else:
        surname = rng.choice(n.RU_FEMALE_SURNAMES if female else n.RU_MALE_SURNAMES)
        first = rng.choice(n.RU_FEMALE_NAMES if female else n.RU_MALE_NAMES)
        father = rng.choice(n.RU_FATHERS_F if female else n.RU_FATHERS)
    born = date(1960, 1, 1) + timedelta(days=rng.randrange(0, 13000))
    iin = make_iin(born, serial, female=female)
    while iin in used:
        serial += 7
        iin = make_iin(born, serial, female=female)
    used.add(iin)
    appointed = None
    position = rng.choice(n.POSITIONS_STAFF)
    if role == "judge":
        position = rng.choice(n.POSITIONS_JUDGE[:1] * 8 + n.POSITIONS_JUDGE)
        earliest = max(date(1992, 1, 1), born + timedelta(days=365 * 30))
        span = max((today - earliest).days, 30)
        # A share of recent appointments so the mentoring needs list is never empty (M-2).
        if rng.random() < 0.08:
            appointed = today - timedelta(days=rng.randrange(10, 360))
        else:
            appointed = earliest + timedelta(days=rng.randrange(0, span))
    return {
        "id": uuid.uuid4(),
        "iin": iin,
        "surname": surname,
        "first_name": first,
        "patronymic": father,
        "role": role,
        "court_id": court_id,
        "position": position,
        "specialisation": rng.choice(SPECIALISATIONS) if role == "judge" else "",
        "first_appointed_on": appointed,
        "notes": "",
        **derived_columns(surname, first, father, iin),
        **stamp,
    }


JUDGE, CHAIRMAN, COLLEGIUM_CHAIR = n.POSITIONS_JUDGE


def _one_chairman_per_court(
    rows: list[dict[str, Any]], court_ids: list[uuid.UUID], today: date
) -> None:
    """Positions as a court has them: one chairman, its longest-serving judge; collegium
    chairs only in the regional court (court_ids[0]) and only after ten years; everyone else
    a judge. Positions are drawn at random first, so this keeps the random sequence (and
    every other demo value) as it was.
    """
    judges = [r for r in rows if r["role"] == "judge"]
    ten_years_ago = add_years(today, -10)
    for row in judges:
        senior = (
            row["first_appointed_on"] is not None and row["first_appointed_on"] <= ten_years_ago
        )
        keep = row["position"] == COLLEGIUM_CHAIR and row["court_id"] == court_ids[0] and senior
        row["position"] = COLLEGIUM_CHAIR if keep else JUDGE
    for court_id in court_ids:
        bench = [r for r in judges if r["court_id"] == court_id and r["first_appointed_on"]]
        if bench:
            min(bench, key=lambda r: (r["first_appointed_on"], r["iin"]))["position"] = CHAIRMAN


def generate(
    session: Session,
    actor: Actor,
    *,
    scale: str = "region",
    seed: int = 7,
    today: date | None = None,
    progress: Progress | None = None,
) -> DemoSummary:
    """Add demo courts and people in bulk; a cancelled progress stops with CancelledError."""
    regions_n, districts_n, judges_n, staff_n = SCALES[scale]
    rng = random.Random(seed)
    today = today or date.today()
    stamp = stamp_of(actor)
    regional = list(
        session.scalars(select(Court).where(Court.level == "regional").order_by(Court.code))
    )
    if scale == "region":
        regional = [c for c in regional if c.code == "AKM"]
    regional = regional[:regions_n]
    first_code = f"{regional[0].code}-D001" if regional else ""
    if session.scalar(select(Court.id).where(Court.code == first_code)) is not None:
        raise DomainError(N_("Demo data is already in this database."))
    serial = rng.randrange(1000)
    used: set[str] = set(session.scalars(select(Person.iin)))
    courts = people = judges = 0
    for r_index, region in enumerate(regional):
        district_rows = []
        for d in range(districts_n):
            town_kk, town_ru = n.TOWNS[d % len(n.TOWNS)]
            pattern = d % len(n.DISTRICT_KK)
            name_kk = n.DISTRICT_KK[pattern].format(city=town_kk, n=d + 1)
            name_ru = n.DISTRICT_RU[pattern].format(city=town_ru, n=d + 1)
            district_rows.append(
                {
                    "id": uuid.uuid4(),
                    "code": f"{region.code}-D{d + 1:03d}",
                    "level": "district",
                    "name_kk": name_kk,
                    "name_ru": name_ru,
                    "parent_id": region.id,
                    "region_code": region.region_code,
                    "sort_key": sort_key(name_kk),
                    **stamp,
                }
            )
        session.execute(insert(Court), district_rows)
        courts += len(district_rows)
        court_ids = [region.id] + [row["id"] for row in district_rows]
        rows, periods = [], []
        for i in range(judges_n + staff_n):
            role = "judge" if i < judges_n else "staff"
            serial += 1
            court_id = region.id if (role == "judge" and i % 5 == 0) else rng.choice(court_ids[1:])
            row = _person(rng, serial, court_id, role, today, stamp, used)
            if role == "staff" and (i - judges_n) % CONSULTANT_EVERY == 0:
                # Legal consultants, whom seed 004's points minimum binds: without them no
                # individual CPD report is ever owed on the demo (C-5, issue 12). Named after
                # the rest so every other demo row stays as it was.
                row["role"], row["position"] = "consultant", n.POSITION_CONSULTANT
            rows.append(row)
            if role == "judge" and row["first_appointed_on"] and rng.random() < 0.06:
                start = row["first_appointed_on"] + timedelta(days=rng.randrange(200, 2000))
                if start < today:
                    periods.append(
                        {
                            "id": uuid.uuid4(),
                            "person_id": row["id"],
                            "status": rng.choice(["childcare_leave", "suspended"]),
                            "starts_on": start,
                            "ends_on": start + timedelta(days=rng.randrange(60, 700)),
                            **stamp,
                        }
                    )
        _one_chairman_per_court(rows, court_ids, today)
        session.execute(insert(Person), rows)
        if periods:
            session.execute(insert(PersonStatusPeriod), periods)
        people += len(rows)
        judges += judges_n
        if progress is not None:
            progress.step(r_index + 1, len(regional))
    if regional:
        centre = session.scalar(
            select(TrainingCentre.id).where(TrainingCentre.court_id == regional[0].id)
        )
        if centre is not None:
            set_setting(session, actor, CENTRE_KEY, str(centre))
    record(
        session,
        actor,
        "demo",
        "store",
        "-",
        {"scale": [None, scale], "courts": [None, courts], "people": [None, people]},
    )
    return DemoSummary(courts=courts, people=people, judges=judges)
