"""Downloads for researchers: CSV that opens safely in any spreadsheet.

Text cells that start with ``=``, ``+``, ``-``, ``@``, tab or carriage return are prefixed with an
apostrophe so a spreadsheet never runs them as formulas; numeric columns stay numbers. Two
dialects: RFC CSV in UTF-8 with BOM, and the Dutch-Excel variant (``;`` and decimal comma).
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from indicators.snapshot import Snapshot, snapshot_date
from indicators.views.downloads import tidy_dataset

FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def neutralise_formulas(frame: pd.DataFrame) -> pd.DataFrame:
    """Copy of ``frame`` with formula-looking text cells made inert (numbers untouched)."""
    out = frame.copy()
    for column in out.columns:
        if pd.api.types.is_numeric_dtype(out[column]):
            continue
        out[column] = out[column].map(
            lambda v: "'" + v if isinstance(v, str) and v.startswith(FORMULA_START) else v
        )
    return out


def to_csv_bytes(frame: pd.DataFrame, dutch_excel: bool = False) -> bytes:
    """CSV bytes with BOM; ``dutch_excel`` uses ``;`` and a decimal comma."""
    safe = neutralise_formulas(frame)
    if dutch_excel:
        text = safe.to_csv(index=False, sep=";", decimal=",")
    else:
        text = safe.to_csv(index=False)
    return text.encode("utf-8-sig")


def write_tidy_csv(snap: Snapshot, out: Path) -> list[Path]:
    """The full tidy dataset in both dialects; returns the paths written."""
    out.mkdir(parents=True, exist_ok=True)
    frame = tidy_dataset(snap)
    stamp = snapshot_date(snap) or "onbekend"
    paths = [
        out / f"brede-welvaart-zod_alle-indicatoren_{stamp}.csv",
        out / f"brede-welvaart-zod_alle-indicatoren_{stamp}_excel-nl.csv",
    ]
    paths[0].write_bytes(to_csv_bytes(frame))
    paths[1].write_bytes(to_csv_bytes(frame, dutch_excel=True))
    return paths
