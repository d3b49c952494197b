"""Event detection on sentences written for these tests."""

from __future__ import annotations

from datetime import date

from timeline.dates import day_span
from timeline.extract.candidate import Candidate
from timeline.extract.detect import detect
from timeline.extract.gazetteer import load_gazetteer
from timeline.extract.sentences import clauses, sentences
from timeline.extract.temporal import tag_dates


def found(text: str, published: str | None = "2020-01-09") -> list[Candidate]:
    anchor = date.fromisoformat(published) if published and len(published) == 10 else None
    return detect(text, load_gazetteer(), tag_dates(text, published), anchor)


def only(text: str, category: str, published: str | None = "2020-01-09") -> Candidate:
    hits = [c for c in found(text, published) if c.category == category]
    assert len(hits) == 1, hits
    return hits[0]


def test_strike_with_roles_and_tensed_weekday() -> None:
    c = only("Iran launched missile strikes on U.S. bases in Iraq on Tuesday.", "strike")
    assert c.span is not None and c.span.start == date(2020, 1, 7)
    assert ("Iran", "initiator") in c.actors and ("United States", "target") in c.actors
    assert c.modality == "asserted"
    assert c.cameo_code == "195"


def test_message_through_an_intermediary() -> None:
    c = only("Washington sent a message to Tehran through the Swiss on Jan. 3.", "message")
    assert ("Switzerland", "intermediary") in c.actors
    assert c.span is not None and c.span.start == date(2020, 1, 3)


def test_mediator_named_as_subject() -> None:
    c = only("Oman mediated talks between Washington and Tehran in May 2019.", "talks")
    assert ("Oman", "intermediary") in c.actors
    assert {"United States", "Iran"} <= {n for n, _ in c.actors}
    assert c.span is not None and (c.span.start, c.span.end) == (
        date(2019, 5, 1),
        date(2019, 5, 31),
    )


def test_official_stands_for_the_state_of_the_time() -> None:
    c = only("Zarif visited Muscat on Monday.", "visit")
    assert c.actors[0] == ("Iran", "initiator")
    assert ("Oman", "target") in c.actors


def test_possible_planned_and_denied_events_are_flagged() -> None:
    assert (
        only("Trump and Rouhani may meet in Davos later this month.", "talks").modality
        == "possible"
    )
    assert only("The two sides will hold talks in Doha next week.", "talks").modality == "planned"
    denied = only("Tehran denied that it had held talks with Washington in December.", "talks")
    assert denied.modality == "denied"


def test_event_without_a_date_stays_undated() -> None:
    c = only("Iran asked Pakistan to carry a message to the United States.", "message", None)
    assert c.span is None


def test_background_fact_keeps_its_own_date() -> None:
    c = only("Washington imposed sanctions on Tehran in 2018 after leaving the accord.", "sanction")
    assert c.span is not None and c.span.start == date(2018, 1, 1)


def test_narrative_date_carries_to_the_next_sentence_of_a_paragraph() -> None:
    text = (
        "Iran fired missiles at a base in Iraq on Jan. 8. "
        "Switzerland then passed a note from Tehran to Washington."
    )
    c = only(text, "message")
    assert c.span is not None and c.span.start == date(2020, 1, 8)


def test_sentences_and_clauses_keep_offsets() -> None:
    text = "The U.S. struck first. Iran answered; Oman mediated."
    spans = sentences(text)
    assert [text[s.start : s.end] for s in spans] == [
        "The U.S. struck first.",
        "Iran answered; Oman mediated.",
    ]
    parts = clauses(text, spans[1])
    assert [text[p.start : p.end] for p in parts] == ["Iran answered", " Oman mediated."]


def test_no_actor_no_event() -> None:
    assert found("Somebody met somebody else on Tuesday.") == []


def test_after_an_earlier_event_runs_from_it_to_publication() -> None:
    text = (
        "A U.S. drone strike killed Soleimani on Jan. 3.\n\n"
        "After the killing, Switzerland passed a message from Washington to Tehran."
    )
    c = only(text, "message")
    assert c.span is not None
    assert (c.span.start, c.span.end) == (date(2020, 1, 3), date(2020, 1, 9))


def test_a_statement_after_an_earlier_appeal_is_dated_from_it() -> None:
    text = (
        "An Iranian lawmaker called for talks with Washington last week.\n\n"
        "Soon after the lawmaker's call for talks, Iran's foreign ministry dismissed the idea."
    )
    c = next(c for c in found(text, "2019-05-21") if c.subtype == "rejection")
    assert c.span is not None
    # "soon after" runs from the event referred to, to its month's end or publication.
    assert (c.span.start, c.span.end) == (date(2019, 5, 13), date(2019, 5, 21))


def test_after_a_killing_refers_to_the_killing_not_to_a_later_strike() -> None:
    text = (
        "A U.S. drone strike killed Soleimani on Jan. 3. Iran launched missile strikes on "
        "U.S. bases in Iraq on Tuesday.\n\n"
        "Tehran announced after the killing of Soleimani that it would enrich more uranium."
    )
    c = only(text, "statement")
    assert c.span is not None
    assert (c.span.start, c.span.end) == (date(2020, 1, 3), date(2020, 1, 9))


def test_a_refusal_to_act_is_an_act_and_what_was_refused_did_not_happen() -> None:
    cs = found("Washington refused to hold talks with the Taliban in 1998.")
    refusal = next(c for c in cs if c.category == "other")
    assert refusal.modality == "asserted" and refusal.subtype == "refusal"
    assert refusal.span is not None and refusal.span.start == date(1998, 1, 1)
    talks = next(c for c in cs if c.category == "talks")
    assert talks.modality == "denied"


def test_plans_and_infinitive_passives_are_not_done_yet() -> None:
    assert (
        only("Trump announced plans for new sanctions on Iran on Wednesday.", "sanction").modality
        == "planned"
    )
    c = only("Funds held by Qatar are to be released to Iran next month.", "other")
    assert c.modality == "planned"


def test_a_dated_statement_is_reported_beside_the_events_it_mentions() -> None:
    text = "Blinken said on Monday that the strike on the base had been a mistake."
    kinds = {c.category for c in found(text)}
    assert "statement" in kinds
    statement = only(text, "statement")
    assert statement.span is not None and statement.span.start == date(2020, 1, 6)


def test_quoted_events_do_not_take_the_date_of_the_saying() -> None:
    text = '"Our response to the killing of our soldiers is clear," Blinken said on Monday.'
    strikes = [c for c in found(text) if c.category == "strike"]
    assert all(c.span is None for c in strikes)
    assert only(text, "statement").span is not None


def test_a_trip_to_a_region_is_no_state_visit() -> None:
    assert not [
        c
        for c in found("Blinken began a trip to the Middle East on Monday.")
        if c.category == "visit"
    ]
    assert only("Blinken began a trip to Oman on Monday.", "visit").span is not None


def test_statements_of_two_officials_of_one_state_are_two_events() -> None:
    from timeline.extract.merge import group_candidates

    text = (
        "Blinken said on Monday that a cease-fire was possible. "
        "John Kirby's Monday comment that no message was sent to Iran drew criticism."
    )
    statements = [c for c in found(text, "2024-02-09") if c.category == "statement"]
    assert {c.speaker for c in statements} == {"Antony Blinken", "John Kirby"}
    assert len(group_candidates(statements)) == 2


def test_quotations_are_found_with_their_offsets() -> None:
    from timeline.extract.sentences import quotations, quoted_at

    text = 'He said "we will" and “they did” today.'
    spans = quotations(text)
    assert [text[a:b] for a, b in spans] == ["we will", "they did"]
    assert quoted_at(spans, text.index("will")) == spans[0]
    assert quoted_at(spans, 0) is None


def test_exit_under_an_administration_takes_its_term_not_an_earlier_year() -> None:
    text = (
        "The deal signed with Tehran in 2015 was never ratified by the Senate, and enabled "
        "the American exit from the deal under the Trump administration."
    )
    c = only(text, "other", "2023-06-01")
    assert c.subtype == "withdrawal" and c.modality == "asserted"
    assert c.span is not None and (c.span.start, c.span.end) == (
        date(2017, 1, 20),
        date(2021, 1, 20),
    )


def test_after_doing_something_reports_that_act() -> None:
    text = "The Trump administration imposed sanctions on Iran after withdrawing from the deal."
    c = only(text, "other")
    assert c.subtype == "withdrawal" and c.span is not None
    assert (c.span.start, c.span.end) == (date(2017, 1, 20), date(2020, 1, 9))


def test_since_then_runs_from_the_narrative_date_to_publication() -> None:
    text = (
        "The Swiss passed a note from Washington to Tehran on Jan. 3.\n\n"
        "Since then, several messages have been exchanged through Switzerland, "
        "including some on Tuesday."
    )
    messages = [c for c in found(text) if c.category == "message"]
    later = [c for c in messages if c.start >= text.index("Since")]
    assert len(later) == 1 and later[0].span is not None
    assert (later[0].span.start, later[0].span.end) == (date(2020, 1, 3), date(2020, 1, 9))


def test_a_present_perfect_event_lies_between_the_story_date_and_publication() -> None:
    text = (
        "Hamas attacked Israel on October 7.\n"
        "Commentators debated the war.\n"
        "Since the war began, the Houthis have targeted U.S. ships in the Red Sea."
    )
    c = next(c for c in found(text, "2024-02-09") if c.trigger == "targeted")
    assert c.span is not None
    assert (c.span.start, c.span.end) == (date(2023, 10, 7), date(2024, 2, 9))


def test_a_simple_past_takes_the_date_of_its_own_paragraph_only() -> None:
    text = "Hamas attacked Israel on October 7.\nSyria bombed Iraq."
    late = [c for c in found(text, "2024-02-09") if c.trigger == "bombed"]
    assert late and late[0].span is None


def test_a_connective_carries_the_date_across_a_paragraph() -> None:
    text = "Hamas attacked Israel on October 7.\nIn response, Israel bombed Gaza."
    c = next(c for c in found(text, "2024-02-09") if c.trigger == "bombed")
    assert c.span is not None and c.span.start == date(2023, 10, 7)


def test_a_future_date_sets_no_narrative_time() -> None:
    text = (
        "Iran and Oman will meet in November. Iran sent a message to Washington through the Swiss."
    )
    c = only(text, "message", "2024-02-09")
    assert c.span is None


def test_these_talks_are_talks_told_before() -> None:
    text = (
        "U.S. and Iranian officials met in Oman last month.\n\n"
        "Both sides have hinted at progress while keeping these talks apart from past deals."
    )
    talks = [c for c in found(text, "2023-06-01") if c.category == "talks"]
    assert len(talks) == 1


def test_paragraphs_of_wrapped_and_unwrapped_text() -> None:
    from timeline.extract.event_dates import paragraph_starts

    lines = "A short line.\nAnother line.\n\nA new paragraph.\nStill it.\n"
    assert paragraph_starts(lines) == [0, lines.index("A new")]
    long = "x" * 120
    unwrapped = f"{long}\n{long}\n"
    assert paragraph_starts(unwrapped) == [0, 121, 242]


def test_a_reply_through_a_go_between_is_a_message_from_the_one_replying() -> None:
    text = (
        "The Swiss delivered a message to Iran from the U.S. on Jan. 3. "
        "Also through the Swiss, Iran responded to condemn the attack."
    )
    messages = [c for c in found(text) if c.category == "message"]
    assert len(messages) == 2
    first, reply = messages
    assert ("United States", "initiator") in first.actors and ("Iran", "target") in first.actors
    assert ("Iran", "initiator") in reply.actors


def test_broken_relations_and_a_protecting_power_are_dated_by_their_start() -> None:
    ties = only("Washington and Tehran have not had diplomatic ties since 1980.", "other")
    assert ties.subtype == "relations broken" and ties.modality == "asserted"
    assert ties.span is not None and ties.span.start == date(1980, 1, 1)
    power = only("Sweden has represented U.S. interests in Pyongyang since 1995.", "other")
    assert power.subtype == "protecting power"


def test_support_rallied_for_a_state_is_an_event() -> None:
    c = only("In 2017 Turkey rallied its support for Qatar.", "other")
    assert c.subtype == "support" and c.span is not None


def test_negotiators_hashing_out_a_deal_are_in_talks() -> None:
    c = only("In 2014, the Obama administration was hashing out a deal with Iran.", "talks")
    assert c.span is not None and c.span.start == date(2014, 1, 1)


def test_keeping_a_state_from_its_funds_is_a_sanction() -> None:
    c = only("Washington acted in 2023 to prevent Tehran from accessing the funds.", "sanction")
    assert c.span is not None


def test_the_doer_named_before_a_relative_clause_stays_the_doer() -> None:
    text = (
        "Hamas, which is considered a terrorist group by the United States, "
        "carried out its assault on Israel on October 7."
    )
    c = only(text, "strike", "2024-02-09")
    assert ("Hamas", "initiator") in c.actors
    assert ("United States", "initiator") not in c.actors


def test_a_place_named_before_the_verb_is_not_the_doer() -> None:
    c = only("The Huthi rebels in Yemen attacked U.S. ships on Monday.", "strike")
    assert ("Houthis", "initiator") in c.actors


def test_a_plan_in_another_stretch_of_the_clause_does_not_reach_the_trigger() -> None:
    text = (
        "In 2023 Washington moved the funds to Qatar, to be released later, "
        "to prevent Tehran from accessing them."
    )
    assert only(text, "sanction", "2024-02-09").modality == "asserted"


def test_an_event_told_again_keeps_the_date_it_was_first_told_with() -> None:
    text = (
        "Washington answered the deaths of three U.S. soldiers in Jordan last month.\n"
        "Commentators weighed the options.\n"
        "Militias killed three U.S. soldiers in Jordan in a drone attack."
    )
    c = next(c for c in found(text, "2024-02-09") if c.trigger == "killed")
    assert c.span is not None and (c.span.start, c.span.end) == (
        date(2024, 1, 1),
        date(2024, 1, 31),
    )


def test_a_common_description_is_no_evidence_of_the_same_event() -> None:
    text = "Iran struck the base on Monday.\nIran struck the base again."
    late = [c for c in found(text) if c.start > 10 and c.category == "strike"]
    assert len(late) == 1 and late[0].span is None


def test_a_second_event_of_a_kind_in_a_later_stretch_of_the_clause() -> None:
    text = (
        "Iran launched missile strikes on U.S. bases in Iraq on Tuesday.\n\n"
        "Macron, who hosted meetings with Rouhani and Trump at the United Nations last fall, "
        "spoke with Rouhani following the Iranian missile strikes."
    )
    talks = [c for c in found(text) if c.category == "talks"]
    spans = sorted((c.span.start, c.span.end) for c in talks if c.span is not None)
    assert spans == [(date(2019, 9, 1), date(2019, 11, 30)), (date(2020, 1, 7), date(2020, 1, 9))]


def test_a_negotiating_table_and_a_way_of_negotiating_are_no_talks() -> None:
    text = "Iran and the U.S. sat at a negotiating table on Monday."
    assert not [c for c in found(text) if c.category == "talks"]
    text = "On Monday Trump showed his way of negotiating."
    assert not [c for c in found(text) if c.category == "talks"]
    assert only("Iran and the United States were negotiating on Monday.", "talks").span is not None


def test_a_comparative_correlative_is_a_rule_of_thumb_not_an_event() -> None:
    text = "The harder Washington pushed this week, the more Iran attacked Saudi oil sites."
    assert only(text, "strike").modality == "hypothetical"


def test_declining_to_comment_is_no_refusal() -> None:
    assert not [c for c in found("Iran refused to comment on Monday.") if c.category == "other"]
    assert not [
        c for c in found("Iran declined to meet U.S. envoys on Monday.") if c.category == "other"
    ]


def test_a_demonstrative_opener_carries_the_date_across_a_paragraph() -> None:
    text = (
        "The truce lasted until the Hamas assault on October 7.\n"
        "That quiet came because Iran and the United States were negotiating."
    )
    c = only(text, "talks", "2024-02-09")
    assert c.span is not None and c.span.start == date(2023, 10, 7)


def test_what_an_event_followed_is_not_dated_by_it() -> None:
    text = "The prisoner swap in September followed years of secret negotiations with Iran."
    talks = [c for c in found(text, "2024-02-09") if c.category == "talks"]
    assert talks and all(c.span is None for c in talks)


def test_preparing_the_ground_for_talks_is_no_talks_yet() -> None:
    text = "In 2017 Qatar was preparing the ground for direct talks between Iran and the U.S."
    assert only(text, "talks").modality == "planned"


def test_what_something_came_days_after_happened_shortly_before_it() -> None:
    text = (
        "Last week, an Iranian lawmaker called for talks with Washington.\n\n"
        "His call came just days after Iranian officials insisted that nobody would phone Trump."
    )
    c = next(c for c in found(text, "2019-05-21") if c.trigger == "insisted")
    assert c.span is not None and (c.span.start, c.span.end) == (
        date(2019, 5, 1),
        date(2019, 5, 19),
    )


def test_two_events_of_a_kind_in_one_sentence_cite_their_own_parts() -> None:
    text = (
        "Iran launched missile strikes on U.S. bases in Iraq on Tuesday.\n\n"
        "Macron, who hosted meetings with Rouhani and Trump at the United Nations last fall, "
        "spoke with Rouhani following the Iranian missile strikes."
    )
    talks = [c for c in found(text) if c.category == "talks"]
    assert len(talks) == 2
    first, second = sorted(talks, key=lambda c: c.start)
    assert first.end <= second.start
    assert text[second.start : second.end].startswith("spoke with Rouhani")
    assert all(text[c.start : c.end] == c.quote for c in talks)


def test_weapons_fired_with_a_longer_description_between() -> None:
    c = only("On Monday, Iran fired more than a dozen ballistic missiles at two bases.", "strike")
    assert c.span is not None and c.span.start == date(2020, 1, 6)
    c = only("The Houthis launched a swarm of explosive drones at a port on Monday.", "strike")
    assert c.span is not None and c.span.start == date(2020, 1, 6)


def test_carrier_named_with_a_noun_after_it_is_the_intermediary() -> None:
    c = only("On Monday, Swiss diplomats delivered a message from Washington to Tehran.", "message")
    assert ("Switzerland", "intermediary") in c.actors
    assert ("United States", "initiator") in c.actors and ("Iran", "target") in c.actors


def test_what_a_statement_says_is_not_the_statement_s_modality() -> None:
    for text in (
        "Zarif said on Thursday that Iran did not seek war.",
        "Zarif said on Thursday that Iran would not negotiate under pressure.",
    ):
        c = only(text, "statement")
        assert c.modality == "asserted", text
        assert c.span is not None and c.span.start == date(2020, 1, 9)


def test_a_participle_describing_a_state_is_not_the_sentence_s_event() -> None:
    text = "Two Americans detained in Iran were flown to Doha on Monday."
    assert [c for c in found(text) if c.subtype == "seizure"] == []
    c = only("The IRGC detained two Americans in Tehran on Monday.", "other")
    assert c.span is not None and c.span.start == date(2020, 1, 6)


def test_a_ceasefire_that_took_effect_is_a_deal_and_one_called_for_is_not() -> None:
    c = only("A ceasefire brokered by Qatar took effect on June 24.", "deal", "2025-06-25")
    assert (c.subtype, c.cameo_code, c.modality) == ("ceasefire", "0871", "asserted")
    assert ("Qatar", "intermediary") in c.actors
    assert c.span is not None and c.span.start == date(2025, 6, 24)
    c = only("Israel and Iran agreed to a truce on Monday.", "deal", "2025-06-25")
    assert {("Israel", "participant"), ("Iran", "participant")} <= set(c.actors)
    for text in (
        "Iran called for a ceasefire in Gaza on Tuesday.",
        "The Houthis vowed to keep up their attacks until a cease-fire is worked out.",
        "A proposal for a temporary cease-fire was presented to Hamas on Sunday.",
    ):
        assert not [c for c in found(text, "2025-06-25") if c.category == "deal"], text


def test_what_a_relative_clause_says_does_not_date_or_cast_the_main_event() -> None:
    text = (
        "Switzerland, which has represented US interests in Tehran since 1980, "
        "passed a message from Washington to Tehran on January 5."
    )
    c = only(text, "message", "2020-01-09")
    assert c.span is not None and c.span.start == date(2020, 1, 5)
    assert set(c.actors) == {
        ("Switzerland", "intermediary"),
        ("United States", "initiator"),
        ("Iran", "target"),
    }
    # The relative clause's own event is done by the one it hangs on.
    c = only(text, "other", "2020-01-09")
    assert c.subtype == "protecting power" and ("Switzerland", "initiator") in c.actors
    assert c.span is not None and c.span.start.year == 1980


def test_the_one_a_subject_relative_clause_hangs_on_did_what_it_says() -> None:
    text = "Oman, which hosted secret talks in 2013, mediated again in May 2019."
    talks = [c for c in found(text, "2020-01-09") if c.category == "talks"]
    assert talks and all(("Oman", "intermediary") in c.actors for c in talks)
    # An object relative ("which the United States considers ...") names no doer.
    text = "Hamas, which the United States considers a terrorist group, attacked Israel."
    c = only(text, "strike", "2024-02-09")
    assert ("Hamas", "initiator") in c.actors and ("United States", "initiator") not in c.actors


def test_a_strike_on_a_named_nuclear_site_targets_its_state() -> None:
    c = only("The United States bombed the Fordow enrichment facility on June 22.", "strike")
    assert ("United States", "initiator") in c.actors and ("Iran", "target") in c.actors


def test_a_third_party_carrying_a_message_from_one_to_another_is_the_go_between() -> None:
    text = (
        "Japan's prime minister travelled to Tehran in June to carry a message "
        "from Washington to the Supreme Leader."
    )
    c = only(text, "message", "2019-07-20")
    assert set(c.actors) == {
        ("Japan", "intermediary"),
        ("United States", "initiator"),
        ("Iran", "target"),
    }
    # Without a sender named by "from", every addressee stays an addressee.
    c = only("Iran sent a letter to the United States and Qatar on Monday.", "message")
    assert ("Qatar", "target") in c.actors and ("Iran", "initiator") in c.actors


def test_having_spoken_with_someone_is_talks() -> None:
    c = only("Pompeo said he had spoken with Iran's foreign minister on Monday.", "talks")
    assert ("Iran", "participant") in c.actors


def test_an_event_referred_to_by_a_clause_of_its_own_is_told_too() -> None:
    text = (
        "Iran fired missiles at US bases on January 8, five days after the United States "
        "killed Soleimani in Baghdad."
    )
    strikes = {c.subtype: c for c in found(text, "2020-01-20") if c.category == "strike"}
    fired, killed = strikes["attack"], strikes["assassination"]
    assert fired.span is not None and fired.span.start == date(2020, 1, 8)
    assert ("Iran", "initiator") in fired.actors
    # Five days before the clause's own event, not on its date.
    assert killed.span is not None and (killed.span.start, killed.span.end) == (
        date(2020, 1, 3),
        date(2020, 1, 3),
    )
    assert ("United States", "initiator") in killed.actors
    # A name for an event told elsewhere ("the killing of") is no new event.
    assert [c.category for c in found("Talks resumed after the killing of Soleimani.")] == ["talks"]


def test_the_main_clause_date_does_not_date_a_relative_clause_event_nor_the_reverse() -> None:
    text = (
        "Switzerland, which has represented US interests in Tehran since 1980, passed a "
        "message from Washington to Tehran in the days after the strike."
    )
    c = only(text, "message", "2020-01-20")
    assert c.span is None or c.span.start.year == 2020


def test_what_follows_an_event_referred_to_is_dated_from_it() -> None:
    text = (
        "Two weeks after Iran shot down a US drone on June 20, Britain detained an Iranian tanker."
    )
    by_kind = {c.category: c for c in found(text, "2019-07-20")}
    drone, tanker = by_kind["strike"], by_kind["other"]
    assert drone.span is not None and drone.span.start == date(2019, 6, 20)
    assert set(drone.actors) == {("Iran", "initiator"), ("United States", "target")}
    # Two weeks on: the week of July 4, not June 20; and none of the drone's actors.
    assert tanker.span is not None and tanker.span.precision == "week"
    assert tanker.span.start <= date(2019, 7, 4) <= tanker.span.end
    assert set(tanker.actors) == {("United Kingdom", "initiator"), ("Iran", "target")}
    text = "After the United States imposed sanctions on Iran's oil in May, Iran attacked tankers."
    by_kind = {c.category: c for c in found(text, "2019-07-20")}
    attack = by_kind["strike"]
    assert attack.span is not None and attack.relative
    assert (attack.span.start, attack.span.end) == (date(2019, 5, 1), date(2019, 7, 20))


def test_an_event_of_the_same_kind_referred_to_is_a_second_event() -> None:
    text = "Iran seized a tanker on Friday after Britain detained an Iranian tanker off Gibraltar."
    seizures = [c for c in found(text, "2019-07-20") if c.category == "other"]
    assert {c.actors[0] for c in seizures} == {
        ("Iran", "initiator"),
        ("United Kingdom", "initiator"),
    }
    friday = next(c for c in seizures if c.actors[0][0] == "Iran")
    assert friday.span is not None and friday.span.start == date(2019, 7, 19)
    # The Friday of the seizure is not the detention's date.
    assert next(c for c in seizures if c is not friday).span is None


def test_freed_citizens_travelling_home_are_a_release_not_a_state_visit() -> None:
    text = (
        "Five US citizens who had been held in Iran landed in Doha on Monday after "
        "Washington agreed to release five Iranians."
    )
    events = found(text, "2023-09-19")
    assert [c.category for c in events] == ["deal"]
    swap = events[0]
    assert swap.subtype == "prisoner swap"
    assert swap.span is not None and swap.span.start == date(2023, 9, 18)
    # Where the prisoners were held is a party to the swap, not its host.
    assert ("Iran", "participant") in swap.actors and (
        "United States",
        "participant",
    ) in swap.actors
    # An official landing somewhere still makes a visit.
    assert only("Zarif landed in Muscat on Monday.", "visit").actors[0] == ("Iran", "initiator")


def test_a_verdict_on_an_event_told_before_is_no_new_event() -> None:
    text = (
        "Iran freed five Americans on Monday. Iran's president, speaking in New York "
        "on Tuesday, called the swap a humanitarian step."
    )
    events = found(text, "2023-09-19")
    # No second swap; the verdict itself is the president's statement.
    assert [(c.category, c.subtype) for c in events] == [
        ("other", "release"),
        ("statement", "statement"),
    ]
    assert events[1].span == day_span(date(2023, 9, 19))
    assert events[0].span == day_span(date(2023, 9, 18))
    assert set(events[0].actors) == {("Iran", "initiator"), ("United States", "target")}


def test_attacks_since_a_date_run_from_it_to_publication_by_the_groups_named() -> None:
    text = (
        "Iran-backed militias have launched more than 60 attacks on US troops in Iraq "
        "and Syria since Oct. 17, the Pentagon said on Wednesday."
    )
    c = only(text, "strike", "2023-11-15")
    assert ("Iran-backed militias", "initiator") in c.actors
    assert ("United States", "target") in c.actors
    assert c.span is not None and (c.span.start, c.span.end) == (
        date(2023, 10, 17),
        date(2023, 11, 15),
    )
    # A state of affairs begun then keeps its start.
    c = only("Switzerland has represented US interests in Tehran since 1980.", "other")
    assert c.span is not None and c.span.precision == "year"
    # Not a present perfect: the date the "since" names, not a range.
    text = "The meeting was the first since April 12, when the two sides met in Oman."
    spans = {c.span for c in found(text, "2025-07-01") if c.category == "talks"}
    assert spans == {day_span(date(2025, 4, 12))}


def test_the_clause_event_before_a_reference_keeps_neither_its_actors_nor_its_date() -> None:
    text = (
        "Iran fired missiles at US bases on January 8, five days after the United States "
        "killed Soleimani in Baghdad."
    )
    fired = next(c for c in found(text, "2020-01-20") if c.subtype == "attack")
    assert set(fired.actors) == {("Iran", "initiator"), ("United States", "target")}
    text = "Iran fired missiles at US bases, days after the U.S. killed Soleimani on January 3."
    fired = next(c for c in found(text, "2020-01-20") if c.subtype == "attack")
    # Not January 3 itself: some days after it (to the end of its month at most).
    assert fired.span is not None and fired.relative
    assert (fired.span.start, fired.span.end) == (date(2020, 1, 3), date(2020, 1, 20))


def test_a_letter_delivered_by_a_go_between_and_one_written_to_a_leader() -> None:
    text = (
        "Iran's foreign ministry said on Thursday that it had received a letter from "
        "President Trump, delivered by an adviser to the Omani sultan."
    )
    c = only(text, "message", "2025-03-14")
    assert set(c.actors) == {
        ("Oman", "intermediary"),
        ("Iran", "target"),
        ("United States", "initiator"),
    }
    c = only("Trump said last Friday that he had written to Khamenei.", "message", "2025-03-14")
    assert set(c.actors) == {("United States", "initiator"), ("Iran", "target")}


def test_pulling_out_of_the_deal_and_reimposing_sanctions() -> None:
    c = only("Trump pulled out of the nuclear deal with Iran in May 2018.", "other", "2025-03-14")
    assert c.subtype == "withdrawal" and ("United States", "initiator") in c.actors
    text = (
        "In his first term he pulled the United States out of the deal in May 2018 "
        "and reimposed sanctions on Iran."
    )
    events = {c.category: c for c in found(text, "2025-03-14")}
    assert ("United States", "initiator") in events["other"].actors
    assert events["sanction"].span is not None
    assert events["sanction"].span.start == date(2018, 5, 1)


def test_an_event_a_day_before_which_another_came_is_counted_from_it() -> None:
    text = (
        "The US Navy intercepted a dhow off Somalia on January 11, US Central Command "
        "said on Tuesday. The seizure came a day before American and British warplanes "
        "struck more than 60 targets in Yemen."
    )
    events = {c.category: c for c in found(text, "2024-01-17")}
    seizure, strike = events["other"], events["strike"]
    assert seizure.span is not None and seizure.span.start == date(2024, 1, 11)
    assert ("United States", "initiator") in seizure.actors
    assert strike.span is not None and strike.span.start == date(2024, 1, 12)
    # Both named doers did it.
    assert {("United States", "initiator"), ("United Kingdom", "initiator")} <= set(strike.actors)
    assert ("Yemen", "target") in strike.actors


def test_a_ship_flagged_by_a_state_names_that_state() -> None:
    text = "Iran's Revolutionary Guards seized a British-flagged tanker on Friday."
    c = only(text, "other", "2019-07-20")
    assert ("IRGC", "initiator") in c.actors and ("United Kingdom", "target") in c.actors
    # A name fused to another word still does not count.
    c = only("Iraq-based militias attacked a US base on Friday.", "strike", "2019-07-20")
    assert "Iraq" not in {name for name, _ in c.actors}


def test_a_week_later_dates_the_event_from_the_day_told_before() -> None:
    text = (
        "Israel struck Iran's consulate in Damascus on April 1. "
        "A week later, Iran launched drones at Israel."
    )
    strikes = found(text, "2024-04-16")
    drones = next(c for c in strikes if c.actors[0] == ("Iran", "initiator"))
    assert drones.span is not None and drones.span.precision == "week"
    assert drones.span.start <= date(2024, 4, 8) <= drones.span.end


def test_an_attack_by_a_named_doer_in_a_reference_and_the_passive() -> None:
    text = (
        "Israel bombed Iranian air defenses in October in retaliation for a ballistic "
        "missile attack by Iran on October 1."
    )
    strikes = found(text, "2024-11-14")
    by_doer = {c.actors[0]: c for c in strikes if c.category == "strike"}
    israel, iran = by_doer[("Israel", "initiator")], by_doer[("Iran", "initiator")]
    assert israel.span is not None and israel.span.precision == "month"
    assert iran.span is not None and iran.span.start == date(2024, 10, 1)
    c = only("Iran's consulate was struck by Israel on April 1.", "strike", "2024-04-16")
    assert set(c.actors) == {("Israel", "initiator"), ("Iran", "target")}


def test_a_withdrawal_named_by_its_verb_alone_and_an_agency_chief() -> None:
    c = only("The deal unraveled after the United States withdrew in 2018.", "other")
    assert c.subtype == "withdrawal" and ("United States", "initiator") in c.actors
    assert c.span is not None and c.span.start == date(2018, 1, 1)
    c = only("Grossi met Foreign Minister Abbas Araghchi on Tuesday.", "talks", "2024-11-14")
    assert {name for name, _ in c.actors} == {"IAEA", "Iran"}


def test_a_censure_is_a_criticism() -> None:
    text = "The IAEA board censured Iran on Thursday for failing to cooperate."
    c = only(text, "statement", "2024-11-14")
    assert c.subtype == "criticism"
    assert set(c.actors) == {("IAEA", "initiator"), ("Iran", "target")}


def test_what_a_doer_is_said_to_have_done_in_an_aside_is_no_statement() -> None:
    text = (
        "The United States imposed sanctions last month on a network that it said "
        "smuggled Iranian oil to China."
    )
    assert [c.category for c in found(text, "2024-06-14")] == ["sanction"]
    c = only("The State Department said on Monday that Iran had cheated.", "statement")
    assert ("United States", "initiator") in c.actors


def test_talks_ahead_of_which_something_happened_are_still_to_come() -> None:
    text = (
        "Iran released two French citizens on Thursday, in a move seen as a goodwill "
        "gesture ahead of nuclear talks."
    )
    release = only(text, "other", "2025-11-07")
    assert release.modality == "asserted" and release.span == day_span(date(2025, 11, 6))
    talks = only(text, "talks", "2025-11-07")
    assert talks.modality == "planned" and talks.span is None


def test_a_date_before_what_messages_were_about_dates_the_messages() -> None:
    text = (
        "Iran and the United States exchanged messages through Swiss diplomats earlier "
        "this month about a possible prisoner swap."
    )
    c = only(text, "message", "2025-11-07")
    assert c.span is not None and (c.span.start, c.span.end) == (
        date(2025, 11, 1),
        date(2025, 11, 7),
    )
    assert ("Switzerland", "intermediary") in c.actors


def test_an_arrest_is_a_seizure() -> None:
    c = only("The two men were arrested in Iran in May 2022.", "other", "2025-11-07")
    assert c.subtype == "seizure"
    assert c.span is not None and (c.span.start, c.span.end) == (
        date(2022, 5, 1),
        date(2022, 5, 31),
    )


def test_a_consequence_after_a_comma_does_not_name_the_event() -> None:
    text = (
        "On Sept. 28, the Revolutionary Guards fired missiles and drones at bases of Kurdish "
        "groups in northern Iraq, killing more than a dozen people."
    )
    c = only(text, "strike", "2022-10-04")
    assert c.subtype == "attack" and c.trigger.startswith("fired")
    assert ("IRGC", "initiator") in c.actors and ("Iraq", "initiator") not in c.actors
    # Without a comma the killing is the event: "A drone strike killed Soleimani".
    killing = only("A U.S. drone strike killed Soleimani on Jan. 3.", "strike")
    assert killing.subtype == "assassination"


def test_more_words_of_attack_and_an_idiom_that_is_none() -> None:
    for text in (
        "The United States destroyed two Iranian oil platforms in the Gulf on Monday.",
        "Early on Monday, American warships opened fire on two Iranian platforms.",
        "Two days later, U.S. helicopters fired on Iranian speedboats.",
    ):
        c = only(text, "strike", "1988-04-20")
        assert ("United States", "initiator") in c.actors and ("Iran", "target") in c.actors
    text = "Rafsanjani has struck a more cautious note, saying Iran would choose its time."
    assert not [c for c in found(text, "1988-07-15") if c.category == "strike"]


def test_prisoners_exchanged_handed_back_or_let_go_are_released() -> None:
    for text in (
        "Washington and Tehran exchanged prisoners on Monday.",
        "The crews were handed back to the U.S. Navy on Monday.",
        "Iran let the sailors go on Monday.",
    ):
        c = only(text, "deal" if "exchanged" in text else "other", "2016-01-20")
        assert c.subtype == ("prisoner swap" if "exchanged" in text else "release")
        assert c.span == day_span(date(2016, 1, 18))


def test_accusing_blaming_praising_and_posting_are_statements() -> None:
    c = only("Iranian officials on Tuesday accused Washington of lying.", "statement", "1988-04-20")
    assert c.subtype == "accusation" and c.cameo_code == "112"
    assert set(c.actors) == {("Iran", "initiator"), ("United States", "target")}
    c = only("Iran blamed Israel on Monday for the blast at Natanz.", "statement", "2021-04-20")
    assert c.subtype == "accusation" and ("Israel", "target") in c.actors
    text = "Kerry, in a statement on Wednesday, thanked Iranian authorities for their help."
    c = only(text, "statement", "2016-01-14")
    assert c.subtype == "praise" and c.cameo_code == "051"
    assert ("United States", "initiator") in c.actors
    c = only(
        "Zarif wrote on Twitter on Wednesday that the episode was over.", "statement", "2016-01-14"
    )
    assert ("Iran", "initiator") in c.actors and c.span == day_span(date(2016, 1, 13))
    c = only("Sullivan on Friday called her death an appalling affront.", "statement", "2022-09-20")
    assert ("United States", "initiator") in c.actors


def test_strikes_called_off_sanctions_prepared_and_talks_one_is_open_to() -> None:
    c = only("The Pentagon called off the strikes on Thursday.", "strike", "2019-06-26")
    assert c.modality == "denied"
    text = "The Treasury has also prepared sanctions on firms tied to Iran's missile program."
    assert only(text, "sanction", "2016-01-14").modality == "planned"
    text = "Washington has said it is open to meeting Iranian negotiators face to face."
    assert only(text, "talks", "2021-04-20").modality == "possible"


def test_the_source_named_at_the_end_of_a_sentence_is_no_statement() -> None:
    text = (
        "Kerry telephoned Zarif on Tuesday, and the two men spoke several more times that "
        "evening, a senior State Department official said."
    )
    assert [c.category for c in found(text, "2016-01-14")] == ["talks"]
    text = "Iran freed the sailors on Wednesday, the Pentagon said, adding that none was harmed."
    assert [c.category for c in found(text, "2016-01-14")] == ["other"]
    # With nothing else told, what the source says is the event.
    c = only("The sailors were well, the Pentagon said on Wednesday.", "statement", "2016-01-14")
    assert ("United States", "initiator") in c.actors


def test_a_strike_attributed_to_a_state_and_a_place_that_is_no_doer() -> None:
    text = (
        "On April 1, an airstrike widely attributed to Israel flattened a consular building "
        "next to Iran's embassy in Damascus."
    )
    c = only(text, "strike", "2024-04-16")
    assert ("Israel", "initiator") in c.actors and ("Iran", "target") in c.actors
    text = "Kurdish fighters in northern Iraq attacked an Iranian border post on Monday."
    c = only(text, "strike", "2022-10-04")
    assert ("Iraq", "initiator") not in c.actors and ("Iran", "target") in c.actors
    # Blamed on someone: nobody's statement.
    text = "The blast at Natanz on Sunday, blamed on Israel, cut power to the centrifuges."
    assert not [c for c in found(text, "2021-04-20") if c.category == "statement"]


def test_asking_counterparts_to_tell_a_capital_is_a_message_sent() -> None:
    text = (
        "Blinken spoke on Thursday with his counterparts from Turkey and China and asked "
        "them to tell Tehran that escalation served no one."
    )
    c = only(text, "message", "2024-04-16")
    assert ("United States", "initiator") in c.actors and ("Iran", "target") in c.actors
    assert ("Turkey", "initiator") not in c.actors


def test_officials_and_states_of_the_1980s_are_known() -> None:
    text = (
        "President Reagan said on Monday that the United States had acted in self-defense. "
        "On Tuesday, Velayati accused Washington of piracy."
    )
    reagan, velayati = [c for c in found(text, "1988-04-20") if c.category == "statement"]
    assert ("United States", "initiator") in reagan.actors
    assert set(velayati.actors) == {("Iran", "initiator"), ("United States", "target")}
    c = only("Warren Christopher flew to Algiers on Monday.", "visit", "1981-01-21")
    assert set(c.actors) == {("United States", "initiator"), ("Algeria", "target")}
    text = "Jimmy Carter told reporters on Monday that the hostages were free."
    assert ("United States", "initiator") in only(text, "statement", "1981-01-21").actors


def test_sanctions_lifted_are_eased_not_imposed_and_orders_signed_are_no_deal() -> None:
    text = "Carter signed orders on Monday that lifted the sanctions on Iran."
    events = found(text, "1981-01-21")
    assert [(c.category, c.subtype, c.cameo_code) for c in events] == [
        ("other", "sanctions eased", "085")
    ]
    assert set(events[0].actors) == {("United States", "initiator"), ("Iran", "target")}
    assert only("Treasury imposed new sanctions on Iran on Monday.", "sanction").modality == (
        "asserted"
    )
    # A term of a bargain is promised, not done.
    text = "Iran agreed on Tuesday to limit enrichment in exchange for a relaxation of sanctions."
    assert only(text, "other", "2023-06-14").modality == "planned"


def test_a_date_in_what_was_said_does_not_date_the_saying() -> None:
    text = "Speaking in Washington on Sunday, Obama said the weekend showed what diplomacy can do."
    c = only(text, "statement", "2016-01-18")
    assert c.span == day_span(date(2016, 1, 17))
    # A date right after the verb dates the saying: "said on Monday", "told reporters late".
    c = only("Obama said on Monday that the weekend had shown it.", "statement", "2016-01-20")
    assert c.span == day_span(date(2016, 1, 18))


def test_a_meeting_called_for_a_day_is_no_appeal() -> None:
    text = "An emergency meeting of the European Union was called for Friday in Brussels."
    assert not [c for c in found(text, "2020-01-09") if c.subtype == "appeal"]
    c = only("The EU on Monday called for restraint from Iran.", "statement", "2020-01-09")
    assert c.subtype == "appeal"


def test_asides_and_a_named_spokesman_between_commas() -> None:
    text = "The exchange was worked out in talks that U.S. officials said began in November 2014."
    assert not [c for c in found(text, "2016-01-18") if c.category == "statement"]
    text = "On Sunday, the Treasury imposed sanctions on 11 firms it accused of supplying Iran."
    assert [c.category for c in found(text, "2016-01-18")] == ["sanction"]
    text = (
        "Iran's Foreign Ministry spokesman, Hossein Jaber Ansari, said on Sunday that the "
        "measures had no legitimacy."
    )
    c = only(text, "statement", "2016-01-18")
    assert c.actors[0] == ("Iran", "initiator") and c.span == day_span(date(2016, 1, 17))


def test_more_ways_of_saying_denying_sending_word_and_withdrawing() -> None:
    text = "In posts on Twitter the next day, Trump wrote that he had halted the operation."
    assert ("United States", "initiator") in only(text, "statement", "2019-06-26").actors
    text = "Iran's foreign ministry spokesman responded on Tuesday that the path was closed."
    c = only(text, "statement", "2019-06-26")
    assert c.span == day_span(date(2019, 6, 25))
    text = "A spokesman for Iran's Supreme National Security Council denied it on Friday."
    c = only(text, "statement", "2019-06-26")
    assert c.subtype == "denial" and c.actors[0] == ("Iran", "initiator")
    text = "Shinzo Abe handed Khamenei a message from Trump in Tehran on June 13."
    c = only(text, "message", "2019-06-26")
    assert c.span == day_span(date(2019, 6, 13)) and ("Japan", "intermediary") in c.actors
    text = "Oman said on Friday that Washington had sent word to Tehran through Muscat."
    assert only(text, "message", "2019-06-26").actors
    text = "Trump withdrew the United States in May 2018 from the nuclear agreement."
    c = only(text, "other", "2019-06-26")
    assert c.subtype == "withdrawal" and c.span is not None and c.span.start == date(2018, 5, 1)


def test_strikes_approved_and_called_off_did_not_happen_and_talks_wanted_may_not() -> None:
    text = (
        "Trump approved strikes on three Iranian sites on Thursday evening but called them "
        "off with aircraft already in the air."
    )
    assert only(text, "strike", "2019-06-26").modality == "denied"
    text = "U.S. Cyber Command did carry out online attacks on Thursday against Iran's systems."
    assert only(text, "strike", "2019-06-26").modality == "asserted"
    text = "Trump said on Friday that he wanted talks with Iran."
    assert only(text, "talks", "2019-06-26").modality == "possible"


def test_who_speaks_for_whom_and_who_sent_word() -> None:
    text = "Iran's mission to the United Nations declared on Sunday that the matter was closed."
    c = only(text, "statement", "2024-04-16")
    assert c.actors[0] == ("Iran", "initiator") and ("United Nations", "initiator") not in c.actors
    text = "A U.S. official said on Sunday that Iran had sent word through the Swiss."
    c = only(text, "message", "2024-04-16")
    assert set(c.actors) == {
        ("Iran", "initiator"),
        ("United States", "target"),
        ("Switzerland", "intermediary"),
    }


def test_more_ways_of_passing_word_and_of_talking() -> None:
    for text in (
        "A Turkish source said Iran had informed Ankara on Friday.",
        "Zarif flew to Muscat on Sunday to signal to Washington that the reply would be limited.",
        "Iran on Monday handed over what its minister described as an important message.",
    ):
        assert only(text, "message", "2024-04-16").span is not None, text
    c = only("Biden spoke to Israeli Prime Minister Netanyahu on Saturday.", "talks", "2024-04-16")
    assert {a for a, _ in c.actors} == {"United States", "Israel"}


def test_drones_intercepted_are_no_seizure_and_a_barrage_is_a_strike() -> None:
    text = "The barrage of drones fired from Iran on Saturday was mostly intercepted, Israel said."
    events = found(text, "2024-04-16")
    assert [c.category for c in events] == ["strike"]
    assert ("Iran", "initiator") in events[0].actors
    c = only(
        "British marines intercepted a tanker off Gibraltar on Thursday.", "other", "2019-07-06"
    )
    assert c.subtype == "seizure"


def test_the_ship_named_in_an_aside_did_not_seize_itself() -> None:
    text = (
        "On Saturday, Revolutionary Guards commandos landed on the MSC Aries, a "
        "Portuguese-flagged ship linked to an Israeli businessman, and seized it."
    )
    c = only(text, "other", "2024-04-16")
    assert c.actors[0] == ("IRGC", "initiator") and ("Israel", "initiator") not in c.actors


def test_a_united_nations_body_is_no_participle() -> None:
    # "Nations declared on Sunday ..." is a finite verb after a name, not "Americans
    # detained in Iran were ...".
    text = "The United Nations declared on Sunday that the truce was over."
    assert only(text, "statement", "2024-04-16").actors[0] == ("United Nations", "initiator")


def test_a_later_verb_of_saying_may_name_the_speaker() -> None:
    text = (
        "In a statement on Tuesday, the Foreign Ministry called the attacks an act of piracy "
        "and said Tehran reserved the right to respond."
    )
    c = only(text, "statement", "1988-04-20")
    assert c.actors[0] == ("Iran", "initiator") and c.span == day_span(date(1988, 4, 19))


def test_weighing_in_is_saying_and_what_must_be_is_not_yet() -> None:
    text = (
        "Khamenei weighed in on April 14, saying the negotiations must not be allowed to drag on."
    )
    c = only(text, "statement", "2021-04-20")
    assert c.actors[0] == ("Iran", "initiator") and c.span == day_span(date(2021, 4, 14))
    assert only(text, "talks", "2021-04-20").modality == "possible"


def test_an_honorific_and_a_surname_name_the_one_official_of_that_name() -> None:
    c = only("Mr. Christopher flew to Algiers on Monday.", "visit", "1981-01-21")
    assert set(c.actors) == {("United States", "initiator"), ("Algeria", "target")}
    c = only("Mr. Nabavi said on Tuesday that Iran had won.", "statement", "1981-01-21")
    assert c.actors[0] == ("Iran", "initiator")


def test_hostages_handed_over_are_released_and_the_freed_are_no_new_release() -> None:
    text = "The hostages were handed over to American officials in Algiers on Tuesday."
    assert only(text, "other", "1981-01-21").subtype == "release"
    text = "Carter is to fly to West Germany today to greet the freed Americans."
    assert not [c for c in found(text, "1981-01-21") if c.subtype == "release"]
    text = "Carter is to visit Germany on Friday."
    assert only(text, "visit", "1981-01-21").modality == "planned"


def test_the_two_sides_are_the_two_states_the_story_is_about() -> None:
    text = (
        "Iranian and American negotiators held talks in Rome on Friday. "
        "The two sides met again on Saturday in Muscat."
    )
    second = [c for c in found(text, "2025-05-25") if c.category == "talks"][1]
    assert set(second.actors) == {
        ("Oman", "intermediary"),
        ("Iran", "participant"),
        ("United States", "participant"),
    }
    # Neither side is the speaker of what "the two sides" are said to have done.
    text = "Washington thanked Switzerland on Sunday. He said the two governments had settled."
    assert all(("Switzerland", "initiator") not in c.actors for c in found(text, "2016-01-18"))


def test_forces_sent_to_a_region_are_a_show_of_force() -> None:
    text = (
        "The Pentagon sent an aircraft carrier strike group and B-52 bombers to the Gulf on Sunday."
    )
    c = only(text, "other", "2019-05-25")
    assert (c.subtype, c.cameo_code) == ("force posture", "15")
    assert c.actors == [("United States", "initiator")] and c.span == day_span(date(2019, 5, 19))
    # Sending a message is no deployment.
    assert not [
        c for c in found("Iran sent a message to Washington on Monday.") if c.category == "other"
    ]


def test_a_surname_alone_names_the_official_named_in_full_before() -> None:
    text = (
        "Secretary of State Condoleezza Rice spoke on Wednesday. On Thursday, Rice "
        "dismissed the letter."
    )
    c = only(text, "statement", "2006-06-02")
    assert c.actors[0] == ("United States", "initiator") and c.speaker == "Condoleezza Rice"


def test_a_letter_handed_to_a_go_between_and_a_fax_received() -> None:
    text = (
        "On May 8, a letter from President Mahmoud Ahmadinejad to Bush was handed to the "
        "Swiss embassy in Tehran for delivery."
    )
    c = only(text, "message", "2006-06-01")
    assert set(c.actors) == {
        ("Iran", "initiator"),
        ("United States", "target"),
        ("Switzerland", "intermediary"),
    }
    text = "In early May 2003, the State Department received a fax from Iran."
    c = only(text, "message", "2006-06-01")
    assert set(c.actors) == {("Iran", "initiator"), ("United States", "target")}


def test_talks_suspended_are_relations_cut_and_a_complaint_is_a_criticism() -> None:
    text = "On May 26, Washington suspended the Geneva meetings with Iran."
    events = {c.category: c for c in found(text, "2006-06-01")}
    assert events["talks"].modality == "denied"
    assert events["other"].subtype == "relations broken"
    text = "The State Department complained to the Swiss government on Monday."
    assert only(text, "statement", "2006-06-01").subtype == "criticism"


def test_a_name_said_is_no_saying_and_a_retort_is() -> None:
    text = "Sultan Qaboos bin Said visited Tehran in late August."
    assert [c.category for c in found(text, "2013-11-25")] == ["visit"]
    text = "On New Year's Day, Khamenei retorted that Washington could do nothing."
    assert only(text, "statement", "2020-01-10").actors[0] == ("Iran", "initiator")


def test_an_embassy_stormed_a_reply_sent_and_a_call_by_telephone() -> None:
    text = "On Nov. 4, 1979, militants overran the American Embassy in Tehran."
    assert ("United States", "target") in only(text, "strike", "1981-01-21").actors
    text = "On Friday, Tehran sent a reply through the Swiss."
    c = only(text, "message", "2020-01-10")
    assert ("Iran", "initiator") in c.actors and ("Switzerland", "intermediary") in c.actors
    text = "A day later, on Sept. 27, Obama and Rouhani spoke by telephone."
    assert only(text, "talks", "2013-11-25").span == day_span(date(2013, 9, 27))
    text = "In March, Burns sat down with Iranian officials in Muscat."
    assert ("Oman", "intermediary") in only(text, "talks", "2013-11-25").actors


def test_whom_a_message_urged_is_its_receiver() -> None:
    text = "A message delivered through the Swiss embassy on Friday urged Iran not to escalate."
    c = only(text, "message", "2020-01-10")
    assert ("Iran", "target") in c.actors and ("Switzerland", "intermediary") in c.actors


def test_no_one_killed_a_session_without_agreement_and_attacks_plotted() -> None:
    assert not [
        c
        for c in found("No American or Iraqi was killed.", "2020-01-10")
        if c.modality == "asserted"
    ]
    text = "The talks broke up on Nov. 10 without agreement after France objected to the draft."
    events = found(text, "2013-11-25")
    assert not [c for c in events if c.category == "deal" and c.modality == "asserted"]
    assert only(text, "statement", "2013-11-25").subtype == "rejection"
    text = "Officials said on Thursday that Soleimani was plotting attacks on Americans."
    assert only(text, "strike", "2020-01-10").modality == "planned"


def test_a_claim_of_responsibility_and_participles_of_saying() -> None:
    text = "Yemen's Houthi rebels claimed responsibility the same day, on Sept. 14."
    assert only(text, "statement", "2019-09-21").actors[0] == ("Houthis", "initiator")
    text = "Khamenei went further on Tuesday, declaring that there would be no negotiations."
    assert only(text, "statement", "2019-09-21").actors[0] == ("Iran", "initiator")
    text = "Trump followed up on Sunday, writing that the United States was ready."
    assert only(text, "statement", "2019-09-21").actors[0] == ("United States", "initiator")
    # "the United States' saying it wants to talk" is no saying of that day.
    text = "Iran sees a contradiction in the United States' saying it wants to talk on Monday."
    assert not [c for c in found(text, "2019-09-21") if ("United States", "initiator") in c.actors]


def test_whom_a_verb_addresses_is_no_speaker_and_an_alleged_attack_is_possible() -> None:
    text = "On Saturday, Pompeo accused Iran of an unprecedented attack on the world's oil supply."
    c = only(text, "statement", "2019-09-21")
    assert set(c.actors) == {("United States", "initiator"), ("Iran", "target")}
    assert only(text, "strike", "2019-09-21").modality == "possible"


def test_a_note_for_a_capital_handed_to_an_embassy() -> None:
    text = "On Monday, Iran handed a diplomatic note for Washington to the Swiss embassy in Tehran."
    c = only(text, "message", "2019-09-21")
    assert set(c.actors) == {
        ("Iran", "initiator"),
        ("United States", "target"),
        ("Switzerland", "intermediary"),
    }


def test_drones_slamming_into_a_plant_and_a_minister_travelling_on() -> None:
    text = "On Sept. 14, drones slammed into the Abqaiq plant in Saudi Arabia."
    assert ("Saudi Arabia", "target") in only(text, "strike", "2019-09-21").actors
    text = "On Thursday, Pompeo travelled on to Abu Dhabi."
    assert only(text, "visit", "2019-09-21").actors[0] == ("United States", "initiator")
    c = only("Pompeo landed in Jeddah on Wednesday.", "visit", "2019-09-21")
    assert ("Saudi Arabia", "target") in c.actors


def test_data_or_money_released_is_no_release_of_people() -> None:
    text = "On March 28, Britain released navigational data that it said proved its case."
    assert not [c for c in found(text, "2007-05-29") if c.subtype == "release"]
    text = "On April 3, Jalal Sharafi, an Iranian diplomat abducted in Baghdad, was set free."
    kinds = {c.subtype for c in found(text, "2007-05-29")}
    assert "release" in kinds
    text = "Relations were strained this month by Iran's jailing of an American scholar."
    assert only(text, "other", "2007-05-29").subtype == "seizure"


def test_a_verbal_attack_a_refusal_named_and_business_frozen() -> None:
    text = "Republican lawmakers attacked the deal on Tuesday, calling it a ransom."
    assert not [c for c in found(text, "2023-09-19") if c.category == "strike"]
    text = (
        "On March 24, the Security Council voted to tighten sanctions on Iran over its "
        "refusal to halt enrichment."
    )
    assert only(text, "sanction", "2007-05-29").modality == "asserted"
    text = "Britain froze most official business with Iran on March 28."
    assert only(text, "other", "2007-05-29").subtype == "relations broken"


def test_more_ways_of_meeting_and_of_carrying_messages() -> None:
    text = "On May 3, Condoleezza Rice and Mottaki exchanged pleasantries over lunch."
    assert {a for a, _ in only(text, "talks", "2007-05-29").actors} >= {"United States", "Iran"}
    text = (
        "Over the summer, Qatari mediators shuttled messages between U.S. and Iranian negotiators."
    )
    assert ("Qatar", "intermediary") in only(text, "message", "2023-09-19").actors
    text = "Oman had hosted indirect contacts between Iran and the United States in Muscat in May."
    assert only(text, "talks", "2023-09-19").span is not None
    text = "In early September, Blinken signed a sanctions waiver for banks in South Korea."
    events = found(text, "2023-09-19")
    assert [(c.category, c.subtype) for c in events] == [("other", "sanctions eased")]


def test_conditions_set_proposals_carried_and_an_envoy_with_a_reply() -> None:
    text = "Iran's parliament set four conditions for the hostages' release on Nov. 2."
    c = only(text, "statement", "1981-01-21")
    assert c.subtype == "demand" and c.actors[0] == ("Iran", "initiator")
    text = "In December, Algerian diplomats carried proposals between Washington and Tehran."
    assert ("Algeria", "intermediary") in only(text, "message", "1981-01-21").actors
    text = "In November, Warren Christopher flew to Algiers with Washington's reply."
    c = only(text, "message", "1981-01-21")
    assert ("United States", "initiator") in c.actors


def test_assets_frozen_are_a_sanction_and_a_return_agreed_is_a_deal() -> None:
    text = "Carter froze Iranian assets in November 1979."
    c = only(text, "sanction", "1981-01-21")
    assert c.span is not None and c.span.start == date(1979, 11, 1)
    text = "On Monday, Washington agreed to return $8 billion in frozen Iranian assets."
    assert only(text, "deal", "1981-01-21").span == day_span(date(1981, 1, 19))


def test_an_event_after_one_named_by_a_bare_noun_is_dated_from_it() -> None:
    text = (
        "On April 1, an Israeli airstrike hit Iran's consulate in Damascus. Overnight after "
        "the strike, Iran handed the Swiss a message for Washington."
    )
    c = only(text, "message", "2024-04-16")
    assert c.span is not None and (c.span.start, c.span.end) == (date(2024, 4, 1), date(2024, 4, 2))
    text = (
        "On April 1, an Israeli airstrike hit Iran's consulate in Damascus. Weeks after the "
        "strike, Iran sent a message to Washington."
    )
    c = only(text, "message", "2024-04-16")
    assert c.span is not None and (c.span.start, c.span.end) == (
        date(2024, 4, 1),
        date(2024, 4, 16),
    )


def test_the_day_after_a_capture_and_speakers_behind_a_long_aside() -> None:
    text = (
        "On March 23, Revolutionary Guards seized 15 British sailors. The day after the "
        "capture, the U.N. Security Council voted to tighten sanctions on Iran."
    )
    c = only(text, "sanction", "2007-05-29")
    assert c.span == day_span(date(2007, 3, 24))
    text = (
        "On May 11, Vice President Dick Cheney, speaking aboard the aircraft carrier USS "
        "John C. Stennis in the Gulf, warned that Iran must not acquire nuclear weapons."
    )
    assert only(text, "statement", "2007-05-29").actors[0] == ("United States", "initiator")
    text = "Iran freed the 15 on April 4, pardoning them as a gift to the British people."
    assert only(text, "other", "2007-05-29").subtype == "release"


def test_ships_struck_are_targets_and_a_participle_keeps_the_subject() -> None:
    text = "The Norwegian-owned Front Altair was struck early on Thursday near Hormuz."
    c = only(text, "strike", "2019-06-15")
    assert ("Norway", "target") in c.actors and ("Norway", "initiator") not in c.actors
    text = (
        "The United States accused Iran on Tuesday of a plot against Saudi Arabia's "
        "ambassador, bringing charges and slapping new sanctions on Iranian officials."
    )
    c = only(text, "sanction", "2011-10-14")
    assert ("United States", "initiator") in c.actors
    assert ("Saudi Arabia", "initiator") not in c.actors


def test_attacks_suspended_footage_released_and_an_era_is_no_date() -> None:
    text = "On Tuesday, Kataib Hezbollah announced it was suspending attacks on American forces."
    assert only(text, "strike", "2024-02-04").modality == "denied"
    text = "On Thursday, Central Command released grainy black-and-white footage of a boat."
    assert not [c for c in found(text, "2019-06-15") if c.subtype == "release"]
    text = (
        "Abe arrived on Wednesday, the first Japanese premier to come since the 1979 "
        "revolution, and held talks with President Hassan Rouhani."
    )
    assert only(text, "talks", "2019-06-15").span == day_span(date(2019, 6, 12))


def test_what_was_done_during_a_meeting_told_before_is_of_its_day() -> None:
    text = (
        "Abe held talks with Rouhani on June 12. During that meeting, Abe relayed a "
        "message from President Donald Trump."
    )
    c = only(text, "message", "2019-06-15")
    assert c.span == day_span(date(2019, 6, 12))


def test_who_used_the_facilities_struck_did_not_strike() -> None:
    text = (
        "The United States struck 85 targets in Iraq and Syria on Friday, hitting facilities "
        "used by Iran's Revolutionary Guards."
    )
    c = only(text, "strike", "2024-02-04")
    assert ("United States", "initiator") in c.actors and ("Iran", "initiator") not in c.actors


def test_a_statement_released_a_denial_beside_a_rejection_and_a_suspension_announced() -> None:
    text = "In a statement released on Friday, Biden said the response had begun."
    assert [c.category for c in found(text, "2024-02-04")] == ["statement"]
    text = "Tehran denies directing them and on Monday rejected any link to the attack."
    assert only(text, "statement", "2024-02-04").modality == "asserted"
    text = "On Tuesday, Kataib Hezbollah announced it was suspending attacks on American forces."
    c = only(text, "statement", "2024-02-04")
    assert c.actors[0] == ("Kataib Hezbollah", "initiator")


def test_lower_case_forms_in_the_data_match_in_lower_case() -> None:
    text = "The supreme leader told Abe on Thursday that he would not reply."
    assert only(text, "statement", "2019-06-15").actors[0] == ("Iran", "initiator")
    text = "The nuclear watchdog said on Monday that Iran had met its obligations."
    assert only(text, "statement", "2016-01-18").actors[0] == ("IAEA", "initiator")
    # Other forms still need their capital: "us" is no state.
    assert not [c for c in found("Tell us on Monday what you said.") if c.category == "statement"]


def test_a_visitor_received_by_a_leader_holds_talks() -> None:
    text = "On Thursday Abe was received by Supreme Leader Ayatollah Ali Khamenei."
    c = only(text, "talks", "2019-06-15")
    assert {a for a, _ in c.actors} == {"Japan", "Iran"} and c.span == day_span(date(2019, 6, 13))
