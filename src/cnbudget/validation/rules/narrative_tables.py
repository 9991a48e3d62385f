"""Which table figure a stated amount names (说明金额对应的表格数字).

A statement is placed only where what it names is certain: by its classification code (or the name
of a 类) in a part of the narrative about expenditure, by the words the standard tables use for a
total, a funding source, 基本支出/项目支出, 人员经费/公用经费, a "三公" item or the carryover, or by a
project's name in the part about projects. Where the text may mean either of two tables (a 类 of
this year's 一般公共预算 with or without the funds carried over), every such figure is a candidate,
the preferred first; a statement the rules cannot place has none.

Tables are read as :mod:`~cnbudget.validation.rules.cross_table_views` and
:mod:`~cnbudget.validation.rules.cross_table_sources` read them for the cross-table rules.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator, Sequence
from decimal import Decimal
from typing import Any

import attrs

from cnbudget.classification import COVERED_YEARS, Catalog, catalog
from cnbudget.classification.catalog import per_catalogue
from cnbudget.codes import ClassificationCode, FunctionCode
from cnbudget.model import SummaryRole, Tables, ThreePublicTable
from cnbudget.model.fields import zh_label
from cnbudget.validation.context import Context
from cnbudget.validation.findings import Location, checked_location
from cnbudget.validation.rules.cross_table_figures import Figure
from cnbudget.validation.rules.cross_table_sources import (
    SOURCE_COLUMNS,
    by_category,
    revenue_view,
    role_figure,
    source_figure,
)
from cnbudget.validation.rules.cross_table_views import Column, View, table_view
from cnbudget.validation.rules.narrative_statements import Placed, Topic, plain
from cnbudget.vocab import FundingSource

__all__ = [
    "budget_totals",
    "figures_of",
    "funding_source",
    "general_totals",
    "is_budget_total",
    "project_spending",
    "split_name",
    "table_figures",
    "three_public_item",
]

Finder = Callable[[Context, Placed], list[Figure]]

_TOTAL = Column.of("total", "合计")
_SPENDING = (Topic.OVERALL, Topic.EXPENDITURE, Topic.FISCAL, Topic.GENERAL, Topic.GENERAL_BASIC,
             Topic.GENERAL_PROJECTS)
_GENERAL = (Topic.GENERAL, Topic.GENERAL_BASIC, Topic.GENERAL_PROJECTS, Topic.FISCAL)
_WHOLE_BUDGET = (Topic.OVERALL, Topic.INCOME, Topic.EXPENDITURE)
# Where the text lists spending by bare 类 names (科学技术支出 17.03 万元); under 基本支出 a name such
# as 其他支出 is an economic 类.
_CATEGORY_LISTS = (Topic.OVERALL, Topic.EXPENDITURE, Topic.FISCAL, Topic.GENERAL)

_DOCUMENT_TOTAL = re.compile(r"(?:部门|单位)?(?:收支总预算|收支预算总额|收支预算|收入,支出预算|收支总计|收入总计"
                             r"|支出总计|收入合计|支出合计|收入总预算|支出总预算|收入预算|支出预算)(?:总额|总计|合计)?")
_FISCAL_TOTAL = re.compile(r"财政拨款(?:收支|收入|支出)?(?:总预算|预算|总计|合计|总额)?")
_GENERAL_TOTAL = re.compile(r"一般公共预算(?:当年)?(?:财政)?(?:拨款)?(?:收支预算|支出预算|收支|支出)?(?:年初预算)?"
                            r"(?:合计|总计|总额)?")
# Documents of one template repeat its slips: "上半年结转结余" stands for 上年结转结余.
_CARRYOVER_TOTAL = re.compile(r"(?:上半?年)?结转(?:结余)?(?:资金|预算)?")


def _tables(ctx: Context) -> Tables:
    return ctx.doc.tables


def _present(ctx: Context, *keys: str) -> list[str]:
    return [key for key in keys if getattr(_tables(ctx), key) is not None]


def _catalogue(ctx: Context) -> Catalog:
    # Names of 类 and funding sources barely change between editions; the latest reads any year.
    return ctx.catalog if ctx.catalog is not None else catalog(max(COVERED_YEARS))


# --- by classification code -------------------------------------------------------------------------


def _category_named(ctx: Context, subject: str) -> FunctionCode | None:
    """The 类 a bare name (``科学技术支出``) stands for, when it stands for exactly one."""
    return _only_category(_catalogue(ctx), subject)


@per_catalogue
def _only_category(found: Catalog, subject: str) -> FunctionCode | None:
    """:func:`_category_named` in ``found`` (kept with the catalogue: texts name the same few 类)."""
    codes = {named.code for named in found.find(subject) if named.code.level == 1}
    only = codes.pop() if len(codes) == 1 else None
    return only if isinstance(only, FunctionCode) else None


def _economic(item: Placed) -> bool:
    # "其他支出", "资本性支出" … also name economic 类: a bare name in text on the economic
    # classification is not a function 类.
    return "经济分类" in plain(item.statement.section) + plain(item.statement.text)


def _code_views(ctx: Context, topic: Topic) -> tuple[View, ...]:
    # The same views serve every statement of the run (views are never changed once built).
    whole = topic in _WHOLE_BUDGET
    return ctx.cache.get(("narrative code views", whole), lambda: _built_code_views(ctx, whole))


def _built_code_views(ctx: Context, whole: bool) -> tuple[View, ...]:
    order = ("expenditure", "general_budget") if whole else ("general_budget", "expenditure")
    views: list[View] = [table_view(ctx, key, _TOTAL) for key in _present(ctx, *order)]
    summary = _tables(ctx).summary
    if summary is not None and whole:  # its 类 lines count every source of money
        views.append(by_category(ctx, "summary", summary.expenditure, _TOTAL, lambda line: line.amount))
    fiscal = _tables(ctx).fiscal_summary
    if fiscal is not None:
        views.append(by_category(ctx, "fiscal_summary", fiscal.expenditure, _TOTAL, lambda line: line.amounts.total))
    return tuple(views)


def _code_amount(view: View, code: ClassificationCode) -> Figure | None:
    """The view's figure for ``code``; zero where the view prints codes that deep but not this one."""
    found = view.amount(code)
    if found is not None:
        return found
    levels = view.levels()
    return view.absent(code) if view.complete and levels and code.level <= max(levels) else None


def _by_code(ctx: Context, item: Placed) -> list[Figure]:
    code = item.statement.code
    if code is None and item.topic in _CATEGORY_LISTS and not _economic(item):  # the text read only then
        code = _category_named(ctx, item.subject)
    if code is None:
        return []
    return [found for view in _code_views(ctx, item.topic) if (found := _code_amount(view, code)) is not None]


# --- totals and funding sources --------------------------------------------------------------------


def _lines(ctx: Context, key: str, side: str) -> Sequence[Any]:
    table = getattr(_tables(ctx), key)
    return getattr(table, side) if table is not None else ()


def budget_totals(ctx: Context, *roles: SummaryRole) -> list[Figure]:
    """The document's budget total as its tables print it: 收入总计 and 支出总计 of 收支总体情况表 (and
    its lines of the other ``roles``, such as 本年收入), the totals of 收入总体情况表 and 支出总体情况表.
    Found once per run (a copy for each asker): every statement of the budget's total asks."""
    return list(ctx.cache.get(("budget totals", roles), lambda: tuple(_budget_totals(ctx, roles))))


def _budget_totals(ctx: Context, roles: tuple[SummaryRole, ...]) -> list[Figure]:
    title = ctx.table_name("summary")
    figures = [found for role in (SummaryRole.TOTAL, *roles) for side in ("revenue", "expenditure")
               for found in role_figure(title, "summary", _lines(ctx, "summary", side), role)]
    totals = (view.total() for view in _total_views(ctx))
    return figures + [found for found in totals if found is not None]


def _total_views(ctx: Context) -> list[View]:
    views: list[View] = [revenue_view(ctx, _TOTAL)] if _present(ctx, "revenue") else []
    return [*views, table_view(ctx, "expenditure", _TOTAL)] if _present(ctx, "expenditure") else views


def is_budget_total(item: Placed) -> bool:
    """Whether a statement states the whole budget (收支总预算, 收入总计, 支出预算 …)."""
    return item.topic in _WHOLE_BUDGET and bool(_DOCUMENT_TOTAL.fullmatch(item.subject))


def _document_total(ctx: Context, item: Placed) -> list[Figure]:
    # 收入预算 may be meant without the funds carried over (本年收入).
    return budget_totals(ctx, SummaryRole.CURRENT_YEAR) if is_budget_total(item) else []


def _fiscal_amount(column: str) -> Callable[[Any], Decimal | None]:
    def amount(line: Any) -> Decimal | None:
        value = getattr(line.amounts, column) if hasattr(line, "amounts") else line.amount
        return value if isinstance(value, Decimal) else None
    return amount


def _fiscal_lines(ctx: Context, column: str, *roles: SummaryRole) -> list[Figure]:
    title = ctx.table_name("fiscal_summary")
    found: list[Figure] = []
    for role in roles:
        if column == "total":  # the revenue side prints all 财政拨款 only
            found += role_figure(title, "fiscal_summary", _lines(ctx, "fiscal_summary", "revenue"), role)
        found += role_figure(title, "fiscal_summary", _lines(ctx, "fiscal_summary", "expenditure"), role,
                             _fiscal_amount(column))
    return found


def _sources(ctx: Context, key: str, *sources: FundingSource) -> list[Figure]:
    lines = _lines(ctx, key, "revenue")
    found = (source_figure(ctx.table_name(key), key, lines, source) for source in sources)
    return [figure for figure in found if figure is not None]


def _fiscal_total(ctx: Context, item: Placed) -> list[Figure]:
    if not _FISCAL_TOTAL.fullmatch(item.subject):
        return []
    return [*_fiscal_lines(ctx, "total", SummaryRole.TOTAL, SummaryRole.CURRENT_YEAR),
            *_sources(ctx, "fiscal_summary", FundingSource.FISCAL), *_sources(ctx, "summary", FundingSource.FISCAL)]


def general_totals(ctx: Context) -> list[Figure]:
    """The 一般公共预算 total as the tables print it: this year's appropriation (一般公共预算支出情况表, the
    source lines of the summary tables), or with the funds carried over (财政拨款收支总体情况表's 支出).
    Found once per run (a copy for each asker): every statement of the 一般公共预算 total asks."""
    return list(ctx.cache.get("general totals", lambda: tuple(_general_totals(ctx))))


def _general_totals(ctx: Context) -> list[Figure]:
    views = (table_view(ctx, key, _TOTAL).total() for key in _present(ctx, "general_budget"))
    return [*(found for found in views if found is not None),
            *_sources(ctx, "fiscal_summary", FundingSource.GENERAL_BUDGET),
            *_fiscal_lines(ctx, "general_budget", SummaryRole.CURRENT_YEAR, SummaryRole.TOTAL),
            *_sources(ctx, "summary", FundingSource.GENERAL_BUDGET)]


def _general_total(ctx: Context, item: Placed) -> list[Figure]:
    if not _GENERAL_TOTAL.fullmatch(item.subject):
        return []
    return general_totals(ctx)


def funding_source(ctx: Context, subject: str) -> FundingSource | None:
    """The funding source a subject names (``上级一般公共预算安排的转移支付资金``, ``上年结转结余收入``).

    >>> from cnbudget.validation.rules import RULES
    >>> from cnbudget.model import BudgetDisclosure
    >>> ctx = Context(doc=BudgetDisclosure(department="某局", fiscal_year=2024), catalog=None,
    ...               rule=RULES["NARR-003"])
    >>> funding_source(ctx, "上年结转结余收入"), funding_source(ctx, "基本支出")
    (<FundingSource.CARRYOVER: 'carryover'>, None)
    """
    vocabulary = _catalogue(ctx).funding_sources
    for name in (subject, subject.removesuffix("资金"), subject.removesuffix("收入")):
        found = vocabulary.lookup(name)
        if found is not None:
            return found
    return None


def _source(ctx: Context, item: Placed) -> list[Figure]:
    source = funding_source(ctx, item.subject)
    if source is None or (item.statement.amount == 0 and source in (FundingSource.GOV_FUND, FundingSource.SOE_CAPITAL)):
        return []  # "政府性基金预算未安排" is the completeness rules' (COMP-008)
    # The text's "一般公共预算" is the own part (一般财力) where it lists the transfers apart.
    sources = (source, FundingSource.GENERAL_OWN) if source is FundingSource.GENERAL_BUDGET else (source,)
    columns = (revenue_view(ctx, SOURCE_COLUMNS[s]).total() for s in sources if _present(ctx, "revenue"))
    return [*_sources(ctx, "summary", *sources), *(found for found in columns if found is not None)]


# --- 基本支出/项目支出, 人员经费/公用经费 ------------------------------------------------------------------

_COLUMNS = {"基本支出": "basic", "项目支出": "project", "人员经费": "personnel", "公用经费": "public",
            "日常公用经费": "public"}
_COLUMNS_ZH = {"basic": "基本支出", "project": "项目支出", "personnel": "人员经费", "public": "公用经费"}


def _structure_tables(topic: Topic, column: str, general: bool) -> tuple[tuple[str, Column], ...]:
    spending = ("expenditure", Column.of(column, _COLUMNS_ZH[column]))
    budget = ("general_budget", Column.of(column, _COLUMNS_ZH[column]))
    detail = {
        "basic": ("general_budget_basic", _TOTAL),
        "project": ("general_budget_projects", Column.of("total", "项目支出合计")),
        "personnel": ("general_budget_basic", Column.of("personnel", "人员经费")),
        "public": ("general_budget_basic", Column.of("public", "公用经费")),
    }[column]
    if column in ("personnel", "public"):
        return detail, budget, spending
    if general or topic in _GENERAL:
        return budget, detail, spending  # the funds carried over may be counted too
    return (spending,) if topic in _WHOLE_BUDGET else (spending, budget, detail)


def _structure(ctx: Context, item: Placed) -> list[Figure]:
    subject = item.subject
    general = subject.startswith("一般公共预算")
    found = _COLUMNS.get(subject.removeprefix("一般公共预算"))
    if found is None:
        return []
    totals = (table_view(ctx, key, column).total()
              for key, column in _structure_tables(item.topic, found, general) if _present(ctx, key))
    return [total for total in totals if total is not None]


# --- "三公", carryover, projects ---------------------------------------------------------------------

#: "三公" items the text names, and the field of the "三公" table that holds each.
_THREE_PUBLIC = (
    ("因公出国", "overseas_travel"),
    ("公务用车购置及运行", "vehicles"),
    ("公务用车购置", "vehicle_purchase"),
    ("公务用车运行", "vehicle_operation"),
    ("公务接待", "reception"),
    ("三公", "total"),
)


def three_public_item(subject: str) -> str | None:
    """The field of the "三公" table a subject names (``公务用车运行维护费`` → ``vehicle_operation``).

    >>> three_public_item("财政拨款“三公”经费"), three_public_item("公务用车运行维护费")
    ('total', 'vehicle_operation')
    """
    words = plain(subject)
    return next((field for item_words, field in _THREE_PUBLIC if item_words in words), None)


def _three_public(ctx: Context, item: Placed) -> list[Figure]:
    table = _tables(ctx).three_public
    if table is None or (item.topic is not Topic.THREE_PUBLIC and "三公" not in item.subject):
        return []
    field = three_public_item(item.subject)
    if field is None:
        return []
    split = getattr(table, field)
    return [Figure(label=f"{ctx.table_name('three_public')}“{split_name(table, field)}”", parts=(split.total,),
                   location=Location(table="three_public", column=field))]


def split_name(table: ThreePublicTable, field: str) -> str:
    """The Chinese name of a "三公" item (from the model's labels)."""
    return zh_label(attrs.fields_dict(type(table))[field])


_Amounts = dict[str | None, list[Decimal]]


def _rows_by_name(ctx: Context, key: str, column: str) -> dict[str, _Amounts]:
    """A project table's figures in ``column`` by the project's name as compared, then by agency (in
    the table's order): every statement naming a project looks here, so the table is read once."""
    def indexed() -> dict[str, _Amounts]:
        table = getattr(_tables(ctx), key)
        by_name: dict[str, _Amounts] = {}
        for line in table.lines if table is not None else ():
            value = getattr(line.amounts, column)
            if line.project is not None and value is not None:
                by_name.setdefault(plain(line.project), {}).setdefault(line.agency, []).append(value)
        return by_name
    return ctx.cache.get(("rows by project name", column), indexed, table=key)


def _named_rows(ctx: Context, key: str, name: str, column: str) -> list[Figure]:
    """The rows of a project table named ``name``: each agency's figures in ``column`` (rows added
    up) and, where several agencies have it, all of them together."""
    by_agency = _rows_by_name(ctx, key, column).get(name, {})
    if not by_agency:
        return []
    title = ctx.table_name(key)
    figures = [Figure(label=f"{title}{agency or ''}“{name}”", parts=tuple(values),
                      location=checked_location(key, agency=agency, project=name))
               for agency, values in by_agency.items()]
    if len(figures) > 1:
        figures.append(figures[0].plus(*figures[1:], label=f"{title}各单位“{name}”合计"))
    return figures


def _carryover(ctx: Context, item: Placed) -> list[Figure]:
    subject = "上年结转结余" if _CARRYOVER_TOTAL.fullmatch(item.subject) else item.subject
    if subject not in _CARRYOVER_PARTS:
        return _carryover_project(ctx, item)
    column, source = _CARRYOVER_PARTS[subject]
    totals = [table_view(ctx, "carryover", column).total() for _ in _present(ctx, "carryover")]
    return [*(found for found in totals if found is not None), *_sources(ctx, "summary", source)]


def _carryover_project(ctx: Context, item: Placed) -> list[Figure]:
    return _named_rows(ctx, "carryover", item.subject, "total")


_CARRYOVER_PARTS = {
    "上年结转结余": (Column.of("total", "总计"), FundingSource.CARRYOVER),
    "财政拨款": (Column.of("fiscal", "财政拨款合计"), FundingSource.FISCAL_CARRYOVER),
    "非财政拨款": (Column.of("non_fiscal", "非财政拨款合计"), FundingSource.NON_FISCAL_CARRYOVER),
}


def _project(ctx: Context, item: Placed) -> list[Figure]:
    return [*_named_rows(ctx, "general_budget_projects", item.subject, "total"),
            *_named_rows(ctx, "projects", item.subject, "general_budget")]


def project_spending(ctx: Context) -> Figure | None:
    """The 项目支出 of the whole budget: the total of 支出总体情况表's 项目支出 column."""
    if not _present(ctx, "expenditure"):
        return None
    return table_view(ctx, "expenditure", Column.of("project", "项目支出")).total()


#: Each finder, in the order of preference, with the topics of the statements it can place (a "三公"
#: item is named under any heading). A statement is asked of only the finders of its topic.
_FINDERS: tuple[tuple[Finder, tuple[Topic, ...]], ...] = (
    (_three_public, tuple(Topic)),
    (_carryover, (Topic.CARRYOVER,)),
    (_by_code, _SPENDING),
    (_document_total, _WHOLE_BUDGET),
    (_fiscal_total, (Topic.FISCAL,)),
    (_general_total, _GENERAL),
    (_source, (Topic.INCOME, Topic.OVERALL)),
    (_structure, _SPENDING),
    (_project, (Topic.GENERAL_PROJECTS,)),
)
#: The finders of a figure of another year (by a project's name only).
_BY_NAME: tuple[tuple[Finder, tuple[Topic, ...]], ...] = (
    (_carryover_project, (Topic.CARRYOVER,)),
    (_project, (Topic.GENERAL_PROJECTS,)),
)


def _by_topic(finders: tuple[tuple[Finder, tuple[Topic, ...]], ...]) -> dict[Topic, tuple[Finder, ...]]:
    return {topic: tuple(find for find, topics in finders if topic in topics) for topic in Topic}


_THIS_YEAR_FINDERS = _by_topic(_FINDERS)
_PAST_FINDERS = _by_topic(_BY_NAME)


def table_figures(ctx: Context, item: Placed) -> list[Figure]:
    """The table figures a statement's amount can be, the preferred first; none where what the
    statement names is not certain. A figure of another year (决算, 上年) is placed only by a project's
    name, which may carry a year."""
    def first_found() -> list[Figure]:
        finders = (_PAST_FINDERS if item.past else _THIS_YEAR_FINDERS)[item.topic]
        return next((found for find in finders if (found := find(ctx, item))), [])

    # TEXT-005 and NARR-003 ask for the same statements: found once per run (a copy for each asker).
    return list(ctx.cache.get(("table figures", item), first_found))


def figures_of(ctx: Context, items: Iterable[Placed]) -> Iterator[tuple[Placed, list[Figure]]]:
    """Each statement with an amount, with the table figures it can be."""
    for item in items:
        if item.statement.amount is not None:
            yield item, table_figures(ctx, item)
