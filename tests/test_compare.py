"""mandiff.compare on real renewals, in English and Chinese, and its JSON contract."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

import pytest
from compare_strategies import DATA, EXAMPLES, ZH, Node, render, tree
from jsonschema import Draft202012Validator

import mandiff
from mandiff import changes as vocab
from mandiff.changes import MIRROR_STATUS, MIRROR_TAG, STATUSES, TAGS, MandateDiff
from mandiff.compare import LanguageMismatchError
from mandiff.errors import MandiffError
from mandiff.schema import load_schema
from mandiff.textdiff import comparable

UNFICYP = (EXAMPLES / "S-RES-2506-2020.en.txt", EXAMPLES / "S-RES-2537-2020.en.txt")
MONUSCO = (DATA / "S-RES-2098-2013.en.txt", DATA / "S-RES-2147-2014.en.txt")
UNIFIL = (EXAMPLES / "S-RES-803-1993.en.txt", EXAMPLES / "S-RES-852-1993.en.txt")
MALI_HRC = (EXAMPLES / "A-HRC-RES-49-34.en.txt", EXAMPLES / "A-HRC-RES-52-42.en.txt")
REAL = [UNFICYP, MONUSCO, UNIFIL, MALI_HRC]
SCHEMA = load_schema("diff")
VALIDATOR = Draft202012Validator(SCHEMA)


def row(diff: MandateDiff, old: str | None = None, new: str | None = None) -> tuple[str, tuple[str, ...]]:
    change = diff.find(old=old, new=new)
    assert change is not None, (old, new)
    return change.status, change.tags


@pytest.fixture(scope="module")
def unficyp() -> MandateDiff:
    return mandiff.compare(*UNFICYP)


@pytest.fixture(scope="module")
def monusco() -> MandateDiff:
    return mandiff.compare(*MONUSCO)


# ----------------------------------------------------------------------------- inputs


def test_accepts_models_paths_text_and_bytes() -> None:
    old, new = UNFICYP
    by_path = mandiff.compare(old, new).to_dict()
    assert mandiff.compare(mandiff.load(old), mandiff.load(new)).to_dict() == by_path
    assert mandiff.compare(old.read_text(encoding="utf-8"), new.read_text(encoding="utf-8")).to_dict() == by_path
    assert mandiff.compare(old.read_bytes(), new.read_bytes()).to_dict() == by_path


def test_rejects_other_things_and_mixed_languages() -> None:
    with pytest.raises(TypeError, match="Resolution, a path, text or bytes"):
        mandiff.compare(42, UNFICYP[1])  # type: ignore[arg-type]
    with pytest.raises(LanguageMismatchError, match="same language") as caught:
        mandiff.compare(UNFICYP[0], ZH[0])
    assert isinstance(caught.value, MandiffError) and caught.value.exit_code == 2


# ----------------------------------------------------------------------------- UNFICYP 2506 -> 2537


def test_unficyp_counts(unficyp: MandateDiff) -> None:
    counts = unficyp.summary()
    assert counts["statuses"] == {"unchanged": 9, "changed": 15, "added": 2, "removed": 0}
    assert counts["tags"]["moved"] == 0 and counts["tags"]["split"] == counts["tags"]["merged"] == 0


def test_unficyp_unchanged_paragraphs_come_out_unchanged(unficyp: MandateDiff) -> None:
    for old, new in [("2", "2"), ("4", "4"), ("5(a)", "5(a)"), ("7", "7"), ("8", "9"), ("9", "10"), ("18", "19")]:
        status, tags = row(unficyp, old, new)
        assert status == "unchanged"
        assert tags == (() if old == new else ("renumbered",))
    assert row(unficyp, "5(c)", "5(d)") == ("unchanged", ("renumbered",))


def test_unficyp_insertions_and_edits(unficyp: MandateDiff) -> None:
    assert row(unficyp, None, "8") == ("added", ())
    assert row(unficyp, None, "5(c)") == ("added", ())
    extension = unficyp.find(old="10", new="11")
    assert extension.status == "changed" and "facts_changed" in extension.tags
    assert [(f.old.value, f.new.value) for f in extension.facts] == [("2020-07-31", "2021-01-31")]
    assert [(o.op, o.text) for o in extension.ops if o.op != "equal"] == [
        ("delete", "31 July 2020"),
        ("insert", "31January 2021"),
    ]
    # "Calls for a reduction of tensions" became "Reiterates its call for a reduction of tensions".
    assert "weakened" in row(unficyp, "3", "3")[1]
    assert unficyp.mandate.end_date.old.value == "2020-07-31"
    assert unficyp.mandate.end_date.new.value == "2021-01-31"


def test_unficyp_preamble(unficyp: MandateDiff) -> None:
    counts = unficyp.preamble.counts()["statuses"]
    assert sum(counts.values()) == len(unficyp.preamble.changes)
    assert counts["added"] == 2 and counts["removed"] == 0


# ----------------------------------------------------------------------------- MONUSCO 2098 -> 2147


def test_monusco_mandate(monusco: MandateDiff) -> None:
    assert (monusco.mandate.end_date.old.value, monusco.mandate.end_date.new.value) == ("2014-03-31", "2015-03-31")
    extension = monusco.find(old="9")
    assert extension.new == "1" and extension.status == "changed" and "facts_changed" in extension.tags


def test_monusco_tasks_found_across_paragraphs(monusco: MandateDiff) -> None:
    # The Special Representative's tasks (14(a)-(c)) became MONUSCO's (5(a)-(c)) under "Authorizes":
    # moved to another parent, and stronger (calls upon -> authorizes).
    for k in "abc":
        _, tags = row(monusco, f"14({k})", f"5({k})")
        assert {"moved", "renumbered", "strengthened"} <= set(tags)
    assert row(monusco, "15(e)", "5(h)") == ("unchanged", ("renumbered",))
    merged = [c for c in monusco.changes if c.new == "5" and "merged" in c.tags]
    assert {c.old for c in merged} == {"14", "15"}


def test_real_renewals_keep_identical_paragraphs_unchanged() -> None:
    for old_path, new_path in REAL:
        a, b = mandiff.load(old_path), mandiff.load(new_path)
        diff = mandiff.compare(a, b)
        lang = a.language
        olds = Counter(comparable(p.text, lang) for para in a.operative for p in para.walk())
        news = {comparable(p.text, lang): p.id for para in b.operative for p in para.walk()}
        count_new = Counter(comparable(p.text, lang) for para in b.operative for p in para.walk())
        for para in a.operative:
            for p in para.walk():
                text = comparable(p.text, lang)
                if olds[text] == 1 and count_new[text] == 1:
                    change = diff.find(old=p.id, new=news[text])
                    assert change is not None and change.status == "unchanged", (old_path.name, p.id)


def test_changes_follow_the_new_document(monusco: MandateDiff) -> None:
    new = mandiff.load(MONUSCO[1])
    order = [p.id for para in new.operative for p in para.walk()]
    seen = [c.new for c in monusco.changes if c.new is not None]
    firsts = list(dict.fromkeys(seen))
    assert firsts == order


# ----------------------------------------------------------------------------- Chinese


@pytest.fixture(scope="module")
def minusma_renewal() -> tuple[mandiff.Resolution, MandateDiff]:
    """S/RES/2423 renewed by hand: ten paragraphs dropped (38 becomes 28), end date and ceiling
    raised, 鼓励 made 请, and the task 38(d)(ii) moved to the head of 38(c)."""
    old = mandiff.load(ZH[0])
    nodes = tree(old)
    nodes[23].text = nodes[23].text.replace("2019 年 6 月 30 日", "2020 年 6 月 30 日")
    nodes[24].text = nodes[24].text.replace("13 289", "15 209")
    assert nodes[15].text.startswith("鼓励")
    nodes[15].text = "请" + nodes[15].text[2:]
    for n in (nodes[15], nodes[23], nodes[24]):
        n.changed = True
    priority = nodes[37]
    task = priority.children[3].children.pop(1)  # 38(d)(ii) with its five dash items
    priority.children[2].children.insert(0, task)
    del nodes[:10]
    new = mandiff.parse(render(old, nodes), lang="zh")
    return new, mandiff.compare(old, new)


def test_chinese_task_moved_from_38d_ii_to_28c_i(minusma_renewal: tuple[mandiff.Resolution, MandateDiff]) -> None:
    new, diff = minusma_renewal
    assert new.paragraph("28(c)(i)").text.startswith("支持马里当局在主要人口中心")
    assert row(diff, "38(d)(ii)", "28(c)(i)") == ("unchanged", ("moved", "renumbered"))
    assert row(diff, "38(d)(ii)-1", "28(c)(i)-1") == ("unchanged", ("renumbered",))
    assert row(diff, "38(c)(i)", "28(c)(ii)") == ("unchanged", ("renumbered",))
    assert row(diff, "38(d)(iii)", "28(d)(ii)") == ("unchanged", ("renumbered",))
    assert row(diff, "38", "28") == ("unchanged", ("renumbered",))


def test_chinese_facts_strength_and_removals(minusma_renewal: tuple[mandiff.Resolution, MandateDiff]) -> None:
    _, diff = minusma_renewal
    assert diff.language == "zh"
    assert (diff.mandate.end_date.old.value, diff.mandate.end_date.new.value) == ("2019-06-30", "2020-06-30")
    ceilings = {c.old.unit: (c.old.value, c.new.value) for c in diff.mandate.ceilings}
    assert ceilings == {"military": ("13289", "15209"), "police": ("1920", "1920")}
    status, tags = row(diff, "16", "6")
    assert status == "changed" and "strengthened" in tags
    (clause,) = diff.find(old="16").clauses
    assert (clause.old.type, clause.new.type, clause.tags) == ("encourages", "requests", ("strengthened",))
    status, tags = row(diff, "24", "14")
    assert status == "changed" and "facts_changed" in tags
    ops = diff.find(old="24").ops
    assert "".join(o.text for o in ops if o.op != "equal") in ("1920", "19" + "20")
    assert {c.old for c in diff.changes if c.status == "removed"} >= {str(k) for k in range(1, 11)}


# ----------------------------------------------------------------------------- cross-references


def test_references_that_follow_the_renumbering_are_no_change() -> None:
    old = (
        "The Security Council,\n\nRecalling its resolutions,\n\n1. Decides to establish a mission;\n\n"
        "2. Requests the Secretary-General to report on the tasks set out in paragraph 1 above;\n\n"
        "3. Decides to remain seized of the matter.\n"
    )
    new = (
        "The Security Council,\n\nRecalling its resolutions,\n\n1. Welcomes the progress made by the parties;\n\n"
        "2. Decides to establish a mission;\n\n"
        "3. Requests the Secretary-General to report on the tasks set out in paragraph 2 above;\n\n"
        "4. Decides to remain seized of the matter.\n"
    )
    diff = mandiff.compare(old, new)
    assert row(diff, "2", "3") == ("unchanged", ("renumbered",))
    wrong = mandiff.compare(old, new.replace("paragraph 2 above", "paragraph 4 above"))
    assert row(wrong, "2", "3")[0] == "changed"


@pytest.mark.parametrize(
    ("old", "new"),
    [
        (
            "The Security Council,\n\nRecalling its resolutions,\n\n1. Decides to act;\n\n2. Requests a report.\n",
            "The Security Council,\n\nRecalling its resolutions,\n\n1. Decides to act;\n\n2. Requests a report;\n\n"
            "3. Decides to remain seized of the matter.\n",
        ),
        (
            "安全理事会，\n\n回顾其以往各项决议，\n\n1. 决定设立特派团；\n\n2. 请秘书长报告。\n",
            "安全理事会，\n\n回顾其以往各项决议，\n\n1. 决定设立特派团；\n\n2. 请秘书长报告；\n\n"
            "3. 决定继续积极处理此案。\n",
        ),
    ],
)
def test_a_last_paragraph_that_is_no_longer_last_is_unchanged(old: str, new: str) -> None:
    diff = mandiff.compare(old, new)
    assert [(c.old, c.new, c.status) for c in diff.changes] == [
        ("1", "1", "unchanged"),
        ("2", "2", "unchanged"),
        (None, "3", "added"),
    ]


# ----------------------------------------------------------------------------- the JSON contract


@pytest.mark.parametrize("pair", [*REAL, (ZH[0], ZH[1])], ids=lambda p: p[0].stem)
def test_to_dict_validates_against_the_schema(pair: tuple[Path, Path]) -> None:
    data = mandiff.compare(*pair).to_dict()
    errors = sorted(VALIDATOR.iter_errors(data), key=str)
    assert not errors, errors[0].message
    assert json.loads(json.dumps(data, ensure_ascii=False)) == data


def test_schema_is_valid_and_its_enumerations_are_the_vocabulary() -> None:
    Draft202012Validator.check_schema(SCHEMA)
    defs = SCHEMA["$defs"]
    assert defs["change"]["properties"]["status"]["enum"] == list(STATUSES)
    assert defs["change"]["properties"]["tags"]["items"]["enum"] == list(TAGS)
    assert defs["fact"]["properties"]["kind"]["enum"] == list(vocab.FACT_KINDS)
    assert defs["op"]["properties"]["op"]["enum"] == list(vocab.OPS)
    assert list(defs["counts"]["properties"]["statuses"]["properties"]) == list(STATUSES)
    assert list(defs["counts"]["properties"]["tags"]["properties"]) == list(TAGS)


def test_every_schema_object_is_closed_and_described() -> None:
    def walk(node: object, path: str) -> None:
        if isinstance(node, dict):
            if node.get("type") == "object":
                assert node.get("additionalProperties") is False, path
                for name, prop in node.get("properties", {}).items():
                    assert prop.get("description"), f"{path}.{name}"
            for key, value in node.items():
                walk(value, f"{path}.{key}")
        elif isinstance(node, list):
            for k, value in enumerate(node):
                walk(value, f"{path}[{k}]")

    walk(SCHEMA, "$")


def test_summary_counts_every_status_and_tag(unficyp: MandateDiff) -> None:
    data = unficyp.to_dict()
    assert list(data["summary"]["statuses"]) == list(STATUSES)
    assert list(data["summary"]["tags"]) == list(TAGS)
    assert sum(data["summary"]["statuses"].values()) == len(data["changes"])
    first = data["changes"][0]
    assert {"old", "new", "status", "tags"} <= set(first)


def test_vocabulary_is_closed_and_mirrored() -> None:
    assert set(MIRROR_STATUS) == set(STATUSES) == set(MIRROR_STATUS.values())
    assert set(MIRROR_TAG) == set(TAGS) == set(MIRROR_TAG.values())
    assert all(MIRROR_TAG[MIRROR_TAG[t]] == t for t in TAGS)
    classes = {name for name in vocab.__all__ if name[0].isupper() and not name.isupper()}
    assert classes == {
        "TextOp",
        "Fact",
        "FactChange",
        "ClauseChange",
        "ParagraphChange",
        "PreambleSummary",
        "MandateSummary",
        "MandateDiff",
    }
    for name in classes:
        assert callable(getattr(getattr(vocab, name), "to_dict", None)), name


def split_and_merge() -> tuple[mandiff.Resolution, mandiff.Resolution]:
    """S/RES/2098 with paragraph 9 cut in two and paragraphs 21 and 22 joined into one."""
    old = mandiff.load(MONUSCO[0])
    nodes = tree(old)
    text = nodes[8].text
    cut = text.index(", and decides that")
    nodes[8:9] = [Node(text[:cut] + ";", [], "9", True), Node("Decides that" + text[cut + 18 :], [], None)]
    a, b = nodes[20], nodes[21]
    nodes[20:22] = [Node(a.text[:-1] + ", and " + b.text[0].lower() + b.text[1:], [], a.origin, True)]
    return old, mandiff.parse(render(old, nodes), lang="en")


def test_split_and_merge_of_real_paragraphs() -> None:
    old, new = split_and_merge()
    diff = mandiff.compare(old, new)
    split = sorted((c.old, c.new, c.related) for c in diff.changes if "split" in c.tags)
    assert split == [("9", "10", ("9",)), ("9", "9", ("10",))]
    merged = sorted((c.old, c.new, c.related) for c in diff.changes if "merged" in c.tags)
    assert merged == [("20", "21", ("21",)), ("21", "21", ("20",))]
    assert diff.summary()["statuses"]["added"] == diff.summary()["statuses"]["removed"] == 0
    back = mandiff.compare(new, old)
    assert sorted((c.new, c.old) for c in back.changes if "merged" in c.tags) == [("9", "10"), ("9", "9")]


def test_every_status_and_tag_occurs_in_real_renewals(monusco: MandateDiff) -> None:
    seen: Counter[str] = Counter()
    for diff in (monusco, mandiff.compare(*UNFICYP), mandiff.compare(*MALI_HRC), mandiff.compare(*split_and_merge())):
        seen.update(c.status for c in diff.changes)
        seen.update(t for c in diff.changes for t in c.tags)
    assert not (set(STATUSES) | set(TAGS)) - set(seen)


def test_identical_is_true_only_without_changes(unficyp: MandateDiff) -> None:
    assert not unficyp.identical
    same = mandiff.load(UNFICYP[0])
    assert mandiff.compare(same, same).identical
