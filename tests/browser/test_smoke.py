"""The app in a real browser: it loads, shows the four municipalities, raises nothing."""

from __future__ import annotations

import pytest

from indicators.formatting import format_number
from indicators.snapshot import load_snapshot
from tests.browser.conftest import ARTIFACTS, wait_for_app
from tests.conftest import DATA

pytestmark = pytest.mark.browser


def test_overview_in_chromium(app_url, browser):
    page = browser.new_page(locale="nl-NL", viewport={"width": 1400, "height": 900})
    page.goto(app_url)
    wait_for_app(page)
    page.get_by_text("Borger-Odoorn").first.wait_for(timeout=30_000)
    assert page.get_by_test_id("stException").count() == 0
    obs = load_snapshot(DATA).observations
    pop = obs[(obs.indicator == "population") & (obs.region == "GM0114")]
    emmen = pop.sort_values("year")["value"].iloc[-1]
    page.get_by_text(format_number(emmen)).first.wait_for(timeout=10_000)
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "overzicht.png"), full_page=True)
    page.close()
