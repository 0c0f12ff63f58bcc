"""``mandiff check``: rules that a drafted resolution's text must pass, for CI.

>>> from mandiff.parse import parse
>>> from mandiff.check import check
>>> text = "The Security Council,\\n\\n1. Decides to act,\\n\\n2. Decides to remain seized of the matter.\\n"
>>> [(f.rule, f.line, f.column) for f in check(parse(text), text)]
[('paragraph-end', 3, 18)]

The engine returns :class:`Finding` objects; :data:`RENDERERS` turns them into
text, JSON, GitHub Actions commands or SARIF.
"""

from __future__ import annotations

from mandiff.check.config import Config, ConfigError, find_config, load_config
from mandiff.check.draft import Draft
from mandiff.check.findings import SEVERITIES, Finding, Hit, Rule
from mandiff.check.render import RENDERERS
from mandiff.check.rules import RULES
from mandiff.errors import MandiffError
from mandiff.model import Resolution
from mandiff.read import Source

__all__ = [
    "RENDERERS",
    "RULES",
    "SEVERITIES",
    "Config",
    "ConfigError",
    "Finding",
    "Hit",
    "NotAResolutionError",
    "Rule",
    "check",
    "find_config",
    "load_config",
]


class NotAResolutionError(MandiffError):
    """The input parsed as a report or other document, so no rule applies."""


def check(
    res: Resolution, source: Source | str, config: Config | None = None, current: Resolution | None = None
) -> tuple[Finding, ...]:
    """Run the configured rules over a parsed draft; findings sorted by position, then rule order.

    ``source`` is what the draft was parsed from (:func:`mandiff.read.read`'s
    :class:`~mandiff.read.Source`, or the decoded text), so that every finding
    points at a line and column of the user's file. ``current`` is the mandate in
    force: given, the rules of :mod:`mandiff.check.against` compare the draft with it.
    """
    for what, doc in (("the draft", res), ("the current mandate", current)):
        if doc is not None and doc.kind != "resolution":
            raise NotAResolutionError(
                f"{what} reads as a {doc.kind}, not a resolution (no address line such as "
                "'The Security Council,' followed by operative paragraphs numbered from 1); check the file"
            )
    config = config or Config()
    text = source.text if isinstance(source, Source) else source
    diff = None
    if current is not None:
        # Imported here: the comparison engine is only needed with --against.
        from mandiff.compare import compare

        diff = compare(current, res)
    draft = Draft.of(res, text, diff)
    order = {rule_id: i for i, rule_id in enumerate(RULES)}
    findings = [
        Finding(rule.id, config.severity(rule), hit.span, hit.message, hit.paragraph)
        for rule in config.rules()
        for hit in rule.check(draft, config.options_for(rule))
    ]
    findings.sort(key=lambda f: (f.span.start, f.span.end, order[f.rule]))
    return tuple(findings)
