"""The individual dossier of a judge (E-1, E-4): sheets, internships, quality, monitoring."""

from __future__ import annotations

import uuid
from decimal import Decimal
from html import escape

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QTextBrowser, QVBoxLayout, QWidget

from app.dossier.queries import Dossier, dossier
from app.evaluation.monitoring import CATEGORIES, KINDS, WORKLOAD
from i18n import _, format_date, format_number, localized
from ui.context import UiContext
from ui.kit.op import Query
from ui.kit.screen_fit import fit_to_screen


def dossier_html(d: Dossier, name: str) -> str:
    """The dossier as simple HTML in the active language."""
    sheets, internships, quality = _("Evaluation sheets"), _("Internships"), _("Quality indicators")
    parts = [f"<h2>{escape(name)}</h2>", f"<h3>{escape(sheets)}</h3><ul>"]
    for sh in d.sheets:
        status = _("signed off") if sh.status == "signed" else _("draft")
        parts.append(
            "<li>"
            + escape(
                _("{title}, version {version}: period {period}, {status}, total {total}").format(
                    title=localized(sh.title_kk, sh.title_ru),
                    version=sh.template_version,
                    period=sh.period or "—",
                    status=status,
                    total=format_number(Decimal(sh.total)) if sh.total else "—",
                )
            )
            + "</li>"
        )
    parts.append(f"</ul><h3>{escape(internships)}</h3><ul>")
    for i in d.internships:
        parts.append(
            "<li>"
            + escape(f"{format_date(i.starts_on)} – {format_date(i.ends_on)}: {i.host_name}")
            + "</li>"
        )
    parts.append(f"</ul><h3>{escape(quality)}</h3><ul>")
    for start, end, cases, overturned, kept, complaints in d.quality:
        parts.append(
            "<li>"
            + escape(
                _(
                    "{start} – {end}: cases {cases}, overturned {overturned}, "
                    "time limits kept {kept}%, complaints {complaints}"
                ).format(
                    start=format_date(start),
                    end=format_date(end),
                    cases=cases,
                    overturned=overturned,
                    kept=kept,
                    complaints=complaints,
                )
            )
            + "</li>"
        )
    parts.append("</ul>")
    parts += _monitoring_html(d)
    return "".join(parts)


def _monitoring_html(d: Dossier) -> list[str]:
    """E-4: workload by specialisation, quality on appeal and cassation by case category."""
    title = _("Monitoring data")
    parts = [f"<h3>{escape(title)}</h3><ul>"]
    for m in d.monitoring:
        what = _("{kind}, {category}").format(
            kind=_(KINDS.get(m.kind, m.kind)), category=_(CATEGORIES.get(m.category, m.category))
        )
        if m.kind == WORKLOAD:
            figures = _("{cases} cases considered").format(cases=m.cases)
        else:
            figures = _(
                "{cases} reviewed: {upheld} left unchanged, {changed} changed, {reversed} cancelled"
            ).format(cases=m.cases, upheld=m.upheld, changed=m.changed, reversed=m.reversed)
        period = f"{format_date(m.period_start)} – {format_date(m.period_end)}"
        parts.append(f"<li>{escape(f'{period}: {what}: {figures}')}</li>")
    parts.append("</ul>")
    return parts


class DossierDialog(QDialog):
    """Read-only view of one judge's dossier."""

    def __init__(
        self, ctx: UiContext, person_id: uuid.UUID, name: str, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(_("Dossier"))
        self.text = QTextBrowser(self)
        found = Query(self, ctx, lambda s: dossier(s, person_id)).run()
        if found is not None:
            self.text.setHtml(dossier_html(found, name))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, parent=self)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.text)
        layout.addWidget(buttons)
        fit_to_screen(self, 760, 560)
