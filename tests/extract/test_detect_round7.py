"""Dates and speakers found in a seventh round of unseen articles."""

from __future__ import annotations

from tests.extract.test_detect import found, only


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
