"""The figures of a narrative clause (说明文字中的数字): amounts, shares, changes, rates, counts.

A sentence of a 情况说明 is a chain of clauses separated by commas: ``一般公共预算 2,022.69 万元`` (a
subject and its amount), ``占 63.88%`` (its share), ``比上年预算增加 208.54 万元`` (its change),
``增长 11.50%`` (its rate), ``主要原因是…`` (the reason, to the end of the sentence). This module
recognises each kind of clause; :mod:`cnbudget.readers.prose.narrative` chains them into statements.

>>> [a.number for a in find_amounts("提前下达资金项目 1008 万元、配套项目 16 万元等")]
['1008', '16']
>>> share_of("占 63.88%"), rate_of("下降 66.28%")
(Decimal('63.88'), Decimal('-66.28'))
>>> change_of("比上年预算减少")
('', -1)
>>> clean_subject("其中：因公出国（境）费", department="某局", year=2024)
'因公出国（境）费'
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from decimal import Decimal

import attrs

__all__ = [
    "AmountMatch",
    "change_of",
    "clean_subject",
    "count_of",
    "find_amounts",
    "is_amount_phrase",
    "not_arranged",
    "rate_of",
    "reason_of",
    "share_of",
    "split_clauses",
    "split_sentences",
    "subject_key",
]

NUMBER = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"
_AMOUNT = re.compile(rf"(?<![\d.,])(?P<number>{NUMBER})\s*(?P<unit>亿元|万元|元)")
# "50 万元以上", "30元/人/年", "≤180 元" are thresholds and rates, not amounts.
_THRESHOLD_AFTER = re.compile(r"^\s*(?:以上|以下|以内|/|每)")
_THRESHOLD_BEFORE = re.compile(r"[/≥≤<>＞＜=]\s*$")
_OPEN, _CLOSE = "（(《〈“", "）)》〉”"
_SENTENCE_END = "。；;！？!?"
_CLAUSE_SEPARATORS = "，,"

_SHARE = re.compile(rf"^占(?:比)?[^\d%]{{0,12}}?(?P<number>{NUMBER})\s*%$")
_RATE = re.compile(
    rf"^(?:比上年(?:预算)?|较上年(?:预算)?|同比)?(?P<word>增长|下降|上升|降低|增加|减少)了?(?:幅度)?(?:为)?"
    rf"\s*(?P<number>{NUMBER})\s*%$"
)
_CHANGE_TAIL = re.compile(
    r"(?:(?:比|较)(?:上年度?|上一年度?|\d{4}年度?)(?:年初)?(?:预算数?|预算安排)?"
    r"|与(?:上年度?|\d{4}年度?)(?:预算)?相比)?(?P<word>增加|减少|增长|下降|上升|降低)了?$"
)
_DOWN = ("减少", "下降", "降低")
_REASON = re.compile(r"^主要原因(?:是|为|有)?[：:]?")
_COUNT = re.compile(r"^(?P<subject>.+?)(?:共有|共计|共|为|有)?\s*(?P<count>\d+)\s*(?:个|项)$")
_NOT_ARRANGED = re.compile(r"^(?P<subject>.+?)(?:均)?未安排$")
_AMOUNT_PHRASE = re.compile(r"^(?:共)?(?:涉及)?(?:预算)?(?:金额|资金)(?:为|共计|合计)?$")

_NUMERALS = "一二三四五六七八九十"
_MARKER = re.compile(
    rf"^(?:\d{{1,2}}\s*[、.．](?=\s*\d{{4}}\s*年|\s*[^\d\s])|[（(][{_NUMERALS}\d]{{1,3}}[)）]|[{_NUMERALS}]+、)\s*"
)
_LEAD_IN = (
    "其中", "包括", "包含", "如下", "以下方面", "主要是", "分别是", "分别为", "情况", "规模", "依据", "标准", "方式",
    "人数", "范围",
)
_ANY_YEAR = re.compile(r"^\d{4}\s*年度?")
_YEAR_AND_COMMA = re.compile(r"^\d{4}\s*年度?[，,]")
_OWN_WORDS = re.compile(r"^(?:本部门|本单位|我部门|我单位|本年度|本年)")
_FILLER_TAIL = re.compile(r"(?:的)?(?:年初预算数?|(?:年初)?(?:预算)?数?(?:为|是)|共计)$")
_KEY_TAIL = re.compile(r"(?:预算数|预算|总计|合计|总额|数)+$")


@attrs.frozen(kw_only=True)
class AmountMatch:
    """An amount printed in a clause: its number as printed (commas kept), unit, and span.

    >>> AmountMatch(number="2,022.69", unit="万元", start=6, end=16).text
    '2,022.69万元'
    """

    number: str
    unit: str
    start: int
    end: int

    @property
    def text(self) -> str:
        """The amount as :func:`cnbudget.money.parse_amount` reads it."""
        return f"{self.number}{self.unit}"


def _depth(text: str) -> int:
    depth = 0
    for char in text:
        if char in _OPEN:
            depth += 1
        elif char in _CLOSE and depth:
            depth -= 1
    return depth


def find_amounts(clause: str) -> list[AmountMatch]:
    """The amounts of a clause that state money: thresholds (``50万元以上``), rates (``30元/人``) and
    amounts inside brackets (``（库克色格孜村5万元）`` is part of a name) are left out."""
    found = []
    for match in _AMOUNT.finditer(clause):
        before, after = clause[: match.start()], clause[match.end() :]
        if _THRESHOLD_AFTER.match(after) or _THRESHOLD_BEFORE.search(before) or _depth(before):
            continue
        found.append(AmountMatch(number=match["number"], unit=match["unit"], start=match.start(), end=match.end()))
    return found


def _split(text: str, separators: str, keep: bool) -> Iterator[str]:
    depth, start = 0, 0
    for index, char in enumerate(text):
        if char in _OPEN:
            depth += 1
        elif char in _CLOSE and depth:
            depth -= 1
        elif char in separators and depth == 0:
            # A comma between digits is a thousands separator, never a clause break.
            if char == "," and 0 < index < len(text) - 1 and text[index - 1].isdigit() and text[index + 1].isdigit():
                continue
            yield text[start : index + 1] if keep else text[start:index]
            start = index + 1
    if start < len(text):
        yield text[start:]


def split_sentences(text: str) -> list[str]:
    """A paragraph cut after each 。；！？ outside brackets, the punctuation kept.

    >>> split_sentences("甲 1 万元；乙 2 万元。主要原因是（一；二）。")
    ['甲 1 万元；', '乙 2 万元。', '主要原因是（一；二）。']
    """
    return [piece for piece in _split(text, _SENTENCE_END, keep=True) if piece.strip()]


def split_clauses(sentence: str) -> list[str]:
    """A sentence cut at commas outside brackets; sentence punctuation at the end is dropped.

    >>> split_clauses("一般公共预算 2,022.69 万元，占 63.88%,比上年增加（含 A，B）1 万元。")
    ['一般公共预算 2,022.69 万元', '占 63.88%', '比上年增加（含 A，B）1 万元']
    """
    body = sentence.rstrip(_SENTENCE_END + " ")
    return [clause.strip() for clause in _split(body, _CLAUSE_SEPARATORS, keep=False) if clause.strip()]


def share_of(clause: str) -> Decimal | None:
    """The share a clause states (``占 63.88%``), in percent."""
    match = _SHARE.match(clause)
    return Decimal(match["number"].replace(",", "")) if match else None


def _signed(number: str, word: str) -> Decimal:
    value = Decimal(number.replace(",", ""))
    return -value if word in _DOWN and value else value


def rate_of(clause: str) -> Decimal | None:
    """The growth rate a clause states (``增长 11.50%``, ``下降 66.28%``), signed, in percent."""
    match = _RATE.match(clause)
    return _signed(match["number"], match["word"]) if match else None


def change_of(before_amount: str) -> tuple[str, int] | None:
    """For the text before an amount: the subject and the sign when it states a change
    (``公务接待费减少`` → ``('公务接待费', -1)``), else ``None``."""
    match = _CHANGE_TAIL.search(before_amount)
    if match is None:
        return None
    return before_amount[: match.start()], -1 if match["word"] in _DOWN else 1


def reason_of(clause: str) -> str | None:
    """The text after ``主要原因是`` when the clause gives the reason, else ``None``.

    >>> reason_of("主要原因：医疗保障工作职能不断增加")
    '医疗保障工作职能不断增加'
    """
    match = _REASON.match(clause)
    return clause[match.end() :].strip() if match else None


def count_of(clause: str) -> tuple[str, int] | None:
    """The subject and count of ``当年财政拨款项目 8 个`` / ``…项目共有 2 项``.

    >>> count_of("当年财政拨款项目 8 个")
    ('当年财政拨款项目', 8)
    """
    match = _COUNT.match(clause)
    return (match["subject"].strip(), int(match["count"])) if match else None


def not_arranged(clause: str) -> str | None:
    """The subject of ``政府性基金预算未安排`` (nothing budgeted), else ``None``.

    >>> not_arranged("上级政府性基金安排的转移支付资金未安排")
    '上级政府性基金安排的转移支付资金'
    """
    match = _NOT_ARRANGED.match(clause)
    return match["subject"] if match else None


def is_amount_phrase(text: str) -> bool:
    """Whether the text before an amount only says "amount" (``涉及预算金额``), so the amount
    belongs to the subject counted before it.

    >>> is_amount_phrase("涉及预算金额"), is_amount_phrase("政府采购预算")
    (True, False)
    """
    return bool(_AMOUNT_PHRASE.match(text))


def _strip_prefixes(text: str, department: str | None, year: int | None) -> str:
    while True:
        text = text.strip()
        before = text
        if department and text.startswith(department):
            text = re.sub(r"^(?:部门|单位)", "", text[len(department) :])
        if year is not None and re.match(rf"^{year}\s*年度?", text):
            text = re.sub(rf"^{year}\s*年度?[，,]?", "", text)
        text = _YEAR_AND_COMMA.sub("", text)
        text = _OWN_WORDS.sub("", text)
        text = re.sub(r"^(?:的|其中[：:]?)", "", text)
        if text == before:
            return text


def _filler_only(text: str) -> bool:
    return not _FILLER_TAIL.sub("", _ANY_YEAR.sub("", text))


def clean_subject(text: str, *, department: str | None, year: int | None) -> str:
    """The subject of an amount from the text before it: numbering, the department's name, the
    budget year, lead-ins (``其中：``, ``包括：``) and fillers (``预算数为``) are removed.

    For ``卫生健康支出（类）…（项）：2024 年预算数为`` the subject is the part before the colon;
    for ``资金分配情况：物业安保管理费用`` the part after it.

    >>> clean_subject("乌鲁木齐市医疗保障局 2024 年支出预算", department="乌鲁木齐市医疗保障局", year=2024)
    '支出预算'
    >>> clean_subject("1、科学技术支出（类）技术与开发（款）：2024 年预算数为", department=None, year=2024)
    '科学技术支出（类）技术与开发（款）'
    """
    text = _MARKER.sub("", text.strip(" 、，,;；"))
    colon = max(text.rfind("："), text.rfind(":"))
    if colon >= 0:
        head, tail = text[:colon].strip(), text[colon + 1 :].strip()
        if _filler_only(_strip_prefixes(tail, department, year)):
            text = head
        elif head.endswith(_LEAD_IN) or _filler_only(_strip_prefixes(head, department, year)):
            text = tail
    text = _strip_prefixes(_MARKER.sub("", text), department, year)
    return _FILLER_TAIL.sub("", text).strip(" 、，,")


def subject_key(subject: str) -> str:
    """A subject as compared when a later sentence states the change of an earlier amount:
    ``收入总计`` and ``收入``, ``“三公”经费预算`` and ``“三公”经费`` are the same subject.

    >>> subject_key("收入总计") == subject_key("收入")
    True
    """
    return _KEY_TAIL.sub("", re.sub(r"\s+", "", subject)) or subject
