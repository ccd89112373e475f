"""The presentation for council sessions as a list of slides (pure: no Streamlit).

A slide is what a presenter puts on the projector: a title, one sentence that states the
finding, one or two charts in large type, and the source line. The page, the .pptx deck and the
CLI all draw the same list, so what is projected is what is handed out.

Slides: title (where the region lies), the region at a glance (goal scores of the four, ZOD,
Drenthe and NL), one slide per NPVR goal (the scores and the indicators that move the focus
region's score most), "Ambities" when the focus region has targets (its goal scores now and with
the targets met, and the progress per target in words), and the sources.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field

import pandas as pd

from indicators import catalog, scoring
from indicators.boundaries import geojson, label_points, rings
from indicators.charts import Chart, source_text
from indicators.charts.slides import (
    AMBITION_LAYOUT,
    ambition_chart,
    drivers_chart,
    goal_scores_chart,
    locator_chart,
    long_date,
    overview_chart,
    progress_chart,
    scaled,
    sources_chart,
)
from indicators.formatting import format_number, format_signed, join_words
from indicators.regions import DRENTHE, FOCUS_MUNICIPALITIES, ZOD
from indicators.scoring import Scores
from indicators.snapshot import Snapshot, is_dated, snapshot_date, snapshot_year
from indicators.targets import Target
from indicators.ui_text import t
from indicators.views.ambities import ambition, ambition_finding, ambition_notes, slide_progress
from indicators.views.common import QUARTILE_KEYS, comparison_scores, region_names, score_words

GOAL_IDS = (1, 2, 3)
# A slide is designed for a 1920 x 1080 projection and drawn at the size of the screen it is
# shown on: the page measures its main area (pages/viewport) and the slide is built at that
# scale, charts included (charts.slides.scaled), so a 1280 x 720 projector shows the same slide
# at two thirds of the size, without clipping or scrolling. (A CSS transform or zoom of the
# whole slide cannot do this: Streamlit sizes a chart to its container as seen after the
# transform, so the charts would shrink twice.)
SLIDE_PX = (1920, 1080)
SLIDE_MARGIN_PX = 64  # left and right of the slide, also the gap between two charts
SCALE_STEP = 0.05  # scales are rounded to this, so a few builds serve every screen
SCALE_RANGE = (0.4, 2.0)
SLIDE_CSS = """
[data-testid="stMainBlockContainer"]{max-width:%(width)spx;margin:0 auto;
padding:%(top)spx %(margin)spx 0 %(margin)spx}
.st-key-slide_charts [data-testid="stHorizontalBlock"]{gap:%(margin)spx}
[data-testid="stMainBlockContainer"] h1{font-size:%(h1)spx;padding:0 0 %(small)spx 0}
[data-testid="stMainBlockContainer"] h3{font-size:%(h3)spx;line-height:1.3;
padding:0 0 %(small)spx 0}
[data-testid="stMainBlockContainer"] [data-testid="stCaptionContainer"]{position:absolute;
width:1px;height:1px;overflow:hidden;clip-path:inset(50%%);white-space:nowrap}
[data-testid="stMainBlockContainer"] button p,
[data-testid="stMainBlockContainer"] [data-testid="stMarkdownContainer"] h4{font-size:%(body)spx}
[data-testid="stMainBlockContainer"] button{min-height:%(button)spx}
[data-testid="stMainBlockContainer"] button kbd{font-size:%(hint)spx}
[data-testid="stMainBlockContainer"] button [data-testid="stIconMaterial"]{font-size:%(body)spx}
[data-testid="stMainBlockContainer"] [data-testid="stVerticalBlock"]{gap:%(gap)spx}
.st-key-viewport,[data-testid="stElementContainer"]:has(> [data-testid="stHtml"] > [hidden]){
position:absolute;width:0;height:0;overflow:hidden}
%(extra)s
"""
HEADER_PX = 60  # Streamlit's header band, until the page has measured it
# Presentation mode: no header band (its menu is not needed on a projector).
PRESENTING_CSS = '[data-testid="stHeader"]{display:none}'

MAX_DRIVERS = 3


@dataclass
class Slide:
    """One slide: what the page shows and what becomes one native slide in the deck."""

    kind: str  # "title" | "overview" | "goal" | "ambities" | "sources"
    title: str
    finding: str
    charts: list[Chart]
    source: str
    notes: str = ""
    goal: int | None = None
    layout: tuple[float, ...] = field(default_factory=lambda: (1.0,))  # chart width shares


def slide_scale(width: float, height: float, header: float = 0.0) -> float:
    """How large a 1920 x 1080 slide can be drawn in a main area of ``width`` x ``height`` px
    below a header band of ``header`` px: the smaller of the two ratios, rounded down to
    :data:`SCALE_STEP` and kept within :data:`SCALE_RANGE`."""
    room = min(width / SLIDE_PX[0], (height - header) / SLIDE_PX[1])
    low, high = SCALE_RANGE
    stepped = math.floor(room / SCALE_STEP + 1e-9) * SCALE_STEP
    return round(min(max(stepped, low), high), 2)


def slide_css(scale: float, presenting: bool, header: float = 0.0) -> str:
    """The page's style around the charts, at the slide's scale: type, margins, gaps and
    button sizes of the 1920 px design times ``scale`` (the buttons' PageUp/PageDown hints too:
    24 px at 1920, not Streamlit's 14 px); ``presenting`` hides the header band, else the
    slide starts below it (``header`` px high: it does not shrink with the slide).

    The zero-height elements every page starts with (the viewport component's iframe, which
    an inline frame gives a line of height, and the document-language marker) are taken out of
    the flow, so they cost the slide no line and no gap."""
    px = {
        "width": SLIDE_PX[0],
        "margin": SLIDE_MARGIN_PX,
        "top": 24,
        "h1": 48,
        "h3": 30,
        "body": 26,
        "button": 56,
        "hint": 24,
        "small": 8,
        "gap": 16,
    }
    sized = {k: round(v * scale, 1) for k, v in px.items()}
    if not presenting:  # below the header band, which keeps its size
        sized["top"] = round(max(header, HEADER_PX) + sized["top"], 1)
    return SLIDE_CSS % (sized | {"extra": PRESENTING_CSS if presenting else ""})


def drivers(scores: Scores, region: str, goal: int, lang: str = "nl") -> pd.DataFrame:
    """:func:`scoring.contributions` (largest contribution first) with what a slide prints
    beside each bar: name, unit and decimals.

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
        "status",
        "nl_value",
        "z",
        "points",
        "percentile",
        "quartile",
    ]
    part = scoring.contributions(scores, region, goal)
    if part.empty:
        return pd.DataFrame(columns=cols)
    part["name"] = part["indicator"].map(lambda i: catalog.BY_ID[i].name(lang))
    part["unit"] = part["indicator"].map(lambda i: catalog.BY_ID[i].unit_text(lang))
    part["decimals"] = part["indicator"].map(lambda i: catalog.BY_ID[i].decimals)
    return part[cols].reset_index(drop=True)


def default_drivers(scores: Scores, region: str, n: int = MAX_DRIVERS) -> dict[int, list[str]]:
    """Per goal the ``n`` indicators that move the region's score most."""
    return {goal: drivers(scores, region, goal)["indicator"].head(n).tolist() for goal in GOAL_IDS}


def driver_options(scores: Scores, region: str) -> dict[int, list[str]]:
    """Per goal every scored indicator with a value for the region (what may be shown)."""
    return {goal: drivers(scores, region, goal)["indicator"].tolist() for goal in GOAL_IDS}


def drivers_for(
    snap: Snapshot, scores: Scores, region: str
) -> tuple[dict[int, list[str]], dict[int, list[str]]]:
    """(:func:`driver_options`, :func:`default_drivers`) of a region, for the view cache:
    both rank every goal's contributions, which the page would otherwise redo every run."""
    del snap
    return driver_options(scores, region), default_drivers(scores, region)


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


def _goal_finding(scores: Scores, region: str, region_name: str, goal: int, lang: str) -> str:
    rows = scores.actueel[(scores.actueel["region"] == region) & (scores.actueel["goal"] == goal)]
    goal_name = catalog.GOALS[goal][lang]
    if rows.empty or rows.iloc[0]["status"] != "ok" or pd.isna(rows.iloc[0]["score"]):
        return t("sentence_insufficient", lang, region=region_name, goal=goal_name)
    row = rows.iloc[0]
    score = float(row["score"])
    relation, quartile = score_words(score, str(row["quartile"]), lang)
    return t(
        "pres_goal_finding",
        lang,
        region=region_name,
        score=format_number(score, 1, lang=lang),
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
        score=format_number(float(worst["score"]), 1, lang=lang),
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
                name=catalog.BY_ID[str(row["indicator"])].name(lang),
                region=region_name,
                value=format_number(row["value"], decimals, lang=lang),
                nl=format_number(row["nl_value"], decimals, lang=lang),
                unit=row["unit"],
                year=int(row["year"]),
                quartile=quartile,
                points=format_signed(float(row["points"]), 2, lang=lang),
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
    scale: float = 1.0,
    targets: Iterable[Target] | None = None,
) -> list[Slide]:
    """The whole presentation for the focus municipality (or ZOD), its charts drawn at
    ``scale`` times the 1920 x 1080 design (see :func:`slide_scale`).

    ``indicators_per_goal``: which indicators appear on each goal slide (in the order of their
    contribution), as a mapping or as (goal, ids) pairs (hashable, for a cache); None, or a goal
    missing from it, means the three that drive the score most. Unknown indicators or ones
    without a value for the focus are left out.

    ``targets`` (a tuple of :class:`targets.Target`, hashable): when the focus has targets, a
    slide "Ambities" follows the goal slides.
    """
    chosen_per_goal = dict(indicators_per_goal or {})
    names = region_names(snapshot, lang=lang)
    focus_name = names.get(focus, focus)
    date = snapshot_date(snapshot)
    reference = snapshot_year(snapshot)
    municipalities = [names.get(c, n) for c, n in FOCUS_MUNICIPALITIES.items()]
    frame = locator_frame(snapshot)
    codes = frame["region"].tolist()
    gemeenten = geojson(snapshot, "gemeenten")
    locator = locator_chart(
        frame,
        rings(gemeenten, codes),
        label_points(gemeenten, codes),
        focus,
        names.get(ZOD, ZOD),
        lang,
    )
    slides = [
        Slide(
            "title",
            t("app_title", lang),
            t(
                "pres_title_finding",
                lang,
                municipalities=join_words(municipalities, lang),
                region=names.get(ZOD, ZOD),
                date=long_date(date, lang),
            ),
            [locator],
            locator.source,
            notes=t("snapshot_caption", lang, built=date),
        )
    ]
    comparison = comparison_scores(scores, names)
    overview = overview_chart(comparison, lang)
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
        contrib = drivers(scores, focus, goal, lang)
        chosen = chosen_per_goal.get(goal)
        if chosen is None:
            shown = contrib.head(MAX_DRIVERS)
        else:
            shown = contrib[contrib["indicator"].isin(chosen)]
        bars = goal_scores_chart(comparison, goal, focus, lang)
        shown = shown.assign(dated=[is_dated(y, reference) for y in shown["year"]])
        bar_chart = drivers_chart(shown, focus, focus_name, goal, lang)
        source = source_text(catalog.goal_tables(goal), lang)
        slides.append(
            Slide(
                "goal",
                t("pres_goal_title", lang, goal=goal, name=catalog.GOALS[goal][lang]),
                _goal_finding(scores, focus, focus_name, goal, lang),
                [bars, bar_chart],
                source,
                notes=_goal_notes(contrib, focus_name, lang),
                goal=goal,
                layout=(0.4, 0.6),
            )
        )
    found = ambition(snapshot, scores, targets or (), focus)
    if found is not None:
        scores_chart = ambition_chart(
            found.goals, focus, focus_name, found.progress["indicator"].tolist(), lang
        )
        table = progress_chart(slide_progress(found.progress, lang), focus_name, lang)
        # side by side at one height: the table is as high as its rows
        high = max(scores_chart.figure.layout.height, table.figure.layout.height)
        scores_chart.figure.update_layout(height=high)
        slides.append(
            Slide(
                "ambities",
                t("amb_slide_title", lang),
                ambition_finding(found, focus_name, lang),
                [scores_chart, table],
                table.source,
                notes=ambition_notes(found, lang),
                layout=AMBITION_LAYOUT,
            )
        )
    sources = sources_chart(source_rows(snapshot, lang), date, lang)
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
    if scale != 1.0:
        for slide in slides:
            for chart in slide.charts:
                chart.figure = scaled(chart.figure, scale)
    return slides
