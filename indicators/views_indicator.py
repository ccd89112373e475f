"""View models of the pages Per doel and Indicator verkennen (pure pandas, no Streamlit).

Every value keeps its own year and status: nothing is carried forward or filled, a missing value
stays missing and the pages say "geen gegevens".
"""

from __future__ import annotations

import math
from collections.abc import Iterable

import numpy as np
import pandas as pd

from indicators import catalog, scoring
from indicators.catalog import Indicator
from indicators.formatting import escape_markdown, format_number
from indicators.regions import DRENTHE, FOCUS_MUNICIPALITIES, NEDERLAND, ZOD
from indicators.snapshot import Snapshot
from indicators.ui_text import t

TABLE_REGIONS: tuple[str, ...] = (*FOCUS_MUNICIPALITIES, ZOD, DRENTHE, NEDERLAND)
PEERS = "peers"
STATUS_MARK = {"provisional": "*", "derived": "†", "transcribed": "‡"}
STATUS_KEY = {
    "provisional": "pd_flag_provisional",
    "derived": "pd_flag_derived",
    "transcribed": "pd_flag_transcribed",
}
TREND_KEY = {
    "beter": "trend_better",
    "slechter": "trend_worse",
    "geen duidelijke trend": "trend_none",
}


def indicator_name(ind: Indicator, lang: str = "nl") -> str:
    return ind.name_en if lang == "en" else ind.name_nl


def goal_indicators(goal: int, scored: bool) -> list[Indicator]:
    """The scored indicators of a goal (exactly those the score uses), or its context
    indicators (gemeente and regio level; wijk figures belong to the map)."""
    if scored:
        return [
            i for i in catalog.INDICATORS if i.goal == goal and i.scored and i.level == "gemeente"
        ]
    return [
        i
        for i in catalog.INDICATORS
        if i.goal == goal and not i.scored and i.level in ("gemeente", "regio")
    ]


def explorable_indicators() -> list[Indicator]:
    """All indicators with figures for every municipality, in catalog order."""
    return [i for i in catalog.INDICATORS if i.level == "gemeente"]


def table_regions(region: str) -> list[str]:
    """The columns of the goal table: the chosen region first, then the others of the four,
    ZOD, Drenthe and Nederland (always all seven, so tables stay comparable)."""
    return list(dict.fromkeys([region, *TABLE_REGIONS]))


def shown_decimals(ind: Indicator, values: Iterable[float]) -> int:
    """The catalog's decimals, or one more for a whole-number indicator with small fractional
    values, where rounding would distort by 5 % or more: a derived ZOD/NL vacancy of 3,52 %
    among whole-percent municipal figures is shown as 3,5, not as 4 (which would look equal to
    a municipality at 4 %)."""
    if ind.decimals > 0:
        return ind.decimals
    small_fraction = any(
        abs(v - round(v)) > 1e-6 and abs(v) < 10
        for v in (float(x) for x in values)
        if not math.isnan(v)
    )
    return 1 if small_fraction else 0


def missing_regions(frame: pd.DataFrame, regions: list[str]) -> list[str]:
    """The regions of a time series that have no value in any year."""
    have = set(frame["region"])
    return [r for r in regions if r not in have]


def is_count(ind: Indicator) -> bool:
    """A count (inwoners, woningen, misdrijven): Drenthe and Nederland are totals, so they are
    no yardstick for a municipality."""
    return ind.aggregate_weight == "sum"


def series_regions(region: str, ind: Indicator | None = None) -> list[str]:
    """The lines of a time series: the chosen region, ZOD, Drenthe, Nederland (no doubles).
    For a count the yardsticks are the other municipalities of the four instead."""
    if ind is not None and is_count(ind):
        return list(dict.fromkeys([region, *FOCUS_MUNICIPALITIES]))
    return list(dict.fromkeys([region, ZOD, DRENTHE, NEDERLAND]))


def reference_regions(region: str, ind: Indicator) -> list[str]:
    """The marked values beside the ranking: the chosen region and, unless a count, Nederland."""
    return [region] if is_count(ind) else [region, NEDERLAND]


def latest_values(obs: pd.DataFrame, indicators: list[str], regions: list[str]) -> pd.DataFrame:
    """Each region's own latest year per indicator (the 'actueel' view): indicator, region,
    year, value, status, table."""
    sel = obs[obs["indicator"].isin(indicators) & obs["region"].isin(regions)]
    sel = sel.dropna(subset=["value"]).sort_values("year")
    latest = sel.groupby(["indicator", "region"]).tail(1)
    cols = ["indicator", "region", "year", "value", "status", "table"]
    return latest[cols].reset_index(drop=True)


def peer_latest(obs: pd.DataFrame, indicators: list[str], peers: list[str]) -> pd.DataFrame:
    """Median of the peer group in the latest year any peer has a value: indicator, year,
    value, n_peers."""
    sel = obs[obs["indicator"].isin(indicators)]
    medians = scoring.peer_values(sel, peers)
    if medians.empty:
        return pd.DataFrame(columns=["indicator", "year", "value", "n_peers"])
    return medians.sort_values("year").groupby("indicator").tail(1).reset_index(drop=True)


def cell_text(value: float, year: int, status: str, decimals: int) -> str:
    """'36,5 (2024*)': the value, its year and a mark for a non-definitive status."""
    return f"{format_number(value, decimals)} ({year}{STATUS_MARK.get(status, '')})"


def goal_table(
    obs: pd.DataFrame,
    indicators: list[Indicator],
    regions: list[str],
    peers: list[str],
    names: dict[str, str],
    lang: str = "nl",
) -> pd.DataFrame:
    """One row per indicator, one text column per region plus the peer median, the unit and
    the statuses in words. Texts, because each cell carries its own year."""
    ids = [i.id for i in indicators]
    latest = latest_values(obs, ids, regions).set_index(["indicator", "region"])
    peer = peer_latest(obs, ids, peers).set_index("indicator")
    none = t("pd_no_data_cell", lang)
    rows = []
    for ind in indicators:
        row: dict[str, str] = {t("indicator", lang): indicator_name(ind, lang)}
        found = [latest.loc[(ind.id, r), "value"] for r in regions if (ind.id, r) in latest.index]
        decimals = shown_decimals(ind, found)
        flags: dict[str, list[str]] = {}
        for region in regions:
            if (ind.id, region) in latest.index:
                rec = latest.loc[(ind.id, region)]
                row[names.get(region, region)] = cell_text(
                    float(rec["value"]), int(rec["year"]), str(rec["status"]), decimals
                )
                if rec["status"] in STATUS_KEY:
                    flags.setdefault(str(rec["status"]), []).append(names.get(region, region))
            else:
                row[names.get(region, region)] = none
        if ind.id in peer.index:
            rec = peer.loc[ind.id]
            row[t("pd_col_peers", lang)] = (
                f"{format_number(float(rec['value']), decimals)} ({int(rec['year'])}, "
                f"n={int(rec['n_peers'])})"
            )
        else:
            row[t("pd_col_peers", lang)] = none
        row[t("pd_col_unit", lang)] = ind.unit
        row[t("pd_col_status", lang)] = "; ".join(
            f"{t(STATUS_KEY[s], lang)}: {', '.join(r)}" for s, r in flags.items()
        )
        rows.append(row)
    return pd.DataFrame(rows)


def contributions(scores: scoring.Scores, region: str, goal: int) -> pd.DataFrame:
    """The actueel z of each scored indicator of the goal for the region, with its weight in
    the goal score (mean of sub-theme means) and its contribution in score points.

    Columns: indicator, year, value, nl_value, subtheme, z, z_raw, weight, points; sorted from
    the weakest (lowest z) to the strongest."""
    cols = ["indicator", "year", "value", "nl_value", "subtheme", "z", "z_raw", "weight", "points"]
    part = scoring.contributions(scores, region, goal)
    if part.empty:
        return pd.DataFrame(columns=cols)
    return part.sort_values(["z", "indicator"])[cols].reset_index(drop=True)


def strongest(contrib: pd.DataFrame) -> pd.Series | None:
    """The row that moves the score most (largest absolute contribution in points)."""
    if contrib.empty:
        return None
    return contrib.loc[contrib["points"].abs().idxmax()]


def default_detail(contrib: pd.DataFrame, options: list[str]) -> str:
    """The indicator to show first: the one with the lowest z, else the first option."""
    if not contrib.empty:
        return str(contrib["indicator"].iloc[0])
    return options[0]


def missing_indicators(contrib: pd.DataFrame, indicators: list[Indicator]) -> list[Indicator]:
    have = set(contrib["indicator"])
    return [i for i in indicators if i.id not in have]


def series(
    obs: pd.DataFrame,
    indicator: str,
    regions: list[str],
    names: dict[str, str],
    peers: list[str] | None = None,
    peer_label: str = "",
) -> pd.DataFrame:
    """All years of one indicator for the regions (and the peer median as region 'peers'):
    region, region_name, year, value, status, table, n_peers."""
    sel = obs[(obs["indicator"] == indicator) & obs["region"].isin(regions)].dropna(
        subset=["value"]
    )
    frame = sel[["region", "year", "value", "status", "table"]].assign(
        region_name=sel["region"].map(names).fillna(sel["region"]), n_peers=np.nan
    )
    if peers:
        med = scoring.peer_values(obs[obs["indicator"] == indicator], peers)
        if not med.empty:
            frame = pd.concat(
                [
                    frame,
                    med.assign(region=PEERS, region_name=peer_label, status="derived", table="")[
                        frame.columns
                    ],
                ],
                ignore_index=True,
            )
    order = {r: i for i, r in enumerate([*regions, PEERS])}
    frame = frame.assign(_o=frame["region"].map(order)).sort_values(["_o", "year"])
    cols = ["region", "region_name", "year", "value", "status", "table", "n_peers"]
    return frame[cols].reset_index(drop=True)


def trend_text(
    obs: pd.DataFrame,
    ind: Indicator,
    region: str,
    region_name: str,
    spread: pd.Series | None = None,
    lang: str = "nl",
) -> str:
    """The trend over the last 8 years from :func:`scoring.trends` as a sentence. Scored
    indicators read better/worse; context indicators rising/falling."""
    sel = obs[(obs["indicator"] == ind.id) & (obs["region"] == region)]
    d = 1.0 if ind.direction != "lower_better" else -1.0
    table = pd.DataFrame(
        {"indicator": [ind.id], "goal": [ind.goal], "subtheme": [ind.subtheme], "d": [d]}
    )
    result = scoring.trends(sel, spread=spread, indicators=table)
    if result.empty:
        return t("vk_trend_insufficient", lang, region=region_name)
    row = result.iloc[0]
    key = TREND_KEY[str(row["direction"])]
    if not ind.scored:
        key = {"trend_better": "vk_trend_up", "trend_worse": "vk_trend_down"}.get(key, key)
    return t(
        "vk_trend",
        lang,
        region=region_name,
        first=int(row["first_year"]),
        last=int(row["last_year"]),
        n=int(row["n_years"]),
        direction=t(key, lang),
    )


def indicator_card(ind: Indicator, obs: pd.DataFrame, lang: str = "nl") -> list[tuple[str, str]]:
    """(label, markdown) pairs describing an indicator; all text comes from the catalog."""
    years = sorted(int(y) for y in obs.loc[obs["indicator"] == ind.id, "year"].unique())
    sources = ", ".join(
        f"[{escape_markdown(table)}]({url})"
        for table, url in zip(ind.tables, ind.urls, strict=True)
    )
    return [
        (t("vk_card_definition", lang), escape_markdown(ind.definition)),
        (t("vk_card_unit", lang), escape_markdown(ind.unit)),
        (t("vk_card_direction", lang), t(f"vk_direction_{ind.direction}", lang)),
        (
            t("vk_card_goal", lang),
            escape_markdown(f"{ind.goal}: {catalog.GOALS[ind.goal][lang]} ({ind.subtheme})"),
        ),
        (t("vk_card_years", lang), ", ".join(map(str, years)) or t("vk_no_years", lang)),
        (t("vk_card_sources", lang), f"{sources} ({escape_markdown(ind.publisher)})"),
        (t("vk_card_keys", lang), escape_markdown(ind.source_keys)),
        (t("vk_card_caveats", lang), escape_markdown(ind.caveats)),
    ]


def indicator_years(obs: pd.DataFrame, indicator: str) -> list[int]:
    """Years with a value for at least one municipality, oldest first."""
    sel = obs[(obs["indicator"] == indicator) & obs["region"].str.startswith("GM")]
    return sorted(int(y) for y in sel.dropna(subset=["value"])["year"].unique())


def choose_year(years: list[int], wanted: int | None) -> tuple[int | None, bool]:
    """The year to show and whether the wanted year had to be replaced by the latest."""
    if not years:
        return None, wanted is not None
    if wanted in years:
        return wanted, False
    return years[-1], wanted is not None


def rank_value(ind: Indicator, values: pd.Series) -> pd.Series:
    """Values oriented so that higher ranks first: the better for scored indicators, the
    higher value for context indicators."""
    return -values if ind.direction == "lower_better" else values


def ranking(obs: pd.DataFrame, ind: Indicator, year: int, names: dict[str, str]) -> pd.DataFrame:
    """All municipalities with a value in ``year``, ranked (1 = best, or highest for context;
    ties share the better place): rank, region, region_name, year, value, status, focus."""
    sel = obs[
        (obs["indicator"] == ind.id) & (obs["year"] == year) & obs["region"].str.startswith("GM")
    ].dropna(subset=["value"])
    oriented = rank_value(ind, sel["value"])
    frame = sel.assign(
        region_name=sel["region"].map(names).fillna(sel["region"]),
        rank=oriented.rank(method="min", ascending=False).astype(int),
        focus=sel["region"].isin(list(FOCUS_MUNICIPALITIES)),
    )
    frame = frame.sort_values(["rank", "region_name"])
    cols = ["rank", "region", "region_name", "year", "value", "status", "table", "focus"]
    return frame[cols].reset_index(drop=True)


def value_in_year(obs: pd.DataFrame, indicator: str, region: str, year: int) -> float:
    sel = obs[(obs["indicator"] == indicator) & (obs["region"] == region) & (obs["year"] == year)]
    return float(sel["value"].iloc[0]) if not sel.empty else math.nan


def place_of(ind: Indicator, ranked: pd.DataFrame, value: float) -> int | None:
    """Where a value stands among the ranked municipalities (1 + the number strictly ahead);
    also for ZOD, which is not itself a municipality."""
    if math.isnan(value) or ranked.empty:
        return None
    ahead = rank_value(ind, ranked["value"]) > rank_value(ind, pd.Series([value])).iloc[0]
    return int(ahead.sum()) + 1


def share_below(values: pd.Series, value: float) -> tuple[float, float]:
    """Percentages of municipalities with a strictly lower and a strictly higher value."""
    n = len(values)
    if n == 0 or math.isnan(value):
        return math.nan, math.nan
    return 100.0 * (values < value).sum() / n, 100.0 * (values > value).sum() / n


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


# --- builders for the pages: (snapshot, scores, selection...) -> result, cacheable per server ---


def names_of(snap: Snapshot) -> dict[str, str]:
    return snap.regions.set_index("code")["name"].astype(str).to_dict()


def goal_table_for(
    snap: Snapshot, scores: scoring.Scores, region: str, goal: int, scored: bool, lang: str
) -> pd.DataFrame:
    """The Per doel table of the scored (or context) indicators of a goal."""
    return goal_table(
        snap.observations,
        goal_indicators(goal, scored),
        table_regions(region),
        scores.peers.get(region, []),
        names_of(snap),
        lang,
    )


def series_for_page(
    snap: Snapshot, scores: scoring.Scores, indicator: str, region: str, with_peers: bool, lang: str
) -> pd.DataFrame:
    """The time-series frame of one indicator; the peer median only where it is a fair
    yardstick (not for the ZOD total of a count)."""
    ind = catalog.BY_ID[indicator]
    peers = (
        scores.peers.get(region, []) if with_peers and not (ind.is_count and region == ZOD) else []
    )
    return series(
        snap.observations,
        indicator,
        series_regions(region, ind),
        names_of(snap),
        peers,
        t("vk_peers_label", lang),
    )


def trend_for(
    snap: Snapshot, scores: scoring.Scores, indicator: str, region: str, lang: str
) -> str:
    """The trend sentence of one indicator for the region."""
    name = names_of(snap).get(region, region)
    return trend_text(
        snap.observations, catalog.BY_ID[indicator], region, name, scores.spread, lang
    )
