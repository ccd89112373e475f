"""Data & downloads: every dataset as CSV in two dialects, each with a description, its size and
a preview. Frames are cached once per process; the CSV bytes are made only when clicked."""

from __future__ import annotations

from functools import partial

import pandas as pd
import streamlit as st

from indicators.exports.csv import to_csv_bytes
from indicators.formatting import escape_markdown, format_number, join_words
from indicators.regions import FOCUS_MUNICIPALITIES, ZOD
from indicators.snapshot import snapshot_date
from indicators.ui_text import t
from indicators.views import downloads as vd
from pages import shared

lang, snap, scores, state, region, names = shared.start_page()
date = snapshot_date(snap) or "onbekend"


def dataset(kind: str, arg: str = "") -> pd.DataFrame:
    return shared.cached_view(vd.dataset_for, kind, arg, lang)


@st.cache_data(show_spinner=False, max_entries=64)
def csv_bytes(kind: str, arg: str, language: str, dutch_excel: bool = False) -> bytes:
    return to_csv_bytes(shared.cached_view(vd.dataset_for, kind, arg, language), dutch_excel)


def block(
    kind: str, title: str, description: str, what: str, arg: str = "", rows: int = vd.PREVIEW_ROWS
) -> None:
    """Title, one-line description, size, the two download buttons and a preview."""
    frame = dataset(kind, arg)
    with st.container(border=True):
        size = t(
            "dl_rows", lang, rows=format_number(len(frame), lang=lang), columns=len(frame.columns)
        )
        shared.text_block(shared.heading(title), description, f":small[:gray[{size}]]")
        shared.csv_buttons(
            partial(csv_bytes, kind, arg, lang),
            (t("dl_button_csv", lang), t("dl_button_excel", lang)),
            (vd.file_name(what, date), vd.file_name(what, date, dutch_excel=True)),
            f"downloads_{kind}",
        )
        preview_line = t("dl_preview", lang, n=min(rows, len(frame)))
        # The previews are what makes this page long and slow to load; each opens on a click.
        if box := shared.lazy_expander(preview_line, f"downloads_preview_{kind}"):
            shown = shared.cached_view(vd.preview_for, kind, arg, rows, lang)
            box.dataframe(shown, hide_index=True, height="content", alt=f"{title}: {preview_line}")


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
            regions=join_words(headline, lang),
            wijken=join_words((names[code] for code in owners), lang),
        )
    ),
    f"selectie-{region}-{names[region]}",
    arg=region,
)

n_municipalities = len(scores.municipalities)
block(
    "scores_now",
    t("dl_scores_now_title", lang),
    t("dl_scores_now_desc", lang, n=format_number(n_municipalities, lang=lang)),
    "scores-actueel",
)
block(
    "scores_year",
    t("dl_scores_year_title", lang),
    t("dl_scores_year_desc", lang, years=vd.per_year_span(scores)),
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
