"""Scoring of evaluation sheets: the template's formula and the weight rule.

Weight rule: the weights of the criteria of each section total exactly 100 (percent);
sections weigh equally in the total. Formula "section_mean": a criterion scores 0–100 points
(1–5 → (value − 1) × 25; yes = 100, no = 0), averaged over raters; a section scores the
weighted sum of its criteria's points / 100; the total is the mean of the section scores.
"""

from __future__ import annotations

import uuid
from collections import defaultdict
from collections.abc import Iterable
from decimal import ROUND_HALF_UP, Decimal

from app.core.errors import FieldError
from app.evaluation.dto import SectionInput, TemplateDTO
from i18n import N_

FORMULAS = ("section_mean",)
HUNDRED = Decimal(100)
TWO_PLACES = Decimal("0.01")


def value_range(scale: str) -> tuple[int, int]:
    """Allowed values of a scale."""
    return (1, 5) if scale == "1-5" else (0, 1)


def points(scale: str, value: int) -> Decimal:
    """A value on its scale as 0–100 points."""
    if scale == "1-5":
        return Decimal(value - 1) * 25
    return HUNDRED if value else Decimal(0)


def weight_errors(sections: Iterable[SectionInput]) -> list[FieldError]:
    """Sections whose weights do not total 100 percent (the weight rule above)."""
    errors: list[FieldError] = []
    for n, s in enumerate(sections, start=1):
        total = sum((c.weight for c in s.criteria), Decimal(0))
        if not s.criteria:
            errors.append(FieldError(f"sections.{n}", N_("Section {n} has no criteria."), {"n": n}))
        elif total != HUNDRED:
            errors.append(
                FieldError(
                    f"sections.{n}",
                    N_("The weights of section {n} total {total}%, not 100%."),
                    {"n": n, "total": f"{total.normalize():f}"},
                )
            )
        for c in s.criteria:
            if c.weight <= 0:
                errors.append(
                    FieldError(f"sections.{n}.{c.code}", N_("Each weight must be above zero."))
                )
    return errors


def score(
    template: TemplateDTO, ratings: Iterable[tuple[uuid.UUID, int]]
) -> tuple[tuple[Decimal | None, ...], Decimal | None]:
    """Section scores and total by the template's formula; None where nothing is rated."""
    by_criterion: dict[uuid.UUID, list[int]] = defaultdict(list)
    for criterion_id, value in ratings:
        by_criterion[criterion_id].append(value)
    sections: list[Decimal | None] = []
    for s in template.sections:
        if not all(by_criterion.get(c.id) for c in s.criteria):
            sections.append(None)
            continue
        acc = Decimal(0)
        for c in s.criteria:
            values = by_criterion[c.id]
            mean = sum((points(c.scale, v) for v in values), Decimal(0)) / len(values)
            acc += c.weight * mean / HUNDRED
        sections.append(acc.quantize(TWO_PLACES, ROUND_HALF_UP))
    done = [s for s in sections if s is not None]
    if len(done) != len(sections) or not done:
        return tuple(sections), None
    total = (sum(done, Decimal(0)) / len(done)).quantize(TWO_PLACES, ROUND_HALF_UP)
    return tuple(sections), total
