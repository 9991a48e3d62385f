"""One row of figures under a tree of headings, placed by the header's geometry (表头树).

The “三公”经费、会议费、培训费 table prints nine headings on three levels over one row of figures:
合计 | “三公”经费 (小计 | 因公出国（境）费 | 公务用车购置及运行维护费 (小计 | 公务用车购置费 | 公务用车运行维护费)
| 公务接待费) | 会议费 | 培训费. ``pdftotext -layout`` centres every heading in its cell, vertically
too, wraps the long ones over two or three lines with other headings' words between, prints a blank
cell as nothing and sets a figure where its cell ends, not under its heading; so the figures cannot
be put into columns by position alone. Here:

* the headings are made whole: two headings printed one space apart are parted, the pieces of a
  wrapped heading (one below the other over the same character columns) joined where the model's
  words know the whole (the longest whole they make);
* a *leaf* is a heading with no heading below it over its characters; every other heading is a
  *group* over a run of leaves side by side, holding every leaf and group below it over its
  characters and standing between the run's ends (a parent centred over its children); a heading
  with headings below it on both sides of its middle and none under it is tried as either; a leaf's
  field is read from its path of headings (:func:`~cnbudget.model.columns.field_of`), and a group's
  leaves are its field and that field's parts (:mod:`cnbudget.model.sums`), no others;
* the figures go to the leaves in order, a blank leaf wherever there are fewer figures than leaves,
  never one that a figure stands over; a placing is kept only where every figure is in an identity
  of the table (合计 = 各部分之和) and every such identity holds.

Where the trees and placings kept give one reading, it is returned as the header's rows of cells
and the row's cells, as TAB-separated text prints them; where they give more than one, why the table
cannot be placed (nothing is guessed); where they give none, nothing (the table is read by its
columns, :mod:`~cnbudget.readers.text.layout`, and a figure that does not add up is found by the checks).
"""

from __future__ import annotations

import functools
import itertools
import math
from collections.abc import Callable, Iterator, Sequence
from decimal import Decimal

import attrs

from cnbudget.errors import InvalidAmount
from cnbudget.model.columns import TABLE_TOTAL, field_of, heading, table_total
from cnbudget.model.sums import SUMS, parent_of
from cnbudget.money import parse_amount
from cnbudget.readers.text.layout_header import known_heading
from cnbudget.readers.text.layout_words import Token, TokenKind

__all__ = ["TreeReading", "read_tree"]

_WRAP_LINES = 2  # how many lines below a piece of a wrapped heading the next piece may stand
_SPACED = 5  # the widest gap between the letters of a letter-spaced heading
_MAX_TREES = 10_000  # more ways to hang the groups than this: the header is no tree this reads
_MAX_STRADDLING = 4  # more headings that may be leaves or groups than this: no tree this reads
_MAX_PLACINGS = 20_000  # more ways to put the figures under the headings than this: no tree this reads


@attrs.frozen
class TreeReading:
    """The header lines' cells (one row per line, the leaves' columns) and the row's cells."""

    header: tuple[tuple[str, ...], ...]
    row: tuple[str, ...]


@attrs.frozen
class _Heading:
    line: float  # its line (the middle of a wrapped heading's lines)
    bottom: int  # the line of its last piece
    start: int
    end: int
    text: str

    @property
    def centre(self) -> float:
        return (self.start + self.end) / 2

    def over(self, other: _Heading, *, touching: bool = False) -> bool:
        """Whether the two stand over each other's characters (or touch, where ``touching``)."""
        if touching:
            return self.start <= other.end and other.start <= self.end
        return self.start < other.end and other.start < self.end


@attrs.frozen
class _Tree:
    """The leaves (left to right) with their fields, and the run of leaves each group is over."""

    leaves: tuple[_Heading, ...]
    fields: tuple[str, ...]
    runs: tuple[tuple[_Heading, int, int], ...]  # group, first leaf, last leaf


def read_tree(header: Sequence[tuple[int, Sequence[Token]]], row: Sequence[Token],
              record: type) -> TreeReading | str | None:
    """The header lines (line number, tokens) and the one row of figures below them read as a tree
    of headings of ``record``'s columns (see the module text); why not where more than one reading
    remains; ``None`` where none does (the table is not printed so, or its figures do not add up)."""
    if not row or any(token.kind is not TokenKind.AMOUNT for token in row):
        return None
    try:
        values = [parse_amount(token.text) for token in row]
    except InvalidAmount:
        return None
    headings = _headings(header)
    groups = [h for h in headings if any(o.line > h.line and o.over(h) for o in headings)]
    straddling = [h for h in headings if all(h is not g for g in groups) and _straddles(h, headings)]
    if len(straddling) > _MAX_STRADDLING or math.comb(len(headings), len(row)) > _MAX_PLACINGS:
        return None
    readings: dict[tuple[tuple[str, Decimal], ...], tuple[_Tree, tuple[int, ...]]] = {}
    # The trees tried share most of their headings' paths: each path's field is looked up once.
    field = functools.cache(lambda path: field_of(record, path))
    for count in range(len(straddling) + 1):
        for more in itertools.combinations(straddling, count):
            chosen = [*groups, *more]
            leaves = tuple(sorted((h for h in headings if all(h is not g for g in chosen)), key=lambda h: h.start))
            if len(row) > len(leaves):
                continue
            for tree in _trees(leaves, chosen, record, field):
                for columns in itertools.combinations(range(len(leaves)), len(row)):
                    reading = _reading(tree, columns, row, values, record)
                    if reading is not None:
                        readings.setdefault(reading, (tree, columns))
    if not readings:
        return None
    if len(readings) > 1:
        return ("the figures can be placed under the headings in more than one way that satisfies the "
                "table's identities")
    tree, columns = next(iter(readings.values()))
    return _cells(tree, columns, row, len(header))


def _straddles(heading: _Heading, headings: Sequence[_Heading]) -> bool:
    """Whether headings below a heading stand on both sides of its middle, none under it: it may be
    a group centred over a gap between its children's headings, or a leaf between two groups."""
    below = [h for h in headings if h.line > heading.bottom]
    return (any(h.end <= heading.centre for h in below) and any(h.start >= heading.centre for h in below)
            and not any(h.over(heading) for h in below))


def _headings(header: Sequence[tuple[int, Sequence[Token]]]) -> list[_Heading]:
    """The header's headings made whole (see the module text)."""
    pieces = [piece for line, tokens in header for token in tokens for piece in _parted(line, token)]
    pieces = _unspaced(sorted(pieces, key=lambda h: (h.line, h.start)))
    whole: list[_Heading] = []
    used: set[int] = set()
    for index in range(len(pieces)):
        if index in used:
            continue
        chain = _wrapped(pieces, index, used)
        used.update(chain)
        parts = [pieces[i] for i in chain]
        whole.append(_Heading(line=sum(p.line for p in parts) / len(parts), bottom=max(p.bottom for p in parts),
                              start=min(p.start for p in parts),
                              end=max(p.end for p in parts), text="".join(p.text for p in parts)))
    return whole


def _parted(line: int, token: Token) -> list[_Heading]:
    """A token as the headings it holds: words one space apart are two headings printed close
    (``公务接待 会议费``, ``公务用车购 公务用车运行``) unless the whole is one the model knows or a word
    is a single letter (``合 计``, letter-spaced)."""
    starts = (token.start, *token.inner)
    words = token.text.split(" ")
    if len(words) != len(starts) or known_heading(token.text) or any(len(word) < 2 for word in words):
        return [_Heading(line=line, bottom=line, start=token.start, end=token.end, text=token.text)]
    return [_Heading(line=line, bottom=line, start=start, end=start + len(word), text=word)
            for start, word in zip(starts, words, strict=True)]


def _unspaced(pieces: list[_Heading]) -> list[_Heading]:
    """The pieces with the letters of a letter-spaced heading (``合   计``) joined."""
    joined: list[_Heading] = []
    for piece in pieces:
        last = joined[-1] if joined else None
        if (last is not None and last.line == piece.line and piece.start - last.end <= _SPACED
                and len(heading(piece.text)) == 1 and not known_heading(last.text)
                and known_heading(last.text + piece.text)):
            joined[-1] = attrs.evolve(last, end=piece.end, text=last.text + piece.text)
        else:
            joined.append(piece)
    return joined


def _wrapped(pieces: Sequence[_Heading], index: int, used: set[int]) -> list[int]:
    """The pieces of the heading that begins with ``pieces[index]``, top down: the longest run of
    pieces one below the other (each the only one nearest below the last, over or touching its
    characters) whose words the model knows as one heading; the piece alone where there is none."""
    chain, best = [index], [index]
    while len(chain) < _WRAP_LINES + 1:
        last = pieces[chain[-1]]
        below = [i for i, p in enumerate(pieces) if i not in used and i not in chain
                 and last.line < p.line <= last.line + _WRAP_LINES and p.over(last, touching=True)]
        if not below:
            break
        nearest = min(pieces[i].line for i in below)
        if sum(1 for i in below if pieces[i].line == nearest) != 1:
            break
        chain = [*chain, next(i for i in below if pieces[i].line == nearest)]
        if known_heading("".join(pieces[i].text for i in chain)):
            best = chain
    return best


def _trees(leaves: Sequence[_Heading], groups: Sequence[_Heading], record: type,
           field: Callable[[tuple[str, ...]], str | None]) -> Iterator[_Tree]:
    """Every way to hang the groups over runs of leaves that the geometry and the model allow,
    with the leaves' fields (``field``: :func:`field_of` for the table's record)."""
    choices: list[list[tuple[int, int]]] = []
    for group in groups:
        covered = [i for i, leaf in enumerate(leaves) if leaf.over(group)]
        runs = [(first, last) for first in range(len(leaves)) for last in range(first, len(leaves))
                if all(leaves[i].line > group.line for i in range(first, last + 1))
                and all(first <= i <= last for i in covered)
                and leaves[first].start <= group.centre <= leaves[last].end]
        if not runs:
            return
        choices.append(runs)
    count = 1
    for runs in choices:
        count *= len(runs)
    if count > _MAX_TREES:
        return
    for chosen in itertools.product(*choices):
        spans = list(zip(groups, chosen, strict=True))
        if not _nested(spans):
            continue
        fields = _fields(leaves, spans, record, field)
        if fields is not None:
            yield _Tree(leaves=tuple(leaves), fields=fields,
                        runs=tuple((group, first, last) for group, (first, last) in spans))


def _nested(spans: Sequence[tuple[_Heading, tuple[int, int]]]) -> bool:
    """Whether the runs nest as the groups stand: two runs are apart or one inside the other, the
    outer one's heading higher; a group below another over its characters is inside it."""
    for (upper, (a, b)), (lower, (c, d)) in itertools.permutations(spans, 2):
        if upper.line >= lower.line:
            continue
        inside = a <= c and d <= b
        if lower.over(upper) and not inside:
            return False
        if not inside and not (d < a or b < c):
            return False
    return True


def _fields(leaves: Sequence[_Heading], spans: Sequence[tuple[_Heading, tuple[int, int]]], record: type,
            field: Callable[[tuple[str, ...]], str | None]) -> tuple[str, ...] | None:
    """The field of every leaf, from its path of headings (``field``: :func:`field_of` for
    ``record``); ``None`` where a leaf names no column, two name one, or a group's leaves are
    not its field and its parts."""
    top_down = sorted(spans, key=lambda item: item[0].line)  # sorted once: every path keeps this order

    def path(index: int, heading_line: float) -> list[str]:
        return [g.text for g, (first, last) in top_down if g.line < heading_line and first <= index <= last]

    fields: list[str] = []
    for index, leaf in enumerate(leaves):
        name = field((*path(index, leaf.line), leaf.text))
        if name is None:
            return None
        fields.append(name)
    if fields.count(TABLE_TOTAL) > 1:
        return None
    if TABLE_TOTAL in fields:
        total = table_total(record, [name for name in fields if name != TABLE_TOTAL])
        fields = [total if name == TABLE_TOTAL else name for name in fields]
    if len(set(fields)) != len(fields):
        return None
    for group, (first, last) in spans:
        own = field((*path(first, group.line), group.text))
        if own is None or own == TABLE_TOTAL:
            return None
        for index, name in enumerate(fields):
            if (first <= index <= last) != (own in _lineage(record, name)):
                return None
    return tuple(fields)


def _lineage(record: type, field: str) -> list[str]:
    """The field and every column it is a part of, up the record's tree."""
    chain = [field]
    while (above := parent_of(record, chain[-1])) is not None:
        chain.append(above)
    return chain


def _reading(tree: _Tree, columns: Sequence[int], row: Sequence[Token], values: Sequence[Decimal],
             record: type) -> tuple[tuple[str, Decimal], ...] | None:
    """The fields' values where the figures stand under the leaves ``columns`` (the others blank),
    or ``None`` where a blank leaf has a figure standing over it, a figure is in no identity of the
    table, or an identity does not hold."""
    blank = [leaf for i, leaf in enumerate(tree.leaves) if i not in columns]
    if any(leaf.start < token.end and token.start < leaf.end for leaf in blank for token in row):
        return None
    by_field = dict.fromkeys(tree.fields, Decimal(0))
    for index, value in zip(columns, values, strict=True):
        by_field[tree.fields[index]] = value
    checked: set[str] = set()
    for node in SUMS.get(record, ()):
        if node.total not in by_field or any(part not in by_field for part in node.parts):
            continue
        if by_field[node.total] != sum((by_field[part] for part in node.parts), Decimal(0)):
            return None
        checked.update((node.total, *node.parts))
    if any(tree.fields[index] not in checked for index in columns):
        return None
    return tuple(sorted(by_field.items()))


def _cells(tree: _Tree, columns: Sequence[int], row: Sequence[Token], lines: int) -> TreeReading | None:
    """The header's rows of cells, each heading in the first column it covers on the row of its
    depth (how many groups stand over it), the lines below the last depth blank; and the row's."""
    placed: list[tuple[int, int, str]] = []  # depth, column, heading
    for group, first, last in tree.runs:
        depth = sum(1 for other, a, b in tree.runs if other.line < group.line and a <= first and last <= b)
        placed.append((depth, first, group.text))
    for index, leaf in enumerate(tree.leaves):
        depth = sum(1 for group, a, b in tree.runs if group.line < leaf.line and a <= index <= b)
        placed.append((depth, index, leaf.text))
    depths = max(depth for depth, _, _ in placed) + 1
    if depths > lines:
        return None
    header = [[""] * len(tree.leaves) for _ in range(lines)]
    for depth, column, text in placed:
        header[depth][column] = text
    cells = [""] * len(tree.leaves)
    for index, token in zip(columns, row, strict=True):
        cells[index] = token.text
    return TreeReading(header=tuple(tuple(line) for line in header), row=tuple(cells))
