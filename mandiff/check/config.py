"""Configuration of ``mandiff check``: which rules run, their severities and options, what fails.

Read from ``[check]`` of a ``.mandiff.toml`` or ``[tool.mandiff.check]`` of a
``pyproject.toml``, the nearest one found from the draft's folder upwards (a
``pyproject.toml`` without the table is passed over), or from the file given
with ``--config``::

    [tool.mandiff.check]
    fail-on = "warning"            # a severity, a rule id, "never", or a list of them
    disable = ["negotiation-marks"]
    # enable = ["paragraph-end"]   # when given, only these rules run
    severity = { closing-formula = "error", citation-no-year = "off" }

    [tool.mandiff.check.options.duplicate-paragraph]
    min-length = 60
"""

from __future__ import annotations

import tomllib
from collections.abc import Iterable, Mapping
from pathlib import Path
from types import MappingProxyType
from typing import Any

import attrs

from mandiff.check.findings import SEVERITIES, Finding, Rule, rank
from mandiff.check.rules import RULES
from mandiff.errors import MandiffError

__all__ = ["DEFAULT_FAIL_ON", "Config", "ConfigError", "find_config", "load_config", "parse_fail_on"]

DEFAULT_FAIL_ON: tuple[str, ...] = ("warning",)
"""Errors and warnings fail a run; notes do not."""
NEVER = "never"
OFF = "off"
_KEYS = frozenset({"fail-on", "disable", "enable", "severity", "options"})


class ConfigError(MandiffError):
    """The check configuration is malformed or names an unknown rule, severity or option."""


@attrs.frozen
class Config:
    """Settings of one run. ``Config()`` is the default: every rule, default severities.

    Example: ``Config(disabled=frozenset({"negotiation-marks"}), fail_on=("error",))``.
    """

    disabled: frozenset[str] = frozenset()
    """Ids of rules that do not run."""
    enabled: frozenset[str] | None = None
    """When set, only these rules run (before ``disabled`` is applied)."""
    severities: Mapping[str, str] = attrs.field(factory=lambda: MappingProxyType({}))
    """Rule id -> severity replacing the rule's default."""
    fail_on: tuple[str, ...] = DEFAULT_FAIL_ON
    """Severity thresholds and rule ids that fail the run (exit 1); ``("never",)`` never fails."""
    options: Mapping[str, Mapping[str, Any]] = attrs.field(factory=lambda: MappingProxyType({}))
    """Rule id -> options set, checked against the rule's declared options."""
    path: str | None = None
    """File the configuration came from, for messages; None for the defaults."""

    def rules(self) -> list[Rule]:
        """The rules that run, in registry order."""
        return [
            rule
            for rule in RULES.values()
            if (self.enabled is None or rule.id in self.enabled) and rule.id not in self.disabled
        ]

    def severity(self, rule: Rule) -> str:
        return self.severities.get(rule.id, rule.severity)

    def options_for(self, rule: Rule) -> dict[str, Any]:
        """The rule's declared options with this configuration's values over the defaults."""
        return {**rule.options, **self.options.get(rule.id, {})}

    def fails(self, finding: Finding) -> bool:
        """True when ``finding`` makes the run fail (exit status 1)."""
        for item in self.fail_on:
            if item in SEVERITIES and rank(finding.severity) <= rank(item):
                return True
            if item == finding.rule:
                return True
        return False

    def with_fail_on(self, fail_on: tuple[str, ...]) -> Config:
        return attrs.evolve(self, fail_on=fail_on)


def parse_fail_on(values: Iterable[str], where: str = "--fail-on") -> tuple[str, ...]:
    """Split and validate ``--fail-on`` values: ``["error", "paragraph-end,brackets"]``."""
    items = tuple(v.strip() for value in values for v in value.split(",") if v.strip())
    for item in items:
        if item not in SEVERITIES and item not in RULES and item != NEVER:
            raise ConfigError(
                f"{where}: {item!r} is neither a severity ({', '.join(SEVERITIES)}), a rule id nor {NEVER!r}; "
                f"use one of them (rules: {', '.join(RULES)})"
            )
    if NEVER in items and len(items) > 1:
        raise ConfigError(f"{where}: {NEVER!r} cannot be combined with other values; give it alone")
    return items or DEFAULT_FAIL_ON


def find_config(start: Path) -> Path | None:
    """The nearest ``.mandiff.toml``, or ``pyproject.toml`` with ``[tool.mandiff.check]``, from ``start`` up."""
    folder = start if start.is_dir() else start.parent
    for d in (folder.resolve(), *folder.resolve().parents):
        dotfile = d / ".mandiff.toml"
        if dotfile.is_file():
            return dotfile
        pyproject = d / "pyproject.toml"
        if pyproject.is_file() and _table(_read(pyproject), pyproject) is not None:
            return pyproject
    return None


def _read(path: Path) -> dict[str, Any]:
    try:
        return tomllib.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise ConfigError(f"{path}: no such configuration file; check the --config path") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(f"{path}: cannot be read ({exc}); check the file") from None
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{path}: is not valid TOML ({exc}); fix the syntax") from None


def _table(data: dict[str, Any], path: Path) -> dict[str, Any] | None:
    table = data.get("tool", {}).get("mandiff", {}).get("check") if path.name == "pyproject.toml" else data.get("check")
    if table is not None and not isinstance(table, dict):
        raise ConfigError(f"{path}: the check settings are not a table; write them under [{_where(path)}]")
    return table


def _where(path: Path) -> str:
    return "tool.mandiff.check" if path.name == "pyproject.toml" else "check"


def load_config(path: Path | None) -> Config:
    """The configuration in ``path`` (see the module docstring); the defaults when ``path`` is None."""
    if path is None:
        return Config()
    table = _table(_read(path), path) or {}
    where = f"{path}: [{_where(path)}]"
    unknown = set(table) - _KEYS
    if unknown:
        raise ConfigError(f"{where} has unknown keys {sorted(unknown)}; use {sorted(_KEYS)}")
    disabled = frozenset(_rule_ids(table.get("disable", []), f"{where}.disable"))
    enabled = frozenset(_rule_ids(table["enable"], f"{where}.enable")) if "enable" in table else None
    severities: dict[str, str] = {}
    for rule_id, severity in _mapping(table.get("severity", {}), f"{where}.severity").items():
        _rule_ids([rule_id], f"{where}.severity")
        if severity == OFF:
            disabled |= {rule_id}
        elif severity in SEVERITIES:
            severities[rule_id] = severity
        else:
            raise ConfigError(
                f"{where}.severity: {rule_id} = {severity!r} is no severity; "
                f"use one of {', '.join(SEVERITIES)} or {OFF!r}"
            )
    options: dict[str, dict[str, Any]] = {}
    for rule_id, values in _mapping(table.get("options", {}), f"{where}.options").items():
        _rule_ids([rule_id], f"{where}.options")
        values = _mapping(values, f"{where}.options.{rule_id}")
        declared = RULES[rule_id].options
        extra = set(values) - set(declared)
        if extra:
            known = ", ".join(declared) or "none"
            raise ConfigError(f"{where}.options.{rule_id} has unknown options {sorted(extra)}; known: {known}")
        for key, value in values.items():
            default = declared[key]
            if isinstance(default, tuple | list) and not isinstance(value, list):
                raise ConfigError(f"{where}.options.{rule_id}.{key} is not a list; write one, like {list(default)!r}")
            if isinstance(default, int) and not (isinstance(value, int) and not isinstance(value, bool)):
                raise ConfigError(f"{where}.options.{rule_id}.{key} is not a whole number; write one, like {default}")
        options[rule_id] = values
    fail_on = table.get("fail-on", list(DEFAULT_FAIL_ON))
    if isinstance(fail_on, str):
        fail_on = [fail_on]
    if not isinstance(fail_on, list) or not all(isinstance(v, str) for v in fail_on):
        raise ConfigError(f'{where}.fail-on is neither a string nor a list of strings; write one, like "warning"')
    return Config(
        disabled=disabled,
        enabled=enabled,
        severities=MappingProxyType(severities),
        fail_on=parse_fail_on(fail_on, f"{where}.fail-on"),
        options=MappingProxyType(options),
        path=str(path),
    )


def _mapping(value: Any, where: str) -> dict[str, Any]:
    if not isinstance(value, dict):
        raise ConfigError(f'{where} is not a table; write one keyed by rule id, like {{ paragraph-end = "warning" }}')
    return value


def _rule_ids(values: Any, where: str) -> list[str]:
    if isinstance(values, str) or not isinstance(values, list):
        raise ConfigError(f'{where} is not a list; write a list of rule ids, like ["paragraph-end"]')
    for value in values:
        if value not in RULES:
            raise ConfigError(f"{where}: unknown rule {value!r}; known rules: {', '.join(RULES)}")
    return list(values)
