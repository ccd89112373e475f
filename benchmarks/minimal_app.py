"""The baseline for the app benchmark: a bare Streamlit app with one sidebar selectbox."""

import streamlit as st

choice = st.sidebar.selectbox("Gemeente", ["Emmen", "Coevorden", "Hoogeveen", "Borger-Odoorn"])
st.title("Minimal app")
st.write(f"Gekozen: {choice}")
