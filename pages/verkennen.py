"""Indicator verkennen: one indicator in depth — card, time series, ranking, distribution."""

from __future__ import annotations

import functools

import streamlit as st

from indicators import catalog
from indicators.snapshot import DATED_AFTER_YEARS, is_dated, snapshot_year
from indicators.ui_text import t
from indicators.views.common import (
    choose_year,
    indicator_card_for,
    missing_regions,
    series_for,
    series_frame_for,
    series_image_for,
    series_regions,
    trend_for,
)
from indicators.views.verkennen import (
    distribution_for,
    distribution_image_for,
    indicator_years_for,
    ranking_for,
    ranking_image_for,
)
from pages import shared

lang, snap, scores, state, region, names = shared.start_page()

st.title(t("vk_title", lang))
st.markdown(t("vk_intro", lang, region=names[region]))

options = [i.id for i in catalog.municipal_indicators()]
wanted = state.indicator if state.indicator in options else options[0]


def _label(indicator_id: str) -> str:
    ind = catalog.BY_ID[indicator_id]
    key = "vk_indicator_option" if ind.goal else "vk_indicator_option_bg"
    return t(key, lang, name=ind.name(lang), goal=ind.goal)


left, right = st.columns([3, 1])
chosen = left.selectbox(
    t("vk_indicator_select", lang),
    options=options,
    index=options.index(wanted),
    format_func=_label,
    key="verkennen_indicator",
)
ind = catalog.BY_ID[chosen]
years = shared.cached_view(indicator_years_for, ind.id)
year, replaced = choose_year(years, state.jaar)
if year is None:
    st.info(t("vk_no_indicator_data", lang))
    st.stop()
year = right.selectbox(
    t("vk_year_select", lang),
    options=years,
    index=years.index(year),
    key=f"verkennen_jaar_{ind.id}",
)
if replaced:
    st.caption(t("vk_year_missing", lang, year=state.jaar, latest=year))
if is_dated(years[-1], snapshot_year(snap)):
    st.caption(t("dated_note", lang, year=years[-1], n=DATED_AFTER_YEARS))
if st.query_params.get("indicator") != ind.id:
    st.query_params["indicator"] = ind.id
if st.query_params.get("jaar") != str(year):
    st.query_params["jaar"] = str(year)

with st.container(border=True):
    st.markdown(shared.cached_view(indicator_card_for, ind.id, lang))

st.subheader(t("vk_series_heading", lang))
if ind.is_count:
    st.caption(t("vk_count_note", lang))
shared.show_chart(
    shared.cached_view(series_for, ind.id, region, False, lang),
    "verkennen_series",
    functools.partial(series_image_for, snap, scores, ind.id, region, False, lang),
)
frame = shared.cached_view(series_frame_for, ind.id, region, False, lang)
absent = missing_regions(frame, series_regions(region, ind))
if absent:
    st.caption(t("vk_series_missing", lang, regions=", ".join(names[r] for r in absent)))
# The ranking and the distribution are the same charts for every region; the finding above
# each is the region's.
ranked = shared.cached_view(ranking_for, ind.id, year, region, lang)
shared.text_block(
    shared.cached_view(trend_for, ind.id, region, lang),
    shared.heading(t("vk_ranking_heading", lang, year=year)),
    shared.finding(ranked.title),
)
shared.show_chart(
    ranked,
    "verkennen_ranking",
    functools.partial(ranking_image_for, snap, scores, ind.id, year, region, lang),
)
spread = shared.cached_view(distribution_for, ind.id, year, region, lang)
shared.text_block(
    shared.heading(t("vk_distribution_heading", lang, year=year)), shared.finding(spread.title)
)
shared.show_chart(
    spread,
    "verkennen_distribution",
    functools.partial(distribution_image_for, snap, scores, ind.id, year, region, lang),
)
