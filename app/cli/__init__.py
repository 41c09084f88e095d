"""Headless commands; each feature module registers its sub-commands here."""

from __future__ import annotations

from app.core import permissions as perm

# Modules with register(commands, reports): add a feature's module to this tuple.
COMMAND_MODULES: tuple[str, ...] = (
    "app.cli.core",
    "app.cli.reports",
    # security's `import`/`template` take a positional WHAT; cpd joins it (app/cli/cpd.py).
    "app.cli.security",
    "app.cli.exchange",
    "app.cli.imports",
    "app.cli.mentoring",
    "app.cli.internships",
    "app.cli.cpd",
    "app.cli.agenda",
    "app.cli.courts",
    "app.cli.monitoring",
    "app.cli.evaluation",
    "app.cli.staff",
)

# A command that needs no login: `verify` answers only "unaltered / altered / unknown" about a
# paper (issue 10), `user recover` is authenticated by the recovery code itself; `--help` and
# `--version` never reach a command.
OPEN = ""

# What each command needs when the store requires logins (issue 10, Why #1): the dispatcher
# (app/cli/login.py) authenticates and checks it before the command runs. Keys are the words
# of the command line ("import cpd"); the longest declared prefix applies ("report" for every
# document). tests/app/cli/test_registry_roles.py fails on a registered command missing here,
# and the dispatcher refuses one (it would need the administrator's USERS_MANAGE).
COMMAND_PERMISSIONS: dict[str, str] = {
    "init": perm.SETTINGS_EDIT,
    "demo": perm.SETTINGS_EDIT,
    "demo-cpd": perm.SETTINGS_EDIT,
    "demo-internships": perm.SETTINGS_EDIT,
    "self-test": perm.READ,
    "check": perm.AUDIT_READ,
    "backup": perm.STORE_BACKUP,
    "restore": perm.STORE_RESTORE,
    "report": perm.READ,
    "export people": perm.READ,
    "export courts": perm.READ,
    "template people": perm.READ,
    "template cpd": perm.READ,
    "import people": perm.IMPORT,
    "import courts": perm.IMPORT,
    "import cpd": perm.CPD_KEEP,
    "plan internships": perm.INTERNSHIPS_PLAN,
    "user setup-admin": perm.USERS_MANAGE,
    "user no-login": perm.USERS_MANAGE,
    "user add": perm.USERS_MANAGE,
    "user list": perm.USERS_MANAGE,
    "user unlock": perm.USERS_MANAGE,
    "user encrypt-store": perm.USERS_MANAGE,
    # The recovery code is the credential: it is for an administrator who cannot log in.
    "user recover": OPEN,
    "agenda": perm.READ,
    "exchange key": perm.EXCHANGE,
    "exchange pair": perm.EXCHANGE,
    "exchange name": perm.EXCHANGE,
    "exchange export": perm.EXCHANGE,
    "exchange import": perm.EXCHANGE,
    "exchange conflicts": perm.EXCHANGE,
    "exchange resolve": perm.EXCHANGE,
    "exchange peer": perm.CONFIDENTIAL_READ,
    "verify": OPEN,
    "court small": perm.COURTS_EDIT,
    "court chairman": perm.COURTS_EDIT,
    "court coordinator": perm.COORDINATOR_NAME,
    "court offices": perm.READ,
    "monitoring template": perm.READ,
    "monitoring preview": perm.READ,
    "monitoring import": perm.EVALUATION_MANAGE,
    "evaluation protocol": perm.EVALUATION_MANAGE,
    "evaluation acknowledge": perm.EVALUATION_RATE,
    # S-1, S-2: the HR service keeps staff adaptation and civil servants' internships (seed 003).
    "staff adapt": perm.STAFF_KEEP,
    "staff plan": perm.STAFF_KEEP,
    "staff result": perm.STAFF_KEEP,
    "staff list": perm.READ,
    # S-2: the year's schedule of civil servants' internships, kept by the HR service too.
    "staff schedule": perm.STAFF_KEEP,
    "staff held": perm.STAFF_KEEP,
    "staff change": perm.STAFF_KEEP,
    "staff cancel": perm.STAFF_KEEP,
    "staff internships": perm.READ,
}
