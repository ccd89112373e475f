"""The maps of the page Kaart: Vega-Lite specs on screen, plotly figures for images.

On screen a map is a Vega-Lite spec (plain data, as Overzicht's charts, see charts/overview.py)
that names the served boundary file by URL: the browser fetches it once and a rerun sends the
values only. Vega draws a map on a canvas in about the time of no chart at all, where a
MapLibre map (plotly's ``Choroplethmap``) costs some 350 ms of software WebGL on every load
(benchmarks/bench_app.py). The plotly figure of the same map stays for the PNG download, which
kaleido renders on the server; it carries its geometry and draws on a plain white background
with no tile, sprite or font server: plotly's own ``"white-bg"`` style names a glyph server
(fonts.openmaptiles.org) that MapLibre calls as soon as a trace carries text, so the style
below is that same white background without the glyph URL.

Both draw the same map from the same pieces (classes, colours, view, label places, texts):
colours are equal-count classes (quintiles) on the sequential, colour-blind-safe Viridis scale,
turned so that darker always means more favourable (scored indicators) or higher (context); the
legend says which. Areas without a value are light grey with "geen gegevens".
"""

from __future__ import annotations

import json
import math
import textwrap
from typing import NamedTuple

import numpy as np
import pandas as pd
import plotly.graph_objects as go
from plotly.colors import sample_colorscale

from indicators.boundaries import (
    GEO_YEAR,
    LABEL_FONT_PX,
    NOT_SERVED,
    WORLD_PX,
    GeometryUrls,
    MapView,
    bounds,
    fit_view,
    label_boxes,
    labels,
    outline_path,
    subset,
    wound_for_d3,
)
from indicators.catalog import Indicator
from indicators.charts import Chart, file_stem, finish, source_text
from indicators.charts.vega import Spec, house_style, records
from indicators.formatting import dated_label, format_number, shown_decimals
from indicators.regions import DRENTHE, FOCUS_MUNICIPALITIES
from indicators.ui_text import t

MAX_CLASSES = 5

MAP_WIDTH = 760  # the narrowest width the map is drawn at on a laptop in the wide layout

MAP_HEIGHT = 760

# Title (up to two lines and the unit) above; the legend and the source line below.
MARGIN = {"l": 10, "r": 10, "t": 100, "b": 110}

COLOUR_BAR_PX = 110

NAMES_BESIDE_PX = 130  # room to the right of the country for the names placed beside it

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


class MapParts(NamedTuple):
    """What the screen's spec and the image's figure of one map both draw, computed once."""

    values: pd.DataFrame  # views.kaart.area_values, with ``label`` (the name a tooltip shows)
    view: MapView  # centre and zoom that frame the map in its plot area
    placed: pd.DataFrame  # where the names of the outlined municipalities go (labels)
    beside: bool  # names stacked beside the map with leader lines (the whole country)
    title: str
    unit: str  # the line under the title
    source: str
    alt: str
    data: pd.DataFrame  # what the map's downloads hold
    file_stem: str
    year: int


def municipal_parts(
    values: pd.DataFrame,
    geo: dict,
    ind: Indicator,
    year: int,
    zoom: str,
    names: dict[str, str],
    title: str,
    drenthe: list[str],
    lang: str = "nl",
    reference_year: int | None = None,
) -> MapParts:
    """All municipalities coloured by ``values`` (see views.kaart.area_values), the four outlined
    and named; ``zoom`` "nederland" (the whole country) or "drenthe" (framed on the
    municipalities ``drenthe``). A year more than five years older than the snapshot
    (``reference_year``) is marked as dated in the line under the title."""
    box = bounds(geo, drenthe or FOCUS) if zoom == "drenthe" else bounds(geo)
    view = fit_view(box, *plot_area())
    beside = zoom != "drenthe"
    source = source_text([*ind.tables, t("km_geo_source", lang, year=GEO_YEAR)], lang)
    shown_year = f"{year}{dated_label(year, reference_year, lang)}"
    unit = t(
        "km_unit_line", lang, unit=ind.unit_text(lang), year=shown_year, note=legend_note(ind, lang)
    )
    alt = t(
        "km_alt",
        lang,
        name=ind.name(lang),
        year=year,
        n=int(values["value"].notna().sum()),
        missing=int(values["value"].isna().sum()),
        note=legend_note(ind, lang),
    )  # without the finding (the title): the same for every region, see municipal_map_spec
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
    return MapParts(
        values.assign(label=values["name"]),
        view,
        labels(geo, FOCUS, names, view, beside),
        beside,
        title,
        unit,
        source,
        alt,
        data.reset_index(drop=True),
        file_stem("kaart", ind.id, year, zoom),
        year,
    )


def wijk_parts(
    values: pd.DataFrame,
    gemeente_geo: dict,
    ind: Indicator,
    names: dict[str, str],
    title: str,
    lang: str = "nl",
) -> MapParts:
    """The wijken of the four municipalities coloured by ``values`` (area_values plus a
    ``gemeente`` column), the municipal borders drawn on top and named."""
    view = fit_view(bounds(gemeente_geo, FOCUS), *plot_area(), padding=0.03)
    year = int(values["year"].iloc[0]) if not values.empty else GEO_YEAR
    source = source_text([*ind.tables, t("km_geo_source", lang, year=GEO_YEAR)], lang)
    unit = t(
        "km_wijk_unit_line", lang, unit=ind.unit_text(lang), year=year, note=legend_note(ind, lang)
    )
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
    return MapParts(
        values.assign(label=values["name"] + " (" + values["gemeente_name"] + ")"),
        view,
        labels(gemeente_geo, FOCUS, names, view, beside=False),
        False,
        title,
        unit,
        source,
        alt,
        data.reset_index(drop=True),
        file_stem("kaart-wijken", ind.id, year),
        year,
    )


# --- on screen: Vega-Lite ----------------------------------------------------------------


def _geometry(name: str, geo: dict, urls: GeometryUrls) -> Spec:
    """Where Vega finds a boundary file: the URL at which the app serves it (fetched once by
    the browser), else the features themselves, wound for d3 (see boundaries.wound_for_d3)."""
    url = getattr(urls, name)
    if url:
        return {"url": url, "format": {"type": "json", "property": "features"}}
    return {"values": wound_for_d3(geo)["features"]}


def _projection(view: MapView, width: int) -> Spec:
    """The Web Mercator view MapLibre shows for ``view`` (the same centre and zoom) in the plot
    area, so the places of the names (boundaries.labels) fall where they were computed to:
    d3's scale is the world's width in pixels over 2 pi, MapLibre's world 512 * 2**zoom pixels
    wide. ``width``: the view's width, which may be wider than the plot area on the right."""
    area_width, height = plot_area()
    return {
        "type": "mercator",
        "scale": WORLD_PX * 2**view.zoom / (2 * math.pi),
        "center": [view.lon, view.lat],
        "translate": [area_width / 2, height / 2],
        "clipExtent": [[0, 0], [width, height]],
    }


def _area_layer(parts: MapParts, geometry: Spec, ind: Indicator, lang: str) -> Spec:
    """The areas coloured by class, 'geen gegevens' grey, with a tooltip; one legend entry per
    class, the highest values on top (as the image's colour bar reads)."""
    values = parts.values
    have = values["value"].notna()
    _, ranges = classify(values["value"])
    ticks = class_labels(ranges, shown_decimals(ind, values.loc[have, "value"]), lang=lang)
    colours = class_colours(len(ranges), ind)
    missing_key = len(ranges)  # one more key for "geen gegevens"
    n = int(have.sum())
    rows = [
        {
            "c": code,
            "n": label,
            "k": int(k) if ok else missing_key,
            "v": text if ok else t("km_no_data", lang),
            "p": t("km_tooltip_place", lang, rank=int(rank), n=n) if ok else "",
        }
        for code, label, k, text, rank, ok in zip(
            values["code"],
            values["label"],
            values["class"],
            values["value_text"],
            values["rank"],
            have,
            strict=True,
        )
    ]
    domain = list(reversed(range(len(ranges))))
    colour_range = [colours[k] for k in domain]
    if not have.all():
        domain.append(missing_key)
        colour_range.append(MISSING_COLOR)
    unit = ind.unit_text(lang)
    return {
        "data": geometry,
        "transform": [
            {
                "lookup": "properties.code",
                "from": {"data": {"values": rows}, "key": "c", "fields": ["n", "k", "v", "p"]},
            },
            {"filter": "isValid(datum.k)"},  # an area of the file that the map does not show
        ],
        "mark": {"type": "geoshape", "stroke": BORDER_COLOR, "strokeWidth": 0.4},
        "encoding": {
            "color": {
                "field": "k",
                "type": "ordinal",
                "scale": {"domain": domain, "range": colour_range},
                "legend": {
                    "title": [unit, legend_note(ind, lang)],
                    "orient": "right",
                    "labelExpr": f"{json.dumps([*ticks, t('km_no_data', lang)])}[datum.value]",
                    "symbolType": "square",
                    "symbolSize": 180,
                    "labelFontSize": 12,
                    "titleFontSize": 12,
                },
            },
            "tooltip": [
                {"field": "n", "title": t("km_col_name", lang)},
                {"field": "v", "title": f"{unit} ({parts.year})"},
                {"field": "p", "title": t("km_col_place", lang)},
            ],
        },
    }


def _outline_layers(
    geometry: Spec, codes: list[str], width: float, name: str, strokes: dict[str, str]
) -> list[Spec]:
    """A dark border of ``codes`` on a white casing, so it stays visible on the darkest colour;
    ``strokes`` (legend name -> colour) is the one legend of all outlines of the map."""
    keep = {"filter": {"field": "properties.code", "oneOf": codes}}
    # No fill at all (Vega-Lite gives an unfilled shape a transparent one, which would catch
    # the pointer and hide the tooltips of the areas under the outline) and no tooltip.
    line = {"type": "geoshape", "filled": False, "fill": None, "tooltip": None, "aria": False}
    return [
        {
            "data": geometry,
            "transform": [keep],
            "mark": {**line, "stroke": CASING_COLOR, "strokeWidth": width + 3},
        },
        {
            "data": geometry,
            "transform": [keep, {"calculate": json.dumps(name), "as": "outline"}],
            "mark": {**line, "strokeWidth": width},
            "encoding": {
                "stroke": {
                    "field": "outline",
                    "type": "nominal",
                    "scale": {"domain": list(strokes), "range": list(strokes.values())},
                    "legend": {
                        "title": None,
                        "orient": "bottom",
                        "direction": "horizontal",
                        "symbolType": "stroke",
                        "symbolStrokeWidth": 3,
                        "labelFontSize": 12,
                        "labelLimit": 600,
                    },
                }
            },
        },
    ]


def _label_layers(placed: pd.DataFrame, beside: bool) -> list[Spec]:
    """The names of the four: beside the map with a leader line to a dot in each, or inside
    each on a white halo (Vega draws a text's stroke, which MapLibre in plotly cannot)."""
    rows = {"values": records(placed[["name", "lon", "lat", "anchor_lon", "anchor_lat"]])}
    at = {
        "longitude": {"field": "lon", "type": "quantitative"},
        "latitude": {"field": "lat", "type": "quantitative"},
        "text": {"field": "name", "type": "nominal"},
    }
    anchor = {
        "longitude": {"field": "anchor_lon", "type": "quantitative"},
        "latitude": {"field": "anchor_lat", "type": "quantitative"},
    }
    text = {
        "type": "text",
        "fontSize": LABEL_FONT_PX,
        "fontWeight": "bold",
        "tooltip": None,
        "aria": False,  # drawing, not content: the names are in the alt text and the table
    }
    if beside:
        return [
            {
                "data": rows,
                "mark": {
                    "type": "rule",
                    "color": OUTLINE_COLOR,
                    "strokeWidth": 1,
                    "tooltip": None,
                    "aria": False,
                },
                "encoding": {
                    **anchor,
                    "longitude2": {"field": "lon"},
                    "latitude2": {"field": "lat"},
                },
            },
            {
                "data": rows,
                "mark": {
                    "type": "circle",
                    "color": OUTLINE_COLOR,
                    "size": 30,
                    "opacity": 1,
                    "tooltip": None,
                    "aria": False,
                },
                "encoding": anchor,
            },
            {
                "data": rows,
                "mark": {**text, "align": "left", "dx": 4, "color": OUTLINE_COLOR},
                "encoding": at,
            },
        ]
    return [
        {
            "data": rows,
            "mark": {**text, "color": "white", "stroke": "white", "strokeWidth": 4, "opacity": 0.9},
            "encoding": at,
        },
        {"data": rows, "mark": {**text, "color": OUTLINE_COLOR}, "encoding": at},
    ]


def _spec_chart(parts: MapParts, layers: list[Spec], lang: str, titled: bool = True) -> Chart:
    width, height = plot_area()
    width += NAMES_BESIDE_PX if parts.beside else 0  # the legend must not cover the names
    view = {
        "width": width,
        "height": height,
        "projection": _projection(parts.view, width),
        "layer": layers,
    }
    spec = house_style(view, parts.title if titled else "", parts.unit, parts.source, lang)
    return Chart(spec, parts.data, parts.title, parts.alt, parts.file_stem, parts.source)


def municipal_map_spec(
    parts: MapParts,
    geo: dict,
    province_geo: dict,
    ind: Indicator,
    lang: str = "nl",
    urls: GeometryUrls = NOT_SERVED,
) -> Chart:
    """The national map on screen (see :func:`municipal_parts`); ``urls``: where the app serves
    the boundary files ``gemeenten`` and ``provincies`` (without them the spec carries them).

    The spec leaves out the title (``Chart.title``, the chosen region's finding, which the page
    shows above the map), so that it is the same for every region: a change of municipality
    then sends and draws no map at all (the browser keeps the one it has)."""
    municipalities = _geometry("gemeenten", geo, urls)
    province = _geometry("provincies", province_geo, urls)
    strokes = {
        t("km_province_legend", lang): PROVINCE_COLOR,
        t("km_outline_legend", lang): OUTLINE_COLOR,
    }
    layers = [
        _area_layer(parts, municipalities, ind, lang),
        *_outline_layers(province, [DRENTHE], 1.5, t("km_province_legend", lang), strokes),
        *_outline_layers(municipalities, FOCUS, 3, t("km_outline_legend", lang), strokes),
        *_label_layers(parts.placed, parts.beside),
    ]
    return _spec_chart(parts, layers, lang, titled=False)


def wijk_map_spec(
    parts: MapParts,
    wijk_geo: dict,
    gemeente_geo: dict,
    ind: Indicator,
    lang: str = "nl",
    urls: GeometryUrls = NOT_SERVED,
) -> Chart:
    """The wijk map on screen (see :func:`wijk_parts`); ``urls`` as in municipal_map_spec, for
    ``wijken`` and ``gemeenten``."""
    municipalities = _geometry("gemeenten", gemeente_geo, urls)
    strokes = {t("km_outline_legend", lang): OUTLINE_COLOR}
    layers = [
        _area_layer(parts, _geometry("wijken", wijk_geo, urls), ind, lang),
        *_outline_layers(municipalities, FOCUS, 3, t("km_outline_legend", lang), strokes),
        *_label_layers(parts.placed, beside=False),
    ]
    return _spec_chart(parts, layers, lang)


# --- as an image: plotly (kaleido) -------------------------------------------------------


def _choropleth_traces(
    values: pd.DataFrame,
    geo: dict,
    ind: Indicator,
    unit: str,
    lang: str,
) -> list[go.Choroplethmap]:
    """The coloured areas (with a stepped colour bar) and the grey 'geen gegevens' areas."""
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
                geojson=subset(geo, have["code"].tolist()),
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
                geojson=subset(geo, missing["code"].tolist()),
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


def _outline_and_labels(fig: go.Figure, geo: dict, parts: MapParts, lang: str) -> None:
    """Thick dark borders of the four with their names (white box behind a name that sits on
    colour; a leader line to a name placed beside)."""
    lons, lats = outline_path(geo, FOCUS)
    _cased_line(fig, lons, lats, 3, OUTLINE_COLOR, t("km_outline_legend", lang))
    placed, beside, view = parts.placed, parts.beside, parts.view
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


def _figure_chart(fig: go.Figure, parts: MapParts, lang: str) -> Chart:
    finish(fig, wrap_title(parts.title), parts.unit, parts.source, height=MAP_HEIGHT, lang=lang)
    _map_layout(fig, parts.view)
    return Chart(fig, parts.data, parts.title, parts.alt, parts.file_stem, parts.source)


def municipal_map(
    parts: MapParts, geo: dict, province_geo: dict, ind: Indicator, lang: str = "nl"
) -> Chart:
    """The national map as a plotly figure that carries its geometry (for the PNG image)."""
    fig = go.Figure(_choropleth_traces(parts.values, geo, ind, ind.unit_text(lang), lang))
    _province_border(fig, province_geo, lang)
    _outline_and_labels(fig, geo, parts, lang)
    return _figure_chart(fig, parts, lang)


def wijk_map(
    parts: MapParts, wijk_geo: dict, gemeente_geo: dict, ind: Indicator, lang: str = "nl"
) -> Chart:
    """The wijk map as a plotly figure that carries its geometry (for the PNG image)."""
    fig = go.Figure(_choropleth_traces(parts.values, wijk_geo, ind, ind.unit_text(lang), lang))
    _outline_and_labels(fig, gemeente_geo, parts, lang)
    return _figure_chart(fig, parts, lang)
