"""Whether a PDF has a text layer to read (文字层): a scan is pages of images, and its text can only
be had by OCR.

A page counts as text when it prints words whose characters the PDF maps to Unicode; characters a
font does not map come out as ``(cid:N)`` and are no text. A PDF none of whose pages has text is
refused; a page of images without text inside a PDF that has text is reported, never passed over.

>>> import attrs
>>> from cnbudget.readers.pdf.geometry import Box, PdfPage, Word
>>> scan = PdfPage(number=1, words=(), tables=(), has_images=True)
>>> try:
...     text_layer_problems([scan], "扫描件.pdf")
... except ReadError as error:
...     print(error)  # doctest: +ELLIPSIS
扫描件.pdf has no text layer (a scan, or text drawn as pictures): nothing in it can be read. Run OCR ...
>>> text = PdfPage(number=1, words=(Word(text="某局2024年部门预算", box=Box(x0=0, top=0, x1=9, bottom=9)),), tables=())
>>> problems = text_layer_problems([text, attrs.evolve(scan, number=2)], "部门预算.pdf")
>>> [str(problem) for problem in problems]  # doctest: +ELLIPSIS
['page 2: this page has no text layer (a scanned page): nothing on it was read; ...']
"""

from __future__ import annotations

import os
import re
from collections.abc import Sequence

from cnbudget.errors import ReadError
from cnbudget.readers.pdf.geometry import PdfPage
from cnbudget.readers.result import Problem

__all__ = ["OCR_ADVICE", "text_layer_problems"]

#: How a user gets a text layer for a scan.
OCR_ADVICE = "Run OCR first to add a text layer, for example: ocrmypdf -l chi_sim IN.pdf OUT.pdf, then read OUT.pdf"

_UNMAPPED = re.compile(r"\(cid:\d+\)")


def _has_text(page: PdfPage) -> bool:
    """Whether most of what the page prints is characters mapped to Unicode."""
    printed = "".join(word.text for word in page.words)
    unmapped = sum(len(match) for match in _UNMAPPED.findall(printed))
    return bool(printed) and unmapped * 2 < len(printed)


def text_layer_problems(pages: Sequence[PdfPage], path: str | os.PathLike[str]) -> list[Problem]:
    """The pages whose content cannot be read for want of text (pages of images, or of characters
    no font maps), each as a problem; a :class:`ReadError` when no page has text at all."""
    if not any(_has_text(page) for page in pages):
        raise ReadError(f"{path} has no text layer (a scan, or text drawn as pictures): nothing in it can be read. "
                        f"{OCR_ADVICE}")
    problems: list[Problem] = []
    for page in pages:
        if _has_text(page):
            continue
        if page.words:
            message = ("this page's characters have no Unicode mapping in their fonts: nothing on it was read; "
                       "OCR it to read it (ocrmypdf)")
        elif page.has_images:
            message = ("this page has no text layer (a scanned page): nothing on it was read; "
                       "OCR it to read it (ocrmypdf)")
        else:
            continue  # a blank page
        problems.append(Problem(line=None, text="", message=message, page=page.number))
    return problems
