"""Narrative against itself and the other matters (说明的自洽与其他重要事项): 机关运行经费 and 政府采购
as the text states them against their tables, one quantity's change stated alike wherever the text
states it, and the reasons given for a change.

Registered by importing :mod:`cnbudget.validation.rules.narrative_totals`.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterator, Sequence
from decimal import Decimal
from fractions import Fraction

import attrs

from cnbudget.codes import FunctionCode
from cnbudget.model import Statement
from cnbudget.money import units_off
from cnbudget.validation.context import Context, figure
from cnbudget.validation.findings import Finding, Location, Severity
from cnbudget.validation.registry import rule
from cnbudget.validation.rules.cross_table_figures import Figure, equal, made
from cnbudget.validation.rules.cross_table_views import Column, table_view
from cnbudget.validation.rules.narrative_statements import Placed, place, placed_in, plain, where
from cnbudget.validation.rules.narrative_tables import is_budget_total

__all__ = ["quantity_of"]

_SLIP = 2  # units of the last digit within which a wrong figure is a slip rather than a miscalculation


def _severity(stated: Decimal, expected: Decimal) -> Severity | None:
    """A figure one or two units of its last digit off is a slip (warning); more, the rule's own."""
    return Severity.WARNING if units_off(stated, Fraction(expected)) <= _SLIP else None


def _judged(ctx: Context, mine: Figure, theirs: Figure, what: str) -> Finding | None:
    return equal(ctx, mine, theirs, what, severity=_severity(mine.value, theirs.value))


# --- NARR-009: 机关运行经费 and 政府采购 -------------------------------------------------------------

_MATTERS = Location(table="other_matters")
_CATEGORIES = (("goods", "货物"), ("works", "工程"), ("services", "服务"))


def _operating_costs(ctx: Context, statement: Statement) -> Iterator[Finding]:
    amount = statement.amount
    if amount is None:
        return
    mine = Figure(label="说明的机关运行经费", parts=(amount,),
                  location=attrs.evolve(_MATTERS, column="operating_costs"))
    tables = ctx.doc.tables
    theirs: list[Figure] = []
    if tables.operating_costs is not None:
        total = table_view(ctx, "operating_costs", Column.of("total", "机关运行经费支出")).total()
        theirs += [total] if total is not None else []
    if tables.three_public is not None and tables.three_public.operating_costs is not None:
        theirs.append(Figure(label=f"{ctx.table_name('three_public')}“机关运行经费”",
                             parts=(tables.three_public.operating_costs.total,),
                             location=Location(table="three_public", column="operating_costs")))
    for other in theirs:
        yield from made(_judged(ctx, mine, other, f"{where(statement)}与表中机关运行经费应相等"))


def _procurement_figures(ctx: Context) -> dict[str, Figure]:
    """The procurement table's total and 货物/工程/服务 (zero for a category it does not print)."""
    table = ctx.doc.tables.procurement
    assert table is not None
    title = ctx.table_name("procurement")
    found: dict[str, Figure] = {}
    totals = [line for line in table.lines if line.level == "total"]
    categories = [line for line in table.lines if line.level == "category"]
    if totals:
        found["total"] = Figure(label=f"{title}“合计”", parts=(totals[0].amount,),
                                location=Location(table="procurement", column="total"))
    if not categories:
        return found
    for field, word in _CATEGORIES:
        rows = [line for line in categories if word in (line.category or line.name)]
        label = f"{title}“{rows[0].name}”" if rows else f"{title}（未列{word}）"
        found[field] = Figure(label=label, parts=tuple(line.amount for line in rows) or (Decimal(0),),
                              location=Location(table="procurement", column=field))
    return found


def _procurement(ctx: Context) -> Iterator[Finding]:
    matters = ctx.doc.other_matters
    stated = matters.procurement if matters is not None else None
    if stated is None:
        return
    zh = {"total": "政府采购预算", "goods": "货物", "works": "工程", "services": "服务"}
    if stated.total is not None:
        parts = [value for value in (stated.goods, stated.works, stated.services) if value is not None]
        if len(parts) == len(_CATEGORIES):
            found = ctx.check_sum(stated.total, parts, where="说明“其他重要事项”中的政府采购预算",
                                  what="政府采购预算 = 货物 + 工程 + 服务",
                                  locations=[attrs.evolve(_MATTERS, column="procurement")])
            if found is not None:
                yield found
    if ctx.doc.tables.procurement is None:
        return
    for field, theirs in _procurement_figures(ctx).items():
        value = getattr(stated, field)
        if value is None:
            continue
        mine = Figure(label=f"说明的政府采购“{zh[field]}”", parts=(value,),
                      location=attrs.evolve(_MATTERS, column=f"procurement.{field}"))
        yield from made(_judged(ctx, mine, theirs, "说明中的政府采购预算与政府采购支出预算表应相等"))


@rule("NARR-009", "说明中的机关运行经费、政府采购与表格一致", requires=("other_matters",),
      en="Stated operating costs and procurement agree with the tables")
def other_matters_agree(ctx: Context) -> Iterator[Finding]:
    """The 机关运行经费 stated under 其他重要事项 equals the total of 一般公共预算机关运行经费支出预算表
    and the 机关运行经费 the "三公" table prints beside its items, where they are printed. The stated
    政府采购预算 is 货物 + 工程 + 服务, and each equals 政府采购支出预算表: its 合计 and each 采购品目大类
    (a category the table does not print is zero there). A stated figure one or two units of its last
    digit off is a slip (warning), more an error."""
    matters = ctx.doc.other_matters
    assert matters is not None
    if matters.operating_costs is not None:
        yield from _operating_costs(ctx, matters.operating_costs)
    yield from _procurement(ctx)


# --- NARR-010: one quantity, one change -------------------------------------------------------------

_BUDGET_WORDS = r"(?:财政|拨款|预算|收入|支出|收[,、]支|收支|总预算|总计|合计|总额|安排|当年)*"
_BUDGETS = (("一般公共预算", "appropriation"), ("财政拨款", "appropriation"), ("政府性基金", "gov_fund"),
            ("国有资本经营", "soe_capital"))


def quantity_of(item: Placed) -> tuple[str, str] | None:
    """Which quantity a statement names, as ``(family, key)``: the budget total, a budget's
    appropriation (一般公共预算 and 财政拨款 are one family: they are the same money where the other
    budgets have nothing), or a classification code; ``None`` for anything else.

    >>> from cnbudget.validation.rules.narrative_statements import Topic
    >>> def item(subject):
    ...     return Placed(index=0, statement=Statement(subject=subject), topic=Topic.OVERALL, run=0)
    >>> quantity_of(item("一般公共预算财政拨款支出预算")), quantity_of(item("财政拨款收、支总预算"))
    (('appropriation', '一般公共预算'), ('appropriation', '财政拨款'))
    >>> quantity_of(item("财政拨款基本支出预算")) is None
    True
    """
    if is_budget_total(item):
        return "total", "total"
    subject = item.subject
    for words, family in _BUDGETS:
        start = subject.find(words)
        if start == 0 and re.fullmatch(_BUDGET_WORDS, subject[len(words):]):
            return family, words
    code = item.statement.code
    return ("code", str(code)) if code is not None else None


def _basis(statement: Statement) -> str:
    return statement.compared_with.zh if statement.compared_with is not None else "上年预算"


def _conflict(group: Sequence[tuple[Placed, str]]) -> Severity | None:
    """The severity of a group's disagreement: the rule's own (error) where one quantity measured
    against one basis is given two priors more than two units of the change's last digit apart, a
    warning where they are a slip apart, or only the bases or the words for the money differ."""
    worst: Severity | None = Severity.WARNING
    for (a, key_a), (b, key_b) in ((x, y) for i, x in enumerate(group) for y in group[i + 1:]):
        prior_a, prior_b = a.statement.prior_amount, b.statement.prior_amount
        if key_a != key_b or _basis(a.statement) != _basis(b.statement) or prior_a == prior_b:
            continue
        assert prior_a is not None and prior_b is not None
        change = a.statement.change_amount or b.statement.change_amount or prior_a
        if units_off(change, Fraction(change) + Fraction(prior_a - prior_b)) > _SLIP:
            worst = None
    return worst


@rule("NARR-010", "同一数额的增减额处处一致", requires=("statements",),
      en="The same amount has the same change everywhere")
def one_quantity_one_change(ctx: Context) -> Iterator[Finding]:
    """Where the text states the same quantity in several places with its change on last year (收支
    总预算, a budget's appropriation as revenue and as spending: "一般公共预算收入", "财政拨款收、支总预算",
    "一般公共预算财政拨款支出", or one classification code), each place implies the same last year's
    figure (this year's amount less the change, or the prior it prints). One finding for each such
    quantity, naming every place. An error where one quantity, measured against one basis (上年预算),
    is given changes more than two units of their last digit apart; a warning where they differ by a
    slip, where the bases differ (上年预算 here, 上年预算执行数 there), or where only the words differ
    between 一般公共预算 and 财政拨款 (the same money only where the other budgets had nothing last year)."""
    groups: dict[tuple[str, str, Decimal], list[tuple[Placed, str]]] = defaultdict(list)
    for item in placed_in(ctx):
        statement = item.statement
        found = quantity_of(item)
        if found is None or item.past or not statement.amount or statement.prior_amount is None:
            continue
        family, key = found
        groups[(family, key if family == "code" else family, statement.amount)].append((item, key))
    for (_, _, amount), group in groups.items():
        priors = {item.statement.prior_amount for item, _ in group}
        if len(priors) < 2:
            continue
        places = "；".join(
            f"{where(item.statement)}比{_basis(item.statement)}"
            f"{'增减 ' + figure(item.statement.change_amount) if item.statement.change_amount is not None else ''}"
            f"（上年 {figure(item.statement.prior_amount or Decimal(0))}）" for item, _ in group)
        yield ctx.finding(f"说明多处写到同一数额 {figure(amount)}，所说的上年数不一致：{places}",
                          [place(item.statement, "change_amount") for item, _ in group],
                          severity=_conflict(group))


# --- NARR-011: the reasons given ------------------------------------------------------------------

_EMPTY_REASON = re.compile(r"原因(?:是|为|在于)[:：]?\s*[。；;]?\s*$")
_UP, _DOWN = r"增加|增长|调增|提高|新增|增多", r"减少|下降|压减|降低|调减|取消"
_DIRECTED = re.compile(rf"^(?P<what>.*?)(?:经费|支出|资金)?(?P<way>{_UP}|{_DOWN}|保持不变)了?[。；;]?$")


def _change(statement: Statement) -> Decimal | None:
    if statement.change_amount is not None:
        return statement.change_amount
    if statement.change_rate is not None:
        return statement.change_rate
    if statement.amount is not None and statement.stated_prior is not None:
        return statement.amount - statement.stated_prior
    return None


def _wrong_way(statement: Statement, reason: str) -> str | None:
    """The reason ends saying the money went one way while the figures say it went the other."""
    found = _DIRECTED.match(reason)
    change = _change(statement)
    if found is None or change is None or change == 0 or found["way"] == "保持不变":
        return None
    up = re.fullmatch(_UP, found["way"]) is not None
    if re.search(_DOWN if up else _UP, found["what"]) or up == (change > 0):
        return None
    direction = "增加" if change > 0 else "减少"
    return f"原因说“{reason}”，而数字为{direction}（{figure(change)}）"


def _other_item(ctx: Context, statement: Statement, reason: str) -> str | None:
    """The reason (“X经费增加”) names another 项 of the same 款 than the one the statement is about."""
    code, found = statement.code, _DIRECTED.match(reason)
    if code is None or found is None or code.level != 3 or ctx.catalog is None or ctx.catalog.get(code) is None:
        return None
    what = plain(found["what"])
    own = ctx.catalog[code]
    if not what or what.endswith(plain(own.name)):
        return None
    for sibling in ctx.catalog.children(FunctionCode(str(code)[:5])):
        if sibling.code != code and what.endswith(plain(sibling.name)):
            return f"说明的是 {code} {own.name}，原因却说“{reason}”（{sibling.code} {sibling.name}），似为照抄"
    return None


@rule("NARR-011", "增减原因与所说明的科目和方向相符", severity=Severity.WARNING, requires=("statements",),
      en="Stated reason fits the subject and direction of the change")
def reasons_fit(ctx: Context) -> Iterator[Finding]:
    """A statement that gives a reason for its change gives one ("主要原因是。" with nothing said is a
    template left unfilled); a reason that ends saying the money went one way ("……经费增加") agrees
    with the direction of the stated change or rate; and a reason of the form "X经费增加/减少" about a
    项 names that 项, not another 项 of the same 款 (a sentence copied from the item above). Warnings:
    the figures may be right where the words are not."""
    for item in placed_in(ctx):
        statement = item.statement
        text, reason = statement.text or "", (statement.reason or "").strip()
        if not reason:
            if _EMPTY_REASON.search(text.strip()):
                yield ctx.finding(f"{where(statement)}：说明了“主要原因”却没有写出原因（“{text.strip()[-12:]}”）",
                                  [place(statement, "reason")])
            continue
        problem = _wrong_way(statement, reason) or _other_item(ctx, statement, reason)
        if problem is not None:
            yield ctx.finding(f"{where(statement)}：{problem}", [place(statement, "reason")])
