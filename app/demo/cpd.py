"""Demo CPD history for every person in the store: years of ledger lines, inserted in bulk."""

from __future__ import annotations

import random
import uuid
from datetime import date, timedelta
from decimal import Decimal
from typing import Any

from sqlalchemy import insert, select
from sqlalchemy.orm import Session

from app.core.audit import record
from app.core.context import Actor
from app.core.progress import Progress
from app.cpd.rules import list_forms, rule_set_for
from app.demo.generator import stamp_of
from db.models import CpdActivity, Person

EVENTS = [
    ("Сот әдебі кодексінің өзекті мәселелері", "Облыстық соттың оқу орталығы"),
    ("Азаматтық процестегі медиация", "Жоғарғы Сот"),
    ("Актуальные вопросы уголовного процесса", "Академия правосудия"),
    ("Цифровизация судопроизводства", "Судебное администрирование"),
    ("Әкімшілік әділет: жаңа тәсілдер", "Судьялар одағы"),
    ("Ювенальная юстиция: практика", "Учебный центр областного суда"),
]
# Forms people pick most, with weights: seminars and short courses dominate, degrees are rare.
WEIGHTS = {
    "F01": 20,
    "F02": 40,
    "F03": 15,
    "F04": 8,
    "F05": 3,
    "F06": 3,
    "F07": 3,
    "F08": 0.3,
    "F09": 2,
    "F10": 1,
    "F11": 3,
    "F12": 2,
}
BATCH = 20_000


def generate_activity(
    session: Session,
    actor: Actor,
    *,
    years: int = 10,
    seed: int = 11,
    today: date | None = None,
    progress: Progress | None = None,
) -> int:
    """Add `years` years of confirmed CPD lines (and Academy courses for judges) per person.

    Bulk Core inserts (STYLE: ORM objects per row are ~15× slower). Returns the rows added;
    progress.step(done, total) raises CancelledError once the user cancelled.
    """
    today = today or date.today()
    rng = random.Random(seed)
    forms = {f.code: f for f in list_forms(session)}
    codes = [c for c in WEIGHTS if c in forms]
    weights = [WEIGHTS[c] for c in codes]
    first_year = today.year - years + 1
    catalogue = {y: rule_set_for(session, y).points for y in range(first_year, today.year + 1)}
    academy = forms.get("ACADEMY")
    stamp = stamp_of(actor)
    people = session.execute(
        select(Person.id, Person.role, Person.first_appointed_on).order_by(Person.iin)
    ).all()
    total = len(people)
    rows: list[dict[str, Any]] = []
    added = 0

    def line(pid: uuid.UUID, code: str, on: date, event: tuple[str, str]) -> dict[str, Any]:
        form = forms[code]
        pts = catalogue[on.year].get(form.id, Decimal(1))
        return {
            "id": uuid.uuid4(),
            "person_id": pid,
            "year": on.year,
            "starts_on": on,
            "ends_on": on,
            "form_id": form.id,
            "event": event[0],
            "organiser": event[1],
            "hours": None,
            "points": pts,
            "catalogue_points": pts,
            "override_reason": "",
            "state": "confirmed",
            "reviewed_by": actor.name,
            "reviewed_on": on,
            "review_note": "",
            "source": "demo",
            "registration_id": None,
            "idempotency_key": None,
            **stamp,
        }

    for done, person in enumerate(people, start=1):
        diligence = rng.random()
        for year in range(first_year, today.year + 1):
            last_day = min(date(year, 12, 31), today)
            span = (last_day - date(year, 1, 1)).days
            target = 10 if diligence > 0.12 else rng.choice((4, 6, 8))
            got = Decimal(0)
            while got < target:
                code = rng.choices(codes, weights)[0]
                on = date(year, 1, 1) + timedelta(days=rng.randrange(max(span, 1)))
                row = line(person.id, code, on, rng.choice(EVENTS))
                rows.append(row)
                got += row["points"]
        if person.role == "judge" and academy is not None and person.first_appointed_on:
            on = person.first_appointed_on + timedelta(days=rng.randrange(700, 1700))
            while on.year <= today.year and on < today:
                if on.year >= first_year:
                    rows.append(
                        line(
                            person.id,
                            "ACADEMY",
                            on,
                            ("Біліктілікті арттыру курсы", "Сот төрелігі академиясы"),
                        )
                    )
                on += timedelta(days=rng.randrange(1300, 1800))
        if len(rows) >= BATCH:
            session.execute(insert(CpdActivity), rows)
            added += len(rows)
            rows = []
            if progress is not None:
                progress.step(done, total)
    if rows:
        session.execute(insert(CpdActivity), rows)
        added += len(rows)
    record(session, actor, "demo", "cpd_activity", "-", {"rows": [None, added]})
    return added
