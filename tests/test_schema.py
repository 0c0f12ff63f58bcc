"""The JSON Schema in mandiff/schema is the public contract of ``to_dict()`` and ``--format json``."""

from __future__ import annotations

import copy
import json
import tomllib
from importlib import resources
from pathlib import Path
from typing import Any

import pytest
from conftest import DATA, EXAMPLES, HRC_58_30_ZH, SC_2423_ZH
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from jsonschema import Draft202012Validator
from typer.testing import CliRunner

import mandiff
from mandiff import lexicon
from mandiff.cli import app
from mandiff.lexicon import BODY_NAMES
from mandiff.schema import load_schema

SCHEMA = load_schema("resolution")
# Format checks stay off: "format" is an annotation here, the pattern does the checking.
VALIDATOR = Draft202012Validator(SCHEMA)
INPUTS = sorted(EXAMPLES.glob("*.txt")) + sorted(DATA.glob("*.txt"))


def _errors(instance: Any) -> list[str]:
    return [f"{'/'.join(map(str, e.absolute_path)) or '<root>'}: {e.message}" for e in VALIDATOR.iter_errors(instance)]


def _lexicon_file(name: str) -> dict[str, Any]:
    return tomllib.loads(resources.files("mandiff.lexicon").joinpath(f"{name}.toml").read_text(encoding="utf-8"))


def test_schema_is_valid_draft_2020_12() -> None:
    Draft202012Validator.check_schema(SCHEMA)
    assert SCHEMA["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    assert SCHEMA["$id"] == "https://mandiff.dev/schema/resolution.schema.json"


def test_load_schema_accepts_file_name_and_rejects_unknown() -> None:
    assert load_schema("resolution.schema.json") == SCHEMA
    with pytest.raises(FileNotFoundError):
        load_schema("no-such-schema")


def _objects(node: Any) -> list[dict[str, Any]]:
    """Every object schema (one with "properties") inside ``node``."""
    out = []
    if isinstance(node, dict):
        if "properties" in node:
            out.append(node)
        for value in node.values():
            out.extend(_objects(value))
    elif isinstance(node, list):
        for value in node:
            out.extend(_objects(value))
    return out


def test_every_object_is_closed_and_every_property_described() -> None:
    objects = _objects(SCHEMA)
    assert len(objects) >= 7  # root + paragraph, clause, addressee, heading, annex, span
    for obj in objects:
        assert obj["additionalProperties"] is False
        assert set(obj["required"]) == set(obj["properties"])
        for name, prop in obj["properties"].items():
            assert prop.get("description"), f"property {name!r} has no description"


def test_clause_types_enum_equals_types_toml() -> None:
    enum = SCHEMA["$defs"]["clause"]["properties"]["type"]["enum"]
    assert None in enum
    assert [t for t in enum if t is not None] == list(lexicon.types())


def test_modifiers_enum_equals_lexicon_modifier_keys() -> None:
    enum = SCHEMA["$defs"]["clause"]["properties"]["modifiers"]["items"]["enum"]
    keys: set[str] = set()
    for code in lexicon.available():
        data = _lexicon_file(code)
        keys |= set(data.get("modifiers", {})) | set(data.get("modifiers_after", {}))
    assert set(enum) == keys == {"also", "further", "again", "strongly"}


def test_body_enum_equals_body_names() -> None:
    assert set(SCHEMA["properties"]["body"]["enum"]) == {*BODY_NAMES.values(), None}


def test_top_level_keys_follow_the_model() -> None:
    fields = [f.name for f in mandiff.Resolution.__attrs_attrs__ if f.name != "metadata"]
    meta = [f.name for f in mandiff.Metadata.__attrs_attrs__]
    assert set(SCHEMA["required"]) == set(fields) | set(meta)


@pytest.mark.parametrize("path", INPUTS, ids=lambda p: p.name)
def test_to_dict_validates(path: Path) -> None:
    data = mandiff.load(path).to_dict()
    assert _errors(data) == []
    # The dict is plain JSON already: no tuples or other types that change in a round trip.
    assert json.loads(json.dumps(data, ensure_ascii=False)) == data


def test_inputs_cover_every_part_of_the_schema() -> None:
    """The validated inputs exercise annexes, headings, addressees, sub-paragraphs, items and non-resolutions."""
    dicts = [mandiff.load(p).to_dict() for p in INPUTS]
    assert {d["kind"] for d in dicts} >= {"resolution", "report"}
    assert any(d["annexes"] for d in dicts)
    assert any(d["headings"] for d in dicts)
    kinds = set()
    addressed = False

    def visit(para: dict[str, Any]) -> None:
        nonlocal addressed
        kinds.add(para["kind"])
        addressed = addressed or any(c["addressee"] for c in para["clauses"])
        for child in para["children"]:
            visit(child)

    for d in dicts:
        for para in [*d["preamble"], *d["operative"], *(p for a in d["annexes"] for p in a["paragraphs"])]:
            visit(para)
    assert kinds == {"preambular", "operative", "subparagraph", "item", "annex"}
    assert addressed


@pytest.mark.parametrize(
    ("data", "encoding"),
    [
        ("The Security Council,\n\n1. Decides to remain seized of the matter.\n", "str"),
        ("The Security Council,\n\n1. Decides to remain seized of the matter.\n".encode("utf-16"), "utf-16"),
        (HRC_58_30_ZH.read_text(encoding="utf-8").encode("gb18030"), "gb18030"),
    ],
    ids=["str", "utf-16", "gb18030"],
)
def test_other_encodings_validate(data: str | bytes, encoding: str) -> None:
    out = mandiff.parse(data).to_dict()
    assert out["encoding"] == encoding
    assert _errors(out) == []


def _sc2423() -> dict[str, Any]:
    return mandiff.load(SC_2423_ZH).to_dict()


def test_wrong_clause_type_fails() -> None:
    data = _sc2423()
    data["operative"][0]["clauses"][0]["type"] = "commands"
    errors = _errors(data)
    assert errors and errors[0].startswith("operative/0/clauses/0/type:")


@pytest.mark.parametrize(
    "breakage",
    [
        lambda d: d.pop("trailer"),
        lambda d: d.update(extra=1),
        lambda d: d["operative"][0].update(kind="numbered"),
        lambda d: d["operative"][0]["span"].update(line=0),
        lambda d: d["operative"][0]["clauses"][0].update(modifiers=["very"]),
        lambda d: d.update(date="28 June 2018"),
        lambda d: d["operative"][0]["children"].append({"id": "1(a)"}),
        lambda d: d["preamble"][0]["clauses"][0].update(addressee={"raw": "x"}),
    ],
    ids=["missing-key", "extra-key", "paragraph-kind", "span-line", "modifier", "date", "child", "addressee"],
)
def test_broken_dicts_fail(breakage: Any) -> None:
    data = copy.deepcopy(_sc2423())
    breakage(data)
    assert _errors(data)


def test_cli_json_output_validates() -> None:
    result = CliRunner().invoke(app, ["parse", str(SC_2423_ZH), "--format", "json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert _errors(data) == []
    assert data == _sc2423()


_LINES = [ln for p in sorted(EXAMPLES.glob("*.txt")) for ln in p.read_text(encoding="utf-8").splitlines()[:120]]


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.sampled_from(_LINES), min_size=1, max_size=60))
def test_any_mix_of_example_lines_validates(lines: list[str]) -> None:
    """Whatever the parser makes of a jumble of real lines, its output keeps the contract."""
    text = "\n".join(lines)
    try:
        res = mandiff.parse(text)
    except mandiff.MandiffError:
        return
    assert _errors(res.to_dict()) == []
