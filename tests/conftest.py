"""Shared fixtures: paths to the project, the committed snapshot and ../shared."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
DATA = ROOT / "data"


@pytest.fixture(scope="session")
def shared_dirs() -> tuple[Path, Path]:
    """(cbs-raw, geo-raw); skipped with the reason only where ../shared is absent (CI has it)."""
    raw, geo = SHARED / "cbs-raw", SHARED / "geo-raw"
    if not raw.is_dir() or not geo.is_dir():
        pytest.skip(f"../shared not present at {SHARED}: the raw CBS files are needed")
    return raw, geo


@pytest.fixture(scope="session")
def built_snapshot(shared_dirs: tuple[Path, Path], tmp_path_factory: pytest.TempPathFactory):
    """A snapshot built from ../shared into a temporary directory (once per session)."""
    from indicators.build import build_snapshot
    from indicators.snapshot import load_snapshot

    out = tmp_path_factory.mktemp("built") / "data"
    build_snapshot(shared_dirs[0], shared_dirs[1], out)
    return load_snapshot(out)
