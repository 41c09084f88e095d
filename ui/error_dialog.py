"""The last safety net of the window: log any uncaught error and say what happened, and where."""

from __future__ import annotations

import logging
import sys
import traceback
from types import TracebackType

from PySide6.QtCore import QMessageLogContext, QtMsgType, qInstallMessageHandler
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from app.core.errors import DomainError
from app.core.logs import LOGGER, log_file
from i18n import _

_QT_LEVELS = {
    QtMsgType.QtDebugMsg: logging.DEBUG,
    QtMsgType.QtInfoMsg: logging.INFO,
    QtMsgType.QtWarningMsg: logging.WARNING,
    QtMsgType.QtCriticalMsg: logging.ERROR,
    QtMsgType.QtFatalMsg: logging.CRITICAL,
}


_open_dialogs: list[ErrorDialog] = []


class ErrorDialog(QMessageBox):
    """What went wrong in words, the log's place, the traceback behind "Show details"."""

    def __init__(self, summary: str, details: str, parent: QWidget | None = None) -> None:
        super().__init__(QMessageBox.Icon.Critical, _("Tälimger"), summary, parent=parent)
        self.setInformativeText(
            _("The details are written to the log: {path}").format(path=log_file())
        )
        self.setDetailedText(details)
        self.copy_button = self.addButton(_("Copy details"), QMessageBox.ButtonRole.ActionRole)
        # An action-role button would close the box; copying should leave it open.
        self.copy_button.clicked.disconnect()
        self.copy_button.clicked.connect(self._on_copy_button_clicked)
        self.addButton(QMessageBox.StandardButton.Close)
        self.details = details

    def _on_copy_button_clicked(self) -> None:
        QApplication.clipboard().setText(f"{self.text()}\n{log_file()}\n\n{self.details}")


def describe(exc: BaseException) -> str:
    """One sentence for the user: the domain message, or the kind of failure and where."""
    if isinstance(exc, DomainError):
        return exc.message()
    if isinstance(exc, OSError):
        return _("The operation failed: {reason}").format(reason=exc)
    frames = traceback.extract_tb(exc.__traceback__)
    where = f"{frames[-1].filename.rsplit('/', 1)[-1]}:{frames[-1].lineno}" if frames else "?"
    return _("An unexpected error ({kind}) happened in {where}.").format(
        kind=type(exc).__name__, where=where
    )


def handle_exception(
    kind: type[BaseException], exc: BaseException, tb: TracebackType | None
) -> None:
    """sys.excepthook of the window: log, then show the dialog (also for errors in slots)."""
    if issubclass(kind, KeyboardInterrupt):
        sys.__excepthook__(kind, exc, tb)
        return
    LOGGER.error("uncaught error", exc_info=(kind, exc, tb))
    details = "".join(traceback.format_exception(kind, exc, tb))
    app = QApplication.instance()
    if not isinstance(app, QApplication):
        print(details, file=sys.stderr)
        return
    dialog = ErrorDialog(describe(exc), details, app.activeWindow())
    # Without a parent (an error before the window exists) only this reference keeps it alive.
    _open_dialogs.append(dialog)
    dialog.finished.connect(lambda _result: _open_dialogs.remove(dialog))
    dialog.open()  # not exec(): a nested event loop inside a failing slot can fail again


def qt_message(mode: QtMsgType, context: QMessageLogContext, message: str) -> None:
    """Qt's own warnings go to the log instead of a console nobody sees."""
    where = f" ({context.file}:{context.line})" if context.file else ""
    LOGGER.log(_QT_LEVELS.get(mode, logging.WARNING), "Qt: %s%s", message, where)


def install_error_handlers() -> None:
    """Route uncaught Python errors and Qt messages to the log and the dialog."""
    sys.excepthook = handle_exception
    qInstallMessageHandler(qt_message)
