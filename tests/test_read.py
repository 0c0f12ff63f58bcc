"""Input layer: decoding bytes in every supported encoding, and every way input can be wrong.

Real example texts are re-encoded and parsed; the result must not depend on the
encoding. Bad input must raise a :class:`MandiffError` whose message is one line
naming the cause and, after ``"; "``, the fix.
"""

from __future__ import annotations

import codecs
import functools
import os
import random
from pathlib import Path

import pytest
from conftest import EXAMPLES, HRC_58_30_ZH, SC_2423_ZH

import mandiff
from mandiff.errors import (
    BinaryInputError,
    DecodingError,
    EmptyInputError,
    InputNotFoundError,
    MandiffError,
    UnsupportedLanguageError,
)
from mandiff.read import Source, decode, read

SC_852_EN = EXAMPLES / "S-RES-852-1993.en.txt"
SC_2506_EN = EXAMPLES / "S-RES-2506-2020.en.txt"  # has ’ and a no-break space, so not pure ASCII
ENGLISH = sorted(EXAMPLES.glob("*.en.txt"))

# name -> (encode function, encoding that mandiff must report)
UNICODE_ENCODINGS = {
    "utf-8": (lambda t: t.encode("utf-8"), "utf-8"),
    "utf-8-bom": (lambda t: codecs.BOM_UTF8 + t.encode("utf-8"), "utf-8-sig"),
    "utf-16-le-bom": (lambda t: codecs.BOM_UTF16_LE + t.encode("utf-16-le"), "utf-16"),
    "utf-16-be-bom": (lambda t: codecs.BOM_UTF16_BE + t.encode("utf-16-be"), "utf-16"),
    "utf-32-le-bom": (lambda t: codecs.BOM_UTF32_LE + t.encode("utf-32-le"), "utf-32"),
}
CHINESE_ENCODINGS = {
    "gb18030": (lambda t: t.encode("gb18030"), "gb18030"),
    "gbk": (lambda t: t.encode("gbk"), "gb18030"),
}

CASES = [
    *((path, enc) for path in (SC_2423_ZH, HRC_58_30_ZH) for enc in (*UNICODE_ENCODINGS, *CHINESE_ENCODINGS)),
    *((path, enc) for path in (SC_852_EN, SC_2506_EN) for enc in UNICODE_ENCODINGS),
]
CASE_IDS = [f"{path.name.split('.')[0]}-{enc}" for path, enc in CASES]


def _encoder(enc: str):
    return {**UNICODE_ENCODINGS, **CHINESE_ENCODINGS}[enc]


@functools.cache
def _text(path: Path) -> str:
    return path.read_text(encoding="utf-8")


@functools.cache
def _baseline(path: Path) -> mandiff.Resolution:
    return mandiff.parse(_text(path))


def _signature(res: mandiff.Resolution) -> list[tuple[str, tuple[str | None, ...], str]]:
    """Every operative paragraph and descendant: id, clause types, cleaned text."""
    return [(p.id, tuple(c.type for c in p.clauses), p.text) for top in res.operative for p in top.walk()]


def _assert_one_line_with_fix(error: MandiffError) -> None:
    message = str(error)
    assert isinstance(error, MandiffError)
    assert error.exit_code == 2
    assert message.strip(), "empty error message"
    assert "\n" not in message and "\r" not in message, f"message is not one line: {message!r}"
    cause, sep, fix = message.partition("; ")
    assert sep and cause.strip() and fix.strip(), f"message lacks a '<cause>; <fix>' hint: {message!r}"


# -- encodings ---------------------------------------------------------------


def test_baselines_are_resolutions() -> None:
    """Sanity check for the comparisons below: the str parse finds the operative part."""
    assert [p.id for p in _baseline(SC_2423_ZH).operative] == [str(n) for n in range(1, 73)]
    assert [p.id for p in _baseline(HRC_58_30_ZH).operative] == [str(n) for n in range(1, 32)]
    assert [p.id for p in _baseline(SC_852_EN).operative] == ["1", "2", "3", "4", "5"]
    assert len(_baseline(SC_2506_EN).operative) > 10
    assert _baseline(SC_2423_ZH).encoding == "str"


@pytest.mark.parametrize(("path", "enc"), CASES, ids=CASE_IDS)
def test_decode_recovers_the_text(path: Path, enc: str) -> None:
    encode, expected = _encoder(enc)
    source = decode(encode(_text(path)))
    assert source.encoding == expected
    assert source.text == _text(path), "decoded text differs (a BOM must be dropped, nothing else changed)"
    assert source.name == "<bytes>"


@pytest.mark.parametrize(("path", "enc"), CASES, ids=CASE_IDS)
def test_parse_bytes_matches_parse_str(path: Path, enc: str) -> None:
    encode, expected = _encoder(enc)
    base = _baseline(path)
    res = mandiff.parse(encode(_text(path)))
    assert res.encoding == expected
    assert res.language == base.language
    assert res.kind == "resolution"
    assert [p.id for p in res.operative] == [p.id for p in base.operative]
    assert _signature(res) == _signature(base)
    assert [(p.id, p.text) for p in res.preamble] == [(p.id, p.text) for p in base.preamble]
    assert res.metadata == base.metadata
    # Spans point into the decoded text, so they do not move with the byte encoding.
    assert [p.span for p in res.operative] == [p.span for p in base.operative]


@pytest.mark.parametrize(("path", "enc"), CASES, ids=CASE_IDS)
def test_load_file_in_encoding(tmp_path: Path, path: Path, enc: str) -> None:
    encode, expected = _encoder(enc)
    target = tmp_path / f"{path.stem}.{enc}.txt"
    target.write_bytes(encode(_text(path)))
    base = _baseline(path)
    for arg in (target, str(target)):
        res = mandiff.load(arg)
        assert res.encoding == expected, f"load({type(arg).__name__})"
        assert _signature(res) == _signature(base), f"load({type(arg).__name__})"


def test_load_path_and_str_agree_on_real_file() -> None:
    by_path = mandiff.load(SC_2423_ZH)
    by_str = mandiff.load(str(SC_2423_ZH))
    assert by_path.encoding == by_str.encoding == "utf-8"
    assert by_path.kind == "resolution"
    assert _signature(by_path) == _signature(by_str) == _signature(_baseline(SC_2423_ZH))


def test_load_accepts_any_pathlike() -> None:
    class Wrapped(os.PathLike):
        def __fspath__(self) -> str:
            return str(HRC_58_30_ZH)

    res = mandiff.load(Wrapped())
    assert res.kind == "resolution"
    assert len(res.operative) == 31


@pytest.mark.parametrize("newline", ["\r\n", "\n"])
def test_gb18030_with_crlf(newline: str) -> None:
    data = _text(HRC_58_30_ZH).replace("\n", newline).encode("gb18030")
    res = mandiff.parse(data)
    assert res.encoding == "gb18030"
    assert _signature(res) == _signature(_baseline(HRC_58_30_ZH))


def test_gb18030_only_characters_decode() -> None:
    """Characters outside GBK (four-byte GB18030) survive: a real paragraph with 𠮷 and € added."""
    text = _text(HRC_58_30_ZH).replace("决定继续处理此事。", "决定继续处理此事𠮷€。")
    data = text.encode("gb18030")
    with pytest.raises(UnicodeEncodeError):
        text.encode("gbk")
    source = decode(data)
    assert source.encoding == "gb18030"
    assert source.text == text
    assert "𠮷€" in mandiff.parse(data).paragraph("31").text


# cp1252 is how Windows editors save English text with curly quotes. The text is
# not valid UTF-8, so detection decides; it must not turn "Council’s" into Chinese.
@pytest.mark.parametrize("path", [p for p in ENGLISH if any(ord(c) > 127 for c in _text(p))], ids=lambda p: p.stem)
def test_english_cp1252_is_not_decoded_as_another_script(path: Path) -> None:
    text = _text(path)
    data = text.encode("cp1252")
    source = decode(data)
    wrong = sorted({c for c in source.text if ord(c) > 127} - set(text))
    same = source.text == text
    assert same, f"cp1252 English decoded as {source.encoding}, giving {''.join(wrong)[:20]!r}"


# -- read() on its three kinds of input ---------------------------------------


def test_read_str_is_text_never_a_path() -> None:
    src = read(str(SC_2423_ZH))
    assert src == Source(text=str(SC_2423_ZH), encoding="str", name="<text>")


def test_read_path_names_the_file() -> None:
    src = read(SC_2423_ZH)
    assert src.encoding == "utf-8"
    assert src.name == str(SC_2423_ZH)
    assert src.text == _text(SC_2423_ZH)


def test_read_bytes_keeps_text_exactly() -> None:
    """No newline or width normalisation at read time: spans depend on it."""
    raw = "安全理事会，\r\n\r\n 1.　决定（ａ）\f继续处理此案。\r"
    src = read(raw.encode("utf-8"))
    assert src.text == raw
    assert read(raw).text == raw


# -- bad input ---------------------------------------------------------------

REAL_PREFIX = _text(SC_2423_ZH)[:2000]

BAD_BYTES = {
    "empty": (b"", EmptyInputError),
    "whitespace": (b" \n\t\r\n  \n", EmptyInputError),
    "ideographic-space-only": ("\u3000\u3000\n\u3000".encode(), EmptyInputError),
    "utf8-bom-only": (codecs.BOM_UTF8, EmptyInputError),
    "utf8-bom-whitespace": (codecs.BOM_UTF8 + b"  \r\n", EmptyInputError),
    "utf16-bom-only": (codecs.BOM_UTF16_LE, EmptyInputError),
    "nul-in-text": (REAL_PREFIX.encode() + b"\x00" + REAL_PREFIX.encode(), BinaryInputError),
    "utf16-le-without-bom": (REAL_PREFIX.encode("utf-16-le"), BinaryInputError),
    "utf16-be-without-bom": (REAL_PREFIX.encode("utf-16-be"), BinaryInputError),
    "pdf": (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog >>\nendobj\n", BinaryInputError),
    "zip-docx": (b"PK\x03\x04\x14\x00\x06\x00\x08\x00\x00\x00!\x00[Content_Types].xml" + bytes(64), BinaryInputError),
    "ole-doc": (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(64), BinaryInputError),
    "png": (b"\x89PNG\r\n\x1a\n" + bytes(32), BinaryInputError),
    "control-characters": (bytes(range(1, 9)) * 200, BinaryInputError),
    "high-bytes": (bytes(range(128, 256)) * 50, MandiffError),
    "random-seeded": (random.Random(20180628).randbytes(8192), MandiffError),
    "utf8-bom-then-invalid": (codecs.BOM_UTF8 + b"\xff\xfe\xfd resolution", DecodingError),
    "utf16-bom-truncated": (codecs.BOM_UTF16_LE + "决定".encode("utf-16-le") + b"x", DecodingError),
}


@pytest.mark.parametrize(("data", "error"), list(BAD_BYTES.values()), ids=list(BAD_BYTES))
def test_bad_bytes_raise_one_line_error(data: bytes, error: type[MandiffError]) -> None:
    with pytest.raises(error) as info:
        mandiff.parse(data)
    _assert_one_line_with_fix(info.value)


@pytest.mark.parametrize(("data", "error"), list(BAD_BYTES.values()), ids=list(BAD_BYTES))
def test_bad_files_raise_one_line_error_naming_the_file(tmp_path: Path, data: bytes, error: type) -> None:
    target = tmp_path / "input.txt"
    target.write_bytes(data)
    with pytest.raises(error) as info:
        mandiff.load(target)
    _assert_one_line_with_fix(info.value)
    assert str(info.value).startswith(str(target)), "a file error must name the file"


def test_pdf_message_says_to_extract_text() -> None:
    with pytest.raises(BinaryInputError, match=r"PDF.*pdftotext"):
        decode(b"%PDF-1.7\n" + bytes(range(256)))


def test_zip_message_mentions_docx() -> None:
    with pytest.raises(BinaryInputError, match=r"\.docx"):
        decode(b"PK\x03\x04" + bytes(100))


def test_utf16_without_bom_hint() -> None:
    with pytest.raises(BinaryInputError, match=r"UTF-16 without a byte-order mark"):
        decode(_text(HRC_58_30_ZH).encode("utf-16-le"))


def test_high_bytes_are_rejected_not_misread() -> None:
    """bytes(range(128, 256)) * 50 is no text; today that is a DecodingError."""
    with pytest.raises(DecodingError, match="re-save the file as UTF-8"):
        decode(bytes(range(128, 256)) * 50)


@pytest.mark.parametrize("text", ["", " ", "\n\n", " \t\r\n\u3000"], ids=["empty", "space", "newlines", "mixed"])
def test_empty_str_raises(text: str) -> None:
    with pytest.raises(EmptyInputError) as info:
        mandiff.parse(text)
    _assert_one_line_with_fix(info.value)


def test_missing_file(tmp_path: Path) -> None:
    missing = tmp_path / "no-such-dir" / "S-RES-9999.txt"
    for arg in (missing, str(missing)):
        with pytest.raises(InputNotFoundError) as info:
            mandiff.load(arg)
        _assert_one_line_with_fix(info.value)
        assert str(missing) in str(info.value)


def test_directory(tmp_path: Path) -> None:
    for arg in (tmp_path, str(tmp_path), EXAMPLES):
        with pytest.raises(InputNotFoundError, match="directory") as info:
            mandiff.load(arg)
        _assert_one_line_with_fix(info.value)


@pytest.mark.skipif(not hasattr(os, "geteuid") or os.geteuid() == 0, reason="root reads any file")
def test_unreadable_file(tmp_path: Path) -> None:
    target = tmp_path / "locked.txt"
    target.write_text(_text(SC_852_EN), encoding="utf-8")
    target.chmod(0)
    try:
        with pytest.raises(InputNotFoundError) as info:
            mandiff.load(target)
        _assert_one_line_with_fix(info.value)
    finally:
        target.chmod(0o644)


@pytest.mark.parametrize("lang", ["fr", "FR", "zh-CN", "common", "types", "TEMPLATE", "../zh", "en "])
def test_unsupported_language(lang: str) -> None:
    with pytest.raises(UnsupportedLanguageError) as info:
        mandiff.parse(_text(SC_852_EN), lang=lang)
    _assert_one_line_with_fix(info.value)
    assert "en" in str(info.value) and "zh" in str(info.value), "the message should list the available languages"


def test_unsupported_language_on_load() -> None:
    with pytest.raises(UnsupportedLanguageError):
        mandiff.load(SC_2423_ZH, lang="fr")


def test_text_without_letters() -> None:
    with pytest.raises(UnsupportedLanguageError) as info:
        mandiff.parse("1. 2. 3.\n\n(2018) 12/16\n")
    _assert_one_line_with_fix(info.value)


def test_script_without_lexicon() -> None:
    text = "Совет Безопасности,\n\n1. постановляет продолжать заниматься этим вопросом.\n"
    with pytest.raises(UnsupportedLanguageError, match="Cyrillic") as info:
        mandiff.parse(text)
    _assert_one_line_with_fix(info.value)


@pytest.mark.parametrize(("path", "lang"), [(SC_2423_ZH, "zh"), (SC_852_EN, "en")], ids=["zh", "en"])
def test_explicit_language_matches_detection(path: Path, lang: str) -> None:
    res = mandiff.parse(_text(path), lang=lang)
    assert res.language == lang
    assert _signature(res) == _signature(_baseline(path))
