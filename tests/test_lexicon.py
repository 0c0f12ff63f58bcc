"""Every lexicon file uses only the keys of TEMPLATE.toml, and its words compile and mean what they say."""

from __future__ import annotations

import re
import tomllib
from importlib import resources

import pytest

from mandiff import lexicon
from mandiff.errors import UnsupportedLanguageError

TEMPLATE = tomllib.loads(resources.files("mandiff.lexicon").joinpath("TEMPLATE.toml").read_text(encoding="utf-8"))
LANGUAGES = lexicon.available()


def _data(code: str) -> dict:
    return tomllib.loads(resources.files("mandiff.lexicon").joinpath(f"{code}.toml").read_text(encoding="utf-8"))


def test_both_first_languages_ship() -> None:
    assert {"en", "zh"} <= set(LANGUAGES)


@pytest.mark.parametrize("code", LANGUAGES)
def test_sections_and_keys_are_whitelisted(code: str) -> None:
    data = _data(code)
    assert set(data) <= set(TEMPLATE), f"{code}.toml has sections the template lacks"
    for section in ("language", "syntax", "document", "artifacts", "addressee"):
        assert set(data[section]) <= set(TEMPLATE[section]), (code, section)
    assert data["language"]["code"] == code


@pytest.mark.parametrize("code", LANGUAGES)
def test_clause_types_are_canonical(code: str) -> None:
    data = _data(code)
    canonical = set(lexicon.types())
    assert set(data["operative"]) <= canonical
    assert set(data["preamble"]) <= canonical
    preamble_only = {k for k, v in lexicon.types().items() if v.get("preamble_only")}
    assert not set(data["operative"]) & preamble_only, "preamble-only types cannot lead operative clauses"


@pytest.mark.parametrize("code", LANGUAGES)
def test_modifier_keys_are_shared(code: str) -> None:
    # The diff compares modifiers across languages, so every file uses the same keys.
    data = _data(code)
    assert set(data["modifiers"]) <= {"also", "further", "again", "strongly"}
    assert set(data.get("modifiers_after", {})) <= set(data["modifiers"])


@pytest.mark.parametrize("code", LANGUAGES)
def test_no_surface_maps_to_two_types(code: str) -> None:
    data = _data(code)
    fold = data["language"]["script"] != "Han"
    seen: dict[str, str] = {}
    for ctype, surfaces in data["operative"].items():
        for s in surfaces:
            key = s.lower() if fold else s
            assert seen.setdefault(key, ctype) == ctype, f"{s!r} is both {seen[key]} and {ctype}"


@pytest.mark.parametrize("code", LANGUAGES)
def test_regexes_compile(code: str) -> None:
    data = _data(code)
    for key in ("symbol", "session_symbol", "adoption", "meeting", "date", "annex", "report", "closing", "vote"):
        for pattern in data["document"].get(key, []):
            re.compile(pattern)
    lexicon.load(code)  # compiles the lead, addressee and artifact matchers


def test_types_form_an_ordered_scale() -> None:
    tiers = [v["tier"] for v in lexicon.types().values()]
    assert tiers == sorted(tiers, reverse=True), "types.toml lists the strongest types first"
    assert lexicon.strength("decides") > lexicon.strength("requests") > lexicon.strength("urges")
    assert lexicon.strength("urges") == lexicon.strength("calls_upon") > lexicon.strength("encourages")
    assert lexicon.strength("encourages") > lexicon.strength("welcomes") == 0
    assert lexicon.strength(None) is None


@pytest.mark.parametrize(
    ("code", "text", "ctype", "mods"),
    [
        ("en", "Also requests the Secretary-General to report", "requests", ("also",)),
        ("en", "Decides further that the mandate", "decides", ("further",)),
        ("en", "Strongly condemns all attacks", "condemns", ("strongly",)),
        ("en", "Calls upon all parties to", "calls_upon", ()),
        ("en", "Takes note of the report", "takes_note", ()),
        ("zh", "又强烈谴责各种侵犯人权行为", "condemns", ("also", "strongly")),
        ("zh", "再次呼吁立即停止", "calls_upon", ("again",)),
        ("zh", "表示注意到秘书长的报告", "takes_note", ()),
        ("zh", "还请秘书长征求有关各方的意见", "requests", ("also",)),
        ("zh", "着重指出马里稳定团必须", "underlines", ()),
    ],
)
def test_leads(code: str, text: str, ctype: str, mods: tuple[str, ...]) -> None:
    lead = lexicon.load(code).lead_at(text, 0)
    assert lead is not None
    assert (lead.type, lead.modifiers) == (ctype, mods)


def test_infinitive_is_not_a_lead() -> None:
    assert lexicon.load("en").lead_at("to encourage the parties", 0) is None
    assert lexicon.load("en").lead_at("Noteworthy", 0) is None


@pytest.mark.parametrize("code", ["fr", "xx", "../zh", "types", "common", "TEMPLATE"])
def test_unknown_language_is_a_clear_error(code: str) -> None:
    with pytest.raises(UnsupportedLanguageError, match="available"):
        lexicon.load(code)
