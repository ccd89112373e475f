"""Every page in a real Chromium: loads without an exception, URL state works, a download
yields a CSV whose numbers match the snapshot; screenshots land in test-artifacts/."""

from __future__ import annotations

import csv
import io
import re

import pytest

from indicators import scoring
from indicators.snapshot import load_snapshot
from tests.browser.conftest import ARTIFACTS, wait_for_app
from tests.conftest import DATA

pytestmark = pytest.mark.browser

PAGES = ["overzicht", "per_doel", "verkennen", "kaart", "vergelijken", "downloads", "methode"]


def open_page(browser, url: str, height: int = 2600):
    page = browser.new_page(
        locale="nl-NL", viewport={"width": 1440, "height": height}, accept_downloads=True
    )
    page.goto(url)
    wait_for_app(page)
    return page


@pytest.mark.parametrize("path", PAGES)
def test_every_page_renders(app_url, browser, path):
    page = open_page(browser, f"{app_url}/{path}?gemeente=GM0114")
    page.wait_for_timeout(1500)  # let charts and maps draw before the screenshot
    assert page.get_by_test_id("stException").count() == 0
    assert page.get_by_role("dialog").count() == 0  # no "Page not found" box over it
    assert page.get_by_text("Emmen").count() > 0
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / f"page-{path}.png"))
    page.close()


def test_a_page_connects_without_probing_its_own_path_first(app_url, browser):
    """Streamlit's client probes ``/<page>/_stcore/health`` (404, then a 100 ms wait) unless
    the page tells it the app's address (pages/serving.py); on a load and on a reload."""
    page = browser.new_page(locale="nl-NL", viewport={"width": 1440, "height": 900})
    asked: list[str] = []
    page.on("request", lambda request: asked.append(request.url.removeprefix(app_url)))
    page.goto(f"{app_url}/methode?gemeente=GM0109")
    wait_for_app(page)
    page.reload()
    wait_for_app(page)
    assert page.get_by_test_id("stException").count() == 0
    assert page.get_by_role("heading", level=1).first.inner_text() == "Methode & bronnen"
    probes = [url for url in asked if "_stcore/health" in url]
    assert probes == ["/_stcore/health", "/_stcore/health"]
    assert page.get_by_test_id("stSidebar").get_by_role("combobox").input_value() == "Coevorden"
    page.close()


def test_a_link_to_overzicht_by_name_opens_it_with_its_parameters(app_url, browser):
    # Streamlit serves the default page at "/" only; /overzicht must not meet "Page not found"
    # (twice: a server's very first session runs differently)
    for _ in range(2):
        page = open_page(browser, f"{app_url}/overzicht?gemeente=GM1681&lang=en", height=900)
        page.wait_for_url(re.compile(r"/\?"), timeout=30_000)
        wait_for_app(page)
        page.wait_for_timeout(500)
        assert page.get_by_role("dialog").count() == 0
        assert "gemeente=GM1681" in page.url and "lang=en" in page.url
        select = page.get_by_test_id("stSidebar").get_by_role("combobox")
        assert select.input_value() == "Borger-Odoorn"
        assert page.get_by_role("heading", level=1).first.inner_text().startswith("Broad")
        page.close()


def test_link_preselects_hoogeveen(app_url, browser):
    page = open_page(browser, f"{app_url}/?gemeente=GM0118", height=900)
    select = page.get_by_test_id("stSidebar").get_by_role("combobox")
    assert select.input_value() == "Hoogeveen"
    page.close()


def test_junk_link_shows_the_friendly_note(app_url, browser):
    page = open_page(
        browser, f"{app_url}/?gemeente=%3Cscript%3Ex%3C%2Fscript%3E&jaar=abc", height=900
    )
    note = page.get_by_test_id("stAlert").first
    note.wait_for(timeout=10_000)
    assert "onbekend" in note.inner_text()
    assert page.get_by_test_id("stException").count() == 0
    assert page.locator("script:text('x')").count() == 0
    page.close()


def test_choosing_a_region_in_the_sidebar_updates_page_and_url(app_url, browser):
    page = open_page(browser, f"{app_url}/?gemeente=GM0114", height=900)
    page.get_by_test_id("stSidebar").get_by_role("combobox").click()
    page.get_by_role("option", name="Borger-Odoorn").click()
    page.wait_for_url("**gemeente=GM1681**", timeout=15_000)
    wait_for_app(page)
    page.get_by_text("Borger-Odoorn scoort").first.wait_for(timeout=15_000)
    page.close()


def test_chart_download_matches_the_snapshot(app_url, browser):
    snap = load_snapshot(DATA)
    scores = scoring.compute(snap.observations, snap.regions).actueel
    page = open_page(browser, f"{app_url}/?gemeente=GM0114")
    page.wait_for_selector("[data-testid='stVegaLiteChart'] svg.marks", timeout=60_000)
    button = page.get_by_test_id("stDownloadButton").first
    with page.expect_download() as info:
        button.click()
    download = info.value
    assert download.suggested_filename.endswith(".csv")
    raw = open(download.path(), "rb").read()
    assert raw.startswith(b"\xef\xbb\xbf")
    rows = list(csv.DictReader(io.StringIO(raw.decode("utf-8-sig"))))
    got = {(r["region"], int(r["goal"])): float(r["score"]) for r in rows}
    for (region, goal), value in got.items():
        expected = scores[(scores.region == region) & (scores.goal == goal)]["score"].iloc[0]
        assert value == pytest.approx(expected, abs=1e-9)
    assert ("GM0114", 1) in got and ("NL01", 3) in got and got[("NL01", 3)] == 5.0
    page.close()


def test_a_reader_in_dark_mode_gets_the_light_theme_the_charts_are_drawn_for(app_url, browser):
    page = browser.new_page(color_scheme="dark", viewport={"width": 1200, "height": 900})
    page.goto(f"{app_url}/overzicht")
    wait_for_app(page)
    background = page.evaluate(
        "getComputedStyle(document.querySelector(\"[data-testid='stApp']\")).backgroundColor"
    )
    assert background == "rgb(255, 255, 255)"
    page.close()


def test_kaart_fetches_its_boundaries_once_and_a_rerun_sends_no_map(app_url, browser):
    """The municipal, provincial and wijk boundaries come over HTTP from the app's static
    folder; choosing another municipality changes the finding above the map but not the map,
    so the rerun sends no map and fetches no geometry (the boundary file alone is 436 KB)."""
    page = browser.new_page(viewport={"width": 1440, "height": 900})
    fetched: list[str] = []
    page.on("response", lambda r: "/app/static/" in r.url and fetched.append(r.url))
    frames: list[int] = []
    page.on("websocket", lambda ws: ws.on("framereceived", lambda f: frames.append(len(f))))
    page.goto(f"{app_url}/kaart?gemeente=GM0114")
    wait_for_app(page)
    page.wait_for_function(
        "document.querySelectorAll(\"[data-testid='stVegaLiteChart'] svg.marks path\").length"
        " > 300",
        timeout=45_000,
    )
    page.wait_for_timeout(1000)
    names = {u.rsplit("/", 1)[1].split("-")[0] for u in fetched}
    assert names == {"gemeenten", "provincies", "wijken"}, fetched
    first_load, fetches = sum(frames), len(fetched)
    frames.clear()
    page.get_by_test_id("stSidebar").get_by_role("combobox").click()
    page.get_by_role("option", name="Hoogeveen").click()
    page.wait_for_url("**gemeente=GM0118**", timeout=15_000)
    wait_for_app(page)
    page.get_by_text("Hoogeveen ligt").first.wait_for(timeout=15_000)
    page.wait_for_timeout(500)
    rerun = sum(frames)
    assert 0 < rerun < 20_000 < first_load, (first_load, rerun)  # one map spec is 32 KB
    assert len(fetched) == fetches  # the rerun fetched no geometry again
    assert page.get_by_test_id("stException").count() == 0
    page.close()


def test_kaart_map_downloads_as_a_png(app_url, browser):
    """The map's image is drawn on the server when asked for (kaleido): a PNG of the map at
    twice its size, named after the map."""
    page = open_page(browser, f"{app_url}/kaart?gemeente=GM0114", height=1400)
    # the Nederland map's button by its key: the neighbourhood map below has one too, and a
    # first match by name alone clicked that one once, while the page was still drawing (CI)
    button = page.locator(".st-key-png_kaart_gemeenten").get_by_role(
        "button", name="Afbeelding (PNG)"
    )
    button.wait_for(timeout=30_000)
    with page.expect_download(timeout=90_000) as info:
        button.click()
    download = info.value
    assert re.fullmatch(
        r"brede-welvaart_kaart_[a-z0-9_-]+_nederland\.png", download.suggested_filename
    )
    data = open(download.path(), "rb").read()
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    width, height = int.from_bytes(data[16:20], "big"), int.from_bytes(data[20:24], "big")
    assert (width, height) == (2 * 760, 2 * 760)
    page.close()
