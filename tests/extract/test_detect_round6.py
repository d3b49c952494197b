"""Words for known kinds of events found in a sixth round of unseen articles: more
verbs of attack, sanctions ordered or restored, deals walked away from, relations
downgraded, forces massed, swaps told as a release "in exchange for", and the words
that only look like events (a currency that sank, "the restored sanctions")."""

from __future__ import annotations

from datetime import date

from tests.extract.test_detect import found, only


def kinds(text: str, published: str = "2020-01-09") -> set[tuple[str, str | None]]:
    return {(c.category, c.subtype) for c in found(text, published)}


def test_more_verbs_of_attack() -> None:
    for text in (
        "On Tuesday American jets pounded militia depots in Iraq.",
        "Iraqi militias hammered the base with rockets on Tuesday.",
        "On Tuesday two rockets crashed into a field near the U.S. consulate.",
        "Three mortar rounds landed near the U.S. embassy on Tuesday.",
        "On Tuesday an Iranian patrol boat fired warning shots at the tanker.",
        "Israel launched an air campaign against Iran on Tuesday.",
    ):
        c = only(text, "strike")
        assert c.span is not None and c.span.start == date(2020, 1, 7), text


def test_a_currency_that_sank_is_no_attack() -> None:
    assert not any(
        c.category == "strike" for c in found("The rial sank to a record low on Tuesday.")
    )
    only("On Tuesday the frigate sank an Iranian patrol boat.", "strike")


def test_sanctions_ordered_restored_or_listed() -> None:
    c = only(
        "On Saturday Clinton signed an executive order banning trade with Iran.",
        "sanction",
        "1995-05-09",
    )
    assert ("Iran", "target") in c.actors
    only("The EU on Monday reinstated asset freezes on Iranian banks.", "sanction", "2025-10-03")
    only("On Monday the EU began reimposing its nuclear-related sanctions on Iran.", "sanction")
    only(
        "On Tuesday Canada unveiled its own measures against Iran's banking sector.",
        "sanction",
    )
    only(
        "On Tuesday EU ministers added 180 Iranian firms, many of them shipping companies, "
        "to the bloc's list of those under asset freezes.",
        "sanction",
    )
    # "the restored sanctions" names sanctions told before; it restores nothing.
    said = found("On Sunday Moscow said it regarded the restored sanctions as void.")
    assert "sanction" not in {c.category for c in said}


def test_sanctions_lifted_with_words_between() -> None:
    c = only(
        "Sanctions on Iran's oil and banking sectors were lifted on Tuesday.",
        "other",
    )
    assert c.cameo_code == "085"
    assert "sanction" not in {c.category for c in found("Sanctions on Iran were lifted.")}


def test_a_release_in_exchange_for_a_prisoner_is_a_swap() -> None:
    c = only(
        "Iran released an American graduate student, held for three years on spying "
        "charges, in exchange for an Iranian scientist on Saturday.",
        "deal",
        "2019-12-08",
    )
    assert c.subtype == "prisoner swap"
    assert ("other", "release") not in kinds(
        "Iran released an American student, held for years on spying charges, "
        "in exchange for an Iranian scientist on Saturday.",
        "2019-12-08",
    )


def test_walking_away_from_a_deal_is_a_withdrawal() -> None:
    assert ("other", "withdrawal") in kinds(
        "Iran said on Tuesday that it was walking away from the agreement."
    )
    assert ("other", "withdrawal") in kinds("Trump abandoned the nuclear deal in May 2018.")
    assert ("other", "withdrawal") in kinds(
        "On Tuesday Pompeo said Washington was terminating the 1955 treaty with Iran."
    )
    # Asking others to leave a deal is no withdrawal.
    assert ("other", "withdrawal") not in kinds(
        "On Tuesday Trump called for other powers to abandon the nuclear deal."
    )


def test_a_signed_statement_is_no_deal() -> None:
    text = "On Sunday 200 lawmakers signed a statement condemning the speech."
    assert "deal" not in {c.category for c in found(text, "2002-02-04")}


def test_relations_downgraded_and_embassies_closed() -> None:
    for text in (
        "Britain ordered every Iranian diplomat out of the country on Wednesday.",
        "Britain closed its own embassy in Tehran on Wednesday.",
        "On Sunday Iran's parliament voted to downgrade relations with Britain.",
        "On Friday Pompeo ordered the departure of all U.S. staff from Basra.",
    ):
        assert ("other", "envoys recalled") in kinds(text, "2011-12-02"), text


def test_forces_massed_or_escorting_ships_are_a_show_of_force() -> None:
    assert ("other", "force posture") in kinds(
        "In September Iran massed 200,000 troops on the Afghan border.", "1998-12-01"
    )
    assert ("other", "force posture") in kinds(
        "On Thursday U.S. warships escorted American-flagged vessels through the strait."
    )


def test_talks_conferred_and_a_meeting_that_only_sets_the_scene() -> None:
    only("U.S. and Iranian envoys conferred in Bonn on Tuesday.", "talks")
    text = "Meeting in Brussels on Tuesday, EU ministers reaffirmed their support for the deal."
    cats = {c.category for c in found(text)}
    assert "talks" not in cats and "statement" in cats


def test_more_verbs_of_saying() -> None:
    for text, subtype in (
        ("On Tuesday Zarif shot back that the move was illegal.", "statement"),
        ("On Tuesday Iran reaffirmed its commitment to the deal.", "statement"),
        ("On Tuesday Tehran decried the sanctions.", "criticism"),
        ("Iran rebuffed the offer on Tuesday.", "rejection"),
    ):
        c = only(text, "statement")
        assert c.subtype == subtype, text


def test_aid_pledged_and_court_orders() -> None:
    assert ("other", "aid") in kinds(
        "Last month Iran pledged $560 million to rebuild Afghanistan.", "2002-02-04"
    )
    assert ("other", "legal action") in kinds(
        "On Tuesday an Iranian court ordered Maersk to pay $3.6 million.", "2015-05-08"
    )


def test_an_envoy_who_had_flown_somewhere_visited_it() -> None:
    c = only("On Saturday Brian Hook had flown to Switzerland.", "visit", "2019-12-08")
    assert ("United States", "initiator") in c.actors


def test_an_event_referred_to_is_counted_back_from_its_clause() -> None:
    text = (
        "On Oct. 29, 1987, ten days after American warships shelled two Iranian oil "
        "platforms, Reagan banned imports of Iranian goods."
    )
    dated = {c.category: c.span for c in found(text, "1995-05-09")}
    assert dated["strike"] is not None and dated["strike"].start == date(1987, 10, 19)
    assert dated["sanction"] is not None and dated["sanction"].start == date(1987, 10, 29)
    # The clause's own date may come last; the subject of the one referred to may be
    # named by no list ("the frigate USS Samuel B. Roberts").
    text = (
        "Four days after the frigate USS Samuel B. Roberts struck an Iranian mine, "
        "American forces destroyed two Iranian oil platforms on April 18, 1988."
    )
    spans = sorted(c.span.start for c in found(text, "1988-05-01") if c.span)
    assert spans == [date(1988, 4, 14), date(1988, 4, 18)]


def test_a_coordinated_clause_with_its_own_date_keeps_it() -> None:
    text = (
        "Israel launched an air campaign against Iran on June 13, and U.S. B-2 bombers "
        "struck the Fordow nuclear site on June 22."
    )
    strikes = {c.trigger: c for c in found(text, "2025-10-03") if c.category == "strike"}
    struck = strikes["struck"]
    assert struck.span is not None and struck.span.start == date(2025, 6, 22)
    assert ("United States", "initiator") in struck.actors
    assert ("Israel", "initiator") not in struck.actors
    text = (
        "On March 23, 2007, Iranian forces seized 15 British sailors, and President "
        "Ahmadinejad announced their release 12 days later."
    )
    said = only(text, "statement", "2015-05-08")
    assert said.span is not None and said.span.start == date(2007, 4, 4)


def test_the_clause_tells_its_own_strike_not_the_one_it_follows() -> None:
    text = (
        "In February 2021 Biden ordered airstrikes on militia sites in Syria after a "
        "rocket attack on Erbil earlier that month killed a contractor."
    )
    strikes = [c for c in found(text, "2021-03-01") if c.category == "strike"]
    assert [c.trigger for c in strikes] == ["airstrikes"]
    assert ("United States", "initiator") in strikes[0].actors


def test_a_saying_takes_the_day_its_paragraph_told() -> None:
    text = (
        "Iran admitted on Saturday that its air defenses had downed the airliner. "
        "Rouhani called the downing an unforgivable mistake."
    )
    c = next(c for c in found(text, "2020-01-12") if c.trigger == "called the")
    assert c.span is not None and c.span.start == date(2020, 1, 11)
    # Not a month told before, nor what someone "has long" said.
    text = "Iran closed the border in May 2019. Tehran rejected the plan."
    assert all(c.span is None for c in found(text, "2020-01-12") if c.category == "statement")
    text = "Levinson vanished on Kish Island in 2007. Iran has long denied holding him."
    assert all(c.span is None for c in found(text, "2020-01-12") if c.category == "statement")


def test_before_the_event_named_is_not_its_day() -> None:
    text = (
        "Brazil, Turkey and Iran signed the declaration on May 17. Before the signing, "
        "Iran seized a tanker."
    )
    seizure = next(c for c in found(text, "2010-06-17") if c.category == "other")
    assert seizure.span is None


def test_a_year_in_a_name_dates_nothing() -> None:
    text = (
        "The court ruled for Iran on Wednesday. Within hours, Pompeo said Washington was "
        "terminating the 1955 Treaty of Amity."
    )
    ended = next(c for c in found(text, "2018-10-04") if c.subtype == "withdrawal")
    assert ended.span is not None and ended.span.start == date(2018, 10, 3)


def test_sanctions_reimposed_in_batches_and_signed_into_law() -> None:
    only("On Aug. 7 Washington reimposed a first batch of sanctions on Iran.", "sanction")
    c = only("In August Trump signed a sweeping sanctions law aimed at Iran.", "sanction")
    assert c.span is not None and c.span.start == date(2019, 8, 1)
