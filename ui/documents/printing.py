"""Print through the catalogue from any widget: preview, PDF bytes, save in a format."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox, QWidget

from app.core.errors import DomainError
from app.core.progress import CancelledError
from app.documents.output import Output, produce, write
from i18n import _, current_language
from ui.context import UiContext
from ui.kit.op import ProgressQuery, show_status
from ui.kit.print_preview_dialog import PrintPreviewDialog

# (document id, parameters): what a page would print now.
Request = tuple[str, Mapping[str, Any]]


def render(
    parent: QWidget,
    ctx: UiContext,
    doc_id: str,
    params: Mapping[str, Any],
    fmt: str = "pdf",
    *,
    lang: str | None = None,
    refusals_to: Callable[[str], None] | None = None,
) -> Output | None:
    """A document in a language (the interface's by default), or None when it could not be
    made: the reason is told in a box, or with ``refusals_to`` (a label beside the action).
    """
    from app.documents.catalogue import find

    lang = lang or current_language()
    title = _("Preparing “{document}”…").format(document=_(find(doc_id).title))
    # A national register takes minutes: made off the GUI thread behind a cancellable dialog
    # (shown only when it takes long); cancelled, nothing is made and the status bar says so.
    query = (
        ProgressQuery(
            parent,
            ctx,
            lambda s, progress: produce(
                s, ctx.actor, doc_id, params, lang=lang, fmt=fmt, progress=progress
            ),
        )
        .with_progress(title)
        .failure(lambda exc: _tell_cancelled(parent, exc))
    )
    if refusals_to is not None:
        query.refusals_to(refusals_to)
    return query.run()


def _tell_cancelled(parent: QWidget, exc: DomainError) -> None:
    if isinstance(exc, CancelledError):
        show_status(parent, _("Cancelled: no document was made."))


def pdf_of(
    parent: QWidget,
    ctx: UiContext,
    doc_id: str,
    params: Mapping[str, Any],
    *,
    lang: str | None = None,
) -> bytes | None:
    """A document's PDF, or None."""
    output = render(parent, ctx, doc_id, params, lang=lang)
    return output.pdf if output is not None else None


def save_to(
    parent: QWidget,
    ctx: UiContext,
    doc_id: str,
    params: Mapping[str, Any],
    path: Path,
    fmt: str | None = None,
    *,
    lang: str | None = None,
    refusals_to: Callable[[str], None] | None = None,
) -> Output | None:
    """Write a document to a file in a format (by default the file's suffix) and a language
    (by default the interface's); ``refusals_to`` as for render.
    """
    fmt = fmt or path.suffix.lower().lstrip(".") or "pdf"
    output = render(parent, ctx, doc_id, params, fmt, lang=lang, refusals_to=refusals_to)
    if output is None:
        return None
    try:
        write(output, path)
    except OSError as exc:
        QMessageBox.warning(parent, _("Not saved"), str(exc))
        return None
    return output


def preview(
    parent: QWidget, ctx: UiContext, doc_id: str, params: Mapping[str, Any]
) -> PrintPreviewDialog | None:
    """Open a document's print preview (not blocking); None when it could not be made."""
    output = render(parent, ctx, doc_id, params)
    if output is None or output.pdf is None:
        return None
    dialog = PrintPreviewDialog(output.pdf, output.file_name(), parent)
    dialog.setObjectName(output.document.id)  # which catalogue document it shows
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.open()
    return dialog
