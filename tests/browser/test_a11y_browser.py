"""Every page, in both languages, passes axe-core's WCAG 2.2 A/AA rules in a real Chromium:
contrast, names of controls and chart marks, a language on the document, keyboard access to
scrolling tables. axe-core is the engine browsers' own audits use; its rules are its own,
so this test cannot be satisfied by how the app describes itself."""

from __future__ import annotations

import pytest
from axe_playwright_python.sync_playwright import Axe

from tests.browser.conftest import wait_for_app

pytestmark = pytest.mark.browser

PAGES = [
    "overzicht",
    "per_doel",
    "verkennen",
    "kaart",
    "kaart?zoom=wijk",
    "vergelijken",
    "downloads",
    "methode",
    "ambities",
    "presentatie",
    "presentatie?modus=presentatie&dia=3",
]
WCAG_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]


def described(violations: list[dict]) -> str:
    """axe's findings in a line each: the rule, its help text and where it failed."""
    return "\n".join(
        f"{v['id']} ({v['impact']}): {v['help']} at {[n['target'] for n in v['nodes'][:3]]}"
        for v in violations
    )


@pytest.mark.parametrize("lang", ["nl", "en"])
@pytest.mark.parametrize("path", PAGES)
def test_page_has_no_wcag_violations(app_url, browser, path, lang):
    page = browser.new_page(viewport={"width": 1440, "height": 900})
    sep = "&" if "?" in path else "?"
    page.goto(f"{app_url}/{path}{sep}gemeente=GM0114&lang={lang}")
    wait_for_app(page)
    page.wait_for_timeout(2000)  # charts and maps draw after the script run
    assert page.evaluate("document.documentElement.lang") == lang
    results = Axe().run(page, options={"runOnly": {"type": "tag", "values": WCAG_AA}})
    violations = results.response["violations"]
    # the scan ran over the page: axe found rules that passed, not an empty document
    assert results.response["passes"], "axe checked nothing"
    assert not violations, described(violations)
    page.close()
