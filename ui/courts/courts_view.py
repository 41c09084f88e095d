"""The court hierarchy (P-1): Supreme Court, regional courts, the district courts users add."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtWidgets import (
    QHBoxLayout,
    QMessageBox,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.courts import offices
from app.courts.dto import CourtDTO
from app.courts.service import delete_district_court, list_courts
from app.people.vocab import COURT_LEVELS, label
from i18n import _
from ui.context import UiContext
from ui.courts.court_dialog import CourtDialog
from ui.courts.office_dialog import OfficeDialog
from ui.kit.collated import courts_in_order
from ui.kit.enter_opens import open_on_enter
from ui.kit.op import Op, Query, show_status
from ui.kit.retranslating import Retranslating

COURT_ROLE = Qt.ItemDataRole.UserRole


class CourtsView(Retranslating, QWidget):
    """A tree of courts with add, rename and delete of district courts."""

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self.tree = QTreeWidget(self)
        self.tree.setColumnCount(4)
        self.tree.setColumnWidth(0, 420)
        self.tree.setColumnWidth(1, 420)
        self.add_button, self.edit_button = QPushButton(self), QPushButton(self)
        self.delete_button, self.offices_button = QPushButton(self), QPushButton(self)
        self._offices = offices.CourtOffices(frozenset(), {}, {})
        self._courts: list[CourtDTO] = []
        self._items: dict[object, QTreeWidgetItem] = {}
        self.add_button.clicked.connect(self.add_court)
        self.edit_button.clicked.connect(self.edit_court)
        self.delete_button.clicked.connect(self.delete_court)
        self.offices_button.clicked.connect(self.edit_offices)
        # A district court opens its edit dialog; a regional one keeps Qt's expand and collapse.
        self.tree.itemDoubleClicked.connect(self._on_tree_item_double_clicked)
        open_on_enter(self.tree, self._on_tree_entered)
        buttons = QHBoxLayout()
        for b in (self.add_button, self.edit_button, self.delete_button, self.offices_button):
            buttons.addWidget(b)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.tree)
        layout.addLayout(buttons)
        self.reload()
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        """Texts in the active language."""
        self.tree.setHeaderLabels(
            [_("Name in Kazakh"), _("Name in Russian"), _("Level"), _("Offices")]
        )
        self.add_button.setText(_("Add district court…"))
        self.add_button.setToolTip(_("Add a district court under the selected regional court."))
        self.edit_button.setText(_("Edit…"))
        self.edit_button.setToolTip(
            _("Change the Kazakh and Russian names of the selected district court.")
        )
        self.delete_button.setText(_("Delete"))
        self.delete_button.setToolTip(
            _("Delete the selected district court if nobody works in it.")
        )
        self.offices_button.setText(_("Offices…"))
        self.offices_button.setToolTip(
            _(
                "A district court: mark it small and name its chairman (M-1). A regional "
                "court: name the region's coordinator of judicial mentoring (M-6)."
            )
        )
        self._build()  # the level and offices texts, and the order, follow the language

    def reload(self) -> None:
        """Rebuild the tree from the store."""
        self._courts = Query(self, self._ctx, list_courts).run() or []
        self._offices = Query(self, self._ctx, offices.court_offices).run() or self._offices
        self._build()

    def _build(self) -> None:
        """The tree of the courts read last, each level by name in the language shown (kk: the
        Kazakh alphabet, ru: the Russian one), keeping what was open and chosen.
        """
        chosen = self.tree.currentItem()
        chosen_id = chosen.data(0, COURT_ROLE).id if chosen is not None else None
        opened = {
            item.data(0, COURT_ROLE).id
            for item in self._items.values()
            if item.isExpanded() and isinstance(item.data(0, COURT_ROLE), CourtDTO)
        }
        self.tree.clear()
        self._items = {}
        for c in courts_in_order(self._courts):
            parent = self._items.get(c.parent_id)
            item = QTreeWidgetItem(
                [c.name_kk, c.name_ru, label(COURT_LEVELS, c.level), self._offices_text(c)]
            )
            item.setData(0, COURT_ROLE, c)
            if parent is None:
                self.tree.addTopLevelItem(item)
            else:
                parent.addChild(item)
            self._items[c.id] = item
            item.setExpanded(c.id in opened)
            if c.id == chosen_id:
                self.tree.setCurrentItem(item)
        top = self.tree.topLevelItem(0)
        if top is not None:
            top.setExpanded(True)

    def _offices_text(self, court: CourtDTO) -> str:
        parts = []
        if court.id in self._offices.small:
            parts.append(_("small district court"))
        if court.id in self._offices.chairmen:
            parts.append(_("chairman: {name}").format(name=self._offices.chairmen[court.id].name))
        if court.id in self._offices.coordinators:
            held = self._offices.coordinators[court.id]
            parts.append(_("coordinator: {name}").format(name=held.name))
        return "; ".join(parts)

    def edit_offices(self) -> None:
        """The small flag and chairman of a district court, or a region's coordinator."""
        court = self._selected()
        if court is None or court.level == "supreme":
            QMessageBox.information(
                self, _("Offices…"), _("Choose a district or a regional court.")
            )
            return
        dialog = OfficeDialog(self._ctx, court, self._offices, parent=self)
        if dialog.exec():
            self.reload()
            self._select(court)
            show_status(self, _("{name} was saved.").format(name=court.name))

    def _selected(self) -> CourtDTO | None:
        item = self.tree.currentItem()
        court = item.data(0, COURT_ROLE) if item else None
        return court if isinstance(court, CourtDTO) else None

    def _on_tree_item_double_clicked(self, _item: QTreeWidgetItem, _column: int) -> None:
        court = self._selected()
        if court is not None and court.level == "district":
            self.edit_court()

    def _on_tree_entered(self, index: QModelIndex) -> None:
        court = self._selected()
        if court is not None and court.level == "district":
            self.edit_court()
        else:
            self.tree.setExpanded(index, not self.tree.isExpanded(index))

    def add_court(self) -> None:
        """Add a district court."""
        dialog = CourtDialog(self._ctx, parent=self)
        if dialog.exec() and dialog.saved is not None:
            self.reload()
            self._select(dialog.saved)
            show_status(self, _("{name} was added.").format(name=dialog.saved.name))

    def _select(self, court: CourtDTO) -> None:
        items = self.tree.findItems("*", Qt.MatchFlag.MatchWildcard | Qt.MatchFlag.MatchRecursive)
        for item in items:
            shown = item.data(0, COURT_ROLE)
            if isinstance(shown, CourtDTO) and shown.id == court.id:
                self.tree.setCurrentItem(item)
                self.tree.scrollToItem(item)

    def edit_court(self) -> None:
        """Rename the selected district court."""
        court = self._selected()
        if court is None or court.level != "district":
            QMessageBox.information(
                self, _("Edit…"), _("Only district courts can be changed here.")
            )
            return
        dialog = CourtDialog(self._ctx, court, parent=self)
        if dialog.exec() and dialog.saved is not None:
            self.reload()
            self._select(dialog.saved)
            show_status(self, _("{name} was saved.").format(name=dialog.saved.name))

    def delete_court(self) -> None:
        """Delete the selected district court if nobody belongs to it."""
        court = self._selected()
        if court is None or court.level != "district":
            return
        if (
            QMessageBox.question(self, _("Delete"), _("Delete {name}?").format(name=court.name))
            != QMessageBox.StandardButton.Yes
        ):
            return
        Op(
            self,
            self._ctx,
            lambda s, actor, _p: delete_district_court(s, actor, court.id),
        ).run()
        self.reload()
