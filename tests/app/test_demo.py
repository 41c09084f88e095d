"""The demo command fills every module and leaves a healthy store."""

from __future__ import annotations

from datetime import date

from app.core.context import Actor
from app.core.integrity import check_store
from app.core.store import Store
from app.demo.everything import generate_everything


def test_full_demo_fills_every_module(store: Store, actor: Actor) -> None:
    with store.write() as session:
        summary = generate_everything(session, actor, cpd_years=1, today=date(2026, 11, 21))
    assert summary.people.people == 210
    assert summary.pairs > 0
    assert summary.internships > 0
    assert summary.evaluation_sheets > 0
    assert summary.cpd_lines > 0
    assert check_store(store) == []
