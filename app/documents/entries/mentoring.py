"""Mentoring documents: needs (M-2), roster (M-3), programme (M-7), protocol (M-11), year (M-13)."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy.orm import Session

from app.core.context import Actor
from app.core.progress import Progress
from app.documents.entries.common import (
    count_of,
    court,
    region,
    region_name,
    region_names,
    this_year,
    year,
)
from app.documents.spec import REF, Document, Letterhead, Option, Param, Params, Sheet
from app.mentoring.dto import NeedRow, PairDTO, ProgrammeDTO, RosterRow
from app.mentoring.year import YearReview
from i18n import N_, format_date, translator

PAGE = "mentoring"


def _needs(session: Session, _a: Actor, p: Params, _t: date, _pr: Progress) -> list[NeedRow]:
    from app.mentoring.queries import needs_analysis

    court = uuid.UUID(p["court"]) if p["court"] else None
    return needs_analysis(session, region_code=p["region"], court_id=court)


def _needs_pdf(data: list[NeedRow], head: Letterhead) -> bytes:
    from app.documents.mentoring_needs import build_needs

    return build_needs(data, lang=head.lang, centre_name=head.centre_name, today=head.printed_on)


def _needs_sheets(data: list[NeedRow], lang: str) -> list[Sheet]:
    from app.documents.mentoring_needs import header, rows

    tr_ = translator(lang)
    return [Sheet(tr_("Need for guides"), header(lang), rows(data, lang))]


@dataclass(frozen=True)
class Roster:
    """A region's roster and the region's names."""

    rows: list[RosterRow]
    region: tuple[str, str]
    coordinator: str = ""  # M-6, seed 002 cl. 9


def coordinator_name(session: Session, region_code: str) -> str:
    """The region's named coordinator as documents print them (M-6), or ""."""
    from app.courts.offices import coordinator_of_region

    held = coordinator_of_region(session, region_code)
    return held.initials if held else ""


def _roster(session: Session, _a: Actor, p: Params, _t: date, _pr: Progress) -> Roster:
    from app.mentoring.queries import roster

    return Roster(
        roster(session, p["region"]),
        region_names(session, p["region"]),
        coordinator_name(session, p["region"]),
    )


def _roster_pdf(data: Roster, head: Letterhead) -> bytes:
    from app.documents.roster import build_roster

    return build_roster(
        data.rows,
        lang=head.lang,
        region_name=region_name(data.region, head.lang),
        centre_name=head.centre_name,
        today=head.printed_on,
        coordinator=data.coordinator,
    )


def _roster_sheets(data: Roster, lang: str) -> list[Sheet]:
    from app.documents.roster import header, rows

    tr_ = translator(lang)
    return [Sheet(tr_("Roster of guides"), header(lang), rows(data.rows, lang))]


@dataclass(frozen=True)
class Year:
    """The year in review of a region and the region's names."""

    review: YearReview
    region: tuple[str, str]


def _year(session: Session, _a: Actor, p: Params, _t: date, _pr: Progress) -> Year:
    from app.mentoring.year import year_review

    return Year(year_review(session, p["region"], p["year"]), region_names(session, p["region"]))


def _year_pdf(data: Year, head: Letterhead) -> bytes:
    from app.documents.mentoring_year import build_year_review

    return build_year_review(
        data.review,
        lang=head.lang,
        region_name=region_name(data.region, head.lang),
        centre_name=head.centre_name,
        today=head.printed_on,
    )


def _year_sheets(data: Year, lang: str) -> list[Sheet]:
    from app.mentoring.year_table import figures, guide_header, guide_rows

    tr_ = translator(lang)
    lines: list[list[Any]] = [[label, value] for label, value in figures(data.review, lang)]
    lines.append(["", ""])
    # The guides' column titles come after the figures (sheet row 1 is the region): that row
    # is frozen and printed on top of every page.
    header_row = len(lines) + 2
    lines.append(guide_header(lang))
    lines += guide_rows(data.review, lang)
    name = region_name(data.region, lang)
    return [Sheet(str(data.review.year), [tr_("Region"), name, "", "", ""], lines, header_row)]


def protocol_options(session: Session, _actor: Actor, params: Params) -> list[Option]:
    """Protocols of the region, newest first."""
    from app.mentoring.protocol_queries import list_protocols

    found = list_protocols(session, params.get("region", ""))
    return [
        (
            p.number,
            f"№ {p.number}, {format_date(p.held_on, 'kk')}",
            f"№ {p.number}, {format_date(p.held_on, 'ru')}",
        )
        for p in found
    ]


@dataclass(frozen=True)
class Protocol:
    """A protocol's content and, once signed, its verification code."""

    content: dict[str, Any]
    code: str | None


def _protocol(session: Session, _a: Actor, p: Params, _t: date, _pr: Progress) -> Protocol:
    from app.mentoring.protocol_queries import content_of, find_protocol, get_protocol

    try:
        # The council tab names the very protocol it shows: numbers repeat across years.
        found = get_protocol(session, uuid.UUID(p["number"]))
    except ValueError:  # not an id: the latest protocol with that number
        found = find_protocol(session, p["number"], p["region"])
    code = found.content_hash if found.signed_at else None
    return Protocol(content_of(session, found.id), code)


def _protocol_pdf(data: Protocol, head: Letterhead) -> bytes:
    from app.documents.protocol import build_protocol

    # The header is the centre named in the signed content, so a copy re-renders the same.
    return build_protocol(data.content, lang=head.lang, code=data.code, printed_on=head.printed_on)


def _protocol_notes(data: Protocol) -> list[str]:
    if data.code is None:
        return [N_("The protocol is not signed yet: printed as a draft without a code.")]
    return []


def pair_options(session: Session, _actor: Actor, params: Params) -> list[Option]:
    """Pairs of the region: protégé and guide (public fields only, M-9)."""
    from app.mentoring.queries import pairs

    found = pairs(session, region_code=params.get("region", ""))
    labels = [f"{p.protege_name} — {p.guide_name}" for p in found]
    return [(str(p.id), label, label) for p, label in zip(found, labels, strict=True)][::-1]


@dataclass(frozen=True)
class Programme:
    """A pair and its individual programme."""

    pair: PairDTO
    programme: ProgrammeDTO
    coordinator: str = ""  # M-6, seed 002 cl. 9, 10.3


def _programme(session: Session, _a: Actor, p: Params, _t: date, _pr: Progress) -> Programme:
    from app.mentoring.access import load_pair
    from app.mentoring.programme import get_programme
    from app.mentoring.service import pair_dto

    pair = pair_dto(session, load_pair(session, uuid.UUID(p["pair"])))
    return Programme(
        pair, get_programme(session, pair.id), coordinator_name(session, pair.region_code)
    )


def _programme_pdf(data: Programme, head: Letterhead) -> bytes:
    from app.documents.programme import build_programme

    return build_programme(
        data.pair,
        data.programme,
        lang=head.lang,
        centre_name=head.centre_name,
        today=head.printed_on,
        coordinator=data.coordinator,
    )


def _stem(name: str, key: str) -> Any:
    return lambda p: f"{name}-{p[key]}" if p.get(key) else name


DOCUMENTS = (
    Document(
        id="mentoring-needs",
        title=N_("Need for judicial mentoring"),
        description=N_("Judges who qualify as protégés, why, and their guides (M-2)."),
        page=PAGE,
        params=(region(), court()),
        gather=_needs,
        pdf=_needs_pdf,
        sheets=_needs_sheets,
        count=count_of,
        stem=_stem("mentoring-needs", "region"),
    ),
    Document(
        id="roster",
        title=N_("Roster of tutors and mentors"),
        description=N_("The region's tutors and mentors as approved by order (M-3)."),
        page=PAGE,
        params=(region(required=True),),
        gather=_roster,
        pdf=_roster_pdf,
        sheets=_roster_sheets,
        count=lambda d: len(d.rows),
        stem=_stem("roster", "region"),
    ),
    Document(
        id="mentoring-year",
        title=N_("Judicial mentoring: year in review"),
        description=N_("Pairs started, completed and ended early; the best guides (M-13)."),
        page=PAGE,
        params=(year(this_year), region(required=True)),
        gather=_year,
        pdf=_year_pdf,
        sheets=_year_sheets,
    ),
    Document(
        id="protocol",
        title=N_("Protocol of the branch council"),
        description=N_("A council protocol ending pairs, with its verification code (M-11)."),
        page=PAGE,
        params=(
            Param(
                "number",
                REF,
                N_("Protocol"),
                required=True,
                options=protocol_options,
                blank=False,
                help=N_("protocol number (or its id)"),
            ),
            region(),
        ),
        gather=_protocol,
        pdf=_protocol_pdf,
        formats=("pdf",),
        notes=_protocol_notes,
        stem=_stem("protocol", "number"),
    ),
    Document(
        id="programme",
        title=N_("Individual programme"),
        description=N_("The current version of a pair's individual programme (M-7)."),
        page=PAGE,
        params=(
            Param(
                "pair",
                REF,
                N_("Pair"),
                required=True,
                options=pair_options,
                blank=False,
                help=N_("pair id"),
            ),
        ),
        gather=_programme,
        pdf=_programme_pdf,
        formats=("pdf",),
        stem=lambda _p: "programme",
    ),
)
