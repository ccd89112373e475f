"""The attribute table of a CBS shapefile (``.dbf``), e.g. the Wijk- en buurtkaart 2018.

Read with pyogrio without geometry (the ``.shp`` need not be present). CBS writes missing
values in these tables as ``-99999999`` (and other large negative sentinels); they become NaN.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from indicators.errors import RawDataError
from indicators.sources.values import parse_cbs_series


def read_dbf(path: Path, *, required: tuple[str, ...] = ()) -> pd.DataFrame:
    """Every record of the table; numeric columns as float with sentinels as NaN, text columns
    stripped. Raises RawDataError naming the file when it is missing, unreadable or lacks a
    ``required`` column."""
    import pyogrio

    if not path.is_file():
        raise RawDataError(f"Raw file not found: {path}. Check --raw.")
    try:
        frame = pyogrio.read_dataframe(path, read_geometry=False)
    except Exception as exc:  # pyogrio raises several types; all mean "unreadable file"
        raise RawDataError(f"{path}: cannot read the .dbf table ({exc})") from exc
    frame = pd.DataFrame(frame)
    missing = [c for c in required if c not in frame.columns]
    if missing:
        raise RawDataError(f"{path}: missing columns {missing}; found {list(frame.columns)[:12]}")
    return pd.DataFrame(
        {
            column: parse_cbs_series(frame[column])
            if pd.api.types.is_numeric_dtype(frame[column])
            else frame[column].astype("string").str.strip().astype(object)
            for column in frame.columns
        }
    )
