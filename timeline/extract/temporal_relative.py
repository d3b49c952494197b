"""Resolvers of relative expressions: yesterday, last week, two years ago, Tuesday..."""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date

from timeline.dates import DateSpan, day_span, span_from_value
from timeline.extract.temporal_anchor import (
    Context,
    Resolved,
    add_months,
    mod_range,
    resolve_weekday,
    shift_days,
    week_value,
)
from timeline.extract.temporal_rules import (
    MONTH_NUMBERS,
    NUMBER_WORDS,
    PARTS_OF_DAY,
    WEEKDAY_NUMBERS,
)

Match = re.Match[str]
_UNIT_CODES = {"day": "D", "week": "W", "month": "M", "year": "Y", "decade": "DE", "quarter": "Q"}
_UNIT_CODES.update({"hour": "H", "minute": "M", "weekend": "WE", "century": "CE"})


def _resolved(type_: str, value: str) -> Resolved:
    return Resolved(type_, value)


def _norm(text: str | None) -> str:
    return " ".join((text or "").lower().split())


def _number(word: str) -> int | None:
    word = _norm(word)
    if word.isdigit():
        return int(word)
    return NUMBER_WORDS.get(word)


def _unit_value(ctx: Context, unit: str, delta: int, ref: date | None = None) -> Resolved | None:
    """The calendar unit containing the anchor (or ``ref``), shifted by ``delta`` units."""
    anchor = ctx.anchor
    unknown = {"day": "XXXX-XX-XX", "week": "XXXX-WXX", "month": "XXXX-XX", "year": "XXXX"}
    unknown.update({"weekend": "XXXX-WXX-WE", "decade": "XXX", "century": "XX"})
    if unit == "fiscal year":
        unit = "year"
    if anchor is None:
        return _resolved("DATE", unknown.get(unit, "XXXX"))
    day = ref or anchor.date
    if unit == "year":
        year = ref.year if ref else anchor.year
        return _resolved("DATE", f"{year + delta:04d}")
    if unit == "decade":
        return _resolved("DATE", f"{anchor.year // 10 + delta:03d}")
    if unit == "century":
        return _resolved("DATE", f"{anchor.year // 100 + delta:02d}")
    if unit == "month":
        if ref is None and anchor.month is None:
            return _resolved("DATE", unknown["month"])
        base = (ref.year, ref.month) if ref else (anchor.year, anchor.month or 1)
        year, month = add_months(base[0], base[1], delta)
        return _resolved("DATE", f"{year:04d}-{month:02d}")
    if day is None:
        return _resolved("DATE", unknown.get(unit, "XXXX-XX-XX"))
    if unit in ("week", "weekend"):
        value = week_value(day, delta, weekend=unit == "weekend")
        return _resolved("DATE", value) if value else None
    if unit == "day":
        shifted = shift_days(day, delta)
        return _resolved("DATE", shifted.isoformat()) if shifted else None
    return None


_ENDED = re.compile(r"\s+(?:ended|ending|ends|to\s+date)\b")


_WEEK_OF = re.compile(r"\s+(?:of|ended|ending|before|after|to)\b")


def _relative_unit(m: Match, ctx: Context, start: int, end: int) -> Resolved | None:
    rel, unit = _norm(m["rel"]), _norm(m["unit"])
    if m["unit"][0].isupper():
        return None  # a title such as "This Week"
    if unit in ("year", "fiscal year") and rel in ("the", "that") and _ENDED.match(ctx.text, end):
        return _resolved("DURATION", "P1Y")
    if unit in ("morning", "afternoon", "evening", "night"):
        code = PARTS_OF_DAY[unit]
        delta = {"last": -1, "this": 0, "that": 0, "the following": 1, "the next": 1}.get(rel)
        if delta is None or (rel == "last" and unit != "night"):
            return None
        base = ctx.last_day if rel in ("that", "the following", "the next") else None
        resolved = _unit_value(ctx, "day", delta, base)
        if resolved is None:
            return None
        resolved.type, resolved.value = "TIME", f"{resolved.value}T{code}"
        return resolved
    if unit == "day":
        if rel in ("the following", "the next"):
            delta = 1
        elif rel == "the previous":
            delta = -1
        elif rel in ("that", "the same", "the"):
            if rel == "that" and ctx.last_day is None:
                return None  # "trades made that day" with no day named before: no antecedent
            following = ctx.text[end : end + 8]
            if rel == "the" and (
                re.match(r"\s+of\b", following)
                or not (
                    ctx.previous_word(start) in ("on", "in")
                    or re.match(r"\s+(?:before|after)\b", following)
                )
            ):
                # "called the day a beginning", "on the day of the announcement": not the
                # day just told (what "of" names may be another)
                return None
            delta = 0
        else:
            return None
        if ctx.last_day is None and ctx.anchor is not None and ctx.anchor.date is None:
            return _resolved("DATE", "XXXX-XX-XX")
        return _unit_value(ctx, "day", delta, ctx.last_day)
    if rel in ("that", "the same"):
        if unit == "year" and ctx.last_year is not None:
            return _resolved("DATE", f"{ctx.last_year:04d}")
        if unit in ("month", "week") and ctx.last_day is not None:
            resolved = _unit_value(ctx, unit, 0, ctx.last_day)
            whole = span_from_value(resolved.value) if resolved is not None else None
            after = shift_days(ctx.last_day, 1)
            if resolved is not None and whole and after and _norm(m["mod"]) == "later":
                # "Later that week": after the day just told, to the week's end.
                resolved.span = DateSpan(min(after, whole.end), whole.end, "range")
            return resolved
        if unit == "month" and ctx.last_span is not None and ctx.last_span.precision == "month":
            # "He went in August and was arrested later that month": the month just told
            return _unit_value(ctx, unit, 0, ctx.last_span.start)
        return None
    if unit == "weekend" and ctx.anchor and ctx.anchor.date:
        weekday = ctx.anchor.date.isoweekday()
        if rel in ("last", "this past", "the past", "past", "the previous", "previous"):
            delta = 0 if weekday == 7 else -1
        elif rel in ("next", "this coming", "the coming", "coming", "the following", "the next"):
            delta = 1 if weekday >= 6 else 0
        elif ctx.tense(start, end) == "past":
            delta = 0 if weekday >= 6 else -1
        else:
            delta = 0
        return _unit_value(ctx, "weekend", delta)
    past = ("last", "the last", "this past", "the past", "past", "the previous", "previous")
    future = ("next", "this coming", "the coming", "coming", "the following", "the next")
    if rel in past:
        delta = -1
    elif rel in future:
        delta = 1
    else:
        delta = 0
    if rel == "the" and unit == "week" and not _WEEK_OF.match(ctx.text, end):
        # A bare "the week" ("shares fell 3% for the week") is vague: YYYY-WXX.
        resolved = _unit_value(ctx, unit, 0)
        if resolved is not None and resolved.value[:4].isdigit():
            resolved.value = f"{resolved.value[:4]}-WXX"
        return resolved
    if rel in ("the previous", "the following") and ctx.last_span is not None:
        # Anaphoric: counted from the date just mentioned, not from the anchor.
        return _unit_value(ctx, unit, delta, ctx.last_span.start)
    resolved = _unit_value(ctx, unit, delta)
    if unit == "month" and resolved is not None and resolved.value[:4].isdigit():
        # "late last month": its last third, as "late June" would be
        year, month = int(resolved.value[:4]), int(resolved.value[5:7])
        resolved.span = mod_range(year, month, m["mod"]) or resolved.span
    return resolved


def _earlier_this(m: Match, ctx: Context, start: int, end: int) -> Resolved | None:
    delta = {"last": -1, "next": 1}.get(_norm(m["rel"]), 0)
    return _unit_value(ctx, _norm(m["unit"]), delta)


def _ago(m: Match, ctx: Context, start: int, end: int) -> Resolved | None:
    unit, direction = _norm(m["unit"] or m["bare"]), _norm(m["dir"])
    count = _number(m["n"]) if m["n"] else None
    code = _UNIT_CODES.get(unit, "Y")
    if unit in ("hour", "minute") and direction in ("later", "earlier", "after", "before"):
        # "Hours later, the minister said": the same day as the event just told.
        duration = _resolved("DURATION", f"PT{count if count else 'X'}{code}")
        if ctx.last_day is not None:
            duration.span = span_from_value(ctx.last_day.isoformat())
        return duration
    if direction in ("before", "after") or (
        direction in ("later", "earlier") and unit in ("day", "week", "month")
    ):
        # "three days later", "a week earlier": an offset from an event, not from the anchor
        # (a duration, as TimeML has it), which dates what it tells when the day of the
        # event just told is known: "On April 1 ... Two days later, ..." is April 3.
        duration = _resolved("DURATION", f"P{count if count else 'X'}{code}")
        # "Two days after the disaster, ...": opening the sentence, counted from the
        # day just told (what the noun names is most often the event just told).
        opening = direction == "after" and ctx.sentence_start(start)
        if count and (direction in ("later", "earlier") or opening) and ctx.last_day is not None:
            sign = -1 if direction == "earlier" else 1
            moved = _unit_value(ctx, unit, sign * count, ref=ctx.last_day)
            if moved is not None:
                duration.span = span_from_value(moved.value)
        return duration
    if count is None:
        return _resolved("DATE", "FUTURE_REF" if direction in ("later", "from now") else "PAST_REF")
    sign = 1 if direction in ("later", "from now", "hence") else -1
    if unit == "year" and direction == "earlier" and count == 1 and ctx.last_quarter:
        year, quarter = ctx.last_quarter
        return _resolved("DATE", f"{year - 1:04d}-Q{quarter}")
    if unit == "year" and direction == "earlier" and ctx.last_span is not None:
        shifted = _year_before(ctx.last_span, count)
        if shifted:
            return _resolved("DATE", shifted)
    if unit == "year" and direction == "ago" and count == 1 and ctx.last_quarter:
        year, quarter = ctx.last_quarter
        if ctx.anchor and year == ctx.anchor.year:
            return _resolved("DATE", f"{year - 1:04d}-Q{quarter}")
    if unit in ("hour", "minute", "weekend"):
        return _resolved("DURATION", f"PT{count}{code}" if unit != "weekend" else f"P{count}WE")
    if unit == "quarter":
        return None
    if direction == "ago" and _norm(m["approx"] or "") in ("more than", "over"):
        count += 1  # "more than two decades ago" (in 2020) is before 2000: the 1990s
    if m["this"] and unit == "year" and direction == "ago" and ctx.anchor is not None:
        # "ended three years ago this month" (January 1984): January 1981
        this, day = _norm(m["this"]), ctx.anchor.date
        if day is not None and day.year > count:
            back = date(day.year - count, day.month, min(day.day, 28))
            return _unit_value(ctx, this, 0, ref=back)
        if ctx.anchor.month is not None and this == "month":
            return _resolved("DATE", f"{ctx.anchor.year - count:04d}-{ctx.anchor.month:02d}")
    return _unit_value(ctx, unit, sign * count)


def _aftermath(m: Match, ctx: Context, start: int, end: int) -> Resolved | None:
    """ "Within hours" (the day just told), "within two days" (from it), "over the
    following two days" / "in the days that followed" (from the day after it): a
    duration dating what the clause tells when the day just told is known."""
    if ctx.tense(start, end) == "future":
        return None  # "talks in the next few days": not counted from a day told
    text = _norm(m[0])
    count = _number(m["wn"] or m["fn"] or m["fn2"] or "")
    hours = (
        (m["wunit"] is not None and _norm(m["wunit"]) == "hour")
        or text.startswith("by")
        or "afterward" in text  # "told reporters afterward": the day just told
    )
    duration = _resolved("DURATION", "PTXH" if hours else f"P{count or 'X'}D")
    day = ctx.last_day
    if day is None:
        return duration
    if hours:
        duration.span = day_span(day)
        return duration
    first = day if text.startswith("within") else shift_days(day, 1)
    last = shift_days(day, count or 7)  # ("within days": a week at most)
    if first is not None and last is not None:
        duration.span = DateSpan(first, last, "range")
    return duration


def _year_before(span: DateSpan, years: int) -> str | None:
    """The value of ``span`` moved ``years`` back, at the same precision."""
    year = span.start.year - years
    if year < 1:
        return None
    if span.precision == "day" and span.days == 0:
        day = span.start
        return f"{year:04d}-{day.month:02d}-{min(day.day, 28 if day.month == 2 else 31):02d}"
    if span.precision == "month":
        return f"{year:04d}-{span.start.month:02d}"
    if span.precision == "quarter":
        return f"{year:04d}-Q{(span.start.month - 1) // 3 + 1}"
    return f"{year:04d}"


def _deictic(m: Match, ctx: Context, start: int, end: int) -> Resolved | None:
    word = _norm(m["w"] or m["w2"])
    if start == m.start("w") and m["w"][0].isupper() and not ctx.sentence_start(start):
        return None  # a name such as "VOA Today"
    delta = {"yesterday": -1, "today": 0, "tomorrow": 1, "tonight": 0}.get(word)
    if delta is None:
        delta = -2 if "before" in word else 2
    resolved = _unit_value(ctx, "day", delta)
    if resolved is not None and word == "tonight":
        resolved.type, resolved.value = "TIME", f"{resolved.value}TNI"
    return resolved


def _weekday(m: Match, ctx: Context, start: int, end: int) -> Resolved | None:
    weekday = WEEKDAY_NUMBERS[m["wd"].lower()]
    rel = _norm(m["rel"])
    pod = PARTS_OF_DAY.get(_norm(m["pod"]), "")
    if m["wd"][0].islower() and not rel:
        return None
    if rel in ("each", "every") or m["pl"]:
        return _resolved("SET", f"XXXX-WXX-{weekday}" + (f"T{pod}" if pod else ""))
    anchor_day = ctx.anchor.date if ctx.anchor else None
    if anchor_day is None:
        value = f"XXXX-WXX-{weekday}"
    else:
        rel_for_date = rel if rel not in ("early", "late", "earlier", "later") else ""
        week = _norm(m["wk"])
        if (
            rel in ("the previous", "the following") or week in ("the previous", "the following")
        ) and ctx.last_day is not None:
            anchor_day = ctx.last_day  # counted from the day just mentioned
        day: date | None
        if week:
            # "Monday of last week": the weekday of the week named
            shift = {"last": -1, "the previous": -1, "next": 1, "the following": 1}.get(week, 0)
            monday = shift_days(anchor_day, 1 - anchor_day.isoweekday())
            day = shift_days(monday, 7 * shift + weekday - 1) if monday else None
        else:
            day = resolve_weekday(anchor_day, weekday, ctx.tense(start, end), rel_for_date)
        if day is None:
            return None
        value = day.isoformat()
    if pod:
        return _resolved("TIME", f"{value}T{pod}")
    return _resolved("DATE", value)


_RECENT_SPAN = re.compile(r"recent (month|week)s")
_FUTURE_PREPOSITIONS = frozenset(("in", "into", "about", "for", "until", "toward", "towards"))


def _ref(m: Match, ctx: Context, start: int, end: int) -> Resolved | None:
    if m["present"]:
        word = _norm(m["present"])
        if word == "current" and not re.match(r"\s+[a-z]", ctx.text[end : end + 3]):
            return None
        return _resolved("DATE", "PRESENT_REF")
    if m["past"]:
        unit = _RECENT_SPAN.fullmatch(_norm(m["past"]))
        if unit and not re.match(r"\s+and\b", ctx.text[end : end + 5]):
            return _resolved(
                "DURATION", f"PX{unit[1][0].upper()}"
            )  # "in recent weeks": a stretch of time
        return _resolved("DATE", "PAST_REF")
    word = _norm(m["future"])
    after = ctx.text[end : end + 12]
    if word == "soon" and (
        re.match(r"\s+(?:after|before)\b", after)  # "soon after it began": no date of its own
        or (ctx.previous_word(start) == "as" and not re.match(r"\s+as\s+possible", after))
    ):
        return None
    noun = word.startswith("the ") and word.endswith("future")
    if noun and ctx.previous_word(start) not in _FUTURE_PREPOSITIONS:
        return None  # "the future of the firm", "the future looks bleak": a noun, not a time
    return _resolved("DATE", "FUTURE_REF")


def _duration(m: Match, ctx: Context, start: int, end: int) -> Resolved | None:
    if re.match(r"\s+old\b", ctx.text[end : end + 5]):
        return None
    unit = _norm(m["unit"])
    count = _number(m["n"])
    code = _UNIT_CODES.get(unit, "Y")
    amount = str(count) if count is not None else "X"
    if unit in ("hour", "minute"):
        return _resolved("DURATION", f"PT{amount}{code}")
    return _resolved("DURATION", f"P{amount}{code}")


def _set(m: Match, ctx: Context, start: int, end: int) -> Resolved | None:
    if m["mon"]:
        return _resolved("SET", f"XXXX-{MONTH_NUMBERS[m['mon'].lower()]:02d}")
    word = _norm(m["unit"] or m["adv"])
    values = {"day": "P1D", "daily": "P1D", "week": "P1W", "weekly": "P1W", "month": "P1M"}
    values.update({"monthly": "P1M", "year": "P1Y", "yearly": "P1Y", "annually": "P1Y"})
    values.update({"hourly": "PT1H", "quarter": "P3M", "quarterly": "P3M"})
    if word in WEEKDAY_NUMBERS:
        return _resolved("SET", f"XXXX-WXX-{WEEKDAY_NUMBERS[word]}")
    return _resolved("SET", values.get(word, "P1D"))


def _clock(m: Match, ctx: Context, start: int, end: int) -> Resolved | None:
    if m["noon"]:
        hour, minute = (12, 0) if m["noon"].lower() == "noon" else (24, 0)
    else:
        hour, minute = int(m["h"]), int(m["mi"] or 0)
        if hour > 12:
            return None
        if m["ap"].lower().startswith("p") and hour < 12:
            hour += 12
        elif m["ap"].lower().startswith("a") and hour == 12:
            hour = 0
    # "At about 1:30 a.m., the Guards launched missiles": the day the story has reached
    day = ctx.last_day or (ctx.anchor.date if ctx.anchor else None)
    prefix = day.isoformat() if day else "XXXX-XX-XX"
    return _resolved("TIME", f"{prefix}T{hour:02d}:{minute:02d}")


RELATIVE_RESOLVERS: dict[str, Callable[[Match, Context, int, int], Resolved | None]] = {
    "relative_unit": _relative_unit,
    "earlier_this": _earlier_this,
    "ago": _ago,
    "aftermath": _aftermath,
    "deictic": _deictic,
    "weekday": _weekday,
    "ref": _ref,
    "duration": _duration,
    "set": _set,
    "clock": _clock,
}
