"""Names people read in the audit log: actions, kinds of record, and the codes in values."""

from __future__ import annotations

import importlib
from collections.abc import Iterable, Mapping

from app.core.permissions import ROLE_LABELS
from i18n import N_

ACTIONS: dict[str, str] = {
    "create": N_("Creation"),
    "update": N_("Change"),
    "delete": N_("Deletion"),
    "rate": N_("Rating"),
    "sign": N_("Signing"),
    "review": N_("Review"),
    "attach": N_("File attached"),
    "acknowledge": N_("Acknowledgement"),
    "attendance": N_("Attendance marked"),
    "demo": N_("Demo data"),
    "draw": N_("Sample drawn"),
    "export": N_("Export"),
    "import": N_("Import"),
    "feedback": N_("Feedback"),
    "login": N_("Sign-in"),
    "plan": N_("Planning"),
    "read_key": N_("Key read"),
    "register": N_("Registration"),
    "unregister": N_("Registration cancelled"),
    "resolve": N_("Conflict resolved"),
    "unlock": N_("Unlocking"),
    "lock": N_("Locking"),
    "reset_password": N_("Password reset"),
    "login_failed": N_("Failed sign-in"),
    "login_alert": N_("Repeated failed sign-ins"),
    "refuse": N_("Refused for lack of permission"),
    "restore": N_("Restore from a backup"),
}

ENTITIES: dict[str, str] = {
    "person": N_("Person"),
    "court": N_("Court"),
    "holiday": N_("Holiday"),
    "setting": N_("Setting"),
    "store": N_("Database"),
    "command": N_("Command"),
    "user": N_("User"),
    "cpd_activity": N_("CPD activity"),
    "cpd_exemption": N_("CPD exemption"),
    "cpd_form": N_("CPD form"),
    "cpd_report": N_("CPD report"),
    "cpd_rule_set": N_("CPD rules"),
    "eval_round": N_("Evaluation round"),
    "eval_sample_draw": N_("Sample draw"),
    "eval_sheet": N_("Evaluation sheet"),
    "eval_template": N_("Evaluation template"),
    "eval_protocol": N_("Evaluation commission protocol"),
    "monitoring_line": N_("Appeal monitoring data"),
    "court_office": N_("Court office holder"),
    "exchange_package": N_("Exchange package"),
    "exchange_peer": N_("Exchange partner"),
    "internship": N_("Internship"),
    "staff_adaptation": N_("Staff adaptation"),
    "staff_internship": N_("Civil servant's internship"),
    "candidate_places": N_("Places for candidates"),
    "internship_host_blackout": N_("Host court closed period"),
    "internship_host_offer": N_("Host court offer"),
    "person_busy_period": N_("Busy period"),
    "quality_indicator": N_("Quality indicator"),
    "mentoring": N_("Mentoring"),
    "mentoring_pair": N_("Mentoring pair"),
    "mentoring_career_event": N_("Career event"),
    "mentoring_caseload_order": N_("Caseload reduction order"),
    "mentoring_decision": N_("Council decision"),
    "mentoring_extension": N_("Term extension"),
    "mentoring_hearing_review": N_("Hearing review"),
    "mentoring_meeting": N_("Mentoring meeting"),
    "mentoring_petition": N_("Petition"),
    "mentoring_programme": N_("Mentoring programme"),
    "mentoring_protocol": N_("Council protocol"),
    "mentoring_protocol_copy": N_("Protocol copy"),
    "mentoring_report": N_("Mentoring report"),
    "mentoring_roster_order": N_("Roster order"),
    "mentoring_seminar": N_("Seminar"),
    "mentoring_seminar_invitation": N_("Seminar invitation"),
    "mentoring_wish": N_("Protégé's wish"),
    "training_event": N_("Training event"),
    "training_need": N_("Training need"),
    "training_plan": N_("Training plan"),
    "training_registration": N_("Training registration"),
    "training_session": N_("Training session"),
}

# Codes a field's values are written in, by (entity, field); entity "" is any entity. Features
# register their vocabularies (app/<feature>/vocab.py) at import: the kernel cannot import them.
_VALUES: dict[tuple[str, str], Mapping[str, str]] = {}
# The modules that register, loaded by name when the log is first read: the kernel stays free
# of features at import (the layers contract), yet every caller sees every vocabulary, not only
# those its process happened to import (tests/app/core/test_audit_every_key.py keeps it whole).
PROVIDERS = (
    "app.people.vocab",
    "app.mentoring.vocab",
    "app.cpd.vocab",
    "app.staff.vocab",
    "app.training.vocab",
    "app.internships.vocab",
    "app.evaluation.vocab",
)
_loaded = False


def load_vocabularies() -> None:
    """Import every registering module once (a missing one is a build error, not hidden)."""
    global _loaded
    if not _loaded:
        for name in PROVIDERS:
            importlib.import_module(name)
        _loaded = True


def register_values(fields: Iterable[str], names: Mapping[str, str], *, entity: str = "") -> None:
    """Show the codes of these fields (of one kind of record, or of any) by these names."""
    for field in fields:
        _VALUES[(entity, field)] = names


def value_names(entity: str, field: str) -> Mapping[str, str] | None:
    """The names of a field's codes, the entity's own before any entity's; None if free text."""
    load_vocabularies()
    return _VALUES.get((entity, field)) or _VALUES.get(("", field))


def vocabularies() -> dict[tuple[str, str], Mapping[str, str]]:
    """Every registered vocabulary (for the test that no code is shown raw)."""
    load_vocabularies()
    return dict(_VALUES)


YES_NO = {"1": N_("yes"), "0": N_("no"), "true": N_("yes"), "false": N_("no")}
# Why a sign-in failed (app/security/lockout.py stores these English phrases).
LOGIN_REASONS = {
    "unknown name": N_("Unknown user name"),
    "wrong password": N_("Wrong password"),
    "attempt during the wait": N_("Attempt during the wait"),
    "locked by an administrator": N_("Locked by an administrator"),
}
# What a refused command needed (app/core/permissions.py), as an administrator reads it.
PERMISSIONS = {
    "people.edit": N_("Edit the people register"),
    "courts.edit": N_("Edit the courts"),
    "courts.coordinator": N_("Name the coordinator"),
    "settings.edit": N_("Change the settings"),
    "users.manage": N_("Manage users"),
    "audit.read": N_("Read the audit log"),
    "exchange": N_("Exchange packages"),
    "import": N_("Import files"),
    "mentoring.confidential": N_("Read confidential mentoring records"),
    "mentoring.keep": N_("Keep a pair's journal"),
    "mentoring.manage": N_("Manage mentoring"),
    "personal_files.read": N_("Read personal files"),
    "cpd.keep": N_("Keep CPD ledgers"),
    "cpd.review": N_("Check CPD records"),
    "cpd.rules": N_("Set the CPD rules"),
    "training.manage": N_("Manage training"),
    "evaluation.manage": N_("Manage evaluation rounds"),
    "evaluation.templates": N_("Edit evaluation templates"),
    "evaluation.rate": N_("Rate evaluation sheets"),
    "internships.edit": N_("Edit internships"),
    "internships.plan": N_("Plan internships"),
    "internships.candidate_places": N_("Propose places for candidates"),
    "staff.keep": N_("Keep staff adaptation and internships"),
    "registers.read": N_("Read the registers"),
    "store.backup": N_("Back up the database"),
    "store.restore": N_("Restore the database"),
}
register_values(["permission"], PERMISSIONS, entity="command")
register_values(["roles", "role"], ROLE_LABELS, entity="user")
# How an exchange conflict was settled (app/exchange/conflicts.py), on whatever record it was.
SETTLED = {"kept_mine": N_("This PC's version kept"), "took_theirs": N_("Partner's version taken")}
register_values(["conflict"], SETTLED)
# What an exchange partner keeps (app/exchange/signing.py OWNS_*).
OWNS = {"region": N_("The whole region"), "courts": N_("The chosen courts")}
register_values(["owns"], OWNS, entity="exchange_peer")
register_values(["reason"], LOGIN_REASONS, entity="user")
register_values(["security.login_required"], YES_NO, entity="setting")
register_values(["scale"], {"region": N_("One region"), "national": N_("The whole country")})
