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


@pytest.fixture(autouse=True)
def _apptest_uses_st_navigation(monkeypatch: pytest.MonkeyPatch) -> None:
    """Run AppTest as a served app runs once any session has called ``st.navigation``.

    AppTest resets Streamlit's "legacy pages/ folder" flag before every run, so each rerun
    would first execute the page file alone (see ``pages.shared.ensure_entrypoint``, which
    handles that case for a real server's first deep link). Keeping the flag off here lets
    every AppTest rerun go through app.py, like the browser does.
    """
    import streamlit.testing.v1.app_test as app_test
    from streamlit.runtime.pages_manager import PagesManager

    class NavigationPagesManager(PagesManager):
        def __init__(self, *args: object, **kwargs: object) -> None:
            super().__init__(*args, **kwargs)
            PagesManager.uses_pages_directory = False

    monkeypatch.setattr(app_test, "PagesManager", NavigationPagesManager)
