"""Random sampling of court acts and hearing records with depersonalised codes (E-2).

The draw is reproducible: the seed is recorded, and the same seed over the same imported
list picks the same cases. Reviewers see only codes; the key from code to case number is a
separate table that only the coordinator may read.
"""

from __future__ import annotations

import random
import secrets
import uuid
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.core.audit import record
from app.core.context import Actor
from app.core.errors import FieldError, ValidationError
from app.core.permissions import EVALUATION_MANAGE, require
from app.core.progress import Progress
from app.core.spreadsheet.reader import read_sheet
from app.core.spreadsheet.values import as_iin, as_text
from app.evaluation.dto import DrawDTO, SampleItemDTO
from app.evaluation.rules import distinct_cases
from db.models import Person, SampleDraw, SampleItem, SampleKey
from i18n import N_

KINDS = ("act", "hearing")


def read_case_list(path: Path) -> dict[str, list[str]]:
    """Case numbers per IIN from an XLSX or CSV with columns IIN and case number (header row)."""
    out: dict[str, list[str]] = defaultdict(list)
    for _line, row in read_sheet(path).rows:
        if len(row) > 1:
            iin, case = as_iin(row[0]), as_text(row[1])
            if iin and case:
                out[iin].append(case)
    return dict(out)


def pick(case_numbers: Sequence[str], size: int, seed: int) -> list[str]:
    """The reproducible choice: the same list (in any order) and seed give the same cases.

    Numbers that differ only in spaces, dashes or letter case are one case (E-2).
    """
    cases = distinct_cases(case_numbers)
    population = [cases[k] for k in sorted(cases)]
    return random.Random(seed).sample(population, min(size, len(population)))


def draw(
    session: Session,
    actor: Actor,
    person_id: uuid.UUID,
    case_numbers: Sequence[str],
    *,
    size: int,
    seed: int | None = None,
    kind: str = "act",
    round_id: uuid.UUID | None = None,
) -> DrawDTO:
    """Draw `size` cases of a judge at random and code them (E-2)."""
    require(actor, EVALUATION_MANAGE, N_("Only the coordinator may draw samples."))
    errors: list[FieldError] = []
    if session.get(Person, person_id) is None:
        errors.append(FieldError("person_id", N_("Choose the judge.")))
    if size < 1:
        errors.append(FieldError("size", N_("At least one case.")))
    if kind not in KINDS:
        errors.append(FieldError("kind", N_("Unknown kind of material.")))
    if not distinct_cases(case_numbers):
        errors.append(FieldError("case_numbers", N_("The list has no case numbers.")))
    if errors:
        raise ValidationError(errors)
    seed = seed if seed is not None else secrets.randbelow(2**31)
    chosen = pick(case_numbers, size, seed)
    row = SampleDraw(
        person_id=person_id,
        round_id=round_id,
        seed=seed,
        size=len(chosen),
        population=len(distinct_cases(case_numbers)),
        kind=kind,
        updated_by=actor.name,
    )
    session.add(row)
    session.flush()
    used = set(session.scalars(select(SampleItem.code)))
    items: list[SampleItemDTO] = []
    prefix = "A" if kind == "act" else "H"
    for case in chosen:
        # The code is random, not derived from the case or the seed, so it reveals nothing.
        code = f"{prefix}-{secrets.token_hex(4).upper()}"
        while code in used:
            code = f"{prefix}-{secrets.token_hex(4).upper()}"
        used.add(code)
        item = SampleItem(draw_id=row.id, code=code, updated_by=actor.name)
        session.add(item)
        session.flush()
        session.add(SampleKey(item_id=item.id, case_number=case, updated_by=actor.name))
        items.append(SampleItemDTO(code))
    session.flush()
    record(
        session,
        actor,
        "draw",
        "eval_sample_draw",
        row.id,
        {"seed": [None, seed], "size": [None, len(chosen)]},
    )
    return DrawDTO(row.id, person_id, seed, len(chosen), row.population, kind, tuple(items))


def sample_codes(session: Session, draw_id: uuid.UUID) -> list[str]:
    """The codes of a draw, as reviewers see them."""
    return list(
        session.scalars(
            select(SampleItem.code).where(SampleItem.draw_id == draw_id).order_by(SampleItem.code)
        )
    )


def sample_key(session: Session, actor: Actor, draw_id: uuid.UUID) -> dict[str, str]:
    """Code → case number of a draw: the coordinator only (E-2)."""
    require(
        actor,
        EVALUATION_MANAGE,
        N_("Only the coordinator may see which case a code stands for."),
    )
    rows = session.execute(
        select(SampleItem.code, SampleKey.case_number)
        .join(SampleKey, SampleKey.item_id == SampleItem.id)
        .where(SampleItem.draw_id == draw_id)
    )
    result = dict(rows.all())
    record(session, actor, "read_key", "eval_sample_draw", draw_id, {})
    return result


@dataclass(frozen=True)
class ListDraw:
    """The draws made from one imported list, and the IINs that match nobody."""

    draws: tuple[tuple[str, DrawDTO], ...]
    unknown_iins: tuple[str, ...]


def draw_for_list(
    session: Session,
    actor: Actor,
    cases_by_iin: dict[str, list[str]],
    *,
    size: int,
    seed: int | None = None,
    kind: str = "act",
    round_id: uuid.UUID | None = None,
    progress: Progress | None = None,
) -> ListDraw:
    """Draw `size` cases per judge of an imported list, all with one recorded seed (E-2)."""
    seed = seed if seed is not None else secrets.randbelow(2**31)
    people = {
        iin: (pid, " ".join(x for x in (s, f, p) if x))
        for iin, pid, s, f, p in session.execute(
            select(
                Person.iin, Person.id, Person.surname, Person.first_name, Person.patronymic
            ).where(Person.iin.in_(list(cases_by_iin)))
        )
    }
    draws: list[tuple[str, DrawDTO]] = []
    for n, (iin, cases) in enumerate(sorted(cases_by_iin.items()), start=1):
        if iin in people:
            pid, name = people[iin]
            draws.append(
                (
                    name,
                    draw(
                        session,
                        actor,
                        pid,
                        cases,
                        size=size,
                        seed=seed,
                        kind=kind,
                        round_id=round_id,
                    ),
                )
            )
        if progress is not None:
            progress.step(n, len(cases_by_iin))
    return ListDraw(tuple(draws), tuple(sorted(set(cases_by_iin) - set(people))))
