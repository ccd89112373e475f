"""Presentation and exports: the slide model, chart images (kaleido + Chromium), the .pptx deck,
the factsheet PDF, the CLI, the page (AppTest) and the no-Chromium path.

Image tests are few on purpose: each starts or uses a headless Chromium (1-4 s)."""

from __future__ import annotations

import io
import json
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET

import pytest
from PIL import Image, ImageStat
from pptx import Presentation
from pptx.enum.shapes import MSO_SHAPE_TYPE
from pypdf import PdfReader
from streamlit.testing.v1 import AppTest

from indicators import cli, exports, scoring
from indicators.formatting import format_number
from indicators.presentation import (
    build_slides,
    contributions,
    default_drivers,
    long_date,
    source_rows,
    wrap,
)
from indicators.snapshot import load_snapshot
from tests.conftest import DATA, ROOT

REGIONS = ["GM0114", "GM0109", "GM0118", "GM1681", "ZOD"]
NAMES = {
    "GM0114": "Emmen",
    "GM0109": "Coevorden",
    "GM0118": "Hoogeveen",
    "GM1681": "Borger-Odoorn",
    "ZOD": "Zuid- en Oost-Drenthe",
}
SLUGS = {
    "GM0114": "emmen",
    "GM0109": "coevorden",
    "GM0118": "hoogeveen",
    "GM1681": "borger-odoorn",
    "ZOD": "zuid-en-oost-drenthe",
}
GOAL_NAMES = {1: "Veilige", 2: "Duurzaam", 3: "Gezonde"}  # first word of each goal
needs_images = pytest.mark.skipif(
    not exports.images_available()[0], reason="no Chromium/kaleido for chart images"
)


@pytest.fixture(scope="module")
def snap():
    return load_snapshot(DATA)


@pytest.fixture(scope="module")
def scores(snap):
    return scoring.compute(snap.observations, snap.regions)


@pytest.fixture(scope="module")
def date(snap) -> str:
    return snap.manifest["built_at"][:10]


def actueel(scores, region: str, goal: int) -> float:
    rows = scores.actueel[(scores.actueel.region == region) & (scores.actueel.goal == goal)]
    return float(rows["score"].iloc[0])


def pdf_text(path_or_bytes) -> str:
    """pdftotext -layout where poppler is installed, else pypdf's extraction."""
    data = path_or_bytes if isinstance(path_or_bytes, bytes) else path_or_bytes.read_bytes()
    if shutil.which("pdftotext"):
        result = subprocess.run(
            ["pdftotext", "-layout", "-", "-"], input=data, capture_output=True, check=True
        )
        return result.stdout.decode("utf-8")
    return "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(data)).pages)


# --- the slide model (pure) -----------------------------------------------------------------


def test_small_helpers():
    assert long_date("2026-11-29") == "29 november 2026"
    assert long_date("2026-07-01", "en") == "1 July 2026"
    assert long_date("") == "–"
    assert wrap("een twee drie vier", 9) == "een twee<br>drie vier"
    assert wrap("45\u00a0% van", 4) == "45\u00a0%<br>van"  # a number keeps its unit


@pytest.mark.parametrize("region", ["GM0114", "ZOD"])
def test_contributions_add_up_to_the_goal_score(scores, region):
    # score = 5 + 5/3 * mean of sub-theme means of z; the points are that split per indicator.
    for goal in (1, 2, 3):
        points = contributions(scores, region, goal)["points"].sum()
        assert points == pytest.approx(actueel(scores, region, goal) - 5, abs=1e-9)


def test_contribution_of_one_indicator_by_hand(scores):
    # Goal 3 for Emmen, WW-uitkeringen: the weight recomputed from the latest rows themselves,
    # 5/3 * z / (n sub-themes * n indicators in its sub-theme).
    latest = scores.latest[(scores.latest.region == "GM0114") & (scores.latest.goal == 3)]
    row = latest[latest.indicator == "unemployment_benefits_per_1000"].iloc[0]
    n_sub = latest["subtheme"].nunique()
    in_sub = int((latest["subtheme"] == row["subtheme"]).sum())
    expected = 5 / 3 * row["z"] / (n_sub * in_sub)
    frame = contributions(scores, "GM0114", 3).set_index("indicator")
    assert frame.loc["unemployment_benefits_per_1000", "points"] == pytest.approx(expected)


def test_default_drivers_are_the_largest_contributions(scores):
    drivers = default_drivers(scores, "GM0114")
    for goal, ids in drivers.items():
        frame = contributions(scores, "GM0114", goal)
        assert 1 <= len(ids) <= 3
        largest = frame["points"].abs().nlargest(len(ids))
        assert sorted(frame.set_index("indicator").loc[ids, "points"].abs()) == sorted(largest)


def test_sources_group_the_kwb_tables(snap):
    rows = source_rows(snap)
    kwb = rows[rows["title"].str.startswith("Kerncijfers wijken en buurten")]
    assert len(kwb) == 1
    for table in ("84799NED", "85984NED", "86165NED"):
        assert table in kwb["tables"].iloc[0]
    assert rows["tables"].str.contains("70072NED").sum() == 1
    assert (rows["licence"] == "CC BY 4.0").sum() == len(rows) - 1  # all but the boundaries


def test_build_slides_has_the_six_slides_with_findings(snap, scores):
    slides = build_slides(snap, scores, "GM0114")
    assert [s.kind for s in slides] == ["title", "overview", "goal", "goal", "goal", "sources"]
    for slide in slides:
        assert slide.title and slide.finding and slide.source.startswith(("Bron", "Cijfers"))
        assert slide.charts and all(c.title and c.alt and c.source for c in slide.charts)
    for goal, slide in zip((1, 2, 3), slides[2:5], strict=True):
        assert slide.goal == goal
        assert format_number(actueel(scores, "GM0114", goal), 1) in slide.finding
        assert "Emmen" in slide.finding
    assert "29 november 2026" in slides[0].finding
    assert "CC BY 4.0" in slides[-1].charts[0].title


def test_presenter_choice_of_indicators_is_respected(snap, scores):
    chosen = {1: ["crime_per_1000"], 2: [], 3: ["jobs_per_1000", "not_an_indicator"]}
    slides = build_slides(snap, scores, "GM0118", chosen)
    drivers = [s.charts[1].data["indicator"].tolist() for s in slides[2:5]]
    assert drivers == [["crime_per_1000"], [], ["jobs_per_1000"]]
    assert "Hoogeveen" in slides[4].charts[1].title  # the finding names the focus


def test_locator_title_is_the_population_share(snap, scores):
    obs = snap.observations
    pop = obs[obs.indicator == "population"]
    year = int(pop[pop.region == "PV22"]["year"].max())
    four = pop[(pop.year == year) & pop.region.isin(["GM0114", "GM0109", "GM0118", "GM1681"])]
    drenthe = pop[(pop.year == year) & (pop.region == "PV22")]["value"].iloc[0]
    share = format_number(100 * four["value"].sum() / drenthe)
    chart = build_slides(snap, scores, "ZOD")[0].charts[0]
    assert f"{share}\u00a0%" in chart.title


# --- images (kaleido + Chromium) ------------------------------------------------------------


@pytest.fixture(scope="module")
def one_browser():
    """One Chromium for all image tests of this module."""
    with exports.image_session():
        yield


@needs_images
def test_png_has_the_requested_size_and_is_not_blank(snap, scores, one_browser):
    chart = build_slides(snap, scores, "GM0114")[1].charts[0]
    png = exports.chart_png(chart, width=1920, height=1080)
    assert png[:8] == b"\x89PNG\r\n\x1a\n"
    image = Image.open(io.BytesIO(png))
    assert image.size == (1920, 1080)
    assert max(ImageStat.Stat(image.convert("L")).var) > 100  # text and bars, not a blank page


@needs_images
def test_svg_parses_and_carries_the_title(snap, scores, one_browser):
    chart = build_slides(snap, scores, "GM1681")[2].charts[0]
    root = ET.fromstring(exports.chart_svg(chart))
    assert root.tag.endswith("svg")
    texts = " ".join("".join(e.itertext()) for e in root.iter() if e.tag.endswith("text"))
    assert "Borger-Odoorn" in texts and "Nederland" in texts


def test_no_chromium_hides_images_and_says_why(monkeypatch, snap, scores):
    monkeypatch.setenv("BROWSER_PATH", "/nonexistent/chromium")
    ok, reason = exports.images_available()
    assert not ok and "BROWSER_PATH" in reason
    chart = build_slides(snap, scores, "GM0114")[1].charts[0]
    with pytest.raises(exports.ImagesUnavailable):
        exports.chart_png(chart)
    monkeypatch.setitem(sys.modules, "kaleido", None)  # as if kaleido were not installed
    ok, reason = exports.images_available()
    assert not ok and "kaleido" in reason


def test_deck_structure_with_given_images(snap, scores):
    """The deck's layout, without a browser: one native slide per slide with title, a picture
    per chart, the finding, the source line and speaker notes."""
    slides = build_slides(snap, scores, "GM0109")
    buffer = io.BytesIO()
    Image.new("RGB", (32, 18), "white").save(buffer, format="PNG")
    images = [[buffer.getvalue()] * len(s.charts) for s in slides]
    deck = Presentation(io.BytesIO(exports.slide_deck(slides, images)))
    assert deck.slide_width * 9 == deck.slide_height * 16  # 16:9
    check_deck(deck, slides)


def check_deck(deck, slides) -> None:
    assert len(deck.slides) == len(slides)
    for page, slide in zip(deck.slides, slides, strict=True):
        assert page.shapes.title.text == slide.title
        pictures = [s for s in page.shapes if s.shape_type == MSO_SHAPE_TYPE.PICTURE]
        assert len(pictures) == len(slide.charts)
        texts = [s.text_frame.text for s in page.shapes if s.has_text_frame]
        assert slide.finding in texts
        assert any(text.startswith(("Bron: CBS", "Cijfers: CBS")) for text in texts)
        assert page.notes_slide.notes_text_frame.text == slide.notes


# --- factsheet ------------------------------------------------------------------------------


@pytest.mark.parametrize("region", REGIONS)
def test_factsheet_pdf_has_name_and_scores(snap, scores, region):
    pdf = exports.factsheet_pdf(snap, scores, region)
    assert 1 <= len(PdfReader(io.BytesIO(pdf)).pages) <= 2  # A4, one or two pages
    page = PdfReader(io.BytesIO(pdf)).pages[0]
    assert (round(float(page.mediabox.width)), round(float(page.mediabox.height))) == (595, 842)
    text = pdf_text(pdf)
    assert NAMES[region] in text
    lines = text.splitlines()
    for goal, words in GOAL_NAMES.items():
        score = format_number(actueel(scores, region, goal), 1)  # as the app's goal cards show
        # the score stands in the goal's table row (its first lines: names may wrap)
        start = next(i for i, line in enumerate(lines) if f"{goal}. {words}" in line)
        row = lines[start : start + 3]
        assert any(score in line.split() for line in row), (goal, score, row)
    assert "29 november 2026" in text and "CC BY 4.0" in text


def test_factsheet_lists_the_bottom_quarter(snap, scores):
    latest = scores.latest[scores.latest.region == "GM1681"]
    bottom = latest[latest.quartile == "onderste kwart"]
    text = pdf_text(exports.factsheet_pdf(snap, scores, "GM1681"))
    assert "onderste kwart" in text
    # e.g. 'Afstand tot zwembad' with Borger-Odoorn's own value
    row = bottom[bottom.indicator == "dist_pool"].iloc[0]
    line = next(line for line in text.splitlines() if "Afstand tot zwembad" in line)
    assert format_number(row["value"], 1) in line and str(int(row["year"])) in line


# --- CLI ------------------------------------------------------------------------------------


def test_cli_writes_all_factsheets_with_self_explaining_names(tmp_path, date, capsys):
    assert cli.main(["export", "--factsheet", "all", "--out", str(tmp_path)]) == 0
    names = sorted(p.name for p in tmp_path.iterdir())
    assert names == sorted(f"factsheet_brede-welvaart_{SLUGS[r]}_{date}.pdf" for r in REGIONS)
    assert "Exported" in capsys.readouterr().out


def test_cli_one_factsheet_lowercase_code(tmp_path, date):
    assert cli.main(["export", "--factsheet", "gm0114", "--out", str(tmp_path)]) == 0
    path = tmp_path / f"factsheet_brede-welvaart_emmen_{date}.pdf"
    assert "Emmen" in pdf_text(path)


def test_cli_unknown_code_is_a_clear_error(tmp_path, capsys):
    assert cli.main(["export", "--factsheet", "GM9999", "--out", str(tmp_path)]) == 2
    err = capsys.readouterr().err
    assert "GM9999" in err and "Traceback" not in err
    assert not any(tmp_path.iterdir())


def test_cli_without_chromium_fails_cleanly(tmp_path):
    env = {"PATH": "/usr/bin:/bin", "BROWSER_PATH": str(tmp_path / "no-chromium")}
    result = subprocess.run(
        [sys.executable, "-m", "indicators", "export", "--slides", "--out", str(tmp_path)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
        env=env,
    )
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert "chromium" in result.stderr.lower() and "BROWSER_PATH" in result.stderr


@needs_images
def test_cli_slides_write_the_deck(tmp_path, snap, scores, date, one_browser):
    assert cli.main(["export", "--slides", "--focus", "GM0114", "--out", str(tmp_path)]) == 0
    path = tmp_path / f"presentatie_brede-welvaart-zod_focus-emmen_{date}.pptx"
    deck = Presentation(str(path))
    check_deck(deck, build_slides(snap, scores, "GM0114"))
    picture = next(s for s in deck.slides[1].shapes if s.shape_type == MSO_SHAPE_TYPE.PICTURE)
    assert Image.open(io.BytesIO(picture.image.blob)).width >= 1920  # sharp on a projector


# --- the page (AppTest) ---------------------------------------------------------------------

page_registered = pytest.mark.skipif(
    "pages/presentatie.py" not in (ROOT / "app.py").read_text(encoding="utf-8"),
    reason="app.py does not register pages/presentatie.py yet",
)


def run_page(**params: str) -> AppTest:
    """The page as a link opens it: app.py (frame, URL state) and then this page."""
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=60)
    for key, value in params.items():
        at.query_params[key] = value
    return at.switch_page("pages/presentatie.py").run()


def markdown_text(at: AppTest) -> str:
    return "\n".join(str(m.value) for m in at.markdown)


@page_registered
@pytest.mark.parametrize("region", REGIONS)
def test_page_shows_the_goal_slide_of_each_region(scores, region):
    at = run_page(gemeente=region, dia="5")
    assert not at.exception
    assert at.title[0].value.startswith("Doel 3")
    shown = format_number(actueel(scores, region, 3), 1).replace(",", "\\,")
    finding = markdown_text(at)
    assert shown in finding or shown.replace("\\", "") in finding
    spec = json.loads(at.get("plotly_chart")[0].proto.spec)
    scores_shown = [v for v in spec["data"][0]["text"] if v[0].isdigit()]
    assert format_number(actueel(scores, region, 3), 1) in scores_shown
    assert "Dia 5 / 6" in finding


@page_registered
def test_page_bad_slide_number_gives_the_first_slide_and_a_note():
    at = run_page(gemeente="GM0114", dia="<b>99</b>")
    assert not at.exception
    assert at.title[0].value == "Brede welvaart Zuid- en Oost-Drenthe"
    assert any("bestaat niet" in str(note.value) for note in at.info)
    at = run_page(gemeente="GM0114", dia="7")
    assert any("bestaat niet" in str(note.value) for note in at.info)


@page_registered
def test_page_next_and_previous(scores):
    at = run_page(gemeente="GM0118", dia="2")
    at.button(key="presentatie_next").click().run()
    assert at.query_params["dia"] == ["3"] or at.query_params["dia"] == "3"
    assert at.title[0].value.startswith("Doel 1")
    at.button(key="presentatie_previous").click().run()
    at.button(key="presentatie_previous").click().run()
    assert at.title[0].value.startswith("Brede welvaart")
    assert at.button(key="presentatie_previous").disabled


@page_registered
def test_page_without_chromium_hides_image_downloads(monkeypatch):
    monkeypatch.setenv("BROWSER_PATH", "/nonexistent/chromium")
    at = run_page(gemeente="ZOD", dia="2")
    assert not at.exception
    labels = [b.label for b in at.get("download_button")] if at.get("download_button") else []
    assert not any("PNG" in str(label) or ".pptx" in str(label) for label in labels)
    assert any("niet beschikbaar" in str(c.value) for c in at.caption)


@page_registered
def test_page_indicator_choice_goes_into_the_link(scores):
    at = run_page(gemeente="GM0114", dia="3")
    at.multiselect(key="presentatie_indicatoren").set_value(["crime_per_1000"]).run()
    assert not at.exception
    assert "crime_per_1000" in str(at.query_params["indicatoren"])
    spec = json.loads(at.get("plotly_chart")[1].proto.spec)
    assert "Geregistreerde misdrijven" in " ".join(spec["data"][0]["y"])
    at = run_page(gemeente="GM0114", dia="3", indicatoren="crime_per_1000,<script>")
    assert any("Onbekende indicatoren" in str(note.value) for note in at.info)
