"""Indicator verkennen: one indicator in depth: the ranking of all municipalities in a year
and their distribution, with the chosen region and Nederland marked (no Streamlit)."""

from __future__ import annotations

import math

import pandas as pd

from indicators import catalog, scoring
from indicators.catalog import Indicator
from indicators.charts import Chart
from indicators.charts.indicator import (
    distribution_chart,
    distribution_spec,
    ranking_chart,
    ranking_spec,
)
from indicators.regions import FOCUS_MUNICIPALITIES, current_municipalities
from indicators.scoring import Scores
from indicators.snapshot import Snapshot
from indicators.views.common import reference_regions, region_names


def indicator_years(obs: pd.DataFrame, indicator: str) -> list[int]:
    """Years with a value for at least one municipality, oldest first."""
    sel = obs[(obs["indicator"] == indicator) & obs["region"].str.startswith("GM")]
    return sorted(int(y) for y in sel.dropna(subset=["value"])["year"].unique())


def indicator_years_for(snap: Snapshot, scores: Scores, indicator: str) -> list[int]:
    """:func:`indicator_years` (a builder for the pages' view cache)."""
    del scores
    return indicator_years(snap.observations, indicator)


def ranking(
    obs: pd.DataFrame,
    ind: Indicator,
    year: int,
    names: dict[str, str],
    municipalities: list[str] | set[str] | None = None,
) -> pd.DataFrame:
    """The ``municipalities`` (the current ones, as on the map and in the goal ranks) with a
    value in ``year``, ranked (1 = best, or highest for context; ties share the better place):
    rank, region, region_name, year, value, status, focus. Without ``municipalities`` every
    municipality code with a value counts."""
    sel = obs[
        (obs["indicator"] == ind.id) & (obs["year"] == year) & obs["region"].str.startswith("GM")
    ].dropna(subset=["value"])
    if municipalities is not None:
        sel = sel[sel["region"].isin(list(municipalities))]
    frame = sel.assign(
        region_name=sel["region"].map(names).fillna(sel["region"]),
        rank=scoring.rank_places(sel["value"], ind.direction).astype(int),
        focus=sel["region"].isin(list(FOCUS_MUNICIPALITIES)),
    )
    frame = frame.sort_values(["rank", "region_name"])
    cols = ["rank", "region", "region_name", "year", "value", "status", "table", "focus"]
    return frame[cols].reset_index(drop=True)


def reference_values(
    obs: pd.DataFrame, indicator: str, regions: list[str], year: int, names: dict[str, str]
) -> pd.DataFrame:
    """The values of the reference regions in exactly ``year`` (no other year stands in):
    region, region_name, year, value, status; a region without a value gets NaN."""
    sel = obs[(obs["indicator"] == indicator) & (obs["year"] == year)].set_index("region")
    return pd.DataFrame(
        {
            "region": regions,
            "region_name": [names.get(r, r) for r in regions],
            "year": year,
            "value": [float(sel.loc[r, "value"]) if r in sel.index else math.nan for r in regions],
            "status": [str(sel.loc[r, "status"]) if r in sel.index else "" for r in regions],
        }
    )


# --- builders ---------------------------------------------------------------------------


def _ranking_inputs(
    snap: Snapshot, indicator: str, year: int, region: str, lang: str = "nl"
) -> tuple[pd.DataFrame, Indicator, str, str, pd.DataFrame]:
    """The arguments of the ranking and distribution charts: ranked, ind, region, its name,
    the reference values."""
    ind = catalog.BY_ID[indicator]
    names = region_names(snap, lang)
    ranked = ranking(snap.observations, ind, year, names, current_municipalities(snap.regions))
    refs = reference_values(
        snap.observations, indicator, reference_regions(region, ind), year, names
    )
    return ranked, ind, region, names.get(region, region), refs


def ranking_for(
    snap: Snapshot, scores: Scores, indicator: str, year: int, region: str, lang: str = "nl"
) -> Chart:
    """All municipalities ranked in a year, the four labelled (a Vega-Lite spec)."""
    del scores
    return ranking_spec(*_ranking_inputs(snap, indicator, year, region, lang), lang)


def ranking_image_for(
    snap: Snapshot, scores: Scores, indicator: str, year: int, region: str, lang: str = "nl"
) -> Chart:
    """The same ranking as a plotly figure, for its PNG (built when one is asked for)."""
    del scores
    return ranking_chart(*_ranking_inputs(snap, indicator, year, region, lang), lang)


def distribution_for(
    snap: Snapshot, scores: Scores, indicator: str, year: int, region: str, lang: str = "nl"
) -> Chart:
    """The distribution of all municipalities in a year, the region and NL marked (a
    Vega-Lite spec)."""
    del scores
    return distribution_spec(*_ranking_inputs(snap, indicator, year, region, lang), lang)


def distribution_image_for(
    snap: Snapshot, scores: Scores, indicator: str, year: int, region: str, lang: str = "nl"
) -> Chart:
    """The same distribution as a plotly figure, for its PNG."""
    del scores
    return distribution_chart(*_ranking_inputs(snap, indicator, year, region, lang), lang)
