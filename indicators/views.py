"""Small, pure view models the pages draw: no Streamlit, easy to test."""

from __future__ import annotations

import pandas as pd

from indicators.regions import FOCUS_MUNICIPALITIES
from indicators.snapshot import Snapshot


def latest_population(snap: Snapshot) -> pd.DataFrame:
    """Latest population of the four municipalities: code, name, year, value, table."""
    obs = snap.observations
    pop = obs[(obs["indicator"] == "population") & obs["region"].isin(list(FOCUS_MUNICIPALITIES))]
    latest = pop.sort_values("year").groupby("region").tail(1)
    latest = latest.assign(
        name=latest["region"].map(FOCUS_MUNICIPALITIES),
        order=latest["region"].map(list(FOCUS_MUNICIPALITIES).index),
    )
    return latest.sort_values("order")[["region", "name", "year", "value", "table"]].reset_index(
        drop=True
    )
