"""The chart: a valid image of the requested size, and clear errors."""

from __future__ import annotations

import struct
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from tests.conftest import Cli
from tests.sample_timeline import EVENTS
from timeline.chart import label_levels, strongest


def png_size(path: Path) -> tuple[int, int]:
    data = path.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    assert data[12:16] == b"IHDR"
    width, height = struct.unpack(">II", data[16:24])
    return width, height


def test_png_of_the_requested_size(cli: Cli, sample_db: str, tmp_path: Path) -> None:
    out = tmp_path / "timeline.png"
    assert "Drew 12 events" in cli("chart", str(out), "--width", "1000", "--height", "600")
    assert png_size(out) == (1000, 600)
    whole = tmp_path / "default.png"
    cli("chart", str(whole), "--from", "2019-06", "--to", "2020-01")
    assert png_size(whole) == (1600, 900)


def test_svg(cli: Cli, sample_db: str, tmp_path: Path) -> None:
    out = tmp_path / "timeline.svg"
    cli("chart", str(out), "--width", "800", "--height", "500")
    root = ET.parse(out).getroot()
    assert root.tag == "{http://www.w3.org/2000/svg}svg"
    assert (root.get("width"), root.get("height")) == ("576pt", "360pt")
    text = out.read_text(encoding="utf-8")
    assert "Soleiman" in text  # labels are text, not paths


def test_chart_errors(cli: Cli, sample_db: str, tmp_path: Path) -> None:
    assert ".png or .svg" in cli.fails("chart", str(tmp_path / "x.gif"))
    assert "no events" in cli.fails("chart", str(tmp_path / "x.png"), "--from", "2030")
    assert "pixels" in cli.fails("chart", str(tmp_path / "x.png"), "--width", "10")


def test_missing_matplotlib_says_how_to_install(
    cli: Cli, sample_db: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setitem(sys.modules, "matplotlib", None)
    err = cli.fails("chart", str(tmp_path / "x.png"))
    assert "pip install 'timeline[chart]'" in err


def test_labels_on_the_strongest_events_do_not_share_a_row() -> None:
    kept = [e for e in EVENTS if e["status"] != "rejected"]
    top = strongest(kept, 4)
    assert {r["id"] for r in top} == {"drone19", "soleimani", "asad", "tower22"}
    assert top[0]["id"] in ("drone19", "soleimani", "asad")  # sourced strikes first
    levels = dict((r["id"], level) for r, level in label_levels(top, 737000, 738000, 1600))
    assert levels["soleimani"] != levels["asad"]
