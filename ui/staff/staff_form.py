"""Form pieces the staff dialogs and tabs share: a staff member to choose, a term, the gate."""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from datetime import date

from PySide6.QtWidgets import QComboBox, QLabel, QPushButton, QWidget

from app.core.permissions import ROLE_LABELS, ROLE_PERMISSIONS, STAFF_KEEP, can
from i18n import _
from ui.context import UiContext
from ui.kit.date_field import DateField


def people_combo(
    parent: QWidget, people: Sequence[tuple[uuid.UUID, str]], chosen: uuid.UUID | None = None
) -> QComboBox:
    """Court staff by name (the list comes in the order of the language shown), "—" first."""
    combo = QComboBox(parent)
    combo.addItem("—", "")
    for person_id, name in people:
        combo.addItem(name, str(person_id))
    if chosen is not None:
        combo.setCurrentIndex(max(combo.findData(str(chosen)), 0))
    return combo


def chosen_id(combo: QComboBox) -> uuid.UUID | None:
    """The person chosen in a people_combo, or None for "—"."""
    data = combo.currentData()
    return uuid.UUID(data) if data else None


def term_fields(parent: QWidget, starts_on: date, ends_on: date) -> tuple[DateField, DateField]:
    """The first and the last day of a term, both required."""
    start, end = DateField(parent, optional=False), DateField(parent, optional=False)
    start.set_value(starts_on)
    end.set_value(ends_on)
    return start, end


def may_edit(ctx: UiContext) -> bool:
    """Whether the signed-in user's roles may change staff records (the one role table)."""
    return can(ctx.actor, STAFF_KEEP)


def gate(ctx: UiContext, buttons: Sequence[QPushButton], note: QLabel) -> None:
    """Disable what the user's roles may not do and say why beside the buttons."""
    allowed = may_edit(ctx)
    why = "" if allowed else refused_text()
    for button in buttons:
        button.setEnabled(allowed)
        if not allowed:
            button.setToolTip(why)
    note.setText(why)
    note.setVisible(not allowed)


def refused_text() -> str:
    """Why the buttons are off, naming the roles the role table lets change staff records."""
    roles = [_(ROLE_LABELS[r]) for r, granted in ROLE_PERMISSIONS.items() if STAFF_KEEP in granted]
    return _(
        "Your role may read this list but not change it: that needs the permission "
        "“{permission}” ({roles})."
    ).format(permission=STAFF_KEEP, roles=", ".join(roles))
