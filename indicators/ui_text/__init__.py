"""All UI text in one place: Dutch first, English for the language toggle.

One module per page keeps parallel work apart; :func:`t` looks a key up in all of them, so a
key must be unique across modules (a test checks this and that every key has both languages).
"""

from __future__ import annotations

from indicators.ui_text import (
    ambities,
    common,
    downloads,
    kaart,
    methode,
    overzicht,
    per_doel,
    presentatie,
    vergelijken,
    verkennen,
)

MODULES = (
    common,
    overzicht,
    per_doel,
    verkennen,
    kaart,
    vergelijken,
    downloads,
    methode,
    presentatie,
    ambities,
)
LANGUAGES = ("nl", "en")


def _merge() -> dict[str, dict[str, str]]:
    merged: dict[str, dict[str, str]] = {}
    for module in MODULES:
        for key, entry in module.TEXT.items():
            if key in merged:
                raise KeyError(f"UI text key {key!r} defined twice ({module.__name__})")
            merged[key] = entry
    return merged


TEXT = _merge()


def t(key: str, lang: str = "nl", **values: object) -> str:
    """The text for ``key`` in ``lang`` (Dutch if missing), formatted with ``values``."""
    entry = TEXT[key]
    return entry.get(lang, entry["nl"]).format(**values)
