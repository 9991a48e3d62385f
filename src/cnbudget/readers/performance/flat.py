"""Performance-target forms extracted from PDF one cell per line (逐行提取的绩效目标表).

Without tab-separated cells a form is a stream of words in which labels may be cut over lines
(``上级安`` / ``排``, ``年度预算总`` / ``额：``). The key-value top can still be read with certainty: a
label is recognised when up to three consecutive words make it exactly, and its value is what follows
up to the next label — one amount for a funds label, the words themselves for a text label. The
indicator rows cannot: cells of different columns run together in an order the extraction chose, so
they are reported as not read, never guessed.

Where the extraction moved a value away from its label, what follows a label is not its value: a
short text field followed by a bare figure (``项目类别`` then ``0.00``) is reported, not read; and a form that
prints its funds and goals in two columns side by side (项目资金总额 | 年度资金申请总额, see
:data:`~cnbudget.readers.performance.labels.TWO_COLUMN_FIELDS`) interleaves their words, so those
fields are reported, not read.

>>> from cnbudget.readers.text.source import split_lines
>>> lines = split_lines("预算单位 某局\\n项目资金（万元）\\n年度预算总\\n额：\\n1710 其中：财政拨款 1710\\n"
...                     "一级指\\n标\\n产出指标")
>>> top = read_flat_form(lines, department=False, table="project_target")
>>> top.texts, top.amounts["total"], top.amounts["fiscal"], len(top.problems)
({'agency': '某局'}, Decimal('1710'), Decimal('1710'), 1)
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence

import attrs

from cnbudget.errors import InvalidAmount
from cnbudget.money import parse_amount
from cnbudget.readers.performance.forms import FormTop, clean_owner
from cnbudget.readers.performance.indicator_tree import is_section_heading
from cnbudget.readers.performance.labels import (
    DEPARTMENT_FUND_LABELS,
    DEPARTMENT_LABELS,
    FIELD_ZH,
    GROUP,
    PROJECT_AMOUNT_FIELDS,
    PROJECT_FUND_HEADS,
    PROJECT_LABELS,
    TWO_COLUMN_FIELDS,
    label_key,
    may_be_label,
)
from cnbudget.readers.text.source import SourceLine, clean_name

__all__ = ["read_flat_form"]

_INDICATORS = "indicators"
_MAX_PIECES = 3  # a label cut over more lines than this is not recognised
_YEAR_LINE = re.compile(r"^[(（]?\d{4}年度?[)）]?$")
_COLON = re.compile(r"[:：]")
_DEPARTMENT_AMOUNTS = frozenset({"total", "superior", "own", "other", "basic", "project"})
_FIGURE = re.compile(r"^[-+]?\d[\d,]*\.\d+$")  # a printed amount, such as 4,100,000.00 or 0.00
# Text fields that may hold figures (a goal's 9.54 万人, a telephone number); the others never do.
_FREE_TEXT = frozenset({"project", "goal", "annual_goal", "owner", "contact", "phone", "project_code"})
_TWO_COLUMN_HEADS = frozenset(head for head, parts in PROJECT_FUND_HEADS.items() if parts)


@attrs.frozen(kw_only=True)
class _Word:
    text: str
    line: SourceLine


@attrs.frozen(kw_only=True)
class _Label:
    field: str
    width: int  # how many words it took
    value: str  # text after a colon in the same word


def _words(lines: Sequence[SourceLine]) -> list[_Word]:
    return [_Word(text=text, line=line) for line in lines for text in line.text.split()]


def _match(words: Sequence[_Word], start: int, labels: Mapping[str, str]) -> _Label | None:
    """The longest label the words from ``start`` make, whole or as ``label：value`` in one word."""
    for width in range(min(_MAX_PIECES, len(words) - start), 0, -1):
        joined = "".join(word.text for word in words[start : start + width])
        field = labels.get(label_key(joined)) if may_be_label(joined) else None
        if field is not None:
            return _Label(field=field, width=width, value="")
    text = words[start].text
    colon = _COLON.search(text)
    if colon is None or not may_be_label(before := text[: colon.start()]):
        return None
    field = labels.get(label_key(before))
    return None if field is None else _Label(field=field, width=1, value=text[colon.end() :])


@attrs.define
class _Reader:
    top: FormTop
    department: bool

    def flush(self, field: str | None, where: SourceLine | None, values: Sequence[_Word]) -> None:
        texts = [word.text for word in values]
        line = values[0].line if values else where
        if line is None:
            return
        if field is None:
            if texts and not all(_YEAR_LINE.match(word.line.squeezed) for word in values):
                self.top.problem(line, f"text before any label not read: {' '.join(texts)!r}")
        elif field in {GROUP, "tasks", "funds"}:
            if texts:
                self.top.problem(line, f"text printed one cell per line not read: {' '.join(texts)!r}")
        elif field in (_DEPARTMENT_AMOUNTS if self.department else PROJECT_AMOUNT_FIELDS):
            self.amount(field, texts, line)
        elif field not in _FREE_TEXT and any(_FIGURE.match(text) for text in texts):
            self.top.problem(line, f"{FIELD_ZH.get(field, field)} is followed by figures, which are no text of "
                                   f"it (the extraction moved a value): {' '.join(texts)!r} not read")
        else:
            text = " ".join(texts)
            self.top.set_text(field, clean_owner(text) if field in {"owner", "contact"} else clean_name(text), line)

    def amount(self, field: str, texts: Sequence[str], line: SourceLine) -> None:
        if not texts:
            if not self.department:  # a heading of the department's budget part has no figure
                self.top.problem(line, f"no figure follows {FIELD_ZH.get(field, field)}; a blank cell cannot be told "
                                       "from a cell lost in extraction")
            return
        try:
            amount = parse_amount(texts[0]) if len(texts) == 1 else None
        except InvalidAmount:
            amount = None
        if amount is None:
            label = FIELD_ZH.get(field, field)
            self.top.problem(line, f"{label} is followed by {' '.join(texts)!r}, not by one figure")
            return
        self.top.set_amount(field, amount, line)


def read_flat_form(lines: Sequence[SourceLine], *, department: bool, table: str | None = None) -> FormTop:
    """Read the key-value top of a form printed one cell per line; report its indicator rows."""
    labels = dict(DEPARTMENT_LABELS if department else PROJECT_LABELS)
    labels["一级指标"] = _INDICATORS
    reader = _Reader(top=FormTop(table=table), department=department)
    words = _words(lines)
    field: str | None = None
    where: SourceLine | None = None
    values: list[_Word] = []
    two_columns: SourceLine | None = None  # where a head of two columns of funds stands
    index = 0
    while index < len(words):
        label = _match(words, index, labels)
        if label is None:
            values.append(words[index])
            index += 1
            continue
        reader.flush(field, where, values)
        field, where = label.field, words[index].line
        values = [_Word(text=label.value, line=where)] if label.value else []
        index += label.width
        if field in _TWO_COLUMN_HEADS and not department:
            two_columns = two_columns or where
        if field == "funds" and department:  # the budget part's labels count from here on only
            labels = {**DEPARTMENT_FUND_LABELS, "一级指标": _INDICATORS}
        if field == _INDICATORS:
            _report_indicators(reader.top, lines, where)
            break
    else:
        reader.flush(field, where, values)
        if lines:
            reader.top.problem(lines[0], "no indicator heading (一级指标) found in this form")
    if two_columns is not None:
        _drop_two_columns(reader.top, two_columns)
    return reader.top


def _drop_two_columns(top: FormTop, line: SourceLine) -> None:
    dropped = sorted(field for field in TWO_COLUMN_FIELDS if field in top.amounts or field in top.texts)
    for field in dropped:
        top.amounts.pop(field, None)
        top.texts.pop(field, None)
    names = "、".join(FIELD_ZH.get(field, field) for field in dropped) or "nothing"
    top.problem(line, "the form prints its funds and goals in two columns side by side (项目资金总额 | "
                      f"年度资金申请总额); printed one cell per line, their words interleave, so they were not read "
                      f"({names})")


def _report_indicators(top: FormTop, lines: Sequence[SourceLine], start: SourceLine) -> None:
    body = [line for line in lines if line.number >= start.number]
    end = next((i for i, line in enumerate(body) if i and is_section_heading(line)), len(body))
    last = next(line for line in reversed(body[:end]) if not line.is_blank)
    top.problem(
        start,
        f"the indicator rows (lines {start.number}-{last.number}) are printed one cell per line: which text "
        "belongs to which column cannot be told with certainty, so they were not read",
    )
