"""The base of edit dialogs: Save runs one Op, field errors show beside the fields."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING, Generic, TypeVar

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from app.core.errors import FieldError
from ui.kit.date_field import DateField
from ui.kit.field_row import FieldWithError
from ui.kit.op import Op, Work
from ui.kit.retranslating import Retranslating

if TYPE_CHECKING:
    from ui.context import UiContext

T = TypeVar("T")


def show_field_errors(rows: Mapping[str, FieldWithError], errors: list[FieldError]) -> list[str]:
    """Each row shows its own reasons (or none); returns the messages no row claimed."""
    for key, row in rows.items():
        row.show_error("\n".join(e.message() for e in errors if e.field == key))
    return [e.message() for e in errors if e.field not in rows]


class FormDialog(Retranslating, QDialog, Generic[T]):
    """Subclasses lay their fields out in ``self.body`` and implement ``save_work()``.

    Save first calls ``check()`` (checks that need no database, shown by the subclass), then
    runs ``save_work()``'s work in one transaction through :class:`Op`. A ValidationError
    goes to ``show_errors()``: each ``field_rows()`` row shows its reasons; reasons of fields
    with no row show above the buttons. Success keeps the result in ``saved`` and accepts.
    The caller then refreshes what it shows; the dialog never does.
    """

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self.saved: T | None = None
        self.body = QVBoxLayout()
        self.message = QLabel(self)
        self.message.setObjectName("formError")
        self.message.setStyleSheet("color: #b00020;")
        self.message.setWordWrap(True)
        self.message.hide()
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.buttons.accepted.connect(self._on_buttons_accepted)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(self.body, 1)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)

    # -- what subclasses provide --------------------------------------------------------------
    def check(self) -> bool:
        """Checks that need no database; False keeps the dialog open (subclass shows why)."""
        return True

    def save_work(self) -> Work[T]:
        """The work Save runs: read the fields now, return ``lambda s, actor, progress: …``."""
        raise NotImplementedError

    def field_rows(self) -> Mapping[str, FieldWithError]:
        """The rows that show their own field's reasons, by the service's field names."""
        return {}

    # -- the shared behaviour -----------------------------------------------------------------
    def add_form(
        self, editors: Sequence[tuple[str, QWidget]]
    ) -> tuple[dict[str, FieldWithError], dict[str, QLabel]]:
        """Lay out labelled rows, one an editor with its reasons beside it, by field name.

        Returns the rows (for ``field_rows()``) and their labels, which ``retranslate_ui()``
        fills in.
        """
        rows = {key: FieldWithError(editor, self) for key, editor in editors}
        labels = {key: QLabel(self) for key in rows}
        form = QFormLayout()
        for key, row in rows.items():
            form.addRow(labels[key], row)
        self.body.addLayout(form)
        return rows, labels

    def show_errors(self, errors: list[FieldError]) -> None:
        """Reasons beside their fields; any other reasons above the buttons."""
        rows = self.field_rows()
        rest = show_field_errors(rows, errors)
        self.message.setText("\n".join(rest))
        self.message.setVisible(bool(rest))
        first = next((rows[e.field] for e in errors if e.field in rows), None)
        if first is not None:
            first.editor.setFocus()

    def _on_buttons_accepted(self) -> None:
        # A date typed wrong already says so beside its field; saving would drop it.
        wrong = next((f for f in self.findChildren(DateField) if not f.is_valid()), None)
        if wrong is not None:
            wrong.setFocus()
            return
        if not self.check():
            return
        self.show_errors([])
        Op(self, self._ctx, self.save_work()).fields(self).success(self._on_saved).run()

    def _on_saved(self, result: T) -> None:
        self.saved = result
        self.accept()
