"""The region's year in review (M-13) and the centre's limit of protégés per guide."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from pathlib import Path

from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from app.mentoring import roster
from app.mentoring.year import YearReview, year_review
from app.mentoring.year_table import figures, guide_rows
from i18n import _, current_language, format_number
from ui.context import UiContext
from ui.documents.printing import Request, save_to
from ui.kit.op import Op, Query
from ui.kit.retranslating import Retranslating


class ResultsView(Retranslating, QWidget):
    """Figures of the year, saved as PDF or XLSX; the protégés-per-guide setting."""

    def __init__(self, ctx: UiContext, region: QComboBox, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self._region = region
        self.year = QSpinBox(self)
        self.year.setRange(2000, 2100)
        self.year.setValue(date.today().year)
        self.summary = QLabel(self)
        self.summary.setWordWrap(True)
        self.save_button = QPushButton(self)
        self.limit = QSpinBox(self)
        self.limit.setRange(1, 20)
        self.limit_button = QPushButton(self)
        self.message = QLabel(self)
        self.message.setWordWrap(True)
        self.year_label, self.limit_label = QLabel(self), QLabel(self)
        # Fields and buttons at their natural width, as in an office form: a year box or a
        # button stretched across a 1366 px screen reads as a banner, not a control.
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.FieldsStayAtSizeHint)
        form.addRow(self.year_label, self.year)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.summary)
        layout.addLayout(_left(self.save_button))
        limit_form = QFormLayout()
        limit_form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.FieldsStayAtSizeHint)
        limit_form.addRow(self.limit_label, self.limit)
        layout.addLayout(limit_form)
        layout.addLayout(_left(self.limit_button))
        layout.addWidget(self.message)
        layout.addStretch(1)
        self.year.valueChanged.connect(self.reload)
        self._region.currentIndexChanged.connect(self.reload)
        self.save_button.clicked.connect(self._on_save_clicked)
        self.limit_button.clicked.connect(self._on_limit_clicked)
        self.limit.setValue(Query(self, ctx, roster.max_proteges).run() or self.limit.value())
        self.retranslate_ui()  # also reads the year

    def retranslate_ui(self) -> None:
        """Captions in the active language."""
        self.year_label.setText(_("Year"))
        self.save_button.setText(_("Save the year in review (PDF or XLSX)…"))
        self.save_button.setToolTip(
            _("Save the year's results of mentoring to a PDF or Excel file.")
        )
        self.limit_label.setText(_("Protégés per guide, at most"))
        self.limit_button.setText(_("Save the limit"))
        self.limit_button.setToolTip(_("Save how many protégés one guide may have at most."))
        self.reload()  # the figures' names are in the active language

    def reload(self) -> None:
        """The year's figures for the chosen region (aggregates only, M-9)."""
        review = self._review()
        if review is None:
            return
        lines = [
            f"{label}: {_shown(value)}" if value != "" else label  # a note has no value
            for label, value in figures(review, current_language())
        ]
        guides = guide_rows(review, current_language())
        if guides:  # under the heading the printed review gives them
            lines += ["", _("Guides with the best results, proposed for recognition") + ":"]
        lines += [f"{row[0]}. {row[1]} — {row[2]}" for row in guides]
        self.summary.setText("\n".join(lines))

    def document_request(self) -> Request:
        """The year in review of the chosen region and year."""
        return "mentoring-year", {"year": self.year.value(), "region": self._region.currentData()}

    def save(self, path: Path) -> None:
        """Write the year in review; the file's extension picks PDF or XLSX."""
        fmt = "xlsx" if path.suffix.lower() == ".xlsx" else "pdf"
        if save_to(self, self._ctx, *self.document_request(), path, fmt) is not None:
            self.message.setText(_("Written to {path}").format(path=path))

    def _review(self) -> YearReview | None:
        region, year = self._region.currentData() or "", self.year.value()
        return (
            Query(self, self._ctx, lambda s: year_review(s, region, year))
            .refusals_to(self.message.setText)
            .run()
        )

    def _on_save_clicked(self) -> None:
        name, _filter = QFileDialog.getSaveFileName(
            self,
            _("Save the year in review (PDF or XLSX)…"),
            f"mentoring-{self.year.value()}.pdf",
            "PDF (*.pdf);;Excel (*.xlsx)",
        )
        if name:
            self.save(Path(name))

    def _on_limit_clicked(self) -> None:
        value = self.limit.value()
        (
            Op(self, self._ctx, lambda s, actor, _p: roster.set_max_proteges(s, actor, value))
            .refusals_to(self.message.setText)
            .success(lambda _none: self.message.setText(""))
            .run()
        )


def _left(button: QPushButton) -> QHBoxLayout:
    """A button at its own width on the left of its row."""
    row = QHBoxLayout()
    row.addWidget(button)
    row.addStretch(1)
    return row


def _shown(value: object) -> str:
    """A figure as people read it: decimal comma in kk and ru ("56,6", not "56.6")."""
    if isinstance(value, bool) or not isinstance(value, int | float | Decimal):
        return str(value)
    return format_number(value)
