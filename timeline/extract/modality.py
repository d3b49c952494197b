"""Whether an event is asserted or planned, possible, denied or hypothetical: the
cues of modality near its trigger (:data:`MODALITY`),
read in a text whose dates are blanked."""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

from timeline.extract.sentences import Span

MODALITY = (
    (
        "denied",
        re.compile(
            r"\b(?:denied|denies|deny|called\s+(?:\w+\s+)?off|suspend(?:ed|ing|s)|broke\s+off|halted|ruled\s+out|"
            r"put\s+off|postpon(?:ed|es|ing)|deferred|failed\s+to\s+(?:materiali[sz]e|take\s+place|happen)|fell\s+through|"
            r"without\s+(?:an?\s+)?(?:agreement|deal|accord|result|progress|breakthrough)|"
            r"no\s+(?:[\w-]+\s+){0,3}(?:was|were|had\s+been)\s+(?:killed|hurt|injured|wounded|harmed)|"
            r"\bno\s+(?:[\w-]+\s+){0,2}(?:had|has|have)\s+(?:ever\s+)?(?:been\s+)?(?-i:[a-z]+)\b|cancell?ed|aborted|scrapped|no\s+signs?\s+of|(?:no|little)\s+room|no\s+prospect|never|did\s+not|didn't|has\s+not|hasn't|false|rumou?rs?|refus(?:ed|es|ing|e)\b|a\s+(?:\w+\s+)?lie\b)\b"
            # "there had been no talks", "no direct contacts": none took place
            r"|\bno\s+(?:[\w-]+\s+)?(?=(?:talks|negotiations?|meetings?|contacts?|dialogue|"
            r"deal|agreement|visits?|strikes?|attacks?|letters?|messages?)\b)",
            re.I,
        ),
    ),
    (
        "hypothetical",
        re.compile(
            r"\b(?:if|unless|whether|would\s+have)\b"
            # "The tighter Washington turns the screws, the more Iran attacks": a rule of
            # thumb (a comparative correlative), no particular event.
            r"|\bthe\s+(?:more|less|fewer|\w+er)\b[^.;]{1,80},\s+the\s+(?:more|less|fewer|\w+er)\b",
            re.I,
        ),
    ),
    (
        "planned",
        re.compile(
            r"\b(?:will|plans?\s+(?:to|for)|planned|prepar\w+\b(?!\s+(?:statement|remarks|text)\b)|pave\s+the\s+way\s+for|scheduled|to\s+be\s+\w+ed|set\s+to|expected\s+to|to\s+be\s+held|upcoming|called\s+for|plott(?:ed|ing)|(?:is|are)\s+to\s+(?:fly|travel|visit|meet|hold|sign|attend|arrive|leave|return|go)|proposed|proposals?|intends?\s+to|aims?\s+to|would)\b",
            re.I,
        ),
    ),
    (
        "possible",
        re.compile(
            r"\b(?:may|might|could|must|should|ought\s+to|possibl\w+|potential\w*|perhaps|likely|unlikely|open\s+to|wants?|wanted|"
            # "speculation about the timing of a retaliation", "fears of an imminent attack"
            r"speculat\w+|fears?\s+(?:of|that)|"
            r"(?:stood|stands|was|were|is|are)\s+ready\s+(?:to|for)|"
            r"seeks?|sought|hop(?:e|es|ed|ing)|consider(?:s|ed|ing)?|weigh(?:s|ed|ing)|"
            r"(?:was|were|is|are)\s+studying|options?\s+(?:of|for|including))\b",
            re.I,
        ),
    ),
)


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
