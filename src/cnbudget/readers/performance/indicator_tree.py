"""Indicator tables (绩效指标): rows of 一级指标 → 二级指标 → 三级指标 with 指标值, 依据, 上年完成值, 分值权重,
赋分规则 and 佐证资料, columns located by their heading text.

Three things the printed rows need before they can be read:

* **Merged cells.** 一级指标 and 二级指标 merged over several rows are printed in the first row only;
  blank cells below carry them down (a 二级指标 never carries across a new 一级指标).
* **Wrapped rows.** The PDF layout sometimes puts the tails of a row's cells on a line of their own
  (``效益`` / ``指标``). Such a line has no weight of its own, prints only under cells the row above
  fills, and either cannot stand as an indicator (no 三级指标 or 指标值) or ends a cut level word
  (``效益`` + ``指标``); it is joined to the row above. When the row above already ends with the
  fragment (``按评判等级赋分`` and a line holding ``分``), the fragment may be a repeat rather than a
  tail, so it is reported, not joined.
* **Shifted rows.** A row that dropped one cell reads wrong as printed: a 三级指标 that is a target
  value (``100%``), text in a numeric weight column, a new 一级指标 with no 二级指标. Every way of putting
  one blank cell back is tried; when exactly one gives a row that fits (and, where the document's
  二级指标 all end in 指标, keeps that pattern), it is taken and reported; otherwise the row is
  reported and not read.

>>> from cnbudget.readers.text.source import split_lines
>>> lines = split_lines("一级指标\\t二级指标\\t三级指标\\t指标值\\t分值权重\\n"
...                     "产出指标\\t数量指标\\t宣传次数\\t>=3次\\t10\\n\\t\\t覆盖率\\t=100%\\t20")
>>> columns = IndicatorColumns.of(lines[0])
>>> indicators, problems = read_indicators(lines[1:], columns)
>>> [(i.level1, i.level2, i.name, str(i.target), i.weight) for i in indicators][1]
('产出指标', '数量指标', '覆盖率', '=100%', Decimal('20'))
"""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal
from typing import Any, cast

import attrs

from cnbudget.builders import builder_of_model
from cnbudget.model import Indicator
from cnbudget.numbering import CHAPTER_NUMBER, CHINESE_NUMERALS, PART_HEADING
from cnbudget.readers.performance.labels import (
    INDICATOR_COLUMN_LABELS,
    INDICATOR_SECTION_LABELS,
    is_indicator_header_text,
    label_key,
    repeats_labels,
)
from cnbudget.readers.performance.printed_targets import target_of
from cnbudget.readers.result import Problem
from cnbudget.readers.tables.checked_build import checked_builder
from cnbudget.readers.text.grid import any_filled, cell_amount, is_amount
from cnbudget.readers.text.source import SourceLine, clean_name
from cnbudget.targets import TargetKind, reads_no_figure
from cnbudget.text import squeeze_spaces

# Made with each field's test in place of its validator (readers/tables/checked_build.py).
_INDICATOR = checked_builder(Indicator)

__all__ = ["IndicatorColumns", "is_section_heading", "read_indicators"]

_ROLE_BY_LABEL = {label: role for role, labels in INDICATOR_COLUMN_LABELS.items() for label in labels}
_ZH = {role: labels[0] for role, labels in INDICATOR_COLUMN_LABELS.items()}
_DASHES = frozenset({"-", "—", "－", "--"})
_LEVEL_WORD = "指标"
# What a narrative heading starts with (第 of 第一部分, a numeral of 一、, a bracket of （五）): most
# lines start otherwise, and are told without either pattern.
_HEADING_STARTS = frozenset("第（(" + CHINESE_NUMERALS)
# What the key of 一级指标 holds that no other character folds into (NFKC) and cleaning never makes.
_LEVEL_CHARACTER = "级"


def is_section_heading(line: SourceLine) -> bool:
    """Whether a line is a narrative heading (``（五）其他需说明的事项``), which ends a form.

    >>> [is_section_heading(SourceLine.of(1, text)) for text in ("（五）其他需说明的事项", "（2024 年）")]
    [True, False]
    """
    if "\t" in line.raw:
        return False
    text = line.text.lstrip()
    if text[:1] not in _HEADING_STARTS:
        return False
    return CHAPTER_NUMBER.match(text) is not None or PART_HEADING.match(text) is not None


@attrs.frozen(kw_only=True)
class IndicatorColumns:
    """The role of each column of an indicator table, read from its heading row.

    >>> heading = "一级指标\\t二级指标\\t三级指标\\t指标值\\t上年完成 情况\\t备注"
    >>> columns = IndicatorColumns.of(SourceLine.of(1, heading))
    >>> columns.roles, columns.index("prior_actual"), columns.unknown()
    (('level1', 'level2', 'name', 'target', 'prior_actual', None), 4, ['备注'])
    """

    header: SourceLine
    roles: tuple[str | None, ...]
    #: The column of each role the table prints (kept: every row asks for several).
    positions: dict[str, int] = attrs.field(init=False, eq=False, repr=False)
    #: The columns whose heading is blank (kept: every row's stray text is looked for under them).
    blank_columns: tuple[int, ...] = attrs.field(init=False, eq=False, repr=False)
    #: Each column read, with its role (kept: every row's cells are taken by them).
    read_columns: tuple[tuple[int, str], ...] = attrs.field(init=False, eq=False, repr=False)

    @positions.default
    def _positions(self) -> dict[str, int]:
        positions: dict[str, int] = {}
        for i, role in enumerate(self.roles):
            if role is not None:
                positions.setdefault(role, i)
        return positions

    @blank_columns.default
    def _blank_columns(self) -> tuple[int, ...]:
        return tuple(i for i, (cell, role) in enumerate(zip(self.header.cells, self.roles, strict=True))
                     if role is None and not cell.strip())

    @read_columns.default
    def _read_columns(self) -> tuple[tuple[int, str], ...]:
        return tuple((i, role) for i, role in enumerate(self.roles) if role is not None)

    @classmethod
    def of(cls, line: SourceLine) -> IndicatorColumns | None:
        """The columns a heading row names, or ``None`` when the line is no indicator heading."""
        if _LEVEL_CHARACTER not in line.raw:  # no 一级指标 among its labels (most lines): no label to read
            return None
        keys = [label_key(cell) for cell in line.cells]
        if not is_indicator_header_text(keys):
            return None
        roles: list[str | None] = []
        for key in keys:
            role = _ROLE_BY_LABEL.get(key)
            roles.append(None if role in roles else role)
        return cls(header=line, roles=tuple(roles))

    @property
    def width(self) -> int:
        """The number of columns."""
        return len(self.roles)

    def index(self, role: str) -> int | None:
        """The column of ``role``, or ``None`` when the table does not print it."""
        return self.positions.get(role)

    def unknown(self) -> list[str]:
        """Heading texts of the columns that are not read."""
        return [clean_name(cell) for cell, role in zip(self.header.cells, self.roles, strict=True)
                if role is None and cell.strip()]


@attrs.frozen(kw_only=True)
class _Row:
    """One logical row: printed cells (fragments joined) and the lines they came from."""

    cells: tuple[str, ...]
    lines: tuple[SourceLine, ...]

    def joined(self, cells: Sequence[str], line: SourceLine) -> _Row:
        # A row may print more cells than the heading names (reported when it is placed): pad the shorter.
        width = max(len(self.cells), len(cells))
        merged = tuple(a + b.strip() if b.strip() else a
                       for a, b in zip(_pad(self.cells, width), _pad(cells, width), strict=True))
        return _Row(cells=merged, lines=(*self.lines, line))


def _pad(cells: Sequence[str], width: int) -> tuple[str, ...]:
    return tuple(cells) + ("",) * max(0, width - len(cells))


def _filled(cell: str) -> bool:
    return bool(cell.strip())


def _clean(cell: str) -> str:
    """:func:`clean_name` of a cell; a blank cell (most of a row's optional columns) asks nothing."""
    return clean_name(cell) if cell else ""


@attrs.frozen(kw_only=True)
class _Vocabulary:
    """What the table's own rows say about its columns."""

    numeric_weights: bool  # most printed weights are numbers
    level2_words: bool  # most printed 二级指标 end in 指标

    @classmethod
    def of(cls, rows: Sequence[_Row], columns: IndicatorColumns) -> _Vocabulary:
        weight = columns.index("weight")
        level2 = columns.index("level2")
        numbers = others = words = non_words = 0
        for row in rows:
            if weight is not None and _filled(row.cells[weight]):
                numbers, others = (numbers + 1, others) if is_amount(row.cells[weight]) else (numbers, others + 1)
            if level2 is not None and _filled(row.cells[level2]):
                if squeeze_spaces(row.cells[level2]).endswith(_LEVEL_WORD):
                    words += 1
                else:
                    non_words += 1
        return cls(numeric_weights=numbers > others, level2_words=words >= 2 and words > non_words)


@attrs.define
class _Carry:
    level1: str | None = None
    level2: str | None = None


@attrs.frozen(kw_only=True)
class _Placement:
    values: dict[str, str]
    level1: str
    level2: str | None
    name: str  # the 三级指标 as read
    faults: tuple[str, ...]  # why the row cannot be read this way
    doubts: tuple[str, ...]  # why this way is not the row's only sensible reading

    @property
    def key(self) -> tuple[object, ...]:
        return (self.level1, self.level2, *sorted(self.values.items()))


def _looks_like_value(text: str) -> bool:
    """Whether a 三级指标 cell holds what is rather a target value (``100%``, ``≥95%``, a date)."""
    if reads_no_figure(text):  # wording, as most 三级指标: neither a quantity nor a date (nor read)
        return False
    value = target_of(text)
    if value.kind is TargetKind.DEADLINE:
        return value.deadline is not None and value.deadline.year is not None
    return value.kind is TargetKind.QUANTITATIVE and (value.comparator is not None or value.unit in {"%", None})


def _place(cells: Sequence[str], columns: IndicatorColumns, vocabulary: _Vocabulary, carry: _Carry) -> _Placement:
    # Asked of every row (and of each of its repairs): cells are stripped where read, not all at once first.
    faults: list[str] = []
    doubts: list[str] = []
    count = len(cells)
    if count > columns.width and any_filled(cells[columns.width :]):
        faults.append("more cells than columns")
    values = {role: cells[i] for i, role in columns.read_columns if i < count}
    get = values.get
    printed1 = _clean(get("level1", ""))
    printed2 = _clean(get("level2", ""))
    new_group = bool(printed1) or carry.level1 is None
    level1 = printed1 or carry.level1 or ""
    if not level1:
        faults.append("no 一级指标 to carry down")
    level2: str | None = None
    if "level2" in columns.positions:
        if printed2:
            level2 = printed2
            if vocabulary.level2_words and not printed2.endswith(_LEVEL_WORD):
                doubts.append(f"二级指标 {printed2!r} does not end in 指标 as the others do")
        elif new_group:
            faults.append("a new 一级指标 without 二级指标")
        else:
            level2 = carry.level2
    name = _clean(get("name", ""))
    if not name:
        faults.append("no 三级指标")
    elif _looks_like_value(name):
        faults.append(f"三级指标 {name!r} is a target value")
    if not get("target", "").strip():
        doubts.append("no 指标值")
    weight = get("weight", "")
    if vocabulary.numeric_weights and weight.strip() and not is_amount(weight) and weight.strip() not in _DASHES:
        faults.append(f"分值权重 {weight.strip()!r} is not a number")
    placement: Any = _new(_PlacementBuilder)  # made for every row: fields set by plain assignment
    placement.values = values
    placement.level1 = level1
    placement.level2 = level2
    placement.name = name
    placement.faults = tuple(faults)
    placement.doubts = tuple(doubts)
    placement.__class__ = _Placement
    return cast(_Placement, placement)


# A _Placement in the making (cnbudget.builders): its fields set by plain assignment.
_PlacementBuilder = builder_of_model(_Placement)
_new = object.__new__


def _indicator(placement: _Placement) -> Indicator:
    values = placement.values
    get = values.get
    weight_cell = get("weight", "").strip()
    weight: Decimal | None = None
    weight_text: str | None = None
    if weight_cell and weight_cell not in _DASHES:
        if is_amount(weight_cell):
            weight = cell_amount(weight_cell)  # parsed once, by is_amount
        else:
            weight_text = clean_name(weight_cell)
    prior = get("prior_actual", "").strip()
    return _INDICATOR(  # the optional texts as _text gives them, without its call (made for every row)
        level1=placement.level1,
        level2=placement.level2,
        name=placement.name,
        target=target_of(get("target", "").strip()),
        basis=_clean(get("basis", "")) or None,
        prior_actual=target_of(prior) if prior else None,
        weight=weight,
        weight_text=weight_text,
        scoring_rule=_clean(get("scoring_rule", "")) or None,
        evidence=_clean(get("evidence", "")) or None,
        explanation=_clean(get("explanation", "")) or None,
    )


def _is_fragment(cells: Sequence[str], above: _Row, columns: IndicatorColumns) -> bool:
    """Whether a line holds only the wrapped tails of the row above (see the module text)."""
    weight = columns.positions.get("weight")
    if weight is not None and cells[weight].strip():  # a weight of its own (most rows): told first
        return False
    filled = [i for i, cell in enumerate(cells) if cell.strip()]
    if not filled or any(i >= columns.width or not _filled(above.cells[i]) for i in filled):
        return False
    name, target = columns.index("name"), columns.index("target")
    standalone = all(i is not None and _filled(cells[i]) for i in (name, target))
    if not standalone:
        return True
    for role in ("level1", "level2"):
        i = columns.index(role)
        if i is not None and _filled(cells[i]) and _completes(squeeze_spaces(above.cells[i]), squeeze_spaces(cells[i])):
            return True
    return False


def _completes(before: str, piece: str) -> bool:
    """Whether ``piece`` is the cut-off end of a level word (``效益`` + ``指标``, ``满意`` + ``度指标``),
    not a level word of its own (``产出指标``)."""
    return (
        not before.endswith(_LEVEL_WORD)
        and len(piece) <= len(_LEVEL_WORD) + 1
        and (before + piece).endswith(_LEVEL_WORD)
    )


def _repeats_tail(cells: Sequence[str], above: _Row) -> bool:
    return any(
        _filled(cell) and squeeze_spaces(above.cells[i]).endswith(squeeze_spaces(cell)) for i, cell in enumerate(cells)
    )


def _under_no_heading(row: _Row, columns: IndicatorColumns) -> list[str]:
    """Texts of a row under columns with a blank heading, other than the name of the form's part
    (绩效指标, printed at the left edge beside the rows)."""
    texts = [clean_name(row.cells[i]) for i in columns.blank_columns if i < len(row.cells) and _filled(row.cells[i])]
    return [text for text in texts if label_key(text) not in INDICATOR_SECTION_LABELS]


def _column_names(cells: Sequence[str], columns: IndicatorColumns) -> str:
    return ", ".join(_ZH.get(columns.roles[i] or "", "?") for i, cell in enumerate(cells) if _filled(cell))


def _repeats_heading(line: SourceLine, header_keys: Sequence[str]) -> bool:
    """Whether a line's cells are the heading's labels (a label's key, cell by cell)."""
    return repeats_labels(line.cells, header_keys)


def _logical_rows(
    lines: Sequence[SourceLine], columns: IndicatorColumns, table: str | None
) -> tuple[list[_Row], list[Problem]]:
    rows: list[_Row] = []
    problems: list[Problem] = []
    header_keys = [label_key(cell) for cell in columns.header.cells]
    for line in lines:
        if _repeats_heading(line, header_keys):
            continue  # the heading row repeated on a new page
        cells = _pad(line.cells, columns.width)
        if not any_filled(cells):
            continue
        if rows and _is_fragment(cells, rows[-1], columns):
            if _repeats_tail(cells, rows[-1]):
                problems.append(Problem(
                    line=line.number, text=line.raw, table=table,
                    message=f"a line holding only text under {_column_names(cells, columns)}, which the row "
                    f"above (line {rows[-1].lines[0].number}) already ends with: it may repeat a wrapped word "
                    "rather than continue it, so it was not joined",
                ))
                continue
            rows[-1] = rows[-1].joined(cells, line)
            continue
        rows.append(_Row(cells=cells, lines=(line,)))
    return rows, problems


def _repair(row: _Row, columns: IndicatorColumns, vocabulary: _Vocabulary, carry: _Carry) -> list[_Placement]:
    """The distinct readings of a row with one blank cell put back that fit without doubt."""
    found: dict[tuple[object, ...], _Placement] = {}
    for gap in range(columns.width):
        cells = (*row.cells[:gap], "", *row.cells[gap:])
        placement = _place(cells, columns, vocabulary, carry)
        if not placement.faults and not placement.doubts:
            found.setdefault(placement.key, placement)
    return list(found.values())


def read_indicators(
    lines: Sequence[SourceLine], columns: IndicatorColumns, *, table: str | None = None
) -> tuple[list[Indicator], list[Problem]]:
    """Read the rows below an indicator heading; what cannot be read with certainty is a problem."""
    rows, problems = _logical_rows(lines, columns, table)
    if unknown := columns.unknown():
        problems.append(Problem(
            line=columns.header.number, text=columns.header.raw, table=table,
            message=f"columns not read (their headings are not indicator columns): {', '.join(unknown)}",
        ))
    vocabulary = _Vocabulary.of(rows, columns)
    carry = _Carry()
    indicators: list[Indicator] = []
    for row in rows:
        first = row.lines[0]
        placement = printed = _place(row.cells, columns, vocabulary, carry)
        if not printed.faults and (stray := _under_no_heading(row, columns)):
            problems.append(Problem(line=first.number, text=first.raw, table=table,
                                    message=f"text under a column without heading not read: {stray!r}"))
        if printed.faults:
            repairs = _repair(row, columns, vocabulary, carry)
            why = "; ".join(printed.faults)
            if len(repairs) != 1:
                how = "no" if not repairs else f"{len(repairs)} different"
                problems.append(Problem(
                    line=first.number, text=first.raw, table=table,
                    message=f"indicator row not read: as printed it does not fit ({why}), and {how} placements "
                    "with one missing cell put back fit",
                ))
                continue
            placement = repairs[0]
            problems.append(Problem(
                line=first.number, text=first.raw, table=table,
                message=f"a cell is missing from this indicator row (as printed: {why}); its cells were placed "
                "with one blank cell put back, the only placement under which every column fits",
            ))
        carry.level1, carry.level2 = placement.level1, placement.level2
        indicators.append(_indicator(placement))
    return indicators, problems
