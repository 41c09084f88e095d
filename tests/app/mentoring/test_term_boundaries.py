"""M-4, M-5/M-11 at their boundaries: the 1-to-3-year allowance, replacement, extension by order."""

from __future__ import annotations

from datetime import date

import pytest

from app.mentoring import council, service
from app.mentoring.dto import DecisionInput, ProtocolInput
from app.mentoring.rules import RuleError, months_spanned, term_refusals
from tests.app.mentoring.conftest import TODAY


def _protocol(s, actor, world, number: str, held_on: date):
    return council.create_protocol(
        s,
        actor,
        ProtocolInput(world.region, number, held_on, "Көкшетау", "Төраға", "Хатшы", ("Мүше",), "x"),
    )


@pytest.mark.parametrize(("months", "refused"), [(11, True), (12, False), (13, False)])
def test_m4_a_term_under_one_year_is_refused_seed002_cl1(months: int, refused: bool) -> None:
    assert bool(term_refusals(months, [])) is refused


@pytest.mark.parametrize(("months", "refused"), [(35, False), (36, False), (37, True)])
def test_m4_three_years_in_total_at_most_seed002_cl1(months: int, refused: bool) -> None:
    assert bool(term_refusals(12, [months - 12])) is refused


def test_m4_months_spanned_counts_a_begun_month() -> None:
    assert months_spanned(date(2026, 1, 31), date(2026, 2, 28)) == 1
    assert months_spanned(date(2026, 1, 10), date(2026, 7, 10)) == 6
    assert months_spanned(date(2026, 1, 10), date(2026, 7, 11)) == 7
    assert months_spanned(date(2024, 2, 29), date(2025, 2, 28)) == 12  # leap day start


def test_m4_proposing_less_than_a_year_is_refused(store, actor, world) -> None:
    with store.write() as s, pytest.raises(RuleError) as err:
        service.propose_pair(
            s, actor, world.protege, world.tutor, kind="tutor", starts_on=TODAY, term_months=11
        )
    assert err.value.rules == ["M-4"]


def test_m11_council_extend_only_proposes_the_chairman_orders_it_seed002_cl5(
    store, actor, world
) -> None:
    with store.write() as s:
        pair = service.propose_pair(
            s, actor, world.protege, world.tutor, kind="tutor", starts_on=TODAY
        )
        service.activate_pair(s, actor, pair.id)
        proto = _protocol(s, actor, world, "9", date(2027, 10, 1))
        council.add_decision(s, actor, proto.id, DecisionInput(pair.id, "extend", "ұзарту", 12))
        council.sign_protocol(s, actor, proto.id, "А. Төлеуов", scan=b"scan")
    with store.read() as s:
        from db.models import Pair

        after_protocol = service.pair_dto(s, s.get(Pair, pair.id))
    assert after_protocol.extensions_months == 0
    assert after_protocol.ends_on == date(2027, 11, 21)
    with store.write() as s:
        ordered = service.extend_pair(
            s, actor, pair.id, order_number="45-ө", order_date=date(2027, 10, 5), months=12
        )
    assert ordered.ends_on == date(2028, 11, 21)


def test_m4_replacement_after_an_extension_does_not_restart_the_allowance(
    store, actor, world
) -> None:
    with store.write() as s:
        pair = service.propose_pair(
            s, actor, world.protege, world.tutor, kind="tutor", starts_on=TODAY
        )
        service.activate_pair(s, actor, pair.id)
        service.extend_pair(s, actor, pair.id, order_number="1", order_date=TODAY, months=12)
        # the guide is replaced one year in: the extended term has a year left
        proto = _protocol(s, actor, world, "10", date(2027, 11, 21))
        council.add_decision(
            s,
            actor,
            proto.id,
            DecisionInput(pair.id, "replace", "ауыстыру", new_guide_id=world.other_tutor),
        )
        council.sign_protocol(s, actor, proto.id, "А. Төлеуов", scan=b"scan")
    from sqlalchemy import select

    from db.models import Pair

    with store.read() as s:
        new = s.scalar(select(Pair).where(Pair.replaces_id == pair.id))
        assert new is not None
        dto = service.pair_dto(s, new)
        new_id = new.id
    assert dto.ends_on == date(2028, 11, 21)
    with store.write() as s:
        # up to three years from the first pair's start, and not a month more
        extended = service.extend_pair(
            s, actor, new_id, order_number="2", order_date=TODAY, months=12
        )
        assert extended.ends_on == date(2029, 11, 21)
        with pytest.raises(RuleError) as err:
            service.extend_pair(s, actor, new_id, order_number="3", order_date=TODAY, months=1)
    assert err.value.rules == ["M-4"]
