"""Choropleth maps of the page Kaart (plotly ``Choroplethmap``, drawn offline).

The base map is a plain white background with no tile, sprite or font server: plotly's own
``"white-bg"`` style names a glyph server (fonts.openmaptiles.org) that MapLibre calls as soon as
a trace carries text, so the style below is that same white background without the glyph URL;
MapLibre then draws the names with the browser's own fonts and the map never fetches anything.

Colours: equal-count classes (quintiles) on the sequential, colour-blind-safe Viridis scale,
turned so that darker always means more favourable (scored indicators) or higher (context);
the colour bar says which. Areas without a value are light grey with "geen gegevens".
"""

from __future__ import annotations

import textwrap

import numpy as np
import pandas as pd
import plotly.graph_objects as go
from plotly.colors import sample_colorscale

from indicators.boundaries import (
    GEO_YEAR,
    MapView,
    bounds,
    fit_view,
    label_boxes,
    labels,
    outline_path,
    subset,
)
from indicators.catalog import Indicator
from indicators.charts import Chart, file_stem, finish, source_text
from indicators.formatting import dated_label, format_number, shown_decimals
from indicators.regions import DRENTHE, FOCUS_MUNICIPALITIES
from indicators.ui_text import t

MAX_CLASSES = 5

MAP_WIDTH = 760  # the narrowest width the map is drawn at on a laptop in the wide layout

MAP_HEIGHT = 760

# Title (up to two lines and the unit) above; the legend and the source line below.
MARGIN = {"l": 10, "r": 10, "t": 100, "b": 110}

COLOUR_BAR_PX = 110

# plotly's "white-bg" without its glyph server URL (see the module docstring). MapLibre
# requires a "sources" entry and plotly drops an empty one, so it holds one empty GeoJSON
# source (inline, nothing to fetch, used by no layer); without it every map logs "Map error.".
MAP_STYLE: dict[str, object] = {
    "version": 8,
    "sources": {"none": {"type": "geojson", "data": {"type": "FeatureCollection", "features": []}}},
    "layers": [{"id": "white-bg", "type": "background", "paint": {"background-color": "#FFFFFF"}}],
}
MISSING_COLOR = "#D9D9D9"
OUTLINE_COLOR = "#111111"
PROVINCE_COLOR = "#444444"
CASING_COLOR = "rgba(255,255,255,0.9)"
BORDER_COLOR = "#FFFFFF"
ZOOMS = ("nederland", "drenthe")
FOCUS = list(FOCUS_MUNICIPALITIES)


def plot_area(height: int = MAP_HEIGHT, width: int = MAP_WIDTH) -> tuple[int, int]:
    """The map's own pixels inside the figure: width, height (without title, source, bar)."""
    return (
        width - MARGIN["l"] - MARGIN["r"] - COLOUR_BAR_PX,
        height - MARGIN["t"] - MARGIN["b"],
    )


def classify(values: pd.Series, n_classes: int = MAX_CLASSES) -> tuple[pd.Series, list]:
    """Equal-count classes (quintiles, as CBS maps use) of the values, lowest value = class 0.

    A value's class is floor(n_classes * share of values strictly below it), so ties always
    share a class and a skewed indicator (distance to a hospital: 2 to 64 km) still spreads
    its colours; classes left empty by ties are dropped. Returns the class per value (NaN
    stays NaN) and per class its (min, max) in the data.
    """
    valid = values.dropna().astype(float)
    if valid.empty:
        return pd.Series(np.nan, index=values.index), []
    below = valid.rank(method="min") - 1
    raw = np.floor(n_classes * below / len(valid)).astype(int)
    renumber = {old: new for new, old in enumerate(sorted(raw.unique()))}
    classes = raw.map(renumber)
    ranges = [
        (float(valid[classes == k].min()), float(valid[classes == k].max()))
        for k in range(len(renumber))
    ]
    return classes.reindex(values.index).astype(float), ranges


def class_labels(ranges: list[tuple[float, float]], decimals: int, lang: str = "nl") -> list[str]:
    """'0,5 – 0,8' per class (one number where a class holds one value)."""
    out = []
    for low, high in ranges:
        a, b = (
            format_number(low, decimals, lang),
            format_number(high, decimals, lang),
        )
        out.append(a if a == b else f"{a} – {b}")
    return out


def class_colours(n: int, ind: Indicator) -> list[str]:
    """Colour per class (class 0 = lowest values): Viridis, darkest for the most favourable
    class (lowest values when lower is better), else darkest for the highest values."""
    if n <= 1:
        return sample_colorscale("Viridis", [0.5])
    steps = [k / (n - 1) for k in range(n)]
    positions = steps if ind.direction == "lower_better" else [1 - s for s in steps]
    return sample_colorscale("Viridis", positions)


def stepped_scale(colours: list[str]) -> list[list[object]]:
    """A plotly colour scale with one flat step per class (z = class index)."""
    n = len(colours)
    scale: list[list[object]] = []
    for k, colour in enumerate(colours):
        scale.append([k / n, colour])
        scale.append([(k + 1) / n, colour])
    return scale


def legend_note(ind: Indicator, lang: str) -> str:
    return t("km_dark_better" if ind.scored else "km_dark_higher", lang)


def _choropleth_traces(
    values: pd.DataFrame,
    geo: dict,
    ind: Indicator,
    unit: str,
    lang: str,
    geometry_url: str | None = None,
) -> list[go.Choroplethmap]:
    """The coloured areas (with a stepped colour bar) and the grey 'geen gegevens' areas.

    With ``geometry_url`` (the same file as ``geo``, served by the app) the traces name their
    geometry instead of carrying it: plotly draws only the features their ``locations`` name."""
    shown = values["label"] if "label" in values else values["name"]
    values = values.assign(label=shown)
    have = values.dropna(subset=["value"])
    missing = values[values["value"].isna()]
    traces: list[go.Choroplethmap] = []
    _, ranges = classify(have["value"])
    decimals = shown_decimals(ind, have["value"])
    ticks = class_labels(ranges, decimals, lang=lang)
    colours = class_colours(len(ranges), ind)
    n = len(have)
    if not have.empty:
        traces.append(
            go.Choroplethmap(
                geojson=geometry_url or subset(geo, have["code"].tolist()),
                featureidkey="properties.code",
                locations=have["code"],
                z=have["class"],
                zmin=-0.5,
                zmax=len(ranges) - 0.5,
                colorscale=stepped_scale(colours),
                marker={"line": {"width": 0.4, "color": BORDER_COLOR}},
                customdata=list(
                    zip(have["label"], have["value_text"], have["year"], have["rank"], strict=True)
                ),
                hovertemplate="<b>%{customdata[0]}</b><br>%{customdata[1]} "
                + unit
                + " (%{customdata[2]})<br>"
                + t("km_hover_place", lang, n=n)
                + "<extra></extra>",
                colorbar={
                    "title": {"text": f"{unit}<br><sup>{legend_note(ind, lang)}</sup>"},
                    "tickvals": list(range(len(ranges))),
                    "ticktext": ticks,
                    "len": 0.75,
                    "thickness": 16,
                    "outlinewidth": 0,
                },
                name=ind.name(lang),
                showlegend=False,
            )
        )
    if not missing.empty:
        traces.append(
            go.Choroplethmap(
                geojson=geometry_url or subset(geo, missing["code"].tolist()),
                featureidkey="properties.code",
                locations=missing["code"],
                z=[0] * len(missing),
                colorscale=[[0, MISSING_COLOR], [1, MISSING_COLOR]],
                showscale=False,
                marker={"line": {"width": 0.4, "color": BORDER_COLOR}},
                customdata=list(zip(missing["label"], missing["year"], strict=True)),
                hovertemplate="<b>%{customdata[0]}</b><br>"
                + t("km_no_data", lang)
                + " (%{customdata[1]})<extra></extra>",
                name=t("km_no_data", lang),
                showlegend=True,
            )
        )
    return traces


def _outline_and_labels(
    fig: go.Figure,
    geo: dict,
    codes: list[str],
    names: dict[str, str],
    view: MapView,
    beside: bool,
    lang: str,
) -> pd.DataFrame:
    """Thick dark borders of ``codes`` with their names (white box behind a name that sits on
    colour; a leader line to a name placed beside). Returns the label positions."""
    lons, lats = outline_path(geo, codes)
    _cased_line(fig, lons, lats, 3, OUTLINE_COLOR, t("km_outline_legend", lang))
    placed = labels(geo, codes, names, view, beside)
    if beside:
        leader_lon: list[float | None] = []
        leader_lat: list[float | None] = []
        for row in placed.itertuples():
            leader_lon += [row.anchor_lon, row.lon, None]
            leader_lat += [row.anchor_lat, row.lat, None]
        fig.add_trace(
            go.Scattermap(
                lon=leader_lon,
                lat=leader_lat,
                mode="lines",
                line={"width": 1, "color": OUTLINE_COLOR},
                hoverinfo="skip",
                showlegend=False,
            )
        )
        fig.add_trace(
            go.Scattermap(
                lon=placed["anchor_lon"],
                lat=placed["anchor_lat"],
                mode="markers",
                marker={"size": 6, "color": OUTLINE_COLOR},
                hoverinfo="skip",
                showlegend=False,
            )
        )
    else:
        for box in label_boxes(placed, view).itertuples():
            fig.add_trace(
                go.Scattermap(
                    lon=box.lons,
                    lat=box.lats,
                    mode="lines",
                    fill="toself",
                    fillcolor="rgba(255,255,255,0.85)",
                    line={"width": 0, "color": "rgba(255,255,255,0)"},
                    hoverinfo="skip",
                    showlegend=False,
                )
            )
    fig.add_trace(
        go.Scattermap(
            lon=placed["lon"],
            lat=placed["lat"],
            # "markers+text" with an invisible marker: plotly's text-only mode gives MapLibre
            # a NaN text offset for any position but the centre, and the names vanish.
            mode="markers+text",
            marker={"size": 1, "opacity": 0},
            text=placed["name"],
            textposition="middle right" if beside else "middle center",
            textfont={"size": 14, "color": OUTLINE_COLOR, "weight": "bold"},
            hoverinfo="skip",
            showlegend=False,
        )
    )
    return placed


def wrap_title(title: str, width: int = 90) -> str:
    """A long finding over two lines (plotly does not wrap titles): after the colon where
    there is one, so the numbers get a line of their own."""
    if len(title) <= width:
        return title
    head, sep, tail = title.partition(": ")
    if sep and len(head) < width and len(tail) < width:
        return f"{head}:<br>{tail}"
    return "<br>".join(textwrap.wrap(title, width, break_long_words=False))


# What plotly's "plotly_white" (the house template, see charts.finish) gives a map; the full
# template, 7 KB of axis, scene and polar defaults a map never uses, would travel with every
# rerun of the page.
MAP_TEMPLATE = {
    "layout": {
        "hovermode": "closest",
        "hoverlabel": {"align": "left"},
        "paper_bgcolor": "white",
        "plot_bgcolor": "white",
    }
}


def _map_layout(fig: go.Figure, view: MapView) -> None:
    """Map frame with fixed margins (the zoom is computed for exactly this plot area); the
    legend sits under the map, above the source line."""
    fig.layout.template = MAP_TEMPLATE  # assigned: update_layout would merge into the full one
    fig.update_layout(
        map={"style": MAP_STYLE, "center": {"lon": view.lon, "lat": view.lat}, "zoom": view.zoom},
        legend={"orientation": "h", "yanchor": "top", "y": -0.01, "x": 0, "xanchor": "left"},
        margin=MARGIN,
    )
    fig.update_annotations(selector={"xref": "paper", "yref": "paper"}, yshift=-60)


def _cased_line(
    fig: go.Figure,
    lons: list[float | None],
    lats: list[float | None],
    width: float,
    colour: str,
    name: str,
) -> None:
    """A dark line on a white casing, so a border stays visible on the darkest colour too."""
    fig.add_trace(
        go.Scattermap(
            lon=lons,
            lat=lats,
            mode="lines",
            line={"width": width + 3, "color": CASING_COLOR},
            hoverinfo="skip",
            showlegend=False,
        )
    )
    fig.add_trace(
        go.Scattermap(
            lon=lons,
            lat=lats,
            mode="lines",
            line={"width": width, "color": colour},
            hoverinfo="skip",
            name=name,
            showlegend=True,
        )
    )


def _province_border(fig: go.Figure, province_geo: dict, lang: str) -> None:
    """Drenthe's border, for orientation."""
    lons, lats = outline_path(province_geo, [DRENTHE])
    _cased_line(fig, lons, lats, 1.5, PROVINCE_COLOR, t("km_province_legend", lang))


def municipal_map(
    values: pd.DataFrame,
    geo: dict,
    province_geo: dict,
    ind: Indicator,
    year: int,
    zoom: str,
    names: dict[str, str],
    title: str,
    drenthe: list[str],
    lang: str = "nl",
    reference_year: int | None = None,
    geometry_url: str | None = None,
) -> Chart:
    """All municipalities coloured by ``values`` (see views.kaart.area_values), the four outlined
    and named; ``zoom`` "nederland" (the whole country) or "drenthe" (framed on the
    municipalities ``drenthe``). A year more than five years older than the snapshot
    (``reference_year``) is marked as dated in the line under the title. ``geometry_url``: see
    ``_choropleth_traces`` (without it the figure carries its geometry, as an export needs)."""
    box = bounds(geo, drenthe or FOCUS) if zoom == "drenthe" else bounds(geo)
    view = fit_view(box, *plot_area())
    fig = go.Figure(_choropleth_traces(values, geo, ind, ind.unit_text(lang), lang, geometry_url))
    _province_border(fig, province_geo, lang)
    _outline_and_labels(fig, geo, FOCUS, names, view, beside=zoom != "drenthe", lang=lang)
    source = source_text([*ind.tables, t("km_geo_source", lang, year=GEO_YEAR)], lang)
    shown_year = f"{year}{dated_label(year, reference_year, lang)}"
    unit = t(
        "km_unit_line", lang, unit=ind.unit_text(lang), year=shown_year, note=legend_note(ind, lang)
    )
    finish(fig, wrap_title(title), unit, source, height=MAP_HEIGHT, lang=lang)
    _map_layout(fig, view)
    n_missing = int(values["value"].isna().sum())
    alt = t(
        "km_alt",
        lang,
        name=ind.name(lang),
        year=year,
        n=int(values["value"].notna().sum()),
        missing=n_missing,
        note=legend_note(ind, lang),
        title=title,
    )
    _, ranges = classify(values["value"])
    labels_text = class_labels(ranges, shown_decimals(ind, values["value"].dropna()), lang=lang)
    data = values.assign(
        unit=ind.unit_text(lang),
        colour_class=values["class"] + 1,
        class_range=values["class"].map(
            lambda k: labels_text[int(k)] if pd.notna(k) else t("km_no_data", lang)
        ),
    )[["code", "name", "year", "value", "unit", "status", "table", "rank", "colour_class",
       "class_range"]]  # fmt: skip
    return Chart(
        fig,
        data.reset_index(drop=True),
        title,
        alt,
        file_stem("kaart", ind.id, year, zoom),
        source,
    )


def wijk_map(
    values: pd.DataFrame,
    wijk_geo: dict,
    gemeente_geo: dict,
    ind: Indicator,
    names: dict[str, str],
    title: str,
    lang: str = "nl",
    geometry_url: str | None = None,
) -> Chart:
    """The wijken of the four municipalities coloured by ``values`` (area_values plus a
    ``gemeente`` column), the municipal borders drawn on top and named; ``geometry_url`` as in
    ``municipal_map``."""
    view = fit_view(bounds(gemeente_geo, FOCUS), *plot_area(), padding=0.03)
    shown = values.assign(label=values["name"] + " (" + values["gemeente_name"] + ")")
    fig = go.Figure(
        _choropleth_traces(shown, wijk_geo, ind, ind.unit_text(lang), lang, geometry_url)
    )
    _outline_and_labels(fig, gemeente_geo, FOCUS, names, view, beside=False, lang=lang)
    year = int(values["year"].iloc[0]) if not values.empty else GEO_YEAR
    source = source_text([*ind.tables, t("km_geo_source", lang, year=GEO_YEAR)], lang)
    unit = t(
        "km_wijk_unit_line", lang, unit=ind.unit_text(lang), year=year, note=legend_note(ind, lang)
    )
    finish(fig, wrap_title(title), unit, source, height=MAP_HEIGHT, lang=lang)
    _map_layout(fig, view)
    alt = t(
        "km_wijk_alt",
        lang,
        name=ind.name(lang),
        year=year,
        n=int(values["value"].notna().sum()),
        title=title,
    )
    data = values.assign(unit=ind.unit_text(lang), colour_class=values["class"] + 1)[
        ["code", "name", "gemeente", "gemeente_name", "year", "value", "unit", "status", "table",
         "rank", "colour_class"]
    ]  # fmt: skip
    return Chart(
        fig, data.reset_index(drop=True), title, alt, file_stem("kaart-wijken", ind.id, year)
    )
