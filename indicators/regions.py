"""Region sets: the four municipalities, the ZOD aggregate, Drenthe, Nederland, and the
gemeente -> provincie / COROP membership that derived regional figures need."""

from __future__ import annotations

import pandas as pd

FOCUS_MUNICIPALITIES: dict[str, str] = {
    "GM0114": "Emmen",
    "GM0109": "Coevorden",
    "GM0118": "Hoogeveen",
    "GM1681": "Borger-Odoorn",
}
ZOD = "ZOD"
ZOD_NAME = "Zuid- en Oost-Drenthe"
DRENTHE = "PV22"
NEDERLAND = "NL01"
REQUIRED_REGIONS: tuple[str, ...] = (*FOCUS_MUNICIPALITIES, DRENTHE, NEDERLAND)
# The pseudo-region of a time series that holds the median of the peer municipalities.
PEERS = "peers"


def region_level(code: str) -> str:
    """Level of a region code: gemeente, provincie, land, corop, wijk or regio (derived)."""
    prefix = code[:2]
    return {
        "GM": "gemeente",
        "PV": "provincie",
        "NL": "land",
        "CR": "corop",
        "WK": "wijk",
        "GG": "ggd",
    }.get(prefix, "regio")


def members_of(region: str, membership: pd.DataFrame, year: int) -> list[str]:
    """Gemeente codes that make up ``region`` in ``year``.

    ``membership`` has columns ``year``, ``gemeente``, ``provincie``. The classification of the
    nearest available year is used, so a 2015 figure is aggregated over the 2015 gemeenten.
    """
    if region == ZOD:
        return list(FOCUS_MUNICIPALITIES)
    years = membership["year"].unique()
    nearest = min(years, key=lambda y: (abs(int(y) - year), -int(y)))
    rows = membership[membership["year"] == nearest]
    if region == NEDERLAND:
        return rows["gemeente"].tolist()
    return rows.loc[rows["provincie"] == region, "gemeente"].tolist()


def current_municipalities(regions: pd.DataFrame, province: str | None = None) -> list[str]:
    """Codes of the municipalities that exist now (the newest 'Gebieden in Nederland'),
    optionally of one province, sorted: the set every rank and map is drawn over."""
    sel = regions[(regions["level"] == "gemeente") & regions["current"].astype(bool)]
    if province:
        sel = sel[sel["provincie"] == province]
    return sorted(sel["code"].astype(str))
