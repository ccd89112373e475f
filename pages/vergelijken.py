"""Vergelijken: chosen municipalities and regions side by side on every scored indicator of a
goal, against Nederland."""

from __future__ import annotations

import streamlit as st

from indicators import catalog
from indicators.formatting import marks_legend
from indicators.state import GOAL_CHOICES
from indicators.ui_text import t
from indicators.views.vergelijken import (
    MAX_COMPARE,
    comparison_for,
    default_selection,
)
from pages import shared

lang, snap, scores, state, region, names = shared.start_page()

st.title(t("vg_title_page", lang))
st.markdown(t("vg_intro", lang))

goal = st.segmented_control(
    t("vg_goal_select", lang),
    options=list(GOAL_CHOICES),
    default=state.doel,
    format_func=lambda g: t("vg_goal_option", lang, goal=g, name=catalog.GOALS[g][lang]),
    key="vergelijken_doel",
)
default_regions = default_selection(region, scores.peers.get(region, []))
selection = st.multiselect(
    t("vg_select", lang, n=MAX_COMPARE),
    options=shared.url_choices()[1],  # what can be compared, once per server
    default=list(state.vergelijk or default_regions),
    format_func=lambda code: names.get(code, code),
    max_selections=MAX_COMPARE,
    help=t("vg_select_help", lang, region=names[region]),
    key=f"vergelijken_regions_{region}",
)
goal = goal or state.doel
if st.query_params.get("doel") != str(goal):
    st.query_params["doel"] = str(goal)
chosen = ",".join(selection)
if not selection or selection == default_regions:
    # The region's own default is not written down: another region then brings its own
    # default (peers) instead of keeping this one's.
    shared.forget_choice("vergelijk")
elif st.query_params.get("vergelijk") != chosen:
    st.query_params["vergelijk"] = chosen  # the link reproduces the comparison
if not selection:
    st.info(t("vg_empty", lang))
    st.stop()

# () stands for the region's default selection (see chosen_regions).
shown = () if selection == default_regions else tuple(selection)
comparison = shared.cached_view(comparison_for, shown, int(goal), region, lang)
shared.show_chart(comparison.chart, "vergelijken_profiel")
st.caption(t("vg_caption", lang))

st.subheader(t("vg_table_heading", lang))
st.html(comparison.table_html)
st.caption(t("vg_table_caption", lang, marks=marks_legend(lang)))
