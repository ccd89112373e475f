"""Texts of the page 'methode'."""

TEXT: dict[str, dict[str, str]] = {}
