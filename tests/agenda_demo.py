"""A demo store made on a fixed day (30 November 2026) with one case of every agenda item."""

from __future__ import annotations

import shutil
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest
from sqlalchemy import func, select, update
from sqlalchemy.orm import Session

from app.core.bootstrap import open_store
from app.core.context import local_actor
from app.cpd.dto import ActivityInput, RoleRule, RuleSetInput
from app.cpd.ledger import add_activity
from app.cpd.rules import amend_rules, list_forms
from app.cpd.workflow import open_report, submit_report
from app.demo.everything import generate_everything
from app.demo.training import generate_training
from db.models import Court, EvalSheet, Pair, Person, Programme, ProtocolDecision

MADE_ON = date(2026, 11, 30)
_built: list[Path] = []
# Who handed in the 2026 CPD report before 10 February (so the agenda must leave them out).
SUBMITTER: list[str] = []


def agenda_db(template_db: Path, factory: pytest.TempPathFactory) -> Path:
    """The session's agenda demo, built on first use from the migrated template."""
    if _built:
        return _built[0]
    path = factory.mktemp("agenda") / "agenda.db"
    shutil.copyfile(template_db, path)
    store = open_store(path, backup=False)
    actor = local_actor()
    with store.write() as s:
        generate_everything(s, actor, cpd_years=1, today=MADE_ON)
        generate_training(s, actor, MADE_ON.year, today=MADE_ON)
        # The demo has no legal consultants, the people seed 004's minimum binds (C scope): a
        # council decision of 2025 switches a 10-point minimum on for court staff from 2026
        # (C-9), so 2026 reports fall due on 15 February 2027 (C-5).
        amend_rules(
            s,
            actor,
            RuleSetInput(date(2025, 6, 2), "demo", roles={"staff": RoleRule(Decimal(10))}),
            today=date(2025, 6, 2),
        )
        staff = s.execute(
            select(Person.id, Person.surname, Person.first_name, Person.patronymic)
            .where(Person.role == "staff")
            .order_by(Person.sort_key)
        ).all()
        report = open_report(s, actor, staff[0][0], 2026, today=date(2027, 1, 20))
        submit_report(s, actor, report.id, today=date(2027, 1, 20))
        SUBMITTER.append(" ".join(x for x in staff[0][1:] if x))
        # C-3: a line waiting for the officer.
        form = list_forms(s)[0]
        add_activity(
            s,
            actor,
            ActivityInput(staff[1][0], form.id, "Семинар", date(2026, 10, 5), date(2026, 10, 5)),
            today=MADE_ON,
        )
        # M-11: the demo holds today's council meeting, its protocol not signed yet.
        # M-7 and E-1: the demo approves every programme and signs every sheet; one of each is
        # put back to draft, as a programme drawn up and a sheet being filled would be.
        pair = s.scalars(select(Pair.id).where(Pair.state == "active")).first()
        s.execute(
            update(Programme)
            .where(Programme.pair_id == pair)
            .values(approved_on=None, approved_by="")
        )
        # M-11: a pair past its term that no protocol has decided on (the demo's councils
        # decide on every pair of theirs): one that began long ago and was never closed.
        undecided = select(ProtocolDecision.pair_id).where(ProtocolDecision.pair_id.is_not(None))
        lapsed = s.scalars(
            select(Pair.id)
            .where(Pair.state == "active", Pair.id != pair, Pair.id.not_in(undecided))
            .order_by(Pair.starts_on)
        ).first()
        s.execute(update(Pair).where(Pair.id == lapsed).values(starts_on=date(2024, 1, 15)))
        sheet = s.scalars(select(EvalSheet.id).where(EvalSheet.round_id.is_not(None))).first()
        s.execute(
            update(EvalSheet).where(EvalSheet.id == sheet).values(status="draft", signed_at=None)
        )
    store.dispose()
    for suffix in ("-wal", "-shm"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)
    _built.append(path)
    return path


def agenda_copy(template_db: Path, factory: pytest.TempPathFactory, target: Path) -> Path:
    """A private copy for one test (the store's backup folder is its own)."""
    shutil.copyfile(agenda_db(template_db, factory), target)
    return target


def busiest_region(session: Session) -> str:
    """The region with the most people: a region compared on a demo with none would compare
    nothing."""
    region = session.scalars(
        select(Court.region_code)
        .join(Person, Person.court_id == Court.id)
        .group_by(Court.region_code)
        .order_by(func.count().desc())
    ).first()
    assert region
    return region
