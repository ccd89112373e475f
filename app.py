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

# ?modus=presentatie: the slides alone, without sidebar or navigation (a projector view).
presenting = st.query_params.get("modus") == "presentatie"
st.set_page_config(
    page_title=t("app_title"),
    page_icon="📊",  # an emoji: a material icon as favicon is fetched from Google
    layout="wide",
    initial_sidebar_state="collapsed" if presenting else "auto",
)

try:
    snap = shared.snapshot()
except SnapshotError as exc:
    st.error(t("snapshot_missing", error=exc))
    st.stop()

shared.restore_pending_query()
state = shared.read_view_state()
st.session_state["view_state"] = state
# Page selections (indicator, year, goal) stay when a page switch clears the URL: Streamlit
# drops query parameters on navigation, so the last valid ones are kept and written back.
sticky: dict[str, object] = st.session_state.setdefault("_sticky", {})
noted = {note.param for note in state.notes}
for key in ("indicator", "jaar", "doel"):
    if key in st.query_params and key not in noted:
        sticky[key] = getattr(state, key)
    elif key not in st.query_params and sticky.get(key) is not None:
        setattr(state, key, sticky[key])
        st.query_params[key] = str(sticky[key])
url_value = st.query_params.get("gemeente")
if "gemeente" not in st.session_state or (
    url_value is not None and st.session_state.get("_url_gemeente") != url_value
):
    # First visit or a changed link: the URL decides the selection. A change made in the
    # sidebar is written to the URL below, so it is not undone here on the next run.
    st.session_state["gemeente"] = state.gemeente
if "lang" not in st.session_state:
    st.session_state["lang"] = state.lang
lang = shared.lang()

if not presenting:  # the presentation draws no sidebar at all
    with st.sidebar:
        st.selectbox(
            t("region_select", lang),
            options=list(REGION_CHOICES),
            format_func=shared.region_name,
            key="gemeente",
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
if st.query_params.get("gemeente") != state.gemeente:
    st.query_params["gemeente"] = state.gemeente
st.session_state["_url_gemeente"] = st.query_params.get("gemeente")
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
        "pages/per_doel.py", title=t("page_goal", lang), icon=":material/flag:", url_path="per_doel"
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
pages.append(
    st.Page(
        "pages/ambities.py",
        title=t("page_ambitions", lang),
        icon=":material/target:",
        url_path="ambities",
    )
)
pages.append(
    st.Page(
        "pages/presentatie.py",
        title=t("page_presentation", lang),
        icon=":material/slideshow:",
        url_path="presentatie",
    )
)
# In the sidebar: nine pages do not fit a top bar at 1440 px, where Streamlit hid the last
# ones behind an English "1 more".
st.navigation(pages, position="hidden" if presenting else "sidebar", expanded=True).run()
