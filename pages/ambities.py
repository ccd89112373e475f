"""Ambities: targets per indicator and region, their progress, and what-if on the goal scores.

The table of targets lives in the session (``ambities_rows``, a list of row dicts): the editable
table folds each edit into it (so nothing is lost when the page is left and opened again), an
upload or a shipped set adds or replaces rows by indicator and region. The presentation reads
the same rows for its slide "Ambities".
"""

from __future__ import annotations

import functools

import pandas as pd
import streamlit as st

from indicators import targets
from indicators.exports.csv import to_csv_bytes
from indicators.formatting import escape_markdown, marks_legend
from indicators.scoring import SCENARIOS
from indicators.snapshot import snapshot_date, snapshot_year
from indicators.ui_text import t
from indicators.views.ambities import (
    basis_label,
    findings_for,
    indicator_label,
    indicator_options,
    progress_data_for,
    progress_for,
    scenario_for,
    whatif_for,
)
from pages import shared

lang, snap, scores, state, region, names = shared.start_page()
reference = snapshot_year(snap)
ROWS, VERSION, MESSAGES = "ambities_rows", "_ambities_editor_version", "_ambities_messages"
st.session_state.setdefault(ROWS, [])
st.session_state.setdefault(VERSION, 0)
st.session_state.setdefault(MESSAGES, [])


def editor_key() -> str:
    return f"ambities_editor_{st.session_state[VERSION]}"


def fold_edits() -> None:
    """Apply the table's edits to the rows in the session, then start a fresh table on them
    (a new key), so an edit is kept however the page is left."""
    delta = st.session_state.get(editor_key()) or {}
    rows = [dict(r) for r in st.session_state[ROWS]]
    for index, change in (delta.get("edited_rows") or {}).items():
        if 0 <= int(index) < len(rows):
            rows[int(index)].update(change)
    deleted = {int(i) for i in delta.get("deleted_rows") or []}
    rows = [r for i, r in enumerate(rows) if i not in deleted]
    for added in delta.get("added_rows") or []:
        rows.append({c: added.get(c) for c in targets.COLUMNS})
    st.session_state[ROWS] = rows
    st.session_state[VERSION] += 1


def take_over(source: str, reading: targets.Reading) -> None:
    """Add the good rows of a file to the table and say what happened (and what not)."""
    rows, added, replaced = targets.merge(st.session_state[ROWS], reading.targets)
    st.session_state[ROWS] = rows
    st.session_state[VERSION] += 1
    messages = [("success", t("amb_merged", lang, source=source, added=added, replaced=replaced))]
    if reading.problems:
        problems = "\n".join(f"- {escape_markdown(p.text(lang))}" for p in reading.problems)
        messages.append(
            ("warning", t("amb_rejected", lang, source=source, n=len(reading.problems)))
        )
        messages.append(("problems", problems))
    st.session_state[MESSAGES] = messages


def load_shipped() -> None:
    path = st.session_state.get("ambities_shipped")
    if path:
        chosen = next((p for p in targets.shipped_sets() if p.name == path), None)
        if chosen is not None:
            take_over(chosen.name, targets.read_csv(chosen.read_bytes(), reference))


st.title(t("amb_title", lang))
st.markdown(t("amb_intro", lang))

# --- start: a shipped set or an upload ---------------------------------------------------------
st.subheader(t("amb_start_heading", lang))
left, right = st.columns(2)
with left:
    shipped = targets.shipped_sets()
    if shipped:
        st.selectbox(
            t("amb_shipped_select", lang),
            options=[p.name for p in shipped],
            key="ambities_shipped",
        )
        st.button(
            t("amb_shipped_load", lang),
            on_click=load_shipped,
            key="ambities_shipped_load",
            icon=":material/playlist_add:",
        )
    else:
        st.caption(t("amb_shipped_none", lang))
with right:
    upload = st.file_uploader(
        t("amb_upload", lang), type=["csv"], key="ambities_upload", help=t("amb_upload_help", lang)
    )
    if upload is not None and st.session_state.get("_ambities_upload_id") != upload.file_id:
        st.session_state["_ambities_upload_id"] = upload.file_id
        take_over(escape_markdown(upload.name[:80]), targets.read_csv(upload.getvalue(), reference))
for kind, text in st.session_state[MESSAGES]:
    if kind == "success":
        st.success(text, icon=":material/check_circle:")
    elif kind == "warning":
        st.warning(text, icon=":material/warning:")
    else:
        st.markdown(text)

# --- the table --------------------------------------------------------------------------------
st.subheader(t("amb_table_heading", lang))
st.caption(t("amb_table_caption", lang, first=reference, last=targets.LAST_YEAR))
rows = st.session_state[ROWS]
st.data_editor(
    targets.table_frame(rows),
    key=editor_key(),
    on_change=fold_edits,
    num_rows="dynamic",
    hide_index=True,
    width="stretch",
    column_config={
        "indicator": st.column_config.SelectboxColumn(
            t("amb_col_indicator", lang),
            options=indicator_options(),
            format_func=lambda i: indicator_label(i, lang),
            width="large",
        ),
        "region": st.column_config.SelectboxColumn(
            t("amb_col_region", lang),
            options=list(targets.TARGET_REGIONS),
            format_func=lambda r: names.get(r, r),
            default=region,
            width="medium",
        ),
        "target": st.column_config.NumberColumn(t("amb_col_target", lang)),
        "year": st.column_config.NumberColumn(
            t("amb_col_year", lang), format="%d", step=1, default=max(2030, reference)
        ),
        "basis": st.column_config.SelectboxColumn(
            t("amb_col_basis", lang),
            options=list(targets.BASES),
            format_func=lambda b: basis_label(b, lang),
            default="waarde",
            width="medium",
        ),
        "note": st.column_config.TextColumn(t("amb_col_note", lang), max_chars=targets.MAX_NOTE),
    },
)
reading = targets.check_rows(rows, reference)
if reading.problems:
    st.warning(t("amb_problems_heading", lang), icon=":material/warning:")
    st.markdown("\n".join(f"- {escape_markdown(p.text(lang))}" for p in reading.problems))
chosen = reading.targets
stamp = snapshot_date(snap) or "onbekend"
stem = f"streefwaarden_brede-welvaart_{stamp}"
filled = [r for r in rows if not targets.is_blank(r)]
st.markdown(f"**{t('amb_downloads', lang)}**")
shared.csv_buttons(
    functools.partial(to_csv_bytes, targets.table_frame(filled)),
    (t("amb_download_csv", lang), t("amb_download_csv_nl", lang)),
    (
        f"streefwaarden_brede-welvaart_{stamp}.csv",
        f"streefwaarden_brede-welvaart_{stamp}_excel-nl.csv",
    ),
    "ambities_targets",
)

# --- progress and what-if ---------------------------------------------------------------------
if not chosen:
    st.info(t("amb_none_yet", lang), icon=":material/info:")
else:
    st.subheader(t("amb_progress_heading", lang))
    st.dataframe(shared.cached_view(progress_for, chosen, lang), hide_index=True)
    st.caption(t("amb_progress_caption", lang, marks=marks_legend(lang)))
    progress = shared.cached_view(progress_data_for, chosen)
    shared.csv_buttons(
        functools.partial(to_csv_bytes, progress),
        (t("amb_download_progress", lang), t("amb_download_progress_nl", lang)),
        (f"voortgang_brede-welvaart_{stamp}.csv", f"voortgang_brede-welvaart_{stamp}_excel-nl.csv"),
        "ambities_progress",
    )

    shared.text_block(
        shared.heading(t("amb_whatif_heading", lang)),
        *map(escape_markdown, shared.cached_view(findings_for, chosen, lang)),
    )
    view = shared.cached_view(whatif_for, chosen, lang)
    st.dataframe(view.table, hide_index=True)
    shared.captions(
        t("amb_whatif_caption", lang),
        t("amb_skipped", lang, names=escape_markdown(", ".join(view.skipped)))
        if view.skipped
        else "",
    )
    st.markdown(f"**{t('amb_contrib_heading', lang)}**")
    st.dataframe(view.contributions, hide_index=True)
    shared.captions(t("amb_contrib_caption", lang), t("amb_slide_hint", lang))

# --- the two scenarios for ZOD ----------------------------------------------------------------
st.subheader(t("amb_scenarios_heading", lang))
st.caption(t("amb_scenarios_caption", lang))
scenario_data = []
for name in SCENARIOS:
    scenario = shared.cached_view(scenario_for, name, lang)
    scenario_data.append(scenario.data)
    st.markdown(f"**{t(f'amb_scenario_{name}', lang)}**")
    st.dataframe(scenario.table, hide_index=True)
    details = t("amb_scenario_details", lang)
    if details_box := shared.lazy_expander(details, f"ambities_scenario_{name}_open"):
        details_box.dataframe(scenario.contributions, hide_index=True)
whatif_data = pd.concat(
    ([view.data.assign(scenario="streefwaarden")] if chosen else []) + scenario_data,
    ignore_index=True,
)
shared.csv_buttons(
    functools.partial(to_csv_bytes, whatif_data),
    (t("amb_download_whatif", lang), t("amb_download_whatif_nl", lang)),
    (f"wat-als_brede-welvaart_{stamp}.csv", f"wat-als_brede-welvaart_{stamp}_excel-nl.csv"),
    "ambities_whatif",
)
