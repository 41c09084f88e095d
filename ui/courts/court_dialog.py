"""Add or rename a district court under its regional court."""

from __future__ import annotations

import uuid
from collections.abc import Mapping

from PySide6.QtWidgets import QComboBox, QLineEdit, QWidget

from app.courts.dto import CourtDTO, DistrictCourtInput
from app.courts.service import add_district_court, list_courts, rename_district_court
from i18n import _
from ui.context import UiContext
from ui.kit.field_row import FieldWithError
from ui.kit.form_dialog import FormDialog
from ui.kit.op import Query, Work


class CourtDialog(FormDialog[CourtDTO]):
    """Names in Kazakh and Russian; the region it belongs to."""

    def __init__(
        self, ctx: UiContext, court: CourtDTO | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(ctx, parent)
        self._court = court
        self._regions = Query(self, ctx, lambda s: list_courts(s, "regional")).run() or []
        self.region = QComboBox(self)
        for r in self._regions:
            self.region.addItem(r.name, str(r.id))
        self.name_kk, self.name_ru = QLineEdit(self), QLineEdit(self)
        if court is not None:
            self.region.setCurrentIndex(max(self.region.findData(str(court.parent_id)), 0))
            self.name_kk.setText(court.name_kk)
            self.name_ru.setText(court.name_ru)
        self.rows, self.labels = self.add_form(
            (
                ("regional_court_id", self.region),
                ("name_kk", self.name_kk),
                ("name_ru", self.name_ru),
            )
        )
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

    def field_rows(self) -> Mapping[str, FieldWithError]:
        return self.rows

    def save_work(self) -> Work[CourtDTO]:
        region = self.region.currentData()
        data = DistrictCourtInput(
            uuid.UUID(region) if region else None, self.name_kk.text(), self.name_ru.text()
        )
        court = self._court
        if court is None:
            return lambda s, actor, _p: add_district_court(s, actor, data)
        return lambda s, actor, _p: rename_district_court(s, actor, court.id, data, court.version)
