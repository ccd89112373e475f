"""Pages Kaart and Vergelijken: map geometry (offline), colour classes, findings, the profile
comparison, and both pages headless (AppTest) showing snapshot numbers."""

from __future__ import annotations

import json
import math
import string

import numpy as np
import pandas as pd
import pytest
from shapely.geometry import Point, shape
from streamlit.testing.v1 import AppTest

from indicators import catalog, scoring
from indicators.charts.compare import cell_text
from indicators.charts.maps import MAP_STYLE, class_colours, municipal_map_for, wijk_map_for
from indicators.formatting import format_number
from indicators.regions import FOCUS_MUNICIPALITIES
from indicators.snapshot import load_snapshot
from indicators.ui_text import kaart as kaart_text
from indicators.ui_text import vergelijken as vergelijken_text
from indicators.views_map import (
    MapView,
    bounds,
    classify,
    default_selection,
    finding,
    fit_view,
    label_points,
    labels,
    load_geojson,
    outline_path,
    profile_finding,
    rank_order,
)
from tests.conftest import DATA, ROOT

REGIONS = ["GM0114", "GM0109", "GM0118", "GM1681", "ZOD"]
SQUARE = {
    "type": "FeatureCollection",
    "features": [
        {
            "type": "Feature",
            "properties": {"code": "GM0001", "name": "Vierkant"},
            "geometry": {
                "type": "Polygon",
                "coordinates": [[[6.0, 52.0], [7.0, 52.0], [7.0, 53.0], [6.0, 53.0], [6.0, 52.0]]],
            },
        },
        {
            "type": "Feature",
            "properties": {"code": "GM0002", "name": "Twee delen"},
            "geometry": {
                "type": "MultiPolygon",
                "coordinates": [
                    [[[4.0, 51.0], [4.1, 51.0], [4.1, 51.1], [4.0, 51.1], [4.0, 51.0]]],
                    [[[5.0, 50.0], [5.8, 50.0], [5.8, 50.8], [5.0, 50.8], [5.0, 50.0]]],
                ],
            },
        },
    ],
}


@pytest.fixture(scope="module")
def snap():
    return load_snapshot(DATA)


@pytest.fixture(scope="module")
def scores(snap):
    return scoring.compute(snap.observations, snap.regions)


@pytest.fixture(scope="module")
def geo():
    return load_geojson("gemeenten", DATA / "geo")


# --- geometry ---------------------------------------------------------------------------------


def test_fit_view_zoom_and_centre_by_hand():
    # 22.5 degrees of longitude = 1/16 of the world; 512 px wide at zoom z shows 360/2**z
    # degrees, so zoom 4 fits it exactly (no padding); the latitude span is tiny.
    view = fit_view((0.0, -0.001, 22.5, 0.001), width=512, height=512, padding=0)
    assert view.zoom == pytest.approx(4.0, abs=0.01)
    assert view.lon == pytest.approx(11.25)
    assert view.lat == pytest.approx(0.0, abs=1e-9)
    # A box symmetric about the equator is centred on it, whatever its height.
    assert fit_view((-10.0, -10.0, 10.0, 10.0)).lat == pytest.approx(0.0, abs=1e-9)


def test_bounds_outline_and_label_points_of_hand_made_shapes():
    assert bounds(SQUARE) == (4.0, 50.0, 7.0, 53.0)
    assert bounds(SQUARE, ["GM0001"]) == (6.0, 52.0, 7.0, 53.0)
    lons, lats = outline_path(SQUARE, ["GM0001"])
    assert lons == [6.0, 7.0, 7.0, 6.0, 6.0, None]
    assert lats == [52.0, 52.0, 53.0, 53.0, 52.0, None]
    points = label_points(SQUARE, ["GM0001", "GM0002"])
    assert points["GM0001"] == pytest.approx((6.5, 52.5), abs=0.01)
    # The label goes in the larger part of a multipolygon.
    assert points["GM0002"] == pytest.approx((5.4, 50.4), abs=0.01)


def test_labels_beside_are_stacked_east_of_the_shapes():
    view = MapView(lon=5.0, lat=52.0, zoom=6.0)
    placed = labels(SQUARE, ["GM0001", "GM0002"], {"GM0001": "A", "GM0002": "B"}, view, True)
    assert (placed["lon"] > 7.0).all()
    assert placed["lat"].is_monotonic_decreasing
    inside = labels(SQUARE, ["GM0001"], {"GM0001": "A"}, view, False)
    assert inside.loc[0, "lon"] == inside.loc[0, "anchor_lon"]


def test_labels_of_the_four_lie_inside_their_municipality(geo):
    points = label_points(geo, list(FOCUS_MUNICIPALITIES))
    shapes = {f["properties"]["code"]: shape(f["geometry"]) for f in geo["features"]}
    for code, (lon, lat) in points.items():
        assert shapes[code].contains(Point(lon, lat)), code


def test_drenthe_view_frames_drenthe(geo, snap):
    regions = snap.regions
    current = regions[regions.current & (regions.level == "gemeente")]
    drenthe = current[current.provincie == "PV22"]
    assert len(drenthe) == 12
    view = fit_view(bounds(geo, drenthe["code"].tolist()))
    assert 52.6 < view.lat < 53.2 and 6.1 < view.lon < 7.1
    assert view.zoom > fit_view(bounds(geo)).zoom + 1.5


# --- classes and ranks --------------------------------------------------------------------


def test_classify_quintiles_ties_and_missing():
    classes, ranges = classify(pd.Series([1, 2, 3, 4, 5, 6, 7, 8, 9, 10.0]))
    assert classes.tolist() == [0, 0, 1, 1, 2, 2, 3, 3, 4, 4]
    assert ranges == [(1, 2), (3, 4), (5, 6), (7, 8), (9, 10)]
    classes, ranges = classify(pd.Series([1, 5, 5, 5, 5, np.nan]))
    assert classes.tolist()[:5] == [0, 1, 1, 1, 1] and math.isnan(classes.iloc[5])
    assert ranges == [(1, 1), (5, 5)]


def test_rank_order_follows_the_direction():
    lower = catalog.BY_ID["dist_gp"]
    higher = catalog.BY_ID["jobs_per_1000"]
    assert rank_order(lower, pd.Series([3.0, 1.0, 2.0, np.nan])).tolist() == [3, 1, 2, pd.NA]
    assert rank_order(higher, pd.Series([1.0, 1.0, 2.0])).tolist() == [2, 2, 1]


def test_darkest_colour_is_the_favourable_end():
    dark = "rgb(68, 1, 84)"  # Viridis' dark end
    assert class_colours(5, catalog.BY_ID["dist_gp"])[0] == dark  # lowest distance = best
    assert class_colours(5, catalog.BY_ID["jobs_per_1000"])[-1] == dark


# --- findings -----------------------------------------------------------------------------


def _obs(rows: list[tuple[str, str, int, float]]) -> pd.DataFrame:
    return pd.DataFrame(rows, columns=["indicator", "region", "year", "value"])


def test_map_finding_states_the_difference_with_nederland():
    obs = _obs([("dist_gp", "GM0114", 2015, 2.8), ("dist_gp", "NL01", 2015, 1.4)])
    names = {"GM0114": "Emmen"}
    ind = catalog.BY_ID["dist_gp"]
    assert (
        finding(obs, ind, 2015, "GM0114", names)
        == "Emmen ligt 1,4 km boven Nederland (ongunstig): 2,8 tegen 1,4 km in 2015"
    )
    assert finding(obs, ind, 2015, "GM0109", {"GM0109": "Coevorden"}) == (
        "Geen gegevens voor Coevorden in 2015; Nederland: 1,4 km"
    )
    shares = _obs([("vacancy_rate", "GM0114", 2025, 6.0), ("vacancy_rate", "NL01", 2025, 4.0)])
    assert "2 procentpunt boven Nederland (ongunstig)" in finding(
        shares, catalog.BY_ID["vacancy_rate"], 2025, "GM0114", names
    )


def test_map_finding_for_a_count_is_a_place_not_a_difference_with_the_total():
    obs = _obs(
        [
            ("population", "GM0114", 2026, 108000.0),
            ("population", "GM0001", 2026, 200000.0),
            ("population", "GM0002", 2026, 50000.0),
            ("population", "NL01", 2026, 18000000.0),
        ]
    )
    text = finding(
        obs,
        catalog.BY_ID["population"],
        2026,
        "GM0114",
        {"GM0114": "Emmen"},
        codes=["GM0114", "GM0001", "GM0002"],
    )
    assert text == "Emmen: 108.000 inwoners in 2026, plaats 2 van 3 gemeenten (1 = hoogste)"


def test_profile_finding_counts_behind_and_ahead():
    frame = pd.DataFrame({"region": ["GM1681"] * 4 + ["NL01"], "z": [-1.0, -0.5, 0.3, np.nan, 0.0]})
    text = profile_finding(frame, "GM1681", 2, {"GM1681": "Borger-Odoorn"})
    assert text == (
        "Borger-Odoorn ligt op 2 van de 3 indicatoren achter op Nederland en op 1 voor "
        "(1 zonder gegevens)"
    )


def test_default_selection_the_four_zod_nl_then_peers_up_to_twelve():
    peers = ["GM0114", *(f"GM9{i:03d}" for i in range(20))]
    chosen = default_selection("GM0118", peers)
    assert chosen[:7] == ["GM0118", "GM0114", "GM0109", "GM1681", "ZOD", "NL01", "GM9000"]
    assert len(chosen) == 12 and len(set(chosen)) == 12


def test_cell_text_value_mark_and_arrow():
    assert cell_text(1.8, -2.0, 1, "derived") == "1,8† ▼"
    assert cell_text(1234.0, 0.4, 0, "definitive") == "1.234 ▲"
    assert cell_text(1.0, 0.0, 1, "") == "1,0 ="
    assert cell_text(float("nan"), float("nan"), 1, "") == "–"


# --- the maps are offline -----------------------------------------------------------------


def test_maps_fetch_nothing(snap, geo):
    """No tile, glyph or sprite server: the style has no URL and the figure names none."""
    assert "glyphs" not in MAP_STYLE and "sprite" not in MAP_STYLE
    assert all("url" not in src and "tiles" not in src for src in MAP_STYLE["sources"].values())
    provinces = load_geojson("provincies", DATA / "geo")
    chart = municipal_map_for(snap, geo, provinces, "dist_gp", 2015, "drenthe", "GM0114")
    spec = json.dumps(chart.figure.to_plotly_json(), default=str)
    assert "http" not in spec and "mapbox" not in spec
    assert chart.figure.layout.map.style == MAP_STYLE
    wijken = wijk_map_for(snap, load_geojson("wijken", DATA / "geo"), geo, "wijk_population")
    assert "http" not in json.dumps(wijken.figure.to_plotly_json(), default=str)


def test_map_data_are_the_snapshot_values(snap, geo):
    provinces = load_geojson("provincies", DATA / "geo")
    chart = municipal_map_for(snap, geo, provinces, "dist_gp", 2015, "nederland", "GM0114")
    obs = snap.observations
    sel = obs[(obs.indicator == "dist_gp") & (obs.year == 2015)].set_index("region")["value"]
    data = chart.data.set_index("code")
    assert len(data) == len(geo["features"])
    for code in FOCUS_MUNICIPALITIES:
        assert data.loc[code, "value"] == sel[code]
    # A current municipality formed after 2015 has no 2015 value: grey, never filled.
    assert math.isnan(data.loc["GM1963", "value"])
    assert data.loc["GM1963", "class_range"] == "geen gegevens"


def test_ui_texts_have_both_languages_and_the_same_placeholders():
    for module in (kaart_text, vergelijken_text):
        for key, entry in module.TEXT.items():
            assert set(entry) == {"nl", "en"}, key
            fields = [
                {f for _, f, _, _ in string.Formatter().parse(entry[lang]) if f}
                for lang in ("nl", "en")
            ]
            assert fields[0] == fields[1], key


# --- the pages (AppTest) ------------------------------------------------------------------


def run_page(page: str, **params: str) -> AppTest:
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=60)
    for key, value in params.items():
        at.query_params[key] = value
    at.run()
    return at.switch_page(page).run()


def _spec(at: AppTest, index: int = 0) -> dict:
    return json.loads(at.get("plotly_chart")[index].proto.spec)


@pytest.mark.parametrize("region", REGIONS)
def test_kaart_shows_the_snapshot_value(region, snap):
    at = run_page("pages/kaart.py", gemeente=region)
    assert not at.exception, [e.value for e in at.exception]
    obs = snap.observations
    ind = catalog.BY_ID["income_household_mean_disposable"]
    sel = obs[(obs.indicator == ind.id) & obs.region.str.startswith("GM")]
    year = int(sel.year.max())
    value = obs[(obs.indicator == ind.id) & (obs.region == region) & (obs.year == year)]
    expected = format_number(float(value["value"].iloc[0]), ind.decimals)
    title = _spec(at)["layout"]["title"]["text"]
    assert f"{expected} tegen" in title.replace("<br>", " ")
    reference = at.dataframe[0].value
    name = snap.regions.set_index("code").loc[region, "name"]
    row = reference[reference["Regio"] == name].iloc[0]
    assert str(row.iloc[1]).startswith(expected) and row["Jaar"] == year
    assert {"indicator", "jaar"} <= set(at.query_params)


@pytest.mark.parametrize("region", REGIONS)
def test_vergelijken_shows_the_snapshot_value(region, snap, scores):
    at = run_page("pages/vergelijken.py", gemeente=region, doel="2")
    assert not at.exception, [e.value for e in at.exception]
    name = snap.regions.set_index("code").loc[region, "name"]
    spec = _spec(at)
    assert spec["layout"]["title"]["text"].startswith(f"{name} ligt op ")
    # The first row of goal 2 for the region: the value in the latest year NL also has.
    ind = next(i for i in catalog.INDICATORS if i.goal == 2 and i.scored)
    obs = snap.observations
    mine = obs[(obs.indicator == ind.id) & (obs.region == region)].set_index("year")["value"]
    nl = obs[(obs.indicator == ind.id) & (obs.region == "NL01")].set_index("year")["value"]
    year = max(set(mine.index) & set(nl.index))
    expected = f"{format_number(float(mine[year]), ind.decimals)}"
    table = at.dataframe[0].value
    cell = table.loc[table["Indicator"] == ind.name_nl, name].iloc[0]
    assert cell.startswith(expected) and f"({year})" in cell
    heat = next(trace for trace in spec["data"] if trace.get("texttemplate"))
    column = heat["x"].index(name)
    assert heat["text"][0][column].startswith(expected)
    score = scores.actueel[(scores.actueel.region == region) & (scores.actueel.goal == 2)]
    score_row = table[table["Indicator"] == "Score doel 2 (actueel)"].iloc[0]
    assert score_row[name] == format_number(float(score["score"].iloc[0]), 1)
    rank_row = table[table["Indicator"] == "Plaats onder de gemeenten"].iloc[0]
    assert rank_row[name] == f"{int(score['rank'].iloc[0])} van {int(score['n_ranked'].iloc[0])}"
    assert at.query_params["doel"] == ["2"] or at.query_params["doel"] == "2"
