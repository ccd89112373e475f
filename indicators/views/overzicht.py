"""Overzicht: the goal cards of the chosen region, the comparison of the four with ZOD,
Drenthe and Nederland, the population and the outlook towards 2050 (no Streamlit)."""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping
from html import escape

import pandas as pd

from indicators.charts import Chart
from indicators.charts.overview import goal_small_multiples, outlook_chart
from indicators.formatting import format_number, format_signed
from indicators.regions import DRENTHE, FOCUS_MUNICIPALITIES
from indicators.scoring import Scores
from indicators.snapshot import Snapshot, snapshot_year
from indicators.ui_text import t
from indicators.views.common import (
    comparison_scores,
    goal_cards,
    oldest_words,
    quartile_label,
    region_names,
    score_words,
    trend_words,
)


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


def goal_sentence(card: dict[str, object], region_name: str, lang: str = "nl") -> str:
    """One sentence that says what the numbers of a goal card mean."""
    name = card["name"][lang]  # type: ignore[index]
    if not card["ok"]:
        return t("sentence_insufficient", lang, region=region_name, goal=name)
    score = float(card["score"])  # type: ignore[arg-type]
    relation, quartile = score_words(score, str(card["quartile"]), lang)
    return t(
        "sentence_goal",
        lang,
        region=region_name,
        goal=name,
        score=format_number(score, 1, lang=lang),
        relation=relation,
        rank=card["rank"],
        n=card["n_ranked"],
        quartile=quartile,
        bottom=card["n_bottom"],
        total=card["n_indicators"],
        years=card["years"],
    )


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


# The goal cards and population figures are one block of HTML each. Why not st.metric in
# columns: every Streamlit element is a React component with its own markdown renderer and
# styled wrappers. The three cards and four population figures were 30 elements and about a
# sixth of the page's warm reload in the browser (measured with benchmarks/bench_app.py: warm
# 1.34x -> 1.17x the bare app). One element per block draws the same content. No library
# renders a metric card, so the markup is written here, kept small and semantic (sections,
# headings, a description list), with every value as text: the quartile colour and the arrows
# repeat what the words say, for colour-blind readers too. Everything from data is escaped.
QUARTILE_CLASS = {"bovenste kwart": "top", "midden": "middle", "onderste kwart": "bottom"}

TREND_ARROW = {"trend_better": "↗", "trend_worse": "↘", "trend_none": "→"}

# Borders in the Okabe-Ito colours of the charts; delta text in darker shades of the same
# two, which reach 4.5:1 on white (WCAG AA).
CARD_CSS = """
.bw-cards{display:grid;grid-template-columns:repeat(auto-fit,minmax(15rem,1fr));gap:1rem}
.bw-card{border:1px solid rgba(49,51,63,.2);border-left:.45rem solid #999;
border-radius:.5rem;padding:.75rem 1rem}
.bw-card.bw-q-top{border-left-color:#0072B2}
.bw-card.bw-q-bottom{border-left-color:#D55E00}
.bw-card h3{font-size:.9rem;font-weight:600;margin:0 0 .25rem;padding:0;line-height:1.3}
.bw-card p{margin:0 0 .4rem}
.bw-value{font-size:2.1rem;line-height:1.15}
.bw-delta{font-size:1rem;margin-left:.5rem;white-space:nowrap}
.bw-better{color:#005A8C}
.bw-worse{color:#A1400A}
.bw-meta{font-size:.85rem;opacity:.75}
"""

# Streamlit pads a ``dl`` inside st.html with a more specific rule, hence the one !important.
POPULATION_CSS = """
.bw-population{display:grid;grid-template-columns:repeat(auto-fit,minmax(9rem,1fr));
gap:.5rem 1rem;margin:0;padding:0!important}
.bw-population dt{font-size:.9rem;font-weight:400;margin:0;padding:0}
.bw-population dd{font-size:1.75rem;margin:0;padding:0}
"""


def goal_card_html(card: Mapping[str, object], region_name: str, lang: str = "nl") -> str:
    """One goal card: label, score with its distance to NL, rank line and sentence."""
    label = f"{t('goal', lang)} {card['goal']}: {card['name'][lang]}"  # type: ignore[index]
    score = float(card["score"])  # type: ignore[arg-type]
    ok = bool(card["ok"]) and not math.isnan(score)
    quartile = str(card["quartile"])
    parts = [
        f'<section class="bw-card bw-q-{QUARTILE_CLASS.get(quartile, "none")}" '
        f'aria-label="{escape(label)}">',
        f"<h3>{escape(label)}</h3>",
    ]
    if ok:
        delta = round(score - 5, 1)
        arrow, kind = ("▲ ", "better") if delta > 0 else ("▼ ", "worse") if delta < 0 else ("", "")
        parts.append(
            f'<p class="bw-value">{format_number(score, 1, lang=lang)} '  # a space for text readers
            f'<span class="bw-delta bw-{kind}">{arrow}{format_signed(delta, 1, lang=lang)} '
            f"{escape(t('vs_nl', lang))}</span></p>"
        )
        trend = str(card["trend"])
        meta = t(
            "card_caption",
            lang,
            rank=t("rank_of", lang, rank=card["rank"], n=card["n_ranked"]),
            quartile=quartile_label(quartile, lang),
            bottom=t("bottom_count", lang, n=card["n_bottom"]),
            trend=f"{TREND_ARROW.get(trend, '')} {trend_words(card, lang)}".strip(),
            years=card["years"],
            oldest=oldest_words(card, lang),
        )
        parts.append(f'<p class="bw-meta">{escape(meta)}</p>')
    else:
        parts.append(f'<p class="bw-value">{escape(t("insufficient", lang))}</p>')
    parts.append(f"<p>{escape(goal_sentence(card, region_name, lang))}</p></section>")  # type: ignore[arg-type]
    return "".join(parts)


def goal_cards_html(
    cards: Iterable[Mapping[str, object]], region_name: str, lang: str = "nl"
) -> str:
    """The three goal cards side by side (stacked on a narrow screen)."""
    body = "".join(goal_card_html(card, region_name, lang) for card in cards)
    return f'<style>{CARD_CSS}</style><div class="bw-cards">{body}</div>'


def population_html(names_and_values: Iterable[tuple[str, float]], lang: str = "nl") -> str:
    """Latest population per municipality as a description list (name, then number)."""
    items = "".join(
        f"<div><dt>{escape(name)}</dt><dd>{format_number(value, lang=lang)}</dd></div>"
        for name, value in names_and_values
    )
    return f'<style>{POPULATION_CSS}</style><dl class="bw-population">{items}</dl>'


# --- builders ---------------------------------------------------------------------------


def cards_for(snap: Snapshot, scores: Scores, region: str, lang: str = "nl") -> str:
    """The three goal cards of a region as HTML (cacheable per server)."""
    name = region_names(snap, lang=lang).get(region, region)
    return goal_cards_html(goal_cards(scores, region, snapshot_year(snap)), name, lang)


def population_for(snap: Snapshot, scores: Scores) -> pd.DataFrame:
    """:func:`latest_population` of the four (cacheable per server)."""
    del scores
    return latest_population(snap)


def comparison_for(snap: Snapshot, scores: Scores, lang: str = "nl") -> Chart:
    """The goal-score small multiple built from the snapshot and scores (cacheable)."""
    return goal_small_multiples(comparison_scores(scores, region_names(snap, lang=lang)), lang)


def outlook_for(snap: Snapshot, scores: Scores, lang: str = "nl") -> Chart:
    """The population-and-outlook chart built from the snapshot (cacheable)."""
    del scores
    return outlook_chart(outlook_series(snap), lang)
