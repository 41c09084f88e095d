"""The whole audit log of a full demo, plus a sample of what the demo does not do, reads as
words of kk and ru: no ids, no codes, no English keys, every name translated.
"""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date, timedelta
from decimal import Decimal

import pytest
from sqlalchemy import select

from app.core.audit import audit_refusal
from app.core.audit_fields import FIELDS, SETTINGS
from app.core.audit_log import AuditFilter, page_lines
from app.core.audit_vocab import ACTIONS, ENTITIES, vocabularies
from app.core.context import Actor
from app.core.settings import LOGIN_REQUIRED_KEY, set_setting
from app.core.store import Store
from app.courts.service import list_courts
from app.cpd.dto import ActivityInput, ExemptionInput, RoleRule, RuleSetInput
from app.cpd.evidence import attach_evidence
from app.cpd.exemptions import add_exemption
from app.cpd.ledger import add_activity, review_activity
from app.cpd.rules import amend_rules, form_by_code
from app.cpd.workflow import open_report
from app.demo.everything import generate_everything
from app.evaluation.sheets import create_sheet
from app.evaluation.templates import list_templates
from app.internships.busy import save_busy_period
from app.internships.hosts import add_blackout, add_offer
from app.mentoring.roster import set_max_proteges
from app.mentoring.seminars import invite, mark_attendance, plan_seminar
from app.mentoring.wishes import wish_for
from app.people.dto import PersonInput, StatusPeriod
from app.people.iin import make_iin
from app.people.service import create_person, delete_person, get_person, update_person
from app.security.authentication import try_login
from app.security.dto import UserInput
from app.security.service import create_user
from db.models import AuditEntry, Person, User
from i18n import _, set_language

UUID = re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-")
HASH_MARK = re.compile(r"#[0-9a-f]{4,}")
SNAKE_OR_DOTTED = re.compile(r"\b[a-z]+[_.][a-z_.]*[a-z]\b")
DIGEST = re.compile(r"SHA-256 [0-9a-f]+…")
LATIN_WORD = re.compile(r"\b[a-z]{3,}\b")  # English words and codes; "Excel" is a name
COMMAND = re.compile(r"«[^»]*»")  # a refused command as typed
FILE_NAME = re.compile(r"\S+\.(pdf|png|jpe?g|xlsx|csv)\b")  # an attached file's own name


def _sample(store: Store, actor: Actor) -> None:
    """Audited actions the demo does not take, one of each kind (real services, real rules)."""
    today = date.today()
    with store.read() as s:
        judges = list(s.scalars(select(Person.id).where(Person.role == "judge").limit(6)))
        regional = list_courts(s, "regional")[0]
        form = form_by_code(s, "F02").id
    with store.write() as s:
        made = create_person(
            s,
            actor,
            PersonInput(
                iin=make_iin(date(1985, 5, 6), 11),
                surname="Әбілова",
                first_name="Сәуле",
                court_id=regional.id,
                specialisation="civil",
                first_appointed_on=date(2015, 3, 1),
            ),
        )
    with store.write() as s:
        before = get_person(s, made.id)
        leave = (StatusPeriod("childcare_leave", date(2020, 1, 1), date(2021, 6, 30)),)
        changed = replace(before.data, specialisation="criminal", status_periods=leave)
        update_person(s, actor, made.id, changed, before.version)
    with store.write() as s:
        delete_person(s, actor, made.id, get_person(s, made.id).version)
    with store.write() as s:
        set_setting(s, actor, LOGIN_REQUIRED_KEY, "0")
        set_max_proteges(s, actor, 4)
        create_user(
            s, actor, UserInput("auditor", "Аудитор", frozenset({"viewer"}), "s3cret-Pass-1")
        )
    with store.write() as s:
        try_login(s, "auditor", "wrong-password")
    audit_refusal(store, actor, "people import", "You may not do this.")
    with store.write() as s:
        activity = add_activity(
            s,
            actor,
            ActivityInput(judges[0], form, "Семинар", today - timedelta(40), today - timedelta(39)),
        )
        attach_evidence(
            s, actor, activity.id, kind="certificate", filename="cert.pdf", content=b"%PDF-1.4"
        )
        review_activity(s, actor, activity.id, confirm=True)
        template = list_templates(s)[0].code
        create_sheet(s, actor, template_code=template, subject_id=judges[2], period="2026")
        add_exemption(
            s, actor, ExemptionInput(judges[1], "maternity", today - timedelta(90), today)
        )
        open_report(s, actor, judges[2], today.year - 1)
    with store.write() as s:
        rules = RuleSetInput(
            decided_on=today,
            partial_exemption="any",
            points={form: Decimal(3)},
            roles={"staff": RoleRule(Decimal(4), 0)},
        )
        amend_rules(s, actor, rules)
    with store.write() as s:
        seminar = plan_seminar(s, actor, regional.region_code, today + timedelta(20), "Әдеп")
        invite(s, actor, seminar.id, judges[3:5], today)
        mark_attendance(s, actor, seminar.id, judges[3], True)
        wish_for(s, actor, judges[5], judges[0])
    with store.write() as s:
        start = date(today.year + 1, 3, 2)
        save_busy_period(s, actor, judges[4], starts_on=start, ends_on=start + timedelta(9))
        add_offer(s, actor, regional.id, starts_on=start, ends_on=start + timedelta(13), capacity=2)
        add_blackout(s, actor, regional.id, starts_on=start, ends_on=start + timedelta(4))


@pytest.mark.sqlite_only
def test_every_row_of_a_full_demo_log_reads_in_kk_and_ru(store: Store, actor: Actor) -> None:
    with store.write() as s:
        generate_everything(s, actor, scale="region")
    _sample(store, actor)
    with store.read() as s:
        raw = list(s.execute(select(AuditEntry.action, AuditEntry.entity, AuditEntry.changes)))
        usernames = set(s.scalars(select(User.username)))
    # Nothing falls back to a made-up name: every action, kind and field is in the tables.
    assert {a for a, _e, _c in raw} - set(ACTIONS) == set()
    assert {e for _a, e, _c in raw} - set(ENTITIES) == set()
    assert {f for _a, _e, c in raw for f in c} - set(FIELDS) - set(SETTINGS) == set()
    # The codes people must never read, taken from the vocabularies so new codes are covered.
    codes = {code for names in vocabularies().values() for code in names if len(code) > 2}
    codes |= {*ACTIONS, *ENTITIES}
    code_word = re.compile(r"\b(" + "|".join(sorted(map(re.escape, codes))) + r")\b")
    english = {*ACTIONS.values(), *ENTITIES.values(), *FIELDS.values(), *SETTINGS.values()}
    for lang in ("kk", "ru"):
        set_language(lang)
        with store.read() as s:
            lines = page_lines(s, actor, AuditFilter(), 0, len(raw))
        assert len(lines) == len(raw) > 150
        for line in lines:
            kind = line.record.split(" ", 1)[0]
            labels = [line.action, kind, *(f for f, _old, _new in line.changes)]
            text = DIGEST.sub("", f"{line.action} {line.record} {line.changes_text}")
            text = FILE_NAME.sub("", text)
            where = f"{lang} #{line.seq}: {text}"
            assert not UUID.search(text), where
            assert not HASH_MARK.search(text), where
            assert not SNAKE_OR_DOTTED.search(text), where
            # Latin letters only in what people typed that way: user names, a command.
            typed = COMMAND.sub("", text)
            assert not code_word.search(typed), where
            words = set(LATIN_WORD.findall(typed)) - usernames
            assert not words, where
            for label in labels:
                assert label not in english, f"{where} ({label!r} not translated)"
                assert not re.search("[A-Za-z]{3,}", label), f"{where} ({label!r})"
        # Values of every kind were read (names, dates, translated codes), not only counts.
        shown = "\n".join(line.changes_text for line in lines)
        # The program's own entries (a failed sign-in) say so in words, not "system".
        actors = {line.actor for line in lines}
        assert _("the program") in actors and "system" not in actors
        # A record deleted since is named by its own entry, not left blank.
        gone = [line.record for line in lines if line.record.endswith("Әбілова Сәуле")]
        assert len(gone) == 3  # created, changed, deleted: each named
        for name in ("Ended early", "Maternity leave", "Criminal cases", "Childcare leave"):
            assert _(name) in shown, name
