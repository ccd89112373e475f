"""The page Ambities in a real Chromium: load a target from a CSV, edit it in the table, see the
what-if change, download the CSV and load it again in a fresh session: the same rows come back.

The expected what-if sentence is computed here from the snapshot's z values (weight x 5/3 x
change in capped z), not read from the page's own code.
"""

from __future__ import annotations

import csv
import io

import numpy as np
import pytest

from indicators import scoring
from indicators.formatting import format_number
from indicators.regions import ZOD
from indicators.snapshot import load_snapshot
from tests.browser.conftest import ARTIFACTS, wait_for_app
from tests.conftest import DATA

pytestmark = pytest.mark.browser

INDICATOR = "net_labour_participation"  # goal 3, higher is better, % (0-100)
FIRST, EDITED = 72.0, 75.0
CSV = f"indicator,region,target,year,basis,note\n{INDICATOR},ZOD,{FIRST:g},2030,waarde,Agenda\n"


@pytest.fixture(scope="module")
def scores():
    snap = load_snapshot(DATA)
    return scoring.compute(snap.observations, snap.regions)


def expected_sentence_part(scores, target: float) -> str:
    """'gaat doel 3 van 4,5 naar 4,6 (plaats 285 → 279 van 337)', by hand."""
    latest = scores.latest
    part = latest[(latest.region == ZOD) & (latest.goal == 3)]
    row = part[part.indicator == INDICATOR].iloc[0]
    z_new = float(np.clip(row["d"] * (target - row["nl_value"]) / row["s"], -3, 3))
    weight = 1 / (part["subtheme"].nunique() * int((part["subtheme"] == row["subtheme"]).sum()))
    act = scores.actueel
    now = act[(act.region == ZOD) & (act.goal == 3)].iloc[0]
    after = float(now["score"]) + weight * 5 / 3 * (z_new - row["z"])
    others = act[(act.goal == 3) & act.region.isin(scores.municipalities)]["score"].dropna()
    rank = int((others > after).sum()) + 1
    return (
        f"gaat doel 3 van {format_number(now['score'], 1)} naar {format_number(after, 1)} "
        f"(plaats {int(now['rank'])} → {rank} van {int(now['n_ranked'])})"
    )


def open_page(browser, url: str):
    page = browser.new_page(
        locale="nl-NL", viewport={"width": 1440, "height": 2400}, accept_downloads=True
    )
    page.goto(url)
    wait_for_app(page)
    return page


def upload(page, name: str, data: bytes) -> None:
    page.locator("[data-testid='stFileUploader'] input[type=file]").set_input_files(
        {"name": name, "mimeType": "text/csv", "buffer": data}
    )
    page.get_by_text(f"{name}: 1 streefwaarde(n) toegevoegd").wait_for(timeout=30_000)
    wait_for_app(page)


def finding(page) -> str:
    locator = page.get_by_text("gaat doel 3 van")
    locator.wait_for(timeout=30_000)
    return locator.inner_text()


def table_cells(page) -> list[str]:
    """The editable table's cells as its accessible grid holds them (the first table)."""
    cells = page.get_by_test_id("stDataFrame").first.locator("td")
    cells.first.wait_for(state="attached", timeout=30_000)  # filled once the grid is drawn
    return [cells.nth(i).inner_text() for i in range(cells.count())]


def edit_cell(page, column: int, text: str) -> None:
    """Type ``text`` into the first row's cell in ``column`` of the editable table (a canvas:
    select the row's first cell, move right, open the cell's editor, fill it, commit)."""
    from playwright.sync_api import TimeoutError as PlaywrightTimeout

    editor = page.locator("input.gdg-input")
    for _attempt in range(3):
        grid = page.get_by_test_id("stDataFrame").first.locator("canvas").first.bounding_box()
        page.mouse.click(grid["x"] + 150, grid["y"] + 35 + 17)  # header 35 px, row 35 px
        page.wait_for_timeout(300)  # the grid takes the focus
        for _ in range(column):
            page.keyboard.press("ArrowRight")
        page.keyboard.press("Enter")  # open the cell's editor
        try:
            editor.wait_for(state="visible", timeout=5_000)
            break
        except PlaywrightTimeout:
            page.keyboard.press("Escape")
    editor.fill(text)
    editor.press("Enter")


def download_targets(page) -> bytes:
    button = page.get_by_test_id("stDownloadButton").filter(has_text="Streefwaarden (CSV)").first
    with page.expect_download() as info:
        button.click()
    assert info.value.suggested_filename.startswith("streefwaarden_brede-welvaart_")
    with open(info.value.path(), "rb") as handle:
        return handle.read()


def test_edit_a_target_see_the_what_if_change_and_round_trip_the_csv(app_url, browser, scores):
    page = open_page(browser, f"{app_url}/ambities?gemeente=ZOD")
    assert page.get_by_test_id("stException").count() == 0
    upload(page, "doelen.csv", CSV.encode())
    before = finding(page)
    assert expected_sentence_part(scores, FIRST) in before
    assert table_cells(page)[:4] == [INDICATOR, ZOD, f"{FIRST:g}", "2030"]

    # Edit the target in the table: the first row's third column (indicator, region, target).
    edit_cell(page, column=2, text=f"{EDITED:g}")
    expected = expected_sentence_part(scores, EDITED)
    page.get_by_text(expected, exact=False).wait_for(timeout=30_000)
    wait_for_app(page)
    assert expected in finding(page) and finding(page) != before
    assert table_cells(page)[:4] == [INDICATOR, ZOD, f"{EDITED:g}", "2030"]
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "page-ambities.png"))

    # Download: UTF-8 with BOM, the edited row.
    saved = download_targets(page)
    assert saved.startswith(b"\xef\xbb\xbf")
    rows = list(csv.DictReader(io.StringIO(saved.decode("utf-8-sig"))))
    assert len(rows) == 1 and float(rows[0].pop("target")) == EDITED
    assert rows == [
        {"indicator": INDICATOR, "region": ZOD, "year": "2030", "basis": "waarde", "note": "Agenda"}
    ]
    page.close()

    # A fresh session starts empty; loading the downloaded file brings the same rows back.
    page = open_page(browser, f"{app_url}/ambities?gemeente=ZOD")
    assert page.get_by_text("Nog geen geldige streefwaarden").count() == 1
    upload(page, "bewaard.csv", saved)
    assert expected in finding(page)
    assert table_cells(page)[:5] == [INDICATOR, ZOD, f"{EDITED:g}", "2030", "waarde"]
    assert download_targets(page) == saved
    assert page.get_by_test_id("stException").count() == 0
    page.close()


def test_a_bad_upload_names_its_rows_and_keeps_the_good_one(app_url, browser):
    page = open_page(browser, f"{app_url}/ambities?gemeente=GM0114")
    bad = CSV + "dist_gp,XX,1,2030,,\nsmoking,ZOD,=1+1,2030,,\n"
    upload(page, "fouten.csv", bad.encode())
    page.get_by_text("fouten.csv: 2 probleem/problemen").wait_for(timeout=30_000)
    text = page.get_by_test_id("stMain").inner_text()
    assert "Regel 3: onbekende regio 'XX'" in text
    assert "Regel 4: de cel in kolom target begint met '='" in text
    assert table_cells(page)[:2] == [INDICATOR, ZOD]
    assert page.get_by_test_id("stException").count() == 0
    page.close()
