"""Actors named in text: states (and their capitals and adjectives), organisations,
armed groups, and officials with the state they served at the time.

The lists are data (``data/actors.csv``, ``data/officials.csv``); this module
compiles them into one regular expression and answers "who is named here".
A foreign minister's visit is that state's visit: officials resolve to their
state for the year of the event.
"""

from __future__ import annotations

import bisect
import csv
import re
from dataclasses import dataclass
from functools import cache, lru_cache
from pathlib import Path
from typing import Any

from timeline.extract.sentences import quotations, quoted_at, sentences

DATA_DIR = Path(__file__).resolve().parents[2] / "data"


@dataclass(frozen=True, slots=True)
class ActorInfo:
    name: str
    kind: str
    country: str | None
    aliases: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Official:
    name: str
    state: str
    from_year: int
    to_year: int


@dataclass(frozen=True, slots=True)
class ActorMention:
    """An actor named at ``start:end``; ``via`` is the official's name, if any."""

    start: int
    end: int
    actor: str
    via: str | None = None


class Gazetteer:
    def __init__(
        self, actors: list[ActorInfo], officials: list[tuple[Official, list[str]]]
    ) -> None:
        self.actors = {a.name: a for a in actors}
        self._surface: dict[str, tuple[str, Official | None]] = {}
        self._officials: dict[str, list[Official]] = {}
        # Forms written in lower case in the data match in lower case ("the supreme
        # leader"); all others need a capital ("US" the state, not "us").
        lower_forms = [form for _, forms in officials for form in forms if form[:1].islower()] + [
            form for actor in actors for form in actor.aliases if form[:1].islower()
        ]
        self._lower_ok = {form.lower() for form in lower_forms}
        # ... but a form with capitals after its first word keeps them: "the Navy" (the
        # U.S. Navy of American reporting), not "the navy" of any state.
        self._exact_tail = {form.lower(): form for form in lower_forms if form != form.lower()}
        for actor in actors:
            for form in (actor.name, *actor.aliases):
                self._surface.setdefault(form.lower(), (actor.name, None))
        for official, forms in officials:
            self._officials.setdefault(official.name, []).append(official)
            for form in (official.name, *forms):
                self._surface.setdefault(form.lower(), (official.state, official))
        # "Mr. Christopher", "Mrs. Thatcher": an honorific with a surname that only one
        # listed official bears names that official.
        surnames: dict[str, set[str]] = {}
        for official, _ in officials:
            surnames.setdefault(official.name.split()[-1], set()).add(official.name)
        for surname, names in surnames.items():
            if len(names) == 1 and surname[:1].isupper():
                (name,) = names
                official = self._officials[name][0]
                for title in ("Mr.", "Mrs.", "Ms.", "Dr."):
                    self._surface.setdefault(
                        f"{title} {surname}".lower(), (official.state, official)
                    )
        alternatives = trie_pattern(list(self._surface))
        # Case-sensitive on the first letter: "US" the state, not "us" the pronoun.
        self._pattern = re.compile(rf"(?<![\w.])(?:{alternatives})(?!\w)", re.IGNORECASE)

    def find(self, text: str, year: int | None = None) -> list[ActorMention]:
        """Actors named in ``text``; officials resolve to their state in ``year``."""
        found = []
        for m in self._pattern.finditer(text):
            surface = m.group(0)
            if (
                not surface[0].isupper()
                and not surface[0].isdigit()
                and surface.lower() not in self._lower_ok
            ):
                continue
            if not _hyphen_ok(text, m.start(), m.end()):
                continue
            exact = self._exact_tail.get(surface.lower())
            if exact is not None and surface[1:] != exact[1:]:
                continue
            if surface.isupper() is False and surface.lower() in ("us",) and surface != "US":
                continue
            actor, official = self._surface[surface.lower()]
            via = None
            if official is not None:
                state = self._state_of(official.name, year) or actor
                actor, via = state, official.name
            found.append(ActorMention(m.start(), m.end(), actor, via))
        if not found:
            return found
        return _possessives(
            text, _pronouns(text, _definites(text, self._surnames(text, found, year)))
        )

    def _surnames(
        self, text: str, found: list[ActorMention], year: int | None
    ) -> list[ActorMention]:
        """Once an official is named in full ("Secretary of State Condoleezza Rice"),
        the bare surname later in the text ("Rice dismissed it") names the same
        official, even where a surname alone is too ambiguous to list."""
        taken = [(m.start, m.end) for m in found]
        first: dict[str, int] = {}  # each official's first full naming, where it ends
        for m in found:
            if m.via is not None:
                first.setdefault(m.via, m.end)
        extra = []
        for name, after in first.items():
            surname = name.split()[-1]
            if len(surname) < 3 or not surname[0].isupper():
                continue
            state = self._state_of(name, year) or ""
            for hit in _surname_pattern(surname).finditer(text, after):
                start, end = hit.start(), hit.end()
                if not any(a < end and start < b for a, b in taken):
                    extra.append(ActorMention(start, end, state, name))
        return _joined(found, extra)

    def _state_of(self, name: str, year: int | None) -> str | None:
        terms = self._officials.get(name, [])
        if year is not None:
            for term in terms:
                if term.from_year <= year <= term.to_year:
                    return term.state
        return terms[0].state if terms else None

    def info(self, name: str) -> ActorInfo | None:
        return self.actors.get(name)


def trie_pattern(words: list[str]) -> str:
    """One regular expression for many literal words, factored by common prefixes
    so matching does not try every alternative at every position; longer words
    win over their prefixes."""
    trie: dict[str, Any] = {}
    for word in words:
        node = trie
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}

    def build(node: dict[str, Any]) -> str:
        ends = "" in node
        branches = [re.escape(char) + build(child) for char, child in sorted(node.items()) if char]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        return f"(?:{body})?" if ends else body

    return build(trie)


_LEADER_SUFFIXES = ("-led", "-brokered", "-hosted", "-mediated", "-sponsored")
_OWNER_SUFFIXES = ("-flagged", "-registered", "-owned")
"""A ship or firm of that state: "a British-flagged tanker" names Britain."""


def _hyphen_ok(text: str, start: int, end: int) -> bool:
    """Names joined by a hyphen count ("U.S.-Iran talks", "Saudi-led bloc"); a name
    fused to a word does not ("Iran-backed militias", "anti-American")."""
    if start > 0 and text[start - 1] == "-":
        word_start = start - 1
        while word_start > 0 and (text[word_start - 1].isalnum() or text[word_start - 1] == "."):
            word_start -= 1
        if not text[word_start:start].strip("-")[:1].isupper():
            return False
    if end < len(text) and text[end] == "-":
        follows = text[end : end + 12].lower()
        if not (
            text[end + 1 : end + 2].isupper()
            or follows.startswith(_LEADER_SUFFIXES)
            or follows.startswith(_OWNER_SUFFIXES)
        ):
            return False
    return True


def _split(value: str | None) -> tuple[str, ...]:
    return tuple(v.strip() for v in (value or "").split(";") if v.strip())


@cache
def load_gazetteer(data_dir: Path = DATA_DIR) -> Gazetteer:
    actors = []
    with (data_dir / "actors.csv").open(encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle):
            actors.append(
                ActorInfo(row["name"], row["kind"], row["country"] or None, _split(row["aliases"]))
            )
    officials = []
    with (data_dir / "officials.csv").open(encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle):
            official = Official(
                row["name"], row["state"], int(row["from_year"]), int(row["to_year"])
            )
            officials.append((official, list(_split(row["aliases"]))))
    return Gazetteer(actors, officials)


@lru_cache(maxsize=1024)
def _surname_pattern(surname: str) -> re.Pattern[str]:
    return re.compile(rf"(?<![\w.-]){re.escape(surname)}(?![\w-])")


_PAIR = re.compile(
    r"\b(?:the\s+two|both)\s+(?:sides|countries|governments|capitals|nations|adversaries|"
    r"foes|rivals|parties|leaders|delegations)\b",
    re.IGNORECASE,
)


_PLACE = re.compile(r"\b(?:in|at|to|from|near|via|through)\s+$", re.IGNORECASE)


PAIR_VIA = "(the two sides)"
"""The ``via`` of a mention that stands for one of "the two sides"."""


def with_pairs(
    text: str, mentions: list[ActorMention], gazetteer: Gazetteer, reach: int = 800
) -> list[ActorMention]:
    """``mentions`` plus, for "the two sides" or "both countries", two states at the
    phrase: of the states named (not as a place) in the ``reach`` characters before
    it, the two the text has named most so far, the later first on a tie ("Iran and
    the United States ... talks in Rome ... The two sides met again" names Iran and
    the United States)."""
    extra: list[ActorMention] = []
    counts: dict[str, int] = {}
    last: dict[str, int] = {}
    done = 0
    for m in _PAIR.finditer(text):
        while done < len(mentions) and mentions[done].start < m.start():
            mention = mentions[done]
            done += 1
            info = gazetteer.info(mention.actor)
            if info is None or info.kind != "state":
                continue
            if _PLACE.search(text, max(0, mention.start - 6), mention.start):
                continue  # "talks in Rome": where they met, not a side
            counts[mention.actor] = counts.get(mention.actor, 0) + 1
            last[mention.actor] = mention.start
        near = [a for a, at in last.items() if at >= m.start() - reach]
        if len(near) < 2:
            continue
        pair = sorted(near, key=lambda a: (counts[a], last[a]), reverse=True)[:2]
        extra += [ActorMention(m.start(), m.end(), actor, PAIR_VIA) for actor in pair]
    return sorted([*mentions, *extra], key=lambda x: x.start) if extra else mentions


def _joined(found: list[ActorMention], extra: list[ActorMention]) -> list[ActorMention]:
    """The mentions found and those worked out from them, in text order."""
    return sorted([*found, *extra], key=lambda x: x.start) if extra else found


_DEFINITE = re.compile(
    r"\b[Tt]he\s+(?P<head>agency|council|court|ministry|commission|committee|corps|guards|"
    r"alliance|bloc|union|department|mission)\b"
)
_DEFINITE_REACH = 2500
"""How far back (characters) the organisation a definite description refers to may be named."""


def _definites(text: str, found: list[ActorMention]) -> list[ActorMention]:
    """ "the agency", "the council": the organisation named before whose name ends in that
    word ("the International Atomic Energy Agency ... the agency's director")."""
    extra = []
    for m in _DEFINITE.finditer(text):
        if any(f.start < m.end() and m.start() < f.end for f in found):
            continue
        head = m["head"].capitalize()
        for earlier in reversed(found):
            if earlier.end > m.start():
                continue
            if m.start() - earlier.end > _DEFINITE_REACH:
                break
            if head in text[earlier.start : earlier.end].split():
                extra.append(ActorMention(m.start(), m.end(), earlier.actor))
                break
    return _joined(found, extra)


_PRONOUN = re.compile(r"\b(?:[Hh]e|[Ss]he)(?=\s+[a-z])")
_SUBJECT_BEFORE = re.compile(r"(?:^|[.!?,;:\"“”]\s|\n|\b(?:and|but|then)\s)$")
"""Before a pronoun that opens a clause, so is its subject."""
_PRONOUN_REACH = 400
"""How far back (characters) the official a subject pronoun stands for may be named."""


_TITLED_NAME = re.compile(
    r"\b(?:(?:Rep|Sen|Gov|Mr|Mrs|Ms|Dr|Gen|Adm|Col|Lt|Capt|Maj|Sgt|Rev)\.|President|Prime\s+Minister|"
    r"Minister|Secretary|Ambassador|Senator|Representative|King|Prince|Sheikh|Ayatollah)\s+(?-i:[A-Z])"
)
"""A person named with a title: whoever a later pronoun stands for may be that person."""


def _pronouns(text: str, found: list[ActorMention]) -> list[ActorMention]:
    """ "..., he said", "He also ordered": a subject pronoun stands for the official
    named last before it (within a few sentences, not inside a quotation), acting for
    that official's state, unless another person is named with a title in between
    ("Rep. Ami Bera said ... he said")."""
    extra = []
    officials = [m for m in found if m.via is not None]
    starts = [f.start for f in found]
    quotes = quotations(text)

    def in_mention(at: int) -> bool:
        i = bisect.bisect_right(starts, at) - 1
        return i >= 0 and found[i].start <= at < found[i].end

    index = 0
    for m in _PRONOUN.finditer(text):
        if not _SUBJECT_BEFORE.search(text, max(0, m.start() - 5), m.start()):
            continue
        while index < len(officials) and officials[index].end <= m.start():
            index += 1
        last = next(
            (o for o in reversed(officials[:index]) if quoted_at(quotes, o.start) is None), None
        )
        if last is None or m.start() - last.end > _PRONOUN_REACH:
            continue
        if not any(
            not in_mention(t.start()) and not in_mention(t.end() - 1)
            for t in _TITLED_NAME.finditer(text, last.end, m.start())
        ):
            extra.append(ActorMention(m.start(), m.end(), last.actor, last.via))
    return _joined(found, extra)


_POSSESSIVE = re.compile(
    r"\b(?:its|their)\s+(?:(?:[Ff]oreign|[Dd]efen[cs]e|[Ii]nterior)\s+(?:[Oo]ffice|[Mm]inistry|[Mm]inister)"
    r"|[Gg]overnment|[Ee]mbassy|[Mm]ission|[Mm]ilitary|[Nn]avy|[Aa]rmy|[Aa]mbassador|[Ee]nvoy|"
    r"[Ss]pokes(?:man|woman|person)|[Pp]resident|[Pp]rime\s+[Mm]inister|[Ll]eaders(?:hip)?)\b"
)
_POSSESSIVE_REACH = 250
"""How far back (characters, same sentence) the body "its" stands for may be named."""


def _possessives(text: str, found: list[ActorMention]) -> list[ActorMention]:
    """ "Pakistan said ..., and its Foreign Office called the attack unacceptable": "its
    Foreign Office" (government, embassy, ambassador...) is the body named last before
    it, in the same sentence and outside quotations."""
    extra = []
    starts = [f.start for f in found]
    quotes = quotations(text)
    sentence_starts: list[int] = []
    for m in _POSSESSIVE.finditer(text):
        i = bisect.bisect_left(starts, m.start()) - 1
        while i >= 0 and (found[i].via is not None or quoted_at(quotes, found[i].start)):
            i -= 1  # (an official's "its" is rare: the state or body it names)
        if i < 0 or m.start() - found[i].end > _POSSESSIVE_REACH:
            continue
        sentence_starts = sentence_starts or [s.start for s in sentences(text)]
        if bisect.bisect_right(sentence_starts, found[i].start) != bisect.bisect_right(
            sentence_starts, m.start()
        ):
            continue  # named in another sentence
        extra.append(ActorMention(m.start(), m.end(), found[i].actor, None))
    if not extra:
        return found
    # ("its Foreign Office" is that state's, not the British office of the same name)
    kept = [f for f in found if not any(e.start <= f.start < e.end for e in extra)]
    return _joined(kept, extra)
