"""Pair with another PC: its name, its public key, and what it may change here."""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QFormLayout, QLabel, QLineEdit, QRadioButton, QWidget

from app.exchange.signing import OWNS_COURTS, OWNS_REGION, pair
from i18n import _
from ui.kit.field_row import FieldWithError
from ui.kit.form_dialog import FormDialog
from ui.kit.op import Work

if TYPE_CHECKING:
    from ui.context import UiContext


class PairDialog(FormDialog[str]):
    """Saves the peer's key; ``saved`` is the fingerprint to read aloud by phone."""

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.setMinimumWidth(560)
        self.intro = QLabel(self)
        self.intro.setWordWrap(True)
        self.name, self.key, self.courts = QLineEdit(self), QLineEdit(self), QLineEdit(self)
        self.region = QRadioButton(self)
        self.district = QRadioButton(self)
        self.region.setChecked(True)
        self.district.toggled.connect(self.courts.setEnabled)
        self.courts.setEnabled(False)
        self._rows = {
            "peer": FieldWithError(self.name, self),
            "public_key": FieldWithError(self.key, self),
            "court": FieldWithError(self.courts, self),
        }
        self.labels = [QLabel(self) for _i in range(3)]
        form = QFormLayout()
        form.addRow(self.labels[0], self._rows["peer"])
        form.addRow(self.labels[1], self._rows["public_key"])
        form.addRow(self.labels[2], self.region)
        form.addRow("", self.district)
        form.addRow("", self._rows["court"])
        self.body.addWidget(self.intro)
        self.body.addLayout(form)
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        """Texts in the active language."""
        self.setWindowTitle(_("Pair with a PC"))
        self.intro.setText(
            _(
                "Enter the name of the other PC and the public key its Exchange tab shows. "
                "Then compare the fingerprints by phone: both PCs must show the same digits."
            )
        )
        self.labels[0].setText(_("Name of the PC"))
        self.labels[1].setText(_("Its public key"))
        self.labels[2].setText(_("It may change here"))
        self.region.setText(_("everything of the region (the centre)"))
        self.district.setText(_("only the records of its courts (a district court)"))
        self.courts.setPlaceholderText(_("court codes, separated by spaces"))

    def field_rows(self) -> Mapping[str, FieldWithError]:
        """Rows by the service's field names."""
        return self._rows

    def save_work(self) -> Work[str]:
        """Pair with the values typed now."""
        name, key = self.name.text(), self.key.text().strip()
        district = self.district.isChecked()
        codes = tuple(self.courts.text().replace(",", " ").split()) if district else ()
        owns = OWNS_COURTS if district else OWNS_REGION
        return lambda s, actor, _p: pair(s, actor, name, key, owns=owns, court_codes=codes)
