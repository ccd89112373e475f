"""Kaart: colour classes, findings, offline maps, and the page headless (AppTest) showing
snapshot numbers."""

from __future__ import annotations

import json
import math

import jsonschema
import numpy as np
import pandas as pd
import pytest
from altair.vegalite.v6.schema import load_schema
from streamlit.testing.v1 import AppTest

from indicators import catalog, scoring
from indicators.boundaries import (
    GeometryUrls,
    bounds,
    feature_codes,
    fit_view,
    geojson,
    wound_for_d3,
)
from indicators.charts.maps import MAP_STYLE, MISSING_COLOR, class_colours, classify, plot_area
from indicators.formatting import format_number
from indicators.regions import DRENTHE, FOCUS_MUNICIPALITIES, current_municipalities
from indicators.views.kaart import (
    finding,
    map_finding_for,
    municipal_map_for,
    municipal_map_image_for,
    wijk_map_for,
    wijk_map_image_for,
)
from tests.conftest import DATA, REGIONS, ROOT


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
    values = pd.Series([3.0, 1.0, 2.0, np.nan])
    assert scoring.rank_places(values, lower.direction).tolist() == [3, 1, 2, pd.NA]
    assert scoring.rank_places(pd.Series([1.0, 1.0, 2.0]), higher.direction).tolist() == [2, 2, 1]


def test_darkest_colour_is_the_favourable_end():
    dark = "rgb(68, 1, 84)"  # Viridis' dark end
    assert class_colours(5, catalog.BY_ID["dist_gp"])[0] == dark  # lowest distance = best
    assert class_colours(5, catalog.BY_ID["jobs_per_1000"])[-1] == dark


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
    assert text == (
        "Emmen: 108.000 inwoners in 2026, plaats 2 van 3 huidige gemeenten met een cijfer "
        "(1 = hoogste)"
    )


INCOME = "income_household_mean_disposable"
URLS = GeometryUrls("app/static/g-test.json", "app/static/p-test.json", "app/static/w-test.json")


def layers(spec: dict) -> list[dict]:
    return spec["vconcat"][0]["layer"]


def area_rows(spec: dict) -> dict[str, dict]:
    """The values the map's areas look up, by code."""
    lookup = layers(spec)[0]["transform"][0]["from"]["data"]["values"]
    return {row["c"]: row for row in lookup}


def test_maps_fetch_nothing(snap, scores):
    """No tile, glyph or sprite server: the image's style has no URL and the figure names
    none; the screen's spec names only the app's own boundary files (and its schema, which
    Vega does not fetch)."""
    assert "glyphs" not in MAP_STYLE and "sprite" not in MAP_STYLE
    assert all("url" not in src and "tiles" not in src for src in MAP_STYLE["sources"].values())
    image = municipal_map_image_for(snap, scores, "dist_gp", 2015, "drenthe", "GM0114")
    figure = json.dumps(image.figure.to_plotly_json(), default=str)
    assert "http" not in figure and "mapbox" not in figure
    assert image.figure.layout.map.style == MAP_STYLE
    wijken = wijk_map_image_for(snap, scores, "wijk_population")
    assert "http" not in json.dumps(wijken.figure.to_plotly_json(), default=str)
    for chart in (
        municipal_map_for(snap, scores, "dist_gp", 2015, "drenthe", "nl", URLS),
        wijk_map_for(snap, scores, "wijk_population", "nl", URLS),
    ):
        text = json.dumps(chart.figure).replace(chart.figure["$schema"], "")
        assert "http" not in text
        named = {layer["data"].get("url") for layer in layers(chart.figure)} - {None}
        assert named <= set(URLS)


@pytest.mark.parametrize("zoom", ["nederland", "drenthe"])
def test_map_specs_are_valid_vega_lite(snap, scores, zoom):
    """The specs are written as data (see charts/vega.py), so the schema is the check."""
    schema = load_schema()
    for chart in (
        municipal_map_for(snap, scores, "dist_gp", 2015, zoom, "nl", URLS),  # with grey areas
        municipal_map_for(snap, scores, INCOME, 2024, zoom, "en", URLS),
        wijk_map_for(snap, scores, "wijk_population", "nl", URLS),
    ):
        jsonschema.validate(chart.figure, schema)


def test_map_data_are_the_snapshot_values(snap, scores):
    chart = municipal_map_for(snap, scores, "dist_gp", 2015, "nederland")
    obs = snap.observations
    sel = obs[(obs.indicator == "dist_gp") & (obs.year == 2015)].set_index("region")["value"]
    data = chart.data.set_index("code")
    assert len(data) == len(geojson(snap, "gemeenten")["features"])
    for code in FOCUS_MUNICIPALITIES:
        assert data.loc[code, "value"] == sel[code]
    # A current municipality formed after 2015 has no 2015 value: grey, never filled.
    assert math.isnan(data.loc["GM1963", "value"])
    assert data.loc["GM1963", "class_range"] == "geen gegevens"


def test_the_screen_map_draws_what_the_image_draws(snap, scores):
    """The spec on screen and the plotly figure of the PNG show the same areas in the same
    classes and colours, the same tooltip figures, the same legend."""
    spec = municipal_map_for(snap, scores, "dist_gp", 2015, "drenthe", "nl", URLS)
    image = municipal_map_image_for(snap, scores, "dist_gp", 2015, "drenthe", "GM0114")
    rows = area_rows(spec.figure)
    coloured, grey = (t for t in image.figure.data if t.type == "choroplethmap")
    n_classes = len(coloured.colorbar.ticktext)
    assert len(rows) == len(coloured.locations) + len(grey.locations)
    for code, k, (_label, text, _year, rank) in zip(
        coloured.locations, coloured.z, coloured.customdata, strict=True
    ):
        assert rows[code]["k"] == k and rows[code]["v"] == text
        assert rows[code]["p"] == f"{int(rank)} van {len(coloured.locations)}"
    for code in grey.locations:
        assert rows[code]["k"] == n_classes and rows[code]["v"] == "geen gegevens"
    colour = layers(spec.figure)[0]["encoding"]["color"]
    # the legend reads from the highest class down, then "geen gegevens", as the colour bar
    assert colour["scale"]["domain"] == [*reversed(range(n_classes)), n_classes]
    labels = json.loads(colour["legend"]["labelExpr"].removesuffix("[datum.value]"))
    assert labels == [*coloured.colorbar.ticktext, "geen gegevens"]
    steps = [c for _, c in coloured.colorscale][::2]  # one flat step per class
    assert colour["scale"]["range"] == [*reversed(steps), MISSING_COLOR]
    assert spec.data.equals(image.data)
    assert image.title == map_finding_for(snap, scores, "dist_gp", 2015, "GM0114")
    assert spec.title == "Kaart: Afstand tot huisartsenpraktijk per gemeente in 2015"


def test_a_change_of_municipality_changes_the_finding_not_the_map(run_page):
    """The page sends the same map for every region, so the browser keeps the map it has;
    the finding above it is the region's."""
    at = run_page("kaart", gemeente="GM0114")
    first = [element.proto.spec for element in at.get("vega_lite_chart")]
    emmen = finding_shown(at)
    at.query_params["gemeente"] = "GM0109"
    at.run()
    assert not at.exception
    assert [element.proto.spec for element in at.get("vega_lite_chart")] == first
    coevorden = finding_shown(at)
    assert emmen.startswith("Emmen ligt") and coevorden.startswith("Coevorden ligt")
    assert "Emmen ligt" not in "".join(first)


def test_the_screen_map_uses_the_image_view_and_carries_geometry_when_not_served(snap, scores):
    chart = municipal_map_for(snap, scores, "dist_gp", 2022, "drenthe")
    view = chart.figure["vconcat"][0]
    projection = view["projection"]
    zoom = fit_view(bounds(geojson(snap, "gemeenten"), drenthe_codes(snap)), *plot_area()).zoom
    # d3's mercator scale is the world's width over 2 pi; MapLibre's world is 512 * 2**zoom
    assert projection["scale"] == pytest.approx(512 * 2**zoom / (2 * math.pi))
    assert projection["translate"] == [plot_area()[0] / 2, plot_area()[1] / 2]
    assert (view["width"], view["height"]) == plot_area()
    gemeenten = layers(chart.figure)[0]["data"]["values"]
    assert [f["properties"]["code"] for f in gemeenten] == feature_codes(geojson(snap, "gemeenten"))
    assert gemeenten == wound_for_d3(geojson(snap, "gemeenten"))["features"]


def test_kaart_page_serves_the_snapshot_boundaries_once(run_page):
    """The page's maps name files in the app's static folder that hold the snapshot's
    boundary files, wound for d3 (Streamlit serves that folder at app/static/)."""
    at = run_page("kaart", gemeente="GM0114")
    assert not at.exception
    named = set()
    for element in at.get("vega_lite_chart"):
        named |= {layer["data"].get("url") for layer in layers(json.loads(element.proto.spec))}
    named.discard(None)
    assert {url.removeprefix("app/static/").split("-")[0] for url in named} == {
        "gemeenten",
        "provincies",
        "wijken",
    }
    for url in named:
        file_name = url.removeprefix("app/static/")
        served = json.loads((ROOT / "static" / file_name).read_bytes())
        original = json.loads((DATA / "geo" / f"{file_name.split('-')[0]}.geojson").read_bytes())
        assert served == json.loads(json.dumps(wound_for_d3(original)))


def drenthe_codes(snap) -> list[str]:
    return current_municipalities(snap.regions, DRENTHE)


def finding_shown(at: AppTest) -> str:
    """The bold line above the map: the chosen region's finding."""
    return next(m.value for m in at.markdown if m.value.startswith("**")).strip("*")


@pytest.mark.parametrize("region", REGIONS)
def test_kaart_shows_the_snapshot_value(region, snap, run_page):
    at = run_page("kaart", gemeente=region)
    assert not at.exception, [e.value for e in at.exception]
    obs = snap.observations
    ind = catalog.BY_ID["income_household_mean_disposable"]
    sel = obs[(obs.indicator == ind.id) & obs.region.str.startswith("GM")]
    year = int(sel.year.max())
    value = obs[(obs.indicator == ind.id) & (obs.region == region) & (obs.year == year)]
    expected = format_number(float(value["value"].iloc[0]), ind.decimals)
    assert f"{expected} tegen" in finding_shown(at)
    reference = at.dataframe[0].value
    name = snap.regions.set_index("code").loc[region, "name"]
    row = reference[reference["Regio"] == name].iloc[0]
    assert str(row.iloc[1]).startswith(expected) and row["Jaar"] == year
    assert {"indicator", "jaar"} <= set(at.query_params)


def test_the_closed_tables_are_not_sent_and_open_with_the_snapshot_values(snap, run_page):
    """The two tables in expanders travel only once opened (each opening reruns the page)."""
    at = run_page("kaart", gemeente="GM0114")
    assert not at.exception
    assert len(at.dataframe) == 1  # the reference table; both expanders closed
    at.session_state["kaart_table_open"] = True
    at.run()
    assert not at.exception
    assert len(at.dataframe) == 2
    table = at.dataframe[1].value
    obs = snap.observations
    ind = catalog.BY_ID["income_household_mean_disposable"]
    year = int(obs[(obs.indicator == ind.id) & obs.region.str.startswith("GM")].year.max())
    at_year = obs[(obs.indicator == ind.id) & (obs.year == year) & obs.region.str.startswith("GM")]
    # one row per municipality on the map; those with a figure that year have a place
    assert int(table["Plaats"].notna().sum()) == at_year.region.nunique()
    emmen = table[table["Gebied"] == "Emmen"].iloc[0]
    value = float(at_year.loc[at_year.region == "GM0114", "value"].iloc[0])
    assert str(emmen.iloc[2]).startswith(format_number(value, ind.decimals))
    assert emmen["Jaar"] == year
    at.session_state["kaart_wijk_table_open"] = True
    at.run()
    assert len(at.dataframe) == 3
