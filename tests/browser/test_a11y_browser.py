"""Every page, in both languages, passes axe-core's WCAG 2.2 A/AA rules in a real Chromium:
contrast, names of controls and chart marks, a language on the document, keyboard access to
scrolling tables. axe-core is the engine browsers' own audits use; its rules are its own,
so this test cannot be satisfied by how the app describes itself."""

from __future__ import annotations

import contextlib

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import TimeoutError as PlaywrightTimeout

from benchmarks import harness
from tests.browser.conftest import ARTIFACTS, wait_for_app

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
    # A follow-up run (the presentation's screen size) fades the old elements until it ends:
    # scan the page at rest, not half-faded text (axe would report its contrast).
    harness.wait_for_settled(page)
    # The document script sets the language once Streamlit has drawn its block; on a loaded
    # machine that lags: wait for it (15 s), then check.
    with contextlib.suppress(PlaywrightTimeout):
        page.wait_for_function("l => document.documentElement.lang === l", arg=lang, timeout=15_000)
    assert page.evaluate("document.documentElement.lang") == lang
    results = Axe().run(page, options={"runOnly": {"type": "tag", "values": WCAG_AA}})
    violations = results.response["violations"]
    # the scan ran over the page: axe found rules that passed, not an empty document
    assert results.response["passes"], "axe checked nothing"
    assert not violations, described(violations)
    page.close()


# What a screen reader hears for each chart: the figure's name (the chart's title) and its
# description (the text alternative under it). axe does not ask this of a plotly chart.
CHART_NAMES = """() => [...document.querySelectorAll(
    '[data-testid="stPlotlyChart"], [data-testid="stVegaLiteChart"]')].map(chart => {
  const figure = chart.closest('[role="figure"]');
  const description = figure && document.getElementById(figure.getAttribute("aria-describedby"));
  return {
    name: figure ? figure.getAttribute("aria-label") : null,
    description: description ? description.textContent : null,
    title: chart.querySelector(".gtitle") ? chart.querySelector(".gtitle").textContent : null,
  };
})"""

# For a failure's report: around each chart, what the naming script looks for (its element
# container and the caption that should follow it).
NEIGHBOURS = """() => [...document.querySelectorAll(
    '[data-testid="stPlotlyChart"], [data-testid="stVegaLiteChart"]')].map(chart => {
  const box = chart.closest('[data-testid="stElementContainer"]');
  const next = box && box.nextElementSibling;
  return {
    box: box ? [...box.attributes].map(a => `${a.name}=${a.value.slice(0, 40)}`).join(" ") : null,
    next: next ? next.outerHTML.slice(0, 240) : null,
    svg: !!chart.querySelector("svg"),
  };
})"""

CHART_PAGES = {
    "overzicht": 2,
    "per_doel": 2,
    "verkennen": 3,
    "kaart": 1,
    "kaart?zoom=wijk": 2,
    "vergelijken": 1,
    "presentatie?modus=presentatie&dia=3": 2,
}


@pytest.mark.parametrize("path", sorted(CHART_PAGES))
def test_every_chart_has_a_name_and_a_description(app_url, browser, path):
    page = browser.new_page(viewport={"width": 1440, "height": 900})
    sep = "&" if "?" in path else "?"
    page.goto(f"{app_url}/{path}{sep}gemeente=GM0114")
    wait_for_app(page)
    # plotly's code loads lazily: wait (up to 45 s on a busy machine) until the charts are drawn
    page.wait_for_function(
        'n => [...document.querySelectorAll(\'[data-testid="stPlotlyChart"],'
        " [data-testid=\"stVegaLiteChart\"]')].filter(c => c.querySelector('svg')).length >= n",
        arg=CHART_PAGES[path],
        timeout=45_000,
    )
    harness.wait_for_settled(page)  # a follow-up run redraws the charts it faded
    # The document script names each chart after Streamlit has drawn it; on a loaded machine
    # that lags: wait for the names (15 s), then check what is there.
    with contextlib.suppress(PlaywrightTimeout):
        page.wait_for_function(f"() => ({CHART_NAMES})().every(c => c.name)", timeout=15_000)
    charts = page.evaluate(CHART_NAMES)
    if not all(chart["name"] for chart in charts):  # keep what the page showed, for the report
        stem = ARTIFACTS / f"unnamed-chart-{path.replace('?', '_').replace('&', '_')}"
        page.screenshot(path=f"{stem}.png", full_page=True)
        stem.with_suffix(".html").write_text(page.content())
    assert len(charts) >= CHART_PAGES[path], charts
    for chart in charts:
        assert chart["name"] and len(chart["name"]) > 10, (chart, page.evaluate(NEIGHBOURS))
        assert chart["description"] and len(chart["description"]) > 40, chart
        assert chart["description"] != chart["name"], chart
        if chart["title"]:  # the name is the title the eye reads
            assert chart["name"].split()[0] in chart["title"], chart
    page.close()


FOCUSED = """() => {
  const el = document.activeElement;
  const style = getComputedStyle(el);
  return {
    inNavigation: !!el.closest('[data-testid="stSidebarNav"]'),
    text: el.textContent.trim(),
    width: parseFloat(style.outlineWidth),
    outline: style.outlineStyle,
  };
}"""


def test_the_keyboard_focus_is_visible_in_the_navigation(app_url, browser):
    page = browser.new_page(viewport={"width": 1440, "height": 900})
    page.goto(f"{app_url}/?gemeente=GM0114")
    wait_for_app(page)
    # Tests share one browser: this page takes the window's focus before it is tabbed through.
    page.bring_to_front()
    for _ in range(15):
        page.keyboard.press("Tab")
        focused = page.evaluate(FOCUSED)
        if focused["inNavigation"]:
            break
    assert focused["inNavigation"], "Tab never reached the navigation"
    # The ring is drawn once the browser has restyled the focused link: poll for it (fails
    # after 5 s with what was seen) instead of reading the style once.
    try:
        page.wait_for_function(
            f"() => {{ const f = ({FOCUSED})(); return f.outline === 'solid' && f.width >= 2; }}",
            timeout=5_000,
        )
    except PlaywrightTimeout:
        focused = page.evaluate(FOCUSED)
        raise AssertionError(f"no visible focus ring on the focused link: {focused}") from None
    page.close()
