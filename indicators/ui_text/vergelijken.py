"""Texts of the page 'vergelijken'."""

TEXT: dict[str, dict[str, str]] = {}
