"""The presentation for council sessions as a list of slides (pure: no Streamlit).

A slide is what a presenter puts on the projector: a title, one sentence that states the
finding, one or two charts in large type, and the source line. The page, the .pptx deck and the
CLI all draw the same list, so what is projected is what is handed out.

Slides: title (where the region lies), the region at a glance (goal scores of the four, ZOD,
Drenthe and NL), one slide per NPVR goal (the scores and the indicators that move the focus
region's score most), and the sources.
"""

from __future__ import annotations

import json
import math
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd
import plotly.graph_objects as go
from plotly.subplots import make_subplots
from shapely.geometry import shape

from indicators import catalog, scoring
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
from indicators.formatting import format_number, format_signed
from indicators.regions import DRENTHE, FOCUS_MUNICIPALITIES, ZOD
from indicators.scoring import Scores
from indicators.snapshot import Snapshot
from indicators.ui_text import t
from indicators.views import QUARTILE_KEYS, comparison_scores, region_names

GOAL_IDS = (1, 2, 3)
MAX_DRIVERS = 3
# Type sizes in px for a 1920 x 1080 projection: readable from the back of a council chamber.
BODY_PX = 24
TITLE_PX = 32
SOURCE_PX = 18
# Layout heights of the charts on a 1920 x 1080 slide (the page and the deck use the same).
CHART_HEIGHT = 640
# The width the charts of a slide share: a 1920 px screen less the page margins (and the sidebar
# outside presentation mode). Titles are wrapped to it, because plotly never wraps.
CONTENT_PX = 1500
SOURCES_HEIGHT = 720  # the sources table: twelve rows of 24 px type
LOCATOR_HEIGHT = 680  # the title slide's map: a square, so its height sets its size
# One degree of latitude is this many degrees of longitude long at Drenthe's latitude (52.8 N).
DRENTHE_ASPECT = 1.0 / math.cos(math.radians(52.8))


@dataclass
class Slide:
    """One slide: what the page shows and what becomes one native slide in the deck."""

    kind: str  # "title" | "overview" | "goal" | "sources"
    title: str
    finding: str
    charts: list[Chart]
    source: str
    notes: str = ""
    goal: int | None = None
    layout: tuple[float, ...] = field(default_factory=lambda: (1.0,))  # chart width shares


# --- small helpers --------------------------------------------------------------------------


def snapshot_date(snap: Snapshot) -> str:
    """The build date of the snapshot as YYYY-MM-DD ('' when the manifest has none)."""
    return str(snap.manifest.get("built_at", ""))[:10]


def long_date(iso: str, lang: str = "nl") -> str:
    """'2026-11-29' -> '29 november 2026'; anything else is returned as it is."""
    match = re.fullmatch(r"(\d{4})-(\d{2})-(\d{2})", iso)
    if not match:
        return iso or "–"
    months = t("pres_months", lang).split(",")
    year, month, day = (int(x) for x in match.groups())
    return f"{day} {months[month - 1]} {year}"


def join_names(names: list[str], lang: str = "nl") -> str:
    """'Emmen, Coevorden en Hoogeveen'."""
    if len(names) <= 1:
        return "".join(names)
    return f"{', '.join(names[:-1])} {t('pres_and', lang)} {names[-1]}"


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


def indicator_name(indicator: str, lang: str = "nl") -> str:
    ind = catalog.BY_ID.get(indicator)
    if ind is None:
        return indicator
    return ind.name_en if lang == "en" and ind.name_en else ind.name_nl


def goal_tables(goal: int) -> list[str]:
    """The CBS tables behind the scored indicators of a goal (for its source line)."""
    tables = [
        table
        for ind in catalog.INDICATORS
        if ind.scored and ind.level == "gemeente" and ind.goal == goal
        for table in ind.tables
    ]
    return list(dict.fromkeys(tables))


# --- view data ------------------------------------------------------------------------------


def contributions(scores: Scores, region: str, goal: int) -> pd.DataFrame:
    """Each scored indicator of the goal for the region with its contribution to the score.

    The goal score is 5 + 5/3 x (mean of the sub-theme means of z), so an indicator adds
    5/3 x z / (n sub-themes x n indicators in its sub-theme) points: the contributions add up to
    score - 5 (before clipping). Sorted by the size of the contribution, largest first, because
    that is what "drives the score" means (a large z in a crowded sub-theme weighs less).

    Columns: indicator, name, unit, decimals, year, value, nl_value, z, points, percentile,
    quartile.
    """
    cols = [
        "indicator",
        "name",
        "unit",
        "decimals",
        "year",
        "value",
        "nl_value",
        "z",
        "points",
        "percentile",
        "quartile",
    ]
    part = scoring.contributions(scores, region, goal)
    if part.empty:
        return pd.DataFrame(columns=cols)
    part["name"] = part["indicator"].map(indicator_name)
    part["unit"] = part["indicator"].map(lambda i: catalog.BY_ID[i].unit)
    part["decimals"] = part["indicator"].map(lambda i: catalog.BY_ID[i].decimals)
    part["size"] = part["points"].abs()
    part = part.sort_values(["size", "indicator"], ascending=[False, True])
    return part[cols].reset_index(drop=True)


def default_drivers(scores: Scores, region: str, n: int = MAX_DRIVERS) -> dict[int, list[str]]:
    """Per goal the ``n`` indicators that move the region's score most."""
    return {
        goal: contributions(scores, region, goal)["indicator"].head(n).tolist() for goal in GOAL_IDS
    }


def driver_options(scores: Scores, region: str) -> dict[int, list[str]]:
    """Per goal every scored indicator with a value for the region (what may be shown)."""
    return {goal: contributions(scores, region, goal)["indicator"].tolist() for goal in GOAL_IDS}


def locator_frame(snap: Snapshot) -> pd.DataFrame:
    """The municipalities of Drenthe with their latest population and whether they are one of
    the four. Columns: region, region_name, in_zod, year, population, table."""
    regions = snap.regions
    members = regions[
        (regions["level"] == "gemeente")
        & regions["current"].astype(bool)
        & (regions["provincie"] == DRENTHE)
    ]
    obs = snap.observations
    pop = obs[(obs["indicator"] == "population") & obs["region"].isin(members["code"])]
    year = int(pop["year"].max()) if not pop.empty else 0
    latest = pop[pop["year"] == year].set_index("region")
    frame = pd.DataFrame(
        {
            "region": members["code"].astype(str),
            "region_name": members["name"].astype(str),
            "in_zod": members["code"].isin(list(FOCUS_MUNICIPALITIES)),
        }
    )
    frame["year"] = year
    frame["population"] = frame["region"].map(latest["value"]) if year else math.nan
    frame["table"] = frame["region"].map(latest["table"]) if year else ""
    return frame.sort_values(["in_zod", "region_name"], ascending=[False, True]).reset_index(
        drop=True
    )


def read_outlines(directory: Path, codes: list[str]) -> dict[str, list[list[tuple[float, float]]]]:
    """Outer rings and holes (lon, lat) per municipality from data/geo/gemeenten.geojson."""
    path = Path(directory) / "geo" / "gemeenten.geojson"
    if not path.exists():
        return {}
    features = json.loads(path.read_text(encoding="utf-8"))["features"]
    wanted = set(codes)
    rings: dict[str, list[list[tuple[float, float]]]] = {}
    for feature in features:
        code = str(feature["properties"].get("code", ""))
        if code not in wanted:
            continue
        geom = feature["geometry"]
        polygons = geom["coordinates"] if geom["type"] == "MultiPolygon" else [geom["coordinates"]]
        rings[code] = [
            [(float(x), float(y)) for x, y, *_ in ring] for poly in polygons for ring in poly
        ]
    return rings


def label_points(directory: Path, codes: list[str]) -> dict[str, tuple[float, float]]:
    """A point inside each municipality for its label."""
    path = Path(directory) / "geo" / "gemeenten.geojson"
    if not path.exists():
        return {}
    features = json.loads(path.read_text(encoding="utf-8"))["features"]
    points = {}
    for feature in features:
        code = str(feature["properties"].get("code", ""))
        if code in codes:
            geometry = shape(feature["geometry"])
            point = geometry.centroid
            if not geometry.contains(point):
                point = geometry.representative_point()
            points[code] = (point.x, point.y)
    return points


def source_rows(snap: Snapshot, lang: str = "nl") -> pd.DataFrame:
    """The manifest's sources grouped by title (the KWB years are one row), with the years each
    covers in this snapshot. Columns: tables, title, years, licence."""
    obs = snap.observations
    spans = obs.groupby("source")["year"].agg(["min", "max"])
    groups: dict[str, dict[str, object]] = {}
    for src in snap.manifest.get("sources", []):
        sid = str(src.get("id", ""))
        if sid.startswith("geo-"):
            key, table, title = "geo", "CBS/PDOK", t("pres_boundaries_title", lang)
        else:
            title = str(src.get("title", ""))
            key = re.sub(
                r"\s*\((?:[^)]*\d[^)]*|gemeenten|wijken)\)|\b(?:19|20)\d{2}(?:\s*[-–]\s*\d{4})?",
                "",
                title,
            ).strip(" ,;-–")
            key = re.sub(r"\s+", " ", key).replace(" ;", ";")
            table, title = str(src.get("table", "")), key
            if not re.fullmatch(r"\d{5}\w{3}", table):  # a StatLine theme or another publisher
                table = table.split(" ")[0]
        licence = str(src.get("licence", ""))
        if sid.startswith("geo-"):  # the manifest holds the attribution there, not a licence
            title, licence = f"{title}: {licence.removeprefix('Bron: ')}", "–"
        entry = groups.setdefault(
            key, {"tables": [], "title": title, "years": [], "licence": licence}
        )
        if table not in entry["tables"]:  # type: ignore[operator]
            entry["tables"].append(table)  # type: ignore[union-attr]
        if sid in spans.index:
            entry["years"].extend(spans.loc[sid].astype(int).tolist())  # type: ignore[union-attr]
    rows = []
    for entry in groups.values():
        years = entry["years"]
        span = "–" if not years else f"{min(years)}–{max(years)}"  # type: ignore[type-var]
        if years and min(years) == max(years):  # type: ignore[type-var]
            span = str(min(years))  # type: ignore[type-var]
        rows.append(
            {
                "tables": ", ".join(entry["tables"]),  # type: ignore[arg-type]
                "title": entry["title"],
                "years": span,
                "licence": entry["licence"],
            }
        )
    return pd.DataFrame(rows, columns=["tables", "title", "years", "licence"])


# --- charts ---------------------------------------------------------------------------------


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
        margin={
            "l": 10,
            "r": 30,
            "t": 56 + line_px * lines + 32 * unit_lines + extra_top,
            "b": 76 + 24 * (source_lines.count("<br>") + 1),
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


def locator_chart(snap: Snapshot, focus: str, lang: str = "nl") -> Chart:
    """Drenthe's municipalities with the four hatched and named (colour is not needed to read
    it); the title says what share of Drenthe's inhabitants lives in the four."""
    frame = locator_frame(snap)
    codes = frame["region"].tolist()
    outlines = read_outlines(snap.directory, codes)
    labels = label_points(snap.directory, codes)
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
    fig.add_trace(
        go.Scatter(
            x=[labels.get(c, (math.nan, math.nan))[0] for c in four["region"]],
            y=[labels.get(c, (math.nan, math.nan))[1] for c in four["region"]],
            mode="text",
            text=[
                f"<b>{n}</b>" if c == focus or focus == ZOD else n
                for c, n in zip(four["region"], four["region_name"], strict=True)
            ],
            textfont={"size": BODY_PX - 2, "color": "#111111"},
            hoverinfo="skip",
            showlegend=False,
        )
    )
    lons = [p[0] for rings in outlines.values() for ring in rings for p in ring]
    lats = [p[1] for rings in outlines.values() for ring in rings for p in ring]
    if lons:  # tight ranges: the map fills the height it is given
        fig.update_xaxes(range=[min(lons) - 0.01, max(lons) + 0.01])
        fig.update_yaxes(range=[min(lats) - 0.005, max(lats) + 0.005])
    fig.update_xaxes(visible=False)
    fig.update_yaxes(visible=False, scaleanchor="x", scaleratio=DRENTHE_ASPECT)
    total = float(frame["population"].sum())
    part = float(four["population"].sum())
    share = 100.0 * part / total if total else math.nan
    year = int(frame["year"].iloc[0]) if not frame.empty else 0
    tables = sorted({str(x) for x in frame["table"].dropna() if str(x)}) or ["03759ned"]
    source = f"{source_text(tables, lang)}; {t('pres_boundaries', lang)}"
    title = t(
        "pres_map_title", lang, region=region_names(snap).get(ZOD, ZOD), share=format_number(share)
    )
    unit = t("pres_map_unit", lang, year=year, part=format_number(part), total=format_number(total))
    finish(fig, title, unit, source, height=CHART_HEIGHT)
    fig.update_layout(plot_bgcolor="white")
    for_projection(fig, LOCATOR_HEIGHT, CONTENT_PX, source)
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


def overview_chart(scores: Scores, names: dict[str, str], lang: str = "nl") -> Chart:
    """The Overzicht small multiple (goal scores of the four, ZOD, Drenthe, NL) in large type.

    The same panels and words as the Vega-Lite chart on Overzicht, drawn with plotly so that
    kaleido can render the slide image."""
    frame = comparison_scores(scores, names)
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
                text=[format_number(v, 1) for v in part["score"]],
                textposition="outside",
                textfont={"size": BODY_PX},
                cliponaxis=False,
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
    fig.update_xaxes(tickfont={"size": BODY_PX - 4})
    finish(fig, title, t("comparison_unit", lang), source, height=CHART_HEIGHT)
    for_projection(fig, CHART_HEIGHT, CONTENT_PX, source, extra_top=40)
    return Chart(
        fig,
        frame,
        title,
        alt_text,
        stem,
        source,
    )


def goal_scores_chart(
    scores: Scores, names: dict[str, str], goal: int, focus: str, lang: str = "nl"
) -> Chart:
    """The goal's score of the four, ZOD, Drenthe and NL as bars; the focus in bold; a dashed
    line at 5 (= Nederland). The title names the best and the worst of the four."""
    frame = comparison_scores(scores, names)
    frame = frame[frame["goal"] == goal].reset_index(drop=True)
    labels = [
        f"<b>{n}</b>" if r == focus else n
        for r, n in zip(frame["region"], frame["region_name"], strict=True)
    ]
    texts = [
        format_number(v, 1) if not pd.isna(v) else t("insufficient", lang) for v in frame["score"]
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
            text=texts,
            textposition="outside",
            textfont={"size": BODY_PX},
            cliponaxis=False,
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
        font={"size": BODY_PX - 4, "color": "#111111"},
    )
    fig.update_xaxes(range=[0, 11], dtick=2.5, tickfont={"size": BODY_PX - 4})
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
            best_score=format_number(best["score"], 1),
            worst=worst["region_name"],
            worst_score=format_number(worst["score"], 1),
        )
    years = ", ".join(sorted({str(y) for y in frame["years"].dropna()})) or "–"
    source = source_text(goal_tables(goal), lang)
    finish(fig, title, t("pres_scores_unit", lang, years=years), source, height=CHART_HEIGHT)
    for_projection(fig, CHART_HEIGHT, CONTENT_PX * 0.4, source)
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
    return (
        f"{region_name} {format_number(row['value'], decimals)}{suffix} · "
        f"{nl} {format_number(row['nl_value'], decimals)}{suffix} ({int(row['year'])})"
    )


def drivers_chart(
    frame: pd.DataFrame, region: str, region_name: str, goal: int, lang: str = "nl"
) -> Chart:
    """The chosen indicators' contribution to the goal score (points), largest first; better
    than NL to the right, worse to the left and hatched, every bar labelled with its value."""
    frame = frame.reset_index(drop=True)
    goal_name = catalog.GOALS[goal][lang]
    names = [indicator_name(i, lang) for i in frame["indicator"]]
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
            text=[format_signed(p, 2) for p in frame["points"]],
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
    fig.update_xaxes(range=[-reach, reach], tickfont={"size": BODY_PX - 4}, zeroline=False)
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
            points=format_signed(float(top["points"]), 2),
        )
    tables = list(
        dict.fromkeys(tb for i in frame["indicator"] for tb in catalog.BY_ID[i].tables)
    ) or goal_tables(goal)
    source = source_text(tables, lang)
    finish(fig, title, t("pres_drivers_unit", lang), source, height=CHART_HEIGHT)
    for_projection(fig, CHART_HEIGHT, CONTENT_PX * 0.6, source)
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


def sources_chart(snap: Snapshot, lang: str = "nl") -> Chart:
    """The sources as a table figure (so the slide has the same furniture as the others)."""
    frame = source_rows(snap, lang)
    headers = [
        t(k, lang)
        for k in ("pres_col_tables", "pres_col_title", "pres_col_years", "pres_col_licence")
    ]
    fig = go.Figure(
        go.Table(
            columnwidth=[24, 56, 10, 10],
            header={
                "values": [f"<b>{h}</b>" for h in headers],
                "fill_color": "#DDDDDD",
                "font": {"size": BODY_PX, "color": "#111111"},
                "align": "left",
                "height": 42,
            },
            cells={
                "values": [frame[c] for c in ("tables", "title", "years", "licence")],
                "fill_color": "white",
                "line_color": "#BBBBBB",
                "font": {"size": BODY_PX, "color": "#111111"},
                "align": "left",
                "height": 38,
            },
        )
    )
    cbs = frame[frame["tables"] != "CBS/PDOK"]
    date = long_date(snapshot_date(snap), lang)
    title = t("pres_sources_chart_title", lang, n=len(cbs))
    source = t("snapshot_caption", lang, built=snapshot_date(snap))
    finish(fig, title, t("pres_sources_unit", lang, date=date), source, height=CHART_HEIGHT)
    for_projection(fig, SOURCES_HEIGHT, CONTENT_PX, source)
    fig.update_layout(margin={"b": 44})  # a table has no axis under it
    fig.update_annotations(selector={"yshift": -58}, yshift=-8)
    return Chart(
        fig,
        frame,
        title,
        t("pres_sources_alt", lang),
        file_stem("bronnen", snapshot_date(snap)),
        source,
    )


# --- the slides -----------------------------------------------------------------------------


def _goal_finding(scores: Scores, region: str, region_name: str, goal: int, lang: str) -> str:
    rows = scores.actueel[(scores.actueel["region"] == region) & (scores.actueel["goal"] == goal)]
    goal_name = catalog.GOALS[goal][lang]
    if rows.empty or rows.iloc[0]["status"] != "ok" or pd.isna(rows.iloc[0]["score"]):
        return t("sentence_insufficient", lang, region=region_name, goal=goal_name)
    row = rows.iloc[0]
    score = float(row["score"])
    relation = t("above_nl" if score > 5.05 else "below_nl" if score < 4.95 else "at_nl", lang)
    quartile = t(QUARTILE_KEYS.get(str(row["quartile"]), "quartile_middle"), lang)
    return t(
        "pres_goal_finding",
        lang,
        region=region_name,
        score=format_number(score, 1),
        relation=relation,
        rank=int(row["rank"]),
        n=int(row["n_ranked"]),
        quartile=quartile,
        years=row["years"],
    )


def _overview_finding(scores: Scores, region: str, region_name: str, lang: str) -> str:
    rows = scores.actueel[
        (scores.actueel["region"] == region) & (scores.actueel["status"] == "ok")
    ].dropna(subset=["score"])
    if rows.empty:
        return t("pres_overview_finding_none", lang, region=region_name)
    worst = rows.loc[rows["score"].idxmin()]
    return t(
        "pres_overview_finding",
        lang,
        region=region_name,
        below=int((rows["score"] < 4.95).sum()),
        goal=catalog.GOALS[int(worst["goal"])][lang],
        score=format_number(float(worst["score"]), 1),
    )


def _goal_notes(frame: pd.DataFrame, region_name: str, lang: str) -> str:
    """Speaker notes: every indicator of the goal with its value, NL, year and quartile."""
    lines = []
    for _, row in frame.iterrows():
        decimals = int(row["decimals"])
        quartile = t(QUARTILE_KEYS.get(str(row["quartile"]), "quartile_middle"), lang)
        lines.append(
            t(
                "pres_note_indicator",
                lang,
                name=indicator_name(str(row["indicator"]), lang),
                region=region_name,
                value=format_number(row["value"], decimals),
                nl=format_number(row["nl_value"], decimals),
                unit=row["unit"],
                year=int(row["year"]),
                quartile=quartile,
                points=format_signed(float(row["points"]), 2),
            )
        )
    return "\n".join(lines)


def build_slides(
    snapshot: Snapshot,
    scores: Scores,
    focus: str,
    indicators_per_goal: Mapping[int, Sequence[str]]
    | Iterable[tuple[int, Sequence[str]]]
    | None = None,
    lang: str = "nl",
) -> list[Slide]:
    """The whole presentation for the focus municipality (or ZOD).

    ``indicators_per_goal``: which indicators appear on each goal slide (in the order of their
    contribution), as a mapping or as (goal, ids) pairs (hashable, for a cache); None, or a goal
    missing from it, means the three that drive the score most. Unknown indicators or ones
    without a value for the focus are left out.
    """
    chosen_per_goal = dict(indicators_per_goal or {})
    names = region_names(snapshot)
    focus_name = names.get(focus, focus)
    date = snapshot_date(snapshot)
    municipalities = [names.get(c, n) for c, n in FOCUS_MUNICIPALITIES.items()]
    locator = locator_chart(snapshot, focus, lang)
    slides = [
        Slide(
            "title",
            t("app_title", lang),
            t(
                "pres_title_finding",
                lang,
                municipalities=join_names(municipalities, lang),
                region=names.get(ZOD, ZOD),
                date=long_date(date, lang),
            ),
            [locator],
            locator.source,
            notes=t("snapshot_caption", lang, built=date),
        )
    ]
    overview = overview_chart(scores, names, lang)
    slides.append(
        Slide(
            "overview",
            t("pres_overview_title", lang),
            _overview_finding(scores, focus, focus_name, lang),
            [overview],
            overview.source,
            notes=overview.alt,
        )
    )
    for goal in GOAL_IDS:
        contrib = contributions(scores, focus, goal)
        chosen = chosen_per_goal.get(goal)
        if chosen is None:
            shown = contrib.head(MAX_DRIVERS)
        else:
            shown = contrib[contrib["indicator"].isin(chosen)]
        bars = goal_scores_chart(scores, names, goal, focus, lang)
        drivers = drivers_chart(shown, focus, focus_name, goal, lang)
        source = source_text(goal_tables(goal), lang)
        slides.append(
            Slide(
                "goal",
                t("pres_goal_title", lang, goal=goal, name=catalog.GOALS[goal][lang]),
                _goal_finding(scores, focus, focus_name, goal, lang),
                [bars, drivers],
                source,
                notes=_goal_notes(contrib, focus_name, lang),
                goal=goal,
                layout=(0.4, 0.6),
            )
        )
    sources = sources_chart(snapshot, lang)
    slides.append(
        Slide(
            "sources",
            t("pres_sources_title", lang),
            t("pres_sources_finding", lang),
            [sources],
            t("snapshot_caption", lang, built=date),
            notes=sources.alt,
        )
    )
    return slides
