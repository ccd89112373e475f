"""Texts of the page 'per_doel'."""

TEXT: dict[str, dict[str, str]] = {}
