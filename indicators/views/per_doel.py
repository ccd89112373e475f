"""Per doel: the goal score of the chosen region and every indicator behind it (no
Streamlit): the table of the four, ZOD, Drenthe, Nederland and the peer median, each value
with its own year, and the contribution of each indicator to the score."""

from __future__ import annotations

import pandas as pd

from indicators import catalog, scoring
from indicators.catalog import Indicator
from indicators.charts import Chart
from indicators.charts.indicator import contribution_chart, contribution_spec
from indicators.formatting import (
    cell_text,
    dated_label,
    format_number,
    shown_decimals,
)
from indicators.regions import DRENTHE, FOCUS_MUNICIPALITIES, NEDERLAND, ZOD
from indicators.scoring import Scores
from indicators.snapshot import Snapshot, snapshot_year
from indicators.ui_text import t
from indicators.views.common import html_table, latest_values, peer_latest, region_names


def table_regions(region: str) -> list[str]:
    """The columns of the goal table: the chosen region first, then the others of the four,
    ZOD, Drenthe and Nederland (always all seven, so tables stay comparable)."""
    return list(dict.fromkeys([region, *FOCUS_MUNICIPALITIES, ZOD, DRENTHE, NEDERLAND]))


def goal_table(
    obs: pd.DataFrame,
    indicators: list[Indicator],
    regions: list[str],
    peers: list[str],
    names: dict[str, str],
    lang: str = "nl",
    reference_year: int | None = None,
) -> pd.DataFrame:
    """One row per indicator, one text column per region plus the peer median and the unit
    (a cell's status is its mark, explained in the caption). Texts, because each cell carries
    its own year; an indicator whose newest figure here is more than five years older than
    the snapshot (``reference_year``) is marked as dated after its name."""
    ids = [i.id for i in indicators]
    latest = latest_values(obs, ids, regions).set_index(["indicator", "region"])
    peer = peer_latest(obs, ids, peers).set_index("indicator")
    none = t("pd_no_data_cell", lang)
    rows = []
    for ind in indicators:
        years = [latest.loc[(ind.id, r), "year"] for r in regions if (ind.id, r) in latest.index]
        newest = max(years) if years else None
        label = ind.name(lang) + dated_label(newest, reference_year, lang)
        row: dict[str, str] = {t("indicator", lang): label}
        found = [latest.loc[(ind.id, r), "value"] for r in regions if (ind.id, r) in latest.index]
        decimals = shown_decimals(ind, found)
        for region in regions:
            if (ind.id, region) in latest.index:
                rec = latest.loc[(ind.id, region)]
                row[names.get(region, region)] = cell_text(
                    float(rec["value"]), int(rec["year"]), str(rec["status"]), decimals, lang=lang
                )
            else:
                row[names.get(region, region)] = none
        if ind.id in peer.index:
            rec = peer.loc[ind.id]
            row[t("pd_col_peers", lang)] = (
                f"{format_number(float(rec['value']), decimals, lang=lang)} ({int(rec['year'])}, "
                f"n={int(rec['n_peers'])})"
            )
        else:
            row[t("pd_col_peers", lang)] = none
        row[t("pd_col_unit", lang)] = ind.unit_text(lang)
        rows.append(row)
    return pd.DataFrame(rows)


def default_detail(contrib: pd.DataFrame, options: list[str]) -> str:
    """The indicator to show first: the one with the lowest z, else the first option."""
    if not contrib.empty:
        return str(contrib.sort_values(["z", "indicator"])["indicator"].iloc[0])
    return options[0]


def missing_indicators(contrib: pd.DataFrame, indicators: list[Indicator]) -> list[Indicator]:
    have = set(contrib["indicator"])
    return [i for i in indicators if i.id not in have]


# --- builders ---------------------------------------------------------------------------


def goal_table_for(
    snap: Snapshot, scores: scoring.Scores, region: str, goal: int, scored: bool, lang: str
) -> pd.DataFrame:
    """The Per doel table of the scored (or context) indicators of a goal."""
    return goal_table(
        snap.observations,
        catalog.scored_indicators(goal) if scored else catalog.context_indicators(goal),
        table_regions(region),
        scores.peers.get(region, []),
        region_names(snap, lang=lang),
        lang,
        snapshot_year(snap),
    )


def goal_table_html_for(
    snap: Snapshot, scores: Scores, region: str, goal: int, scored: bool, lang: str
) -> str:
    """:func:`goal_table_for` as an accessible HTML table with its caption."""
    key = "pd_table_heading" if scored else "pd_context_heading"
    table = goal_table_for(snap, scores, region, goal, scored, lang)
    caption = f"{t(key, lang)}: {catalog.GOALS[goal][lang]}"
    return html_table(table, caption)


def contributions_for(snap: Snapshot, scores: Scores, region: str, goal: int) -> pd.DataFrame:
    """:func:`scoring.contributions` of a goal for a region (a builder for the view cache)."""
    del snap
    return scoring.contributions(scores, region, goal)


def _contribution_input(
    snap: Snapshot, scores: Scores, region: str, goal: int, lang: str
) -> tuple[pd.DataFrame, str, int, str]:
    """What both versions of the contribution chart are drawn from."""
    name = region_names(snap, lang=lang).get(region, region)
    return scoring.contributions(scores, region, goal), name, goal, lang


def contribution_for(
    snap: Snapshot, scores: Scores, region: str, goal: int, lang: str = "nl"
) -> Chart:
    """The contribution chart of a goal for a region, on screen (a Vega-Lite spec)."""
    return contribution_spec(*_contribution_input(snap, scores, region, goal, lang))


def contribution_image_for(
    snap: Snapshot, scores: Scores, region: str, goal: int, lang: str = "nl"
) -> Chart:
    """The same chart as a plotly figure, for its PNG image."""
    return contribution_chart(*_contribution_input(snap, scores, region, goal, lang))
