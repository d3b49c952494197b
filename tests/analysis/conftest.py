"""The sample timeline on each backend."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.sample_timeline import load_sample


@pytest.fixture
def sample_db(db: str, tmp_path: Path) -> str:
    """The sample timeline (tests/sample_timeline.py) on each backend."""
    return load_sample(db, tmp_path)
