"""Users and roles: argon2 hashes, login, lock-out, first run, "no login", permissions."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from app.core.context import ADMINISTRATOR, COORDINATOR, HR, MENTOR, VIEWER, Actor
from app.core.errors import PermissionDeniedError, ValidationError
from app.core.permissions import (
    CONFIDENTIAL_READ,
    PEOPLE_EDIT,
    USERS_MANAGE,
    can,
    require,
)
from app.core.settings import set_setting
from app.core.store import Store
from app.courts.dto import DistrictCourtInput
from app.courts.service import add_district_court, list_courts
from app.people.service import delete_person, update_person
from app.security.authentication import LoginError, login
from app.security.dto import UserInput
from app.security.service import (
    choose_no_login,
    create_first_administrator,
    create_user,
    list_users,
    login_mode,
    needs_first_run,
    startup_actor,
)
from db.models import AuditEntry, User
from tests.app.security.helpers import add_judge, judge_input


def _admin(store: Store) -> Actor:
    with store.write() as s:
        create_first_administrator(s, UserInput("admin", "Әкімші", frozenset(), "s3cret-pass"))
    return login(store, "admin", "s3cret-pass")


def test_first_run_creates_administrator_with_argon2_hash(store: Store) -> None:
    with store.read() as s:
        assert needs_first_run(s)
    admin = _admin(store)
    assert admin.name == "admin" and admin.has_role(ADMINISTRATOR)
    with store.read() as s:
        assert not needs_first_run(s)
        assert login_mode(s) == "login"
        assert startup_actor(s) is None  # a login is needed
        stored_hash = s.scalars(select(User.password_hash)).one()
    assert stored_hash.startswith("$argon2id$")
    assert "s3cret-pass" not in stored_hash
    with pytest.raises(PermissionDeniedError), store.write() as s:
        create_first_administrator(s, UserInput("again", "", frozenset(), "another-pass"))


def test_no_login_mode_is_an_explicit_choice(store: Store) -> None:
    with store.read() as s:
        assert startup_actor(s) is None  # nothing chosen yet: the first-run wizard asks
    with store.write() as s:
        choose_no_login(s)
    with store.read() as s:
        assert login_mode(s) == "none"
        local = startup_actor(s)
    assert local is not None and local.has_role(ADMINISTRATOR)


def test_unknown_user_and_wrong_password_read_alike(store: Store) -> None:
    _admin(store)
    with pytest.raises(LoginError) as unknown:
        login(store, "nobody", "whatever-pass")
    with pytest.raises(LoginError) as wrong:
        login(store, "admin", "whatever-pass")
    assert unknown.value.message() == wrong.value.message()


def test_user_validation_lists_every_problem(store: Store) -> None:
    admin = _admin(store)
    with pytest.raises(ValidationError) as err, store.write() as s:
        create_user(s, admin, UserInput("ADMIN", "", frozenset({"pope"}), "short"))
    assert {e.field for e in err.value.errors} == {"username", "roles", "password"}


def test_role_table() -> None:
    assert can(Actor("a", frozenset({ADMINISTRATOR})), USERS_MANAGE)
    assert not can(Actor("a", frozenset({ADMINISTRATOR})), CONFIDENTIAL_READ)  # M-9
    assert can(Actor("c", frozenset({COORDINATOR})), CONFIDENTIAL_READ)  # M-9
    assert not can(Actor("m", frozenset({MENTOR})), PEOPLE_EDIT)
    assert not can(Actor("h", frozenset({HR})), PEOPLE_EDIT)
    with pytest.raises(PermissionDeniedError):
        require(Actor("v", frozenset({VIEWER})), PEOPLE_EDIT)


def test_services_refuse_roles_without_permission(store: Store, actor: Actor) -> None:
    """Permissions live in app services, not in widgets: a viewer cannot write anything."""
    viewer = Actor("viewer", frozenset({VIEWER}))
    mentor = Actor("mentor", frozenset({MENTOR}))
    with store.write() as s:
        dto = add_judge(s, actor, 5)
        regional = list_courts(s, level="regional")[0]
    for who in (viewer, mentor):
        with pytest.raises(PermissionDeniedError), store.write() as s:
            add_judge(s, who, 6)
        with pytest.raises(PermissionDeniedError), store.write() as s:
            update_person(s, who, dto.id, judge_input(s, 5, surname="Өзгерген"), dto.version)
        with pytest.raises(PermissionDeniedError), store.write() as s:
            delete_person(s, who, dto.id, dto.version)
        with pytest.raises(PermissionDeniedError), store.write() as s:
            add_district_court(s, who, DistrictCourtInput(regional.id, "Жаңа сот", "Новый суд"))
        with pytest.raises(PermissionDeniedError), store.write() as s:
            set_setting(s, who, "centre_id", "")
        with pytest.raises(PermissionDeniedError), store.write() as s:
            list_users(s, who)


def test_audit_log_names_the_logged_in_user(store: Store) -> None:
    admin = _admin(store)
    with store.write() as s:
        create_user(
            s, admin, UserInput("officer", "Officer", frozenset({"centre_officer"}), "officer-pass")
        )
    officer = login(store, "officer", "officer-pass")
    with store.write() as s:
        dto = add_judge(s, officer, 7)
    with store.read() as s:
        who = s.scalars(select(AuditEntry.actor).where(AuditEntry.entity_id == str(dto.id))).one()
    assert who == "officer"


def test_pair_confidentiality_m9() -> None:
    """M-9: a mentor sees their own pair only; the coordinator sees every pair."""
    import uuid

    from app.core.errors import PermissionDeniedError as Denied
    from app.core.permissions import pair_part, require_pair

    def may_see_pair(actor: Actor, guide: uuid.UUID, protege: uuid.UUID) -> bool:
        return bool(pair_part(actor, guide, protege, "AKM"))

    mentor_id, protege_id, other = uuid.uuid4(), uuid.uuid4(), uuid.uuid4()
    mentor = Actor("m", frozenset({MENTOR}), mentor_id)
    assert may_see_pair(mentor, mentor_id, protege_id)
    assert not may_see_pair(mentor, other, protege_id)
    assert not may_see_pair(Actor("admin", frozenset({ADMINISTRATOR})), mentor_id, protege_id)
    assert may_see_pair(Actor("c", frozenset({COORDINATOR})), other, protege_id)
    with pytest.raises(Denied):
        require_pair(Actor("m2", frozenset({MENTOR})), mentor_id, protege_id, "AKM")
