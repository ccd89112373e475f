"""One domain exception per failure family, so callers (CLI, app) can show a clear message."""

from __future__ import annotations


class CBSError(Exception):
    """CBS could not deliver what was asked: unreachable, bad answer, unknown table or key.

    The message always says what failed and what the user can do about it.
    """


class RawDataError(Exception):
    """A raw input file is missing or malformed; the message names the file and the problem."""


class SnapshotError(Exception):
    """A snapshot failed validation or could not be written; the old snapshot is untouched."""
