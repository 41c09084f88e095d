"""Demo data for every module: people, mentoring with protocols, internships, CPD, training."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy.orm import Session

from app.core.context import Actor
from app.demo.commission import generate_commission
from app.demo.council import generate_protocols
from app.demo.cpd import generate_activity
from app.demo.evaluation import generate as generate_evaluation
from app.demo.generator import DemoSummary, generate
from app.demo.internships import generate as generate_internships
from app.demo.internships import plan_year
from app.demo.mentoring import generate_mentoring
from app.demo.monitoring import generate_monitoring
from app.demo.offices import generate_offices
from app.demo.small_court import generate_small_court_pair
from app.demo.staff import generate_internship_schedule, generate_staff
from app.demo.training import generate_training


@dataclass(frozen=True)
class FullDemoSummary:
    """What each module's demo added."""

    people: DemoSummary
    pairs: int
    internships: int
    evaluation_sheets: int
    cpd_lines: int
    protocols: int = 0
    planned_internships: int = 0
    training_events: int = 0
    staff_adaptations: int = 0
    coordinators: int = 0
    small_courts: int = 0
    commission_decisions: int = 0
    monitoring_lines: int = 0
    small_court_pairs: int = 0


def generate_everything(
    session: Session,
    actor: Actor,
    *,
    scale: str = "region",
    seed: int = 7,
    cpd_years: int = 3,
    today: date | None = None,
) -> FullDemoSummary:
    """Fill an empty store so every page has something realistic to show."""
    today = today or date.today()
    people = generate(session, actor, scale=scale, seed=seed, today=today)
    # before the pairs and protocols, which print the coordinator named then (M-6)
    coordinators, small = generate_offices(session, actor, today=today)
    mentoring = generate_mentoring(session, actor, seed=seed, today=today)
    protocols = generate_protocols(session, actor, today=today)
    internships = generate_internships(session, actor, year=today.year, seed=seed, today=today)
    planned = plan_year(session, actor, today.year + 1)
    sheets = generate_evaluation(
        session, actor, periods=(str(today.year - 1), str(today.year)), seed=seed
    )
    decisions, _acknowledged = generate_commission(session, actor, period=str(today.year))
    monitoring = generate_monitoring(session, actor, year=today.year - 1, seed=seed)
    lines = generate_activity(session, actor, years=cpd_years, seed=seed, today=today)
    events = generate_training(session, actor, today.year, today=today)
    adaptations = generate_staff(session, actor, today=today)
    generate_internship_schedule(session, actor, today=today)
    small_pairs = generate_small_court_pair(session, actor, today=today)
    return FullDemoSummary(
        people,
        mentoring.pairs,
        internships.past_internships,
        sheets,
        lines,
        protocols=protocols,
        planned_internships=planned,
        training_events=events,
        staff_adaptations=adaptations,
        coordinators=coordinators,
        small_courts=small,
        commission_decisions=decisions,
        monitoring_lines=monitoring,
        small_court_pairs=small_pairs,
    )
