"""How a figure is written: Dutch numbers (1.234,5), its status mark and year, file names.

One place for these rules, so the app, the CSV downloads, the slides and the factsheet write a
figure the same way.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable
from typing import TYPE_CHECKING

from indicators.ui_text import t

if TYPE_CHECKING:
    from indicators.catalog import Indicator

# A mark after a value that is not a definitive CBS figure, and the words for it (ui_text).
STATUS_MARK = {"provisional": "*", "derived": "†", "transcribed": "‡"}
STATUS_KEY = {
    "provisional": "status_provisional",
    "derived": "status_derived",
    "transcribed": "status_transcribed",
}


def format_number(value: float | int | None, decimals: int = 0, lang: str = "nl") -> str:
    """``109346`` -> ``"109.346"`` (English ``"109,346"``); ``3.14159, 1`` -> ``"3,1"``
    (``"3.1"``); missing -> ``"–"``."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return "–"
    text = f"{value:,.{decimals}f}"
    if lang == "en":
        return text
    return text.replace(",", "\u2009").replace(".", ",").replace("\u2009", ".")


def separators(lang: str = "nl") -> str:
    """Plotly's ``separators`` (decimal mark, thousands mark) for the language."""
    return ".," if lang == "en" else ",."


_MARKDOWN_SPECIAL = "\\`*_{}[]()#+-.!<>|~$"


def escape_markdown(text: str) -> str:
    """Make user-supplied text inert in Streamlit markdown (no links, HTML or formatting)."""
    return "".join("\\" + ch if ch in _MARKDOWN_SPECIAL else ch for ch in str(text))


def format_signed(value: float | None, decimals: int = 1, lang: str = "nl") -> str:
    """``0.53`` -> ``"+0,5"``; for contributions and differences. A value that rounds to
    zero is written without a sign (``-0.04`` -> ``"0,0"``, never ``"-0,0"``)."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return "–"
    if round(value, decimals) == 0:
        return format_number(0.0, decimals, lang)
    return ("+" if value > 0 else "") + format_number(value, decimals, lang)


def shown_decimals(ind: Indicator, values: Iterable[float]) -> int:
    """The catalog's decimals, or one more for a whole-number indicator with small fractional
    values, where rounding would distort by 5 % or more: a derived ZOD/NL vacancy of 3,52 %
    among whole-percent municipal figures is shown as 3,5, not as 4 (which would look equal to
    a municipality at 4 %)."""
    if ind.decimals > 0:
        return ind.decimals
    small_fraction = any(
        abs(v - round(v)) > 1e-6 and abs(v) < 10
        for v in (float(x) for x in values)
        if not math.isnan(v)
    )
    return 1 if small_fraction else 0


def value_text(value: float | None, decimals: int, status: str = "", lang: str = "nl") -> str:
    """'3,5†': the value with the mark of a non-definitive status ('' where there is none)."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return ""
    return format_number(value, decimals, lang) + STATUS_MARK.get(status, "")


def cell_text(value: float, year: int, status: str, decimals: int, lang: str = "nl") -> str:
    """'36,5 (2024*)': the value, its year and a mark for a non-definitive status."""
    return f"{format_number(value, decimals, lang)} ({year}{STATUS_MARK.get(status, '')})"


def status_legend(statuses: Iterable[str], lang: str = "nl") -> str:
    """'* voorlopig, † afgeleid' for the statuses that occur (in a fixed order)."""
    present = set(statuses)
    return ", ".join(
        f"{mark} {t(STATUS_KEY[status], lang)}"
        for status, mark in STATUS_MARK.items()
        if status in present
    )


def dated_label(year: int | float | None, reference_year: int | None, lang: str = "nl") -> str:
    """' · verouderd (2015)' after a figure more than five years older than the snapshot
    (``snapshot.is_dated``), else ''. Words, not colour: it must survive print and screen
    readers."""
    from indicators.snapshot import is_dated  # the rule lives with the snapshot

    if year is None or reference_year is None or (isinstance(year, float) and math.isnan(year)):
        return ""
    if not is_dated(int(year), reference_year):
        return ""
    return " · " + t("dated_mark", lang, year=int(year))


def marks_legend(lang: str = "nl") -> str:
    """The legend of all status marks, as every table, map, slide and factsheet prints it."""
    return t("status_marks", lang)


def slug(text: str) -> str:
    """'Zuid- en Oost-Drenthe' -> 'zuid-en-oost-drenthe' (file-name safe)."""
    return re.sub(r"[^0-9a-z]+", "-", text.lower()).strip("-")


def join_words(items: Iterable[str], lang: str = "nl") -> str:
    """'a', 'a en b', 'a, b en c' (and in English)."""
    words = list(items)
    if len(words) <= 1:
        return "".join(words)
    return ", ".join(words[:-1]) + f" {t('and', lang)} " + words[-1]
