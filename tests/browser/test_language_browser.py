"""Switching to English on every page leaves no Dutch UI text behind, and the selections
(region, goal, the page itself) come through translated; the link then carries lang=en.

"Dutch UI text" is every run of three or more words from the Dutch side of the text catalogue
that the English side does not share. The same detector must find Dutch on the page before
the switch, so an empty page or a broken detector cannot pass."""

from __future__ import annotations

import re

import pytest

from benchmarks.harness import NAVIGATION
from indicators import catalog
from indicators.ui_text import TEXT, t
from tests.browser.conftest import ARTIFACTS, wait_for_app

pytestmark = pytest.mark.browser

PAGES = NAVIGATION  # every page of the navigation
PAGE_TITLE_KEYS = {
    "overzicht": "page_overview",
    "per_doel": "page_goal",
    "verkennen": "page_explore",
    "kaart": "page_map",
    "vergelijken": "page_compare",
    "downloads": "page_downloads",
    "methode": "page_method",
    "ambities": "page_ambitions",
    "presentatie": "page_presentation",
}


def dutch_fragments() -> set[str]:
    """Runs of at least three words of Dutch UI text that its English text does not contain."""
    found = set()
    for entry in TEXT.values():
        for part in re.split(r"\{[^}]*\}|[*_`#>\[\]()|\n]", entry["nl"]):
            part = part.strip(" .,:;·-–")
            if len(part.split()) >= 3 and part not in entry["en"]:
                found.add(part)
    return found


FRAGMENTS = dutch_fragments()


def shown_text(page) -> str:
    """What a reader sees: the page's text, the sidebar's, the chosen value of every select
    box (not part of the text), and the text drawn in charts."""
    return page.evaluate(
        "() => [document.body.innerText,"
        " ...Array.from(document.querySelectorAll('input')).map(e => e.value),"
        " ...Array.from(document.querySelectorAll('svg text')).map(e => e.textContent)]"
        ".join('\\n')"
    )


def dutch_on(page) -> list[str]:
    text = shown_text(page)
    return sorted(f for f in FRAGMENTS if f in text)


@pytest.mark.parametrize("path", PAGES)
def test_switching_to_english_translates_the_whole_page(app_url, browser, path):
    page = browser.new_page(viewport={"width": 1440, "height": 1400})
    page.goto(f"{app_url}/{path}?gemeente=ZOD&doel=2")
    wait_for_app(page)
    page.wait_for_timeout(1500)
    assert len(dutch_on(page)) >= 3  # the detector sees the Dutch page

    english = page.get_by_test_id("stSidebar").get_by_role("radio", name="EN", exact=True)
    try:
        english.click()
    except Exception:
        page.screenshot(path=str(ARTIFACTS / f"language-{path}-failed.png"))
        raise
    page.wait_for_url(re.compile(r"[?&]lang=en(&|$)"), timeout=30_000)
    page.get_by_role("heading", level=1).first.wait_for(timeout=30_000)
    wait_for_app(page)
    page.wait_for_timeout(2500)  # charts redraw after the run
    assert page.get_by_test_id("stException").count() == 0
    assert dutch_on(page) == []
    assert page.evaluate("document.documentElement.lang") == "en"
    # the selections, translated: the region, the page's name in the navigation and the tab
    region = page.get_by_test_id("stSidebar").get_by_role("combobox")
    assert region.input_value() == t("region_ZOD", "en")
    nav = page.get_by_test_id("stSidebarNav").inner_text().splitlines()
    assert t(PAGE_TITLE_KEYS[path], "en") in nav
    assert not {t(key, "nl") for key in PAGE_TITLE_KEYS.values()} - {
        t(key, "en") for key in PAGE_TITLE_KEYS.values()
    } & set(nav)
    assert "doel=2" in page.url
    if path == "per_doel":  # the goal chosen in Dutch stays chosen, named in English
        assert catalog.GOALS[2]["en"] in page.get_by_role("heading", level=1).first.inner_text()
    page.close()
