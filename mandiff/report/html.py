"""HTML report: one self-contained page to read a comparison in a browser.

The page is an lxml element tree serialised once, never strings joined
together, so every piece of input text reaches it as a text node or an
attribute value and is escaped by construction: a resolution that says
``<script>`` shows those characters. Style and script are inlined from
:mod:`mandiff.report.html_assets`; nothing is fetched, and the same diff always
gives the same bytes (no timestamp), so golden files can hold it.

Layout: a title, a summary (both documents, the mandate's end date and
ceilings, counts per status and tag), then a sidebar (navigation by section
heading, filters) beside the listed changes, grouped by heading. Each change
is a card with its ids, badges and the old and new texts side by side, the
words that went struck out on the left and the words that came highlighted on
the right. Anchors are ``new-<id>`` (``old-<id>`` for removed paragraphs),
e.g. ``#new-38_a_ii`` for paragraph 38 (a) (ii).
"""

from __future__ import annotations

import itertools
import re

import attrs
from lxml import etree
from lxml import html as lxml_html

from mandiff.changes import STATUSES, TAGS, Fact, FactChange, MandateDiff, MandateSummary, ParagraphChange, TextOp
from mandiff.model import Clause, Metadata
from mandiff.report.describe import arrow, clause_note
from mandiff.report.html_assets import SCRIPT, STYLE
from mandiff.report.options import RenderOptions, selected

__all__ = ["anchor_id", "render_fragment", "render_html"]

Element = etree._Element
Group = tuple[str | None, tuple[ParagraphChange, ...]]
"""A section heading (None before the first) and the listed changes under it."""
Index = dict[tuple[str, str | None], str]
"""Anchor of each listed operative change by ``("old", id)`` and ``("new", id)``, for links between changes."""

# Characters XML cannot hold (lxml refuses them): C0 controls but tab and newlines, lone surrogates, non-characters.
_UNSAFE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
# What an id keeps as is; anything else becomes "_", so "38(a)(ii)" is "38_a_ii".
_ID_UNSAFE = re.compile(r"[^A-Za-z0-9.-]+")
_ARROW = {"strengthened": "↑", "weakened": "↓"}
_DIRECTION = {"strengthened": "up", "weakened": "down"}


def render_html(diff: MandateDiff, options: RenderOptions) -> str:
    """The whole page, ``<!DOCTYPE html>`` first.

    Example: ``render_html(mandiff.compare(old, new), RenderOptions())`` starts
    with ``'<!DOCTYPE html>\\n<html lang="en">'``.
    """
    page = _el(None, "html", lang=diff.language)
    head = _el(page, "head")
    _el(head, "meta", charset="utf-8")
    _el(head, "meta", name="viewport", content="width=device-width, initial-scale=1")
    _el(head, "title", f"mandiff: {_title(diff)}")
    _el(head, "style", STYLE)
    body = _el(page, "body")
    body.append(_report(diff, options))
    return lxml_html.tostring(page, doctype="<!DOCTYPE html>", encoding="unicode", pretty_print=True)


def render_fragment(diff: MandateDiff, options: RenderOptions) -> str:
    """The report as one ``<div class="mandiff">`` carrying its own style, for Jupyter.

    Example: ``render_fragment(diff, RenderOptions()).startswith('<div class="mandiff"')``.
    """
    report = _report(diff, options)
    report.insert(0, _el(None, "style", STYLE))
    return lxml_html.tostring(report, encoding="unicode", pretty_print=True)


def anchor_id(side: str, pid: str) -> str:
    """The page anchor of a paragraph: ``anchor_id("new", "38(a)(ii)") == "new-38_a_ii"``."""
    return f"{side}-{_ID_UNSAFE.sub('_', pid).strip('_') or '_'}"


# ---------------------------------------------------------------------------
# Building blocks


def _clean(text: str) -> str:
    # A PDF's form feed or a stray NUL must not make the whole report fail.
    return _UNSAFE.sub("\ufffd", text)


def _el(parent: Element | None, tag: str, text: str | None = None, /, **attrib: str) -> Element:
    """A child element; attribute names drop a trailing ``_`` and use ``-`` for ``_`` (``class_``, ``data_kinds``)."""
    names = {k.rstrip("_").replace("_", "-"): _clean(v) for k, v in attrib.items()}
    element = etree.Element(tag, names) if parent is None else etree.SubElement(parent, tag, names)
    if text:
        element.text = _clean(text)
    return element


def _add_text(parent: Element, text: str) -> None:
    """Text after the parent's last child (mixed content, as in a redline)."""
    if not text:
        return
    if len(parent):
        last = parent[-1]
        last.tail = (last.tail or "") + _clean(text)
    else:
        parent.text = (parent.text or "") + _clean(text)


def _label(key: str) -> str:
    """``"facts_changed"`` reads ``"facts changed"``."""
    return key.replace("_", " ")


def _title(diff: MandateDiff) -> str:
    return f"{diff.old.symbol or 'old text'} → {diff.new.symbol or 'new text'}"


def _unit(change: FactChange) -> str | None:
    """The personnel key a figure counts (``"military"``), from whichever side states it."""
    return next((f.unit for f in (change.new, change.old) if f is not None and f.unit), None)


def _fact(parent: Element, fact: Fact | None, class_: str) -> None:
    if fact is None:
        _el(parent, "span", "—", class_="none")
    else:
        _el(parent, "span", fact.text, class_=class_, title=fact.value)


# ---------------------------------------------------------------------------
# The report


def _report(diff: MandateDiff, options: RenderOptions) -> Element:
    operative = selected(diff, options)
    # The preamble is filtered by the same rule as the operative part, so --only means one thing.
    preamble = selected(attrs.evolve(diff, changes=diff.preamble.changes), options)
    anchors = _anchors((*operative, *preamble))
    groups: list[Group] = [
        (heading, tuple(run)) for heading, run in itertools.groupby(operative, key=lambda c: c.heading)
    ]

    root = _el(None, "div", class_="mandiff", lang=diff.language)
    header = _el(root, "header")
    _el(header, "h1", _title(diff))
    _el(header, "p", _subtitle(diff.old, diff.new), class_="subtitle")
    _summary(root, diff, options, len(operative))

    layout = _el(root, "div", class_="layout")
    sidebar = _el(layout, "aside", class_="sidebar")
    _nav(sidebar, groups, preamble)
    _filters(sidebar, (*operative, *preamble))
    listing = _el(layout, "main", class_="changes")
    index: Index = {}
    for change, anchor in zip(operative, anchors, strict=False):
        for key in (("old", change.old), ("new", change.new)):
            index.setdefault(key, anchor)  # a split or merge repeats an id: link to its first card
    if not operative:
        _el(listing, "p", "No operative paragraph to list.", class_="empty")
    position = 0
    for number, (heading, run) in enumerate(groups, start=1):
        section = _el(listing, "section", class_="group", id=f"section-{number}")
        _el(section, "h2", _group_title(heading, groups))
        for change in run:
            _change(section, change, anchors[position], diff, index)
            position += 1
    if preamble:
        section = _el(listing, "section", class_="group preamble", id="preamble")
        _el(section, "h2", "Preamble")
        for offset, change in enumerate(preamble):
            _change(section, change, anchors[len(operative) + offset], diff, index)
    _el(root, "script", SCRIPT)
    return root


def _group_title(heading: str | None, groups: list[Group]) -> str:
    """The heading; paragraphs without one are "Operative paragraphs" in a text without headings."""
    if heading:
        return heading
    return "Without section heading" if any(h for h, _ in groups) else "Operative paragraphs"


def _subtitle(old: Metadata, new: Metadata) -> str:
    body = new.body or old.body
    dates = f"adopted {old.date or '?'} → {new.date or '?'}"
    return f"{body} · {dates}" if body else dates


def _anchors(changes: tuple[ParagraphChange, ...]) -> list[str]:
    """One unique anchor per listed change: ``new-<id>``, else ``old-<id>``; a split or merge repeats an id."""
    seen: dict[str, int] = {}
    out = []
    for change in changes:
        base = anchor_id("new", change.new) if change.new else anchor_id("old", change.old or "")
        seen[base] = seen.get(base, 0) + 1
        out.append(base if seen[base] == 1 else f"{base}-{seen[base]}")
    return out


# ---------------------------------------------------------------------------
# Summary


def _summary(parent: Element, diff: MandateDiff, options: RenderOptions, listed: int) -> None:
    section = _el(parent, "section", class_="summary", id="summary")
    _el(section, "h2", "Summary")
    total = len(diff.changes)
    if options.only:
        note = f"Listing {listed} of {total} operative paragraphs: only {', '.join(map(_label, options.only))}."
    else:
        note = f"Listing {listed} of {total} operative paragraphs"
        note += f"; {total - listed} unchanged ones are counted, not listed." if listed < total else "."
    _el(section, "p", note, class_="note")
    overview = _el(section, "div", class_="overview")
    _documents(overview, diff)
    _counts(overview, diff)


def _documents(parent: Element, diff: MandateDiff) -> None:
    table = _el(parent, "table", class_="meta")
    head = _el(_el(table, "thead"), "tr")
    for text in ("", "Old", "New"):
        _el(head, "th", text, scope="col")
    body = _el(table, "tbody")
    rows = [
        ("Symbol", diff.old.symbol, diff.new.symbol),
        ("Adopted", diff.old.date, diff.new.date),
        ("Meeting", diff.old.meeting, diff.new.meeting),
        ("Body", diff.old.body, diff.new.body),
        ("Title", diff.old.title, diff.new.title),
    ]
    for name, old, new in rows:
        if old is None and new is None:
            continue
        tr = _el(body, "tr", data_field=name.lower())
        _el(tr, "th", name, scope="row")
        _el(tr, "td", old or "—")
        _el(tr, "td", new or "—")
    _mandate(body, diff.mandate)


def _mandate(body: Element, mandate: MandateSummary) -> None:
    rows: list[tuple[str, str, FactChange | None]] = [
        ("Mandate ends", "end_date", mandate.end_date),
        ("Duration", "duration", mandate.duration),
    ]
    rows += [(f"Ceiling: {_label(_unit(c) or c.kind)}", "ceiling", c) for c in mandate.ceilings]
    for name, field, change in rows:
        if change is None:
            continue
        tr = _el(body, "tr", class_="moved" if change.changed else "same", data_field=field)
        _el(tr, "th", name, scope="row")
        _fact(_el(tr, "td"), change.old, "value")
        _fact(_el(tr, "td"), change.new, "value")


def _counts(parent: Element, diff: MandateDiff) -> None:
    """Two tables, statuses and tags, each row a kind with its operative and preambular counts."""
    operative, preamble = diff.summary(), diff.preamble.counts()
    for group, keys, caption in (("statuses", STATUSES, "Status"), ("tags", TAGS, "Tag")):
        table = _el(parent, "table", class_=f"counts {group}")
        head = _el(_el(table, "thead"), "tr")
        for text in (caption, "Operative", "Preamble"):
            _el(head, "th", text, scope="col")
        body = _el(table, "tbody")
        for key in keys:
            op, pp = operative[group][key], preamble[group][key]
            tr = _el(body, "tr", class_="zero" if not op and not pp else "some", data_kind=key)
            _el(_el(tr, "th", scope="row"), "span", _badge_text(key), class_=_badge_class(key))
            _el(tr, "td", str(op), class_="n operative")
            _el(tr, "td", str(pp), class_="n preamble")


# ---------------------------------------------------------------------------
# Sidebar: navigation and filters


def _nav(parent: Element, groups: list[Group], preamble: tuple[ParagraphChange, ...]) -> None:
    """Links to the summary, each heading's group of changes (with how many it lists) and the preamble."""
    nav = _el(parent, "nav", aria_label="Sections")
    _el(nav, "h2", "Sections")
    items = _el(nav, "ol")
    _el(_el(items, "li"), "a", "Summary", href="#summary")
    for number, (heading, run) in enumerate(groups, start=1):
        li = _el(items, "li")
        _el(li, "a", _group_title(heading, groups), href=f"#section-{number}")
        _el(li, "span", f" ({len(run)})", class_="count")
    if preamble:
        li = _el(items, "li")
        _el(li, "a", "Preamble", href="#preamble")
        _el(li, "span", f" ({len(preamble)})", class_="count")


def _filters(parent: Element, changes: tuple[ParagraphChange, ...]) -> None:
    # Hidden until the script shows it: without the script there is nothing to filter with.
    form = _el(parent, "form", class_="filters", hidden="hidden")
    _el(form, "h2", "Show only")
    _el(form, "p", "Tick kinds to list only the changes of those kinds; none ticked lists all.", class_="note")
    for legend, keys in (("Status", STATUSES), ("Tags", TAGS)):
        counts = {key: sum(1 for c in changes if c.status == key or key in c.tags) for key in keys}
        present = [key for key in keys if counts[key]]
        if not present:
            continue
        fieldset = _el(form, "fieldset")
        _el(fieldset, "legend", legend)
        for key in present:
            label = _el(fieldset, "label")
            _el(label, "input", type="checkbox", name="kind", value=key)
            _add_text(label, " ")
            _el(label, "span", _badge_text(key), class_=_badge_class(key))
            _add_text(label, f" {counts[key]}")
    _el(form, "button", "Show all", type="button")
    _el(form, "p", "", class_="shown note", aria_live="polite")


# ---------------------------------------------------------------------------
# One change


def _badge_text(key: str) -> str:
    sign = _ARROW.get(key)
    return f"{_label(key)} {sign}" if sign else _label(key)


def _badge_class(key: str) -> str:
    if key in STATUSES:
        return f"badge status status-{key}"
    direction = _DIRECTION.get(key)
    return f"badge tag tag-{key}{' ' + direction if direction else ''}"


def _change(parent: Element, change: ParagraphChange, anchor: str, diff: MandateDiff, index: Index) -> None:
    article = _el(
        parent,
        "article",
        class_=f"change status-{change.status} kind-{change.kind}",
        id=anchor,
        data_status=change.status,
        data_tags=" ".join(change.tags),
        data_kinds=" ".join((change.status, *change.tags)),
        data_old=change.old or "",
        data_new=change.new or "",
    )
    head = _el(article, "header", class_="head")
    ids = change.old if change.old == change.new else f"{change.old or '—'} → {change.new or '—'}"
    _el(head, "a", ids, class_="ids", href=f"#{anchor}")
    _el(head, "span", _badge_text(change.status), class_=_badge_class(change.status))
    for tag in change.tags:
        _el(head, "span", _badge_text(tag), class_=_badge_class(tag))
    if change.lead:
        _el(head, "span", _label(change.lead), class_="badge lead", title="type of the lead clause")
    if change.status == "changed":
        # Floored, so that "100%" is only ever shown for identical text.
        _el(head, "span", f"similarity {int(change.similarity * 100)}%", class_="similarity")
    _clauses(article, change)
    _facts(article, change.facts)
    _related(article, change, index)
    # Text that did not change is shown once, across both columns, under both ids.
    same = change.status == "unchanged" and change.old_text is not None and change.new_text is not None
    sides = _el(article, "div", class_="sides same" if same else "sides")
    _side(sides, "old", change, diff.old.symbol, with_text=not same)
    _side(sides, "new", change, diff.new.symbol, with_text=not same)
    if same:
        _el(sides, "p", change.new_text, class_="text both")


def _clauses(parent: Element, change: ParagraphChange) -> None:
    """A badge per clause added, removed, retyped or readdressed; a clause whose words alone changed is left to
    the redline (the same rule as the text report's, :func:`mandiff.report.describe.clause_note`)."""
    shown = [c for c in change.clauses if clause_note(c) is not None]
    if not shown:
        return
    line = _el(parent, "div", class_="clauses")
    _el(line, "span", "Clauses:", class_="fact-kind")
    for clause in shown:
        if clause.old is None or clause.new is None:
            sign, side, tier = (
                ("+", clause.new, clause.new_tier) if clause.old is None else ("−", clause.old, clause.old_tier)
            )
            text, title, direction = f"{sign} {_typed(side)}", f"{side.verb} (tier {tier})", ""
        else:
            move = arrow(clause.old_tier, clause.new_tier)
            text = f"{_typed(clause.old)} {move} {_typed(clause.new)}"
            title = f"{clause.old.verb} → {clause.new.verb} (tier {clause.old_tier} → {clause.new_tier})"
            if "addressee_changed" in clause.tags:
                text += " · addressee"
                title += f"; addressee: {_who(clause.old)} → {_who(clause.new)}"
            direction = {"↑": " up", "↓": " down"}.get(move, "")
        _add_text(line, " ")
        _el(line, "span", text, class_=f"badge clause clause-{clause.status}{direction}", title=title)


def _typed(clause: Clause) -> str:
    """``"further calls upon"``: modifiers and canonical type, as the lexicon names them."""
    return " ".join(_label(word) for word in (*clause.modifiers, clause.type or "untyped verb"))


def _who(clause: Clause) -> str:
    return clause.addressee.raw if clause.addressee else "—"


def _facts(parent: Element, facts: tuple[FactChange, ...]) -> None:
    if not facts:
        return
    items = _el(parent, "ul", class_="facts")
    for fact in facts:
        li = _el(items, "li", data_fact=fact.kind)
        unit = _unit(fact)
        _el(li, "span", f"{fact.kind} ({_label(unit)}):" if unit else f"{fact.kind}:", class_="fact-kind")
        _add_text(li, " ")
        _fact(li, fact.old, "was")
        _add_text(li, " → ")
        _fact(li, fact.new, "now")


def _related(parent: Element, change: ParagraphChange, index: Index) -> None:
    if not change.related:
        return
    # Split: the old paragraph also went to these new ids; merged: these old ids also came here.
    side, words = ("new", "Also became") if "split" in change.tags else ("old", "Also merged from")
    line = _el(parent, "p", f"{words}: ", class_="related")
    for number, pid in enumerate(change.related):
        if number:
            _add_text(line, ", ")
        target = index.get((side, pid))
        if target:
            _el(line, "a", pid, href=f"#{target}")
        else:
            _add_text(line, pid)


def _side(parent: Element, side: str, change: ParagraphChange, symbol: str | None, *, with_text: bool = True) -> None:
    """One column: where the paragraph sits, then its text with this side's words marked."""
    if side == "old":
        pid, text, span, mine = change.old, change.old_text, change.old_span, "delete"
    else:
        pid, text, span, mine = change.new, change.new_text, change.new_span, "insert"
    column = _el(parent, "div", class_=f"side {side}" if text is not None else f"side {side} absent")
    where = f"{side} {pid}" if pid else side
    if span is not None:
        where += f" · line {span.line}"
    _el(column, "div", where, class_="where", title=symbol or "")
    if text is None:
        _el(column, "p", f"Not in the {side} text.")
    elif with_text:
        para = _el(column, "p", class_="text")
        if change.ops:
            _redline(para, change.ops, mine)
        else:
            _add_text(para, text)


def _redline(parent: Element, ops: tuple[TextOp, ...], mine: str) -> None:
    """One side of the diff: the equal words plain, this side's own words marked (``<del>`` old, ``<ins>`` new)."""
    tag = "del" if mine == "delete" else "ins"
    for op in ops:
        if op.op == "equal":
            _add_text(parent, op.text)
        elif op.op == mine:
            _el(parent, tag, op.text)
