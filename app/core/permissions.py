"""What each role may do, and the one check services call: ``require(actor, permission)``."""

from __future__ import annotations

import uuid

from app.core.context import ADMINISTRATOR, CENTRE_OFFICER, COORDINATOR, HR, MENTOR, VIEWER, Actor
from app.core.errors import PermissionDeniedError
from i18n import N_

PEOPLE_READ = "people.read"
PEOPLE_EDIT = "people.edit"
COURTS_EDIT = "courts.edit"
SETTINGS_EDIT = "settings.edit"
USERS_MANAGE = "users.manage"
AUDIT_READ = "audit.read"
BACKUP = "backup"
EXCHANGE = "exchange"
IMPORT = "import"
# M-9: confidential mentoring records are for the pair and the coordinator only.
CONFIDENTIAL_READ = "mentoring.confidential"
MENTORING_MANAGE = "mentoring.manage"
OWN_PAIRS = "mentoring.own_pairs"
PERSONAL_FILES_READ = "personal_files.read"

ROLE_PERMISSIONS: dict[str, frozenset[str]] = {
    ADMINISTRATOR: frozenset(
        {
            PEOPLE_READ,
            PEOPLE_EDIT,
            COURTS_EDIT,
            SETTINGS_EDIT,
            USERS_MANAGE,
            AUDIT_READ,
            BACKUP,
            EXCHANGE,
            IMPORT,
        }
    ),
    COORDINATOR: frozenset(
        {
            PEOPLE_READ,
            PEOPLE_EDIT,
            COURTS_EDIT,
            AUDIT_READ,
            EXCHANGE,
            IMPORT,
            CONFIDENTIAL_READ,
            MENTORING_MANAGE,
            OWN_PAIRS,
        }
    ),
    CENTRE_OFFICER: frozenset({PEOPLE_READ, PEOPLE_EDIT, COURTS_EDIT, EXCHANGE, IMPORT}),
    MENTOR: frozenset({PEOPLE_READ, OWN_PAIRS}),
    HR: frozenset({PEOPLE_READ, PERSONAL_FILES_READ}),
    VIEWER: frozenset({PEOPLE_READ}),
}

ROLE_LABELS: dict[str, str] = {
    ADMINISTRATOR: N_("Administrator"),
    COORDINATOR: N_("Coordinator"),
    CENTRE_OFFICER: N_("Training centre officer"),
    MENTOR: N_("Mentor or tutor"),
    HR: N_("HR service"),
    VIEWER: N_("Viewer"),
}


def permissions_of(actor: Actor) -> frozenset[str]:
    """Every permission the actor's roles grant."""
    granted: set[str] = set()
    for role in actor.roles:
        granted |= ROLE_PERMISSIONS.get(role, frozenset())
    return frozenset(granted)


def can(actor: Actor, permission: str) -> bool:
    """Tell whether the actor holds a permission."""
    return permission in permissions_of(actor)


def require(actor: Actor, permission: str) -> None:
    """Refuse (PermissionDeniedError) unless the actor holds the permission."""
    if not can(actor, permission):
        raise PermissionDeniedError(
            N_("{user} may not do this (permission \u201c{permission}\u201d)."),
            user=actor.name,
            permission=permission,
        )


def may_see_pair(actor: Actor, *members: uuid.UUID | None) -> bool:
    """M-9: a mentoring pair's confidential records are for the pair and the coordinator."""
    if can(actor, CONFIDENTIAL_READ):
        return True
    return actor.person_id is not None and actor.person_id in members


def require_pair(actor: Actor, *members: uuid.UUID | None) -> None:
    """Refuse unless the actor is one of the pair or a coordinator (M-9)."""
    if not may_see_pair(actor, *members):
        raise PermissionDeniedError(
            N_("Mentoring records are confidential: only the pair and the coordinator see them.")
        )
