"""Packages lost and reordered between three PCs; all equal once the last ones arrive (issue 15)."""

from __future__ import annotations

import random
from dataclasses import replace

import pytest

from app.core.context import Actor
from app.core.store import Store
from app.exchange.apply import import_package
from app.exchange.conflicts import list_conflicts
from app.exchange.export import export_package
from app.people.service import get_person, update_person
from tests.app.exchange.conftest import pair_stores
from tests.app.exchange.test_exchange import snapshot
from tests.app.exchange.test_owners_and_identities import third  # noqa: F401  (the fixture)
from tests.app.security.helpers import add_judge

PASS = "correct horse battery"
DEMO = Actor("demo")
LINKS = [
    ("district", "centre"),
    ("centre", "district"),
    ("district2", "centre"),
    ("centre", "district2"),
]


@pytest.mark.parametrize("seed", [15, 7])
def test_15_lost_and_reordered_packages_between_three_pcs_end_equal(
    two_stores: tuple[Store, Store],
    third: Store,  # noqa: F811
    seed: int,
) -> None:
    district, centre = two_stores
    pair_stores(third, "district2", centre, "centre")
    pcs = {"district": district, "centre": centre, "district2": third}
    rng = random.Random(seed)
    mine: dict[str, list[object]] = {name: [] for name in pcs}
    serial = 0
    mail: list[tuple[str, bytes]] = []
    for _ in range(4):
        for name, store in pcs.items():
            serial += 1
            with store.write() as s:
                mine[name].append(add_judge(s, DEMO, serial * 10, "Жаңа").id)
                old = mine[name][rng.randrange(len(mine[name]))]
                seen = get_person(s, old)  # type: ignore[arg-type]
                notes = f"{name} {serial}"
                update_person(s, DEMO, old, replace(seen.data, notes=notes), seen.version)  # type: ignore[arg-type]
        for src, dst in LINKS:
            with pcs[src].write() as s:
                data, _ = export_package(s, DEMO, dst, PASS)
            mail.append((dst, data))
        rng.shuffle(mail)
        kept = [m for m in mail if rng.random() > 0.4]  # the rest are lost
        for dst, data in kept[: len(kept) // 2]:
            with pcs[dst].write() as s:
                import_package(s, DEMO, data, PASS)
        mail = kept[len(kept) // 2 :]  # still on their way, delivered later out of order
    for dst, data in mail:
        with pcs[dst].write() as s:
            import_package(s, DEMO, data, PASS)
    for _ in range(2):  # the last packages, each delivered
        for src, dst in LINKS:
            with pcs[src].write() as s:
                data, _ = export_package(s, DEMO, dst, PASS)
            with pcs[dst].write() as s:
                import_package(s, DEMO, data, PASS)
    for store in pcs.values():
        with store.read() as s:
            assert list_conflicts(s, DEMO) == []
    first = snapshot(centre, content_only=True)
    assert len([k for k in first if k.startswith("person:")]) == 12
    assert snapshot(district, content_only=True) == first
    assert snapshot(third, content_only=True) == first
