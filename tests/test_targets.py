"""Ambitions, the model: the what-if on a small example worked out by hand, its properties
(hypothesis), the two input-free scenarios for ZOD against a hand computation from the snapshot,
the target file check with hostile files (hypothesis), progress against the trend, and the CLI.

The what-if rule (scoring.what_if): the region's latest value of each target indicator is
replaced by the target, z = d * (target - x_NL same year) / s with the fixed spread s, capped at
+-3; the goal score is 5 + 5/3 * mean of sub-theme means of z, so one indicator moved changes the
score by weight * 5/3 * (change in capped z), weight = 1 / (n sub-themes * n in its sub-theme).
"""

from __future__ import annotations

import csv
import io
import math
import subprocess
import sys

import numpy as np
import pandas as pd
import pytest
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from indicators import catalog, scoring, targets
from indicators.regions import NEDERLAND, ZOD
from indicators.snapshot import snapshot_year, value_range
from indicators.targets import Target
from tests.conftest import ROOT, examples

YEAR = 2026  # the reference year the file checks are run against (the snapshot's year)


# --- a small example, by hand ---------------------------------------------------------------

# Three municipalities and Nederland, one year, goal 1 with sub-themes A (a, b) and B (c):
#   a (higher better): GM0001 0, GM0002 1, GM0003 2, NL 1   -> s = sqrt(2 / 2) = 1
#   b (lower better):  10, 12, 14, NL 12                      -> s = sqrt(8 / 2) = 2
#   c (higher better): 5, 6, 7, NL 6                          -> s = 1
# GM0001: z_a = (0 - 1)/1 = -1, z_b = -(10 - 12)/2 = +1, z_c = (5 - 6)/1 = -1
#   score = 5 + 5/3 * mean(mean(-1, 1), -1) = 5 + 5/3 * -0.5 = 4.1667 (rank 3 of 3)
# GM0002: all z 0 -> 5.0;  GM0003: z = 1, -1, 1 -> 5 + 5/3 * mean(0, 1) = 5.8333
SMALL_IND = pd.DataFrame(
    {
        "indicator": ["a", "b", "c"],
        "goal": [1, 1, 1],
        "subtheme": ["A", "A", "B"],
        "d": [1.0, -1.0, 1.0],
    }
)
SMALL_OBS = pd.DataFrame(
    [
        ("a", "GM0001", 2020, 0.0),
        ("a", "GM0002", 2020, 1.0),
        ("a", "GM0003", 2020, 2.0),
        ("a", NEDERLAND, 2020, 1.0),
        ("b", "GM0001", 2020, 10.0),
        ("b", "GM0002", 2020, 12.0),
        ("b", "GM0003", 2020, 14.0),
        ("b", NEDERLAND, 2020, 12.0),
        ("c", "GM0001", 2020, 5.0),
        ("c", "GM0002", 2020, 6.0),
        ("c", "GM0003", 2020, 7.0),
        ("c", NEDERLAND, 2020, 6.0),
    ],
    columns=["indicator", "region", "year", "value"],
)


def small_scores(obs: pd.DataFrame, ind: pd.DataFrame) -> scoring.Scores:
    """Scores of a made-up data set, through the same functions scoring.compute uses."""
    munis = {r for r in obs["region"] if r.startswith("GM")}
    spread = scoring.spreads(obs)
    z = scoring.z_scores(obs, ind, spread)
    latest = scoring.latest_per_region(scoring.indicator_quartiles(z, munis))
    actueel = scoring.rank_among_municipalities(scoring.goal_scores(z, "actueel", ind), munis)
    empty = pd.DataFrame()
    return scoring.Scores(z, latest, actueel, empty, empty, spread, munis, {}, empty)


def test_the_small_example_today():
    scores = small_scores(SMALL_OBS, SMALL_IND)
    act = scores.actueel.set_index("region")
    assert act.loc["GM0001", "score"] == pytest.approx(5 - 5 / 6)
    assert act.loc["GM0002", "score"] == pytest.approx(5.0)
    assert act.loc["GM0003", "score"] == pytest.approx(5 + 5 / 6)
    assert act.loc["GM0001", "rank"] == 3


def test_one_target_changes_the_score_by_weight_times_5_3_times_its_change_in_z():
    scores = small_scores(SMALL_OBS, SMALL_IND)
    goals, contrib = scoring.what_if(scores, "GM0001", {"a": 2.5})
    # z_a: -1 -> (2.5 - 1)/1 = 1.5, a change of 2.5; weight of a = 1 / (2 * 2) = 1/4
    # contribution = 1/4 * 5/3 * 2.5 = 1.041667; score 4.166667 -> 5.208333
    row = goals.set_index("goal").loc[1]
    assert row["score_now"] == pytest.approx(5 - 5 / 6)
    assert row["score_with_targets"] == pytest.approx(5 - 5 / 6 + 1 / 4 * 5 / 3 * 2.5)
    assert row["score_with_targets"] == pytest.approx(5.208333, abs=1e-6)
    one = contrib.set_index("indicator").loc["a"]
    assert one["z"] == pytest.approx(-1.0)
    assert one["z_target"] == pytest.approx(1.5)
    assert one["weight"] == pytest.approx(0.25)
    assert one["points"] == pytest.approx(1 / 4 * 5 / 3 * 2.5)
    # Ranks among the same three: 5.208 is behind GM0003 (5.833) and ahead of GM0002 (5.0):
    # rank 2, one of two others below -> percentile 100 * 1 / 2 = 50, the middle.
    assert (row["rank_now"], row["rank_with_targets"]) == (3, 2)
    assert (row["quartile_now"], row["quartile_with_targets"]) == ("onderste kwart", "midden")
    assert row["n_targets"] == 1 and row["n_ranked"] == 3


def test_the_change_counts_in_capped_z():
    scores = small_scores(SMALL_OBS, SMALL_IND)
    goals, contrib = scoring.what_if(scores, "GM0001", {"a": 10.0})
    # z_raw = (10 - 1)/1 = 9, capped at 3: a change of 4, so 1/4 * 5/3 * 4 = 1.6667 points;
    # 4.1667 + 1.6667 = 5.8333, level with GM0003: rank 1 (nobody strictly ahead).
    assert contrib["z_target"].iloc[0] == 3.0
    assert contrib["points"].iloc[0] == pytest.approx(5 / 3)
    row = goals.iloc[0]
    assert row["score_with_targets"] == pytest.approx(5 + 5 / 6)
    assert row["rank_with_targets"] == 1


def test_a_lower_is_better_target_counts_by_going_below():
    scores = small_scores(SMALL_OBS, SMALL_IND)
    # b for GM0003 (14, z = -1): target 11 -> z = -(11 - 12)/2 = +0.5, a change of 1.5;
    # weight 1/4: 1/4 * 5/3 * 1.5 = 0.625 points, 5.8333 -> 6.4583
    goals, contrib = scoring.what_if(scores, "GM0003", {"b": 11.0})
    assert contrib["points"].iloc[0] == pytest.approx(0.625)
    assert goals.iloc[0]["score_with_targets"] == pytest.approx(5 + 5 / 6 + 0.625)


def test_other_regions_and_indicators_without_a_value_are_left_alone():
    scores = small_scores(SMALL_OBS[SMALL_OBS["indicator"] != "c"], SMALL_IND)
    goals, contrib = scoring.what_if(scores, "GM0001", {"c": 7.0})
    assert contrib.empty  # GM0001 has no figure for c: nothing to replace
    assert goals.iloc[0]["score_with_targets"] == goals.iloc[0]["score_now"]


# --- properties -----------------------------------------------------------------------------

VALUE = st.integers(0, 1000).map(lambda v: v / 10)


@st.composite
def datasets(draw):
    """4-7 municipalities, 2-4 indicators (random direction, goal 1, sub-theme A/B), 1-3 years;
    i0 has distinct values, so it always has a spread; NL random."""
    n_m = draw(st.integers(4, 7))
    n_i = draw(st.integers(2, 4))
    n_y = draw(st.integers(1, 3))
    names = [f"i{k}" for k in range(n_i)]
    ind = pd.DataFrame(
        {
            "indicator": names,
            "goal": 1,
            "subtheme": draw(st.lists(st.sampled_from(["A", "B"]), min_size=n_i, max_size=n_i)),
            "d": draw(st.lists(st.sampled_from([1.0, -1.0]), min_size=n_i, max_size=n_i)),
        }
    )
    munis = [f"GM{k:04d}" for k in range(1, n_m + 1)]
    rows = []
    for name in names:
        for year in range(2020, 2020 + n_y):
            values = draw(st.lists(VALUE, min_size=n_m, max_size=n_m, unique=name == "i0"))
            rows += [(name, m, year, v) for m, v in zip(munis, values, strict=True)]
            rows.append((name, NEDERLAND, year, draw(VALUE)))
    return ind, pd.DataFrame(rows, columns=["indicator", "region", "year", "value"])


@settings(max_examples=examples(60, 15), deadline=None)
@given(datasets(), st.data())
def test_property_meeting_a_target_never_lowers_the_score(dataset, extra):
    ind, data = dataset
    scores = small_scores(data, ind)
    region = extra.draw(st.sampled_from(sorted(scores.municipalities)))
    rows = scores.latest[scores.latest["region"] == region]
    chosen = extra.draw(st.lists(st.sampled_from(list(rows["indicator"])), unique=True, min_size=1))
    # A target beyond today's value in the good direction: higher for higher-is-better,
    # lower for lower-is-better (the mirror).
    values = {}
    for indicator in chosen:
        row = rows[rows["indicator"] == indicator].iloc[0]
        step = extra.draw(st.integers(0, 500).map(lambda v: v / 10))
        values[indicator] = row["value"] + row["d"] * step
    goals, contrib = scoring.what_if(scores, region, values)
    event(f"targets: {len(values)}")
    for _, row in goals.iterrows():
        if not math.isnan(row["score_now"]):
            assert row["score_with_targets"] >= row["score_now"] - 1e-12
            assert row["rank_with_targets"] <= row["rank_now"]
    assert (contrib["points"] >= -1e-12).all()


@settings(max_examples=examples(60, 15), deadline=None)
@given(datasets(), st.data())
def test_property_a_target_equal_to_today_changes_nothing(dataset, extra):
    ind, data = dataset
    scores = small_scores(data, ind)
    region = extra.draw(st.sampled_from(sorted(scores.municipalities)))
    rows = scores.latest[scores.latest["region"] == region]
    values = dict(zip(rows["indicator"], rows["value"], strict=True))
    goals, contrib = scoring.what_if(scores, region, values)
    pd.testing.assert_series_equal(
        goals["score_with_targets"], goals["score_now"], check_names=False
    )
    assert (goals["rank_with_targets"] == goals["rank_now"]).all()
    assert (goals["quartile_with_targets"] == goals["quartile_now"]).all()
    assert (contrib["points"] == 0).all()


def test_a_target_already_met_changes_nothing(scores):
    # A target is a level to reach: ZOD's distance to a GP is already shorter than a target
    # 0,5 km further away, so meeting that target keeps today's value, z and score (before,
    # the what-if pulled the better figure back to the target and cost points).
    row = scores.latest[(scores.latest.region == ZOD) & (scores.latest.indicator == "dist_gp")]
    value = float(row["value"].iloc[0])
    goals, contrib = scoring.what_if(scores, ZOD, {"dist_gp": value + 0.5})
    assert contrib["points"].iloc[0] == 0
    assert contrib["target"].iloc[0] == value
    goal2 = goals.set_index("goal").loc[2]
    assert goal2["score_with_targets"] == goal2["score_now"]
    # ... and the same target 0,5 km closer than today moves the score up by hand:
    # weight x 5/3 x (d x -0,5 / s), d = -1 for a distance
    goals, contrib = scoring.what_if(scores, ZOD, {"dist_gp": value - 0.5})
    part = scores.latest[(scores.latest.region == ZOD) & (scores.latest.goal == 2)]
    n_sub = part["subtheme"].nunique()
    weight = 1 / (n_sub * int((part["subtheme"] == row["subtheme"].iloc[0]).sum()))
    expected = weight * 5 / 3 * (0.5 / float(row["s"].iloc[0]))
    assert contrib["points"].iloc[0] == pytest.approx(expected)


# --- the two scenarios for ZOD, by hand from the snapshot's z values ------------------------


def hand_goal_score(rows: pd.DataFrame, z: pd.Series) -> float:
    """5 + 5/3 * mean of the sub-theme means of z, clipped to 0-10."""
    sub = z.groupby(rows["subtheme"]).mean()
    return float(np.clip(5 + 5 / 3 * sub.mean(), 0, 10))


def hand_rank(scores, goal: int, value: float) -> int:
    act = scores.actueel
    others = act[(act.goal == goal) & act.region.isin(scores.municipalities)]["score"].dropna()
    return int((others > value).sum()) + 1


@pytest.mark.parametrize("goal", [1, 2, 3])
def test_scenario_nederland_for_zod_by_hand(snap, scores, goal):
    obs = snap.observations
    ids = [i.id for i in catalog.scored_indicators(goal)]
    rows = []
    for indicator in ids:
        own = obs[(obs.indicator == indicator) & (obs.region == ZOD)]
        if own.empty:
            continue
        latest = own.loc[own["year"].idxmax()]
        nl = obs[(obs.indicator == indicator) & (obs.region == NEDERLAND)]
        nl = nl[nl.year == latest["year"]]
        if nl.empty:
            continue
        d = -1.0 if catalog.BY_ID[indicator].direction == "lower_better" else 1.0
        s = float(scores.spread[indicator])
        z = float(np.clip(d * (latest["value"] - nl["value"].iloc[0]) / s, -3, 3))
        rows.append({"subtheme": catalog.BY_ID[indicator].subtheme, "z": z})
    frame = pd.DataFrame(rows)
    now = hand_goal_score(frame, frame["z"])
    # At Nederland's level wherever ZOD lags: every negative z becomes 0.
    after = hand_goal_score(frame, frame["z"].clip(lower=0))
    goals, contrib = targets.scenario(snap, scores, "nederland")
    row = goals.set_index("goal").loc[goal]
    assert row["score_now"] == pytest.approx(now, abs=1e-9)
    assert row["score_with_targets"] == pytest.approx(after, abs=1e-9)
    assert row["rank_with_targets"] == hand_rank(scores, goal, after)
    assert row["n_targets"] == int((frame["z"] < 0).sum())
    assert set(contrib.loc[contrib.goal == goal, "z_target"]) <= {0.0}


def test_scenario_nederland_for_zod_goal_2_lands_exactly_on_five(snap, scores):
    # Every scored indicator of goal 2 lags Nederland for ZOD, so all of them move to z = 0.
    goals, _ = targets.scenario(snap, scores, "nederland")
    goal2 = goals.set_index("goal").loc[2]
    assert goal2["score_with_targets"] == pytest.approx(5.0, abs=1e-12)
    assert goal2["n_targets"] == len(catalog.scored_indicators(2))


@pytest.mark.parametrize("goal", [1, 2, 3])
def test_scenario_best_quarter_for_zod_by_hand(snap, scores, goal):
    obs = snap.observations
    munis = scores.municipalities
    rows = []
    for indicator in (i.id for i in catalog.scored_indicators(goal)):
        own = obs[(obs.indicator == indicator) & (obs.region == ZOD)]
        if own.empty:
            continue
        latest = own.loc[own["year"].idxmax()]
        year = latest["year"]
        nl = obs[(obs.indicator == indicator) & (obs.region == NEDERLAND) & (obs.year == year)]
        if nl.empty:
            continue
        d = -1.0 if catalog.BY_ID[indicator].direction == "lower_better" else 1.0
        s = float(scores.spread[indicator])
        gm = obs[(obs.indicator == indicator) & obs.region.isin(munis) & (obs.year == year)]
        # The boundary of the best quarter: the 75th percentile of d * x (linear), back to x.
        boundary = d * float(np.percentile(d * gm["value"].to_numpy(), 75))
        moved = max(d * latest["value"], d * boundary) * d
        rows.append(
            {
                "subtheme": catalog.BY_ID[indicator].subtheme,
                "z": float(np.clip(d * (latest["value"] - nl["value"].iloc[0]) / s, -3, 3)),
                "z_after": float(np.clip(d * (moved - nl["value"].iloc[0]) / s, -3, 3)),
                "moved": d * latest["value"] < d * boundary,
            }
        )
    frame = pd.DataFrame(rows)
    after = hand_goal_score(frame, frame["z_after"])
    goals, _ = targets.scenario(snap, scores, "beste_kwart")
    row = goals.set_index("goal").loc[goal]
    assert row["score_now"] == pytest.approx(hand_goal_score(frame, frame["z"]), abs=1e-9)
    assert row["score_with_targets"] == pytest.approx(after, abs=1e-9)
    assert row["rank_with_targets"] == hand_rank(scores, goal, after)
    assert row["n_targets"] == int(frame["moved"].sum())


def test_the_best_quarter_boundary_of_a_lower_is_better_indicator_is_its_25th_percentile(snap):
    obs = snap.observations
    munis = set(obs.loc[obs.region.str.startswith("GM") & (obs.year == 2018), "region"])
    value, year = scoring.best_quarter_boundary(obs, "dist_supermarket", munis, 2018)
    gm = obs[(obs.indicator == "dist_supermarket") & obs.region.isin(munis) & (obs.year == 2018)]
    assert year == 2018
    assert value == pytest.approx(float(np.percentile(gm["value"], 25)))
    # A quarter of the municipalities is closer than the boundary or at it (distances come in
    # tenths of a km, so many share the boundary's value).
    assert (gm["value"] < value).mean() <= 0.25 <= (gm["value"] <= value).mean()


# --- relative targets and progress -----------------------------------------------------------


def test_relative_targets_take_the_reference_in_its_latest_year(snap, scores):
    obs = snap.observations
    nl = obs[(obs.indicator == "smoking") & (obs.region == NEDERLAND)]
    latest = nl.loc[nl.year.idxmax()]
    value, year = targets.resolve(
        Target("smoking", ZOD, None, 2030, "nederland"), obs, scores.municipalities
    )
    assert (value, year) == (float(latest["value"]), int(latest["year"]))
    pv = obs[(obs.indicator == "dist_gp") & (obs.region == "PV22")]
    value, year = targets.resolve(
        Target("dist_gp", ZOD, None, 2030, "drenthe"), obs, scores.municipalities
    )
    assert (value, year) == (float(pv.loc[pv.year.idxmax(), "value"]), int(pv.year.max()))
    value, year = targets.resolve(Target("smoking", ZOD, 12.5, 2030), obs, scores.municipalities)
    assert (value, year) == (12.5, None)


def progress_of(snap, scores, indicator, region, target, year=2030, basis="waarde"):
    return targets.progress(snap, scores, [Target(indicator, region, target, year, basis)]).iloc[0]


def test_progress_by_hand_with_the_trend_and_its_interval(snap, scores):
    obs = snap.observations
    series = obs[(obs.indicator == "obesity") & (obs.region == ZOD)].sort_values("year")
    assert list(series.year) == [2012, 2016, 2020]  # three years spanning 8: a trend
    x, y = series["year"].to_numpy(float), series["value"].to_numpy(float)
    xc, yc = x - x.mean(), y - y.mean()
    slope = (xc * yc).sum() / (xc**2).sum()
    se = math.sqrt(((yc - slope * xc) ** 2).sum() / 1 / (xc**2).sum())
    row = progress_of(snap, scores, "obesity", ZOD, 15.0)
    now = float(y[-1])
    assert (row["value"], row["year"]) == (pytest.approx(now), 2020)
    assert row["gap"] == pytest.approx(15.0 - now)
    assert row["needed_per_year"] == pytest.approx((15.0 - now) / 10)
    assert row["slope"] == pytest.approx(slope)
    assert row["se"] == pytest.approx(se)
    # 90 % interval with 1 degree of freedom: t = 6.314
    assert row["low"] == pytest.approx(slope - 6.314 * se)
    assert row["high"] == pytest.approx(slope + 6.314 * se)
    # Obesity is lower-is-better and rising: continued, the trend ends above 15 in 2030.
    assert row["projected"] == pytest.approx(now + slope * 10)
    assert slope > 0 and row["verdict"] == "niet op koers"


def test_progress_verdicts_are_direction_aware(snap, scores):
    obs = snap.observations
    series = obs[(obs.indicator == "obesity") & (obs.region == ZOD)].sort_values("year")
    now = float(series["value"].iloc[-1])
    # A lower-is-better target above where the rising trend ends is reached in time ...
    easy = progress_of(snap, scores, "obesity", ZOD, now + 10)
    assert easy["verdict"] == "op koers" and easy["reached_now"]
    # ... one just below today's value is not (the trend goes the wrong way).
    assert progress_of(snap, scores, "obesity", ZOD, now - 0.1)["verdict"] == "niet op koers"


def test_progress_with_fewer_than_three_years_is_insufficient(snap, scores):
    obs = snap.observations
    n = obs[(obs.indicator == "net_labour_participation") & (obs.region == ZOD)]["year"].nunique()
    assert n < 3
    row = progress_of(snap, scores, "net_labour_participation", ZOD, 70.0)
    assert row["verdict"] == "onvoldoende gegevens" and math.isnan(row["slope"])
    # No figure at all for the region: insufficient too, and no current value.
    row = progress_of(snap, scores, "young_adult_health_good", ZOD, 80.0)
    assert row["verdict"] == "onvoldoende gegevens" and math.isnan(row["value"])


def test_trend_fit_uses_the_window_of_eight_years():
    # 2010 lies more than 8 years before 2020: left out; the rest is an exact line, se 0.
    fit = scoring.trend_fit([2010, 2014, 2017, 2020], [100.0, 1.0, 2.5, 4.0])
    assert fit["n_years"] == 3 and fit["first_year"] == 2014
    assert fit["slope"] == pytest.approx(0.5) and fit["se"] == pytest.approx(0.0)
    assert math.isnan(scoring.trend_fit([2019, 2020], [1.0, 2.0])["slope"])


# --- the file check ---------------------------------------------------------------------------


def read(text: str) -> targets.Reading:
    return targets.read_csv(text.encode("utf-8"), YEAR)


HEADER = "indicator,region,target,year,basis,note\n"


def test_a_good_file_in_both_dialects_and_with_a_bom():
    good = read(
        HEADER
        + "net_labour_participation,ZOD,70.5,2030,waarde,Agenda\n"
        + "dist_gp,ZOD,,2030,drenthe,\n"
        + "obesity,GM0114,,2035,beste_kwart,\n"
    )
    assert not good.problems
    assert good.targets == (
        Target("net_labour_participation", ZOD, 70.5, 2030, "waarde", "Agenda"),
        Target("dist_gp", ZOD, None, 2030, "drenthe", ""),
        Target("obesity", "GM0114", None, 2035, "beste_kwart", ""),
    )
    dutch = targets.read_csv(
        (
            "\ufeffindicator;region;target;year;basis;note\n"
            "net_labour_participation;ZOD;70,5;2030;waarde;Agenda\n"
            "dist_gp;ZOD;;2030;drenthe;\n"
            "obesity;GM0114;;2035;beste_kwart;\n"
        ).encode(),
        YEAR,
    )
    assert dutch == good


def test_names_aliases_and_a_missing_note_column_are_accepted():
    got = read(
        "Regio,Indicator,Streefwaarde,Doeljaar,Basis\n"
        'Emmen,Netto arbeidsparticipatie,"70,5",2030,\n'
        "zod,dist_gp,,2030,Beste kwart\n"
    )
    assert not got.problems
    assert got.targets == (
        Target("net_labour_participation", "GM0114", 70.5, 2030, "waarde", ""),
        Target("dist_gp", ZOD, None, 2030, "beste_kwart", ""),
    )


@pytest.mark.parametrize(
    ("row", "key"),
    [
        ("nope,ZOD,70,2030,waarde,", "amb_err_indicator"),
        ("population,ZOD,70,2030,waarde,", "amb_err_not_scored"),
        ("net_labour_participation,PV22,70,2030,waarde,", "amb_err_region"),
        ("net_labour_participation,ZOD,170,2030,waarde,", "amb_err_range"),
        ("net_labour_participation,ZOD,-5,2030,waarde,", "amb_err_range"),
        ("net_labour_participation,ZOD,70,2025,waarde,", "amb_err_year_past"),
        ("net_labour_participation,ZOD,70,2101,waarde,", "amb_err_year_far"),
        ("net_labour_participation,ZOD,zeventig,2030,waarde,", "amb_err_number"),
        ("net_labour_participation,ZOD,70,2030.5,waarde,", "amb_err_number"),
        ("net_labour_participation,ZOD,nan,2030,waarde,", "amb_err_number"),
        ("net_labour_participation,ZOD,inf,2030,waarde,", "amb_err_number"),
        ("net_labour_participation,ZOD,70,,waarde,", "amb_err_empty"),
        ("net_labour_participation,ZOD,70,2030,wens,", "amb_err_basis"),
        ("net_labour_participation,ZOD,,2030,waarde,", "amb_err_no_value"),
        ("net_labour_participation,ZOD,,2030,,", "amb_err_no_target"),
        ("net_labour_participation,ZOD,70,2030,nederland,", "amb_err_value_and_basis"),
        ("=net_labour_participation,ZOD,70,2030,waarde,", "amb_err_formula"),
        ("net_labour_participation,@ZOD,70,2030,waarde,", "amb_err_formula"),
        ("net_labour_participation,ZOD,=70,2030,waarde,", "amb_err_formula"),
        ("net_labour_participation,ZOD,70,2030,waarde,+31 6 1234", "amb_err_formula"),
        ("net_labour_participation,ZOD,70,2030,waarde,-goed", "amb_err_formula"),
        ('net_labour_participation,ZOD,70,2030,waarde,"\tx"', "amb_err_formula"),
        ("net_labour_participation,ZOD,70,2030,waarde," + "x" * 301, "amb_err_note"),
        ("net_labour_participation,ZOD,70,2030,waarde,x,extra", "amb_err_cells"),
    ],
)
def test_each_bad_row_is_reported_with_its_row_and_the_good_rows_are_kept(row, key):
    got = read(HEADER + "dist_gp,ZOD,1.2,2030,waarde,\n" + row + "\nsmoking,ZOD,15,2030,,\n")
    assert [p.key for p in got.problems][:1] == [key]
    assert {p.row for p in got.problems} == {3}  # the header is row 1
    assert [x.indicator for x in got.targets] == ["dist_gp", "smoking"]
    for problem in got.problems:
        assert problem.text("nl").startswith("Regel 3: ")
        assert problem.text("en").startswith("Row 3: ")


def test_a_negative_number_is_a_number_not_a_formula():
    # A lower-is-better indicator can't go below 0 here, but the check is the range, not a
    # formula: the message says so.
    got = read(HEADER + "net_labour_participation,ZOD,-5,2030,waarde,\n")
    assert [p.key for p in got.problems] == ["amb_err_range"]
    assert "-5" in got.problems[0].text("nl")


def test_duplicates_name_the_first_row_and_keep_it():
    got = read(HEADER + "dist_gp,ZOD,1.2,2030,,\n\ndist_gp,Zuid- en Oost-Drenthe,1.1,2031,,\n")
    assert got.targets == (Target("dist_gp", ZOD, 1.2, 2030),)
    # The blank line is row 3 as a spreadsheet counts it; the duplicate is row 4.
    assert [p.text("nl") for p in got.problems] == [
        "Regel 4: dubbel: dist_gp voor ZOD staat al in regel 2"
    ]


def test_a_note_over_two_lines_is_one_spreadsheet_row():
    got = read(HEADER + 'dist_gp,ZOD,1.2,2030,,"twee\nregels"\nsmoking,XX,15,2030,,\n')
    assert got.targets[0].note == "twee\nregels"
    assert [p.row for p in got.problems] == [3]


@pytest.mark.parametrize(
    ("data", "key"),
    [
        (b"", "amb_err_file_empty"),
        (b"\n\n ,,\n", "amb_err_file_empty"),
        ("indicator,region\u00e9".encode("latin-1"), "amb_err_not_utf8"),
        (b"indicator,region,target,year,basis\x00\n", "amb_err_not_utf8"),
        (b"dist_gp,ZOD,1.2,2030,waarde,\n", "amb_err_no_header"),
        (b"indicator,regio,target\ndist_gp,ZOD,1.2\n", "amb_err_header"),
        (b"a,b,c,d,e,f\n1,2,3,4,5,6\n", "amb_err_header"),
        (HEADER.encode() + b"dist_gp,ZOD,1.2,2030,,\n" * 201, "amb_err_too_many"),
        (HEADER.encode() + b"x" * targets.MAX_BYTES, "amb_err_too_big"),
    ],
)
def test_a_file_refused_as_a_whole_says_why_in_one_message(data, key):
    got = targets.read_csv(data, YEAR)
    assert got.targets == ()
    assert [(p.row, p.key) for p in got.problems] == [(None, key)]
    assert got.problems[0].text("en")


# Hostile files (hypothesis): random bytes, random cells, formula prefixes, huge files.

SCORED = [i.id for i in catalog.scored_indicators()]


@settings(max_examples=examples(400, 60), deadline=None)
@given(st.binary(max_size=3000))
def test_random_bytes_never_raise(data):
    got = targets.read_csv(data, YEAR)
    assert isinstance(got, targets.Reading)
    for problem in got.problems:
        assert problem.text("nl") and problem.text("en")


@settings(max_examples=examples(200, 40), deadline=None)
@given(st.lists(st.lists(st.text(max_size=30), max_size=8), max_size=30))
def test_random_cells_under_the_header_never_raise_and_every_row_is_accounted_for(cells):
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(targets.COLUMNS)
    writer.writerows(cells)
    got = targets.read_csv(buffer.getvalue().encode(), YEAR)
    if any(p.row is None for p in got.problems):
        assert got.targets == ()  # a whole-file problem (a NUL character): nothing taken
        return
    rows_with_text = {n for n, r in enumerate(cells, start=2) if any(c.strip() for c in r)}
    bad = {p.row for p in got.problems}
    # Every row that holds anything is either taken or reported, never silently dropped.
    assert bad <= rows_with_text
    assert len(got.targets) + len(bad) == len(rows_with_text)


def good_rows(draw) -> list[dict[str, str]]:
    keys = draw(
        st.lists(
            st.tuples(st.sampled_from(SCORED), st.sampled_from(targets.TARGET_REGIONS)),
            unique=True,
            max_size=12,
        )
    )
    rows = []
    for indicator, region in keys:
        basis = draw(st.sampled_from(targets.BASES))
        low, high = value_range(catalog.BY_ID[indicator])
        high = min(high, 100_000.0)
        value = ""
        if basis == "waarde":
            number = draw(st.integers(int(low * 10), int(high * 10)).map(lambda v: v / 10))
            value = str(number)
        note = draw(st.text(alphabet="abc XYZ.,;éü", max_size=40).map(str.strip))
        rows.append(
            {
                "indicator": indicator,
                "region": region,
                "target": value,
                "year": str(draw(st.integers(YEAR, 2100))),
                "basis": draw(st.sampled_from([basis, basis.upper()]))
                if basis != "waarde" or value == ""
                else draw(st.sampled_from(["waarde", ""])),
                "note": note,
            }
        )
    return rows


FORMULA = st.sampled_from(["=", "+", "-", "@", "\t", "\r"])


def spoil(draw, row: dict[str, str], earlier: list[dict[str, str]]) -> dict[str, str]:
    """A copy of a good row with one defect."""
    bad = dict(row)
    kind = draw(
        st.sampled_from(
            [
                "indicator",
                "region",
                "year_past",
                "year_far",
                "text",
                "formula",
                "basis",
                "range",
                "duplicate",
            ]
        )
    )
    event(f"bad row: {kind}")
    if kind == "indicator":
        bad["indicator"] = "zz_" + draw(st.text(alphabet="abc", max_size=5))
    elif kind == "region":
        bad["region"] = draw(st.sampled_from(["PV22", "NL01", "GM0000", "Assen", "zo d"]))
    elif kind == "year_past":
        bad["year"] = str(draw(st.integers(1900, YEAR - 1)))
    elif kind == "year_far":
        bad["year"] = str(draw(st.integers(2101, 99999)))
    elif kind == "text":
        column = draw(st.sampled_from(["target", "year"]))
        bad[column] = draw(st.sampled_from(["veel", "n.v.t.", "7O", "1,2,3", "2030a"]))
    elif kind == "formula":
        column = draw(st.sampled_from(["indicator", "region", "basis", "note"]))
        bad[column] = draw(FORMULA) + draw(st.sampled_from(["cmd|' /C calc'!A0", "1+1", "x"]))
    elif kind == "basis":
        bad["basis"] = draw(st.sampled_from(["wens", "landelijk", "kwart"]))
    elif kind == "range":
        bad.update(basis="waarde", target="-1")  # every range starts at 0 or above
    elif kind == "duplicate":
        if not earlier:
            bad["year"] = "1999"  # nothing to duplicate yet: a past year instead
        else:
            twin = draw(st.sampled_from(earlier))
            bad.update(indicator=twin["indicator"], region=twin["region"])
    return bad


@settings(
    max_examples=examples(200, 40),
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
@given(st.data())
def test_hostile_rows_every_bad_row_reported_with_its_number_every_good_row_kept(data):
    good = good_rows(data.draw)
    rows: list[tuple[str, dict[str, str]]] = []
    kept: list[dict[str, str]] = []
    for row in good:
        if data.draw(st.booleans()):
            rows.append(("bad", spoil(data.draw, row, kept)))
        rows.append(("good", row))
        kept.append(row)
    dutch = data.draw(st.booleans())
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=";" if dutch else ",")
    writer.writerow(targets.COLUMNS)
    for _, row in rows:
        cells = [row[c] for c in targets.COLUMNS]
        if dutch:
            cells[2] = cells[2].replace(".", ",")
        writer.writerow(cells)
    prefix = "\ufeff" if data.draw(st.booleans()) else ""
    got = targets.read_csv((prefix + buffer.getvalue()).encode(), YEAR)
    expected_bad = {n for n, (kind, _) in enumerate(rows, start=2) if kind == "bad"}
    assert {p.row for p in got.problems} == expected_bad
    assert [(x.indicator, x.region, x.year) for x in got.targets] == [
        (r["indicator"], r["region"], int(r["year"])) for r in good
    ]
    for target, row in zip(got.targets, good, strict=True):
        if row["target"]:
            assert target.target == pytest.approx(float(row["target"]))
        else:
            assert target.target is None and target.basis != "waarde"
        assert target.note == row["note"]


@settings(max_examples=examples(20, 5), deadline=None)
@given(st.integers(targets.MAX_BYTES + 1, 4 * targets.MAX_BYTES), st.sampled_from([b"=", b"a,"]))
def test_huge_files_are_refused_without_reading_them(size, fill):
    got = targets.read_csv(HEADER.encode() + fill * size, YEAR)
    assert [p.key for p in got.problems] == ["amb_err_too_big"]


def test_the_table_rows_are_checked_as_a_file_is():
    rows = [
        Target("dist_gp", ZOD, 1.2, 2030).row(),
        {"indicator": None, "region": ZOD, "target": None, "year": None, "basis": "waarde"},
        {"indicator": "smoking", "region": ZOD, "target": float("nan"), "year": 2030.0},
        {"indicator": "smoking", "region": "GM0114", "target": 150.0, "year": 2030.0},
    ]
    got = targets.check_rows(rows, YEAR)
    # Row 2 is a fresh, empty row: ignored. Row 3 has neither a target nor a basis.
    assert got.targets == (Target("dist_gp", ZOD, 1.2, 2030),)
    assert [p.text("nl")[:22] for p in got.problems] == [
        "Rij 3 van de tabel: ge",
        "Rij 4 van de tabel: st",
    ]


def test_merge_adds_and_replaces_by_indicator_and_region_and_keeps_the_rest():
    rows = [
        Target("dist_gp", ZOD, 1.2, 2030).row(),
        {"indicator": "smoking", "region": ZOD, "target": "abc", "year": 2030},  # not valid
    ]
    new = [Target("dist_gp", ZOD, 1.0, 2035), Target("obesity", ZOD, None, 2030, "nederland")]
    merged, added, replaced = targets.merge(rows, new)
    assert (added, replaced) == (1, 1)
    assert merged == [new[0].row(), rows[1], new[1].row()]


def test_the_download_reads_back_as_the_same_targets(snap):
    from indicators.exports.csv import to_csv_bytes

    chosen = (
        Target("net_labour_participation", ZOD, 70.5, 2030, "waarde", "Agenda"),
        Target("dist_gp", ZOD, None, 2030, "drenthe", "Niet verder dan Drenthe"),
        Target("smoking", "GM0114", 14.0, 2035),
    )
    frame = targets.table_frame([x.row() for x in chosen])
    reference = snapshot_year(snap)
    for dutch in (False, True):
        again = targets.read_csv(to_csv_bytes(frame, dutch_excel=dutch), reference)
        assert again.problems == ()
        assert again.targets == chosen


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("70", 70.0),
        ("70,5", 70.5),
        ("70.5", 70.5),
        (" -3 ", -3.0),
        ("+3", 3.0),
        ("\u22123", -3.0),
        ("1.234,5", 1234.5),
        ("1,234.5", 1234.5),
        ("1 234,5", 1234.5),
        ("1e3", 1000.0),
        (".5", 0.5),
        ("", None),
        ("nan", None),
        ("inf", None),
        ("1,2,3", None),
        ("1.2.3", None),
        ("12,34.5", None),
        ("zeven", None),
    ],
)
def test_parse_number(text, value):
    assert targets.parse_number(text) == value


def test_shipped_sets_are_read_from_the_folder(tmp_path):
    assert targets.shipped_sets(tmp_path / "missing") == []
    (tmp_path / "b.csv").write_text(HEADER)
    (tmp_path / "a.csv").write_text(HEADER)
    (tmp_path / "README.md").write_text("x")
    assert [p.name for p in targets.shipped_sets(tmp_path)] == ["a.csv", "b.csv"]
    assert (targets.TARGETS_DIR / "README.md").exists()


def test_every_committed_set_reads_without_a_problem(snap):
    for path in targets.shipped_sets():  # none yet: only a set a region agreed on belongs here
        reading = targets.read_csv(path.read_bytes(), snapshot_year(snap))
        assert reading.problems == (), (path.name, [p.text("en") for p in reading.problems])
        assert reading.targets, path.name


# --- the command line ---------------------------------------------------------------------------


def run(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "indicators", *args],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=300,
    )


def test_cli_whatif_with_a_targets_file(tmp_path, scores):
    path = tmp_path / "doelen.csv"
    path.write_text(HEADER + "obesity,ZOD,,2030,beste_kwart,\nsmoking,GM0114,15,2030,,\n")
    result = run("whatif", "--targets", str(path), "--format", "csv")
    assert result.returncode == 0, result.stderr
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    assert list(rows[0]) == [
        "goal",
        "region",
        "score_now",
        "score_with_targets",
        "rank_now",
        "rank_with_targets",
        "quartile_now",
        "quartile_with_targets",
        "n_targets",
        "n_ranked",
    ]
    assert [(r["region"], r["goal"]) for r in rows] == [
        (region, str(goal)) for region in ("GM0114", ZOD) for goal in (1, 2, 3)
    ]
    act = scores.actueel.set_index(["region", "goal"])
    for row in rows:
        assert float(row["score_now"]) == round(
            act.loc[(row["region"], int(row["goal"])), "score"], 2
        )
    changed = {(r["region"], r["goal"]) for r in rows if r["n_targets"] != "0"}
    assert changed == {("GM0114", "3"), (ZOD, "3")}


@pytest.mark.parametrize("scenario", ["nederland", "beste_kwart"])
def test_cli_whatif_scenarios(snap, scores, scenario):
    result = run("whatif", "--scenario", scenario)
    assert result.returncode == 0, result.stderr
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    goals, _ = targets.scenario(snap, scores, scenario)
    assert [float(r["score_with_targets"]) for r in rows] == [
        round(v, 2) for v in goals["score_with_targets"]
    ]
    assert [int(r["rank_with_targets"]) for r in rows] == list(goals["rank_with_targets"])


def test_cli_whatif_refuses_a_bad_file_in_one_line(tmp_path):
    path = tmp_path / "doelen.csv"
    path.write_text(HEADER + "nope,ZOD,1,2030,,\nsmoking,ZOD,=1+1,2030,,\n")
    result = run("whatif", "--targets", str(path))
    assert result.returncode == 1
    assert result.stdout == ""
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("error: ")
    assert "Row 2: unknown indicator 'nope'" in lines[0]
    assert "; Row 3: the cell in column target starts with '='" in lines[0]
    assert lines[0].endswith("; correct the file (its format: data/targets/README.md)")


@pytest.mark.parametrize(
    ("args", "words"),
    [
        (["--targets", "/nonexistent/doelen.csv"], "cannot read"),
        (["--scenario", "nederland", "--region", "PV22"], "--region 'PV22' is not one of"),
    ],
)
def test_cli_whatif_missing_files_and_regions_are_one_line_and_exit_1(args, words):
    result = run("whatif", *args)
    assert result.returncode == 1
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("error: ") and words in lines[0]


@pytest.mark.parametrize("args", [["--scenario", "ergens"], []])
def test_cli_whatif_usage_errors_name_the_option(args):
    # argparse's usage errors (exit 2 here; the command line's one-line rule may make it 1)
    result = run("whatif", *args)
    assert result.returncode != 0
    assert ("invalid choice" in result.stderr) or ("--targets" in result.stderr)
    assert "Traceback" not in result.stderr
