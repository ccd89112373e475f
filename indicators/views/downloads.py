"""Data & downloads: the datasets a researcher takes away (no Streamlit): the full tidy
dataset, the selection of the chosen region, the goal scores now and per year, the codebook
and the regions, each with a self-explaining file name and a Dutch-formatted preview."""

from __future__ import annotations

import math

import pandas as pd

from indicators import catalog, scoring
from indicators.formatting import format_number, slug
from indicators.regions import DRENTHE, FOCUS_MUNICIPALITIES, NEDERLAND, ZOD
from indicators.scoring import Scores
from indicators.snapshot import Snapshot
from indicators.ui_text import t
from indicators.views.common import region_names

# The columns of the full tidy dataset, in order (the codebook describes each).
TIDY_COLUMNS = (
    "indicator",
    "indicator_name",
    "goal",
    "direction",
    "unit",
    "region",
    "region_name",
    "region_level",
    "year",
    "value",
    "status",
    "source",
    "table",
    "period",
)


def tidy_dataset(snap: Snapshot, lang: str = "nl") -> pd.DataFrame:
    """Observations with region names, indicator names, goal, direction and units, for a
    researcher; names, units, directions and statuses in ``lang`` (the ids stay)."""
    regions = snap.regions[["code", "name", "level"]].rename(
        columns={"code": "region", "name": "region_name", "level": "region_level"}
    )
    if lang != "nl":  # Nederland and the region have a name of their own in English
        translated = pd.Series(region_names(snap, lang))
        regions["region_name"] = regions["region"].map(translated).fillna(regions["region_name"])
    obs = snap.observations.merge(regions, on="region", how="left")
    # Looked up once per indicator and status, then mapped (a lookup per row took a second
    # for the 200 000 rows of the full dataset).
    ids = [catalog.BY_ID[i] for i in obs["indicator"].unique()]
    obs["indicator_name"] = obs["indicator"].map({i.id: i.name(lang) for i in ids})
    obs["goal"] = obs["indicator"].map({i.id: i.goal for i in ids}).astype("int64")
    directions = {i.id: t(f"direction_{i.direction}", lang) for i in ids}
    obs["direction"] = obs["indicator"].map(directions)
    obs["unit"] = obs["indicator"].map({i.id: i.unit_text(lang) for i in ids})
    statuses = {s: t(f"status_{s}", lang) for s in obs["status"].unique()}
    obs["status"] = obs["status"].map(statuses)
    return obs[list(TIDY_COLUMNS)]


FILE_PREFIX = "brede-welvaart-zod"

PREVIEW_ROWS = 8

# Columns that hold a year, a code-like number or a count of years: shown without a
# thousands separator (2015, not 2.015).
PLAIN_COLUMNS = frozenset({"year", "goal", "decimals", "year_min", "year_max"})

FOCUS_ORDER = (*FOCUS_MUNICIPALITIES, ZOD, DRENTHE, NEDERLAND)


def file_name(what: str, date: str, dutch_excel: bool = False) -> str:
    """Self-explaining file name: what it holds and the snapshot date."""
    suffix = "_excel-nl" if dutch_excel else ""
    return f"{FILE_PREFIX}_{slug(what)}_{date}{suffix}.csv"


def _order_rows(frame: pd.DataFrame, region_order: list[str]) -> pd.DataFrame:
    """Catalog order of indicators, then the given region order, then year."""
    ind_order = {ind.id: n for n, ind in enumerate(catalog.INDICATORS)}
    reg_order = {code: n for n, code in enumerate(region_order)}
    keyed = frame.assign(
        _i=frame["indicator"].map(ind_order).fillna(len(ind_order)),
        _r=frame["region"].map(reg_order).fillna(len(reg_order)),
    )
    return (
        keyed.sort_values(["_i", "_r", "region", "year"], kind="stable")
        .drop(columns=["_i", "_r"])
        .reset_index(drop=True)
    )


def full_dataset(snap: Snapshot, lang: str = "nl") -> pd.DataFrame:
    """Every observation with names and units, sorted by catalog order, region code and year
    (a researcher reads it top down; the selection below puts the chosen region first)."""
    return _order_rows(tidy_dataset(snap, lang), [])


def selection_regions(region: str, regions: pd.DataFrame) -> list[str]:
    """The chosen region, then ZOD, Drenthe, Nederland, then the wijken of the chosen
    municipality: what a user looking at ``region`` compares with. For ZOD the four
    municipalities it is made of follow it, and the wijken are those of all four."""
    if region == ZOD:
        base = [ZOD, *FOCUS_MUNICIPALITIES, DRENTHE, NEDERLAND]
    else:
        base = [region] + [r for r in (ZOD, DRENTHE, NEDERLAND) if r != region]
    owners = list(FOCUS_MUNICIPALITIES) if region == ZOD else [region]
    wijken = regions[(regions["level"] == "wijk") & regions["gemeente"].isin(owners)]
    return base + sorted(wijken["code"].astype(str))


def selection_dataset(snap: Snapshot, region: str, lang: str = "nl") -> pd.DataFrame:
    """All indicators for the chosen region with ZOD, Drenthe, Nederland and its wijken."""
    wanted = selection_regions(region, snap.regions)
    tidy = tidy_dataset(snap, lang)
    return _order_rows(tidy[tidy["region"].isin(wanted)], wanted)


def focus_first(
    frame: pd.DataFrame, before: tuple[str, ...] = (), after: tuple[str, ...] = ()
) -> pd.DataFrame:
    """Rows of the four municipalities, ZOD, Drenthe and Nederland first (within ``before``
    groups), the other regions after them by code: the preview then shows what this
    dashboard is about, and the file stays sorted."""
    order = {code: n for n, code in enumerate(FOCUS_ORDER)}
    column = "region" if "region" in frame.columns else "code"
    keyed = frame.assign(_f=frame[column].map(order).fillna(len(order)))
    return (
        keyed.sort_values([*before, "_f", column, *after], kind="stable")
        .drop(columns="_f")
        .reset_index(drop=True)
    )


def scores_actueel(scores: scoring.Scores, regions: pd.DataFrame) -> pd.DataFrame:
    """Goal scores actueel for every current municipality, ZOD, Drenthe and Nederland."""
    return focus_first(scoring.score_table(scores, regions), before=("goal",))


def scores_per_year(scores: scoring.Scores, regions: pd.DataFrame) -> pd.DataFrame:
    """Goal scores per year for the same regions, every year of the per-jaar view.

    The bottom-quarter count belongs to the actueel view only, so it is left out here rather
    than shipped as an empty column."""
    years = sorted(int(y) for y in scores.per_jaar["year"].unique())
    if not years:
        return scoring.score_table(scores, regions).iloc[0:0].drop(columns="n_bottom_quarter")
    frames = [scoring.score_table(scores, regions, year) for year in years]
    table = pd.concat(frames, ignore_index=True).drop(columns="n_bottom_quarter")
    return focus_first(table, before=("goal",), after=("year",))


def codebook(snap: Snapshot) -> pd.DataFrame:
    """The catalog as a table, with the years each indicator has in this snapshot."""
    return pd.DataFrame(catalog.catalog_rows(snap.observations))


def column_descriptions(lang: str = "nl") -> pd.DataFrame:
    """What each column of the tidy dataset means (the second half of the codebook)."""
    return pd.DataFrame(
        {
            t("dl_col_name", lang): list(TIDY_COLUMNS),
            t("dl_col_meaning", lang): [t(f"dl_col_{c}", lang) for c in TIDY_COLUMNS],
        }
    )


def regions_table(snap: Snapshot) -> pd.DataFrame:
    """The regions table of the snapshot, the focus regions first."""
    return focus_first(snap.regions)


def per_year_span(scores: scoring.Scores) -> str:
    """'2015–2025': the years of the per-jaar table."""
    years = scores.per_jaar["year"]
    if years.empty:
        return ""
    low, high = int(years.min()), int(years.max())
    return str(low) if low == high else f"{low}–{high}"


def _cell(value: object, decimals: int, lang: str = "nl") -> str:
    if value is None or (isinstance(value, float) and math.isnan(value)) or value is pd.NA:
        return "–"
    if isinstance(value, bool):
        return str(value)
    if isinstance(value, (int, float)):
        return format_number(float(value), decimals, lang)
    return str(value)


def _places(column: str, series: pd.Series) -> int:
    """Decimals for a numeric column: none for whole numbers (counts, ranks, population),
    one for percentiles, two otherwise (scores are stored with two)."""
    numbers = series.dropna().astype(float)
    if bool(((numbers % 1) == 0).all()):
        return 0
    return 1 if column == "percentile" else 2


def preview(frame: pd.DataFrame, n: int = PREVIEW_ROWS, lang: str = "nl") -> pd.DataFrame:
    """The first ``n`` rows as Dutch-formatted text (1.234,5), for a quick look.

    ``value`` gets the catalog's decimals of its indicator; other numeric columns get the
    decimals the whole column needs (not just the rows shown); years and goal numbers are
    written plainly. The download keeps the raw numbers."""
    head = frame.head(n).reset_index(drop=True)
    out = pd.DataFrame(index=head.index)
    for column in head.columns:
        series = head[column]
        if (
            column in PLAIN_COLUMNS
            or pd.api.types.is_bool_dtype(series)
            or not pd.api.types.is_numeric_dtype(series)
        ):
            out[column] = [("–" if pd.isna(v) else str(v)) for v in series]
        elif column == "value" and "indicator" in head.columns:
            decimals = [
                catalog.BY_ID[i].decimals if i in catalog.BY_ID else 2 for i in head["indicator"]
            ]
            out[column] = [_cell(v, d, lang) for v, d in zip(series, decimals, strict=True)]
        else:
            places = _places(str(column), frame[column])
            out[column] = [_cell(v, places, lang) for v in series]
    return out


# --- builders ---------------------------------------------------------------------------


DATASETS = ("all", "selection", "scores_now", "scores_year", "codebook", "columns", "regions")


def dataset_for(
    snap: Snapshot, scores: Scores, kind: str, arg: str = "", lang: str = "nl"
) -> pd.DataFrame:
    """The read-only frame behind a download in the reader's language (``arg``: the region
    for the selection); cacheable per server."""
    if kind == "all":
        return full_dataset(snap, lang)
    if kind == "selection":
        return selection_dataset(snap, arg, lang)
    if kind == "scores_now":
        return scores_actueel(scores, snap.regions)
    if kind == "scores_year":
        return scores_per_year(scores, snap.regions)
    if kind == "codebook":
        return codebook(snap)
    if kind == "columns":
        return column_descriptions(lang)
    if kind == "regions":
        return regions_table(snap)
    raise KeyError(f"Unknown dataset {kind!r}; known: {', '.join(DATASETS)}")


def preview_for(
    snap: Snapshot, scores: Scores, kind: str, arg: str, rows: int, lang: str = "nl"
) -> pd.DataFrame:
    """:func:`preview` of a dataset (a builder for the view cache: formatting the rows and
    the decimals per column is redone otherwise on every run, for seven datasets)."""
    return preview(dataset_for(snap, scores, kind, arg, lang), rows, lang)
