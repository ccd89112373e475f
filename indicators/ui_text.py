"""All UI text in one place (Dutch first; English for the language toggle)."""

from __future__ import annotations

TEXT: dict[str, dict[str, str]] = {
    "app_title": {
        "nl": "Brede welvaart Zuid- en Oost-Drenthe",
        "en": "Broad prosperity South and East Drenthe",
    },
    "overview": {"nl": "Overzicht", "en": "Overview"},
    "population_heading": {
        "nl": "Inwoners op 1 januari {year}",
        "en": "Population on 1 January {year}",
    },
    "population_caption": {
        "nl": "Bron: CBS, tabel {table}. Snapshot van {built}.",
        "en": "Source: CBS, table {table}. Snapshot of {built}.",
    },
    "snapshot_missing": {
        "nl": "De gegevens konden niet worden geladen: {error}",
        "en": "The data could not be loaded: {error}",
    },
    "language": {"nl": "Taal", "en": "Language"},
}


def t(key: str, lang: str = "nl", **values: object) -> str:
    """The text for ``key`` in ``lang`` (falls back to Dutch), formatted with ``values``."""
    entry = TEXT[key]
    return entry.get(lang, entry["nl"]).format(**values)
