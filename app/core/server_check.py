"""`check --full` on PostgreSQL: what the program verifies, and what it leaves to the server."""

from __future__ import annotations

from sqlalchemy import func, select, text

from app.core.store import Store
from db.migrate import current_revision
from db.models import AuditEntry
from i18n import _


def server_problems(store: Store) -> list[str]:
    """Constraints the server holds but has not verified, and indexes left invalid (a
    CREATE INDEX CONCURRENTLY that failed): the rules they stand for are then not enforced.
    """
    with store.read() as s:
        unchecked = s.scalars(
            text(
                "SELECT conname FROM pg_constraint c JOIN pg_namespace n ON n.oid = c.connamespace"
                " WHERE n.nspname = current_schema() AND NOT c.convalidated ORDER BY conname"
            )
        ).all()
        invalid = s.scalars(
            text(
                "SELECT ci.relname FROM pg_index i JOIN pg_class ci ON ci.oid = i.indexrelid"
                " JOIN pg_namespace n ON n.oid = ci.relnamespace"
                " WHERE n.nspname = current_schema() AND NOT (i.indisvalid AND i.indisready)"
                " ORDER BY ci.relname"
            )
        ).all()
    problems = [
        _("The constraint {name} is not validated: the server does not vouch for its rule.").format(
            name=name
        )
        for name in unchecked
    ]
    problems += [
        _("The index {name} is invalid: rebuild it (REINDEX).").format(name=name)
        for name in invalid
    ]
    return problems


def server_report(store: Store) -> list[str]:
    """Lines saying what `check --full` verified on the server, and what it did not."""
    with store.read() as s:
        version = str(s.scalar(text("SHOW server_version")) or "")
        entries = s.scalar(select(func.count(AuditEntry.seq))) or 0
        constraints = s.scalar(
            text(
                "SELECT count(*) FROM pg_constraint c JOIN pg_namespace n"
                " ON n.oid = c.connamespace WHERE n.nspname = current_schema()"
            )
        )
    return [
        _(
            "Checked on PostgreSQL {version}: schema version {revision}, the audit chain"
            " ({entries} entries), {constraints} constraints and the indexes."
        ).format(
            version=version,
            revision=current_revision(store.engine) or "-",
            entries=entries,
            constraints=constraints,
        ),
        _(
            "Left to the server's administrator: the data pages and indexes on disk (the amcheck"
            " extension, pg_amcheck) and backups (pg_dump)."
        ),
    ]
