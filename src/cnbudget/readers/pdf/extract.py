"""A PDF file → its pages as plain values (:class:`~cnbudget.readers.pdf.geometry.PdfPage`), with
pdfplumber; the one module that touches it.

pdfplumber (MIT licence, maintained, pure Python over pdfminer.six) gives every character with its
box, the ruling lines and rectangles, and a table finder that turns ruling lines into cells. It is
an optional extra (``pip install 'cnbudget[pdf]'``), imported only when a PDF is read; without it,
reading a PDF is refused with a :class:`~cnbudget.errors.ReadError` that says how to install it.
A file pdfplumber cannot open (broken, encrypted with a password, not a PDF at all) is refused with
a ReadError that says which.
"""

from __future__ import annotations

import importlib
import os
from pathlib import Path
from types import ModuleType
from typing import Any

from cnbudget.errors import ReadError
from cnbudget.readers.pdf.geometry import Box, Letter, PdfPage, Word

__all__ = ["NEEDS_EXTRA", "pdf_pages"]

#: What reading a PDF without pdfplumber says.
NEEDS_EXTRA = "reading a PDF needs the pdf extra: pip install 'cnbudget[pdf]'"

_MAX_BYTES = 200_000_000


def _pdfplumber() -> ModuleType:
    """pdfplumber, imported only now: the core does without it."""
    try:
        return importlib.import_module("pdfplumber")
    except ImportError:
        raise ReadError(NEEDS_EXTRA) from None


def pdf_pages(path: str | os.PathLike[str]) -> list[PdfPage]:
    """Every page of the PDF at ``path``: its words, the cells of its ruled tables, and whether it
    holds images."""
    pdfplumber = _pdfplumber()
    path = Path(path)
    try:
        size = path.stat().st_size
    except OSError as error:
        raise ReadError(f"cannot read {path}: {error.strerror or error}") from error
    if size > _MAX_BYTES:
        raise ReadError(f"{path} is {size} bytes; a disclosure is far smaller")
    pages: list[PdfPage] = []
    number = 0
    try:
        with pdfplumber.open(path) as pdf:
            for number, page in enumerate(pdf.pages, start=1):
                pages.append(_page(number, page))
                page.close()  # its parsed objects are no longer needed: memory stays flat over long files
    except ReadError:
        raise
    except Exception as error:  # pdfminer raises many kinds on bad input; each becomes a ReadError
        raise ReadError(_why_unreadable(path, error, number)) from error
    return pages


def _page(number: int, page: Any) -> PdfPage:
    """One pdfplumber page as plain values. Characters printed twice over (a bold effect some
    producers draw) are taken once."""
    words = page.dedupe_chars().extract_words(keep_blank_chars=False, use_text_flow=False, return_chars=True)
    return PdfPage(
        number=number,
        words=tuple(Word(text=str(w["text"]), box=_box(w),
                         letters=tuple(Letter(text=str(c["text"]), box=_box(c)) for c in w["chars"]))
                    for w in words if str(w["text"]).strip()),
        tables=tuple(tuple(_box_of(cell) for cell in table.cells) for table in page.find_tables()),
        has_images=bool(page.images),
    )


def _box(obj: Any) -> Box:
    return Box(x0=float(obj["x0"]), top=float(obj["top"]), x1=float(obj["x1"]), bottom=float(obj["bottom"]))


def _box_of(bbox: Any) -> Box:
    x0, top, x1, bottom = bbox
    return Box(x0=float(x0), top=float(top), x1=float(x1), bottom=float(bottom))


def _why_unreadable(path: Path, error: BaseException, page: int) -> str:
    """What went wrong opening or reading the PDF, in words a user can act on."""
    cause = error.args[0] if error.args and isinstance(error.args[0], BaseException) else error
    kind = type(cause).__name__
    if kind == "PDFPasswordIncorrect":
        return (f"{path} is encrypted with a password: remove the password first "
                f"(for example qpdf --decrypt --password=… IN.pdf OUT.pdf)")
    if kind == "PDFEncryptionError":
        return f"{path} is encrypted in a way that cannot be read ({cause}): save an unencrypted copy first"
    where = f"page {page} of {path}" if page else str(path)
    detail = str(cause) or kind
    return f"{where} is not a readable PDF (broken or not a PDF at all): {detail}"
