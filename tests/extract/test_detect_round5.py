"""Kinds of events and speakers found in a fifth round of unseen articles: envoys
recalled, exercises, sanctions coming into force, exemptions, bans on imports, air
raids, notifications, units of a state speaking."""

from __future__ import annotations

from datetime import date

from tests.extract.test_detect import found, only


def test_envoys_recalled_reduce_relations() -> None:
    c = only(
        "Iraq recalled its ambassador from Tehran on Tuesday and lodged a complaint.",
        "other",
        "2024-01-20",
    )
    assert c.subtype == "envoys recalled" and c.cameo_code == "16"
    assert ("Iraq", "initiator") in c.actors and ("Iran", "target") in c.actors
    assert c.span is not None and c.span.start == date(2024, 1, 16)
    c = only("On Monday Britain expelled two Iranian diplomats.", "other", "2024-01-20")
    assert c.subtype == "envoys recalled"


def test_military_exercises_are_a_show_of_force() -> None:
    c = only(
        "Early this month the Guards staged drills on Abu Musa and Greater Tunb.",
        "other",
        "2023-08-15",
    )
    assert c.subtype == "military exercise" and c.cameo_code == "15"
    assert ("IRGC", "initiator") in c.actors
    # Exercises only announced are no exercise held.
    kinds = {c.subtype for c in found("On Monday Iran announced war games for next week.")}
    assert "military exercise" not in kinds


def test_sanctions_coming_into_force_and_bans_on_imports() -> None:
    c = only(
        "A law signed by President Obama on New Year's Eve allows the United States to cut "
        "off foreign banks; those penalties became enforceable on Thursday.",
        "sanction",
        "2012-07-02",
    )
    assert c.span is not None and c.span.start == date(2012, 6, 28)
    assert ("United States", "initiator") in c.actors
    # A law signed by someone is no deal.
    assert "deal" not in {c.category for c in found("The law signed by Obama took effect.")}
    only("The new American sanctions on Iran took effect on Monday.", "sanction", "2018-11-07")
    barred = only("On April 17 he barred imports from Iran.", "sanction", "1980-05-02")
    assert ("Iran", "target") in barred.actors


def test_exemptions_ease_sanctions() -> None:
    c = only(
        "The same day, the State Department exempted China and Singapore.",
        "other",
        "2012-07-02",
    )
    assert c.cameo_code == "085"
    assert ("China", "target") in c.actors and ("Singapore", "target") in c.actors
    waivers = only(
        "On Monday Washington granted waivers to eight buyers of Iranian oil.",
        "other",
        "2018-11-07",
    )
    assert waivers.cameo_code == "085"


def test_air_raids_and_shootings_are_strikes() -> None:
    c = only(
        "Iraq resumed air raids on Iranian oil installations on Aug. 29.", "strike", "1987-09-25"
    )
    assert c.subtype == "air strike" and ("Iraq", "initiator") in c.actors
    shot = only(
        "On Jan. 18 Hezbollah gunmen shot dead an American professor.", "strike", "1984-01-27"
    )
    assert shot.subtype == "assassination"


def test_notified_and_objections_sent_are_messages() -> None:
    c = only(
        "Iran formally notified the International Atomic Energy Agency of the arrangement on "
        "May 24.",
        "message",
        "2010-06-17",
    )
    assert ("Iran", "initiator") in c.actors and ("IAEA", "target") in c.actors
    only(
        "On June 9 the United States and France sent the agency their written objections.",
        "message",
        "2010-06-17",
    )


def test_a_named_unit_of_a_state_speaks_for_it() -> None:
    c = only(
        "On Monday the U.S. Navy's Bahrain-based Fifth Fleet demanded the ship's release.",
        "statement",
        "2023-08-15",
    )
    assert c.actors == [("United States", "initiator")]
    c = only(
        "On Friday, Pakistan's National Security Committee, chaired by the caretaker prime "
        "minister, said the two countries could use existing channels.",
        "statement",
        "2024-01-20",
    )
    assert ("Pakistan", "initiator") in c.actors


def test_counted_from_an_event_named_after_the_clause() -> None:
    text = (
        "A truck bomb destroyed the Marine barracks in Beirut on Oct. 23. Vice President "
        "George Bush flew to Beirut three days after the bombing."
    )
    visit = next(c for c in found(text, "1984-01-27") if c.category == "visit")
    assert visit.span is not None and visit.span.start == visit.span.end == date(1983, 10, 26)
    text = (
        "Brazil, Turkey and Iran signed the declaration on May 17. Lula had arrived in "
        "Tehran two days before the signing."
    )
    visit = next(c for c in found(text, "2010-06-17") if c.category == "visit")
    assert visit.span is not None and visit.span.start == visit.span.end == date(2010, 5, 15)
    assert ("Brazil", "initiator") in visit.actors
    text = (
        "Brazil, Turkey and Iran signed the declaration on May 17. Erdogan flew to Tehran on "
        "the eve of the signing."
    )
    visit = next(c for c in found(text, "2010-06-17") if c.category == "visit")
    assert visit.span is not None and visit.span.start == date(2010, 5, 16)
    # A plain "before" dates nothing.
    text = (
        "Brazil, Turkey and Iran signed the declaration on May 17. Before the signing, "
        "Erdogan warned the United States."
    )
    warning = next(c for c in found(text, "2010-06-17") if c.category == "statement")
    assert warning.span is None


def test_forces_being_sent_and_forces_only_considered() -> None:
    c = only(
        "On Oct. 13 the Pentagon announced it was sending a THAAD missile defense battery to "
        "Israel.",
        "other",
        "2024-10-28",
    )
    assert c.subtype == "force posture" and ("United States", "initiator") in c.actors
    considered = only(
        "On Monday the Pentagon said it was considering sending more troops to the region.",
        "other",
        "2023-08-15",
    )
    assert considered.modality == "possible"


def test_a_past_perfect_in_a_relative_clause_is_not_dated_by_the_main_clause() -> None:
    text = (
        "Last spring Washington agreed to put 11 Kuwaiti tankers under the American flag "
        "after Kuwait, whose ships Iran had attacked in reprisal, turned to Moscow."
    )
    strikes = [c for c in found(text, "1987-09-25") if c.category == "strike"]
    assert strikes and all(c.span is None for c in strikes)


def test_what_a_letter_disclosed_is_a_message() -> None:
    c = only(
        "Iran had disclosed the plant to the agency in a terse letter on Sept. 21.",
        "message",
        "2009-10-02",
    )
    assert c.span is not None and c.span.start == date(2009, 9, 21)
    assert ("Iran", "initiator") in c.actors


def test_a_date_before_a_participle_does_not_belong_to_the_noun_after_it() -> None:
    c = only(
        "Ashton wrote to Jalili last October offering talks, and Jalili replied in "
        "mid-February that Iran was ready to return.",
        "message",
        "2012-07-02",
    )
    assert c.span is not None and c.span.start == date(2011, 10, 1)
    assert ("European Union", "initiator") in c.actors


def test_plans_put_forward_are_offers_and_video_messages_are_messages() -> None:
    c = only("On Thursday Iran answered with a five-point plan of its own.", "statement")
    assert c.subtype == "offer" and ("Iran", "initiator") in c.actors
    c = only("On March 20 Obama sent a videotaped message to Iranians.", "message", "2009-10-02")
    assert ("United States", "initiator") in c.actors


def test_bombings_are_strikes() -> None:
    c = only(
        "The Jan. 3 suicide bombings in the city of Kerman were claimed by Islamic State.",
        "strike",
        "2024-01-20",
    )
    assert c.span is not None and c.span.start == date(2024, 1, 3)


def test_its_foreign_office_is_the_state_named_before() -> None:
    text = (
        "Pakistan said two children were killed near the town of Panjgur, and its Foreign "
        "Office called the attack completely unacceptable on Tuesday night."
    )
    actors = {a for c in found(text, "2024-01-20") for a, _ in c.actors}
    assert "Pakistan" in actors and "United Kingdom" not in actors
    c = only(
        "On Tuesday the United States said its embassy had warned Iran.", "statement", "2024-01-20"
    )
    assert ("United States", "initiator") in c.actors


def test_letters_and_dossiers_handed_with_titles_and_asides_between() -> None:
    c = only("Last month Mr. Ahmadinejad sent Mr. Bush an 18-page letter.", "message", "2006-06-08")
    assert ("Iran", "initiator") in c.actors and ("United States", "target") in c.actors
    c = only(
        "On Thursday, Iran's ambassador to the agency, Ali Akbar Salehi, handed Mohamed "
        "ElBaradei, the agency's director general, a dossier on the program.",
        "message",
        "2003-10-24",
    )
    assert ("IAEA", "target") in c.actors
    c = only(
        "On Tuesday, Javier Solana carried the package to Tehran and handed it to Ali Larijani.",
        "message",
        "2006-06-08",
    )
    # (who carries a package carries someone's: a go-between)
    assert ("European Union", "intermediary") in c.actors and ("Iran", "target") in c.actors


def test_agreed_on_a_package_and_agreed_to_sign_are_deals() -> None:
    only(
        "On June 1, in Vienna, the foreign ministers of Britain and China agreed on a package "
        "of incentives for Iran.",
        "deal",
        "2006-06-08",
    )
    only("On Tuesday Iran agreed to sign the Additional Protocol.", "deal", "2003-10-24")


def test_calling_someones_words_is_a_statement_and_calling_someone_is_talks() -> None:
    text = "On Thursday President Khatami called Mr. Bush's words bellicose and insulting."
    assert {c.category for c in found(text, "2002-02-03")} == {"statement"}
    text = "On Monday Pompeo called Oman's Sultan Qaboos and discussed the Gulf."
    assert "talks" in {c.category for c in found(text, "2019-05-21")}
    assert "statement" not in {c.category for c in found(text, "2019-05-21")}


def test_counted_from_an_offer_or_address_named_with_a_possessive() -> None:
    text = (
        "On May 31 Secretary Rice offered talks with Iran. The day after her offer, Foreign "
        "Minister Manouchehr Mottaki said Iran welcomed dialogue."
    )
    events = found(text, "2006-06-08")
    offer = next(c for c in events if c.actors[0][0] == "United States")
    assert offer.span is not None and offer.span.start == date(2006, 5, 31)
    reply = next(c for c in events if c.category == "statement" and c.actors[0][0] == "Iran")
    assert reply.span is not None and reply.span.start == date(2006, 6, 1)
