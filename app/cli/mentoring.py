"""Mentoring commands: verify a protocol PDF; needs, year, protocol and programme reports."""

from __future__ import annotations

import argparse
import sys
import uuid
from pathlib import Path
from typing import Any

from app.cli.common import guarded, store_of
from app.core.errors import DomainError
from i18n import LANGUAGES, N_, _


def _lang_option(p: argparse.ArgumentParser) -> None:
    # SUPPRESS keeps `python -m app --lang ru report …` working as well.
    p.add_argument("--lang", choices=LANGUAGES, default=argparse.SUPPRESS)


def register(commands: Any, reports: Any) -> None:
    """Add the mentoring sub-commands."""
    p = commands.add_parser("verify", help="check a printed council protocol (M-11)")
    p.add_argument("file", type=Path)
    p.set_defaults(handler=guarded(_verify))

    p = reports.add_parser("mentoring-needs", help="judges who need a tutor or mentor (M-2)")
    p.add_argument("--region", default="")
    p.add_argument("--court", default="", help="court id")
    p.add_argument("--format", choices=("pdf", "xlsx", "csv"), default="pdf")
    p.add_argument("--out", type=Path, required=True)
    _lang_option(p)
    p.set_defaults(handler=guarded(_needs))

    p = reports.add_parser("roster", help="tutors and mentors of a region (M-3)")
    p.add_argument("--region", required=True)
    p.add_argument("--format", choices=("pdf", "xlsx", "csv"), default="pdf")
    p.add_argument("--out", type=Path, required=True)
    _lang_option(p)
    p.set_defaults(handler=guarded(_roster))

    p = reports.add_parser("mentoring-year", help="year in review of a region (M-13)")
    p.add_argument("--year", type=int, required=True)
    p.add_argument("--region", required=True)
    p.add_argument("--format", choices=("pdf", "xlsx", "csv"), default="pdf")
    p.add_argument("--out", type=Path, required=True)
    _lang_option(p)
    p.set_defaults(handler=guarded(_year))

    p = reports.add_parser("protocol", help="a council protocol (M-11)")
    p.add_argument("--number", required=True)
    p.add_argument("--region", default="")
    p.add_argument("--out", type=Path, required=True)
    _lang_option(p)
    p.set_defaults(handler=guarded(_protocol))

    p = reports.add_parser("programme", help="an individual programme (M-7)")
    p.add_argument("--pair", required=True, help="pair id")
    p.add_argument("--out", type=Path, required=True)
    _lang_option(p)
    p.set_defaults(handler=guarded(_programme))


class _UnreadableError(DomainError):
    """The file cannot be read."""


def _verify(args: argparse.Namespace) -> int:
    from app.documents.protocol_verify import UNALTERED, verify_pdf
    from app.mentoring.protocol_queries import signed_content

    try:
        data = args.file.read_bytes()
    except OSError as exc:
        raise _UnreadableError(
            N_("Cannot read {path}: {reason}"), path=str(args.file), reason=exc.strerror or str(exc)
        ) from exc
    store = store_of(args, backup=False)
    with store.read() as session:
        verdict = verify_pdf(data, lambda code: signed_content(session, code))
    print(_(verdict.message_id).format(**verdict.params))
    return 0 if verdict.status == UNALTERED else 1


def _centre(session: Any, lang: str) -> str:
    from app.courts.centre import current_centre
    from i18n import localized

    centre = current_centre(session)
    return localized(centre.name_kk, centre.name_ru, lang) if centre else ""


def _write_table(
    args: argparse.Namespace, title: str, header: list[str], rows: list[list[Any]]
) -> None:
    from app.core.sheet_writer import write_csv, write_xlsx

    if args.format == "xlsx":
        write_xlsx(args.out, title, header, rows)
    else:
        write_csv(args.out, header, rows)


def _written(path: Path) -> int:
    print(_("Written to {path}").format(path=path))
    return 0


def _needs(args: argparse.Namespace) -> int:
    from app.documents.mentoring_needs import build_needs, header, rows
    from app.mentoring.queries import needs_analysis

    store = store_of(args, backup=False)
    with store.read() as session:
        needs = needs_analysis(
            session, region_code=args.region, court_id=uuid.UUID(args.court) if args.court else None
        )
        centre = _centre(session, args.lang)
    if args.format == "pdf":
        args.out.write_bytes(build_needs(needs, lang=args.lang, centre_name=centre))
    else:
        _write_table(args, "needs", header(args.lang), rows(needs, args.lang))
    return _written(args.out)


def _region_name(session: Any, region: str, lang: str) -> str:
    from app.courts.service import list_courts
    from i18n import localized

    courts = list_courts(session, level="regional", region_code=region)
    return localized(courts[0].name_kk, courts[0].name_ru, lang) if courts else region


def _roster(args: argparse.Namespace) -> int:
    from app.documents.roster import build_roster, header, rows
    from app.mentoring.queries import roster

    store = store_of(args, backup=False)
    with store.read() as session:
        found = roster(session, args.region)
        region = _region_name(session, args.region, args.lang)
        centre = _centre(session, args.lang)
    if args.format == "pdf":
        args.out.write_bytes(
            build_roster(found, lang=args.lang, region_name=region, centre_name=centre)
        )
    else:
        _write_table(args, "roster", header(args.lang), rows(found, args.lang))
    return _written(args.out)


def _year(args: argparse.Namespace) -> int:
    from app.courts.service import list_courts
    from app.documents.mentoring_year import build_year_review, figures, guide_header, guide_rows
    from app.mentoring.year import year_review
    from i18n import translator

    store = store_of(args, backup=False)
    with store.read() as session:
        review = year_review(session, args.region, args.year)
        courts = list_courts(session, level="regional", region_code=args.region)
        centre = _centre(session, args.lang)
    region = (
        courts[0].name_kk
        if courts and args.lang == "kk"
        else (courts[0].name_ru if courts else args.region)
    )
    if args.format == "pdf":
        args.out.write_bytes(
            build_year_review(review, lang=args.lang, region_name=region, centre_name=centre)
        )
        return _written(args.out)
    tr_ = translator(args.lang)
    lines: list[list[Any]] = [[label, value] for label, value in figures(review, args.lang)]
    lines.append(["", ""])
    lines.append(guide_header(args.lang))
    lines += guide_rows(review, args.lang)
    _write_table(args, str(args.year), [tr_("Region"), region, "", "", ""], lines)
    return _written(args.out)


def _protocol(args: argparse.Namespace) -> int:
    from app.documents.protocol import build_protocol
    from app.mentoring.protocol_queries import content_of, find_protocol

    store = store_of(args, backup=False)
    with store.read() as session:
        found = find_protocol(session, args.number, args.region)
        content = content_of(session, found.id)
    code = found.content_hash if found.signed_at else None
    args.out.write_bytes(build_protocol(content, lang=args.lang, code=code))
    if code is None:
        print(
            _("The protocol is not signed yet: printed as a draft without a code."), file=sys.stderr
        )
    return _written(args.out)


def _programme(args: argparse.Namespace) -> int:
    from app.documents.programme import build_programme
    from app.mentoring.access import load_pair
    from app.mentoring.programme import get_programme
    from app.mentoring.service import pair_dto

    store = store_of(args, backup=False)
    with store.read() as session:
        pair = pair_dto(session, load_pair(session, uuid.UUID(args.pair)))
        prog = get_programme(session, pair.id)
        centre = _centre(session, args.lang)
    args.out.write_bytes(build_programme(pair, prog, lang=args.lang, centre_name=centre))
    return _written(args.out)
