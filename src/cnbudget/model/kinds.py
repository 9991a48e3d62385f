"""The kinds of table a disclosure prints (表格种类), described once, as data.

Every province prints the same content under its own titles: 收支总体情况表 (the 11-table
template), 部门财务收支预算总表 (Shanghai), 收支预算总表 (Jiangsu) are all the ``summary``. A
:class:`TableKind` holds what is fixed about one kind: its stable key, its standard title, the
title of every template family (regular expressions over the title's *core*, see :func:`title_core`),
the words that tell it from the others in a loosely worded table of contents, and its model class.
How its columns add up is in :mod:`cnbudget.model.sums`; how its columns are printed, template by
template, in :mod:`cnbudget.model.columns`. Adding a template family is adding data here and there.

>>> title_key("2025年部门财务收支预算总表")
'summary'
>>> title_key("公开05表 财政拨款支出预算表（功能科目）")
'fiscal_expenditure'
>>> title_key("2024 年一般公共预算“三公”经费支出情况表"), title_key("一般公共预算“三公”经费、会议费、培训费支出预算表")
('three_public', 'three_public')
>>> title_key("一般公共预算财政拨款支出决算表") is None  # final accounts are another kind of document
True
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from functools import lru_cache

import attrs

from cnbudget.model.tables import TABLE_TITLES
from cnbudget.numbering import split_number
from cnbudget.text import normalize_width

__all__ = [
    "FORM_KEYS",
    "KINDS",
    "TABLE_KINDS",
    "TITLE_WORD",
    "TableKind",
    "kind_named",
    "loose_key",
    "printed_title",
    "title_core",
    "title_key",
]


@attrs.frozen(kw_only=True)
class TableKind:
    """One kind of table (or performance form): key, standard title, title variants, key words."""

    key: str
    title: str  # the standard Chinese title
    titles: tuple[str, ...]  # the cores of its titles in every template family (regular expressions)
    keywords: str  # what tells it from the others in a loosely worded 目录 entry (a regular expression)
    form: bool = False  # a performance-target form rather than a standard table
    # The titles as one pattern, compiled once: a core matches it where it matches one of them.
    _pattern: re.Pattern[str] = attrs.field(init=False, eq=False, repr=False)

    @_pattern.default
    def _compile(self) -> re.Pattern[str]:
        return re.compile("|".join(f"(?:{pattern})" for pattern in self.titles))

    def names(self, core: str) -> bool:
        """Whether a title core is one of this kind's titles."""
        return self._pattern.fullmatch(core) is not None


# Optional words every family may put inside a title; written once so the patterns stay readable.
_BUDGETED = r"(?:预算)?"
_SITUATION = r"(?:情况)?"
_BY_FUNCTION = r"(?:\((?:功能科目|按功能分类|功能分类)\))?"
_BY_ECONOMIC = r"(?:\((?:经济科目|按经济分类|经济分类)\))?"


def _kind(key: str, *titles: str, keywords: str, form: bool = False, title: str | None = None) -> TableKind:
    return TableKind(key=key, title=title or TABLE_TITLES[key], titles=titles, keywords=keywords, form=form)


#: Every kind, most specific title first (the first kind whose title matches wins).
TABLE_KINDS: tuple[TableKind, ...] = (
    _kind("fiscal_summary", rf"财政拨款收支{_BUDGETED}(?:总体情况表|总表)", keywords=r"财政拨款收(?:入)?支"),
    _kind("fiscal_basic", rf"财政拨款基本支出{_BUDGETED}{_SITUATION}表{_BY_ECONOMIC}",
          keywords=r"财政拨款基本支出"),
    _kind("fiscal_expenditure", rf"财政拨款支出{_BUDGETED}{_SITUATION}表{_BY_FUNCTION}",
          keywords=r"^财政拨款支出"),
    _kind("operating_costs", rf"(?:一般公共预算)?机关运行经费支出{_BUDGETED}{_SITUATION}表",
          keywords=r"机关运行经费支出"),
    _kind("three_public",
          rf"(?:一般公共预算)?(?:财政拨款|拨款)?\"?三公\"?经费(?:,会议费,培训费)?(?:和机关运行经费)?(?:支出)?{_BUDGETED}{_SITUATION}表",
          keywords=r"三公"),
    _kind("general_budget_basic",
          rf"一般公共预算(?:财政拨款)?基本支出(?:部门预算经济分类)?{_BUDGETED}{_SITUATION}表{_BY_ECONOMIC}",
          keywords=r"一般公共预算.*基本支出"),
    _kind("general_budget_projects", rf"一般公共预算(?:财政拨款)?项目支出{_BUDGETED}{_SITUATION}表",
          keywords=r"一般公共预算.*项目支出"),
    _kind("general_budget",
          rf"一般公共预算(?:财政拨款)?支出(?:功能分类)?{_BUDGETED}{_SITUATION}表{_BY_FUNCTION}",
          keywords=r"一般公共预算.*支出"),
    _kind("gov_fund",
          rf"(?:财政拨款)?政府性基金(?:预算)?(?:财政拨款)?支出(?:功能分类)?{_BUDGETED}{_SITUATION}表{_BY_FUNCTION}",
          keywords=r"政府性基金.*支出"),
    _kind("soe_capital",
          rf"(?:财政拨款)?国有资本经营(?:预算)?(?:财政拨款)?支出(?:功能分类)?{_BUDGETED}{_SITUATION}表{_BY_FUNCTION}",
          keywords=r"国有资本经营.*支出"),
    _kind("carryover", r"上年结转结余(?:情况)?明细表|上年结转结余情况表", keywords=r"上年结转结余"),
    _kind("economic_summary", r"支出经济分类汇总表", keywords=r"经济分类汇总"),
    _kind("procurement", rf"政府采购(?:支出)?{_BUDGETED}{_SITUATION}(?:明细)?表", keywords=r"政府采购"),
    _kind("department_target", r"(?:部门\(单位\)|部门|单位)?整体(?:支出)?绩效目标(?:申报)?表",
          keywords=r"整体(?:支出)?绩效目标", form=True, title="部门整体绩效目标表"),
    _kind("project_targets_summary", r"(?:部门)?(?:预算)?项目绩效目标汇总表", keywords=r"项目绩效目标汇总",
          form=True, title="项目绩效目标汇总表"),
    _kind("project_target", r"(?:\S*?)项目支出绩效目标(?:申报|填报)?表", keywords=r"项目(?:支出)?绩效目标", form=True,
          title="项目支出绩效目标表"),
    _kind("projects", rf"项目支出{_BUDGETED}表", keywords=r"项目支出(?:预算)?(?:情况)?表$"),
    _kind("summary", rf"(?:财务)?收支{_BUDGETED}(?:总体情况表|总表)", r"预算收支总表",
          keywords=r"收(?:入)?支(?:出)?(?:预算)?总"),
    _kind("revenue", rf"收入{_BUDGETED}(?:总体情况表|总表)", r"收入预算表",
          keywords=r"收入(?:预算)?(?:总|表$|情况表$)"),
    _kind("expenditure", rf"支出{_BUDGETED}(?:总体情况表|总表)", r"支出预算表",
          keywords=r"支出(?:预算)?(?:总|表$|情况表$)"),
)

#: The kinds by key.
KINDS: Mapping[str, TableKind] = {kind.key: kind for kind in TABLE_KINDS}


def _any_kind(kinds: tuple[TableKind, ...]) -> re.Pattern[str]:
    """Every kind's titles as one pattern, a group named by each kind's key, in the kinds' order: the
    alternatives are tried in order, so the group that matches a core is the first kind whose titles
    match it (what asking each kind in turn finds, in one call rather than one per kind)."""
    for kind in kinds:
        if any(re.compile(title).groups for title in kind.titles):  # the group that matched must be a kind's
            raise ValueError(f"the titles of {kind.key} hold a capturing group")
    return re.compile("|".join(f"(?P<{kind.key}>{'|'.join(f'(?:{title})' for title in kind.titles)})"
                               for kind in kinds))


_ANY_KIND = _any_kind(TABLE_KINDS)


def kind_named(core: str) -> str | None:
    """The key of the first kind (in :data:`TABLE_KINDS`' order) one of whose titles ``core`` is, or
    ``None``: ``next((kind.key for kind in TABLE_KINDS if kind.names(core)), None)``.

    >>> kind_named("收支预算总表"), kind_named("本表为空表")
    ('summary', None)
    """
    found = _ANY_KIND.fullmatch(core)
    return None if found is None else found.lastgroup


#: Keys of the performance-target forms, beside the stable table keys.
FORM_KEYS: tuple[str, ...] = tuple(kind.key for kind in TABLE_KINDS if kind.form)

# What may stand before the kind's own words: a year, a department's or unit's name, 部门/单位.
_ORGANISATION_ENDS = "局委院办厅心部会馆所站队处室社校"
_MAX_NAME = 30
_ORGANISATION = rf"[^\s\"]{{0,{_MAX_NAME}}}?(?:中心|[{_ORGANISATION_ENDS}])"
_PREFIX = re.compile(
    rf"^(?:20\d\d年度?)?(?:{_ORGANISATION}(?=20\d\d年|部门|单位))?(?:20\d\d年度?)?"
    r"(?:(?:区级|市级|县级|省级)?(?:部门\(单位\)|预算单位|部门|单位))?"
)
_SUFFIX = re.compile(r"(?:\(20\d\d年度?\)|\((?:空表|续表?|(?:公开|预算)\d{1,3}表)\))?(?:表\d+)?$")
# Heading words printed on the title's own line in some extractions (收支预算总表部门：某厅 单位：万元).
_META = re.compile(r"(?:编制部门|编制单位|部门名称|单位名称|预算单位|部门|单位|金额单位)[:：]")
_MAX_TITLE = 60


_SPACES = re.compile(r"\s+")


def _squeezed(text: str) -> str:
    return _SPACES.sub("", normalize_width(text)).replace("'", '"')


def printed_title(text: str) -> str:
    """A title line without the headings an extraction ran onto it (部门：…, 单位：…).

    >>> printed_title("收支预算总表部门：中共江苏省委办公厅 单位：万元"), printed_title("2024 年部门收支总体情况表")
    ('收支预算总表', '2024 年部门收支总体情况表')
    """
    found = _META.search(text)
    if found is None or found.start() == 0:
        return text.strip()
    return text[: found.start()].strip().rstrip("(（").strip()


@lru_cache(maxsize=1 << 14)  # a pure function of the line: every pass over a document asks again
def title_core(text: str) -> str:
    """The words of a title that name its kind: without the table number (公开05表, 表1, （五）, 五、),
    the year, the department, 部门/单位, a heading run onto the same line, or a trailing (2024年度).

    >>> title_core("表 1 2024年乌鲁木齐市医疗保障局部门收支总体情况表")
    '收支总体情况表'
    >>> title_core("收支预算总表部门：中共江苏省委办公厅 单位：万元")
    '收支预算总表'
    """
    _, rest = split_number(normalize_width(text))  # before squeezing: 附表1 2024年 is not 附表12024年
    rest = _squeezed(rest)
    meta = _META.search(rest)
    if meta is not None and meta.start() > 0:
        rest = rest[: meta.start()].rstrip("(")  # 部门收支总表(单位:万元)
    rest = _PREFIX.sub("", rest, count=1)
    # Every suffix ends in ")" or a digit (re's \d: str.isdecimal); a core ending otherwise (most) has none.
    return _SUFFIX.sub("", rest, count=1) if rest.endswith(")") or rest[-1:].isdecimal() else rest


#: What every table title holds (each pattern of TABLE_KINDS writes it, and folding the width makes
#: it of no other character): a line without it titles no table.
TITLE_WORD = "表"


def title_key(text: str) -> str | None:
    """The kind a line titles (its key), or ``None`` when the line is not a table title.

    A sentence that mentions a table (``…支出情况表为空表。``) is not a title: the whole core must be
    one of the kind's titles.

    >>> title_key("2023年部门一般公共预算基本支出部门预算经济分类预算表"), title_key("本表为空表。") is None
    ('general_budget_basic', True)
    """
    # Most lines of a document hold no 表, and most of them are met once in a run (its paragraphs,
    # its rows): they are told at once, and not kept.
    return _title_key(text) if TITLE_WORD in text else None


@lru_cache(maxsize=1 << 14)  # as title_core
def _title_key(text: str) -> str | None:
    squeezed = _squeezed(text)
    if not squeezed or len(squeezed) > _MAX_TITLE + 40 or squeezed.endswith(("。", ".", ";")):
        return None
    core = title_core(text)
    if not core or len(core) > _MAX_TITLE:
        return None
    # A department's name before the kind's words (…人民检察院财政拨款支出预算表): tried only where
    # the rest is a whole title, so no title's own words are taken for a name.
    cores = [core, *(core[i + 1:] for i, char in enumerate(core[:_MAX_NAME]) if char in _ORGANISATION_ENDS)]
    return next((key for candidate in cores if (key := kind_named(candidate)) is not None), None)


_TRAILING_NOTE = re.compile(r"\([^)]*\)$")  # a trailing (2024年) or (空表) or (功能科目)
# Each kind's distinguishing words compiled once (re.search of the text looks its pattern up each time).
_KEYWORDS = tuple((kind.key, re.compile(kind.keywords)) for kind in TABLE_KINDS)


def loose_key(entry: str) -> str | None:
    """The kind a 目录 entry names by its distinguishing words, whatever the province's wording;
    ``None`` for an entry that does not name a table (说明, 概况, a part heading).

    >>> loose_key("五、一般公共预算支出表"), loose_key("(八)一般公共预算“三公”经费支出预算表")
    ('general_budget', 'three_public')
    >>> loose_key("八、关于2024年政府性基金预算拨款情况说明") is None, loose_key("第二部分部门预算公开表") is None
    (True, True)
    """
    # The words are the entry's own characters, width-folded, some left out: only 表 folds to 表, so
    # an entry without it (a part heading, 说明, 概况: half a 目录) ends in no 表 and names no table.
    if "表" not in entry:
        return None
    words = _squeezed(split_number(entry)[1])
    words = _TRAILING_NOTE.sub("", words)
    if not words.endswith("表"):
        return None
    return next((key for key, keywords in _KEYWORDS if keywords.search(words)), None)
