"""How an agenda item reads, in the active language (the start page, the CLI, the banner)."""

from __future__ import annotations

from app.agenda.dto import AgendaItem
from i18n import N_, _, format_date, ngettext

STATE_LABELS: dict[str, str] = {
    "overdue": N_("Overdue"),
    "this_week": N_("This week"),
    "this_month": N_("This month"),
    "later": N_("Later"),
}


def title_of(item: AgendaItem) -> str:
    """One sentence: what is due, with its count."""
    n, year = item.count, item.year
    match item.key:
        case "cpd_reports":
            return ngettext(
                "CPD reports for {year}: {n} person has not submitted",
                "CPD reports for {year}: {n} people have not submitted",
                n,
            ).format(n=n, year=year)
        case "cpd_summary":
            return _("The centre's CPD summary for {year} to the national body").format(year=year)
        case "cpd_lines":
            return ngettext(
                "CPD lines of {year} waiting for confirmation: {n}",
                "CPD lines of {year} waiting for confirmation: {n}",
                n,
            ).format(n=n, year=year)
        case "academy_overdue":
            return ngettext(
                "Academy of Justice course overdue: {n} judge",
                "Academy of Justice course overdue: {n} judges",
                n,
            ).format(n=n)
        case "academy_due":
            return ngettext(
                "Academy of Justice course falls due this year: {n} judge",
                "Academy of Justice course falls due this year: {n} judges",
                n,
            ).format(n=n)
        case "training_plan":
            return ngettext(
                "Training plan for {year} to the regional coordinators: {n} event planned",
                "Training plan for {year} to the regional coordinators: {n} events planned",
                n,
            ).format(n=n, year=year)
        case "regional_events":
            return _("Regional conferences and seminars held in {year}: {n} of {minimum}").format(
                n=n, year=year, minimum=item.detail.get("minimum", 2)
            )
        case "pairs_ending":
            return ngettext(
                "Mentoring pairs whose term ends within 60 days: {n}",
                "Mentoring pairs whose term ends within 60 days: {n}",
                n,
            ).format(n=n)
        case "pairs_past_term":
            return ngettext(
                "Pairs past their term without a protocol: {n}",
                "Pairs past their term without a protocol: {n}",
                n,
            ).format(n=n)
        case "protocols_unsigned":
            return ngettext(
                "Council protocols drafted but not signed: {n}",
                "Council protocols drafted but not signed: {n}",
                n,
            ).format(n=n)
        case "protocol_copies":
            return ngettext(
                "Signed protocols whose copies are not sent yet: {n}",
                "Signed protocols whose copies are not sent yet: {n}",
                n,
            ).format(n=n)
        case "programmes_unapproved":
            return ngettext(
                "Individual programmes not approved: {n}",
                "Individual programmes not approved: {n}",
                n,
            ).format(n=n)
        case "internships_due":
            return ngettext(
                "Judges due for an internship in {year} and not planned: {n}",
                "Judges due for an internship in {year} and not planned: {n}",
                n,
            ).format(n=n, year=year)
        case "host_places":
            return ngettext(
                "Host places for judges still free: {n}",
                "Host places for judges still free: {n}",
                n,
            ).format(n=n)
        case "sheets_unsigned":
            return ngettext(
                "Evaluation sheets not signed in open rounds: {n}",
                "Evaluation sheets not signed in open rounds: {n}",
                n,
            ).format(n=n)
        case "backup":
            if n < 0:
                return _("No backup of the database has been made yet")
            return ngettext(
                "Last backup of the database: {n} day ago",
                "Last backup of the database: {n} days ago",
                n,
            ).format(n=n)
    return item.key


def due_text(item: AgendaItem) -> str:
    """The deadline as a date, or that it can be done now."""
    if item.due_on is None:
        return _("to do now")
    if item.key == "backup":
        return format_date(item.due_on)
    return _("due {date}").format(date=format_date(item.due_on))


def state_text(item: AgendaItem) -> str:
    """Overdue, this week, this month or later."""
    return _(STATE_LABELS[item.state])
