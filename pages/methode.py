"""Page 'methode' (placeholder until built)."""

import streamlit as st

st.write("…")
