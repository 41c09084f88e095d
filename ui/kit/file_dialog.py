"""File dialogs that never open the files they list: the store's locks survive (issue 15, 5)."""

from __future__ import annotations

import os
import sys

from PySide6.QtCore import QDir, QFileInfo, QStandardPaths
from PySide6.QtGui import QAbstractFileIconProvider, QIcon
from PySide6.QtWidgets import QFileDialog, QFileIconProvider, QWidget

from i18n import _


class NoSniffIconProvider(QFileIconProvider):
    """Icons and type names from the directory entry alone, never from the file's content.

    Qt's own provider asks QMimeDatabase, which opens and closes a file it cannot tell by
    name (`talimger.db-wal`). On POSIX closing any descriptor of a file drops every lock the
    process holds on it, SQLite's included; another process then takes the store for unused
    and deletes the live WAL (SQLite's "How To Corrupt" §2.2).
    """

    def icon(self, what: object) -> QIcon:
        """The folder or file icon; a QFileInfo's kind comes from stat(), not from reading."""
        kinds = QAbstractFileIconProvider.IconType
        if isinstance(what, QFileInfo):
            return super().icon(kinds.Folder if what.isDir() else kinds.File)
        icon: QIcon = super().icon(what)  # type: ignore[call-overload]
        return icon

    def type(self, info: QFileInfo) -> str:
        """The Type column: Folder, or the file name's suffix."""
        if info.isDir():
            return _("Folder")
        return info.suffix().upper() or _("File")


def safe_dialog(parent: QWidget | None, caption: str, directory: str, filters: str) -> QFileDialog:
    """Qt's own dialog (a native one may sniff files in-process too) with the safe provider."""
    dialog = QFileDialog(parent, caption, directory, filters)
    dialog.setOption(QFileDialog.Option.DontUseNativeDialog)
    provider = NoSniffIconProvider()
    dialog.setIconProvider(provider)
    dialog._talimger_provider = provider  # type: ignore[attr-defined]  # kept alive with it
    return dialog


def _start(directory: str) -> str:
    # A bare or relative name starts in Documents, never in the working folder, which a
    # shortcut may have set to the data folder.
    if directory and os.path.isabs(directory):
        return directory
    home = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    return os.path.join(home or QDir.homePath(), directory)


def _ask(
    mode: QFileDialog.AcceptMode,
    parent: QWidget | None,
    caption: str,
    directory: str,
    filters: str,
    options: QFileDialog.Option | None,
) -> tuple[str, str]:
    dialog = safe_dialog(parent, caption, _start(directory), filters)
    dialog.setAcceptMode(mode)
    if mode == QFileDialog.AcceptMode.AcceptOpen:
        dialog.setFileMode(QFileDialog.FileMode.ExistingFile)
    if options is not None:
        dialog.setOptions(dialog.options() | options)
    try:
        if dialog.exec() != QFileDialog.DialogCode.Accepted or not dialog.selectedFiles():
            return "", ""
        return dialog.selectedFiles()[0], dialog.selectedNameFilter()
    finally:
        dialog.deleteLater()


def get_open_file_name(
    parent: QWidget | None = None,
    caption: str = "",
    dir: str = "",  # Qt's keyword
    filter: str = "",
    selectedFilter: str = "",  # noqa: N803
    options: QFileDialog.Option | None = None,
) -> tuple[str, str]:
    """QFileDialog.getOpenFileName's contract, through the safe dialog."""
    del selectedFilter
    return _ask(QFileDialog.AcceptMode.AcceptOpen, parent, caption, dir, filter, options)


def get_save_file_name(
    parent: QWidget | None = None,
    caption: str = "",
    dir: str = "",
    filter: str = "",
    selectedFilter: str = "",  # noqa: N803
    options: QFileDialog.Option | None = None,
) -> tuple[str, str]:
    """QFileDialog.getSaveFileName's contract, through the safe dialog."""
    del selectedFilter
    return _ask(QFileDialog.AcceptMode.AcceptSave, parent, caption, dir, filter, options)


def install() -> None:
    """Route every QFileDialog.getOpenFileName/getSaveFileName of the program through the safe
    dialog, once, at start (run_gui). One switch rather than twenty call sites: a dialog added
    later is safe too. Windows keeps its native dialogs: it has no POSIX locks to drop.
    """
    if sys.platform == "win32":
        return
    QFileDialog.getOpenFileName = staticmethod(get_open_file_name)  # type: ignore[method-assign]
    QFileDialog.getSaveFileName = staticmethod(get_save_file_name)  # type: ignore[method-assign]
