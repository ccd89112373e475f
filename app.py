"""Entry point: navigation and shared state; pages in pages/ draw, indicators/ computes."""

from __future__ import annotations

import streamlit as st

from indicators.ui_text import t

st.set_page_config(page_title=t("app_title"), page_icon=":material/insights:", layout="wide")

if "lang" not in st.session_state:
    st.session_state["lang"] = "nl"

page = st.navigation(
    [st.Page("pages/overzicht.py", title=t("overview", st.session_state["lang"]), default=True)]
)
page.run()
