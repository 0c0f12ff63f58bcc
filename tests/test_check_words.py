"""The data files of ``mandiff check`` (``mandiff/check/rules_<code>.toml``): same keys in every
language, valid patterns, and no language's words in the code.
"""

from __future__ import annotations

import re
import tomllib
from importlib import resources

import pytest

from mandiff.check import RULES, SEVERITIES, words
from mandiff.errors import LexiconError, UnsupportedLanguageError
from mandiff.lexicon import BODY_NAMES, available


def _data(code: str) -> dict:
    return tomllib.loads(resources.files("mandiff.check").joinpath(f"rules_{code}.toml").read_text(encoding="utf-8"))


def test_every_parser_language_has_check_data() -> None:
    assert words.available() == available() == ("en", "zh")


@pytest.mark.parametrize("code", ["en", "zh"])
def test_data_file_keys_and_patterns(code: str) -> None:
    data = _data(code)
    words.validate(data, f"rules_{code}.toml")
    assert data["language"]["code"] == code
    assert set(data["closing"]) <= set(BODY_NAMES)
    loaded = words.load(code)
    assert all("refs" in p.groupindex for p in loaded.references)
    assert {"number", "year"} <= set(loaded.citation.groupindex)
    assert "number" in loaded.bare.groupindex


def test_validation_names_the_file_and_the_key() -> None:
    data = _data("en")
    broken = {**data, "leads": {k: v for k, v in data["leads"].items() if k != "capitalize"}}
    with pytest.raises(LexiconError, match=r"rules_xx.toml: \[leads\] keys differ \(missing \['capitalize'\]"):
        words.validate(broken, "rules_xx.toml")
    with pytest.raises(LexiconError, match="unknown"):
        words.validate({**data, "extra": {}}, "rules_xx.toml")
    with pytest.raises(UnsupportedLanguageError, match="available: en, zh"):
        words.load("fr")


def test_rules_are_a_closed_registry() -> None:
    for rule_id, rule in RULES.items():
        assert re.fullmatch(r"[a-z]+(?:-[a-z]+)*", rule_id)
        assert rule.severity in SEVERITIES
        assert rule.check.__doc__ and rule.summary
    with pytest.raises(TypeError):
        RULES["x"] = RULES["paragraph-end"]  # type: ignore[index]


def test_code_holds_no_chinese_words() -> None:
    # Words belong in rules_<code>.toml; docstrings may quote examples, code may not.
    han = re.compile(r"[\u4e00-\u9fff]")
    for path in resources.files("mandiff.check").iterdir():
        if not path.name.endswith(".py"):
            continue
        code = re.sub(r'"""[\s\S]*?"""', "", path.read_text(encoding="utf-8"))
        code = "\n".join(line.split("#")[0] for line in code.splitlines())
        assert not han.search(code), path.name
