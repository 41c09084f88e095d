"""What a package may carry: confidential records only by the coordinator's act, nothing local.

Issue 10 "Why" #3, #4 and #5, each as the attack that must now fail.
"""

from __future__ import annotations

import json

from sqlalchemy import select

from app.core.context import CENTRE_OFFICER, COORDINATOR, MENTOR, Actor
from app.core.settings import set_setting
from app.core.store import Store
from app.evaluation.sampling import draw
from app.exchange.export import export_package
from app.exchange.state import peer, set_node_name, set_peer_confidential
from app.exchange.unpack import unpack
from app.mentoring import journal, service
from app.security.authentication import try_login
from app.security.dto import UserInput
from app.security.service import LOGIN_REQUIRED_KEY, create_user
from db.models import Person
from tests.app.mentoring.conftest import TODAY, World, world  # noqa: F401  (the fixture)
from tests.app.security.helpers import add_judge

PASS = "correct horse battery"
SECRET = "құпия ой, тек жұпқа"
COORD = Actor("coordinator", frozenset({COORDINATOR}))
OFFICER = Actor("officer", frozenset({CENTRE_OFFICER}))
CASES = [f"2-{n:04d}-26" for n in range(1, 40)]


def _package(store: Store, actor: Actor, to: str, passphrase: str = PASS) -> dict[str, object]:
    """Export, then read the package back as its recipient would."""
    with store.write() as s:
        data, _ = export_package(s, actor, to, passphrase)
    return unpack(data, passphrase)


def _setup(store: Store, actor: Actor, pieces: World) -> None:
    with store.write() as s:
        set_node_name(s, actor, "district")
        pair = service.propose_pair(
            s, actor, pieces.protege, pieces.tutor, kind="tutor", starts_on=TODAY
        )
        pair = service.activate_pair(s, actor, pair.id)
    guide = Actor("g", frozenset({MENTOR}), person_id=pieces.tutor)
    with store.write() as s:
        journal.log_meeting(s, guide, pair.id, TODAY, "Бірінші кездесу", notes=SECRET)
        judge = s.scalars(select(Person.id).where(Person.role == "judge")).first()
        assert judge is not None
        draw(s, COORD, judge, CASES, size=5, seed=11)
        set_peer_confidential(s, COORD, "centre", True)  # the coordinator's PC


def test_10_3_an_officer_cannot_send_confidential_records_nor_move_the_coordinators_marker(
    store: Store,
    actor: Actor,
    world,  # noqa: F811  (the mentoring fixture imported above)
) -> None:
    _setup(store, actor, world)
    # The attack: an officer exports to the entitled centre with a passphrase of their own.
    body = _package(store, OFFICER, "centre", "the officer's own passphrase")
    text = json.dumps(body, ensure_ascii=False)
    assert "mentoring_meeting" not in body["tables"]  # type: ignore[operator]
    assert "eval_sample_key" not in body["tables"]  # type: ignore[operator]
    assert SECRET not in text
    assert not any(c in text for c in CASES)
    with store.read() as s:
        centre = peer(s, "centre", create=False)
        assert centre is not None and centre.last_export_at is None  # the marker did not move
        assert centre.sent_seq == 0  # not a numbered package: the centre cannot acknowledge it
    # The coordinator's package still carries everything, the meeting included.
    body = _package(store, COORD, "centre")
    tables = body["tables"]
    assert [m["v"]["notes"] for m in tables["mentoring_meeting"]] == [SECRET]  # type: ignore[index]
    keys = {k["v"]["case_number"] for k in tables["eval_sample_key"]}  # type: ignore[index]
    assert len(keys) == 5 and keys <= set(CASES)
    with store.read() as s:
        centre = peer(s, "centre", create=False)
        assert centre is not None and centre.last_export_at is not None


def test_10_4_the_sampling_key_never_reaches_a_peer_not_entitled(
    store: Store,
    actor: Actor,
    world,  # noqa: F811
) -> None:
    _setup(store, actor, world)
    body = _package(store, COORD, "another district")
    assert "eval_sample_key" not in body["tables"]  # type: ignore[operator]
    assert "eval_sample_item" in body["tables"]  # type: ignore[operator]  (codes only)
    assert not any(c in json.dumps(body, ensure_ascii=False) for c in CASES)


def test_10_5_users_logins_and_settings_never_enter_a_package(store: Store, actor: Actor) -> None:
    with store.write() as s:
        set_node_name(s, actor, "district")
        create_user(
            s,
            actor,
            UserInput("clerk_tolkyn", "Толқын", frozenset({COORDINATOR}), "a long password 1"),
        )
        set_setting(s, actor, "ui.some_local_choice", "a local value")
        set_setting(s, actor, LOGIN_REQUIRED_KEY, "1")
        add_judge(s, actor, 7, "Серікова")
    for password in ("wrong password", "a long password 1"):
        with store.write() as s:
            try_login(s, "clerk_tolkyn", password)
    with store.write() as s:
        data, _ = export_package(s, actor, "centre", PASS)
    body = unpack(data, PASS)
    text = json.dumps(body, ensure_ascii=False)
    for table in ("app_user", "login_attempt", "setting", "exchange_peer", "exchange_row_state"):
        assert table not in body["tables"]
    assert body["audit"], "ordinary audit entries still travel"
    assert not [e for e in body["audit"] if e["entity"] in ("user", "setting", "store")]
    assert not [e for e in body["audit"] if e["action"] == "login"]
    for leaked in ("clerk_tolkyn", "argon2", "a local value", "ui.some", LOGIN_REQUIRED_KEY):
        assert leaked not in text
    assert "Серікова" in text  # the package was read, not an empty shell
