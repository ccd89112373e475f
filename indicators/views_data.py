"""View models of the pages 'Data & downloads' and 'Methode & bronnen'.

Pure pandas over the snapshot, the scores and the sensitivity frame: the pages only lay out
what these return, and every function is testable without Streamlit.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable

import pandas as pd

from indicators import catalog, scoring
from indicators.export import TIDY_COLUMNS, tidy_dataset
from indicators.formatting import format_number
from indicators.regions import DRENTHE, FOCUS_MUNICIPALITIES, NEDERLAND, ZOD
from indicators.snapshot import Snapshot
from indicators.ui_text import t
from indicators.views import QUARTILE_ICON, QUARTILE_KEYS

FILE_PREFIX = "brede-welvaart-zod"
PREVIEW_ROWS = 8
# Columns that hold a year, a code-like number or a count of years: shown without a
# thousands separator (2015, not 2.015).
PLAIN_COLUMNS = frozenset({"year", "goal", "decimals", "year_min", "year_max"})
SENSITIVITY_REGIONS = (*FOCUS_MUNICIPALITIES, ZOD, DRENTHE)
FOCUS_ORDER = (*FOCUS_MUNICIPALITIES, ZOD, DRENTHE, NEDERLAND)
# The formulas of the method (rendered with st.latex; text we control, not data).
FORMULA_Z = (
    r"z_{i,m,t} = d_i \cdot \frac{x_{i,m,t} - x_{i,\mathrm{NL},t}}{s_i}, "
    r"\qquad -3 \le z \le 3"
)
FORMULA_SCORE = r"\text{score}_{m} = 5 + \tfrac{5}{3}\,\bar z_{m}, \qquad 0 \le \text{score} \le 10"


# --- downloads --------------------------------------------------------------------------------


def snapshot_date(snap: Snapshot) -> str:
    """The build date (YYYY-MM-DD) that goes into every file name."""
    return str(snap.manifest.get("built_at", ""))[:10] or "onbekend"


def slug(text: str) -> str:
    """'Zuid- en Oost-Drenthe' -> 'zuid-en-oost-drenthe' (file-name safe)."""
    return re.sub(r"[^0-9a-z]+", "-", text.lower()).strip("-")


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


def full_dataset(snap: Snapshot) -> pd.DataFrame:
    """Every observation with names and units, sorted by catalog order, region code and year
    (a researcher reads it top down; the selection below puts the chosen region first)."""
    return _order_rows(tidy_dataset(snap), [])


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


def selection_dataset(snap: Snapshot, region: str) -> pd.DataFrame:
    """All indicators for the chosen region with ZOD, Drenthe, Nederland and its wijken."""
    wanted = selection_regions(region, snap.regions)
    tidy = tidy_dataset(snap)
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


def _cell(value: object, decimals: int) -> str:
    if value is None or (isinstance(value, float) and math.isnan(value)) or value is pd.NA:
        return "–"
    if isinstance(value, bool):
        return str(value)
    if isinstance(value, (int, float)):
        return format_number(float(value), decimals)
    return str(value)


def _places(column: str, series: pd.Series) -> int:
    """Decimals for a numeric column: none for whole numbers (counts, ranks, population),
    one for percentiles, two otherwise (scores are stored with two)."""
    numbers = series.dropna().astype(float)
    if bool(((numbers % 1) == 0).all()):
        return 0
    return 1 if column == "percentile" else 2


def preview(frame: pd.DataFrame, n: int = PREVIEW_ROWS) -> pd.DataFrame:
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
            out[column] = [_cell(v, d) for v, d in zip(series, decimals, strict=True)]
        else:
            places = _places(str(column), frame[column])
            out[column] = [_cell(v, places) for v in series]
    return out


def ranked_counts(scores: scoring.Scores) -> dict[int, int]:
    """Per goal: how many municipalities have an actueel score (the 'n' of 'plaats x van n')."""
    counts = scores.actueel.groupby("goal")["n_ranked"].max()
    return {int(goal): int(n) for goal, n in counts.items()}


# --- methode ----------------------------------------------------------------------------------


def per_year_scored_years(scores: scoring.Scores) -> list[int]:
    """Years of the per-jaar view in which at least one goal score could be given."""
    ok = scores.per_jaar[scores.per_jaar["status"] == "ok"]
    return sorted(int(y) for y in ok["year"].unique())


def join_words(items: Iterable[str], lang: str = "nl") -> str:
    """'a', 'a en b', 'a, b en c' (and in English)."""
    words = list(items)
    if len(words) <= 1:
        return "".join(words)
    return ", ".join(words[:-1]) + f" {t('m_and', lang)} " + words[-1]


def context_indicators(lang: str = "nl") -> pd.DataFrame:
    """The indicators shown but not scored, with their level and the catalog's note."""
    rows = [
        {
            t("m_col_indicator", lang): ind.name_nl if lang == "nl" else ind.name_en,
            t("m_col_goal", lang): catalog.GOALS[ind.goal][lang],
            t("m_col_level", lang): ind.level,
            t("m_col_unit", lang): ind.unit,
            t("m_col_note", lang): ind.caveats,
        }
        for ind in catalog.INDICATORS
        if not ind.scored
    ]
    return pd.DataFrame(rows)


# Column widths (px) of the context table: the goal name fits, the note takes the rest.
CONTEXT_WIDTHS = {
    "m_col_indicator": 270,
    "m_col_goal": 300,
    "m_col_level": 80,
    "m_col_unit": 130,
    "m_col_note": 600,
}


def peer_names(region: str, groups: dict[str, list[str]], names: dict[str, str]) -> list[str]:
    """Names of the 'vergelijkbare gemeenten' of ``region`` (empty if it has none)."""
    return [names.get(code, code) for code in groups.get(region, [])]


def _quartile_text(label: object, lang: str) -> str:
    label = "" if label is None or (isinstance(label, float) and math.isnan(label)) else label
    key = QUARTILE_KEYS.get(str(label))
    if key is None:
        return "–"
    return f"{QUARTILE_ICON[str(label)]} {t(key, lang)}"


def _rank_text(value: object) -> str:
    if value is None or pd.isna(value):
        return "–"
    return str(int(value))  # type: ignore[call-overload]


def sensitivity_table(
    sens: pd.DataFrame, names: dict[str, str], lang: str = "nl", goal: int | None = None
) -> pd.DataFrame:
    """Per region (the four, ZOD, Drenthe) and goal: the score, rank and quarter under the
    three methods, and the leave-one-out score range, as Dutch-formatted text. With ``goal``
    only that goal, without the goal column (one table under each goal's sentence)."""
    order = {code: n for n, code in enumerate(SENSITIVITY_REGIONS)}
    rows = sens[sens["region"].isin(SENSITIVITY_REGIONS)].copy()
    if goal is not None:
        rows = rows[rows["goal"] == goal]
    rows["_o"] = rows["region"].map(order)
    rows = rows.sort_values(["goal", "_o"])
    out = pd.DataFrame(
        {
            t("m_col_goal", lang): rows["goal"].astype(int).astype(str).to_numpy(),
            t("m_col_region", lang): rows["region"].map(names).to_numpy(),
            t("m_col_score", lang): [format_number(v, 1) for v in rows["score"]],
            t("m_col_loo", lang): [
                f"{format_number(lo, 1)} – {format_number(hi, 1)}"
                for lo, hi in zip(rows["loo_min"], rows["loo_max"], strict=True)
            ],
        }
        | {
            t(f"m_col_method_{method}", lang): [
                f"{_rank_text(rank)} · {_quartile_text(quartile, lang)}"
                for rank, quartile in zip(
                    rows[f"rank_{method}"], rows[f"quartile_{method}"], strict=True
                )
            ]
            for method in ("z", "pct", "minmax")
        }
    )
    return out.drop(columns=t("m_col_goal", lang)) if goal is not None else out


# Column widths (px) that let the sensitivity table fit the page without scrolling sideways.
SENSITIVITY_WIDTHS = {
    "m_col_goal": 50,
    "m_col_region": 160,
    "m_col_score": 60,
    "m_col_loo": 150,
    "m_col_method_z": 175,
    "m_col_method_pct": 175,
    "m_col_method_minmax": 175,
}


def stability_key(rho: float) -> str:
    """How to call a Spearman rho in words: ≥ 0,95 vrijwel gelijk, ≥ 0,85 grotendeels."""
    if math.isnan(rho):
        return "m_stable_low"
    if rho >= 0.95:
        return "m_stable_high"
    if rho >= 0.85:
        return "m_stable_mid"
    return "m_stable_low"


def quartile_changes(goal_rows: pd.DataFrame) -> list[tuple[str, list[str]]]:
    """(region, methods) for every region whose quarter differs from the z-score quarter."""
    changes = []
    for row in goal_rows.itertuples():
        methods = [
            method
            for method, column in (("pct", "quartile_pct"), ("minmax", "quartile_minmax"))
            if str(getattr(row, column)) != str(row.quartile_z)
        ]
        if methods:
            changes.append((str(row.region), methods))
    return changes


def sensitivity_sentences(
    sens: pd.DataFrame, names: dict[str, str], lang: str = "nl"
) -> dict[int, str]:
    """One sentence per goal: does the ranking hold (Spearman rho), whose quarter changes
    under another method, and how far leaving out one indicator moves a score."""
    rows = sens[sens["region"].isin(SENSITIVITY_REGIONS) & (sens["status"] == "ok")]
    order = {code: n for n, code in enumerate(SENSITIVITY_REGIONS)}
    sentences: dict[int, str] = {}
    for goal in sorted(int(g) for g in rows["goal"].unique()):
        part = rows[rows["goal"] == goal].assign(_o=lambda f: f["region"].map(order))
        part = part.sort_values("_o")
        rho_pct = float(part["rho_pct"].iloc[0])
        rho_minmax = float(part["rho_minmax"].iloc[0])
        changes = quartile_changes(part)

        def methods_text(methods: list[str]) -> str:
            return join_words((t(f"m_method_{m}", lang) for m in methods), lang)

        if not changes:
            quartiles = t("m_quartile_none", lang)
        elif len(changes) == 1:
            region, methods = changes[0]
            quartiles = t(
                "m_quartile_one",
                lang,
                region=names.get(region, region),
                methods=methods_text(methods),
            )
        else:
            items = [
                t("m_quartile_item", lang, region=names.get(r, r), methods=methods_text(m))
                for r, m in changes
            ]
            quartiles = t("m_quartile_many", lang, items=join_words(items, lang))
        shift = pd.concat(
            [part["score"] - part["loo_min"], part["loo_max"] - part["score"]], axis=1
        ).max(axis=1)
        worst = part.loc[shift.idxmax()]
        sentences[goal] = t(
            "m_sens_sentence",
            lang,
            goal=goal,
            name=catalog.GOALS[goal][lang],
            stability=t(stability_key(min(rho_pct, rho_minmax)), lang),
            rho_pct=format_number(rho_pct, 2),
            rho_minmax=format_number(rho_minmax, 2),
            quartiles=quartiles,
            loo=format_number(float(shift.max()), 1),
            loo_region=names.get(str(worst["region"]), str(worst["region"])),
        )
    return sentences


def year_span(years: pd.Series) -> str:
    """'2015–2025', '2015', or '' when there are none."""
    if years.empty:
        return ""
    low, high = int(years.min()), int(years.max())
    return str(low) if low == high else f"{low}–{high}"


def _is_geo(source: dict[str, object]) -> bool:
    return str(source.get("id", "")).startswith("geo-")


def source_table(snap: Snapshot, lang: str = "nl") -> pd.DataFrame:
    """Every data source of the manifest: table, title, years it covers in this snapshot
    (from the observations, not from the manifest), rows read, licence, note and link."""
    obs = snap.observations
    spans = {str(k): year_span(g) for k, g in obs.groupby("source")["year"]}
    none = t("m_no_data", lang)
    rows = []
    for src in snap.manifest.get("sources", []):
        if _is_geo(src):
            continue
        rows_read = src.get("rows_read")
        rows.append(
            {
                t("m_col_table", lang): str(src.get("table", "")),
                t("m_col_title", lang): str(src.get("title", "")),
                t("m_col_years", lang): spans.get(str(src.get("id")), "") or none,
                t("m_col_rows", lang): "–" if rows_read is None else format_number(rows_read),
                t("m_col_licence", lang): str(src.get("licence", "")),
                t("m_col_url", lang): str(src.get("url", "")),
                t("m_col_source_note", lang): str(src.get("note", "")),
            }
        )
    return pd.DataFrame(rows)


def boundary_table(snap: Snapshot, lang: str = "nl") -> pd.DataFrame:
    """The boundary (geometry) sources of the manifest."""
    rows = [
        {
            t("m_col_table", lang): str(src.get("table", "")),
            t("m_col_file", lang): "; ".join(str(f) for f in src.get("files", [])),
            t("m_col_licence", lang): str(src.get("licence", "")),
            t("m_col_url", lang): str(src.get("url", "")),
            t("m_col_source_note", lang): str(src.get("note", "")),
        }
        for src in snap.manifest.get("sources", [])
        if _is_geo(src)
    ]
    return pd.DataFrame(rows)


def derived_summary(snap: Snapshot) -> tuple[int, str]:
    """How many regional values we derived (source 'derived': ZOD, and Drenthe/Nederland where
    CBS has none) and which years they span. Rates computed per municipality from CBS counts
    keep their CBS source and are not counted here."""
    derived = snap.observations[snap.observations["source"] == "derived"]
    return len(derived), year_span(derived["year"])


def build_info(snap: Snapshot) -> dict[str, str]:
    """Snapshot date, build mode and licence line from the manifest."""
    manifest = snap.manifest
    built_from = manifest.get("built_from", {})
    mode = built_from.get("mode", "") if isinstance(built_from, dict) else ""
    return {
        "built": snapshot_date(snap),
        "mode": str(mode) or "–",
        "licence": str(manifest.get("licence", catalog.CBS_LICENCE)),
    }
