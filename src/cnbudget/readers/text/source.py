"""Published text as numbered, cleaned lines and cells (原文行与单元格).

Documents converted from PDF or Word carry markup (``<b>``, ``<p>``, ``**``, Markdown headings
and bullets), full-width characters, and spaces that page layout put inside Chinese words. A
:class:`SourceLine` keeps the raw text and its line number (for problem reports) beside the cleaned
text and its tab-separated cells.

>>> line = SourceLine.of(7, "<b>206</b>\\t\\t\\t<b>科学技术支出</b>\\t<b>22.63</b>")
>>> line.cells
('206', '', '', '科学技术支出', '22.63')
>>> line.bold
True
>>> clean_name("2024 年中央财政医疗服务与保障 能力提升补助资金（第一批）")
'2024年中央财政医疗服务与保障能力提升补助资金（第一批）'
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any, cast

import attrs

from cnbudget.builders import builder_of_model

__all__ = ["SourceLine", "clean_cell", "clean_name", "joining_space", "line_of_cells", "numbered_lines", "printed_at",
           "split_lines"]

_MARKUP = re.compile(r"</?(?:b|p|strong|br|span|i|u)\b[^>]*>|\*\*", re.IGNORECASE)
_HEADING = re.compile(r"^\s*(?:#{1,6}\s*|-\s+(?=\S))")
# Whitespace next to a Chinese character is an artefact of page layout, never meaningful.
_CJK = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\u3000-\u303f\uff00-\uffef“”‘’"
# A run of white space after or before a Chinese character: ``(?<=[CJK])\s+|\s+(?=[CJK])``, written
# to start with the white space, so that the pattern is looked for by it, not tried at every position.
_SPACE_NEAR_CJK = re.compile(rf"\s(?:(?<=[{_CJK}]\s)\s*|\s*(?=[{_CJK}]))")
_SPACES = re.compile(r"\s+")
# A run of spaces between two characters neither Chinese nor a space (``BRT line``): the only run of a
# text spaced by spaces alone that cleaning keeps (as one space). Looked for by the space it starts with.
_SPACE_KEPT = re.compile(rf"(?<![{_CJK} ]) +(?![{_CJK} ])")


def clean_cell(text: str) -> str:
    """A cell's text without markup and surrounding spaces."""
    if "<" not in text and "*" not in text:  # no markup to take out (most cells): no pattern to run
        return text.strip()
    return _MARKUP.sub("", text).strip()


def clean_name(text: str) -> str:
    """A printed name with layout spaces removed: spaces next to Chinese characters go, runs of
    other spaces become one (``"VLOG 视频"`` keeps no space, ``"BRT 公益"`` likewise)."""
    # clean_cell, written out: asked of nearly every cell a reader keeps
    cleaned = text.strip() if "<" not in text and "*" not in text else _MARKUP.sub("", text).strip()
    # No space and nothing unprintable (every other space is), as most names: nothing to remove.
    if " " not in cleaned and cleaned.isprintable():
        return cleaned
    # Spaces the only white space, and each next to a Chinese character (the layout's 2019 年, most
    # spaced prose): every space goes, found by one search rather than two substitutions.
    unspaced = cleaned.replace(" ", "")
    if unspaced.isprintable() and _SPACE_KEPT.search(cleaned) is None:
        return unspaced
    return _SPACES.sub(" ", _SPACE_NEAR_CJK.sub("", cleaned)).strip()


_CJK_CHAR = re.compile(f"[{_CJK}]")
_NOT_PLAIN = frozenset("<>*")  # what markup is made of: such pairs are cleaned as clean_name does


def joining_space(left: str, right: str) -> str:
    """What :func:`clean_name` keeps of a space between two characters: none next to a Chinese
    character, else one space (``clean_name(f"{left} {right}")[1:-1]``, without its patterns).

    >>> joining_space("A", "B"), joining_space("预", "1"), joining_space("5", "万")
    (' ', '', '')
    """
    if left.isspace() or right.isspace() or left in _NOT_PLAIN or right in _NOT_PLAIN:
        return clean_name(f"{left} {right}")[1:-1]
    return "" if _CJK_CHAR.match(left) or _CJK_CHAR.match(right) else " "


@attrs.frozen(kw_only=True)
class SourceLine:
    """One line of the source: its 1-based number, raw text, cleaned text and cells, and the page
    it stands on where the source has pages (a PDF)."""

    number: int
    raw: str
    text: str
    cells: tuple[str, ...]
    bold: bool
    page: int | None = None
    #: The text with every space removed, for matching titles and labels (kept: every pass asks).
    squeezed: str = attrs.field(init=False, eq=False, repr=False)
    #: Whether the line has no text (kept, as the two below: every pass over the lines asks).
    is_blank: bool = attrs.field(init=False, eq=False, repr=False)
    #: Whether the line has more than one cell (a table row).
    is_tabular: bool = attrs.field(init=False, eq=False, repr=False)

    @squeezed.default
    def _squeeze(self) -> str:
        return _squeezed(self.text)

    @is_blank.default
    def _blank(self) -> bool:
        return not self.text

    @is_tabular.default
    def _tabular(self) -> bool:
        return _tabular(self.cells)

    @classmethod
    def of(cls, number: int, raw: str, *, page: int | None = None) -> SourceLine:
        """Clean one raw line."""
        if cls is not SourceLine:  # a subclass may have fields of its own
            text, cells, bold = _cleaned(raw)
            return cls(number=number, raw=raw, text=text, cells=cells, bold=bold, page=page)
        return numbered_lines((raw,), first=number, page=page)[0]

    def with_cells(self, cells: tuple[str, ...]) -> SourceLine:
        """The line with its cells placed otherwise (its text, number and page as they are): what
        ``attrs.evolve(line, cells=cells)`` gives, without its call per field."""
        if type(self) is not SourceLine:  # a subclass may have fields of its own
            return attrs.evolve(self, cells=cells)
        return _remade(self, self.raw, self.text, cells, self.squeezed)

    def with_raw(self, raw: str) -> SourceLine:
        """The line as printed in another raw text (its cleaned text, cells, number and page as they
        are): what ``attrs.evolve(line, raw=raw)`` gives, without its call per field."""
        if type(self) is not SourceLine:  # a subclass may have fields of its own
            return attrs.evolve(self, raw=raw)
        return _remade(self, raw, self.text, self.cells, self.squeezed)

    def blanked(self) -> SourceLine:
        """The line without text or cells (its raw text, number and page as they are): what
        ``attrs.evolve(line, text="", cells=())`` gives, without its call per field."""
        if type(self) is not SourceLine:  # a subclass may have fields of its own
            return attrs.evolve(self, text="", cells=())
        return _remade(self, self.raw, "", (), "")


# A SourceLine in the making (cnbudget.builders): its fields set by plain assignment.
_LineBuilder = builder_of_model(SourceLine)


_new_line = object.__new__


def _remade(line: SourceLine, raw: str, text: str, cells: tuple[str, ...], squeezed: str) -> SourceLine:
    """``line`` with another raw text, text and cells (``squeezed``: the text's, worked out already),
    made on the builder; the fields derived from them follow."""
    made: Any = _new_line(_LineBuilder)  # its fields read-only to the type checker, as SourceLine's
    made.number = line.number
    made.raw = raw
    made.text = text
    made.cells = cells
    made.bold = line.bold
    made.page = line.page
    made.squeezed = squeezed
    made.is_blank = not text
    made.is_tabular = _tabular(cells)
    made.__class__ = SourceLine
    return cast(SourceLine, made)


def line_of_cells(number: int, raw: str, cells: tuple[str, ...], *, page: int | None = None) -> SourceLine:
    """A line whose cells are given (a table row rebuilt from text that lost them), not bold: its
    text the cells that are not blank, spaced. What the constructor gives, without its call per field.

    >>> line = line_of_cells(40, "205 教育支出 0.92", ("205", "", "教育支出", "0.92"), page=3)
    >>> line.text, line.is_tabular, line == SourceLine(number=40, raw="205 教育支出 0.92", text=line.text,
    ...                                                  cells=line.cells, bold=False, page=3)
    ('205 教育支出 0.92', True, True)
    """
    text = " ".join([cell for cell in cells if cell])
    made: Any = _new_line(_LineBuilder)  # its fields read-only to the type checker, as SourceLine's
    made.number = number
    made.raw = raw
    made.text = text
    made.cells = cells
    made.bold = False
    made.page = page
    made.squeezed = _squeezed(text)
    made.is_blank = not text
    made.is_tabular = _tabular(cells)
    made.__class__ = SourceLine
    return cast(SourceLine, made)


def _cleaned(raw: str) -> tuple[str, tuple[str, ...], bool]:
    """A raw line's text, cells and boldness (what :func:`numbered_lines` gives each line)."""
    line = numbered_lines((raw,))[0]
    return line.text, line.cells, line.bold


def numbered_lines(raws: Iterable[str], *, first: int = 1, page: int | None = None) -> list[SourceLine]:
    """The raw lines cleaned and numbered from ``first`` (on ``page``): what :meth:`SourceLine.of`
    gives each, made in one loop (every line of a read is made here)."""
    made: list[SourceLine] = []
    append = made.append
    heading_at, new_line, builder = _HEADING.match, _new_line, _LineBuilder
    for number, raw in enumerate(raws, start=first):
        if not raw:  # a blank line (a third of a text, often): nothing to clean
            append(_blank_line(builder, number, page))
            continue
        start = raw[0]
        # Anchored at the start: one at most, and only where the line starts with what it can.
        heading = heading_at(raw) if start in _HEADING_STARTS or start.isspace() else None
        without_heading = raw[heading.end():] if heading is not None else raw
        markup = "<" in raw or "*" in raw
        if "\t" not in without_heading and not markup:  # one cell, no markup (most prose): the text
            text = without_heading.strip()
            cells: tuple[str, ...] = (text,) if text else ()
            # No space and nothing unprintable (every other space is): nothing to squeeze out.
            squeezed = text if " " not in text and text.isprintable() else "".join(text.split())
        else:
            # Markup taken out of the whole line at once: where no tag spans a TAB (any line but a
            # malformed one), each cell loses what clean_cell takes out of it; the text likewise, a
            # TAB and the space it becomes being alike to the pattern.
            unmarked = _unmarked(without_heading) if markup else without_heading
            text = unmarked.replace("\t", " ").strip()
            squeezed = "".join(text.split())  # _squeezed, inline: every line is made here
            if markup and unmarked.count("\t") != without_heading.count("\t"):  # a tag spans a TAB
                cells = tuple([clean_cell(cell) for cell in without_heading.split("\t")])
            elif len(squeezed) + unmarked.count("\t") == len(unmarked):  # no space but the TABs
                cells = tuple(unmarked.rstrip().split("\t"))  # no cell to strip
            else:  # trailing blank cells go with the trailing spaces (what the loop below would drop)
                cells = tuple(map(str.strip, unmarked.rstrip().split("\t")))  # no comprehension's frame
            while cells and not cells[-1]:
                cells = cells[:-1]
        # Made a builder (the class's slots, plain assignment: the interpreter's own way, without a
        # call per field), given its fields as the attrs constructor gives them (the three it derives
        # by the same functions), then made a SourceLine.
        line: Any = new_line(builder)  # its fields read-only to the type checker, as SourceLine's
        line.number = number
        line.raw = raw
        line.text = text
        line.cells = cells
        line.bold = markup and ("<b>" in raw.lower() or "**" in raw)
        line.page = page
        line.squeezed = squeezed
        line.is_blank = not text
        line.is_tabular = len(cells) > 1  # _tabular, inline: asked of every line
        line.__class__ = SourceLine
        append(line)
    return made


_HEADING_STARTS = "#-"  # what a heading mark (_HEADING) starts with, whitespace aside


def _blank_line(builder: type[Any], number: int, page: int | None) -> SourceLine:
    """The line of an empty raw text: what the loop of :func:`numbered_lines` makes of it."""
    line: Any = _new_line(builder)
    line.number = number
    line.raw = line.text = line.squeezed = ""
    line.cells = ()
    line.bold = line.is_tabular = False
    line.page = page
    line.is_blank = True
    line.__class__ = SourceLine
    return cast(SourceLine, line)


def _unmarked(text: str) -> str:
    """``text`` without markup (``_MARKUP.sub("", text)``). Where its only tags are ``<b>`` and
    ``</b>`` (every ``<`` starts one), as in nearly every table converted to markup, each is what
    the pattern would match there, so they are taken out without it."""
    if "*" not in text and text.count("<") == text.count("<b>") + text.count("</b>"):
        return text.replace("<b>", "").replace("</b>", "")
    return _MARKUP.sub("", text)


def _squeezed(text: str) -> str:
    return "".join(text.split())  # every space out (str.split: what \s matches)


def _tabular(cells: tuple[str, ...]) -> bool:
    return len(cells) > 1



def split_lines(text: str) -> list[SourceLine]:
    """Every line of ``text`` as a :class:`SourceLine`, numbered from 1."""
    return numbered_lines(text.splitlines())


def printed_at(line: SourceLine) -> dict[str, Any]:
    """Where a table, row, form or statement stands in the source: the keyword arguments
    ``line_number`` and ``page`` the model's tables, rows and targets take.

    >>> printed_at(SourceLine.of(12, "合计\\t5.00", page=3))
    {'line_number': 12, 'page': 3}
    """
    return {"line_number": line.number, "page": line.page}
