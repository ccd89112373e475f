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


TOPIC_KEY = re.compile(r"_\d+$")


def resolve_key(keys: Sequence[str], name: str, occurrence: int = 0) -> str:
    """Find the key whose name without its numeric suffix (regex `_\\d+$`) equals `name`
    (e.g. name "GemiddeldeWOZWaardeVanWoningen" finds "GemiddeldeWOZWaardeVanWoningen_39" as well as
    "_35"); `occurrence` picks the n-th match in given order (CBS repeats names such as
    "Eenpersoonshuishoudens" for absolute and % columns). Raises CBSError listing close candidates
    (difflib) if absent.

    Why: CBS renumbers topic keys between editions of a table, so indicator definitions name
    the topic without its suffix. A full key (with suffix) present in ``keys`` is accepted too.
    """
    from indicators.errors import CBSError

    matches = [key for key in keys if TOPIC_KEY.sub("", key) == name]
    if not matches and name in keys:
        matches = [name]
    if 0 <= occurrence < len(matches):
        return matches[occurrence]
    if matches:
        raise CBSError(
            f"Key {name!r}: asked for occurrence {occurrence}, but only {len(matches)} key(s) "
            f"carry that name: {', '.join(matches)}. Fix the occurrence in the indicator "
            "definition."
        )
    bases: dict[str, list[str]] = {}
    for key in keys:
        bases.setdefault(TOPIC_KEY.sub("", key), []).append(key)
    close = difflib.get_close_matches(name, list(bases), n=5, cutoff=0.6)
    folded = name.casefold()
    close += [
        b for b in bases if b not in close and (folded in b.casefold() or b.casefold() in folded)
    ]
    candidates = [key for base in close[:6] for key in bases[base]]
    hint = f"Close candidates: {', '.join(candidates)}." if candidates else "No similar key found."
    raise CBSError(
        f"Key {name!r} (with any '_<number>' suffix) not found among {len(keys)} keys. {hint} "
        "CBS may have renamed the topic in this edition of the table; update the key name in "
        "the indicator definition."
    )
