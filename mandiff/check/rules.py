"""The registry of rules, by id, in the order their findings are listed.

Each rule lives with its family (numbering, references, leads, punctuation,
citations, structure, and against the mandate in force); this module only gathers them. To add a rule, write its
check function and :class:`~mandiff.check.findings.Rule` in the family module,
then a test that seeds its defect into real text in both languages.
"""

from __future__ import annotations

from types import MappingProxyType

from mandiff.check import against, citations, leads, numbering, punctuation, references, structure
from mandiff.check.findings import SEVERITIES, Rule

__all__ = ["RULES"]


def _registry(*families: tuple[Rule, ...]) -> MappingProxyType[str, Rule]:
    out: dict[str, Rule] = {}
    for family in families:
        for rule in family:
            if rule.id in out:
                raise ValueError(f"rule id {rule.id!r} is registered twice")
            if rule.severity not in SEVERITIES:
                raise ValueError(f"rule {rule.id!r} has unknown severity {rule.severity!r}")
            out[rule.id] = rule
    return MappingProxyType(out)


RULES = _registry(
    numbering.RULES,
    references.RULES,
    leads.RULES,
    punctuation.RULES,
    citations.RULES,
    structure.RULES,
    against.RULES,
)
"""Rule id -> :class:`~mandiff.check.findings.Rule`, read-only."""
