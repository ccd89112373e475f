"""Exports: chart images (kaleido + Chromium), the .pptx deck, the factsheet PDF and the
CLI, including the no-Chromium path.

Image tests are few on purpose: each starts or uses a headless Chromium (1-4 s)."""

from __future__ import annotations

import io
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET

import pytest
from PIL import Image, ImageChops, ImageStat
from pptx import Presentation
from pptx.enum.shapes import MSO_SHAPE_TYPE
from pypdf import PdfReader

from indicators import catalog, cli
from indicators.exports import deck, factsheet, images
from indicators.formatting import format_number
from indicators.views.presentatie import build_slides
from tests.conftest import REGIONS, ROOT, built_long

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
    not images.images_available()[0], reason="no Chromium/kaleido for chart images"
)


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


@pytest.fixture(scope="module")
def one_browser():
    """One Chromium for all image tests of this module."""
    with images.image_session():
        yield


@needs_images
def test_png_has_the_requested_size_and_is_not_blank(snap, scores, one_browser):
    chart = build_slides(snap, scores, "GM0114")[1].charts[0]
    png = images.chart_png(chart, width=1920, height=1080)
    assert png[:8] == b"\x89PNG\r\n\x1a\n"
    image = Image.open(io.BytesIO(png))
    assert image.size == (1920, 1080)
    assert max(ImageStat.Stat(image.convert("L")).var) > 100  # text and bars, not a blank page


@needs_images
def test_svg_parses_and_carries_the_title(snap, scores, one_browser):
    chart = build_slides(snap, scores, "GM1681")[2].charts[0]
    root = ET.fromstring(images.chart_svg(chart))
    assert root.tag.endswith("svg")
    texts = " ".join("".join(e.itertext()) for e in root.iter() if e.tag.endswith("text"))
    assert "Borger-Odoorn" in texts and "Nederland" in texts


@needs_images
def test_a_chart_as_the_view_cache_keeps_it_draws_the_same_png(snap, scores, one_browser):
    """The view cache keeps plotly figures only as their dicts (pages.shared.served_view);
    the deck and the image downloads draw from those."""
    from pages.shared import served_view

    full = build_slides(snap, scores, "GM0109")[1].charts[0]
    served = served_view(build_slides(snap, scores, "GM0109"))[1].charts[0]
    assert type(served.figure) is not type(full.figure)
    drawn = [Image.open(io.BytesIO(images.chart_png(c, 960, 540))) for c in (full, served)]
    assert drawn[0].size == drawn[1].size == (960, 540)
    assert ImageChops.difference(drawn[0].convert("RGB"), drawn[1].convert("RGB")).getbbox() is None


def test_no_chromium_hides_images_and_says_why(monkeypatch, snap, scores):
    monkeypatch.setenv("BROWSER_PATH", "/nonexistent/chromium")
    ok, reason = images.images_available()
    assert not ok and "BROWSER_PATH" in reason
    chart = build_slides(snap, scores, "GM0114")[1].charts[0]
    with pytest.raises(images.ImagesUnavailable):
        images.chart_png(chart)
    monkeypatch.setitem(sys.modules, "kaleido", None)  # as if kaleido were not installed
    ok, reason = images.images_available()
    assert not ok and "kaleido" in reason


def test_deck_structure_with_given_images(snap, scores):
    """The deck's layout, without a browser: one native slide per slide with title, a picture
    per chart, the finding, the source line and speaker notes."""
    slides = build_slides(snap, scores, "GM0109")
    buffer = io.BytesIO()
    Image.new("RGB", (32, 18), "white").save(buffer, format="PNG")
    pictures = [[buffer.getvalue()] * len(s.charts) for s in slides]
    pptx = Presentation(io.BytesIO(deck.slide_deck(slides, pictures)))
    assert pptx.slide_width * 9 == pptx.slide_height * 16  # 16:9
    check_deck(pptx, slides)


def check_deck(pptx, slides) -> None:
    assert len(pptx.slides) == len(slides)
    for page, slide in zip(pptx.slides, slides, strict=True):
        assert page.shapes.title.text == slide.title
        pictures = [s for s in page.shapes if s.shape_type == MSO_SHAPE_TYPE.PICTURE]
        assert len(pictures) == len(slide.charts)
        texts = [s.text_frame.text for s in page.shapes if s.has_text_frame]
        assert slide.finding in texts
        assert any(text.startswith(("Bron: CBS", "Cijfers: CBS")) for text in texts)
        assert page.notes_slide.notes_text_frame.text == slide.notes


@pytest.mark.parametrize("region", REGIONS)
def test_factsheet_pdf_has_name_and_scores(snap, scores, region):
    pdf = factsheet.factsheet_pdf(snap, scores, region)
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
    assert built_long(snap) in text and "CC BY 4.0" in text


def test_factsheet_lists_the_bottom_quarter(snap, scores):
    latest = scores.latest[scores.latest.region == "GM1681"]
    bottom = latest[latest.quartile == "onderste kwart"]
    text = pdf_text(factsheet.factsheet_pdf(snap, scores, "GM1681"))
    assert "onderste kwart" in text
    # The factsheet lists, per goal, the three indicators furthest into the bottom quarter
    # (lowest percentile) with Borger-Odoorn's own value and year.
    shown = bottom.sort_values(["goal", "percentile"]).groupby("goal").head(3)
    row = shown.iloc[0]
    name = catalog.BY_ID[row["indicator"]].name_nl
    line = next(line for line in text.splitlines() if name[:30] in line)
    assert format_number(row["value"], catalog.BY_ID[row["indicator"]].decimals) in line
    assert str(int(row["year"])) in line
    if len(bottom) > len(shown):
        assert f"En nog {len(bottom) - len(shown)} indicatoren" in text.replace("\n", " ")


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
    assert cli.main(["export", "--factsheet", "GM9999", "--out", str(tmp_path)]) == 1
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
    pptx = Presentation(str(path))
    check_deck(pptx, build_slides(snap, scores, "GM0114"))
    picture = next(s for s in pptx.slides[1].shapes if s.shape_type == MSO_SHAPE_TYPE.PICTURE)
    assert Image.open(io.BytesIO(picture.image.blob)).width >= 1920  # sharp on a projector
