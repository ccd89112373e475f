"""Ambities: the view models of the page (no Streamlit): the editable table's options, the
progress per target, the what-if per goal with each target's contribution, and the two
scenarios for ZOD, all as tables of words and numbers that carry their year.

The rules are elsewhere: the target model and progress in ``targets``, the what-if in
``scoring.what_if``. Builders (``*_for``) take the targets as a tuple, so they can be cached.
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from dataclasses import dataclass, field

import pandas as pd

from indicators import catalog, targets
from indicators.formatting import STATUS_MARK, format_number, format_signed, join_words
from indicators.regions import ZOD
from indicators.scoring import Scores
from indicators.snapshot import Snapshot
from indicators.targets import Target
from indicators.ui_text import t
from indicators.views.common import QUARTILE_KEYS, region_names


def indicator_options() -> list[str]:
    """The scored indicators a target can be set on, by goal and then name."""
    chosen = catalog.scored_indicators()
    return [i.id for i in sorted(chosen, key=lambda i: (i.goal, i.name_nl.lower()))]


def indicator_label(indicator: str, lang: str = "nl") -> str:
    """'3 · Netto arbeidsparticipatie (%)': goal, name and unit, for the table's selectbox."""
    ind = catalog.BY_ID.get(indicator)
    if ind is None:
        return str(indicator)
    return f"{ind.goal} · {ind.name(lang)} ({ind.unit_text(lang)})"


def basis_label(basis: str, lang: str = "nl") -> str:
    key = f"amb_basis_{basis}"
    return t(key, lang) if basis in targets.BASES else str(basis)


def _unit(ind: catalog.Indicator, lang: str) -> str:
    return "" if ind.unit == "aantal" else f"\u00a0{ind.unit_text(lang)}"


def value_with_unit(value: float, indicator: str, lang: str, short: bool = False) -> str:
    """'70,0 %'; ``short`` leaves out a unit the indicator's name already holds ('WW-uitkeringen
    per 1.000 inwoners': 30,4)."""
    ind = catalog.BY_ID[indicator]
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return "–"
    unit = "" if short and ind.unit_text(lang) in ind.name(lang) else _unit(ind, lang)
    return format_number(value, ind.decimals, lang) + unit


def _difference_unit(ind: catalog.Indicator, lang: str) -> str:
    """The unit of a difference: percentage points for a percentage."""
    return f"\u00a0{t('amb_pp', lang)}" if ind.unit == "%" else _unit(ind, lang)


def _signed(value: float, indicator: str, lang: str, extra: int = 0) -> str:
    ind = catalog.BY_ID[indicator]
    return format_signed(value, ind.decimals + extra, lang) + _difference_unit(ind, lang)


def target_text(row: pd.Series, lang: str, short: bool = False) -> str:
    """'70,0 % in 2030', or '1,3 km in 2030 (Drenthe, cijfer 2024)' for a relative target."""
    value = value_with_unit(row["target"], row["indicator"], lang, short)
    if row["basis"] == "waarde":
        return t("amb_target_in_year", lang, value=value, year=int(row["target_year"]))
    reference = row["reference_year"]
    return t(
        "amb_target_relative",
        lang,
        value=value,
        year=int(row["target_year"]),
        basis=t(f"amb_basis_short_{row['basis']}", lang),
        reference="–" if reference is None or pd.isna(reference) else int(reference),
    )


def now_text(row: pd.Series, lang: str, short: bool = False) -> str:
    """'69,1 % (2022)', with the status mark of a provisional or derived figure."""
    if row["year"] is None or pd.isna(row["year"]):
        return t("amb_no_value", lang)
    mark = STATUS_MARK.get(str(row["status"]), "")
    value = value_with_unit(row["value"], row["indicator"], lang, short)
    return f"{value} ({int(row['year'])}{mark})"


def gap_text(row: pd.Series, lang: str) -> str:
    if row["year"] is None or pd.isna(row["year"]) or pd.isna(row["gap"]):
        return "–"
    ind = catalog.BY_ID[row["indicator"]]
    size = format_number(abs(float(row["gap"])), ind.decimals, lang) + _difference_unit(ind, lang)
    if bool(row["reached_now"]):
        return t("amb_gap_reached", lang, gap=_signed(float(row["gap"]), ind.id, lang))
    return t("amb_gap_up" if row["gap"] > 0 else "amb_gap_down", lang, gap=size)


def needed_text(row: pd.Series, lang: str) -> str:
    if row["year"] is None or pd.isna(row["year"]) or bool(row["reached_now"]):
        return "–"
    if pd.isna(row["needed_per_year"]):
        return t("amb_needed_now", lang)
    return t(
        "amb_needed",
        lang,
        value=_signed(float(row["needed_per_year"]), row["indicator"], lang, extra=1),
        first=int(row["year"]),
        last=int(row["target_year"]),
    )


def trend_text(row: pd.Series, lang: str) -> str:
    if pd.isna(row["slope"]):
        return t("amb_trend_none", lang, n=int(row["n_years"] or 0))
    ind = row["indicator"]
    return t(
        "amb_trend",
        lang,
        value=_signed(float(row["slope"]), ind, lang, extra=1),
        low=format_signed(float(row["low"]), catalog.BY_ID[ind].decimals + 1, lang),
        high=format_signed(float(row["high"]), catalog.BY_ID[ind].decimals + 1, lang),
        first=int(row["first_year"]),
        last=int(row["last_year"]),
        n=int(row["n_years"]),
    )


def verdict_text(row: pd.Series, lang: str) -> str:
    """'op koers', 'niet op koers: trend komt in 2030 op 68,0 %', '... (nu al bereikt)'."""
    words = t(targets.VERDICT_KEYS[str(row["verdict"])], lang)
    if row["verdict"] == targets.OFF_TRACK and not pd.isna(row["projected"]):
        words = t(
            "amb_verdict_projection",
            lang,
            verdict=words,
            year=int(row["target_year"]),
            value=value_with_unit(float(row["projected"]), row["indicator"], lang),
        )
    if bool(row["reached_now"]):
        words = t("amb_verdict_reached", lang, verdict=words)
    return words


def progress_table(frame: pd.DataFrame, names: dict[str, str], lang: str = "nl") -> pd.DataFrame:
    """The progress of :func:`targets.progress` in words: one row per target."""
    rows = []
    for _, row in frame.iterrows():
        rows.append(
            {
                t("amb_col_indicator", lang): catalog.BY_ID[row["indicator"]].name(lang),
                t("amb_col_region", lang): names.get(row["region"], row["region"]),
                t("amb_pcol_target", lang): target_text(row, lang),
                t("amb_pcol_now", lang): now_text(row, lang),
                t("amb_pcol_gap", lang): gap_text(row, lang),
                t("amb_pcol_needed", lang): needed_text(row, lang),
                t("amb_pcol_trend", lang): trend_text(row, lang),
                t("amb_pcol_verdict", lang): verdict_text(row, lang),
                t("amb_col_note", lang): row["note"],
            }
        )
    columns = [
        t(k, lang)
        for k in (
            "amb_col_indicator",
            "amb_col_region",
            "amb_pcol_target",
            "amb_pcol_now",
            "amb_pcol_gap",
            "amb_pcol_needed",
            "amb_pcol_trend",
            "amb_pcol_verdict",
            "amb_col_note",
        )
    ]
    return pd.DataFrame(rows, columns=columns)


def _quartile(value: str, lang: str) -> str:
    return t(QUARTILE_KEYS[value], lang) if value in QUARTILE_KEYS else "–"


def _score(value: float, lang: str) -> str:
    return t("insufficient", lang) if pd.isna(value) else format_number(value, 1, lang)


def whatif_table(
    goals: pd.DataFrame, names: dict[str, str], lang: str = "nl", scenario: bool = False
) -> pd.DataFrame:
    """Per region and goal: the score now and with the targets (or in the scenario), the
    change, the rank and quarter now → after, and how many targets (indicators) moved."""
    rows = []
    for _, row in goals.iterrows():
        rank = "–"
        if not pd.isna(row["rank_now"]) and not pd.isna(row["rank_with_targets"]):
            rank = t(
                "amb_rank_change",
                lang,
                now=int(row["rank_now"]),
                after=int(row["rank_with_targets"]),
                n=int(row["n_ranked"]),
            )
        change = row["score_with_targets"] - row["score_now"]
        change = 0.0 if abs(change) < 0.005 else change  # no '-0,00' for nothing
        rows.append(
            {
                t("amb_col_region", lang): names.get(row["region"], row["region"]),
                t("amb_wcol_goal", lang): f"{int(row['goal'])}. "
                + catalog.GOALS[int(row["goal"])][lang],
                t("amb_wcol_now", lang): _score(row["score_now"], lang),
                t("amb_wcol_scenario" if scenario else "amb_wcol_with", lang): _score(
                    row["score_with_targets"], lang
                ),
                t("amb_wcol_change", lang): "–"
                if pd.isna(change)
                else format_signed(float(change), 2, lang),
                t("amb_wcol_rank", lang): rank,
                t("amb_wcol_quartile", lang): f"{_quartile(row['quartile_now'], lang)} → "
                f"{_quartile(row['quartile_with_targets'], lang)}",
                t("amb_wcol_n_scenario" if scenario else "amb_wcol_n", lang): int(row["n_targets"]),
            }
        )
    return pd.DataFrame(rows)


def contributions_table(
    contrib: pd.DataFrame, names: dict[str, str], lang: str = "nl"
) -> pd.DataFrame:
    """Per moved indicator: its value now (year), the target, z now → with the target, its
    weight in the goal score and its contribution in score points."""
    rows = []
    for _, row in contrib.iterrows():
        ind = str(row["indicator"])
        rows.append(
            {
                t("amb_col_region", lang): names.get(row["region"], row["region"]),
                t("amb_wcol_goal", lang): int(row["goal"]),
                t("amb_col_indicator", lang): catalog.BY_ID[ind].name(lang),
                t("amb_ccol_now", lang): f"{value_with_unit(row['value'], ind, lang)} "
                f"({int(row['year'])})",
                t("amb_ccol_target", lang): value_with_unit(row["target"], ind, lang),
                t("amb_ccol_z", lang): f"{format_signed(float(row['z']), 2, lang)} → "
                f"{format_signed(float(row['z_target']), 2, lang)}",
                t("amb_ccol_weight", lang): format_number(float(row["weight"]), 3, lang),
                t("amb_ccol_points", lang): format_signed(float(row["points"]), 2, lang),
            }
        )
    return pd.DataFrame(rows)


@dataclass
class WhatIfView:
    """What the page shows of a what-if: the goal table, the contributions, the names of
    targets left out (no current value), and the raw numbers for the download."""

    table: pd.DataFrame
    contributions: pd.DataFrame
    skipped: list[str] = field(default_factory=list)
    data: pd.DataFrame = field(default_factory=pd.DataFrame)


def _data(goals: pd.DataFrame, names: dict[str, str]) -> pd.DataFrame:
    out = goals.copy()
    out.insert(2, "region_name", out["region"].map(names))
    out.insert(1, "goal_name", out["goal"].map(lambda g: catalog.GOALS[int(g)]["nl"]))
    return out


# --- builders ---------------------------------------------------------------------------


def progress_data_for(snap: Snapshot, scores: Scores, chosen: tuple[Target, ...]) -> pd.DataFrame:
    """:func:`targets.progress` of the chosen targets (raw numbers: the CSV download)."""
    return targets.progress(snap, scores, chosen)


def progress_for(
    snap: Snapshot, scores: Scores, chosen: tuple[Target, ...], lang: str = "nl"
) -> pd.DataFrame:
    """The progress table in words."""
    frame = targets.progress(snap, scores, chosen)
    return progress_table(frame, region_names(snap, lang=lang), lang)


def whatif_for(
    snap: Snapshot, scores: Scores, chosen: tuple[Target, ...], lang: str = "nl"
) -> WhatIfView:
    """The what-if of the chosen targets, every region that has targets."""
    names = region_names(snap, lang=lang)
    goals, contrib = targets.what_if(snap, scores, chosen)
    moved = set(zip(contrib["region"], contrib["indicator"], strict=True))
    # A target whose region has no current figure (or whose reference has none) moves nothing.
    skipped = [
        f"{catalog.BY_ID[x.indicator].name(lang)} ({names.get(x.region, x.region)})"
        for x in chosen
        if (x.region, x.indicator) not in moved
    ]
    return WhatIfView(
        whatif_table(goals, names, lang),
        contributions_table(contrib, names, lang),
        skipped,
        _data(goals, region_names(snap)),
    )


def scenario_for(snap: Snapshot, scores: Scores, name: str, lang: str = "nl") -> WhatIfView:
    """One of the two input-free scenarios for ZOD."""
    names = region_names(snap, lang=lang)
    goals, contrib = targets.scenario(snap, scores, name, ZOD)
    return WhatIfView(
        whatif_table(goals, names, lang, scenario=True),
        contributions_table(contrib, names, lang),
        [],
        _data(goals, region_names(snap)).assign(scenario=name),
    )


def region_summary(chosen: Iterable[Target], names: dict[str, str], lang: str = "nl") -> str:
    """'Emmen en Zuid- en Oost-Drenthe': the regions with targets."""
    regions = list(dict.fromkeys(x.region for x in chosen))
    return join_words([names.get(r, r) for r in regions], lang)


# --- the slide and the factsheet ----------------------------------------------------------------


def slide_progress(frame: pd.DataFrame, lang: str = "nl") -> pd.DataFrame:
    """:func:`targets.progress` as the slide's table prints it: indicator, name, target (with
    its year), now (with its year), verdict in words, verdict_code."""
    return pd.DataFrame(
        {
            "indicator": frame["indicator"],
            "name": [catalog.BY_ID[i].name(lang) for i in frame["indicator"]],
            "target": [target_text(r, lang, short=True) for _, r in frame.iterrows()],
            "now": [now_text(r, lang, short=True) for _, r in frame.iterrows()],
            "verdict": [verdict_text(r, lang) for _, r in frame.iterrows()],
            "verdict_code": frame["verdict"],
        }
    )


@dataclass
class Ambition:
    """What the slide and the factsheet show of one region's targets."""

    goals: pd.DataFrame  # scoring.what_if's goal table
    contributions: pd.DataFrame
    progress: pd.DataFrame  # targets.progress
    n_on_track: int


def ambition(
    snap: Snapshot, scores: Scores, chosen: Iterable[Target], region: str
) -> Ambition | None:
    """The what-if and the progress of the region's targets, or None without targets."""
    own = [x for x in chosen if x.region == region]
    if not own:
        return None
    goals, contrib = targets.what_if(snap, scores, own)
    progress = targets.progress(snap, scores, own)
    return Ambition(
        goals[goals["region"] == region].reset_index(drop=True),
        contrib,
        progress,
        int((progress["verdict"] == targets.ON_TRACK).sum()),
    )


def ambition_finding(found: Ambition, region_name: str, lang: str = "nl") -> str:
    """The slide's sentence: the goal that moves most, and how many targets are on track."""
    goals = found.goals.dropna(subset=["score_now", "score_with_targets"])
    change = (goals["score_with_targets"] - goals["score_now"]).abs()
    n = len(found.progress)
    one = "_one" if n == 1 else ""
    verdict = t(f"amb_verdict_clause_{found.progress['verdict'].iloc[0]}", lang)
    counts = {"n": n, "on_track": found.n_on_track} if n != 1 else {"verdict": verdict}
    if goals.empty or change.max() < 0.05:
        return t(f"amb_slide_finding_flat{one}", lang, region=region_name, **counts)
    top = goals.loc[change.idxmax()]
    return t(
        f"amb_slide_finding{one}",
        lang,
        region=region_name,
        goal=int(top["goal"]),
        now=format_number(top["score_now"], 1, lang),
        after=format_number(top["score_with_targets"], 1, lang),
        rank=t(
            "amb_rank_change",
            lang,
            now=int(top["rank_now"]),
            after=int(top["rank_with_targets"]),
            n=int(top["n_ranked"]),
        ),
        **counts,
    )


def ambition_notes(found: Ambition, lang: str = "nl") -> str:
    """Speaker notes: every target with its value now, the target and the verdict."""
    lines = []
    for _, row in found.progress.iterrows():
        lines.append(
            t(
                "amb_note_line",
                lang,
                name=catalog.BY_ID[row["indicator"]].name(lang),
                now=now_text(row, lang),
                target=target_text(row, lang),
                verdict=verdict_text(row, lang),
            )
        )
    return "\n".join(lines)


def ambition_lines(found: Ambition, lang: str = "nl", n: int = 3) -> tuple[str, list[str], int]:
    """The factsheet's section: one sentence on the goal scores with the targets met, the
    ``n`` targets that move the score most (value now, target, verdict), and how many more."""
    goals = found.goals[found.goals["n_targets"] > 0]
    parts = [
        t(
            "amb_fs_goal",
            lang,
            goal=int(row["goal"]),
            now=_score(row["score_now"], lang),
            after=_score(row["score_with_targets"], lang),
            rank_now="–" if pd.isna(row["rank_now"]) else int(row["rank_now"]),
            rank_after="–" if pd.isna(row["rank_with_targets"]) else int(row["rank_with_targets"]),
        )
        for _, row in goals.iterrows()
    ]
    n = len(found.progress)
    key = "amb_fs_scores_one" if n == 1 else "amb_fs_scores"
    summary = (
        t(key, lang, n=n, goals="; ".join(parts) or "–")
        if n != 1
        else t(key, lang, goals="; ".join(parts) or "–")
    )
    size = found.contributions.set_index("indicator")["points"].abs()
    order = found.progress.assign(
        _size=found.progress["indicator"].map(size).fillna(-1.0)
    ).sort_values("_size", ascending=False, kind="stable")
    lines = [
        t(
            "amb_fs_line",
            lang,
            name=catalog.BY_ID[row["indicator"]].name(lang),
            now=now_text(row, lang, short=True),
            target=value_with_unit(row["target"], row["indicator"], lang, short=True),
            year=int(row["target_year"]),
            verdict=t(targets.VERDICT_KEYS[str(row["verdict"])], lang)
            + (f" ({t('amb_reached', lang)})" if bool(row["reached_now"]) else ""),
        )
        for _, row in order.head(n).iterrows()
    ]
    return summary, lines, max(len(order) - n, 0)


def findings_for(
    snap: Snapshot, scores: Scores, chosen: tuple[Target, ...], lang: str = "nl"
) -> list[str]:
    """One sentence per region with targets (the slide's finding): the goal that moves most
    and how many targets are on track."""
    names = region_names(snap, lang=lang)
    out = []
    for region in targets.TARGET_REGIONS:
        found = ambition(snap, scores, chosen, region)
        if found is not None:
            out.append(ambition_finding(found, names.get(region, region), lang))
    return out
