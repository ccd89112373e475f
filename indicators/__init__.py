"""Brede welvaart Zuid- en Oost-Drenthe: the library behind the dashboard (no Streamlit here)."""
