"""A form of a catalogue document's parameters: one field per typed parameter."""

from __future__ import annotations

import re
from datetime import date
from typing import Any

from PySide6.QtWidgets import QCheckBox, QComboBox, QFormLayout, QLineEdit, QSpinBox, QWidget

from app.documents.output import with_defaults
from app.documents.spec import CHOICE, FLAG, PEOPLE, REF, YEAR, Document, Option, Param
from i18n import _, localized
from ui.context import UiContext
from ui.kit.op import Query


class ParamForm(QWidget):
    """Fields for a document's parameters, set to their defaults; value() reads them back."""

    def __init__(self, ctx: UiContext, doc: Document, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self.document = doc
        self.fields: dict[str, QWidget] = {}
        self._layout = QFormLayout(self)
        defaults = with_defaults(doc, {}, date.today())
        options = self._options(defaults)
        for param in doc.params:
            field = self._field(param, defaults[param.name], options.get(param.name, []))
            self.fields[param.name] = field
            self._layout.addRow(_(param.label), field)

    def _options(self, defaults: dict[str, Any]) -> dict[str, list[Option]]:
        wanted = [p for p in self.document.params if p.kind == REF and p.options is not None]
        if not wanted:
            return {}

        actor = self._ctx.actor

        def read(session: Any) -> dict[str, list[Option]]:
            return {p.name: p.options(session, actor, defaults) for p in wanted if p.options}

        return Query(self, self._ctx, read).run() or {}

    def _field(self, param: Param, default: Any, options: list[Option]) -> QWidget:
        if param.kind == YEAR:
            spin = QSpinBox(self)
            spin.setRange(2000, 2100)
            spin.setValue(int(default or date.today().year))
            return spin
        if param.kind == FLAG:
            box = QCheckBox(self)
            box.setChecked(bool(default))
            return box
        if param.kind in (CHOICE, REF):
            combo = QComboBox(self)
            if param.kind == CHOICE or param.blank:
                combo.addItem(_("— any —"), "")
            for value, label in param.choices:
                combo.addItem(_(label), value)
            for value, kk, ru in options:
                combo.addItem(localized(kk, ru), value)
            found = combo.findData(default) if default else -1
            combo.setCurrentIndex(max(found, 0))
            return combo
        line = QLineEdit(self)
        line.setText(" ".join(default) if param.kind == PEOPLE else str(default or ""))
        if param.kind == PEOPLE:
            line.setPlaceholderText(_("IINs separated by spaces"))
        return line

    def value(self) -> dict[str, Any]:
        """The parameters as typed or chosen."""
        out: dict[str, Any] = {}
        for param in self.document.params:
            field = self.fields[param.name]
            if isinstance(field, QSpinBox):
                out[param.name] = field.value()
            elif isinstance(field, QCheckBox):
                out[param.name] = field.isChecked()
            elif isinstance(field, QComboBox):
                out[param.name] = field.currentData() or ""
            elif isinstance(field, QLineEdit) and param.kind == PEOPLE:
                out[param.name] = tuple(x for x in re.split(r"[\s,;]+", field.text()) if x)
            elif isinstance(field, QLineEdit):
                out[param.name] = field.text().strip()
        return out
