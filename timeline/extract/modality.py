"""Whether an event is asserted or planned, possible, denied or hypothetical: the
cues of modality near its trigger (:data:`timeline.extract.triggers.MODALITY`),
read in a text whose dates are blanked."""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

from timeline.extract.sentences import Span
from timeline.extract.triggers import MODALITY


def mask_dates(text: str, dates: Sequence[Any]) -> str:
    """The text with its temporal expressions blanked ("May" is a month, not a modal)."""
    chars = list(text)
    for d in dates:
        chars[d.start : d.end] = " " * (d.end - d.start)
    return "".join(chars)


_DENYING = re.compile(r"den(?:y|ies|ied)$", re.I)
_COORDINATION = re.compile(r",\s+(?:and|but|or|while|whereas)\b")
_CALLED_OFF = re.compile(
    r"\b(?:but|then|and)\s+(?:\w+\s+)?(?:called\s+(?:\w+\s+)?off|cancell?ed|aborted)\b"
)
"""'approved strikes on Thursday evening but called them off': none took place."""
_ALLEGED = re.compile(
    r"\b(?:accus\w+|alleg\w+)\s+(?:[\w'’-]+\s+){0,4}?of\s+(?:[\w'’-]+\s+){0,4}$", re.I
)


def modality_of(
    text: str,
    clause: Span,
    trigger_start: int,
    trigger_end: int | None = None,
    saying: bool = False,
) -> str:
    """Asserted, or the modality a cue near the trigger signals. The trigger's own
    words are no cue: "refused to" is a refusal that happened, not a denial. For a
    ``saying`` (a statement), what follows the trigger is what was said: "said that
    Iran did not seek war" is a statement made, whatever its content denies."""
    low = max(clause.start, trigger_start - 60)
    end = trigger_start if trigger_end is None else trigger_end
    high = min(clause.end, end if saying else trigger_start + 40)
    # A negation does not reach across a coordination: "never ratified, and enabling
    # the exit" asserts the exit.
    first = clause.start
    for joint in _COORDINATION.finditer(text, clause.start, trigger_start):
        first = joint.end()
    # What is planned or possible is said in the trigger's own stretch of the clause:
    # "funds to be released, to prevent Tehran from using them" prevents now.
    near = max(low, first, text.rfind(",", low, trigger_start) + 1)
    if not saying and _CALLED_OFF.search(text, trigger_start, clause.end):
        return "denied"
    if not saying and _ALLEGED.search(text, max(clause.start, trigger_start - 60), trigger_start):
        return "possible"  # "accused Iran of an attack": the attack as alleged
    for name, pattern in MODALITY:
        scope = near if name in ("planned", "possible") else first
        for cue in pattern.finditer(text, scope, high):
            if saying and name == "denied" and _DENYING.match(cue.group(0)):
                continue  # "Tehran denies it and has rejected any link": both are sayings
            if not trigger_start <= cue.start() < cue.end() <= end:
                return name
    return "asserted"
