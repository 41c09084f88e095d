"""`evaluation protocol|acknowledge` and the E-3 papers on the command line (seed 001 §7.1.12)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from app.__main__ import main
from app.evaluation.commission import content, protocols_of_round
from tests.app.evaluation.test_commission_e3 import round_  # noqa: F401  (the fixture)

TODAY = date.today().isoformat()


def test_e3_commands_record_a_protocol_and_acknowledgement(
    store,
    round_,  # noqa: F811  (the fixture imported above)
    db_path: Path,
    tmp_path: Path,
) -> None:
    round_id, (first, second, _draft) = round_
    db = ["--db", str(db_path), "--lang", "ru", "evaluation"]
    protocol = [*db, "protocol", "--round", str(round_id), "--number", "5", "--held-on", TODAY]
    protocol += ["--chair", "Ахметов Б. С.", "--secretary", "Ли О. В.", "--member", "Ким С."]
    assert main([*protocol, "--decision", f"{first}=mentoring:Тәлімгер тағайындау"]) == 0
    assert main([*protocol, "--decision", f"{second}=approved"]) == 3  # number 5 taken
    with pytest.raises(SystemExit) as usage:
        main([*protocol, "--decision", "not-a-sheet"])
    assert usage.value.code == 2
    assert main([*db, "acknowledge", "--sheet", str(first), "--on", TODAY]) == 0
    with store.read() as s:
        (pid, _n, _d), *_ = protocols_of_round(s, round_id)
        (line,) = content(s, round_id, pid).lines
    assert (line.decision, line.text, line.acknowledged_on) == (
        "mentoring",
        "Тәлімгер тағайындау",
        date.today(),
    )
    out = tmp_path / "ack.pdf"
    report = ["--db", str(db_path), "--lang", "kk", "report", "evaluation-acknowledgement"]
    assert main([*report, "--round", str(round_id), "--out", str(out)]) == 0
    assert out.read_bytes().startswith(b"%PDF")


def test_e3_the_help_names_every_decision_the_commission_may_take() -> None:
    from app.cli.evaluation import _KINDS
    from app.evaluation.commission import DECISIONS

    assert "{" + ",".join(DECISIONS) + "}" == _KINDS
