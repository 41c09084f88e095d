"""Who is due (I-1): last internship ended more than 3 years before, or never; priorities."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from sqlalchemy import select

from app.core.context import Actor
from app.core.store import Store
from app.courts.dto import DistrictCourtInput
from app.courts.service import add_district_court
from app.internships.dto import DueFilter
from app.internships.due import due_judges
from app.internships.rules import InternshipRules
from app.people.dto import PersonInput, StatusPeriod
from app.people.iin import make_iin
from app.people.service import create_person
from db.models import Court, Internship, InternshipRuleSet, QualityIndicator


def test_due_list_follows_rule_i1(store: Store, actor: Actor) -> None:
    """I-1: due 3 years after the last internship's end, or at once when there was none;
    retired judges and Supreme Court judges are not listed."""
    with store.write() as s:
        regional = s.scalar(select(Court.id).where(Court.code == "AKM"))
        supreme = s.scalar(select(Court.id).where(Court.level == "supreme"))
        assert regional is not None and supreme is not None
        district = add_district_court(
            s,
            actor,
            DistrictCourtInput(regional, "Степногорск қалалық соты", "Степногорский городской суд"),
        ).id

        def judge(serial: int, surname: str, court=district, **kw: object):  # type: ignore[no-untyped-def]
            return create_person(
                s,
                actor,
                PersonInput(
                    make_iin(date(1975, 1, 1), serial),
                    surname,
                    "Test",
                    court_id=court,
                    first_appointed_on=date(2005, 1, 1),
                    **kw,
                ),
            ).id  # type: ignore[arg-type]

        overdue, recent, _never = judge(1, "Ә-overdue"), judge(2, "Б-recent"), judge(3, "В-never")
        judge(4, "Г-retired", status_periods=(StatusPeriod("retired", date(2020, 1, 1)),))
        judge(5, "Д-supreme", court=supreme)
        complained = judge(6, "Е-complaints")
        for pid, end in (
            (overdue, date(2024, 4, 30)),
            (recent, date(2025, 3, 1)),
            (complained, date(2024, 4, 30)),
        ):
            s.add(
                Internship(
                    person_id=pid,
                    host_court_id=regional,
                    starts_on=date(2024, 1, 1),
                    ends_on=end,
                    kind="judge",
                    status="done",
                )
            )
        s.add(
            QualityIndicator(
                person_id=complained,
                period_start=date(2026, 1, 1),
                period_end=date(2026, 12, 31),
                cases=300,
                overturned=3,
                time_limits_kept_pct=Decimal(90),
                complaints=2,
            )
        )
    with store.read() as s:
        rows = {r.full_name.split()[0]: r for r in due_judges(s, 2027)}
    assert set(rows) == {"Ә-overdue", "В-never", "Е-complaints"}
    assert rows["Ә-overdue"].due_on == date(2027, 4, 30)
    assert rows["В-never"].due_on == date(2027, 1, 1)
    assert rows["В-never"].last_internship_end is None
    assert rows["Е-complaints"].priority > rows["Ә-overdue"].priority
    with store.read() as s:
        assert "Б-recent" in {r.full_name.split()[0] for r in due_judges(s, 2028)}
        by_priority = due_judges(s, 2027)
        assert by_priority[0].full_name.startswith("Е-complaints")
        named = due_judges(s, 2027, DueFilter(text="в-nev"))
        assert [r.full_name.split()[0] for r in named] == ["В-never"]


def test_rule_parameters_are_data_in_force_from_a_date(store: Store, actor: Actor) -> None:
    """I-1 parameters come from the rule set in force on 1 January of the year."""
    with store.write() as s:
        s.add(InternshipRuleSet(valid_from=date(2028, 1, 1), interval_years=2, min_days=21))
    from app.internships.rules import rules_for_year

    with store.read() as s:
        assert rules_for_year(s, 2027) == InternshipRules(3, 14)
        assert rules_for_year(s, 2028) == InternshipRules(2, 21)


def test_lists_start_at_the_centres_region(store: Store, actor: Actor) -> None:
    from app.core.settings import set_setting
    from app.courts.centre import CENTRE_KEY, centre_region_code
    from db.models import TrainingCentre

    with store.read() as s:
        assert centre_region_code(s) == ""
    with store.write() as s:
        centre = s.scalar(
            select(TrainingCentre.id)
            .join(Court, Court.id == TrainingCentre.court_id)
            .where(Court.code == "KAR")
        )
        set_setting(s, actor, CENTRE_KEY, str(centre))
    with store.read() as s:
        region = centre_region_code(s)
        assert region and region == s.scalar(select(Court.region_code).where(Court.code == "KAR"))


def test_a_regions_due_list_is_the_national_lists_rows_of_that_region(
    store: Store, actor: Actor
) -> None:
    """Issue 11: a region's (or a court's) due list reads the periods, internships and quality
    figures of its own judges only, and lists exactly the national list's rows of that region
    or court, with the same priorities (I-1)."""
    from app.demo import internships as demo

    with store.write() as s:
        demo.generate(s, actor, year=2026, judges_per_region=12, regions=3)
    with store.read() as s:
        for year in (2026, 2027):
            everyone = due_judges(s, year)
            regions = sorted({r.region_code for r in everyone})
            assert len(regions) > 1
            for region in regions:
                mine = due_judges(s, year, DueFilter(region_code=region))
                assert mine == [r for r in everyone if r.region_code == region]
            court = everyone[0].court_id
            assert due_judges(s, year, DueFilter(court_id=court)) == [
                r for r in everyone if r.court_id == court
            ]
            assert any(r.last_internship_end for r in everyone)  # held internships were read
