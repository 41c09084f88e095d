"""Compliance per person and year: points vs minimum, exemptions, the Academy rule (C-2, C-4, T-1).

One pass for the whole country: a handful of grouped queries (the activity table is read through
its covering index on year, person, state and points) and a loop in Python over people.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from datetime import date
from decimal import Decimal
from typing import Any

from sqlalchemy.orm import Session

from app.core.bulk import collector_paused
from app.cpd.compliance_reads import (
    Days,
    Decimals,
    Dues,
    academy_last,
    as_uuid,
    exempt_periods,
    people_rows,
    points_of,
)
from app.cpd.dto import ComplianceFilter, ComplianceRow, RuleSetDTO
from app.cpd.rules import rule_set_for
from app.cpd.year_verdict import covered_days, required_points, verdict


def compliance(
    session: Session,
    flt: ComplianceFilter,
    as_of: date | None = None,
    rules: RuleSetDTO | None = None,
) -> list[ComplianceRow]:
    """Every matching person's verdict for the year, judged by the rules in force for it (C-9)."""
    with collector_paused():
        return list(_compliance(session, flt, as_of or date.today(), rules))


def streamed(
    session: Session, flt: ComplianceFilter, as_of: date, rules: RuleSetDTO | None = None
) -> Iterator[ComplianceRow]:
    """compliance()'s rows one by one, for a caller that only counts them (the start page:
    50,000 verdicts kept at once were its memory peak, issue 11). The caller does no other
    read while it consumes them.
    """
    with collector_paused():
        yield from _compliance(session, flt, as_of, rules)


def _compliance(
    session: Session, flt: ComplianceFilter, as_of: date, rules: RuleSetDTO | None
) -> Iterator[ComplianceRow]:
    year = flt.year
    rules = rules or rule_set_for(session, year)
    earned, pending = points_of(session, year, flt.person_ids, flt.region_code)
    periods = exempt_periods(session, year)
    academy = (
        academy_last(session, year, flt.person_ids, flt.region_code)
        if any(r.academy_every_years for r in rules.roles.values())
        else {}
    )
    role_rules = {role: rules.role_rule(role) for role in rules.roles}
    mode = rules.partial_exemption
    numbers, days = Decimals(), Days()
    dues = {
        every: Dues(days, every)
        for every in {0, *(r.academy_every_years for r in role_rules.values())}
    }
    courts: dict[Any, uuid.UUID | None] = {None: None}
    rule_year, wanted = rules.effective_year, flt.status
    finished = as_of > date(year, 12, 31)
    short = "not_compliant" if finished else "at_risk"
    verdicts: dict[tuple[Decimal, Decimal, date | None], str] = {}
    for pid, iin, name, role, court, appointed, _key in people_rows(session, flt):
        rule = role_rules.get(role) or rules.role_rule(role)
        every = rule.academy_every_years
        last_raw = academy.get(pid)
        if pid in periods:
            exempt = covered_days(periods[pid], year)
            required = required_points(rule.min_points, exempt, year, mode)
            # T-1 binds unless the exemption frees the person (C-4), whatever the points
            # minimum: judges have the Academy course and no points minimum (C scope).
            bound = required_points(Decimal(1), exempt, year, mode) > 0
        else:
            exempt, required, bound = 0, rule.min_points, True
        # The course counts from the last one, or from the first appointment (T-1).
        due = dues[every][last_raw or appointed] if bound and every else None
        got = numbers[earned.get(pid, 0)]
        if due is None and required:  # the common case, as verdict() decides it
            status = "compliant" if got >= required else short
        else:  # a few hundred distinct inputs among 36,000 judges
            key = (required, got, due)
            status = verdicts.get(key) or verdicts.setdefault(
                key, verdict(required, got, year, as_of, due)
            )
        if wanted and status != wanted:
            continue
        if court not in courts:
            courts[court] = as_uuid(court)
        yield (
            _row(
                person_id=as_uuid(pid),
                iin=iin,
                full_name=name,
                role=role,
                court_id=courts[court],
                year=year,
                required=required,
                earned=got,
                pending=numbers[pending.get(pid, 0)],
                exempt_days=exempt,
                academy_last=days[last_raw],
                academy_due=due,
                status=status,
                rule_year=rule_year,
            )
        )


def _row(**values: Any) -> ComplianceRow:
    # ComplianceRow without its frozen __init__ (fourteen object.__setattr__ calls, a fifth of
    # the national pass): the keywords are its fields, checked by the test of this module.
    row = _NEW(ComplianceRow)
    row.__dict__.update(values)
    return row


_NEW = object.__new__


def person_compliance(
    session: Session, person_id: uuid.UUID, year: int, as_of: date | None = None
) -> ComplianceRow:
    """One person's verdict for a year."""
    rows = compliance(session, ComplianceFilter(year=year, person_ids=(person_id,)), as_of)
    if not rows:
        from app.core.errors import NotFoundError
        from i18n import N_

        raise NotFoundError(N_("This person was deleted by someone else."))
    return rows[0]
