"""T-1 items counted in one pass give exactly the names a full sort gives (issue 11)."""

from __future__ import annotations

import random
import uuid
from datetime import date, timedelta
from decimal import Decimal

from app.agenda.cpd_items import NAMES_SHOWN, academy_items
from app.cpd.dto import ComplianceRow
from i18n.collation import sort_key

ON = date(2026, 6, 10)


def _row(name: str, due: date | None) -> ComplianceRow:
    return ComplianceRow(
        uuid.uuid4(), "", name, "judge", None, ON.year, Decimal(0), Decimal(0), Decimal(0),
        0, None, due, "at_risk", ON.year,
    )  # fmt: skip


def test_t1_thousands_of_judges_give_the_first_names_of_a_full_sort_ties_in_arrival_order() -> None:
    rnd = random.Random(7)
    # Few distinct names and dates: many ties, which must keep their arrival order.
    names = [f"Сүлейменов {c}" for c in "ӘәАаБбҚқ"] + ["Ахметов Ә", "ахметов ә"]
    rows = [
        _row(rnd.choice(names), rnd.choice([None, ON + timedelta(days=rnd.randint(-400, 300))]))
        for _ in range(12_000)
    ]
    overdue = sorted((r for r in rows if r.academy_due and r.academy_due < ON),
                     key=lambda r: r.full_name)  # fmt: skip
    coming = sorted(
        (r for r in rows if r.academy_due and ON <= r.academy_due <= date(ON.year, 12, 31)),
        key=lambda r: (r.academy_due, sort_key(r.full_name)),
    )
    late, soon = academy_items(ON, iter(rows))
    assert late.key == "academy_overdue" and late.count == len(overdue) > 1000
    assert late.due_on == min(r.academy_due for r in overdue if r.academy_due)
    assert late.names == tuple(r.full_name for r in overdue[:NAMES_SHOWN])
    assert soon.key == "academy_due" and soon.count == len(coming) > 1000
    assert soon.due_on == coming[0].academy_due
    assert soon.names == tuple(r.full_name for r in coming[:NAMES_SHOWN])
