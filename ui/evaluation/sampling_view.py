"""Random sampling of court acts and hearing records (E-2): import a list, draw, see codes;
the key from code to case number is shown to the coordinator only.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QSpinBox,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.evaluation.sampling import draw_for_list, read_case_list, sample_key
from i18n import _, ngettext
from ui.context import UiContext
from ui.evaluation.sheet_table_models import DRAW_COLUMNS, Draw
from ui.kit.list_table_model import ListTableModel
from ui.kit.op import Op, Task
from ui.kit.retranslating import Retranslating


class SamplingView(Retranslating, QWidget):
    """Import → size and seed → draw; one line per judge with the codes reviewers get."""

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self.cases: dict[str, list[str]] = {}
        self.import_button, self.draw_button = QPushButton(self), QPushButton(self)
        self.key_button = QPushButton(self)
        self.per_judge, self.seed = QSpinBox(self), QSpinBox(self)
        self.per_judge.setRange(1, 100)
        self.per_judge.setValue(5)
        self.seed.setRange(0, 2**31 - 1)
        self.kind = QComboBox(self)
        self.kind.addItem("", "act")
        self.kind.addItem("", "hearing")
        self.size_label, self.seed_label = QLabel(self), QLabel(self)
        self.loaded = QLabel(self)
        self.draw_rows = ListTableModel[Draw](ctx, DRAW_COLUMNS, self)
        self.table = QTableView(self)
        self.table.setModel(self.draw_rows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.verticalHeader().hide()
        self.table.setColumnWidth(0, 300)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.import_button.clicked.connect(self._on_import_button_clicked)
        self.draw_button.clicked.connect(self.draw)
        self.key_button.clicked.connect(self.show_key)
        # Two rows: in one, the Kazakh and Russian labels made the page 1,479 px wide.
        top, draw_row = QHBoxLayout(), QHBoxLayout()
        top.addWidget(self.import_button)
        top.addWidget(self.kind)
        top.addStretch(1)
        top.addWidget(self.key_button)
        for w in (self.size_label, self.per_judge, self.seed_label, self.seed, self.draw_button):
            draw_row.addWidget(w)
        draw_row.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addLayout(draw_row)
        layout.addWidget(self.loaded)
        layout.addWidget(self.table, 1)
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        """Texts in the active language."""
        self.import_button.setText(_("Import case list…"))
        self.import_button.setToolTip(
            _("Read the list of cases to draw from an Excel or CSV file.")
        )
        self.draw_button.setText(_("Draw"))
        self.draw_button.setToolTip(
            _("Pick cases at random for each judge and give them codes instead of names.")
        )
        self.key_button.setText(_("Show key (coordinator)"))
        self.key_button.setToolTip(
            _("Show which case and judge stand behind each code (coordinator only).")
        )
        self.size_label.setText(_("Cases per judge:"))
        self.seed_label.setText(_("Seed (0 = random):"))
        self.kind.setItemText(0, _("Court acts"))
        self.kind.setItemText(1, _("Hearing records"))
        self.draw_rows.retranslate()
        self._show_loaded()

    def _show_loaded(self) -> None:
        judges = len(self.cases)
        total = sum(len(v) for v in self.cases.values())
        self.loaded.setText(
            ngettext(
                "{cases} case numbers of {n} judge loaded",
                "{cases} case numbers of {n} judges loaded",
                judges,
            ).format(cases=total, n=judges)
        )

    def _on_import_button_clicked(self) -> None:
        self.import_list()

    def import_list(self, path: Path | None = None) -> None:
        """Read IIN and case number pairs from XLSX or CSV."""
        if path is None:
            name, _filter = QFileDialog.getOpenFileName(
                self, _("Import case list…"), "", "XLSX, CSV (*.xlsx *.csv)"
            )
            if not name:
                return
            path = Path(name)
        chosen = path
        cases = Task(self, lambda _progress: read_case_list(chosen)).run()
        if cases is None:  # refused: the runner told the user what is wrong with the file
            return
        self.cases = cases
        self._show_loaded()

    def draw(self) -> None:
        """Draw for every judge of the list with one seed, recorded with each draw."""
        if not self.cases:
            return
        cases, size, kind = dict(self.cases), self.per_judge.value(), str(self.kind.currentData())
        seed = self.seed.value() or None
        result = Op(
            self,
            self._ctx,
            lambda s, actor, _p: draw_for_list(s, actor, cases, size=size, seed=seed, kind=kind),
        ).run()
        if result is None:
            return
        self.draw_rows.set_rows(result.draws)
        if result.unknown_iins:
            QMessageBox.information(
                self,
                _("Draw"),
                _("No judge with IIN: {iins}").format(iins=", ".join(result.unknown_iins)),
            )

    def key_text(self) -> str | None:
        """The key of the selected draw, or None when refused (only the coordinator)."""
        found = self.draw_rows.row_at(self.table.currentIndex().row())
        if found is None:
            return None
        draw_id = found[1].id
        # A write: reading the key is itself recorded in the audit log.
        key = Op(self, self._ctx, lambda s, actor, _p: sample_key(s, actor, draw_id)).run()
        if key is None:
            return None
        return "\n".join(f"{code} → {case}" for code, case in sorted(key.items()))

    @property
    def draws(self) -> list[Draw]:
        """The last draw's lines: judge and the draw with its codes."""
        return self.draw_rows.rows

    def show_key(self) -> None:
        """Show which case each code stands for."""
        text = self.key_text()
        if text is not None:
            box = QMessageBox(QMessageBox.Icon.Information, _("Key"), text, parent=self)
            box.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            box.exec()
