"""What the lines of the two-sided summary tables stand for (收支总表的行).

The left side of 收支总体情况表 and 财政拨款收支总体情况表 lists funding sources (收入项目), the
right side the function 类 (支出功能分类) with the 本年/结转/总计 lines below them. A printed name
carries its list numbering (一、 （一） 1. 1、) and, on the right side, often its 类 code; both are
set apart from the name. The role of a line follows from its name; the funding source of a revenue
line from the name and from where the line stands: the sub-items under 上年结转结余 are carryover of
a budget, not the budget itself, and a 其中 line is part of the line above it.

>>> printed = parse_printed("（一）一般公共服务支出")
>>> printed.name, printed.numbered
('一般公共服务支出', True)
>>> parse_printed("201 一般公共服务支出").code
'201'
>>> [(role.value, source and source.value) for role, source in
...  classify_revenue(["一、本年收入", "1. 一般公共预算拨款", "其中：一般财力", "二、上年结转结余",
...                    "1、财政拨款结转", "其中：一般公共预算拨款", "收入总计"])]
... # doctest: +NORMALIZE_WHITESPACE
[('current_year', None), ('source', 'general_budget'), ('source', 'general_own'),
 ('source', 'carryover'), ('source', 'fiscal_carryover'), ('source', None), ('total', None)]
>>> expenditure_role(parse_printed("十、卫生健康")), expenditure_role(parse_printed("二、年终结转结余"))
(<SummaryRole.FUNCTION: 'function'>, <SummaryRole.YEAR_END_CARRYOVER: 'year_end_carryover'>)
"""

from __future__ import annotations

import functools
import re
from collections.abc import Sequence

import attrs

from cnbudget.classification import COVERED_YEARS, FundingVocabulary, catalog, normalise_name
from cnbudget.model import SummaryRole
from cnbudget.numbering import list_number
from cnbudget.text import normalize_width
from cnbudget.vocab import FundingSource

__all__ = [
    "Printed", "classify_revenue", "expenditure_role", "funding_source", "is_known_name", "is_recognised",
    "parse_printed",
]

_DIGIT = "0-9０-９"
_CODE = re.compile(rf"^\s*([{_DIGIT}]{{3}}(?:[{_DIGIT}]{{2}}){{0,2}})(?![{_DIGIT}])\s*(?=\S)")
_PART_OF = re.compile(r"^其中\s*[:：]?\s*")

_REVENUE_ROLES = (
    (SummaryRole.CURRENT_YEAR, re.compile(r"(?:本年|当年)收入(?:合计|小计)?")),
    (SummaryRole.TOTAL, re.compile(r"(?:收入)?(?:总计|合计)")),
)
_EXPENDITURE_ROLES = (
    (SummaryRole.CURRENT_YEAR, re.compile(r"(?:本年|当年)支出(?:合计|小计)?")),
    (SummaryRole.YEAR_END_CARRYOVER, re.compile(r"年[终末]结转和?结余|年终结转|结转下年(?:资金)?")),
    (SummaryRole.TOTAL, re.compile(r"(?:支出)?(?:总计|合计)")),
    # Spending by use (支出用途) beside or instead of the function 类 (Jiangsu).
    (SummaryRole.USE, re.compile(r"基本支出|项目支出|(?:单位)?预留机动经费|事业单位经营支出|对附属单位补助支出"
                                 r"|上缴上级支出")),
)


@attrs.frozen(kw_only=True)
class Printed:
    """A printed name taken apart: list numbering, 类 code, the name, and whether it is a 其中 line.

    >>> parse_printed("2、其中：上级补助收入")
    Printed(name='其中：上级补助收入', numbered=True, top_level=False, code=None, part_of=True)
    """

    name: str
    numbered: bool = False
    top_level: bool = False  # numbered 一、 二、 …: a first-level item of the side
    code: str | None = None
    part_of: bool = False  # printed as 其中：…, a part of the line above
    #: The name as compared with vocabularies: no 其中, half-width, no spaces (kept: every test of
    #: a line's role asks for it, and parse_printed keeps the names of a document's cells).
    key: str = attrs.field(init=False, eq=False, repr=False)

    @key.default
    def _key(self) -> str:
        return normalise_name(_PART_OF.sub("", self.name))


@functools.lru_cache(maxsize=4096)  # a pure function of the text; a two-sided table asks several times per cell
def parse_printed(text: str) -> Printed:
    """Take a printed (cleaned) cell apart."""
    found = list_number(text)
    numbering = found if found is not None and found.style in ("listed", "bracket") else None
    rest = text[numbering.end:] if numbering else text
    code = _CODE.match(rest) if not numbering else None
    if code is not None:
        rest = rest[code.end():]
    return Printed(
        name=rest.strip(),
        numbered=numbering is not None,
        top_level=numbering is not None and numbering.style == "listed" and numbering.chinese,
        code=normalize_width(code.group(1)) if code else None,
        part_of=_PART_OF.match(rest) is not None,
    )


@functools.cache
def _vocabulary() -> FundingVocabulary:
    # The vocabulary of printed funding-source names is the same in every edition.
    return catalog(max(COVERED_YEARS)).funding_sources


def funding_source(name: str) -> FundingSource | None:
    """The funding source a printed name stands for (numbering and 其中 aside), if the vocabulary has it.

    >>> funding_source("1.一般公共预算资金"), funding_source("专项收入")
    (<FundingSource.GENERAL_BUDGET: 'general_budget'>, None)
    """
    return _vocabulary().lookup(parse_printed(name).key)


def _role(key: str, roles: tuple[tuple[SummaryRole, re.Pattern[str]], ...]) -> SummaryRole | None:
    return next((role for role, pattern in roles if pattern.fullmatch(key)), None)


# Pure look-ups, kept by the key alone (the 本年/结转/总计 lines and 类 names recur in every document):
# a cache keyed by the roles too would hash their enum members and patterns at every call.
@functools.lru_cache(maxsize=4096)
def _revenue_role(key: str) -> SummaryRole | None:
    return _role(key, _REVENUE_ROLES)


@functools.lru_cache(maxsize=4096)
def _expenditure_role(key: str) -> SummaryRole | None:
    return _role(key, _EXPENDITURE_ROLES)


@functools.lru_cache(maxsize=4096)  # a pure look-up in one catalogue: the 类 names recur in every document
def _is_function_name(key: str) -> bool:
    found = catalog(max(COVERED_YEARS)).find(key)
    return any(subject.code.level == 1 for subject in found)


def is_recognised(printed: Printed, *, revenue: bool) -> bool:
    """Whether a name is one the side lists: a source, a 类, or a 本年/结转/总计 line.

    >>> is_recognised(parse_printed("上级国有资本经营预算安排转移支付"), revenue=True)
    True
    >>> is_recognised(parse_printed("上级国有资本经营预算安排转移支"), revenue=True)
    False
    """
    if revenue:
        return _revenue_role(printed.key) is not None or _vocabulary().lookup(printed.key) is not None
    return expenditure_role(printed) is not SummaryRole.OTHER


@functools.cache
def _class_names() -> frozenset[str]:
    """Every name a 类 of the function classification has in a year the catalogue covers: its
    official name, its known variants and its former names (normalised)."""
    printed: set[str] = set()
    for year in COVERED_YEARS:
        # The 类 are the catalogue's top level: asked of it, not sought among every subject sorted.
        for subject in catalog(year).children():
            printed.update((subject.name, *subject.variants, *(former.name for former in subject.former_names)))
    # Most names recur in every year: each is normalised once.
    return frozenset(map(normalise_name, printed))


def is_known_name(printed: Printed, *, revenue: bool) -> bool:
    """Whether a name is one the side lists, printed whole: a 本年/结转/总计 line, a funding source
    the vocabulary has, or (on the expenditure side) a 类 name of a catalogue year. Unlike
    :func:`is_recognised`, a 类 name cut short is not one (``国土海洋气象等支``): the reader does not
    know the budget year here, so every year's names count, but no piece of one.

    >>> is_known_name(parse_printed("十七、国土海洋气象等支出"), revenue=False)
    True
    >>> is_known_name(parse_printed("十七、国土海洋气象等支"), revenue=False)
    False
    """
    if revenue:
        return is_recognised(printed, revenue=True)
    return _expenditure_role(printed.key) is not None or printed.key in _class_names()


def expenditure_role(printed: Printed) -> SummaryRole:
    """The role of an expenditure-side line: a 本年/结转/总计 line, a function 类, or other."""
    role = _expenditure_role(printed.key)
    if role is not None:
        return role
    if printed.code is not None or _is_function_name(printed.key):
        return SummaryRole.FUNCTION
    return SummaryRole.OTHER


def _within(source: FundingSource, ancestor: FundingSource) -> bool:
    node: FundingSource | None = source
    while node is not None:
        if node is ancestor:
            return True
        node = node.parent
    return False


def classify_revenue(names: Sequence[str]) -> list[tuple[SummaryRole, FundingSource | None]]:
    """The role and funding source of each revenue-side line, in document order.

    A line the vocabulary names is a source line. Under 上年结转结余 only its own parts (财政拨款结转,
    非财政拨款结转结余) are sources the vocabulary has; the budgets listed below them are carryover of
    that budget and keep no source. A 其中 line must be a part of the line it belongs to
    (``其中：财政拨款`` under 一般公共预算 is not 财政拨款 as a whole), else it keeps no source.
    """
    result: list[tuple[SummaryRole, FundingSource | None]] = []
    in_carryover = False
    enclosing: FundingSource | None = None
    for name in names:
        printed = parse_printed(name)
        role = _revenue_role(printed.key)
        if role is not None:
            in_carryover, enclosing = False, None
            result.append((role, None))
            continue
        source = _vocabulary().lookup(printed.key)
        if printed.top_level and source is not FundingSource.CARRYOVER:
            in_carryover = False
        in_carryover = in_carryover or source is FundingSource.CARRYOVER
        known_place = in_carryover or printed.part_of
        if source is not None and in_carryover and not _within(source, FundingSource.CARRYOVER):
            source = None
        if source is not None and printed.part_of and enclosing is not None and not _within(source, enclosing):
            source = None
        result.append((SummaryRole.SOURCE if source is not None or known_place else SummaryRole.OTHER, source))
        if not printed.part_of:
            enclosing = source
    return result
