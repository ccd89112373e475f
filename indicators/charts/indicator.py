"""Charts of the pages Per doel and Indicator verkennen: contributions to a goal score, one
indicator over time, the ranking of all municipalities and their distribution."""

from __future__ import annotations

import math
from typing import NamedTuple

import numpy as np
import pandas as pd
import plotly.graph_objects as go

from indicators import catalog
from indicators.catalog import Indicator
from indicators.charts import (
    BETTER_COLOR,
    NEUTRAL_COLOR,
    WORSE_COLOR,
    Chart,
    file_stem,
    finish,
    source_text,
    style,
)
from indicators.charts.vega import DASHES, dash, field, house_style, records, shape
from indicators.formatting import (
    STATUS_MARK,
    format_number,
    format_signed,
    shown_decimals,
    status_legend,
)
from indicators.regions import NEDERLAND, PEERS, ZOD
from indicators.scoring import place_among, share_below
from indicators.ui_text import t

OTHER_BAR = "#C8C8C8"
Z_RANGE = 3.7
CONTRIBUTION_IMAGE_WIDTH = 1040  # px; the PNG is drawn at twice that
SERIES_IMAGE_WIDTH = 1000  # px, as the chart on screen (860 px plot and its axis, legend)
TONE_COLOURS = {"better": BETTER_COLOR, "worse": WORSE_COLOR, "neutral": NEUTRAL_COLOR}


def name_and_unit(ind: Indicator, lang: str = "nl") -> str:
    """'Inkomen, x 1.000 euro'; just the name where it already says its unit
    ('WW-uitkeringen per 1.000 inwoners', not '..., per 1.000 inwoners' twice)."""
    name, unit = ind.name(lang), ind.unit_text(lang)
    return name if unit.casefold() in name.casefold() else f"{name}, {unit}"


def strongest(contrib: pd.DataFrame) -> pd.Series | None:
    """The row that moves the score most (largest absolute contribution in points)."""
    if contrib.empty:
        return None
    return contrib.loc[contrib["points"].abs().idxmax()]


def _tables(frame: pd.DataFrame, ind: Indicator) -> list[str]:
    """The source tables of the rows drawn (split 'KWB; 70072NED'), else the catalog's."""
    found: list[str] = []
    if "table" in frame.columns:
        for value in frame["table"].dropna().astype(str):
            found.extend(part.strip() for part in value.split(";") if part.strip())
    return list(dict.fromkeys(found)) or list(ind.tables)


def _signed(value: float, lang: str = "nl") -> str:
    """'+0,5' / '-1,2'; a value that rounds to zero is shown as '0,0', never '-0,0'."""
    return format_signed(0.0 if abs(value) < 0.05 else value, 1, lang)


def _tone(z: float) -> str:
    """A bar's colour class: better or worse than Nederland, or about the same (|z| < 0.05)."""
    return "better" if z >= 0.05 else "worse" if z <= -0.05 else "neutral"


class ContributionParts(NamedTuple):
    """What both versions of the contribution chart draw and say (screen and image)."""

    data: pd.DataFrame  # weakest first: indicator, year, z, z_raw, points, name, label, ...
    title: str
    alt: str
    unit: str
    source: str
    stem: str


def contribution_parts(
    contrib: pd.DataFrame, region_name: str, goal: int, lang: str = "nl"
) -> ContributionParts:
    """The bars from the weakest (lowest z) to the strongest, each labelled 'name (year)' and
    with its signed z as text; the title names the indicator that moves the score most.

    ``contrib``: indicator, year, z, z_raw, points (``scoring.contributions``)."""
    contrib = contrib.sort_values(["z", "indicator"]).reset_index(drop=True)
    names = [catalog.BY_ID[i].name(lang) for i in contrib["indicator"]]
    data = contrib.assign(
        indicator_name=names,
        label=[f"{n} ({y})" for n, y in zip(names, contrib["year"], strict=True)],
        shown=[_signed(z, lang) for z in contrib["z"]],
        tone=[_tone(z) for z in contrib["z"]],
    )
    top = strongest(data)
    if top is None:
        title = t("pd_contrib_title_none", lang, region=region_name)
        strongest_text = "–"
    else:
        key = "pd_contrib_title_up" if top["points"] > 0 else "pd_contrib_title_down"
        title = t(
            key,
            lang,
            indicator=top["indicator_name"],
            region=region_name,
            points=format_signed(float(top["points"]), 2, lang=lang),
        )
        strongest_text = f"{top['indicator_name']} {_signed(float(top['z']), lang)}"
    alt = t(
        "pd_contrib_alt",
        lang,
        goal=catalog.GOALS[goal][lang],
        region=region_name,
        text=strongest_text,
    )
    source = source_text(
        sorted({tb for i in data["indicator"] for tb in catalog.BY_ID[i].tables}), lang
    )
    stem = file_stem("bijdrage-aan-score", f"doel-{goal}", region_name)
    return ContributionParts(data, title, alt, t("pd_contrib_unit", lang), source, stem)


def _download_frame(data: pd.DataFrame) -> pd.DataFrame:
    """The rows drawn, as the download has always had them (without the drawing's columns)."""
    return data.drop(columns=["label", "shown", "tone"])


def contribution_spec(
    contrib: pd.DataFrame, region_name: str, goal: int, lang: str = "nl"
) -> Chart:
    """The contribution chart on screen, as a Vega-Lite spec: a horizontal bar per scored
    indicator with its capped z, right (blue) better than Nederland, left (vermillion) worse.

    Per doel redraws it on every change of municipality; as a plotly figure that redraw took
    most of the browser's time of a rerun (its automargin pass included), as Vega about none
    (see charts/overview.py). :func:`contribution_chart` draws the same as a plotly figure
    for the PNG image. The finding (``Chart.title``) stands above the chart on the page, so
    the spec is the same for every region (see :func:`ranking_spec`)."""
    parts = contribution_parts(contrib, region_name, goal, lang)
    y = field(
        "label",
        # the rows' own order (weakest first), from the table: the spec stays the same
        sort={"field": "order", "op": "min"},
        title=None,
        axis={"labelLimit": 460, "ticks": False, "domain": False, "labelPadding": 6},
    )
    x = field(
        "z",
        "quantitative",
        scale={"domain": [-Z_RANGE, Z_RANGE]},
        axis={"values": [-3, -2, -1, 0, 1, 2, 3], "format": ",d", "title": None},
        title=None,
    )
    bars = {
        "mark": {"type": "bar", "height": {"band": 0.7}},
        "encoding": {
            "x": x,
            "y": y,
            "color": field(
                "tone",
                scale={"domain": list(TONE_COLOURS), "range": list(TONE_COLOURS.values())},
                legend=None,
            ),
            "tooltip": [
                field("label", title=t("indicator", lang)),
                field("z", "quantitative", title="z", format=",.2f"),
                field("z_raw", "quantitative", title=t("pd_contrib_uncapped", lang), format=",.2f"),
                field("points", "quantitative", title=t("pd_contrib_points", lang), format="+,.2f"),
            ],
        },
    }
    values = {
        "mark": {
            "type": "text",
            "fontSize": 12,
            "align": {"expr": "datum.z < 0 ? 'right' : 'left'"},
            "dx": {"expr": "datum.z < 0 ? -4 : 4"},
        },
        "encoding": {"x": field("z", "quantitative"), "y": y, "text": field("shown")},
    }
    zero = {
        "mark": {
            "type": "rule",
            "color": "#333333",
            "strokeWidth": 1.5,
            "description": t("pd_contrib_nl", lang),
        },
        "encoding": {"x": {"datum": 0}},
    }
    sides = pd.DataFrame(
        [
            (-Z_RANGE, t("pd_contrib_worse", lang), "left", WORSE_COLOR),
            (0.0, t("pd_contrib_nl", lang), "center", "#222222"),
            (Z_RANGE, t("pd_contrib_better", lang), "right", BETTER_COLOR),
        ],
        columns=["x", "text", "align", "colour"],
    )
    headers = {
        # Above the bars, as the plotly chart's annotations: which side is which.
        "data": {"values": records(sides)},
        "mark": {
            "type": "text",
            "y": -8,
            "baseline": "bottom",
            "fontSize": 12,
            "align": {"expr": "datum.align"},
            "aria": False,
        },
        "encoding": {
            "x": field("x", "quantitative"),
            "text": field("text"),
            "color": field("colour", scale=None),
        },
    }
    drawn = parts.data[["label", "z", "z_raw", "points", "shown", "tone"]]
    view = {
        "data": {"values": records(drawn.assign(order=range(len(drawn))))},
        "width": 420,
        "height": {"step": 30},
        "layer": [bars, values, zero, headers],
    }
    spec = house_style(view, "", parts.unit, parts.source, lang)  # the finding: on the page
    spec["vconcat"][0]["title"]["offset"] = 26  # room for the headers above the bars
    spec["description"] = t("pd_contrib_description", lang, goal=catalog.GOALS[goal][lang])
    return Chart(
        spec, _download_frame(parts.data), parts.title, parts.alt, parts.stem, parts.source
    )


def contribution_chart(
    contrib: pd.DataFrame, region_name: str, goal: int, lang: str = "nl"
) -> Chart:
    """The contribution chart as a plotly figure (its PNG image; :func:`contribution_spec` is
    the same on screen)."""
    parts = contribution_parts(contrib, region_name, goal, lang)
    data = parts.data
    colors = [TONE_COLOURS[tone] for tone in data["tone"]]
    fig = go.Figure(
        go.Bar(
            y=data["label"],
            x=data["z"],
            orientation="h",
            marker={"color": colors},
            text=data["shown"],
            textposition="outside",
            cliponaxis=False,
            customdata=np.column_stack([data["points"], data["z_raw"]]) if len(data) else None,
            hovertemplate=f"%{{y}}: z = %{{x:.2f}} ({t('pd_contrib_uncapped', lang)} "
            f"%{{customdata[1]:.2f}}); {t('pd_contrib_points', lang)} "
            "%{customdata[0]:+.2f}<extra></extra>",
            showlegend=False,
        )
    )
    fig.add_vline(x=0, line={"color": "#333333", "width": 1.5})
    for x, key, anchor in (
        (-Z_RANGE, "pd_contrib_worse", "left"),
        (Z_RANGE, "pd_contrib_better", "right"),
    ):
        fig.add_annotation(
            x=x,
            y=1.0,
            xref="x",
            yref="paper",
            yanchor="bottom",
            xanchor=anchor,
            text=t(key, lang),
            showarrow=False,
            font={"size": 12, "color": WORSE_COLOR if x < 0 else BETTER_COLOR},
        )
    fig.add_annotation(
        x=0,
        y=1.0,
        xref="x",
        yref="paper",
        yanchor="bottom",
        text=t("pd_contrib_nl", lang),
        showarrow=False,
        font={"size": 12},
    )
    fig.update_xaxes(range=[-Z_RANGE, Z_RANGE], dtick=1, zeroline=False)
    fig.update_yaxes(autorange="reversed", automargin=True)
    finish(
        fig, parts.title, parts.unit, parts.source, height=150 + 34 * max(len(data), 3), lang=lang
    )
    fig.update_layout(margin={"t": 110, "b": 80}, width=CONTRIBUTION_IMAGE_WIDTH)  # the PNG's
    # The source line spans the whole width, not from the plot's left edge: the indicator
    # names take 40 % of it, and the list of tables would run out of the image.
    fig.layout.annotations[-1].update(x=1, xanchor="right")
    return Chart(fig, _download_frame(data), parts.title, parts.alt, parts.stem, parts.source)


def series_title(
    frame: pd.DataFrame, ind: Indicator, region: str, lang: str = "nl", region_name: str = ""
) -> str:
    """The finding of a time series: the region against Nederland in the latest year both
    have a value (the region's latest year if Nederland has none)."""
    own = frame[frame["region"] == region]
    if own.empty:
        others = ", ".join(dict.fromkeys(frame["region_name"]))
        if not others:
            return t("vk_series_title_empty", lang)
        return t("vk_series_title_no_region", lang, region=region_name or region, others=others)
    name = str(own["region_name"].iloc[0])
    if ind.is_count:
        return _change_title(own, ind, name, lang)
    nl = frame[frame["region"] == NEDERLAND].set_index("year")["value"]
    both = own[own["year"].isin(nl.index)]
    row = (both if not both.empty else own).sort_values("year").iloc[-1]
    year, value = int(row["year"]), float(row["value"])
    decimals = shown_decimals(ind, frame["value"])
    shown = format_number(value, decimals, lang=lang)
    if year not in nl.index or region == NEDERLAND:
        return t("vk_series_title_no_nl", lang, region=name, value=shown, year=year)
    nl_value = float(nl.loc[year])
    if shown == format_number(nl_value, decimals, lang=lang):
        return t("vk_series_title_equal", lang, region=name, year=year, value=shown)
    higher = value > nl_value
    judgement = ""
    if ind.scored:
        better = higher == (ind.direction == "higher_better")
        judgement = t("vk_judgement_better" if better else "vk_judgement_worse", lang)
    return t(
        "vk_series_title_above" if higher else "vk_series_title_below",
        lang,
        region=name,
        year=year,
        value=shown,
        nl=format_number(nl_value, decimals, lang=lang),
        judgement=judgement,
    )


def _change_title(own: pd.DataFrame, ind: Indicator, name: str, lang: str) -> str:
    """For a count: the latest value and the change since the first year."""
    own = own.sort_values("year")
    first, last = own.iloc[0], own.iloc[-1]
    shown = format_number(float(last["value"]), ind.decimals, lang=lang)
    if len(own) < 2 or not first["value"]:
        return t("vk_series_title_count", lang, region=name, value=shown, year=int(last["year"]))
    change = 100.0 * (float(last["value"]) / float(first["value"]) - 1.0)
    return t(
        "vk_series_title_change",
        lang,
        region=name,
        value=shown,
        year=int(last["year"]),
        change=format_signed(change, 1, lang=lang),
        first=int(first["year"]),
    )


class SeriesParts(NamedTuple):
    """What the time-series chart says, whichever library draws it (the screen's Vega-Lite
    spec, or the plotly figure for the PNG)."""

    years: list[int]
    decimals: int
    title: str
    unit: str
    source: str
    alt: str
    stem: str


def series_parts(
    frame: pd.DataFrame, ind: Indicator, region: str, lang: str = "nl", region_name: str = ""
) -> SeriesParts:
    years = sorted(int(y) for y in frame["year"].unique())
    unit = name_and_unit(ind, lang)
    legend = status_legend(frame["status"], lang)
    if legend and len(years) == 1:
        unit = f"{unit} ({legend})"
    regions = ", ".join(dict.fromkeys(frame["region_name"]))
    alt = t(
        "vk_series_alt" if len(years) > 1 else "vk_series_alt_bars",
        lang,
        years=", ".join(map(str, years)),
        indicator=ind.name(lang),
        regions=regions,
    )
    return SeriesParts(
        years,
        shown_decimals(ind, frame["value"]),
        series_title(frame, ind, region, lang, region_name),
        unit,
        source_text(_tables(frame[frame["region"] != PEERS], ind), lang),
        alt,
        file_stem(ind.id, "tijdreeks", str(frame["region_name"].iloc[0]) if len(frame) else ""),
    )


def _series_bars(frame: pd.DataFrame, decimals: int, lang: str) -> pd.DataFrame:
    """One year only: a labelled bar per region, 'name (year)', in the frame's order."""
    return pd.DataFrame(
        {
            "region": frame["region"].astype(str).to_numpy(),
            "year": frame["year"].astype(int).to_numpy(),
            "label": [
                f"{n} ({y}{STATUS_MARK.get(st, '')})"
                for n, y, st in zip(
                    frame["region_name"], frame["year"], frame["status"], strict=True
                )
            ],
            "value": frame["value"].astype(float).to_numpy(),
            "shown": [format_number(v, decimals, lang=lang) for v in frame["value"]],
            "colour": [style(str(r))["color"] for r in frame["region"]],
        }
    )


def _series_lines(
    frame: pd.DataFrame, region: str, years: list[int], decimals: int, lang: str
) -> pd.DataFrame:
    """Every year from the first to the last for each region, a missing one as NaN (the line
    breaks there); the value label on the last year of the chosen region and Nederland."""
    full = list(range(years[0], years[-1] + 1))
    rows = []
    for code, part in frame.groupby("region", sort=False):
        values = part.set_index("year")["value"].reindex(full)
        last = int(part.iloc[-1]["year"])
        label_last = code in (region, NEDERLAND)
        name = str(part["region_name"].iloc[0])
        for year, value in values.items():
            shown = format_number(value, decimals, lang=lang) if pd.notna(value) else ""
            label = shown if label_last and year == last else ""
            rows.append((str(code), name, int(year), float(value), shown, label))
    return pd.DataFrame(rows, columns=["region", "region_name", "year", "value", "shown", "label"])


def series_spec(
    frame: pd.DataFrame, ind: Indicator, region: str, lang: str = "nl", region_name: str = ""
) -> Chart:
    """One indicator over time for the chosen region, ZOD, Drenthe, Nederland (and the peer
    median), as a Vega-Lite spec on screen. With a single year, labelled horizontal bars; else
    lines that break where a year is missing, so no gap is bridged silently.

    Per doel and Verkennen redraw it on every change of municipality or indicator; plotly
    spent some 100 ms of the browser's time per redraw, and on Per doel it was the last plotly
    chart, so the page no longer loads plotly at all. :func:`series_chart` draws the same as a
    plotly figure for the PNG image.

    ``frame``: region, region_name, year, value, status, table, n_peers (views.common.series).
    """
    parts = series_parts(frame, ind, region, lang, region_name)
    if len(parts.years) <= 1:
        bars = _series_bars(frame, parts.decimals, lang)
        y = field("label", sort=list(bars["label"]), title=None, axis={"labelLimit": 300})
        x = field("value", "quantitative", axis={"format": ",~f"}, title=None)
        view = {
            "data": {"values": records(bars)},
            "width": 700,
            "height": 40 * max(len(bars), 2),
            "layer": [
                {
                    "mark": {"type": "bar", "height": {"band": 0.7}},
                    "encoding": {
                        "x": x,
                        "y": y,
                        "color": field("colour", scale=None),
                        "tooltip": [
                            field("label", title=t("region", lang)),
                            field("shown", title=" "),
                        ],
                    },
                },
                {
                    "mark": {"type": "text", "align": "left", "dx": 4, "fontSize": 13},
                    "encoding": {"x": x, "y": y, "text": field("shown")},
                },
            ],
        }
    else:
        lines = _series_lines(frame, region, parts.years, parts.decimals, lang)
        names = list(dict.fromkeys(lines["region_name"]))
        styles = [style(code) for code in dict.fromkeys(lines["region"])]
        legend = {"title": None, "orient": "bottom", "symbolStrokeWidth": 2, "labelLimit": 300}

        def by_region(values: list) -> dict:
            """A channel keyed to the region's name: one legend for colour, dash and symbol."""
            return field("region_name", scale={"domain": names, "range": values}, legend=legend)

        colour = by_region([s["color"] for s in styles])
        x = field(
            "year",
            "quantitative",
            scale={"zero": False, "nice": False, "padding": 24},
            axis={"values": parts.years, "format": "d", "labelFlush": False},
            title=None,
        )
        y = field(
            "value", "quantitative", scale={"zero": False}, axis={"format": ",~f"}, title=None
        )
        view = {
            "data": {"values": records(lines)},
            "width": 860,  # fixed: Vega-Lite cannot fit a concatenated view to its container
            "height": 300,
            "layer": [
                {
                    "mark": {
                        "type": "line",
                        "strokeWidth": 3,
                        "invalid": "break-paths-show-domains",
                    },
                    "encoding": {
                        "x": x,
                        "y": y,
                        "color": colour,
                        "strokeDash": by_region([dash(s["dash"]) for s in styles]),
                    },
                },
                {
                    "mark": {"type": "point", "filled": True, "size": 70, "opacity": 1},
                    "encoding": {
                        "x": x,
                        "y": y,
                        "color": colour,
                        "shape": by_region([shape(s["symbol"]) for s in styles]),
                        "tooltip": [
                            field("region_name", title=t("region", lang)),
                            field("year", "quantitative", format="d", title=t("year", lang)),
                            field("shown", title=" "),
                        ],
                    },
                },
                {
                    "transform": [{"filter": "datum.label != ''"}],
                    "mark": {"type": "text", "dy": -14, "fontSize": 13, "fontWeight": "bold"},
                    "encoding": {
                        "x": x,
                        "y": y,
                        "text": field("label"),
                        "color": {**colour, "legend": None},
                    },
                },
            ],
        }
    spec = house_style(view, parts.title, parts.unit, parts.source, lang)
    return Chart(spec, frame, parts.title, parts.alt, parts.stem, parts.source)


def series_chart(
    frame: pd.DataFrame, ind: Indicator, region: str, lang: str = "nl", region_name: str = ""
) -> Chart:
    """The time series as a plotly figure (its PNG image; :func:`series_spec` is the same on
    screen)."""
    parts = series_parts(frame, ind, region, lang, region_name)
    fig = go.Figure()
    if len(parts.years) <= 1:
        bars = _series_bars(frame, parts.decimals, lang)
        fig.add_trace(
            go.Bar(
                y=bars["label"],
                x=bars["value"],
                orientation="h",
                marker={"color": list(bars["colour"])},
                text=list(bars["shown"]),
                textposition="outside",
                cliponaxis=False,
                hovertemplate="%{y}: %{text}<extra></extra>",
                showlegend=False,
            )
        )
        fig.update_yaxes(autorange="reversed", automargin=True)
        fig.update_xaxes(rangemode="tozero", tickformat=",~f")
        height = 170 + 40 * len(frame)
    else:
        lines = _series_lines(frame, region, parts.years, parts.decimals, lang)
        for code, part in lines.groupby("region", sort=False):
            st = style(str(code))
            fig.add_trace(
                go.Scatter(
                    x=part["year"],
                    y=part["value"],
                    mode="lines+markers+text" if part["label"].any() else "lines+markers",
                    name=str(part["region_name"].iloc[0]),
                    line={"color": st["color"], "dash": st["dash"], "width": 3},
                    marker={"symbol": st["symbol"], "size": 9},
                    connectgaps=False,
                    text=list(part["label"]),
                    textposition="top center",
                    hovertemplate=f"{part['region_name'].iloc[0]} %{{x}}: %{{y}}<extra></extra>",
                )
            )
        fig.update_xaxes(
            tickmode="array", tickvals=parts.years, ticktext=[str(y) for y in parts.years]
        )
        fig.update_yaxes(tickformat=",~f")
        height = 460
    finish(fig, parts.title, parts.unit, parts.source, height=height, lang=lang)
    fig.update_layout(width=SERIES_IMAGE_WIDTH)
    if len(parts.years) > 1:
        fig.update_layout(legend={"y": -0.1}, margin={"b": 110})
        fig.layout.annotations[-1].update(yshift=-80)
    return Chart(fig, frame, parts.title, parts.alt, parts.stem, parts.source)


def ranking_title(
    ind: Indicator, ranked: pd.DataFrame, region: str, region_name: str, value: float, lang: str
) -> str:
    year = int(ranked["year"].iloc[0]) if len(ranked) else 0
    place = place_among(ranked["value"], value, ind.direction)
    order = t("vk_order_highest" if not ind.scored else "vk_order_best", lang)
    if place is None:
        return t("vk_rank_title_missing", lang, region=region_name, year=year, n=len(ranked))
    if region in set(ranked["region"]):
        place = int(ranked.loc[ranked["region"] == region, "rank"].iloc[0])
        key = "vk_rank_title"
    else:
        key = "vk_rank_title_region"
    return t(key, lang, region=region_name, rank=place, n=len(ranked), order=order, year=year)


class RankingParts(NamedTuple):
    """What the ranking or the distribution says, whichever library draws it (the screen's
    Vega-Lite spec, or the plotly figure for the PNG)."""

    year: int
    decimals: int
    title: str
    unit: str
    source: str
    alt: str
    stem: str
    labels: pd.DataFrame  # the four (ranking) or the region and NL (distribution): what is named
    lines: pd.DataFrame  # reference lines: region, region_name, value, colour, dash, label
    data: pd.DataFrame  # the rows of the chart's download


def _reference_lines(
    references: pd.DataFrame, regions: list[str], decimals: int, lang: str
) -> pd.DataFrame:
    """The reference regions among ``regions`` that have a value, each with its colour, dash
    and label ('Nederland 31,2'), in the order of ``references``."""
    rows = references[references["region"].isin(regions)].dropna(subset=["value"])
    return pd.DataFrame(
        {
            "region": rows["region"].astype(str).to_numpy(),
            "region_name": rows["region_name"].astype(str).to_numpy(),
            "value": rows["value"].astype(float).to_numpy(),
            "colour": [style(str(r))["color"] for r in rows["region"]],
            "dash": [style(str(r))["dash"] for r in rows["region"]],
            "label": [
                f"{n} {format_number(float(v), decimals, lang=lang)}"
                for n, v in zip(rows["region_name"], rows["value"], strict=True)
            ],
        }
    )


def ranking_parts(
    ranked: pd.DataFrame,
    ind: Indicator,
    region: str,
    region_name: str,
    references: pd.DataFrame,
    lang: str = "nl",
) -> RankingParts:
    year = int(ranked["year"].iloc[0]) if len(ranked) else 0
    decimals = shown_decimals(ind, [*ranked["value"], *references["value"]])
    own = references.loc[references["region"] == region, "value"]
    value = float(own.iloc[0]) if len(own) else math.nan
    nl = references.loc[references["region"] == NEDERLAND, "value"]
    nl_text = (
        t("vk_rank_alt_nl", lang, nl=format_number(float(nl.iloc[0]), decimals, lang=lang))
        if len(nl) and not math.isnan(float(nl.iloc[0]))
        else ""
    )
    focus = ranked[ranked["focus"]].reset_index(drop=True)
    labels = focus.assign(
        colour=[style(str(r))["color"] for r in focus["region"]],
        label=[
            f"{n} {format_number(v, decimals, lang=lang)} (#{k})"
            for n, v, k in zip(focus["region_name"], focus["value"], focus["rank"], strict=True)
        ],
    )
    return RankingParts(
        year,
        decimals,
        ranking_title(ind, ranked, region, region_name, value, lang),
        f"{name_and_unit(ind, lang)}, {year}",
        source_text(_tables(ranked, ind), lang),
        t("vk_rank_alt", lang, n=len(ranked), year=year, indicator=ind.name(lang), nl=nl_text),
        file_stem(ind.id, "rangorde-gemeenten", year),
        labels,
        _reference_lines(references, [NEDERLAND, ZOD], decimals, lang),
        ranked,
    )


RANK_LABEL_STEPS = 4  # labels stand at four heights above the bars, so neighbours do not overlap
RANK_HEIGHT = 340  # px, the plot of the ranking on screen


def ranking_spec(
    ranked: pd.DataFrame,
    ind: Indicator,
    region: str,
    region_name: str,
    references: pd.DataFrame,
    lang: str = "nl",
) -> Chart:
    """All municipalities as sorted bars (place 1 left), the four coloured and labelled with
    name, value and place above the bars, the others grey; Nederland (dotted) and ZOD
    (dashed, when chosen) as labelled reference lines. A Vega-Lite spec on screen: plotly
    spent some 85 ms of the browser's time per redraw of this page's two plotly charts.
    :func:`ranking_chart` draws the same as a plotly figure for the PNG image.

    The finding (``Chart.title``) is not in the spec: the page shows it above the chart, as
    Kaart does, so the spec is the same for every region of the sidebar and a change of
    municipality swaps the chart's tables instead of drawing it anew.

    ``ranked``: views.verkennen.ranking; ``references``: region, region_name, value (the
    chosen region and Nederland in the same year)."""
    parts = ranking_parts(ranked, ind, region, region_name, references, lang)
    n = len(ranked)
    vmax = float(ranked["value"].max()) if n else 0.0
    bars = pd.DataFrame(
        {
            "position": np.arange(1, n + 1),
            "rank": ranked["rank"].astype(int).to_numpy(),
            "region_name": ranked["region_name"].astype(str).to_numpy(),
            "value": ranked["value"].astype(float).to_numpy(),
            # only the four carry a colour: some 340 rows travel on every rerun
            "colour": [
                style(str(r))["color"] if f else None
                for r, f in zip(ranked["region"], ranked["focus"], strict=True)
            ],
        }
    )
    position = {r: p for p, r in enumerate(ranked["region"], start=1)}
    # An explicit value domain (headroom above the highest bar), so that a label can stand a
    # fixed number of pixels above its bar, as plotly's annotation arrows did.
    low = min(0.0, float(ranked["value"].min())) if n else 0.0
    high = vmax * 1.15 if vmax > 0 else 0.0
    per_pixel = (high - low) / RANK_HEIGHT if high > low else 0.0
    labels = pd.DataFrame(
        {
            "position": [position[r] for r in parts.labels["region"]],
            "value": parts.labels["value"].astype(float).to_numpy(),
            "label_at": [
                min(high, float(v) + per_pixel * (35 + 26 * (i % RANK_LABEL_STEPS)))
                for i, v in enumerate(parts.labels["value"])
            ],
            "align": ["left" if position[r] <= n / 2 else "right" for r in parts.labels["region"]],
            "colour": parts.labels["colour"].to_numpy(),
            "label": parts.labels["label"].to_numpy(),
        }
    )
    scale = {"domain": [low, high], "nice": False} if high > low else {}
    x = field(
        "position",
        "quantitative",
        scale={"domain": [0.5, n + 0.5], "nice": False, "zero": False},
        axis={"labels": False, "ticks": False, "grid": False, "domain": False},
        title=t("vk_rank_axis", lang, n=n),
    )
    y = field("value", "quantitative", scale=scale, axis={"format": ",~f"}, title=None)
    layers: list[dict] = [
        {
            # each bar spans its place from half a place before to half after, so a label's
            # line (at the place itself) stands in the bar's middle
            "transform": [
                {"calculate": "datum.position - 0.5", "as": "from"},
                {"calculate": "datum.position + 0.5", "as": "to"},
            ],
            "mark": {"type": "bar"},
            "encoding": {
                "x": {**x, "field": "from"},
                "x2": {"field": "to"},
                "y": y,
                "y2": {"datum": 0},
                "color": {
                    "condition": {"test": "datum.colour", **field("colour", scale=None)},
                    "value": OTHER_BAR,
                },
                "tooltip": [
                    field("region_name", title=t("region", lang)),
                    field("rank", "quantitative", title=t("vk_rank_place", lang)),
                    field(
                        "value",
                        "quantitative",
                        format=f",.{parts.decimals}f",
                        title=ind.unit_text(lang),
                    ),
                ],
            },
        }
    ]
    # The labels and the reference lines are always there, as layers of their own tables:
    # the spec is then the same for every region (only its tables differ), and the browser
    # keeps the chart when the municipality changes.
    label_y = {**field("label_at", "quantitative"), "scale": scale}
    layers.append(
        {
            "data": {"values": records(labels)},
            "layer": [
                {
                    "mark": {"type": "rule", "strokeWidth": 1},
                    "encoding": {
                        "x": x,
                        "y": y,
                        "y2": {"field": "label_at"},
                        "color": field("colour", scale=None),
                    },
                },
                # a label left of the middle reads rightwards from its line, else leftwards
                *(
                    {
                        "transform": [{"filter": f"datum.align == '{align}'"}],
                        "mark": {
                            "type": "text",
                            "align": align,
                            "baseline": "bottom",
                            "dx": 3 if align == "left" else -3,
                            "fontSize": 12,
                            "color": "#222222",
                        },
                        "encoding": {"x": x, "y": label_y, "text": field("label")},
                    }
                    for align in ("left", "right")
                ),
            ],
        }
    )
    lines = parts.lines.assign(
        kind=["nl" if r == NEDERLAND else "zod" for r in parts.lines["region"]],
        dy=[-4 if r == NEDERLAND else 14 for r in parts.lines["region"]],
    )
    layers.append(
        {
            "data": {"values": records(lines.drop(columns=["dash"]))},
            "layer": [
                {
                    "mark": {"type": "rule", "strokeWidth": 2},
                    "encoding": {
                        "y": y,
                        "color": field("colour", scale=None),
                        "strokeDash": field(
                            "kind",
                            scale={"domain": ["nl", "zod"], "range": [dash("dot"), dash("dash")]},
                            legend=None,
                        ),
                    },
                },
                {
                    "mark": {
                        "type": "text",
                        "align": "right",
                        "baseline": "bottom",
                        "fontSize": 12,
                    },
                    "encoding": {
                        "x": {"value": "width"},
                        "y": y,
                        "yOffset": field("dy", "quantitative", scale=None),
                        "text": field("label"),
                        "color": field("colour", scale=None),
                    },
                },
            ],
        }
    )
    view = {"data": {"values": records(bars)}, "width": 860, "height": RANK_HEIGHT, "layer": layers}
    # the finding stands above the chart on the page (see the docstring)
    spec = house_style(view, "", parts.unit, parts.source, lang)
    return Chart(spec, parts.data, parts.title, parts.alt, parts.stem, parts.source)


def ranking_chart(
    ranked: pd.DataFrame,
    ind: Indicator,
    region: str,
    region_name: str,
    references: pd.DataFrame,
    lang: str = "nl",
) -> Chart:
    """The ranking as a plotly figure (its PNG image; :func:`ranking_spec` is the same on
    screen)."""
    parts = ranking_parts(ranked, ind, region, region_name, references, lang)
    colors = [
        style(r)["color"] if f else OTHER_BAR
        for r, f in zip(ranked["region"], ranked["focus"], strict=True)
    ]
    fig = go.Figure(
        go.Bar(
            x=ranked["region"],
            y=ranked["value"],
            marker={"color": colors, "line": {"width": 0}},
            showlegend=False,
        )
    )
    for i, row in parts.labels.iterrows():
        fig.add_annotation(
            x=row["region"],
            y=row["value"],
            text=row["label"],
            showarrow=True,
            arrowhead=0,
            arrowcolor=row["colour"],
            ax=0,
            ay=-35 - 26 * (i % RANK_LABEL_STEPS),
            font={"size": 12, "color": "#222222"},
            bgcolor="rgba(255,255,255,0.85)",
            bordercolor=row["colour"],
        )
    for ref in parts.lines.itertuples():
        fig.add_hline(
            y=ref.value,
            line={"color": ref.colour, "dash": "dot" if ref.region == NEDERLAND else "dash"},
            annotation_text=ref.label,
            annotation_position="top right" if ref.region == NEDERLAND else "bottom right",
            annotation_font={"size": 12, "color": ref.colour},
        )
    fig.update_xaxes(showticklabels=False, title={"text": t("vk_rank_axis", lang, n=len(ranked))})
    vmax = float(ranked["value"].max()) if len(ranked) else 0.0
    fig.update_yaxes(
        title={"text": ind.unit_text(lang)},
        range=[min(0.0, float(ranked["value"].min())), vmax * 1.15] if vmax > 0 else None,
        tickformat=",~f",
    )
    finish(fig, parts.title, parts.unit, parts.source, height=460, lang=lang)
    fig.update_layout(width=SERIES_IMAGE_WIDTH)
    return Chart(fig, parts.data, parts.title, parts.alt, parts.stem, parts.source)


DISTRIBUTION_BINS = 30


def distribution_parts(
    ranked: pd.DataFrame,
    ind: Indicator,
    region: str,
    region_name: str,
    references: pd.DataFrame,
    lang: str = "nl",
) -> RankingParts:
    year = int(ranked["year"].iloc[0]) if len(ranked) else 0
    # what the chart marks: the chosen region and Nederland
    markers = references[references["region"].isin([region, NEDERLAND])].dropna(subset=["value"])
    decimals = shown_decimals(ind, [*ranked["value"], *markers["value"]])
    own = markers.loc[markers["region"] == region, "value"]
    if own.empty:
        title = t("vk_dist_title_missing", lang, n=len(ranked), year=year, region=region_name)
    else:
        below, above = share_below(ranked["value"], float(own.iloc[0]))
        if below >= above:
            title = t("vk_dist_title_higher", lang, region=region_name, pct=round(below), year=year)
        else:
            title = t("vk_dist_title_lower", lang, region=region_name, pct=round(above), year=year)
    lines = _reference_lines(references, [region, NEDERLAND], decimals, lang)
    return RankingParts(
        year,
        decimals,
        title,
        t("vk_dist_unit", lang, unit=name_and_unit(ind, lang)),
        source_text(_tables(ranked, ind), lang),
        t(
            "vk_dist_alt",
            lang,
            indicator=ind.name(lang),
            n=len(ranked),
            year=year,
            markers=", ".join(markers["region_name"]) or "–",
        ),
        file_stem(ind.id, "verdeling-gemeenten", year),
        lines,
        lines,
        _distribution_data(ranked, markers, year, lang),
    )


def _distribution_data(
    ranked: pd.DataFrame, markers: pd.DataFrame, year: int, lang: str
) -> pd.DataFrame:
    """The download: every municipality and the marked regions, each with its role."""
    return pd.concat(
        [
            ranked[["region", "region_name", "year", "value"]].assign(
                role=t("vk_role_municipality", lang)
            ),
            markers[["region", "region_name", "value"]].assign(
                year=year, role=t("vk_role_marker", lang)
            ),
        ],
        ignore_index=True,
    )


def distribution_spec(
    ranked: pd.DataFrame,
    ind: Indicator,
    region: str,
    region_name: str,
    references: pd.DataFrame,
    lang: str = "nl",
) -> Chart:
    """Histogram of all municipalities (about 30 classes) with labelled vertical lines for the
    chosen region and Nederland, as a Vega-Lite spec on screen (:func:`distribution_chart`
    is the plotly figure for the PNG). The finding (``Chart.title``) says which share of
    municipalities lies below or above the region; the page shows it above the chart, which
    is then the same for every region (see :func:`ranking_spec`)."""
    parts = distribution_parts(ranked, ind, region, region_name, references, lang)
    values = pd.DataFrame({"value": ranked["value"].astype(float).to_numpy()})
    x = field(
        "value",
        "quantitative",
        bin={"maxbins": DISTRIBUTION_BINS},
        axis={"format": ",~f"},
        title=ind.unit_text(lang),
    )
    count = {"aggregate": "count", "type": "quantitative", "title": t("vk_dist_count", lang)}
    layers: list[dict] = [
        {
            "mark": {"type": "bar", "color": OTHER_BAR, "stroke": "#FFFFFF", "strokeWidth": 1},
            "encoding": {
                "x": x,
                "y": count,
                "tooltip": [
                    field(
                        "value",
                        "quantitative",
                        bin={"maxbins": DISTRIBUTION_BINS},
                        format=",~f",
                        title=ind.unit_text(lang),
                    ),
                    count,
                ],
            },
        }
    ]
    lines = parts.lines.assign(
        text_colour=[
            "#000000" if r == NEDERLAND else c
            for r, c in zip(parts.lines["region"], parts.lines["colour"], strict=True)
        ],
        label_at=[12 + 18 * i for i in range(len(parts.lines))],
    )
    at = field("value", "quantitative")
    layers.append(  # always there, its own table: the same spec for every region
        {
            "data": {"values": records(lines)},
            "layer": [
                {
                    "mark": {"type": "rule", "strokeWidth": 3},
                    "encoding": {
                        "x": at,
                        "color": field("colour", scale=None),
                        "strokeDash": field(
                            "dash",
                            scale={"domain": list(DASHES), "range": list(DASHES.values())},
                            legend=None,
                        ),
                    },
                },
                {
                    "mark": {
                        "type": "text",
                        "align": "left",
                        "dx": 5,
                        "fontSize": 12,
                        "fontWeight": "bold",
                    },
                    "encoding": {
                        "x": at,
                        "y": field("label_at", "quantitative", scale=None),
                        "text": field("label"),
                        "color": field("text_colour", scale=None),
                    },
                },
            ],
        }
    )
    view = {"data": {"values": records(values)}, "width": 860, "height": 300, "layer": layers}
    spec = house_style(view, "", parts.unit, parts.source, lang)  # the finding: on the page
    spec["description"] = t(
        "vk_dist_description", lang, indicator=ind.name(lang), n=len(ranked), year=parts.year
    )
    return Chart(spec, parts.data, parts.title, parts.alt, parts.stem, parts.source)


def distribution_chart(
    ranked: pd.DataFrame,
    ind: Indicator,
    region: str,
    region_name: str,
    references: pd.DataFrame,
    lang: str = "nl",
) -> Chart:
    """The distribution as a plotly figure (its PNG image; :func:`distribution_spec` is the
    same on screen)."""
    parts = distribution_parts(ranked, ind, region, region_name, references, lang)
    fig = go.Figure(
        go.Histogram(
            x=ranked["value"],
            nbinsx=DISTRIBUTION_BINS,
            marker={"color": OTHER_BAR, "line": {"color": "#FFFFFF", "width": 1}},
            showlegend=False,
        )
    )
    for i, ref in enumerate(parts.lines.itertuples()):
        fig.add_vline(x=ref.value, line={"color": ref.colour, "dash": ref.dash, "width": 3})
        fig.add_annotation(
            x=ref.value,
            y=1.0 - 0.1 * i,
            xref="x",
            yref="paper",
            text=f"<b>{ref.label}</b>",
            showarrow=False,
            xanchor="left",
            xshift=4,
            bgcolor="rgba(255,255,255,0.85)",
            font={"size": 12, "color": ref.colour if ref.region != NEDERLAND else "#000000"},
        )
    fig.update_xaxes(title={"text": ind.unit_text(lang)}, tickformat=",~f")
    fig.update_yaxes(title={"text": t("vk_dist_count", lang)})
    finish(fig, parts.title, parts.unit, parts.source, height=420, lang=lang)
    fig.update_layout(width=SERIES_IMAGE_WIDTH)
    return Chart(fig, parts.data, parts.title, parts.alt, parts.stem, parts.source)
