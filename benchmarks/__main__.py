"""``make bench``: run every benchmark and print its figures (``python -m benchmarks``)."""

from __future__ import annotations

import sys
from collections.abc import Callable

from benchmarks import bench_dates, bench_ingest, bench_scale

BENCHMARKS: list[Callable[[list[str] | None], int]] = [
    bench_dates.main,
    bench_ingest.main,
    bench_scale.main,
]


def main(argv: list[str] | None = None) -> int:
    status = 0
    for bench in BENCHMARKS:
        status = max(status, bench(argv))
    return status


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
