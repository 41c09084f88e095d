"""Settings: language, the centre named on documents, backups and restore."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from app.core.backup import back_up_store, list_backups, restore_store
from app.core.settings import (
    DEFAULT_BACKUPS_KEPT,
    backups_kept,
    set_backups_kept,
    set_setting,
)
from app.courts.centre import CENTRE_KEY, current_centre
from app.courts.service import list_centres
from app.security.service import login_mode
from i18n import N_, _, current_language, format_datetime
from ui.context import UiContext
from ui.kit.op import Op, Query, Task
from ui.kit.retranslating import Retranslating

LANGUAGE_NAMES = {"kk": N_("Қазақша"), "ru": N_("Русский")}
PATH_ROLE = Qt.ItemDataRole.UserRole


class SettingsView(Retranslating, QWidget):
    """Changes apply at once; the language switch retranslates every open window."""

    language_chosen = Signal(str)
    restored = Signal()

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self.language = QComboBox(self)
        for code in LANGUAGE_NAMES:
            self.language.addItem("", code)
        self.language.setCurrentIndex(max(self.language.findData(current_language()), 0))
        self.language.currentIndexChanged.connect(self._on_language_current_index_changed)
        self._centres = Query(self, ctx, list_centres).run() or []
        self.centre = QComboBox(self)
        self.centre.addItem("", None)
        for c in self._centres:
            self.centre.addItem("", str(c.id))
        chosen = Query(self, ctx, current_centre).run()
        if chosen is not None:
            self.centre.setCurrentIndex(max(self.centre.findData(str(chosen.id)), 0))
        self.centre.currentIndexChanged.connect(self._on_centre_current_index_changed)
        self.kept = QSpinBox(self)
        self.kept.setRange(1, 100)
        self.kept.setValue(Query(self, ctx, backups_kept).run() or DEFAULT_BACKUPS_KEPT)
        self.kept.valueChanged.connect(self._on_kept_value_changed)
        self.backups = QListWidget(self)
        self.backup_button, self.restore_button = QPushButton(self), QPushButton(self)
        self.backup_button.clicked.connect(self.backup_now)
        self.restore_button.clicked.connect(self.restore_selected)
        # "No login" is the only plain mode: this switches logins on and encrypts the file.
        self.logins_button = QPushButton(self)
        self.logins_button.clicked.connect(self.switch_logins_on)
        self.logins_button.setVisible(Query(self, ctx, login_mode).run() == "none")

        self.general = QGroupBox(self)
        self.language_label, self.centre_label = QLabel(self), QLabel(self)
        form = QFormLayout(self.general)
        form.addRow(self.language_label, self.language)
        form.addRow(self.centre_label, self.centre)
        self.backup_box = QGroupBox(self)
        self.kept_label, self.folder_label = QLabel(self), QLabel(self)
        self.folder_label.setWordWrap(True)
        box = QVBoxLayout(self.backup_box)
        row = QHBoxLayout()
        row.addWidget(self.kept_label)
        row.addWidget(self.kept)
        row.addStretch(1)
        box.addLayout(row)
        box.addWidget(self.folder_label)
        box.addWidget(self.backups)
        buttons = QHBoxLayout()
        buttons.addWidget(self.backup_button)
        buttons.addWidget(self.restore_button)
        buttons.addStretch(1)
        box.addLayout(buttons)
        layout = QVBoxLayout(self)
        layout.addWidget(self.general)
        layout.addWidget(self.logins_button)
        layout.addWidget(self.backup_box, 1)
        self.reload_backups()
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        """Texts in the active language."""
        self.general.setTitle(_("General"))
        self.language_label.setText(_("Language"))
        self.centre_label.setText(_("Training centre (printed on documents)"))
        for i, code in enumerate(LANGUAGE_NAMES):
            self.language.setItemText(i, _(LANGUAGE_NAMES[code]))
        self.centre.setItemText(0, _("— not chosen —"))
        for i, c in enumerate(self._centres, start=1):
            self.centre.setItemText(i, c.name)
        self.backup_box.setTitle(_("Backups"))
        self.kept_label.setText(_("Automatic backups to keep"))
        folder = self._ctx.store.backup_dir
        self.folder_label.setText(
            _("Folder: {path}").format(path=folder)
            if folder
            else _("A shared PostgreSQL database is backed up on its server (pg_dump).")
        )
        self.backup_button.setText(_("Back up now"))
        self.backup_button.setToolTip(_("Make a backup copy of the database now."))
        self.restore_button.setText(_("Restore selected…"))
        self.logins_button.setText(_("Switch logins on and encrypt the database…"))
        self.logins_button.setToolTip(
            _("Create the administrator; the database file is then encrypted (a backup first).")
        )
        self.restore_button.setToolTip(
            _("Replace the data with the selected backup; the current file is kept aside.")
        )
        self.reload_backups()

    def _on_language_current_index_changed(self, _index: int) -> None:
        self.language_chosen.emit(self.language.currentData())

    def sync_language(self, lang: str) -> None:
        """Reflect a language chosen elsewhere (the menu) without re-emitting."""
        self.language.blockSignals(True)
        self.language.setCurrentIndex(max(self.language.findData(lang), 0))
        self.language.blockSignals(False)

    def _on_centre_current_index_changed(self, _index: int) -> None:
        centre_id = self.centre.currentData()
        value = str(centre_id or "")
        Op(
            self,
            self._ctx,
            lambda s, actor, _p: set_setting(s, actor, CENTRE_KEY, value),
        ).run()

    def _on_kept_value_changed(self, value: int) -> None:
        Op(self, self._ctx, lambda s, actor, _p: set_backups_kept(s, actor, value)).run()

    def reload_backups(self) -> None:
        """List the backups, newest first."""
        self.backups.clear()
        folder = self._ctx.store.backup_dir
        for info in list_backups(folder) if folder else []:
            item = QListWidgetItem(
                _("{when} — {size} KB").format(
                    when=format_datetime(info.taken_at.astimezone()), size=info.size // 1024
                )
            )
            item.setData(PATH_ROLE, str(info.path))
            self.backups.addItem(item)
        enabled = self._ctx.store.path is not None
        self.backup_button.setEnabled(enabled)
        self.restore_button.setEnabled(enabled)

    def backup_now(self) -> None:
        """Take a backup into the rotation folder."""
        store, kept, actor = self._ctx.store, self.kept.value(), self._ctx.actor
        if store.path is None:
            # A shared PostgreSQL database has no file here to copy: say where backups are made.
            QMessageBox.information(
                self,
                _("Back up now"),
                _(
                    "This database is on a PostgreSQL server; it is backed up on the server "
                    "with pg_dump by its administrator, not from this PC."
                ),
            )
            return
        Task(self, lambda _p: back_up_store(store, kept, actor)).success(
            lambda _r: self.reload_backups()
        ).success_message(
            lambda path: _("Backup saved: {path}").format(path=path) if path else ""
        ).run()

    def restore_selected(self) -> None:
        """Replace the database with the chosen backup; the current file is kept aside."""
        item = self.backups.currentItem()
        store = self._ctx.store
        if item is None or store.path is None:
            return
        answer = QMessageBox.question(
            self,
            _("Restore"),
            _(
                "Replace the current data with the backup of {when}? The current file is kept "
                "aside, and Tälimger will close; start it again afterwards."
            ).format(when=item.text()),
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        from pathlib import Path

        chosen, actor = Path(item.data(PATH_ROLE)), self._ctx.actor
        # The administrator only, audited as them (issue 10, Why #2).
        aside = Task(self, lambda _p: restore_store(store, chosen, actor)).run()
        if aside is None:
            return
        QMessageBox.information(
            self,
            _("Restore"),
            _("Restored. The previous file was kept as {path}").format(path=aside),
        )
        self.restored.emit()

    def switch_logins_on(self) -> None:
        """Create the administrator, encrypt the store, show the recovery code, then close."""
        from ui.settings.logins_dialog import ask_and_switch_logins_on

        if ask_and_switch_logins_on(self, self._ctx):
            self.restored.emit()  # the window closes, as after a restore
