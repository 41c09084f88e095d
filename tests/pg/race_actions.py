"""Actions raced by tests/pg: importable by name in the racing processes."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path
from typing import Any

from sqlalchemy.orm import Session

from app.core.context import Actor
from app.courts.dto import DistrictCourtInput
from app.courts.service import add_district_court
from app.cpd.importer import import_activities
from app.internships.dto import InternshipInput
from app.internships.planner import apply_plan
from app.internships.service import save_internship
from app.mentoring import service as mentoring
from app.people.dto import PersonInput
from app.people.importer import apply_people, preview_file
from app.people.service import create_person
from app.security.authentication import LoginError, try_login

TODAY = date(2026, 11, 21)


def add_court(session: Session, actor: Actor, round_no: int, index: int, payload: Any) -> None:
    """Every process adds "the same" court, spelt in its own letter case."""
    name = f"Әбай аудандық соты {round_no}"
    name = name.upper() if index % 2 else name
    add_district_court(
        session, actor, DistrictCourtInput(payload, name, f"Абайский районный суд {round_no}")
    )


def propose_tutor(session: Session, actor: Actor, round_no: int, index: int, payload: Any) -> None:
    """Every process gives protégé number round_no a tutor of its own."""
    proteges, tutors = payload
    mentoring.propose_pair(
        session,
        actor,
        proteges[round_no],
        tutors[index % len(tutors)],
        kind="tutor",
        starts_on=TODAY,
    )


def extend(session: Session, actor: Actor, round_no: int, index: int, payload: Any) -> None:
    """Every process extends pair number round_no by two years."""
    mentoring.extend_pair(
        session,
        actor,
        payload[round_no],
        order_number=f"{round_no}-{index}",
        order_date=TODAY,
        months=24,
    )


def log_in(session: Session, actor: Actor, round_no: int, index: int, payload: Any) -> None:
    """Every process logs in as the same account; a wrong password is kept, as login() does."""
    password, must_succeed = payload
    outcome = try_login(session, "shared", password)
    if must_succeed and isinstance(outcome, LoginError):
        raise outcome


def import_cpd(session: Session, actor: Actor, round_no: int, index: int, payload: Any) -> None:
    """Every process imports the round's file."""
    import_activities(session, actor, Path(payload[round_no]), today=date(2026, 11, 21))


def plan(session: Session, actor: Actor, round_no: int, index: int, payload: Any) -> None:
    """Every process runs `plan internships --apply` for the year."""
    apply_plan(session, actor, payload)


def place_intern(session: Session, actor: Actor, round_no: int, index: int, payload: Any) -> None:
    """Every process places its own judge at the host court for the round's fortnight."""
    host, judges, starts = payload
    start = starts[round_no]
    save_internship(
        session,
        actor,
        InternshipInput(judges[round_no][index], host, start, start + timedelta(days=13)),
    )


def register_person(
    session: Session, actor: Actor, round_no: int, index: int, payload: Any
) -> None:
    """Every process registers "the same" person: one IIN, each with its own spelling."""
    create_person(
        session,
        actor,
        PersonInput(
            payload[round_no], "Сәрсенбаева" if index else "САРСЕНБАЕВА", "Айгүл", role="staff"
        ),
    )


def import_people(session: Session, actor: Actor, round_no: int, index: int, payload: Any) -> None:
    """Every process imports its own file of the same people (the orders differ)."""
    apply_people(session, actor, preview_file(session, actor, Path(payload[round_no][index])))
