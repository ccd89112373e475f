"""A real Streamlit server on a free loopback port and Debian's Chromium (Playwright).

Port, server start, Chromium arguments and the "run has finished" rule are shared with the
benchmarks (``benchmarks/harness.py``)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from benchmarks import harness
from tests.conftest import ROOT

ARTIFACTS = ROOT / "test-artifacts"
CHROMIUM_ARGS = harness.CHROMIUM_ARGS


@pytest.fixture(scope="session")
def app_url() -> Iterator[str]:
    """Start ``streamlit run app.py`` and wait until /_stcore/health answers ok."""
    log = ARTIFACTS / "streamlit-server.log"
    ARTIFACTS.mkdir(exist_ok=True)
    with log.open("w") as handle:
        try:
            server = harness.start(ROOT / "app.py", log=handle)
        except RuntimeError as exc:
            raise RuntimeError(f"{exc}; see {log}") from None
        try:
            yield server.url
        finally:
            server.stop()


@pytest.fixture(scope="session")
def browser():
    """Debian's Chromium driven by Playwright (its own browser download is not available)."""
    from playwright.sync_api import sync_playwright

    executable = harness.chromium_executable()
    if not Path(executable).exists():
        pytest.fail("Chromium not found: install Debian's chromium (.ci/run does)")
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=executable, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


def wait_for_app(page) -> None:
    """Streamlit's own readiness signals: connected, the page's title, script finished (see
    ``harness.wait_for_run``)."""
    harness.wait_for_run(page)
