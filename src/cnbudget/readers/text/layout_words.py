"""The words of a layout line (版面文本的词): runs of text between runs of spaces, with their positions.

``pdftotext -layout`` keeps a table's columns as runs of spaces, one character position for every
character, Chinese or not (a Chinese character takes one position like a digit, so positions can
be compared across lines). A *token* is a run of characters separated from the next by two spaces
or more, or by one space where a figure stands on either side (``156,211,123 一、一般公共服务支出``:
a figure and the name of the next column). A cell may hold one space (``1. 一般公共预算资金``) or be
printed letter-spaced (``合   计``); the tokens of one cell are joined again when they fall into
one column.

>>> [(t.start, t.text, t.kind.value) for t in line_tokens("201   05   统计信息事务   257,700  0")]
[(0, '201', 'code'), (6, '05', 'code'), (11, '统计信息事务', 'text'), (20, '257,700', 'amount'), (29, '0', 'amount')]
>>> [t.text for t in line_tokens("一、财政拨款收入   156,211,123 一、一般公共服务支出")]
['一、财政拨款收入', '156,211,123', '一、一般公共服务支出']
"""

from __future__ import annotations

import enum
import functools
import itertools
import re
import unicodedata
from collections.abc import Sequence
from typing import NamedTuple

import attrs

from cnbudget.model.columns import SUBTOTALS
from cnbudget.readers.text.grid import is_amount
from cnbudget.readers.text.source import clean_cell

__all__ = ["Span", "Token", "TokenKind", "is_figure", "line_tokens", "widened", "widened_spans"]

_WORD = re.compile(r"\S+")
# A figure as tables print amounts: decimals or thousands separators (a bare number may be a code).
_FIGURE = re.compile(r"^[-−]?(?:\d{1,3}(?:,\d{3})+|\d+)\.\d+$|^[-−]?\d{1,3}(?:,\d{3})+$")
_DASHES = frozenset({"-", "—", "－", "--", "——"})
_SPACED = 5  # the widest gap between the letters of a letter-spaced label
_DIGITS = re.compile(r"^\d{1,7}$")
_CODE_SHAPE = re.compile(r"^\d{3}(?:\d{2}){0,2}$")


class TokenKind(enum.Enum):
    """What a token holds: a classification code at the start of a row, an amount, or words."""

    CODE = "code"
    AMOUNT = "amount"
    TEXT = "text"


@attrs.frozen
class Token:
    """A run of text on a line: its character positions (``end`` exclusive), text and kind."""

    start: int
    end: int
    text: str
    kind: TokenKind
    inner: tuple[int, ...] = ()  # where the words after the first start (one space apart)

    @property
    def centre(self) -> float:
        """The middle of the token's positions."""
        return (self.start + self.end) / 2


def is_figure(text: str) -> bool:
    """Whether a word is a figure as tables print amounts (``1,089.27``, ``156,211,123``, ``0.50``)."""
    return _FIGURE.match(clean_cell(text)) is not None


def _is_placeholder(text: str) -> bool:
    return clean_cell(text) in _DASHES


def _letter_spaced(runs: list[list[tuple[int, int, str]]]) -> list[list[tuple[int, int, str]]]:
    """The runs with a letter-spaced total (``合   计``, ``金   额``) made one."""
    joined: list[list[tuple[int, int, str]]] = []
    for run in runs:
        last = joined[-1] if joined else None
        if (last is not None and len(run) == 1 and len(clean_cell(run[0][2])) == 1
                and run[0][0] - last[-1][1] <= _SPACED and all(len(clean_cell(word[2])) == 1 for word in last)
                and re.fullmatch(SUBTOTALS, "".join(clean_cell(word[2]) for word in (*last, *run)))):
            last.extend(run)
        else:
            joined.append(list(run))
    return joined


def _sticks(word: str) -> bool:
    """Whether a word stands apart from a neighbour one space away: a figure or a placeholder."""
    cleaned = clean_cell(word)
    return _FIGURE.match(cleaned) is not None or cleaned in _DASHES


def line_tokens(line: str, *, wide: bool = False) -> list[Token]:
    """The tokens of one line of layout text, left to right (see the module text). Positions count
    characters, as ``pdftotext -layout`` places them, or, where ``wide``, display columns (a Chinese
    character takes two), as text aligned for the eye is (``column -t``, an editor)."""
    place = _display_columns(line) if wide else None  # None: positions are the characters'
    runs: list[list[tuple[int, int, str]]] = []
    last_end = -2  # where the last word ends (no word yet: none is one space apart)
    last_sticks: bool | None = None  # whether the last word is a figure or a placeholder (None: not asked)
    # Whether a word may be one letter of a letter-spaced label (one character once cleaned: a word
    # holds no space, so one character or markup to clean out); most lines hold none to join.
    lettered = False
    for match in _WORD.finditer(line):
        start, end = match.span()
        text = match.group()
        if len(text) == 1 or "<" in text or "*" in text:
            lettered = True
        if start - last_end == 1:
            if last_sticks is None:
                last_sticks = _sticks(runs[-1][-1][2])
            sticks = _sticks(text)
            if not (last_sticks or sticks):
                runs[-1].append((start, end, text))
                last_end, last_sticks = end, sticks
                continue
            last_sticks = sticks
        else:
            last_sticks = None
        runs.append([(start, end, text)])
        last_end = end
    if lettered:
        runs = _letter_spaced(runs)
    texts = [run[0][2] if len(run) == 1 else " ".join([word[2] for word in run]) for run in runs]
    # The digits a row starts with are its code (类 款 项, or whole) when words follow them, or a
    # figure follows a code's shape (the name wrapped onto lines of its own).
    cleaned_texts = [clean_cell(text) for text in texts]
    leading = next((i for i, text in enumerate(cleaned_texts) if not _DIGITS.match(text)), len(texts))
    after = cleaned_texts[leading] if leading < len(texts) else ""
    coded = bool(after) and (not is_amount(after) or (is_figure(after) and _CODE_SHAPE.match(cleaned_texts[0])))
    codes = leading if coded else 0
    tokens: list[Token] = []
    for index, (run, text, cleaned) in enumerate(zip(runs, texts, cleaned_texts, strict=True)):
        if index < codes:
            kind = TokenKind.CODE
        else:
            kind = TokenKind.AMOUNT if is_amount(cleaned) or cleaned in _DASHES else TokenKind.TEXT
        if place is None:
            tokens.append(Token(start=run[0][0], end=run[-1][1], text=text, kind=kind,
                                inner=tuple([word[0] for word in run[1:]]) if len(run) > 1 else ()))
        else:
            tokens.append(Token(start=place[run[0][0]], end=place[run[-1][1]], text=text, kind=kind,
                                inner=tuple(place[word[0]] for word in run[1:])))
    return tokens


def widened(tokens: list[Token], line: str) -> list[Token]:
    """The tokens of ``line`` (as :func:`line_tokens` gives them, positions in characters) with their
    positions in display columns, as ``line_tokens(line, wide=True)`` gives them: the runs are the
    same whatever the measure, only their positions move (not at all where no character is wide)."""
    if line.isascii():
        return tokens
    place = _display_places(line, [position for t in tokens for position in (t.start, *t.inner, t.end)])
    return [Token(start=place[t.start], end=place[t.end], text=t.text, kind=t.kind,
                  inner=tuple(place[position] for position in t.inner)) for t in tokens]


class Span(NamedTuple):
    """Where a token stands and what it holds, without its text: enough to measure alignment."""

    start: int
    end: int
    kind: TokenKind


def widened_spans(tokens: Sequence[Token], line: str) -> Sequence[Token | Span]:
    """Where the :func:`widened` tokens stand, without making them (the tokens themselves where no
    character is wide)."""
    if line.isascii():
        return tokens
    place = _display_places(line, [position for t in tokens for position in (t.start, t.end)])
    return [Span(place[t.start], place[t.end], t.kind) for t in tokens]


def _display_places(line: str, positions: Sequence[int]) -> dict[int, int]:
    """The display column at each of ``positions`` (character positions of ``line``), as
    :func:`_display_columns` gives them: the characters are measured one by one only in the stretches
    between two positions that hold a character other than ASCII (a token's Chinese words), the
    spaces between tokens and their figures by their length."""
    places: dict[int, int] = {}
    done = column = 0
    for position in sorted(positions):  # a token's in order already: sorted in one pass
        stretch = line[done:position]
        column += len(stretch) if stretch.isascii() else _stretch_width(stretch)
        places[position], done = column, position
    return places


def _display_columns(line: str) -> list[int]:
    """The display column at which each character of ``line`` starts (and the line's end)."""
    return list(itertools.accumulate(map(_display_width, line), initial=0))


@functools.lru_cache(maxsize=1 << 14)  # a pure function of the text: a table's names recur in its other tables
def _stretch_width(stretch: str) -> int:
    """How many display columns a stretch of a line takes."""
    return sum(map(_display_width, stretch))


@functools.lru_cache(maxsize=1 << 14)  # a pure function of the character: a document repeats few thousand
def _display_width(char: str) -> int:
    return 2 if unicodedata.east_asian_width(char) in ("W", "F") else 1
