"""Demo training year: needs survey, the plan built from it, sessions, registrations, attendance."""

from __future__ import annotations

import random
from datetime import date, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.core.context import Actor
from app.courts.service import list_courts
from app.training.attendance import mark_attendance
from app.training.dto import NeedInput, SessionInput
from app.training.plan import add_need, build_plan
from app.training.queries import list_events
from app.training.service import add_session, register
from db.models import Person

TOPICS = [
    ("Сот әдебі кодексінің өзекті мәселелері", "judges"),
    ("Азаматтық процестегі татуласу рәсімдері", "judges"),
    ("Цифровые сервисы судопроизводства", "all"),
    ("Мемлекеттік тіл: іс жүргізу құжаттары", "staff"),
    ("Excel и электронный документооборот для секретарей", "staff"),
]
PLACES = ["Көкшетау, облыстық сот, 3-зал", "Онлайн (Zoom)", "Астана, Сот төрелігі академиясы"]
TRAINERS = ["Сейітқалиева Г.Н.", "Петров А.В.", "Жұмабаев Е.С."]


def generate_training(
    session: Session, actor: Actor, year: int, *, today: date | None = None, seed: int = 5
) -> int:
    """Fill one year: needs from a few courts, the plan, a session per event, attendance."""
    today = today or date.today()
    rng = random.Random(seed)
    courts = list_courts(session, level="district")[:6] or list_courts(session, level="regional")
    for court in courts:
        for topic, audience in rng.sample(TOPICS, 3):
            add_need(
                session,
                actor,
                NeedInput(year, court.id, topic, rng.randint(2, 15), audience=audience),
            )
    build_plan(session, actor, year, today=today)
    people = list(session.scalars(select(Person.id).order_by(Person.sort_key).limit(400)))
    for i, event in enumerate(list_events(session, year)):
        start = date(year, 2 + i * 2, 10)
        ts = add_session(
            session,
            actor,
            SessionInput(
                event.id,
                start,
                start + timedelta(days=1),
                place=PLACES[i % len(PLACES)],
                trainer=TRAINERS[i % len(TRAINERS)],
                capacity=25,
            ),
        )
        chosen = rng.sample(people, min(30, len(people)))
        outcome = register(session, actor, ts.id, chosen)
        if start + timedelta(days=1) <= today:
            came = [p for p in outcome.registered if rng.random() < 0.85]
            mark_attendance(session, actor, ts.id, came, today=today)
    return len(list_events(session, year))
