"""Small PDFs written by hand for the tests (手工生成的 PDF): text at given places, ruling lines,
an image standing for a scanned page, a password.

Text is set in STSong-Light (Adobe-GB1, not embedded) through the UniGB-UCS2-H encoding, which every
PDF reader maps back to Unicode, so Chinese and figures come out as written. Positions are in
points from the top-left corner of the page, as pdfplumber reports them: a character of size ``s``
set at ``top`` covers ``top`` to ``top + s``; ASCII characters are half as wide as they are tall,
Chinese characters as wide.
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from dataclasses import dataclass, field

WIDTH, HEIGHT = 595, 842  # A4 in points


@dataclass(frozen=True)
class Text:
    """A run of text whose first character's top-left corner is at (x, top)."""

    x: float
    top: float
    text: str
    size: float = 10

    @property
    def width(self) -> float:
        return sum(self.size * (0.5 if ord(char) < 128 else 1) for char in self.text)


@dataclass(frozen=True)
class Rule:
    """A ruling line from (x0, top) to (x1, bottom): horizontal or vertical."""

    x0: float
    top: float
    x1: float
    bottom: float


@dataclass
class Page:
    """What one page prints."""

    texts: list[Text] = field(default_factory=list)
    rules: list[Rule] = field(default_factory=list)
    image: bool = False


def grid(xs: Sequence[float], ys: Sequence[float]) -> list[Rule]:
    """The ruling lines of a full grid: a horizontal line at every y across the xs, a vertical line
    at every x down the ys."""
    return ([Rule(xs[0], y, xs[-1], y) for y in ys] + [Rule(x, ys[0], x, ys[-1]) for x in xs])


def row_texts(xs: Sequence[float], top: float, cells: Sequence[str], *, size: float = 10) -> list[Text]:
    """The texts of one table row: each cell's text 3 points in from the cell's left edge."""
    return [Text(x + 3, top, text, size) for x, text in zip(xs, cells, strict=False) if text]


def _text_operators(text: Text) -> bytes:
    baseline = HEIGHT - text.top - text.size
    encoded = text.text.encode("utf-16-be").hex().upper()
    return f"BT /F1 {text.size} Tf 1 0 0 1 {text.x:.2f} {baseline:.2f} Tm <{encoded}> Tj ET\n".encode()


def _rule_operators(rule: Rule) -> bytes:
    return f"{rule.x0:.2f} {HEIGHT - rule.top:.2f} m {rule.x1:.2f} {HEIGHT - rule.bottom:.2f} l S\n".encode()


_FONT = (b"<< /Type /Font /Subtype /Type0 /BaseFont /STSong-Light /Encoding /UniGB-UCS2-H "
         b"/DescendantFonts [4 0 R] >>")
# CIDs 1-95 are the half-width ASCII characters of Adobe-GB1.
_CID_FONT = (b"<< /Type /Font /Subtype /CIDFontType0 /BaseFont /STSong-Light "
             b"/CIDSystemInfo << /Registry (Adobe) /Ordering (GB1) /Supplement 2 >> "
             b"/FontDescriptor << /Type /FontDescriptor /FontName /STSong-Light /Flags 4 "
             b"/FontBBox [0 0 1000 1000] /ItalicAngle 0 /Ascent 1000 /Descent 0 /CapHeight 700 /StemV 80 >> "
             b"/DW 1000 /W [1 95 500] >>")


def _stream(data: bytes, extra: bytes = b"") -> bytes:
    return b"<< /Length %d %s>>\nstream\n" % (len(data), extra) + data + b"\nendstream"


def make_pdf(pages: Sequence[Page], *, password: bool = False) -> bytes:
    """The bytes of a PDF of ``pages``; with ``password``, one that needs a password to open."""
    objects: list[bytes] = [b"", b"", _FONT, _CID_FONT]  # 1 catalog and 2 page tree filled in below
    kids = []
    for page in pages:
        content = b"0.5 w\n" + b"".join(_rule_operators(rule) for rule in page.rules)
        content += b"".join(_text_operators(text) for text in page.texts)
        resources = b"/Font << /F1 3 0 R >>"
        if page.image:
            objects.append(_stream(b"\x80", b"/Type /XObject /Subtype /Image /Width 1 /Height 1 "
                                            b"/ColorSpace /DeviceGray /BitsPerComponent 8 "))
            resources += b" /XObject << /Im1 %d 0 R >>" % len(objects)
            content += b"q 500 0 0 700 40 70 cm /Im1 Do Q\n"
        objects.append(_stream(content))
        objects.append(b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 %d %d] /Resources << %s >> /Contents %d 0 R >>"
                       % (WIDTH, HEIGHT, resources, len(objects)))
        kids.append(len(objects))
    objects[0] = b"<< /Type /Catalog /Pages 2 0 R >>"
    objects[1] = b"<< /Type /Pages /Kids [%s] /Count %d >>" % (b" ".join(b"%d 0 R" % k for k in kids), len(kids))
    trailer_extra = b""
    if password:
        # The standard security handler (RC4, revision 2) with a /U entry no empty password opens.
        digest = hashlib.sha256(b"not the password").digest()
        objects.append(b"<< /Filter /Standard /V 1 /R 2 /O <%s> /U <%s> /P -44 >>"
                       % (digest.hex().encode(), digest[::-1].hex().encode()))
        file_id = hashlib.md5(b"cnbudget test").hexdigest().encode()
        trailer_extra = b" /Encrypt %d 0 R /ID [<%s> <%s>]" % (len(objects), file_id, file_id)
    out = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R%s >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, trailer_extra, xref)
    return bytes(out)
