"""Staff documents as catalogue entries: the adaptation plan (S-1)."""

from __future__ import annotations

import uuid
from datetime import date

from sqlalchemy.orm import Session

from app.core.context import Actor
from app.core.progress import Progress
from app.documents.spec import REF, Document, Letterhead, Option, Param, Params
from app.staff.dto import AdaptationDTO
from i18n import N_


def adaptation_options(session: Session, _actor: Actor, _params: Params) -> list[Option]:
    """Adaptations: staff member — tutor, newest first."""
    from app.staff.queries import list_adaptations

    found = list_adaptations(session, date.today())
    labels = [f"{r.person_name} — {r.tutor_name}" for r in found]
    return [(str(r.id), label, label) for r, label in zip(found, labels, strict=True)]


def _gather(session: Session, _a: Actor, p: Params, _t: date, _pr: Progress) -> AdaptationDTO:
    from app.staff.service import get_adaptation

    return get_adaptation(session, uuid.UUID(p["adaptation"]))


def _pdf(data: AdaptationDTO, head: Letterhead) -> bytes:
    from app.documents.adaptation_plan import build_adaptation_plan

    return build_adaptation_plan(
        data, lang=head.lang, centre_name=head.centre_name, today=head.printed_on
    )


DOCUMENTS = (
    Document(
        id="adaptation-plan",
        title=N_("Adaptation plan"),
        description=N_("A newly hired staff member's adaptation plan with its tutor (S-1)."),
        page="people",
        params=(
            Param(
                "adaptation",
                REF,
                N_("Adaptation"),
                required=True,
                options=adaptation_options,
                blank=False,
                help=N_("adaptation id"),
            ),
        ),
        gather=_gather,
        pdf=_pdf,
        formats=("pdf",),
        stem=lambda _p: "adaptation-plan",
    ),
)
