"""``read_pdf``: a published PDF → :class:`~cnbudget.readers.result.ReadResult` (读取 PDF).

The PDF becomes the numbered lines the TAB-separated form gives — each table row one line with its
cells apart, the text around the tables line by line, a blank line after each page, every line
carrying its page — and :func:`~cnbudget.readers.read.read_lines` reads them as it reads text.
"""

from __future__ import annotations

import os

import attrs

from cnbudget.errors import WrongArgumentType
from cnbudget.readers.pdf.extract import pdf_pages
from cnbudget.readers.pdf.page import document_lines
from cnbudget.readers.pdf.text_layer import text_layer_problems
from cnbudget.readers.read import read_lines
from cnbudget.readers.result import Problem, ReadResult
from cnbudget.readers.text.source import SourceLine

__all__ = ["PDF_MAGIC", "pdf_lines", "read_pdf"]

#: The bytes a PDF file starts with (how :func:`cnbudget.readers.files.kind_of` tells one).
PDF_MAGIC = b"%PDF-"


def pdf_lines(path: str | os.PathLike[str]) -> tuple[list[SourceLine], list[Problem]]:
    """The numbered lines of the PDF at ``path``, and a problem for each page without a text layer.

    Raises :class:`~cnbudget.errors.ReadError` where the PDF cannot be read: pdfplumber not
    installed, a broken or encrypted file, or no text layer at all (a scan)."""
    pages = pdf_pages(path)
    problems = text_layer_problems(pages, path)
    return document_lines(pages), problems


def read_pdf(path: str | os.PathLike[str]) -> ReadResult:
    """Read a published disclosure from its PDF (needs the ``pdf`` extra: ``pip install
    'cnbudget[pdf]'``); problems name their page and line.

    >>> from cnbudget.errors import ReadError
    >>> try:
    ...     read_pdf("不存在.pdf")
    ... except ReadError as error:
    ...     print(type(error).__name__)
    ReadError
    """
    if not isinstance(path, (str, os.PathLike)):
        raise WrongArgumentType(f"read_pdf takes the path of a PDF file, not {type(path).__name__}")
    lines, problems = pdf_lines(path)
    result = read_lines(lines)
    if not problems:
        return result
    return attrs.evolve(result, problems=(*problems, *result.problems))
