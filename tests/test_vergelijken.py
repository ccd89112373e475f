"""Vergelijken: the profile finding, the default selection, the cell text, and the page
headless (AppTest) showing snapshot numbers."""

from __future__ import annotations

import json

import numpy as np
import pandas as pd
import pytest
from streamlit.testing.v1 import AppTest

from indicators import catalog
from indicators.charts.compare import cell_text
from indicators.formatting import format_number
from indicators.views.vergelijken import comparison_for, default_selection, profile_finding
from tests.conftest import REGIONS
from tests.html_text import html_tables


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


def test_an_empty_selection_is_the_regions_default_selection(snap, scores):
    """The page passes () for the default, so that the views' arguments name the region only
    (the server builds them ahead for the other regions): () must show what the default
    selection shows, and another region's () that region's default."""
    for region in ("GM0118", "ZOD"):
        default = tuple(default_selection(region, scores.peers.get(region, [])))
        assert region in default and len(default) == 12
        shown = comparison_for(snap, scores, (), 2, region)
        explicit = comparison_for(snap, scores, default, 2, region)
        assert shown.table_html == explicit.table_html
        assert shown.chart.data.equals(explicit.chart.data)
        assert sorted(shown.chart.data["region"].unique()) == sorted(default)
    assert (
        comparison_for(snap, scores, (), 2, "GM0118").table_html
        != comparison_for(snap, scores, (), 2, "ZOD").table_html
    )


def test_cell_text_value_mark_and_arrow():
    assert cell_text(1.8, -2.0, 1, "derived") == "1,8† ▼"
    assert cell_text(1234.0, 0.4, 0, "definitive") == "1.234 ▲"
    assert cell_text(1.0, 0.0, 1, "") == "1,0 ="
    assert cell_text(float("nan"), float("nan"), 1, "") == "–"


def _spec(at: AppTest, index: int = 0) -> dict:
    return json.loads(at.get("plotly_chart")[index].proto.spec)


@pytest.mark.parametrize("region", REGIONS)
def test_vergelijken_shows_the_snapshot_value(region, snap, scores, run_page):
    at = run_page("vergelijken", gemeente=region, doel="2")
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
    table = html_tables(at)[0]
    cell = table.loc[table["Indicator"].str.startswith(ind.name_nl), name].iloc[0]
    assert cell.startswith(expected) and f"({year})" in cell
    heat = next(trace for trace in spec["data"] if trace.get("texttemplate"))
    column = heat["x"].index(name)
    assert heat["text"][0][column].startswith(expected)
    score = scores.actueel[(scores.actueel.region == region) & (scores.actueel.goal == 2)]
    score_row = table[table["Indicator"] == "Score doel 2 (actueel)"].iloc[0]
    assert score_row[name] == format_number(float(score["score"].iloc[0]), 1)
    rank_row = table[table["Indicator"] == "Plaats onder de gemeenten met een score"].iloc[0]
    assert rank_row[name] == f"{int(score['rank'].iloc[0])} van {int(score['n_ranked'].iloc[0])}"
    assert at.query_params["doel"] == ["2"] or at.query_params["doel"] == "2"
