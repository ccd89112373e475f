"""Methode & bronnen: the scoring method, its sensitivity, every source and the data decisions."""

from __future__ import annotations

import streamlit as st

from indicators import catalog, scoring
from indicators.formatting import escape_markdown, format_number, join_words
from indicators.snapshot import DATED_AFTER_YEARS
from indicators.ui_text import t
from indicators.views import methode as vm
from pages import shared

lang, snap, scores, state, region, names = shared.start_page()
view = shared.cached_view(vm.methode_for, lang)

st.title(t("m_title", lang))
shared.text_block(
    t("m_intro", lang),
    shared.heading(t("m_score_heading", lang)),
    t("m_score_steps", lang, cap=format_number(scoring.Z_CAP, lang=lang)),
)
st.latex(vm.FORMULA_Z)
st.latex(vm.FORMULA_SCORE)
st.caption(t("m_formula_caption", lang))

scored_years = view.scored_years
per_year = (
    t("m_per_year_years", lang, years=join_words(map(str, scored_years), lang))
    if scored_years
    else t("m_per_year_none", lang)
)
shared.text_block(
    shared.heading(t("m_rules_heading", lang)),
    t(
        "m_rules",
        lang,
        per_year=per_year,
        trend_years=scoring.TREND_YEARS,
        relative=format_number(scoring.RELATIVE_CHANGE, 1, lang),
        dated=DATED_AFTER_YEARS,
    ),
    shared.heading(t("m_peers_heading", lang)),
    t("m_peers", lang, k=scoring.PEER_COUNT),
)
peers = vm.peer_names(region, scores.peers, names)
st.caption(
    escape_markdown(
        t("m_peers_of", lang, region=names[region], n=len(peers), names=", ".join(peers))
    )
)

shared.text_block(shared.heading(t("m_caveats_heading", lang)), t("m_caveats", lang))
context = view.context
context_heading = t("m_context_heading", lang)
# Fifty rows that most readers skip: drawn only when opened (the page loads faster).
if box := shared.lazy_expander(f"**{context_heading}** ({len(context)})", "methode_context"):
    box.dataframe(
        context,
        hide_index=True,
        height="content",
        column_config={
            t(key, lang): st.column_config.TextColumn(t(key, lang), width=px)
            for key, px in vm.CONTEXT_WIDTHS.items()
        },
        alt=context_heading,
    )
st.caption(t("m_context_caption", lang, n=len(context), total=len(catalog.INDICATORS)))

shared.text_block(shared.heading(t("m_sens_heading", lang)), t("m_sens_intro", lang))
widths = {
    t(key, lang): st.column_config.TextColumn(t(key, lang), width=px)
    for key, px in vm.SENSITIVITY_WIDTHS.items()
}
for goal, sentence, table in view.sensitivity:
    st.markdown(escape_markdown(sentence))
    st.dataframe(
        table,
        hide_index=True,
        height="content",
        column_config=widths,
        alt=f"{t('m_sens_heading', lang)} {t('goal', lang)} {goal}",
        key=f"methode_sensitivity_{goal}",
    )
counts = view.ranked_counts
per_goal = ", ".join(t("m_goal_count", lang, goal=g, n=n) for g, n in counts.items())
st.caption(t("m_sens_table_caption", lang, n=per_goal))

shared.text_block(
    shared.heading(t("m_sources_heading", lang)),
    escape_markdown(t("m_snapshot_line", lang, **view.build_info)),
)
url_column = t("m_col_url", lang)
links = {url_column: st.column_config.LinkColumn(url_column, display_text="open")}
# Forty-odd rows with long texts, in full height: mounting them was a fifth of the page's load
# time (benchmarks), so they are drawn when opened, as the context table above.
sources_label = t("m_sources_table", lang, n=len(view.sources))
if sources_box := shared.lazy_expander(f"**{sources_label}**", "methode_sources"):
    sources_box.dataframe(
        view.sources,
        hide_index=True,
        column_config=links,
        height="content",
        alt=t("m_sources_heading", lang),
    )
n_derived, derived_years = view.derived
shared.captions(
    t("m_sources_caption", lang),
    t("m_derived_line", lang, n=format_number(n_derived, lang=lang), years=derived_years),
)
geo_heading = t("m_geo_heading", lang)
st.markdown(f"**{geo_heading}**")
st.dataframe(
    view.boundaries,
    hide_index=True,
    column_config=links,
    height="content",
    alt=geo_heading,
)

shared.text_block(shared.heading(t("m_quality_heading", lang)), t("m_quality", lang))
