"""Queries that once worked on SQLite only give the same answers on PostgreSQL (issue 16)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from app.core.context import Actor
from app.core.store import Store
from app.dashboard.queries import dashboard_figures
from tests.app.security.helpers import add_judge


def test_dashboard_counts_todays_changes_as_dates(store: Store, actor: Actor) -> None:
    with store.write() as s:
        add_judge(s, actor, 1)
        add_judge(s, actor, 2)
    today = datetime.now(UTC).date()
    with store.read() as s:
        figures = dashboard_figures(s, today)
        yesterday = dashboard_figures(s, today - timedelta(days=1))
    assert figures.judges == 2
    assert figures.changes_today >= 2
    assert yesterday.changes_today == 0
