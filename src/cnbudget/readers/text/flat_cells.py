"""One line of a table whose text lost its columns: code, name and figures told apart (无栏目文本行).

Some PDF conversions print a table row as one line of words and numbers separated by spaces
(``205 08 03 培训支出 0.92 0.92``), wrap a long name over several lines with the figures on a
later line, and sometimes run figures together (``0.920.92``). This module reads one such line:
the classification code at its start, the text (a name, the rest of a name, or a total label) and
the figures at its end, in printed order.

Figures run together are split only where that is certain: when every figure printed on its own
in the table has the same number of decimals, each figure of the run ends that many digits after
its decimal point. A run that does not split exactly (``0.920.92205``: figures and a code) is
reported, never guessed. In a table that prints whole numbers only, a line of numbers alone
cannot be told from a code and is reported.

>>> convention = figure_convention(["205 教育支出 0.92 0.92", "合计 2,081.55"])
>>> convention.decimals
2
>>> line = read_flat_line("205 08 03 培训支出 0.920.92", convention)
>>> line.kind.value, line.code, line.label, line.figures
('row', ('205', '08', '03'), '培训支出', ('0.92', '0.92'))
>>> read_flat_line("0.920.92205 教育支出", convention).problem
"figures run together that cannot be split: '0.920.92205'"
"""

from __future__ import annotations

import enum
import re
from collections.abc import Iterable, Sequence

import attrs

from cnbudget.model import is_sum_label
from cnbudget.text import normalize_width

__all__ = ["FigureConvention", "FlatLine", "LineKind", "figure_convention", "read_flat_line", "tokens"]

_FUNCTION_PARTS = (3, 2, 2)  # 支出功能分类: 类 3 digits, 款 and 项 2 each
_NUMBER = re.compile(r"^-?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d+))?$")
_DASHES = frozenset({"-", "--"})  # a printed blank cell, after width folding (—, －)
_RUN = re.compile(r"^-?[\d,.]+(?:-?[\d,.]+)*$")
# A digit run glued to other text is a token of its own: "合计2,081.55", "205教育支出".
_GLUE = re.compile(r"(?<=[^\d.,\s-])(?=-?\d)|(?<=\d)(?=[^\d.,\s-])")
_PAGE_NUMBER = re.compile(r"^\d{1,2}$")
_NUMBERING = frozenset({"※"})


class LineKind(enum.Enum):
    """What a line of the table is."""

    ROW = "row"  # opens a row with a classification code
    TOTAL = "total"  # opens a total row (合计, 总计)
    FIGURES = "figures"  # figures only: the amounts of the row above
    TEXT = "text"  # text without a code: a name's continuation, a heading, a note
    PAGE = "page"  # a page number or the column-number row (※ 1 2 3)
    UNREADABLE = "unreadable"  # cannot be taken apart with certainty (see ``problem``)


@attrs.frozen(kw_only=True)
class FigureConvention:
    """How the table prints its figures: with a fixed number of decimals, or as whole numbers."""

    decimals: int | None  # every figure printed alone has this many decimals (None: mixed or none)
    whole_numbers: bool  # no figure has a decimal point, so whole numbers are figures

    def is_figure(self, token: str) -> bool:
        """Whether a token is one figure under this convention (``-`` is a printed blank).

        >>> FigureConvention(decimals=2, whole_numbers=False).is_figure("205")
        False
        """
        if token in _DASHES:
            return True
        match = _NUMBER.match(token)
        if match is None:
            return False
        return match.group(1) is not None or "," in token or self.whole_numbers

    def split_run(self, token: str) -> tuple[str, ...] | None:
        """The figures of a run printed without spaces, or ``None`` when it does not split exactly.

        >>> FigureConvention(decimals=2, whole_numbers=False).split_run("1,801.00214.352015.35")
        ('1,801.00', '214.35', '2015.35')
        """
        if self.decimals is None or self.decimals == 0:
            return None
        piece = re.compile(rf"-?(?:0|[1-9]\d{{0,2}}(?:,\d{{3}})+|[1-9]\d*)\.\d{{{self.decimals}}}")
        pieces: list[str] = []
        position = 0
        while position < len(token):
            match = piece.match(token, position)
            if match is None:
                return None
            pieces.append(match.group())
            position = match.end()
        return tuple(pieces) if len(pieces) > 1 else None


def figure_convention(texts: Iterable[str]) -> FigureConvention:
    """The figure convention of a table, from the figures its lines print on their own.

    >>> figure_convention(["合计 1,000 200"]).whole_numbers, figure_convention(["0.5 1.25"]).decimals is None
    (True, True)
    """
    decimals: set[int] = set()
    for text in texts:
        for token in tokens(text):
            match = _NUMBER.match(token)
            if match is not None and match.group(1) is not None:
                decimals.add(len(match.group(1)))
    return FigureConvention(decimals=min(decimals) if len(decimals) == 1 else None, whole_numbers=not decimals)


def tokens(text: str) -> list[str]:
    """The words and numbers of a line, digit runs glued to other text set apart.

    >>> tokens("合计2,081.55 205教育支出")
    ['合计', '2,081.55', '205', '教育支出']
    """
    return _GLUE.sub(" ", normalize_width(text)).split()


@attrs.frozen(kw_only=True)
class FlatLine:
    """One line taken apart."""

    kind: LineKind
    code: tuple[str, ...] = ()  # the code's parts as printed (类, 款, 项) or the whole code
    label: str = ""  # the text between the code and the figures
    figures: tuple[str, ...] = ()  # the figures, in printed order
    problem: str | None = None  # why an UNREADABLE line cannot be taken apart

    @property
    def carries_figures(self) -> bool:
        """Whether the line holds figures (or numbers that might be figures): table data, not headings."""
        return bool(self.figures) or (self.kind is LineKind.UNREADABLE and self.problem is not None
                                      and self.problem.startswith(_FIGURE_PROBLEMS))


_RUN_PROBLEM = "figures run together that cannot be split"
_ORDER_PROBLEM = "figures printed before text"
_NUMBERS_PROBLEM = "a line of whole numbers alone: codes cannot be told from figures"
_FIGURE_PROBLEMS = (_RUN_PROBLEM, _ORDER_PROBLEM, _NUMBERS_PROBLEM)


def read_flat_line(
    text: str, convention: FigureConvention, part_lengths: Sequence[int] = _FUNCTION_PARTS
) -> FlatLine:
    """Take one line apart: a code of ``part_lengths`` digits at its start, figures at its end."""
    words = tokens(text)
    if not words:
        return FlatLine(kind=LineKind.TEXT)
    if all(word in _NUMBERING or word.isdigit() for word in words) and (
        any(word in _NUMBERING for word in words) or (len(words) == 1 and _PAGE_NUMBER.match(words[0]))
    ):
        if convention.whole_numbers and not any(word in _NUMBERING for word in words):
            return FlatLine(kind=LineKind.UNREADABLE, problem=_NUMBERS_PROBLEM)
        return FlatLine(kind=LineKind.PAGE)
    figures: list[str] = []
    end = len(words)
    while end > 0:
        word = words[end - 1]
        if convention.is_figure(word):
            figures.insert(0, word)
        elif _is_numeric(word):
            pieces = convention.split_run(word)
            if pieces is None:
                return FlatLine(kind=LineKind.UNREADABLE, problem=f"{_RUN_PROBLEM}: {word!r}")
            figures[:0] = pieces
        else:
            break
        end -= 1
    lead = words[:end]
    if not lead:
        if convention.whole_numbers and len(figures) <= len(part_lengths) and _code(figures, part_lengths):
            return FlatLine(kind=LineKind.UNREADABLE, problem=_NUMBERS_PROBLEM)
        return FlatLine(kind=LineKind.FIGURES, figures=tuple(figures))
    code, rest = _leading_code(lead, part_lengths)
    stray = next((word for word in rest if convention.is_figure(word) or _is_numeric(word)), None)
    if stray is not None:
        unsplit = not convention.is_figure(stray) and convention.split_run(stray) is None
        return FlatLine(kind=LineKind.UNREADABLE, problem=f"{_RUN_PROBLEM if unsplit else _ORDER_PROBLEM}: {stray!r}")
    number = next((word for word in rest if word.isdigit()), None)
    if number is not None:
        return FlatLine(kind=LineKind.UNREADABLE, problem=f"a number that is neither a figure nor a code: {number!r}")
    label = " ".join(rest)
    if code:
        return FlatLine(kind=LineKind.ROW, code=code, label=label, figures=tuple(figures))
    if is_sum_label(label):
        return FlatLine(kind=LineKind.TOTAL, label="".join(label.split()), figures=tuple(figures))
    return FlatLine(kind=LineKind.TEXT, label=label, figures=tuple(figures))


def _is_numeric(word: str) -> bool:
    """Digits with a decimal point or a thousands separator that are not one figure: a run of figures."""
    return _RUN.match(word) is not None and any(mark in word for mark in ".,")


def _leading_code(lead: list[str], part_lengths: Sequence[int]) -> tuple[tuple[str, ...], list[str]]:
    """The code at the start of the line (parts in their own words, or whole), and the words after."""
    first = lead[0]
    if first.isdigit() and len(first) in _whole_lengths(part_lengths) and len(first) > part_lengths[0]:
        return (first,), lead[1:]
    parts: list[str] = []
    for word, length in zip(lead, part_lengths, strict=False):
        if not (word.isdigit() and len(word) == length):
            break
        parts.append(word)
    return tuple(parts), lead[len(parts):]


def _whole_lengths(part_lengths: Sequence[int]) -> set[int]:
    return {sum(part_lengths[: count + 1]) for count in range(len(part_lengths))}


def _code(words: Sequence[str], part_lengths: Sequence[int]) -> bool:
    """Whether numbers could be read as a code (each part of its length, or the whole code)."""
    if len(words) == 1 and len(words[0]) in _whole_lengths(part_lengths):
        return words[0].isdigit()
    return all(word.isdigit() and len(word) == length for word, length in zip(words, part_lengths, strict=False))
