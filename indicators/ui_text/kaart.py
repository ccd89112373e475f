"""Texts of the page 'kaart'."""

TEXT: dict[str, dict[str, str]] = {}
