"""Chart images, the slide deck and the factsheet (no Streamlit).

Images are rendered server-side by kaleido 1.x, which drives a headless Chromium: Debian's
``/usr/bin/chromium`` via ``BROWSER_PATH``. Where there is no Chromium (or no kaleido),
:func:`images_available` says so and why, and the UI hides the image buttons instead of failing.
Starting the browser costs about two seconds, so a deck renders all its images inside one
:func:`image_session` (one browser for the whole batch).

The factsheet is drawn natively with reportlab (text, table, map as vector paths): it needs no
browser, prints sharply, and works in black and white (the region is hatched and named).
"""

from __future__ import annotations

import io
import os
import re
import shutil
import threading
import warnings
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from xml.sax.saxutils import escape

import pandas as pd

from indicators import catalog
from indicators.charts import Chart
from indicators.formatting import format_number
from indicators.presentation import (
    Slide,
    label_points,
    locator_frame,
    long_date,
    read_outlines,
    snapshot_date,
)
from indicators.regions import FOCUS_MUNICIPALITIES, ZOD
from indicators.scoring import Scores
from indicators.snapshot import Snapshot
from indicators.ui_text import t
from indicators.views import QUARTILE_KEYS, goal_cards, region_names

BROWSERS = ("/usr/bin/chromium", "/usr/bin/chromium-browser")
SLIDE_PX = (1920, 1080)  # the deck's slides are laid out in 1920 x 1080 "projection pixels"
FACTSHEET_REGIONS: tuple[str, ...] = (*FOCUS_MUNICIPALITIES, ZOD)  # the four and the region
DECK_SCALE = 2  # pictures in the deck at twice that density, sharp on any projector

STATUS_MARK = {"provisional": "*", "derived": "°", "transcribed": "°"}  # printed after a value
_LOCK = threading.RLock()  # one image batch at a time: kaleido's browser is a singleton
_depth = 0


class ImagesUnavailable(RuntimeError):
    """No images can be rendered here (no kaleido, no Chromium, or Chromium failed)."""


# --- images ---------------------------------------------------------------------------------


def _configure_browser() -> None:
    """Point kaleido at Debian's Chromium unless the environment already chose one."""
    for path in BROWSERS:
        if Path(path).is_file():
            os.environ.setdefault("BROWSER_PATH", path)
            return


def images_available(lang: str = "nl") -> tuple[bool, str]:
    """(True, "") when PNG/SVG can be rendered; else (False, the reason in words)."""
    _configure_browser()
    try:
        import kaleido  # noqa: F401
    except ImportError:
        return False, t("pres_no_kaleido", lang)
    path = os.environ.get("BROWSER_PATH", "")
    if path:
        if Path(path).is_file() and os.access(path, os.X_OK):
            return True, ""
        return False, t("pres_browser_missing", lang)
    if any(shutil.which(name) for name in ("chromium", "chromium-browser", "google-chrome")):
        return True, ""
    return False, t("pres_no_browser", lang)


@contextmanager
def image_session() -> Iterator[None]:
    """Keep one Chromium running for a batch of images (kaleido otherwise starts a browser per
    image). Nested sessions share it; other threads wait until the batch is done."""
    global _depth
    with _LOCK:
        ok, reason = images_available()
        if not ok:
            raise ImagesUnavailable(reason)
        import kaleido

        if _depth == 0:
            kaleido.start_sync_server(silence_warnings=True)
        _depth += 1
        try:
            yield
        finally:
            _depth -= 1
            if _depth == 0:
                kaleido.stop_sync_server(silence_warnings=True)


def _render(chart: Chart, fmt: str, width: int, height: int, scale: float = 1) -> bytes:
    with _LOCK:
        ok, reason = images_available()
        if not ok:
            raise ImagesUnavailable(reason)
        try:
            with warnings.catch_warnings():
                # plotly passes kaleido options that a running batch server ignores (and says so)
                warnings.filterwarnings("ignore", message="The kopts argument is ignored")
                return chart.figure.to_image(format=fmt, width=width, height=height, scale=scale)
        except Exception as exc:  # kaleido/choreographer raise many kinds; none may crash the UI
            raise ImagesUnavailable(t("pres_render_failed", error=exc)) from exc


def chart_png(chart: Chart, width: int = 1920, height: int = 1080) -> bytes:
    """The chart as a PNG of exactly ``width`` x ``height`` pixels."""
    return _render(chart, "png", width, height)


def chart_svg(chart: Chart, width: int = 1920, height: int = 1080) -> bytes:
    """The chart as SVG (vector; the same layout as the PNG)."""
    return _render(chart, "svg", width, height)


# --- file names -----------------------------------------------------------------------------


def slug(text: str) -> str:
    """'Zuid- en Oost-Drenthe' -> 'zuid-en-oost-drenthe'."""
    return re.sub(r"[^0-9a-z]+", "-", text.lower()).strip("-")


def factsheet_file_name(snap: Snapshot, region: str) -> str:
    """'factsheet_brede-welvaart_emmen_2026-11-29.pdf'."""
    name = region_names(snap).get(region, region)
    return f"factsheet_brede-welvaart_{slug(name)}_{snapshot_date(snap) or 'onbekend'}.pdf"


def deck_file_name(snap: Snapshot, focus: str) -> str:
    """'presentatie_brede-welvaart-zod_2026-11-29.pptx' (focus ZOD), or with
    '_focus-emmen' for a municipality."""
    name = region_names(snap).get(focus, focus)
    focus_part = "" if focus == ZOD else f"_focus-{slug(name)}"
    return f"presentatie_brede-welvaart-zod{focus_part}_{snapshot_date(snap) or 'onbekend'}.pptx"


# --- slide deck -----------------------------------------------------------------------------


def _boxes(slide: Slide) -> list[tuple[float, float, float, float]]:
    """Picture boxes (left, top, width, height) in slide pixels for the slide's charts."""
    left, top, right, bottom = 60, 245, 1860, 1000
    width, height = right - left, bottom - top
    shares = list(slide.layout)[: len(slide.charts)] or [1.0]
    if len(shares) == 1:
        w = width * shares[0]
        return [(left + (width - w) / 2, top, w, height)]
    gap = 30
    usable = width - gap * (len(shares) - 1)
    boxes, x = [], float(left)
    for share in shares:
        w = usable * share / sum(shares)
        boxes.append((x, top, w, height))
        x += w + gap
    return boxes


def slide_images(slides: list[Slide]) -> list[list[bytes]]:
    """PNG bytes of every chart at the size it gets in the deck (one browser for all)."""
    with image_session():
        return [
            [
                _render(chart, "png", int(w), int(h), DECK_SCALE)
                for chart, (_, _, w, h) in zip(slide.charts, _boxes(slide), strict=False)
            ]
            for slide in slides
        ]


def slide_deck(slides: list[Slide], images: list[list[bytes]] | None = None) -> bytes:
    """A 16:9 .pptx with one native slide per slide: title, chart picture(s), the one-sentence
    finding, the source line and the speaker notes. Raises ImagesUnavailable without Chromium."""
    from pptx import Presentation
    from pptx.dml.color import RGBColor
    from pptx.util import Emu, Pt

    images = slide_images(slides) if images is None else images
    prs = Presentation()
    emu_per_px = 12192000 // SLIDE_PX[0]  # 13.333 in = 1920 px
    prs.slide_width, prs.slide_height = Emu(12192000), Emu(emu_per_px * SLIDE_PX[1])

    def px(value: float) -> Emu:
        return Emu(int(value * emu_per_px))

    def text_box(shape_slide, text, box, size, bold=False, colour="111111"):  # noqa: ANN001
        frame = shape_slide.shapes.add_textbox(*(px(v) for v in box)).text_frame
        frame.word_wrap = True
        run = frame.paragraphs[0].add_run()
        run.text = text
        run.font.size, run.font.bold = Pt(size), bold
        run.font.color.rgb = RGBColor.from_string(colour)
        return frame

    layout = prs.slide_layouts[5]  # "Title Only": a real title placeholder per slide
    for number, (slide, pictures) in enumerate(zip(slides, images, strict=True), start=1):
        page = prs.slides.add_slide(layout)
        title = page.shapes.title
        title.left, title.top, title.width, title.height = px(60), px(30), px(1800), px(80)
        title.text = slide.title
        paragraph = title.text_frame.paragraphs[0]
        paragraph.alignment = 1  # left
        paragraph.runs[0].font.size, paragraph.runs[0].font.bold = Pt(28), True
        text_box(page, slide.finding, (60, 112, 1800, 125), 18)  # 18 pt = 36 px at 1920
        for picture, (left, top, width, height) in zip(pictures, _boxes(slide), strict=False):
            page.shapes.add_picture(io.BytesIO(picture), px(left), px(top), px(width), px(height))
        text_box(page, slide.source, (60, 1010, 1600, 50), 12, colour="444444")
        text_box(page, f"{number} / {len(slides)}", (1700, 1010, 160, 50), 12, colour="444444")
        if slide.notes:
            page.notes_slide.notes_text_frame.text = slide.notes
    out = io.BytesIO()
    prs.save(out)
    return out.getvalue()


# --- factsheet ------------------------------------------------------------------------------


def _pdf(text: object) -> str:
    """Text safe for a reportlab Paragraph in a standard (WinAnsi) font."""
    value = str(text).replace("\u2212", "-").replace("\u2009", " ")
    value = value.encode("cp1252", "replace").decode("cp1252")
    return escape(value)


def _population(snap: Snapshot, region: str) -> tuple[int, float]:
    obs = snap.observations
    pop = obs[(obs["indicator"] == "population") & (obs["region"] == region)]
    if region == ZOD and pop.empty:
        parts = obs[
            (obs["indicator"] == "population") & obs["region"].isin(list(FOCUS_MUNICIPALITIES))
        ]
        counts = parts.groupby("year")["value"].agg(["sum", "size"])
        counts = counts[counts["size"] == len(FOCUS_MUNICIPALITIES)]
        if counts.empty:
            return 0, float("nan")
        return int(counts.index.max()), float(counts["sum"].iloc[-1])
    if pop.empty:
        return 0, float("nan")
    row = pop.loc[pop["year"].idxmax()]
    return int(row["year"]), float(row["value"])


def quarter_indicators(snap: Snapshot, scores: Scores, region: str, quartile: str) -> pd.DataFrame:
    """The region's scored indicators in the given quarter (actueel), by goal and percentile,
    with the value's status (provisional/derived get a mark). Columns: goal, indicator, name,
    unit, year, value, nl_value, decimals, percentile, status."""
    latest = scores.latest
    part = latest[(latest["region"] == region) & (latest["quartile"] == quartile)].copy()
    obs = snap.observations[["indicator", "region", "year", "status"]]
    part = part.merge(obs, on=["indicator", "region", "year"], how="left")
    part["name"] = part["indicator"].map(lambda i: catalog.BY_ID[i].name_nl)
    part["unit"] = part["indicator"].map(lambda i: catalog.BY_ID[i].unit)
    part["decimals"] = part["indicator"].map(lambda i: catalog.BY_ID[i].decimals)
    ascending = quartile == "onderste kwart"
    part = part.sort_values(["goal", "percentile"], ascending=[True, ascending])
    cols = ["goal", "indicator", "name", "unit", "year", "value", "nl_value", "decimals"]
    return part[[*cols, "percentile", "status"]].reset_index(drop=True)


def _map_flowable(snap: Snapshot, region: str, size_pt: float, lang: str):  # noqa: ANN202
    """Drenthe's municipalities as vector paths; the region hatched with a black outline and
    its name, the rest light grey: readable in black and white."""
    from reportlab.pdfgen.canvas import FILL_EVEN_ODD
    from reportlab.platypus import Flowable

    frame = locator_frame(snap)
    codes = frame["region"].tolist()
    outlines = read_outlines(snap.directory, codes)
    marked = list(FOCUS_MUNICIPALITIES) if region == ZOD else [region]
    points = label_points(snap.directory, marked)
    names = region_names(snap)
    xs = [p[0] for rings in outlines.values() for ring in rings for p in ring]
    ys = [p[1] for rings in outlines.values() for ring in rings for p in ring]
    # One name fits a municipality; the four of ZOD get short keys explained in the caption.
    labels = {
        code: names.get(code, code)[:2].upper() if region == ZOD else names.get(code, code)
        for code in marked
    }

    class MapFlowable(Flowable):
        def wrap(self, *_args: object) -> tuple[float, float]:
            return size_pt, size_pt

        def draw(self) -> None:
            canvas = self.canv
            if not xs:
                return
            aspect = 1.0 / 0.6046  # km per degree lat / lon at 52.8 N
            span = max((max(xs) - min(xs)), (max(ys) - min(ys)) * aspect)
            scale = size_pt / span

            def xy(point: tuple[float, float]) -> tuple[float, float]:
                return (point[0] - min(xs)) * scale, (point[1] - min(ys)) * aspect * scale

            def path_of(code: str):  # noqa: ANN202
                path = canvas.beginPath()
                for ring in outlines.get(code, []):
                    first, *rest = (xy(p) for p in ring)
                    path.moveTo(*first)
                    for point in rest:
                        path.lineTo(*point)
                    path.close()
                return path

            for code in codes:
                if code in marked:
                    continue
                canvas.setFillColorRGB(0.91, 0.91, 0.91)
                canvas.setStrokeColorRGB(0.55, 0.55, 0.55)
                canvas.setLineWidth(0.4)
                canvas.drawPath(path_of(code), stroke=1, fill=1, fillMode=FILL_EVEN_ODD)
            for code in marked:
                canvas.saveState()
                canvas.clipPath(path_of(code), stroke=0, fill=0, fillMode=FILL_EVEN_ODD)
                canvas.setStrokeColorRGB(0, 0, 0)
                canvas.setLineWidth(0.7)
                step = 3.2
                y = -size_pt
                while y < 2 * size_pt:
                    canvas.line(0, y, size_pt, y + size_pt)
                    y += step
                canvas.restoreState()
                canvas.setStrokeColorRGB(0, 0, 0)
                canvas.setLineWidth(1.3)
                canvas.drawPath(path_of(code), stroke=1, fill=0)
            canvas.setFont("Helvetica-Bold", 7.5)
            for code in marked:
                if code not in points:
                    continue
                x, y = xy(points[code])
                label = _pdf(labels[code]).replace("&amp;", "&")
                width = canvas.stringWidth(label, "Helvetica-Bold", 7.5)
                canvas.setFillColorRGB(1, 1, 1)
                canvas.rect(x - width / 2 - 2, y - 3, width + 4, 10.5, stroke=0, fill=1)
                canvas.setFillColorRGB(0, 0, 0)
                canvas.drawCentredString(x, y, label)

    return MapFlowable()


def _score_bar(score: float, width: float = 72, height: float = 11):  # noqa: ANN202
    """A 0-10 bar with the Nederland line at 5: dark grey, prints in black and white."""
    from reportlab.graphics.shapes import Drawing, Line, Rect

    drawing = Drawing(width, height)
    drawing.add(Rect(0, 2, width, height - 4, fillColor=None, strokeColor="#888888"))
    if score == score:  # not NaN
        drawing.add(
            Rect(0, 2, width * min(max(score, 0), 10) / 10, height - 4, fillColor="#555555")
        )
    drawing.add(Line(width / 2, 0, width / 2, height, strokeColor="#000000", strokeWidth=1.2))
    return drawing


def factsheet_pdf(snapshot: Snapshot, scores: Scores, region: str, lang: str = "nl") -> bytes:
    """An A4 factsheet (1-2 pages) for a municipality or ZOD: the three goal scores with rank,
    quarter and trend, the indicators in the top and bottom quarter, a small map, the sources
    and the snapshot date. Vector text and shapes; hatching and labels instead of colour."""
    from reportlab.lib import colors
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.lib.units import mm
    from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

    names = region_names(snapshot)
    name = names.get(region, region)
    date = snapshot_date(snapshot)
    base = ParagraphStyle("base", fontName="Helvetica", fontSize=9.5, leading=12.5)
    small = ParagraphStyle("small", parent=base, fontSize=8, leading=10.5)
    kicker = ParagraphStyle("kicker", parent=base, fontSize=10, textColor="#333333")
    h1 = ParagraphStyle("h1", parent=base, fontName="Helvetica-Bold", fontSize=26, leading=31)
    h2 = ParagraphStyle(
        "h2", parent=base, fontName="Helvetica-Bold", fontSize=12.5, leading=15, spaceBefore=6
    )
    cell = ParagraphStyle("cell", parent=base, fontSize=8.8, leading=11)
    bold_cell = ParagraphStyle("bold_cell", parent=cell, fontName="Helvetica-Bold")

    year, population = _population(snapshot, region)
    header_text = [
        Paragraph(_pdf(t("fs_kicker", lang)), kicker),
        Spacer(1, 4),
        Paragraph(_pdf(name), h1),
        Spacer(1, 4),
        Paragraph(_pdf(t("fs_population", lang, year=year, value=format_number(population))), base),
        Paragraph(_pdf(t("fs_snapshot", lang, date=long_date(date, lang))), base),
    ]
    if region == ZOD:
        header_text.append(Paragraph(_pdf(", ".join(FOCUS_MUNICIPALITIES.values())), small))
    caption = t("fs_map_caption", lang)
    if region == ZOD:
        keys = ", ".join(f"{n[:2].upper()} {n}" for n in FOCUS_MUNICIPALITIES.values())
        caption = f"{caption}: {keys}"
    map_caption = Paragraph(_pdf(caption), small)
    header = Table(
        [[header_text, [_map_flowable(snapshot, region, 42 * mm, lang), map_caption]]],
        colWidths=[118 * mm, 50 * mm],
        hAlign="LEFT",
    )
    header.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP")]))

    rows = [
        [
            Paragraph(f"<b>{_pdf(t(k, lang))}</b>", cell)
            for k in (
                "fs_col_goal",
                "fs_col_score",
                "fs_col_bar",
                "fs_col_rank",
                "fs_col_quartile",
                "fs_col_trend",
                "fs_col_years",
            )
        ]
    ]
    for card in goal_cards(scores, region):
        score = float(card["score"])  # type: ignore[arg-type]
        ok = bool(card["ok"]) and score == score
        rank = (
            t("rank_of", lang, rank=card["rank"], n=card["n_ranked"])
            if ok and card["rank"]
            else "–"
        )
        quartile = t(QUARTILE_KEYS.get(str(card["quartile"]), "quartile_middle"), lang)
        goal_name = card["name"][lang]  # type: ignore[index]
        rows.append(
            [
                Paragraph(_pdf(f"{card['goal']}. {goal_name}"), bold_cell),
                Paragraph(
                    f"<b>{_pdf(format_number(score, 1) if ok else t('insufficient', lang))}</b>",
                    ParagraphStyle("score", parent=cell, fontSize=13, leading=15),
                ),
                _score_bar(score if ok else float("nan")),
                Paragraph(_pdf(rank), cell),
                Paragraph(_pdf(quartile if ok else "–"), cell),
                Paragraph(_pdf(t(str(card["trend"]), lang)), cell),
                Paragraph(_pdf(card["years"]), cell),
            ]
        )
    score_table = Table(
        rows,
        colWidths=[40 * mm, 14 * mm, 28 * mm, 24 * mm, 18 * mm, 24 * mm, 20 * mm],
        hAlign="LEFT",
        repeatRows=1,
    )
    score_table.setStyle(_table_style(colors))

    story = [header, Spacer(1, 6), Paragraph(_pdf(t("fs_scores_heading", lang)), h2), score_table]
    story.append(Spacer(1, 3))
    story.append(Paragraph(_pdf(t("fs_scores_note", lang)), small))
    tables_used: list[str] = []
    for quartile, heading, none in (
        ("onderste kwart", "fs_bottom_heading", "fs_none_bottom"),
        ("bovenste kwart", "fs_top_heading", "fs_none_top"),
    ):
        story.append(Paragraph(_pdf(t(heading, lang)), h2))
        part = quarter_indicators(snapshot, scores, region, quartile)
        if part.empty:
            story.append(Paragraph(_pdf(t(none, lang)), base))
            continue
        body = [
            [
                Paragraph(f"<b>{_pdf(t(k, lang))}</b>", cell)
                for k in ("fs_col_goal", "fs_col_indicator", "fs_col_unit")
            ]
            + [Paragraph(f"<b>{_pdf(name)}</b>", cell)]
            + [Paragraph(f"<b>{_pdf(t(k, lang))}</b>", cell) for k in ("fs_col_nl", "fs_col_year")]
        ]
        for row in part.itertuples():
            ind = catalog.BY_ID[row.indicator]
            tables_used.extend(ind.tables)
            mark = STATUS_MARK.get(str(row.status), "")
            shown_name = ind.name_en if lang == "en" and ind.name_en else ind.name_nl
            body.append(
                [
                    Paragraph(str(int(row.goal)), cell),
                    Paragraph(_pdf(shown_name), cell),
                    Paragraph(_pdf(row.unit), cell),
                    Paragraph(_pdf(format_number(row.value, int(row.decimals)) + mark), cell),
                    Paragraph(_pdf(format_number(row.nl_value, int(row.decimals))), cell),
                    Paragraph(str(int(row.year)), cell),
                ]
            )
        table = Table(
            body,
            colWidths=[11 * mm, 60 * mm, 30 * mm, 30 * mm, 22 * mm, 14 * mm],
            hAlign="LEFT",
            repeatRows=1,
        )
        table.setStyle(_table_style(colors))
        story.append(table)
    story.append(Paragraph(_pdf(t("fs_sources_heading", lang)), h2))
    shown_tables = sorted(set(tables_used) | {"03759ned"}) if tables_used else ["03759ned"]
    story.append(
        Paragraph(
            _pdf(
                t(
                    "fs_sources",
                    lang,
                    tables=", ".join(shown_tables),
                    date=long_date(date, lang),
                )
            ),
            small,
        )
    )

    def footer(canvas, doc) -> None:  # noqa: ANN001
        canvas.saveState()
        canvas.setFont("Helvetica", 7.5)
        canvas.setFillColorRGB(0.25, 0.25, 0.25)
        canvas.drawString(18 * mm, 10 * mm, _pdf(f"{t('app_title', lang)} · {name} · {date}"))
        canvas.drawRightString(192 * mm, 10 * mm, _pdf(t("fs_page", lang, n=doc.page)))
        canvas.restoreState()

    out = io.BytesIO()
    doc = SimpleDocTemplate(
        out,
        pagesize=A4,
        leftMargin=18 * mm,
        rightMargin=18 * mm,
        topMargin=15 * mm,
        bottomMargin=17 * mm,
        title=f"Factsheet brede welvaart {name}",
        author="Brede-welvaartdashboard Zuid- en Oost-Drenthe",
        subject=f"CBS-snapshot {date}",
    )
    doc.build(story, onFirstPage=footer, onLaterPages=footer)
    return out.getvalue()


def _table_style(colors):  # noqa: ANN001, ANN202
    from reportlab.platypus import TableStyle

    return TableStyle(
        [
            ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
            ("LINEBELOW", (0, 0), (-1, 0), 0.9, colors.black),
            ("LINEBELOW", (0, 1), (-1, -1), 0.3, colors.HexColor("#999999")),
            ("TOPPADDING", (0, 0), (-1, -1), 2),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 2),
            ("LEFTPADDING", (0, 0), (-1, -1), 3),
        ]
    )
