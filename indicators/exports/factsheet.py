"""A one-page A4 factsheet per municipality and for ZOD (reportlab, no Streamlit).

Drawn natively: text, tables and the map as vector paths, so it needs no browser, prints
sharply, and works in black and white (the region is hatched and named; status marks and
their legend are the same as in the app).
"""

from __future__ import annotations

import io
from collections.abc import Iterable
from xml.sax.saxutils import escape

import pandas as pd

from indicators import catalog
from indicators.boundaries import geojson, label_points, rings
from indicators.charts.slides import long_date
from indicators.formatting import STATUS_MARK, format_number, marks_legend, slug
from indicators.regions import FOCUS_MUNICIPALITIES, ZOD
from indicators.scoring import Scores
from indicators.snapshot import Snapshot, is_dated, snapshot_date, snapshot_year
from indicators.targets import Target
from indicators.ui_text import t
from indicators.views.ambities import ambition, ambition_lines
from indicators.views.common import QUARTILE_KEYS, goal_cards, region_names, trend_short
from indicators.views.presentatie import locator_frame

FACTSHEET_REGIONS: tuple[str, ...] = (*FOCUS_MUNICIPALITIES, ZOD)  # the four and the region
QUARTER_ROWS_PER_GOAL = 3  # top/bottom-quarter rows per goal: the sheet stays one page
# ... and one each with an "Ambities" section (the rest is counted, as always)
AMBITION_QUARTER_ROWS = {"onderste kwart": 1, "bovenste kwart": 1}
AMBITION_LINES = 2  # targets named in that section (the rest counted)


def factsheet_file_name(snap: Snapshot, region: str, name: str | None = None) -> str:
    """'factsheet_brede-welvaart_emmen_2026-11-29.pdf'; ``name``: the region's Dutch name, if
    the caller holds it already (looking it up builds the table of all names)."""
    name = name or region_names(snap).get(region, region)
    return f"factsheet_brede-welvaart_{slug(name)}_{snapshot_date(snap) or 'onbekend'}.pdf"


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


def quarter_indicators(
    scores: Scores, region: str, quartile: str, lang: str = "nl"
) -> pd.DataFrame:
    """The region's scored indicators in the given quarter (actueel), by goal and percentile,
    with the value's status (provisional/derived get a mark). Columns: goal, indicator, name,
    unit, year, value, nl_value, decimals, percentile, status."""
    latest = scores.latest
    part = latest[(latest["region"] == region) & (latest["quartile"] == quartile)].copy()
    part["name"] = part["indicator"].map(lambda i: catalog.BY_ID[i].name(lang))
    part["unit"] = part["indicator"].map(lambda i: catalog.BY_ID[i].unit_text(lang))
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
    gemeenten = geojson(snap, "gemeenten")
    outlines = rings(gemeenten, codes)
    marked = list(FOCUS_MUNICIPALITIES) if region == ZOD else [region]
    points = label_points(gemeenten, marked)
    names = region_names(snap, lang=lang)
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


def factsheet_pdf(
    snapshot: Snapshot,
    scores: Scores,
    region: str,
    lang: str = "nl",
    targets: Iterable[Target] = (),
) -> bytes:
    """An A4 factsheet (1-2 pages) for a municipality or ZOD: the three goal scores with rank,
    quarter and trend, the region's ambitions when it has targets (the goal scores with the
    targets met and the three targets that move them most), the indicators in the top and
    bottom quarter, a small map, the sources and the snapshot date. Vector text and shapes;
    hatching and labels instead of colour."""
    from reportlab.lib import colors
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.lib.units import mm
    from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

    names = region_names(snapshot, lang=lang)
    name = names.get(region, region)
    date = snapshot_date(snapshot)
    reference = snapshot_year(snapshot)
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
        Paragraph(
            _pdf(t("fs_population", lang, year=year, value=format_number(population, lang=lang))),
            base,
        ),
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
    for card in goal_cards(scores, region, snapshot_year(snapshot)):
        score = float(card["score"])  # type: ignore[arg-type]
        ok = bool(card["ok"]) and score == score
        rank = (
            t("rank_of", lang, rank=card["rank"], n=card["n_ranked"])
            if ok and card["rank"]
            else "–"
        )
        quartile = t(QUARTILE_KEYS.get(str(card["quartile"]), "quartile_middle"), lang)
        goal_name = card["name"][lang]  # type: ignore[index]
        shown_score = format_number(score, 1, lang=lang) if ok else t("insufficient", lang)
        rows.append(
            [
                Paragraph(_pdf(f"{card['goal']}. {goal_name}"), bold_cell),
                Paragraph(
                    f"<b>{_pdf(shown_score)}</b>",
                    ParagraphStyle("score", parent=cell, fontSize=13, leading=15),
                ),
                _score_bar(score if ok else float("nan")),
                Paragraph(_pdf(rank), cell),
                Paragraph(_pdf(quartile if ok else "–"), cell),
                Paragraph(_pdf(trend_short(card, lang)), cell),
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
    found = ambition(snapshot, scores, targets, region)
    quarter_rows = dict.fromkeys(AMBITION_QUARTER_ROWS, QUARTER_ROWS_PER_GOAL)
    if found is not None:
        quarter_rows = AMBITION_QUARTER_ROWS  # room for the ambitions on the one page
        summary, lines, more = ambition_lines(found, lang, AMBITION_LINES)
        arrow = f" {t('amb_to', lang)} "  # the standard PDF fonts have no arrow
        story.append(Paragraph(_pdf(t("amb_fs_heading", lang)), h2))
        story.append(Paragraph(_pdf(summary.replace(" → ", arrow)), base))
        for line in lines:
            story.append(Paragraph(_pdf(f"• {line.replace(' → ', arrow)}"), small))
        if more:
            story.append(Paragraph(_pdf(t("amb_fs_more", lang, n=more)), small))
    tables_used: list[str] = []
    for quartile, heading, none in (
        ("onderste kwart", "fs_bottom_heading", "fs_none_bottom"),
        ("bovenste kwart", "fs_top_heading", "fs_none_top"),
    ):
        story.append(Paragraph(_pdf(t(heading, lang)), h2))
        part = quarter_indicators(scores, region, quartile, lang)
        if part.empty:
            story.append(Paragraph(_pdf(t(none, lang)), base))
            continue
        # One page: per goal the indicators furthest into the quarter; the rest is counted.
        rest = len(part)
        part = part.groupby("goal", sort=True).head(quarter_rows[quartile])
        rest -= len(part)
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
            shown_name = ind.name(lang)
            body.append(
                [
                    Paragraph(str(int(row.goal)), cell),
                    Paragraph(_pdf(shown_name), cell),
                    Paragraph(_pdf(row.unit), cell),
                    Paragraph(
                        _pdf(format_number(row.value, int(row.decimals), lang=lang) + mark), cell
                    ),
                    Paragraph(
                        _pdf(format_number(row.nl_value, int(row.decimals), lang=lang)), cell
                    ),
                    Paragraph(
                        _pdf(
                            f"{int(row.year)}"
                            + (f" {t('dated_word', lang)}" if is_dated(row.year, reference) else "")
                        ),
                        cell,
                    ),
                ]
            )
        table = Table(
            body,
            colWidths=[11 * mm, 58 * mm, 28 * mm, 26 * mm, 22 * mm, 27 * mm],
            hAlign="LEFT",
            repeatRows=1,
        )
        table.setStyle(_table_style(colors))
        story.append(table)
        if rest:
            story.append(Paragraph(_pdf(t("fs_more", lang, n=rest)), small))
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
                    marks=marks_legend(lang),
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
