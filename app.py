"""Entry point: navigation, shared sidebar (region, language) and the URL state.

Pages in pages/ read the state, call indicators/ and draw; nothing is computed here.
"""

from __future__ import annotations

import streamlit as st

from indicators.errors import SnapshotError
from indicators.formatting import escape_markdown
from indicators.state import LANG_CHOICES, REGION_CHOICES
from indicators.ui_text import t
from pages import shared

st.set_page_config(page_title=t("app_title"), page_icon=":material/insights:", layout="wide")

try:
    snap = shared.snapshot()
except SnapshotError as exc:
    st.error(t("snapshot_missing", error=exc))
    st.stop()

state = shared.read_view_state()
st.session_state["view_state"] = state
if st.session_state.get("_url_gemeente") != state.gemeente:
    # A new link (or first visit): the URL decides the selection.
    st.session_state["gemeente"] = state.gemeente
    st.session_state["_url_gemeente"] = state.gemeente
if "lang" not in st.session_state:
    st.session_state["lang"] = state.lang
lang = st.session_state["lang"]


def _sync_region() -> None:
    st.session_state["_url_gemeente"] = st.session_state["gemeente"]
    st.query_params["gemeente"] = st.session_state["gemeente"]


with st.sidebar:
    st.selectbox(
        t("region_select", lang),
        options=list(REGION_CHOICES),
        format_func=shared.region_name,
        key="gemeente",
        on_change=_sync_region,
    )
    st.segmented_control(
        t("language", lang),
        options=list(LANG_CHOICES),
        key="lang",
        format_func=str.upper,
        selection_mode="single",
    )
    st.caption(t("snapshot_caption", lang, built=str(snap.manifest.get("built_at", ""))[:10]))

state.gemeente = st.session_state["gemeente"]
if st.session_state.get("lang") not in LANG_CHOICES:
    st.session_state["lang"] = "nl"
for note in state.notes:
    st.info(
        t(
            "unknown_param",
            lang,
            param=note.param,
            value=escape_markdown(note.value),
            default=escape_markdown(note.default),
        ),
        icon=":material/info:",
    )

pages = [
    st.Page(
        "pages/overzicht.py",
        title=t("page_overview", lang),
        icon=":material/dashboard:",
        default=True,
        url_path="overzicht",
    ),
    st.Page(
        "pages/per_doel.py", title=t("page_goal", lang), icon=":material/flag:", url_path="per-doel"
    ),
    st.Page(
        "pages/verkennen.py",
        title=t("page_explore", lang),
        icon=":material/query_stats:",
        url_path="verkennen",
    ),
    st.Page("pages/kaart.py", title=t("page_map", lang), icon=":material/map:", url_path="kaart"),
    st.Page(
        "pages/vergelijken.py",
        title=t("page_compare", lang),
        icon=":material/compare:",
        url_path="vergelijken",
    ),
    st.Page(
        "pages/downloads.py",
        title=t("page_downloads", lang),
        icon=":material/download:",
        url_path="downloads",
    ),
    st.Page(
        "pages/methode.py",
        title=t("page_method", lang),
        icon=":material/menu_book:",
        url_path="methode",
    ),
]
st.navigation(pages, position="top").run()
