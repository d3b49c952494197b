"""Dates and speakers found in a seventh round of unseen articles."""

from __future__ import annotations

from datetime import date

from tests.extract.test_detect import found, only
from timeline.dates import day_span
from timeline.extract.detect import dateline


def test_a_person_no_list_names_speaks_for_the_state_of_his_title() -> None:
    text = "Ukrainian President Volodymyr Zelensky said on Tuesday that Iran had sent the drones."
    c = only(text, "statement", "2022-10-20")
    assert c.actors[0] == ("Ukraine", "initiator")
    assert c.speaker == "Volodymyr Zelensky"


def test_two_people_of_one_side_on_one_day_say_two_things() -> None:
    text = (
        "Iranian Brig. Gen. Amir Ali Hajizadeh said on Tuesday that the drones were not "
        "Iranian. Iranian President Ebrahim Raisi said on Tuesday that the West had lied."
    )
    speakers = {c.speaker for c in found(text, "2022-10-20") if c.category == "statement"}
    assert speakers == {"Amir Ali Hajizadeh", "Ebrahim Raisi"}


def test_a_dateline_dates_nothing_and_names_no_actor() -> None:
    text = (
        "WASHINGTON, Oct. 8, 1999 - President Clinton sent a letter to President Khatami "
        "of Iran in late August, carried by the Sultan of Oman."
    )
    c = only(text, "message", "1999-10-08")
    assert c.span is not None and (c.span.start, c.span.end) == (
        date(1999, 8, 21),
        date(1999, 8, 31),
    )
    for head in ("DUBAI/WASHINGTON, Aug. 18 (Reuters) — ", "THE HAGUE - ", "TEHRAN, Iran — "):
        line = f"{head}Iran seized a tanker on Tuesday."
        d = dateline(f"Headline\n\n{line}")
        assert d is not None and line[: d.end - 10] == head, head
    assert dateline("Iran seized a tanker - on Tuesday - in the Gulf.") is None


def test_what_there_was_none_of_or_little_room_for_did_not_happen() -> None:
    for text in (
        "There were no direct contacts between Iran and the United States on Monday.",
        "On Monday he kept a schedule that left little room for meetings with Iran.",
    ):
        assert not [c for c in found(text, "2000-09-11") if c.modality == "asserted"], text
    text = "Washington said on Monday that it was ready for a dialogue with Iran."
    assert only(text, "talks", "2000-09-11").modality == "possible"


def test_agreeing_to_extend_talks_is_a_deal() -> None:
    text = "Iran and the United States agreed on Monday to keep negotiating for seven months."
    c = only(text, "deal", "2014-11-26")
    assert c.span is not None and c.span.start == date(2014, 11, 24)
    assert only("Iran and the United States agreed to extend the talks.", "deal").subtype


def test_struck_from_a_list_and_a_round_of_retaliation_are_no_attack_nor_talks() -> None:
    text = "The court on Thursday struck from its list the case Iran brought."
    assert not [c for c in found(text, "1996-02-27") if c.category == "strike"]
    text = "U.S. jets bombed a depot in Syria on Wednesday, a second round of retaliation."
    assert {c.category for c in found(text, "2023-11-10")} == {"strike"}


def kinds(text: str, published: str = "2024-01-16") -> set[tuple[str, str | None]]:
    return {(c.category, c.subtype) for c in found(text, published) if c.modality == "asserted"}


def test_more_words_for_known_kinds() -> None:
    cases = {
        "Iran's navy staged a large exercise near the strait on Jan. 4.": (
            "other",
            "military exercise",
        ),
        "Germany's economy minister, Sigmar Gabriel, flew into Tehran on Sunday.": (
            "visit",
            "visit",
        ),
        "On Jan. 2, Lloyd Austin ordered a Terminal High Altitude Area Defense battery to "
        "the Middle East.": ("other", "force posture"),
        "In August, 3,000 more U.S. sailors and Marines reached the region aboard two ships.": (
            "other",
            "force posture",
        ),
        "Ukraine stripped the Iranian ambassador of his accreditation on Jan. 3.": (
            "other",
            "envoys recalled",
        ),
        "Britain announced matching designations against Iran on Jan. 5.": (
            "sanction",
            "sanctions",
        ),
        "Last month the President took Iran off the list of major drug-producing countries.": (
            "other",
            "sanctions eased",
        ),
        "Iran filed its suit against the United States on May 17, 1989.": ("other", "legal action"),
        "George Bush defended the Navy's conduct before the Security Council on July 14, 1988.": (
            "statement",
            "statement",
        ),
        "Madeleine Albright proposed on June 17, 1998, that Iran and the United States draw up "
        "a road map.": ("statement", "statement"),
    }
    for text, kind in cases.items():
        assert kind in kinds(text), text


def test_an_event_named_by_a_noun_and_counted_from_is_told_on_its_day() -> None:
    text = (
        "Militias fired rockets at a U.S. base in Iraq on Oct. 20.\n\n"
        "The attacks on American positions began on Oct. 17, ten days after the Hamas "
        "assault on southern Israel set off the war in Gaza."
    )
    hamas = [c for c in found(text, "2023-11-10") if ("Hamas", "initiator") in c.actors]
    assert len(hamas) == 1 and hamas[0].span is not None
    assert hamas[0].span.start == hamas[0].span.end == date(2023, 10, 7)
    text = "Iran fired missiles at U.S. bases on Jan. 8, five days after the U.S. strike on Iraq."
    days = sorted(c.span.start for c in found(text, "2020-01-20") if c.span is not None)
    assert days == [date(2020, 1, 3), date(2020, 1, 8)]
    # Without a count, the noun names an event told elsewhere: no new one.
    text = "Iran fired missiles at U.S. bases on Jan. 8, days after the U.S. strike on Iraq."
    assert len([c for c in found(text, "2020-01-20") if c.category == "strike"]) == 1


def test_a_reason_given_is_no_attack_and_its_doer_did_not_do_the_event() -> None:
    text = (
        "On Jan. 11 the Iranian navy seized the ship under a court order, in retaliation for "
        "the theft of Iranian oil by the United States."
    )
    events = found(text, "2024-01-16")
    assert {c.category for c in events} == {"other"}
    assert ("Iran", "initiator") in events[0].actors
    assert ("United States", "initiator") not in events[0].actors


def test_onlookers_in_a_capital_speak_for_no_state() -> None:
    text = "Analysts in Tehran said on Monday that Mr. Khatami could not risk a handshake."
    assert not [c for c in found(text, "2000-09-11") if c.category == "statement"]
    text = "Officials in Tehran said on Monday that the talks were over."
    assert [c for c in found(text, "2000-09-11") if c.category == "statement"]


def test_what_was_told_to_a_meeting_is_a_statement_not_talks() -> None:
    text = (
        "On Oct. 24, Antony Blinken told a ministerial meeting of the Security Council that "
        "the United States did not want a wider war with Iran."
    )
    assert kinds(text, "2023-11-10") == {("statement", "statement")}


AUDIT = [
    ("strike", "Militants ambushed a U.S. convoy in Iraq on Tuesday."),
    ("strike", "A suicide bomber blew himself up outside the U.S. embassy in Iraq on Tuesday."),
    ("strike", "Iran's navy mined the harbor on Tuesday."),
    ("visit", "The Iraqi prime minister went to Tehran on Tuesday."),
    ("visit", "Zarif headed to Muscat on Tuesday."),
    ("message", "Washington conveyed a warning to Tehran through Iraq on Tuesday."),
    ("message", "Oman relayed an American offer to Tehran on Tuesday."),
    ("deal", "Iran and Saudi Arabia restored diplomatic relations on Tuesday."),
    ("deal", "The United States and Iran agreed to a ceasefire on Tuesday."),
    ("sanction", "The Security Council voted to impose new sanctions on Iran on Tuesday."),
    ("sanction", "Washington targeted Iran's shipping network with new penalties on Tuesday."),
    ("statement", "Rouhani signaled on Tuesday that Iran was open to talks."),
    ("other", "The United States unfroze $6 billion of Iranian funds on Tuesday."),
    ("other", "Iran expelled two IAEA inspectors on Tuesday."),
    ("other", "Iran boarded a Greek tanker on Tuesday."),
]


def test_a_vocabulary_audit_of_common_phrasings() -> None:
    """Phrasings written for the purpose, one per family of words; each is told as
    happening on the Tuesday before publication."""
    for category, text in AUDIT:
        events = [
            c
            for c in found(text)
            if c.category == category and c.modality == "asserted" and c.span is not None
        ]
        assert events and events[0].span == day_span(date(2020, 1, 7)), text
    # (targeted with penalties is no attack)
    assert not [c for c in found(AUDIT[10][1]) if c.category == "strike"]


def test_unfrozen_funds_named_are_no_release_of_funds() -> None:
    text = "On Tuesday the unfrozen Iranian funds came under scrutiny in Washington."
    assert not [c for c in found(text) if c.subtype == "sanctions eased"]
