"""Who owes the individual CPD report of a year (C-5, C-7), found without judging points."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from decimal import Decimal

from sqlalchemy.orm import Session

from app.core.bulk import collector_paused
from app.cpd.compliance_reads import as_uuid, exempt_periods, people_rows
from app.cpd.dto import ComplianceFilter
from app.cpd.rules import owes_report, rule_set_for
from app.cpd.year_verdict import covered_days, required_points


@dataclass(frozen=True)
class Owed:
    """A person who owes the year's report: what compliance() says of their minimum."""

    person_id: uuid.UUID
    full_name: str
    required: Decimal
    exempt_days: int


def owing(session: Session, year: int, region_code: str = "") -> list[Owed]:
    """The people of the roles with a points minimum in the year's rule set (C scope) who owe
    its report: all but those exempt the whole year (C-7 clarification). Their minimum and
    exempt days are compliance()'s; their points are not read, so the country's ledger is not
    summed for the start page (issue 12: 0.35 s of it from December to February).
    """
    rules = rule_set_for(session, year)
    mode = rules.partial_exemption
    out: list[Owed] = []
    with collector_paused():
        periods = exempt_periods(session, year)
        for role, rule in rules.roles.items():
            if not rule.min_points:
                continue
            flt = ComplianceFilter(year=year, region_code=region_code, role=role)
            for pid, _iin, name, _role, _court, _appointed, _key in people_rows(session, flt):
                if pid in periods:
                    exempt = covered_days(periods[pid], year)
                    required = required_points(rule.min_points, exempt, year, mode)
                else:
                    exempt, required = 0, rule.min_points
                if owes_report(required, exempt, year):
                    out.append(Owed(as_uuid(pid), name, required, exempt))
    return out
