"""Presentation mode in a real Chromium at projector size: every slide renders without an
exception or a sidebar, Volgende/Vorige walk through all slides (the URL follows), the type is
large enough, and a screenshot of each slide lands in test-artifacts/slide-<n>.png."""

from __future__ import annotations

import re

import pytest

from tests.browser.conftest import ARTIFACTS, wait_for_app
from tests.conftest import ROOT

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(
        "pages/presentatie.py" not in (ROOT / "app.py").read_text(encoding="utf-8"),
        reason="app.py does not register pages/presentatie.py yet",
    ),
]

SLIDES = 6


def open_presentation(browser, url: str):
    page = browser.new_page(locale="nl-NL", viewport={"width": 1920, "height": 1080})
    page.goto(url)
    wait_for_app(page)
    return page


def wait_for_slide(page, number: int) -> None:
    page.wait_for_url(re.compile(rf"[?&]dia={number}(&|$)"), timeout=45_000)
    page.get_by_text(f"Dia {number} / {SLIDES}", exact=True).wait_for(timeout=45_000)
    wait_for_app(page)
    page.wait_for_timeout(800)  # let the charts draw before the screenshot


def font_px(page, selector: str) -> float:
    return float(
        page.evaluate(
            f"parseFloat(getComputedStyle(document.querySelector({selector!r})).fontSize)"
        )
    )


def test_every_slide_forward_and_back(app_url, browser):
    page = open_presentation(browser, f"{app_url}/presentatie?modus=presentatie&gemeente=GM0114")
    page.get_by_text(f"Dia 1 / {SLIDES}", exact=True).wait_for(timeout=45_000)
    page.wait_for_timeout(800)
    ARTIFACTS.mkdir(exist_ok=True)
    titles = []
    for number in range(1, SLIDES + 1):
        if number > 1:
            page.get_by_role("button", name="Volgende").click()
            wait_for_slide(page, number)
        assert page.get_by_test_id("stException").count() == 0
        assert page.get_by_test_id("stSidebar").count() == 0
        # Streamlit loads its plotly component lazily: the element exists once its chunk ran
        page.locator("[data-testid='stPlotlyChart'] .main-svg").first.wait_for(timeout=45_000)
        # the finding is body text for the back of the room: at least 24 px
        assert font_px(page, "[data-testid='stMarkdownContainer'] h3") >= 24
        titles.append(page.locator("h1").first.inner_text())
        page.screenshot(path=str(ARTIFACTS / f"slide-{number}.png"))
    assert page.get_by_role("button", name="Volgende").is_disabled()
    assert len(set(titles)) == SLIDES
    assert titles[2].startswith("Doel 1") and titles[4].startswith("Doel 3")
    for number in range(SLIDES - 1, 0, -1):
        page.get_by_role("button", name="Vorige").click()
        wait_for_slide(page, number)
        assert page.locator("h1").first.inner_text() == titles[number - 1]
    assert page.get_by_role("button", name="Vorige").is_disabled()
    page.close()


def test_a_link_opens_its_slide_and_junk_gives_the_first(app_url, browser):
    page = open_presentation(
        browser, f"{app_url}/presentatie?modus=presentatie&gemeente=GM1681&dia=4"
    )
    page.get_by_text(f"Dia 4 / {SLIDES}", exact=True).wait_for(timeout=45_000)
    assert page.locator("h1").first.inner_text().startswith("Doel 2")
    assert page.get_by_text("Borger-Odoorn scoort").count() > 0
    page.close()
    page = open_presentation(browser, f"{app_url}/presentatie?modus=presentatie&dia=%3Cb%3E9")
    page.get_by_text(f"Dia 1 / {SLIDES}", exact=True).wait_for(timeout=45_000)
    assert "bestaat niet" in page.get_by_test_id("stAlert").first.inner_text()
    assert page.locator("b:text('9')").count() == 0
    page.close()
