"""Store health: SQLite integrity, schema at head, the audit chain unbroken, kept sums right."""

from __future__ import annotations

from typing import TYPE_CHECKING

from app.core.aggregates import aggregate_problems
from app.core.anchors import anchor_problems
from app.core.audit import broken_links
from app.core.backup import integrity_problems
from app.core.settings import LOGIN_REQUIRED_KEY, audited_value, get_setting
from app.core.store import Store
from db.migrate import current_revision, head_revisions
from i18n import _

if TYPE_CHECKING:
    from sqlalchemy.orm import Session


def check_store(store: Store, *, full: bool = False) -> list[str]:
    """Problems found, each a translated sentence; empty when healthy."""
    problems: list[str] = []
    if store.path is not None:
        problems += [
            _("SQLite integrity of {path}: {problem}").format(path=store.path, problem=p)
            for p in integrity_problems(store.path, full=full, key=store.key)
        ]
    if store.path is None and full:
        from app.core.server_check import server_problems

        problems += server_problems(store)
    if current_revision(store.engine) not in head_revisions():
        problems.append(_("The database schema is not at the current version."))
    with store.read() as session:
        if full:  # the sums the triggers keep, recounted from the ledger (issue 12)
            problems += aggregate_problems(session)[0]
        broken = broken_links(session)
        problems += login_setting_problems(session)
        problems += anchor_problems(store.location, store.backup_dir, session)
        logins_on = get_setting(session, LOGIN_REQUIRED_KEY) == "1"
    if store.path is not None and logins_on and not store.encrypted:
        problems.append(
            _(
                "Logins are on but the database file is not encrypted: anyone who copies it"
                " reads it. Encrypt it (user encrypt-store) or restore an encrypted backup."
            )
        )
    if broken:
        problems.append(
            _("The audit log chain is broken at entries: {seqs}").format(
                seqs=", ".join(str(s) for s in broken[:20])
            )
        )
    return problems


def login_setting_problems(session: Session) -> list[str]:
    """Issue 10, Why #2: the login setting differs from what its last audited change set (a
    copy edited outside the program, then restored).
    """
    audited = audited_value(session, LOGIN_REQUIRED_KEY)
    current = get_setting(session, LOGIN_REQUIRED_KEY)
    if current == (audited or ""):
        return []
    return [
        _(
            "The login setting was changed outside the program: the audit log last set it to "
            "\u201c{audited}\u201d, the database holds \u201c{current}\u201d."
        ).format(audited=audited or "", current=current)
    ]
