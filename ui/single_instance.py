"""One window per store: a lock a second window finds, and a call bringing the first forward."""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

from PySide6.QtCore import QDir, QFileSystemWatcher, QLockFile, QObject, Signal


class SingleInstance(QObject):
    """Claims a store file for this window (issue 15, single instance per store).

    The lock lives in the temporary folder, keyed by the store's resolved path, not beside the
    store: nothing but SQLite opens files in the data folder (issue 15, 5), and a read-only
    data folder must not pass for "open elsewhere". QLockFile records the process id, so the
    lock of a window that was killed is taken over. The second window calls the first forward
    by writing to a file the first one watches (QtCore only: no QtNetwork in the bundle).
    """

    called = Signal()  # a second window asked this one to come forward

    def __init__(self, store_path: Path, parent: QObject | None = None) -> None:
        super().__init__(parent)
        key = hashlib.sha256(str(store_path.resolve()).encode("utf-8")).hexdigest()[:24]
        base = Path(QDir.temp().filePath(f"talimger-{key}"))
        self._lock = QLockFile(str(base.with_suffix(".lock")))
        self._lock.setStaleLockTime(0)  # stale only when its process is gone, never by age
        self.bell = base.with_suffix(".call")
        self._watcher: QFileSystemWatcher | None = None

    def claim(self) -> bool:
        """True when this window now owns the store; False (after calling the owner) if not."""
        if not self._lock.tryLock(200):
            self._call_owner()
            return False
        self.bell.write_bytes(b"")
        os.chmod(self.bell, 0o600)
        self._watcher = QFileSystemWatcher([str(self.bell)], self)
        self._watcher.fileChanged.connect(self._on_watcher_file_changed)
        return True

    def release(self) -> None:
        """Give the store up (the window closed)."""
        self._watcher = None
        self._lock.unlock()

    def _call_owner(self) -> None:
        try:
            with self.bell.open("ab") as fh:
                fh.write(b"\n")
        except OSError:
            pass  # the owner cannot be called forward; the refusal's message still says why

    def _on_watcher_file_changed(self, path: str) -> None:
        if self._watcher is not None and path not in self._watcher.files():
            self._watcher.addPath(path)  # some systems drop a watch after a change
        self.called.emit()
