"""The slide charts of the presentation (plotly, pure: frames in, Chart out).

Type is sized for a 1920 x 1080 projection read from the back of a council chamber; the page,
the .pptx deck and the CLI draw the same charts (see views/presentatie.py for the slides).
"""

from __future__ import annotations

import math
import re

import pandas as pd
import plotly.graph_objects as go
from plotly.subplots import make_subplots

from indicators import catalog
from indicators.charts import (
    BETTER_COLOR,
    WORSE_COLOR,
    Chart,
    file_stem,
    finish,
    source_text,
    style,
)
from indicators.charts.overview import comparison_words
from indicators.formatting import format_number, format_signed, status_legend, value_text
from indicators.regions import FOCUS_MUNICIPALITIES, ZOD
from indicators.ui_text import t


def long_date(iso: str, lang: str = "nl") -> str:
    """'2026-11-29' -> '29 november 2026'; anything else is returned as it is."""
    match = re.fullmatch(r"(\d{4})-(\d{2})-(\d{2})", iso)
    if not match:
        return iso or "–"
    months = t("pres_months", lang).split(",")
    year, month, day = (int(x) for x in match.groups())
    return f"{day} {months[month - 1]} {year}"


# Type sizes in px for a 1920 x 1080 projection: readable from the back of a council chamber.
BODY_PX = 26  # every chart text is at least 24 px on a 1920 px projection
TITLE_PX = 34
SOURCE_PX = 24

# Goal-score bars carry their value inside, at the start of the bar (next to the axis), in
# black or white by the bar's colour: the dashed line at Nederland's 5 then never runs
# through a value label, as it did when the labels sat at the bar ends around 5.
TEXT_ON_DARK, TEXT_ON_LIGHT = "#FFFFFF", "#111111"

# Layout heights of the charts on a 1920 x 1080 slide (the page and the deck use the same).
CHART_HEIGHT = 640
# The overview and goal slides: one line of finding above the charts leaves this much room
# (two lines still fit), so their bars are as large as the slide allows.
GOAL_CHART_HEIGHT = 780

# The width the charts of a slide share: the 1920 px slide less its margins (the slide is scaled
# as a whole to the screen). Titles are wrapped to it, because plotly never wraps.
CONTENT_PX = 1728  # 1792 px inside the slide's margins, less one 64 px column gap
# The sources table: a line of 24 px type, the header band, the padding left of a cell.
SOURCE_ROW_PX, SOURCE_HEADER_PX, SOURCE_PAD_PX = 34, 42, 8
SOURCE_COLUMNS = (30, 54, 8, 8)  # tables, title, years, licence (shares of the width)
LOCATOR_HEIGHT = 780  # the title slide's map: a square, so its height sets its size

# One degree of latitude is this many degrees of longitude long at Drenthe's latitude (52.8 N).
DRENTHE_ASPECT = 1.0 / math.cos(math.radians(52.8))


# Keys that hold a size in screen pixels, by the key of the dict that holds them (plotly JSON).
_PX_BY_PARENT = {
    "font": ("size",),
    "textfont": ("size",),
    "insidetextfont": ("size",),
    "outsidetextfont": ("size",),
    "tickfont": ("size",),
    "marker": ("size",),
    "pattern": ("size",),
    "line": ("width",),
    "margin": ("l", "r", "t", "b", "pad"),
    "pad": ("l", "r", "t", "b"),
    "header": ("height",),
    "cells": ("height",),
    "annotations": ("xshift", "yshift", "ax", "ay", "borderpad", "borderwidth"),
    "layout": ("width", "height"),
}


def scaled(fig: go.Figure, factor: float) -> go.Figure:
    """The figure drawn ``factor`` times as large: every size in screen pixels (fonts,
    margins, marker and line sizes, shifts, the figure itself) multiplied, data untouched.

    A slide is designed for 1920 x 1080; on a 1280 x 720 projector it is drawn at 2/3, so its
    charts keep their proportions and titles wrap at the same words. (Plotly has no scale of
    its own for a figure with fixed sizes, hence this walk over its JSON.)
    """
    if factor == 1.0:
        return fig

    def px(value: object) -> object:
        if isinstance(value, bool):
            return value
        if isinstance(value, int | float):
            return value * factor
        if isinstance(value, list | tuple):
            return [px(v) for v in value]
        return value

    def walk(node: object, parent: str) -> object:
        if isinstance(node, str) and "font-size:" in node:  # inline style in a title
            return re.sub(
                r"font-size:(\d+(?:\.\d+)?)px",
                lambda m: f"font-size:{float(m.group(1)) * factor:g}px",
                node,
            )
        if isinstance(node, dict):
            keys = _PX_BY_PARENT.get(parent, ())
            return {k: (px(v) if k in keys else walk(v, k)) for k, v in node.items()}
        if isinstance(node, list):
            return [walk(item, parent) for item in node]
        return node

    spec = fig.to_plotly_json()
    return go.Figure(walk(spec, ""), skip_invalid=False)


def wrap(text: str, width: int) -> str:
    """Break a chart title into lines of at most ``width`` characters (plotly never wraps)."""
    lines: list[str] = []
    for word in text.split(" "):  # not on no-break spaces ("45\u00a0%")
        if lines and len(lines[-1]) + 1 + len(word) <= width:
            lines[-1] += " " + word
        else:
            lines.append(word)
    return "<br>".join(lines)


def chars_per_line(width_px: float, font_px: float = TITLE_PX) -> int:
    """Roughly how many characters of a sans-serif title fit in ``width_px``."""
    return max(20, int(width_px / (font_px * 0.52)))


def for_projection(
    fig: go.Figure, height: int, width_px: float, source: str, extra_top: int = 0
) -> go.Figure:
    """Large type for a 1920 x 1080 projection: body 24 px, title 32 px, source line 18 px.

    ``width_px`` is the width the chart gets on the slide; the title is wrapped to it (plotly
    never wraps). ``extra_top`` makes room for subplot titles.
    """
    title = fig.layout.title.text or ""
    finding, _, unit = title.partition("<br><sup>")
    unit = unit.removesuffix("</sup>")
    wrapped = wrap(finding, chars_per_line(width_px))
    unit = wrap(unit, chars_per_line(width_px, BODY_PX))
    lines = wrapped.count("<br>") + 1
    unit_lines = unit.count("<br>") + 1
    line_px = round(TITLE_PX * 1.3)
    source_lines = wrap(source, chars_per_line(width_px - 40, SOURCE_PX))
    fig.update_layout(
        title={
            "text": f"{wrapped}<br><span style='font-size:{BODY_PX}px;color:#444444'>{unit}</span>",
            "font": {"size": TITLE_PX, "color": "#111111"},
            "x": 0,
            "xanchor": "left",
            "y": 1,
            "yanchor": "top",
            "yref": "container",
            # Plotly puts the first line's baseline at the padding: one line height keeps
            # a multi-line title inside the figure.
            "pad": {"t": TITLE_PX + 10},
        },
        font={"size": BODY_PX, "color": "#111111"},
        height=height,
        # A fixed size: the slide is drawn at 1920 x 1080 and scaled as a whole (see
        # views/presentatie.py), so a chart must not size itself to its scaled container.
        width=round(width_px),
        margin={
            "l": 10,
            "r": 30,
            "t": 56 + line_px * lines + 32 * unit_lines + extra_top,
            "b": 76 + round(SOURCE_PX * 1.3) * (source_lines.count("<br>") + 1),
        },
        hoverlabel={"font_size": BODY_PX},
    )
    for annotation in fig.layout.annotations:
        if annotation.text == source:
            # Right-aligned, so a long line may run under the axis labels instead of off the
            # figure.
            annotation.update(
                text=source_lines,
                font={"size": SOURCE_PX, "color": "#444444"},
                yshift=-58,
                x=1,
                xanchor="right",
                align="right",
            )
    return fig


def locator_chart(
    frame: pd.DataFrame,
    outlines: dict[str, list[list[tuple]]],
    labels: dict[str, tuple[float, float]],
    focus: str,
    zod_name: str,
    lang: str = "nl",
) -> Chart:
    """Drenthe's municipalities with the four hatched and named (colour is not needed to read
    it); the title says what share of Drenthe's inhabitants lives in the four.

    ``frame``: region, region_name, in_zod, year, population, table (views.presentatie
    .locator_frame); ``outlines``: rings per region; ``labels``: a point inside each."""
    fig = go.Figure()
    for row in frame.itertuples():
        xs: list[float | None] = []
        ys: list[float | None] = []
        for ring in outlines.get(row.region, []):
            xs += [p[0] for p in ring] + [None]
            ys += [p[1] for p in ring] + [None]
        chosen = row.region == focus or (focus == ZOD and row.in_zod)
        if row.in_zod:
            colour = style(row.region)["color"]
            fill = {
                "fillcolor": "rgba(255,255,255,0)",
                "fillpattern": {
                    "shape": "/",
                    "fgcolor": colour,
                    "bgcolor": "white",
                    "size": 14,
                    "solidity": 0.35,
                },
            }
            line = {"color": "#111111", "width": 4 if chosen else 2}
        else:
            fill = {"fillcolor": "#EEEEEE"}
            line = {"color": "#9A9A9A", "width": 1}
        fig.add_trace(
            go.Scatter(
                x=xs,
                y=ys,
                mode="lines",
                fill="toself",
                line=line,
                name=row.region_name,
                hoverinfo="name",
                showlegend=False,
                **fill,
            )
        )
    four = frame[frame["in_zod"]]
    # The names on a white ground: over hatching and borders, bare text is hard to read from
    # the back of the room.
    for code, name in zip(four["region"], four["region_name"], strict=True):
        x, y = labels.get(code, (math.nan, math.nan))
        if math.isnan(x) or math.isnan(y):
            continue
        fig.add_annotation(
            x=x,
            y=y,
            text=f"<b>{name}</b>" if code == focus or focus == ZOD else name,
            showarrow=False,
            font={"size": BODY_PX - 2, "color": "#111111"},
            bgcolor="rgba(255,255,255,0.85)",
            borderpad=2,
        )
    lons = [p[0] for rings in outlines.values() for ring in rings for p in ring]
    lats = [p[1] for rings in outlines.values() for ring in rings for p in ring]
    if lons:  # tight ranges: the map fills the height it is given
        fig.update_xaxes(range=[min(lons) - 0.01, max(lons) + 0.01])
        fig.update_yaxes(range=[min(lats) - 0.005, max(lats) + 0.005])
    # The map flush left, under the title, with the source line under it (not at the far
    # right of an empty slide).
    fig.update_xaxes(visible=False, constrain="domain", constraintoward="left")
    fig.update_yaxes(visible=False, scaleanchor="x", scaleratio=DRENTHE_ASPECT)
    total = float(frame["population"].sum())
    part = float(four["population"].sum())
    share = 100.0 * part / total if total else math.nan
    year = int(frame["year"].iloc[0]) if not frame.empty else 0
    tables = sorted({str(x) for x in frame["table"].dropna() if str(x)}) or ["03759ned"]
    source = f"{source_text(tables, lang)}; {t('pres_boundaries', lang)}"
    title = t("pres_map_title", lang, region=zod_name, share=format_number(share, lang=lang))
    unit = t(
        "pres_map_unit",
        lang,
        year=year,
        part=format_number(part, lang=lang),
        total=format_number(total, lang=lang),
    )
    finish(fig, title, unit, source, height=CHART_HEIGHT, lang=lang)
    fig.update_layout(plot_bgcolor="white")
    for_projection(fig, LOCATOR_HEIGHT, CONTENT_PX, source)
    # A map has no axis under it: the source line follows it closely.
    fig.update_layout(margin={"b": 48})
    fig.update_annotations(selector={"yshift": -58}, x=0, xanchor="left", align="left", yshift=-8)
    data = frame.drop(columns=["table"]).assign(
        share_of_drenthe=100.0 * frame["population"] / total
    )
    return Chart(
        fig,
        data,
        title,
        t("pres_map_alt", lang),
        file_stem("ligging-vier-gemeenten", "drenthe", year),
        source,
    )


def _text_colour(background: str) -> str:
    """Black or white text, whichever contrasts more with a '#RRGGBB' bar (WCAG luminance)."""
    channels = [int(background[i : i + 2], 16) / 255 for i in (1, 3, 5)]
    linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    luminance = 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]
    on_white = (1.05) / (luminance + 0.05)
    on_black = (luminance + 0.05) / 0.05
    return TEXT_ON_DARK if on_white >= on_black else TEXT_ON_LIGHT


def _labels_inside(
    scores: pd.Series, colours: list[str], texts: list[str] | None = None, lang: str = "nl"
) -> dict[str, object]:
    """Bar arguments for value labels inside each bar at its start, coloured for contrast."""
    return {
        "text": texts if texts is not None else [format_number(v, 1, lang) for v in scores],
        "textposition": "inside",
        "insidetextanchor": "start",
        "textangle": 0,
        "insidetextfont": {"size": BODY_PX, "color": [_text_colour(c) for c in colours]},
        "constraintext": "none",
    }


def overview_chart(frame: pd.DataFrame, lang: str = "nl") -> Chart:
    """The Overzicht small multiple (goal scores of the four, ZOD, Drenthe, NL) in large type.

    The same panels and words as the Vega-Lite chart on Overzicht, drawn with plotly so that
    kaleido can render the slide image. ``frame``: views.common.comparison_scores."""
    title, alt_text, source, stem = comparison_words(frame, lang)
    goals = sorted(frame["goal"].unique())
    fig = make_subplots(
        rows=1,
        cols=len(goals),
        shared_yaxes=True,
        horizontal_spacing=0.04,
        subplot_titles=[catalog.GOALS[int(g)][lang] for g in goals],
    )
    for col, goal in enumerate(goals, start=1):
        part = frame[frame["goal"] == goal]
        fig.add_trace(
            go.Bar(
                y=part["region_name"],
                x=part["score"],
                orientation="h",
                marker={"color": [style(r)["color"] for r in part["region"]]},
                **_labels_inside(
                    part["score"], [style(r)["color"] for r in part["region"]], lang=lang
                ),
                hovertemplate="%{y}: %{x:.1f}<extra></extra>",
                showlegend=False,
            ),
            row=1,
            col=col,
        )
        fig.add_vline(x=5, line={"color": "#333333", "dash": "dash", "width": 1}, row=1, col=col)
        fig.update_xaxes(range=[0, 10.8], dtick=2.5, row=1, col=col)
    fig.update_yaxes(autorange="reversed")
    fig.update_annotations(font={"size": BODY_PX + 2})
    fig.update_xaxes(tickfont={"size": BODY_PX - 2})
    finish(fig, title, t("comparison_unit", lang), source, height=CHART_HEIGHT, lang=lang)
    for_projection(fig, GOAL_CHART_HEIGHT, CONTENT_PX, source, extra_top=40)
    return Chart(
        fig,
        frame,
        title,
        alt_text,
        stem,
        source,
    )


def goal_scores_chart(frame: pd.DataFrame, goal: int, focus: str, lang: str = "nl") -> Chart:
    """The goal's score of the four, ZOD, Drenthe and NL as bars; the focus in bold; a dashed
    line at 5 (= Nederland). The title names the best and the worst of the four.
    ``frame``: views.common.comparison_scores."""
    frame = frame[frame["goal"] == goal].reset_index(drop=True)
    labels = [
        f"<b>{n}</b>" if r == focus else n
        for r, n in zip(frame["region"], frame["region_name"], strict=True)
    ]
    texts = [
        format_number(v, 1, lang=lang) if not pd.isna(v) else t("insufficient", lang)
        for v in frame["score"]
    ]
    fig = go.Figure(
        go.Bar(
            y=labels,
            x=frame["score"],
            orientation="h",
            marker={
                "color": [style(r)["color"] for r in frame["region"]],
                "line": {
                    "color": "#111111",
                    "width": [3 if r == focus else 0 for r in frame["region"]],
                },
            },
            **_labels_inside(frame["score"], [style(r)["color"] for r in frame["region"]], texts),
            hovertemplate="%{y}: %{x:.1f}<extra></extra>",
            showlegend=False,
        )
    )
    fig.add_vline(x=5, line={"color": "#111111", "dash": "dash", "width": 2})
    fig.add_annotation(
        x=5,
        y=1,
        yref="paper",
        yanchor="bottom",
        text=t("pres_nl_line", lang),
        showarrow=False,
        font={"size": BODY_PX - 2, "color": "#111111"},
    )
    fig.update_xaxes(range=[0, 11], dtick=2.5, tickfont={"size": BODY_PX - 2})
    fig.update_yaxes(autorange="reversed")
    four = frame[frame["region"].isin(list(FOCUS_MUNICIPALITIES))].dropna(subset=["score"])
    goal_name = catalog.GOALS[goal][lang]
    if four.empty:
        title = t("pres_scores_title_none", lang)
    else:
        best = four.loc[four["score"].idxmax()]
        worst = four.loc[four["score"].idxmin()]
        title = t(
            "pres_scores_title",
            lang,
            best=best["region_name"],
            best_score=format_number(best["score"], 1, lang=lang),
            worst=worst["region_name"],
            worst_score=format_number(worst["score"], 1, lang=lang),
        )
    years = ", ".join(sorted({str(y) for y in frame["years"].dropna()})) or "–"
    source = source_text(catalog.goal_tables(goal), lang)
    finish(
        fig, title, t("pres_scores_unit", lang, years=years), source, height=CHART_HEIGHT, lang=lang
    )
    for_projection(fig, GOAL_CHART_HEIGHT, CONTENT_PX * 0.4, source)
    return Chart(
        fig,
        frame,
        title,
        t("pres_scores_alt", lang, goal=goal_name),
        file_stem("score", f"doel-{goal}", "vier-gemeenten-zod-drenthe-nederland"),
        source,
    )


def _value_line(row: pd.Series, region_name: str, lang: str) -> str:
    """'Emmen 33,6 · NL 23,3 (2015)', with the unit where the name does not already hold it."""
    decimals = int(row["decimals"])
    unit = str(row["unit"])
    suffix = "" if unit in str(row["name"]) or unit == "aantal" else f"\u00a0{unit}"
    nl = "NL" if lang == "nl" else "NL"
    value = value_text(row["value"], decimals, str(row.get("status", "")), lang=lang)
    year = f"{int(row['year'])}" + (f" · {t('dated_word', lang)}" if row.get("dated") else "")
    return (
        f"{region_name} {value}{suffix} · "
        f"{nl} {format_number(row['nl_value'], decimals, lang=lang)}{suffix} ({year})"
    )


def drivers_chart(
    frame: pd.DataFrame, region: str, region_name: str, goal: int, lang: str = "nl"
) -> Chart:
    """The chosen indicators' contribution to the goal score (points), largest first; better
    than NL to the right, worse to the left and hatched, every bar labelled with its value."""
    frame = frame.reset_index(drop=True)
    goal_name = catalog.GOALS[goal][lang]
    names = [catalog.BY_ID[i].name(lang) for i in frame["indicator"]]
    labels = [
        f"<b>{name}</b><br>{_value_line(row, region_name, lang)}"
        for name, (_, row) in zip(names, frame.iterrows(), strict=True)
    ]
    worse = frame["points"] < 0
    fig = go.Figure(
        go.Bar(
            y=labels,
            x=frame["points"],
            orientation="h",
            marker={
                "color": [WORSE_COLOR if w else BETTER_COLOR for w in worse],
                "pattern": {
                    "shape": ["/" if w else "" for w in worse],
                    "fgcolor": "#111111",
                    "fillmode": "overlay",
                    "solidity": 0.25,
                },
            },
            text=[format_signed(p, 2, lang=lang) for p in frame["points"]],
            textposition="outside",
            textfont={"size": BODY_PX},
            cliponaxis=False,
            hovertemplate="%{x:.2f}<extra></extra>",
            showlegend=False,
        )
    )
    fig.add_vline(x=0, line={"color": "#111111", "width": 2})
    reach = float(frame["points"].abs().max()) if not frame.empty else 0.5
    reach = max(reach, 0.1) * 1.45
    fig.update_xaxes(range=[-reach, reach], tickfont={"size": BODY_PX - 2}, zeroline=False)
    fig.update_yaxes(autorange="reversed", tickfont={"size": BODY_PX - 2})
    if frame.empty:
        title = t("pres_drivers_none", lang, region=region_name)
    else:
        top = frame.iloc[0]
        key = "pres_drivers_down" if top["points"] < 0 else "pres_drivers_up"
        title = t(
            key,
            lang,
            indicator=names[0],
            region=region_name,
            points=format_signed(float(top["points"]), 2, lang=lang),
        )
    tables = list(
        dict.fromkeys(tb for i in frame["indicator"] for tb in catalog.BY_ID[i].tables)
    ) or catalog.goal_tables(goal)
    source = source_text(tables, lang)
    unit = t("pres_drivers_unit", lang)
    legend = status_legend(frame.get("status", pd.Series(dtype=str)), lang)
    if legend:
        unit = f"{unit} ({legend})"
    finish(fig, title, unit, source, height=CHART_HEIGHT, lang=lang)
    for_projection(fig, GOAL_CHART_HEIGHT, CONTENT_PX * 0.6, source)
    data = frame.assign(region=region, region_name=region_name, goal=goal)[
        [
            "goal",
            "region",
            "region_name",
            "indicator",
            "name",
            "unit",
            "year",
            "value",
            "nl_value",
            "z",
            "points",
            "quartile",
        ]
    ]
    return Chart(
        fig,
        data,
        title,
        t("pres_drivers_alt", lang, region=region_name, goal=goal_name),
        file_stem("bijdrage-aan-score", f"doel-{goal}", region_name),
        source,
    )


def _text_table(
    fig: go.Figure,
    headers: list[str],
    frame: pd.DataFrame,
    shares: tuple[float, ...],
    width_px: float,
) -> float:
    """Draw ``frame`` as a table in ``fig`` (24 px type): a grey header band, one row per
    record with lines between, each cell wrapped to its column (``shares`` of ``width_px``).
    Returns the table's height in px; the y axis runs over it, so the plot area must be
    exactly that high.

    Not a plotly Table: that pads every cell by a fixed 8 px, which does not shrink with the
    slide (:func:`scaled`), so on a 1280 x 720 projector its rows cut their text off, and it
    scrolls away rows that do not fit, which a projection cannot."""
    cell_px = BODY_PX - 2
    inner = width_px - 40  # the figure's width less its left and right margins
    starts = [sum(shares[:i]) / sum(shares) for i in range(len(shares))]
    widths = [share / sum(shares) * inner - 2 * SOURCE_PAD_PX for share in shares]
    cells = [
        [wrap(str(value), chars_per_line(w, cell_px)) for value, w in zip(row, widths, strict=True)]
        for row in frame.itertuples(index=False)
    ]
    tops, y = [], float(SOURCE_HEADER_PX)
    for row in cells:
        tops.append(y)
        y += SOURCE_ROW_PX * max(text.count("<br>") + 1 for text in row)
    total = y
    pad = SOURCE_PAD_PX / inner  # the cell padding as a share of the width
    for index, start in enumerate(starts):
        fig.add_trace(
            go.Scatter(
                x=[start + pad] * (len(cells) + 1),
                # the text hangs below its point: a little lower sits it in the middle
                y=[(SOURCE_HEADER_PX - SOURCE_ROW_PX) / 2 + 3, *(top + 3 for top in tops)],
                text=[f"<b>{wrap(headers[index], chars_per_line(widths[index], cell_px))}</b>"]
                + [row[index] for row in cells],
                mode="text",
                textposition="bottom right",
                textfont={"size": cell_px, "color": "#111111"},
                hoverinfo="skip",
                showlegend=False,
                cliponaxis=False,
            )
        )
    fig.add_shape(
        type="rect",
        xref="paper",
        x0=0,
        x1=1,
        y0=0,
        y1=SOURCE_HEADER_PX,
        fillcolor="#DDDDDD",
        line={"width": 0},
        layer="below",
    )
    for edge in [*tops[1:], total]:
        fig.add_shape(
            type="line",
            xref="paper",
            x0=0,
            x1=1,
            y0=edge,
            y1=edge,
            line={"color": "#BBBBBB", "width": 1},
            layer="below",
        )
    fig.update_xaxes(visible=False, range=[0, 1], fixedrange=True)
    fig.update_yaxes(visible=False, range=[total, 0], fixedrange=True)
    fig.update_layout(plot_bgcolor="white")
    return total


def sources_chart(frame: pd.DataFrame, built: str, lang: str = "nl") -> Chart:
    """The sources as a table drawn in the figure (:func:`_text_table`, so the slide has the
    same furniture as the others); the figure is as high as its rows.

    ``frame``: tables, title, years, licence (views.presentatie.source_rows); ``built``: the
    snapshot date (YYYY-MM-DD)."""
    columns = ("tables", "title", "years", "licence")
    headers = [
        t(k, lang)
        for k in ("pres_col_tables", "pres_col_title", "pres_col_years", "pres_col_licence")
    ]
    fig = go.Figure()
    total = _text_table(fig, headers, frame[list(columns)], SOURCE_COLUMNS, CONTENT_PX)
    cbs = frame[frame["tables"] != "CBS/PDOK"]
    date = long_date(built, lang)
    title = t("pres_sources_chart_title", lang, n=len(cbs))
    source = t("snapshot_caption", lang, built=built)
    finish(
        fig, title, t("pres_sources_unit", lang, date=date), source, height=CHART_HEIGHT, lang=lang
    )
    for_projection(fig, CHART_HEIGHT, CONTENT_PX, source, extra_top=-16)
    # As high as the rows, with the snapshot line under them (a table has no axis there).
    bottom = 48
    fig.update_layout(height=fig.layout.margin.t + total + bottom, margin={"b": bottom})
    fig.update_annotations(selector={"yshift": -58}, yshift=-8)
    return Chart(
        fig,
        frame,
        title,
        t("pres_sources_alt", lang),
        file_stem("bronnen", built),
        source,
    )


AMBITION_LAYOUT = (0.42, 0.58)  # the slide "Ambities": the scores chart, the progress table


def ambition_chart(
    frame: pd.DataFrame,
    region: str,
    region_name: str,
    indicators: list[str],
    lang: str = "nl",
) -> Chart:
    """The region's three goal scores now (solid) and with its targets met (hatched), the
    rank among the municipalities in each bar; a dashed line at 5 (= Nederland).

    ``frame``: scoring.what_if's goal table (goal, score_now, score_with_targets, rank_now,
    rank_with_targets, n_ranked, n_targets); ``indicators``: those with a target (the source)."""
    frame = frame.sort_values("goal").reset_index(drop=True)
    labels = [f"{t('goal', lang)} {int(g)}" for g in frame["goal"]]
    colour = style(region)["color"]
    fig = go.Figure()
    for column, rank, name, hatch in (
        ("score_now", "rank_now", t("amb_chart_now", lang), ""),
        ("score_with_targets", "rank_with_targets", t("amb_chart_with", lang), "/"),
    ):
        texts = [
            t("insufficient", lang)
            if pd.isna(score)
            else t(
                "amb_chart_label",
                lang,
                score=format_number(score, 1, lang=lang),
                rank="–" if pd.isna(place) else int(place),
            )
            for score, place in zip(frame[column], frame[rank], strict=True)
        ]
        fig.add_trace(
            go.Bar(
                y=labels,
                x=frame[column],
                name=name,
                orientation="h",
                marker={
                    "color": colour if not hatch else "#FFFFFF",
                    "line": {"color": colour, "width": 3},
                    "pattern": {"shape": hatch, "fgcolor": colour, "size": 14, "solidity": 0.35},
                },
                text=texts,
                textposition="inside",
                insidetextanchor="start",
                textangle=0,
                insidetextfont={
                    "size": BODY_PX,
                    "color": _text_colour(colour) if not hatch else TEXT_ON_LIGHT,
                },
                constraintext="none",
                hovertemplate="%{y}: %{x:.2f}<extra>" + name + "</extra>",
            )
        )
    # Nederland's 5 is named on the axis: above the bars the legend needs the room.
    fig.add_vline(x=5, line={"color": "#111111", "dash": "dash", "width": 2})
    fig.update_layout(barmode="group", bargap=0.3, bargroupgap=0.08)
    ticks = [0, 2.5, 5, 7.5, 10]
    fig.update_xaxes(
        range=[0, 11],
        tickvals=ticks,
        ticktext=[
            t("pres_nl_line", lang) if v == 5 else format_number(v, 0 if v % 1 == 0 else 1, lang)
            for v in ticks
        ],
        tickfont={"size": BODY_PX - 2},
    )
    fig.update_yaxes(autorange="reversed", tickfont={"size": BODY_PX})
    change = (frame["score_with_targets"] - frame["score_now"]).abs()
    if change.dropna().empty or change.max() < 0.05:
        title = t("amb_chart_title_flat", lang, region=region_name)
    else:
        top = frame.loc[change.idxmax()]
        title = t(
            "amb_chart_title",
            lang,
            region=region_name,
            goal=int(top["goal"]),
            now=format_number(top["score_now"], 1, lang=lang),
            after=format_number(top["score_with_targets"], 1, lang=lang),
        )
    # The source of what moves: the tables of the indicators with a target.
    source = source_text(
        list(dict.fromkeys(tb for i in indicators for tb in catalog.BY_ID[i].tables)), lang
    )
    finish(fig, title, t("amb_chart_unit", lang), source, height=CHART_HEIGHT, lang=lang)
    fig.update_layout(
        legend={
            "orientation": "h",
            "x": 0,
            "y": 1.0,
            "yanchor": "bottom",
            "font": {"size": BODY_PX},
        }
    )
    for_projection(fig, CHART_HEIGHT, CONTENT_PX * AMBITION_LAYOUT[0], source, extra_top=40)
    return Chart(
        fig,
        frame.assign(region_name=region_name),
        title,
        t("amb_chart_alt", lang, region=region_name),
        file_stem("ambities", "doelscores", region_name),
        source,
    )


PROGRESS_ROWS = 4  # rows of the progress table on a slide: more would not be readable


def progress_chart(frame: pd.DataFrame, region_name: str, lang: str = "nl") -> Chart:
    """The progress per target as a table figure: indicator, target (year), latest value
    (year), verdict in words. ``frame``: name, target, now, verdict, verdict_code (text)."""
    shown = frame.head(PROGRESS_ROWS)
    headers = [
        t(k, lang)
        for k in ("amb_col_indicator", "amb_pcol_target", "amb_pcol_now", "amb_pcol_verdict")
    ]
    fig = go.Figure()
    width = CONTENT_PX * AMBITION_LAYOUT[1]
    total = _text_table(
        fig, headers, shown[["name", "target", "now", "verdict"]], (30, 28, 18, 30), width
    )
    on_track = int((frame["verdict_code"] == "op koers").sum())
    if len(frame) == 1:
        clause = t(f"amb_verdict_clause_{frame['verdict_code'].iloc[0]}", lang)
        title = clause[:1].upper() + clause[1:]
    else:
        title = t("amb_progress_chart_title", lang, on_track=on_track, n=len(frame))
    unit = t("amb_progress_chart_unit", lang)
    if len(frame) > len(shown):
        unit = f"{unit}; " + t("amb_progress_chart_more", lang, shown=len(shown), n=len(frame))
    source = source_text(
        list(dict.fromkeys(tb for i in frame["indicator"] for tb in catalog.BY_ID[i].tables)),
        lang,
    )
    finish(fig, title, unit, source, height=CHART_HEIGHT, lang=lang)
    for_projection(fig, CHART_HEIGHT, width, source)
    # As high as its rows (at least the height of the scores chart beside it), the source
    # line close under them (a table has no axis there).
    bottom = fig.layout.margin.b - 52
    fig.update_layout(
        height=max(CHART_HEIGHT, fig.layout.margin.t + total + bottom), margin={"b": bottom}
    )
    fig.update_annotations(selector={"yshift": -58}, yshift=-8)
    return Chart(
        fig,
        frame.assign(region_name=region_name),
        title,
        t("amb_progress_chart_alt", lang),
        file_stem("ambities", "voortgang", region_name),
        source,
    )
