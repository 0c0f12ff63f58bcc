"""Find the parts of a document: header, preamble, operative paragraphs with
their sub-paragraph trees, section headings, closing trailer and annexes.

Works on cleaned lines (see clean.py). Operative paragraphs are found by their
numbers, which must run in sequence (a number out of sequence is accepted only
when a lead verb follows it), so years and counts that a PDF line break puts at
the start of a line ("2013\\n年") are never taken for paragraphs. A line is a
section heading when the text before it ended a sentence, it ends without
punctuation, it is short, and a numbered paragraph (or another heading) follows.
"""

from __future__ import annotations

import re

import attrs

from mandiff.classify import classify, lead_of
from mandiff.clean import Line
from mandiff.labels import DASH, INITIALS, LETTER, NUMBER, ROMAN, Label, from_roman, match_label
from mandiff.lexicon import Lexicon
from mandiff.model import Annex, Heading, Paragraph
from mandiff.spans import BREAK, Joined, LineIndex

__all__ = ["Parts", "segment"]

_MAX_HEADING = {"Han": 40, "Latin": 120}
_COLONS = (":", "：")
_TITLE_WIDTH = 0.6
"""A labelled line shorter than this share of a full line, without punctuation, is a title."""


@attrs.define
class _Node:
    """Mutable builder of a paragraph while lines are read."""

    rank: int
    key: str
    label: str
    start: int
    ranges: list[tuple[int, int]]
    heading: str | None
    children: list[_Node] = attrs.Factory(list)


@attrs.frozen
class Parts:
    """What :func:`segment` found, before metadata is read."""

    kind: str
    header: tuple[Line, ...]
    preamble: tuple[Paragraph, ...]
    operative: tuple[Paragraph, ...]
    headings: tuple[Heading, ...]
    annexes: tuple[Annex, ...]
    trailer: tuple[Line, ...]


class _Reader:
    """Shared state for building paragraphs out of lines of one document."""

    def __init__(self, source: str, lines: list[Line], lex: Lexicon) -> None:
        self.source = source
        self.content = [ln for ln in lines if ln.ranges]
        self.lex = lex
        self.index = LineIndex.of(source)
        syntax = lex.data["syntax"]
        self.terminal = tuple(syntax["preamble_end"] + syntax["operative_end"] + syntax["final_end"]) + _COLONS
        self.strong = tuple(syntax["operative_end"] + syntax["final_end"]) + _COLONS
        self.op_start = 0
        self.final = tuple(syntax["final_end"])
        self.max_heading = _MAX_HEADING.get(lex.data["language"]["script"], 120)
        # match_label's own first-character test, done here to skip a call for the
        # many lines (most, in Chinese) that no label can start.
        self.annex_res = [re.compile(p) for p in lex.document("annex")]
        self.labels = [match_label(ln.text) if ln.text[:1] in INITIALS else None for ln in self.content]
        widths = sorted(len(ln.text) for ln in self.content)
        self.wide = widths[int(len(widths) * 0.9)] if widths else 0
        """Width of a full line (90th percentile): PDF text breaks lines there."""
        self.ends = [ln.text.endswith(self.terminal) for ln in self.content]
        self.ends_strong = [ln.text.endswith(self.strong) for ln in self.content]
        self.headingish = [
            len(ln.text) <= self.max_heading and not end and label is None and not ln.text[:1].isdigit()
            for ln, end, label in zip(self.content, self.ends, self.labels, strict=True)
        ]

    # -- small predicates -------------------------------------------------
    def is_annex(self, i: int) -> bool:
        """Line ``i`` is an annex heading ("Annex II", 附件一)."""
        return any(p.fullmatch(self.content[i].text) for p in self.annex_res)

    def heading_like(self, i: int) -> bool:
        """Short, unlabelled, no closing punctuation: could be a section heading."""
        return self.headingish[i]

    def joined(self, ranges: list[tuple[int, int]]) -> Joined:
        return Joined.build(self.source, ranges, self.lex.joiner, self.lex.hyphenation)

    def after_label(self, i: int, label: Label | None) -> list[tuple[int, int]]:
        """Ranges of line ``i`` without its label."""
        ranges = list(self.content[i].ranges)
        if label is None:
            return ranges
        skip = label.length
        out = []
        for s, e in ranges:
            if skip >= e - s:
                skip -= e - s
                continue
            out.append((s + skip, e))
            skip = 0
        if out:
            s, e = out[0]
            while s < e and self.source[s].isspace():
                s += 1
            out[0] = (s, e)
        return out

    # -- numbered paragraphs ---------------------------------------------
    def numbered(self, start: int, stop: int, need_lead: bool) -> list[int]:
        """Indices of content lines in [start, stop) that open operative paragraphs."""
        found: list[int] = []
        expected = 1
        for i in range(start, stop):
            label = self.labels[i]
            if label is None or label.rank != NUMBER:
                continue
            n = int(label.key)
            if n == expected and (found or not need_lead):
                found.append(i)
                expected = n + 1
                continue
            if n != expected and not (found and n > 0 and expected - 1 <= n <= expected + 5):
                continue
            # The first paragraph of a text with no address line, or a number out of
            # sequence (a gap or a repeat in a draft): only with a lead verb.
            text = self.content[i].text[label.length :]
            if not text and i + 1 < stop:
                text = self.content[i + 1].text
            if lead_of(text, self.lex) is not None:
                found.append(i)
                expected = n + 1
        return found


def segment(source: str, lines: list[Line], lex: Lexicon, report_hint: bool) -> Parts:
    """Split a cleaned document into its parts; see the module docstring."""
    r = _Reader(source, lines, lex)
    n = len(r.content)
    address = _address_line(r)
    annex_at = _first_annex(r, 0 if address is None else address + 1)
    numbered = r.numbered(0 if address is None else address + 1, annex_at, need_lead=address is None)
    if address is None:
        with_lead = sum(
            1
            for i in numbered
            if lead_of(r.content[i].text[r.labels[i].length :], lex) is not None  # type: ignore[union-attr]
        )
        if not numbered or with_lead < 0.6 * len(numbered) or report_hint:
            kind = "report" if report_hint else "other"
            return Parts(kind, tuple(r.content), (), (), (), (), ())
    if not numbered:
        first_op = annex_at
    else:
        first_op = r.op_start = numbered[0]
        while first_op - 1 > (address if address is not None else -1) and _is_heading(r, first_op - 1, set(numbered)):
            first_op -= 1
    header_end = address + 1 if address is not None else 0
    preamble = _preamble(r, header_end, first_op)
    operative, headings, op_end = _operative(r, first_op, annex_at, set(numbered))
    trailer = tuple(r.content[op_end:annex_at])
    annexes = _annexes(r, annex_at, n)
    return Parts("resolution", tuple(r.content[:header_end]), preamble, operative, headings, annexes, trailer)


def _address_line(r: _Reader) -> int | None:
    """Index of the line that addresses the body ("The Security Council,")."""
    doc = r.lex.data["document"]
    forms = {
        (body + suffix).casefold()
        for bodies in doc["bodies"].values()
        for body in bodies
        for suffix in doc["address_suffix"]
    }
    for i, line in enumerate(r.content[:400]):
        if line.text.strip().casefold() in forms:
            return i
    return None


def _first_annex(r: _Reader, start: int) -> int:
    return next((i for i in range(start, len(r.content)) if r.is_annex(i)), len(r.content))


def _is_heading(r: _Reader, i: int, numbered: set[int], depth: int = 0) -> bool:
    """Line ``i`` is a section heading: see the module docstring."""
    if depth > 3 or not r.heading_like(i):
        return False
    if not _after_sentence(r, i):
        return False
    j = i + 1
    if j >= len(r.content):
        return False
    return j in numbered or _is_heading(r, j, numbered, depth + 1)


def _after_sentence(r: _Reader, i: int, depth: int = 0) -> bool:
    """Line ``i`` follows the end of a paragraph, or a run of headings that does.

    Inside the operative part a heading follows the end of a paragraph, not a
    comma: a short last line after "，" is the end of a broken sentence. A run of
    short lines only counts as stacked headings when the run itself starts after
    a sentence end; otherwise they are the wrapped tail of a paragraph.
    """
    if i == 0:
        return True
    if r.ends[i - 1] if i <= r.op_start else r.ends_strong[i - 1]:
        return True
    return depth < 3 and r.heading_like(i - 1) and _after_sentence(r, i - 1, depth + 1)


def _preamble(r: _Reader, start: int, stop: int) -> tuple[Paragraph, ...]:
    blocks: list[list[int]] = []
    for i in range(start, stop):
        line = r.content[i]
        opens = not blocks or (
            r.ends[i - 1] and (line.indent > 0 or lead_of(line.text, r.lex, preamble=True) is not None)
        )
        if opens:
            blocks.append([i])
        else:
            blocks[-1].append(i)
    out = []
    for k, block in enumerate(blocks, 1):
        ranges = [rg for i in block for rg in r.content[i].ranges]
        joined = r.joined(ranges)
        out.append(
            Paragraph(
                id=f"PP{k}",
                kind="preambular",
                label="",
                text=joined.text,
                clauses=classify(joined, r.index, r.lex, preamble=True),
                children=(),
                heading=None,
                span=joined.span(r.index),
            )
        )
    return tuple(out)


def _operative(
    r: _Reader, start: int, stop: int, numbered: set[int]
) -> tuple[tuple[Paragraph, ...], tuple[Heading, ...], int]:
    """Operative paragraphs in content lines [start, stop); returns them, the headings and where they end."""
    roots: list[_Node] = []
    stack: list[_Node] = []
    headings: list[tuple[str, int, int]] = []  # text, line index, index of the root it precedes
    heading: str | None = None
    last_numbered = max(numbered) if numbered else -1
    prev_open_label = title = False
    # Last characters of the current root paragraph's text so far (the closing-formula
    # check reads them); one variable, not an attribute set on every open node per line.
    root_end = ""
    headingish = r.headingish
    end = stop
    for i in range(start, stop):
        line = r.content[i]
        label = r.labels[i]
        if i in numbered:
            node = _Node(NUMBER, label.key, label.text, line.ranges[0][0], r.after_label(i, label), heading)  # type: ignore[union-attr]
            roots.append(node)
            stack = [node]
            root_end = line.text[label.length :][-4:]  # type: ignore[union-attr]
            prev_open_label = False
            continue
        # headingish[i] is _is_heading's own first test, checked here without a call.
        if headingish[i] and _is_heading(r, i, numbered):
            heading = line.text.strip()
            headings.append((heading, i, len(roots)))
            continue
        if not stack:
            continue
        if i > last_numbered and root_end.rstrip().endswith(r.final) and (label is None or label.rank == NUMBER):
            end = i
            break
        accepted = label is not None and label.rank != NUMBER and (r.ends[i - 1] or prev_open_label)
        if accepted:
            rank = _rank(label, stack)  # type: ignore[arg-type]
            while len(stack) > 1 and stack[-1].rank >= rank:
                stack.pop()
            node = _Node(rank, label.key, label.text, line.ranges[0][0], r.after_label(i, label), heading)  # type: ignore[union-attr]
            stack[-1].children.append(node)
            stack.append(node)
            prev_open_label = len(line.text) <= r.max_heading and not r.ends[i]
            title = prev_open_label and len(line.text) < _TITLE_WIDTH * r.wide
        else:
            # A title line ("(b) 支持在中部恢复国家权威") and the body under it are two
            # blocks: keep a space between them. A line merely broken by the PDF
            # (full width, next line not indented) is glued as usual.
            body = prev_open_label and (title or line.indent > 0)
            if body:
                stack[-1].ranges.append(BREAK)
            title = False
            stack[-1].ranges.extend(line.ranges)
            # A sub-paragraph title may run over two lines before its own items start.
            prev_open_label = prev_open_label and not body and not r.ends[i] and len(line.text) <= r.max_heading
        root_end = line.text[-4:]
    paragraphs = _finish(r, roots)
    heads = tuple(
        Heading(
            text=text,
            before=paragraphs[k].id if k < len(paragraphs) else None,
            span=r.index.span(r.content[i].ranges[0][0], r.content[i].ranges[-1][1]),
        )
        for text, i, k in headings
    )
    return paragraphs, heads, end


def _rank(label: Label, stack: list[_Node]) -> int:
    """Rank of a sub-paragraph label, settling (i)/(v)/(x) by what is open."""
    if not label.ambiguous:
        return label.rank
    roman = next((n for n in reversed(stack) if n.rank == ROMAN), None)
    letter = next((n for n in reversed(stack) if n.rank == LETTER), None)
    value = from_roman(label.key)
    if roman is not None and value is not None and from_roman(roman.key) == value - 1:
        return ROMAN
    if letter is not None and len(letter.key) == 1 and ord(letter.key) == ord(label.key) - 1:
        return LETTER
    return ROMAN if label.key == "i" else LETTER


def _finish(r: _Reader, roots: list[_Node], prefix: str = "") -> tuple[Paragraph, ...]:
    seen: dict[str, int] = {}
    out = []
    for node in roots:
        pid = prefix + (node.key if node.rank == NUMBER else f"({node.key})" if node.key else "")
        seen[pid] = seen.get(pid, 0) + 1
        if seen[pid] > 1:
            pid = f"{pid}#{seen[pid]}"
        out.append(_build(r, node, pid, "operative" if not prefix else "annex", clauses=True))
    return tuple(out)


def _build(r: _Reader, node: _Node, pid: str, kind: str, clauses: bool) -> Paragraph:
    joined = r.joined(node.ranges)
    children = []
    dashes = 0
    seen: dict[str, int] = {}
    for child in node.children:
        if child.rank == DASH:
            dashes += 1
            cid = f"{pid}-{dashes}"
        else:
            cid = f"{pid}({child.key})"
            # A label repeated by mistake ("(a)" twice) still gets an id of its own.
            seen[cid] = seen.get(cid, 0) + 1
            if seen[cid] > 1:
                cid = f"{cid}#{seen[cid]}"
        children.append(_build(r, child, cid, "item" if child.rank == DASH else "subparagraph", clauses=False))
    own_end = joined.orig[-1][1] if joined.orig else node.start
    return Paragraph(
        id=pid,
        kind=kind,
        label=node.label,
        text=joined.text,
        clauses=classify(joined, r.index, r.lex) if clauses else (),
        children=tuple(children),
        heading=node.heading,
        span=r.index.span(node.start, max(node.start, own_end)),
    )


def _annexes(r: _Reader, start: int, stop: int) -> tuple[Annex, ...]:
    """Annexes from content line ``start``: each heading line opens one."""
    starts = [i for i in range(start, stop) if r.is_annex(i)]
    out = []
    for k, a in enumerate(starts, 1):
        b = starts[k] if k < len(starts) else stop
        title = [r.content[a].text.strip()]
        i = a + 1
        while i < b and r.labels[i] is None and r.heading_like(i):
            title.append(r.content[i].text.strip())
            i += 1
        roots: list[_Node] = []
        stack: list[_Node] = []
        for j in range(i, b):
            line = r.content[j]
            label = r.labels[j]
            if label is not None and (j == i or r.ends[j - 1]):
                rank = _rank(label, stack)
                while stack and stack[-1].rank >= rank:
                    stack.pop()
                node = _Node(rank, label.key, label.text, line.ranges[0][0], r.after_label(j, label), None)
                (stack[-1].children if stack else roots).append(node)
                stack.append(node)
            elif stack and not r.ends[j - 1]:
                stack[-1].ranges.extend(line.ranges)
            else:
                node = _Node(NUMBER, "", "", line.ranges[0][0], list(line.ranges), None)
                roots.append(node)
                stack = [node]
        paragraphs = []
        unlabelled = 0
        for node in roots:
            if node.key:
                pid = f"A{k}.{node.key}" if node.rank == NUMBER else f"A{k}.({node.key})"
            else:
                unlabelled += 1
                pid = f"A{k}.p{unlabelled}"
            paragraphs.append(_build(r, node, pid, "annex", clauses=False))
        end_line = r.content[b - 1]
        out.append(
            Annex(
                id=f"A{k}",
                title=" ".join(title),
                paragraphs=tuple(paragraphs),
                span=r.index.span(r.content[a].ranges[0][0], end_line.ranges[-1][1]),
            )
        )
    return tuple(out)
