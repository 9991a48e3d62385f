"""A two-sided table rebuilt from flat text: the revenue and expenditure halves of each line apart
(收支对照表重建).

收支总体情况表 and 财政拨款收支总体情况表 print a funding source on the left and a function 类 on the
right of each line; flat text runs both halves together: ``一、本年收入 2,075.69 201 一般公共服务支出``,
``2.政府性基金预算拨款 205 教育支出 0.92``. A line is cut where its right half begins: a 类 code with
its name, or an expenditure line's label (支出总计, 本年支出合计, 结转下年); a line with two labels
has one on each side. Figures between the two labels belong to the left one (printed after it) or
to the right one (printed before it, on a line read from right to left): each line has candidates,
and the table's identities choose among them: the 类 add up to the expenditure total, the
first-level revenue lines (一、 二、) to the revenue total and each to its numbered lines, revenue total
= expenditure total, and, in 财政拨款收支总体情况表 without carryover, each budget on the left = its
column on the right. The table is rebuilt as TAB-separated lines only where one choice satisfies
every identity.

>>> from cnbudget.readers.tables.summary_tables import SUMMARY_LAYOUTS
>>> from cnbudget.readers.text.source import split_lines
>>> text = '''收 入 支 出
... 项 目 预算数 功能分类 预算数
... 一、本年收入 5.00 201 一般公共服务支出
... 1.一般公共预算拨款 5.00 210 卫生健康支出 5.00
... 收 入 总 计 5.00 支 出 总 计 5.00'''
>>> rebuilt = rebuild_two_sided(split_lines(text), SUMMARY_LAYOUTS)
>>> [line.cells for line in rebuilt.lines[2:]]  # doctest: +NORMALIZE_WHITESPACE
[('一、本年收入', '5.00', '201 一般公共服务支出', ''), ('1.一般公共预算拨款', '5.00', '210 卫生健康支出', '5.00'),
 ('收入总计', '5.00', '支出总计', '5.00')]
"""

from __future__ import annotations

from collections.abc import Sequence

import attrs

from cnbudget.model import SummaryRole
from cnbudget.readers.flat.figures import convention_of
from cnbudget.readers.flat.headings import layout_matches
from cnbudget.readers.flat.one_sided import Rebuilt, RowCandidates, column_heading, tsv_line, unplaceable
from cnbudget.readers.flat.placing import Candidate, Identity, Unplaced, place
from cnbudget.readers.flat.runs import LineRuns, Run, RunKind
from cnbudget.readers.flat.scaled import PrintedFigures
from cnbudget.readers.tables.columns import Layout
from cnbudget.readers.tables.summary_names import (
    classify_revenue,
    expenditure_role,
    is_recognised,
    parse_printed,
)
from cnbudget.readers.tables.two_sided import TwoSidedLayout
from cnbudget.readers.text.source import SourceLine
from cnbudget.vocab import FundingSource

__all__ = ["rebuild_two_sided"]

_BUDGETS = (FundingSource.GENERAL_BUDGET, FundingSource.GOV_FUND, FundingSource.SOE_CAPITAL)
_LEFT, _RIGHT = "revenue:", "expenditure:"


@attrs.frozen(kw_only=True)
class _Label:
    text: str  # as printed, spaces of layout removed ("205 教育支出" keeps the space after its code)
    coded: bool


@attrs.frozen(kw_only=True)
class _Line:
    """A line of the table: its labels by side and the ways of dividing its figures between them."""

    line: SourceLine
    left: str | None
    right: str | None
    splits: tuple[tuple[tuple[str, ...], tuple[str, ...]], ...]  # (left figures, right figures), column order


def _labels_and_figures(runs: Sequence[Run]) -> tuple[list[_Label], list[tuple[str, ...]]] | str:
    """The labels of a line and the figure runs around them: before the first, between, after the last."""
    labels: list[_Label] = []
    figures: list[tuple[str, ...]] = [()]
    index = 0
    while index < len(runs):
        run = runs[index]
        if run.kind is RunKind.FIGURES:
            if figures[-1]:
                return "two runs of figures with nothing between them"
            figures[-1] = run.words
        elif run.kind is RunKind.NUMBER:
            follows = runs[index + 1] if index + 1 < len(runs) else None
            if follows is None or follows.kind is not RunKind.TEXT or len(run.text) != 3:
                return f"a number that is no 类 code before a name: {run.text}"
            labels.append(_Label(text=f"{run.text} {follows.text}", coded=True))
            figures.append(())
            index += 1
        else:
            labels.append(_Label(text=run.text, coded=False))
            figures.append(())
        index += 1
    return labels, figures


def _right_label(label: _Label) -> bool | None:
    """Whether a label alone on its line is the right half's (``None``: it could be either)."""
    if label.coded:
        return True
    printed = parse_printed(label.text)
    right = expenditure_role(printed) is not SummaryRole.OTHER
    left = is_recognised(printed, revenue=True)
    if right and left:
        return None
    return right


def _splits(labels: Sequence[_Label], figures: Sequence[tuple[str, ...]]) -> list[tuple[tuple[str, ...], ...]]:
    """Every way of giving each label the figures printed after it (read left to right) or before it
    (read right to left, their order turned back): per label, its figures in column order."""
    ways: list[tuple[tuple[str, ...], ...]] = []
    count = len(labels)
    for directions in _directions(count):
        # Figures before the first label and after the last must be taken by it.
        if (figures[0] and directions[0] != "back") or (figures[-1] and directions[-1] != "forth"):
            continue
        options: list[list[tuple[tuple[str, ...], tuple[str, ...]]]] = []  # per gap: (to the left, to the right)
        for gap in range(1, count):
            run = figures[gap]
            before, after = directions[gap - 1] == "forth", directions[gap] == "back"
            if before and after:
                options.append([(run[:k], run[k:]) for k in range(len(run) + 1)])
            elif before:
                options.append([(run, ())])
            elif after:
                options.append([((), run)])
            elif run:
                options = []
                break
            else:
                options.append([((), ())])
        if count > 1 and len(options) != count - 1:
            continue
        for choice in _product(options):
            taken: list[tuple[str, ...]] = []
            for position in range(count):
                mine = figures[0] if position == 0 and directions[0] == "back" else ()
                if position > 0:
                    mine = choice[position - 1][1] if directions[position] == "back" else mine
                if position < count - 1 and directions[position] == "forth":
                    mine = choice[position][0]
                if position == count - 1 and directions[position] == "forth":
                    mine = figures[-1]
                taken.append(tuple(reversed(mine)) if directions[position] == "back" else tuple(mine))
            if tuple(taken) not in ways:
                ways.append(tuple(taken))
    return ways


def _directions(count: int) -> list[tuple[str, ...]]:
    ways: list[tuple[str, ...]] = [()]
    for _ in range(count):
        ways = [(*way, direction) for way in ways for direction in ("forth", "back")]
    return ways


def _product(options: Sequence[Sequence[tuple[tuple[str, ...], tuple[str, ...]]]]) -> list[
        tuple[tuple[tuple[str, ...], tuple[str, ...]], ...]]:
    combos: list[tuple[tuple[tuple[str, ...], tuple[str, ...]], ...]] = [()]
    for option in options:
        combos = [(*combo, one) for combo in combos for one in option]
    return combos


def _read_line(line: SourceLine, runs: Sequence[Run]) -> _Line | str:
    found = _labels_and_figures(runs)
    if isinstance(found, str):
        return found
    labels, figures = found
    if not labels:
        return "figures without a label"
    if len(labels) > 2:
        return "more than two labels on one line"
    left: _Label | None
    right: _Label | None
    if len(labels) == 2:
        if labels[0].coded or _right_label(labels[1]) is False:
            return "its two labels are not a revenue line and an expenditure line"
        left, right = labels
    else:
        side = _right_label(labels[0])
        if side is None:
            return f"{labels[0].text!r} could stand on either side"
        left, right = (None, labels[0]) if side else (labels[0], None)
    splits: list[tuple[tuple[str, ...], tuple[str, ...]]] = []
    for taken in _splits(labels, figures):
        if left is None:
            splits.append(((), taken[0]))
        elif right is None:
            splits.append((taken[0], ()))
        else:
            splits.append((taken[0], taken[1]))
    return _Line(line=line, left=left.text if left else None, right=right.text if right else None,
                 splits=tuple(splits))


def _candidates(entry: _Line, layout: TwoSidedLayout, read: PrintedFigures, made: RowCandidates) -> list[Candidate]:
    found: list[Candidate] = []
    for left_figures, right_figures in entry.splits:
        if (entry.left is None and left_figures) or (entry.right is None and right_figures):
            continue
        lefts = made.of(layout.revenue, left_figures, read) if entry.left is not None else [{}]
        rights = made.of(layout.expenditure, right_figures, read) if entry.right is not None else [{}]
        for left in lefts:
            for right in rights:
                found.append({**{_LEFT + k: v for k, v in left.items()}, **{_RIGHT + k: v for k, v in right.items()}})
    return found


def _identities(lines: Sequence[_Line], layout: TwoSidedLayout) -> list[Identity]:
    """The identities of a two-sided table among its printed lines."""
    identities: list[Identity] = []
    right_columns = tuple((_RIGHT + c, _RIGHT + c) for c in layout.expenditure.amounts)
    roles = {index: expenditure_role(parse_printed(entry.right)) for index, entry in enumerate(lines)
             if entry.right is not None}
    functions = tuple(index for index, role in roles.items() if role is SummaryRole.FUNCTION)
    current = [index for index, role in roles.items() if role is SummaryRole.CURRENT_YEAR]
    carried = [index for index, role in roles.items() if role is SummaryRole.YEAR_END_CARRYOVER]
    totals = [index for index, role in roles.items() if role is SummaryRole.TOTAL]
    if current and functions:
        identities.append(Identity(total=current[0], parts=functions, columns=right_columns,
                                   what="本年支出合计 = 各类之和"))
        if totals:
            identities.append(Identity(total=totals[0], parts=(current[0], *carried[:1]), columns=right_columns,
                                       what="支出总计 = 本年支出合计 + 结转下年"))
    elif totals and functions:
        identities.append(Identity(total=totals[0], parts=(*functions, *carried[:1]), columns=right_columns,
                                   what="支出总计 = 各类之和"))
    lefts = [(index, entry.left) for index, entry in enumerate(lines) if entry.left is not None]
    kinds = classify_revenue([text for _, text in lefts])
    amount = _LEFT + layout.revenue.amounts[0]
    top: list[int] = []
    level_two: dict[int, list[int]] = {}
    revenue_total: int | None = None
    for (index, text), (role, _) in zip(lefts, kinds, strict=True):
        printed = parse_printed(text)
        if role is SummaryRole.TOTAL:
            revenue_total = index
        elif printed.top_level:
            top.append(index)
            level_two[index] = []
        elif printed.numbered and top:
            level_two[top[-1]].append(index)
    for parent, kids in level_two.items():
        if kids:
            identities.append(Identity(total=parent, parts=tuple(kids), columns=((amount, amount),),
                                       what="收入项目 = 所列各项之和"))
    if revenue_total is not None and top:
        identities.append(Identity(total=revenue_total, parts=tuple(top), columns=((amount, amount),),
                                   what="收入总计 = 各项收入之和"))
    right_total = _RIGHT + layout.expenditure.amounts[0]
    if revenue_total is not None and totals:
        identities.append(Identity(total=revenue_total, parts=(totals[0],), columns=((amount, right_total),),
                                   what="收入总计 = 支出总计"))
    carryover = any(source is not None and source.value.startswith(("carryover", "fiscal_carryover"))
                    for _, source in kinds)
    if not carryover and not carried and functions:
        for (index, _), (_, source) in zip(lefts, kinds, strict=True):
            if source in _BUDGETS and source is not None and source.value in layout.expenditure.amounts:
                identities.append(Identity(total=index, parts=functions,
                                           columns=((amount, _RIGHT + source.value),),
                                           what=f"收入{source.zh} = 支出{source.zh}"))
    return identities


def _header(layout: TwoSidedLayout, number: int) -> list[SourceLine]:
    """Headings under which the two-sided readers recognise ``layout``: 收入 | 支出 over 项目 and amounts."""
    revenue = ["项目", "预算数" if len(layout.expenditure.amounts) == 1 else "金额"]
    expenditure = ["功能分类", *(column_heading(layout.expenditure.record, field) if layout.expenditure.record
                                 else "预算数" for field in layout.expenditure.amounts)]
    top = ["收入", "", "支出", *([""] * len(layout.expenditure.amounts))]
    return [tsv_line(number, "", top), tsv_line(number, "", [*revenue, *expenditure])]


def rebuild_two_sided(
    lines: Sequence[SourceLine], layouts: Sequence[TwoSidedLayout], *, headings: Sequence[SourceLine] = (),
    taken: LineRuns | None = None, made: RowCandidates | None = None,
) -> Rebuilt:
    """Rebuild a two-sided table from its flat lines (furniture and notes set aside; ``taken``:
    their runs, where some were already taken apart; ``made``: the read's row candidates so far)."""
    if taken is None:
        taken = LineRuns(convention_of(line.text for line in lines))
    parsed: list[tuple[SourceLine, list[Run]]] = []
    problems: list[tuple[SourceLine, str]] = []
    for line in lines:
        runs = taken.of(line.text)
        if isinstance(runs, str):
            problems.append((line, runs))
            continue
        parsed.append((line, runs))
    start = next((i for i, (_, runs) in enumerate(parsed)
                  if any(run.kind in (RunKind.FIGURES, RunKind.NUMBER) for run in runs)), len(parsed))
    header = [*headings, *(line for line, _ in parsed[:start])]
    layout = next((candidate for candidate in layouts
                   if candidate.uses is None and _flat_sides(candidate)
                   and layout_matches(_as_layout(candidate), header, reversed_lines=False)), None)
    anchor = header[0] if header else (lines[0] if lines else None)
    if anchor is None:
        return Rebuilt.refused("no line was found below its title")
    if layout is None:
        text = "".join(line.squeezed for line in header)
        return Rebuilt.refused(f"its headings match no two-sided layout read from flat text (headings: {text[:80]!r})")
    entries: list[_Line] = []
    for line, runs in parsed[start:]:
        entry = _read_line(line, runs)
        if isinstance(entry, str):
            problems.append((line, f"line not read: {entry}"))
        else:
            entries.append(entry)
    if problems:
        return unplaceable(problems)
    read = PrintedFigures()  # each printed figure of the table read once, for its lines and the placing
    made = made if made is not None else RowCandidates()
    candidates = [_candidates(entry, layout, read, made) for entry in entries]
    placed = place(candidates, _identities(entries, layout), figures=read)
    if placed.problem is not None:
        return Rebuilt.refused(placed.problem.message, _unplaced(placed.problem, entries, layout))
    built = _header(layout, anchor.number)
    for entry, candidate in zip(entries, placed.rows, strict=True):
        cells = [entry.left or "", *(candidate.get(_LEFT + c, "") for c in layout.revenue.amounts),
                 entry.right or "", *(candidate.get(_RIGHT + c, "") for c in layout.expenditure.amounts)]
        built.append(tsv_line(entry.line.number, entry.line.raw.strip(), cells, entry.line.page))
    return Rebuilt(lines=tuple(built), layout=layout.expenditure)


def _column_heading(column: str, layout: TwoSidedLayout) -> str:
    side, field = column.split(":", 1)
    record = (layout.revenue if side + ":" == _LEFT else layout.expenditure).record
    heading = column_heading(record, field) if record else field
    return f"{heading}（{'收入' if side + ':' == _LEFT else '支出'}）"


def _flat_sides(layout: TwoSidedLayout) -> bool:
    return layout.revenue.lead == ("name",) and layout.expenditure.lead == ("name",)


def _as_layout(layout: TwoSidedLayout) -> Layout:
    return Layout(name=layout.name, signature=layout.signature, absent=layout.absent, lead=(), amounts=())


def _unplaced(
    problem: Unplaced, entries: Sequence[_Line], layout: TwoSidedLayout
) -> tuple[tuple[SourceLine, str], ...]:
    """The lines whose figures stay in doubt, with the columns in doubt, or that break an identity."""
    found: list[tuple[SourceLine, str]] = []
    for index, columns in sorted(problem.doubtful.items()):
        named = "、".join(_column_heading(column, layout) for column in columns)
        found.append((entries[index].line, f"line not read: its figures could stand in more than one place "
                                           f"({named})" if named else "line not read: no placement of its figures "
                                                                      "satisfies its identities"))
    for identity in problem.broken:
        found.append((entries[identity.total].line, f"line not read: {identity.what} does not hold"))
    return tuple(found)
