"""Texts of the page 'verkennen'."""

TEXT: dict[str, dict[str, str]] = {}
