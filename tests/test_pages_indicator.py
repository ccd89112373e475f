"""Per doel and Indicator verkennen: the view functions on small hand-made examples, and both
pages headless (AppTest) for the four municipalities and ZOD against snapshot values."""

from __future__ import annotations

import json
import math
from pathlib import Path

import pandas as pd
import pytest
from streamlit.testing.v1 import AppTest

from indicators import catalog, scoring
from indicators.charts.indicator import series_title
from indicators.formatting import format_number
from indicators.snapshot import load_snapshot
from indicators.views_indicator import (
    cell_text,
    choose_year,
    contributions,
    goal_table,
    latest_values,
    place_of,
    ranking,
    shown_decimals,
    strongest,
    table_regions,
    trend_text,
)

ROOT = Path(__file__).resolve().parents[1]
REGIONS = ["GM0114", "GM0109", "GM0118", "GM1681", "ZOD"]
B = catalog.BY_ID


@pytest.fixture(scope="module")
def expected():
    snap = load_snapshot(ROOT / "data")
    return snap, scoring.compute(snap.observations, snap.regions)


def obs_frame(rows: list[tuple[str, str, int, float]], status: str = "definitive") -> pd.DataFrame:
    frame = pd.DataFrame(rows, columns=["indicator", "region", "year", "value"])
    return frame.assign(status=status, table="T1", source="s", period="")


# --- pure functions ---------------------------------------------------------------------------


def test_cell_text_carries_year_and_status_mark():
    assert cell_text(3.456, 2024, "provisional", 1) == "3,5 (2024*)"
    assert cell_text(1234.0, 2015, "derived", 0) == "1.234 (2015†)"
    assert cell_text(7.0, 2022, "definitive", 0) == "7 (2022)"


def test_shown_decimals_only_adds_one_where_rounding_distorts():
    vacancy = B["vacancy_rate"]  # whole percent in the catalog
    assert shown_decimals(vacancy, [3.0, 4.0]) == 0
    assert shown_decimals(vacancy, [3.0, 3.52]) == 1  # 3,52 must not read as 4
    assert shown_decimals(B["house_price"], [351871.0, 411728.4]) == 0
    assert shown_decimals(B["dist_gp"], [1.83]) == 1


def test_latest_values_takes_each_regions_own_year_and_never_fills():
    obs = obs_frame(
        [
            ("x", "GM1", 2015, 1.0),
            ("x", "GM1", 2020, 2.0),
            ("x", "NL01", 2015, 5.0),
            ("y", "GM1", 2015, math.nan),
        ]
    )
    latest = latest_values(obs, ["x", "y"], ["GM1", "NL01"]).set_index(["indicator", "region"])
    assert latest.loc[("x", "GM1"), "year"] == 2020
    assert latest.loc[("x", "NL01"), "year"] == 2015  # not carried forward to 2020
    assert ("y", "GM1") not in latest.index


def test_contributions_weights_follow_the_sub_themes():
    # Two sub-themes: A has two indicators (weight 1/4 each), B one (weight 1/2).
    latest = pd.DataFrame(
        {
            "indicator": ["a1", "a2", "b1"],
            "region": "GM1",
            "year": 2015,
            "value": 0.0,
            "nl_value": 0.0,
            "goal": 1,
            "subtheme": ["A", "A", "B"],
            "z": [1.2, -0.6, -0.3],
            "z_raw": [1.2, -0.6, -0.3],
            "percentile": 50.0,
            "quartile": "midden",
        }
    )
    scores = scoring.Scores(
        latest, latest, latest, latest, latest, pd.Series(dtype=float), set(), {}
    )
    out = contributions(scores, "GM1", 1).set_index("indicator")
    assert list(out.index) == ["a2", "b1", "a1"]  # weakest (lowest z) first
    assert out.loc["a1", "weight"] == pytest.approx(0.25)
    assert out.loc["b1", "weight"] == pytest.approx(0.5)
    # 5/3 * 1.2 * 1/4 = 0.5 points
    assert out.loc["a1", "points"] == pytest.approx(0.5)
    # a2 and b1 both cost 0.25 points (5/3 * -0.6 / 4 and 5/3 * -0.3 / 2): a1 moves it most.
    assert strongest(out.reset_index())["indicator"] == "a1"


@pytest.mark.parametrize("region", REGIONS)
def test_contributions_add_up_to_the_goal_score(region, expected):
    _snap, scores = expected
    for goal in (1, 2, 3):
        row = scores.actueel[(scores.actueel.region == region) & (scores.actueel.goal == goal)]
        total = contributions(scores, region, goal)["points"].sum()
        assert 5 + total == pytest.approx(float(row["score"].iloc[0]), abs=1e-9)


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
    assert place_of(B["dist_gp"], ranked.reset_index(), 1.5) == 3


def test_choose_year_falls_back_to_the_latest():
    assert choose_year([2015, 2024], 2015) == (2015, False)
    assert choose_year([2015, 2024], 2020) == (2024, True)
    assert choose_year([2015, 2024], None) == (2024, False)
    assert choose_year([], 2020) == (None, True)


def test_trend_text_needs_three_years():
    ind = B["income_household_mean_disposable"]  # higher is better
    rising = obs_frame([(ind.id, "GM1", y, 30.0 + (y - 2020)) for y in (2020, 2021, 2022)])
    assert trend_text(rising, ind, "GM1", "X") == "Trend X 2020-2022 (3 jaren): beter."
    assert trend_text(rising[rising.year < 2022], ind, "GM1", "X") == (
        "Trend X: te weinig jaren voor een trend."
    )
    context = B["house_price"]
    falling = rising.assign(indicator=context.id, value=-rising["value"])
    assert trend_text(falling, context, "GM1", "X").endswith(": dalend.")


def test_series_title_compares_with_nederland_in_the_same_year():
    frame = pd.DataFrame(
        {
            "region": ["GM0114", "GM0114", "NL01"],
            "region_name": ["Emmen", "Emmen", "Nederland"],
            "year": [2015, 2020, 2015],
            "value": [2.0, 2.5, 1.0],
        }
    )
    # Nederland has no 2020 value, so the comparison is made in 2015.
    assert series_title(frame, B["dist_gp"], "GM0114") == (
        "Emmen ligt in 2015 boven Nederland: 2,0 tegen 1,0 (slechter)"
    )


def test_goal_table_shows_snapshot_values_with_their_year(expected):
    snap, _ = expected
    obs = snap.observations
    names = snap.regions.set_index("code")["name"].to_dict()
    table = goal_table(obs, [B["dist_gp"]], table_regions("GM0109"), [], names)
    assert list(table.columns[1:3]) == ["Coevorden", "Emmen"]  # chosen region first
    value = obs[(obs.indicator == "dist_gp") & (obs.region == "GM0109")].iloc[0]
    assert table.loc[0, "Coevorden"] == f"{format_number(value['value'], 1)} (2015)"


# --- the pages headless -----------------------------------------------------------------------


def run_page(page: str, **params: str) -> AppTest:
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=60)
    for key, value in params.items():
        at.query_params[key] = value
    at.run()
    return at.switch_page(page).run()


def chart_titles(at: AppTest) -> list[str]:
    return [json.loads(c.proto.spec)["layout"]["title"]["text"] for c in at.get("plotly_chart")]


@pytest.mark.parametrize("region", REGIONS)
def test_per_doel_shows_score_and_values(region, expected):
    snap, scores = expected
    at = run_page("pages/per_doel.py", gemeente=region)
    assert not at.exception
    row = scores.actueel[(scores.actueel.region == region) & (scores.actueel.goal == 1)]
    assert at.metric[0].value == format_number(float(row["score"].iloc[0]), 1)
    obs = snap.observations
    crime = obs[(obs.indicator == "crime_per_1000") & (obs.region == region)].iloc[-1]
    name = snap.regions.set_index("code").loc[region, "name"]
    table = at.dataframe[0].value.set_index("Indicator")
    cell = table.loc["Geregistreerde misdrijven per 1.000 inwoners", name]
    assert cell.startswith(f"{format_number(crime['value'], 1)} ({crime['year']}")
    assert "drukt de score" in chart_titles(at)[0] or "tilt de score" in chart_titles(at)[0]


def test_per_doel_goal_comes_from_the_link_and_goes_back_into_it():
    at = run_page("pages/per_doel.py", gemeente="GM0118", doel="2")
    assert not at.exception
    assert at.radio[0].value == 2
    assert catalog.GOALS[2]["nl"] in at.title[0].value
    assert at.query_params["doel"] == "2"
    plain = run_page("pages/per_doel.py", gemeente="GM0118")
    assert plain.query_params["doel"] == "1"  # the default is written into the link


@pytest.mark.parametrize("region", REGIONS)
def test_verkennen_ranks_the_region_among_municipalities(region, expected):
    snap, _ = expected
    obs = snap.observations
    ind = "income_household_mean_disposable"
    year = int(obs.loc[obs.indicator == ind, "year"].max())
    at = run_page("pages/verkennen.py", gemeente=region)
    assert not at.exception
    sel = obs[(obs.indicator == ind) & (obs.year == year)]
    munis = sel[sel.region.str.startswith("GM")]
    own = float(sel.loc[sel.region == region, "value"].iloc[0])
    place = int((munis["value"] > own).sum()) + 1  # higher income is better
    titles = chart_titles(at)
    assert f"plaats {place} van {len(munis)}" in titles[1]
    assert format_number(own, 1) in titles[0]  # the time series states the region's value


def test_verkennen_year_without_data_falls_back_with_a_note():
    at = run_page("pages/verkennen.py", gemeente="GM0114", indicator="dist_gp", jaar="2024")
    assert not at.exception
    assert at.selectbox[1].value == 2015
    assert any("geen cijfers over 2024" in c.value for c in at.caption)
    assert at.query_params["jaar"] == "2015"
