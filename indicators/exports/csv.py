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


def plain_number(value: float, decimal: str = ".") -> str:
    """A float as a spreadsheet reads it: whole numbers without '.0' (12011, not 12011,0),
    others in their shortest exact form (3.52); empty for a missing value."""
    if pd.isna(value):
        return ""
    if float(value).is_integer() and abs(value) < 1e15:
        return str(int(value))
    return repr(float(value)).replace(".", decimal)


def to_csv_bytes(frame: pd.DataFrame, dutch_excel: bool = False) -> bytes:
    """CSV bytes with BOM; ``dutch_excel`` uses ``;`` and a decimal comma. Float columns are
    written by :func:`plain_number` (pandas would write every count as '12011.0')."""
    safe = neutralise_formulas(frame)
    decimal = "," if dutch_excel else "."
    for column in safe.columns:
        if pd.api.types.is_float_dtype(safe[column]):
            safe[column] = safe[column].map(lambda v: plain_number(v, decimal))
    text = safe.to_csv(index=False, sep=";" if dutch_excel else ",")
    return text.encode("utf-8-sig")


def write_tidy_csv(snap: Snapshot, out: Path, lang: str = "nl") -> list[Path]:
    """The full tidy dataset in both dialects (names, units and statuses in ``lang``);
    returns the paths written."""
    out.mkdir(parents=True, exist_ok=True)
    frame = tidy_dataset(snap, lang)
    stamp = snapshot_date(snap) or "onbekend"
    paths = [
        out / f"brede-welvaart-zod_alle-indicatoren_{stamp}.csv",
        out / f"brede-welvaart-zod_alle-indicatoren_{stamp}_excel-nl.csv",
    ]
    paths[0].write_bytes(to_csv_bytes(frame))
    paths[1].write_bytes(to_csv_bytes(frame, dutch_excel=True))
    return paths
