"""The one table of what each role may do, and the one M-9 answer on who sees a mentoring pair."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from app.core.context import ADMINISTRATOR, CENTRE_OFFICER, COORDINATOR, HR, MENTOR, VIEWER, Actor
from app.core.errors import PermissionDeniedError
from i18n import N_

if TYPE_CHECKING:  # annotations only: uuid imports platform, ~2 ms on the window's start path
    import uuid

PEOPLE_EDIT = "people.edit"
COURTS_EDIT = "courts.edit"
# M-6: naming a region's coordinator gives that person the coordinator's permissions there.
COORDINATOR_NAME = "courts.coordinator"
SETTINGS_EDIT = "settings.edit"
USERS_MANAGE = "users.manage"
AUDIT_READ = "audit.read"
EXCHANGE = "exchange"
IMPORT = "import"
# M-9: confidential mentoring records of the pairs of the actor's region (the coordinator).
CONFIDENTIAL_READ = "mentoring.confidential"
# M-6: rosters, pairs, protocols and seminars are kept by the centre and the coordinator.
MENTORING_KEEP = "mentoring.keep"
# M-1, M-6: approving rosters and overruling the roster rules is the coordinator's.
MENTORING_MANAGE = "mentoring.manage"
# M-11: the protocol copies sent to HR for the judges' personal files.
PERSONAL_FILES_READ = "personal_files.read"
CPD_KEEP = "cpd.keep"  # keep anyone's CPD ledger, exemptions, imports (C-3, C-4)
CPD_REVIEW = "cpd.review"  # the responsible officer's check and acceptance (C-5, C-6)
CPD_RULES = "cpd.rules"  # rule sets and activity forms (C-1, C-9)
TRAINING_MANAGE = "training.manage"  # events, sessions, attendance, the plan (T-2, T-3)
EVALUATION_MANAGE = "evaluation.manage"  # rounds, random samples and their keys (E-1, E-2)
EVALUATION_TEMPLATES = "evaluation.templates"
EVALUATION_RATE = "evaluation.rate"
INTERNSHIPS_EDIT = "internships.edit"
INTERNSHIPS_PLAN = "internships.plan"  # hosts, places, quality indicators, the year's plan
CANDIDATE_PLACES = "internships.candidate_places"  # I-3: HR proposes places for candidates
# S-1, S-2: staff adaptation and civil servants' internships are the HR service's work (seed 003
# §7.1.5–7.1.6, the regulation of the HR department), kept by the centre as well.
STAFF_KEEP = "staff.keep"
# Reading the registers and printing reports: every signed-in user (finer rules, such as M-9,
# apply inside the queries); a login is what it guards (issue 10, Why #1).
READ = "registers.read"
# A backup holds the whole store (confidential reports, password hashes); a restore replaces
# it, users and login setting included (issue 10, Why #1, #2): the administrator's acts.
STORE_BACKUP = "store.backup"
STORE_RESTORE = "store.restore"

_CENTRE = frozenset(
    {
        PEOPLE_EDIT,
        COURTS_EDIT,
        EXCHANGE,
        IMPORT,
        MENTORING_KEEP,
        CPD_KEEP,
        TRAINING_MANAGE,
        EVALUATION_RATE,
        INTERNSHIPS_EDIT,
        INTERNSHIPS_PLAN,
        STAFF_KEEP,
    }
)

ROLE_PERMISSIONS: dict[str, frozenset[str]] = {
    ADMINISTRATOR: frozenset(
        {
            READ,
            STORE_BACKUP,
            STORE_RESTORE,
            PEOPLE_EDIT,
            COURTS_EDIT,
            COORDINATOR_NAME,
            SETTINGS_EDIT,
            USERS_MANAGE,
            AUDIT_READ,
            EXCHANGE,
            IMPORT,
            MENTORING_KEEP,
            CPD_KEEP,
            CPD_REVIEW,
            CPD_RULES,
            TRAINING_MANAGE,
            EVALUATION_TEMPLATES,
            STAFF_KEEP,
        }
    ),
    COORDINATOR: _CENTRE
    | {
        READ,
        AUDIT_READ,
        CONFIDENTIAL_READ,
        MENTORING_MANAGE,
        CPD_RULES,
        EVALUATION_MANAGE,
        EVALUATION_TEMPLATES,
        CANDIDATE_PLACES,
    },
    CENTRE_OFFICER: _CENTRE | {READ, CPD_REVIEW},
    MENTOR: frozenset({READ, EVALUATION_RATE}),
    HR: frozenset({READ, PERSONAL_FILES_READ, INTERNSHIPS_EDIT, CANDIDATE_PLACES, STAFF_KEEP}),
    VIEWER: frozenset({READ}),  # reads the registers
}

# The plain refusal a feature gives when it has no more specific sentence.
REFUSED = N_("You may not do this.")

ROLE_LABELS: dict[str, str] = {
    ADMINISTRATOR: N_("Administrator"),
    COORDINATOR: N_("Coordinator"),
    CENTRE_OFFICER: N_("Training centre officer"),
    MENTOR: N_("Mentor or tutor"),
    HR: N_("HR service"),
    VIEWER: N_("Viewer"),
}


def permissions_of(actor: Actor) -> frozenset[str]:
    """Every permission the actor's roles grant: a person holding two roles gets the union."""
    granted: set[str] = set()
    for role in actor.roles:
        granted |= ROLE_PERMISSIONS.get(role, frozenset())
    return frozenset(granted)


def can(actor: Actor, permission: str) -> bool:
    """Tell whether the actor holds a permission."""
    return permission in permissions_of(actor)


def require(actor: Actor, permission: str, refusal: str = "") -> None:
    """Refuse (PermissionDeniedError) unless the actor holds the permission.

    `refusal` is the catalog message saying what was refused; without it a generic one.
    """
    if can(actor, permission):
        return
    if refusal:
        raise PermissionDeniedError(refusal)
    raise PermissionDeniedError(
        N_("{user} may not do this (permission \u201c{permission}\u201d)."),
        user=actor.name,
        permission=permission,
    )


# M-9 (issue 10, Why #6): an aggregate of fewer confidential ratings than this lets a reader
# work out one protégé's rating; reports and screens show "—" with a note instead.
MIN_CONFIDENTIAL_RATINGS = 3


def disclosable(ratings: int) -> bool:
    """Whether an aggregate over this many confidential ratings may be shown (M-9)."""
    return ratings >= MIN_CONFIDENTIAL_RATINGS


# M-9 (seed 002 cl. 4), decided here and nowhere else.
GUIDE = "guide"
PROTEGE = "protege"
COORDINATOR_PART = "coordinator"


@dataclass(frozen=True)
class PairScope:
    """Which pairs an actor may see: every pair of `regions` (None: every region) plus the
    pairs where `person_id` is the guide or the protégé.
    """

    all_regions: bool
    regions: frozenset[str]
    person_id: uuid.UUID | None

    def covers(self, guide_id: uuid.UUID, protege_id: uuid.UUID, region_code: str) -> bool:
        """Whether a pair is inside the scope."""
        if self.person_id is not None and self.person_id in (guide_id, protege_id):
            return True
        return self.all_regions or region_code in self.regions


def pair_scope(actor: Actor, *, confidential: bool = True) -> PairScope:
    """M-9: which pairs an actor sees.

    Confidential records: a coordinator sees every pair of their region (an actor bound to no
    region, the "no login" install of one centre, sees the whole store); a tutor or mentor,
    and a protégé, only their own pairs; two roles give the union; nobody else any.
    The public part of pairs (who guides whom, dates, state) is also for those who keep the
    pairs (M-6: the training centre), within their region the same way.
    """
    keeps = can(actor, CONFIDENTIAL_READ) or (not confidential and can(actor, MENTORING_KEEP))
    if not keeps:
        return PairScope(False, frozenset(), actor.person_id)
    if not actor.region_code:
        return PairScope(True, frozenset(), actor.person_id)
    return PairScope(False, frozenset({actor.region_code}), actor.person_id)


def pair_part(actor: Actor, guide_id: uuid.UUID, protege_id: uuid.UUID, region_code: str) -> str:
    """The actor's part in a pair: guide, protege, coordinator; or "" for none (M-9)."""
    if actor.person_id is not None and actor.person_id == guide_id:
        return GUIDE
    if actor.person_id is not None and actor.person_id == protege_id:
        return PROTEGE
    if pair_scope(actor).covers(guide_id, protege_id, region_code):
        return COORDINATOR_PART
    return ""


def require_pair(actor: Actor, guide_id: uuid.UUID, protege_id: uuid.UUID, region_code: str) -> str:
    """The actor's part in a pair, or PermissionDeniedError when they have none (M-9)."""
    part = pair_part(actor, guide_id, protege_id, region_code)
    if not part:
        raise PermissionDeniedError(
            N_(
                "What a mentor and a protégé share is confidential: only the pair and the "
                "coordinator of the region may see it."
            )
        )
    return part
