"""The rows of a one-sided table rebuilt from flat text (逐行重建).

A row opens with its code (or its total label) and takes the name lines and the one line of
figures that follow: ``208 05 05`` / ``机关事业单位基本养老保`` / ``险缴费支出`` / ``25.29 25.29``. On
pages that ``pdftotext`` read from right to left every line prints its cells in reverse
(``0.920.92培训支出0308205``: figures, name, code parts), while the lines still follow each other from
the top down; such a table is read back when all its lines that show a direction show the same one.
A table whose lines show both directions, a line that is neither shape, a row without a name, figures
that belong to no row and text after a finished row are reported: nothing is moved to make it fit.
Figures printed before the first row under a 合计 heading the text broke apart (``合`` / ``金额`` /
``计``) are the total row.

>>> from cnbudget.classification import catalog
>>> from cnbudget.codes import FunctionCode
>>> from cnbudget.readers.text.source import split_lines
>>> lines = split_lines("0.920.92培训支出0308205\\n0505208\\n机关事业单位基本养老保险缴\\n费支出\\n25.2925.29\\n"
...                     "1801.00274.692075.69合计")
>>> reading = read_rows(lines, FunctionCode, catalogue=catalog(2024))
>>> [(str(row.code), row.label, row.figures) for row in reading.rows]  # doctest: +NORMALIZE_WHITESPACE
[('2050803', '培训支出', ('0.92', '0.92')), ('2080505', '机关事业单位基本养老保险缴费支出', ('25.29', '25.29')),
 ('None', '合计', ('2075.69', '274.69', '1801.00'))]
>>> reading.reversed, reading.problems
(True, [])
"""

from __future__ import annotations

import enum
import functools
import re
from collections.abc import Sequence

import attrs

from cnbudget.classification import Catalog, MatchKind
from cnbudget.codes import ClassificationCode
from cnbudget.model import is_sum_label
from cnbudget.readers.flat.codes import UncertainCode, code_lengths, read_code
from cnbudget.readers.flat.figures import FigureConvention, convention_of
from cnbudget.readers.flat.runs import LineRuns, Run, RunKind
from cnbudget.readers.text.source import SourceLine

__all__ = ["Direction", "FlatRows", "PrintedRow", "direction_of", "read_rows"]

_SPLIT_TOTAL = re.compile(r"合.{0,8}计")  # the total row's label among the headings, or broken by them


class Direction(enum.Enum):
    """The order a line prints its cells in."""

    FORWARD = "forward"  # left to right: code, name, figures
    REVERSED = "reversed"  # right to left: figures, name, code
    EITHER = "either"  # a line of one kind of run shows no direction
    NEITHER = "neither"  # runs in an order neither direction prints


@attrs.frozen(kw_only=True)
class PrintedRow:
    """One row as printed: its lines, code (``None`` for the total), label and figures in column order."""

    lines: tuple[SourceLine, ...]
    code: ClassificationCode | None
    label: str
    figures: tuple[str, ...]

    @property
    def first(self) -> SourceLine:
        return self.lines[0]

    @property
    def text(self) -> str:
        """The row's lines as printed, for a problem."""
        return " / ".join(line.raw.strip() for line in self.lines)


@attrs.frozen(kw_only=True)
class LineProblem:
    """A line of the table that cannot be placed, and why."""

    line: SourceLine
    message: str


@attrs.frozen(kw_only=True)
class FlatRows:
    """The rows of a table, the heading lines above them, and what could not be placed."""

    header: tuple[SourceLine, ...]
    rows: tuple[PrintedRow, ...]
    problems: list[LineProblem]
    reversed: bool


_FIGURES, _TEXT = RunKind.FIGURES, RunKind.TEXT


def _kinds(runs: Sequence[Run]) -> str:
    # Told apart by identity: a look-up by an Enum member calls its __hash__, in Python, for every run.
    return "".join(["F" if run.kind is _FIGURES else "T" if run.kind is _TEXT else "N" for run in runs])


_FORWARD = re.compile(r"^N*T?F?$")
_REVERSED = re.compile(r"^F?T?N*$")


def direction_of(runs: Sequence[Run]) -> Direction:
    """The direction a line's runs show (``N`` numbers, ``T`` text, ``F`` figures).

    >>> code, name = Run(kind=RunKind.NUMBER, words=("205",)), Run(kind=RunKind.TEXT, words=("教育支出",))
    >>> figures = Run(kind=RunKind.FIGURES, words=("0.92",))
    >>> direction_of([code, name, figures]).name, direction_of([figures, name, code]).name
    ('FORWARD', 'REVERSED')
    """
    return _direction_of_kinds(_kinds(runs))


@functools.lru_cache(maxsize=256)  # a pure function of the kinds: a table's lines show a handful
def _direction_of_kinds(kinds: str) -> Direction:
    forward, backward = _FORWARD.match(kinds) is not None, _REVERSED.match(kinds) is not None
    if forward and backward:
        return Direction.EITHER
    if forward:
        return Direction.FORWARD
    return Direction.REVERSED if backward else Direction.NEITHER


@attrs.define(kw_only=True)
class _Row:
    lines: list[SourceLine]
    code: ClassificationCode | None
    label: list[str]
    figures: tuple[str, ...] | None


_Parts = tuple[list[str], str, tuple[str, ...]]


def _parts(runs: Sequence[Run], reverse: bool) -> _Parts:
    """A line's numbers (printed order), text and figures (column order)."""
    numbers: list[str] = []
    texts: list[str] = []
    figures: list[str] = []
    for run in runs:  # one pass: each run is a number, text or figures
        if run.kind is RunKind.NUMBER:
            numbers.append(run.text)
        elif run.kind is RunKind.TEXT:
            texts.append(run.text)
        else:
            figures.extend(run.words)
    if reverse:
        figures.reverse()
    return numbers, "".join(texts), tuple(figures)


def read_rows(
    lines: Sequence[SourceLine],
    family: type[ClassificationCode],
    *,
    catalogue: Catalog | None,
    headings: Sequence[SourceLine] = (),
    taken: LineRuns | None = None,
) -> FlatRows:
    """The rows of a table's lines (page furniture and notes already set aside); ``headings`` are
    header lines printed above the table (a body printed before its title has them in its block);
    ``taken``: the lines' runs, where some were already taken apart (with how they print figures)."""
    if taken is None:
        taken = LineRuns(convention_of(line.text for line in lines))
    convention = taken.convention
    problems: list[LineProblem] = []
    parsed: list[tuple[SourceLine, list[Run]]] = []
    for line in lines:
        runs = taken.of(line.text)
        if isinstance(runs, str):
            problems.append(LineProblem(line=line, message=runs))
            continue
        if _is_page_number(runs, family, convention):
            continue
        parsed.append((line, runs))
    shown = [direction_of(runs) for _, runs in parsed]  # each line's, asked once
    # The lines that print figures show the direction (headings and code lines may show none).
    directions = {direction for (_, runs), direction in zip(parsed, shown, strict=True)
                  if any(run.kind is RunKind.FIGURES for run in runs)}
    directions -= {Direction.EITHER, Direction.NEITHER}
    reverse = directions == {Direction.REVERSED}
    if Direction.FORWARD in directions and Direction.REVERSED in directions:
        problems.append(LineProblem(line=parsed[0][0], message="the lines of the table print their cells in "
                                    "both directions (left to right and right to left)"))
        return FlatRows(header=(), rows=(), problems=problems, reversed=False)
    parts = [_parts(runs, reverse) for _, runs in parsed]  # each line's numbers, text and figures, once
    start = next((index for index, (_, runs) in enumerate(parsed)
                  if _opens_body(runs, parts[index], shown[index], family, reverse, catalogue)), len(parsed))
    header = tuple(line for line, _ in parsed[:start])
    header_text = "".join(line.squeezed for line in (*headings, *header))
    heading_texts = {line.squeezed for line in (*headings, *header)}
    rows: list[_Row] = []
    leading: tuple[SourceLine, tuple[str, ...]] | None = None

    def unplaced(line: SourceLine, why: str) -> None:
        problems.append(LineProblem(line=line, message=f"line not read: {why}"))

    for (line, _), direction, (numbers, text, figures) in zip(parsed[start:], shown[start:], parts[start:],
                                                               strict=True):
        if direction is Direction.NEITHER:
            unplaced(line, "its words, numbers and figures stand in an order no row is printed in")
            continue
        current = rows[-1] if rows else None
        if numbers:
            try:
                code = read_code(numbers, family, reversed_line=reverse, name=text, catalogue=catalogue)
            except UncertainCode as error:
                unplaced(line, str(error))
                continue
            rows.append(_Row(lines=[line], code=code, label=[text] if text else [], figures=figures or None))
        elif text and is_sum_label(text):
            rows.append(_Row(lines=[line], code=None, label=[text], figures=figures or None))
        elif figures and not text:
            if current is None and leading is None:
                leading = (line, figures)
            elif current is not None and current.figures is None:
                current.lines.append(line)
                current.figures = figures
            else:
                unplaced(line, "figures that belong to no row")
        elif current is not None and current.figures is None:
            current.lines.append(line)  # the name wrapped over lines, its figures below
            current.label.append(text)
            current.figures = figures or None
        elif line.squeezed in heading_texts:
            continue  # a heading repeated on a new page
        elif current is not None and not figures and _is_tail(current, text, catalogue):
            current.lines.append(line)  # the rest of a name a page break cut off after the figures
            current.label.append(text)
        else:
            unplaced(line, "text that is neither a row nor the rest of a name")
    printed = [_printed(row) for row in rows]
    for row in printed:
        if not row.label:
            problems.append(LineProblem(line=row.first, message=f"row not read: the row {row.text!r} has no name"))
    if leading is not None:
        line, figures = leading
        if _SPLIT_TOTAL.search(header_text) and not any(row.code is None for row in printed):
            printed.insert(0, PrintedRow(lines=(line,), code=None, label="合计", figures=figures))
        else:
            unplaced(line, "figures before the first row")
    return FlatRows(header=header, rows=tuple(printed), problems=problems, reversed=reverse)


def _printed(row: _Row) -> PrintedRow:
    return PrintedRow(lines=tuple(row.lines), code=row.code, label="".join(row.label), figures=row.figures or ())


def _is_page_number(runs: Sequence[Run], family: type[ClassificationCode], convention: FigureConvention) -> bool:
    """A number alone that is no code's length: a page number."""
    return (len(runs) == 1 and runs[0].kind is RunKind.NUMBER
            and len(runs[0].text) not in code_lengths(family) and not convention.whole_numbers)


def _opens_body(
    runs: Sequence[Run], parts: _Parts, direction: Direction, family: type[ClassificationCode], reverse: bool,
    catalogue: Catalog | None,
) -> bool:
    """Whether a line (its runs, their :func:`_parts`, the direction they show) is the first of the
    table's body: a row's code, a total or figures."""
    if direction is Direction.NEITHER:
        return any(run.kind is RunKind.FIGURES for run in runs)
    numbers, text, figures = parts
    if figures:
        return True
    if text and is_sum_label(text) and not numbers:
        return False  # 合计 among the headings, unless it prints figures
    if numbers:
        try:
            read_code(numbers, family, reversed_line=reverse, name=text, catalogue=catalogue)
        except UncertainCode:
            return False
        return True
    return False


def _is_tail(row: _Row, text: str, catalogue: Catalog | None) -> bool:
    """Whether ``text`` completes the row's name into its name in the catalogue (the rest of a name
    a page break printed below the figures), where the name without it is not."""
    if catalogue is None or row.code is None or len(text) > 12:
        return False
    name = "".join(row.label)
    try:
        whole = catalogue.match_name(row.code, name + text)
        if not whole.ok or whole.kind is MatchKind.TRUNCATED:
            return False  # most lines asked: the name without the text is not asked about
        alone = catalogue.match_name(row.code, name)
    except (KeyError, ValueError):
        return False
    return not alone.ok or alone.kind is MatchKind.TRUNCATED
