"""Several people opening links at once on a freshly started server: every page is drawn
inside app.py's frame, none shows an error (the first sessions once raced on Streamlit's
server-wide legacy-pages flag and one got "st.session_state has no key 'view_state'")."""

from __future__ import annotations

import pytest

from benchmarks import harness
from tests.browser.conftest import ARTIFACTS, wait_for_app
from tests.conftest import ROOT

pytestmark = pytest.mark.browser

PAGES = ("kaart", "vergelijken", "presentatie", "per_doel")


def test_first_sessions_at_once_on_a_fresh_server_all_get_their_page(browser):
    ARTIFACTS.mkdir(exist_ok=True)
    with (ARTIFACTS / "streamlit-startup.log").open("w") as log:
        server = harness.start(ROOT / "app.py", log=log)
        try:
            contexts = [browser.new_context() for _ in PAGES]
            pages = [context.new_page() for context in contexts]
            for page, name in zip(pages, PAGES, strict=True):  # all before any finishes
                page.goto(f"{server.url}/{name}?gemeente=GM0118", wait_until="commit")
            for page in pages:
                wait_for_app(page)
                assert page.locator("[data-testid='stException']").count() == 0
                # React may draw the sidebar a moment after the run's state settles: wait for
                # it (fails after 30 s), rather than count once.
                sidebar_select = "[data-testid='stSidebar'] [data-testid='stSelectbox']"
                page.locator(sidebar_select).first.wait_for(state="visible", timeout=30_000)
            for context in contexts:
                context.close()
        finally:
            server.stop()
    text = (ARTIFACTS / "streamlit-startup.log").read_text()
    assert "KeyError" not in text and "Traceback" not in text, text[-2000:]
