"""Labels of the performance-target forms (绩效目标表栏目名称), recognised however they are printed.

The forms print their labels with variations: ``年度资金总额:``, ``其中：财政拨款``, ``项目资金 (万元)``,
``部门名称 (盖章)``, ``1、资金来源：``, or cut by the page layout (``年度资金 总额:``). :func:`label_key`
reduces a label to one comparable form; :func:`tokenize` turns a row's cells into labels and values,
splitting a cell that holds both (``部门名称：延津县医疗保障局``).

>>> label_key("其中：财 政拨款"), label_key("1、资金来源："), label_key("部门名称 (盖章)")
('财政拨款', '资金来源', '部门名称')
>>> [(t.label, t.text) for t in tokenize(["部门（单位）名称", "部门名称：某局"], DEPARTMENT_LABELS)]
[('department', ''), ('department', '某局')]

What varies between the templates of the provinces is here, as data: the labels of each form's
top and of its indicator columns. The Shanghai 财政项目支出绩效目标填报表, for one, prints its funds
in two columns, 项目资金总额 (the project's whole life) and 年度资金申请总额 (the year), each with
its own 其中：财政资金 / 其他资金 below it (:data:`PROJECT_FUND_HEADS`).
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable, Mapping, Sequence

import attrs

from cnbudget.errors import InvalidAmount
from cnbudget.money import AmountUnit
from cnbudget.numbering import strip_number
from cnbudget.readers.text.source import clean_cell
from cnbudget.text import normalize_width, squeeze_spaces

__all__ = [
    "DEPARTMENT_FUND_LABELS",
    "DEPARTMENT_LABELS",
    "FIELD_ZH",
    "GROUP",
    "INDICATOR_COLUMN_LABELS",
    "INDICATOR_SECTION_LABELS",
    "PROJECT_AMOUNT_FIELDS",
    "PROJECT_FUND_HEADS",
    "PROJECT_LABELS",
    "TWO_COLUMN_FIELDS",
    "Token",
    "is_indicator_header_text",
    "label_key",
    "label_unit",
    "may_be_label",
    "repeats_labels",
    "tokenize",
]

#: The field of a label that only heads a group of other labels and has no value of its own.
GROUP = "group"

_AMONG = re.compile(r"^其中:?")
_SUFFIX = re.compile(r"(?:\([^()]*\))+$")
_UNIT_SUFFIX = re.compile(r"\(([^()]*)\)$")
_COLON = re.compile(r"[:：]")


@functools.lru_cache(maxsize=4096)  # a pure function of the text; each label is compared with many
def label_key(text: str) -> str:
    """A label as compared: width folded, spaces, numbering, ``其中``, a bracketed unit and colons gone."""
    key = squeeze_spaces(normalize_width(clean_cell(text)))
    key = strip_number(key)
    key = _AMONG.sub("", key).rstrip(":")
    return _SUFFIX.sub("", key).rstrip(":")


@functools.lru_cache(maxsize=1024)  # a pure function of the text, as label_key: a template's funds labels recur
def label_unit(text: str) -> AmountUnit | None:
    """The amount unit a label prints in brackets (``项目资金（元）``), or ``None``.

    >>> label_unit("项目资金（元）"), label_unit("项目资金 (万元)"), label_unit("部门名称 (盖章)")
    (<AmountUnit.YUAN: '元'>, <AmountUnit.WAN_YUAN: '万元'>, None)
    """
    match = _UNIT_SUFFIX.search(squeeze_spaces(normalize_width(clean_cell(text))))
    if match is None:
        return None
    try:
        return AmountUnit.parse(match[1])
    except InvalidAmount:
        return None


#: The Chinese label of each field, for messages.
FIELD_ZH: Mapping[str, str] = {
    "agency": "预算单位", "project": "项目名称", "project_code": "项目编码", "owner": "项目负责人",
    "total": "年度预算总额", "fiscal": "财政拨款", "other": "其他资金", "goal": "总体目标",
    "department": "部门名称", "contact": "部门联系人", "phone": "联系电话", "superior": "上级安排",
    "own": "本级安排", "basic": "基本支出", "carryover": "上年结转资金", "project_total": "项目资金总额",
    "project_fiscal": "项目资金总额：财政资金", "project_other": "项目资金总额：其他资金",
    "nature": "项目性质", "category": "项目类别", "planned_start": "计划开始日期",
    "planned_end": "计划完成日期", "annual_goal": "年度总体目标",
}

#: Labels of the key-value top of 项目支出绩效目标表, by field (the field names of
#: :class:`~cnbudget.model.ProjectTarget` and :class:`~cnbudget.model.ProjectFunds`).
PROJECT_LABELS: Mapping[str, str] = {
    "预算单位": "agency",
    "项目单位": "agency",
    "单位名称": "agency",
    "实施单位": "agency",
    "主管部门": "department",
    "项目名称": "project",
    "项目编码": "project_code",
    "项目代码": "project_code",
    "项目负责人": "owner",
    "项目性质": "nature",
    "项目类别": "category",
    "计划开始日期": "planned_start",
    "计划完成日期": "planned_end",
    "项目资金": GROUP,
    "年度预算总额": "total",
    "年度资金总额": "total",
    "年度资金申请总额": "total",
    "资金总额": "total",
    "财政拨款": "fiscal",
    "当年财政拨款": "fiscal",
    "财政资金": "fiscal",
    "上年结转资金": "carryover",
    "其他资金": "other",
    "项目资金总额": "project_total",
    "项目绩效目标": GROUP,
    "项目总体目标": "goal",
    "项目总目标": "goal",
    "年度总体目标": "annual_goal",
    "项目年度目标": "annual_goal",
    "年度绩效目标": "annual_goal",
}

#: The fields of :data:`PROJECT_LABELS` that hold amounts.
PROJECT_AMOUNT_FIELDS = frozenset({"total", "fiscal", "other", "carryover", "project_total", "project_fiscal",
                                   "project_other"})

#: Funds printed in columns, each under its head (Shanghai: 项目资金总额 | 年度资金申请总额, with
#: 其中：财政资金 / 其他资金 below the first and 其中：当年财政拨款 / 上年结转资金 / 其他资金 below the
#: second): for each head's field, the fields that the labels below it (or after it in its row) stand
#: for, where they differ from :data:`PROJECT_LABELS`. A label belongs to the nearest head at or to
#: the left of its column.
PROJECT_FUND_HEADS: Mapping[str, Mapping[str, str]] = {
    "project_total": {"fiscal": "project_fiscal", "other": "project_other"},
    "total": {},  # the labels right of the year's head keep their fields
}

#: The fields a form with two columns of funds (a head of :data:`PROJECT_FUND_HEADS` that re-reads the
#: labels below it) prints side by side, whole life | year: the funds, and 项目总目标 | 年度总体目标.
#: Printed one cell per line, the words of the two columns interleave.
TWO_COLUMN_FIELDS = PROJECT_AMOUNT_FIELDS | {"goal", "annual_goal"}

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


#: Headings of the columns of an indicator table, by role (the :class:`~cnbudget.model.Indicator`
#: field it fills); the first heading of a role is its name in messages.
INDICATOR_COLUMN_LABELS: Mapping[str, tuple[str, ...]] = {
    "level1": ("一级指标",),
    "level2": ("二级指标",),
    "name": ("三级指标",),
    "target": ("指标值", "目标值", "年度(/项目)指标值", "年度指标值", "项目指标值"),
    "basis": ("指标值设置依据", "指标值设定依据", "指标设定依据", "指标设置依据", "设置依据", "设定依据"),
    "explanation": ("指标值说明", "指标说明"),
    "prior_actual": ("上年完成值", "上年完成情况", "上年实际完成值", "上年实际值"),
    "weight": ("指标分值权重", "分值权重", "指标权重", "权重", "分值"),
    "scoring_rule": ("指标赋分规则", "赋分规则", "评分规则"),
    "evidence": ("佐证资料", "佐证材料"),
}

#: Words a form prints in a column of the indicator table whose heading is blank: the name of the
#: form's part (Shanghai: 绩效指标 beside the rows), not an indicator's cell.
INDICATOR_SECTION_LABELS = frozenset({"绩效指标", "项目绩效指标", "项目绩效目标"})


def is_indicator_header_text(keys: Sequence[str]) -> bool:
    """Whether label keys are the heading row of an indicator table (一级指标 … 三级指标 … 指标值).

    >>> is_indicator_header_text(["一级指标", "二级指标", "三级指标", "指标值"]), is_indicator_header_text(["三级指标"])
    (True, False)
    """
    return "一级指标" in keys and ("三级指标" in keys or "指标值" in keys)


def repeats_labels(cells: Sequence[str], keys: Sequence[str]) -> bool:
    """Whether ``cells`` are the labels whose keys are ``keys``, cell by cell (a heading row repeated
    on a new page); the first cell is compared first (most rows' is no label), then the rest.

    >>> keys = ["一级指标", "三级指标"]
    >>> repeats_labels(["一级 指标", "三级指标"], keys), repeats_labels(["001", "x"], keys)
    (True, False)
    """
    if len(cells) != len(keys) or (cells and label_key(cells[0]) != keys[0]):
        return False
    return [label_key(cell) for cell in cells] == list(keys)


def _label_ends(labels: Iterable[str]) -> frozenset[str]:
    return frozenset(label[-1] for label in labels)


#: The last characters of every label above: a key that ends otherwise is none of them.
_LABEL_ENDS = _label_ends([
    *PROJECT_LABELS, *DEPARTMENT_LABELS, *DEPARTMENT_FUND_LABELS, *INDICATOR_SECTION_LABELS,
    *(label for labels in INDICATOR_COLUMN_LABELS.values() for label in labels),
])
#: Characters outside ASCII that width folding turns into one plain ASCII character other than a colon
#: or a bracket, whatever stands before them: full-width forms, Chinese punctuation, dashes and quotes
#: (none combines with a character before it).
_FOLDED_TO_ASCII = frozenset(
    character
    for character in map(chr, (*range(0xFF01, 0xFF5F), *range(0x3001, 0x3040), *range(0x2010, 0x2028), 0x2212))
    if len(folded := normalize_width(character)) == 1 and folded.isascii() and not folded.isspace()
    and folded not in ":)"
)


def may_be_label(text: str) -> bool:
    """Whether :func:`label_key` of ``text`` may be one of this module's labels; ``False`` only where
    it certainly is none, told from the last character without computing the key (most value cells).

    The key is what folding leaves of the text after a leading number, ``其中`` and trailing colons and
    brackets go: a text without markup (which is cut anywhere) whose last character stays one plain
    character when folded, and is no colon, bracket or last character of a label, gives no label.

    >>> may_be_label("其中：财政拨款"), may_be_label("资金总额（万元）"), may_be_label("参保率达100%；")
    (True, True, False)
    """
    if "<" in text or "*" in text:  # markup, which clean_cell cuts wherever it stands
        return True
    stripped = text.rstrip()
    last = stripped[-1:]
    if not last or last in _LABEL_ENDS:
        return True
    if last.isascii():
        return last in ":)"
    if "\u4e00" <= last <= "\u9fff":  # a Chinese character: folding leaves it as it is
        return False
    return last not in _FOLDED_TO_ASCII


@attrs.frozen(kw_only=True)
class Token:
    """A non-blank cell (or part of one): a label's field, or a value's text, with its column."""

    column: int
    label: str | None = None
    text: str = ""


def tokenize(cells: Sequence[str], labels: Mapping[str, str]) -> list[Token]:
    """The labels and values of a row, left to right; a cell ``label：value`` gives both.

    ``labels`` is one of this module's vocabularies (or holds only their labels): a text is looked up
    only where :func:`may_be_label` says it may be one of them.
    """
    tokens: list[Token] = []
    for column, cell in enumerate(cells):
        text = clean_cell(cell)
        if not text:
            continue
        field = labels.get(label_key(text)) if may_be_label(text) else None
        if field is not None:
            tokens.append(Token(column=column, label=field))
            continue
        colon = _COLON.search(text)
        field = labels.get(label_key(text[: colon.start()])) if colon and may_be_label(text[: colon.start()]) else None
        if colon is not None and field is not None:
            tokens.append(Token(column=column, label=field, text=text[colon.end() :].strip()))
        else:
            tokens.append(Token(column=column, text=text))
    return tokens
