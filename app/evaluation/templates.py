"""Versioned evaluation templates: a change makes a new version; sheets keep theirs (E-1)."""

from __future__ import annotations

import uuid
from collections import defaultdict

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.core.audit import record
from app.core.context import Actor
from app.core.errors import FieldError, NotFoundError, ValidationError
from app.core.permissions import EVALUATION_TEMPLATES, require
from app.evaluation.dto import SCALES, CriterionDTO, SectionDTO, TemplateDTO, TemplateInput
from app.evaluation.scoring import weight_errors
from db.models import EvalCriterion, EvalSection, EvalTemplate
from i18n import N_


def load_templates(session: Session, ids: list[uuid.UUID]) -> dict[uuid.UUID, TemplateDTO]:
    """Template versions by id, with sections and criteria (three queries in all)."""
    if not ids:
        return {}
    tpls = list(session.scalars(select(EvalTemplate).where(EvalTemplate.id.in_(ids))))
    secs = list(
        session.scalars(
            select(EvalSection)
            .where(EvalSection.template_id.in_(ids))
            .order_by(EvalSection.position)
        )
    )
    crits = list(
        session.scalars(
            select(EvalCriterion)
            .where(EvalCriterion.section_id.in_([s.id for s in secs]))
            .order_by(EvalCriterion.position)
        )
    )
    by_section: dict[uuid.UUID, list[CriterionDTO]] = defaultdict(list)
    for c in crits:
        by_section[c.section_id].append(
            CriterionDTO(
                c.id, c.code, c.title_kk, c.title_ru, c.scale, c.weight, c.comment_required
            )
        )
    by_template: dict[uuid.UUID, list[SectionDTO]] = defaultdict(list)
    for s in secs:
        by_template[s.template_id].append(
            SectionDTO(s.id, s.title_kk, s.title_ru, tuple(by_section[s.id]))
        )
    return {
        t.id: TemplateDTO(
            t.id,
            t.code,
            t.version_no,
            t.title_kk,
            t.title_ru,
            t.purpose,
            t.formula,
            t.valid_from,
            tuple(by_template[t.id]),
        )
        for t in tpls
    }


def get_template(session: Session, template_id: uuid.UUID) -> TemplateDTO:
    """One template version."""
    found = load_templates(session, [template_id]).get(template_id)
    if found is None:
        raise NotFoundError(N_("This template was deleted by someone else."))
    return found


def current_template(session: Session, code: str) -> TemplateDTO:
    """The newest version of a template code that is not retired."""
    t_id = session.scalar(
        select(EvalTemplate.id)
        .where(EvalTemplate.code == code, EvalTemplate.retired.is_(False))
        .order_by(EvalTemplate.version_no.desc())
        .limit(1)
    )
    if t_id is None:
        raise NotFoundError(N_("There is no evaluation template {code}."), code=code)
    return get_template(session, t_id)


def list_templates(session: Session) -> list[TemplateDTO]:
    """The newest version of every template."""
    newest = (
        select(EvalTemplate.code, func.max(EvalTemplate.version_no).label("v"))
        .group_by(EvalTemplate.code)
        .subquery()
    )
    ids = list(
        session.scalars(
            select(EvalTemplate.id).join(
                newest,
                (newest.c.code == EvalTemplate.code) & (newest.c.v == EvalTemplate.version_no),
            )
        )
    )
    found = load_templates(session, ids)
    return sorted(found.values(), key=lambda t: t.code)


def save_template_version(session: Session, actor: Actor, data: TemplateInput) -> TemplateDTO:
    """Save a new version of a template; filled sheets keep pointing at the version they used.

    Weights must total 100% within each section (see app.evaluation.scoring).
    """
    require(
        actor, EVALUATION_TEMPLATES, N_("Only the coordinator may change evaluation templates.")
    )
    errors = weight_errors(data.sections)
    code = data.code.strip()
    if not code:
        errors.append(FieldError("code", N_("This field is required.")))
    if not data.title_kk.strip() or not data.title_ru.strip():
        errors.append(FieldError("title_kk", N_("This field is required.")))
    if not data.sections:
        errors.append(FieldError("sections", N_("Add at least one section.")))
    seen: set[str] = set()
    for s in data.sections:
        for c in s.criteria:
            if c.scale not in SCALES:
                errors.append(FieldError(c.code, N_("Unknown scale {scale}."), {"scale": c.scale}))
            if not c.code or c.code in seen:
                errors.append(FieldError(c.code, N_("Each criterion needs its own code.")))
            seen.add(c.code)
    if errors:
        raise ValidationError(errors)
    last = (
        session.scalar(select(func.max(EvalTemplate.version_no)).where(EvalTemplate.code == code))
        or 0
    )
    tpl = EvalTemplate(
        code=code,
        version_no=last + 1,
        title_kk=data.title_kk.strip(),
        title_ru=data.title_ru.strip(),
        purpose=data.purpose,
        formula="section_mean",
        valid_from=data.valid_from,
        retired=False,
        updated_by=actor.name,
    )
    session.add(tpl)
    session.flush()
    for sp, s in enumerate(data.sections, start=1):
        sec = EvalSection(
            template_id=tpl.id,
            position=sp,
            title_kk=s.title_kk,
            title_ru=s.title_ru,
            updated_by=actor.name,
        )
        session.add(sec)
        session.flush()
        for cp, c in enumerate(s.criteria, start=1):
            session.add(
                EvalCriterion(
                    section_id=sec.id,
                    position=cp,
                    code=c.code,
                    title_kk=c.title_kk,
                    title_ru=c.title_ru,
                    scale=c.scale,
                    weight=c.weight,
                    comment_required=c.comment_required,
                    updated_by=actor.name,
                )
            )
    session.flush()
    record(
        session,
        actor,
        "create",
        "eval_template",
        tpl.id,
        {"code": [None, code], "version_no": [last or None, last + 1]},
    )
    return get_template(session, tpl.id)
