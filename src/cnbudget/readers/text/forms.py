"""The forms published text comes in (文本形式), each turned into the same numbered lines and cells.

A PDF becomes text in several forms, and the reader reads them all as lines whose table rows have
their cells apart (:class:`~cnbudget.readers.text.source.SourceLine`):

* ``tsv`` — table rows with their cells joined by TAB (a table-aware extraction, a spreadsheet
  saved as text): read as it is;
* ``markdown`` — table rows as Markdown pipe tables (``| 合计 | 5.00 |``): the pipes are cells;
* ``layout`` — ``pdftotext -layout`` (or text padded to column widths): columns kept as runs of
  spaces; its tables' rows get their cells from the columns their words and figures stand in
  (:mod:`cnbudget.readers.text.layout`), rows that cannot be placed with certainty none;
* ``flat`` — plain ``pdftotext``: the cells of a row run together or onto lines of their own; its
  lines pass through as they are, and its tables are rebuilt once the document is cut into tables
  (:mod:`cnbudget.readers.flat`), where their figures can be placed with certainty.

Every form keeps the document's lines one for one, so that a problem's line number is the line of
the file. :func:`detect_form` tells the forms apart by the shape of their lines.

>>> text = "某局2024年部门预算\\n| 项目 | 金额 |\\n|---|---:|\\n| 合计 | 5.00 |\\n"
>>> detect_form(text).value, [line.cells for line in text_lines(text)][1:]
('markdown', [('项目', '金额'), (), ('合计', '5.00')])
"""

from __future__ import annotations

import enum
import itertools
import re
from collections.abc import Iterable

from cnbudget.readers.text.layout import layout_lines
from cnbudget.readers.text.source import SourceLine, numbered_lines

__all__ = ["TextForm", "detect_form", "text_lines"]


class TextForm(enum.Enum):
    """The form of a published text (see the module text)."""

    TSV = "tsv"
    MARKDOWN = "markdown"
    LAYOUT = "layout"
    FLAT = "flat"


_PIPE_ROW = re.compile(r"^\s*\|.*\|\s*$")
_PIPE_RULE = re.compile(r"^\s*\|?\s*:?-+:?\s*(?:\|\s*:?-+:?\s*)*\|?\s*$")
_SPACED_COLUMNS = re.compile(r"\S {3,}\S")
_FORM_SHARE = 0.02  # the share of a document's lines in a form's shape that makes the document that form
_MIN_ROWS = 3


def detect_form(text: str) -> TextForm:
    """The form of ``text``: the shape its table rows take (tabs, pipes, runs of spaces), or flat."""
    return _form_of(text, text.splitlines())


def _form_of(text: str, raws: list[str]) -> TextForm:
    """:func:`detect_form` of ``text``, whose lines are ``raws`` (split once for both the form and the lines)."""
    lines = [line for line in raws if line and not line.isspace()]  # line.strip(), without its copy
    if not lines:
        return TextForm.TSV
    wanted = max(_MIN_ROWS, int(len(lines) * _FORM_SHARE))
    # Each shape needs a character (a TAB, a pipe, a run of spaces): a text without it has no line of it.
    # Each line is asked for the character first: the pattern runs only on lines holding it.
    if "\t" in text and _at_least(
            wanted, (line for line in lines if "\t" in line and len([c for c in line.split("\t") if c.strip()]) > 1)):
        return TextForm.TSV
    if "|" in text and _at_least(wanted, (line for line in lines if "|" in line and _PIPE_ROW.match(line))):
        return TextForm.MARKDOWN
    if "   " in text and _at_least(wanted, (line for line in lines if "   " in line and _SPACED_COLUMNS.search(line))):
        return TextForm.LAYOUT
    return TextForm.FLAT


def _at_least(wanted: int, shaped: Iterable[str]) -> bool:
    """Whether there are ``wanted`` lines of the shape: the count stops there (most of a document is
    not read)."""
    return next(itertools.islice(shaped, wanted - 1, None), None) is not None


def _markdown_row(line: str) -> str:
    """A pipe-table row as TAB-separated cells; the rule under a header row as a blank line."""
    if _PIPE_RULE.match(line) and "-" in line:
        return ""
    if not _PIPE_ROW.match(line):
        return line
    inner = line.strip()[1:-1]
    return "\t".join(cell.strip() for cell in re.split(r"(?<!\\)\|", inner)).replace("\\|", "|")


def text_lines(text: str, form: TextForm | None = None) -> list[SourceLine]:
    """Every line of ``text`` as a :class:`SourceLine`, numbered from 1, its table rows' cells apart
    whatever the form (detected where ``form`` is not given)."""
    raws = text.splitlines()
    form = form or _form_of(text, raws)
    if form is TextForm.LAYOUT:
        return layout_lines(text)
    if form is TextForm.MARKDOWN:
        raws = [_markdown_row(raw) for raw in raws]
    return numbered_lines(raws)
