"""Pure chart functions: tidy frame in, figure out (no Streamlit).

Every chart is returned as a :class:`Chart`: the figure, exactly the data it draws (for its
download), a title that states the finding, an alt text, and a file stem. House style lives
here: Dutch number separators, a colour-blind-safe palette (Okabe-Ito) with a distinct line dash
and marker per region, so colour is never the only carrier of meaning, and a source line.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

import pandas as pd
import plotly.graph_objects as go
import plotly.io as pio

from indicators.formatting import separators
from indicators.regions import DRENTHE, NEDERLAND, ZOD

# Okabe-Ito: safe for the common colour-vision deficiencies.
OKABE_ITO = {
    "orange": "#E69F00",
    "sky": "#56B4E9",
    "green": "#009E73",
    "yellow": "#F0E442",
    "blue": "#0072B2",
    "vermillion": "#D55E00",
    "purple": "#CC79A7",
    "black": "#000000",
    "grey": "#8C8C8C",
}
REGION_STYLE: dict[str, dict[str, str]] = {
    "GM0114": {"color": OKABE_ITO["blue"], "dash": "solid", "symbol": "circle"},
    "GM0109": {"color": OKABE_ITO["orange"], "dash": "dash", "symbol": "square"},
    "GM0118": {"color": OKABE_ITO["green"], "dash": "dot", "symbol": "diamond"},
    "GM1681": {"color": OKABE_ITO["purple"], "dash": "dashdot", "symbol": "triangle-up"},
    ZOD: {"color": OKABE_ITO["vermillion"], "dash": "solid", "symbol": "star"},
    DRENTHE: {"color": OKABE_ITO["sky"], "dash": "longdash", "symbol": "x"},
    NEDERLAND: {"color": OKABE_ITO["black"], "dash": "solid", "symbol": "cross"},
    "peers": {"color": OKABE_ITO["grey"], "dash": "dot", "symbol": "circle-open"},
}
OTHER_STYLE = {"color": OKABE_ITO["grey"], "dash": "solid", "symbol": "circle-open"}
BETTER_COLOR = OKABE_ITO["blue"]
WORSE_COLOR = OKABE_ITO["vermillion"]
NEUTRAL_COLOR = "#BBBBBB"
FONT = "Source Sans, Source Sans Pro, Arial, sans-serif"  # Source Sans: Streamlit's own font


def style(region: str) -> dict[str, str]:
    return REGION_STYLE.get(region, OTHER_STYLE)


@dataclass
class Chart:
    """A figure with the data behind it and the words around it.

    ``figure`` is a plotly figure, or a Vega-Lite spec (plain data) on the landing page,
    which the browser draws with far less JavaScript (see charts/overview.py).
    """

    figure: go.Figure | dict[str, Any]
    data: pd.DataFrame
    title: str
    alt: str
    file_stem: str
    source: str = ""
    extra: dict[str, object] = field(default_factory=dict)


def file_stem(*parts: object) -> str:
    """Self-explaining, filesystem-safe file name stem: 'brede-welvaart_emmen_doel-1'."""
    text = "_".join(str(p) for p in parts if p not in (None, ""))
    text = re.sub(r"[^0-9A-Za-z_-]+", "-", text.lower()).strip("-_")
    return f"brede-welvaart_{text}"


def source_text(tables: list[str] | tuple[str, ...], lang: str = "nl") -> str:
    from indicators.ui_text import t

    word = t("table_word", lang)
    shown = ", ".join(dict.fromkeys(f"{word} {x}" if x[:1].isdigit() else x for x in tables))
    return t("source_line", lang, tables=shown)


def _house_template() -> go.layout.Template:
    """Plotly's "plotly_white" for the trace types the charts draw (bar, scatter, histogram,
    heatmap, table, map markers): the same look. The whole template, with its defaults for
    3-D scenes, polar and geo axes and a score of unused trace types, took 18 ms to attach to
    every figure and 7 KB in every chart sent to the browser."""
    full = pio.templates["plotly_white"].to_plotly_json()
    used = {"bar", "heatmap", "histogram", "scatter", "scattermap", "table"}
    return go.layout.Template(
        data={kind: v for kind, v in full["data"].items() if kind in used},
        layout={
            k: v for k, v in full["layout"].items() if k not in {"geo", "polar", "scene", "ternary"}
        },
    )


HOUSE_TEMPLATE = _house_template()


def finish(
    fig: go.Figure, title: str, unit: str, source: str, height: int = 420, lang: str = "nl"
) -> go.Figure:
    """House layout: title (the finding), unit under it, source line at the bottom, numbers
    in the reader's notation."""
    fig.update_layout(
        title={"text": f"{title}<br><sup>{unit}</sup>", "x": 0, "xanchor": "left"},
        separators=separators(lang),
        font={"family": FONT, "size": 14, "color": "#222222"},
        template=HOUSE_TEMPLATE,
        height=height,
        margin={"l": 10, "r": 10, "t": 80, "b": 70},
        legend={"orientation": "h", "yanchor": "top", "y": -0.15, "x": 0},
    )
    fig.add_annotation(
        text=source,
        xref="paper",
        yref="paper",
        x=0,
        y=-0.01,
        yshift=-52,
        showarrow=False,
        xanchor="left",
        yanchor="top",
        font={"size": 11, "color": "#555555"},
    )
    return fig
