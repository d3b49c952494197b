"""Score the date tagger on TimeML gold (TimeBank): ``python -m benchmarks.eval_dates``.

Prints strict and relaxed span precision/recall/F1 and value precision/recall/F1
over TIMEX3 of type DATE. ``--errors`` lists misses, false alarms and wrong values.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from timeline.errors import InvalidDate
from timeline.extract.scoring import Expression, Score, score_documents, strip_time
from timeline.extract.temporal import tag_dates
from timeline.extract.timeml import TimeMLDocument, read_corpus

DEFAULT_DIR = Path(__file__).resolve().parents[1] / ".." / "shared" / "timeml" / "TimeBank"


def system_and_gold(doc: TimeMLDocument) -> tuple[list[Expression], list[Expression]]:
    """DATE expressions of the tagger and of the gold annotation of one document."""
    try:
        found = tag_dates(doc.text, doc.dct)
    except InvalidDate:  # an unreadable creation date: tag without an anchor
        found = tag_dates(doc.text, None)
    system = [(e.start, e.end, e.value) for e in found if e.type == "DATE"]
    gold = [(t.start, t.end, t.value) for t in doc.timexes if t.type == "DATE"]
    return system, gold


def format_table(scores: dict[str, Score]) -> str:
    lines = [f"{'measure':<14}{'P':>7}{'R':>7}{'F1':>7}{'system':>8}{'gold':>6}"]
    for name, label in (("strict", "strict span"), ("relaxed", "relaxed span"), ("value", "value")):
        s = scores[name]
        lines.append(
            f"{label:<14}{s.precision:>7.3f}{s.recall:>7.3f}{s.f1:>7.3f}{s.system:>8}{s.gold:>6}"
        )
    return "\n".join(lines)


def _errors(doc: TimeMLDocument, system: list[Expression], gold: list[Expression]) -> list[str]:
    out = []
    text = doc.text
    for s in system:
        hit = [g for g in gold if g[0] < s[1] and s[0] < g[1]]
        if not hit:
            out.append(f"FP\t{doc.dct}\t{text[s[0] : s[1]]!r}\t{s[2]}")
        elif strip_time(hit[0][2]) != strip_time(s[2]):
            g = hit[0]
            out.append(f"VAL\t{doc.dct}\t{text[s[0] : s[1]]!r}\t{s[2]}\tgold {g[2]}")
        elif (s[0], s[1]) != (hit[0][0], hit[0][1]):
            out.append(f"SPAN\t{text[s[0] : s[1]]!r}\tgold {text[hit[0][0] : hit[0][1]]!r}")
    for g in gold:
        if not any(g[0] < s[1] and s[0] < g[1] for s in system):
            context = text[max(0, g[0] - 40) : g[1] + 20].replace("\n", " ")
            out.append(f"FN\t{doc.dct}\t{text[g[0] : g[1]]!r}\t{g[2]}\t{context}")
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--dir", type=Path, default=DEFAULT_DIR, help="folder of .tml files")
    parser.add_argument("--errors", action="store_true", help="list the errors")
    args = parser.parse_args(argv)
    directory: Path = args.dir
    if not directory.is_dir() or not any(directory.glob("*.tml")):
        print(
            f"eval-dates: no TimeML gold at {directory}; put the TimeBank .tml files there "
            "or pass --dir FOLDER",
            file=sys.stderr,
        )
        return 2
    docs = read_corpus(directory)
    pairs = [system_and_gold(doc) for doc in docs]
    if args.errors:
        for doc, (system, gold) in zip(docs, pairs, strict=True):
            for line in _errors(doc, system, gold):
                print(line)
    print(f"Date tagger on {directory.name}: {len(docs)} documents, TIMEX3 type DATE")
    print(format_table(score_documents(pairs)))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
