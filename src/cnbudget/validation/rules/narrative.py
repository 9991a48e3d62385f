"""Narrative (说明文字): the figures the text states agree with each other and with the tables.

The reader turns each sentence such as "一般公共预算 2,022.69 万元，占 63.88%，比上年预算增加 208.54 万元，
增长 11.50%" into a :class:`~cnbudget.model.Statement`. The rules here hold a statement's change
against its rate (NARR-001), its share against its amount and the total it is a share of (NARR-002),
its amount against the table figure it names (NARR-003) and a count of projects against the target
tables (NARR-004). The rules on totals (NARR-005 … NARR-008) are in
:mod:`~cnbudget.validation.rules.narrative_totals`, registered when this module is imported.

A statement is held against a table only where what it names is certain (see
:mod:`~cnbudget.validation.rules.narrative_tables`); a subject the rules cannot place is left alone
rather than guessed. Every comparison reads each printed figure as the interval it rounds.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator, Sequence
from decimal import Decimal
from fractions import Fraction

import attrs

from cnbudget.model import BudgetDisclosure, ProjectTarget, Statement
from cnbudget.money import (
    Consistency,
    Interval,
    check_rate,
    check_ratio,
    convert,
    decimal_places,
    implied_rate,
    is_rounding_of,
    units_off,
    wrong_unit,
)
from cnbudget.money import change as growth
from cnbudget.money import share as percent
from cnbudget.validation.context import Context, figure
from cnbudget.validation.findings import Finding, Severity
from cnbudget.validation.registry import rule
from cnbudget.validation.rules.cross_table_figures import Figure, checked_figure, compare, equal
from cnbudget.validation.rules.narrative_groups import ShareGroup, share_groups
from cnbudget.validation.rules.narrative_statements import (
    Placed,
    Topic,
    as_printed,
    place,
    placed_in,
    plain,
    where,
)
from cnbudget.validation.rules.narrative_tables import budget_totals, figures_of, general_totals, is_budget_total
from cnbudget.validation.rules.performance_composition import broken, exceeded

__all__ = ["counted_projects"]

_HUNDRED = Decimal(100)


# --- NARR-001: change and rate ---------------------------------------------------------------------


def _printed_in(ctx: Context) -> list[Placed]:
    """:func:`as_printed` of the run's statements, put back once per run for NARR-001 and NARR-002."""
    return list(ctx.cache.get("statements as printed", lambda: tuple(as_printed(placed_in(ctx)))))


def _with_change(ctx: Context) -> Iterator[Statement]:
    """Every statement, with the trailing zeros its text dropped put back (:func:`as_printed`)."""
    doc = ctx.doc
    yield from (item.statement for item in _printed_in(ctx))
    if doc.other_matters is not None and doc.other_matters.operating_costs is not None:
        alone = Placed(index=0, statement=doc.other_matters.operating_costs, topic=Topic.OTHER, run=0)
        yield as_printed([alone])[0].statement  # 机关运行经费 is stated with its change too


def _from_nothing(ctx: Context, statement: Statement, amount: Decimal, change: Decimal,
                  rate: Decimal) -> Iterator[Finding]:
    # Last year's amount was zero: a rate is undefined; the convention is 100 % for a new item and
    # 0 % for nothing either year.
    expected = _HUNDRED if change else Decimal(0)
    if rate != expected:
        what = "全部为新增（上年为零），按惯例增长率为 100%" if change else "两年均为零，增减率应为 0%"
        yield ctx.finding(f"{where(statement)}：{figure(amount)}，比上年增减 {figure(change)}，{what}，说明为 {rate}%",
                          [place(statement, "change_rate")], expected=expected, actual=rate,
                          severity=Severity.WARNING)


def _against(statement: Statement) -> str:
    """How a message names last year's figure: 上年, or the basis the text names (上年预算执行数)."""
    return statement.compared_with.zh if statement.compared_with is not None else "上年"


def _judge_rate(ctx: Context, statement: Statement, words: Callable[[], str], rate: Decimal, amount: Decimal, *,
                prior: Decimal | None = None, change: Decimal | None = None) -> Iterator[Finding]:
    """A finding where the stated rate is not the figures' (``words``: how the message names them,
    written only then)."""
    status = check_rate(rate, amount, prior=prior, change_amount=change)
    if status is Consistency.EXACT:
        return
    places = decimal_places(rate)
    exact = implied_rate(amount, change, places=places) if change is not None else \
        growth(amount, prior, places=places).rate if prior is not None else None
    message = f"{words()}，增减率应为 {exact}%，说明为 {rate}%"
    if status is Consistency.WITHIN_ROUNDING:
        yield ctx.finding(message + "，在四舍五入误差之内", [place(statement, "change_rate")],
                          expected=exact, actual=rate, severity=Severity.INFO)
        return
    base = amount - change if change is not None else prior
    assert base is not None
    note, severity = last_digit(rate, Fraction(amount - base) / Fraction(base) * 100)
    yield ctx.finding(message + note, [place(statement, "change_rate")], expected=exact, actual=rate,
                      severity=severity)


def last_digit(stated: Decimal, exact: Fraction) -> tuple[str, Severity | None]:
    """How serious a stated percentage off its exact value is, by how many units of its last digit:
    under one is rounding or truncation (info), one or two a slip of the last digit (warning), more
    a miscalculation (the rule's own severity, ``None``); with the words a message adds.

    >>> last_digit(Decimal("10.15"), Fraction(222878, 2194096) * 100)
    ('（与精确值 10.158…% 相差不到末位一个单位：截断或舍入不同）', <Severity.INFO: 'info'>)
    >>> last_digit(Decimal("34.38"), Fraction(36897, 107377) * 100)[1], last_digit(Decimal("10.06"), Fraction(1))[1]
    (<Severity.WARNING: 'warning'>, None)
    """
    off = units_off(stated, exact)
    shown = f"{float(exact):.3f}…%"
    if off < 1:
        return f"（与精确值 {shown} 相差不到末位一个单位：截断或舍入不同）", Severity.INFO
    if off <= _SLIP:
        return f"（与精确值 {shown} 相差末位一两个单位）", Severity.WARNING
    return "", None


_SLIP = 2  # units of the last digit within which a wrong figure is a slip rather than a miscalculation


def _rate_from_change(ctx: Context, statement: Statement, amount: Decimal, change: Decimal,
                      rate: Decimal) -> Iterator[Finding]:
    prior = amount - change
    if prior == 0:
        yield from _from_nothing(ctx, statement, amount, change, rate)
        return
    def words() -> str:
        return (f"{where(statement)}：{figure(amount)}，比{_against(statement)}增减 {figure(change)}"
                f"（上年 {figure(prior)}）")

    yield from _judge_rate(ctx, statement, words, rate, amount, change=change)


def _impossible(ctx: Context, statement: Statement, amount: Decimal, change: Decimal) -> Finding | None:
    """An increase larger than this year's amount: last year would have been below zero."""
    # A change no larger than the amount leaves the ranges' ends in order (most statements): no
    # interval to work out.
    if change <= amount or Interval.of_printed(amount).high - Interval.of_printed(change).low >= 0:
        return None
    words = f"{where(statement)}：{figure(amount)}，比{_against(statement)}增加 {figure(change)}"
    return ctx.finding(f"{words}，增加额大于本年数，而上年数不可能为负（上年应为 {figure(amount - change)}）",
                       [place(statement, "change_amount")], actual=change)


def _rate_from_prior(ctx: Context, statement: Statement, amount: Decimal, prior: Decimal,
                     rate: Decimal) -> Iterator[Finding]:
    if prior == 0:
        yield from _from_nothing(ctx, statement, amount, amount, rate)
        return
    def words() -> str:
        return f"{where(statement)}：{figure(amount)}，{_against(statement)} {figure(prior)}"

    yield from _judge_rate(ctx, statement, words, rate, amount, prior=prior)


def _change_from_prior(ctx: Context, statement: Statement, amount: Decimal, prior: Decimal,
                       change: Decimal) -> Iterator[Finding]:
    found = ctx.check_sum(amount, (prior, change), where=where(statement),
                          what=f"本年数 = {_against(statement)} {figure(prior)} + 增减额 {figure(change)}",
                          locations=[place(statement, "change_amount")])
    if found is not None:
        yield found


@rule("NARR-001", "说明中的增减额与增减率一致", requires=("statements",),
      en="Stated change agrees with the stated rate")
def change_agrees_with_rate(ctx: Context) -> Iterator[Finding]:
    """A statement giving this year's amount, the change on last year (增加/减少) and the rate
    (增长/下降) is consistent: rate = change ÷ (amount − change) × 100, each printed figure read as
    the interval it rounds; the 机关运行经费 statement of 其他重要事项 is held to it too. Where the
    text prints last year's figure itself (2022年当年预算执行数为14.00万元), the rate is held against
    it: rate = (amount − prior) ÷ prior × 100, and a stated change must be amount − prior. An increase
    larger than this year's amount (last year below zero) is an error, whether or not a rate is stated
    (a sentence copied from another line: "政府性基金拨款支出预算 0 万元，比上年增加 1421.25 万元").
    Texts drop trailing zeros (5533 for 5,533.00): a figure printed with fewer decimals than the finest
    under its heading is read at that precision (:func:`~.narrative_statements.as_printed`). A rate off
    its exact value by under one unit of its last digit is rounding or truncation (info), by one or two
    units a slip (warning), by more an error. Where last year was zero the
    rate is undefined and the convention is "增长 100%" for an item new this year and 0 % where both
    years are zero; another rate is a warning. ("持平" states no figures: the reader gives no change.)"""
    for statement in _with_change(ctx):
        amount, change, rate = statement.amount, statement.change_amount, statement.change_rate
        prior = statement.stated_prior
        if amount is None:
            continue
        if prior is not None and change is not None:
            yield from _change_from_prior(ctx, statement, amount, prior, change)
        impossible = _impossible(ctx, statement, amount, change) if change is not None and prior is None else None
        if impossible is not None:
            yield impossible
            continue
        if rate is None:
            continue
        if prior is not None:
            yield from _rate_from_prior(ctx, statement, amount, prior, rate)
        elif change is not None:
            yield from _rate_from_change(ctx, statement, amount, change, rate)


# --- NARR-002: shares --------------------------------------------------------------------------------


def _adjusted(group: ShareGroup, share: Decimal, amount: Decimal, whole: Decimal) -> bool:
    """Whether a share is one unit of its last digit off, in shares printed to add up to 100 %:
    the author's adjustment (尾差调整), a convention rather than a miscalculation."""
    places = decimal_places(share)
    return group.printed_hundred and abs(percent(amount, whole, places=places) - share) == Decimal(1).scaleb(-places)


_LISTED = "所列各项之和"


def _certain_whole(group: ShareGroup) -> tuple[str, Decimal] | None:
    if group.lead is not None and group.lead.statement.amount:
        return f"“{group.lead.statement.subject}”", group.lead.statement.amount
    if group.exhaustive and group.amount:
        return _LISTED, group.amount
    return None


def _other_totals(group: ShareGroup, part: Placed) -> list[Decimal]:
    """Other totals the text states before a share, in its run (a share of a subtotal)."""
    earlier = [o.statement.amount for o in group.run if o.index < part.index and o.statement.amount]
    return [w for w in earlier if w and w > 0] + ([group.amount] if group.exhaustive and group.amount else [])


def _uncertain_wholes(ctx: Context, items: Sequence[Placed], part: Placed) -> list[tuple[str, Decimal]]:
    """Totals a share without a stated total can be of: the totals of the part before, the budget
    total wherever the text states it ("占本年支出合计的 99.4%"), the tables'."""
    before = [item for item in items if (item.run == part.run - 1 or (is_budget_total(item) and not item.past))
              and item.statement.share is None]
    wholes = [(f"“{i.statement.subject}”", i.statement.amount) for i in before if i.statement.amount]
    tables = [*budget_totals(ctx), *general_totals(ctx)]
    wholes += [(f.label, f.value) for f in tables]
    return [(label, value) for label, value in wholes if value is not None and value > 0]


def _fits(part: Placed, whole: Decimal) -> bool:
    share, amount = part.statement.share, part.statement.amount
    return share is not None and amount is not None and check_ratio(share, amount, whole) is not \
        Consistency.INCONSISTENT


def _judge_certain(ctx: Context, group: ShareGroup, part: Placed, label: str, whole: Decimal) -> Finding | None:
    statement = part.statement
    share, amount = statement.share, statement.amount
    assert share is not None and amount is not None
    status = check_ratio(share, amount, whole)
    if status is Consistency.INCONSISTENT and any(check_ratio(share, amount, other) is Consistency.EXACT
                                                  for other in _other_totals(group, part)):
        return None  # a share of a subtotal the text states before it
    if status is Consistency.EXACT:
        return None
    exact = percent(amount, whole, places=decimal_places(share))
    words = f"{where(statement)}：{figure(amount)} ÷ {label} {figure(whole)} = {exact}%，说明为 {share}%"
    if status is Consistency.WITHIN_ROUNDING:
        return ctx.finding(words + "，在四舍五入误差之内", [place(statement, "share")], expected=exact,
                           actual=share, severity=Severity.INFO)
    note, severity = last_digit(share, Fraction(amount) / Fraction(whole) * 100)
    if _adjusted(group, share, amount, whole):
        note += "（各项占比印为合计 100%，当为尾差调整）"
    return ctx.finding(words + note, [place(statement, "share")], expected=exact, actual=share, severity=severity)


def _judge_uncertain(ctx: Context, part: Placed, wholes: list[tuple[str, Decimal]]) -> Finding | None:
    statement = part.statement
    share, amount = statement.share, statement.amount
    assert share is not None and amount is not None
    verdicts = [check_ratio(share, amount, whole) for _, whole in wholes]
    if not wholes or Consistency.EXACT in verdicts:
        return None
    if Consistency.WITHIN_ROUNDING in verdicts:
        label, whole = wholes[verdicts.index(Consistency.WITHIN_ROUNDING)]
        return ctx.finding(f"{where(statement)}：{figure(amount)} ÷ {label} {figure(whole)} 与说明的占比 {share}% "
                           f"只在四舍五入误差之内相符", [place(statement, "share")], actual=share,
                           severity=Severity.INFO)
    label, whole = min(wholes, key=lambda pair: units_off(share, Fraction(amount) / Fraction(pair[1]) * 100))
    note, severity = last_digit(share, Fraction(amount) / Fraction(whole) * 100)
    if severity is Severity.INFO:  # off its nearest total by under one unit of its last digit
        return ctx.finding(f"{where(statement)}：{figure(amount)} ÷ {label} {figure(whole)} = "
                           f"{percent(amount, whole, places=decimal_places(share))}%，说明为 {share}%{note}",
                           [place(statement, "share")], actual=share, severity=severity)
    tried = "、".join(dict.fromkeys(f"{label} {figure(whole)}（{percent(amount, whole)}%）"
                                    for label, whole in wholes[:4]))
    return ctx.finding(f"{where(statement)}：说明占比 {share}%，但 {figure(amount)} 占文中和表中各总数的比例为 "
                       f"{tried}，都不相符", [place(statement, "share")], actual=share, severity=Severity.WARNING)


def _judge_share(ctx: Context, items: Sequence[Placed], group: ShareGroup, part: Placed) -> Finding | None:
    certain = _certain_whole(group)
    # The total the text lists the share under is the whole, once one share of the group fits it;
    # shares that add up to 100 % with no total stated are shares of their amounts' sum.
    if certain is not None and (certain[0] == _LISTED or any(_fits(other, certain[1]) for other in group.parts)):
        return _judge_certain(ctx, group, part, *certain)
    return _judge_uncertain(ctx, part, ([certain] if certain else []) + _uncertain_wholes(ctx, items, part))


@rule("NARR-002", "说明中的占比与金额一致", requires=("statements",), en="Stated share agrees with the amounts")
def share_agrees_with_amount(ctx: Context) -> Iterator[Finding]:
    """A stated share (占 63.88%) is the stated amount as a percentage of its total, rounding-aware
    (each printed figure read as the interval it rounds). The total is the one the text lists the
    amount under ("收入预算 3,166.28 万元，其中：……"); without one, the sum of the amounts whose shares
    add up to 100 %. A share off its exact value by under one unit of its last digit is rounding or
    truncation (info), by one or two units a slip (warning), by more an error; in shares printed to
    add up to exactly 100 % the message says that the author adjusted the last digit (尾差调整).
    Where the text states no total at all, the share may be of any total of the part before, of the
    budget total the text states anywhere ("占本年支出合计的 99.4%"), or of the tables; a share within
    one unit of the nearest of them is info, a share that fits none a warning. Amounts are read with
    the trailing zeros their text dropped (110 beside 156.55 is 110.00)."""
    items = _printed_in(ctx)
    for group in share_groups(items):
        for part in group.parts:
            found = _judge_share(ctx, items, group, part)
            if found is not None:
                yield found


# --- NARR-003: stated amounts against the tables ---------------------------------------------------


def _agrees(amount: Decimal, figures: Sequence[Figure]) -> bool:
    """Whether the stated amount is one of the figures, exactly (what :func:`compare` finds first:
    no difference) or rounded; asked in order, the preferred figure first: most statements agree with it."""
    for found in figures:
        value = found.value
        if amount - value == 0 or is_rounding_of(amount, value):
            return True
    return False


@rule("NARR-003", "说明中的金额与表格一致", requires=("statements",), en="Stated amount agrees with the tables")
def amount_agrees_with_tables(ctx: Context) -> Iterator[Finding]:
    """A stated amount equals the figure the tables print for what it names, where that is certain
    (see :mod:`cnbudget.validation.rules.narrative_tables`): the budget totals (收支总预算, 收入/支出总计),
    the 财政拨款 and 一般公共预算 totals, a funding source in the part on revenue (一般公共预算,
    上级转移支付, 单位资金, 财政拨款结转 …), a classification code or 类 name in a part on expenditure
    (the code's row, or the sum of the rows below it; zero where the table prints that level but not
    the code), 基本支出/项目支出 and 人员经费/公用经费, a "三公" item, the carryover and its projects, a
    project of 一般公共预算项目支出情况表 by name. Where the text may mean either of two tables (this
    year's appropriation, or with the funds carried over), agreeing with either is enough; otherwise
    the nearest is reported. A stated amount that is the table's figure rounded to the places the
    text prints (37,151.47 万元 for 371,514,655.00 元) agrees: the text rounds, as texts do. A stated
    amount off the table's figure by one or two units of its own last digit (12,323.46 for
    12,323.48) is a slip (warning), by more an error. An amount that is the table's figure written
    in the wrong unit (元 as 万元) is TEXT-005's to report."""
    for item, figures in figures_of(ctx, placed_in(ctx)):
        amount = item.statement.amount
        if not figures or amount is None:
            continue
        if _agrees(amount, figures):
            continue
        mine = checked_figure("说明金额", (amount,), place(item.statement, "amount"))
        results = [(found, compare(mine, found).status) for found in figures]
        if any(wrong_unit(amount, found.value) for found in figures):
            continue  # the figure in the wrong unit (元 written as 万元) is TEXT-005's one finding
        close = [found for found, status in results if status is Consistency.WITHIN_ROUNDING]
        nearest = close[0] if close else min(figures, key=lambda found: abs(found.value - amount))
        _, severity = last_digit(amount, Fraction(nearest.value))
        finding = equal(ctx, mine, nearest, where(item.statement), severity=severity)
        if finding is not None:
            yield finding


# --- NARR-004: counts of project targets -----------------------------------------------------------


_ALL_TARGETS = re.compile(r"(?:编报|设置|填报)绩效目标的?项目")


def _kind(subject: str) -> str:
    """How a message names the projects a statement counts."""
    words = plain(subject)
    if _ALL_TARGETS.fullmatch(words):
        return "编报绩效目标的"
    return "非财政拨款" if "非财政拨款项目" in words else "财政拨款"


def counted_projects(doc: BudgetDisclosure, subject: str) -> list[ProjectTarget] | None:
    """The project targets a statement about 财政拨款项目 / 非财政拨款项目 counts: those with (without)
    财政拨款 funds; about "编报绩效目标的项目", every one; ``None`` where the subject is none of these
    or a target's funds are not printed."""
    performance = doc.performance
    words = plain(subject)
    every = _ALL_TARGETS.fullmatch(words) is not None
    if performance is None or not performance.projects or "整体" in words or not (
            every or "财政拨款项目" in words):
        return None
    funds = [target.funds for target in performance.projects]
    if any(f.total is None or f.fiscal is None for f in funds):
        return None
    if every:
        return list(performance.projects)
    if "非财政拨款项目" in words:
        return [t for t, f in zip(performance.projects, funds, strict=True) if f.fiscal == 0 and f.total]
    return [t for t, f in zip(performance.projects, funds, strict=True) if f.fiscal]


def _uncertain(projects: Sequence[ProjectTarget]) -> bool:
    """Whether a counted target's own funds do not add up (PERF-009): the sum of the targets' money
    is then not certain."""
    return any(next(broken(target.funds), None) or next(exceeded(target.funds), None) for target in projects)


@rule("NARR-004", "说明中的项目个数和金额与绩效目标表一致", requires=("statements", "performance"),
      en="Stated project count and amount agree with the performance targets")
def project_counts_agree(ctx: Context) -> Iterator[Finding]:
    """"当年财政拨款项目 N 个，涉及预算金额 X 万元" (and 非财政拨款项目; and "编报绩效目标的项目 N 个，涉及
    项目预算资金 X 万元", all of them) agree with the project target tables: N is the number of project
    targets with (without) 财政拨款 funds, X the sum of their 年度预算总额, rounding-aware. Where the text
    counts more projects than the document prints targets for, some targets may be withheld by rule
    (转移支付项目不公开): a warning, and the amounts are not compared. Where a counted target's own
    funds do not add up (PERF-009), its 年度预算总额 is uncertain and a disagreement of X is a warning."""
    for statement in ctx.doc.statements:
        projects = counted_projects(ctx.doc, statement.subject) if statement.count is not None else None
        if projects is None or statement.count is None:
            continue
        kind = _kind(statement.subject)
        if statement.count != len(projects):
            fewer = statement.count > len(projects)
            yield ctx.finding(f"{where(statement)}：说明{kind}项目 {statement.count} 个，项目支出绩效目标表中有 "
                              f"{len(projects)} 个" + ("（未公开的项目应在说明中交代）" if fewer else ""),
                              [place(statement, "count")], expected=Decimal(len(projects)),
                              actual=Decimal(statement.count), severity=Severity.WARNING if fewer else None)
            continue
        if statement.amount is not None:
            total = sum((convert(p.funds.total, p.unit or ctx.doc.amount_unit, ctx.doc.amount_unit)
                         for p in projects if p.funds.total is not None), Decimal(0))
            found = ctx.check_equal(statement.amount, total, where=where(statement),
                                    what=f"说明金额 = 各{kind}项目年度预算总额之和（{figure(total)}）",
                                    locations=[place(statement, "amount")])
            if found is not None and found.severity is Severity.ERROR and _uncertain(projects):
                found = attrs.evolve(found, severity=Severity.WARNING,
                                     message=found.message + "（其中有项目的资金构成本身不平，各项目金额之和不确定）")
            if found is not None:
                yield found
