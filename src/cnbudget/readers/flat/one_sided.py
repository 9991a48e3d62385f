"""A one-sided table rebuilt from flat text: rows by code, figures placed, checked (单向表重建).

The table's layout comes from its headings (:mod:`cnbudget.readers.tables.columns`: the declared
layouts of its kind, matched by their words whatever order the text printed them in), or, where
the headings name no column but the total (``金额``, ``合计``) and no row prints more than one
figure, a single amount column. The rows (:mod:`~cnbudget.readers.flat.rows`) give each row's
candidates, the ways of putting its figures back in order that satisfy its own identities; the
table's identities across rows decide among them (:mod:`~cnbudget.readers.flat.placing`): every
parent code is the sum of the codes printed below it, the total row the sum of the 类. The table is
rebuilt as TAB-separated lines under headings of its layout, for the table readers to read as
they read any table; where any row stays in doubt, the table is refused with the rows and columns
in doubt named.

>>> from cnbudget.classification import catalog
>>> from cnbudget.readers.tables.function_tables import EXPENDITURE_LAYOUTS
>>> from cnbudget.readers.text.source import split_lines
>>> text = '''功能分类科目名称 合计 基本支出 项目支出
... 205 教育支出 0.92 0.92
... 205 08 进修及培训 0.92 0.92
... 210 卫生健康支出 3.00 1.00 2.00
... 合计 3.92 1.92 2.00'''
>>> rebuilt = rebuild_one_sided(split_lines(text), EXPENDITURE_LAYOUTS, catalogue=catalog(2024))
>>> [line.cells for line in rebuilt.lines[2:4]]
[('205', '', '', '教育支出', '0.92', '0.92', ''), ('205', '08', '', '进修及培训', '0.92', '0.92', '')]
"""

from __future__ import annotations

import itertools
import math
from collections.abc import Sequence

import attrs

from cnbudget.classification import Catalog
from cnbudget.codes import ClassificationCode, EconomicCode, FunctionCode
from cnbudget.model.columns import TABLE_TOTAL, field_of
from cnbudget.model.fields import zh_label
from cnbudget.readers.flat.headings import layout_matches
from cnbudget.readers.flat.placing import Candidate, Identity, Unplaced, place
from cnbudget.readers.flat.row_ways import WIDEST_SHAPE, RowIdentity, holding_ways
from cnbudget.readers.flat.rows import PrintedRow, read_rows
from cnbudget.readers.flat.runs import LineRuns
from cnbudget.readers.flat.scaled import PrintedFigures
from cnbudget.readers.tables.columns import Layout
from cnbudget.readers.text.source import SourceLine, line_of_cells

__all__ = [
    "Rebuilt",
    "RowCandidates",
    "column_heading",
    "header_lines",
    "one_amount",
    "readable",
    "rebuild_one_sided",
    "row_candidates",
    "tsv_line",
    "unplaceable",
]

_LEADS = frozenset({"code", "name", "econ_category", "econ_section"})
_MAX_GAPS = 5_000  # ways of putting back a row's blank cells tried


@attrs.frozen(kw_only=True)
class Rebuilt:
    """A table rebuilt as TAB-separated lines (``lines``), or why it was not (``reason``, and the
    lines that could not be placed with what stood in their way: ``problems``)."""

    lines: tuple[SourceLine, ...] = ()
    layout: Layout | None = None
    reason: str = ""
    problems: tuple[tuple[SourceLine, str], ...] = ()

    @staticmethod
    def refused(reason: str, problems: Sequence[tuple[SourceLine, str]] = ()) -> Rebuilt:
        """A table not rebuilt, and why."""
        return Rebuilt(reason=reason, problems=tuple(problems))


def unplaceable(problems: Sequence[tuple[SourceLine, str]]) -> Rebuilt:
    """A table some of whose lines cannot be placed: a table missing rows would break its sums."""
    numbers = ", ".join(str(line.number) for line, _ in problems[:6]) + (" …" if len(problems) > 6 else "")
    return Rebuilt.refused(f"{len(problems)} of its lines cannot be placed with certainty (lines {numbers}: "
                           f"{problems[0][1]})", problems)


def row_candidates(layout: Layout, figures: Sequence[str], *, read: PrintedFigures | None = None) -> list[Candidate]:
    """Every way to put a row's figures, in printed order, in the layout's columns with blanks in
    the others, under which the row's identities hold; a row printing every column is as printed
    (``read``: the table's figures as read so far, each read once for all its rows and the placing).

    >>> layout = Layout(name="demo", signature=(), lead=("name",), amounts=("total", "basic", "project"),
    ...                 identities=(("total", ("basic", "project")),))
    >>> [dict(c) for c in row_candidates(layout, ["5.00", "5.00"])]
    [{'total': '5.00', 'basic': '', 'project': '5.00'}, {'total': '5.00', 'basic': '5.00', 'project': ''}]
    """
    width = len(layout.amounts)
    if len(figures) == width:
        return [dict(zip(layout.amounts, figures, strict=True))]
    if len(figures) > width:
        return []
    identities = layout.identity_places  # made once with the layout, where each row made it again
    if identities is None:  # an identity over a column not printed: the first such column, as a look-up fails
        raise KeyError(next(field for total, parts in layout.identities for field in (total, *parts)
                            if field not in layout.amounts))
    # The row's figures read once, in one unit for all its ways; a blank (the last index) is an exact 0.
    values, allowances = (read if read is not None else PrintedFigures()).scaled(figures)
    values, allowances = [*values, 0], [*allowances, 0]
    ways: Sequence[Sequence[int]]
    if math.comb(width, width - len(figures)) > _MAX_GAPS + 1 or width > WIDEST_SHAPE:
        # (a row wider than a shape is made for: every way tried in the same order, up to the limit)
        ways = _first_ways(width, len(figures), identities, values, allowances, _MAX_GAPS + 1)
    else:
        ways = holding_ways(width, len(figures), identities, values, allowances)
    printed = [*figures, ""]  # a way's index of a blank is the last
    return [dict(zip(layout.amounts, map(printed.__getitem__, way), strict=True)) for way in ways]


@attrs.define
class RowCandidates:
    """:func:`row_candidates` of one read, made once for each layout and figures: a document's tables
    print the same rows again (支出总表, 一般公共预算支出表 and 财政拨款支出表 list the same 类 款 项).
    Made per read, never shared between reads; candidates are never changed once made.

    >>> layout = Layout(name="demo", signature=(), lead=("name",), amounts=("total", "basic", "project"),
    ...                 identities=(("total", ("basic", "project")),))
    >>> made = RowCandidates()
    >>> made.of(layout, ("5.00", "5.00")) is made.of(layout, ("5.00", "5.00"))
    True
    """

    # By the layout's identity, the layout kept beside its candidates so that its id stays its own.
    _made: dict[tuple[int, tuple[str, ...]], tuple[Layout, list[Candidate]]] = attrs.field(factory=dict, init=False)

    def of(self, layout: Layout, figures: tuple[str, ...], read: PrintedFigures | None = None) -> list[Candidate]:
        """:func:`row_candidates` of ``figures`` under ``layout`` (``read``: as there)."""
        key = (id(layout), figures)
        found = self._made.get(key)
        if found is None:
            found = self._made[key] = (layout, row_candidates(layout, figures, read=read))
        return found[1]


def _first_ways(width: int, figures: int, identities: Sequence[RowIdentity], values: Sequence[int],
                allowances: Sequence[int], count: int) -> list[list[int]]:
    """The ways among the first ``count`` of every way that hold (a row with more ways than are tried)."""
    ways = []
    for gaps in itertools.islice(itertools.combinations(range(width), width - figures), count):
        placed = list(range(figures))
        for gap in gaps:  # in increasing order: each blank goes where it stands in the whole row
            placed.insert(gap, figures)
        if all(abs(values[placed[total]] - sum([values[placed[part]] for part in parts]))
               <= allowances[placed[total]] + sum([allowances[placed[part]] for part in parts])
               for total, parts in identities):
            ways.append(placed)
    return ways


def readable(layout: Layout) -> bool:
    """Whether flat text can give a layout's lead columns: a code and a name, nothing else that a
    row's words could be confused with (单位代码, 项目名称)."""
    return set(layout.lead) <= _LEADS and "name" in layout.lead


def one_amount(record: type | None) -> Layout:
    """The layout of a table whose one amount column is its total (金额, 合计)."""
    return Layout(name="one-amount", signature=(), lead=("code", "name"), amounts=("total",), record=record)


def _names_only_the_total(header: Sequence[SourceLine], record: type | None) -> bool:
    """Whether the headings name the table's total (金额, 合计) and no other amount column."""
    if record is None:
        return False
    fields = {field_of(record, (line.squeezed,)) for line in header} - {None}
    return bool(fields) and fields <= {TABLE_TOTAL, "total"}


def _layout(
    layouts: Sequence[Layout], header: Sequence[SourceLine], rows: Sequence[PrintedRow], *,
    reversed_lines: bool, one_column: bool,
) -> Layout | None:
    declared = next((layout for layout in layouts
                     if readable(layout) and layout_matches(layout, header, reversed_lines=reversed_lines)), None)
    if declared is not None:
        return declared
    record = layouts[0].record if layouts else None
    if one_column and rows and all(len(row.figures) <= 1 for row in rows) and _names_only_the_total(header, record):
        return one_amount(record)
    return None


def _identities(rows: Sequence[PrintedRow], amounts: Sequence[str]) -> tuple[list[Identity], list[tuple[int, str]]]:
    """Each printed parent code = Σ the codes printed below it; the total row = Σ the top codes."""
    columns = tuple((column, column) for column in amounts)
    index_of: dict[ClassificationCode, int] = {}
    children: dict[int | None, list[int]] = {}
    totals: list[int] = []
    problems: list[tuple[int, str]] = []
    for index, row in enumerate(rows):
        if row.code is None:
            totals.append(index)
            continue
        if row.code in index_of:
            problems.append((index, f"the code {row.code} is printed twice"))
            continue
        parent = next((index_of[up] for up in reversed(row.code.ancestors) if up in index_of), None)
        index_of[row.code] = index
        children.setdefault(parent, []).append(index)
    if len(totals) > 1:
        problems.extend((index, "a second total row") for index in totals[1:])
    identities = [
        Identity(total=parent, parts=tuple(kids), columns=columns,
                 what=f"{rows[parent].code} = 所属{_level(rows[kids[0]].code)}之和")
        for parent, kids in children.items() if parent is not None
    ]
    if totals and children.get(None):
        identities.append(Identity(total=totals[0], parts=tuple(children[None]), columns=columns,
                                   what=f"{rows[totals[0]].label} = 各{_level(rows[children[None][0]].code)}之和"))
    return identities, problems


def _level(code: ClassificationCode | None) -> str:
    return code.level_zh if code is not None else ""


def tsv_line(number: int, raw: str, cells: Sequence[str], page: int | None = None) -> SourceLine:
    """A rebuilt line: its cells apart, its raw text the printed lines it was rebuilt from."""
    return line_of_cells(number, raw, tuple(cells), page=page)


def _lead_headings(layout: Layout, family: type[ClassificationCode]) -> tuple[list[str], list[str]]:
    """The headings of the lead columns in two header rows: 科目编码 over 类 款 项, 科目名称."""
    top: list[str] = []
    below: list[str] = []
    economic = family is EconomicCode
    parts = iter(("类", "款", "项"))
    for role in layout.lead:
        if role in ("code", "econ_category", "econ_section"):
            if layout.lead.count("code") == 1:
                top.append("经济分类科目编码" if economic else "功能分类科目编码")
                below.append("")
                continue
            top.append(("经济分类科目编码" if economic else "功能分类科目编码") if not top else "")
            below.append(next(parts))
        else:
            top.append("经济分类科目名称" if economic else "功能分类科目名称")
            below.append("")
    return top, below


def header_lines(layout: Layout, family: type[ClassificationCode], number: int) -> list[SourceLine]:
    """Headings under which the table readers recognise ``layout``."""
    top, below = _lead_headings(layout, family)
    record = layout.record
    labels = [column_heading(record, field) for field in layout.amounts]
    if layout.name == "one-amount":
        labels = ["金额"]
    lines = [tsv_line(number, "", [*top, *labels])]
    if any(below):
        lines.append(tsv_line(number, "", [*below, *([""] * len(labels))]))
    return lines


def column_heading(record: type | None, field: str) -> str:
    """The heading of an amount column: its field's Chinese label (合计, 基本支出 …)."""
    if record is None:
        return field
    return zh_label(attrs.fields_dict(record)[field])


def _lead_cells(layout: Layout, row: PrintedRow) -> list[str]:
    cells: list[str] = []
    code_parts = list(row.code.parts) if row.code is not None else []
    code_roles = [role for role in layout.lead if role != "name"]
    for role in layout.lead:
        if role == "name":
            cells.append(row.label)
        elif len(code_roles) == 1:
            cells.append(str(row.code) if row.code is not None else "")
        else:
            cells.append(code_parts.pop(0) if code_parts else "")
    if row.code is None and "name" not in layout.lead:
        cells[0] = row.label
    return cells


def rebuild_one_sided(
    lines: Sequence[SourceLine],
    layouts: Sequence[Layout],
    *,
    family: type[ClassificationCode] = FunctionCode,
    catalogue: Catalog | None,
    headings: Sequence[SourceLine] = (),
    one_column: bool = True,
    taken: LineRuns | None = None,
    made: RowCandidates | None = None,
) -> Rebuilt:
    """Rebuild a table from its flat lines (furniture and notes set aside) as TAB-separated lines;
    ``one_column``: a table whose headings name only its total may be read as one amount column;
    ``taken``: the lines' runs, where some were already taken apart (:func:`~cnbudget.readers.flat.rows.read_rows`);
    ``made``: the read's row candidates so far."""
    reading = read_rows(lines, family, catalogue=catalogue, headings=headings, taken=taken)
    if reading.problems:
        return unplaceable([(p.line, p.message) for p in reading.problems])
    header = [*headings, *reading.header]
    rows = reading.rows
    anchor = header[0] if header else (lines[0] if lines else None)
    if anchor is None or not rows:
        return Rebuilt.refused("no row was found below its headings")
    layout = _layout(layouts, header, rows, reversed_lines=reading.reversed, one_column=one_column)
    if layout is None:
        text = "".join(line.squeezed for line in header)
        return Rebuilt.refused(f"its headings match no known layout (headings: {text[:80]!r})")
    read = PrintedFigures()  # each printed figure of the table read once, for its rows and the placing
    # A parent with one child prints the child's figures: rows printing the same figures share their
    # candidates (a pure function of the layout and the figures), made once.
    made = made if made is not None else RowCandidates()
    candidates = [made.of(layout, row.figures, read) for row in rows]
    identities, structure = _identities(rows, layout.amounts)
    if structure:
        return unplaceable([(rows[i].first, f"row not read: {why}") for i, why in structure])
    placed = place(candidates, identities, figures=read)
    if placed.problem is not None:
        return Rebuilt.refused(placed.problem.message, _unplaced(placed.problem, rows, layout))
    built = header_lines(layout, family, anchor.number)
    for row, candidate in zip(rows, placed.rows, strict=True):
        cells = [*_lead_cells(layout, row), *(candidate[field] for field in layout.amounts)]
        built.append(tsv_line(row.first.number, row.text, cells, row.first.page))
    return Rebuilt(lines=tuple(built), layout=layout)


def _unplaced(problem: Unplaced, rows: Sequence[PrintedRow], layout: Layout) -> tuple[tuple[SourceLine, str], ...]:
    """The rows of a table whose figures stay in doubt, or that do not add up."""
    found: list[tuple[SourceLine, str]] = []
    for index, columns in sorted(problem.doubtful.items()):
        row = rows[index]
        named = "、".join(column_heading(layout.record, column) for column in columns)
        why = (f"row not read: {len(row.figures)} figure(s) ({' '.join(row.figures)}) for "
               f"{len(layout.amounts)} amount columns")
        found.append((row.first, f"{why}; the columns in doubt: {named}" if named else why))
    for identity in problem.broken:
        found.append((rows[identity.total].first,
                      f"row not read: the rows below do not add up to it ({identity.what})"))
    return tuple(found)
