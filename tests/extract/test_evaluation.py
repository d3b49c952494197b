"""The event scorer on a tiny hand-made gold."""

from __future__ import annotations

from datetime import date

from timeline.extract.evaluation import Item, score


def item(doc: str, category: str, start: str, end: str) -> Item:
    return Item(doc, category, date.fromisoformat(start), date.fromisoformat(end))


def test_match_needs_document_category_and_span_inside() -> None:
    gold = [
        item("a", "strike", "2020-01-03", "2020-01-03"),
        item("a", "message", "2020-01-03", "2020-01-09"),
        item("b", "talks", "2019-05-01", "2019-05-31"),
    ]
    system = [
        item("a", "strike", "2020-01-03", "2020-01-03"),  # right
        item("a", "strike", "2020-01-03", "2020-01-03"),  # the same event twice
        item("a", "message", "2020-01-02", "2020-01-04"),  # span spills out: wrong
        item("b", "talks", "2019-05-12", "2019-05-12"),  # inside the month: right
        item("b", "visit", "2019-05-12", "2019-05-12"),  # wrong category
    ]
    results = score(gold, system)
    overall = results["overall"]
    assert (overall.gold, overall.system) == (3, 5)
    assert overall.found == 2 and overall.correct == 3 and overall.duplicates == 1
    assert overall.recall == 2 / 3 and overall.precision == 3 / 5
    assert results["a"].recall == 0.5 and results["b"].precision == 0.5
    assert [g.category for g in overall.missed] == ["message"]


def test_empty_sides() -> None:
    assert score([], [])["overall"].recall == 1.0
    assert score([item("a", "deal", "2015-01-01", "2015-12-31")], [])["overall"].recall == 0.0


def test_an_event_inside_a_taken_wide_span_is_a_duplicate_only_with_a_shared_actor() -> None:
    def acted(category: str, start: str, end: str, *names: str) -> Item:
        return Item(
            "a",
            category,
            date.fromisoformat(start),
            date.fromisoformat(end),
            actors=frozenset(names),
        )

    gold = [acted("strike", "2023-10-07", "2024-02-09", "Israel", "Hamas")]
    system = [
        acted("strike", "2023-10-07", "2024-02-09", "Israel"),  # found
        acted("strike", "2023-10-07", "2024-02-09", "Hamas", "Israel"),  # told again
        acted("strike", "2023-10-07", "2024-02-09", "Houthis"),  # another event: wrong
    ]
    overall = score(gold, system)["overall"]
    assert (overall.found, overall.correct, overall.duplicates) == (1, 2, 1)
    assert [s.actors for s in overall.wrong] == [frozenset({"Houthis"})]
