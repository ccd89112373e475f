"""Shared fixtures: paths, the committed snapshot and its scores, ../shared, and ``run_page``
(a page opened the way a link opens it: app.py first, then the page)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
DATA = ROOT / "data"
# The quick lane (`pytest -m "not browser"`, while working) draws fewer generated examples; the
# README's test command, which CI runs, sets TEST_DEPTH=full for the whole number.
FULL_DEPTH = os.environ.get("TEST_DEPTH", "") == "full"


def examples(full: int, quick: int) -> int:
    """How many hypothesis examples a property test draws at this depth."""
    return full if FULL_DEPTH else quick


# The four municipalities and the region: every page is checked for each.
REGIONS = ["GM0114", "GM0109", "GM0118", "GM1681", "ZOD"]


@pytest.fixture(scope="session")
def snap():
    """The committed snapshot in data/ (read-only: tests must not change it)."""
    from indicators.snapshot import load_snapshot

    return load_snapshot(DATA)


@pytest.fixture(scope="session")
def scores(snap):
    """All scores of the committed snapshot (read-only)."""
    from indicators.scoring import compute

    return compute(snap.observations, snap.regions)


@pytest.fixture(scope="session")
def expected(snap, scores):
    """(snapshot, scores): what a page should show."""
    return snap, scores


DUTCH_MONTHS = (
    "januari februari maart april mei juni juli augustus september oktober november december"
).split()


def built_long(snap) -> str:
    """The snapshot's build date as the slides and factsheet write it: '1 december 2026'."""
    year, month, day = (int(x) for x in snap.manifest["built_at"][:10].split("-"))
    return f"{day} {DUTCH_MONTHS[month - 1]} {year}"


@pytest.fixture
def run_page():
    """``run_page("kaart", gemeente="GM0114")``: AppTest of app.py switched to that page, as a
    link opens it; ``run_page()`` runs app.py's default page (Overzicht)."""
    from streamlit.testing.v1 import AppTest

    def run(page: str | None = None, **params: str) -> AppTest:
        at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=60)
        for key, value in params.items():
            at.query_params[key] = value
        if page is None:
            return at.run()
        return at.switch_page(f"pages/{page}.py").run()

    return run


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
def _apptest_uses_st_navigation(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch):
    """Run AppTest as a served app runs once any session has called ``st.navigation``.

    AppTest resets Streamlit's "legacy pages/ folder" flag before every run, so each rerun
    would first execute the page file alone (see ``pages.shared.ensure_entrypoint``, which
    handles that case for a real server's first deep link). Switching to navigation after
    each reset lets every AppTest rerun go through app.py, like the browser does. Tests
    marked ``legacy_pages`` see Streamlit's own behaviour.
    """
    if request.node.get_closest_marker("legacy_pages"):
        return
    import streamlit.testing.v1.app_test as app_test
    from streamlit.runtime.pages_manager import PagesManager

    from pages.shared import use_navigation

    class NavigationPagesManager(PagesManager):
        def __init__(self, *args: object, **kwargs: object) -> None:
            super().__init__(*args, **kwargs)
            use_navigation()

    monkeypatch.setattr(app_test, "PagesManager", NavigationPagesManager)
