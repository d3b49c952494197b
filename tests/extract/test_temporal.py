"""The date tagger: every form and rule of issue 3, on sentences written for the tests."""

from __future__ import annotations

from datetime import date

import pytest

from timeline.dates import DateSpan, day_span
from timeline.errors import InvalidDate
from timeline.extract.temporal import TimeExpression, tag_dates

THURSDAY = "2020-01-09"


def values(text: str, published: str | date | None = THURSDAY) -> dict[str, str]:
    return {e.text: e.value for e in tag_dates(text, published)}


def only(text: str, published: str | date | None = THURSDAY) -> TimeExpression:
    found = tag_dates(text, published)
    assert len(found) == 1, found
    return found[0]


@pytest.mark.parametrize(
    ("sentence", "expression", "value"),
    [
        ("The envoy arrived on Jan. 3 in Muscat.", "Jan. 3", "2020-01-03"),
        ("The strike came on January 3, 2020, at dawn.", "January 3, 2020", "2020-01-03"),
        ("The strike came on 3 January 2020.", "3 January 2020", "2020-01-03"),
        ("Talks resumed on 11 May in Oman.", "11 May", "2019-05-11"),
        ("The file is dated 2020-01-03.", "2020-01-03", "2020-01-03"),
        ("Envoys met Jan. 21-22 in Geneva.", "Jan. 21-22", "2020-01-21"),
        ("Envoys met 21-22 January in Geneva.", "21-22 January", "2020-01-21"),
        ("A deadline falls in mid-January.", "mid-January", "2020-01"),
        ("The ships sailed in early January.", "early January", "2020-01"),
        ("Sanctions tightened in late 2019.", "late 2019", "2019"),
        ("Ties were cut in the 1990s.", "the 1990s", "199"),
        ("The embassy was seized in 1979.", "1979", "1979"),
        ("Exports fell in fall 2019.", "fall 2019", "2019-FA"),
        ("Oil revenue dropped in the first quarter.", "the first quarter", "2020-Q1"),
    ],
)
def test_absolute_forms(sentence: str, expression: str, value: str) -> None:
    assert values(sentence)[expression] == value


def test_spans_and_precision() -> None:
    e = only("Envoys met Jan. 21-22 in Geneva.")
    assert (e.date_start, e.date_end, e.precision) == (
        date(2020, 1, 21),
        date(2020, 1, 22),
        "range",
    )
    e = only("Ties were cut in the 1990s.")
    assert (e.date_start, e.date_end, e.precision) == (
        date(1990, 1, 1),
        date(1999, 12, 31),
        "decade",
    )
    e = only("Exports fell in fall 2019.")
    assert (e.date_start, e.date_end, e.precision) == (
        date(2019, 9, 1),
        date(2019, 11, 30),
        "season",
    )
    e = only("Oil revenue dropped in the first quarter.")
    assert e.precision == "quarter" and e.date_end == date(2020, 3, 31)
    e = only("A deadline falls in mid-January.")
    assert (e.date_start, e.date_end) == (date(2020, 1, 11), date(2020, 1, 20))


def test_offsets_match_text() -> None:
    text = "On Tuesday the navy moved; by Friday it will return."
    for e in tag_dates(text, THURSDAY):
        assert text[e.start : e.end] == e.text


def test_weekdays_follow_the_tense_of_their_clause() -> None:
    assert values("Iran launched strikes on Tuesday.")["Tuesday"] == "2020-01-07"
    assert values("A meeting called for Friday.")["Friday"] == "2020-01-10"
    assert values("The minister will travel to Baghdad on Monday.")["Monday"] == "2020-01-13"
    assert values("Officials said Thursday that talks continue.")["Thursday"] == "2020-01-09"


def test_yearless_months_follow_the_tense_of_their_clause() -> None:
    february = "2024-02-09"
    assert values("The swap worked out in September.", february)["September"] == "2023-09"
    assert values("A vote in March could settle it.", february)["March"] == "2024-03"
    assert values("The parliament will vote in October.", february)["October"] == "2024-10"
    # What was agreed or planned "to" happen lies after the agreeing.
    october = "1989-10-30"
    assert values("They agreed to buy the line in February.", october)["February"] == "1990-02"
    assert values("It announced a plan to sell the unit in June.", october)["June"] == "1990-06"
    assert values("They bought the line in February.", october)["February"] == "1989-02"


@pytest.mark.parametrize(
    ("sentence", "expression", "value"),
    [
        ("The drone was shot down yesterday.", "yesterday", "2020-01-08"),
        ("Markets calmed today.", "today", "2020-01-09"),
        ("Tankers were seized last week.", "last week", "2020-W01"),
        ("Prices rose last month.", "last month", "2019-12"),
        ("The deal collapsed last year.", "last year", "2019"),
        ("On alert since May of last year.", "May of last year", "2019-05"),
        ("Talks resume in March of next year.", "March of next year", "2021-03"),
        ("Talks happen this week.", "this week", "2020-W02"),
        ("Iran warned earlier this week.", "earlier this week", "2020-W02"),
        ("Envoys will meet next week.", "next week", "2020-W03"),
        ("The plant opened two years ago.", "two years ago", "2018"),
        ("Protests spread last fall.", "last fall", "2019-FA"),
        ("Tensions grew in recent years.", "recent years", "PAST_REF"),
        ("Prices are high now.", "now", "PRESENT_REF"),
        ("Relations may improve in the future.", "the future", "FUTURE_REF"),
    ],
)
def test_relative_forms(sentence: str, expression: str, value: str) -> None:
    assert values(sentence)[expression] == value


def test_the_following_day_counts_from_the_date_just_mentioned() -> None:
    found = values("The general was killed on Jan. 3. The following day, crowds marched.")
    assert found["The following day"] == "2020-01-04"


@pytest.mark.parametrize(
    "sentence",
    [
        "We believe the talks are over.",
        "The committee may reconsider.",
        "They will march to the square.",
        "A crowd of 27,000 gathered.",
        "The fund holds $6 billion.",
        "Support stands at 60% in the poll.",
        "Three U.S. soldiers were hurt.",
        "The council has 28 members.",
        "Pilots flew 2,000 sorties.",
        "The cleric is 84 years old.",
        "Flight A7-MBK landed late.",
        "The snow was known to fall on the hills.",
    ],
)
def test_no_false_dates(sentence: str) -> None:
    assert [e for e in tag_dates(sentence, THURSDAY) if e.type == "DATE"] == []


def test_without_anchor_relative_expressions_are_unresolved() -> None:
    found = {
        e.text: e for e in tag_dates("Yesterday and last week, on Tuesday and on Jan. 3.", None)
    }
    assert found["Yesterday"].value == "XXXX-XX-XX"
    assert found["last week"].value == "XXXX-WXX"
    assert found["Tuesday"].value == "XXXX-WXX-2"
    assert found["Jan. 3"].value == "XXXX-01-03"
    assert all(e.date_start is None for e in found.values())
    assert values("The embassy was seized in 1979.", None)["1979"] == "1979"


def test_month_only_anchor() -> None:
    june = "2023-06"
    assert values("Talks collapsed last year.", june)["last year"] == "2022"
    assert values("Talks collapsed last month.", june)["last month"] == "2023-05"
    assert values("Envoys met in May.", june)["May"] == "2023-05"
    assert values("They met yesterday.", june)["yesterday"] == "XXXX-XX-XX"
    assert only("They met yesterday.", june).date_start is None


def test_anchor_types() -> None:
    assert values("It rained yesterday.", date(2020, 1, 9))["yesterday"] == "2020-01-08"
    assert values("It rained last year.", "2020")["last year"] == "2019"
    assert values("It rained yesterday.", "2020-01-09T22:19:00+05:00")["yesterday"] == "2020-01-08"
    assert values("It rained yesterday.", "19980108")["yesterday"] == "1998-01-07"
    with pytest.raises(InvalidDate):
        tag_dates("It rained.", "not a date")
    with pytest.raises(InvalidDate):
        tag_dates("It rained.", "2020-13-01")


def test_types_other_than_date() -> None:
    assert only("The siege lasted three weeks.").type == "DURATION"
    assert only("Convoys leave every Monday.").type == "SET"
    assert only("The blast came at 3 p.m. Tuesday.").value == "2020-01-07T15:00"


def test_to_dict_is_json_ready() -> None:
    assert only("The strike came on 3 January 2020.").to_dict() == {
        "start": 19,
        "end": 33,
        "text": "3 January 2020",
        "type": "DATE",
        "value": "2020-01-03",
        "date_start": "2020-01-03",
        "date_end": "2020-01-03",
        "precision": "day",
    }


def test_now_is_a_vague_reference_never_a_calendar_date() -> None:
    e = only("We are now ready to talk.")
    assert (e.text, e.value, e.date_start, e.precision) == ("now", "PRESENT_REF", None, None)
    assert tag_dates("The snow was known before Nowruz.", THURSDAY) == []


def test_soon_after_and_as_soon_as_are_not_dates() -> None:
    assert values("The mayor quit soon after the vote.") == {}
    assert values("Buses resume as soon as the roads open.") == {}
    assert values("The bridge will reopen soon.") == {"soon": "FUTURE_REF"}
    assert values("Repairs start as soon as possible.")["soon"] == "FUTURE_REF"


def test_the_future_as_a_noun_is_not_a_date() -> None:
    assert values("The future of the mill looks bleak.") == {}
    assert values("Trust matters to the future of both towns.") == {}
    assert values("Prices may fall in the future.") == {"the future": "FUTURE_REF"}
    assert values("Farmers worry about the near future.") == {"the near future": "FUTURE_REF"}


def test_recent_weeks_and_months_are_durations() -> None:
    assert only("In recent months the river rose.").type == "DURATION"
    assert only("Sales slowed in recent weeks.").value == "PXW"
    assert only("Rain fell in recent years.").value == "PAST_REF"
    assert only("Prices climbed in recent weeks and months.").value == "PAST_REF"


def test_a_bare_the_week_is_a_vague_week_of_the_year() -> None:
    assert values("Shares fell 2% for the week.", "2020-01-09") == {"the week": "2020-WXX"}
    assert values("Talks ran through the week of March 2.", "2020-01-09")["the week"] != "2020-WXX"


def test_that_day_needs_a_day_named_before() -> None:
    assert values("Traders who sold that day lost money.", "2020-01-09") == {}
    found = values("The dam broke on March 3. Crews arrived that day.", "2020-03-09")
    assert found["that day"] == "2020-03-03"


def test_days_later_or_earlier_are_offsets_not_dates() -> None:
    assert only("Three days later, the levee gave way.").type == "DURATION"
    assert only("A week earlier the pumps had failed.").value == "P1W"
    assert only("A few days later the pumps failed.").value == "PXD"


def test_a_month_seven_back_is_past_when_the_tense_is_unknown() -> None:
    assert values("Its shares hit $4 in March.", "2021-10-20") == {"March": "2021-03"}
    assert values("Its shares hit $4 in February.", "2021-10-20") == {"February": "2022-02"}


def test_more_than_n_units_ago_is_before_the_nth() -> None:
    from timeline.extract.temporal import tag_dates

    values = [e.value for e in tag_dates("It began more than two decades ago.", "2020-01-09")]
    assert values == ["199"]
    assert [e.value for e in tag_dates("It began two decades ago.", "2020-01-09")] == ["200"]


def test_days_later_is_a_duration_that_dates_what_it_tells() -> None:
    found = tag_dates(
        "The strike came on April 1. Two days later, Iran vowed revenge.", "2024-04-16"
    )
    later = found[-1]
    assert (later.text, later.type, later.value) == ("Two days later", "DURATION", "P2D")
    assert (later.date_start, later.precision) == (date(2024, 4, 3), "day")
    # With no day told before, nothing to count from.
    alone = only("Two days later, Iran vowed revenge.", "2024-04-16")
    assert alone.value == "P2D" and alone.date_start is None


def test_hours_later_is_the_day_just_told() -> None:
    text = "Rice spoke on Wednesday. Hours later, Mottaki answered. Five hours ago it rained."
    found = {d.text: d for d in tag_dates(text, "2006-06-01")}
    assert found["Hours later"].value == "PTXH"
    assert found["Hours later"].span is not None
    assert found["Hours later"].span.start == date(2006, 5, 31)
    assert found["Five hours ago"].span is None  # a duration back from now: no day


def test_aftermath_words_count_from_the_day_just_told() -> None:
    text = (
        "The quake struck on Dec. 26. Within hours, Bush offered help. Over the following "
        "two days, Armitage telephoned Zarif. In the days that followed, Tehran summoned "
        "the Swiss envoy. By evening, Iran had agreed. Within two days, he left."
    )
    found = {d.text: d.span for d in tag_dates(text, "2004-01-05")}
    assert found["Within hours"] == DateSpan(date(2003, 12, 26), date(2003, 12, 26), "day")
    assert found["By evening"] == DateSpan(date(2003, 12, 26), date(2003, 12, 26), "day")
    assert found["Over the following two days"] == DateSpan(
        date(2003, 12, 27), date(2003, 12, 28), "range"
    )
    assert found["In the days that followed"] == DateSpan(
        date(2003, 12, 27), date(2004, 1, 2), "range"
    )
    assert found["Within two days"] == DateSpan(date(2003, 12, 26), date(2003, 12, 28), "range")


def test_aftermath_words_ahead_or_with_no_day_told_date_nothing() -> None:
    ahead = {d.text: d for d in tag_dates("Talks will be held in the next few days.", "2004-01-05")}
    assert ahead["the next few days"].span is None
    alone = {d.text: d for d in tag_dates("Within hours, Bush offered help.", "2004-01-05")}
    assert alone["Within hours"].span is None


def test_a_deadline_ahead_is_not_the_day_counted_from() -> None:
    text = (
        "On Monday the ministers banned new contracts and gave members until July 1 to end "
        "old ones. The same day, the Treasury blacklisted a bank. Two days later, it spoke."
    )
    found = {d.text: d.span for d in tag_dates(text, "2012-01-27")}
    assert found["July 1"] is not None and found["July 1"].start == date(2012, 7, 1)
    later = found["Two days later"]
    assert later is not None and later.start == date(2012, 1, 25)


def test_a_month_and_day_seven_months_back_with_no_tense_is_past() -> None:
    text = "On March 20, the Persian New Year holiday of Nowruz, Mr. Obama released a video."
    found = {d.text: d.span for d in tag_dates(text, "2009-10-02")}
    assert found["March 20"] == DateSpan(date(2009, 3, 20), date(2009, 3, 20), "day")


def test_an_offset_after_a_noun_opening_the_sentence_counts_from_the_day_told() -> None:
    text = "The quake struck on Dec. 26. Two days after the disaster, a plane landed."
    found = {d.text: d.span for d in tag_dates(text, "2004-01-05")}
    assert found["Two days after"] == DateSpan(date(2003, 12, 28), date(2003, 12, 28), "day")
    inside = {d.text: d.span for d in tag_dates("He left two days after the talks.", "2004-01-05")}
    assert inside["two days after"] is None


def test_is_due_points_ahead() -> None:
    found = {
        d.text: d.span for d in tag_dates("The team is due in Tehran on Sunday.", "2012-01-27")
    }
    assert found["Sunday"] == DateSpan(date(2012, 1, 29), date(2012, 1, 29), "day")


def test_the_day_is_the_day_told_only_where_it_dates_something() -> None:
    text = (
        "The talks opened on Oct. 1. Obama called the day a beginning. He spoke later in the "
        "day. Kirby spoke on the day of the announcement."
    )
    days = [d for d in tag_dates(text, "2009-10-02") if d.text == "the day"]
    # not the object of "called", nor "the day of" another event
    assert [d.start for d in days] == [text.index("in the day") + 3]
    assert days[0].span == DateSpan(date(2009, 10, 1), date(2009, 10, 1), "day")


def test_a_day_named_in_a_relative_clause_is_not_the_day_reached() -> None:
    text = (
        "The diplomats met on Thursday. Burns raised the case of three hikers whom Iranian "
        "forces detained on July 31. By evening, Solana said Iran had agreed."
    )
    found = {d.text: d.span for d in tag_dates(text, "2009-10-02")}
    assert found["July 31"] == DateSpan(date(2009, 7, 31), date(2009, 7, 31), "day")
    assert found["By evening"] == DateSpan(date(2009, 10, 1), date(2009, 10, 1), "day")


def test_afterward_is_the_day_just_told() -> None:
    text = "The council met on Tuesday. Haley told reporters afterward that it was over."
    found = {d.text: d.span for d in tag_dates(text, "2017-02-05")}
    assert found["afterward"] == DateSpan(date(2017, 1, 31), date(2017, 1, 31), "day")


def test_a_clock_time_alone_is_on_the_day_just_told() -> None:
    text = "Iran's retaliation came early on Wednesday. At about 1:30 a.m., the Guards fired."
    found = {d.text: d for d in tag_dates(text, "2020-01-14")}
    assert found["1:30 a.m."].value == "2020-01-08T01:30"


def test_years_ago_this_month_or_week_is_that_month_or_week() -> None:
    assert values("The crisis ended three years ago this month.", "1984-01-27") == {
        "three years ago this month": "1981-01"
    }
    assert values("The war began seven years ago this week.", "1987-09-25") == {
        "seven years ago this week": "1980-W39"
    }
    assert values("The war began seven years ago.", "1987-09-25") == {"seven years ago": "1980"}


def test_a_month_of_that_year_counts_from_the_year_just_told() -> None:
    text = (
        "The tanker was seized on July 19, 2019. In August of that year it was let go. "
        "Talks opened in March the following year. A deal had been floated in May of the "
        "previous year."
    )
    found = values(text, "2021-06-01")
    assert found["August of that year"] == "2019-08"
    assert found["March the following year"] == "2020-03"
    assert found["May of the previous year"] == "2019-05"  # counted from 2020, told just before
    found = values("The jet was downed on July 3, 1988. On April 14 of that year a mine hit.")
    assert found["April 14 of that year"] == "1988-04-14"
    assert (
        values("Hikers held on July 31 of last year.", "2010-07-17")["July 31 of last year"]
        == "2009-07-31"
    )
    # With no year told before, the month stands alone and "that year" has no antecedent.
    assert "August of that year" not in values("In August of that year it was let go.")


def test_part_of_a_month_told_by_relation_or_by_name() -> None:
    def span_of(text: str, expression: str, published: str = "2010-07-17") -> tuple[str, str]:
        found = {e.text: e for e in tag_dates(text, published)}
        span = found[expression].span
        assert span is not None
        return span.start.isoformat(), span.end.isoformat()

    assert span_of("He said late last month that.", "late last month") == (
        "2010-06-21",
        "2010-06-30",
    )
    assert span_of("It ended at the end of March.", "the end of March") == (
        "2010-03-21",
        "2010-03-31",
    )
    # "later that month" after a month told: that month (no day told to count from)
    text = "He flew to Iran in August and was arrested later that month."
    assert span_of(text, "later that month", "2012-01-14") == ("2011-08-01", "2011-08-31")


def test_a_part_of_a_season_is_a_month_of_it() -> None:
    spans = {d.text: d.span for d in tag_dates("in the late summer of 1985", "1986-11-15")}
    assert spans["the late summer of 1985"] == DateSpan(
        date(1985, 8, 1), date(1985, 8, 31), "range"
    )
    (winter,) = tag_dates("in late winter 1985", "1986-11-15")
    assert winter.value == "1985-WI"  # the TIMEX3 value stays the season's
    assert winter.span == DateSpan(date(1986, 2, 1), date(1986, 2, 28), "range")


def test_a_weekday_of_a_week_named() -> None:
    (monday,) = tag_dates("Rouhani flew in on Monday of last week.", "2019-10-04")
    assert monday.span == day_span(date(2019, 9, 23))
    (this,) = tag_dates("He left on Monday of this week.", "2019-10-04")
    assert this.span == day_span(date(2019, 9, 30))
