"""Rule IDs (M-11, I-1 …) taken out of a message: the words for people, the IDs for a tooltip."""

from __future__ import annotations

import re

RULE = r"[MICETP]-\d+"
_JOIN = r"\s*(?:,|;|/|…|и|және|and)\s*"
_RULES = rf"{RULE}(?:{_JOIN}{RULE})*"
# "… — M-11" at the end of a refusal, and "(M-11)", "(правило I-3)", "(I-3 ереже)" anywhere.
# A RuleError lists one refusal a line (the roster's eligibility lines): each line's end counts.
_TAIL = re.compile(rf"[ \t]*[—–][ \t]*{_RULES}[ \t]*(?=\.?[ \t]*$)", re.MULTILINE)
_PAREN = re.compile(rf"\s*\((?:[^()]*?\s)?{_RULES}(?:\s[^()]*)?\)")
# "I-3: …" at the start of a line (the internship planner's conflicts).
_HEAD = re.compile(rf"^[ \t]*{_RULES}[ \t]*:[ \t]*", re.MULTILINE)
_ID = re.compile(RULE)


def split_rules(text: str) -> tuple[str, tuple[str, ...]]:
    """The message without its rule IDs, and the IDs in the order they appeared."""
    rules = tuple(dict.fromkeys(_ID.findall(text)))
    plain = _PAREN.sub("", _TAIL.sub("", _HEAD.sub("", text)))
    return plain, rules
