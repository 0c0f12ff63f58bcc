"""mandiff: read UN resolutions into a typed model and compare successive mandates.

>>> import mandiff
>>> res = mandiff.parse("The Security Council,\\n\\n1. Decides to remain seized of the matter.\\n")
>>> [(p.id, p.clauses[0].type) for p in res.operative]
[('1', 'decides')]
"""

from mandiff.changes import MandateDiff
from mandiff.compare import compare
from mandiff.errors import MandiffError
from mandiff.model import Addressee, Annex, Clause, Heading, Metadata, Paragraph, Resolution, Span
from mandiff.parse import load, parse

__version__ = "0.1.0"

__all__ = [
    "Addressee",
    "Annex",
    "Clause",
    "Heading",
    "MandateDiff",
    "MandiffError",
    "Metadata",
    "Paragraph",
    "Resolution",
    "Span",
    "__version__",
    "compare",
    "load",
    "parse",
]
