"""Overzicht: the three goal scores of the chosen region, the comparison, the outlook."""

from __future__ import annotations

import streamlit as st

from indicators.cards import goal_cards_html, population_html
from indicators.charts.overview import comparison_for, outlook_for
from indicators.ui_text import t
from indicators.views import overview_cards, overview_population
from pages import shared

shared.ensure_entrypoint()
lang = shared.lang()
region = shared.view_state().gemeente
names = shared.region_names()

st.title(t("app_title", lang))
st.markdown(t("overview_intro", lang, region=names[region]))

st.html(goal_cards_html(shared.cached_view(overview_cards, region), names[region], lang))

st.subheader(t("comparison_heading", lang))
shared.show_chart(shared.cached_view(comparison_for, lang), "comparison")

population = shared.cached_view(overview_population)
year = int(population["year"].max())
st.subheader(t("population_heading", lang, year=year))
st.html(population_html(zip(population["name"], population["value"], strict=True)))
st.caption(t("population_caption", lang, table=population["table"].iloc[0]))

st.subheader(t("outlook_heading", lang))
shared.show_chart(shared.cached_view(outlook_for, lang), "outlook")
st.caption(t("outlook_note", lang))
