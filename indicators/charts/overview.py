"""Charts of the Overzicht page, as Vega-Lite specs.

Overzicht is the landing page, so its charts are Vega-Lite rather than plotly: Streamlit's
plotly bundle is 4.7 MB of JavaScript that the browser must parse before it draws anything,
Vega's about 0.8 MB (benchmarks/bench_app.py measures the difference). The specs are plain data
in the house style of charts/vega.py. The projection and slide version of the goal panels
(presentation.py) stays plotly, for kaleido's images.
"""

from __future__ import annotations

import pandas as pd

from indicators import catalog
from indicators.charts import Chart, file_stem, source_text, style
from indicators.charts.vega import field, house_style, records
from indicators.formatting import format_number, format_signed
from indicators.ui_text import t

# Vega has no star or x symbol; these three are told apart in grey print too.
OUTLOOK_SHAPES = ("circle", "diamond", "square")
COMPARISON_SOURCES = ("70072NED", "83648NED", "83651NED", "KWB", "Inkomen van huishoudens")


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
        label=[format_number(v, 1, lang=lang) for v in frame["score"]],
    )[["goal", "panel", "region", "region_name", "score", "label"]]
    y = field("region_name", sort=order, title=None)
    bars = {
        "mark": {"type": "bar"},
        "encoding": {
            "x": field(
                "score",
                "quantitative",
                scale={"domain": [0, 10.8]},
                axis={"values": [0, 2.5, 5, 7.5, 10], "format": ",.1~f"},
                title=None,
            ),
            "y": y,
            "color": field(
                "region",
                scale={"domain": codes, "range": [style(c)["color"] for c in codes]},
                legend=None,
            ),
            "tooltip": [
                field("region_name", title=t("region", lang)),
                field("label", title="score"),
            ],
        },
    }
    labels = {
        "mark": {"type": "text", "align": "left", "dx": 3, "fontSize": 12},
        "encoding": {"x": field("score", "quantitative"), "y": y, "text": field("label")},
    }
    reference = {
        # A screen reader names every mark; the reference line says what it stands for.
        "mark": {
            "type": "rule",
            "color": "#333333",
            "strokeDash": [4, 3],
            "description": t("comparison_reference", lang),
        },
        "encoding": {"x": {"datum": 5}},
    }
    panels = {
        "data": {"values": records(drawn)},
        "facet": {
            "column": field(
                "panel",
                sort=[catalog.GOALS[int(g)][lang] for g in goals],
                header={"title": None, "labelFontSize": 13, "labelAnchor": "start"},
            )
        },
        "spacing": 24,
        "spec": {
            "width": 265,
            "height": 26 * len(order),
            "layer": [bars, labels, reference],
        },
    }
    return Chart(
        house_style(panels, title, t("comparison_unit", lang), source, lang),
        frame,
        title,
        alt_text,
        stem,
        source,
    )


def outlook_words(frame: pd.DataFrame, lang: str = "nl") -> str:
    """The finding for Drenthe, like with like: the measured change since the first measured
    year; the outlook's own change from its first to its last point (never a prognosis point
    against a measured figure of another year); and how far the measurement already ran from
    the outlook in the outlook's first year, where both exist."""
    drenthe = frame[frame["region"].str.startswith("PV")]
    measured = drenthe[drenthe["kind"] == "gemeten"].sort_values("year")
    outlook = drenthe[drenthe["kind"] == "prognose"].sort_values("year")
    if measured.empty or len(outlook) < 2:
        return t("outlook_title_plain", lang)
    first, last = measured.iloc[0], measured.iloc[-1]
    base, future = outlook.iloc[0], outlook.iloc[-1]
    change = (last["value"] / first["value"] - 1) * 100
    text = t(
        "outlook_title",
        lang,
        region=last["region_name"],
        verb=t("grew" if change >= 0 else "shrank", lang),
        first_year=int(first["year"]),
        change=format_signed(change, 1, lang=lang),
        last=format_number(last["value"], 1, lang=lang),
        last_year=int(last["year"]),
        base=format_number(base["value"], 1, lang=lang),
        base_year=int(base["year"]),
        future=format_number(future["value"], 1, lang=lang),
        future_year=int(future["year"]),
        future_change=format_signed((future["value"] / base["value"] - 1) * 100, 1, lang=lang),
    )
    same_year = measured[measured["year"] == base["year"]]
    if not same_year.empty:
        gap = float(same_year["value"].iloc[0]) - float(base["value"])
        if round(abs(gap), 1) > 0:
            key = "outlook_gap_above" if gap > 0 else "outlook_gap_below"
            text += t(key, lang, year=int(base["year"]), gap=format_number(abs(gap), 1, lang=lang))
    return text


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
        label=[format_number(v, 1, lang=lang) for v in frame["value"]],
    )
    ends = pd.concat(
        [
            drawn[drawn["kind"] == "gemeten"].sort_values("year").groupby("region").tail(1),
            drawn[drawn["kind"] == "prognose"].sort_values("year").groupby("region").tail(1),
        ]
    )
    colour = field(
        "region_name",
        scale={"domain": names, "range": colours},
        legend={"title": None, "orient": "bottom"},
    )
    shape = field(
        "region_name",
        scale={"domain": names, "range": list(OUTLOOK_SHAPES[: len(names)])},
        legend={"title": None, "orient": "bottom"},
    )
    # Room right of 2050 for the value labels, which sit beside the line ends.
    x = field(
        "year",
        "quantitative",
        scale={"domain": [2015, 2053], "nice": False},
        axis={"format": "d", "values": list(range(2015, 2051, 5))},
        title=None,
    )
    y = field("value", "quantitative", scale={"zero": True}, axis={"format": ",.0f"}, title=None)
    tooltip = [
        field("region_name", title=t("region", lang)),
        field("kind_label", title=" "),
        field("year", "quantitative", format="d", title=t("year", lang)),
        field("label", title=t("outlook_unit_short", lang)),
    ]
    lines = {
        "data": {"values": records(drawn)},
        "mark": {"type": "line"},
        "encoding": {
            "x": x,
            "y": y,
            "color": colour,
            "detail": field("kind"),
            "strokeDash": field(
                "kind_label",
                scale={"domain": list(kinds.values()), "range": [[1, 0], [3, 3]]},
                legend={"title": None, "orient": "bottom"},
            ),
            "strokeWidth": {
                "condition": {"test": "datum.kind === 'gemeten'", "value": 3},
                "value": 1.5,
            },
        },
    }
    measured_points = {
        "data": {"values": records(drawn[drawn["kind"] == "gemeten"])},
        "mark": {"type": "point", "filled": True, "size": 40},
        "encoding": {"x": x, "y": y, "color": colour, "shape": shape, "tooltip": tooltip},
    }
    outlook_points = {
        "data": {"values": records(drawn[drawn["kind"] == "prognose"])},
        "mark": {"type": "point", "filled": False, "size": 90, "strokeWidth": 2},
        "encoding": {"x": x, "y": y, "color": colour, "tooltip": tooltip},
    }
    end_labels = {
        "data": {"values": records(ends)},
        "mark": {"type": "text", "align": "left", "dx": 9, "fontSize": 12, "fontWeight": "bold"},
        "encoding": {
            "x": x,
            "y": y,
            "text": field("label"),
            "color": {**colour, "legend": None},
        },
    }
    layered = {
        "width": 860,  # fixed: Vega-Lite cannot fit a concatenated view to its container
        "height": 340,
        "layer": [lines, measured_points, outlook_points, end_labels],
    }
    title = outlook_words(frame, lang)
    source = source_text(["03759ned", "70072NED", "84527NED"], lang)
    return Chart(
        house_style(layered, title, t("outlook_unit", lang), source, lang),
        frame,
        title,
        t("outlook_alt", lang),
        file_stem("bevolking-en-prognose-2050", "drenthe-corop"),
        source,
    )
