"""The narrative as the rules read it (说明文字的结构): what part of the 情况说明 a statement is in,
the statements under one heading, and how findings name and place a statement.

A heading says what its statements are about: ``二、关于某局2024年收入预算情况说明`` is about the
revenue budget, ``（三）一般公共预算当年拨款具体使用情况`` about this year's 一般公共预算. The topic
decides which table a stated figure can be held against; a heading that says nothing known gives
:attr:`Topic.OTHER`, and the rules then place a statement only by its own words.

>>> topic_of("二、关于某局2024年收入预算情况说明", department="某局")
<Topic.INCOME: 'income'>
>>> topic_of("十、关于财政局2024年财政拨款“三公”经费预算情况说明", department="财政局")
<Topic.THREE_PUBLIC: 'three_public'>
>>> plain(" 一般公共预算 拨款（合计）")
'一般公共预算拨款(合计)'
"""

from __future__ import annotations

import decimal
import enum
import re
from collections.abc import Iterator, Sequence
from decimal import Decimal

import attrs

from cnbudget.model import BudgetDisclosure, Statement
from cnbudget.text import normalize_width, squeeze_spaces
from cnbudget.validation.context import Context
from cnbudget.validation.findings import Location, checked_location
from cnbudget.validation.rules.cross_table_figures import Figure

__all__ = ["Placed", "Topic", "as_printed", "is_past", "place", "placed", "placed_in", "plain", "plain_prose", "runs",
           "stated", "topic_of", "where"]


class Topic(enum.Enum):
    """What the statements under a heading are about (说明章节的内容)."""

    OVERALL = "overall"  # 收支预算总体情况
    INCOME = "income"  # 收入预算
    EXPENDITURE = "expenditure"  # 支出预算
    FISCAL = "fiscal"  # 财政拨款收支
    GENERAL = "general"  # 一般公共预算（当年拨款、支出）
    GENERAL_BASIC = "general_basic"  # 一般公共预算基本支出
    GENERAL_PROJECTS = "general_projects"  # 一般公共预算项目支出
    OTHER_BUDGETS = "other_budgets"  # 政府性基金预算、国有资本经营预算
    THREE_PUBLIC = "three_public"  # “三公”经费
    CARRYOVER = "carryover"  # 上年结转结余
    PERFORMANCE = "performance"  # 预算绩效
    OTHER = "other"


def plain(text: str | None) -> str:
    """Text as compared: half-width, without white space (PDF extraction scatters spaces)."""
    return squeeze_spaces(normalize_width(text or ""))


def plain_prose(ctx: Context) -> tuple[str, ...]:
    """Each passage of the document's prose as compared (:func:`plain`), in order: written out once
    per run for every rule that searches the prose."""
    return ctx.cache.get("plain prose", lambda: tuple(plain(passage.text) for passage in ctx.doc.prose))


def topic_of(section: str | None, *, department: str | None = None) -> Topic:
    """The topic of a heading; the department's own name (``某某财政局``) is left out first.

    >>> topic_of("（二）一般公共预算当年拨款结构情况"), topic_of("四、财政拨款收入支出预算总体情况说明")
    (<Topic.GENERAL: 'general'>, <Topic.FISCAL: 'fiscal'>)
    >>> topic_of("一、收入支出预算总体情况说明"), topic_of("2025年部门预算编制说明"), topic_of(None)
    (<Topic.OVERALL: 'overall'>, <Topic.OVERALL: 'overall'>, <Topic.OTHER: 'other'>)
    """
    title = plain(section)
    if department:
        title = title.replace(plain(department), "")
    for words, topic in _TOPIC_WORDS:
        if all(word in title for word in words):
            return topic
    if "收支" in title or ("收入" in title and "支出" in title):
        return Topic.OVERALL
    if "收入" in title:
        return Topic.INCOME
    return Topic.EXPENDITURE if "支出" in title else Topic.OTHER


# First match wins: a heading on the "三公" of the 财政拨款 is about the "三公".
_TOPIC_WORDS: tuple[tuple[tuple[str, ...], Topic], ...] = (
    (("三公",), Topic.THREE_PUBLIC),
    (("绩效",), Topic.PERFORMANCE),
    (("结转",), Topic.CARRYOVER),
    (("一般公共预算", "项目支出"), Topic.GENERAL_PROJECTS),
    (("一般公共预算", "基本支出"), Topic.GENERAL_BASIC),
    (("一般公共预算",), Topic.GENERAL),
    (("政府性基金",), Topic.OTHER_BUDGETS),
    (("国有资本经营",), Topic.OTHER_BUDGETS),
    (("财政拨款",), Topic.FISCAL),
    (("预算编制说明",), Topic.OVERALL),  # Shanghai: 部门预算编制说明 states revenue, spending and its 类款项
)


# A figure of another year: 决算/执行数, last year's (but 上年结转 is this year's money), a year named.
_PAST = re.compile(r"决算|执行数|执行情况|实际|(?:上|去)年(?!结转|结余)|上一年度?")
_YEAR = re.compile(r"(20\d{2})\s*年")


def is_past(statement: Statement, year: int) -> bool:
    """Whether a statement's subject names a figure of another year than the budget's.

    >>> is_past(Statement(subject="2023年“三公”经费决算"), 2024), is_past(Statement(subject="上年结转结余"), 2024)
    (True, False)
    """
    return _names_past(plain(statement.subject), year)


def _names_past(subject: str, year: int) -> bool:
    """:func:`is_past` of a subject as compared (:func:`plain`)."""
    return bool(_PAST.search(subject)) or any(int(found) != year for found in _YEAR.findall(subject))


# Its hash kept: a statement's figures are found once per run by the placed statement as key
# (narrative_tables.table_figures), asked by several rules, and hashing it hashes every field of
# the statement.
@attrs.frozen(kw_only=True, cache_hash=True)
class Placed:
    """A statement with its position: index in the document, topic, the run of statements under the
    same heading (``run``) it belongs to, and whether it states another year's figure (``past``)."""

    index: int
    statement: Statement
    topic: Topic
    run: int
    past: bool = False
    #: The subject as compared (:func:`plain`): worked out once, as rules ask for it again and again.
    subject: str = attrs.field(init=False, eq=False, repr=False,
                               default=attrs.Factory(lambda self: plain(self.statement.subject), takes_self=True))


def placed_in(ctx: Context) -> list[Placed]:
    """:func:`placed` of the run's document, derived once per run for every rule that asks."""
    return list(ctx.cache.get("placed statements", lambda: tuple(placed(ctx.doc))))


def placed(doc: BudgetDisclosure) -> list[Placed]:
    """Every statement of the narrative, in document order, with its topic and run.

    >>> doc = BudgetDisclosure(department="某局", fiscal_year=2024, statements=[
    ...     Statement(section="二、收入预算情况说明", subject="收入预算", amount="3.00"),
    ...     Statement(section="二、收入预算情况说明", subject="一般公共预算", amount="2.00"),
    ...     Statement(section="三、支出预算情况说明", subject="支出预算", amount="3.00")])
    >>> [(p.topic.value, p.run) for p in placed(doc)]
    [('income', 0), ('income', 0), ('expenditure', 1)]
    """
    result: list[Placed] = []
    run = -1
    topic = Topic.OTHER
    for index, statement in enumerate(doc.statements):
        if index == 0 or statement.section != doc.statements[index - 1].section:
            run += 1
            topic = topic_of(statement.section, department=doc.department)  # one heading, one topic
        item = Placed(index=index, statement=statement, run=run, topic=topic)
        # Told from the subject as the placed statement compares it (most are this year's figures).
        result.append(attrs.evolve(item, past=True) if _names_past(item.subject, doc.fiscal_year) else item)
    return result


def runs(items: Sequence[Placed]) -> Iterator[list[Placed]]:
    """The statements grouped by run (under one heading), in order."""
    group: list[Placed] = []
    for item in items:
        if group and item.run != group[0].run:
            yield group
            group = []
        group.append(item)
    if group:
        yield group


_FIGURES = ("amount", "change_amount", "stated_prior")
_DROPPED = 2  # the most decimal places a text drops (5533 for 5,533.00)


def _exponent(value: Decimal) -> int:
    exponent = value.as_tuple().exponent
    return exponent if isinstance(exponent, int) else 0


def _filled(value: Decimal | None, finest: int) -> Decimal | None:
    if value is None or value.is_zero() or _exponent(value) <= finest:
        return value
    target = max(finest, _exponent(value) - _DROPPED)
    digits = len(value.as_tuple().digits) + _exponent(value) - target  # the zeros put back need room
    return value.quantize(Decimal(1).scaleb(target), context=decimal.Context(prec=digits + 1))


def _refilled(statement: Statement, finest: int) -> Statement:
    """The statement with its figures filled to ``finest``; the same statement where none needs it
    (most do not: building a statement again costs more than the check)."""
    amount = _filled(statement.amount, finest)
    change = _filled(statement.change_amount, finest)
    prior = _filled(statement.stated_prior, finest)
    if amount is statement.amount and change is statement.change_amount and prior is statement.stated_prior:
        return statement
    return attrs.evolve(statement, amount=amount, change_amount=change, stated_prior=prior)


def as_printed(items: Sequence[Placed]) -> list[Placed]:
    """The statements with the trailing zeros their text dropped put back. Texts print 5533 and 140.2
    beside 12323.48 for 5,533.00 and 140.20: a figure printed with fewer decimals than the finest
    figure under the same heading (at most two fewer) stands for that precision, not for a value
    rounded to its last printed digit. Used where a figure's precision decides a verdict (rates,
    shares); a figure held against a table is compared as printed.

    >>> items = placed(BudgetDisclosure(department="某局", fiscal_year=2019, statements=[
    ...     Statement(section="三", subject="基本支出", amount="12323.48"),
    ...     Statement(section="三", subject="项目支出", amount="5533", change_amount="-20")]))
    >>> [str(item.statement.amount) for item in as_printed(items)], str(as_printed(items)[1].statement.change_amount)
    (['12323.48', '5533.00'], '-20.00')
    """
    result: list[Placed] = []
    for run in runs(items):
        figures = [value for item in run for name in _FIGURES
                   if (value := getattr(item.statement, name)) is not None and not value.is_zero()]
        # Every figure printed to the same places (most runs): none to fill. Told by comparing the
        # figures' exponents (finite amounts, through the amount gate) without working them out.
        if not figures or all(map(figures[0].same_quantum, figures)):
            result.extend(run)
            continue
        finest = min(map(_exponent, figures))
        for item in run:
            statement = _refilled(item.statement, finest)
            result.append(item if statement is item.statement else attrs.evolve(item, statement=statement))
    return result


def where(statement: Statement) -> str:
    """How a message names a statement: its heading and subject.

    >>> where(Statement(section="三、支出预算情况说明", subject="基本支出"))
    '说明“三、支出预算情况说明”中“基本支出”'
    """
    section = f"“{statement.section}”中" if statement.section else "中"
    return f"说明{section}“{statement.subject}”"


def place(statement: Statement, column: str) -> Location:
    """Where a statement's figure is: the narrative (``statements``), its code, which figure."""
    return checked_location("statements", code=str(statement.code) if statement.code else None, column=column,
                            line_number=statement.line_number, page=statement.page)


def stated(statement: Statement, value: Decimal, column: str = "amount", label: str = "说明金额") -> Figure:
    """A figure the text states, to hold against a table's figure."""
    return Figure(label=label, parts=(value,), location=place(statement, column))
