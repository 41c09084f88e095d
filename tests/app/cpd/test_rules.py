"""Rule sets by year (C-1, C-2, C-9)."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from app.core.context import Actor
from app.core.errors import PermissionDeniedError, ValidationError
from app.core.store import Store
from app.cpd.compliance import person_compliance
from app.cpd.dto import RoleRule, RuleSetInput
from app.cpd.rules import RuleSetInForceError, add_form, amend_rules, list_forms, rule_set_for
from tests.app.cpd.helpers import add, form_id, make_person


def test_shipped_catalogue_is_seed_004_in_kk_and_ru(store: Store) -> None:
    """C-1: the twelve forms of seed 004 with their points, plus the Academy course (T-1)."""
    with store.read() as s:
        forms = {f.code: f for f in list_forms(s)}
        rules = rule_set_for(s, 2024)
    expected = {
        "F01": 2,
        "F02": 2,
        "F03": 2,
        "F04": 3,
        "F05": 2,
        "F06": 2,
        "F07": 3,
        "F08": 6,
        "F09": 3,
        "F10": 5,
        "F11": 1,
        "F12": 1,
        "ACADEMY": 2,
    }
    assert {c: rules.points[forms[c].id] for c in expected} == {
        c: Decimal(p) for c, p in expected.items()
    }
    assert forms["F02"].name_ru.startswith("Участие в семинарах, вебинарах")
    assert "семинарларға" in forms["F02"].name_kk
    assert forms["ACADEMY"].academy
    # C scope (issue 14): seed 004's 10 points bind consultants; judges have T-1 only
    assert rules.role_rule("consultant") == RoleRule(Decimal(10), 0)  # C-2
    assert rules.role_rule("judge") == RoleRule(Decimal(0), 5)  # T-1
    assert rules.effective_year == 2022


def test_rule_change_in_2025_applies_from_2026_only(store: Store, actor: Actor) -> None:
    """C-9: a change decided in 2025 leaves the 2025 verdict alone and changes 2026."""
    person, _iin = make_person(store, actor)
    for month in (2, 4, 6, 8, 10):
        add(store, actor, person, "F02", date(2025, month, 10))
    with store.read() as s:
        before = person_compliance(s, person, 2025, as_of=date(2026, 1, 10))
    assert (before.earned, before.status) == (Decimal(10), "compliant")

    seminars = form_id(store, "F02")
    with store.write() as s:
        amended = amend_rules(
            s,
            actor,
            RuleSetInput(
                decided_on=date(2025, 6, 1),
                decision="Кеңес шешімі №3",
                points={seminars: Decimal(1)},
                roles={"consultant": RoleRule(Decimal(12), 0)},
            ),
            today=date(2025, 6, 2),
        )
    assert amended.effective_year == 2026
    for month in (2, 4, 6, 8, 10):
        add(store, actor, person, "F02", date(2026, month, 10))
    with store.read() as s:
        after_2025 = person_compliance(s, person, 2025, as_of=date(2027, 1, 10))
        verdict_2026 = person_compliance(s, person, 2026, as_of=date(2027, 1, 10))
        assert rule_set_for(s, 2025).effective_year == 2022
    assert (after_2025.earned, after_2025.required, after_2025.status) == (
        Decimal(10),
        Decimal(10),
        "compliant",
    )
    assert (verdict_2026.earned, verdict_2026.required, verdict_2026.status) == (
        Decimal(5),
        Decimal(12),
        "not_compliant",
    )
    assert verdict_2026.rule_year == 2026


def test_rules_in_force_cannot_change(store: Store, actor: Actor) -> None:
    """C-9: a decision governing a year already over is refused (it would move past verdicts)."""
    with store.write() as s, pytest.raises(RuleSetInForceError):
        amend_rules(
            s,
            actor,
            RuleSetInput(decided_on=date(2024, 12, 31), roles={"judge": RoleRule(Decimal(20), 5)}),
            today=date(2026, 1, 5),
        )


@pytest.mark.parametrize(
    ("decided_on", "entered_on", "governs"),
    [
        (date(2025, 12, 30), date(2025, 12, 31), 2026),
        (date(2025, 12, 31), date(2025, 12, 31), 2026),
        (date(2025, 12, 31), date(2026, 1, 5), 2026),
        (date(2026, 1, 1), date(2026, 1, 5), 2027),
    ],
)
def test_c9_adoption_date_not_entry_date_decides_the_year(
    store: Store, actor: Actor, decided_on: date, entered_on: date, governs: int
) -> None:
    """C-9 clarification: adopted 31 December, entered in January, governs the year just begun."""
    with store.write() as s:
        amended = amend_rules(
            s,
            actor,
            RuleSetInput(decided_on=decided_on, roles={"staff": RoleRule(Decimal(6), 0)}),
            today=entered_on,
        )
        assert amended.effective_year == governs
        assert rule_set_for(s, governs).role_rule("staff").min_points == Decimal(6)
        assert rule_set_for(s, governs - 1).role_rule("staff").min_points != Decimal(6)


def test_two_decisions_of_one_year_amend_the_same_next_year_set(store: Store, actor: Actor) -> None:
    with store.write() as s:
        amend_rules(
            s,
            actor,
            RuleSetInput(decided_on=date(2026, 3, 1), partial_exemption="full"),
            today=date(2026, 3, 2),
        )
        amend_rules(
            s,
            actor,
            RuleSetInput(decided_on=date(2026, 9, 1), roles={"staff": RoleRule(Decimal(8), 0)}),
            today=date(2026, 9, 2),
        )
        r = rule_set_for(s, 2027)
    assert (
        r.effective_year,
        r.partial_exemption,
        r.role_rule("staff").min_points,
        r.role_rule("consultant").min_points,
    ) == (2027, "full", Decimal(8), Decimal(10))


def test_new_form_counts_from_next_year(store: Store, actor: Actor) -> None:
    """C-1 (open list) with C-9: a form added in 2026 has catalogue points from 2027."""
    with store.write() as s:
        form = add_form(
            s,
            actor,
            code="MOOT",
            name_kk="Оқу сот процесі",
            name_ru="Учебный судебный процесс",
            points=Decimal(2),
            decided_on=date(2026, 5, 5),
            today=date(2026, 5, 6),
        )
        assert form.id not in rule_set_for(s, 2026).points
        assert rule_set_for(s, 2027).points[form.id] == Decimal(2)


def test_invalid_amendment_lists_every_problem_and_viewer_is_refused(store: Store) -> None:
    admin = Actor("admin")
    with store.write() as s, pytest.raises(ValidationError) as err:
        amend_rules(
            s,
            admin,
            RuleSetInput(
                decided_on=date(2026, 5, 5),
                partial_exemption="x",
                roles={"judge": RoleRule(Decimal(-1), 5)},
            ),
            today=date(2026, 5, 6),
        )
    assert {e.field for e in err.value.errors} == {"partial_exemption", "roles"}
    with store.write() as s, pytest.raises(PermissionDeniedError):
        amend_rules(
            s,
            Actor("v", frozenset({"viewer"})),
            RuleSetInput(decided_on=date(2026, 5, 5)),
            today=date(2026, 5, 6),
        )


def test_catalogue_ids_are_the_same_on_every_installation(store: Store) -> None:
    """Reference rows have fixed uuid5 ids, so exchange between offline PCs needs no mapping."""
    import uuid

    namespace = uuid.UUID("0c4d2a7e-5f31-4b8e-9a61-2f0e7d3c4b21")
    with store.read() as s:
        forms = {f.code: f.id for f in list_forms(s)}
        rules = rule_set_for(s, 2022)
    assert forms["F01"] == uuid.uuid5(namespace, "form:F01")
    assert forms["ACADEMY"] == uuid.uuid5(namespace, "form:ACADEMY")
    assert rules.id == uuid.uuid5(namespace, "rule_set:2022")
