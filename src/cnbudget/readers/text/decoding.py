"""Bytes to text in the encodings Chinese documents are saved in (文本编码).

Text saved on Chinese Windows is often GB18030/GBK, or UTF-16 ("Unicode" in Notepad); text from
elsewhere is UTF-8, with or without a byte-order mark. :func:`decode` tells them apart without
guessing: a byte-order mark decides; UTF-16 without one shows itself by its zero bytes; otherwise the
bytes must be valid UTF-8 or, failing that, valid GB18030 (which includes GBK and GB2312). Bytes
that are none of these are refused, naming the first byte that is not UTF-8.

>>> decode("部门预算".encode("gb18030")), decode("部门预算".encode("utf-16")), decode(b"\\xef\\xbb\\xbfabc")
('部门预算', '部门预算', 'abc')
"""

from __future__ import annotations

import codecs
import re

from cnbudget.errors import ReadError

__all__ = ["ENCODINGS", "decode"]

#: The encodings read without being named, in the order they are tried.
ENCODINGS = ("utf-8", "gb18030", "utf-16")

_BOMS = ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"))
# UTF-16 text has zero bytes at one parity only (digits, spaces, line ends); binary data at both.
_UTF16_ZEROS = 0.1
_OTHER_PARITY = 0.01
_MIN_UTF16 = 16
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")


def _utf16_without_bom(data: bytes) -> str | None:
    """``utf-16-le`` or ``utf-16-be`` for text whose every other byte is often zero (digits, spaces
    and line ends in UTF-16) and that decodes to text without control characters, else ``None``."""
    if len(data) < _MIN_UTF16 or len(data) % 2:
        return None
    pairs = len(data) // 2
    odd, even = data[1::2].count(0) / pairs, data[0::2].count(0) / pairs
    encoding = ("utf-16-le" if odd >= _UTF16_ZEROS and even < _OTHER_PARITY
                else "utf-16-be" if even >= _UTF16_ZEROS and odd < _OTHER_PARITY else None)
    if encoding is None:
        return None
    try:
        text = data.decode(encoding)
    except UnicodeDecodeError:
        return None
    return None if _CONTROL.search(text) else encoding


def decode(data: bytes, *, encoding: str | None = None, name: str = "the text") -> str:
    """The text of ``data``: in ``encoding`` where given, else detected (see the module text).

    Raises :class:`~cnbudget.errors.ReadError` naming ``name`` and the offending byte for bytes
    that are not text in any of :data:`ENCODINGS` (or not in ``encoding``), and for binary data.

    >>> try:
    ...     decode(b"\\x80abc", name="a.txt")
    ... except ReadError as error:
    ...     print(str(error)[:79])
    a.txt is not text in UTF-8, GB18030/GBK or UTF-16: byte 0x80 at offset 0 is not
    """
    text = _decode_as(data, encoding, name) if encoding is not None else _detect(data, name)
    if "\x00" in text:
        raise ReadError(f"{name} is binary data, not text; convert the document to text first")
    return text


def _decode_as(data: bytes, encoding: str, name: str) -> str:
    try:
        codecs.lookup(encoding)
    except LookupError:
        raise ReadError(f"unknown encoding {encoding!r}; use for example utf-8, gb18030 or utf-16") from None
    try:
        return data.decode(encoding)
    except UnicodeDecodeError as error:
        byte = data[error.start]
        raise ReadError(f"{name} is not {encoding} text: byte 0x{byte:02x} at offset {error.start} "
                        f"cannot be decoded") from None


def _detect(data: bytes, name: str) -> str:
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return _decode_as(data, encoding, name)
    utf16 = _utf16_without_bom(data)
    if utf16 is not None:
        return _decode_as(data, utf16, name)
    if b"\x00" in data:
        raise ReadError(f"{name} is binary data, not text; convert the document to text first")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as error:
        first = error
    try:
        return data.decode("gb18030")
    except UnicodeDecodeError:
        byte = data[first.start]
        raise ReadError(f"{name} is not text in UTF-8, GB18030/GBK or UTF-16: byte 0x{byte:02x} at offset "
                        f"{first.start} is not UTF-8 and the bytes are not GB18030; name the encoding "
                        f"(read_file(path, encoding=...), or --encoding)") from None
