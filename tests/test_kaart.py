"""Kaart: colour classes, findings, offline maps, and the page headless (AppTest) showing
snapshot numbers."""

from __future__ import annotations

import json
import math

import numpy as np
import pandas as pd
import pytest
from streamlit.testing.v1 import AppTest

from indicators import catalog, scoring
from indicators.boundaries import geojson
from indicators.charts.maps import MAP_STYLE, class_colours, classify
from indicators.formatting import format_number
from indicators.regions import FOCUS_MUNICIPALITIES
from indicators.views.kaart import finding, municipal_map_for, wijk_map_for
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


def test_maps_fetch_nothing(snap, scores):
    """No tile, glyph or sprite server: the style has no URL and the figure names none."""
    assert "glyphs" not in MAP_STYLE and "sprite" not in MAP_STYLE
    assert all("url" not in src and "tiles" not in src for src in MAP_STYLE["sources"].values())
    chart = municipal_map_for(snap, scores, "dist_gp", 2015, "drenthe", "GM0114")
    spec = json.dumps(chart.figure.to_plotly_json(), default=str)
    assert "http" not in spec and "mapbox" not in spec
    assert chart.figure.layout.map.style == MAP_STYLE
    wijken = wijk_map_for(snap, scores, "wijk_population")
    assert "http" not in json.dumps(wijken.figure.to_plotly_json(), default=str)


def test_map_data_are_the_snapshot_values(snap, scores):
    chart = municipal_map_for(snap, scores, "dist_gp", 2015, "nederland", "GM0114")
    obs = snap.observations
    sel = obs[(obs.indicator == "dist_gp") & (obs.year == 2015)].set_index("region")["value"]
    data = chart.data.set_index("code")
    assert len(data) == len(geojson(snap, "gemeenten")["features"])
    for code in FOCUS_MUNICIPALITIES:
        assert data.loc[code, "value"] == sel[code]
    # A current municipality formed after 2015 has no 2015 value: grey, never filled.
    assert math.isnan(data.loc["GM1963", "value"])
    assert data.loc["GM1963", "class_range"] == "geen gegevens"


def test_a_map_with_a_geometry_url_names_its_geometry_and_draws_the_same_areas(snap, scores):
    """The page's map names the served boundary file instead of carrying it: the same areas,
    classes and hover texts, a fraction of the bytes a rerun sends."""
    url = "app/static/gemeenten-test.json"
    carried = municipal_map_for(snap, scores, "dist_gp", 2015, "drenthe", "GM0114")
    named = municipal_map_for(snap, scores, "dist_gp", 2015, "drenthe", "GM0114", "nl", url)
    areas = [t for t in carried.figure.data if t.type == "choroplethmap"]
    named_areas = [t for t in named.figure.data if t.type == "choroplethmap"]
    assert len(areas) == len(named_areas) == 2  # the coloured areas and the 'geen gegevens'
    for before, after in zip(areas, named_areas, strict=True):
        assert isinstance(before.geojson, dict) and after.geojson == url
        assert list(after.locations) == list(before.locations)
        assert list(after.z) == list(before.z)
        assert after.hovertemplate == before.hovertemplate
        codes = {f["properties"]["code"] for f in before.geojson["features"]}
        assert codes == set(before.locations)  # what plotly draws from the full file
    size = len(json.dumps(named.figure.to_plotly_json(), default=str))
    assert size * 5 < len(json.dumps(carried.figure.to_plotly_json(), default=str))
    wijken = wijk_map_for(snap, scores, "wijk_population", "nl", "app/static/wijken-test.json")
    assert {t.geojson for t in wijken.figure.data if t.type == "choroplethmap"} == {
        "app/static/wijken-test.json"
    }


def test_kaart_page_serves_the_snapshot_boundaries_once(run_page):
    """The page's maps name files in the app's static folder that hold exactly the snapshot's
    boundary files (Streamlit serves that folder at app/static/)."""
    at = run_page("kaart", gemeente="GM0114")
    assert not at.exception
    for index, name in ((0, "gemeenten"), (1, "wijken")):
        areas = [t for t in _spec(at, index)["data"] if t["type"] == "choroplethmap"]
        urls = {t["geojson"] for t in areas}
        assert len(urls) == 1, urls
        url = urls.pop()
        assert url.startswith(f"app/static/{name}-") and url.endswith(".json")
        served = ROOT / "static" / url.removeprefix("app/static/")
        assert served.read_bytes() == (DATA / "geo" / f"{name}.geojson").read_bytes()


def _spec(at: AppTest, index: int = 0) -> dict:
    return json.loads(at.get("plotly_chart")[index].proto.spec)


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
    title = _spec(at)["layout"]["title"]["text"]
    assert f"{expected} tegen" in title.replace("<br>", " ")
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
