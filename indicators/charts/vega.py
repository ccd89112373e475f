"""The house style of the Vega-Lite charts (Overzicht's charts and the maps of Kaart).

The specs are written as plain data, the documented input of ``st.vega_lite_chart``, not built
with Altair: Altair and its JSON-schema validator add 28 MB to every server and validate on each
conversion, while these specs never change shape (the tests validate them against the
Vega-Lite schema instead).
"""

from __future__ import annotations

import textwrap
from typing import Any

import pandas as pd

from indicators.charts import FONT

Spec = dict[str, Any]
# Vega formats numbers with d3-format; this is its Dutch locale (decimal comma, thousands point).
DUTCH_NUMBERS = {"decimal": ",", "thousands": ".", "grouping": [3], "currency": ["€ ", ""]}
ENGLISH_NUMBERS = {"decimal": ".", "thousands": ",", "grouping": [3], "currency": ["€", ""]}
TITLE_CHARS = 95  # about the width of a half-page chart at 15 px


# The regions' line styles (charts.REGION_STYLE) are named as plotly names them; these are
# the same in Vega. Vega has no star or x symbol: those are SVG paths in its unit square
# (-1..1), filled as plotly fills them. A 5-pointed star, outer radius 1, inner 0.45:
_STAR = (
    "M0,-1L0.26,-0.36L0.95,-0.31L0.43,0.14L0.59,0.81"
    "L0,0.45L-0.59,0.81L-0.43,0.14L-0.95,-0.31L-0.26,-0.36Z"
)
_X = "M-1,-0.6L-0.6,-1L0,-0.4L0.6,-1L1,-0.6L0.4,0L1,0.6L0.6,1L0,0.4L-0.6,1L-1,0.6L-0.4,0Z"
SHAPES = {"star": _STAR, "x": _X, "circle-open": "circle"}
DASHES = {
    "solid": [1, 0],
    "dash": [8, 4],
    "dot": [2, 3],
    "dashdot": [8, 3, 2, 3],
    "longdash": [14, 4],
}


def shape(symbol: str) -> str:
    """A plotly marker symbol as a Vega point shape."""
    return SHAPES.get(symbol, symbol)


def dash(name: str) -> list[int]:
    """A plotly line dash as a Vega stroke dash (lengths of dash and gap in pixels)."""
    return DASHES[name]


def records(frame: pd.DataFrame) -> list[dict[str, Any]]:
    """Rows as JSON-ready dicts (numpy scalars and NaN become plain numbers and null)."""
    return [
        {k: (None if isinstance(v, float) and v != v else v) for k, v in row.items()}
        for row in frame.astype(object).to_dict(orient="records")
    ]


def field(name: str, kind: str = "nominal", **extra: Any) -> Spec:
    return {"field": name, "type": kind, **extra}


def title_lines(title: str, width: int = TITLE_CHARS) -> list[str]:
    """The title as lines of at most ``width`` characters (Vega-Lite never wraps a title)."""
    return textwrap.wrap(title, width, break_long_words=False) or [title]


def house_style(view: Spec, title: str, unit: str, source: str, lang: str = "nl") -> Spec:
    """The finding as title, the unit under it, the source line below the chart. Without a
    title (the page shows the finding above the chart) the unit is the chart's first line."""
    heading = (
        {"text": title_lines(title), "subtitle": unit, "anchor": "start"}
        if title
        else {"text": unit, "anchor": "start", "fontSize": 12, "fontWeight": "normal"}
    )
    return {
        "$schema": "https://vega.github.io/schema/vega-lite/v6.json",
        "vconcat": [{**view, "title": heading}],
        "title": {
            "text": source,
            "orient": "bottom",
            "anchor": "start",
            "fontSize": 11,
            "fontWeight": "normal",
            "color": "#555555",
        },
        "config": {
            "locale": {"number": ENGLISH_NUMBERS if lang == "en" else DUTCH_NUMBERS},
            "font": FONT,
            "title": {"fontSize": 15, "subtitleFontSize": 12, "color": "#222222"},
            "axis": {"labelFontSize": 12, "titleFontSize": 12},
            "view": {"stroke": None},
        },
    }
