"""``make bench``: run every benchmark and print its figures."""

from __future__ import annotations

import sys
from collections.abc import Callable

BENCHMARKS: list[Callable[[list[str] | None], int]] = []


def main(argv: list[str] | None = None) -> int:
    if not BENCHMARKS:
        print("No benchmarks yet.")
    status = 0
    for bench in BENCHMARKS:
        status |= bench(argv)
    return status


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
