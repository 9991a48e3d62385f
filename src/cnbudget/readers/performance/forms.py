"""The key-value top of the performance-target forms (绩效目标表表头), printed as table rows.

项目支出绩效目标表 prints 预算单位, 项目名称, 项目负责人, 项目资金 (年度预算总额, 其中：财政拨款, 其他资金)
and 项目总体目标 as label cells followed by value cells. 部门整体绩效目标表 prints 部门名称, 部门联系人,
联系电话, 年度绩效目标 (or 年度履职目标), then 年度主要任务 (任务名称 and 主要内容 rows) and 年度预算 (figures
against 上级安排, 本级安排, 其他, …). Labels are recognised however they are printed
(:mod:`cnbudget.readers.performance.labels`); a value belongs to the label before it in its row.

A blank value under a printed funds label is zero (the form has the column). A figure whose label
does not say which part of the budget it is (资金结构 without 基本支出/项目支出) is reported, not placed.

Two layouts beyond label-then-value are read in 项目支出绩效目标表 (the Shanghai 财政项目支出绩效目标填报表
prints both): funds in columns under heads (项目资金总额 | 年度资金申请总额, each 其中：财政资金 /
其他资金 below it; see :data:`~cnbudget.readers.performance.labels.PROJECT_FUND_HEADS`), and a row of
text labels without values (项目总目标 | 年度总体目标) whose values stand below them, column by column.
The funds' unit printed in a label (``项目资金（元）``) is kept in :attr:`FormTop.unit`.

>>> from cnbudget.readers.text.source import split_lines
>>> top = read_project_top(split_lines("项目名称\\t\\t宣传费\\t项目负责人\\t\\t张三 13800000000\\n"
...                                    "项目资金（万元）\\t年度资金总额:\\t6.5\\t其中:财政拨款\\t6.5\\t其他资金\\t"))
>>> top.texts, top.amounts
({'project': '宣传费', 'owner': '张三 13800000000'}, {'total': Decimal('6.5'), 'fiscal': Decimal('6.5'), \
'other': Decimal('0')})
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from decimal import Decimal

import attrs

from cnbudget.errors import InvalidAmount
from cnbudget.model import Task
from cnbudget.money import AmountUnit, parse_amount
from cnbudget.readers.performance.labels import (
    DEPARTMENT_FUND_LABELS,
    DEPARTMENT_LABELS,
    FIELD_ZH,
    GROUP,
    PROJECT_AMOUNT_FIELDS,
    PROJECT_FUND_HEADS,
    PROJECT_LABELS,
    Token,
    label_key,
    label_unit,
    tokenize,
)
from cnbudget.readers.result import Problem
from cnbudget.readers.text.grid import is_amount
from cnbudget.readers.text.source import SourceLine, clean_name

__all__ = ["FormTop", "clean_owner", "read_department_top", "read_project_top"]

_PARTS = frozenset({"tasks", "funds"})  # labels that open a part of the department form when they start a row
_PHONE = re.compile(r"^(?P<name>.*?)[\s:：]*(?P<phone>\d[\d-]{5,}\d)$")


def clean_owner(text: str) -> str:
    """A person's name without layout spaces, a telephone number after it kept apart by one space.

    >>> clean_owner("易艳 15022842971"), clean_owner("西尔万姑·依斯拉木")
    ('易艳 15022842971', '西尔万姑·依斯拉木')
    """
    match = _PHONE.match(text.strip())
    if match is None or not match["name"].strip():
        return clean_name(text)
    return f"{clean_name(match['name'])} {match['phone']}"


@attrs.define(kw_only=True)
class FormTop:
    """What the top of a form says: texts and amounts by field, tasks, and problems met.

    >>> top = FormTop(table="project_target")
    >>> top.set_text("project", "甲", SourceLine.of(3, "项目名称\\t甲"))
    >>> top.set_text("project", "乙", SourceLine.of(9, "项目名称\\t乙"))
    >>> top.texts, top.problems[0].line, top.problems[0].message
    ({'project': '甲'}, 9, "a second 项目名称 '乙'; the first, '甲', was kept")
    """

    table: str | None = None
    texts: dict[str, str] = attrs.field(factory=dict)
    amounts: dict[str, Decimal] = attrs.field(factory=dict)
    tasks: list[Task] = attrs.field(factory=list)
    problems: list[Problem] = attrs.field(factory=list)
    unit: AmountUnit | None = None  # the funds' unit, as a label prints it

    def problem(self, line: SourceLine, message: str) -> None:
        """Record a problem on ``line``."""
        self.problems.append(Problem(line=line.number, text=line.raw, message=message, table=self.table))

    def set_text(self, field: str, value: str, line: SourceLine) -> None:
        """Keep a text field; a second, different value is reported."""
        if not value:
            return
        before = self.texts.setdefault(field, value)
        if before != value:
            self.problem(line, f"a second {FIELD_ZH.get(field, field)} {value!r}; the first, {before!r}, was kept")

    def set_amount(self, field: str, value: Decimal, line: SourceLine) -> None:
        """Keep an amount; a second, different figure is reported."""
        before = self.amounts.setdefault(field, value)
        if before != value:
            self.problem(line, f"a second figure {value} for {FIELD_ZH.get(field, field)}; {before} was kept")


def _pairs(tokens: Sequence[Token]) -> list[tuple[str | None, list[str]]]:
    """Each label with the values after it, up to the next label; values before any label first."""
    pairs: list[tuple[str | None, list[str]]] = []
    for token in tokens:
        if token.label is not None:
            pairs.append((token.label, [token.text] if token.text else []))
        elif pairs:
            pairs[-1][1].append(token.text)
        else:
            pairs.append((None, [token.text]))
    return pairs


def _clean_text(field: str, values: Sequence[str]) -> str:
    text = " ".join(values)
    return clean_owner(text) if field in {"owner", "contact"} else clean_name(text)


def _read_amount(top: FormTop, field: str, values: Sequence[str], line: SourceLine) -> None:
    if len(values) > 1:
        top.problem(line, f"{FIELD_ZH.get(field, field)}: several cells {values!r}; none was taken")
        return
    try:
        amount = parse_amount(values[0]) if values else Decimal(0)
    except InvalidAmount:
        top.problem(line, f"{FIELD_ZH.get(field, field)}: {values[0]!r} is not an amount")
        return
    top.set_amount(field, amount, line)


def _read_labelled(top: FormTop, line: SourceLine, tokens: Sequence[Token], amount_fields: frozenset[str],
                   last: str | None) -> str | None:
    """Read one row of label/value pairs; the text field last written, for continuation rows."""
    for field, values in _pairs(tokens):
        if field is None:
            if last is not None and line.is_tabular:
                top.texts[last] = clean_name(top.texts.get(last, "") + " ".join(values))
            elif line.is_tabular:
                top.problem(line, f"cells without a label not read: {values!r}")
            continue
        if field == GROUP or field in _PARTS:
            if values:
                top.problem(line, f"cells after a heading label not read: {values!r}")
            continue
        if field in amount_fields:
            _read_amount(top, field, values, line)
            last = None
            continue
        top.set_text(field, _clean_text(field, values), line)
        last = field
    return last


def _read_unit(top: FormTop, line: SourceLine, tokens: Sequence[Token]) -> bool:
    """Keep the unit a funds label prints (``项目资金（元）``); whether a label prints another one."""
    mixed = False
    for token in tokens:
        if token.label != GROUP and token.label not in PROJECT_AMOUNT_FIELDS:
            continue
        unit = label_unit(line.cells[token.column])
        if unit is not None and top.unit is not None and unit is not top.unit:
            top.problem(line, f"funds in {unit.zh} beside funds in {top.unit.zh}: the funds were not read")
            mixed = True
        top.unit = top.unit or unit
    return mixed


def _under_heads(tokens: Sequence[Token], heads: dict[int, str]) -> list[Token]:
    """The tokens with each funds label read as the field it stands for under its column's head;
    the heads of the row are noted in ``heads`` (column → field) first."""
    heads.update((token.column, token.label) for token in tokens
                 if token.label is not None and token.label in PROJECT_FUND_HEADS)
    if not heads:  # no funds head yet (the rows above the funds): every token as it is
        return list(tokens)
    placed = []
    for token in tokens:
        head = max((column for column in heads if column <= token.column), default=None)
        fields = PROJECT_FUND_HEADS[heads[head]] if head is not None else {}
        field = fields.get(token.label) if token.label is not None else None
        placed.append(token if field is None else Token(column=token.column, label=field, text=token.text))
    return placed


def _labels_awaiting_values(tokens: Sequence[Token], amount_fields: frozenset[str]) -> dict[int, str]:
    """The text labels of a row that prints labels only (项目总目标 | 年度总体目标), by column: their
    values stand below them. Empty for any other row."""
    if any(token.label is None or token.text for token in tokens):
        return {}
    return {token.column: token.label for token in tokens
            if token.label is not None and token.label != GROUP and token.label not in amount_fields}


def _read_below(top: FormTop, line: SourceLine, tokens: Sequence[Token], labels: dict[int, str]) -> None:
    """Read values printed under the labels of a row above (a text wrapped onto more rows is joined)."""
    for token in tokens:
        column = max((at for at in labels if at <= token.column), default=None)
        if column is None:
            top.problem(line, f"a cell left of the labels above it not read: {token.text!r}")
            continue
        field = labels[column]
        top.texts[field] = clean_name(top.texts.get(field, "") + token.text)


def read_project_top(lines: Sequence[SourceLine], *, table: str | None = None) -> FormTop:
    """Read the rows above the indicator heading of 项目支出绩效目标表."""
    top = FormTop(table=table)
    last: str | None = None
    heads: dict[int, str] = {}
    awaiting: dict[int, str] = {}
    mixed = False  # funds labelled in two units
    for line in lines:
        if line.is_blank:
            continue
        tokens = tokenize(line.cells, PROJECT_LABELS)
        if awaiting and line.is_tabular and tokens and all(token.label is None for token in tokens):
            _read_below(top, line, tokens, awaiting)
            continue
        mixed = _read_unit(top, line, tokens) or mixed
        tokens = _under_heads(tokens, heads)
        last = _read_labelled(top, line, tokens, PROJECT_AMOUNT_FIELDS, last)
        awaiting = _labels_awaiting_values(tokens, PROJECT_AMOUNT_FIELDS)
    if mixed:  # figures in different units cannot be held against each other
        top.amounts.clear()
    return top


def _task_columns(line: SourceLine) -> tuple[int | None, int | None]:
    keys = [label_key(cell) for cell in line.cells]
    name = keys.index("任务名称") if "任务名称" in keys else None
    content = keys.index("主要内容") if "主要内容" in keys else None
    return name, content


def _read_task(top: FormTop, line: SourceLine, columns: tuple[int | None, int | None]) -> None:
    cells = list(line.cells)
    name_at, content_at = columns
    if name_at is None or content_at is None:
        texts = [cell for cell in cells[1:] if cell.strip()]
        if len(texts) > 2:
            top.problem(line, "a task row with more than a name and a content, and no 任务名称/主要内容 heading")
            return
        texts += [""] * (2 - len(texts))
        name, content = clean_name(texts[0]), clean_name(texts[1])
    else:
        cells += [""] * (max(name_at, content_at) + 1 - len(cells))
        name, content = clean_name(cells[name_at]), clean_name(cells[content_at])
    if name:
        top.tasks.append(Task(name=name, content=content or None))
    elif content and top.tasks:  # the content of the task above, wrapped
        task = top.tasks[-1]
        top.tasks[-1] = Task(name=task.name, content=clean_name((task.content or "") + content))
    elif content:
        top.problem(line, "a task content without a task name")


def _read_funds(top: FormTop, line: SourceLine) -> None:
    """Figures of the 年度预算 part, each under the label to its left in its row."""
    field: str | None = None
    for token in tokenize(line.cells, DEPARTMENT_FUND_LABELS):
        if token.label is not None:
            field = token.label
            if not token.text:
                continue
        text = token.text
        if not is_amount(text):
            top.problem(line, f"text in the 年度预算 part not read: {text!r}")
            continue
        if field is None or field == GROUP:
            under = "under no label" if field is None else "under a label that does not say which part it is"
            top.problem(line, f"figure {text} {under}: not placed in the department's funds")
            continue
        top.set_amount(field, parse_amount(text), line)


def read_department_top(lines: Sequence[SourceLine], *, table: str | None = None) -> FormTop:
    """Read the rows above the indicator heading of 部门整体绩效目标表."""
    top = FormTop(table=table)
    part: str | None = None
    last: str | None = None
    task_columns: tuple[int | None, int | None] = (None, None)
    for line in lines:
        tokens = tokenize(line.cells, DEPARTMENT_LABELS)
        if not tokens:
            continue
        opening = tokens[0].label if tokens[0].column == 0 else None
        if opening == "tasks":
            part, last = "tasks", None
            task_columns = _task_columns(line)
            if task_columns == (None, None) and len(tokens) > 1:
                _read_task(top, line, task_columns)
        elif opening == "funds":
            part, last = "funds", None
            _read_funds(top, line)
        elif opening is not None or not line.is_tabular:
            part = None
            last = _read_labelled(top, line, tokens, frozenset(), last)
        elif part == "tasks":
            _read_task(top, line, task_columns)
        elif part == "funds":
            _read_funds(top, line)
        else:
            last = _read_labelled(top, line, tokens, frozenset(), last)
    return top
