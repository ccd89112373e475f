"""Indicator verkennen: ranking and year choice on hand-made examples, and the page headless
(AppTest) for the four municipalities and ZOD."""

from __future__ import annotations

import json

import pandas as pd
import pytest
from streamlit.testing.v1 import AppTest

from indicators import catalog, scoring
from indicators.formatting import format_number
from indicators.views.common import choose_year
from indicators.views.verkennen import ranking
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
    return [json.loads(c.proto.spec)["layout"]["title"]["text"] for c in at.get("plotly_chart")]


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
