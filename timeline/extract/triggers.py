"""What signals an event: trigger patterns per category with their CAMEO code,
statement verbs, and the patterns that name a go-between. Tables of data, read
by :mod:`timeline.extract.detect`, :mod:`~timeline.extract.candidate` and
:mod:`~timeline.extract.roles` (the cues of modality are in
:mod:`~timeline.extract.modality`)."""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence
from dataclasses import dataclass

from timeline.extract.sentences import Span
from timeline.extract.trigger_base import PASSIVE, Trigger
from timeline.extract.trigger_base import trigger as _t
from timeline.extract.triggers_other import OTHER_ACTS
from timeline.extract.word_scan import matches, word_starts

__all__ = ["APPEAL", "ROLE_INTERMEDIARY", "STATEMENTS", "TRIGGERS", "VISIT", "Hit", "Trigger"]


_WORDS_OF_SOMEONE = r"(?:[\w.]+\s+){0,3}?[\w.]+['’]s\s+(?=(?-i:[a-z]))"
"""After "called": "Mr. Bush's words" (a judgement said: a statement, not a call; "Oman's
Sultan Qaboos" stays a call). Shared by the talks and statement triggers, which it
keeps apart."""

_IN_EXCHANGE = (
    r"\bin\s+(?:exchange|return)\s+for\s+(?:an?|the|two|three|\d+)\s+(?:[\w-]+\s+){0,3}?"
    r"(?:prisoners?|detainees?|scientists?|nationals?|citizens?|Iranians?|Americans?|men|women)\b"
)
"""A release that is half of a swap: "in exchange for an Iranian scientist"."""

_LIFTED = r"(?:lifted|eased|waived|suspended|removed)"
"""What was done to sanctions that eases them: a de-escalation, and no new sanction."""


# Order matters: the first trigger found in a clause wins ties at equal position.
TRIGGERS: tuple[Trigger, ...] = (
    _t(
        "strike",
        "186",
        "assassination",
        r"\b(?:assassinat\w+|killing|killed|kills|shot\s+(?:\w+\s+){0,4}?dead|gunned\s+down)\b",
    ),
    _t(
        "strike",
        "195",
        "air strike",
        r"\b(?:(?:air|drone|missile|rocket|aerial|retaliatory)\s+(?:strike|attack|raid)s?"
        r"|airstrikes?|shot down|downed|barrage)\b",
    ),
    _t(
        "strike",
        "190",
        "attack",
        r"\b(?:(?<!quake\s)(?<!storm\s)(?<!hurricane\s)(?<!lightning\s)(?<!flood\s)struck(?!\s+(?:a|an|the)\s+(?:[\w-]+\s+){0,2}(?:note|chord|tone|balance|deal|agreement|bargain|compromise|pose)\b)(?!\s+(?:from|off)\b)|bombed|destroyed|sank(?!\s+(?:to|below|by|as|further|\d))|sunk|pounded|hammered|bombarded|strafed|slammed\s+into|smashed\s+into|stormed|overran|overrun|besieged|laid\s+siege|opened\s+fire\s+(?:on|at)|fired\s+(?:on|at)|brought\s+down|bombings?|shelled|attacked(?!\s+(?:the\s+)?(?:[\w-]+\s+)?(?:deal|agreement|decision|policy|plan|move|proposal|report|accord|idea|remarks?|comments?|administration)\b)|assault(?:ed)?\s+on|carr(?:ied|y)\s+out\s+(?:[\w-]+\s+){0,2}(?:assault|attack|strike)s?|raided|has\s+hit|have\s+hit|targeted(?![^.;]{0,80}?\bwith\s+(?:[\w-]+\s+){0,3}(?:sanctions|penalties|measures|restrictions|tariffs|designations)\b)|forced\s+(?:their|its|his|her)\s+way\s+into|set\s+(?:[\w'’-]+\s+){0,3}(?:ablaze|alight|on\s+fire)|set\s+fire\s+to|torched|(?<!test-)launched\s+(?![^.;]{0,40}?satellite)(?:[\w-]+\s+){0,5}(?:strikes?|attacks?|missiles?|rockets?|drones?|offensives?|incursions?)"
        r"|(?<!test-)fired\s+(?:[\w-]+\s+){0,5}(?:missiles?|rockets?|drones?)|retaliated|(?<!in\s)retaliation|strikes? on|attacks? on|raids? on"
        # "three Katyusha rockets crashed into open ground", "mortar rounds landed inside"
        r"|(?:rockets?|missiles?|mortars?|mortar\s+rounds|rounds|shells|drones?|projectiles)\s+(?:[\w-]+\s+){0,5}?(?:crashed|slammed|landed|exploded|rained\s+down|hit)\b(?!\s+(?:the\s+)?(?:headlines?|markets?)\b)"
        r"|(?:air|bombing|aerial)\s+campaign\s+(?:against|on)|fired\s+(?:[\w-]+\s+){0,3}?(?:warning\s+)?shots"
        # "ambushed a convoy", "blew himself up outside the embassy", "mined the harbor"
        r"|ambushed|blew\s+(?:himself|herself|themselves)\s+up|suicide\s+(?:bombings?|attacks?)"
        r"|(?<!was\s)(?<!were\s)mined\s+(?:the|a|its)\s+(?:[\w-]+\s+){0,2}?(?:harbou?r|port|strait|waters|channel|gulf)"
        r"|laid\s+(?:[\w-]+\s+){0,2}mines"
        # bombardment verbs: "pummelled militia command centres", "mortared the base",
        # "lobbed dozens of rockets into", "raked an outpost with machine-gun fire"
        r"|pummel+ed|blitzed|mortared|lobbed\s+(?:[\w-]+\s+){0,4}?(?:rockets?|missiles?|shells|"
        r"mortars?|grenades|bombs)|(?:raked|sprayed|peppered)\s+(?:[\w.'’-]+\s+){1,6}?with\s+"
        r"(?:[\w-]+\s+){0,2}(?:fire|gunfire|bullets)"
        # a blast that did damage: "an explosion ripped through", "a limpet mine blew a hole"
        r"|(?:explosions?|blasts?|bombs?|explosives|(?:explosive\s+)?devices?|mines?)\s+"
        r"(?:[\w'’-]+\s+){0,5}?(?:ripped|tore|blew\s+(?:a|up)|crippled|rocked|wrecked|gutted)\b"
        r"|detonated|" + PASSIVE + r"(?:hit|struck|damaged)\s+by\s+(?:an?\s+)?"
        r"(?:[\w-]+\s+){0,3}?(?:missiles?|drones?|rockets?|mines?|torpedo(?:es)?|shells|projectiles|"
        r"explosives?|strikes?|bombs?|blasts?|explosions?|gunfire|artillery)"
        r"|" + PASSIVE + r"holed\b"
        # "Iraqi troops recaptured the Fao Peninsula", "..., sinking at least one"
        r"|recaptured|retook|(?<=,\s)(?:sinking|destroying|damaging)\b"
        # a target hit: "took out a missile launcher", "hit militia positions", "had hit"
        r"|(?:took\s+out|(?<!was\s)(?<!were\s)hit)\s+(?:[\w'’.-]+\s+){0,4}?(?:bases?|"
        r"targets?|positions?|sites?|facilit(?:y|ies)|depots?|headquarters|convoys?|tankers?|ships?|"
        r"vessels?|warships?|embassy|compound|outposts?|launchers?|radars?|camps?|installations?|"
        r"command\s+cent(?:er|re)s?|air\s+defen[cs]es?|centres|centers)\b"
        r"|eliminated\s+(?:an?|the|two|three|several)\s+(?:[\w'’-]+\s+){0,4}?(?:commanders?|"
        r"advis[eo]rs?|leaders?|chiefs?|generals?|officials?|operatives?|militants?|fighters?|scientists?)"
        r"|(?:out\s+of\s+the\s+sky|rammed|salvos?\s+of)"
        r"|sen(?:t|ding)\s+(?:[\w-]+\s+){0,2}(?:warplanes|jets|bombers|drones)\s+(?:against|to\s+"
        r"(?:strike|bomb|attack|hit))|aimed\s+(?:[\w-]+\s+){0,5}?(?:missiles?|rockets?|drones?)\s+at)\b",
    ),
    _t(
        "other",
        "17",
        "seizure",
        # (not "a captured spy plane", "the detained Americans": a participle naming a thing)
        r"\b(?:(?<!\ba\s)(?<!\ban\s)(?<!the\s)(?<!its\s)(?<!their\s)(?:seized|captured|detained|"
        r"arrested|confiscated|abducted|kidnapped|jailed|imprisoned)|seizure of|jailing\s+of"
        r"|boarded\s+(?:the|a|an)\s+(?:[\w-]+\s+){0,3}?(?:tanker|ship|vessel|freighter|boat|dhow)"
        # "took away five of its staff"
        r"|(?:took|carried|hauled|led)\s+(?:away|off)\s+(?:[\w-]+\s+){0,4}?(?:staff|men|women|officials|"
        r"people|diplomats|employees|crew|sailors|soldiers|guards|Iranians|Americans|Britons)"
        # a ship or a cargo intercepted, not missiles shot down
        r"|intercepted(?=[^.;]{0,40}\b(?:tankers?|ships?|vessels?|boats?|dhows?|cargo|shipments?|"
        r"consignments?|weapons|arms)\b)"
        # "commandeered a tanker", "was taken into custody", "rounded up three men"
        r"|commandeered|hijacked|impounded|rounded\s+up|took\s+possession\s+of|took\s+control\s+of"
        r"(?=\s+(?:the|a|an|it|two|three|several|\d)\b[^.;]{0,40}?\b(?:ship|vessel|tanker|boat|"
        r"dhow|it|platform|rig)\b)"
        r"|(?:taken|took)\s+(?:[\w'’-]+\s+){0,3}?(?:prisoners?|captive|hostages?)\b"
        r"|(?:took|taken|taking)\s+(?:[\w'’.-]+\s+){0,4}?into\s+custody)\b",
    ),
    # A ceasefire that happened: agreed, announced, brokered or in effect, not one
    # called for or proposed (an appeal, a plan).
    _t(
        "deal",
        "0871",
        "ceasefire",
        r"\b(?:(?:agreed|consented)\s+(?:to\s+)?|(?:announced|declared|brokered|mediated|reached"
        r"|accepted|signed|secured)\s+)(?:an?\s+|the\s+)?(?:[\w-]+\s+){0,2}(?:cease-?fire|truce)\b"
        r"|\b(?:cease-?fire|truce)s?\s+(?:[\w-]+\s+){0,5}?(?:brokered|mediated|took\s+(?:effect|hold)"
        r"|went\s+into\s+effect|came\s+into\s+(?:force|effect)|(?:was|were)\s+(?:agreed|announced"
        r"|reached|declared|brokered)|began|held)\b",
    ),
    # A deal struck: "Washington agreed to return $8 billion", "put his signature to".
    _t(
        "deal",
        "057",
        "agreement",
        # ("agreed on Monday to extend the talks", "to push the deadline back")
        r"\b(?:agreed(?:\s+(?:on|in|last|this|late|early)(?:\s+[\w.]+){1,2}?)?\s+to\s+(?:return|"
        r"unfreeze|pay|restore|hand\s+over|transfer|sign|suspend|allow|let|accept|halt|stop|cap|"
        r"limit|ship|open|resume|extend|prolong|push\s+(?:\w+\s+){0,2}back|keep\s+negotiating|"
        r"keep\s+talking|continue\s+(?:negotiating|talking|the\s+talks))"
        # "agreed to a request from Kuwait to reflag its tankers"
        r"|agreed\s+to\s+(?:an?|the|its|their)\s+(?:[\w-]+\s+){0,2}?(?:request|proposal|plan|terms|"
        r"offer|demand|deal|arrangement)s?"
        r"|agreed\s+on\s+(?:an?|the)\s+(?:[\w-]+\s+){0,2}?(?:package|plan|framework|text|deal|"
        r"agreement|accord|declaration|roadmap|road\s+map)"
        r"|put\s+(?:his|her|their)\s+signatures?\s+to)\b",
    ),
    # A swap is a deal; a release by one side alone is an act of that side ("other").
    _t(
        "deal",
        "0841",
        "prisoner swap",
        r"\b(?:prisoner\s+(?:swap|exchange)|swap|(?<=agreed\sto\s)(?:release|free)"
        r"|(?:exchanged|swapped|traded)\s+(?:[\w-]+\s+){0,3}(?:prisoners|detainees|hostages)"
        # "Iran released Xiyue Wang, ..., in exchange for an Iranian scientist"
        r"|(?:released|freed)(?=[^.;]{0,160}?" + _IN_EXCHANGE + r"))\b",
    ),
    _t(
        "other",
        "0841",
        "release",
        r"\b(?:(?:prisoner\s+release|(?<!the\s)(?<!statement\s)(?<!statements\s)(?<!report\s)(?<!video\s)(?:released|freed)(?!\s+(?:an?\s+|the\s+|its\s+|their\s+)?(?:[\w-]+\s+){0,3}(?:data|statements?|reports?|videos?|footage|funds|money|assets|documents|information|details|images|photos|figures|oil|revenues?|\$|\d[\d,.]*\s*(?:billion|million|bn|%|percent)))"
        r"|release\s+of"
        r"|(?<!agreed\sto\s)(?:release|free)\s+(?:[\w-]+\s+){0,3}(?:prisoners|detainees|hostages|"
        r"captives|citizens|nationals|Americans|Iranians)"
        # "handed back the crews", "let the sailors go"
        r"|set\s+free|walked\s+free|walked\s+out\s+of\s+(?:[\w-]+\s+){0,2}(?:prison|jail|captivity|detention)|flown\s+to\s+freedom|handed\s+back|(?<=were\s)handed\s+over\s+to|(?<=was\s)handed\s+over\s+to|let\s+(?:the\s+)?(?:[\w-]+\s+){0,2}(?:go|leave)(?=\s*[.,;]|\s+(?:on|after|in|at)\b))"
        r"(?![^.;]{0,60}\b(?:swap|exchange)\b)(?![^.;]{0,160}?" + _IN_EXCHANGE + r"))\b",
    ),
    _t(
        "deal",
        "057",
        "agreement",
        r"\b(?:nuclear\s+deal|deal|agreement|accord|JCPOA|Joint\s+Comprehensive\s+Plan\s+of\s+Action|(?<!law\s)(?<!bill\s)(?<!act\s)(?<!order\s)(?<!legislation\s)signed(?!\s+(?:(?:an?|the|a\s+series\s+of|two|several)\s+)?(?:[\w-]+\s+){0,5}(?:orders?|decrees?|bills?|laws?|acts?|legislation|directives?|memorand\w+|measures?|waivers?|statements?|letters?|petitions?|condolence\s+books?)\b)(?![^.;]{0,90}?\b(?:penali[sz]\w*|penalt\w+|punish\w*)\b)|struck\s+a\s+deal|reached\s+an?\s+(?:deal|agreement|understanding)|(?:restored|re-?established|resumed)\s+(?:full\s+)?(?:diplomatic\s+)?(?:relations|ties))\b",
    ),
    # An accord told by its verb, which says it was concluded: "inked a partnership treaty",
    # "signed a memorandum of understanding", "came to terms", "normalized ties".
    _t(
        "deal",
        "057",
        "accord",
        r"\b(?:(?:inked|signed|initial+ed|concluded|ratified)\s+(?:an?|the|their|its)\s+(?:[\w-]+\s+){0,3}?"
        r"(?:treaty|pact|memorandum|MoU|MOU|protocol|charter|arrangement|understanding)"
        r"|came\s+to\s+terms|agreed\s+(?:on\s+)?terms|settled\s+(?:[\w'’-]+\s+){0,3}?(?:dispute|claims?|debt|case)"
        r"|normali[sz]ed\s+(?:full\s+)?(?:diplomatic\s+)?(?:relations|ties)"
        r"|reopened\s+(?:their|its|the)\s+(?:[\w-]+\s+){0,2}?embass(?:y|ies)"
        r"|(?:relations|ties)\s+(?:between\s+[\w\s]{1,40}?\s+)?(?:were|was|had\s+been|have\s+been)\s+(?:formally\s+|fully\s+)?"
        r"(?:restored|re-?established|normali[sz]ed))\b",
    ),
    # Sanctions lifted, eased or waived: a de-escalation, not a sanction.
    _t(
        "other",
        "085",
        "sanctions eased",
        r"\b(?:(?<!to\s)(?:lift\w*|eas(?:ed|es|ing)|waiv\w*|remov\w*|suspend\w*|relax\w*|roll\w*\s+back)"
        r"\s+(?:[\w-]+\s+){0,3}(?:sanctions|asset\s+freezes?|embargo|curbs|restrictions\s+on)|sanctions\s+relief|sanctions\s+waivers?|relief\s+from\s+(?:[\w-]+\s+){0,2}"
        r"sanctions|sanctions\s+(?:(?:on|against)\s+[\w'’,-]+(?:\s+[\w'’,-]+){0,5}?\s+)?(?:were|was|have\s+been|had\s+been)\s+"
        + _LIFTED
        # "exempted China and Singapore", "granted waivers to eight buyers"
        # "unfroze $6 billion of Iranian funds", "took Iran off the list of major drug producers"
        + r"|unfroze|(?<=was\s)unfrozen|(?<=were\s)unfrozen|(?<=been\s)unfrozen|unblocked\s+(?:[\w$.,-]+\s+){0,4}?(?:funds|assets|accounts|money)"
        + r"|(?:took|taken|taking)\s+(?:[\w'’-]+\s+){1,3}off\s+(?:the|its|a)\s+(?:[\w-]+\s+){0,5}?list"
        + r"|removed\s+(?:[\w'’-]+\s+){1,3}from\s+(?:the|its|a)\s+(?:[\w-]+\s+){0,5}?list"
        + r"|exempted(?!\s+from\s+(?:military|national)\s+service)|(?:granted|issued|extended)\s+(?:[\w-]+\s+){0,2}(?:waivers?|exemptions?|licen[cs]es?))\b",
    ),
    _t(
        "sanction",
        "163",
        "sanctions",
        r"\b(?:(?:re-?)?impos\w+\s+(?:[\w-]+\s+){0,4}?(?:sanctions|blockade|embargo)|blockade|sanctions\s+(?:on|against)(?![^.;]{0,60}?\b(?:were|was|have\s+been|had\s+been|be)\s+"
        + _LIFTED
        + r"\b)|new\s+sanctions|additional\s+(?:\w+\s+)?sanctions"
        r"|sanctioned|blacklist\w*|designated|maximum pressure|re-?designat\w+|proscribed"
        # "..., sanctioning an Indian ship manager", "signed an order designating a charity"
        r"|(?:(?<=,\s)|(?<=order\s))(?:sanctioning|designating)|outlawed(?=\s+(?:the\s+)?(?-i:[A-Z]))"
        # "were added to the EU's human rights sanctions list", "listed ... under the bloc's regime"
        r"|(?:"
        + PASSIVE
        + r"|(?<=being\s)|(?<=is\s)|(?<=are\s)|(?<=also\s))added\s+to\s+(?:[\w.'’-]+\s+){0,6}?"
        r"(?:list|blacklist)\b|listed\s+(?:[\w.'’-]+\s+){1,6}?under\s+(?:[\w.'’-]+\s+){0,5}?"
        r"(?:sanctions|regime)|expanded\s+(?:[\w.'’-]+\s+){0,4}?(?:list|blacklist)\b"
        # "the Treasury's sanctions arm targeted a procurement network"
        r"|(?:Treasury|sanctions\s+arm)(?:['’]s)?\s+(?:[\w'’-]+\s+){0,4}?(?:targeted|went\s+after)"
        # "barred 25 British officials from entering the country", "slapped visa restrictions on"
        r"|(?:barred|banned)\s+(?:[\w.'’-]+\s+){1,6}?from\s+(?:entering|travel+ing\s+to|visiting)"
        r"|(?:visa|travel|entry)\s+(?:restrictions|bans?)\s+(?:on|against)"
        # "penalties were levied on Tuesday against a refinery"
        r"|(?:sanctions|penalties|restrictions|measures)\s+(?:were|was|have\s+been|had\s+been)\s+"
        r"(?:levied|imposed|slapped|placed|clamped)"
        r"|blocked\s+(?:the\s+)?(?:[\w-]+\s+)?(?:property|assets|funds|accounts)"
        r"|(?:announced|imposed|issued|unveiled)\s+(?:[\w-]+\s+){0,2}designations"
        # "targeted Iran's shipping network with new penalties"
        r"|(?:targeted|hit|slapped|struck)\s+(?:[\w.'’-]+\s+){1,6}?with\s+(?:[\w-]+\s+){0,3}(?:sanctions|"
        r"penalties|restrictions|asset\s+freezes?|travel\s+bans?|visa\s+bans?|designations)"
        r"|placed\s+(?:[\w.'’-]+\s+){0,4}?under\s+(?:[\w-]+\s+)?sanctions"
        # "announced that the sanctions were back in force", "restored UN sanctions"
        r"|sanctions\s+(?:[\w,-]+\s+){0,5}?(?:were|was|are)\s+(?:back\s+in\s+(?:force|place|effect)|"
        r"restored|reinstated)|(?<!the\s)(?<!those\s)(?<!these\s)(?:restored|reinstated|reimposed|snapped\s+back)\s+(?:[\w-]+\s+){0,3}(?:sanctions|asset\s+freezes|embargo)"
        # "those penalties became enforceable on Thursday", "sanctions took effect"
        r"|(?:sanctions|penalties|embargo|ban|measures)\s+(?:[\w-]+\s+){0,4}?(?:(?:took|take|takes|"
        r"came|went|entered|coming|going)\s+(?:into\s+)?(?:effect|force)|became\s+(?:enforceable|effective))"
        r"|embargo\b(?![^.;]{0,50}?\b(?:remain\w*|still|stays?)\s+in\s+(?:force|place|effect))"
        # "placed Iran on its list of state sponsors", "declared CENTCOM a terrorist organization"
        r"|(?:placed|put|added)\s+(?:[\w.'’-]+\s+){0,6}?on\s+(?:its|a|the|their|a\s+U\.S\.)\s+"
        r"(?:[\w-]+\s+){0,3}?(?:list|blacklist)"
        # "added some 180 officials and companies, many of them ..., to the bloc's list"
        r"|added\s+[^.;]{1,120}?\bto\s+(?:(?:its|the|their|a)\s+)?(?:[\w.-]+['’]s\s+)?(?:[\w-]+\s+){0,3}?"
        r"(?:list|blacklist)\b"
        r"|(?:declared|labell?ed|branded|named|listed)\s+(?:[\w.'’,-]+\s+){0,16}?(?:an?\s+)?(?:foreign\s+)?"
        r"(?:terrorist\s+(?:organi[sz]ation|group|entity)|state\s+sponsor\s+of\s+terrorism)"
        # "ordered a ban on trade", "banned new contracts for Iranian crude"
        r"|(?:ordered|imposed|announced|adopted|slapped|clamped|placed|put|enacted)\s+(?:an?\s+)?"
        r"(?:[\w-]+\s+){0,3}?(?:ban|embargo)\s+on"
        r"|(?:banned|barred|prohibited|banning|barring|prohibiting)\s+(?:[\w-]+\s+){0,4}?(?:imports?|exports?|trade|contracts|purchases|investments?|"
        r"dealings|sales|oil|crude|shipments)"
        # "unveiled their own measures against Iran's banking sector", "ordered all British
        # banks to cut off dealings with Iranian banks"
        r"|(?:unveiled|announced|adopted|approved|imposed|slapped|levied|clamped)\s+(?:[\w-]+\s+){0,5}?"
        r"(?:measures|penalties|restrictions)\s+"
        r"(?:against|on|targeting)"
        r"|ordered\s+(?:[\w-]+\s+){0,4}?to\s+(?:cut\s+off|sever|halt|stop|end|freeze)\s+(?:[\w-]+\s+){0,2}?"
        r"(?:dealings|ties|business|trade|transactions)"
        r"|(?:barred|blocked|banned|prohibited|barring|blocking|banning|prohibiting|cut\s+off)\s+"
        r"(?:[\w.-]+\s+){1,4}from\s+(?:developing|doing|investing|trading|buying|selling|importing|"
        r"exporting|dealing|(?:[\w-]+\s+)?transactions|the\s+(?:U\.S\.\s+)?(?:dollar|financial\s+system))"
        # a law that penalises: "signed the Iran and Libya Sanctions Act", "signed a bill that
        # allows penalties on foreign banks"
        r"|signed\b(?=[^.;]{0,90}?\b(?:sanctions?\s+(?:act|law|bill|legislation)|penali[sz]\w*|penalt\w+|punish\w*)\b)"
        # assets frozen: "froze Iranian assets", "the assets he froze in November 1979"
        r"|(?:froze|freezing)\s+(?:[\w-]+\s+){0,3}(?:assets|funds|accounts)|(?:assets|funds)\s+(?:it|he|they)\s+froze"
        r"|(?:prevent|bar|block|stop)\w*\s+(?:[\w-]+\s+){1,3}from\s+(?:accessing|using|obtaining|"
        r"spending|moving|receiving)\b(?=.{0,30}?\b(?:funds|money|assets|revenue|them|it)\b))",
    ),
    _t(
        "message",
        "040",
        "message",
        r"\b(?:messages?|letters?|notes?|fax(?:es)?|(?:written\s+)?repl(?:y|ies)|d[eé]marches?)\b(?=.{0,80}?\b(?:sen[dt]|pass(?:ed)?|deliver(?:ed|y)?|carr(?:y|ied)|convey(?:ed)?|exchang(?:e|ed)|relay(?:ed)?|handed|through|via|reached|forwarded|ferried)\b)"
        r"|\breceived\s+(?:[\w-]+\s+){0,3}(?:messages?|letters?|fax(?:es)?)\b"
        r"|\b(?:sen[dt]|pass(?:ed)?|deliver(?:ed)?|carr(?:y|ied)|convey(?:ed)?|exchang(?:e|ed)|relay(?:ed)?|handed|shuttled|"
        r"brought|forwarded|ferried|dispatched|penned|addressed|lodged|shared|submitted|transmitted|"
        r"radioed|cabled|faxed|telexed)\s+"
        r"(?:[\w.'’-]+\s+){0,5}(?:messages?|letters?|notes?|repl(?:y|ies)|responses?|proposals?|objections|"
        r"protests?|complaints?|invitations?|d[eé]marches?|counter-?proposals?|warnings?)\b"
        # "used the Swiss channel to tell Tehran", "replied to a letter from the prime minister",
        # "sent a warning to Hezbollah via French diplomats", "was warned by Israel through"
        r"|\b(?:used|through|via)\s+(?:the\s+)?(?:[\w-]+\s+){0,2}channel\s+(?:(?:on|late|early)\s+\w+\s+)?to\s+(?:tell|inform|warn|convey|"
        r"pass|send|notify|assure)\b"
        r"|\b(?:replied|responded|answered)\s+(?:[\w.]+\s+){0,3}?to\s+(?:an?|the|his|her|its|their)\s+"
        r"(?:[\w.'’-]+\s+){0,3}?(?:letter|message|note)\b"
        r"|\b(?:sent|passed|delivered|conveyed|issued)\s+(?:an?\s+)?(?:[\w-]+\s+){0,2}?warnings?\s+"
        r"(?:to\s+(?:[\w.'’-]+\s+){1,3}?)?(?:(?:on|late|early)\s+\w+\s+)?(?:via|through)\b"
        r"|\bwarned\s+by\s+(?:[\w.'’-]+\s+){1,3}?(?:via|through)\b"
        r"|\b(?:convey(?:ed|s)?|relay(?:ed|s)?|transmitted|passed\s+on)\s+(?:[\w.'’-]+\s+){0,4}(?:warnings?|offers?|assurances?|demands?|threats?|requests?|terms|positions?|views)\b"
        # an envoy travelling with a message: "flew to Algiers with Washington's reply"
        r"|\b(?:flew|travel+ed|went|came|returned)\s+(?:back\s+)?to\s+(?:[\w.-]+\s+){1,3}?with\s+(?:[\w'’-]+\s+){0,2}"
        r"(?:messages?|letters?|repl(?:y|ies)|responses?|proposals?|answer)\b"
        r"|\bsen[dt]\s+word\b|\blet\s+(?-i:[A-Z])[\w.-]+(?:\s+(?-i:[A-Z])[\w.-]+)?\s+know\b|\b(?:informed|notified)\b(?=\s+(?:the\s+)?(?-i:[A-Z]))"
        r"|\bsignal(?:l?ed|l?ing)?\s+to\b(?=\s+(?-i:[A-Z]))"
        r"|\b(?:handed\s+over|delivered|passed|conveyed)\s+what\s+(?:[\w'’-]+\s+){0,8}?(?:messages?|letters?)\b"
        r"|\basked\s+(?:[\w-]+\s+){1,5}to\s+(?:represent|convey|pass|carry|deliver|relay|mediate|exert|use\s+(?:its|their)\s+influence|tell|warn|urge|press)\b"
        # A reply through a go-between: "through the Swiss, Iran responded".
        r"|\b(?:through|via)\s+(?:the\s+)?(?-i:[A-Z])[\w-]+(?:\s+(?-i:[A-Z])[\w-]+)?,\s+(?:[\w-]+\s+){1,3}(?:responded|replied|answered)\b"
        r"|\b(?:responded|replied|answered)\s+(?:\w+\s+){0,3}(?:through|via)\b"
        r"|\b(?:wrote|written)\s+(?:a\s+letter\s+)?(?:\w+ly\s+)?to\b(?=\s+(?:the\s+)?(?-i:[A-Z]))"
        # "released a video message", "In a letter to the agency, Iran disclosed"
        r"|\b(?:released|issued|recorded|broadcast)\s+(?:an?\s+)?(?:[\w-]+\s+){0,2}(?:video|audio|"
        r"televised|recorded|taped)\s+message\b|\bin\s+a\s+(?:[\w-]+\s+){0,2}letter\b"
        # "followed in March with a videotaped message to Iranians"
        r"|\b(?:video(?:taped)?|televised|recorded|taped|radio|New\s+Year(?:['’]s)?|Nowruz)\s+(?:message|address)\s+to\b"
        # "summoned the Swiss ambassador to protest": a message through that envoy
        r"|\bsummoned\s+(?:the\s+)?(?:[\w'’-]+\s+){0,3}?(?:ambassador|envoy|charg[eé]\s+d['’]affaires|"
        r"diplomats?|representative)\b"
        # "Iran's answer went back through Oman"
        r"|\b(?:answer|reply|response|message|letter)\s+(?:went|was\s+sent|was\s+passed|came)\s+"
        r"(?:back\s+)?(?:through|via)\b"
        # "handed it to the Swiss ambassador for delivery to Washington"
        r"|\b(?:handed|passed|gave)\s+(?:it|them)\s+(?:over\s+)?to\s+(?:the\s+)?(?:[\w-]+\s+){0,3}?"
        r"(?:ambassador|envoy|embassy|diplomats?|mediators?|intermediar(?:y|ies))\b|\bfor\s+delivery\s+to\b"
        # "handed envoys of the six powers a five-page package of proposals"
        r"|\bhanded\s+(?:[\w.,'’-]+\s+){1,8}?(?:an?|the|its|his|her|their)\s+(?:[\w-]+\s+){0,3}?"
        r"(?:package|proposals?|plan|letter|note|message|reply|response|dossier|documents?|report)\b"
        # "carried the package to Tehran"
        r"|\bcarried\s+(?:the|an?|its|his|her|their)\s+(?:[\w-]+\s+){0,2}?(?:package|proposals?|"
        r"letter|message|reply|response|offer)\s+to\b",
    ),
    _t(
        "talks",
        "046",
        "talks",
        r"\b(?:talks|negotiations?|negotiated|(?<=was\s)negotiating|(?<=were\s)negotiating|(?<=is\s)negotiating|(?<=are\s)negotiating|(?<=been\s)negotiating|negotiating(?=\s+(?:with|over)\b)|met|(?<!to\s)meet|(?-i:meetings?)|(?-i:Meetings?)(?!\s+(?:in|at)\s+[^,.;]{1,60},)|discussed|conferred|huddled|consulted|consultations|convened\s+(?:an?\s+|the\s+|its\s+)?(?:[\w-]+\s+){0,3}?(?:session|meeting|summit|talks|conference)|(?:tele)?phone\s+(?:conversations?|calls?)|video\s+(?:conferences?|calls?|link)|held\s+(?:an?\s+)?(?:[\w-]+\s+)?call|talked\s+(?:by\s+(?:tele)?phone\s+)?(?:with|to)\b|talked\s+by\s+(?:tele)?phone|received\s+(?:the\s+)?(?:[\w'’.-]+\s+){0,3}?(?:ambassador|envoy|foreign\s+minister|delegation|counterpart)|hash(?:ed|ing)\s+out|called\s+(?!for\b|on\b)(?=(?-i:[A-Z]))(?!"
        + _WORDS_OF_SOMEONE
        + r")|mediated|mediating|mediation|dialogue|discussions?|held\s+(?:\w+\s+){0,2}talks|spok(?:e|en)\s+(?:\w+\s+){0,2}with|spok(?:e|en)\s+(?:by\s+(?:phone|telephone)\s+)?to(?=\s+(?-i:[A-Z]))|spok(?:e|en)\s+by\s+(?:tele)?phone|sat\s+down\s+(?:\w+\s+)?with|(?<=was\s)received\s+by|(?<=were\s)received\s+by|exchanged\s+(?:pleasantries|views|greetings)|(?:indirect|direct|secret)\s+contacts|phoned|telephoned|phone\s+call|in\s+an?\s+(?:tele)?phone\s+(?:call|conversation)"
        # "The first round took place in Muscat", "the fourth round of talks"
        r"|(?:first|second|third|fourth|fifth|sixth|next|new|latest|last|previous)\s+round(?!\s+of\s+(?:[\w-]+\s+)?(?:sanctions|strikes|attacks|voting|retaliation|reprisals?|fighting|violence|shelling|bombing|protests?|arrests|tariffs|missiles?|rockets?|designations|penalties|measures|restrictions)\b)"
        r"|(?:negotiating|bargaining)\s+sessions?)\b",
    ),
    _t(
        "visit",
        "042",
        "visit",
        r"\b(?:visited|visit(?:s|ing)?\s+(?:to\s+)?(?-i:[A-Z])\w+|travel+ed\s+(?:on\s+)?to|trip\s+to|flew\s+(?:in)?to|went\s+to(?=\s+(?-i:[A-Z]))|headed\s+to(?=\s+(?-i:[A-Z]))|(?<=had\s)flown\s+to|(?<=has\s)flown\s+to|arrived\s+in|landed\s+in"
        # "touched down in Tehran", "set off for Tehran", "stopped over in Baghdad", "toured the site"
        r"|touched\s+down\s+in|(?:came|journeyed|returned)\s+to(?=\s+(?-i:[A-Z]))|set\s+(?:off|out)\s+for(?=\s+(?-i:[A-Z]))"
        r"|(?:stopped|stopping)\s+(?:over\s+)?in(?=\s+(?-i:[A-Z]))|stop-?overs?\s+in|called\s+in\s+at"
        r"|dropped\s+in\s+on|toured|(?<!letter\s)(?<!message\s)(?<!missiles\s)(?<!weapons\s)(?<!shipment\s)"
        r"(?<!consignment\s)(?<!troops\s)(?<!forces\s)reached(?=\s+(?-i:[A-Z])(?!\w+['’]s\b))"
        # "spent Monday in Jeddah and Abu Dhabi", "had moved on to Abu Dhabi"
        r"|spent\s+(?:[\w-]+\s+){1,3}?in(?=\s+(?-i:[A-Z]))|moved\s+on\s+to(?=\s+(?-i:[A-Z]))"
        r"|(?:(?<=was\s)|(?<=were\s))(?:(?:dispatched|sent)\s+to(?=\s+(?-i:[A-Z]))"
        r"|received\s+(?:at|in)(?=\s+(?:the\s+)?(?-i:[A-Z])))"
        r"|made\s+(?:the|a|his|her|their)\s+(?:[\w-]+\s+){0,2}(?:journey|trip)(?!\s+(?:back|home)\b)"
        r"|(?<=was\s)welcomed\s+(?:[\w-]+\s+){0,4}?(?:in|to)(?=\s+(?-i:[A-Z]))"
        # "sent its foreign minister, Yusuf bin Alawi, to Tehran"
        r"|sent\s+(?:its|his|her|their|an?)\s+(?:[\w-]+\s+){0,3}?(?:minister|envoy|secretary|adviser|"
        r"delegation|emissary)(?:,[^,;]{1,60},)?\s+to(?=\s+(?-i:[A-Z])))\b",
    ),
    *OTHER_ACTS,
)

STATEMENTS: tuple[Trigger, ...] = (
    _t(
        "statement",
        "13",
        "threat",
        r"\b(?:threatened|warned|vowed|put\s+(?:[\w'’.-]+\s+){1,3}?on\s+notice|raised\s+the\s+(?:prospect|"
        r"spectre|specter)\b|(?:issued|sounded|gave)\s+(?:an?\s+)?(?:[\w-]+\s+){0,2}?(?:warning|ultimatum)"
        # "pledged in a televised speech to keep targeting ships"
        r"|(?:pledged|promised|swore)(?=(?:\s+[\w.,'’-]+){0,7}?\s+to\s+(?!the\b|an?\b|its\b|his\b|her\b|"
        r"their\b)[a-z]))\b",
    ),
    _t(
        "statement",
        "10",
        "demand",
        r"\b(?:demanded|insisted|set\s+(?:[\w-]+\s+){0,2}(?:conditions|terms|preconditions)"
        r"|pressed\s+(?:[\w'’.-]+\s+){1,4}?to\s+(?=[a-z]))\b",
    ),
    _t(
        "statement",
        "12",
        "rejection",
        r"\b(?:rejected|disowned|dismissed|ruled\s+out|objected|brushed\s+(?:[\w-]+\s+){0,3}aside|rebuffed|spurned|turned\s+down"
        r"|(?:brushed|shrugged|waved|laughed)\s+(?:off|away)|swatted\s+(?:away|down))\b",
    ),
    _t(
        "statement",
        "010",
        "denial",
        r"\b(?:denied)\b(?!\s+(?!that\b)(?:[\w'’.-]+\s+){0,4}?(?:access|entry|visas?|permission|"
        r"landing|overflight)\b)",
    ),
    _t(
        "statement",
        "11",
        "criticism",
        r"\b(?:condemned|criticized|criticised|denounced|censured|rebuked|complained|protested|decried|deplored|"
        r"lambasted|assailed|castigated|slammed(?!\s+(?:into|shut|the\s+door))|lashed\s+out|faulted|chided|"
        r"scolded|berated|excoriated|upbraided|hit\s+out\s+at|railed\s+against)\b",
    ),
    _t(
        "statement",
        "010",
        "claim",
        r"\b(?:claimed\s+(?:(?:the\s+)?responsibility|credit)|asserted|boasted|contended"
        r"|claimed(?=(?:\s+[\w.,]+){0,3}?\s+that\b))\b",
    ),
    _t(
        "statement",
        "112",
        "accusation",
        r"\b(?:accused|blamed(?!\s+on\b)|pointed\s+(?:the|a)\s+finger\s+at|alleged(?=(?:\s+[\w.,]+){0,3}?\s+that\b)"
        r"|charged(?=(?:\s+[\w.,]+){0,3}?\s+that\b)|held\s+(?:[\w'’.-]+\s+){1,3}?responsible)\b",
    ),
    _t(
        "statement",
        "020",
        "appeal",
        # not "a meeting called for Friday": a date set, not an appeal
        r"\b(?:urged|pleaded\s+with|implored|exhorted|appealed(?=(?:\s+[\w.,]+){0,3}?\s+(?:for|to)\b)|called\s+on|called\s+for(?!\s+(?:(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day|"
        r"next|tomorrow|later|early|mid|late|Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec|\d)))\b",
    ),
    _t(
        "statement",
        "051",
        "praise",
        r"\b(?:thanked|praised|commended|(?<!was\s)(?<!were\s)welcomed|hailed)\b",
    ),
    _t(
        "statement",
        "030",
        "offer",
        r"\b(?:offered|was\s+willing|is\s+willing|willing\s+to|volunteered\s+(?:[\w.]+\s+){0,2}?to"
        r"|floated\s+(?:an?|the|its)\s+(?:[\w-]+\s+){0,2}?(?:offer|proposal|idea|plan)"
        # "the powers put forward a package", "Iran answered with a five-point plan"
        r"|(?:put\s+forward|tabled|presented|unveiled|(?:answered|responded|replied|countered)\s+with)"
        r"\s+(?:an?|the|its|their|his|her)\s+(?:[\w-]+\s+){0,3}?(?:package|proposals?|plan|offer|"
        r"initiative|counterproposal|counter-proposal))\b",
    ),
    _t(
        "statement",
        "010",
        "statement",
        r"\b(?:(?-i:said)|announced|declared|announcing|stated|told|confirmed|acknowledged|admitted|underscored|stressed|tweeted|weighed\s+in|"
        r"retorted|countered|(?<=,\s)(?:saying|declaring|insisting|telling)|writing\s+that|"
        r"(?:argued|suggested|mused|remarked|contended|maintained|explained)(?=(?:\s+[\w.,]+){0,3}?\s+that\b)|"
        r"(?<=,\s)calling\s+(?:the|this|that|these|those|it|them|his|her|its|their)\b|"
        r"cautioned|reaffirmed|reiterated|signall?ed|(?:shot|fired|hit)\s+back(?!\s+(?:at|with)\s+(?:[\w-]+\s+){0,2}?(?:missiles?|rockets?|fire|drones?))|"
        r"disclosed|revealed|conceded|apologi[sz]ed|regretted|certified|"
        # "defended the Navy's conduct", "proposed on June 17 that the two countries ..."
        r"defended(?!\s+(?:itself|themselves|the\s+(?:country|base|ship|city|border)))|"
        r"proposed(?=(?:\s+[\w.,]+){0,5}?\s+that\b)|"
        r"expressed\s+(?:[\w-]+\s+){0,2}(?:regret|concern|support|condolences|sympathy|hope|satisfaction|outrage)|"
        r"went\s+on\s+(?:state\s+|national\s+)?(?:television|TV|radio|the\s+air)|"
        r"(?:responded|replied|reacted)\s+(?:[\w-]+\s+){0,4}?with\s+an?\s+(?:[\w-]+\s+)?"
        r"(?:warning|statement|threat|rebuke|denial)|"
        r"used\s+(?:his|her|its|their)\s+(?:own\s+)?(?:[\w-]+\s+){0,2}(?:speech|address|remarks|interview)|"
        r"(?:wrote|responded|replied)(?=(?:\s+[\w.]+){0,3}?\s+(?:that|by\s+saying)\b)|"
        r"(?:wrote|posted)\s+(?:on\s+(?:Twitter|X|Instagram|Telegram|Facebook|social\s+media)|in\s+(?:a|an|his|her|its)"
        r"\s+(?:post|tweet|statement|op-ed|article|column))|"
        # "called the deaths a terrible tragedy": a judgement said
        r"called\s+(?:the|this|that|these|those|it|them|her|his|its|their)\b(?!\s+(?:off|up|in|back|for|on)\b)|"
        # "called Mr. Bush's words bellicose" (not "called Oman's Sultan Qaboos")
        r"called\s+(?=(?-i:[A-Z]))" + _WORDS_OF_SOMEONE + "|"
        r"(?:comment|remark|statement)s?\s+(?:that|in\s+which)|(?:issued|released|put\s+out)\s+"
        r"(?:an?\s+)?(?:[\w-]+\s+){0,2}statement)\b",
    ),
)
"""Statements count only where a sentence reports nothing else, and only from a named actor."""

APPEAL = Trigger("statement", "020", "appeal", re.compile("appeal"))
VISIT = Trigger("visit", "042", "visit", re.compile("visit"))


ROLE_INTERMEDIARY = (  # {actor} is the escaped name as written
    r"(?:through|via|by way of|mediated by|with the help of|hosted by|brokered by)\s+(?:the\s+)?{actor}",
    # "a letter delivered by an adviser to the Omani sultan"
    r"(?:delivered|carried|conveyed|relayed|passed|handed)\s+(?:over\s+)?by\s+(?:[\w'’-]+\s+){{0,5}}?{actor}",
    # "Oman mediated", "Oman's foreign minister carried", "Swiss diplomats delivered"
    r"{actor}(?:'s?)?\s+(?:(?!and\b|or\b)[a-z]\w*\s+){{0,2}}(?:mediat\w+|brokered|hosted|carried|delivered|relayed|passed|conveyed|facilitated)",
    r"asked\s+{actor}\s+to",
    r"(?:a|an)\s+{actor}\s+(?:delegation|envoy|intermediary|mediator)",
)


@dataclass(frozen=True, slots=True)
class Hit:
    """A trigger match at absolute offsets."""

    start: int
    end: int


def all_hits(text: str, table: Sequence[Trigger]) -> list[list[Hit]]:
    """Every match of every trigger in the text, in order, as ``finditer`` gives them
    (each pattern tried only at the starts of words it can begin: :mod:`word_scan`)."""
    starts = word_starts(text)
    return [[Hit(m.start(), m.end()) for m in matches(text, t.pattern, starts)] for t in table]


def hits_in(hits: Sequence[Hit], span: Span) -> Sequence[Hit]:
    """The hits (sorted by start) that start inside ``span``."""
    low = bisect.bisect_left(hits, span.start, key=lambda h: h.start)
    return hits[low : bisect.bisect_left(hits, span.end, lo=low, key=lambda h: h.start)]


def first_in(hits: Sequence[Hit], span: Span) -> Hit | None:
    index = bisect.bisect_left(hits, span.start, key=lambda h: h.start)
    if index < len(hits) and hits[index].start < span.end:
        return hits[index]
    return None
