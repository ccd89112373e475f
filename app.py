"""Entry point: navigation, shared sidebar (region, language) and the URL state.

Pages in pages/ read the state, call indicators/ and draw; nothing is computed here.
"""

from __future__ import annotations

from pathlib import Path
from typing import NamedTuple

import streamlit as st

from indicators.errors import SnapshotError
from indicators.formatting import escape_markdown
from indicators.state import LANG_CHOICES, REGION_CHOICES, STICKY
from indicators.ui_text import t
from pages import allocator, serving
from pages.activity import ACTIVITY


class NavigationPage(NamedTuple):
    """A page of the navigation: its file, the key of its title in ui_text, its icon."""

    file: str
    title: str
    icon: str

    @property
    def url_path(self) -> str:
        """Every page is served at its file's name (``/kaart``); the first also at ``/``."""
        return Path(self.file).stem


PAGES = (
    NavigationPage("pages/overzicht.py", "page_overview", ":material/dashboard:"),
    NavigationPage("pages/per_doel.py", "page_goal", ":material/flag:"),
    NavigationPage("pages/verkennen.py", "page_explore", ":material/query_stats:"),
    NavigationPage("pages/kaart.py", "page_map", ":material/map:"),
    NavigationPage("pages/vergelijken.py", "page_compare", ":material/compare:"),
    NavigationPage("pages/downloads.py", "page_downloads", ":material/download:"),
    NavigationPage("pages/methode.py", "page_method", ":material/menu_book:"),
    NavigationPage("pages/ambities.py", "page_ambitions", ":material/target:"),
    NavigationPage("pages/presentatie.py", "page_presentation", ":material/slideshow:"),
)


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

    first, *others = PAGES
    pages = [
        st.Page(
            first.file,
            title=t(first.title, lang),
            icon=first.icon,
            default=True,
            url_path="start",  # served at "/": Streamlit gives the default page no path of its own
        ),
        *(
            st.Page(page.file, title=t(page.title, lang), icon=page.icon, url_path=page.url_path)
            for page in others
        ),
        # A link to /overzicht (the page's name) would meet Streamlit's "Page not found" box, as
        # the default page lives at "/" only: an invisible page of that name sends it there,
        # parameters and all.
        st.Page(
            lambda: st.switch_page(pages[0], query_params=st.query_params.to_dict()),
            title=t(first.title, lang),
            url_path=first.url_path,
            visibility="hidden",
        ),
    ]
    # In the sidebar: nine pages do not fit a top bar at 1440 px, where Streamlit hid the last
    # ones behind an English "1 more".
    st.navigation(pages, position="hidden" if presenting else "sidebar", expanded=True).run()


if serving.imported_by_server():
    # `streamlit run app.py` imports this file to find its server: Streamlit's own, plus the
    # pages' HTML with the base address (see pages/serving.py). Each script run calls main().
    allocator.restart_with_arena_limit()  # once, before it serves (pages/allocator.py)
    allocator.fix_allocation_thresholds()
    allocator.use_system_allocator_for_arrow()
    app = st.App(__file__, routes=serving.page_routes(page.url_path for page in PAGES))
else:
    with ACTIVITY.script_run():  # background work waits while a reader's page runs
        main()
