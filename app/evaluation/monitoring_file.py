"""The E-4 monitoring file's empty template (seed 001 §7.2.1, §7.2.3), in Kazakh or Russian."""

from __future__ import annotations

from pathlib import Path

from i18n import translator


def template_header(lang: str) -> list[str]:
    """The column titles of the monitoring file (the order is what counts, not the words)."""
    tr_ = translator(lang)
    return [
        tr_("IIN"),
        tr_("Period start"),
        tr_("Period end"),
        tr_("Kind: workload, appeal or cassation"),
        tr_("Specialisation or category of cases"),
        tr_("Cases"),
        tr_("Left unchanged"),
        tr_("Changed"),
        tr_("Cancelled on review"),
    ]


def write_template(path: Path, lang: str) -> None:
    """An empty file to fill: CSV for a .csv name, XLSX otherwise."""
    from app.core.spreadsheet.writer import write_csv, write_xlsx

    tr_ = translator(lang)
    header = template_header(lang)
    if path.suffix.lower() == ".csv":
        write_csv(path, header, [])
    else:
        write_xlsx(path, tr_("Monitoring data"), header, [])
