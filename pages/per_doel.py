"""Per doel: the goal score of the chosen region and every indicator behind it."""

from __future__ import annotations

import functools
import math

import streamlit as st

from indicators import catalog
from indicators.formatting import format_number, marks_legend
from indicators.regions import ZOD
from indicators.snapshot import DATED_AFTER_YEARS, is_dated, snapshot_year
from indicators.state import GOAL_CHOICES
from indicators.ui_text import t
from indicators.views.common import (
    goal_card_for,
    indicator_card_for,
    missing_regions,
    quartile_label,
    series_for,
    series_frame_for,
    series_image_for,
    series_regions,
    trend_for,
)
from indicators.views.per_doel import (
    contribution_for,
    contribution_image_for,
    contributions_for,
    default_detail,
    goal_table_html_for,
    missing_indicators,
)
from pages import shared

lang, snap, scores, state, region, names = shared.start_page()
peers = scores.peers.get(region, [])

goal = st.radio(
    t("pd_goal_select", lang),
    options=list(GOAL_CHOICES),
    index=list(GOAL_CHOICES).index(state.doel),
    format_func=lambda g: t("pd_goal_option", lang, goal=g, name=catalog.GOALS[g][lang]),
    horizontal=True,
    key="per_doel_doel",
)
if st.query_params.get("doel") != str(goal):
    st.query_params["doel"] = str(goal)

st.title(t("pd_title", lang, goal=catalog.GOALS[goal][lang]))
st.markdown(t("pd_intro", lang, region=names[region]))

# --- the goal score -------------------------------------------------------------------------
card = shared.cached_view(goal_card_for, region, goal)
score = float(card["score"])
ok = bool(card["ok"]) and not math.isnan(score)
left, right = st.columns([1, 3])
left.metric(
    t("pd_score_label", lang, region=names[region]),
    format_number(score, 1, lang) if ok else t("insufficient", lang),
    delta=t("pd_delta_nl", lang, delta=format_number(score - 5, 1, lang)) if ok else None,
)
with right:
    shared.captions(
        t(
            "pd_score_caption",
            lang,
            rank=t("rank_of", lang, rank=card["rank"], n=card["n_ranked"]),
            quartile=quartile_label(str(card["quartile"]), lang),
            bottom=t("bottom_count", lang, n=card["n_bottom"]),
            years=card["years"],
            n=card["n_indicators"],
            total=card["n_total"],
        )
        if ok
        else "",
        t("nl_reference", lang),
        t("quartile_note", lang),
        t("pd_zod_rank_note", lang) if region == ZOD else "",
    )

# --- contributions ----------------------------------------------------------------------------
scored = catalog.scored_indicators(goal)
context = catalog.context_indicators(goal)
contrib = shared.cached_view(contributions_for, region, goal)
contribution = shared.cached_view(contribution_for, region, goal, lang)
# the chart is the same for every region (only its figures change); the finding is above it
shared.text_block(shared.heading(t("pd_contrib_heading", lang)), shared.finding(contribution.title))
shared.show_chart(
    contribution,
    f"per_doel_contrib_{goal}",
    functools.partial(contribution_image_for, snap, scores, region, goal, lang),
)
missing = missing_indicators(contrib, scored)
shared.captions(
    t("pd_contrib_caption", lang),
    t("pd_missing", lang, region=names[region], names=", ".join(i.name(lang) for i in missing))
    if missing
    else "",
)

# --- the tables -------------------------------------------------------------------------------
# The chosen region is the first column after the indicator names.
st.subheader(t("pd_table_heading", lang))
st.html(shared.cached_view(goal_table_html_for, region, goal, True, lang))
st.caption(
    t(
        "pd_table_caption",
        lang,
        region=names[region],
        peers=", ".join(names.get(p, p) for p in peers),
        marks=marks_legend(lang),
    )
)
st.subheader(t("pd_context_heading", lang))
if context:
    st.html(shared.cached_view(goal_table_html_for, region, goal, False, lang))
else:
    st.caption(t("pd_no_context", lang))

# --- one indicator over time ----------------------------------------------------------------
st.subheader(t("pd_detail_heading", lang))
options = [i.id for i in (*scored, *context)]
# A link's (or another page's) indicator opens here when it belongs to this goal.
linked = "indicator" in st.query_params and state.indicator in options
first = state.indicator if linked else default_detail(contrib, options)
chosen = st.selectbox(
    t("pd_detail_select", lang),
    options=options,
    index=options.index(first),
    format_func=lambda i: catalog.BY_ID[i].name(lang),
    key=f"per_doel_indicator_{goal}",
)
ind = catalog.BY_ID[chosen]
if st.query_params.get("indicator") != ind.id:
    st.query_params["indicator"] = ind.id  # Kaart and Verkennen open on it next
if ind.is_count:
    st.caption(t("vk_count_note", lang))
frame = shared.cached_view(series_frame_for, ind.id, region, True, lang)
newest = int(frame["year"].max()) if not frame.empty else None
if newest is not None and is_dated(newest, snapshot_year(snap)):
    st.caption(t("dated_note", lang, year=newest, n=DATED_AFTER_YEARS))
if frame.empty:
    st.info(t("no_data", lang))
else:
    shared.show_chart(
        shared.cached_view(series_for, ind.id, region, True, lang),
        "per_doel_series",
        functools.partial(series_image_for, snap, scores, ind.id, region, True, lang),
    )
absent = missing_regions(frame, series_regions(region, ind))
if absent:
    st.caption(t("vk_series_missing", lang, regions=", ".join(names[r] for r in absent)))
st.markdown(shared.cached_view(trend_for, ind.id, region, lang))
if card_box := shared.lazy_expander(t("pd_card_expander", lang), "per_doel_card_open"):
    card_box.markdown(shared.cached_view(indicator_card_for, ind.id, lang))
