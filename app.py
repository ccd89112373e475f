"""Entry point: navigation, shared sidebar (region, language) and the URL state.

Pages in pages/ read the state, call indicators/ and draw; nothing is computed here.
"""

from __future__ import annotations

import streamlit as st

from indicators.errors import SnapshotError
from indicators.formatting import escape_markdown
from indicators.state import LANG_CHOICES, REGION_CHOICES, STICKY
from indicators.ui_text import t
from pages import serving


def main() -> None:
    """One script run: the page's settings, the sidebar, the URL state, then the page."""
    # Imported in a script run, not when the server imports this file: it declares the
    # viewport component, which Streamlit registers with the running app.
    from pages import shared

    # ?modus=presentatie: the slides alone, without sidebar or navigation (a projector view).
    presenting = st.query_params.get("modus") == "presentatie"
    # The tab title in the reader's language: the session's choice, else the link's.
    early_lang = st.session_state.get("lang") or st.query_params.get("lang", "nl")
    st.set_page_config(
        page_title=t("app_title", early_lang if early_lang in LANG_CHOICES else "nl"),
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
    # Page selections (indicator, year, goal, zoom, compared regions, wijk indicator) stay when a
    # page switch clears the URL: Streamlit drops query parameters on navigation, so the last
    # valid ones are kept and written back.
    sticky = shared.sticky_choices()
    noted = {note.param for note in state.notes}
    for key in STICKY:
        if key in st.query_params and key not in noted:
            sticky[key] = getattr(state, key)
        elif key not in st.query_params and sticky.get(key) is not None:
            setattr(state, key, sticky[key])
            st.query_params[key] = state.url_value(key)
    url_value = st.query_params.get("gemeente")
    if "gemeente" not in st.session_state or (
        url_value is not None and st.session_state.get("_url_gemeente") != url_value
    ):
        # First visit or a changed link: the URL decides the selection. A change made in the
        # sidebar is written to the URL below, so it is not undone here on the next run.
        st.session_state["gemeente"] = state.gemeente
    url_lang = st.query_params.get("lang")
    if "lang" not in st.session_state or (
        url_lang is not None and st.session_state.get("_url_lang") != url_lang
    ):
        st.session_state["lang"] = state.lang  # as for the region: a new link decides
    lang = shared.lang()
    shared.relabel_choices(lang)

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
            st.caption(
                t("snapshot_caption", lang, built=str(snap.manifest.get("built_at", ""))[:10])
            )

    state.gemeente = st.session_state["gemeente"]
    if st.query_params.get("gemeente") != state.gemeente:
        st.query_params["gemeente"] = state.gemeente
    st.session_state["_url_gemeente"] = st.query_params.get("gemeente")
    # The language is in the URL too, so a link (or a reload) keeps it.
    if st.query_params.get("lang") != shared.lang():
        st.query_params["lang"] = shared.lang()
    st.session_state["_url_lang"] = st.query_params.get("lang")
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

    shared.document_language(lang)

    pages = [
        st.Page(
            "pages/overzicht.py",
            title=t("page_overview", lang),
            icon=":material/dashboard:",
            default=True,
            url_path="start",  # served at "/": Streamlit gives the default page no path of its own
        ),
        st.Page(
            "pages/per_doel.py",
            title=t("page_goal", lang),
            icon=":material/flag:",
            url_path="per_doel",
        ),
        st.Page(
            "pages/verkennen.py",
            title=t("page_explore", lang),
            icon=":material/query_stats:",
            url_path="verkennen",
        ),
        st.Page(
            "pages/kaart.py", title=t("page_map", lang), icon=":material/map:", url_path="kaart"
        ),
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
    # A link to /overzicht (the page's name) would meet Streamlit's "Page not found" box, as the
    # default page lives at "/" only: an invisible page of that name sends it there, parameters and
    # all.
    pages.append(
        st.Page(
            lambda: st.switch_page(pages[0], query_params=st.query_params.to_dict()),
            title=t("page_overview", lang),
            url_path="overzicht",
            visibility="hidden",
        )
    )
    # In the sidebar: nine pages do not fit a top bar at 1440 px, where Streamlit hid the last
    # ones behind an English "1 more".
    st.navigation(pages, position="hidden" if presenting else "sidebar", expanded=True).run()


if serving.imported_by_server():
    # `streamlit run app.py` imports this file to find its server: Streamlit's own, plus the
    # pages' HTML with the base address (see pages/serving.py). Each script run calls main().
    app = st.App(__file__, routes=serving.page_routes())
else:
    main()
