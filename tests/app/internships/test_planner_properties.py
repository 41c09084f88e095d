"""Property tests of the placement core (I-1) on hostile random inputs."""

from __future__ import annotations

import uuid
from datetime import date

from hypothesis import given, settings
from hypothesis import strategies as st

from app.internships.placement import Candidate, place, windows
from app.internships.rules import InternshipRules

YEAR = 2027
DAYS = 365
HOSTS = [uuid.UUID(int=i + 1) for i in range(3)]
SPANS = windows(YEAR, InternshipRules(), {date(YEAR, 3, 8), date(YEAR, 3, 23)})


@st.composite
def scenario(draw: st.DrawFn) -> tuple[list[Candidate], dict[uuid.UUID, list[int]]]:
    capacity = {}
    for h in HOSTS:
        cap = [0] * DAYS
        for _ in range(draw(st.integers(0, 3))):
            s = draw(st.integers(0, DAYS - 1))
            e = draw(st.integers(s, min(DAYS - 1, s + 200)))
            n = draw(st.integers(1, 3))
            for d in range(s, e + 1):
                cap[d] += n
        capacity[h] = cap
    people = []
    for i in range(draw(st.integers(0, 40))):
        busy = bytearray(DAYS)
        for _ in range(draw(st.integers(0, 3))):
            s = draw(st.integers(0, DAYS - 1))
            for d in range(s, min(DAYS, s + draw(st.integers(1, 120)))):
                busy[d] = 1
        hosts = tuple(draw(st.lists(st.sampled_from(HOSTS), min_size=0, max_size=2, unique=True)))
        people.append(
            Candidate(
                uuid.UUID(int=1000 + i),
                f"J{i}",
                draw(st.floats(0, 50, allow_nan=False)),
                hosts,
                busy,
            )
        )
    return people, capacity


@settings(max_examples=60, deadline=None)
@given(scenario())
def test_placement_never_breaks_a_rule(
    data: tuple[list[Candidate], dict[uuid.UUID, list[int]]],
) -> None:
    """I-1: ≥ 14 days, capacity never exceeded, no busy day used, every judge placed or
    reported, and nobody of lower priority takes a place a higher one could have had."""
    candidates, capacity = data
    load = {h: [0] * DAYS for h in capacity}
    placed, unplaced = place(candidates, capacity, load, SPANS, YEAR)
    assert len(placed) + len(unplaced) == len(candidates)
    used = {h: [0] * DAYS for h in capacity}
    by_id = {c.person_id: c for c in candidates}
    first = date(YEAR, 1, 1)
    for p in placed:
        s, e = (p.starts_on - first).days, (p.ends_on - first).days
        assert e - s + 1 >= 14
        assert p.host_court_id in by_id[p.person_id].hosts
        assert by_id[p.person_id].busy.find(1, s, e + 1) == -1
        for d in range(s, e + 1):
            used[p.host_court_id][d] += 1
    for h in capacity:
        assert all(u <= c for u, c in zip(used[h], capacity[h], strict=True))
        assert used[h] == load[h]
    for u in unplaced:
        if u.reason != "no_places":
            continue
        # Every window the unplaced judge could use is full: nothing was left for them.
        cand = by_id[u.person_id]
        for h in cand.hosts:
            for s, e in SPANS:
                if cand.busy.find(1, s, e + 1) == -1:
                    assert any(used[h][d] >= capacity[h][d] for d in range(s, e + 1))
