"""Overzicht: for now the four municipalities' latest population from the snapshot."""

from __future__ import annotations

import streamlit as st

from indicators.errors import SnapshotError
from indicators.formatting import format_number
from indicators.snapshot import Snapshot, load_snapshot
from indicators.ui_text import t
from indicators.views import latest_population

lang = st.session_state.get("lang", "nl")


@st.cache_resource(show_spinner=False)
def snapshot() -> Snapshot:
    """Read-only snapshot shared by all sessions (no per-session copies)."""
    return load_snapshot()


st.title(t("app_title", lang))
try:
    snap = snapshot()
except SnapshotError as exc:
    st.error(t("snapshot_missing", lang, error=exc))
    st.stop()

population = latest_population(snap)
year = int(population["year"].max())
st.subheader(t("population_heading", lang, year=year))
for column, row in zip(st.columns(len(population)), population.itertuples(), strict=True):
    column.metric(row.name, format_number(row.value))
st.caption(
    t(
        "population_caption",
        lang,
        table=population["table"].iloc[0],
        built=str(snap.manifest.get("built_at", ""))[:10],
    )
)
