"""View models the pages draw: small pure functions over the snapshot and the scores.

No Streamlit here, so each is easy to test; the pages only lay out what these return.
"""

from __future__ import annotations

import math

import pandas as pd

from indicators import catalog
from indicators.formatting import format_number
from indicators.regions import DRENTHE, FOCUS_MUNICIPALITIES, NEDERLAND, ZOD
from indicators.scoring import Scores
from indicators.snapshot import Snapshot
from indicators.ui_text import t

COMPARISON = (*FOCUS_MUNICIPALITIES, ZOD, DRENTHE, NEDERLAND)
QUARTILE_KEYS = {
    "bovenste kwart": "quartile_top",
    "midden": "quartile_middle",
    "onderste kwart": "quartile_bottom",
}
QUARTILE_ICON = {"bovenste kwart": "▲", "midden": "●", "onderste kwart": "▼", "": "–"}


def quartile_label(quartile: str, lang: str = "nl") -> str:
    """'▼ onderste kwart': the symbol carries the quartile without colour."""
    words = t(QUARTILE_KEYS.get(quartile, "quartile_middle"), lang)
    return f"{QUARTILE_ICON.get(quartile, '')} {words}"


def region_names(snap: Snapshot) -> dict[str, str]:
    return snap.regions.set_index("code")["name"].astype(str).to_dict()


def latest_population(snap: Snapshot) -> pd.DataFrame:
    """Latest population of the four municipalities: code, name, year, value, table."""
    obs = snap.observations
    pop = obs[(obs["indicator"] == "population") & obs["region"].isin(list(FOCUS_MUNICIPALITIES))]
    latest = pop.sort_values("year").groupby("region").tail(1)
    latest = latest.assign(
        name=latest["region"].map(FOCUS_MUNICIPALITIES),
        order=latest["region"].map(list(FOCUS_MUNICIPALITIES).index),
    )
    return latest.sort_values("order")[["region", "name", "year", "value", "table"]].reset_index(
        drop=True
    )


def goal_trend(scores: Scores, region: str, goal: int) -> str:
    """Direction of the goal score over the last 8 years of the per-jaar view, as a text key."""
    series = scores.per_jaar[
        (scores.per_jaar["region"] == region) & (scores.per_jaar["goal"] == goal)
    ].dropna(subset=["score"])
    series = series[series["year"] > series["year"].max() - 8] if not series.empty else series
    if len(series) < 2:
        return "trend_insufficient"
    change = series["score"].iloc[-1] - series["score"].iloc[0]
    if abs(change) < 0.25:
        return "trend_none"
    return "trend_better" if change > 0 else "trend_worse"


def goal_cards(scores: Scores, region: str) -> list[dict[str, object]]:
    """One card per goal: score, status, rank, percentile, quartile, bottom-quarter count,
    years drawn on, and the trend key."""
    rows = scores.actueel[scores.actueel["region"] == region].set_index("goal")
    cards = []
    for goal in (1, 2, 3):
        row = rows.loc[goal] if goal in rows.index else None
        score = float(row["score"]) if row is not None else math.nan
        cards.append(
            {
                "goal": goal,
                "name": catalog.GOALS[goal],
                "score": score,
                "ok": row is not None and row["status"] == "ok",
                "rank": None if row is None or pd.isna(row["rank"]) else int(row["rank"]),
                "n_ranked": 0 if row is None else int(row["n_ranked"]),
                "percentile": math.nan if row is None else float(row["percentile"]),
                "quartile": "" if row is None else str(row["quartile"]),
                "n_bottom": 0
                if row is None or pd.isna(row["n_bottom_quarter"])
                else int(row["n_bottom_quarter"]),
                "n_indicators": 0 if row is None else int(row["n_indicators"]),
                "n_total": 0 if row is None else int(row["n_total"]),
                "years": "" if row is None else str(row["years"]),
                "trend": goal_trend(scores, region, goal),
            }
        )
    return cards


def overview_cards(snap: Snapshot, scores: Scores, region: str) -> list[dict[str, object]]:
    """:func:`goal_cards` in the ``cached_view`` signature (a page run then only reads)."""
    del snap
    return goal_cards(scores, region)


def overview_population(snap: Snapshot, scores: Scores) -> pd.DataFrame:
    """:func:`latest_population` in the ``cached_view`` signature."""
    del scores
    return latest_population(snap)


def goal_sentence(card: dict[str, object], region_name: str, lang: str = "nl") -> str:
    """One sentence that says what the numbers of a goal card mean."""
    name = card["name"][lang]  # type: ignore[index]
    if not card["ok"]:
        return t("sentence_insufficient", lang, region=region_name, goal=name)
    score = float(card["score"])  # type: ignore[arg-type]
    relation = t("above_nl" if score > 5.05 else "below_nl" if score < 4.95 else "at_nl", lang)
    quartile = t(QUARTILE_KEYS.get(str(card["quartile"]), "quartile_middle"), lang)
    return t(
        "sentence_goal",
        lang,
        region=region_name,
        goal=name,
        score=format_number(score, 1),
        relation=relation,
        rank=card["rank"],
        n=card["n_ranked"],
        quartile=quartile,
        bottom=card["n_bottom"],
        total=card["n_indicators"],
        years=card["years"],
    )


def comparison_scores(scores: Scores, names: dict[str, str]) -> pd.DataFrame:
    """Actueel goal scores of the four, ZOD, Drenthe and Nederland (the small multiple)."""
    frame = scores.actueel[scores.actueel["region"].isin(COMPARISON)]
    frame = frame.assign(
        region_name=frame["region"].map(names),
        goal_name=frame["goal"].map(lambda g: catalog.GOALS[int(g)]["nl"]),
        order=frame["region"].map(list(COMPARISON).index),
    ).sort_values(["goal", "order"])
    cols = ["goal", "goal_name", "region", "region_name", "score", "rank", "quartile", "years"]
    return frame[cols].reset_index(drop=True)


def outlook_series(snap: Snapshot) -> pd.DataFrame:
    """Population since 2015 (measured) and the PBL/CBS outlook points towards 2050, for
    Drenthe and the COROP regions of the four municipalities.

    Measured COROP population is the sum of its municipalities (current classification);
    the outlook points are the transcribed 84527NED values (x 1 000)."""
    obs, regions = snap.observations, snap.regions
    names = region_names(snap)
    corops = sorted(set(regions.loc[regions["code"].isin(list(FOCUS_MUNICIPALITIES)), "corop"]))
    members = regions[(regions["level"] == "gemeente") & regions["current"].astype(bool)]
    pop = obs[(obs["indicator"] == "population") & (obs["year"] >= 2015)]
    rows = []
    drenthe = pop[pop["region"] == DRENTHE]
    rows.append(
        drenthe.assign(kind="gemeten", value=drenthe["value"] / 1000)[
            ["region", "year", "value", "kind"]
        ]
    )
    for corop in corops:
        codes = members.loc[members["corop"] == corop, "code"]
        sub = pop[pop["region"].isin(codes)].groupby("year")
        summed = sub["value"].sum()[sub["region"].nunique() == len(codes)]
        rows.append(
            pd.DataFrame(
                {
                    "region": corop,
                    "year": summed.index,
                    "value": summed.to_numpy() / 1000,
                    "kind": "gemeten",
                }
            )
        )
    outlook = obs[
        (obs["indicator"] == "population_outlook") & obs["region"].isin([DRENTHE, *corops])
    ]
    rows.append(outlook.assign(kind="prognose")[["region", "year", "value", "kind"]])
    frame = pd.concat(rows, ignore_index=True)
    frame["region_name"] = frame["region"].map(names)
    return (
        frame[["region", "region_name", "year", "kind", "value"]]
        .sort_values(["region", "kind", "year"])
        .reset_index(drop=True)
    )
