"""Rule sets as data, versioned by year (C-1, C-2, C-9, T-1)."""

from __future__ import annotations

import uuid
from datetime import date
from decimal import Decimal

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.core.audit import diff, record
from app.core.context import Actor
from app.core.errors import DomainError, FieldError, NotFoundError, ValidationError
from app.core.permissions import CPD_RULES, REFUSED, require
from app.cpd.dto import FormDTO, RoleRule, RuleSetDTO, RuleSetInput
from app.cpd.vocab import PARTIAL_EXEMPTION
from app.people.vocab import ROLES
from db.models import CpdForm, CpdFormPoints, CpdRoleRule, CpdRuleSet
from i18n import N_


class RuleSetInForceError(DomainError):
    """A rule set already in force cannot change (C-9)."""


def _dto(session: Session, rs: CpdRuleSet) -> RuleSetDTO:
    points = {
        r.form_id: Decimal(r.points)
        for r in session.scalars(select(CpdFormPoints).where(CpdFormPoints.rule_set_id == rs.id))
    }
    roles = {
        r.role: RoleRule(Decimal(r.min_points), r.academy_every_years)
        for r in session.scalars(select(CpdRoleRule).where(CpdRoleRule.rule_set_id == rs.id))
    }
    return RuleSetDTO(
        id=rs.id,
        effective_year=rs.effective_year,
        decided_on=rs.decided_on,
        decision=rs.decision,
        partial_exemption=rs.partial_exemption,
        report_due=rs.report_due,
        summary_due=rs.summary_due,
        plan_due=rs.plan_due,
        regional_events_min=rs.regional_events_min,
        points=points,
        roles=roles,
        version=rs.version,
    )


def undecided_lines(states: list[str]) -> int:
    """How many lines still wait for the officer; a report is accepted only at zero (C-5)."""
    return sum(1 for st in states if st == "pending")


def owes_report(required: Decimal, exempt_days: int, year: int) -> bool:
    """Whether a person owes a report for a year (C-5, C-7).

    Exempt for the whole year (C-4) or with no minimum for the role, there is nothing to report,
    so such a person is never counted as overdue (C-7 clarification).
    """
    days_in_year = (date(year + 1, 1, 1) - date(year, 1, 1)).days
    return required > 0 and exempt_days < days_in_year


def rule_set_for(session: Session, year: int) -> RuleSetDTO:
    """The rule set in force for a year (C-9): the latest that took effect by 1 January.

    Years before the first rule set are judged by the first one (the shipped default), so a
    history imported from before the software existed is still measured against a minimum.
    """
    rs = session.scalars(
        select(CpdRuleSet)
        .where(CpdRuleSet.effective_year <= year)
        .order_by(CpdRuleSet.effective_year.desc())
        .limit(1)
    ).first()
    if rs is None:
        rs = session.scalars(select(CpdRuleSet).order_by(CpdRuleSet.effective_year)).first()
    if rs is None:
        raise NotFoundError(N_("No CPD rule set is defined."))
    return _dto(session, rs)


def _form_dto(f: CpdForm) -> FormDTO:
    return FormDTO(f.id, f.code, f.name_kk, f.name_ru, f.academy, f.builtin, f.sort_order)


def list_forms(session: Session) -> list[FormDTO]:
    """The catalogue of activity forms, in catalogue order (C-1)."""
    return [
        _form_dto(f)
        for f in session.scalars(select(CpdForm).order_by(CpdForm.sort_order, CpdForm.code))
    ]


def form_by_code(session: Session, code: str) -> FormDTO | None:
    """A form by its code (case-insensitive), or None."""
    form = session.scalars(select(CpdForm).where(CpdForm.code == code.strip().upper())).first()
    return _form_dto(form) if form else None


def _validate(session: Session, data: RuleSetInput) -> list[FieldError]:
    errors: list[FieldError] = []
    if data.partial_exemption is not None and data.partial_exemption not in PARTIAL_EXEMPTION:
        errors.append(FieldError("partial_exemption", N_("Choose a value from the list.")))
    known = set(session.scalars(select(CpdForm.id)))
    for form_id, pts in data.points.items():
        if form_id not in known:
            errors.append(FieldError("points", N_("The chosen form no longer exists.")))
        elif pts < 0 or pts > 100:
            errors.append(FieldError("points", N_("Points must be between 0 and 100.")))
    for role, rule in data.roles.items():
        if role not in ROLES:
            errors.append(FieldError("roles", N_("Choose a role from the list.")))
        elif rule.min_points < 0 or rule.academy_every_years < 0:
            errors.append(FieldError("roles", N_("Values cannot be negative.")))
    if data.regional_events_min is not None and data.regional_events_min < 0:
        errors.append(FieldError("regional_events_min", N_("Values cannot be negative.")))
    if len(data.decision) > 300:
        errors.append(FieldError("decision", N_("At most {limit} characters."), {"limit": 300}))
    return errors


def amend_rules(
    session: Session, actor: Actor, data: RuleSetInput, today: date | None = None
) -> RuleSetDTO:
    """Record a change of the rules; it takes effect on 1 January after the decision (C-9).

    The new rule set starts as a copy of the one in force for its year, so a decision names only
    what it changes. Several decisions of one year amend the same next-year rule set; the rule
    set of a year already over is never changed, so no past verdict moves.
    """
    require(actor, CPD_RULES, REFUSED)
    today = today or date.today()
    year = data.decided_on.year + 1
    errors = _validate(session, data)
    if data.decided_on > today:
        errors.append(FieldError("decided_on", N_("The decision date is in the future.")))
    if errors:
        raise ValidationError(errors)
    # C-9 clarification: the adoption date decides the year governed, not the day of entry, so
    # a decision of 31 December typed in January still amends the year just begun; only a year
    # already over is closed, so no finished year's verdicts move.
    if year < today.year:
        raise RuleSetInForceError(
            N_("The decision governs {year}, a year already over; its rules cannot change."),
            year=year,
        )
    base = rule_set_for(session, year)
    rs = session.scalars(select(CpdRuleSet).where(CpdRuleSet.effective_year == year)).first()
    if rs is None:
        rs = CpdRuleSet(
            effective_year=year,
            partial_exemption=base.partial_exemption,
            report_due=base.report_due,
            summary_due=base.summary_due,
            plan_due=base.plan_due,
            regional_events_min=base.regional_events_min,
            decision="",
            updated_by=actor.name,
        )
        session.add(rs)
        session.flush()
        for form_id, pts in base.points.items():
            session.add(
                CpdFormPoints(rule_set_id=rs.id, form_id=form_id, points=pts, updated_by=actor.name)
            )
        for role, rule in base.roles.items():
            session.add(
                CpdRoleRule(
                    rule_set_id=rs.id,
                    role=role,
                    min_points=rule.min_points,
                    academy_every_years=rule.academy_every_years,
                    updated_by=actor.name,
                )
            )
        session.flush()
    before = _dto(session, rs)
    rs.decided_on = data.decided_on
    rs.decision = " ".join(filter(None, [rs.decision, data.decision.strip()]))[:300]
    if data.partial_exemption is not None:
        rs.partial_exemption = data.partial_exemption
    if data.regional_events_min is not None:
        rs.regional_events_min = data.regional_events_min
    rs.updated_by = actor.name
    _set_points(session, actor, rs.id, data.points)
    for role, rule in data.roles.items():
        row = session.scalars(
            select(CpdRoleRule).where(CpdRoleRule.rule_set_id == rs.id, CpdRoleRule.role == role)
        ).first()
        if row is None:
            row = CpdRoleRule(rule_set_id=rs.id, role=role, updated_by=actor.name)
            session.add(row)
        row.min_points, row.academy_every_years = rule.min_points, rule.academy_every_years
    session.flush()
    after = _dto(session, rs)
    record(session, actor, "update", "cpd_rule_set", rs.id, diff(_plain(before), _plain(after)))
    return after


def _set_points(
    session: Session, actor: Actor, rule_set_id: uuid.UUID, points: dict[uuid.UUID, Decimal]
) -> None:
    for form_id, pts in points.items():
        row = session.scalars(
            select(CpdFormPoints).where(
                CpdFormPoints.rule_set_id == rule_set_id, CpdFormPoints.form_id == form_id
            )
        ).first()
        if row is None:
            session.add(
                CpdFormPoints(
                    rule_set_id=rule_set_id, form_id=form_id, points=pts, updated_by=actor.name
                )
            )
        else:
            row.points, row.updated_by = pts, actor.name


def _plain(rs: RuleSetDTO) -> dict[str, object]:
    return {
        "effective_year": rs.effective_year,
        "decided_on": rs.decided_on,
        "decision": rs.decision,
        "partial_exemption": rs.partial_exemption,
        "regional_events_min": rs.regional_events_min,
        "points": {str(k): str(v) for k, v in sorted(rs.points.items())},
        "roles": {
            k: [str(v.min_points), v.academy_every_years] for k, v in sorted(rs.roles.items())
        },
    }


def add_form(
    session: Session,
    actor: Actor,
    *,
    code: str,
    name_kk: str,
    name_ru: str,
    points: Decimal,
    decided_on: date,
    academy: bool = False,
    today: date | None = None,
) -> FormDTO:
    """Add a form to the open catalogue (C-1); its points count from the next year (C-9).

    Until then an activity of the new form is recorded with points entered by hand and a reason.
    """
    require(actor, CPD_RULES, REFUSED)
    code = code.strip().upper()
    name_kk, name_ru = " ".join(name_kk.split()), " ".join(name_ru.split())
    errors: list[FieldError] = []
    if not code or len(code) > 40 or not all(c.isalnum() or c in "-_" for c in code):
        errors.append(FieldError("code", N_("Use up to 40 letters, digits, - or _.")))
    elif session.scalar(select(CpdForm.id).where(CpdForm.code == code)) is not None:
        errors.append(FieldError("code", N_("A form with this code already exists.")))
    for field, value in (("name_kk", name_kk), ("name_ru", name_ru)):
        if not value:
            errors.append(FieldError(field, N_("This field is required.")))
        elif len(value) > 400:
            errors.append(FieldError(field, N_("At most {limit} characters."), {"limit": 400}))
    if points < 0 or points > 100:
        errors.append(FieldError("points", N_("Points must be between 0 and 100.")))
    if errors:
        raise ValidationError(errors)
    last = session.scalar(select(CpdForm.sort_order).order_by(CpdForm.sort_order.desc()).limit(1))
    form = CpdForm(
        code=code,
        name_kk=name_kk,
        name_ru=name_ru,
        academy=academy,
        builtin=False,
        sort_order=(last or 0) + 10,
        updated_by=actor.name,
    )
    session.add(form)
    session.flush()
    record(
        session,
        actor,
        "create",
        "cpd_form",
        form.id,
        diff({}, {"code": code, "name_kk": name_kk, "name_ru": name_ru, "academy": academy}),
    )
    amend_rules(
        session, actor, RuleSetInput(decided_on=decided_on, points={form.id: points}), today=today
    )
    return _form_dto(form)
