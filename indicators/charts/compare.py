"""The profile comparison of the page Vergelijken: indicators (rows) x regions (columns).

Each cell is coloured by z (direction-adjusted, Nederland = 0, capped at +-3) on the diverging,
colour-blind-safe PuOr scale: purple = better than Nederland, orange = worse. The cell text
carries the meaning without colour: the value itself (Dutch format) and an arrow (better /
worse than Nederland).
"""

from __future__ import annotations

import math
import textwrap

import pandas as pd
import plotly.graph_objects as go
from plotly.colors import diverging

from indicators import catalog
from indicators.charts import Chart, file_stem, finish, source_text
from indicators.formatting import format_number, format_signed, value_text
from indicators.ui_text import t

MISSING_COLOR = "#E6E6E6"
BETTER = "▲"
WORSE = "▼"
EQUAL = "="


def cell_text(value: float, z: float, decimals: int, status: str, lang: str = "nl") -> str:
    """'1,8 ▼': the value (with a status mark) and whether it is better or worse than NL."""
    if value is None or math.isnan(value):
        return "–"
    arrow = EQUAL if z == 0 or math.isnan(z) else BETTER if z > 0 else WORSE
    return f"{value_text(value, decimals, status, lang)} {arrow}"


def profile_heatmap(frame: pd.DataFrame, goal: int, title: str, lang: str = "nl") -> Chart:
    """Heatmap of ``frame`` (see views.vergelijken.profile): rows in catalog order, columns in the
    order of the selection, z coloured, values written in the cells."""
    rows = list(dict.fromkeys(frame["indicator_name"]))
    columns = list(dict.fromkeys(frame["region_name"]))
    # A dict of records, not frame.loc per cell: 240 cells cost 70 ms through .loc.
    grid = {(rec["indicator_name"], rec["region_name"]): rec for rec in frame.to_dict("records")}
    z, text, hover, missing = [], [], [], []
    for row in rows:
        z_row, text_row, hover_row, missing_row = [], [], [], []
        for column in columns:
            rec = grid[(row, column)]
            value, score = float(rec["value"]), float(rec["z"])
            decimals = int(rec["decimals"])
            z_row.append(score)
            missing_row.append(1.0 if math.isnan(score) else math.nan)
            text_row.append(cell_text(value, score, decimals, str(rec["status"]), lang=lang))
            if math.isnan(score):
                hover_row.append(t("vg_hover_none", lang, region=column, indicator=row))
            else:
                hover_row.append(
                    t(
                        "vg_hover",
                        lang,
                        region=column,
                        indicator=row,
                        value=format_number(value, decimals, lang=lang),
                        unit=rec["unit"],
                        year=int(rec["year"]),
                        nl=format_number(float(rec["nl_value"]), decimals, lang=lang),
                        z=format_signed(score, 1, lang=lang),
                    )
                )
        z.append(z_row)
        text.append(text_row)
        hover.append(hover_row)
        missing.append(missing_row)
    fig = go.Figure()
    fig.add_trace(
        go.Heatmap(
            z=missing,
            x=columns,
            y=rows,
            colorscale=[[0, MISSING_COLOR], [1, MISSING_COLOR]],
            showscale=False,
            hoverinfo="skip",
            xgap=2,
            ygap=2,
        )
    )
    fig.add_trace(
        go.Heatmap(
            z=z,
            x=columns,
            y=rows,
            text=text,
            texttemplate="%{text}",
            textfont={"size": 12},
            customdata=hover,
            hovertemplate="%{customdata}<extra></extra>",
            colorscale=diverging.PuOr,
            zmin=-3,
            zmax=3,
            zmid=0,
            xgap=2,
            ygap=2,
            colorbar={
                "title": {"text": t("vg_colorbar", lang), "side": "top", "font": {"size": 12}},
                "orientation": "h",
                "x": 0.5,
                "xanchor": "center",
                "y": -0.02,
                "yanchor": "top",
                "len": 0.7,
                "thickness": 12,
                "tickvals": [-3, -2, -1, 0, 1, 2, 3],
                "ticktext": [
                    t("vg_tick_worse", lang),
                    "−2",
                    "−1",
                    t("vg_tick_nl", lang),
                    "+1",
                    "+2",
                    t("vg_tick_better", lang),
                ],
            },
        )
    )
    # The missing-cells text: heatmap text is not drawn where z is empty. Set at once:
    # add_annotation validates the whole list again on every call (10 ms each).
    fig.update_layout(
        annotations=[
            {
                "x": column,
                "y": row,
                "text": t("km_no_data", lang).replace(" ", "<br>"),
                "showarrow": False,
                "font": {"size": 10, "color": "#444444"},
            }
            for index, column in enumerate(columns)
            for row_index, row in enumerate(rows)
            if math.isnan(z[row_index][index])
        ]
    )
    height = 330 + 40 * len(rows)
    tables = sorted({table for i in catalog.scored_indicators(goal) for table in i.tables})
    source = source_text(tables, lang)
    unit = t("vg_unit", lang, goal=goal, name=catalog.GOALS[goal][lang])
    finish(fig, title, unit, source, height=height, lang=lang)
    fig.update_xaxes(side="top", tickangle=-35, showgrid=False, automargin=True)
    fig.update_yaxes(autorange="reversed", showgrid=False, automargin=True)
    fig.update_layout(margin={"l": 10, "r": 10, "t": 200, "b": 130}, plot_bgcolor="#FFFFFF")
    fig.update_annotations(selector={"text": source}, yshift=-105)
    fig.update_yaxes(
        tickvals=rows,
        ticktext=["<br>".join(textwrap.wrap(r, 32, break_long_words=False)) for r in rows],
    )
    data = frame.drop(columns=["decimals"]).reset_index(drop=True)
    alt = t(
        "vg_alt",
        lang,
        goal=goal,
        n_rows=len(rows),
        regions=", ".join(columns),
        title=title,
    )
    stem = file_stem("vergelijken", f"doel-{goal}", *frame["region"].drop_duplicates().head(6))
    return Chart(fig, data, title, alt, stem, source)
