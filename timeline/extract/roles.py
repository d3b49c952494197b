"""Who did what in a sentence: actors' roles (initiator, target, intermediary,
participant), the speaker of a statement, and the quoted passages of a text."""

from __future__ import annotations

import bisect
import functools
import re
from collections.abc import Sequence
from dataclasses import replace

from timeline.extract.gazetteer import PAIR_VIA, ActorMention
from timeline.extract.sentences import Span
from timeline.extract.triggers import ROLE_INTERMEDIARY, Hit, Trigger


@functools.lru_cache(maxsize=4096)
def _role_patterns(surface: str) -> tuple[re.Pattern[str], ...]:
    """The intermediary patterns for one way of naming an actor, compiled once."""
    name = re.escape(surface)
    return tuple(re.compile(p.format(actor=name)) for p in ROLE_INTERMEDIARY)


_LOCATIVE = re.compile(
    r"\b(?:in|near|off|outside)\s+(?:the\s+)?(?:(?:north|south|east|west|central|"
    r"(?:north|south)(?:east|west)|(?:north|south|east|west|central|(?:north|south)(?:east|west))ern)\s+)?$"
)
"""'in northern Iraq', 'off the coast': a place, not a doer."""
_RELATIVE = re.compile(r"\s*(?:which|who)\b", re.I)


def relative_head(
    text: str, clause: Span, sentence: Span, trigger_start: int, mentions: Sequence[ActorMention]
) -> tuple[ActorMention, int] | None:
    """ "X, which ..., carried out": when a clause opens with a relative pronoun and
    the trigger follows the relative clause's closing comma, the actor it hangs on
    (the last one named before it, the doer) and where the main clause resumes
    (after the comma). What the relative clause says (its actors, dates, tense)
    is not about this event."""
    if clause.start == sentence.start or not _RELATIVE.match(text, clause.start):
        return None
    comma = text.rfind(",", clause.start, trigger_start)
    if comma < 0 or text[comma + 1 : trigger_start].strip():
        return None
    before = [m for m in mentions if sentence.start <= m.start < clause.start]
    return (before[-1], comma + 1) if before else None


_OBJECT_RELATIVE = re.compile(
    r"\s*(?:which|who)\s+(?:(?-i:[A-Z])|(?:the|a|an|this|that|these|those|it|they|he|she|we|"
    r"its|their|his|her|our|I|you)\b)",
    re.I,
)


def relative_subject(
    text: str, clause: Span, sentence: Span, trigger_start: int, mentions: Sequence[ActorMention]
) -> ActorMention | None:
    """ "Oman, which hosted talks in 2013, ...": the actor named just before a relative
    clause whose pronoun is its subject (a verb follows it, not "the U.S." or "it"),
    for a trigger inside that relative clause: the one who did it."""
    if clause.start == sentence.start or not _RELATIVE.match(text, clause.start):
        return None
    if _OBJECT_RELATIVE.match(text, clause.start) or "," in text[clause.start : trigger_start]:
        return None
    before = [m for m in mentions if sentence.start <= m.start < clause.start]
    if not before:
        return None
    gap = text[before[-1].end : clause.start].strip()
    return before[-1] if gap in (",", "'s,", "’s,") or gap == "" else None


_HELD_IN = re.compile(
    r"\b(?:held|detained|jailed|imprisoned|arrested|kept|captive|stranded)\s+in\s+$", re.I
)
"""'held in Iran': where someone was held hosts nothing, it is a party."""


_PULLED_OUT = re.compile(r"pulled\s+(?:the\s+)?", re.I)


_AND = re.compile(r"(?:\s*,)?\s+and\s+(?:the\s+)?|\s*,\s*(?:the\s+)?", re.I)


_OTHER_BY = re.compile(
    r"\b(?:used|owned|operated|backed|supported|led|run|controlled|funded|armed|trained|"
    r"manned|built|made|flown|hosted|held|claimed|favou?red|drafted|proposed)\s+by\s+(?:the\s+)?$",
    re.I,
)
"""'facilities used by Iran's Revolutionary Guards': someone who did something else."""
_REASON = re.compile(
    r"\b(?:in\s+(?:retaliation|response|revenge)\s+(?:for|to)|after|following)\s", re.I
)
"""'seized the ship, in retaliation for the theft of its oil by the United States': the
one named after "by" did what the reason tells, not this."""
_PASSIVE = re.compile(r"\b(?:was|were|been|being)\s+(?:\w+ly\s+)?$", re.I)
_PROGRESSIVE = re.compile(r"\w+ing\b")
"""'was sending': not a passive."""
_SUBORDINATE = re.compile(r"\b(?:that|which|who|whom|when|after|before|for|since)\b", re.I)
_PARTICIPLE = re.compile(r",\s+(?-i:[a-z]+ing)\b[^,;.]*$", re.I)


_APPOSITIVE = re.compile(r",\s+(?:a|an)\s+[^,;]{3,100},\s+(?:and\s+)?(?:\w+\s+){0,2}$", re.I)


_SAYING = re.compile(r"\b(?:said|says|told|reported|according\s+to)\b", re.I)


_HANDED_TO = re.compile(
    r"\b(?:handed|given|passed|delivered|sent)\b[^.;,]{0,60}?\bto\s+(?:the\s+)?[\w\s]*$", re.I
)
_FOR_WHOM = re.compile(
    r"\b(?:messages?|letters?|notes?|word|repl(?:y|ies))\s+for\s+(?:the\s+)?$", re.I
)
"""'a diplomatic note for Washington': whom it is for receives it."""
_FROM = re.compile(
    r"\b(?i:from)\s+(?:(?i:the)\s+)?(?:(?:President|Prime\s+Minister|Foreign\s+Minister"
    r"|Secretary(?:\s+of\s+State)?|Supreme\s+Leader|Ayatollah|King|Sultan|Emir|Crown\s+Prince"
    r"|Mr\.|Mrs\.|Ms\.)\s+)?$"
)
"""'a message from Washington', 'a letter from President Ahmadinejad': the sender."""
_ADDRESSED = re.compile(
    r"\b(?:urged|told|warned|asked|informed|notified|assured|pressed)\s+(?:the\s+)?$", re.I
)
_RECEIVED = re.compile(r"received\b", re.I)


_CARRIED = re.compile(r"(?:handed|delivered|carried|passed|conveyed|relayed)\b", re.I)


_COUNTERPARTS = re.compile(
    r"\b(?:counterparts?|officials?|ministers?|diplomats?|envoys?|leaders?|delegations?)\s+"
    r"from\s+(?:the\s+)?$",
    re.I,
)
"""'his counterparts from Turkey': where people come from, not who sent a message."""


_BY = re.compile(
    r"\b(?:by|attributed\s+to|blamed\s+on|(?:fired|launched)\s+from)\s+(?:the\s+)?$", re.I
)


def roles_of(
    text: str,
    clause: Span,
    sentence: Span,
    trigger: Trigger,
    trigger_start: int,
    mentions: Sequence[ActorMention],
    subject: ActorMention | None = None,
) -> list[tuple[str, str]]:
    """Who plays which part in the event ``trigger`` reports. ``subject``: the doer
    named before a relative clause, either for the main clause's rest that follows
    it (``clause`` then leaves the relative clause out, :func:`relative_head`) or
    for the relative clause itself (:func:`relative_subject`)."""
    in_clause = [m for m in mentions if clause.start <= m.start < clause.end]
    chunk = text[sentence.start : sentence.end]
    if subject is not None:
        in_clause.insert(0, subject)
        # "Switzerland, which ..., passed a message from": read as "Switzerland passed";
        # "Oman, which hosted talks": as "Oman hosted talks".
        rest = _RELATIVE.match(text, clause.start)
        chunk = (
            text[sentence.start : subject.end]
            + text[rest.end() if rest else clause.start : sentence.end]
        )
    if not in_clause:
        in_clause = [m for m in mentions if sentence.start <= m.start < sentence.end]
    roles: dict[str, str] = {}
    for m in in_clause:
        for pattern in _role_patterns(text[m.start : m.end]):
            if pattern.search(chunk):
                roles.setdefault(m.actor, "intermediary")
                break
    if trigger.category in ("talks", "deal"):
        # "met in Oman": a third country where two others meet is the host.
        for m in in_clause:
            lead_in = text[max(sentence.start, m.start - 4) : m.start]
            others_named = {o.actor for o in in_clause if o.actor != m.actor}
            if (
                re.search(r"\bin\s+$", lead_in)
                and len(others_named) >= 2
                and not _HELD_IN.search(text, max(sentence.start, m.start - 40), m.start)
            ):
                roles.setdefault(m.actor, "intermediary")
    others = [m for m in in_clause if m.actor not in roles]
    if trigger.category in ("talks", "deal", "message"):
        for m in others:
            roles.setdefault(m.actor, "participant")
        parties = [a for a, r in roles.items() if r == "participant"]
        if trigger.category == "message" and parties:
            # "a message to Iran from the U.S.": the prepositions say who sent it;
            # otherwise the first party named sends, or the subject of a reply.
            marked: dict[str, str] = {}
            for m in others:
                lead_in = text[max(sentence.start, m.start - 9) : m.start].lower()
                if _FROM.search(
                    text, max(sentence.start, m.start - 40), m.start
                ) and not _COUNTERPARTS.search(text, max(sentence.start, m.start - 40), m.start):
                    marked.setdefault(m.actor, "initiator")
                elif re.search(r"\bto\s+(?:the\s+)?$", lead_in) or _FOR_WHOM.search(
                    text, max(sentence.start, m.start - 25), m.start
                ):
                    if "target" in marked.values() and _HANDED_TO.search(
                        text, max(sentence.start, m.start - 90), m.start
                    ):
                        # "a letter from A to B was handed to the Swiss embassy"
                        marked.setdefault(m.actor, "intermediary")
                    marked.setdefault(m.actor, "target")
                elif _ADDRESSED.search(text, max(sentence.start, m.start - 12), m.start):
                    marked.setdefault(m.actor, "target")  # "a message ... urged Iran"
                elif m.start < trigger_start and _RECEIVED.match(text, trigger_start):
                    marked.setdefault(m.actor, "target")  # "Washington received a fax"
            sender = next((a for a, r in marked.items() if r == "initiator"), None)
            receiver = next((a for a, r in marked.items() if r == "target"), None)
            if sender is None and (len(parties) >= 2 or not marked):
                named = [m for m in others if m.actor in parties and m.actor not in marked]
                # "An official said Iran had sent word": the one who said it is not
                # the sender; the subject of what was said is.
                sayings = list(_SAYING.finditer(text, clause.start, trigger_start))
                if sayings:
                    named = [
                        m for m in named if sayings[-1].end() < m.start < trigger_start
                    ] or named
                sender = min(named, key=lambda m: m.start).actor if named else None
            for a in parties:
                if marked.get(a) == "intermediary":
                    roles[a] = "intermediary"
                elif sender is not None:
                    roles[a] = "initiator" if a == sender else "target"
                elif marked.get(a) == "target":
                    roles[a] = "target"
            if marked.get(sender or "") == "initiator" and receiver is not None:
                # "Abe travelled to Tehran to carry a message from Washington to
                # Khamenei": with sender and receiver named, anyone else carries it.
                for a in parties:
                    if marked.get(a, "intermediary") == "intermediary":
                        roles[a] = "intermediary"
            elif marked.get(sender or "") == "initiator" and _CARRIED.match(text, trigger_start):
                # "Abe handed Khamenei a message from Trump": who hands it carries it.
                for m in others:
                    if m.start < trigger_start and m.actor != sender:
                        roles[m.actor] = "intermediary"
    else:
        earlier = [m for m in others if m.start < trigger_start]
        later = [m for m in others if m.start >= trigger_start]
        if subject is not None:
            # "Hamas, which the U.S. considers a terrorist group, carried out": the
            # doer is named before the relative clause, not inside it.
            roles.pop(subject.actor, None)
            earlier = [subject]
        if (
            earlier
            and _PASSIVE.search(text, max(clause.start, trigger_start - 20), trigger_start)
            and not _PROGRESSIVE.match(text, trigger_start)
        ):
            # "The Front Altair and the Kokuka Courageous were struck": struck, not striking
            for m in earlier:
                roles.setdefault(m.actor, "target")
            earlier = []
        participle = _PARTICIPLE.search(
            text, max(sentence.start, trigger_start - 150), trigger_start
        )
        if participle is not None and not _SUBORDINATE.search(
            text, participle.start(), trigger_start
        ):
            # "The United States accused Iran ..., bringing charges and slapping new
            # sanctions on Iranian officials": the sentence's subject does it.
            heads = [m for m in in_clause if m.start < participle.start()] or [
                m for m in mentions if sentence.start <= m.start < participle.start()
            ]
            if heads and heads[0].actor not in roles:
                earlier = [heads[0]]
        # "commandos landed on the MSC Aries, a ship linked to an Israeli businessman,
        # and seized it": who the aside names did nothing.
        aside = _APPOSITIVE.search(text, max(clause.start, trigger_start - 120), trigger_start)
        if aside is not None and any(m.start < aside.start() for m in earlier):
            earlier = [m for m in earlier if not aside.start() <= m.start < aside.end()]
        # "the Huthi rebels in Yemen have targeted": a place is not the doer.
        doers = [m for m in earlier if not _LOCATIVE.search(text, max(0, m.start - 30), m.start)]
        if doers and doers[-1] is not earlier[-1]:
            earlier = [*[m for m in earlier if m is not doers[-1]], doers[-1]]
        elif not doers and later:
            earlier = []  # "Kurdish fighters in northern Iraq attacked Iran": not Iraq
        if earlier:
            roles.setdefault(earlier[-1].actor, "initiator")
            # "American and British warplanes struck": both did it.
            for first, second in zip(earlier[-2::-1], earlier[:0:-1], strict=True):
                if not _AND.fullmatch(text, first.end, second.start):
                    break
                if roles.get(second.actor) == "initiator":
                    roles.setdefault(first.actor, "initiator")
        for m in later:
            # "(he) pulled the United States out of the deal": the state pulled out.
            if _PULLED_OUT.fullmatch(text, trigger_start, m.start):
                roles[m.actor] = "initiator"
            elif (
                m.actor not in roles
                and _BY.search(text, max(trigger_start, m.start - 20), m.start)
                and not _OTHER_BY.search(text, max(trigger_start, m.start - 30), m.start)
                and not _REASON.search(text, trigger_start, m.start)
            ):
                # "an attack by Iran", "Iran was struck by Israel": the one named after
                # "by" did it, and a doer named before is then its target.
                for actor, role in list(roles.items()):
                    if role == "initiator":
                        roles[actor] = "target"
                roles[m.actor] = "initiator"
            roles.setdefault(m.actor, "target")
        for m in earlier[:-1]:
            roles.setdefault(m.actor, "participant")
    return list(roles.items())


_QUOTES = '"“”'
_SAID_BY = re.compile(
    r"(?:said|says|saying|announced|announcing|added|adding|declared|declaring|stated|wrote|"
    r"writing|reported)\b",
    re.I,
)
"""Verbs after which the speaker may be named: "said the State Department"."""
_SPEAKER_GAP = re.compile(
    # "In Tehran, the Foreign Ministry last week denounced": the ministry of that capital
    # ("the Houthis' leader": a plural's possessive)
    r"(?:['’]s|(?<=s)['’])?(?:,\s+the(?:\s+(?-i:[A-Z])\w+){0,2}\s+(?:Ministry|[Gg]overnment|[Aa]uthorities|"
    r"[Ll]eadership|[Pp]arliament|[Mm]ission|[Ee]mbassy|[Ss]pokes(?:man|woman|person)))?"
    r"(?:\s+(?:(?-i:[a-z])[\w-]*|Foreign|Ministry|Minister|Secretary|State|President|"
    r"Department|Office|Spokesman|Spokesperson|Council|Government|Leader|Fleet|Command|"
    r"Committee|Commission|Agency|Navy|Army|Cabinet|Corps|Organi[sz]ation|Authority|Guards|"
    r"Forces|Court|Assembly|Bank|Service|Directorate|Headquarters|Staff"
    # "the U.S. Navy's Bahrain-based Fifth Fleet demanded", "Pakistan's National Security
    # Committee said": a named unit of that state
    r"|(?-i:[A-Z])[\w-]*(?=(?:\s+(?-i:[A-Z])[\w-]*){0,3}\s+(?:Fleet|Command|Committee|"
    r"Commission|Agency|Navy|Army|Cabinet|Corps|Council|Office|Organi[sz]ation|Authority|"
    r"Guards|Forces|Court|Assembly|Bank|Service|Directorate|Headquarters|Staff)\b)"
    # "Iran's mission to the United Nations said": the mission speaks for Iran
    r"|to\s+the\s+(?:United\s+Nations|U\.N\.|UN|IAEA|European\s+Union|EU))){0,5}"
    # "Ukrainian President Volodymyr Zelensky said": a person no list names, by title
    r"(?:(?:(?<=President)|(?<=Minister)|(?<=Secretary)|(?<=Spokesman)|(?<=Spokeswoman)|"
    r"(?<=Spokesperson)|(?<=Ambassador)|(?<=Envoy)|(?<=Commander)|(?<=Chief)|(?<=General)|"
    r"(?<=Gen\.)|(?<=Adm\.)|(?<=Director))(?P<name>(?:\s+(?-i:[A-Z])[\w'’-]+){1,3}))?"
    r"(?:,\s[^;\"“”]{1,130}?,)?(?:\s*,)?"  # "Pompeo, then a congressman from Kansas, demanded"
    r"(?:\s+(?:had|has|have|also|then|later|again|already|publicly|repeatedly|earlier))*\s*",
)


_ONLOOKERS = re.compile(
    r"\b(?:analysts|experts|observers|residents|commentators|scholars|academics|journalists|"
    r"reporters|economists|traders|historians|citizens|protesters|people|researchers|fellows)\s+"
    r"(?:in|from|of|at|with)\s+(?:the\s+|an?\s+)?$"
    # "a retired Israeli general", "a former Iranian diplomat": no longer speaks for a state
    r"|\b(?:retired|former|ex-)\s*$",
    re.I,
)


def speaker_of(
    text: str, m: Hit, mentions: Sequence[ActorMention], mention_starts: Sequence[int]
) -> ActorMention | None:
    """A statement needs a named actor as its speaker: just before the verb
    ("Tehran warned", "Iran's foreign ministry said") or just after it
    ("said the State Department"), outside any quotation."""
    start, end = m.start, m.end
    low = bisect.bisect_left(mention_starts, start - 200)
    for mention in mentions[low:]:
        if mention.start > end + 25:
            break
        if mention.via == PAIR_VIA:
            continue  # "the two sides said": no one speaker
        gap = (
            _SPEAKER_GAP.fullmatch(text, mention.end, start)
            if start - 170 <= mention.end <= start
            else None
        )
        if _ONLOOKERS.search(text, max(0, mention.start - 40), mention.start):
            if gap is not None:
                return None  # "Analysts in Tehran said": no one who speaks for a state
            continue
        if gap is not None:
            # the person's name tells two speakers of one side apart
            name = gap["name"]
            return replace(mention, via=" ".join(name.split())) if name else mention
        if (
            end <= mention.start <= end + 25
            and _SAID_BY.match(text, start)
            and not any(q in text[end : mention.start] for q in _QUOTES)
        ):
            return mention
    return None
