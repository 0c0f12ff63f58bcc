"""Read input (path, bytes or str) into text, detecting its encoding.

Order: a byte-order mark decides (UTF-8, UTF-16, UTF-32); otherwise strict
UTF-8; otherwise charset-normalizer's detection, with any Chinese guess widened
to GB18030 (the superset of GB2312 and GBK that UN Chinese files use).
"""

from __future__ import annotations

import codecs
import os
from pathlib import Path

import attrs
import charset_normalizer

from mandiff.errors import BinaryInputError, DecodingError, EmptyInputError, InputNotFoundError

__all__ = ["Source", "decode", "read"]

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
# East Asian code pages a detector may name for Chinese text.
_CJK = frozenset(
    {"gb2312", "gbk", "gb18030", "hz", "big5", "big5hkscs", "cp950", "cp936", "euc_tw"}
    | {"cp949", "euc_kr", "johab", "cp932", "shift_jis", "shift_jis_2004", "euc_jp", "iso2022_jp"}
)
_SAMPLE = 65536
_WESTERN = 0.05
"""Below this share of bytes >= 0x80 a non-UTF-8 file is taken for a Western code page."""
# Magic numbers of files people drop on a text tool by mistake.
_BINARY_MAGIC = {
    b"%PDF": "a PDF file",
    b"PK\x03\x04": "a ZIP archive (a .docx is one)",
    b"\xd0\xcf\x11\xe0": "an old Word/Excel file",
    b"\x89PNG": "a PNG image",
    b"\xff\xd8\xff": "a JPEG image",
    b"GIF8": "a GIF image",
}


@attrs.frozen
class Source:
    """Decoded input. Example: ``Source(text="第 2423(2018)号决议…", encoding="utf-8", name="a.txt")``."""

    text: str
    """The decoded text, exactly as decoded (no newline or width changes)."""
    encoding: str
    """Codec name used, or ``"str"`` when the caller passed text."""
    name: str
    """Path or ``"<text>"``, for messages."""


def _shown(name: str) -> str:
    """The name as it can stand in a one-line message (control characters escaped)."""
    return name.encode("unicode_escape").decode("ascii") if not name.isprintable() else name


def decode(data: bytes, name: str = "<bytes>") -> Source:
    """Decode ``data``; raise a :class:`MandiffError` subclass when it is not text."""
    name = _shown(name)
    if not data.strip():
        raise EmptyInputError(f"{name}: the input is empty; give a file that holds the resolution text")
    for bom, codec in _BOMS:
        if data.startswith(bom):
            try:
                return _checked(data.decode(codec), codec, name)
            except UnicodeDecodeError as exc:
                raise DecodingError(
                    f"{name}: starts with a {codec} byte-order mark but is not valid {codec} ({exc.reason}); "
                    "re-save the file as UTF-8"
                ) from None
    for magic, what in _BINARY_MAGIC.items():
        if data.startswith(magic):
            raise BinaryInputError(
                f"{name}: this is {what}, not text; extract its text first (e.g. pdftotext) and pass the .txt"
            )
    if b"\x00" in data:
        raise BinaryInputError(
            f"{name}: holds NUL bytes, so it is binary or UTF-16 without a byte-order mark; "
            "give plain text, re-saved as UTF-8"
        )
    try:
        return _checked(data.decode("utf-8"), "utf-8", name)
    except UnicodeDecodeError:
        pass
    high = sum(1 for b in data[:_SAMPLE] if b >= 0x80)
    if high < _WESTERN * min(len(data), _SAMPLE):
        # Mostly ASCII with a few curly quotes or accents: a Western code page.
        # Statistical detection is unreliable on so few high bytes (it reads
        # cp1252 English as GB18030), so try Windows-1252 first.
        try:
            return _checked(data.decode("cp1252"), "cp1252", name)
        except UnicodeDecodeError:
            pass
    best = charset_normalizer.from_bytes(data).best()
    if best is None or best.encoding is None:
        raise DecodingError(f"{name}: the bytes are not text in any known encoding; re-save the file as UTF-8")
    codec = best.encoding
    if codec.lower() in _CJK:
        # UN Chinese files are GB2312/GBK/GB18030; on short inputs the detector
        # may name another East Asian code page. GB18030 is the superset to try.
        try:
            return _checked(data.decode("gb18030"), "gb18030", name)
        except UnicodeDecodeError:
            pass
    try:
        text = data.decode(codec)
    except (UnicodeDecodeError, LookupError):
        raise DecodingError(
            f"{name}: looks like {codec} but does not decode cleanly; re-save the file as UTF-8"
        ) from None
    return _checked(text, codec, name)


def _checked(text: str, codec: str, name: str) -> Source:
    if not text.strip():
        raise EmptyInputError(f"{name}: the input holds only whitespace; give the resolution text")
    controls = sum(1 for ch in text[:4096] if ch < " " and ch not in "\t\n\r\f\v")
    if controls > max(8, len(text[:4096]) // 50):
        raise BinaryInputError(f"{name}: holds control characters, so it is not plain text; give a .txt file")
    return Source(text=text, encoding=codec, name=name)


def read(source: str | bytes | os.PathLike[str]) -> Source:
    """Read a path (``Path`` or ``os.PathLike``), raw ``bytes``, or text (``str``).

    A ``str`` is taken as text, never as a path: use :func:`mandiff.load` for paths.
    """
    if isinstance(source, bytes):
        return decode(source)
    if isinstance(source, str):
        return _checked(source, "str", "<text>") if source.strip() else _empty("<text>")
    path = Path(source)
    shown = _shown(str(path))
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        raise InputNotFoundError(f"{shown}: no such file; check the path") from None
    except IsADirectoryError:
        raise InputNotFoundError(f"{shown}: is a directory; give a text file") from None
    except OSError as exc:
        raise InputNotFoundError(f"{shown}: cannot be read ({exc.strerror}); check its permissions") from None
    return decode(data, str(path))


def _empty(name: str) -> Source:
    raise EmptyInputError(f"{name}: the input is empty; give the resolution text")
