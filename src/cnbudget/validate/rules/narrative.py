"""Narrative (说明文字): the figures the text states agree with each other and with the tables.

The reader turns each sentence such as "一般公共预算 2,022.69 万元，占 63.88%，比上年预算增加 208.54 万元，
增长 11.50%" into a :class:`~cnbudget.model.Statement`. A statement is held against a table only where
what it names is certain (a classification code in a section on the 一般公共预算, a "三公" item,
基本支出/项目支出/人员经费/公用经费, the count of project targets); a subject the rules cannot place
is left alone rather than guessed.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from decimal import Decimal
from typing import Any

from cnbudget.codes import FunctionCode
from cnbudget.model import BudgetDisclosure, Statement
from cnbudget.money import Consistency, check_equal, check_rate, check_ratio, decimal_places, round_half_up
from cnbudget.validate.context import Context, figure
from cnbudget.validate.findings import Finding, Location, Severity
from cnbudget.validate.registry import rule

__all__ = ["code_total", "statement_wholes"]

_HUNDRED = Decimal(100)


def _where(statement: Statement) -> str:
    section = f"“{statement.section}”中" if statement.section else ""
    return f"说明{section}“{statement.subject}”"


def _place(statement: Statement, column: str | None = None) -> Location:
    return Location(table="statements", code=str(statement.code) if statement.code else None, column=column)


def _judged(ctx: Context, status: Consistency, message: str, rounding: str, statement: Statement, *,
            expected: Decimal | None, actual: Decimal, column: str) -> Iterator[Finding]:
    if status is Consistency.EXACT:
        return
    if status is Consistency.WITHIN_ROUNDING:
        yield ctx.finding(rounding, [_place(statement, column)], expected=expected, actual=actual,
                          severity=Severity.INFO)
    else:
        yield ctx.finding(message, [_place(statement, column)], expected=expected, actual=actual)


@rule("NARR-001", "说明中的增减额与增减率一致", requires=("statements",))
def change_agrees_with_rate(ctx: Context) -> Iterator[Finding]:
    """A statement giving this year's amount, the change on last year (增加/减少) and the rate
    (增长/下降) is consistent: rate = change ÷ (amount − change) × 100, rounding-aware. An item new
    this year (last year 0) is conventionally "增长 100%"; a rate stated for a zero prior year is not
    otherwise judged."""
    for statement in ctx.doc.statements:
        amount, change, rate = statement.amount, statement.change_amount, statement.change_rate
        if amount is None or change is None or rate is None:
            continue
        prior = amount - change
        if prior == 0:
            if rate not in (0, _HUNDRED) and not (amount == 0 and change == 0):
                yield ctx.finding(f"{_where(statement)}：上年为零（{figure(amount)} 全部为新增），增长率应为 100%，"
                                  f"说明为 {rate}%", [_place(statement, "change_rate")],
                                  expected=_HUNDRED, actual=rate, severity=Severity.WARNING)
            continue
        status = check_rate(rate, amount, change_amount=change)
        exact = round_half_up(_HUNDRED * change / prior, decimal_places(rate))
        words = (f"{_where(statement)}：{figure(amount)}，比上年增减 {figure(change)}（上年 {figure(prior)}），"
                 f"增减率应为 {exact}%")
        yield from _judged(ctx, status, f"{words}，说明为 {rate}%", f"{words}，说明为 {rate}%，在四舍五入误差之内",
                           statement, expected=exact, actual=rate, column="change_rate")


def statement_wholes(doc: BudgetDisclosure, index: int) -> list[Decimal]:
    """The totals a statement's share (占比) can be of: the amounts stated without a share in its own
    section and the section before it, the sum of the amounts given shares in its section, and the
    totals of the summary and budget tables."""
    statements = doc.statements
    section = statements[index].section
    sections = [s.section for s in statements]
    earlier = [s for s in sections[:index] if s != section]
    nearby = {section, earlier[-1] if earlier else section}
    wholes = [s.amount for s in statements if s.section in nearby and s.share is None and s.amount]
    shared = [s.amount for s in statements if s.section == section and s.share is not None and s.amount]
    if len(shared) > 1:  # the parts of one whole, each given its share
        wholes.append(sum(shared, Decimal(0)))
    wholes.extend(_table_totals(doc))
    return [w for w in wholes if w is not None and w > 0]


def _table_totals(doc: BudgetDisclosure) -> Iterator[Decimal]:
    tables = doc.tables
    for table in (tables.summary, tables.fiscal_summary):
        for line in table.revenue if table is not None else ():
            amount = getattr(line, "amount", None)
            if amount is None:
                amount = getattr(getattr(line, "amounts", None), "total", None)
            if amount:
                yield amount
    for key in ("revenue", "expenditure", "general_budget", "general_budget_basic"):
        total = _total_row(getattr(tables, key))
        if total is not None:
            yield total.amounts.total


def _total_row(table: Any) -> Any:
    """The table's 合计/总计 row: uncoded, outside any agency, named as a total or not at all."""
    for line in table.lines if table is not None else ():
        name = "".join(line.name.split())
        if getattr(line, "code", None) is None and line.agency is None and line.project is None and (
                not name or "合计" in name or "总计" in name):
            return line
    return None


@rule("NARR-002", "说明中的占比与金额一致", severity=Severity.WARNING, requires=("statements",))
def share_agrees_with_amount(ctx: Context) -> Iterator[Finding]:
    """A stated share (占 63.88%) is the stated amount as a percentage of a whole the document prints:
    a total stated without a share in the same or the previous section, the sum of the amounts given
    shares in the section, or a total of the summary or budget tables (rounding-aware). The text does
    not say which whole it means, so a share that fits none is a warning."""
    for index, statement in enumerate(ctx.doc.statements):
        share, amount = statement.share, statement.amount
        if share is None or amount is None:
            continue
        wholes = statement_wholes(ctx.doc, index)
        if not wholes:
            continue
        verdicts = [check_ratio(share, amount, whole) for whole in wholes]
        if Consistency.EXACT in verdicts:
            continue
        if Consistency.WITHIN_ROUNDING in verdicts:
            whole = wholes[verdicts.index(Consistency.WITHIN_ROUNDING)]
            yield ctx.finding(f"{_where(statement)}：{figure(amount)} ÷ {figure(whole)} 与说明的占比 {share}% "
                              f"只在四舍五入误差之内相符", [_place(statement, "share")], actual=share,
                              severity=Severity.INFO)
            continue
        candidates = "、".join(dict.fromkeys(f"{figure(w)}（{_percent(amount, w)}%）" for w in wholes[:4]))
        yield ctx.finding(f"{_where(statement)}：说明占比 {share}%，但 {figure(amount)} 占文中各总数的比例为 "
                          f"{candidates}，都不相符", [_place(statement, "share")], actual=share)


def _percent(part: Decimal, whole: Decimal) -> Decimal:
    return (_HUNDRED * part / whole).quantize(Decimal("0.01"))


# --- stated amounts against the tables ---------------------------------------------------------------

#: 三公 items the text names, and the field of the "三公" table that holds each.
_THREE_PUBLIC = (
    ("因公出国", "overseas_travel"),
    ("公务用车购置及运行", "vehicles"),
    ("公务用车购置费", "vehicle_purchase"),
    ("公务用车运行", "vehicle_operation"),
    ("公务接待", "reception"),
    ("三公", "total"),
)


def _three_public_figures(ctx: Context, statement: Statement) -> list[tuple[str, Decimal]]:
    table = ctx.doc.tables.three_public
    section = statement.section or ""
    if table is None or "三公" not in section + statement.subject:
        return []
    subject = "".join(statement.subject.split())
    for words, field in _THREE_PUBLIC:
        if words in subject:
            return [(f"{ctx.table_name('three_public')}“{subject}”", getattr(table, field).total)]
    return []


def code_total(table: Any, code: FunctionCode) -> Decimal | None:
    """What a function-coded table prints for ``code``: its own row, else the sum of the top rows
    printed below it (a table of 项 rows only), else zero; ``None`` when the rows belong to several
    agencies, so that which total is meant is not certain."""
    rows = [line for line in table.lines if line.code is not None and line.project is None
            and (line.code == code or code.is_ancestor_of(line.code))]
    own = [line for line in rows if line.code == code]
    tops = own or [line for line in rows if not any(o.code.is_ancestor_of(line.code) for o in rows)]
    if len({(line.agency, line.agency_code) for line in tops}) > 1:
        return None
    return sum((line.amounts.total for line in tops), Decimal(0))


def _code_figures(ctx: Context, statement: Statement) -> list[tuple[str, Decimal]]:
    # A section on the 一般公共预算 may count this year's appropriation only (一般公共预算支出情况表)
    # or carried-over funds too (支出总体情况表): either table's figure is the stated one.
    if statement.code is None or "一般公共预算" not in (statement.section or ""):
        return []
    figures = []
    for key in ("general_budget", "expenditure"):
        table = getattr(ctx.doc.tables, key)
        total = code_total(table, statement.code) if table is not None else None
        if total is not None:
            figures.append((f"{ctx.table_name(key)} {statement.code}", total))
    return figures


#: Subjects the text states for a whole table, and the tables and column that print them.
_TOTALS = {
    "基本支出": (("expenditure", "general_budget"), "basic"),
    "项目支出": (("expenditure", "general_budget"), "project"),
    "人员经费": (("general_budget_basic",), "personnel"),
    "公用经费": (("general_budget_basic",), "public"),
}


def _total_figures(ctx: Context, statement: Statement) -> list[tuple[str, Decimal]]:
    # 基本支出 may be stated for the whole budget (支出总体情况表) or for this year's 一般公共预算
    # appropriation (一般公共预算支出情况表): either table's total is the stated figure.
    found = _TOTALS.get("".join(statement.subject.split()))
    if found is None:
        return []
    keys, column = found
    figures = []
    for key in keys:
        row = _total_row(getattr(ctx.doc.tables, key))
        value = getattr(row.amounts, column, None) if row is not None else None
        if value is not None:
            figures.append((f"{ctx.table_name(key)}合计行", value))
    return figures


_TABLE_FIGURES: Sequence[Callable[[Context, Statement], list[tuple[str, Decimal]]]] = (
    _code_figures, _three_public_figures, _total_figures,
)


@rule("NARR-003", "说明中的金额与表格一致", requires=("statements",))
def amount_agrees_with_tables(ctx: Context) -> Iterator[Finding]:
    """A stated amount equals the figure the tables print for it, where what the statement names is
    certain: a classification code in a section on the 一般公共预算 (the code's row of
    一般公共预算支出情况表 or, where the text counts carried-over funds too, of 支出总体情况表; the sum
    of its rows where the table prints only lower levels; zero where the table does not print it),
    a "三公" item (“三公”经费支出情况表), or 基本支出/项目支出 (the total row of 支出总体情况表 or of
    一般公共预算支出情况表) and 人员经费/公用经费 (of 一般公共预算基本支出情况表). Rounding-aware."""
    for statement in ctx.doc.statements:
        if statement.amount is None:
            continue
        figures = next((found for find in _TABLE_FIGURES if (found := find(ctx, statement))), [])
        judged = [(where, printed, check_equal(statement.amount, printed)) for where, printed in figures]
        if not judged or any(result.status is Consistency.EXACT for _, _, result in judged):
            continue
        where, printed, _ = next((j for j in judged if j[2].status is Consistency.WITHIN_ROUNDING), judged[0])
        finding = ctx.check_equal(statement.amount, printed, where=_where(statement),
                                  what=f"说明金额 = {where}（{figure(printed)}）",
                                  locations=[_place(statement, "amount")])
        if finding is not None:
            yield finding


# --- counts of project targets ----------------------------------------------------------------------


def _projects(doc: BudgetDisclosure, subject: str) -> list[Any] | None:
    """The project targets a statement about 财政拨款项目 / 非财政拨款项目 counts (None if unknown)."""
    performance = doc.performance
    if performance is None or not performance.projects:
        return None
    funds = [p.funds for p in performance.projects]
    if any(f is None or f.total is None or f.fiscal is None for f in funds):
        return None
    if "非财政拨款项目" in subject:
        return [p for p, f in zip(performance.projects, funds, strict=True) if f.fiscal == 0 and f.total]
    if "财政拨款项目" in subject:
        return [p for p, f in zip(performance.projects, funds, strict=True) if f.fiscal]
    return None


@rule("NARR-004", "说明中的项目个数和金额与绩效目标表一致", requires=("statements", "performance"))
def project_counts_agree(ctx: Context) -> Iterator[Finding]:
    """"当年财政拨款项目 N 个，涉及预算金额 X 万元" (and 非财政拨款项目) agree with the project target
    tables: N is the number of project targets with (without) 财政拨款 funds, X the sum of their
    年度预算总额, rounding-aware. Where the text counts more projects than the document prints
    targets for, some targets may be withheld by rule (转移支付项目不公开): a warning, and the
    amounts are not compared."""
    for statement in ctx.doc.statements:
        subject = "".join(statement.subject.split())
        projects = _projects(ctx.doc, subject) if statement.count is not None else None
        if projects is None or statement.count is None:
            continue
        kind = "非财政拨款" if "非财政拨款项目" in subject else "财政拨款"
        if statement.count != len(projects):
            fewer = statement.count > len(projects)
            yield ctx.finding(f"{_where(statement)}：说明{kind}项目 {statement.count} 个，项目支出绩效目标表中有 "
                              f"{len(projects)} 个" + ("（未公开的项目应在说明中交代）" if fewer else ""),
                              [_place(statement, "count")], expected=Decimal(len(projects)),
                              actual=Decimal(statement.count), severity=Severity.WARNING if fewer else None)
            continue
        if statement.amount is not None:
            total = sum((p.funds.total for p in projects), Decimal(0))
            found = ctx.check_equal(statement.amount, total, where=_where(statement),
                                    what=f"说明金额 = 各{kind}项目年度预算总额之和（{figure(total)}）",
                                    locations=[_place(statement, "amount")])
            if found is not None:
                yield found
