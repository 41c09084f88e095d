"""Pair commands: propose, start, extend by order, caseload orders (M-1, M-2, M-4, M-5, M-6)."""

from __future__ import annotations

import uuid
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.core.audit import diff, plain, record
from app.core.context import Actor
from app.core.errors import FieldError, ValidationError
from app.core.store import lock_rows
from app.mentoring import rules
from app.mentoring.access import (
    OPEN_STATES,
    ensure_editable,
    extension_months,
    full_name,
    guide_load,
    judge_facts,
    load_pair,
    months_used_before,
    names,
    pair_end,
    region_of,
    require_staff,
)
from app.mentoring.dto import PairDTO
from app.mentoring.roster import load_person, max_proteges, roster_entry
from app.mentoring.rules import Refusal, RuleError
from db.models import (
    CareerEvent,
    CaseloadOrder,
    Pair,
    PairExtension,
    Person,
    Programme,
)
from i18n import N_


def pair_dto(session: Session, pair: Pair) -> PairDTO:
    """The public view of a pair (no confidential content, M-9)."""
    ext = extension_months(session, pair.id)
    who = names(session, {pair.protege_id, pair.guide_id})
    progress = session.scalar(select(Programme.progress).where(Programme.pair_id == pair.id))
    return PairDTO(
        id=pair.id,
        version=pair.version,
        kind=pair.kind,
        state=pair.state,
        protege_id=pair.protege_id,
        protege_name=who.get(pair.protege_id, ""),
        guide_id=pair.guide_id,
        guide_name=who.get(pair.guide_id, ""),
        region_code=pair.region_code,
        starts_on=pair.starts_on,
        term_months=pair.term_months,
        extensions_months=sum(ext),
        ends_on=pair_end(pair, ext),
        ended_on=pair.ended_on,
        end_reason=pair.end_reason,
        replaces_id=pair.replaces_id,
        locked_by_id=pair.locked_by_id,
        progress=progress,
    )


def pair_refusals(
    session: Session,
    protege: Person,
    guide: Person,
    *,
    kind: str,
    starts_on: date,
    term_months: int,
    replacing: uuid.UUID | None = None,
) -> list[Refusal]:
    """Every rule a new pair must satisfy (M-1, M-2, M-3, M-4, M-6).

    A replacement guide (M-10) takes over a running pair: the protégé need not qualify anew
    and the pair being replaced does not count as a second guide of the same kind.
    """
    out: list[Refusal] = []
    if protege.id == guide.id:
        return [Refusal("M-1", N_("A judge cannot guide themselves — M-1"))]
    facts = judge_facts(session, protege, starts_on)
    events = [
        (e.kind, e.occurred_on)
        for e in session.scalars(select(CareerEvent).where(CareerEvent.person_id == protege.id))
    ] + rules.status_events(facts.periods)
    if replacing is None and not rules.protege_reasons(
        protege.first_appointed_on, facts.status, events, starts_on
    ):
        out.append(
            Refusal(
                "M-2",
                N_(
                    "{name} does not qualify as a protégé on {date}: not "
                    "first appointed within a year and no career event — M-2"
                ),
                {"name": facts.name, "date": starts_on.strftime("%d.%m.%Y")},
            )
        )
    region = region_of(session, protege)
    entry = roster_entry(session, guide.id, kind, region)
    if entry is None:
        out.append(
            Refusal(
                "M-3",
                N_("{name} is not on the approved roster of this region as a {kind} — M-3"),
                {"name": full_name(guide), "kind": kind},
            )
        )
    # M-1: a guide the coordinator admitted with a recorded reason is not refused again
    if entry is None or not entry.override_reason:
        out += rules.guide_refusals(kind, judge_facts(session, guide, starts_on), starts_on)
    same_kind = session.scalar(
        select(Pair.starts_on).where(
            Pair.protege_id == protege.id,
            Pair.kind == kind,
            Pair.state.in_(OPEN_STATES),
            Pair.id != replacing if replacing else Pair.id.is_not(None),
        )
    )
    if same_kind is not None:
        out.append(
            Refusal(
                "M-1",
                N_(
                    "{name} already has a {kind} since {date}; a protégé may "
                    "have one tutor and one mentor — M-1"
                ),
                {"name": facts.name, "kind": kind, "date": same_kind.strftime("%d.%m.%Y")},
            )
        )
    # M-4: a replacement continues the allowance of the pairs it replaces
    replaced = session.get(Pair, replacing) if replacing else None
    out += rules.term_refusals(
        term_months, [], months_used_before(session, replaced, starts_on) if replaced else 0
    )
    out += rules.load_refusal(
        full_name(guide), guide_load(session, guide.id), max_proteges(session)
    )
    return out


def propose_pair(
    session: Session,
    actor: Actor,
    protege_id: uuid.UUID,
    guide_id: uuid.UUID,
    *,
    kind: str,
    starts_on: date,
    term_months: int = rules.DEFAULT_TERM_MONTHS,
) -> PairDTO:
    """Form a pair from the needs list (M-6); every rule is checked before writing."""
    require_staff(actor)
    if kind not in rules.KINDS:
        raise ValidationError([FieldError("kind", N_("Choose tutor or mentor."))])
    # Locked until commit: two PCs pairing one protégé (M-1) or filling one guide (capacity)
    # take turns at the checks below.
    lock_rows(session, Person, protege_id, guide_id)
    protege, guide = load_person(session, protege_id), load_person(session, guide_id)
    refusals = pair_refusals(
        session, protege, guide, kind=kind, starts_on=starts_on, term_months=term_months
    )
    if refusals:
        raise RuleError(refusals)
    pair = Pair(
        protege_id=protege_id,
        guide_id=guide_id,
        kind=kind,
        state="proposed",
        region_code=region_of(session, protege),
        starts_on=starts_on,
        term_months=term_months,
        updated_by=actor.name,
    )
    session.add(pair)
    session.flush()
    record(
        session,
        actor,
        "create",
        "mentoring_pair",
        pair.id,
        diff(
            {},
            {
                "protege_id": protege_id,
                "guide_id": guide_id,
                "kind": kind,
                "state": "proposed",
                "starts_on": starts_on,
                "term_months": term_months,
            },
        ),
    )
    return pair_dto(session, pair)


def activate_pair(session: Session, actor: Actor, pair_id: uuid.UUID) -> PairDTO:
    """Proposed → active, once the council or centre has recorded the pair (M-6)."""
    require_staff(actor)
    pair = load_pair(session, pair_id)
    ensure_editable(session, pair)
    if pair.state != "proposed":
        raise RuleError([Refusal("M-6", N_("Only a proposed pair can be started — M-6"))])
    pair.state, pair.updated_by = "active", actor.name
    session.flush()
    record(session, actor, "update", "mentoring_pair", pair.id, {"state": ["proposed", "active"]})
    return pair_dto(session, pair)


def extend_pair(
    session: Session,
    actor: Actor,
    pair_id: uuid.UUID,
    *,
    order_number: str,
    order_date: date,
    months: int,
) -> PairDTO:
    """Extend a pair by the regional chairman's order, never beyond 3 years in all (M-4)."""
    require_staff(actor)
    # Two orders extending one pair (or two pairs of one protégé) take turns: M-4 caps the
    # protégé's guidance in total.
    lock_rows(session, Pair, pair_id)
    pair = load_pair(session, pair_id)
    lock_rows(session, Person, pair.protege_id)
    ensure_editable(session, pair)
    if not order_number.strip():
        raise ValidationError([FieldError("order_number", N_("This field is required."))])
    refusals = rules.term_refusals(
        pair.term_months,
        [*extension_months(session, pair.id), months],
        months_used_before(session, pair, pair.starts_on),
    )
    if refusals:
        raise RuleError(refusals)
    ext = PairExtension(
        pair_id=pair.id,
        order_number=order_number.strip(),
        order_date=order_date,
        months=months,
        updated_by=actor.name,
    )
    session.add(ext)
    session.flush()
    record(
        session,
        actor,
        "create",
        "mentoring_extension",
        ext.id,
        diff(
            {},
            {
                "pair_id": pair.id,
                "order_number": ext.order_number,
                "order_date": order_date,
                "months": months,
            },
        ),
    )
    return pair_dto(session, pair)


def order_caseload_reduction(
    session: Session,
    actor: Actor,
    person_id: uuid.UUID,
    *,
    order_number: str,
    order_date: date,
    percent: int,
    starts_on: date,
    ends_on: date,
) -> uuid.UUID:
    """Record the court chairman's order reducing a new judge's caseload (M-5)."""
    require_staff(actor)
    person = load_person(session, person_id)
    refusals = rules.caseload_refusals(percent, starts_on, ends_on, person.first_appointed_on)
    if refusals:
        raise RuleError(refusals)
    order = CaseloadOrder(
        person_id=person_id,
        order_number=order_number.strip(),
        order_date=order_date,
        percent=percent,
        starts_on=starts_on,
        ends_on=ends_on,
        updated_by=actor.name,
    )
    session.add(order)
    session.flush()
    record(
        session,
        actor,
        "create",
        "mentoring_caseload_order",
        order.id,
        {
            k: [None, plain(v)]
            for k, v in (
                ("person_id", person_id),
                ("percent", percent),
                ("starts_on", starts_on),
                ("ends_on", ends_on),
            )
        },
    )
    return order.id
