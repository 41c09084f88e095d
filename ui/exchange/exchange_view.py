"""The exchange screen: name this PC, show its key, pair with peers, send and receive packages."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.core.context import Actor
from app.core.permissions import CONFIDENTIAL_READ, can
from app.core.progress import Progress
from app.exchange.dto import PeerDTO
from app.exchange.files import list_peers
from app.exchange.signing import OWNS_COURTS, fingerprint, public_key
from app.exchange.state import node_name, set_node_name, set_peer_confidential
from i18n import _, format_datetime
from ui.context import UiContext
from ui.exchange.packages_panel import PackagesPanel
from ui.kit.op import Op
from ui.kit.retranslating import Retranslating

if TYPE_CHECKING:  # SQLAlchemy stays off the start path (ui/kit/op.py)
    from app.core.store import Session

PEER_ROLE = Qt.ItemDataRole.UserRole


class ExchangeView(Retranslating, QWidget):
    """This PC and its peers on the left, packages on the right."""

    help_section = "exchange"  # F1 opens the guide here

    conflicts_requested = Signal()

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self._peers: list[PeerDTO] = []
        self.name = QLineEdit(self)
        self.name_button = QPushButton(self)
        self.name_button.clicked.connect(self.save_name)
        self.key = QLineEdit(self)
        self.key.setReadOnly(True)  # selectable, to copy to the other PC
        self.fingerprint = QLabel(self)
        self.fingerprint.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.peers = QTableWidget(0, 5, self)
        self.peers.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.peers.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.peers.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.peers.verticalHeader().hide()
        self.peers.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.peers.horizontalHeader().setStretchLastSection(True)
        self.peers.itemSelectionChanged.connect(self._on_peers_item_selection_changed)
        self.pair_button = QPushButton(self)
        self.pair_button.clicked.connect(self.pair_new)
        # M-9: only the coordinator entitles a peer to confidential records.
        self.confidential_button = QPushButton(self)
        self.confidential_button.clicked.connect(self.toggle_confidential)
        self.confidential_button.setVisible(can(ctx.actor, CONFIDENTIAL_READ))
        self.packages = PackagesPanel(ctx, self)
        self.packages.conflicts_requested.connect(self.conflicts_requested)
        self.packages.exchanged.connect(self.reload)

        self.this_pc, self.peers_box = QGroupBox(self), QGroupBox(self)
        self.labels = [QLabel(self) for _i in range(3)]
        this = QVBoxLayout(self.this_pc)
        row = QHBoxLayout()
        row.addWidget(self.labels[0])
        row.addWidget(self.name, 1)
        row.addWidget(self.name_button)
        this.addLayout(row)
        this.addWidget(self.labels[1])
        this.addWidget(self.key)
        row = QHBoxLayout()
        row.addWidget(self.labels[2])
        row.addWidget(self.fingerprint, 1)
        this.addLayout(row)
        box = QVBoxLayout(self.peers_box)
        box.addWidget(self.peers)
        buttons = QHBoxLayout()
        buttons.addWidget(self.pair_button)
        buttons.addWidget(self.confidential_button)
        buttons.addStretch(1)
        box.addLayout(buttons)
        left = QWidget(self)
        column = QVBoxLayout(left)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self.this_pc)
        column.addWidget(self.peers_box, 1)
        splitter = QSplitter(self)
        splitter.addWidget(left)
        splitter.addWidget(self.packages)
        splitter.setStretchFactor(0, 2)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([2000, 1000])  # the peers' columns want the room; the forms are narrow
        layout = QVBoxLayout(self)
        layout.addWidget(splitter)
        self.retranslate_ui()
        self.reload()

    def retranslate_ui(self) -> None:
        """Texts in the active language."""
        self.this_pc.setTitle(_("This PC"))
        self.peers_box.setTitle(_("Paired PCs"))
        self.labels[0].setText(_("Name in exchanges"))
        self.labels[1].setText(_("Public key (give it to the other PC):"))
        self.labels[2].setText(_("Fingerprint to compare by phone:"))
        self.name_button.setText(_("Save the name"))
        self.name_button.setToolTip(
            _("The name this PC signs its packages with, e.g. the court's or the centre's.")
        )
        self.pair_button.setText(_("Pair with a PC…"))
        self.pair_button.setToolTip(
            _("Enter another PC's public key; packages are accepted only from paired PCs.")
        )
        self.confidential_button.setToolTip(
            _("Only the coordinator's PC may receive confidential mentoring records (M-9).")
        )
        self.peers.setHorizontalHeaderLabels(
            [_("PC"), _("Fingerprint"), _("May change"), _("Last sent"), _("Last received")]
        )
        self._fill_peers()

    def reload(self) -> None:
        """This PC's name and key, and the peers (the key pair is made on first use)."""

        def work(s: Session, actor: Actor, _p: Progress) -> tuple[str, str, list[PeerDTO]]:
            return node_name(s), public_key(s, actor), list_peers(s, actor)

        found = Op(self, self._ctx, work).run()
        if found is None:
            return
        name, key, self._peers = found
        self.name.setText(name)
        self.key.setText(key)
        self.fingerprint.setText(fingerprint(key))
        self._fill_peers()
        self.packages.set_peers([p.name for p in self._peers if p.fingerprint])

    def _fill_peers(self) -> None:
        chosen = self.selected_peer()
        self.peers.setRowCount(len(self._peers))
        for row, p in enumerate(self._peers):
            keeps = (
                _("courts {codes}").format(codes=", ".join(p.court_codes))
                if p.owns == OWNS_COURTS
                else _("the whole region")
            )
            if p.confidential_ok:
                keeps += " · " + _("receives confidential records")
            cells = (
                p.name,
                p.fingerprint or _("not paired"),
                keeps,
                format_datetime(p.last_export_at.astimezone()) if p.last_export_at else "—",
                format_datetime(p.last_import_at.astimezone()) if p.last_import_at else "—",
            )
            for col, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setData(PEER_ROLE, p.name)
                self.peers.setItem(row, col, item)
            if chosen is not None and p.name == chosen.name:
                self.peers.selectRow(row)
        self.peers.resizeColumnsToContents()
        self._on_peers_item_selection_changed()

    def selected_peer(self) -> PeerDTO | None:
        """The peer selected in the list."""
        rows = self.peers.selectionModel().selectedRows() if self.peers.selectionModel() else []
        if not rows or rows[0].row() >= len(self._peers):
            return None
        return self._peers[rows[0].row()]

    def _on_peers_item_selection_changed(self) -> None:
        p = self.selected_peer()
        self.confidential_button.setEnabled(p is not None)
        allowed = p is not None and p.confidential_ok
        self.confidential_button.setText(
            _("Stop sending confidential records")
            if allowed
            else _("Send confidential records to this PC")
        )
        if p is not None:
            self.packages.set_peers([x.name for x in self._peers if x.fingerprint])
            index = self.packages.peer.findText(p.name)
            if index >= 0:
                self.packages.peer.setCurrentIndex(index)

    def save_name(self) -> None:
        """Name this PC for exchanges."""
        name = self.name.text()
        saved = (
            Op(self, self._ctx, lambda s, actor, _p: set_node_name(s, actor, name))
            .success_message(_("Saved."))
            .run()
        )
        if saved is not None:
            self.name.setText(saved)

    def pair_new(self) -> None:
        """Pair with a PC, then show the fingerprint to read aloud."""
        from ui.exchange.pair_dialog import PairDialog

        dialog = PairDialog(self._ctx, self)
        if not dialog.exec() or dialog.saved is None:
            return
        name = " ".join(dialog.name.text().split())
        self.reload()
        self._select(name)
        QMessageBox.information(
            self,
            _("Pair with a PC"),
            _(
                "Paired with {peer}. Read this fingerprint to the person at {peer}; it must "
                "match what their PC shows: {fingerprint}"
            ).format(peer=name, fingerprint=dialog.saved),
        )

    def _select(self, name: str) -> None:
        for row, p in enumerate(self._peers):
            if p.name == name:
                self.peers.selectRow(row)

    def toggle_confidential(self) -> None:
        """Entitle the selected peer to confidential records, or withdraw it (M-9)."""
        p = self.selected_peer()
        if p is None:
            return
        allowed = not p.confidential_ok
        Op(
            self,
            self._ctx,
            lambda s, actor, _p: set_peer_confidential(s, actor, p.name, allowed),
        ).success_message(_("Saved.")).run()
        self.reload()
