"""CPD and training tables, with the seed 004 points catalogue as the default rule set (C-1).

Revision ID: 0201
Revises: 0301
Create Date: 2026-11-22 00:03:30.050434
"""

import uuid
from collections.abc import Sequence
from datetime import UTC, datetime

import sqlalchemy as sa
from alembic import op


revision: str = '0201'
down_revision: str | Sequence[str] | None = '0301'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


# Fixed UUIDs (uuid5) so every offline PC ships the same catalogue rows.
NAMESPACE = uuid.UUID("0c4d2a7e-5f31-4b8e-9a61-2f0e7d3c4b21")
DEFAULT_YEAR = 2022  # seed 004 kk, cl. 8.1: in force from 1 January 2022

# code, points, kk, ru — the table of seed 004 ("Накопительная система…"), C-1.
FORMS = [
    ("F01", 2, "Қысқаша білім беру бағдарламалары (оқыту)",
     "Короткие образовательные программы (обучение)"),
    ("F02", 2, "Заң практикасының өзекті мәселелеріне арналған семинарларға, вебинарларға, "
     "дәрістерге қатысу",
     "Участие в семинарах, вебинарах, лекциях, посвященных актуальным вопросам "
     "юридической практики"),
    ("F03", 2, "Оқу орындарында біліктілікті арттыру курстарынан өту",
     "Прохождение курсов повышения квалификации в учебных заведениях"),
    ("F04", 3, "Семинарларда, конференцияларда және басқа да іс-шараларда баяндама жасау "
     "(лектор/жаттықтырушы ретінде)",
     "Выступление с докладами на семинарах, конференциях и иных мероприятиях "
     "(в качестве лектора/тренера)"),
    ("F05", 2, "Елдегі және одан тыс жерлердегі мамандандырылған мекемелер мен оқу "
     "орындарында тағылымдамадан өту",
     "Стажировки в специализированных учреждениях и учебных заведениях в стране и "
     "за ее пределами"),
    ("F06", 2, "Бейіндік институттар мен факультеттер базасындағы білім беру "
     "бағдарламалары (оқыту)",
     "Образовательные программы на базе профильных институтов и факультетов (обучение)"),
    ("F07", 3, "Арнаулы орта және жоғары білім беру мекемелерінде заң пәндері бойынша "
     "оқытушылық қызмет",
     "Преподавательская деятельность по юридическим дисциплинам в учреждениях среднего "
     "специального и высшего образования"),
    ("F08", 6, "«PhD докторы», «Заң ғылымдарының кандидаты», «Заң ғылымдарының докторы» "
     "ғылыми дәрежелерін беру",
     "Присвоение ученых степеней: «доктор PhD», «кандидат юридических наук», "
     "«доктор юридических наук»"),
    ("F09", 3, "Құқықтық актілерді, оның ішінде Қазақстан Республикасы Заңдарының "
     "жобаларын дайындау жөніндегі жұмыс топтарына қатысу",
     "Участие в рабочих группах по подготовке правовых актов, в том числе проектов "
     "законов Республики Казахстан"),
    ("F10", 5, "Монографиялар, оқулықтар және басқа да ғылыми еңбектерді жазу және басып "
     "шығару; құқықтық ағарту қызметіне қатысу",
     "Написание и издание монографий, учебников и других научных трудов; участие в "
     "деятельности по правовому просвещению"),
    ("F11", 1, "БАҚ-та заң практикасының өзекті мәселелері бойынша мақалалар жариялау",
     "Публикация в СМИ статей по актуальным вопросам юридической практики"),
    ("F12", 1, "Заң практикасының өзекті мәселелері бойынша БАҚ-та сөз сөйлеу",
     "Выступления в СМИ по актуальным вопросам юридической практики"),
]
# T-1: the Academy of Justice course, a CPD course (points as form F03) that also resets the
# 5-year clock of judges.
ACADEMY = ("ACADEMY", 2, "Сот төрелігі академиясында біліктілікті арттыру курсы",
           "Курс повышения квалификации в Академии правосудия")
# role, minimum points a year (C-2), Academy course every N years (T-1; 0: not required)
ROLE_RULES = [("judge", 10, 5), ("staff", 10, 0), ("candidate", 10, 0), ("consultant", 10, 0)]


def _audit_cols() -> list[sa.ColumnClause]:
    return [sa.column("created_at", sa.DateTime(timezone=True)),
            sa.column("updated_at", sa.DateTime(timezone=True)),
            sa.column("updated_by", sa.String()), sa.column("version", sa.Integer())]


def _seed_catalogue() -> None:
    now = datetime.now(UTC)
    audit = {"created_at": now, "updated_at": now, "updated_by": "system", "version": 1}
    rule_set = sa.table(
        "cpd_rule_set", sa.column("id", sa.Uuid()), sa.column("effective_year", sa.Integer()),
        sa.column("decided_on", sa.Date()), sa.column("decision", sa.String()),
        sa.column("partial_exemption", sa.String()), sa.column("report_due", sa.String()),
        sa.column("summary_due", sa.String()), sa.column("plan_due", sa.String()),
        sa.column("regional_events_min", sa.Integer()), *_audit_cols())
    form = sa.table(
        "cpd_form", sa.column("id", sa.Uuid()), sa.column("code", sa.String()),
        sa.column("name_kk", sa.String()), sa.column("name_ru", sa.String()),
        sa.column("academy", sa.Boolean()), sa.column("builtin", sa.Boolean()),
        sa.column("sort_order", sa.Integer()), *_audit_cols())
    points = sa.table(
        "cpd_form_points", sa.column("id", sa.Uuid()), sa.column("rule_set_id", sa.Uuid()),
        sa.column("form_id", sa.Uuid()), sa.column("points", sa.Numeric()), *_audit_cols())
    roles = sa.table(
        "cpd_role_rule", sa.column("id", sa.Uuid()), sa.column("rule_set_id", sa.Uuid()),
        sa.column("role", sa.String()), sa.column("min_points", sa.Numeric()),
        sa.column("academy_every_years", sa.Integer()), *_audit_cols())
    rs_id = uuid.uuid5(NAMESPACE, f"rule_set:{DEFAULT_YEAR}")
    op.bulk_insert(rule_set, [{
        "id": rs_id, "effective_year": DEFAULT_YEAR, "decided_on": None,
        "decision": "Seed 004", "partial_exemption": "prorata", "report_due": "02-15",
        "summary_due": "03-01", "plan_due": "12-01", "regional_events_min": 2, **audit}])
    form_rows, point_rows = [], []
    for order, (code, pts, kk, ru) in enumerate([*FORMS, ACADEMY], start=1):
        form_id = uuid.uuid5(NAMESPACE, f"form:{code}")
        form_rows.append({"id": form_id, "code": code, "name_kk": kk, "name_ru": ru,
                          "academy": code == "ACADEMY", "builtin": True,
                          "sort_order": order * 10, **audit})
        point_rows.append({"id": uuid.uuid5(NAMESPACE, f"points:{DEFAULT_YEAR}:{code}"),
                           "rule_set_id": rs_id, "form_id": form_id, "points": pts, **audit})
    op.bulk_insert(form, form_rows)
    op.bulk_insert(points, point_rows)
    op.bulk_insert(roles, [
        {"id": uuid.uuid5(NAMESPACE, f"role:{DEFAULT_YEAR}:{role}"), "rule_set_id": rs_id,
         "role": role, "min_points": minimum, "academy_every_years": every, **audit}
        for role, minimum, every in ROLE_RULES])


def upgrade() -> None:
    # ### commands auto generated by Alembic - please adjust! ###
    op.create_table('cpd_form',
    sa.Column('code', sa.String(length=40), nullable=False),
    sa.Column('name_kk', sa.String(length=400), nullable=False),
    sa.Column('name_ru', sa.String(length=400), nullable=False),
    sa.Column('academy', sa.Boolean(), nullable=False),
    sa.Column('builtin', sa.Boolean(), nullable=False),
    sa.Column('sort_order', sa.Integer(), nullable=False),
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_by', sa.String(length=120), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_cpd_form')),
    sa.UniqueConstraint('code', name=op.f('uq_cpd_form_code'))
    )
    op.create_table('cpd_rule_set',
    sa.Column('effective_year', sa.Integer(), nullable=False),
    sa.Column('decided_on', sa.Date(), nullable=True),
    sa.Column('decision', sa.String(length=300), nullable=False),
    sa.Column('partial_exemption', sa.String(length=20), nullable=False),
    sa.Column('report_due', sa.String(length=5), nullable=False),
    sa.Column('summary_due', sa.String(length=5), nullable=False),
    sa.Column('plan_due', sa.String(length=5), nullable=False),
    sa.Column('regional_events_min', sa.Integer(), nullable=False),
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_by', sa.String(length=120), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_cpd_rule_set')),
    sa.UniqueConstraint('effective_year', name=op.f('uq_cpd_rule_set_effective_year'))
    )
    op.create_table('training_plan',
    sa.Column('year', sa.Integer(), nullable=False),
    sa.Column('approved_on', sa.Date(), nullable=True),
    sa.Column('sent_on', sa.Date(), nullable=True),
    sa.Column('note', sa.Text(), nullable=False),
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_by', sa.String(length=120), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_training_plan')),
    sa.UniqueConstraint('year', name=op.f('uq_training_plan_year'))
    )
    op.create_table('cpd_form_points',
    sa.Column('rule_set_id', sa.Uuid(), nullable=False),
    sa.Column('form_id', sa.Uuid(), nullable=False),
    sa.Column('points', sa.Numeric(precision=6, scale=2), nullable=False),
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_by', sa.String(length=120), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['form_id'], ['cpd_form.id'], name=op.f('fk_cpd_form_points_form_id_cpd_form'), ondelete='RESTRICT'),
    sa.ForeignKeyConstraint(['rule_set_id'], ['cpd_rule_set.id'], name=op.f('fk_cpd_form_points_rule_set_id_cpd_rule_set'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_cpd_form_points')),
    sa.UniqueConstraint('rule_set_id', 'form_id', name=op.f('uq_cpd_form_points_rule_set_id'))
    )
    op.create_table('cpd_role_rule',
    sa.Column('rule_set_id', sa.Uuid(), nullable=False),
    sa.Column('role', sa.String(length=20), nullable=False),
    sa.Column('min_points', sa.Numeric(precision=6, scale=2), nullable=False),
    sa.Column('academy_every_years', sa.Integer(), nullable=False),
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_by', sa.String(length=120), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['rule_set_id'], ['cpd_rule_set.id'], name=op.f('fk_cpd_role_rule_rule_set_id_cpd_rule_set'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_cpd_role_rule')),
    sa.UniqueConstraint('rule_set_id', 'role', name=op.f('uq_cpd_role_rule_rule_set_id'))
    )
    op.create_table('training_event',
    sa.Column('title', sa.String(length=400), nullable=False),
    sa.Column('kind', sa.String(length=20), nullable=False),
    sa.Column('level', sa.String(length=12), nullable=False),
    sa.Column('audience', sa.String(length=12), nullable=False),
    sa.Column('organiser', sa.String(length=300), nullable=False),
    sa.Column('form_id', sa.Uuid(), nullable=False),
    sa.Column('points', sa.Numeric(precision=6, scale=2), nullable=True),
    sa.Column('plan_year', sa.Integer(), nullable=False),
    sa.Column('topic', sa.String(length=300), nullable=False),
    sa.Column('status', sa.String(length=12), nullable=False),
    sa.Column('court_id', sa.Uuid(), nullable=True),
    sa.Column('description', sa.Text(), nullable=False),
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_by', sa.String(length=120), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['court_id'], ['court.id'], name=op.f('fk_training_event_court_id_court'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['form_id'], ['cpd_form.id'], name=op.f('fk_training_event_form_id_cpd_form'), ondelete='RESTRICT'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_training_event'))
    )
    with op.batch_alter_table('training_event', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_training_event_kind'), ['kind'], unique=False)
        batch_op.create_index(batch_op.f('ix_training_event_plan_year'), ['plan_year'], unique=False)

    op.create_table('training_need',
    sa.Column('plan_year', sa.Integer(), nullable=False),
    sa.Column('court_id', sa.Uuid(), nullable=False),
    sa.Column('topic', sa.String(length=300), nullable=False),
    sa.Column('audience', sa.String(length=12), nullable=False),
    sa.Column('people', sa.Integer(), nullable=False),
    sa.Column('note', sa.Text(), nullable=False),
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_by', sa.String(length=120), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['court_id'], ['court.id'], name=op.f('fk_training_need_court_id_court'), ondelete='RESTRICT'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_training_need'))
    )
    with op.batch_alter_table('training_need', schema=None) as batch_op:
        batch_op.create_index('ix_training_need_year_court', ['plan_year', 'court_id'], unique=False)

    op.create_table('cpd_exemption',
    sa.Column('person_id', sa.Uuid(), nullable=False),
    sa.Column('kind', sa.String(length=20), nullable=False),
    sa.Column('starts_on', sa.Date(), nullable=False),
    sa.Column('ends_on', sa.Date(), nullable=False),
    sa.Column('note', sa.Text(), nullable=False),
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_by', sa.String(length=120), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['person_id'], ['person.id'], name=op.f('fk_cpd_exemption_person_id_person'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_cpd_exemption'))
    )
    with op.batch_alter_table('cpd_exemption', schema=None) as batch_op:
        batch_op.create_index('ix_cpd_exemption_person_start', ['person_id', 'starts_on'], unique=False)

    op.create_table('cpd_report',
    sa.Column('person_id', sa.Uuid(), nullable=False),
    sa.Column('year', sa.Integer(), nullable=False),
    sa.Column('state', sa.String(length=12), nullable=False),
    sa.Column('filled_on', sa.Date(), nullable=True),
    sa.Column('submitted_on', sa.Date(), nullable=True),
    sa.Column('remarks', sa.Text(), nullable=False),
    sa.Column('officer_comment', sa.Text(), nullable=False),
    sa.Column('accepted_on', sa.Date(), nullable=True),
    sa.Column('accepted_by', sa.String(length=200), nullable=False),
    sa.Column('snapshot', sa.JSON(), nullable=True),
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_by', sa.String(length=120), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['person_id'], ['person.id'], name=op.f('fk_cpd_report_person_id_person'), ondelete='RESTRICT'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_cpd_report')),
    sa.UniqueConstraint('person_id', 'year', name=op.f('uq_cpd_report_person_id'))
    )
    with op.batch_alter_table('cpd_report', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_cpd_report_year'), ['year'], unique=False)

    op.create_table('training_session',
    sa.Column('event_id', sa.Uuid(), nullable=False),
    sa.Column('starts_on', sa.Date(), nullable=False),
    sa.Column('ends_on', sa.Date(), nullable=False),
    sa.Column('place', sa.String(length=300), nullable=False),
    sa.Column('trainer', sa.String(length=300), nullable=False),
    sa.Column('capacity', sa.Integer(), nullable=False),
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_by', sa.String(length=120), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['event_id'], ['training_event.id'], name=op.f('fk_training_session_event_id_training_event'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_training_session'))
    )
    with op.batch_alter_table('training_session', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_training_session_event_id'), ['event_id'], unique=False)

    op.create_table('training_registration',
    sa.Column('session_id', sa.Uuid(), nullable=False),
    sa.Column('person_id', sa.Uuid(), nullable=False),
    sa.Column('state', sa.String(length=12), nullable=False),
    sa.Column('queue_no', sa.Integer(), nullable=False),
    sa.Column('attended', sa.Boolean(), nullable=False),
    sa.Column('rating', sa.Integer(), nullable=True),
    sa.Column('feedback', sa.Text(), nullable=False),
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_by', sa.String(length=120), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['person_id'], ['person.id'], name=op.f('fk_training_registration_person_id_person'), ondelete='RESTRICT'),
    sa.ForeignKeyConstraint(['session_id'], ['training_session.id'], name=op.f('fk_training_registration_session_id_training_session'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_training_registration')),
    sa.UniqueConstraint('session_id', 'person_id', name=op.f('uq_training_registration_session_id'))
    )
    with op.batch_alter_table('training_registration', schema=None) as batch_op:
        batch_op.create_index('ix_training_registration_person', ['person_id'], unique=False)

    op.create_table('cpd_activity',
    sa.Column('person_id', sa.Uuid(), nullable=False),
    sa.Column('year', sa.Integer(), nullable=False),
    sa.Column('starts_on', sa.Date(), nullable=False),
    sa.Column('ends_on', sa.Date(), nullable=False),
    sa.Column('form_id', sa.Uuid(), nullable=False),
    sa.Column('event', sa.String(length=400), nullable=False),
    sa.Column('organiser', sa.String(length=300), nullable=False),
    sa.Column('hours', sa.Numeric(precision=6, scale=1), nullable=True),
    sa.Column('points', sa.Numeric(precision=6, scale=2), nullable=False),
    sa.Column('catalogue_points', sa.Numeric(precision=6, scale=2), nullable=True),
    sa.Column('override_reason', sa.Text(), nullable=False),
    sa.Column('state', sa.String(length=12), nullable=False),
    sa.Column('reviewed_by', sa.String(length=120), nullable=False),
    sa.Column('reviewed_on', sa.Date(), nullable=True),
    sa.Column('review_note', sa.Text(), nullable=False),
    sa.Column('source', sa.String(length=12), nullable=False),
    sa.Column('registration_id', sa.Uuid(), nullable=True),
    sa.Column('idempotency_key', sa.String(length=80), nullable=True),
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_by', sa.String(length=120), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['form_id'], ['cpd_form.id'], name=op.f('fk_cpd_activity_form_id_cpd_form'), ondelete='RESTRICT'),
    sa.ForeignKeyConstraint(['person_id'], ['person.id'], name=op.f('fk_cpd_activity_person_id_person'), ondelete='RESTRICT'),
    sa.ForeignKeyConstraint(['registration_id'], ['training_registration.id'], name=op.f('fk_cpd_activity_registration_id_training_registration'), ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_cpd_activity')),
    sa.UniqueConstraint('idempotency_key', name=op.f('uq_cpd_activity_idempotency_key'))
    )
    with op.batch_alter_table('cpd_activity', schema=None) as batch_op:
        batch_op.create_index('ix_cpd_activity_form_person', ['form_id', 'state', 'person_id', 'ends_on'], unique=False)
        batch_op.create_index('ix_cpd_activity_person_date', ['person_id', 'ends_on', 'points'], unique=False)
        batch_op.create_index(batch_op.f('ix_cpd_activity_registration_id'), ['registration_id'], unique=False)
        batch_op.create_index('ix_cpd_activity_year_person', ['year', 'person_id', 'state', 'points'], unique=False)

    op.create_table('cpd_evidence',
    sa.Column('activity_id', sa.Uuid(), nullable=False),
    sa.Column('kind', sa.String(length=20), nullable=False),
    sa.Column('filename', sa.String(length=255), nullable=False),
    sa.Column('size', sa.Integer(), nullable=False),
    sa.Column('sha256', sa.String(length=64), nullable=False),
    sa.Column('content', sa.LargeBinary(), nullable=True),
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_by', sa.String(length=120), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['activity_id'], ['cpd_activity.id'], name=op.f('fk_cpd_evidence_activity_id_cpd_activity'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_cpd_evidence'))
    )
    with op.batch_alter_table('cpd_evidence', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_cpd_evidence_activity_id'), ['activity_id'], unique=False)

    # ### end Alembic commands ###
    _seed_catalogue()


def downgrade() -> None:
    # ### commands auto generated by Alembic - please adjust! ###
    with op.batch_alter_table('cpd_evidence', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_cpd_evidence_activity_id'))

    op.drop_table('cpd_evidence')
    with op.batch_alter_table('cpd_activity', schema=None) as batch_op:
        batch_op.drop_index('ix_cpd_activity_year_person')
        batch_op.drop_index(batch_op.f('ix_cpd_activity_registration_id'))
        batch_op.drop_index('ix_cpd_activity_person_date')
        batch_op.drop_index('ix_cpd_activity_form_person')

    op.drop_table('cpd_activity')
    with op.batch_alter_table('training_registration', schema=None) as batch_op:
        batch_op.drop_index('ix_training_registration_person')

    op.drop_table('training_registration')
    with op.batch_alter_table('training_session', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_training_session_event_id'))

    op.drop_table('training_session')
    with op.batch_alter_table('cpd_report', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_cpd_report_year'))

    op.drop_table('cpd_report')
    with op.batch_alter_table('cpd_exemption', schema=None) as batch_op:
        batch_op.drop_index('ix_cpd_exemption_person_start')

    op.drop_table('cpd_exemption')
    with op.batch_alter_table('training_need', schema=None) as batch_op:
        batch_op.drop_index('ix_training_need_year_court')

    op.drop_table('training_need')
    with op.batch_alter_table('training_event', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_training_event_plan_year'))
        batch_op.drop_index(batch_op.f('ix_training_event_kind'))

    op.drop_table('training_event')
    op.drop_table('cpd_role_rule')
    op.drop_table('cpd_form_points')
    op.drop_table('training_plan')
    op.drop_table('cpd_rule_set')
    op.drop_table('cpd_form')
    # ### end Alembic commands ###
