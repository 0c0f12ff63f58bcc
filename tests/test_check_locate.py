"""Findings point at the line and column of the file as given: across page headers and
footers, footnote numbers, line-end hyphens, rejoined Chinese lines and CRLF line ends.
"""

from __future__ import annotations

from check_cases import clean_zh, position, run, seed, where
from conftest import DATA

from mandiff.check.locate import Locator
from mandiff.parse import parse

PDF_LIKE = (DATA / "pdf-like.en.txt").read_text(encoding="utf-8")
EXTRACT_END = position(PDF_LIKE, "protection of civilians\n", len("protection of civilian"))
"""The extract stops after the title of 6(h), without punctuation: a finding of its own."""


def test_pdf_like_extract_as_found() -> None:
    # An extract: 6(h) follows 6(b), and the extract stops after the title of (h).
    findings = run(PDF_LIKE)
    assert [(f.rule, f.line, f.column) for f in findings] == [
        ("subparagraph-numbering", *position(PDF_LIKE, "(h)   Support")),
        ("paragraph-end", *EXTRACT_END),
    ]


def test_inside_a_hyphenated_line_break_and_after_a_page_footer() -> None:
    # "pre-\nparation": the cleaned text reads "preparation"; the bracket sits after it.
    text = seed(PDF_LIKE, 'paration of the "Pact for Peace";', 'paration of the ("Pact for Peace";')
    assert where(run(text), "brackets") == [position(text, '("Pact for Peace";')]
    # Paragraph 3 comes after the page footer, the job number and the next page's header.
    text = seed(PDF_LIKE, "Development of the North;", "Development of the North:")
    assert where(run(text), "paragraph-end") == [position(text, "North:", len("North")), EXTRACT_END]


def test_a_heading_after_a_paragraph_without_its_ending_is_read_into_it() -> None:
    # The parser takes a heading for a heading only after a paragraph that ended a
    # sentence (a run of stacked headings only when the run starts after one); after
    # "North," it reads "Mandate of MINUSMA" and "General principles" as the
    # paragraph's last words, so the finding points at the end of the second
    # heading (as for 2147 paragraph 7).
    text = seed(PDF_LIKE, "Development of the North;", "Development of the North,")
    findings = [f for f in run(text) if f.rule == "paragraph-end"]
    assert [(f.line, f.column) for f in findings] == [position(text, "General principles", 17), EXTRACT_END]
    assert "operative paragraph 3 (line 48)" in findings[0].message


def test_after_a_cut_footnote_number() -> None:
    # "(S/2018/541),1": the footnote number 1 is cut; a comma turned into a semicolon is found.
    text = seed(PDF_LIKE, "(S/2018/541),1", "(S/2018/541);1")
    assert where(run(text), "paragraph-end") == [position(text, "(S/2018/541);1", len("(S/2018/541)")), EXTRACT_END]


def test_crlf_line_ends_give_the_same_positions() -> None:
    text = seed(clean_zh(), "下文第 58 段", "上文第 58 段")
    crlf = text.replace("\n", "\r\n")
    assert [(f.rule, f.line, f.column) for f in run(crlf)] == [(f.rule, f.line, f.column) for f in run(text)]
    assert where(run(crlf), "reference-direction") == [position(text, "上文第 58 段")]


def test_locator_maps_cleaned_positions_of_a_rejoined_chinese_paragraph() -> None:
    text = clean_zh()
    res = parse(text)
    para = res.paragraph("1")
    assert para is not None
    locator = Locator.of(text)
    # 《协议》 opens the second physical line of paragraph 1.
    i = para.text.index("《协议》，设立")
    span = locator.span(para, i, i + 4)
    assert text[span.start : span.end] == "《协议》"
    assert (span.line, span.column) == position(text, "《协议》，设立了陶代尼区")
    # The end of the text maps to the end of the paragraph's span.
    assert locator.offset(para, len(para.text)) == para.span.end
