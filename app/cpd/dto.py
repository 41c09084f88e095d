"""Data carried between the CPD services and their callers."""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal

from i18n import localized


@dataclass(frozen=True)
class FormDTO:
    """An activity form of the catalogue (C-1)."""

    id: uuid.UUID
    code: str
    name_kk: str
    name_ru: str
    academy: bool = False
    builtin: bool = False
    sort_order: int = 100

    @property
    def name(self) -> str:
        """Name in the active language."""
        return localized(self.name_kk, self.name_ru)


@dataclass(frozen=True)
class RoleRule:
    """What a role must do in a year: minimum points, Academy course interval (C-2, T-1)."""

    min_points: Decimal
    academy_every_years: int = 0


@dataclass(frozen=True)
class RuleSetDTO:
    """The rules in force from 1 January of effective_year (C-9)."""

    id: uuid.UUID
    effective_year: int
    decided_on: date | None
    decision: str
    partial_exemption: str
    report_due: str
    summary_due: str
    plan_due: str
    regional_events_min: int
    points: dict[uuid.UUID, Decimal]
    roles: dict[str, RoleRule]
    version: int = 1

    def role_rule(self, role: str) -> RoleRule:
        """The rule of a role; roles without a rule have nothing to earn."""
        return self.roles.get(role, RoleRule(Decimal(0), 0))


@dataclass(frozen=True)
class RuleSetInput:
    """A council decision changing the rules; it applies from 1 January after decided_on."""

    decided_on: date
    decision: str = ""
    partial_exemption: str | None = None
    points: dict[uuid.UUID, Decimal] = field(default_factory=dict)
    roles: dict[str, RoleRule] = field(default_factory=dict)
    regional_events_min: int | None = None


@dataclass(frozen=True)
class ActivityInput:
    """What a ledger form collects (C-3, C-8)."""

    person_id: uuid.UUID
    form_id: uuid.UUID
    event: str
    starts_on: date
    ends_on: date
    organiser: str = ""
    hours: Decimal | None = None
    # None takes the catalogue points of the rule set in force; another value needs a reason.
    points: Decimal | None = None
    override_reason: str = ""


@dataclass(frozen=True)
class EvidenceDTO:
    """A confirming document (C-3); its bytes are fetched separately."""

    id: uuid.UUID
    activity_id: uuid.UUID
    kind: str
    filename: str
    size: int
    sha256: str


@dataclass(frozen=True)
class ActivityDTO:
    """A saved ledger line."""

    id: uuid.UUID
    version: int
    data: ActivityInput
    year: int
    points: Decimal
    catalogue_points: Decimal | None
    state: str
    form_code: str
    form_name_kk: str
    form_name_ru: str
    reviewed_by: str = ""
    reviewed_on: date | None = None
    review_note: str = ""
    source: str = "manual"
    evidence: tuple[EvidenceDTO, ...] = ()

    @property
    def form_name(self) -> str:
        """Form name in the active language."""
        return localized(self.form_name_kk, self.form_name_ru)


@dataclass(frozen=True)
class ExemptionInput:
    """An exempt period kept by the CPD module, e.g. maternity leave (C-4)."""

    person_id: uuid.UUID
    kind: str
    starts_on: date
    ends_on: date
    note: str = ""


@dataclass(frozen=True)
class ComplianceFilter:
    """Which people the compliance view shows."""

    year: int
    court_id: uuid.UUID | None = None
    region_code: str = ""
    role: str = ""
    status: str = ""
    person_ids: tuple[uuid.UUID, ...] = ()


@dataclass(frozen=True)
class ComplianceRow:
    """One person's verdict for one year (C-2, C-4, T-1)."""

    person_id: uuid.UUID
    iin: str
    full_name: str
    role: str
    court_id: uuid.UUID | None
    year: int
    required: Decimal
    earned: Decimal
    pending: Decimal
    exempt_days: int
    academy_last: date | None
    academy_due: date | None
    status: str
    rule_year: int


@dataclass(frozen=True)
class CourtCount:
    """Verdicts of one court's people."""

    court_id: uuid.UUID | None
    name_kk: str
    name_ru: str
    people: int
    compliant: int
    at_risk: int
    not_compliant: int
    exempt: int
    points: Decimal


@dataclass(frozen=True)
class ReportLine:
    """A line of the individual report form (seed 004)."""

    no: int
    form_kk: str
    form_ru: str
    event: str
    organiser: str
    points: Decimal
    attachments: tuple[str, ...] = ()


@dataclass(frozen=True)
class ReportDTO:
    """An individual report and where it stands (C-5, C-6)."""

    id: uuid.UUID
    version: int
    person_id: uuid.UUID
    year: int
    state: str
    due_on: date
    overdue: bool
    filled_on: date | None
    submitted_on: date | None
    remarks: str
    officer_comment: str
    accepted_on: date | None
    accepted_by: str
    lines: tuple[ReportLine, ...]

    @property
    def locked(self) -> bool:
        """Accepted reports never change."""
        return self.state == "accepted"

    @property
    def total(self) -> Decimal:
        """Sum of the lines' points."""
        return sum((line.points for line in self.lines), Decimal(0))


@dataclass(frozen=True)
class IndividualReportData:
    """Everything the printed individual report shows."""

    full_name: str
    iin: str
    position: str
    court_kk: str
    court_ru: str
    since: date | None
    year: int
    lines: tuple[ReportLine, ...]
    required: Decimal
    state: str = "draft"
    filled_on: date | None = None
    accepted_on: date | None = None
    accepted_by: str = ""
    officer_comment: str = ""
    role: str = ""  # "consultant": the report is the legal consultant's form of seed 004

    @property
    def total(self) -> Decimal:
        """Sum of the points of the lines."""
        return sum((ln.points for ln in self.lines), Decimal(0))
