"""Add or rename a district court under its regional court."""

from __future__ import annotations

import uuid

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QWidget,
)

from app.core.errors import ValidationError
from app.courts.dto import CourtDTO, DistrictCourtInput
from app.courts.service import add_district_court, list_courts, rename_district_court
from i18n import _
from ui.context import UiContext
from ui.kit.field_row import FieldWithError
from ui.kit.op import Query
from ui.kit.ops import run_write
from ui.kit.retranslating import Retranslating


class CourtDialog(Retranslating, QDialog):
    """Names in Kazakh and Russian; the region it belongs to."""

    def __init__(
        self, ctx: UiContext, court: CourtDTO | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._ctx, self._court = ctx, court
        self.saved: CourtDTO | None = None
        self._regions = Query(self, ctx, lambda s: list_courts(s, "regional")).run() or []
        self.region = QComboBox(self)
        for r in self._regions:
            self.region.addItem(r.name, str(r.id))
        self.name_kk, self.name_ru = QLineEdit(self), QLineEdit(self)
        if court is not None:
            self.region.setCurrentIndex(max(self.region.findData(str(court.parent_id)), 0))
            self.name_kk.setText(court.name_kk)
            self.name_ru.setText(court.name_ru)
        self.rows = {
            k: FieldWithError(w, self)
            for k, w in (
                ("regional_court_id", self.region),
                ("name_kk", self.name_kk),
                ("name_ru", self.name_ru),
            )
        }
        self.labels = {k: QLabel(self) for k in self.rows}
        form = QFormLayout(self)
        for key, row in self.rows.items():
            form.addRow(self.labels[key], row)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.buttons.accepted.connect(self._on_buttons_accepted)
        self.buttons.rejected.connect(self.reject)
        form.addRow(self.buttons)
        self.setMinimumWidth(560)
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        """Texts in the active language."""
        self.setWindowTitle(_("District court"))
        self.labels["regional_court_id"].setText(_("Regional court"))
        self.labels["name_kk"].setText(_("Name in Kazakh"))
        self.labels["name_ru"].setText(_("Name in Russian"))
        for i, r in enumerate(self._regions):
            self.region.setItemText(i, r.name)

    def _on_buttons_accepted(self) -> None:
        region = self.region.currentData()
        data = DistrictCourtInput(
            uuid.UUID(region) if region else None, self.name_kk.text(), self.name_ru.text()
        )
        court, actor = self._court, self._ctx.actor
        try:
            if court is None:
                saved = run_write(
                    self,
                    self._ctx.store,
                    lambda s: add_district_court(s, actor, data),
                    reraise_validation=True,
                )
            else:
                saved = run_write(
                    self,
                    self._ctx.store,
                    lambda s: rename_district_court(s, actor, court.id, data, court.version),
                    reraise_validation=True,
                )
        except ValidationError as exc:
            for key, row in self.rows.items():
                row.show_error("\n".join(e.message() for e in exc.for_field(key)))
            return
        if saved is not None:
            self.saved = saved
            self.accept()
