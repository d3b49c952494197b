"""Kinds of events found in a fourth round of unseen articles: aid, listings and bans,
laws that penalise, broken relations, statements issued, journeys made."""

from __future__ import annotations

from datetime import date

from tests.extract.test_detect import found, only


def test_arms_and_relief_shipped_are_aid() -> None:
    c = only("Israel shipped American-made weapons to Iran last year.", "other", "1986-11-07")
    assert c.subtype == "aid" and c.cameo_code == "07"
    assert ("Israel", "initiator") in c.actors and ("Iran", "target") in c.actors
    assert c.span is not None and c.span.start == date(1985, 1, 1)
    flight = only(
        "On Dec. 28, a United States Air Force plane loaded with medical supplies landed in Iran.",
        "other",
        "2004-01-05",
    )
    assert flight.subtype == "aid"


def test_troops_sent_are_no_aid() -> None:
    kinds = {c.subtype for c in found("On Monday the United States sent troops to Saudi Arabia.")}
    assert "aid" not in kinds and "force posture" in kinds


def test_listed_banned_and_penalised_are_sanctions() -> None:
    listed = only(
        "In January 1984 the State Department placed Iran on its list of countries that "
        "support terrorism.",
        "sanction",
        "1986-11-07",
    )
    assert ("United States", "initiator") in listed.actors
    assert listed.span is not None and listed.span.start == date(1984, 1, 1)
    only(
        "On Monday Iran declared the United States Central Command a terrorist organization.",
        "sanction",
        "2019-04-25",
    )
    only(
        "In May 1995 Mr. Clinton ordered a ban on American trade with Iran.",
        "sanction",
        "1996-08-14",
    )


def test_a_law_that_penalises_is_a_sanction_not_a_deal() -> None:
    text = "On Aug. 5 President Clinton signed the Iran and Libya Sanctions Act."
    assert {c.category for c in found(text, "1996-08-14")} == {"sanction"}
    text = (
        "On Dec. 31 Mr. Obama signed a defense bill that allows penalties on Iran's central bank."
    )
    assert {c.category for c in found(text, "2012-01-27")} == {"sanction"}
    deal = only(
        "Iran signed the additional protocol with the IAEA last month.", "deal", "2004-01-05"
    )
    assert deal.subtype == "agreement"


def test_relations_broken_without_off() -> None:
    c = only("Washington broke diplomatic relations with Tehran in April 1980.", "other")
    assert c.subtype == "relations broken"


def test_a_statement_issued() -> None:
    c = only(
        "On Tuesday the European Union issued a statement on the American law.",
        "statement",
        "1996-08-14",
    )
    assert ("European Union", "initiator") in c.actors


def test_a_journey_made_is_a_visit() -> None:
    c = only("Mr. McFarlane made the journey to Tehran in May.", "visit", "1986-11-07")
    assert c.span is not None and c.span.start == date(1986, 5, 1)


def test_a_missile_test_is_no_strike() -> None:
    kinds = {
        (c.category, c.subtype)
        for c in found("On Monday the Revolutionary Guards test-fired Sajjil missiles.")
    }
    assert ("other", "weapons test") in kinds and not any(k == "strike" for k, _ in kinds)


def test_a_quake_strikes_no_one() -> None:
    text = "The quake struck before dawn on Dec. 26, killing some 30,000 people."
    assert not [c for c in found(text, "2004-01-05") if c.category == "strike"]
    crash = "A plane crash on Monday killed 12 people."
    assert not [c for c in found(crash, "2004-01-05") if c.category == "strike"]


def test_an_embargo_still_in_force_is_no_new_sanction() -> None:
    text = (
        "On Wednesday the White House spokesman told reporters that the embargo on arms "
        "sales to Iran remained in force."
    )
    assert {c.category for c in found(text, "1986-11-07")} == {"statement"}


def test_a_letter_written_privately_is_a_message() -> None:
    c = only("In May, Mr. Obama wrote privately to Ayatollah Khamenei.", "message", "2009-10-02")
    assert ("United States", "initiator") in c.actors and ("Iran", "target") in c.actors


def test_a_speaker_named_in_apposition_before_had() -> None:
    c = only(
        "Iran's army commander, Maj. Gen. Ataollah Salehi, had warned on Jan. 3 that the "
        "United States should not send a carrier back into the Gulf.",
        "statement",
        "2012-01-27",
    )
    assert c.subtype == "threat" and ("Iran", "initiator") in c.actors


def test_messages_released_handed_over_or_sent_in_a_letter() -> None:
    video = only(
        "On March 20, Mr. Obama released a video message to Iran.", "message", "2009-10-02"
    )
    assert ("United States", "initiator") in video.actors
    package = only(
        "On Sept. 9, Mr. Jalili handed envoys of the six powers a five-page package of proposals.",
        "message",
        "2009-10-02",
    )
    assert ("Iran", "initiator") in package.actors
    letter = only(
        "In a letter to the atomic agency on Sept. 21, Iran disclosed a second plant.",
        "message",
        "2009-10-02",
    )
    assert letter.span is not None and letter.span.start == date(2009, 9, 21)


def test_sat_down_alone_with_is_talks() -> None:
    c = only("An American diplomat sat down alone with Iran's negotiator on Thursday.", "talks")
    assert {"United States", "Iran"} <= {n for n, _ in c.actors}


def test_an_anniversary_names_an_old_event_not_one_told() -> None:
    text = (
        "Addressing a crowd on Tuesday, on the seventh anniversary of the seizure of the "
        "American Embassy, the speaker of Iran's parliament said the envoys had been sent home."
    )
    events = found(text, "1986-11-07")
    assert [(c.category, c.subtype) for c in events] == [("statement", "statement")]
    assert ("Iran", "initiator") in events[0].actors


def test_the_ministry_of_a_capital_named_first_speaks_for_its_state() -> None:
    c = only(
        "In Tehran, the Foreign Ministry last week denounced the new law as economic "
        "aggression, as earlier American embargoes had.",
        "statement",
        "1996-08-14",
    )
    assert c.subtype == "criticism" and c.actors[0] == ("Iran", "initiator")
    assert not [e for e in found("Earlier American embargoes failed.", "1996-08-14")]


def test_a_participle_naming_a_thing_is_no_seizure() -> None:
    text = "This week a captured American spy plane and the detained sailors tested both sides."
    assert not [c for c in found(text, "2012-01-27") if c.subtype == "seizure"]
    c = only("On Dec. 4 Iran captured an American spy plane.", "other", "2012-01-27")
    assert c.subtype == "seizure"


def test_a_letter_handed_over_for_delivery_is_a_message() -> None:
    c = only(
        "Iranian officials handed it to the Swiss ambassador in Tehran on May 8 for delivery "
        "to Washington.",
        "message",
        "2006-06-02",
    )
    assert c.span is not None and c.span.start == date(2006, 5, 8)


def test_statements_made_by_telling_broadcasting_or_speaking() -> None:
    brushed = only(
        "On Monday Condoleezza Rice brushed the letter aside, telling reporters it was old.",
        "statement",
        "2006-06-02",
    )
    assert brushed.subtype == "rejection"
    tv = only(
        "On April 11, Mr. Ahmadinejad went on television to announce it.", "statement", "2006-06-02"
    )
    assert ("Iran", "initiator") in tv.actors
    speech = only(
        "Mr. Trump used his own speech to the assembly on Tuesday to urge pressure on Tehran.",
        "statement",
        "2019-09-28",
    )
    assert ("United States", "initiator") in speech.actors


def test_prison_left_trials_and_walkouts() -> None:
    kinds = {
        c.subtype
        for c in found("On Wednesday the two Americans walked out of Evin prison.", "2011-09-24")
    }
    assert "release" in kinds
    legal = only(
        "Last month, an Iranian court sentenced two Americans to prison.", "other", "2011-09-24"
    )
    assert legal.subtype == "legal action" and legal.cameo_code == "173"
    walkout = only(
        "On Thursday the American delegation walked out of the hall in protest at Iran's speech.",
        "other",
        "2011-09-24",
    )
    assert walkout.subtype == "walkout"


def test_asked_to_lift_sanctions_lifts_none() -> None:
    text = "On Wednesday Mr. Trump wrote on Twitter that Iran had asked him to lift sanctions."
    assert not [c for c in found(text, "2019-09-28") if c.subtype == "sanctions eased"]


def test_talks_ruled_out_did_not_happen_and_the_ruling_out_did() -> None:
    events = found(
        "On Sept. 17, Iran's supreme leader had ruled out negotiations with the United States.",
        "2019-09-28",
    )
    kinds = {(c.category, c.modality) for c in events}
    assert ("talks", "denied") in kinds and ("statement", "asserted") in kinds


def test_placed_under_sanctions() -> None:
    c = only(
        "Mr. Zarif, whom the Treasury placed under sanctions in July, flew home.",
        "sanction",
        "2019-09-28",
    )
    assert ("United States", "initiator") in c.actors


def test_the_agency_and_the_council_are_the_ones_named_before() -> None:
    text = (
        "The International Atomic Energy Agency met on Monday. Mohamed ElBaradei, the "
        "agency's director general, told the council on April 28 that Iran had not complied."
    )
    c = only(text, "statement", "2006-06-02")
    assert c.actors[0] == ("IAEA", "initiator")
    alone = "The council, in a statement issued on March 29, called on Iran to stop."
    assert not [e for e in found(alone, "2006-06-02") if e.category == "statement"]


def test_troops_flown_in_are_a_show_of_force() -> None:
    c = only(
        "About 100 U.S. Marines from a crisis-response force flew in from Kuwait on Tuesday.",
        "other",
        "2020-01-02",
    )
    assert c.subtype == "force posture" and ("United States", "initiator") in c.actors


def test_a_compound_stormed_and_set_ablaze_is_attacked() -> None:
    text = (
        "On Tuesday supporters of an Iran-backed militia forced their way into the U.S. "
        "Embassy compound and set it ablaze."
    )
    c = only(text, "strike", "2020-01-02")
    assert ("United States", "target") in c.actors


def test_an_envoy_summoned_carries_a_protest() -> None:
    c = only(
        "On Tuesday Iran's Foreign Ministry summoned the Swiss charge d'affaires to protest.",
        "message",
        "2020-01-02",
    )
    assert c.actors[0] == ("Iran", "initiator")


def test_welcomed_in_a_capital_is_a_visit_not_praise() -> None:
    events = found("President Xi Jinping was welcomed in Riyadh last December.", "2023-03-28")
    assert [(c.category, c.subtype) for c in events] == [("visit", "visit")]


def test_sanctions_back_in_force_and_a_response_with_a_warning() -> None:
    c = only(
        "The Trump administration announced on Sept. 19 that the sanctions were back in force.",
        "sanction",
        "2020-10-27",
    )
    assert ("United States", "initiator") in c.actors
    warning = only(
        "Secretary of State Mike Pompeo responded on Monday with a warning to Iran.",
        "statement",
        "2020-10-27",
    )
    assert ("United States", "initiator") in warning.actors


def test_staff_taken_away_are_seized() -> None:
    c = only(
        "On January 11 U.S. forces entered the Iranian office in Irbil and took away five of "
        "its staff.",
        "other",
        "2007-02-15",
    )
    assert c.subtype == "seizure"


def test_told_in_a_telephone_call_is_talks() -> None:
    events = found(
        "On July 13, Jeremy Hunt told Iran's foreign minister in a telephone call that "
        "Britain would help.",
        "2019-10-02",
    )
    assert "talks" in {c.category for c in events}


def test_a_minister_sent_to_a_capital_visits_it() -> None:
    c = only(
        "Oman sent its foreign minister, Yusuf bin Alawi, to Tehran in late July.",
        "visit",
        "2019-10-02",
    )
    assert ("Oman", "initiator") in c.actors and ("Iran", "target") in c.actors


def test_a_test_launch_confirmed() -> None:
    events = found(
        "Iran's defense minister confirmed the missile test on Wednesday.",
        "2017-02-05",
    )
    assert {(c.category, c.subtype) for c in events} >= {("statement", "statement")}
    test = found("Iran carried out a ballistic missile test last Sunday.", "2017-02-05")
    assert [(c.category, c.subtype) for c in test] == [("other", "weapons test")]


def test_a_subject_pronoun_stands_for_the_official_named_last() -> None:
    text = (
        'Secretary of State Mike Pompeo spoke on Monday. "They will be held responsible," '
        "he wrote on Twitter on Tuesday morning."
    )
    said = [c for c in found(text, "2020-01-02") if c.category == "statement"]
    assert said and said[-1].actors[0] == ("United States", "initiator")
    assert said[-1].span is not None and said[-1].span.start == date(2019, 12, 31)
    ordered = only(
        "President Trump spoke on Monday. He also imposed new sanctions on Iran on Tuesday.",
        "sanction",
        "2020-01-02",
    )
    assert ("United States", "initiator") in ordered.actors


def test_a_pronoun_far_from_any_official_names_no_one() -> None:
    text = (
        "Ayatollah Ali Khamenei spoke on Monday. "
        + "The weather was mild. " * 30
        + ("On Tuesday he said the talks were over.")
    )
    assert not [c for c in found(text, "2020-01-02") if c.span and c.span.start.day == 31]


def test_a_pronoun_after_another_titled_person_or_a_quoted_official_names_no_one() -> None:
    text = (
        "Secretary of State Mike Pompeo briefed lawmakers on Wednesday. Rep. Ami Bera said "
        'he heard nothing. "Secretary of State Pompeo must work with Congress," he said.'
    )
    assert not [c for c in found(text, "2020-01-09") if c.category == "statement"]


def test_an_unnamed_source_makes_no_statement() -> None:
    text = (
        '"They want to leave no room," said a European diplomat who spoke on condition of '
        "anonymity on Monday."
    )
    assert not [c for c in found(text, "2020-10-27") if c.category == "statement"]


def test_a_trip_put_off_did_not_happen() -> None:
    c = only("On Monday Pompeo put off a trip to Ukraine.", "visit", "2020-01-02")
    assert c.modality == "denied"


def test_a_listing_with_a_relative_clause_inside() -> None:
    c = only(
        "On April 8 Iran's Supreme National Security Council declared the United States "
        "Central Command, which oversees American forces in the Middle East, a terrorist "
        "organization.",
        "sanction",
        "2019-04-25",
    )
    assert c.actors == [("Iran", "initiator"), ("United States", "target")]


def test_no_missile_had_struck_is_a_denial_and_the_saying_stands() -> None:
    text = (
        "On Friday, the head of Iran's civil aviation organization told reporters he was "
        "certain that no missile had struck the aircraft."
    )
    kinds = {(c.category, c.modality) for c in found(text, "2020-01-14")}
    assert ("strike", "denied") in kinds and ("statement", "asserted") in kinds
    assert ("strike", "asserted") not in kinds


def test_written_to_the_council_and_talks_one_stands_ready_for() -> None:
    events = found(
        "On Wednesday the American ambassador to the United Nations wrote to the Security "
        "Council that Washington stood ready to enter negotiations with Tehran.",
        "2020-01-14",
    )
    kinds = {(c.category, c.modality) for c in events}
    assert ("message", "asserted") in kinds and ("talks", "possible") in kinds


def test_a_round_that_took_place_and_an_answer_sent_back_through_oman() -> None:
    c = only(
        "The first round between Iran and the United States took place in Muscat on April 12.",
        "talks",
        "2025-05-14",
    )
    assert {"Iran", "United States"} <= {n for n, _ in c.actors}
    answer = only("Iran's answer went back through Oman later that month.", "message", "2025-05-14")
    assert ("Oman", "intermediary") in answer.actors
    kinds = {
        c.category for c in found("On Monday a new round of sanctions hit Iran.", "2025-05-14")
    }
    assert "talks" not in kinds
