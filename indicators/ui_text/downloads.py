"""Texts of the page 'downloads'."""

TEXT: dict[str, dict[str, str]] = {}
