"""Methode & bronnen: the scoring method, its sensitivity, every source and the data
decisions (no Streamlit)."""

from __future__ import annotations

import math
from typing import NamedTuple

import pandas as pd

from indicators import catalog, scoring
from indicators.formatting import format_number, join_words
from indicators.regions import DRENTHE, FOCUS_MUNICIPALITIES, ZOD
from indicators.snapshot import Snapshot, snapshot_date
from indicators.ui_text import t
from indicators.views.common import QUARTILE_ICON, QUARTILE_KEYS, region_names

SENSITIVITY_REGIONS = (*FOCUS_MUNICIPALITIES, ZOD, DRENTHE)

# The formulas of the method (rendered with st.latex; text we control, not data).
FORMULA_Z = (
    r"z_{i,m,t} = d_i \cdot \frac{x_{i,m,t} - x_{i,\mathrm{NL},t}}{s_i}, "
    r"\qquad -3 \le z \le 3"
)

FORMULA_SCORE = r"\text{score}_{m} = 5 + \tfrac{5}{3}\,\bar z_{m}, \qquad 0 \le \text{score} \le 10"


def ranked_counts(scores: scoring.Scores) -> dict[int, int]:
    """Per goal: how many municipalities have an actueel score (the 'n' of 'plaats x van n')."""
    counts = scores.actueel.groupby("goal")["n_ranked"].max()
    return {int(goal): int(n) for goal, n in counts.items()}


def per_year_scored_years(scores: scoring.Scores) -> list[int]:
    """Years of the per-jaar view in which at least one goal score could be given."""
    ok = scores.per_jaar[scores.per_jaar["status"] == "ok"]
    return sorted(int(y) for y in ok["year"].unique())


def context_table(lang: str = "nl") -> pd.DataFrame:
    """The indicators shown but not scored, with their level and the catalog's note."""
    rows = [
        {
            t("m_col_indicator", lang): ind.name(lang),
            t("m_col_goal", lang): catalog.GOALS[ind.goal][lang],
            t("m_col_level", lang): ind.level,
            t("m_col_unit", lang): ind.unit_text(lang),
            t("m_col_note", lang): ind.caveats_text(lang),
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
            t("m_col_score", lang): [format_number(v, 1, lang=lang) for v in rows["score"]],
            t("m_col_loo", lang): [
                f"{format_number(lo, 1, lang=lang)} – {format_number(hi, 1, lang=lang)}"
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
            rho_pct=format_number(rho_pct, 2, lang=lang),
            rho_minmax=format_number(rho_minmax, 2, lang=lang),
            quartiles=quartiles,
            loo=format_number(float(shift.max()), 1, lang=lang),
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
                t("m_col_rows", lang): "–"
                if rows_read is None
                else format_number(rows_read, lang=lang),
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


class MethodeView(NamedTuple):
    """Everything on Methode & bronnen that is computed from the data: built once per
    language (none of it depends on the chosen region)."""

    scored_years: list[int]
    context: pd.DataFrame
    sensitivity: list[tuple[int, str, pd.DataFrame]]
    ranked_counts: dict[int, int]
    build_info: dict[str, str]
    sources: pd.DataFrame
    derived: tuple[int, str]
    boundaries: pd.DataFrame


def methode_for(snap: Snapshot, scores: scoring.Scores, lang: str = "nl") -> MethodeView:
    """The page's tables and sentences (a builder for the pages' view cache: the sensitivity
    rescored every goal three ways, the tables walked every source)."""
    sens = scoring.sensitivity(scores)
    names = region_names(snap, lang=lang)
    sentences = sensitivity_sentences(sens, names, lang)
    return MethodeView(
        per_year_scored_years(scores),
        context_table(lang),
        [(g, text, sensitivity_table(sens, names, lang, goal=g)) for g, text in sentences.items()],
        ranked_counts(scores),
        build_info(snap),
        source_table(snap, lang),
        derived_summary(snap),
        boundary_table(snap, lang),
    )
