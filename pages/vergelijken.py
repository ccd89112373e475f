"""Page 'vergelijken' (placeholder until built)."""

import streamlit as st

st.write("…")
