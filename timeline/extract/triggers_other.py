"""Triggers of acts that are no strike, visit, message, talks, deal, sanction or
statement (category ``other``): leaving agreements, shows of force, aid, relations
reduced, legal steps, walkouts, refusals, curbed cooperation, cyberattacks. Read
after the main kinds' triggers (:data:`timeline.extract.triggers.TRIGGERS` ends
with these)."""

from __future__ import annotations

from timeline.extract.trigger_base import DOING, FORCES, Trigger
from timeline.extract.trigger_base import trigger as _t

OTHER_ACTS: tuple[Trigger, ...] = (
    _t(
        "other",
        "16",
        "withdrawal",
        r"\b(?:withdr[ae]w\w*|pulled\s+out)\s+(?:[\w.]+\s+){0,6}?from\b"
        # "after the United States withdrew in 2018": withdrew with nothing named after it
        r"|\b(?:withdrew|pulled\s+out)(?=\s+(?:in|on|last|that|this)\b|\s*[.,;])"
        r"|\bpulled\s+(?:[\w.-]+\s+){0,3}out\s+of\b"
        r"|\bexit\s+(?:of|from)\s+(?:the\s+)?(?:[\w-]+\s+){0,3}(?:deal|agreement|accord|treaty|pact)\b"
        # "walking away from the agreement", "abandoned that deal", "terminating the treaty"
        # (done, not "called for other powers to abandon the nuclear deal")
        r"|\b(?:(?:walked|walks|" + DOING + r"walking)\s+away|backed\s+out)\s+from\b"
        r"|\b(?:abandon(?:ed|s)|(?<!to\s)quit|terminat(?:ed|es)|"
        + DOING
        + r"(?:abandoning|terminating))\s+"
        r"(?:the|that|this|its|their|a)\s+(?:[\w-]+\s+){0,3}?"
        r"(?:deal|agreement|accord|treaty|pact)\b",
    ),
    # A weapons test: a show of force, no strike.
    _t(
        "other",
        "15",
        "weapons test",
        r"\b(?:test-?(?:fired|launched)|tested\s+(?:[\w-]+\s+){0,3}(?:missiles?|rockets?)"
        r"|(?:missile|rocket)\s+(?:test|launch)(?:es|s)?|test\s+(?:launch|firing|flight)(?:es|s)?"
        # "put a reconnaissance satellite into orbit"
        r"|(?:put|placed|launched|sent)\s+(?:[\w-]+\s+){0,4}?satellites?(?:\s+into\s+(?:orbit|space))?)\b",
    ),
    # Military exercises: a show of force (CAMEO 15).
    _t(
        "other",
        "15",
        "military exercise",
        r"\b(?:(?:staged|held|conducted|launched|began|started|carried\s+out|kicked\s+off|wrapped\s+up|"
        r"concluded|completed|opened|mounted)\s+(?:[\w-]+\s+){0,4}?"
        r"(?:drills?|exercises?|war\s+games|maneuvers|manoeuvres)"
        r"|(?<=in\sa\s)show\s+of\s+force)\b",
    ),
    # Forces sent to a region: a show of force (CAMEO 15), not yet a strike.
    _t(
        "other",
        "15",
        "force posture",
        r"\b(?:(?:deploy(?:ed|ing)|dispatch(?:ed|ing)|sen(?:t|ding)|ordered|mov(?:ed|ing)|redeployed|"
        r"rush(?:ed|ing)|amass(?:ed|ing)|mass(?:ed|ing)|station(?:ed|ing))\s+(?:[\w,-]+\s+){0,7}?"
        r"|(?:dispatch|deployment|redeployment)\s+of\s+(?:[\w,-]+\s+){0,5}?)" + FORCES + r"\b"
        # "About 100 Marines from a crisis-response force flew in from Kuwait", "3,000 sailors
        # and Marines reached the region", "a submarine had arrived in its area of operations"
        r"|\b(?:troops|soldiers|sailors|marines|paratroopers|reinforcements|warships|submarines?|"
        r"destroyers|bombers|batter(?:y|ies)|frigates?|helicopters)\s+(?:[\w-]+\s+){0,6}?"
        r"(?:flew\s+in|arrived|reached\s+the\s+(?:region|Gulf|Middle\s+East)|"
        r"(?:were|was)\s+(?:sent|deployed|flown|rushed|airlifted|dispatched|moved))"
        # "Two B-52 bombers flew over the Gulf"
        r"|\b(?:bombers|B-52s?|B-1s?|warplanes|fighter\s+jets)\s+(?:[\w-]+\s+){0,3}?flew\s+"
        r"(?:over|across|near|along|through)\b"
        # "U.S. warships escorted reflagged Kuwaiti tankers"
        r"|\b(?:escort(?:ed|ing)|accompan(?:ied|ying|y))\s+(?:[\w.-]+\s+){0,4}?(?:tankers|ships|vessels|convoys)\b",
    ),
    # Aid given: arms, spare parts, relief supplies shipped or flown in (CAMEO 07).
    _t(
        "other",
        "07",
        "aid",
        r"\b(?:(?:shipped|delivered|supplied|sold|sent|flew\s+in|airlifted|provided|carried|brought)\s+"
        r"(?:[\w,'’-]+\s+){0,5}?(?:arms|weapons|missiles|spare\s+parts|(?:military\s+)?equipment|"
        r"aid|supplies|relief|medicine|tents|blankets)"
        r"|(?<!embargo\son\s)(?<!ban\son\s)(?:arms|weapons|missile)\s+(?:shipments?|sales|deliveries|transfers?)\s+to"
        r"|(?:shipments?|consignments?|cargo(?:es)?|deliver(?:y|ies))\s+of\s+(?:[\w-]+\s+){0,3}?"
        r"(?:arms|weapons|missiles|spare\s+parts|equipment|aid|supplies|relief)"
        r"|(?:relief|aid)\s+flights?|pledged\s+(?:about\s+|some\s+|nearly\s+|more\s+than\s+)?\$\s?\d[\d.,]*"
        # "airdropped 38,000 meals", "provided $10 million in emergency food assistance"
        r"|(?:arms|weapons|missiles|spare\s+parts|(?:military\s+)?equipment|supplies|aid|"
        r"shipments?|consignments?)\s+(?:[\w-]+\s+){0,3}?(?:(?:were|was|had\s+been)\s+(?:delivered|"
        r"shipped|flown\s+in|airlifted)|reached|arrived\s+in)"
        r"|air-?dropped|(?:provided|released|sent|gave|donated|allocated|approved|committed)\s+"
        r"(?:[\w$.,'’-]+\s+){0,6}?(?:in\s+)?(?:humanitarian|emergency|relief|food|medical|military)\s+"
        r"(?:[\w-]+\s+)?(?:aid|assistance)"
        r"|loaded\s+with\s+(?:[\w-]+\s+){0,2}(?:supplies|aid|medicine|"
        r"weapons|arms))\b",
    ),
    # Diplomatic relations broken, or represented by a third state (a protecting power).
    _t(
        "other",
        "16",
        "relations broken",
        r"\b(?:(?:severed|cut|broke(?:\s+off)?|broken(?:\s+off)?|suspended)\s+(?:\w+\s+){0,2}(?:ties|relations)"
        r"|(?:suspended|broke\s+off|halted|froze)\s+(?:the\s+)?(?:[\w-]+\s+){0,2}(?:talks|meetings|negotiations|dialogue|contacts|business)"
        r"|(?:have|has|had)\s+(?:not|never)\s+had\s+(?:\w+\s+){0,2}(?:ties|relations)\s+since)\b",
    ),
    # Envoys called home or sent away: relations reduced (CAMEO 16).
    _t(
        "other",
        "16",
        "envoys recalled",
        r"\b(?:(?:recalled|withdrew|summoned\s+home|called\s+home|brought\s+home)\s+(?:its|their|his|her|the)\s+(?:[\w-]+\s+){0,2}?"
        r"(?:ambassadors?|envoys?|diplomats|charg[eé]s?\s+d['’]affaires)"
        r"|(?:expelled|to\s+expel|kicked\s+out)\s+(?:[\w'’-]+\s+){0,3}?(?:ambassadors?|envoys?|"
        r"diplomats?|attach[eé]s?|inspectors)"
        r"|declared\s+(?:[\w'’-]+\s+){1,4}?persona\s+non\s+grata"
        # "ordered every Iranian diplomat out", "closed its own embassy in Tehran"
        r"|ordered\s+(?:[\w'’-]+\s+){0,3}?(?:diplomats?|ambassadors?|envoys?)\s+(?:out|to\s+leave)"
        r"|(?:closed|shut|shuttered|suspended\s+operations\s+at)\s+(?:down\s+)?(?:its|their|the|"
        r"(?-i:[A-Z])[\w.-]*['’]s?)\s+(?:own\s+)?(?:[\w-]+\s+){0,2}?(?:embass(?:y|ies)|consulates?|missions?|"
        r"(?:political|representative|liaison|interests)\s+(?:office|section)s?)"
        r"(?!\s+(?:to|for)\s+(?:the\s+)?(?:public|visitors|business)\b)"
        r"|ordered\s+the\s+departure\s+of|downgrad(?:e|ed|ing)\s+(?:[\w-]+\s+){0,2}?(?:relations|ties)"
        # "lowered its relations with London to the level of charge d'affaires"
        r"|(?:lowered|reduced|scaled\s+back|scaled\s+down)\s+(?:its\s+|their\s+|the\s+)?(?:[\w-]+\s+){0,2}?"
        r"(?:relations|ties|representation|diplomatic\s+presence)"
        # "stripped the ambassador of his accreditation", "cut the embassy's staff"
        r"|stripped\s+(?:[\w'’-]+\s+){1,4}of\s+(?:his|her|their)\s+accreditation"
        r"|(?:cut|cuts|reduction|reduced|reduce)\s+(?:in\s+)?(?:the\s+)?(?:[\w'’-]+\s+){0,2}?"
        r"(?:embassy['’]s|diplomatic)\s+(?:staff|presence))\b",
    ),
    _t(
        "other",
        "04",
        "protecting power",
        r"\brepresent(?:ed|s|ing)?\s+(?:[\w.-]+\s+){0,2}interests\b",
    ),
    _t(
        "other",
        "05",
        "support",
        r"\b(?:rallied|threw|lent|pledged)\s+(?:its|their|his|her)\s+(?:\w+\s+)?(?:support|weight)"
        r"\s+(?:for|behind|to)\b",
    ),
    # Legal steps against someone: sentenced, convicted, put on trial (CAMEO 173).
    _t(
        "other",
        "173",
        "legal action",
        r"\b(?:sentenced|convicted|indicted|put\s+on\s+trial|pleaded\s+guilty|(?<!to\s)sued"
        # "Iran filed its suit on May 17, 1989"
        r"|(?:filed|brought)\s+(?:an?|its|their|the|his|her)\s+(?:[\w-]+\s+){0,2}?"
        r"(?:suit|lawsuit|case)s?"
        r"|(?:court|tribunal|judge)\s+(?:[\w-]+\s+){0,4}?(?:ordered|ruled|overturned|struck\s+down|"
        r"upheld|awarded|quashed|threw\s+out|dismissed)"
        # "took the United States to the International Court of Justice"
        r"|took\s+(?:[\w.'’-]+\s+){1,4}?to\s+(?:the\s+)?(?:[\w-]+\s+){0,4}?(?:court|tribunal|arbitration|ICJ)"
        r"|trial\s+(?:of\s+(?:[\w-]+\s+){1,4})?(?:opened|began|started))\b",
    ),
    # A protest by leaving: "the delegation walked out of the hall" (CAMEO 14).
    _t(
        "other",
        "14",
        "walkout",
        r"\b(?:walked\s+out\s+(?:of\s+(?:the\s+)?(?:[\w.'’-]+\s+){0,4}?(?:hall|chamber|room|session|meeting|"
        r"assembly|talks|conference|summit|speech)"
        r"|in\s+protest)|staged\s+a\s+walkout)\b",
    ),
    # A refusal to act is an act: "refused to give him a visa", "refused to negotiate".
    # Not a reporter's source declining to comment.
    _t(
        "other",
        "12",
        "refusal",
        r"\b(?:refused(?:\s+(?:on|last|this|late|early)(?:\s+[\w.]+){1,2}?)?\s+to\s+(?!(?:comment|discuss|"
        r"say|elaborate|confirm|deny|answer|speculate|reveal|disclose|specify|identify|be\s+named|"
        r"be\s+identified|give\s+details)\b)(?=\w)"
        # "denied American warplanes permission", "barred U.S. jets from using its airspace"
        r"|denied\s+(?!that\b)(?:[\w'’.-]+\s+){0,4}?(?:access|entry|permission|visas?|landing|overflight)\b"
        r"|(?:barred|banned|closed)\s+(?:[\w'’.-]+\s+){0,4}?(?:from\s+(?:using|flying|crossing|"
        r"overflying|landing)|(?:its|their)\s+airspace)\b"
        # inspections refused: "turned away an IAEA inspection team", "barred two inspectors"
        r"|(?:barred|turned\s+away|blocked|refused\s+entry\s+to|denied\s+entry\s+to)\s+(?:[\w'’-]+\s+){0,5}?"
        r"(?:inspectors?|inspection\s+teams?|monitors|observers)\b"
        r"|(?:revoked|withdrew|withdrawn|cancel+ed)\s+(?:[\w'’-]+\s+){0,4}?accreditation\b)",
    ),
    # Cooperation curbed: "suspended its cooperation with the IAEA", "stopped implementing
    # the Additional Protocol" (CAMEO 16, relations reduced).
    _t(
        "other",
        "16",
        "cooperation curbed",
        r"\b(?:(?:suspended|halted|stopped|ended|curtailed|scaled\s+back|reduced|limited|cut)\s+"
        r"(?:its\s+|their\s+|all\s+|some\s+)?(?:[\w-]+\s+){0,2}?cooperation\s+with"
        r"|(?:stopped|ceased|halted|suspended)\s+(?:implementing|implementation\s+of|applying|"
        r"honou?ring|observing))\b",
    ),
    # Cyberattacks: coercion short of force (CAMEO 17).
    _t(
        "other",
        "17",
        "cyberattack",
        r"\b(?:cyber-?\s?attacks?|cyber\s+(?:operations?|offensives?|sabotage)|hacked\s+into"
        r"|hack(?:ed|ers?)\b(?=[^.;]{0,80}?\b(?:knocked\s+out|disrupted|crippled|paraly[sz]ed|"
        r"took\s+down|shut\s+down|defaced|breached|wiped)\b))",
    ),
)
