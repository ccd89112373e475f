"""Kaart: one indicator for every municipality on a map, and the wijken of the four."""

from __future__ import annotations

import dataclasses
import functools

import streamlit as st

from indicators import catalog
from indicators.boundaries import GEO_YEAR
from indicators.charts.maps import MAP_HEIGHT, MAP_WIDTH, ZOOMS
from indicators.formatting import marks_legend
from indicators.state import DEFAULT_INDICATOR
from indicators.ui_text import t
from indicators.views.common import choose_year
from indicators.views.kaart import (
    map_finding_for,
    map_tables_for,
    map_years_for,
    municipal_map_for,
    municipal_map_image_for,
    wijk_map_for,
    wijk_map_image_for,
    wijk_table_for,
)
from pages import shared

lang, snap, scores, state, region, names = shared.start_page()

st.title(t("km_title", lang))
st.markdown(t("km_intro", lang))

options = [i.id for i in catalog.municipal_indicators()]
wijk_options = [i.id for i in catalog.wijk_indicators()]
wanted = state.indicator if state.indicator in options else DEFAULT_INDICATOR
if state.indicator not in options and state.indicator != DEFAULT_INDICATOR:
    default_name = catalog.BY_ID[DEFAULT_INDICATOR].name(lang)
    st.caption(t("km_indicator_not_on_map", lang, default=default_name))


def _label(indicator_id: str) -> str:
    ind = catalog.BY_ID[indicator_id]
    key = "km_indicator_option" if ind.goal else "km_indicator_option_bg"
    return t(key, lang, name=ind.name(lang), goal=ind.goal)


left, middle, right = st.columns([3, 1, 1.3])
chosen = left.selectbox(
    t("km_indicator_select", lang),
    options=options,
    index=options.index(wanted),
    format_func=_label,
    key="kaart_indicator",
)
ind = catalog.BY_ID[chosen]
years = shared.cached_view(map_years_for, ind.id)
year, replaced = choose_year(years, state.jaar)
if year is None:
    st.info(t("km_no_indicator_data", lang))
    st.stop()
year = middle.selectbox(
    t("km_year_select", lang), options=years, index=years.index(year), key=f"kaart_jaar_{ind.id}"
)
zoom = right.segmented_control(
    t("km_zoom_select", lang),
    options=list(ZOOMS),
    default=state.zoom,
    format_func=lambda z: t(f"km_zoom_{z}", lang),
    key="kaart_zoom",
)
zoom = zoom or ZOOMS[0]
if replaced:
    st.caption(t("km_year_missing", lang, year=state.jaar, latest=year))
if st.query_params.get("indicator") != ind.id:
    st.query_params["indicator"] = ind.id
if st.query_params.get("jaar") != str(year):
    st.query_params["jaar"] = str(year)
if st.query_params.get("zoom") != zoom:
    st.query_params["zoom"] = zoom

urls = shared.geometry_urls()
finding = shared.cached_view(map_finding_for, ind.id, int(year), region, lang)
st.markdown(shared.finding(finding))  # above the map, which is the same for all regions
chart = shared.cached_view(municipal_map_for, ind.id, int(year), zoom, lang, urls)
image = functools.partial(
    municipal_map_image_for, snap, scores, ind.id, int(year), zoom, region, lang
)
shared.show_chart(
    dataclasses.replace(chart, title=finding), "kaart_gemeenten", image, (MAP_WIDTH, MAP_HEIGHT)
)
values = chart.data
n_missing = int(values["value"].isna().sum())
if n_missing:
    key = "km_boundaries_note" if year < GEO_YEAR else "km_missing_note"
    st.caption(t(key, lang, n=n_missing, year=year, geo_year=GEO_YEAR))
tables = shared.cached_view(map_tables_for, ind.id, int(year), region, lang)
st.markdown(tables.place)

st.subheader(t("km_reference_heading", lang, year=year))
st.dataframe(tables.reference, hide_index=True)
if table_box := shared.lazy_expander(t("km_table_heading", lang), "kaart_table_open"):
    best = t("km_best_scored" if ind.scored else "km_best_context", lang)
    table_box.caption(t("km_table_caption", lang, best=best, marks=marks_legend(lang)))
    table_box.dataframe(tables.values, hide_index=True, height=420)

st.subheader(t("km_wijk_heading", lang))
st.markdown(t("km_wijk_intro", lang))
wijk_default = state.wijk if state.wijk in wijk_options else wijk_options[0]
wijk_chosen = st.selectbox(
    t("km_wijk_select", lang),
    options=wijk_options,
    index=wijk_options.index(wijk_default),
    format_func=lambda i: catalog.BY_ID[i].name(lang),
    key="kaart_wijk_indicator",
)
if st.query_params.get("wijk") != wijk_chosen:
    st.query_params["wijk"] = wijk_chosen
wijk_chart = shared.cached_view(wijk_map_for, wijk_chosen, lang, urls)
wijk_image = functools.partial(wijk_map_image_for, snap, scores, wijk_chosen, lang)
shared.show_chart(wijk_chart, "kaart_wijken", wijk_image, (MAP_WIDTH, MAP_HEIGHT))
if wijk_box := shared.lazy_expander(t("km_wijk_table_heading", lang), "kaart_wijk_table_open"):
    wijk_table = shared.cached_view(wijk_table_for, wijk_chosen, lang)
    wijk_box.dataframe(wijk_table, hide_index=True, height=420)
