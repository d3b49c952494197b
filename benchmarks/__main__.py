"""Run every benchmark: ``python -m benchmarks`` (``make bench``)."""

from __future__ import annotations

from collections.abc import Callable

from benchmarks import bench_dates

BENCHMARKS: list[Callable[[list[str] | None], int]] = [bench_dates.main]


def main() -> int:
    status = 0
    for bench in BENCHMARKS:
        status = max(status, bench(None))
    return status


if __name__ == "__main__":
    raise SystemExit(main())
