"""Who owes the year's CPD report, found without the ledger, equals compliance()'s (C-5, C-7)."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest
from sqlalchemy import func, select

from app.core.bootstrap import open_store
from app.core.context import local_actor
from app.core.store import Store
from app.cpd.compliance import compliance
from app.cpd.dto import ComplianceFilter, ExemptionInput
from app.cpd.exemptions import add_exemption
from app.cpd.owing import Owed, owing
from app.cpd.rules import owes_report, rule_set_for
from app.cpd.vocab import EXEMPTION_KINDS
from db.models import Person, PersonStatusPeriod
from tests.agenda_demo import agenda_copy, busiest_region

KIND = next(iter(EXEMPTION_KINDS))


@pytest.fixture
def demo(
    template_db: Path, tmp_path_factory: pytest.TempPathFactory, tmp_path: Path
) -> Iterator[Store]:
    store = open_store(agenda_copy(template_db, tmp_path_factory, tmp_path / "a.db"), backup=False)
    yield store
    store.dispose()


def test_c5_owing_equals_compliances_people_with_a_minimum_not_exempt_all_year(
    demo: Store,
) -> None:
    with demo.write() as s:
        # C-4: a consultant exempt half of 2026 owes less; one exempt all of 2026 owes nothing
        half, whole = s.scalars(
            select(Person.id).where(Person.role == "consultant").order_by(Person.iin).limit(2)
        ).all()
        for who, ends in ((half, date(2026, 6, 30)), (whole, date(2026, 12, 31))):
            add_exemption(
                s, local_actor(), ExemptionInput(who, KIND, date(2026, 1, 1), ends, "тест")
            )
    with demo.read() as s:
        owed_2026 = {o.person_id: o for o in owing(s, 2026)}
        assert whole not in owed_2026 and 0 < owed_2026[half].required < Decimal(10)
        region = busiest_region(s)
        # The demo's leaves and suspensions, and the exemptions above, are compared too
        assert s.scalar(select(func.count(PersonStatusPeriod.id))) > 0
        compared = 0
        for year in (2025, 2026, 2027):
            rules = rule_set_for(s, year)
            for where in ("", region):
                expected = sorted(
                    (
                        Owed(r.person_id, r.full_name, r.required, r.exempt_days)
                        for role, rule in rules.roles.items()
                        if rule.min_points
                        for r in compliance(
                            s,
                            ComplianceFilter(year=year, region_code=where, role=role),
                            date(year + 1, 2, 10),
                        )
                        if owes_report(r.required, r.exempt_days, year)
                    ),
                    key=_by_id,
                )
                assert sorted(owing(s, year, where), key=_by_id) == expected
                compared += len(expected)
        assert compared > 0  # consultants (and, from 2026, court staff) owe reports


def _by_id(owed: Owed) -> bytes:
    return owed.person_id.bytes
