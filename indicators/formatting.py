"""Dutch number formatting (1.234,5) for text, tables and chart labels."""

from __future__ import annotations

import math


def format_number(value: float | int | None, decimals: int = 0) -> str:
    """``109346`` -> ``"109.346"``; ``3.14159, 1`` -> ``"3,1"``; missing -> ``"–"``."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return "–"
    text = f"{value:,.{decimals}f}"
    return text.replace(",", "\u2009").replace(".", ",").replace("\u2009", ".")
