"""Overzicht: the three goal scores of the chosen region, the comparison, the outlook."""

from __future__ import annotations

import streamlit as st

from indicators.ui_text import t
from indicators.views.overzicht import (
    cards_for,
    comparison_for,
    outlook_for,
    population_for,
    population_html,
)
from pages import shared

lang, snap, scores, state, region, names = shared.start_page()

st.title(t("app_title", lang))
st.markdown(t("overview_intro", lang, region=names[region]))

st.html(shared.cached_view(cards_for, region, lang))
st.caption(t("quartile_note", lang))

st.subheader(t("comparison_heading", lang))
shared.show_chart(shared.cached_view(comparison_for, lang), "comparison")

population = shared.cached_view(population_for)
year = int(population["year"].max())
st.subheader(t("population_heading", lang, year=year))
st.html(population_html(zip(population["name"], population["value"], strict=True), lang))
st.caption(t("population_caption", lang, table=population["table"].iloc[0]))

st.subheader(t("outlook_heading", lang))
shared.show_chart(shared.cached_view(outlook_for, lang), "outlook")
st.caption(t("outlook_note", lang))
