"""Overzicht: the three goal scores of the chosen region, the comparison, the outlook."""

from __future__ import annotations

import math

import streamlit as st

from indicators.charts.overview import comparison_for, outlook_for
from indicators.formatting import format_number
from indicators.ui_text import t
from indicators.views import (
    goal_sentence,
    overview_cards,
    overview_population,
    quartile_label,
)
from pages import shared

shared.ensure_entrypoint()
lang = shared.lang()
region = shared.view_state().gemeente
names = shared.region_names()

st.title(t("app_title", lang))
st.markdown(t("overview_intro", lang, region=names[region]))

cards = shared.cached_view(overview_cards, region)
for column, card in zip(st.columns(3), cards, strict=True):
    with column.container(border=True):
        score = float(card["score"])
        ok = bool(card["ok"]) and not math.isnan(score)
        column_value = format_number(score, 1) if ok else t("insufficient", lang)
        st.metric(
            f"{t('goal', lang)} {card['goal']}: {card['name'][lang]}",
            column_value,
            delta=format_number(score - 5, 1) + " t.o.v. NL" if ok else None,
            delta_color="normal",
        )
        if ok:
            st.caption(
                t(
                    "card_caption",
                    lang,
                    rank=t("rank_of", lang, rank=card["rank"], n=card["n_ranked"]),
                    quartile=quartile_label(str(card["quartile"]), lang),
                    bottom=t("bottom_count", lang, n=card["n_bottom"]),
                    trend=t(str(card["trend"]), lang),
                    years=card["years"],
                )
            )
        st.write(goal_sentence(card, names[region], lang))

st.subheader(t("comparison_heading", lang))
shared.show_chart(shared.cached_view(comparison_for, lang), "comparison")

population = shared.cached_view(overview_population)
year = int(population["year"].max())
st.subheader(t("population_heading", lang, year=year))
for column, row in zip(st.columns(len(population)), population.itertuples(), strict=True):
    column.metric(row.name, format_number(row.value))
st.caption(t("population_caption", lang, table=population["table"].iloc[0]))

st.subheader(t("outlook_heading", lang))
shared.show_chart(shared.cached_view(outlook_for, lang), "outlook")
st.caption(t("outlook_note", lang))
