"""Placing judges in windows of the year, highest priority first: the pure algorithm (I-1)."""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta

from app.core.progress import Progress
from app.internships.dto import Placement, Unplaced
from app.internships.rules import (
    InternshipRules,
    is_working_day,
)


@dataclass(frozen=True)
class Candidate:
    """A judge to place: priority, the host courts allowed (preferred first), busy days."""

    person_id: uuid.UUID
    full_name: str
    priority: float
    hosts: tuple[uuid.UUID, ...]
    busy: bytearray  # 1 on days of the year the judge is not available


def windows(year: int, rules: InternshipRules, holidays: set[date]) -> list[tuple[int, int]]:
    """Candidate (start, end) day indexes: from the first working day of each week, at least
    `min_days` days long and holding at least two working weeks' worth of working days.
    """
    first = date(year, 1, 1)
    last = date(year, 12, 31)
    min_working = rules.min_days * 5 // 7
    out: list[tuple[int, int]] = []
    monday = first - timedelta(days=first.weekday())
    while monday <= last:
        start = next(
            (
                monday + timedelta(days=i)
                for i in range(5)
                if first <= monday + timedelta(days=i) <= last
                and is_working_day(monday + timedelta(days=i), holidays)
            ),
            None,
        )
        monday += timedelta(days=7)
        if start is None:
            continue
        end = start + timedelta(days=rules.min_days - 1)
        count = sum(
            is_working_day(start + timedelta(days=i), holidays) for i in range(rules.min_days)
        )
        while count < min_working:
            end += timedelta(days=1)
            count += is_working_day(end, holidays)
        if end <= last:
            out.append(((start - first).days, (end - first).days))
    return out


def place(
    candidates: Sequence[Candidate],
    capacity: dict[uuid.UUID, list[int]],
    load: dict[uuid.UUID, list[int]],
    spans: Sequence[tuple[int, int]],
    year: int,
    progress: Progress | None = None,
) -> tuple[list[Placement], list[Unplaced]]:
    """Greedy placement, highest priority first; `load` is updated in place.

    Each host keeps the windows that still have a free place every day; a placement closes
    only the windows it overlaps, so judges who cannot be placed cost little to report.
    """
    first = date(year, 1, 1)
    placed: list[Placement] = []
    unplaced: list[Unplaced] = []
    free = {h: [c - n for c, n in zip(capacity[h], load[h], strict=True)] for h in capacity}
    hosting = {h: [min(capacity[h][s : e + 1]) > 0 for s, e in spans] for h in capacity}
    open_ = {
        h: [n for n, (s, e) in enumerate(spans) if min(free[h][s : e + 1]) > 0] for h in capacity
    }
    order = sorted(candidates, key=lambda c: (-c.priority, c.full_name, str(c.person_id)))
    for done, cand in enumerate(order):
        if progress is not None and done % 250 == 0:
            progress.step(done, len(order))
        chosen: tuple[uuid.UUID, int, int] | None = None
        for host in cand.hosts:
            if not open_.get(host):
                continue
            h_load = load[host]
            best: tuple[int, int] | None = None
            best_peak = 0
            for n in open_[host]:
                s, e = spans[n]
                if cand.busy.find(1, s, e + 1) != -1:
                    continue
                peak = max(h_load[s : e + 1])
                if best is None or peak < best_peak:
                    best, best_peak = (s, e), peak
                    if peak == 0:
                        break
            if best is not None:
                chosen = (host, *best)
                break
        if chosen is None:
            reason = _reason(cand, hosting, spans)
            unplaced.append(Unplaced(cand.person_id, cand.full_name, reason, cand.priority))
            continue
        host, s, e = chosen
        h_free = free[host]
        for d in range(s, e + 1):
            h_free[d] -= 1
            load[host][d] += 1
        open_[host] = [
            n
            for n in open_[host]
            if spans[n][1] < s or spans[n][0] > e or min(h_free[spans[n][0] : spans[n][1] + 1]) > 0
        ]
        placed.append(
            Placement(
                cand.person_id,
                host,
                first + timedelta(days=s),
                first + timedelta(days=e),
                cand.priority,
            )
        )
    return placed, unplaced


def _reason(
    cand: Candidate, hosting: dict[uuid.UUID, list[bool]], spans: Sequence[tuple[int, int]]
) -> str:
    hosts = [h for h in cand.hosts if h in hosting and any(hosting[h])]
    if not hosts:
        return "no_host"
    free_of_person = [cand.busy.find(1, s, e + 1) == -1 for s, e in spans]
    if not any(free_of_person):
        return "unavailable"
    if not any(hosting[h][n] for h in hosts for n, ok in enumerate(free_of_person) if ok):
        return "host_closed"
    return "no_places"
