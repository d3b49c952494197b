"""Lexicon and regular expressions of the temporal tagger.

Every pattern is compiled once, here. Each rule names the resolver that turns
its match into a TIMEX3 type and value (see :mod:`timeline.extract.temporal`).
Patterns are deliberately conservative about words that are also verbs or
numbers ("may", "march", "fall", "27,000", "2,000 sorties").
"""

from __future__ import annotations

import re


def words(text: str) -> frozenset[str]:
    """The set of the space-separated words of ``text``."""
    return frozenset(text.split())


MONTH_NUMBERS: dict[str, int] = {
    "january": 1,
    "february": 2,
    "march": 3,
    "april": 4,
    "may": 5,
    "june": 6,
    "july": 7,
    "august": 8,
    "september": 9,
    "october": 10,
    "november": 11,
    "december": 12,
    "jan": 1,
    "feb": 2,
    "mar": 3,
    "apr": 4,
    "jun": 6,
    "jul": 7,
    "aug": 8,
    "sep": 9,
    "sept": 9,
    "oct": 10,
    "nov": 11,
    "dec": 12,
}

WEEKDAY_NUMBERS = {
    "monday": 1,
    "tuesday": 2,
    "wednesday": 3,
    "thursday": 4,
    "friday": 5,
    "saturday": 6,
    "sunday": 7,
}

NUMBER_WORDS = {
    "a": 1,
    "an": 1,
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "fifteen": 15,
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
    "a couple of": 2,
    "couple of": 2,
}

ORDINALS = {"first": 1, "second": 2, "third": 3, "fourth": 4, "1st": 1, "2nd": 2, "3rd": 3}
ORDINALS["4th"] = 4

SPELLED_UNITS = {
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "thirteen": 13,
    "fourteen": 14,
    "fifteen": 15,
    "sixteen": 16,
    "seventeen": 17,
    "eighteen": 18,
    "nineteen": 19,
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
    "sixty": 60,
    "seventy": 70,
    "eighty": 80,
    "ninety": 90,
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
}

SPELLED_DECADES = {
    "twenties": 2,
    "thirties": 3,
    "forties": 4,
    "fifties": 5,
    "sixties": 6,
    "seventies": 7,
    "eighties": 8,
    "nineties": 9,
}

PARTS_OF_DAY = {
    "morning": "MO",
    "afternoon": "AF",
    "evening": "EV",
    "night": "NI",
    "nights": "NI",
    "tonight": "NI",
}

# Months are matched case-sensitively (capitalised or upper case) so the verbs
# "may" and "march" never match.
_MONTH_FULL = (
    "January|February|March|April|May|June|July|August|September|October|November|December"
)
_MONTH_ABBR = r"Jan\.?|Feb\.?|Mar\.|Apr\.?|Jun\.?|Jul\.?|Aug\.?|Sept\.?|Sep\.?|Oct\.?|Nov\.?|Dec\.?"
MONTH = rf"(?:{_MONTH_FULL}|{_MONTH_FULL.upper()}|{_MONTH_ABBR})"
WEEKDAY = r"(?:[Mm]onday|[Tt]uesday|[Ww]ednesday|[Tt]hursday|[Ff]riday|[Ss]aturday|[Ss]unday)"
_NUM = (
    r"(?:\d{1,3}|a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|"
    r"fifteen|twenty|thirty|forty|fifty|a couple of|couple of)"
)
_UNIT = r"(?:day|week|month|year|decade|quarter|hour|minute|weekend|century)"
_SEASON = r"(?:spring|summer|fall|autumn|winter)"
_YEAR = r"(?:1[0-9]\d\d|20\d\d)"
_DAY = r"(?:[12]\d|3[01]|0?[1-9])"
_ORD = r"(?:first|second|third|fourth|1st|2nd|3rd|4th)"
_SPELLED_YEAR = (
    r"(?:nineteen|eighteen|twenty)[ -](?:(?:ten|eleven|twelve|thirteen|fourteen|fifteen|"
    r"sixteen|seventeen|eighteen|nineteen)|(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|"
    r"ninety)(?:-(?:one|two|three|four|five|six|seven|eight|nine))?)"
)
_FUTURE_REF = (
    r"soon|the\s+(?:near\s+|distant\s+)?future|(?:the\s+)?coming\s+(?:days|weeks|months|years)"
)

_YEAR_TOLD = (
    r"last|next|this|that|the\s+same|the\s+following|the\s+next|the\s+previous|the\s+preceding"
)
"""What may name a year before "year": "May of last year", "April 14 of that year"."""

_I = re.IGNORECASE
# Boundaries that refuse letters, digits and number punctuation on either side.
_L = r"(?<![\w$£€#@/.,-])"
_R = r"(?![\w%$]|[.,]\d|-\w)"

RULES: list[tuple[str, re.Pattern[str]]] = [
    ("iso", re.compile(rf"{_L}(?P<y>\d{{4}})-(?P<m>[01]\d)-(?P<d>[0-3]\d)(?:T[\d:]+)?{_R}")),
    ("slash", re.compile(rf"{_L}(?P<m>[01]?\d)/(?P<d>[0-3]?\d)/(?P<y>\d{{4}}|\d\d){_R}")),
    (
        "month_day",
        re.compile(
            rf"(?<!\w)(?:(?P<wd>{WEEKDAY}),?\s+)?(?P<mon>{MONTH})\s+(?P<d>{_DAY})(?:st|nd|rd|th)?"
            rf"(?:\s*(?:-|–|to|and|through)\s*(?P<d2>{_DAY})(?:st|nd|rd|th)?)?"
            rf"(?:,?\s+(?P<y>{_YEAR})|\s+of\s+(?i:(?P<rel>{_YEAR_TOLD}))\s+year)?{_R}"
        ),
    ),
    (
        "day_month",
        re.compile(
            rf"{_L}(?:(?P<wd>{WEEKDAY}),?\s+)?(?P<d>{_DAY})(?:st|nd|rd|th)?"
            rf"(?:\s*(?:-|–|to|and)\s*(?P<d2>{_DAY})(?:st|nd|rd|th)?)?\s+(?:of\s+)?"
            rf"(?P<mon>{MONTH})(?:,?\s+(?P<y>{_YEAR})|\s+of\s+(?i:(?P<rel>{_YEAR_TOLD}))\s+year)?"
            rf"{_R}"
        ),
    ),
    (
        "month_year",
        re.compile(
            rf"(?:(?i:(?P<mod>(?:the\s+)?(?:early|mid|late)|the\s+(?:beginning|start|end|middle)"
            rf"\s+of)[-\s]+))?(?<!\w)(?P<mon>{MONTH})(?:,?\s+(?:of\s+)?(?P<y>{_YEAR})|\s+(?P<sy>"
            rf"{_SPELLED_YEAR}))?(?!\s*\d)(?!\w)"
        ),
    ),
    (
        "rel_month",
        re.compile(
            rf"(?i:(?P<mod>early|mid|late)[-\s]+)?(?i:(?P<rel>last|next|this|this\s+past|"
            rf"this\s+coming|previous))\s+(?P<mon>{MONTH}){_R}"
        ),
    ),
    (
        "month_rel_year",
        # "May of last year"; "in August of that year", "in March the following year":
        # counted from the year just told
        re.compile(rf"(?P<mon>{MONTH})\s+(?i:of\s+)?(?i:(?P<rel>{_YEAR_TOLD}))\s+year{_R}"),
    ),
    (
        "year",
        re.compile(
            rf"(?i:(?P<the>the\s+)?(?P<mod>early|mid|late|the\s+(?:beginning|start|end|middle)"
            rf"\s+of|fiscal|the\s+(?:first|second|last)\s+half\s+of)[-\s]+)?"
            rf"(?<![\w$£€#@/.,])(?P<y>{_YEAR}){_R}(?!\s+(?i:percent|per\s+cent|people|"
            rf"soldiers|troops|members|sorties|men|women|dollars|tons|barrels|feet|meters|miles|"
            rf"kilometers|km|shares|units|workers|employees|jobs|votes|cars|acres|pounds|points|"
            rf"seats|times)\b)"
        ),
    ),
    (
        "spelled_year",
        re.compile(rf"(?i:(?:the\s+year\s+)?{_SPELLED_YEAR}|the\s+year\s+two\s+thousand)\b"),
    ),
    (
        "decade",
        re.compile(
            r"(?i:(?P<the>the\s+)?(?:(?P<mod>early|mid|late)[-\s]+)?)"
            r"(?:(?P<c>1[0-9]|20)(?P<dd>\d)0'?s|'(?P<dd2>\d)0s)(?!\w)"
        ),
    ),
    (
        "spelled_decade",
        re.compile(
            r"(?i:the\s+(?:(?P<mod>early|mid|late)[-\s]+)?(?P<dec>twenties|thirties|forties|"
            r"fifties|sixties|seventies|eighties|nineties))\b"
        ),
    ),
    (
        "century",
        re.compile(r"(?i:(?:the\s+)?(?P<n>1[0-9]|2[01])(?:st|nd|rd|th)\s+century)\b"),
    ),
    (
        "season",
        re.compile(
            rf"(?i:(?:(?P<rel>last|next|this|this\s+past|this\s+coming|early|late|the)\s+)?"
            rf"(?:(?P<mod2>early|late|mid)[-\s]+)?(?P<season>{_SEASON})(?:\s+(?:of\s+)?"
            rf"(?P<y>{_YEAR})|\s+(?P<sy>{_SPELLED_YEAR}))?)\b"
        ),
    ),
    (
        "quarter",
        re.compile(
            rf"(?i:(?:(?P<det>the|this\s+year's|last\s+year's|next\s+year's|the\s+"
            rf"(?P<qy>{_YEAR}))\s+)?(?P<fiscal>fiscal[-\s]+)?(?P<ord>{_ORD})(?P<sep>[-\s]+)"
            rf"(?:fiscal[-\s]+)?quarter(?:\s+of\s+(?:(?P<y>{_YEAR})|(?P<rel>last|next|this)"
            rf"\s+year))?|(?P<q>Q[1-4])(?:\s+(?P<y2>{_YEAR}))?)\b"
        ),
    ),
    (
        "half",
        re.compile(
            rf"(?i:(?:the\s+)?(?P<ord>first|second)\s+half(?:\s+of\s+(?:(?P<y>{_YEAR})|"
            rf"(?P<rel>last|next|this)\s+year|the\s+year))?)\b"
        ),
    ),
    (
        "the_quarter",
        re.compile(
            r"(?i:(?:the|this|that|its|the\s+latest|the\s+current|the\s+year-(?:ago|earlier)|"
            r"the\s+comparable\s+year-ago|the\s+year-earlier)\s+quarter|"
            r"(?:the\s+)?(?:latest|current)\s+quarter|the\s+latest\s+period)\b(?!-)"
        ),
    ),
    (
        # "Within hours, Bush offered condolences", "Over the following two days, ...",
        # "In the days that followed": counted from the day just told.
        "aftermath",
        re.compile(
            rf"(?i:within\s+(?:(?P<wn>{_NUM}|a\s+few|a)\s+)?(?P<wunit>hour|day)s?"
            r"|by\s+(?:evening|nightfall|the\s+end\s+of\s+the\s+day)"
            r"|(?:(?:shortly|soon|immediately)\s+)?afterwards?"
            rf"|(?:in|over|during)\s+the\s+(?:(?P<fn>{_NUM}|few)\s+)?(?:following|next|ensuing|"
            rf"subsequent)\s+(?:(?P<fn2>{_NUM}|few)\s+)?days"
            r"|in\s+the\s+days\s+(?:that\s+followed|after(?:wards?)?|following))\b"
        ),
    ),
    (
        "ago",
        re.compile(
            rf"(?i:(?P<approx>nearly|almost|about|some|more\s+than|less\s+than|over|just)?\s*"
            rf"(?:(?P<n>{_NUM}|several|a\s+few|few|many)\s+(?P<unit>{_UNIT})s?|(?P<bare>hour|minute)s)"
            rf"(?:\s+or\s+so)?\s+(?P<dir>ago|earlier|before|later|after|from\s+now|hence)"
            # "three years ago this month": that month (week) of the year so far back
            r"(?:\s+this\s+(?P<this>month|week))?)\b"
        ),
    ),
    (
        "relative_unit",
        re.compile(
            r"(?i:(?P<mod>early|late|earlier|later|mid|the\s+end\s+of|the\s+beginning\s+of|"
            r"the\s+middle\s+of|the\s+rest\s+of)?\s*(?P<rel>last|next|this|this\s+past|"
            r"this\s+coming|the\s+past|the\s+last|the\s+previous|the\s+following|the\s+next|the\s+current|"
            r"the\s+coming|the\s+same|that|the|past|coming|previous|current)\s+"
            r"(?P<unit>week|month|year|weekend|decade|century|fiscal\s+year|day|morning|"
            r"afternoon|evening|night))\b"
        ),
    ),
    (
        "earlier_this",
        re.compile(
            r"(?i:(?P<mod>earlier|later|early|late)\s+(?:in\s+)?(?P<rel>this|next|last|the)\s+"
            r"(?P<unit>week|month|year))\b"
        ),
    ),
    (
        "year_ago",
        re.compile(
            rf"(?i:(?:the\s+(?:comparable\s+)?)?year-(?:ago|earlier)(?:\s+(?:period|quarter|"
            rf"(?P<ord>{_ORD})[-\s]quarter))?)\b"
        ),
    ),
    (
        "year_end",
        re.compile(
            r"(?i:(?:the\s+)?(?:full|calendar)\s+year|(?:the\s+)?year[-\s]end|(?:the\s+)?"
            r"year's\s+end|the\s+end\s+of\s+the\s+year)\b"
        ),
    ),
    (
        "deictic",
        re.compile(
            r"(?i:(?P<mod>late|early|earlier|later)\s+)?(?P<w>(?i:yesterday|today|tomorrow|"
            r"tonight))(?!\w)|(?<!\w)(?P<w2>(?i:the\s+day\s+before\s+yesterday|"
            r"the\s+day\s+after\s+tomorrow))\b"
        ),
    ),
    (
        "weekday",
        re.compile(
            rf"(?:(?i:(?P<rel>last|next|this|this\s+past|this\s+coming|the\s+previous|"
            rf"the\s+following|early|late|earlier|later|each|every)\s+))?(?<!\w)"
            rf"(?P<wd>{WEEKDAY})(?P<pl>s)?(?:\s+(?P<pod>morning|afternoon|evening|night|nights))?"
            # "on Monday of last week": that week's Monday
            rf"(?:\s+of\s+(?P<wk>(?i:last|this|next|the\s+previous|the\s+following))\s+week)?"
            rf"(?!\w)(?!,?\s+{MONTH}\s+\d)"
        ),
    ),
    (
        "ref",
        re.compile(
            rf"(?<![\w-])(?i:(?P<present>right\s+now|now|currently|nowadays|these\s+days|"
            rf"at\s+present|the\s+present|current|at\s+the\s+moment)|(?P<past>more\s+recently|"
            rf"recently|recent\s+(?:days|weeks|months|years)(?:\s+and\s+(?:days|weeks|months|"
            rf"years))?|the\s+past|lately|"
            rf"(?:the\s+)?(?:last|past)\s+(?:few|several)\s+(?:days|weeks|months|years)|"
            rf"several\s+years\s+ago|years\s+ago|months\s+ago|(?:the\s+)?(?:past|last|previous)\s+"
            rf"(?:several\s+|few\s+)?quarters|past\s+years)|(?P<future>{_FUTURE_REF}|"
            rf"(?:the\s+)?coming\s+(?:days|weeks|months|years|quarters)|future\s+quarters|"
            rf"the\s+(?:near|short|long)\s+term))(?![\w-])"
        ),
    ),
    (
        "duration",
        re.compile(
            rf"(?i:(?:(?:the|a)\s+)?(?:(?:past|last|next|first|coming|previous|following)\s+)?"
            rf"(?P<n>{_NUM}|several|a\s+few|few)[-\s]+(?P<unit>{_UNIT})s?(?:[-\s]long)?)\b(?!-)"
        ),
    ),
    (
        "set",
        re.compile(
            rf"(?i:(?P<every>every|each|per)\s+(?P<unit>day|week|month|year|quarter|{WEEKDAY})|"
            rf"(?:every|each)\s+(?P<mon>{_MONTH_FULL})|"
            rf"(?P<adv>daily|weekly|monthly|annually|yearly|hourly|quarterly))\b"
        ),
    ),
    (
        "clock",
        re.compile(
            r"(?i:(?P<h>[01]?\d)(?::(?P<mi>[0-5]\d))?\s*(?P<ap>a\.m\.|p\.m\.|am|pm)(?!\w)|"
            r"(?P<noon>noon|midnight)(?!\w))"
        ),
    ),
]

# Every rule starts at a word boundary.
RULES = [(name, re.compile(r"(?<!\w)" + p.pattern, p.flags)) for name, p in RULES]

# Priority breaks ties between candidates of the same extent (lower wins).
PRIORITY = {name: rank for rank, (name, _) in enumerate(RULES)}

# --------------------------------------------------------------------------
# Tense cues, scanned around an expression to resolve year-less dates.

WORD = re.compile(r"[A-Za-z]+(?:'[a-z]+)?|[.!?;:]")
FUTURE_CUES = words(
    "will 'll shall won't wo going plans plan planned intends intend scheduled expected due "
    "upcoming slated aims hopes hope would planning set next tomorrow effective payable gearing"
)
PAST_CUES = words(
    "was were had did said told ago yesterday went came took made met gave saw began held left "
    "fell rose won lost sold bought paid spoke wrote brought thought found knew became struck "
    "shot sent spent got led ran felt kept stood heard meant sought fought taught caught "
    "threw flew drew grew broke chose froze spoke stole woke wore tore swore overtook undertook "
    "withdrew"
)
PRESENT_CUES = words("is are am says say does do has have")
BE_WORDS = words("be been being is are am")
NOT_PAST_ED = words(
    "need seed speed indeed hundred red bed shed feed proceed exceed succeed united bleed breed "
    "weed greed steed embed"
)
FUTURE_PREPOSITIONS = frozenset(("for", "until", "till"))
"""Right before a date they point ahead, whatever the verb: "a meeting called for Friday"."""
