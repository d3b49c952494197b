"""Turn a pattern match into a TIMEX3 type and value, resolved on the anchor."""

from __future__ import annotations

import calendar
import re
from collections.abc import Callable
from datetime import date

from timeline.dates import DateSpan, span_from_value
from timeline.extract.temporal_anchor import (
    THIRDS,
    Anchor,
    Context,
    Resolved,
    add_months,
    mod_range,
    resolve_month,
    resolve_month_day,
)
from timeline.extract.temporal_relative import RELATIVE_RESOLVERS
from timeline.extract.temporal_rules import (
    MONTH,
    MONTH_NUMBERS,
    ORDINALS,
    SPELLED_DECADES,
    SPELLED_UNITS,
    words,
)

Match = re.Match[str]
_SEASON_CODES = {"spring": "SP", "summer": "SU", "fall": "FA", "autumn": "FA", "winter": "WI"}
_SEASON_ORDER = ("SP", "SU", "FA", "WI")
_SEASON_PREPOSITIONS = words("in into during by since until through over of before after for")
_MONTH_PREPOSITIONS = _SEASON_PREPOSITIONS | words(
    "from to and or between last next this early late mid the"
)


def _date(resolved: date | None) -> Resolved | None:
    return Resolved("DATE", resolved.isoformat()) if resolved else None


def _full_year(text: str, anchor: Anchor | None) -> int:
    year = int(text)
    if len(text) == 2:
        century = (anchor.year // 100) * 100 if anchor else 1900
        year += century
        if anchor and year > anchor.year + 10:
            year -= 100
    return year


# --------------------------------------------------------------------------
# Absolute and year-less calendar dates


def _iso(m: Match, ctx: Context, start: int, end: int) -> Resolved | None:
    return _date(date(int(m["y"]), int(m["m"]), int(m["d"])))


def _slash(m: Match, ctx: Context, start: int, end: int) -> Resolved | None:
    return _date(date(_full_year(m["y"], ctx.anchor), int(m["m"]), int(m["d"])))


def _month_day(m: Match, ctx: Context, start: int, end: int) -> Resolved | None:
    month = MONTH_NUMBERS[m["mon"].rstrip(".").lower()]
    day = int(m["d"])
    if m["y"]:
        year: int | None = int(m["y"])
    elif m["rel"]:
        year = _year_named(m["rel"], ctx)
        if year is None:
            return None
    elif ctx.anchor is None:
        year = None
    else:
        year = resolve_month_day(ctx.anchor, month, day, ctx.tense(start, end))
    if year is None:
        date(2000, month, day)  # validates the day
        return Resolved("DATE", f"XXXX-{month:02d}-{day:02d}")
    first = date(year, month, day)
    if m["d2"] and int(m["d2"]) > day:
        last = date(year, month, int(m["d2"]))
        return Resolved("DATE", first.isoformat(), DateSpan(first, last, "range"))
    return _date(first)


def _month_year(m: Match, ctx: Context, start: int, end: int) -> Resolved | None:
    name = m["mon"]
    month = MONTH_NUMBERS[name.rstrip(".").lower()]
    if m["y"]:
        year: int | None = int(m["y"])
    elif m["sy"]:
        year = _spelled_year(m["sy"])
    else:
        bare = not m["mod"]
        if (
            bare
            and (name.isupper() or name in ("May", "March"))
            and ctx.previous_word(m.start("mon")) not in _MONTH_PREPOSITIONS
        ):
            return None
        if ctx.anchor is None:
            return Resolved("DATE", f"XXXX-{month:02d}")
        year = resolve_month(ctx.anchor, month, ctx.tense(start, end))
    if year is None:
        return None
    value = f"{year:04d}-{month:02d}"
    return Resolved("DATE", value, mod_range(year, month, m["mod"]))


def _rel_month(m: Match, ctx: Context, start: int, end: int) -> Resolved | None:
    month = MONTH_NUMBERS[m["mon"].rstrip(".").lower()]
    rel = " ".join(m["rel"].lower().split())
    if ctx.anchor is None:
        return Resolved("DATE", f"XXXX-{month:02d}")
    if rel in ("last", "this past", "previous"):
        year = resolve_month(ctx.anchor, month, "past", strict=True)
        if ctx.anchor.month is not None and month == ctx.anchor.month - 1 and rel == "last":
            year -= 1  # "last February" said in March is not last month but a year before
    elif rel in ("next", "this coming"):
        year = resolve_month(ctx.anchor, month, "future", strict=True)
    else:
        year = ctx.anchor.year
    return Resolved("DATE", f"{year:04d}-{month:02d}", mod_range(year, month, m["mod"]))


def _month_rel_year(m: Match, ctx: Context, start: int, end: int) -> Resolved | None:
    month = MONTH_NUMBERS[m["mon"].rstrip(".").lower()]
    if ctx.anchor is None and " ".join(m["rel"].lower().split()) not in _OF_THE_YEAR_TOLD:
        return Resolved("DATE", f"XXXX-{month:02d}")
    year = _year_named(m["rel"], ctx)
    if year is None:
        return None
    return Resolved("DATE", f"{year:04d}-{month:02d}")


def _year_named(words: str, ctx: Context) -> int | None:
    """The year "last", "that", "the following"... year names; None when it counts
    from a year not told (or from no publication date)."""
    rel = " ".join(words.lower().split())
    if rel in _OF_THE_YEAR_TOLD:
        if ctx.last_year is None:
            return None  # no year told before to count from
        return ctx.last_year + _OF_THE_YEAR_TOLD[rel]
    if ctx.anchor is None:
        return None
    return ctx.anchor.year + {"last": -1, "next": 1}.get(rel, 0)


_OF_THE_YEAR_TOLD = {
    "that": 0,
    "the same": 0,
    "the following": 1,
    "the next": 1,
    "the previous": -1,
    "the preceding": -1,
}
""""August of that year", "March the following year": the year just told, moved."""


def _year(m: Match, ctx: Context, start: int, end: int) -> Resolved | None:
    year = int(m["y"])
    mod = (m["mod"] or "").lower()
    if (
        not mod
        and not 1900 <= year <= 2099
        and ctx.previous_word(start) not in ("in", "since", "of", "by", "until", "from", "to")
    ):
        return None
    if "half" in mod:
        half = 1 if "first" in mod else 2
        first = date(year, 1 + 6 * (half - 1), 1)
        last = date(year, 6 * half, 30 if half == 1 else 31)
        return Resolved("DATE", f"{year:04d}-H{half}", DateSpan(first, last, "range"))
    return Resolved("DATE", f"{year:04d}", mod_range(year, None, mod))


def _spelled_year(text: str) -> int | None:
    words = text.lower().replace("-", " ").split()
    if words[:2] == ["the", "year"]:
        words = words[2:]
    if words == ["two", "thousand"]:
        return 2000
    if len(words) < 2:
        return None
    century = SPELLED_UNITS.get(words[0])
    rest = sum(SPELLED_UNITS.get(w, 0) for w in words[1:])
    return century * 100 + rest if century else None


def _spelled_year_rule(m: Match, ctx: Context, start: int, end: int) -> Resolved | None:
    year = _spelled_year(m[0])
    return Resolved("DATE", f"{year:04d}") if year else None


def _decade(m: Match, ctx: Context, start: int, end: int) -> Resolved | None:
    if m["c"]:
        decade = int(m["c"]) * 10 + int(m["dd"])
    else:
        century = ctx.anchor.year // 100 if ctx.anchor else 19
        decade = century * 10 + int(m["dd2"])
    return _decade_value(decade, m["mod"])


def _decade_value(decade: int, mod: str | None) -> Resolved:
    span = None
    if mod:
        first, last = {"early": (0, 3), "mid": (3, 6), "late": (7, 9)}[mod.lower()]
        span = DateSpan(date(decade * 10 + first, 1, 1), date(decade * 10 + last, 12, 31), "range")
    return Resolved("DATE", f"{decade:03d}", span)


def _spelled_decade(m: Match, ctx: Context, start: int, end: int) -> Resolved | None:
    century = ctx.anchor.year // 100 if ctx.anchor else 19
    if ctx.anchor and century * 10 + SPELLED_DECADES[m["dec"].lower()] > ctx.anchor.year // 10:
        century -= 1
    return _decade_value(century * 10 + SPELLED_DECADES[m["dec"].lower()], m["mod"])


def _century(m: Match, ctx: Context, start: int, end: int) -> Resolved | None:
    return Resolved("DATE", f"{int(m['n']) - 1:02d}")


def _season(m: Match, ctx: Context, start: int, end: int) -> Resolved | None:
    """A season, or the third of it that "early", "mid" or "late" names ("the late
    summer of 1985" is August 1985)."""
    resolved = _season_value(m, ctx, start, end)
    rel = (m["rel"] or "").lower()
    third = THIRDS.get((m["mod2"] or rel).lower())
    season = span_from_value(resolved.value) if resolved is not None and third is not None else None
    if resolved is None or season is None or third is None:
        return resolved
    year, month = add_months(season.start.year, season.start.month, third)
    last = calendar.monthrange(year, month)[1]
    resolved.span = DateSpan(date(year, month, 1), date(year, month, last), "range")
    return resolved


def _season_value(m: Match, ctx: Context, start: int, end: int) -> Resolved | None:
    code = _SEASON_CODES[m["season"].lower()]
    rel = " ".join((m["rel"] or "").lower().split())
    if m["y"] or m["sy"]:
        year = int(m["y"]) if m["y"] else _spelled_year(m["sy"])
        return Resolved("DATE", f"{year:04d}-{code}") if year else None
    if not rel or rel == "the":
        if ctx.previous_word(start) not in _SEASON_PREPOSITIONS:
            return None
        nxt = ctx.text[end : end + 4].lower()
        if nxt.startswith(" of") or nxt.startswith(" in"):
            return None
    if rel in ("early", "late"):
        rel = ""
    if ctx.anchor is None or ctx.anchor.month is None:
        year = ctx.anchor.year if ctx.anchor else None
        if year is None or rel in ("last", "next", "this past", "this coming"):
            return Resolved("DATE", f"XXXX-{code}")
        return Resolved("DATE", f"{year:04d}-{code}")
    here_month = ctx.anchor.month
    here_year = ctx.anchor.year - 1 if here_month <= 2 else ctx.anchor.year
    here = here_year * 4 + {12: 3, 1: 3, 2: 3}.get(here_month, (here_month - 3) // 3)
    target = _SEASON_ORDER.index(code)
    back = (here - target) % 4
    ahead = (target - here) % 4
    if rel in ("last", "this past"):
        index = here - (back or 4)
    elif rel in ("next", "this coming"):
        index = here + (ahead or 4)
    elif rel == "this":
        index = here - back if back <= ahead else here + ahead
    else:
        index = here + ahead if ctx.tense(start, end) == "future" else here - back
    return Resolved("DATE", f"{index // 4:04d}-{_SEASON_ORDER[index % 4]}")


# --------------------------------------------------------------------------
# Quarters and halves


def _quarter_year(ctx: Context, quarter: int, start: int, end: int) -> int | None:
    anchor = ctx.anchor
    if anchor is None:
        return None
    if anchor.month is None:
        return anchor.year
    current = (anchor.month - 1) // 3 + 1
    if quarter > current and ctx.tense(start, end) != "future":
        return anchor.year - 1
    return anchor.year


def _quarter(m: Match, ctx: Context, start: int, end: int) -> Resolved | None:
    quarter = int(m["q"][1]) if m["q"] else ORDINALS[m["ord"].lower()]
    det = " ".join((m["det"] or "").lower().split())
    explicit = m["y"] or m["y2"] or m["qy"]
    shift = {"last": -1, "next": 1, "this": 0}.get((m["rel"] or "").lower())
    if det.endswith("year's"):
        shift = {"this": 0, "last": -1, "next": 1}[det.split()[0]]
    first = m.start("fiscal") if m["fiscal"] else m.start("ord") if m["ord"] else start
    trim = first if det == "the" and "-" in (m["sep"] or "") else None
    if explicit:
        year: int | None = int(explicit)
    elif shift is not None:
        year = ctx.anchor.year + shift if ctx.anchor else None
    else:
        year = _quarter_year(ctx, quarter, start, end)
    if year is None:
        return Resolved("DATE", f"XXXX-Q{quarter}", start=trim)
    return Resolved("DATE", f"{year:04d}-Q{quarter}", start=trim)


def _half(m: Match, ctx: Context, start: int, end: int) -> Resolved | None:
    half = 1 if m["ord"].lower() == "first" else 2
    if m["y"]:
        year: int | None = int(m["y"])
    elif ctx.anchor:
        year = ctx.anchor.year + {"last": -1, "next": 1}.get((m["rel"] or "").lower(), 0)
    else:
        year = None
    if year is None:
        return Resolved("DATE", f"XXXX-H{half}")
    first = date(year, 1 + 6 * (half - 1), 1)
    last = date(year, 6 * half, 30 if half == 1 else 31)
    return Resolved("DATE", f"{year:04d}-H{half}", DateSpan(first, last, "range"))


def _previous_quarter(ctx: Context) -> tuple[int, int] | None:
    if ctx.anchor is None or ctx.anchor.month is None:
        return None
    current = (ctx.anchor.month - 1) // 3 + 1
    return (ctx.anchor.year, current - 1) if current > 1 else (ctx.anchor.year - 1, 4)


_ENDED_ON = re.compile(
    rf"\s+(?:ended|ending)\s+(?P<mon>{MONTH})\s+(?P<d>\d{{1,2}})(?:,\s+(?P<y>\d{{4}}))?"
)


def _the_quarter(m: Match, ctx: Context, start: int, end: int) -> Resolved | None:
    words = m[0].lower()
    ended = _ENDED_ON.match(ctx.text, end)
    if ended:
        # "the quarter ended Sept. 30": the three months up to that day, named by
        # the calendar quarter of their middle month.
        month = MONTH_NUMBERS[ended["mon"].rstrip(".").lower()]
        if ended["y"]:
            year = int(ended["y"])
        elif ctx.anchor is not None:
            year = resolve_month_day(ctx.anchor, month, int(ended["d"]), "past")
        else:
            return Resolved("DATE", "XXXX-QX")
        middle_year, middle = add_months(year, month, -1)
        return Resolved("DATE", f"{middle_year:04d}-Q{(middle - 1) // 3 + 1}")
    if ctx.anchor is None or ctx.anchor.month is None:
        return Resolved("DATE", "XXXX-QX")
    if "this" in words or "current" in words:
        return Resolved("DATE", f"{ctx.anchor.year:04d}-Q{(ctx.anchor.month - 1) // 3 + 1}")
    if "latest" in words:
        reference = _previous_quarter(ctx)
    else:
        reference = ctx.last_quarter or _previous_quarter(ctx)
    if reference is None:
        return None
    year, quarter = reference
    if "ago" in words or "earlier" in words:
        year -= 1
    return Resolved("DATE", f"{year:04d}-Q{quarter}")


def _year_ago(m: Match, ctx: Context, start: int, end: int) -> Resolved | None:
    if ctx.anchor is None:
        return Resolved("DATE", "XXXX")
    if m["ord"]:
        return Resolved("DATE", f"{ctx.anchor.year - 1:04d}-Q{ORDINALS[m['ord'].lower()]}")
    if ctx.last_quarter and "quarter" not in m[0].lower():
        year, quarter = ctx.last_quarter
        return Resolved("DATE", f"{year - 1:04d}-Q{quarter}")
    if "quarter" in m[0].lower():
        reference = ctx.last_quarter or _previous_quarter(ctx)
        if reference:
            return Resolved("DATE", f"{reference[0] - 1:04d}-Q{reference[1]}")
    return Resolved("DATE", f"{ctx.anchor.year - 1:04d}")


def _year_end(m: Match, ctx: Context, start: int, end: int) -> Resolved | None:
    return Resolved("DATE", f"{ctx.anchor.year:04d}" if ctx.anchor else "XXXX")


Resolver = Callable[[Match, Context, int, int], Resolved | None]
RESOLVERS: dict[str, Resolver] = {
    "iso": _iso,
    "slash": _slash,
    "month_day": _month_day,
    "day_month": _month_day,
    "month_year": _month_year,
    "rel_month": _rel_month,
    "month_rel_year": _month_rel_year,
    "year": _year,
    "spelled_year": _spelled_year_rule,
    "decade": _decade,
    "spelled_decade": _spelled_decade,
    "century": _century,
    "season": _season,
    "quarter": _quarter,
    "half": _half,
    "the_quarter": _the_quarter,
    "year_ago": _year_ago,
    "year_end": _year_end,
    **RELATIVE_RESOLVERS,
}


def resolve(name: str, m: Match, ctx: Context, start: int, end: int) -> Resolved | None:
    """Resolve the match of rule ``name`` (None rejects the candidate)."""
    return RESOLVERS[name](m, ctx, start, end)
