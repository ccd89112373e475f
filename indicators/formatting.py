"""Dutch number formatting (1.234,5) for text, tables and chart labels."""

from __future__ import annotations

import math


def format_number(value: float | int | None, decimals: int = 0) -> str:
    """``109346`` -> ``"109.346"``; ``3.14159, 1`` -> ``"3,1"``; missing -> ``"–"``."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return "–"
    text = f"{value:,.{decimals}f}"
    return text.replace(",", "\u2009").replace(".", ",").replace("\u2009", ".")


_MARKDOWN_SPECIAL = "\\`*_{}[]()#+-.!<>|~$"


def escape_markdown(text: str) -> str:
    """Make user-supplied text inert in Streamlit markdown (no links, HTML or formatting)."""
    return "".join("\\" + ch if ch in _MARKDOWN_SPECIAL else ch for ch in str(text))


def format_signed(value: float | None, decimals: int = 1) -> str:
    """``0.53`` -> ``"+0,5"``; for contributions and differences."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return "–"
    return ("+" if value > 0 else "") + format_number(value, decimals)
