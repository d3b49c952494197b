"""A vocabulary audit: one phrasing per family of words the press uses for each kind
of event, each told as happening on the Tuesday before publication (2020-01-07).

The families were found by scoring 390 one-sentence reports written for the purpose
(and 210 more kept aside to measure, see the README); the sentences here are
shorter variants, one per family, so a family lost shows up as its own failure."""

from __future__ import annotations

from datetime import date

import pytest

from tests.extract.test_detect import found
from timeline.dates import day_span

TUESDAY = day_span(date(2020, 1, 7))

FAMILIES = [
    # strikes: bombardment verbs, blasts that did damage, targets hit, passives
    ("strike", "American bombers pummelled militia depots in Iraq on Tuesday."),
    ("strike", "Iran-backed fighters mortared a U.S. base in Syria on Tuesday."),
    ("strike", "Hezbollah lobbed rockets into northern Israel on Tuesday."),
    ("strike", "Militiamen raked an American outpost with machine-gun fire on Tuesday."),
    ("strike", "An explosion ripped through a missile plant near Tehran on Tuesday."),
    ("strike", "A Saudi tanker was hit by a Houthi drone on Tuesday."),
    ("strike", "U.S. jets took out a Houthi radar site on Tuesday."),
    ("strike", "Israeli jets hit Iranian positions near Damascus on Tuesday."),
    ("strike", "Israel eliminated a senior Revolutionary Guards commander in Beirut on Tuesday."),
    ("strike", "Rockets fired by Iran-backed militias rained down on the embassy on Tuesday."),
    ("strike", "The Houthis aimed a salvo of missiles at Riyadh on Tuesday."),
    ("strike", "The Iranian frigate Sabalan was struck by a laser-guided bomb on Tuesday."),
    ("strike", "Iraqi troops recaptured the Fao Peninsula on Tuesday."),
    # other acts of force and pressure
    ("other", "Another 500 TOW missiles were delivered to Iran on Tuesday."),
    ("other", "Navy SEALs from the United States took control of the Iranian ship on Tuesday."),
    ("other", "Two dozen Iranian sailors were taken prisoner by U.S. forces on Tuesday."),
    ("other", "The Revolutionary Guards commandeered a British tanker on Tuesday."),
    ("other", "A French citizen was taken into custody in Tehran on Tuesday."),
    ("other", "Iran put a military satellite into orbit on Tuesday."),
    ("other", "Iran kicked off naval drills with Russia in the Gulf of Oman on Tuesday."),
    ("other", "Britain deployed a Royal Navy frigate to the Red Sea on Tuesday."),
    ("other", "Additional Patriot batteries were rushed to Saudi Arabia on Tuesday."),
    ("other", "Two U.S. B-52 bombers flew over the Gulf on Tuesday."),
    ("other", "The United States airdropped food into Gaza on Tuesday."),
    ("other", "Hackers linked to Israel crippled Iranian fuel stations on Tuesday."),
    ("other", "Iran suspended its cooperation with the IAEA on Tuesday."),
    ("other", "Iran turned away a team of IAEA inspectors at Fordow on Tuesday."),
    ("other", "Germany shut down Iran's consulates in three cities on Tuesday."),
    ("other", "Tehran lowered its relations with London to charge d'affaires on Tuesday."),
    ("other", "Israel called home its ambassador to Paris on Tuesday."),
    ("other", "Russia kicked out a Japanese diplomat on Tuesday."),
    ("other", "Iran took the United States to the International Court of Justice on Tuesday."),
    ("other", "A London court overturned the asset freeze on an Iranian bank on Tuesday."),
    ("other", "The Treasury issued a general license for earthquake relief on Tuesday."),
    ("other", "The European Union lifted its asset freeze on two Iranian banks on Tuesday."),
    ("other", "Saudi Arabia denied American warplanes permission to fly over on Tuesday."),
    ("other", "Switzerland refused on Tuesday to extradite an Iranian businessman."),
    ("other", "Iran's delegation walked out of the General Assembly hall on Tuesday."),
    # sanctions
    ("sanction", "The State Department redesignated the Houthis as terrorists on Tuesday."),
    ("sanction", "Three Iranian officials were added to the EU's sanctions list on Tuesday."),
    ("sanction", "Britain hit Iran's state broadcaster with an asset freeze on Tuesday."),
    ("sanction", "Russia barred 25 British officials from entering the country on Tuesday."),
    ("sanction", "Britain formally proscribed the Revolutionary Guards on Tuesday."),
    ("sanction", "The United States clamped a ban on Iranian pistachio imports on Tuesday."),
    ("sanction", "Penalties were levied on Tuesday against a Chinese refinery."),
    ("sanction", "The Treasury targeted a drone procurement network on Tuesday."),
    ("sanction", "Washington blocked the property of a Swiss oil trader on Tuesday."),
    ("sanction", "The Treasury went after Iran's tankers on Tuesday, sanctioning six ships."),
    # statements
    ("statement", "The Pentagon chief put Tehran on notice on Tuesday."),
    ("statement", "A Houthi spokesman issued a warning to shipping companies on Tuesday."),
    ("statement", "Germany pressed Iran on Tuesday to halt the execution."),
    ("statement", "China brushed off accusations of arms sales to Iran on Tuesday."),
    ("statement", "The IAEA chief faulted Iran on Tuesday for its silence."),
    ("statement", "The Revolutionary Guards boasted on Tuesday of a new missile."),
    ("statement", "Israel pointed the finger at Hezbollah on Tuesday."),
    ("statement", "The U.N. secretary-general appealed on Tuesday for restraint."),
    ("statement", "Qatar volunteered on Tuesday to mediate between Israel and Hamas."),
    ("statement", "Kataib Hezbollah promised on Tuesday to keep attacking U.S. forces."),
    # (a plural's possessive names the speaker's side)
    ("statement", "The Houthis' leader pledged in a speech on Tuesday to keep targeting ships."),
    ("statement", "Iran's president argued on Tuesday that Washington had closed the road."),
    ("statement", "Rouhani responded on Tuesday, calling the measures outrageous."),
    (
        "statement",
        "Behrouz Kamalvandi, the spokesman for Iran's Atomic Energy Organization, "
        "announced on Tuesday that the stockpile would exceed the cap.",
    ),
    # visits
    ("visit", "China's foreign minister touched down in Tehran on Tuesday."),
    ("visit", "Japan's foreign minister came to Tehran on Tuesday."),
    ("visit", "Oman's foreign minister reached Tehran on Tuesday."),
    ("visit", "Saudi Arabia's foreign minister set off for Tehran on Tuesday."),
    ("visit", "The Swiss foreign minister stopped over in Tehran on Tuesday."),
    ("visit", "IAEA inspectors toured the Natanz site on Tuesday."),
    ("visit", "Qatar's emir was received at the White House on Tuesday."),
    ("visit", "Pompeo spent Tuesday in Jeddah and Abu Dhabi."),
    ("visit", "By Tuesday Pompeo had moved on to Abu Dhabi."),
    # messages
    ("message", "American destroyers radioed warnings to the Iranian crews on Tuesday."),
    ("message", "Iran's leader replied on Tuesday to a letter from Japan's prime minister."),
    ("message", "Iran submitted its response to the European draft on Tuesday."),
    ("message", "Qatar's foreign minister brought a letter from the emir to Tehran on Tuesday."),
    ("message", "The French ambassador delivered a demarche to Iran on Tuesday."),
    ("message", "Washington used the Swiss channel on Tuesday to tell Tehran of its concern."),
    ("message", "Israel sent a warning to Hezbollah via French diplomats on Tuesday."),
    ("message", "A letter from the U.S. president reached Iran's supreme leader on Tuesday."),
    # talks
    ("talks", "Russian and Chinese envoys consulted on Tuesday on Iran."),
    ("talks", "The U.N. Security Council convened an emergency session on Tuesday."),
    ("talks", "Iran's foreign minister and the EU envoy had a phone conversation on Tuesday."),
    ("talks", "China's president talked by telephone with Iran's president on Tuesday."),
    ("talks", "Iraq's prime minister received the Iranian ambassador on Tuesday."),
    # deals
    ("deal", "Iran and Russia inked a partnership treaty on Tuesday."),
    ("deal", "Iran and Switzerland signed a memorandum of understanding on Tuesday."),
    ("deal", "Washington and Tehran came to terms on Tuesday on a prisoner deal."),
    ("deal", "Iran and Saudi Arabia normalized ties on Tuesday."),
    ("deal", "Saudi Arabia and Iran reopened their embassies on Tuesday."),
    ("deal", "Britain and Iran settled their dispute over a tank debt on Tuesday."),
    ("deal", "Relations between Iran and Saudi Arabia were restored on Tuesday."),
    ("deal", "The United States agreed to a request from Kuwait on Tuesday to reflag its tankers."),
]


@pytest.mark.parametrize(("category", "text"), FAMILIES)
def test_a_family_of_words_tells_its_kind_of_event(category: str, text: str) -> None:
    events = [
        c
        for c in found(text)
        if c.category == category and c.modality == "asserted" and c.span == TUESDAY
    ]
    assert events, [(c.category, c.trigger, c.modality, c.span) for c in found(text)]


LOOKALIKES = [
    # a satellite launch is no rocket attack
    ("Iran launched a satellite-carrying rocket on Tuesday.", "strike"),
    # "denied ... permission" is a refusal, not a denial said
    ("Saudi Arabia denied American warplanes permission to fly over on Tuesday.", "statement"),
    # a new round of penalties is no round of talks
    ("Switzerland adopted the latest round of EU measures against Iran on Tuesday.", "talks"),
    # a letter that reached someone is no visit, nor are missiles that reached a state
    ("A letter from the U.S. president reached Iran's supreme leader on Tuesday.", "visit"),
    ("On Tuesday a consignment of 1,000 missiles reached Iran.", "visit"),
    # what did not happen, or may: speculation, fears, what is unlikely or never came about
    ("Analysts said on Tuesday that new talks with Iran looked unlikely.", "talks"),
    ("Israeli papers on Tuesday were full of speculation about an Iranian retaliation.", "strike"),
    ("Stocks rose on Tuesday as fears of an Iranian attack eased.", "strike"),
    ("The expected meeting between the two envoys failed to materialize on Tuesday.", "talks"),
    # people who no longer speak for a state, or never did
    ("A retired Israeli general argued on Tuesday that bombing Iran would fail.", "statement"),
    (
        "Researchers at a Washington think tank argued on Tuesday that sanctions failed.",
        "statement",
    ),
]


@pytest.mark.parametrize(("text", "category"), LOOKALIKES)
def test_what_only_looks_like_an_event_of_a_kind(text: str, category: str) -> None:
    assert not [c for c in found(text) if c.category == category and c.modality == "asserted"]


def test_the_navy_of_american_reporting_is_the_united_states_navy() -> None:
    from timeline.extract.gazetteer import load_gazetteer

    text = "The Navy sent minesweepers. Navy SEALs boarded it. Iran said the navy would sail."
    named = [(text[m.start : m.end], m.actor) for m in load_gazetteer().find(text)]
    # (written in lower case, "the navy" is any state's: here Iran's)
    assert named == [
        ("The Navy", "United States"),
        ("Navy SEALs", "United States"),
        ("Iran", "Iran"),
    ]
