"""The 类 view of a two-sided summary table (:func:`by_category`) writes a 类's figure out only when
asked for: its figures and values are held to the figures written the plain way, every line of the
类's top level printed made a figure and added up."""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal

from hypothesis import given, settings
from hypothesis import strategies as st

from cnbudget.codes import FunctionCode
from cnbudget.model import BudgetDisclosure, SummaryLine, SummaryRole
from cnbudget.validation.context import Context
from cnbudget.validation.findings import checked_location
from cnbudget.validation.rules import RULES
from cnbudget.validation.rules.cross_table_figures import Figure, checked_figure
from cnbudget.validation.rules.cross_table_sources import by_category
from cnbudget.validation.rules.cross_table_views import Column

_CODES = ("201", "20101", "2010101", "208", "20805", "20899", "210", "21011")
_COLUMN = Column.of("amount", "预算数")


def _plain(title: str, lines: list[SummaryLine]) -> dict[FunctionCode, Figure]:
    """Each 类's figure as first written: a figure for every line of its top level, added up."""
    placed: dict[FunctionCode, list[tuple[int, SummaryLine]]] = {}
    for line in lines:
        if line.role is SummaryRole.FUNCTION and line.code is not None:
            placed.setdefault(line.code.category, []).append((line.code.level, line))
    figures = {}
    for category, found in placed.items():
        top = min(level for level, _ in found)
        chosen = [checked_figure(f"{title} {category} “{line.name}”", (line.amount,),
                                 checked_location("summary", code=str(category), column="amount"))
                  for level, line in found if level == top]
        figures[category] = chosen[0].plus(*chosen[1:]) if len(chosen) > 1 else chosen[0]
    return figures


_LINES = st.lists(st.builds(
    lambda code, amount, role: SummaryLine(role=role, name=f"支出{code}", code=FunctionCode(code), amount=amount),
    st.sampled_from(_CODES), st.decimals(min_value=0, max_value=10_000, places=2),
    st.sampled_from([SummaryRole.FUNCTION, SummaryRole.FUNCTION, SummaryRole.TOTAL])), max_size=10)


@settings(max_examples=200)
@given(_LINES)
def test_by_category_gives_the_figures_written_the_plain_way(lines: list[SummaryLine]) -> None:
    ctx = Context(doc=BudgetDisclosure(department="某局", fiscal_year=2024), catalog=None, rule=RULES["XTAB-002"])
    view = by_category(ctx, "summary", lines, _COLUMN, lambda line: line.amount)
    expected = _plain(ctx.table_name("summary"), lines)
    assert view.codes(1) == set(expected)
    for code in (FunctionCode(c) for c in _CODES if len(c) == 3):
        want = expected.get(code)
        assert view.value(code) == (None if want is None else want.value)
        assert view.amount(code) == want
        assert view.value(code) == (None if want is None else want.value)  # asked again, once written


def test_a_category_printed_twice_adds_its_lines_under_the_first_name() -> None:
    ctx = Context(doc=BudgetDisclosure(department="某局", fiscal_year=2024), catalog=None, rule=RULES["XTAB-002"])
    lines = [SummaryLine(role=SummaryRole.FUNCTION, name=name, code=FunctionCode(code), amount=amount)
             for name, code, amount in [("一般公共服务支出", "201", "3.00"), ("人大事务", "20101", "3.00"),
                                        ("一般公共服务", "201", "1.50")]]
    view = by_category(ctx, "summary", lines, _COLUMN, lambda line: line.amount)
    found = view.amount(FunctionCode("201"))
    assert found is not None
    assert (found.parts, view.value(FunctionCode("201"))) == ((Decimal("3.00"), Decimal("1.50")), Decimal("4.50"))
    assert found.label.endswith("201 “一般公共服务支出”")


@settings(max_examples=100)
@given(_LINES, _LINES)
def test_each_side_asked_in_one_run_is_placed_by_its_own_lines(first: list[SummaryLine],
                                                               second: list[SummaryLine]) -> None:
    # The lines' 类 are kept per run for every column compared: lines asked for later under the same
    # table key are their own, not the first lines' placement.
    ctx = Context(doc=BudgetDisclosure(department="某局", fiscal_year=2024), catalog=None, rule=RULES["XTAB-002"])
    for lines in (first, second, first):
        view = by_category(ctx, "summary", lines, _COLUMN, lambda line: line.amount)
        assert view.codes(1) == set(_plain(ctx.table_name("summary"), lines))


def _plain_cells(lines: list[SummaryLine], amount: Callable[[SummaryLine], Decimal | None]
                 ) -> tuple[list[tuple[FunctionCode, tuple[str, tuple[Decimal, ...]]]], bool]:
    """Each 类 with its first top-level line's name and its top-level figures, in the order its first
    line with a figure comes, and whether every line with a figure was placed: two passes, as first
    written."""
    placed: dict[FunctionCode, list[tuple[int, SummaryLine, Decimal]]] = {}
    complete = True
    for line in lines:
        value = amount(line)
        if line.role is not SummaryRole.FUNCTION or value is None:
            continue
        if line.code is None:
            complete = False
            continue
        placed.setdefault(line.code.category, []).append((line.code.level, line, value))
    cells = []
    for category, found in placed.items():
        top = min(level for level, _, _ in found)
        chosen = [(line, value) for level, line, value in found if level == top]
        cells.append((category, (chosen[0][0].name, tuple(value for _, value in chosen))))
    return cells, complete


@settings(max_examples=200)
@given(st.lists(st.tuples(st.sampled_from([*_CODES, None]), st.sampled_from(["1.00", "2.50", "0"]), st.booleans(),
                          st.sampled_from([SummaryRole.FUNCTION, SummaryRole.FUNCTION, SummaryRole.TOTAL])),
                max_size=12))
def test_by_category_keeps_the_categories_in_order_with_their_top_level_lines(
        rows: list[tuple[str | None, str, bool, SummaryRole]]) -> None:
    lines = [SummaryLine(role=role, name=f"甲乙{n}{'空' if blank else ''}", code=FunctionCode(code) if code else None,
                         amount=figure) for n, (code, figure, blank, role) in enumerate(rows)]

    def amount(line: SummaryLine) -> Decimal | None:
        return None if line.name.endswith("空") else line.amount

    ctx = Context(doc=BudgetDisclosure(department="某局", fiscal_year=2024), catalog=None, rule=RULES["XTAB-002"])
    view = by_category(ctx, "summary", lines, _COLUMN, amount)
    cells, complete = _plain_cells(lines, amount)
    assert list(view._cells.items()) == cells
    assert view.complete is complete
