"""Labels of the performance-target forms (绩效目标表栏目名称), recognised however they are printed.

The forms print their labels with variations: ``年度资金总额:``, ``其中：财政拨款``, ``项目资金 (万元)``,
``部门名称 (盖章)``, ``1、资金来源：``, or cut by the page layout (``年度资金 总额:``). :func:`label_key`
reduces a label to one comparable form; :func:`tokenize` turns a row's cells into labels and values,
splitting a cell that holds both (``部门名称：延津县医疗保障局``).

>>> label_key("其中：财 政拨款"), label_key("1、资金来源："), label_key("部门名称 (盖章)")
('财政拨款', '资金来源', '部门名称')
>>> [(t.label, t.text) for t in tokenize(["部门（单位）名称", "部门名称：某局"], DEPARTMENT_LABELS)]
[('department', ''), ('department', '某局')]
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence

import attrs

from cnbudget.readers.text.source import clean_cell
from cnbudget.text import normalize_width, squeeze_spaces

__all__ = [
    "DEPARTMENT_FUND_LABELS",
    "DEPARTMENT_LABELS",
    "FIELD_ZH",
    "GROUP",
    "PROJECT_AMOUNT_FIELDS",
    "PROJECT_LABELS",
    "Token",
    "is_indicator_header_text",
    "label_key",
    "tokenize",
]

#: The field of a label that only heads a group of other labels and has no value of its own.
GROUP = "group"

_NUMBERING = re.compile(r"^(?:\d{1,2}|[一二三四五六七八九十]{1,3})[,.]")
_AMONG = re.compile(r"^其中:?")
_SUFFIX = re.compile(r"(?:\([^()]*\))+$")
_COLON = re.compile(r"[:：]")


def label_key(text: str) -> str:
    """A label as compared: width folded, spaces, numbering, ``其中``, a bracketed unit and colons gone."""
    key = squeeze_spaces(normalize_width(clean_cell(text)))
    key = _NUMBERING.sub("", key)
    key = _AMONG.sub("", key).rstrip(":")
    return _SUFFIX.sub("", key).rstrip(":")


#: The Chinese label of each field, for messages.
FIELD_ZH: Mapping[str, str] = {
    "agency": "预算单位", "project": "项目名称", "project_code": "项目编码", "owner": "项目负责人",
    "total": "年度预算总额", "fiscal": "财政拨款", "other": "其他资金", "goal": "年度目标",
    "department": "部门名称", "contact": "部门联系人", "phone": "联系电话", "superior": "上级安排",
    "own": "本级安排", "basic": "基本支出",
}

#: Labels of the key-value top of 项目支出绩效目标表, by field.
PROJECT_LABELS: Mapping[str, str] = {
    "预算单位": "agency",
    "项目单位": "agency",
    "单位名称": "agency",
    "项目名称": "project",
    "项目编码": "project_code",
    "项目代码": "project_code",
    "项目负责人": "owner",
    "项目资金": GROUP,
    "年度预算总额": "total",
    "年度资金总额": "total",
    "资金总额": "total",
    "财政拨款": "fiscal",
    "其他资金": "other",
    "项目总体目标": "goal",
    "年度总体目标": "goal",
    "项目年度目标": "goal",
    "年度绩效目标": "goal",
}

#: The fields of :data:`PROJECT_LABELS` that hold amounts.
PROJECT_AMOUNT_FIELDS = frozenset({"total", "fiscal", "other"})

#: Labels of 部门整体绩效目标表 outside its budget part; ``tasks`` and ``funds`` open those parts.
DEPARTMENT_LABELS: Mapping[str, str] = {
    "部门名称": "department",
    "部门(单位)名称": "department",
    "单位名称": "department",
    "部门联系人": "contact",
    "联系人": "contact",
    "联系电话": "phone",
    "年度绩效目标": "goal",
    "年度履职目标": "goal",
    "年度总体目标": "goal",
    "年度主要任务": "tasks",
    "年度预算": "funds",
    "预算情况": "funds",
}

#: Labels of the budget part of 部门整体绩效目标表, by :class:`~cnbudget.model.DepartmentFunds`
#: field; a figure under a :data:`GROUP` label or under no label cannot be placed.
DEPARTMENT_FUND_LABELS: Mapping[str, str] = {
    "资金总额": "total",
    "部门预算总额": "total",
    "预算总额": "total",
    "资金来源": "total",  # one figure against all the sources is their total
    "上级安排": "superior",
    "本级安排": "own",
    "其他": "other",
    "其他资金": "other",
    "基本支出": "basic",
    "项目支出": "project",
    "财政资金": GROUP,
    "资金结构": GROUP,
    "年度预算": GROUP,
    "预算情况": GROUP,
    "指标值": GROUP,
}


def is_indicator_header_text(keys: Sequence[str]) -> bool:
    """Whether label keys are the heading row of an indicator table (一级指标 … 三级指标 … 指标值).

    >>> is_indicator_header_text(["一级指标", "二级指标", "三级指标", "指标值"]), is_indicator_header_text(["三级指标"])
    (True, False)
    """
    return "一级指标" in keys and ("三级指标" in keys or "指标值" in keys)


@attrs.frozen(kw_only=True)
class Token:
    """A non-blank cell (or part of one): a label's field, or a value's text, with its column."""

    column: int
    label: str | None = None
    text: str = ""


def tokenize(cells: Sequence[str], labels: Mapping[str, str]) -> list[Token]:
    """The labels and values of a row, left to right; a cell ``label：value`` gives both."""
    tokens: list[Token] = []
    for column, cell in enumerate(cells):
        text = clean_cell(cell)
        if not text:
            continue
        field = labels.get(label_key(text))
        if field is not None:
            tokens.append(Token(column=column, label=field))
            continue
        colon = _COLON.search(text)
        field = labels.get(label_key(text[: colon.start()])) if colon else None
        if colon is not None and field is not None:
            tokens.append(Token(column=column, label=field, text=text[colon.end() :].strip()))
        else:
            tokens.append(Token(column=column, text=text))
    return tokens
