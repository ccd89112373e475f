"""Charts of the Overzicht page, drawn with Vega-Lite (Altair).

Overzicht is the landing page, so its charts use Vega-Lite rather than plotly: Streamlit's
plotly bundle is 4.7 MB of JavaScript that the browser must parse before it draws anything,
Vega's about 0.8 MB (benchmarks/bench_app.py measures the difference). The projection and
slide versions of the goal panels (presentation.py) stay plotly, for kaleido's images.
"""

from __future__ import annotations

import altair as alt
import pandas as pd

from indicators import catalog
from indicators.charts import FONT, Chart, file_stem, source_text, style
from indicators.formatting import format_number
from indicators.ui_text import t

# Vega formats numbers with d3-format; this is its Dutch locale (decimal comma, thousands point).
DUTCH_NUMBERS = {"decimal": ",", "thousands": ".", "grouping": [3], "currency": ["€ ", ""]}
# Vega has no star or x symbol; these three are told apart in grey print too.
OUTLOOK_SHAPES = ("circle", "diamond", "square")
COMPARISON_SOURCES = ("70072NED", "83648NED", "83651NED", "KWB", "Inkomen van huishoudens")


def house_style(chart: alt.TopLevelMixin, title: str, unit: str, source: str) -> alt.TopLevelMixin:
    """The finding as title, the unit under it, the source line below the chart."""
    framed = alt.vconcat(chart.properties(title=alt.Title(title, subtitle=unit, anchor="start")))
    return (
        framed.properties(
            title=alt.Title(
                source,
                orient="bottom",
                anchor="start",
                fontSize=11,
                fontWeight="normal",
                color="#555555",
            )
        )
        .configure(locale={"number": DUTCH_NUMBERS}, font=FONT)
        .configure_title(fontSize=15, subtitleFontSize=12, color="#222222")
        .configure_axis(labelFontSize=12, titleFontSize=12)
        .configure_view(stroke=None)
    )


def comparison_words(frame: pd.DataFrame, lang: str = "nl") -> tuple[str, str, str, str]:
    """Title (which municipality scores highest and lowest on the weakest goal), alt text,
    source line and file stem.

    Shared by the screen chart here and the projection chart in presentation.py.
    """
    focus = frame[frame["region"].str.startswith("GM")]
    worst_goal = int(focus.groupby("goal")["score"].mean().idxmin()) if not focus.empty else 1
    part = focus[focus["goal"] == worst_goal].dropna(subset=["score"])
    title = t(
        "comparison_title",
        lang,
        goal=catalog.GOALS[worst_goal][lang],
        best=part.loc[part["score"].idxmax(), "region_name"] if not part.empty else "–",
        worst=part.loc[part["score"].idxmin(), "region_name"] if not part.empty else "–",
    )
    return (
        title,
        t("comparison_alt", lang),
        source_text(list(COMPARISON_SOURCES), lang),
        file_stem("scores-per-doel", "vier-gemeenten-zod-drenthe-nederland"),
    )


def goal_small_multiples(frame: pd.DataFrame, lang: str = "nl") -> Chart:
    """One bar panel per goal: the four, ZOD, Drenthe, NL; a dashed line at 5 (= Nederland).

    ``frame``: goal, region, region_name, score (see views.comparison_scores). Region names
    label every bar, so the colours (the house palette) are a help, not the message.
    """
    title, alt_text, source, stem = comparison_words(frame, lang)
    goals = sorted(frame["goal"].unique())
    order = list(dict.fromkeys(frame["region_name"]))
    codes = list(dict.fromkeys(frame["region"]))
    drawn = frame.assign(
        panel=frame["goal"].map(lambda g: catalog.GOALS[int(g)][lang]),
        label=[format_number(v, 1) for v in frame["score"]],
    )[["goal", "panel", "region", "region_name", "score", "label"]]
    base = alt.Chart(drawn)
    y = alt.Y("region_name:N", sort=order, title=None)
    bars = base.mark_bar().encode(
        x=alt.X(
            "score:Q",
            scale=alt.Scale(domain=[0, 10.8]),
            axis=alt.Axis(values=[0, 2.5, 5, 7.5, 10], format=",.1~f"),
            title=None,
        ),
        y=y,
        color=alt.Color(
            "region:N",
            scale=alt.Scale(domain=codes, range=[style(c)["color"] for c in codes]),
            legend=None,
        ),
        tooltip=[
            alt.Tooltip("region_name:N", title=t("region", lang)),
            alt.Tooltip("label:N", title="score"),
        ],
    )
    labels = base.mark_text(align="left", dx=3, fontSize=12).encode(
        x="score:Q", y=y, text="label:N"
    )
    reference = base.mark_rule(color="#333333", strokeDash=[4, 3]).encode(x=alt.datum(5))
    panels = (
        alt.layer(bars, labels, reference)
        .properties(width=265, height=26 * len(order))
        .facet(
            column=alt.Column(
                "panel:N",
                sort=[catalog.GOALS[int(g)][lang] for g in goals],
                header=alt.Header(title=None, labelFontSize=13, labelAnchor="start"),
            ),
            spacing=24,
        )
    )
    return Chart(
        house_style(panels, title, t("comparison_unit", lang), source),
        frame,
        title,
        alt_text,
        stem,
        source,
    )


def outlook_words(frame: pd.DataFrame, lang: str = "nl") -> str:
    """The finding for Drenthe: how it changed since the first measured year, and where the
    outlook puts it in its last year (the measured line and the outlook may disagree)."""
    drenthe = frame[frame["region"].str.startswith("PV")]
    measured = drenthe[drenthe["kind"] == "gemeten"].sort_values("year")
    outlook = drenthe[drenthe["kind"] == "prognose"].sort_values("year")
    if measured.empty or outlook.empty:
        return t("outlook_title_plain", lang)
    first, last, future = measured.iloc[0], measured.iloc[-1], outlook.iloc[-1]
    change = (last["value"] / first["value"] - 1) * 100
    future_change = (future["value"] / last["value"] - 1) * 100
    return t(
        "outlook_title",
        lang,
        region=last["region_name"],
        verb=t("grew" if change >= 0 else "shrank", lang),
        first_year=int(first["year"]),
        change=("+" if change >= 0 else "") + format_number(change, 1),
        future=format_number(future["value"], 1),
        future_year=int(future["year"]),
        future_change=("+" if future_change >= 0 else "") + format_number(future_change, 1),
        last_year=int(last["year"]),
    )


def outlook_chart(frame: pd.DataFrame, lang: str = "nl") -> Chart:
    """Measured population since 2015 (solid) and the outlook points to 2050 (dotted, open
    circles), per region, in thousands; the latest measured and the last outlook value are
    written at the line ends."""
    regions = list(dict.fromkeys(frame["region"]))
    names = [str(frame.loc[frame["region"] == r, "region_name"].iloc[0]) for r in regions]
    colours = [
        style(r if r.startswith("PV") else "GM0114" if r == "CR08" else "GM0118")["color"]
        for r in regions
    ]
    kinds = {"gemeten": t("measured", lang), "prognose": t("outlook", lang)}
    drawn = frame.assign(
        kind_label=frame["kind"].map(kinds),
        label=[format_number(v, 1) for v in frame["value"]],
    )
    ends = pd.concat(
        [
            drawn[drawn["kind"] == "gemeten"].sort_values("year").groupby("region").tail(1),
            drawn[drawn["kind"] == "prognose"].sort_values("year").groupby("region").tail(1),
        ]
    )
    colour = alt.Color(
        "region_name:N",
        scale=alt.Scale(domain=names, range=colours),
        legend=alt.Legend(title=None, orient="bottom"),
    )
    shape = alt.Shape(
        "region_name:N",
        scale=alt.Scale(domain=names, range=list(OUTLOOK_SHAPES[: len(names)])),
        legend=alt.Legend(title=None, orient="bottom"),
    )
    # Room right of 2050 for the value labels, which sit beside the line ends.
    x = alt.X(
        "year:Q",
        scale=alt.Scale(domain=[2015, 2053], nice=False),
        axis=alt.Axis(format="d", values=list(range(2015, 2051, 5))),
        title=None,
    )
    y = alt.Y("value:Q", scale=alt.Scale(zero=True), axis=alt.Axis(format=",.0f"), title=None)
    tooltip = [
        alt.Tooltip("region_name:N", title=t("region", lang)),
        alt.Tooltip("kind_label:N", title=" "),
        alt.Tooltip("year:Q", format="d", title=t("year", lang)),
        alt.Tooltip("label:N", title=t("outlook_unit_short", lang)),
    ]
    lines = (
        alt.Chart(drawn)
        .mark_line()
        .encode(
            x=x,
            y=y,
            color=colour,
            detail="kind:N",
            strokeDash=alt.StrokeDash(
                "kind_label:N",
                scale=alt.Scale(domain=list(kinds.values()), range=[[1, 0], [3, 3]]),
                legend=alt.Legend(title=None, orient="bottom"),
            ),
            strokeWidth=alt.condition(alt.datum.kind == "gemeten", alt.value(3), alt.value(1.5)),
        )
    )
    measured_points = (
        alt.Chart(drawn[drawn["kind"] == "gemeten"])
        .mark_point(filled=True, size=40)
        .encode(x=x, y=y, color=colour, shape=shape, tooltip=tooltip)
    )
    outlook_points = (
        alt.Chart(drawn[drawn["kind"] == "prognose"])
        .mark_point(filled=False, size=90, strokeWidth=2)
        .encode(x=x, y=y, color=colour, tooltip=tooltip)
    )
    end_labels = (
        alt.Chart(ends)
        .mark_text(align="left", dx=9, fontSize=12, fontWeight="bold")
        .encode(x=x, y=y, text="label:N", color=alt.Color("region_name:N", legend=None))
    )
    layered = alt.layer(lines, measured_points, outlook_points, end_labels).properties(
        width=860,
        height=340,  # fixed: Vega-Lite cannot fit a concatenated view to its container
    )
    title = outlook_words(frame, lang)
    source = source_text(["03759ned", "70072NED", "84527NED"], lang)
    return Chart(
        house_style(layered, title, t("outlook_unit", lang), source),
        frame,
        title,
        t("outlook_alt", lang),
        file_stem("bevolking-en-prognose-2050", "drenthe-corop"),
        source,
    )


def comparison_for(snap, scores, lang: str = "nl") -> Chart:  # noqa: ANN001 - cached_view API
    """The goal-score small multiple built from the snapshot and scores (cacheable)."""
    from indicators.views import comparison_scores, region_names

    return goal_small_multiples(comparison_scores(scores, region_names(snap)), lang)


def outlook_for(snap, scores, lang: str = "nl") -> Chart:  # noqa: ANN001 - cached_view API
    """The population-and-outlook chart built from the snapshot (cacheable)."""
    from indicators.views import outlook_series

    del scores
    return outlook_chart(outlook_series(snap), lang)
