"""M-9 in exchange packages: a pair's meetings reach only peers entitled to them.

(The services refusing another pair's meetings to a mentor are tested in
tests/app/mentoring/test_services.py; this covers the package path.)
"""

from __future__ import annotations

import json

from app.core.context import COORDINATOR, MENTOR, Actor
from app.core.store import Store
from app.exchange.export import build_body
from app.exchange.state import set_node_name, set_peer_confidential
from app.mentoring import journal, service
from tests.app.mentoring.conftest import TODAY, world  # noqa: F401  (the fixture)

SECRET = "құпия ой, тек жұпқа"
COORD = Actor("coordinator", frozenset({COORDINATOR}))


def test_meetings_stay_out_of_packages_to_peers_not_entitled(
    store: Store,
    actor: Actor,
    world,  # noqa: F811  (the mentoring fixture imported above)
) -> None:
    with store.write() as s:
        set_node_name(s, actor, "district")
        pair = service.propose_pair(
            s, actor, world.protege, world.tutor, kind="tutor", starts_on=TODAY
        )
        pair = service.activate_pair(s, actor, pair.id)
    guide = Actor("g", frozenset({MENTOR}), person_id=world.tutor)
    with store.write() as s:
        journal.log_meeting(s, guide, pair.id, TODAY, "Бірінші кездесу", notes=SECRET)
    with store.write() as s:
        body, _ = build_body(s, COORD, "another district")
    text = json.dumps(body, ensure_ascii=False)
    assert "mentoring_meeting" not in body["tables"]
    assert SECRET not in text and "Бірінші кездесу" not in text
    assert "mentoring_pair" in body["tables"]  # the pair itself is not confidential

    with store.write() as s:
        set_peer_confidential(s, COORD, "centre", True)  # the coordinator's PC
    with store.write() as s:
        body, _ = build_body(s, COORD, "centre")
    assert [m["v"]["notes"] for m in body["tables"]["mentoring_meeting"]] == [SECRET]
