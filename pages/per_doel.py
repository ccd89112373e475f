"""Per doel: the goal score of the chosen region and every indicator behind it."""

from __future__ import annotations

import math

import streamlit as st

from indicators import catalog
from indicators.charts.indicator import contribution_for, series_for
from indicators.formatting import format_number
from indicators.regions import ZOD
from indicators.state import GOAL_CHOICES
from indicators.ui_text import t
from indicators.views import goal_cards, quartile_label
from indicators.views_indicator import (
    contributions,
    default_detail,
    goal_indicators,
    goal_table_for,
    indicator_card,
    indicator_name,
    is_count,
    missing_indicators,
    missing_regions,
    series_for_page,
    series_regions,
    trend_for,
)
from pages import shared

shared.ensure_entrypoint()
lang = shared.lang()
snap, scores = shared.snapshot(), shared.scores()
state = shared.view_state()
region = state.gemeente
names = shared.region_names()
peers = shared.scores().peers.get(region, [])

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
card = goal_cards(scores, region)[goal - 1]
score = float(card["score"])
ok = bool(card["ok"]) and not math.isnan(score)
left, right = st.columns([1, 3])
left.metric(
    t("pd_score_label", lang, region=names[region]),
    format_number(score, 1) if ok else t("insufficient", lang),
    delta=t("pd_delta_nl", lang, delta=format_number(score - 5, 1)) if ok else None,
)
with right:
    if ok:
        st.caption(
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
        )
    st.caption(t("nl_reference", lang))
    if region == ZOD:
        st.caption(t("pd_zod_rank_note", lang))

# --- contributions ----------------------------------------------------------------------------
scored = goal_indicators(goal, scored=True)
context = goal_indicators(goal, scored=False)
contrib = contributions(scores, region, goal)
st.subheader(t("pd_contrib_heading", lang))
shared.show_chart(
    shared.cached_view(contribution_for, region, goal, lang), f"per_doel_contrib_{goal}"
)
st.caption(t("pd_contrib_caption", lang))
missing = missing_indicators(contrib, scored)
if missing:
    st.caption(
        t(
            "pd_missing",
            lang,
            region=names[region],
            names=", ".join(indicator_name(i, lang) for i in missing),
        )
    )

# --- the tables -------------------------------------------------------------------------------
# The indicator names stay in view when the wide table scrolls sideways; the chosen region
# is the first column after them.
pinned = {t("indicator", lang): st.column_config.TextColumn(pinned=True)}
st.subheader(t("pd_table_heading", lang))
table = shared.cached_view(goal_table_for, region, goal, True, lang)
st.dataframe(table, hide_index=True, column_config=pinned, height=36 * (len(table) + 1) + 3)
st.caption(
    t(
        "pd_table_caption",
        lang,
        region=names[region],
        peers=", ".join(names.get(p, p) for p in peers),
    )
)
st.subheader(t("pd_context_heading", lang))
if context:
    table = shared.cached_view(goal_table_for, region, goal, False, lang)
    st.dataframe(table, hide_index=True, column_config=pinned, height=36 * (len(table) + 1) + 3)
else:
    st.caption(t("pd_no_context", lang))

# --- one indicator over time ----------------------------------------------------------------
st.subheader(t("pd_detail_heading", lang))
options = [i.id for i in (*scored, *context)]
chosen = st.selectbox(
    t("pd_detail_select", lang),
    options=options,
    index=options.index(default_detail(contrib, options)),
    format_func=lambda i: indicator_name(catalog.BY_ID[i], lang),
    key=f"per_doel_indicator_{goal}_{region}",
)
ind = catalog.BY_ID[chosen]
if is_count(ind):
    st.caption(t("vk_count_note", lang))
frame = shared.cached_view(series_for_page, ind.id, region, True, lang)
if frame.empty:
    st.info(t("no_data", lang))
else:
    shared.show_chart(shared.cached_view(series_for, ind.id, region, True, lang), "per_doel_series")
absent = missing_regions(frame, series_regions(region, ind))
if absent:
    st.caption(t("vk_series_missing", lang, regions=", ".join(names[r] for r in absent)))
st.markdown(shared.cached_view(trend_for, ind.id, region, lang))
with st.expander(t("pd_card_expander", lang)):
    for label, text in indicator_card(ind, snap.observations, lang):
        st.markdown(f"**{label}:** {text}")
    if lang == "en":
        st.caption(t("vk_card_definition_nl_only", lang))
