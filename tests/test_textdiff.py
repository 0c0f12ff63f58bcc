"""Text diffs inside changed paragraphs: word level for English, character level for Chinese."""

from __future__ import annotations

import itertools
import re

from compare_strategies import EXAMPLES, ZH
from hypothesis import given, settings
from hypothesis import strategies as st

import mandiff
from mandiff.changes import OPS, TextOp
from mandiff.clean import normalize
from mandiff.textdiff import comparable, diff, spaced

EN_TEXTS = [p.text for para in mandiff.load(EXAMPLES / "S-RES-2506-2020.en.txt").operative for p in para.walk()]
ZH_TEXTS = [p.text for para in mandiff.load(ZH[0]).operative[20:40] for p in para.walk()]


def sides(ops: tuple[TextOp, ...]) -> tuple[str, str]:
    old = "".join(o.text for o in ops if o.op != "insert")
    new = "".join(o.text for o in ops if o.op != "delete")
    return old, new


def test_compared_form_folds_width_quotes_and_spaces() -> None:
    assert comparable("Requests  the “Secretary-General”\n to", "en") == 'Requests the "Secretary-General" to'
    assert comparable("（ａ）", "en") == "(a)"


def test_chinese_drops_line_break_spaces_next_to_ideographs() -> None:
    assert comparable("延至 2019 年 6 月 30 日；", "zh") == "延至2019年6月30日;"
    assert comparable("规定将分散 的国家部门", "zh") == "规定将分散的国家部门"
    assert comparable("S/2018/541 and A/72/1", "zh") == "S/2018/541 and A/72/1"


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.characters(max_codepoint=0x7F)) | st.sampled_from(EN_TEXTS))
def test_ascii_fast_path_equals_normalize(text: str) -> None:
    expected = normalize(text)
    assert comparable(text, "en") == expected
    if text.isascii():
        assert comparable(text, "zh") == expected  # no ideograph, so no space to drop


def test_which_languages_are_spaced() -> None:
    assert spaced("en") and not spaced("zh")


def test_docstring_example() -> None:
    ops = diff("Requests the Secretary-General", "Encourages the Secretary-General", "en")
    assert ops == (
        TextOp("delete", "Requests "),
        TextOp("insert", "Encourages "),
        TextOp("equal", "the Secretary-General"),
    )


def test_english_diff_never_cuts_a_word() -> None:
    old = "calls upon the two leaders to put their efforts expeditiously behind further work"
    new = "calls upon the two leaders urgently to put their effort expeditiously behind work"
    ops = diff(old, new, "en")
    assert sides(ops) == (old, new)
    for op in ops:
        if op.op != "equal":
            # every changed stretch starts and ends on a token boundary of both texts
            assert re.fullmatch(r"\s*(\w+\s*|[^\w\s]\s*)+", op.text)
    changed = {o.text.strip() for o in ops if o.op != "equal"}
    assert "efforts" in changed and "effort" in changed  # whole words, not "s"
    assert "urgently" in changed


def test_chinese_diff_is_by_character() -> None:
    ops = diff(
        "决定将马里稳定团的任务期限延至 2019 年 6 月 30 日；",
        "决定将马里稳定团的任务期限延至 2020 年 6 月 30 日；",
        "zh",
    )
    assert sides(ops) == (
        "决定将马里稳定团的任务期限延至2019年6月30日;",
        "决定将马里稳定团的任务期限延至2020年6月30日;",
    )
    assert ops[0] == TextOp("equal", "决定将马里稳定团的任务期限延至20")
    edits = "".join(o.text for o in ops if o.op != "equal")
    assert set(edits) <= set("0129")


def test_chinese_reword_keeps_common_characters() -> None:
    old, new = ZH_TEXTS[3], ZH_TEXTS[3].replace("请", "鼓励", 1)
    ops = diff(old, new, "zh")
    assert [o.op for o in ops].count("equal") >= 1
    assert sides(ops) == (comparable(old, "zh"), comparable(new, "zh"))


def test_identical_texts_give_one_equal() -> None:
    text = EN_TEXTS[0]
    assert diff(text, text, "en") == (TextOp("equal", comparable(text, "en")),)
    assert diff("", "", "en") == ()


def test_ops_merge_neighbours_of_the_same_kind() -> None:
    for a, b in itertools.pairwise(EN_TEXTS):
        ops = diff(a, b, "en")
        assert all(o.op in OPS and o.text for o in ops)
        assert all(x.op != y.op for x, y in itertools.pairwise(ops))


@settings(max_examples=60, deadline=None)
@given(
    st.sampled_from(EN_TEXTS + ZH_TEXTS),
    st.sampled_from(EN_TEXTS + ZH_TEXTS),
    st.integers(0, 400),
    st.text(alphabet="abc 年月,;“”　", max_size=12),
)
def test_ops_rebuild_both_texts(a: str, b: str, cut: int, noise: str) -> None:
    new = b[:cut] + noise + a[cut:]
    for lang in ("en", "zh"):
        ops = diff(a, new, lang)
        assert sides(ops) == (comparable(a, lang), comparable(new, lang))
        assert ops == diff(a, new, lang)  # deterministic
