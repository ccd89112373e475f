"""The presentation as a PowerPoint deck (python-pptx): one native slide per slide of
``views.presentatie``, with the chart pictures rendered by kaleido (see exports.images)."""

from __future__ import annotations

import io

from indicators.exports.images import image_session, render
from indicators.formatting import slug
from indicators.regions import ZOD
from indicators.snapshot import Snapshot, snapshot_date
from indicators.views.common import region_names
from indicators.views.presentatie import Slide

SLIDE_PX = (1920, 1080)  # the deck's slides are laid out in 1920 x 1080 "projection pixels"

DECK_SCALE = 2  # pictures in the deck at twice that density, sharp on any projector


def deck_file_name(snap: Snapshot, focus: str, name: str | None = None) -> str:
    """'presentatie_brede-welvaart-zod_2026-11-29.pptx' (focus ZOD), or with
    '_focus-emmen' for a municipality; ``name`` as in ``factsheet.factsheet_file_name``."""
    name = name or region_names(snap).get(focus, focus)
    focus_part = "" if focus == ZOD else f"_focus-{slug(name)}"
    return f"presentatie_brede-welvaart-zod{focus_part}_{snapshot_date(snap) or 'onbekend'}.pptx"


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
                render(chart, "png", int(w), int(h), DECK_SCALE)
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
