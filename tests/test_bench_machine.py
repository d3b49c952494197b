"""The machine line every benchmark prints beside its figures."""

from __future__ import annotations

from benchmarks.machine import describe, reference_seconds


def test_reference_workload_is_timed_in_cpu_seconds() -> None:
    seconds = reference_seconds(runs=1)
    assert 0.0 < seconds < 60.0


def test_machine_description_names_cores_and_versions() -> None:
    text = describe()
    assert "cores" in text and "Python 3." in text and "SQLite 3." in text
