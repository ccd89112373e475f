"""A transparent score per NPVR goal, against Nederland (README.md, "The score per NPVR goal";
ARCHITECTURE.md names the rules this module owns).

Per scored indicator i, region m, year t::

    z = d * (x[m,t] - x[NL,t]) / s[i],  capped at +-3

with ``d`` = +1 (higher is better) or -1 (lower is better) and ``s[i]`` the spread across all
municipalities pooled over years (within-year deviations, so a general rise of an indicator does
not widen it): a change in score is then a change in the region, not in the spread. A goal score
is the mean of the sub-theme means of ``z``, given when at least two thirds of the goal's
indicators have a value, scaled as ``5 + 5/3 * mean`` and clipped to 0-10, so Nederland = 5.0.

Everything here is pure pandas on the snapshot's observations; no Streamlit.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np
import pandas as pd

from indicators import catalog
from indicators.regions import (
    DRENTHE,
    FOCUS_MUNICIPALITIES,
    NEDERLAND,
    ZOD,
    current_municipalities,
)

Z_CAP = 3.0
COVERAGE = 2.0 / 3.0
TREND_YEARS = 8
# A change in a region's distance to Nederland of at least this many spreads over its series
# counts as moving towards or away from Nederland (relative_trends).
RELATIVE_CHANGE = 0.1
PEER_COUNT = 10
REFERENCE_REGIONS = (ZOD, DRENTHE, NEDERLAND)
INSUFFICIENT = "onvoldoende gegevens"
TREND_COLUMNS = (
    "indicator",
    "region",
    "first_year",
    "last_year",
    "n_years",
    "slope",
    "slope_in_s",
    "meaningful",
    "direction",
)
# Two-sided 5 % critical values of Student's t for 1..30 degrees of freedom; a 30-number table
# is all a trend test needs, so no SciPy dependency for it.
T_CRITICAL = (
    12.706, 4.303, 3.182, 2.776, 2.571, 2.447, 2.365, 2.306, 2.262, 2.228,
    2.201, 2.179, 2.160, 2.145, 2.131, 2.120, 2.110, 2.101, 2.093, 2.086,
    2.080, 2.074, 2.069, 2.064, 2.060, 2.056, 2.052, 2.048, 2.045, 2.042,
)  # fmt: skip


def indicator_table() -> pd.DataFrame:
    """The scored indicators (:func:`catalog.scored_indicators`) as a frame: indicator, goal,
    subtheme, d."""
    chosen = catalog.scored_indicators()
    return pd.DataFrame(
        {
            "indicator": [i.id for i in chosen],
            "goal": [i.goal for i in chosen],
            "subtheme": [i.subtheme for i in chosen],
            "d": [1.0 if i.direction == "higher_better" else -1.0 for i in chosen],
        }
    )


def _is_municipality(region: pd.Series) -> pd.Series:
    return region.str.startswith("GM")


def spreads(obs: pd.DataFrame) -> pd.Series:
    """Pooled within-year standard deviation across municipalities, per indicator."""
    gm = obs[_is_municipality(obs["region"])]
    grouped = gm.groupby(["indicator", "year"])["value"]
    dev2 = (gm["value"] - grouped.transform("mean")) ** 2
    frame = gm.assign(dev2=dev2)
    sums = frame.groupby("indicator").agg(ss=("dev2", "sum"), n=("value", "size"))
    years = gm.groupby("indicator")["year"].nunique()
    dof = sums["n"] - years
    return np.sqrt(sums["ss"] / dof.where(dof > 0)).rename("s")


def z_scores(
    obs: pd.DataFrame,
    indicators: pd.DataFrame | None = None,
    spread: pd.Series | None = None,
) -> pd.DataFrame:
    """One row per scored (indicator, region, year) with a Nederland value in that year.

    Columns: indicator, region, year, value, status (where the observations have it),
    nl_value, s, d, goal, subtheme, z (capped), z_raw (uncapped).
    """
    ind = indicator_table() if indicators is None else indicators
    keep = [c for c in ("indicator", "region", "year", "value", "status") if c in obs.columns]
    data = obs[obs["indicator"].isin(ind["indicator"])][keep]
    nl = data[data["region"] == NEDERLAND].rename(columns={"value": "nl_value"})
    s = spreads(data) if spread is None else spread
    out = data.merge(nl[["indicator", "year", "nl_value"]], on=["indicator", "year"])
    out = out.merge(ind, on="indicator").merge(s.rename("s"), left_on="indicator", right_index=True)
    out = out[out["s"] > 0]
    out["z_raw"] = out["d"] * (out["value"] - out["nl_value"]) / out["s"]
    out["z"] = out["z_raw"].clip(-Z_CAP, Z_CAP)
    return out.reset_index(drop=True)


def latest_per_region(z: pd.DataFrame) -> pd.DataFrame:
    """The 'actueel' view: each region's latest year per indicator (never carried forward)."""
    idx = z.groupby(["region", "indicator"])["year"].idxmax()
    return z.loc[idx].reset_index(drop=True)


def _goal_means(z: pd.DataFrame, keys: list[str], column: str = "z") -> pd.DataFrame:
    """Mean of sub-theme means of ``column`` per keys+goal, with coverage counts."""
    sub = z.groupby([*keys, "goal", "subtheme"])[column].mean().rename("sub_mean").reset_index()
    goal = sub.groupby([*keys, "goal"])["sub_mean"].mean().rename("mean").reset_index()
    counts = z.groupby([*keys, "goal"]).agg(
        n_indicators=("indicator", "nunique"),
        year_min=("year", "min"),
        year_max=("year", "max"),
    )
    return goal.merge(counts.reset_index(), on=[*keys, "goal"])


def _totals(indicators: pd.DataFrame) -> pd.Series:
    return indicators.groupby("goal")["indicator"].nunique().rename("n_total")


def scale(mean_z: pd.Series | float) -> pd.Series | float:
    """0-10 scale: 5 = Nederland, 10 = three spreads better on average."""
    return np.clip(5.0 + 5.0 / 3.0 * mean_z, 0.0, 10.0)


def goal_scores(
    z: pd.DataFrame, view: str = "actueel", indicators: pd.DataFrame | None = None
) -> pd.DataFrame:
    """Goal scores per region (and per year in the 'per_jaar' view).

    Columns: region, goal, year (latest year drawn on), years ("2015" or "2015-2024"), score
    (NaN where coverage < 2/3), status, n_indicators, n_total, z_mean.
    """
    ind = indicator_table() if indicators is None else indicators
    cols = [
        "region",
        "goal",
        "year",
        "year_min",
        "years",
        "score",
        "status",
        "n_indicators",
        "n_total",
        "z_mean",
    ]
    if z.empty:
        return pd.DataFrame(columns=cols)
    if view == "actueel":
        data, keys = latest_per_region(z), ["region"]
    elif view == "per_jaar":
        data, keys = z, ["region", "year"]
    else:
        raise ValueError(f"view must be 'actueel' or 'per_jaar', not {view!r}")
    out = _goal_means(data, keys).merge(_totals(ind), left_on="goal", right_index=True)
    enough = out["n_indicators"] / out["n_total"] >= COVERAGE - 1e-12
    out["z_mean"] = out["mean"]
    out["score"] = scale(out["mean"]).where(enough)
    out["status"] = np.where(enough, "ok", INSUFFICIENT)
    if view == "actueel":
        out["year"] = out["year_max"]
    out["years"] = np.where(
        out["year_min"] == out["year_max"],
        out["year_max"].astype(str),
        out["year_min"].astype(str) + "-" + out["year_max"].astype(str),
    )
    return out[cols].sort_values(["region", "goal", "year"]).reset_index(drop=True)


def rank_among_municipalities(
    scores: pd.DataFrame,
    municipalities: set[str],
    by: list[str] | None = None,
    column: str = "score",
) -> pd.DataFrame:
    """Rank (1 = best) and percentile among municipalities, for every row (also ZOD/PV/NL:
    where it would stand among the municipalities). Adds rank, percentile, n_ranked, quartile.
    """
    by = by or ["goal"]
    out = scores.copy().reset_index(drop=True)
    values_all = out[column].to_numpy(dtype=float)
    is_muni = out["region"].isin(municipalities).to_numpy()
    rank = np.full(len(out), np.nan)
    pct = np.full(len(out), np.nan)
    n_ranked = np.zeros(len(out), dtype=int)
    for rows in out.groupby(by, sort=False).indices.values():
        values = values_all[rows]
        ref = values[is_muni[rows] & ~np.isnan(values)]
        if ref.size == 0:
            continue
        ref.sort()
        higher = ref.size - np.searchsorted(ref, values, side="right")
        below = np.searchsorted(ref, values, side="left")
        missing = np.isnan(values)
        rank[rows] = np.where(missing, np.nan, higher + 1)
        pct[rows] = np.where(missing, np.nan, 100.0 * below / max(ref.size - 1, 1))
        n_ranked[rows] = ref.size
    out["rank"] = rank
    out["percentile"] = np.clip(pct, 0, 100)
    out["n_ranked"] = n_ranked
    out["quartile"] = quartile_label(out["percentile"])
    return out


def rank_places(values: pd.Series, direction: str) -> pd.Series:
    """Place of each value among ``values``: 1 = most favourable (lower is better: lowest
    first) or, for context indicators, highest; ties share the better place; a missing value
    gets no place. The one ranking rule of every page, export and slide."""
    oriented = -values if direction == "lower_better" else values
    return oriented.rank(method="min", ascending=False).astype("Int64")


def place_among(values: pd.Series, value: float, direction: str) -> int | None:
    """Where ``value`` would stand among ``values`` (1 + the number strictly ahead of it), also
    for a region that is not one of them (ZOD, Drenthe, Nederland); None without a value."""
    values = values.dropna()
    if value is None or math.isnan(value) or values.empty:
        return None
    ahead = values < value if direction == "lower_better" else values > value
    return int(ahead.sum()) + 1


def share_below(values: pd.Series, value: float) -> tuple[float, float]:
    """Percentages of municipalities with a strictly lower and a strictly higher value."""
    n = len(values)
    if n == 0 or math.isnan(value):
        return math.nan, math.nan
    return 100.0 * (values < value).sum() / n, 100.0 * (values > value).sum() / n


def quartile_label(percentile: pd.Series) -> pd.Series:
    """CBS-style class: top 25 %, middle 50 %, bottom 25 % of the municipalities."""
    return pd.Series(
        np.select(
            [percentile >= 75, percentile <= 25, percentile.notna()],
            ["bovenste kwart", "onderste kwart", "midden"],
            default="",
        ),
        index=percentile.index,
    )


def indicator_quartiles(z: pd.DataFrame, municipalities: set[str]) -> pd.DataFrame:
    """Per (indicator, year): each region's percentile among municipalities on the
    direction-adjusted value, and its CBS-style quartile class."""
    ranked = rank_among_municipalities(z, municipalities, by=["indicator", "year"], column="z_raw")
    return ranked


def bottom_quarter_counts(latest_quartiles: pd.DataFrame) -> pd.DataFrame:
    """Number of indicators per goal in the bottom quarter (the non-compensatory companion)."""
    flagged = latest_quartiles.assign(bottom=latest_quartiles["quartile"] == "onderste kwart")
    return (
        flagged.groupby(["region", "goal"])["bottom"]
        .sum()
        .astype(int)
        .rename("n_bottom_quarter")
        .reset_index()
    )


def trends(
    obs: pd.DataFrame, spread: pd.Series | None = None, indicators: pd.DataFrame | None = None
) -> pd.DataFrame:
    """Linear trend over the last 8 years of each (indicator, region) with at least 3 years.

    ``meaningful`` is a two-sided t-test of the slope at 5 %; ``direction`` reads the slope with
    the indicator's direction: "beter", "slechter", or "geen duidelijke trend".
    """
    ind = indicator_table() if indicators is None else indicators
    data = obs[obs["indicator"].isin(ind["indicator"])][["indicator", "region", "year", "value"]]
    # The spread of the whole series (as z uses), not of the trend window.
    s = spreads(data) if spread is None else spread
    last = data.groupby(["indicator", "region"])["year"].transform("max")
    # A series spanning at most 8 years: 2012, 2016 and 2020 are one (the health monitor).
    data = data[data["year"] >= last - TREND_YEARS]
    g = data.groupby(["indicator", "region"])
    n = g["year"].transform("size")
    data = data[n >= 3].copy()
    if data.empty:
        return pd.DataFrame(columns=list(TREND_COLUMNS))
    g = data.groupby(["indicator", "region"])
    data["xc"] = data["year"] - g["year"].transform("mean")
    data["yc"] = data["value"] - g["value"].transform("mean")
    data["xy"] = data["xc"] * data["yc"]
    data["xx"] = data["xc"] ** 2
    agg = data.groupby(["indicator", "region"]).agg(
        first_year=("year", "min"),
        last_year=("year", "max"),
        n_years=("year", "size"),
        sxy=("xy", "sum"),
        sxx=("xx", "sum"),
    )
    agg["slope"] = agg["sxy"] / agg["sxx"]
    data = data.join(agg[["slope"]], on=["indicator", "region"])
    data["resid2"] = (data["yc"] - data["slope"] * data["xc"]) ** 2
    sse = data.groupby(["indicator", "region"])["resid2"].sum()
    dof = agg["n_years"] - 2
    se = np.sqrt(sse / dof / agg["sxx"])
    t_stat = agg["slope"].abs() / se.replace(0, np.nan)
    crit = dof.map(lambda k: T_CRITICAL[min(int(k), len(T_CRITICAL)) - 1])
    exact_fit = (sse == 0) & (agg["slope"] != 0)
    agg["meaningful"] = (t_stat > crit) | exact_fit
    agg = agg.reset_index().merge(ind[["indicator", "d"]], on="indicator")
    agg["slope_in_s"] = agg["slope"] / agg["indicator"].map(s)
    signed = agg["d"] * agg["slope"]
    agg["direction"] = np.select(
        [agg["meaningful"] & (signed > 0), agg["meaningful"] & (signed < 0)],
        ["beter", "slechter"],
        default="geen duidelijke trend",
    )
    return agg[list(TREND_COLUMNS)]


def relative_trends(z: pd.DataFrame) -> pd.DataFrame:
    """Per (indicator, region): does the region move towards Nederland or away from it?

    The linear trend (:func:`trends`: a series of at least 3 years spanning at most 8) of the
    uncapped, direction-adjusted distance to Nederland ``z_raw``, in the years in which both
    have a value. A rising z means the region improves relative to Nederland, whether it is
    ahead or behind. ``change`` is the fitted change over the series in spreads; ``direction``
    is "beter" / "slechter" when it is at least :data:`RELATIVE_CHANGE` either way, else
    "gelijk". (A t-test on three points would almost never call a change, which is why the
    size of the change decides here; ``meaningful`` keeps the test's verdict.) The spread is
    fixed, so a change in z is a change in the region's position, not in the spread.
    """
    frame = z[["indicator", "region", "year", "z_raw"]].rename(columns={"z_raw": "value"})
    table = indicator_table().assign(d=1.0)
    unit = pd.Series(1.0, index=table["indicator"])
    out = trends(frame, unit, table)
    out["change"] = out["slope"] * (out["last_year"] - out["first_year"])
    out["direction"] = np.select(
        [out["change"] >= RELATIVE_CHANGE - 1e-12, out["change"] <= -RELATIVE_CHANGE + 1e-12],
        ["beter", "slechter"],
        default="gelijk",
    )
    return out


def well_covered_municipalities(obs: pd.DataFrame, share: float = 0.9) -> set[str]:
    """Municipalities with a value for at least ``share`` of the scored indicators (any year).

    Municipalities formed by a merger after 2015 lack all 2015-only indicators; as peers they
    would mostly show "geen gegevens", so the peer search leaves them out.
    """
    scored = set(indicator_table()["indicator"])
    gm = obs[_is_municipality(obs["region"]) & obs["indicator"].isin(scored)]
    counts = gm.groupby("region")["indicator"].nunique()
    return set(counts[counts >= share * len(scored)].index)


def nearest_municipalities(
    regions: pd.DataFrame, k: int = PEER_COUNT, eligible: set[str] | None = None
) -> dict[str, list[str]]:
    """The k current municipalities nearest to each one in size, urbanity and density
    (standardised log population, urbanity class, log density; ties by code). With
    ``eligible``, only those can be chosen (every municipality still gets a group).

    For ZOD: the union of the four municipalities' groups, without the four themselves.
    """
    gm = (
        regions[(regions["level"] == "gemeente") & regions["current"].astype(bool)]
        .dropna(subset=["population", "urbanity", "population_density"])
        .sort_values("code")
    )
    feats = pd.DataFrame(
        {
            "log_pop": np.log10(gm["population"].to_numpy(dtype=float)),
            "urbanity": gm["urbanity"].to_numpy(dtype=float),
            "log_density": np.log10(gm["population_density"].clip(lower=1).to_numpy(dtype=float)),
        },
        index=gm["code"].to_numpy(),
    )
    std = (feats - feats.mean()) / feats.std(ddof=0)
    values = std.to_numpy()
    codes = std.index.to_numpy()
    groups: dict[str, list[str]] = {}
    allowed = np.array([eligible is None or c in eligible for c in codes])
    for i, code in enumerate(codes):
        dist = np.sqrt(((values - values[i]) ** 2).sum(axis=1))
        order = np.lexsort((codes, dist))
        groups[str(code)] = [str(codes[j]) for j in order if j != i and allowed[j]][:k]
    union: list[str] = []
    for code in FOCUS_MUNICIPALITIES:
        for peer in groups.get(code, []):
            if peer not in FOCUS_MUNICIPALITIES and peer not in union:
                union.append(peer)
    groups[ZOD] = union
    return groups


def peer_groups(obs: pd.DataFrame, regions: pd.DataFrame) -> dict[str, list[str]]:
    """'Vergelijkbare gemeenten': the one peer rule every page, export and slide uses.

    The nearest municipalities (:func:`nearest_municipalities`) among those with data for
    nearly every scored indicator (:func:`well_covered_municipalities`): a peer without data
    would only show "geen gegevens" and would not count in the peer median anyway.
    """
    return nearest_municipalities(regions, eligible=well_covered_municipalities(obs))


def peer_values(obs: pd.DataFrame, peers: list[str]) -> pd.DataFrame:
    """Median of the peer group per (indicator, year), with how many peers had a value."""
    sel = obs[obs["region"].isin(peers)]
    return (
        sel.groupby(["indicator", "year"])["value"]
        .agg(value="median", n_peers="size")
        .reset_index()
    )


@dataclass
class Scores:
    """Everything the pages and the CLI show about the scores."""

    z: pd.DataFrame  # all z rows
    latest: pd.DataFrame  # actueel z rows, with percentile and quartile per indicator
    actueel: pd.DataFrame  # goal scores, actueel view, with rank/percentile/quartile
    per_jaar: pd.DataFrame  # goal scores per year, with rank/percentile/quartile
    bottom: pd.DataFrame  # n indicators in bottom quarter per region/goal (actueel)
    spread: pd.Series
    municipalities: set[str]
    peers: dict[str, list[str]]  # 'vergelijkbare gemeenten' per region (see peer_groups)
    relative: pd.DataFrame  # trend of each region's distance to Nederland (relative_trends)


CONTRIBUTION_COLUMNS = (
    "indicator",
    "goal",
    "subtheme",
    "year",
    "value",
    "status",
    "nl_value",
    "z",
    "z_raw",
    "percentile",
    "quartile",
    "weight",
    "points",
)


def contributions(scores: Scores, region: str, goal: int) -> pd.DataFrame:
    """Each scored indicator of the goal for the region (actueel) with its weight in the goal
    score and its contribution in score points, largest contribution first (what "drives the
    score" means: a large z in a crowded sub-theme weighs less).

    The goal score is 5 + 5/3 x (mean of the sub-theme means of z), so an indicator weighs
    1 / (n sub-themes x n indicators in its sub-theme) and adds 5/3 x z x weight points: the
    contributions add up to score - 5 (before clipping).
    """
    latest = scores.latest
    part = latest[(latest["region"] == region) & (latest["goal"] == goal)].copy()
    if part.empty:
        return pd.DataFrame(columns=list(CONTRIBUTION_COLUMNS))
    n_sub = part["subtheme"].nunique()
    per_sub = part.groupby("subtheme")["indicator"].transform("size")
    part["weight"] = 1.0 / (n_sub * per_sub)
    part["points"] = 5.0 / 3.0 * part["z"] * part["weight"]
    part["_size"] = part["points"].abs()
    if "status" not in part.columns:
        part["status"] = ""
    part = part.sort_values(["_size", "indicator"], ascending=[False, True])
    return part[list(CONTRIBUTION_COLUMNS)].reset_index(drop=True)


def compute(obs: pd.DataFrame, regions: pd.DataFrame) -> Scores:
    """All scores for every municipality, ZOD, Drenthe and Nederland, both views."""
    ind = indicator_table()
    munis = set(current_municipalities(regions))
    keep = obs["region"].isin(munis | set(REFERENCE_REGIONS)) | _is_municipality(obs["region"])
    spread = spreads(obs[keep & obs["indicator"].isin(ind["indicator"])])
    z = z_scores(obs[keep], ind, spread)
    ranked_z = indicator_quartiles(z, munis)
    latest = latest_per_region(ranked_z)
    actueel = rank_among_municipalities(goal_scores(z, "actueel", ind), munis)
    per_jaar = rank_among_municipalities(
        goal_scores(z, "per_jaar", ind), munis, by=["goal", "year"]
    )
    bottom = bottom_quarter_counts(latest)
    actueel = actueel.merge(bottom, on=["region", "goal"], how="left")
    peers = peer_groups(obs, regions)
    relative = relative_trends(z[z["region"].isin(munis | set(REFERENCE_REGIONS))])
    return Scores(z, latest, actueel, per_jaar, bottom, spread, munis, peers, relative)


# --- sensitivity ------------------------------------------------------------------------------


def _method_goal_values(latest: pd.DataFrame, column: str) -> pd.DataFrame:
    means = _goal_means(latest.rename(columns={column: "_v"}), ["region"], "_v")
    return means[["region", "goal", "mean", "n_indicators"]]


def sensitivity(scores: Scores, regions_of_interest: list[str] | None = None) -> pd.DataFrame:
    """Rank per method (z main, percentile ranks, min-max with fixed goalposts) per region and
    goal; whether the quartile changes; leave-one-indicator-out score range; Spearman rho."""
    munis = scores.municipalities
    latest = scores.latest.copy()
    z_all = scores.z
    # Percentile rank of the direction-adjusted value among municipalities, same year.
    latest["pct"] = latest["percentile"]
    # Min-max with goalposts fixed over all years: 0 = worst municipality, 10 = best.
    gm = z_all[z_all["region"].isin(munis)]
    adj = gm["d"] * gm["value"]
    posts = gm.assign(adj=adj).groupby("indicator")["adj"].agg(["min", "max"])
    a = latest["d"] * latest["value"]
    lo = latest["indicator"].map(posts["min"])
    hi = latest["indicator"].map(posts["max"])
    latest["minmax"] = (10 * (a - lo) / (hi - lo)).clip(0, 10)
    main = scores.actueel[["region", "goal", "score", "rank", "quartile", "status"]]
    out = main.rename(columns={"rank": "rank_z", "quartile": "quartile_z"})
    for method in ("pct", "minmax"):
        vals = _method_goal_values(latest, method)
        vals = vals.merge(scores.actueel[["region", "goal", "status"]], on=["region", "goal"])
        vals["mean"] = vals["mean"].where(vals["status"] == "ok")
        ranked = rank_among_municipalities(vals, munis, column="mean")
        out = out.merge(
            ranked[["region", "goal", "mean", "rank", "quartile"]].rename(
                columns={
                    "mean": f"value_{method}",
                    "rank": f"rank_{method}",
                    "quartile": f"quartile_{method}",
                }
            ),
            on=["region", "goal"],
            how="left",
        )
    out["quartile_changes"] = (out["quartile_z"] != out["quartile_pct"]) | (
        out["quartile_z"] != out["quartile_minmax"]
    )
    loo = leave_one_out(latest, scores.actueel)
    out = out.merge(loo, on=["region", "goal"], how="left")
    rho = spearman_by_goal(out, munis)
    out = out.merge(rho, on="goal", how="left")
    if regions_of_interest is not None:
        out = out[out["region"].isin(regions_of_interest)]
    return out.reset_index(drop=True)


def leave_one_out(latest: pd.DataFrame, actueel: pd.DataFrame) -> pd.DataFrame:
    """Min and max goal score when each indicator in turn is left out (actueel view)."""
    rows = []
    ok = actueel[actueel["status"] == "ok"][["region", "goal"]]
    data = latest.merge(ok, on=["region", "goal"])
    for indicator in data["indicator"].unique():
        part = data[data["indicator"] != indicator]
        g = _goal_means(part, ["region"])
        goal_of = data.loc[data["indicator"] == indicator, "goal"].iloc[0]
        g = g[g["goal"] == goal_of]
        rows.append(g.assign(score=scale(g["mean"]), left_out=indicator))
    frame = pd.concat(rows, ignore_index=True)
    return (
        frame.groupby(["region", "goal"])["score"].agg(loo_min="min", loo_max="max").reset_index()
    )


def spearman_by_goal(table: pd.DataFrame, munis: set[str]) -> pd.DataFrame:
    """Spearman rank correlation, across municipalities, of the z score with each variant."""
    rows = []
    for goal, g in table[table["region"].isin(munis)].groupby("goal"):
        g = g.dropna(subset=["score", "value_pct", "value_minmax"])
        rows.append(
            {
                "goal": goal,
                "rho_pct": g["score"].rank().corr(g["value_pct"].rank()),
                "rho_minmax": g["score"].rank().corr(g["value_minmax"].rank()),
            }
        )
    return pd.DataFrame(rows)


def score_table(scores: Scores, regions: pd.DataFrame, year: int | None = None) -> pd.DataFrame:
    """Goal scores for every current municipality, ZOD, Drenthe and Nederland, ready to print.

    Without ``year`` the actueel view (``year`` = latest year drawn on, ``years`` = span);
    with ``year`` the per-jaar view of that year. Goals are ``1``, ``2``, ``3``.
    """
    wanted = scores.municipalities | set(REFERENCE_REGIONS)
    if year is None:
        table = scores.actueel
    else:
        table = scores.per_jaar[scores.per_jaar["year"] == year]
        table = table.assign(n_bottom_quarter=np.nan)
    table = table[table["region"].isin(wanted)].copy()
    names = regions.set_index("code")["name"]
    table["region_name"] = table["region"].map(names)
    table["goal_name"] = table["goal"].map(lambda g: catalog.GOALS[int(g)]["nl"])
    table["score"] = table["score"].round(2)
    table["percentile"] = table["percentile"].round(1)
    cols = [
        "region",
        "region_name",
        "goal",
        "goal_name",
        "year",
        "years",
        "score",
        "status",
        "rank",
        "n_ranked",
        "percentile",
        "quartile",
        "n_indicators",
        "n_total",
        "n_bottom_quarter",
    ]
    table["rank"] = table["rank"].astype("Int64")
    table["n_bottom_quarter"] = table["n_bottom_quarter"].astype("Int64")
    return table[cols].sort_values(["goal", "region"]).reset_index(drop=True)


# --- ambitions: a trend with its uncertainty, the best-quarter boundary, what-if ---------------

# One-sided 5 % (two-sided 90 %) critical values of Student's t for 1..30 degrees of freedom:
# the 90 % interval of a trend's slope in the progress towards a target.
T_CRITICAL_90 = (
    6.314, 2.920, 2.353, 2.132, 2.015, 1.943, 1.895, 1.860, 1.833, 1.812,
    1.796, 1.782, 1.771, 1.761, 1.753, 1.746, 1.740, 1.734, 1.729, 1.725,
    1.721, 1.717, 1.714, 1.711, 1.708, 1.706, 1.703, 1.701, 1.699, 1.697,
)  # fmt: skip
BEST_QUARTER = 0.75  # the boundary of the best quarter: the 75th percentile (direction-adjusted)
WHATIF_COLUMNS = (
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
)
WHATIF_CONTRIBUTION_COLUMNS = (
    "region",
    "goal",
    "subtheme",
    "indicator",
    "year",
    "value",
    "target",
    "nl_value",
    "z",
    "z_target",
    "weight",
    "points",
)
SCENARIOS = ("nederland", "beste_kwart")


def trend_fit(years: pd.Series | np.ndarray, values: pd.Series | np.ndarray) -> dict[str, float]:
    """The OLS slope of one series over the window :func:`trends` uses (the last year and the
    years at most :data:`TREND_YEARS` before it), with its standard error and 90 % interval.

    Returns n_years, first_year, last_year, slope, se, low, high; with fewer than 3 years in the
    window only n_years (and the years) are set, the rest is NaN.
    """
    frame = pd.DataFrame({"year": np.asarray(years, dtype=float), "value": values}).dropna()
    frame = frame.groupby("year", as_index=False)["value"].mean()
    out = dict.fromkeys(("slope", "se", "low", "high"), math.nan)
    if frame.empty:
        return out | {"n_years": 0, "first_year": math.nan, "last_year": math.nan}
    frame = frame[frame["year"] >= frame["year"].max() - TREND_YEARS]
    n = len(frame)
    out |= {"n_years": n, "first_year": frame["year"].min(), "last_year": frame["year"].max()}
    if n < 3:
        return out
    x = frame["year"].to_numpy() - frame["year"].mean()
    y = frame["value"].to_numpy() - frame["value"].mean()
    sxx = float((x**2).sum())
    slope = float((x * y).sum()) / sxx
    sse = float(((y - slope * x) ** 2).sum())
    se = math.sqrt(sse / (n - 2) / sxx)
    half = T_CRITICAL_90[min(n - 2, len(T_CRITICAL_90)) - 1] * se
    return out | {"slope": slope, "se": se, "low": slope - half, "high": slope + half}


def best_quarter_boundary(
    obs: pd.DataFrame, indicator: str, municipalities: set[str], year: int | None = None
) -> tuple[float, int | None]:
    """The boundary of the best quarter of the municipalities on an indicator: the 75th
    percentile (numpy's linear interpolation) of the direction-adjusted value ``d * x``, turned
    back into a value, in ``year`` (None: the latest year with municipal values).

    Returns (value, year); (NaN, None) without municipal values. For a lower-is-better
    indicator this is the 25th percentile of the values: reaching it means going below it.
    """
    d = 1.0 if catalog.BY_ID[indicator].direction != "lower_better" else -1.0
    part = obs[(obs["indicator"] == indicator) & obs["region"].isin(municipalities)]
    part = part.dropna(subset=["value"])
    if part.empty:
        return math.nan, None
    chosen = int(part["year"].max()) if year is None else int(year)
    values = part.loc[part["year"] == chosen, "value"].to_numpy(dtype=float)
    if values.size == 0:
        return math.nan, None
    return float(d * np.quantile(d * values, BEST_QUARTER)), chosen


def _moved_rows(scores: Scores, region: str, values: dict[str, float]) -> pd.DataFrame:
    """The region's actueel z rows, each with ``target`` (the value it is moved to, or its own
    value) and ``z_target`` (capped, with the fixed spread and Nederland in the same year)."""
    latest = scores.latest
    rows = latest[latest["region"] == region].copy()
    rows["moved"] = rows["indicator"].isin(list(values))
    # A target is a level to reach, not a point: one the region already meets keeps today's
    # value (reaching "Drenthe's level" must not pull a better figure back to it).
    rows["target"] = [
        float(values[i]) if moved and d * (float(values[i]) - float(v)) > 0 else float(v)
        for i, v, d, moved in zip(
            rows["indicator"], rows["value"], rows["d"], rows["moved"], strict=True
        )
    ]
    improved = rows["moved"] & (rows["target"] != rows["value"])
    z_raw = rows["d"] * (rows["target"] - rows["nl_value"]) / rows["s"]
    rows["z_target"] = np.where(improved, z_raw.clip(-Z_CAP, Z_CAP) + 0.0, rows["z"])
    return rows


def what_if(
    scores: Scores, region: str, values: dict[str, float]
) -> tuple[pd.DataFrame, pd.DataFrame]:
    """The region's goal scores, ranks and quartiles if each indicator in ``values`` had that
    value instead of its latest one, next to today's.

    The other municipalities and Nederland keep their current values, the spread is fixed, and
    the target is compared with Nederland in the year of the figure it replaces (as the score
    compares today's figure), so a target equal to today's value, or one already met, changes
    nothing (meeting targets never lowers a score). An indicator
    without a current value for the region is left out (there is no figure to replace). Ranks
    are among the same municipalities as today's ranks (the region's own score replaced).

    Returns (goals, contributions): per goal :data:`WHATIF_COLUMNS`; per moved indicator
    :data:`WHATIF_CONTRIBUTION_COLUMNS`, where ``points`` = weight x 5/3 x (z_target - z) (the
    change the target makes to the goal score before clipping to 0-10).
    """
    rows = _moved_rows(scores, region, values)
    act = scores.actueel
    now = act[act["region"] == region].set_index("goal")
    new_scores: dict[int, float] = {}
    contrib = []
    for goal, part in rows.groupby("goal"):
        goal = int(goal)
        n_sub = part["subtheme"].nunique()
        weight = 1.0 / (n_sub * part.groupby("subtheme")["indicator"].transform("size"))
        mean = part.groupby("subtheme")["z_target"].mean().mean()
        ok = goal in now.index and now.loc[goal, "status"] == "ok"
        new_scores[goal] = float(scale(mean)) if ok else math.nan
        moved = part[part["moved"]].assign(weight=weight[part["moved"]])
        moved["points"] = moved["weight"] * 5.0 / 3.0 * (moved["z_target"] - moved["z"])
        contrib.append(moved)
    changed = act.copy()
    own = changed["region"] == region
    changed.loc[own, "score"] = changed.loc[own, "goal"].map(new_scores)
    changed = rank_among_municipalities(changed, scores.municipalities)
    after = changed[changed["region"] == region].set_index("goal")
    table = []
    for goal in sorted(now.index):
        n_moved = int(rows[(rows["goal"] == goal) & rows["moved"]].shape[0])
        table.append(
            {
                "goal": int(goal),
                "region": region,
                "score_now": float(now.loc[goal, "score"]),
                "score_with_targets": float(after.loc[goal, "score"]),
                "rank_now": now.loc[goal, "rank"],
                "rank_with_targets": after.loc[goal, "rank"],
                "quartile_now": str(now.loc[goal, "quartile"]),
                "quartile_with_targets": str(after.loc[goal, "quartile"]),
                "n_targets": n_moved,
                "n_ranked": int(now.loc[goal, "n_ranked"]),
            }
        )
    goals = pd.DataFrame(table, columns=list(WHATIF_COLUMNS))
    for column in ("rank_now", "rank_with_targets"):
        goals[column] = goals[column].astype("Int64")
    moved = pd.concat(contrib, ignore_index=True) if contrib else rows.iloc[0:0]
    if moved.empty:
        return goals, pd.DataFrame(columns=list(WHATIF_CONTRIBUTION_COLUMNS))
    moved = moved.assign(region=region).sort_values(["goal", "points"], ascending=[True, False])
    return goals, moved[list(WHATIF_CONTRIBUTION_COLUMNS)].reset_index(drop=True)


def scenario_values(
    scores: Scores, obs: pd.DataFrame, region: str, scenario: str
) -> dict[str, float]:
    """The values of the two scenarios that need no input, per scored indicator of the region:

    - ``nederland``: on every indicator where the region lags Nederland (z < 0), Nederland's
      value in the same year as the region's figure (so z becomes 0);
    - ``beste_kwart``: on every indicator where the region's direction-adjusted value is below
      the boundary of the best quarter of the municipalities in the same year
      (:func:`best_quarter_boundary`), that boundary.
    """
    rows = scores.latest[scores.latest["region"] == region]
    if scenario == "nederland":
        lagging = rows[rows["z_raw"] < 0]
        return dict(zip(lagging["indicator"], lagging["nl_value"].astype(float), strict=True))
    if scenario != "beste_kwart":
        raise ValueError(f"scenario must be one of {SCENARIOS}, not {scenario!r}")
    out: dict[str, float] = {}
    for row in rows.itertuples():
        boundary, _ = best_quarter_boundary(
            obs, str(row.indicator), scores.municipalities, int(row.year)
        )
        if not math.isnan(boundary) and row.d * row.value < row.d * boundary:
            out[str(row.indicator)] = boundary
    return out
