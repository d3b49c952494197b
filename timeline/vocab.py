"""The controlled vocabularies of the timeline and the CAMEO -> Goldstein table.

Every value a user can type for a closed field is checked here, so the message
for a wrong one always lists the valid choices.
"""

from __future__ import annotations

from timeline.errors import InvalidValue

CATEGORIES = ("strike", "visit", "message", "talks", "deal", "sanction", "statement", "other")
DIRECTIONS = ("escalation", "de-escalation", "neutral")
STATUSES = ("candidate", "confirmed", "rejected")
ROLES = ("initiator", "target", "intermediary", "participant")
ACTOR_KINDS = ("state", "organization", "armed_group", "person")

CONTACT_CATEGORIES = ("message", "visit", "talks", "deal")
"""De-escalation contacts: what analysts look for after an escalation."""

GOLDSTEIN: dict[str, float] = {
    "010": 0.0,  # make statement
    "020": 3.0,  # appeal
    "030": 4.0,  # express intent to cooperate
    "036": 4.0,  # express intent to meet or negotiate
    "040": 1.0,  # consult
    "042": 1.9,  # make a visit
    "043": 2.8,  # host a visit
    "045": 5.0,  # mediate
    "046": 7.0,  # engage in negotiation
    "051": 3.4,  # praise or endorse
    "057": 8.0,  # sign formal agreement
    "07": 7.0,  # provide aid (arms, relief, supplies)
    "084": 7.0,  # return, release
    "0841": 7.0,  # release persons
    "085": 7.0,  # ease economic sanctions
    "087": 9.0,  # de-escalate military engagement
    "0871": 9.0,  # declare truce, ceasefire
    "10": -5.0,  # demand
    "11": -2.0,  # disapprove
    "12": -4.0,  # reject
    "13": -6.0,  # threaten
    "138": -7.0,  # threaten with military force
    "14": -6.5,  # protest
    "15": -7.2,  # exhibit military posture
    "16": -4.0,  # reduce relations
    "163": -8.0,  # impose embargo, boycott or sanctions
    "17": -7.0,  # coerce
    "173": -5.0,  # arrest, detain or charge with legal action
    "18": -9.0,  # assault
    "186": -10.0,  # assassinate
    "19": -10.0,  # fight
    "190": -10.0,  # use conventional military force
    "193": -10.0,  # fight with small arms and light weapons
    "195": -10.0,  # employ aerial weapons
    "20": -10.0,  # use unconventional mass violence
}

CATEGORY_DEFAULTS: dict[str, tuple[str, float]] = {
    "strike": ("190", -10.0),
    "visit": ("042", 1.9),
    "message": ("040", 1.0),
    "talks": ("046", 7.0),
    "deal": ("057", 8.0),
    "sanction": ("163", -8.0),
    "statement": ("010", 0.0),
    "other": ("010", 0.0),
}
"""The CAMEO code and Goldstein value assumed for a category when none is given."""


def choice(field: str, value: str, options: tuple[str, ...]) -> str:
    """``value`` normalised to one of ``options`` or an error listing them."""
    normal = value.strip().lower().replace("_", "-") if field != "kind" else value.strip().lower()
    if field == "direction" and normal in ("deescalation", "de escalation"):
        normal = "de-escalation"
    if normal not in options and normal.endswith("s") and normal[:-1] in options:
        normal = normal[:-1]  # "strikes" means strike
    if normal not in options:
        raise InvalidValue(f"unknown {field} {value!r}; choose one of: {', '.join(options)}")
    return normal


def goldstein(cameo_code: str | None, category: str) -> float:
    """The default intensity: the CAMEO code's, its nearest parent's, else the category's."""
    code = (cameo_code or "").strip()
    while code:
        if code in GOLDSTEIN:
            return GOLDSTEIN[code]
        code = code[:-1]
    return CATEGORY_DEFAULTS[category][1]


def direction_of(intensity: float) -> str:
    """Escalation below zero, de-escalation above, neutral at zero."""
    if intensity < 0:
        return "escalation"
    if intensity > 0:
        return "de-escalation"
    return "neutral"


def check_intensity(value: float) -> float:
    if not -10.0 <= value <= 10.0:
        raise InvalidValue(f"intensity {value} is off the Goldstein scale; use -10 to +10")
    return float(value)


def check_confidence(value: float | None) -> float | None:
    if value is not None and not 0.0 <= value <= 1.0:
        raise InvalidValue(f"confidence {value} is out of range; use 0 to 1")
    return value
