"""The machine a benchmark ran on: what it is, and how fast it runs Python.

Sessions run on shared machines of the same kind whose speed differs by two
times or more, so a figure alone does not say whether the code or the machine
changed. Every benchmark prints :func:`reference_seconds` beside its figures:
the CPU time of a fixed pure-Python workload (lower is faster). Divide two
runs' figures by it before comparing them.
"""

from __future__ import annotations

import os
import platform
import re
import statistics
import time
from pathlib import Path

_WORDS = ("strike", "talks", "message", "sanctions", "visit", "deal", "said") * 6000
_PATTERN = re.compile(r"\b(?:talks|sanctions?)\b", re.IGNORECASE)


def _workload() -> int:
    """Loops, dict and string work and a regex scan, as extraction and import do."""
    counts: dict[str, int] = {}
    for word in _WORDS:
        counts[word] = counts.get(word, 0) + len(word.upper())
    text = " ".join(_WORDS)
    total = sum(i * i % 7 for i in range(1_500_000))
    return total + len(_PATTERN.findall(text)) + sum(counts.values())


def reference_seconds(runs: int = 5) -> float:
    """Median CPU seconds of the fixed workload (about 0.15 s on the machines of 2026-11)."""
    times = []
    for _ in range(runs):
        started = time.process_time()
        _workload()
        times.append(time.process_time() - started)
    return statistics.median(times)


def describe() -> str:
    """CPU model, cores, system, Python and SQLite versions."""
    cpu = platform.processor() or platform.machine()
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    import sqlite3

    return (
        f"{cpu}, {os.cpu_count()} cores, {platform.system()} {platform.release()}, "
        f"Python {platform.python_version()}, SQLite {sqlite3.sqlite_version}"
    )
