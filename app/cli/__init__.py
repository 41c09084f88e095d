"""Headless commands; each feature module registers its sub-commands here."""

from __future__ import annotations

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
)
