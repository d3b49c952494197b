"""The shape of a trigger (a pattern with its category and CAMEO code), and the
pattern fragments that more than one table of triggers uses."""

from __future__ import annotations

import re
from dataclasses import dataclass


@dataclass(frozen=True)
class Trigger:
    category: str
    cameo: str
    subtype: str | None
    pattern: re.Pattern[str]


def trigger(category: str, cameo: str, subtype: str | None, pattern: str) -> Trigger:
    return Trigger(category, cameo, subtype, re.compile(pattern, re.IGNORECASE))


DOING = r"(?:(?<=was\s)|(?<=were\s)|(?<=is\s)|(?<=are\s))"
"""Before an -ing form: only the progressive ("was walking away"), not "risks walking away"."""

PASSIVE = r"(?:(?<=was\s)|(?<=were\s)|(?<=been\s))"
"""Before a participle: only a passive ("was hit by a drone"), looked behind so that a
scan starts at the participle, not at every "was"."""

FORCES = (
    r"(?:troops|soldiers|sailors|marines|warships|destroyers?|frigates?|cruisers?|corvettes?|"
    r"minesweepers?|bombers|B-52s?|B-1s?|B-2s?|fighter\s+jets|warplanes|F-\d+s?|"
    r"(?:aircraft\s+)?carriers?(?:\s+(?:strike\s+)?group)?|(?:naval\s+)?(?:escort\s+)?task\s+forces?|"
    r"(?:amphibious\s+)?assault\s+ships?|(?:Patriot|THAAD|missile\s+defen[cs]e)"
    r"\s+(?:missile\s+(?:defen[cs]e\s+)?)?(?:batter(?:y|ies)|systems?)|"
    r"air\s+defen[cs]e\s+systems?|squadrons?|batter(?:y|ies)|battalions?|submarines?|"
    r"(?:attack\s+|minesweeping\s+)?helicopters|gunships)"
)
"""Forces whose sending is a show of force: "deployed a Royal Navy frigate"."""
