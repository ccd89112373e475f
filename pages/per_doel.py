"""Page 'per_doel' (placeholder until built)."""

import streamlit as st

st.write("…")
