"""Charts of the Overzicht page."""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go
from plotly.subplots import make_subplots

from indicators import catalog
from indicators.charts import Chart, file_stem, finish, source_text, style
from indicators.formatting import format_number
from indicators.ui_text import t


def goal_small_multiples(frame: pd.DataFrame, lang: str = "nl") -> Chart:
    """One bar panel per goal: the four, ZOD, Drenthe, NL; a line at 5 (= Nederland).

    ``frame``: goal, region, region_name, score (see views.comparison_scores).
    """
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
                hovertemplate="%{y}: %{x:.1f}<extra></extra>",
                showlegend=False,
            ),
            row=1,
            col=col,
        )
        fig.add_vline(x=5, line={"color": "#333333", "dash": "dash", "width": 1}, row=1, col=col)
        fig.update_xaxes(range=[0, 10.8], dtick=2.5, row=1, col=col)
    fig.update_yaxes(autorange="reversed")
    fig.update_annotations(font={"size": 13})
    means = frame.groupby("goal")["score"]
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
    del means
    source = source_text(
        ["70072NED", "83648NED", "83651NED", "KWB", "Inkomen van huishoudens"], lang
    )
    finish(fig, title, t("comparison_unit", lang), source, height=380)
    return Chart(
        fig,
        frame,
        title,
        t("comparison_alt", lang),
        file_stem("scores-per-doel", "vier-gemeenten-zod-drenthe-nederland"),
        source,
    )


def outlook_chart(frame: pd.DataFrame, lang: str = "nl") -> Chart:
    """Measured population since 2015 and outlook points to 2050, per region (x 1 000)."""
    fig = go.Figure()
    for region, part in frame.groupby("region", sort=False):
        st = style(
            region if region.startswith("PV") else "GM0114" if region == "CR08" else "GM0118"
        )
        name = str(part["region_name"].iloc[0])
        measured = part[part["kind"] == "gemeten"]
        outlook = part[part["kind"] == "prognose"]
        fig.add_trace(
            go.Scatter(
                x=measured["year"],
                y=measured["value"],
                mode="lines+markers",
                name=name,
                line={"color": st["color"], "width": 3},
                marker={"symbol": st["symbol"]},
                hovertemplate=f"{name} %{{x}}: %{{y:,.1f}}<extra></extra>",
            )
        )
        if not outlook.empty:
            fig.add_trace(
                go.Scatter(
                    x=outlook["year"],
                    y=outlook["value"],
                    mode="lines+markers+text",
                    name=f"{name} (prognose)",
                    line={"color": st["color"], "dash": "dot"},
                    marker={"symbol": "circle-open", "size": 10},
                    text=[format_number(v, 1) for v in outlook["value"]],
                    textposition="top center",
                    hovertemplate=f"{name} prognose %{{x}}: %{{y:,.1f}}<extra></extra>",
                )
            )
    source = source_text(["03759ned", "70072NED", "84527NED"], lang)
    finish(fig, t("outlook_title", lang), t("outlook_unit", lang), source, height=420)
    fig.update_yaxes(rangemode="tozero")
    return Chart(
        fig,
        frame,
        t("outlook_title", lang),
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
