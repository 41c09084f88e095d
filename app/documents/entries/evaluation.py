"""Evaluation commission documents (E-3): its protocol on a round, the acknowledgement sheet."""

from __future__ import annotations

import uuid
from datetime import date

from sqlalchemy.orm import Session

from app.core.context import Actor
from app.core.progress import Progress
from app.documents.spec import REF, Document, Letterhead, Option, Param, Params
from app.evaluation.commission import ProtocolContent
from i18n import N_, format_date


def round_options(session: Session, _actor: Actor, _params: Params) -> list[Option]:
    """Evaluation rounds, newest period first."""
    from app.evaluation.rounds import list_rounds

    found = sorted(list_rounds(session), key=lambda r: r.period, reverse=True)
    return [(str(r.id), f"{r.period} — {r.title}", f"{r.period} — {r.title}") for r in found]


def protocol_options(session: Session, _actor: Actor, params: Params) -> list[Option]:
    """The commission protocols of the chosen round."""
    from app.evaluation.commission import protocols_of_round

    if not params.get("round"):
        return []
    found = protocols_of_round(session, uuid.UUID(params["round"]))
    return [
        (str(i), f"№ {n}, {format_date(d, 'kk')}", f"№ {n}, {format_date(d, 'ru')}")
        for i, n, d in found
    ]


def _round() -> Param:
    return Param(
        "round",
        REF,
        N_("Evaluation round"),
        required=True,
        options=round_options,
        blank=False,
        help=N_("evaluation round id"),
    )


def _gather(session: Session, _a: Actor, p: Params, _t: date, _pr: Progress) -> ProtocolContent:
    from app.evaluation.commission import content

    protocol = uuid.UUID(p["protocol"]) if p.get("protocol") else None
    return content(session, uuid.UUID(p["round"]), protocol)


def _protocol_pdf(data: ProtocolContent, head: Letterhead) -> bytes:
    from app.documents.evaluation_commission import build_commission_protocol

    return build_commission_protocol(
        data, lang=head.lang, centre_name=head.centre_name, today=head.printed_on
    )


def _acknowledgement_pdf(data: ProtocolContent, head: Letterhead) -> bytes:
    from app.documents.evaluation_commission import build_acknowledgement

    return build_acknowledgement(
        data, lang=head.lang, centre_name=head.centre_name, today=head.printed_on
    )


DOCUMENTS = (
    Document(
        id="evaluation-protocol",
        title=N_("Evaluation commission protocol"),
        description=N_("The commission's decisions on the results of an evaluation round (E-3)."),
        page="evaluation",
        params=(
            _round(),
            Param(
                "protocol",
                REF,
                N_("Protocol"),
                required=True,
                options=protocol_options,
                blank=False,
                help=N_("commission protocol id"),
            ),
        ),
        gather=_gather,
        pdf=_protocol_pdf,
        formats=("pdf",),
        stem=lambda _p: "evaluation-protocol",
    ),
    Document(
        id="evaluation-acknowledgement",
        title=N_("Acknowledgement of the results"),
        description=N_(
            "The judges of a round sign that they were acquainted with their results (E-3)."
        ),
        page="evaluation",
        params=(
            _round(),
            Param(
                "protocol",
                REF,
                N_("Protocol"),
                options=protocol_options,
                help=N_("only the judges of this commission protocol (optional)"),
            ),
        ),
        gather=_gather,
        pdf=_acknowledgement_pdf,
        formats=("pdf",),
        stem=lambda _p: "evaluation-acknowledgement",
    ),
)
