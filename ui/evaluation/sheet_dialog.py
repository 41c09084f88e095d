"""Fill an evaluation sheet as one rater, see the total, sign it off (E-1)."""

from __future__ import annotations

import uuid
from datetime import date

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from app.core.errors import FieldError, ValidationError
from app.evaluation.dto import RatingInput, SheetDTO
from app.evaluation.sheets import acknowledge, get_sheet, rate, sign_off
from i18n import _, format_date, format_number
from ui.context import UiContext
from ui.kit.op import Op, Query, Work
from ui.kit.retranslating import Retranslating
from ui.kit.screen_fit import fit_to_screen


class SheetDialog(Retranslating, QDialog):
    """One row per criterion: a value on its scale and a comment; totals by the formula."""

    def __init__(self, ctx: UiContext, sheet_id: uuid.UUID, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self.sheet_id = sheet_id
        sheet = Query(self, ctx, lambda s: get_sheet(s, sheet_id)).run()
        assert sheet is not None  # the caller listed it a moment ago
        self.sheet: SheetDTO = sheet
        self.heading = QLabel(self)
        self.heading.setWordWrap(True)
        self.rater_label = QLabel(self)
        # Several raters may fill one sheet: pick an earlier rater or type a new name.
        self.rater = QComboBox(self)
        self.rater.setEditable(True)
        for rater_name in (*sheet.raters, ctx.actor.name):
            if self.rater.findText(rater_name) < 0:
                self.rater.addItem(rater_name)
        self.rater.setCurrentIndex(0)
        self.rater.currentTextChanged.connect(lambda _text: self._load_rater())
        grid_host = QWidget()
        grid = QGridLayout(grid_host)
        self.values: dict[uuid.UUID, QComboBox] = {}
        self.comments: dict[uuid.UUID, QLineEdit] = {}
        self.titles: list[tuple[QLabel, object]] = []
        self.yes_no: list[QComboBox] = []
        row = 0
        for section in sheet.template.sections:
            title = QLabel(grid_host)
            title.setStyleSheet("font-weight: bold")
            self.titles.append((title, section))
            grid.addWidget(title, row, 0, 1, 3)
            row += 1
            for c in section.criteria:
                name = QLabel(grid_host)
                name.setWordWrap(True)
                self.titles.append((name, c))
                value = QComboBox(grid_host)
                value.addItem("—", None)
                for v in range(1, 6) if c.scale == "1-5" else (1, 0):
                    value.addItem(str(v), v)
                if c.scale != "1-5":
                    self.yes_no.append(value)
                comment = QLineEdit(grid_host)
                self.values[c.id], self.comments[c.id] = value, comment
                grid.addWidget(name, row, 0)
                grid.addWidget(value, row, 1)
                grid.addWidget(comment, row, 2)
                row += 1
        grid.setColumnStretch(0, 3)
        grid.setColumnStretch(2, 2)
        grid.setRowStretch(row, 1)
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setWidget(grid_host)
        self.total = QLabel(self)
        self.errors = QLabel(self)
        self.errors.setWordWrap(True)
        self.errors.setStyleSheet("color: #b00020")
        self.save_button, self.sign_button = QPushButton(self), QPushButton(self)
        self.close_button = QPushButton(self)
        self.ack_button = QPushButton(self)
        self.ack_button.clicked.connect(self.acknowledge)
        self.save_button.clicked.connect(self.save)
        self.sign_button.clicked.connect(self.sign)
        self.close_button.clicked.connect(self.accept)
        buttons = QHBoxLayout()
        buttons.addWidget(self.total, 1)
        for b in (self.save_button, self.sign_button, self.ack_button, self.close_button):
            buttons.addWidget(b)
        rater_row = QHBoxLayout()
        rater_row.addWidget(self.rater_label)
        rater_row.addWidget(self.rater, 1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addLayout(rater_row)
        layout.addWidget(scroll, 1)
        layout.addWidget(self.errors)
        layout.addLayout(buttons)
        fit_to_screen(self, 900, 600)
        self._load_rater()
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        """Texts in the active language; the template version is always shown."""
        s = self.sheet
        self.setWindowTitle(s.template.title)
        status = _("signed off, locked") if s.status == "signed" else _("draft")
        self.heading.setText(
            _("{title}, version {version} — {name}, period {period} ({status})").format(
                title=s.template.title,
                version=s.template.version_no,
                name=s.subject_name,
                period=s.period or "—",
                status=status,
            )
        )
        self.rater_label.setText(_("Rater:"))
        for label, item in self.titles:
            title = getattr(item, "title", "")
            weight = getattr(item, "weight", None)
            needs = getattr(item, "comment_required", False)
            extra = f" ({weight.normalize():f}%)" if weight is not None else ""
            label.setText(title + extra + (" *" if needs else ""))
        for c in self.comments.values():
            c.setPlaceholderText(_("Comment"))
        for box in self.yes_no:
            box.setItemText(1, _("yes"))
            box.setItemText(2, _("no"))
        self.total.setText(
            _("Total: {total} of 100").format(
                total="—" if s.total is None else format_number(s.total)
            )
        )
        self.save_button.setText(_("Save ratings"))
        self.sign_button.setText(_("Sign off"))
        self.close_button.setText(_("Close"))
        if s.acknowledged_on is not None:
            self.ack_button.setText(
                _("acquainted {date}").format(date=format_date(s.acknowledged_on))
            )
        else:
            self.ack_button.setText(_("Judge acquainted today"))
        self.ack_button.setEnabled(s.status == "signed" and s.acknowledged_on is None)
        locked = s.status == "signed"
        for w in (
            *self.values.values(),
            *self.comments.values(),
            self.save_button,
            self.sign_button,
        ):
            w.setEnabled(not locked)

    def _load_rater(self) -> None:
        mine = {
            r.criterion_id: r for r in self.sheet.ratings if r.rater == self.rater.currentText()
        }
        for cid, box in self.values.items():
            r = mine.get(cid)
            box.setCurrentIndex(box.findData(r.value) if r else 0)
            self.comments[cid].setText(r.comment if r else "")

    def ratings(self) -> list[RatingInput]:
        """What the rater chose (criteria left at — are not sent)."""
        return [
            RatingInput(cid, int(box.currentData()), self.comments[cid].text())
            for cid, box in self.values.items()
            if box.currentData() is not None
        ]

    def show_errors(self, errors: list[FieldError]) -> None:
        """Field reasons listed under the grid (the grid has no row per service field)."""
        self.errors.setText(ValidationError(errors).message())

    def _write(self, work: Work[SheetDTO]) -> SheetDTO | None:
        dto = Op(self, self._ctx, work).fields(self).run()
        if dto is not None:
            self.sheet = dto
            self.retranslate_ui()
        return dto

    def save(self) -> bool:
        """Save this rater's values; field errors are listed under the grid."""
        self.errors.clear()
        sheet_id, rater, ratings = self.sheet_id, self.rater.currentText(), self.ratings()
        return (
            self._write(lambda s, actor, _p: rate(s, actor, sheet_id, rater, ratings)) is not None
        )

    def sign(self) -> None:
        """Save, ask (signing cannot be undone), then sign off and lock."""
        if not self.save():
            return
        answer = QMessageBox.question(
            self,
            _("Sign off"),
            _(
                "Sign off the sheet of {name}, period {period}, rated by {rater}? "
                "Every rating of the sheet then locks and can no longer be changed."
            ).format(
                name=self.sheet.subject_name,
                period=self.sheet.period or "—",
                rater=self.rater.currentText(),
            ),
        )
        if answer == QMessageBox.StandardButton.Yes:
            sheet_id = self.sheet_id
            self._write(lambda s, actor, _p: sign_off(s, actor, sheet_id))

    def acknowledge(self) -> None:
        """Record that the judge was acquainted with the results today (E-3)."""
        sheet_id = self.sheet_id
        self._write(lambda s, actor, _p: acknowledge(s, actor, sheet_id, date.today()))
