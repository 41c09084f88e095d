"""Who is acting: every service call names its actor, for the audit log and permissions."""

from __future__ import annotations

import getpass
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # uuid (and platform behind it) stays off the GUI start path
    import uuid

ADMINISTRATOR = "administrator"
COORDINATOR = "coordinator"
CENTRE_OFFICER = "centre_officer"
MENTOR = "mentor"
HR = "hr"
VIEWER = "viewer"
ROLES = (ADMINISTRATOR, COORDINATOR, CENTRE_OFFICER, MENTOR, HR, VIEWER)


@dataclass(frozen=True)
class Actor:
    """The person behind a change; roles are enforced by services."""

    name: str
    roles: frozenset[str] = field(
        default_factory=lambda: frozenset({ADMINISTRATOR, COORDINATOR, CENTRE_OFFICER})
    )
    # The person record of a user who is also a judge (a mentor sees only their own pairs).
    person_id: uuid.UUID | None = None
    # The region a coordinator answers for (M-6, M-9): that of their person's court, set at
    # login; "" for an actor bound to no region (the single-user install of one centre).
    region_code: str = ""

    def has_role(self, role: str) -> bool:
        """Tell whether the actor holds a role."""
        return role in self.roles


SYSTEM = Actor("system")


def local_actor() -> Actor:
    """The operating-system user of a "no login" single-user install: the centre's coordinator."""
    try:
        name = getpass.getuser()
    except (OSError, KeyError):
        name = "local"
    return Actor(name)
