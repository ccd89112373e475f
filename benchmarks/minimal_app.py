"""The baseline for the app benchmark (issue 12): a bare Streamlit app with one sidebar
selectbox of the four municipalities and one small plotly chart that changes with it."""

import plotly.graph_objects as go
import streamlit as st

MUNICIPALITIES = ["Emmen", "Coevorden", "Hoogeveen", "Borger-Odoorn"]

choice = st.sidebar.selectbox("Gemeente", MUNICIPALITIES)
st.title("Minimal app")
st.write(f"Gekozen: {choice}")
offset = MUNICIPALITIES.index(choice)
years = list(range(2015, 2025))
figure = go.Figure(go.Bar(x=years, y=[(year * 7 + offset * 13) % 23 + 5 for year in years]))
figure.update_layout(title=choice, height=320, margin={"l": 40, "r": 20, "t": 50, "b": 40})
st.plotly_chart(figure, config={"displayModeBar": False})
