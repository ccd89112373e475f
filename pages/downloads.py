"""Data & downloads: every dataset as CSV in two dialects, each with a description, its size and
a preview. Frames are cached once per process; the CSV bytes are made only when clicked."""

from __future__ import annotations

from functools import partial

import pandas as pd
import streamlit as st

from indicators import views_data as vd
from indicators.export import to_csv_bytes
from indicators.formatting import escape_markdown, format_number
from indicators.regions import FOCUS_MUNICIPALITIES, ZOD
from indicators.ui_text import t
from pages import shared

shared.ensure_entrypoint()
lang = shared.lang()
snap = shared.snapshot()
region = shared.view_state().gemeente
names = shared.region_names()
date = vd.snapshot_date(snap)


@st.cache_resource(show_spinner=False)
def dataset(kind: str, arg: str = "") -> pd.DataFrame:
    """The read-only frame behind a download (``arg``: region for the selection, language for
    the column descriptions)."""
    snap, scores = shared.snapshot(), shared.scores()
    if kind == "all":
        return vd.full_dataset(snap)
    if kind == "selection":
        return vd.selection_dataset(snap, arg)
    if kind == "scores_now":
        return vd.scores_actueel(scores, snap.regions)
    if kind == "scores_year":
        return vd.scores_per_year(scores, snap.regions)
    if kind == "codebook":
        return vd.codebook(snap)
    if kind == "columns":
        return vd.column_descriptions(arg or "nl")
    if kind == "regions":
        return vd.regions_table(snap)
    raise KeyError(kind)


@st.cache_data(show_spinner=False, max_entries=64)
def csv_bytes(kind: str, arg: str, dutch_excel: bool) -> bytes:
    return to_csv_bytes(dataset(kind, arg), dutch_excel=dutch_excel)


def block(
    kind: str, title: str, description: str, what: str, arg: str = "", rows: int = vd.PREVIEW_ROWS
) -> None:
    """Title, one-line description, size, the two download buttons and a preview."""
    frame = dataset(kind, arg)
    with st.container(border=True):
        st.subheader(title)
        st.markdown(description)
        st.caption(t("dl_rows", lang, rows=format_number(len(frame)), columns=len(frame.columns)))
        left, right = st.columns(2)
        left.download_button(
            t("dl_button_csv", lang),
            data=partial(csv_bytes, kind, arg, False),
            file_name=vd.file_name(what, date),
            mime="text/csv",
            key=f"downloads_{kind}_csv",
            on_click="ignore",
            icon=":material/download:",
        )
        right.download_button(
            t("dl_button_excel", lang),
            data=partial(csv_bytes, kind, arg, True),
            file_name=vd.file_name(what, date, dutch_excel=True),
            mime="text/csv",
            key=f"downloads_{kind}_excel",
            on_click="ignore",
            icon=":material/table:",
        )
        shown = vd.preview(frame, rows)
        preview_line = t("dl_preview", lang, n=len(shown))
        st.caption(preview_line)
        st.dataframe(shown, hide_index=True, height="content", alt=f"{title}: {preview_line}")


st.title(t("dl_title", lang))
st.markdown(t("dl_intro", lang, built=date))
st.caption(t("dl_safety_note", lang))

block("all", t("dl_all_title", lang), t("dl_all_desc", lang), "alle-indicatoren")

chosen = vd.selection_regions(region, snap.regions)
headline = [names[code] for code in chosen if not code.startswith("WK")]
owners = list(FOCUS_MUNICIPALITIES) if region == ZOD else [region]
block(
    "selection",
    t("dl_selection_title", lang, region=names[region]),
    escape_markdown(
        t(
            "dl_selection_desc",
            lang,
            regions=vd.join_words(headline, lang),
            wijken=vd.join_words((names[code] for code in owners), lang),
        )
    ),
    f"selectie-{region}-{names[region]}",
    arg=region,
)

n_municipalities = len(shared.scores().municipalities)
block(
    "scores_now",
    t("dl_scores_now_title", lang),
    t("dl_scores_now_desc", lang, n=format_number(n_municipalities)),
    "scores-actueel",
)
block(
    "scores_year",
    t("dl_scores_year_title", lang),
    t("dl_scores_year_desc", lang, years=vd.per_year_span(shared.scores())),
    "scores-per-jaar",
)
block("codebook", t("dl_codebook_title", lang), t("dl_codebook_desc", lang), "codebook")
block(
    "columns",
    t("dl_columns_title", lang),
    t("dl_columns_desc", lang),
    "codebook-kolommen",
    arg=lang,
    rows=len(vd.TIDY_COLUMNS),
)
block("regions", t("dl_regions_title", lang), t("dl_regions_desc", lang), "regios")
