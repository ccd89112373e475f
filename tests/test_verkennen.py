"""Indicator verkennen: ranking and year choice on hand-made examples, and the page headless
(AppTest) for the four municipalities and ZOD."""

from __future__ import annotations

import json

import jsonschema
import pandas as pd
import pytest
from altair.vegalite.v6.schema import load_schema
from streamlit.testing.v1 import AppTest

from indicators import catalog, scoring
from indicators.charts import style
from indicators.charts.indicator import (
    OTHER_BAR,
    RANK_HEIGHT,
    distribution_chart,
    distribution_spec,
    ranking_chart,
    ranking_spec,
    series_spec,
)
from indicators.formatting import format_number
from indicators.views.common import choose_year, series_for, series_image_for
from indicators.views.verkennen import (
    indicator_years,
    ranking,
    ranking_for,
    ranking_image_for,
)
from tests.conftest import REGIONS

B = catalog.BY_ID


def obs_frame(rows: list[tuple[str, str, int, float]], status: str = "definitive") -> pd.DataFrame:
    frame = pd.DataFrame(rows, columns=["indicator", "region", "year", "value"])
    return frame.assign(status=status, table="T1", source="s", period="")


def test_ranking_follows_the_direction_and_ties_share_a_place():
    obs = obs_frame(
        [
            ("dist_gp", "GM0001", 2015, 2.0),
            ("dist_gp", "GM0002", 2015, 1.0),
            ("dist_gp", "GM0003", 2015, 1.0),
            ("dist_gp", "GM0114", 2015, 3.0),
            ("dist_gp", "NL01", 2015, 0.5),
        ]
    )
    ranked = ranking(obs, B["dist_gp"], 2015, {"GM0114": "Emmen"}).set_index("region")
    assert ranked.loc["GM0002", "rank"] == 1 and ranked.loc["GM0003", "rank"] == 1
    assert ranked.loc["GM0001", "rank"] == 3
    assert ranked.loc["GM0114", "rank"] == 4 and bool(ranked.loc["GM0114", "focus"])
    assert "NL01" not in ranked.index
    # A region that is not a municipality (ZOD at 1.5 km) would stand third.
    assert scoring.place_among(ranked["value"], 1.5, B["dist_gp"].direction) == 3


def test_choose_year_falls_back_to_the_latest():
    assert choose_year([2015, 2024], 2015) == (2015, False)
    assert choose_year([2015, 2024], 2020) == (2024, True)
    assert choose_year([2015, 2024], None) == (2024, False)
    assert choose_year([], 2020) == (None, True)


def chart_titles(at: AppTest) -> list[str]:
    """The findings of the page's charts as the reader sees them: the time series' title (in
    its Vega-Lite spec, in lines), then the ranking's and the distribution's in bold above
    each chart (their specs are the same for every region). The page draws no plotly chart."""
    assert not at.get("plotly_chart")
    series = at.get("vega_lite_chart")[0]
    above = [
        line.strip("*")
        for m in at.markdown
        for line in m.value.splitlines()
        if line.startswith("**") and line.endswith("**")
    ]
    return [" ".join(json.loads(series.proto.spec)["vconcat"][0]["title"]["text"]), *above]


def test_ranking_and_distribution_are_the_same_specs_for_every_municipality(run_page):
    """A change of municipality swaps the two charts' tables only (the browser keeps them);
    the findings above them are the region's."""
    link = {"indicator": "income_household_mean_disposable"}
    at = run_page("verkennen", gemeente="GM0114", **link)
    specs = [c.proto.spec for c in at.get("vega_lite_chart")[1:]]
    alts = [c.proto.alt for c in at.get("vega_lite_chart")[1:]]
    emmen = chart_titles(at)[1:]
    at.query_params["gemeente"] = "GM0118"
    at.run()
    assert not at.exception
    assert [c.proto.spec for c in at.get("vega_lite_chart")[1:]] == specs
    # nor does the alt text change (the browser would draw anew): the same for every region
    assert [c.proto.alt for c in at.get("vega_lite_chart")[1:]] == alts
    assert json.loads(specs[1])["description"].startswith("Histogram van")
    hoogeveen = chart_titles(at)[1:]
    assert [x.split()[0] for x in emmen + hoogeveen] == ["Emmen"] * 2 + ["Hoogeveen"] * 2
    assert not any("Emmen" in spec or "Hoogeveen" in spec for spec in specs)


@pytest.mark.parametrize("region", REGIONS)
def test_verkennen_ranks_the_region_among_municipalities(region, expected, run_page):
    snap, _ = expected
    obs = snap.observations
    ind = "income_household_mean_disposable"
    year = int(obs.loc[obs.indicator == ind, "year"].max())
    at = run_page("verkennen", gemeente=region)
    assert not at.exception
    sel = obs[(obs.indicator == ind) & (obs.year == year)]
    munis = sel[sel.region.str.startswith("GM")]
    own = float(sel.loc[sel.region == region, "value"].iloc[0])
    place = int((munis["value"] > own).sum()) + 1  # higher income is better
    titles = chart_titles(at)
    assert f"plaats {place} van {len(munis)}" in titles[1]
    assert format_number(own, 1) in titles[0]  # the time series states the region's value


def test_verkennen_year_without_data_falls_back_with_a_note(run_page):
    at = run_page("verkennen", gemeente="GM0114", indicator="dist_gp", jaar="2024")
    assert not at.exception
    assert at.selectbox[1].value == 2015
    assert any("geen cijfers over 2024" in c.value for c in at.caption)
    assert at.query_params["jaar"] == "2015"


def test_ranks_on_verkennen_and_kaart_count_the_same_municipalities(snap, scores, run_page):
    """One ranking rule: the WW-uitkeringen 2015 place of Hoogeveen is the same on Indicator
    verkennen and on Kaart (it was 369 of 393 against 303 of 321), among the current
    municipalities with a figure for that year."""
    from indicators.regions import current_municipalities
    from indicators.views.kaart import municipal_map_for

    obs = snap.observations
    sel = obs[
        (obs.indicator == "unemployment_benefits_per_1000")
        & (obs.year == 2015)
        & obs.region.isin(current_municipalities(snap.regions))
    ]
    mine = float(sel.loc[sel.region == "GM0118", "value"].iloc[0])
    rank = int((sel["value"] < mine).sum()) + 1  # lower is better: count those ahead
    at = run_page(
        "verkennen", gemeente="GM0118", indicator="unemployment_benefits_per_1000", jaar="2015"
    )
    titles = chart_titles(at)
    assert any(f"plaats {rank} van {len(sel)} huidige gemeenten" in x for x in titles), titles
    chart = municipal_map_for(snap, scores, "unemployment_benefits_per_1000", 2015, "drenthe")
    ranked = chart.data.dropna(subset=["value"])
    assert len(ranked) == len(sel)
    assert int(ranked.set_index("code").loc["GM0118", "rank"]) == rank


# --- the time series: a Vega-Lite spec on screen, the plotly figure for its PNG -------------


def made_up_series() -> pd.DataFrame:
    """Distance to a GP (km, lower is better) for Emmen without 2020, ZOD and Nederland in
    2019-2021, by hand."""
    rows = [
        ("GM0114", "Emmen", 2019, 1.5),
        ("GM0114", "Emmen", 2021, 2.4),
        ("ZOD", "Zuid- en Oost-Drenthe", 2019, 1.0),
        ("ZOD", "Zuid- en Oost-Drenthe", 2020, 1.3),
        ("ZOD", "Zuid- en Oost-Drenthe", 2021, 1.8),
        ("NL01", "Nederland", 2019, 2.0),
        ("NL01", "Nederland", 2020, 2.0),
        ("NL01", "Nederland", 2021, 2.0),
    ]
    frame = pd.DataFrame(rows, columns=["region", "region_name", "year", "value"])
    return frame.assign(status="definitive", table="80305ned", n_peers=float("nan"))


def series_rows(spec: dict) -> list[dict]:
    return spec["vconcat"][0]["data"]["values"]


def test_series_spec_breaks_the_line_at_a_missing_year_and_labels_the_last_values():
    chart = series_spec(made_up_series(), B["dist_gp"], "GM0114", "nl", "Emmen")
    rows = series_rows(chart.figure)
    emmen = [(r["year"], r["value"], r["label"]) for r in rows if r["region"] == "GM0114"]
    # 2020 is there without a value: Vega breaks the line instead of bridging the gap
    assert emmen == [(2019, 1.5, ""), (2020, None, ""), (2021, 2.4, "2,4")]
    # only the chosen region and Nederland carry their last value as a label
    assert [r["label"] for r in rows if r["region"] == "ZOD"] == ["", "", ""]
    assert [r["label"] for r in rows if r["region"] == "NL01"] == ["", "", "2,0"]
    assert [r["shown"] for r in rows if r["region"] == "ZOD"] == ["1,0", "1,3", "1,8"]
    lines, points, labels = chart.figure["vconcat"][0]["layer"]
    assert lines["mark"]["invalid"] == "break-paths-show-domains"
    colour = lines["encoding"]["color"]["scale"]
    assert colour["domain"] == ["Emmen", "Zuid- en Oost-Drenthe", "Nederland"]
    assert colour["range"] == [style(r)["color"] for r in ("GM0114", "ZOD", "NL01")]
    assert lines["encoding"]["strokeDash"]["scale"]["range"] == [[1, 0], [1, 0], [1, 0]]
    shapes = points["encoding"]["shape"]["scale"]["range"]
    assert shapes[0] == "circle" and shapes[2] == "cross"
    assert shapes[1].startswith("M0,-1") and shapes[1].endswith("Z")  # ZOD's star, as a path
    assert lines["encoding"]["x"]["axis"]["values"] == [2019, 2020, 2021]
    # Emmen 2021: 2,4 km against Nederland's 2,0: further, so worse (lower is better)
    assert chart.title == "Emmen ligt in 2021 boven Nederland: 2,4 tegen 2,0 (slechter)"
    assert chart.figure["vconcat"][0]["title"]["text"] == [chart.title]
    assert "NaN" not in json.dumps(chart.figure, allow_nan=False)


def test_series_spec_with_one_year_draws_labelled_bars():
    frame = made_up_series()
    one = frame[frame["year"] == 2019]
    chart = series_spec(one, B["dist_gp"], "GM0114", "en", "Emmen")
    rows = series_rows(chart.figure)
    assert [r["label"] for r in rows] == [
        "Emmen (2019)",
        "Zuid- en Oost-Drenthe (2019)",
        "Nederland (2019)",
    ]
    assert [r["shown"] for r in rows] == ["1.5", "1.0", "2.0"]
    assert [r["colour"] for r in rows] == [style(r)["color"] for r in ("GM0114", "ZOD", "NL01")]


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_series_specs_are_valid_vega_lite(expected, lang):
    """Written as data, so the schema is the check: a real series with peers, one year, and
    no rows at all."""
    snap, scores = expected
    schema = load_schema()
    real = series_for(snap, scores, "crime_per_1000", "GM0114", True, lang).figure
    frame = made_up_series()
    for spec in (
        real,
        series_spec(frame, B["dist_gp"], "GM0114", lang).figure,
        series_spec(frame[frame["year"] == 2019], B["dist_gp"], "GM0114", lang).figure,
        series_spec(frame.iloc[0:0], B["dist_gp"], "GM0114", lang).figure,
    ):
        jsonschema.validate(spec, schema)
        assert "NaN" not in json.dumps(spec, allow_nan=False)


@pytest.mark.parametrize("indicator", ["crime_per_1000", "population"])
def test_series_spec_and_image_draw_the_same(expected, indicator):
    """The PNG (plotly) has the same lines, gaps, labels, title and data as the screen."""
    snap, scores = expected
    screen = series_for(snap, scores, indicator, "GM0109", True, "en")
    image = series_image_for(snap, scores, indicator, "GM0109", True, "en")
    rows = pd.DataFrame(series_rows(screen.figure))
    assert [trace.name for trace in image.figure.data] == list(dict.fromkeys(rows["region_name"]))
    for trace in image.figure.data:
        mine = rows[rows["region_name"] == trace.name]
        assert list(trace.x) == list(mine["year"])
        drawn = [None if pd.isna(v) else v for v in trace.y]
        assert drawn == [None if pd.isna(v) else pytest.approx(v) for v in mine["value"]]
        assert list(trace.text) == list(mine["label"])
    assert (screen.title, screen.alt, screen.file_stem) == (image.title, image.alt, image.file_stem)
    pd.testing.assert_frame_equal(screen.data, image.data)
    assert image.figure.layout.width == 1000


# --- the ranking and the distribution: Vega-Lite on screen, plotly for the PNG ----------------


def made_up_ranking() -> tuple[pd.DataFrame, pd.DataFrame]:
    """Distance to a GP (km, lower is better) in six municipalities, Emmen and Coevorden among
    them, by hand; Nederland at 2.0 and ZOD at 2.5."""
    names = {
        "GM0001": "Aa",
        "GM0002": "Bb",
        "GM0114": "Emmen",
        "GM0003": "Cc",
        "GM0109": "Coevorden",
        "GM0004": "Dd",
    }
    values = {"GM0001": 1.0, "GM0002": 1.5, "GM0114": 2.0, "GM0003": 3.0, "GM0109": 4.0}
    values["GM0004"] = 5.0
    obs = obs_frame([("dist_gp", r, 2020, v) for r, v in values.items()])
    ranked = ranking(obs, B["dist_gp"], 2020, names)
    references = pd.DataFrame(
        {
            "region": ["ZOD", "NL01"],
            "region_name": ["Zuid- en Oost-Drenthe", "Nederland"],
            "year": 2020,
            "value": [2.5, 2.0],
            "status": "definitive",
        }
    )
    return ranked, references


def layers(chart) -> list[dict]:
    return chart.figure["vconcat"][0]["layer"]


def test_ranking_spec_colours_and_labels_the_four_above_their_bars():
    ranked, refs = made_up_ranking()
    chart = ranking_spec(ranked, B["dist_gp"], "ZOD", "Zuid- en Oost-Drenthe", refs, "nl")
    bars = chart.figure["vconcat"][0]["data"]["values"]
    # lower is better: 1.0 is place 1; bars stand left to right in order of place
    assert [(b["position"], b["rank"], b["value"]) for b in bars] == [
        (1, 1, 1.0),
        (2, 2, 1.5),
        (3, 3, 2.0),
        (4, 4, 3.0),
        (5, 5, 4.0),
        (6, 6, 5.0),
    ]
    # only Emmen (place 3) and Coevorden (place 5) carry a colour; the others are grey
    assert [b["colour"] for b in bars] == [
        None,
        None,
        style("GM0114")["color"],
        None,
        style("GM0109")["color"],
        None,
    ]
    assert layers(chart)[0]["encoding"]["color"]["value"] == OTHER_BAR
    # after the bars two groups, each on a table of its own: the labels (their lines, then
    # their texts, one layer per side) and the reference lines with their texts
    bars_layer, labelled, referenced = layers(chart)
    labels = labelled["data"]["values"]
    rule, *texts = labelled["layer"]
    assert rule["encoding"]["y2"] == {"field": "label_at"}
    assert [x["label"] for x in labels] == ["Emmen 2,0 (#3)", "Coevorden 4,0 (#5)"]
    # the domain runs from 0 to 5.0 x 1.15 = 5.75 over 340 px, so one pixel is 5.75 / 340;
    # the first label stands 35 px above its bar, the second 61 px
    assert RANK_HEIGHT == 340
    assert labels[0]["label_at"] == pytest.approx(2.0 + 35 * 5.75 / 340)
    assert labels[1]["label_at"] == pytest.approx(4.0 + 61 * 5.75 / 340)
    # place 3 of 6 lies in the left half (its label reads rightwards), place 5 in the right
    assert [x["align"] for x in labels] == ["left", "right"]
    assert [(t["mark"]["align"], t["transform"][0]["filter"]) for t in texts] == [
        ("left", "datum.align == 'left'"),
        ("right", "datum.align == 'right'"),
    ]
    # Nederland dotted and ZOD dashed, each labelled with its value
    lines = referenced["data"]["values"]
    assert [(x["label"], x["kind"]) for x in lines] == [
        ("Zuid- en Oost-Drenthe 2,5", "zod"),
        ("Nederland 2,0", "nl"),
    ]
    dashes = referenced["layer"][0]["encoding"]["strokeDash"]["scale"]
    assert dashes == {"domain": ["nl", "zod"], "range": [[2, 3], [8, 4]]}
    assert chart.title == (
        "Zuid- en Oost-Drenthe zou op plaats 4 van 6 huidige gemeenten met een cijfer staan "
        "(1 = beste, 2020)"
    )
    # the finding is the page's, above the chart: the spec's first line is the unit
    heading = chart.figure["vconcat"][0]["title"]["text"]
    assert heading == "Afstand tot huisartsenpraktijk, km, 2020"
    jsonschema.validate(chart.figure, load_schema())


def test_distribution_spec_marks_the_region_and_nederland():
    ranked, refs = made_up_ranking()
    refs = pd.concat([refs, refs.iloc[[0]].assign(region="GM0114", region_name="Emmen", value=2.0)])
    chart = distribution_spec(ranked, B["dist_gp"], "GM0114", "Emmen", refs, "en")
    values = chart.figure["vconcat"][0]["data"]["values"]
    assert sorted(v["value"] for v in values) == [1.0, 1.5, 2.0, 3.0, 4.0, 5.0]
    bars, marks = layers(chart)
    assert bars["encoding"]["x"]["bin"] == {"maxbins": 30}
    rows = marks["data"]["values"]
    assert [(x["label"], x["value"], x["dash"]) for x in rows] == [
        ("Nederland 2.0", 2.0, style("NL01")["dash"]),
        ("Emmen 2.0", 2.0, style("GM0114")["dash"]),
    ]
    assert [x["label_at"] for x in rows] == [12, 30]  # one under the other
    assert [x["text_colour"] for x in rows] == ["#000000", style("GM0114")["color"]]
    # two of six lie below 2.0 and three above: Emmen is lower than half of them
    assert chart.title == "Emmen has a lower value than 50% of municipalities (2020)"
    assert list(chart.data["role"]) == ["municipality"] * 6 + ["marker"] * 2
    jsonschema.validate(chart.figure, load_schema())


def test_ranking_and_distribution_images_say_what_the_screen_says():
    ranked, refs = made_up_ranking()
    args = (ranked, B["dist_gp"], "GM0109", "Coevorden", refs, "nl")
    for spec, figure in ((ranking_spec, ranking_chart), (distribution_spec, distribution_chart)):
        screen, image = spec(*args), figure(*args)
        assert (screen.title, screen.alt, screen.file_stem, screen.source) == (
            image.title,
            image.alt,
            image.file_stem,
            image.source,
        )
        pd.testing.assert_frame_equal(screen.data, image.data)
        assert image.figure.layout.width == 1000
    image = ranking_chart(*args).figure
    assert [a.text for a in image.layout.annotations if "#" in a.text] == [
        "Emmen 2,0 (#3)",
        "Coevorden 4,0 (#5)",
    ]
    assert list(image.data[0].marker.color) == [OTHER_BAR] * 2 + [
        style("GM0114")["color"],
        OTHER_BAR,
        style("GM0109")["color"],
        OTHER_BAR,
    ]


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_real_ranking_specs_are_valid_and_match_their_images(expected, lang):
    snap, scores = expected
    year = indicator_years(snap.observations, "crime_per_1000")[-1]
    screen = ranking_for(snap, scores, "crime_per_1000", year, "GM0118", lang)
    image = ranking_image_for(snap, scores, "crime_per_1000", year, "GM0118", lang)
    jsonschema.validate(screen.figure, load_schema())
    assert "NaN" not in json.dumps(screen.figure, allow_nan=False)
    bars = screen.figure["vconcat"][0]["data"]["values"]
    assert [b["value"] for b in bars] == pytest.approx(list(image.figure.data[0].y))
    assert len(bars) > 300
    assert sum(b["colour"] is not None for b in bars) == 4
