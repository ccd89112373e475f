"""Turn CBS cell values into numbers, and CBS codes into clean codes.

CBS marks missing or secret cells in several ways depending on the channel: JSON ``null``, the
string ``"."``, an empty cell, and in some exports sentinel numbers (``-99995`` and below). A
sentinel that slips through as a number would poison every mean downstream, so all readers and
clients use these two functions.
"""

from __future__ import annotations

import difflib
import math
import re
from collections.abc import Sequence

import pandas as pd

SENTINEL_THRESHOLD = -99990.0
_MISSING_MARKERS = {"", ".", "-", "x", "?", "..", "nan", "none", "null"}
_PERIOD_YEAR = re.compile(r"^(\d{4})")


def strip_region_code(code: object) -> str:
    """``"GM0114    "`` -> ``"GM0114"`` (v3 pads region codes to ten characters)."""
    return "" if code is None else str(code).strip()


def parse_cbs_number(value: object, decimal_comma: bool = False) -> float:
    """One CBS cell as float; every missing marker and sentinel becomes NaN, never a number."""
    if value is None:
        return math.nan
    if isinstance(value, bool):
        return math.nan
    if isinstance(value, (int, float)):
        number = float(value)
    else:
        text = str(value).strip().strip('"').strip()
        if text.lower() in _MISSING_MARKERS:
            return math.nan
        if decimal_comma:
            text = text.replace(".", "").replace(",", ".")
        try:
            number = float(text)
        except ValueError:
            return math.nan
    if math.isnan(number) or number <= SENTINEL_THRESHOLD:
        return math.nan
    return number


def parse_cbs_series(values: pd.Series, decimal_comma: bool = False) -> pd.Series:
    """Vectorised-enough :func:`parse_cbs_number` for a column (keeps the index)."""
    return values.map(lambda v: parse_cbs_number(v, decimal_comma)).astype("float64")


def period_year(period: object) -> int | None:
    """``"2024JJ00"`` or ``"2024*"`` or ``2024`` -> 2024; anything else -> None."""
    match = _PERIOD_YEAR.match(str(period).strip())
    return int(match.group(1)) if match else None


_KEY_SUFFIX = re.compile(r"_\d+$")


def resolve_key(keys: Sequence[str], name: str, occurrence: int = 0) -> str:
    """The v3 key whose name without its numeric suffix is ``name``.

    CBS renumbers suffixes between table versions (``GemiddeldeWOZWaardeVanWoningen_35`` ->
    ``_39``), so keys are found by name. ``occurrence`` picks the n-th match in table order,
    because CBS repeats names within a table (absolute and % columns).
    """
    from indicators.errors import CBSError

    matches = [k for k in keys if _KEY_SUFFIX.sub("", k) == name]
    if len(matches) > occurrence:
        return matches[occurrence]
    stems = sorted({_KEY_SUFFIX.sub("", k) for k in keys})
    close = difflib.get_close_matches(name, stems, n=3)
    found = f"only {len(matches)} match(es)" if matches else "no such key"
    raise CBSError(
        f"Key {name!r} (occurrence {occurrence}) not found: {found}. Closest: {close}. "
        "CBS may have renamed the topic; update the name in indicators/build.py."
    )
