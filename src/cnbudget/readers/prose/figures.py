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
ChangeMatch(subject='', sign=-1, basis=<ChangeBasis.BUDGET: 'budget'>)
>>> clean_subject("其中：因公出国（境）费", department="某局", year=2024)
'因公出国（境）费'

What a change is measured against is read from how the text words it (:func:`basis_of`):
``比上年预算`` (上年预算), ``比2022年预算执行数`` (上年预算执行数), ``较上年决算数`` (上年决算);
``与上年相比`` says no more than "last year". Last year's figure may be printed instead of the
change (``2022年当年预算执行数为1.48万元``, :func:`prior_of`) and this year's repeated
(``2023年预算安排2.63万元``, :func:`restates`).
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator
from decimal import Decimal

import attrs

from cnbudget.builders import builder_of_model
from cnbudget.model.narrative import ChangeBasis
from cnbudget.numbering import COUNT, LIST_MARK

__all__ = [
    "COMPARED",
    "PERCENT_ENDS",
    "SENTENCE_TAIL",
    "AmountMatch",
    "ChangeMatch",
    "absent_of",
    "amount_spans",
    "basis_of",
    "change_of",
    "clean_subject",
    "count_of",
    "find_amounts",
    "is_amount_phrase",
    "is_flat",
    "keeps_order",
    "may_name_a_year",
    "not_arranged",
    "prior_of",
    "rate_of",
    "reason_of",
    "restates",
    "sentences_with_clauses",
    "share_of",
    "split_clauses",
    "split_sentences",
    "strip_marker",
    "subject_key",
]

NUMBER = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"
# A number of NUMBER not preceded by a digit, point or comma: the plain pattern ``(?<![\d.,])(?:NUMBER)``
# written to start with its first digit, which re then looks for ahead of trying the rest (the plain
# one is tried at every character of a clause).
_NUMBER_DIGIT_FIRST = r"\d(?<![\d.,]\d)(?:\d{0,2}(?:,\d{3})+(?:\.\d+)?|\d*(?:\.\d+)?)"
# "1720.00万，其中…": 万 alone is 万元 where a clause or the text ends after it (not 万人, 万平方米).
_AMOUNT_UNIT = r"\s*(?P<unit>亿元|万元|元|万(?=[，,。；;、）)]|$|其中|合计))"
_AMOUNT = re.compile(rf"(?P<number>{_NUMBER_DIGIT_FIRST}){_AMOUNT_UNIT}")
# "50 万元以上", "30元/人/年", "≤180 元" are thresholds and rates, not amounts.
# Matched where an amount ends (``match(clause, end)`` anchors there; ``^`` would not).
_THRESHOLD_AFTER = re.compile(r"\s*(?:以上|以下|以内|/|每)")
_THRESHOLD_FIRSTS = frozenset("以/每")  # the first character, spaces aside, of each _THRESHOLD_AFTER
_THRESHOLD_MARKS = frozenset("/≥≤<>＞＜=")  # the last character, spaces aside, before a threshold
_OPEN, _CLOSE = "（(《〈“", "）)》〉”"
_SENTENCE_END = "。；;！？!?"
#: What a sentence's clauses end before: its punctuation and spaces.
SENTENCE_TAIL = _SENTENCE_END + " "
_CLAUSE_SEPARATORS = "，,"

_SHARE = re.compile(rf"^占(?:比)?[^\d%]{{0,12}}?(?P<number>{NUMBER})\s*%$")
# Last year as the text names it, an aside (比2022年（上一年度，下同）预算), and what of last year.
_PRIOR_YEAR = r"(?:上年度?|上一年度?|去年|\d{4}\s*年度?)"
_ASIDE = r"(?:[（(][^（）()]{0,12}[)）])?"
_BASIS_WORDS = r"(?:当年)?(?:年初)?(?:预算执行数|预算执行|执行数|决算数|决算|预算数|预算安排数?|预算|数)?"
#: A comparison with last year: 比上年预算, 较上年, 与2023年预算相比, 比2022年预算执行数.
COMPARED = rf"(?:比|较|与|同)\s*{_PRIOR_YEAR}{_ASIDE}\s*{_BASIS_WORDS}\s*(?:相比较?|比较)?"
# What the comparison names, most specific first (预算执行数 is neither 预算 nor 决算).
_BASES = (("执行", ChangeBasis.EXECUTION), ("决算", ChangeBasis.FINAL_ACCOUNTS), ("预算", ChangeBasis.BUDGET))
_COMPARED = re.compile(COMPARED)
_LEADING_COMPARISON = re.compile(rf"^{COMPARED}[，,]?")
_CHANGE_WORDS = "增加|减少|增长|下降|上升|降低"
_CHANGE_WORD_TUPLE = tuple(_CHANGE_WORDS.split("|"))
_RATE = re.compile(
    rf"^(?:{COMPARED}|同比)?\s*(?P<word>{_CHANGE_WORDS}|增幅|降幅|减幅)了?(?:幅度)?(?:为)?"
    rf"\s*(?P<number>{NUMBER})\s*%$"
)
_CHANGE_TAIL = re.compile(rf"(?:{COMPARED})?\s*(?P<word>{_CHANGE_WORDS})了?$")
# "本年数小于上年预算数 29.65 万元": the comparison says the sign.
_COMPARATIVE_TAIL = re.compile(
    rf"本年(?:数)?(?P<word>小于|少于|低于|大于|多于|高于){_PRIOR_YEAR}{_BASIS_WORDS}$"
)
# "本年数等于上年预算数", "本年数小于上年预算数 29.65 万元": this year's figure set against last year's.
_SET_AGAINST = re.compile(rf"本年(?:数)?(?:小于|少于|低于|大于|多于|高于|等于){_PRIOR_YEAR}{_BASIS_WORDS}")
_FLAT_WORD = r"(?:基本)?(?:持平|一致|相等|相同|未发生变化|无变化|没有变化|保持不变|不变)"
# "本年数等于上年预算数" says no change by itself; a comparison (与上年) needs its word (持平).
_FLAT = re.compile(
    rf"^(?:{COMPARED}\s*{_FLAT_WORD}|本年(?:数)?等于{_PRIOR_YEAR}{_BASIS_WORDS})$"
)
_FLAT_STARTS = frozenset("比较与同本")  # the first characters of every _FLAT
_DOWN = ("减少", "下降", "降低", "降幅", "减幅", "小于", "少于", "低于")
_SPREAD = re.compile(r"(?:各|均|分别|共)$")  # 收、支预算总计各增加: the change of each
_PRIOR = re.compile(
    r"^(?:(?P<year>\d{4})\s*年度?|上年度?|上一年度?)\s*(?:当年)?(?:年初)?"
    r"(?P<basis>预算执行数|执行数|决算数|决算|预算数|预算)\s*(?:为|是)?$"
)
_RESTATED = re.compile(r"^(?:(?P<year>\d{4})\s*年度?|本年度?|今年)?\s*(?:预算安排|预算数为|预算数|预算为|安排)$")
_RESTATED_STARTS = frozenset("本今预安")  # besides a year's digits and spaces
_REASON = re.compile(r"^(?:主要原因(?:是|为|有)?[：:]?|主要是(?:因为?|由于)?(?![：:])|原因是)")
_COUNT = re.compile(rf"^(?P<subject>.+?)(?:共有|共计|共|为|有)?\s*(?P<count>{COUNT})\s*(?:个|项)$")
# "2018 年本部门共 5 个项目实行绩效目标管理": the count first; what precedes it is left to clean.
_COUNT_FIRST = re.compile(rf"^(?P<lead>[^，,]*?)(?:共有|共计|共)\s*(?P<count>{COUNT})\s*(?:个|项)(?P<subject>项目.+)$")
_NOT_ARRANGED = re.compile(r"^(?P<subject>.+?)(?:均)?未安排$")
# "2018 年无公务用车购置预算安排", "某院无机关运行经费": what stands before 无 must be no subject.
_ABSENT = re.compile(r"^(?P<lead>[^无]*)无(?P<subject>[^无]+?)(?:预算安排|(?<=经费))$")
_AMOUNT_PHRASE = re.compile(r"^(?:共)?(?:涉及)?(?:项目)?(?:预算)?(?:财政性)?(?:金额|资金)(?:为|共计|合计)?$")

_MARKER = LIST_MARK
_LEAD_IN = (
    "其中", "包括", "包含", "如下", "以下方面", "主要是", "分别是", "分别为", "情况", "规模", "依据", "标准", "方式",
    "人数", "范围",
)
_ANY_YEAR = re.compile(r"^\d{4}\s*年度?")
_YEAR_AND_COMMA = re.compile(r"^\d{4}\s*年度?[，,]")
_OWN_WORDS = re.compile(r"^(?:本部门|本单位|我部门|我单位|本年度|本年)")
_FILLER_TAIL = re.compile(r"(?:的)?(?:年初预算数?|(?:年初)?(?:预算)?数?(?:为|是)|共计)$")
#: The last characters of every filler above (before a final line break, where ``$`` also matches).
_FILLER_ENDS = frozenset("算数为是计")
# After a colon only: "检察（款）: 2018 年预算支出合计", "住房公积金(项):支出".
_COLON_FILLER = re.compile(r"(?:预算)?(?:支出)?(?:合计|总计)?$")
_APPROPRIATED = re.compile(r"^(?:一般公共预算|财政)?拨款安排的")
_MIN_SHORT_FORM = 3
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


_AmountMatchBuilder = builder_of_model(AmountMatch)
_new = object.__new__


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
    amounts inside brackets (``（库克色格孜村5万元）`` is part of a name) are left out.

    >>> [a.text for a in find_amounts("项目总预算1720.00万，其中服务5万人次")]
    ['1720.00万元']
    """
    found: list[AmountMatch] = []
    for number, unit, start, end in amount_spans(clause):
        made = _new(_AmountMatchBuilder)  # an AmountMatch without the frozen class's slower setting of fields
        made.number, made.unit, made.start, made.end = number, unit, start, end
        made.__class__ = AmountMatch
        found.append(made)
    return found


def amount_spans(clause: str) -> list[tuple[str, str, int, int]]:
    """The number, unit, start and end of each of :func:`find_amounts`, as plain tuples (the
    narrative's walk reads each amount once and keeps no match).

    >>> amount_spans("支出1,089.27万元，其中服务5万人次")
    [('1,089.27', '万元', 2, 12)]
    """
    if "元" not in clause and "万" not in clause:  # every unit of an amount holds one of them
        return []
    found: list[tuple[str, str, int, int]] = []
    bracketed: bool | None = None  # asked at the first amount: a clause without one needs no answer
    for match in _AMOUNT.finditer(clause):
        start, end = match.span()
        # Both threshold tests asked first of the one character each looks at (past spaces only if it is one).
        after = clause[end : end + 1]
        if (after in _THRESHOLD_FIRSTS or after.isspace()) and _THRESHOLD_AFTER.match(clause, end):
            continue
        mark = clause[start - 1 : start]
        if mark.isspace():
            mark = clause[:start].rstrip()[-1:]
        if mark in _THRESHOLD_MARKS:
            continue
        if bracketed is None:
            bracketed = _BRACKET.search(clause) is not None  # without a bracket no amount stands inside one
        if bracketed and _depth(clause[:start]):
            continue
        number, unit = match.group("number", "unit")
        found.append((number, "万元" if unit == "万" else unit, start, end))
    return found


_BRACKET = re.compile(f"[{re.escape(_OPEN + _CLOSE)}]")
_SEPARATORS = {separators: re.compile(f"[{re.escape(separators)}]")
               for separators in (_SENTENCE_END, _CLAUSE_SEPARATORS)}
_MARKS = {separators: re.compile(f"[{re.escape(_OPEN + _CLOSE + separators)}]")
          for separators in (_SENTENCE_END, _CLAUSE_SEPARATORS)}


def _thousands_comma(text: str, index: int) -> bool:
    """Whether the character at ``index`` is a comma between digits: a thousands separator, never a
    clause break."""
    return text[index] == "," and 0 < index < len(text) - 1 and text[index - 1].isdigit() and text[index + 1].isdigit()


def _split(text: str, separators: str, keep: bool) -> Iterator[str]:
    if _BRACKET.search(text) is None:  # no bracket (most clauses): every separator stands outside
        yield from _split_at(text, _SEPARATORS[separators], keep)
        return
    depth, start = 0, 0
    for found in _MARKS[separators].finditer(text):  # only brackets and separators change anything
        index, char = found.start(), found.group()
        if char in _OPEN:
            depth += 1
        elif char in _CLOSE and depth:
            depth -= 1
        elif char in separators and depth == 0:
            if _thousands_comma(text, index):
                continue
            yield text[start : index + 1] if keep else text[start:index]
            start = index + 1
    if start < len(text):
        yield text[start:]


def _split_at(text: str, separators: re.Pattern[str], keep: bool) -> Iterator[str]:
    """:func:`_split` of a text without brackets: at each separator, found by its pattern."""
    start = 0
    for found in separators.finditer(text):
        index = found.start()
        if _thousands_comma(text, index):
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
    body = sentence.rstrip(SENTENCE_TAIL)
    return [clause.strip() for clause in _split(body, _CLAUSE_SEPARATORS, keep=False) if clause.strip()]


_EVERY_MARK = re.compile(f"[{re.escape(_OPEN + _CLOSE + _SENTENCE_END + _CLAUSE_SEPARATORS)}]")


def sentences_with_clauses(text: str) -> list[tuple[str, list[str]]]:
    """Each sentence of :func:`split_sentences` with its :func:`split_clauses`, cut in one pass
    over the paragraph: a sentence ends only outside brackets, so the depth the pass keeps at a
    comma is the depth the sentence alone would give.

    >>> sentences_with_clauses("甲 1 万元，占 5%；乙（含 A，B）2 万元。")
    [('甲 1 万元，占 5%；', ['甲 1 万元', '占 5%']), ('乙（含 A，B）2 万元。', ['乙（含 A，B）2 万元'])]
    """
    if _MAY_CUT_IN_BRACKETS.search(text) is None:  # every separator outside brackets (most paragraphs)
        return [(sentence, _clauses_without_brackets(sentence))
                for sentence in _SENTENCE_PIECE.findall(text) if sentence.strip()]
    result: list[tuple[str, list[str]]] = []
    cuts: list[int] = []  # where the commas of the sentence being cut stand
    depth, start, size = 0, 0, len(text)
    for found in _EVERY_MARK.finditer(text):
        index, char = found.start(), found.group()
        if char in _OPEN:
            depth += 1
        elif char in _CLOSE:
            if depth:
                depth -= 1
        elif depth:
            continue
        elif char in _CLAUSE_SEPARATORS:
            if char == "，" or not _thousands_comma(text, index):  # a full-width comma always cuts
                cuts.append(index)
        else:
            _add_sentence(result, text, start, index + 1, cuts)
            start, cuts = index + 1, []
    if start < size:
        _add_sentence(result, text, start, size, cuts)
    return result


# An opening bracket followed, before any closing one, by another opening bracket or a separator.
# Without one, an opening bracket is followed by a closing one or by none of the marks: the depth is 1
# at most, and 0 at every separator (a closing bracket at depth 0 changes nothing), so the brackets
# change no cut.
_MAY_CUT_IN_BRACKETS = re.compile("[{0}][^{0}{1}{2}]*[{0}{2}]".format(
    re.escape(_OPEN), re.escape(_CLOSE), re.escape(_SENTENCE_END + _CLAUSE_SEPARATORS)))
# A sentence of a text whose brackets change no cut: up to its end and that end, or the text's rest
# without one (the pieces the sentence ends cut a text into, one after the other).
_SENTENCE_PIECE = re.compile("[^{0}]*[{0}]|[^{0}]+".format(re.escape(_SENTENCE_END)))
_CLAUSE_SEPARATOR = _SEPARATORS[_CLAUSE_SEPARATORS]


def _clauses_without_brackets(sentence: str) -> list[str]:
    """:func:`split_clauses` of a sentence whose brackets change no cut: where it has no comma between
    digits to keep (no ASCII comma), cut at each full-width comma by ``str.split``."""
    body = sentence.rstrip(SENTENCE_TAIL)
    pieces = body.split("，") if "," not in body else _split_at(body, _CLAUSE_SEPARATOR, keep=False)
    return [stripped for piece in pieces if (stripped := piece.strip())]


def _add_sentence(result: list[tuple[str, list[str]]], text: str, start: int, end: int, cuts: list[int]) -> None:
    sentence = text[start:end]
    if not sentence.strip():
        return
    # The clauses of the sentence without its end (split_clauses): its commas all stand before that end.
    body_end = start + len(sentence.rstrip(SENTENCE_TAIL))
    clauses, clause_start = [], start
    for cut in cuts:
        clauses.append(text[clause_start:cut])
        clause_start = cut + 1
    if clause_start < body_end:
        clauses.append(text[clause_start:body_end])
    result.append((sentence, [stripped for clause in clauses if (stripped := clause.strip())]))


#: How every share and rate ends: its percent sign (``$`` also matches before a last line break).
PERCENT_ENDS = ("%", "%\n")


def share_of(clause: str) -> Decimal | None:
    """The share a clause states (``占 63.88%``), in percent."""
    match = _SHARE.match(clause) if clause.startswith("占") else None
    return Decimal(match["number"].replace(",", "")) if match else None


def _signed(number: str, word: str) -> Decimal:
    value = Decimal(number.replace(",", ""))
    return -value if word in _DOWN and value else value


def rate_of(clause: str) -> Decimal | None:
    """The growth rate a clause states (``增长 11.50%``, ``降幅 9.1 %``,
    ``比2022年预算执行数增加77.70 %``), signed, in percent."""
    if not clause.endswith(PERCENT_ENDS):
        return None
    match = _RATE.match(clause)
    return _signed(match["number"], match["word"]) if match else None


def basis_of(text: str) -> ChangeBasis | None:
    """What the comparison in ``text`` measures against: ``None`` where it names no more than
    last year (``与上年相比``, ``同比``).

    >>> basis_of("比2022年预算执行数增加77.70 %"), basis_of("与上年相比增加 1 万元")
    (<ChangeBasis.EXECUTION: 'execution'>, None)
    """
    match = _COMPARED.search(text) or _SET_AGAINST.search(text)
    if match is None:
        return None
    return next((basis for word, basis in _BASES if word in match.group(0)), None)


def is_flat(clause: str) -> bool:
    """Whether a clause says the figure did not change (``与2024年预算持平``, ``与上年预算数相等``,
    ``本年数等于上年预算数``): a comparison without figures.

    >>> is_flat("比2022年预算执行数持平"), is_flat("持平")
    (True, False)
    """
    return clause[:1] in _FLAT_STARTS and _FLAT.match(clause) is not None


@attrs.frozen(kw_only=True)
class ChangeMatch:
    """The text before an amount that states a change: its subject (maybe empty), sign and basis."""

    subject: str
    sign: int
    basis: ChangeBasis | None


def change_of(before_amount: str) -> ChangeMatch | None:
    """For the text before an amount: its subject, sign and basis when it states a change
    (``公务接待费减少`` → ``公务接待费``, −1; ``与上年相比收、支预算总计各增加`` → ``收、支预算总计``, +1;
    ``本年数小于上年预算数`` → −1), else ``None``.

    >>> change_of("与上年相比收、支预算总计各增加").subject
    '收、支预算总计'
    """
    text = before_amount.rstrip()
    # A change ends with its word (增加, 减少了); a comparison names this year (本年数小于…).
    match = (_CHANGE_TAIL.search(text) if text.removesuffix("了").endswith(_CHANGE_WORD_TUPLE) else None) \
        or (_COMPARATIVE_TAIL.search(text) if "本年" in text else None)
    if match is None:
        return None
    subject = text[: match.start()]
    lead = _LEADING_COMPARISON.match(subject)
    basis = basis_of(match.group(0)) or (basis_of(lead.group(0)) if lead else None)
    if lead is not None:
        subject = subject[lead.end() :]
    subject = _SPREAD.sub("", subject.strip())
    return ChangeMatch(subject=subject, sign=-1 if match["word"] in _DOWN else 1, basis=basis)


def prior_of(before_amount: str, year: int | None) -> ChangeBasis | None:
    """What of last year an amount is, where the text before it only names last year's figure
    (``2022年当年预算执行数为``, ``上年预算数为``), else ``None``; this year's figure is not one.

    >>> prior_of("2022年当年预算执行数为", 2023), prior_of("2023年预算数为", 2023)
    (<ChangeBasis.EXECUTION: 'execution'>, None)
    """
    text = before_amount.strip(" ，,、。")
    # Last year is named first: a year's digits or 上.
    match = _PRIOR.match(text) if text[:1].isdecimal() or text.startswith("上") else None
    if match is None or (match["year"] is not None and year is not None and int(match["year"]) >= year):
        return None
    return next(basis for word, basis in _BASES if word in match["basis"] or word == "预算")


# The first characters, after the spaces and punctuation both strip, of last year's figure (a year's
# digits, 上) and of this year's said again (a year's digits, a space, 本, 今, 预, 安).
_YEAR_WORD_FIRSTS = frozenset("上") | _RESTATED_STARTS


def may_name_a_year(before_amount: str) -> bool:
    """Whether the text before an amount starts as :func:`prior_of` and :func:`restates` need;
    where it does not (most subjects), neither is asked.

    >>> may_name_a_year("2022年当年预算执行数为"), may_name_a_year("一般公共预算")
    (True, False)
    """
    first = before_amount.strip(" ，,、。")[:1]
    return first in _YEAR_WORD_FIRSTS or first.isdecimal() or first.isspace()


def restates(before_amount: str, year: int | None) -> bool:
    """Whether the text before an amount only says "this year's budget" (``2023年预算安排``,
    ``本年预算数为``): the amount repeats the figure of the statement before.

    >>> restates("2023年预算安排", 2023), restates("2022年预算安排", 2023)
    (True, False)
    """
    text = before_amount.strip(" ，,、。")
    first = text[:1]
    match = _RESTATED.match(text) if first in _RESTATED_STARTS or first.isdecimal() or first.isspace() else None
    return match is not None and (match["year"] is None or year is None or int(match["year"]) == year)


def reason_of(clause: str) -> str | None:
    """The text after ``主要原因是`` when the clause gives the reason, else ``None``.

    >>> reason_of("主要原因：医疗保障工作职能不断增加")
    '医疗保障工作职能不断增加'
    """
    match = _REASON.match(clause) if clause.startswith(("主要", "原因")) else None
    return clause[match.end() :].strip() if match else None


def count_of(clause: str) -> tuple[str, int] | None:
    """The subject and count of ``当年财政拨款项目 8 个`` / ``…项目共有 2 项``.

    >>> count_of("当年财政拨款项目 8 个"), count_of("共 5 个项目实行绩效目标管理")
    (('当年财政拨款项目', 8), ('项目实行绩效目标管理', 5))
    """
    # The count first says 共 and names 项目 after it; a count last ends with 个 or 项.
    first = _COUNT_FIRST.match(clause) if "共" in clause and "项目" in clause else None
    if first is not None:
        return first["lead"] + first["subject"].strip(), int(first["count"])
    match = _COUNT.match(clause) if clause.endswith(("个", "项", "个\n", "项\n")) else None
    return (match["subject"].strip(), int(match["count"])) if match else None


def not_arranged(clause: str) -> str | None:
    """The subject of ``政府性基金预算未安排`` (nothing budgeted), else ``None``.

    >>> not_arranged("上级政府性基金安排的转移支付资金未安排")
    '上级政府性基金安排的转移支付资金'
    """
    match = _NOT_ARRANGED.match(clause) if clause.endswith(("未安排", "未安排\n")) else None
    return match["subject"] if match else None


def absent_of(clause: str) -> tuple[str, str] | None:
    """The text before 无 and the subject of ``…无公务用车购置预算安排`` / ``…无机关运行经费`` (nothing
    budgeted), else ``None``; the reader checks that the text before names no other subject.

    >>> absent_of("（1）2018 年无公务用车购置预算安排")
    ('（1）2018 年', '公务用车购置')
    """
    match = _ABSENT.match(clause) if "无" in clause else None
    return (match["lead"], match["subject"]) if match else None


def is_amount_phrase(text: str) -> bool:
    """Whether the text before an amount only says "amount" (``涉及预算金额``), so the amount
    belongs to the subject counted before it.

    >>> is_amount_phrase("涉及预算金额"), is_amount_phrase("政府采购预算")
    (True, False)
    """
    return bool(_AMOUNT_PHRASE.match(text))


def keeps_order(short: str, name: str) -> bool:
    """Whether ``short`` is made of characters of ``name`` in their order: a short form of it.

    >>> keeps_order("省检察院", "江苏省人民检察院"), keeps_order("检察院省", "江苏省人民检察院")
    (True, False)
    """
    rest = iter(name)
    return all(char in rest for char in short)


def strip_marker(text: str) -> str:
    """The text without the list number it starts with (``（一）``, ``1．``, ``二、``).

    >>> strip_marker("（一）公共安全（类）")
    '公共安全（类）'
    """
    first = text[:1]  # every list number starts with a digit, a bracket or a Chinese numeral
    if not (first in _MARKER_FIRSTS or first.isdecimal()):
        return text
    return _MARKER.sub("", text)


_MARKER_FIRSTS = frozenset("（(一二三四五六七八九十")  # besides digits: the first characters of LIST_MARK


def _department_prefix(text: str, department: str) -> int:
    """The length of the department's name, or of a short form of it (``省检察院`` for
    ``江苏省人民检察院``: its characters in order, ending with its last two), at the start of ``text``;
    a name before a colon labels what follows (``医保局：…项目``) and stays."""
    if text.startswith(department):
        return len(department)
    last_two = department[-2:]
    longest = min(len(text), len(department)) - 1
    # The lengths at which the text's start ends with the name's last two characters, longest first:
    # found where those two stand in the text (each length tried as trying every length would).
    end = text.rfind(last_two, 0, longest) + len(last_two) if len(last_two) == 2 else longest
    while end >= _MIN_SHORT_FORM:
        if not text.startswith(("：", ":"), end) and keeps_order(text[:end], department) \
                and text[:end].endswith(last_two):
            return end
        end = text.rfind(last_two, 0, end - 1) + len(last_two) if len(last_two) == 2 else end - 1
    return 0


_DEPARTMENT_WORD = re.compile(r"^(?:[（(]部门[)）])?(?:部门|单位)?")
_OF_OR_AMONG = re.compile(r"^(?:的|其中[：:]?)")


@functools.lru_cache(maxsize=64)  # one pattern per budget year, as re would keep it
def _budget_year(year: int) -> re.Pattern[str]:
    return re.compile(rf"^{year}\s*年度?[，,]?")


# The characters the prefixes below start with besides digits (the years) and the department's own:
# a text starting with none of them has nothing to take off (most subjects), no pattern is run.
_PREFIX_STARTS = frozenset("本我的其一财拨")


def _strip_prefixes(text: str, department: str | None, year: int | None) -> str:
    # Each pattern is run only on a text starting as it must (its first character, the year's digits):
    # a pattern anchored at the start takes nothing from any other.
    year_text = "" if year is None else str(year)  # how the year's pattern starts
    while True:
        text = text.strip()
        first = text[:1]
        if not first or not (first in _PREFIX_STARTS or first.isdecimal() or first == "-"
                             or (department and first in department)):
            return text
        before = text
        # A short form of the name is made of its characters: it starts with one of them.
        if department and first in department and (size := _department_prefix(text, department)):
            text = _DEPARTMENT_WORD.sub("", text[size:])
        if year is not None and text.startswith(year_text):
            text = _budget_year(year).sub("", text)
        if text[:1].isdecimal():
            text = _YEAR_AND_COMMA.sub("", text)
        if text[:1] in _OWN_FIRSTS:
            text = _OWN_WORDS.sub("", text)
        if text[:1] in _OF_OR_AMONG_FIRSTS:
            text = _OF_OR_AMONG.sub("", text)
        if text[:1] in _APPROPRIATED_FIRSTS:
            text = _APPROPRIATED.sub("", text)
        if text == before:
            return text


# The first characters of _OWN_WORDS, _OF_OR_AMONG and _APPROPRIATED.
_OWN_FIRSTS, _OF_OR_AMONG_FIRSTS, _APPROPRIATED_FIRSTS = frozenset("本我"), frozenset("的其"), frozenset("一财拨")


def without_filler_tail(text: str) -> str:
    """The text without a filler at its end (``预算数为``, ``共计``).

    >>> without_filler_tail("机关运行经费预算数为"), without_filler_tail("机关运行经费")
    ('机关运行经费', '机关运行经费')
    """
    # The pattern is tried at every position of the text; most texts end with no filler's last character.
    if text[-1:] not in _FILLER_ENDS and not text.endswith("\n"):
        return text
    return _FILLER_TAIL.sub("", text)


def _filler_only(text: str) -> bool:
    return not without_filler_tail(_ANY_YEAR.sub("", text))


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
    if not text:  # a change named without its subject (比上年增加): nothing to clean
        return text
    text = strip_marker(text.strip(" 、，,;；"))
    colon = max(text.rfind("："), text.rfind(":"))
    if colon >= 0:
        head, tail = text[:colon].strip(), text[colon + 1 :].strip()
        bare_tail = _strip_prefixes(tail, department, year)
        if _filler_only(bare_tail) or _COLON_FILLER.fullmatch(_ANY_YEAR.sub("", bare_tail)):
            text = head
        elif head.endswith(_LEAD_IN) or _filler_only(_strip_prefixes(head, department, year)):
            text = tail
    text = _strip_prefixes(strip_marker(text), department, year)
    return without_filler_tail(text).strip(" 、，,")


def subject_key(subject: str) -> str:
    """A subject as compared when a later sentence states the change of an earlier amount:
    ``收入总计`` and ``收入``, ``“三公”经费预算`` and ``“三公”经费`` are the same subject.

    >>> subject_key("收入总计") == subject_key("收入")
    True
    """
    return _KEY_TAIL.sub("", re.sub(r"\s+", "", subject)) or subject
