"""Vergelijken: chosen municipalities and regions side by side on every scored indicator of
a goal, against Nederland (no Streamlit): the direction-adjusted profile (z per indicator,
Nederland = 0) and the table of raw values behind it, each with its own year."""

from __future__ import annotations

from typing import NamedTuple

import pandas as pd

from indicators import catalog
from indicators.charts import Chart
from indicators.charts.compare import profile_heatmap
from indicators.formatting import dated_label, format_number, shown_decimals, value_text
from indicators.regions import DRENTHE, FOCUS_MUNICIPALITIES, NEDERLAND, ZOD, current_municipalities
from indicators.scoring import Scores
from indicators.snapshot import Snapshot, snapshot_year
from indicators.ui_text import t
from indicators.views.common import html_table, region_names

MAX_COMPARE = 12

COMPARE_REFERENCES = (ZOD, DRENTHE, NEDERLAND)


def compare_options(snap: Snapshot) -> list[str]:
    """What can be compared: the four, ZOD, Drenthe, Nederland, then every current
    municipality by name."""
    names = region_names(snap)
    others = sorted(
        (c for c in current_municipalities(snap.regions) if c not in FOCUS_MUNICIPALITIES),
        key=lambda c: (names.get(c, c), c),
    )
    return [*FOCUS_MUNICIPALITIES, *COMPARE_REFERENCES, *others]


def default_selection(region: str, peers: list[str], limit: int = MAX_COMPARE) -> list[str]:
    """The four, ZOD and Nederland (the zero point of the profile), then the chosen region's
    peer group ('vergelijkbare gemeenten') up to ``limit`` regions in all."""
    chosen = list(dict.fromkeys([region, *FOCUS_MUNICIPALITIES, ZOD, NEDERLAND]))
    for peer in peers:
        if len(chosen) >= limit:
            break
        if peer not in chosen:
            chosen.append(peer)
    return chosen[:limit]


def profile(
    scores: Scores,
    obs: pd.DataFrame,
    regions: list[str],
    goal: int,
    names: dict[str, str],
    lang: str = "nl",
) -> pd.DataFrame:
    """Every (indicator, region) of the goal in the 'actueel' view: each region's latest year
    per indicator, its value, Nederland's value in that year and z (direction-adjusted, capped
    at +-3, Nederland = 0). A pair without a value stays in the frame with NaN, so the
    comparison can say "geen gegevens".

    Columns: indicator, indicator_name, unit, subtheme, region, region_name, year, value,
    nl_value, z, status, decimals.
    """
    indicators = catalog.scored_indicators(goal)
    ids = [i.id for i in indicators]
    latest = scores.latest[
        scores.latest["indicator"].isin(ids) & scores.latest["region"].isin(regions)
    ]
    grid = pd.MultiIndex.from_product([ids, regions], names=["indicator", "region"]).to_frame(
        index=False
    )
    frame = grid.merge(
        latest[["indicator", "region", "year", "value", "nl_value", "z"]],
        on=["indicator", "region"],
        how="left",
    )
    status = obs[["indicator", "region", "year", "status"]].drop_duplicates(
        ["indicator", "region", "year"]
    )
    frame = frame.merge(status, on=["indicator", "region", "year"], how="left")
    by_id = {i.id: i for i in indicators}
    frame["indicator_name"] = frame["indicator"].map(lambda i: by_id[i].name(lang))
    frame["unit"] = frame["indicator"].map(lambda i: by_id[i].unit_text(lang))
    frame["subtheme"] = frame["indicator"].map(lambda i: by_id[i].subtheme)
    frame["region_name"] = frame["region"].map(names).fillna(frame["region"])
    frame["status"] = frame["status"].fillna("").astype(str)
    frame["year"] = frame["year"].astype("Int64")
    frame["decimals"] = frame["indicator"].map(
        {
            i.id: shown_decimals(i, frame.loc[frame["indicator"] == i.id, "value"].dropna())
            for i in indicators
        }
    )
    cols = [
        "indicator",
        "indicator_name",
        "unit",
        "subtheme",
        "region",
        "region_name",
        "year",
        "value",
        "nl_value",
        "z",
        "status",
        "decimals",
    ]
    return frame[cols]


def focus_of(selection: list[str], region: str) -> str | None:
    """Whose finding the title states: the chosen region if compared, else the first region
    that is not Nederland itself."""
    if region in selection:
        return region
    return next((r for r in selection if r != NEDERLAND), None)


def profile_finding(
    frame: pd.DataFrame, focus: str | None, goal: int, names: dict[str, str], lang: str = "nl"
) -> str:
    """'Borger-Odoorn ligt op 9 van de 13 indicatoren achter op Nederland' (z < 0 counts as
    behind; indicators without a value are left out and said so)."""
    goal_name = catalog.GOALS[goal][lang]
    if focus is None:
        return t("vg_title_none", lang, goal=goal_name)
    part = frame[frame["region"] == focus]
    have = part.dropna(subset=["z"])
    name = names.get(focus, focus)
    if have.empty:
        return t("vg_title_no_data", lang, region=name, goal=goal_name)
    behind = int((have["z"] < 0).sum())
    ahead = int((have["z"] > 0).sum())
    missing = len(part) - len(have)
    text = t("vg_title", lang, region=name, behind=behind, n=len(have))
    if ahead:
        text += t("vg_title_ahead", lang, ahead=ahead)
    if missing:
        text += t("vg_title_missing", lang, missing=missing)
    return text


def compare_cell(value: float, year: object, status: str, decimals: int, lang: str = "nl") -> str:
    """'1,8 (2015)' with a status mark after the value; empty text where there is none."""
    if value is None or pd.isna(value):
        return ""
    return f"{value_text(float(value), decimals, status, lang)} ({int(year)})"  # type: ignore[arg-type]


def compare_table(
    frame: pd.DataFrame,
    scores: Scores,
    regions: list[str],
    goal: int,
    names: dict[str, str],
    lang: str = "nl",
    reference_year: int | None = None,
) -> pd.DataFrame:
    """The raw values behind the profile: one row per indicator (name, unit, then per region
    'value (year)'), then three rows with the goal score ('actueel'), its place among the
    municipalities and the years it stands for. An indicator whose newest figure here is more
    than five years older than the snapshot (``reference_year``) is marked as dated."""
    none = t("km_no_data", lang)
    rows = []
    for _, part in frame.groupby("indicator", sort=False):
        first = part.iloc[0]
        newest = part["year"].max()
        label = str(first["indicator_name"]) + dated_label(
            None if pd.isna(newest) else int(newest), reference_year, lang
        )
        row: dict[str, str] = {
            t("indicator", lang): label,
            t("vg_col_unit", lang): str(first["unit"]),
        }
        cells = part.set_index("region")
        for region in regions:
            rec = cells.loc[region]
            text = compare_cell(
                rec["value"], rec["year"], str(rec["status"]), int(rec["decimals"]), lang
            )
            row[names.get(region, region)] = text or none
        rows.append(row)
    actueel = scores.actueel[scores.actueel["goal"] == goal].set_index("region")
    # Score, place and years in rows of their own: short cells are never cut off mid-number.
    labels = {
        "score": (t("vg_score_row", lang, goal=goal), t("vg_score_unit", lang)),
        "rank": (t("vg_rank_row", lang), t("vg_rank_unit", lang)),
        "years": (t("vg_years_row", lang), ""),
    }
    extra = {
        key: {t("indicator", lang): label, t("vg_col_unit", lang): unit}
        for key, (label, unit) in labels.items()
    }
    for region in regions:
        column = names.get(region, region)
        if region not in actueel.index or pd.isna(actueel.loc[region, "score"]):
            extra["score"][column] = t("insufficient", lang)
            extra["rank"][column] = ""
            extra["years"][column] = (
                str(actueel.loc[region, "years"]) if region in actueel.index else ""
            )
            continue
        rec = actueel.loc[region]
        extra["score"][column] = format_number(float(rec["score"]), 1, lang=lang)
        extra["rank"][column] = t("vg_rank_of", lang, rank=int(rec["rank"]), n=int(rec["n_ranked"]))
        extra["years"][column] = str(rec["years"])
    rows.extend(extra.values())
    return pd.DataFrame(rows)


# --- builders ---------------------------------------------------------------------------


def chosen_regions(scores: Scores, regions: tuple[str, ...], region: str) -> list[str]:
    """The selection, or the region's default selection when it is empty: a page passes ()
    for the default, so the builders' arguments name the region and nothing derived from it
    (the server can then build the same view for another region ahead of time)."""
    return list(regions) or default_selection(region, scores.peers.get(region, []))


class Comparison(NamedTuple):
    """What Vergelijken shows of one selection: the profile heatmap and the table."""

    chart: Chart
    table_html: str


def comparison_for(
    snap: Snapshot,
    scores: Scores,
    regions: tuple[str, ...],
    goal: int,
    region: str,
    lang: str = "nl",
) -> Comparison:
    """The profile heatmap and the comparison table (an accessible HTML table) of a selection,
    both from one profile frame (a tuple, so the result can be cached; () is the region's
    default selection): the frame walks every indicator of the goal for every chosen region."""
    names = region_names(snap, lang=lang)
    selection = chosen_regions(scores, regions, region)
    frame = profile(scores, snap.observations, selection, goal, names, lang)
    title = profile_finding(frame, focus_of(selection, region), goal, names, lang)
    table = compare_table(frame, scores, selection, goal, names, lang, snapshot_year(snap))
    return Comparison(
        profile_heatmap(frame, goal, title, lang),
        html_table(table, t("vg_table_heading", lang)),
    )
