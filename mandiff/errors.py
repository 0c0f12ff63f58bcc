"""Errors mandiff raises on bad input. Each message says the cause and the fix.

The CLI prints ``str(error)`` on one line and exits with ``error.exit_code``
(2, "trouble", as diff(1) does).
"""

from __future__ import annotations

__all__ = [
    "BinaryInputError",
    "DecodingError",
    "EmptyInputError",
    "InputNotFoundError",
    "LexiconError",
    "MandiffError",
    "UnsupportedLanguageError",
]


class MandiffError(Exception):
    """Base class: anything mandiff reports as trouble with its input."""

    exit_code = 2


class InputNotFoundError(MandiffError):
    """The path does not exist or cannot be read."""


class EmptyInputError(MandiffError):
    """The input holds no text."""


class BinaryInputError(MandiffError):
    """The input is not text (a PDF, an image, a Word file...)."""


class DecodingError(MandiffError):
    """The bytes are text in no encoding mandiff can identify."""


class UnsupportedLanguageError(MandiffError):
    """No lexicon exists for the language asked for or detected."""


class LexiconError(MandiffError):
    """A lexicon data file is malformed (a packaging bug, not a user error)."""
