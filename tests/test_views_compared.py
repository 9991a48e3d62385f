"""Tables compared code by code (按科目比对) the quick way find what the plain way finds: values that
agree are passed over without writing out their figures, and a view's value of a code is the value of
its figure."""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal

from hypothesis import assume, given, settings
from hypothesis import strategies as st

from cnbudget.codes import FunctionCode
from cnbudget.decimals import in_own_context
from cnbudget.model import BudgetDisclosure, ExpenditureAmounts, FunctionLine
from cnbudget.validation.context import Context
from cnbudget.validation.findings import Finding, Severity
from cnbudget.validation.registry import Rule
from cnbudget.validation.rules.cross_table_figures import Relation, at_most, equal, keep_finest
from cnbudget.validation.rules.cross_table_views import CodeView, Column, SumView, View, _pairs, compare_views

_CODES = ["201", "20101", "2010101", "2010102", "20103", "2010301", "205", "20502", "2050201", "208"]
_AMOUNTS = ["0", "0.00", "1.00", "1.01", "2.50", "3.50", "10"]
_RULE = Rule(id="XTAB-002", title="示例", family="XTAB", severity=Severity.ERROR, check=lambda ctx: ())
_CTX = Context(doc=BudgetDisclosure(department="示例", fiscal_year=2024), catalog=None, rule=_RULE)
_TOTAL = Column.of("total", "合计")

# Two tables printing rows of some of the same codes, many with the same amounts (so most agree).
rows = st.lists(st.tuples(st.sampled_from(_CODES), st.sampled_from(_AMOUNTS)), max_size=7, unique_by=lambda r: r[0])


def _view(key: str, found: list[tuple[str, str]]) -> CodeView:
    lines = [FunctionLine(code=FunctionCode(code), name=f"科目{code}", amounts=ExpenditureAmounts(total=amount))
             for code, amount in found]
    return CodeView(key, key, lines, _TOTAL)


@in_own_context
def _plain(a: View, b: View, relation: Relation) -> list[Finding]:
    """compare_views written out: every pair's figures, then the totals, the finest findings kept."""
    found: list[tuple[str | None, Finding]] = []
    for code, first, second in _pairs(a, b):
        finding = relation(_CTX, first, second, "比对")
        if finding is not None:
            found.append((str(code), finding))
    first_total, second_total = a.total(), b.total()
    if first_total is not None and second_total is not None:
        finding = relation(_CTX, first_total, second_total, "比对")
        if finding is not None:
            found.append((None, finding))
    return keep_finest(found)


_OFF = st.sampled_from([Decimal(0), Decimal(0), Decimal("0.01"), Decimal("-0.01"), Decimal("0.5"), Decimal("-2")])


@st.composite
def two_tables(draw: st.DrawFn) -> tuple[list[tuple[str, str]], list[tuple[str, str]]]:
    """A table's rows, and another's: the same codes, most amounts the same, some a cent or more off,
    some rows left out, some of their own."""
    first = draw(rows)
    second = [(code, str(Decimal(amount) + draw(_OFF))) for code, amount in first]
    second = [row for row in second if draw(st.integers(0, 5))]  # now and then a row left out
    extra = [row for row in draw(rows) if row[0] not in {code for code, _ in second}]
    return first, second + extra[:2]


@settings(max_examples=200, deadline=None)
@given(two_tables(), st.sampled_from([equal, at_most]), st.booleans())
def test_views_compared_find_what_every_pair_written_out_finds(tables: tuple[list[tuple[str, str]],
                                                                             list[tuple[str, str]]],
                                                               relation: Relation, summed: bool) -> None:
    first, second = tables
    a = _view("a", first)
    b: View = SumView("两表", "b", [_view("b", second), _view("c", first[:2])]) if summed else _view("b", second)
    quick = in_own_context(compare_views)(_CTX, a, b, what="比对", relation=relation)
    a, b = _view("a", first), (SumView("两表", "b", [_view("b", second), _view("c", first[:2])]) if summed
                               else _view("b", second))  # fresh views: nothing kept from the quick run
    assert quick == _plain(a, b, relation)


@given(rows, st.sampled_from(_CODES))
def test_a_views_value_is_its_figures(found: list[tuple[str, str]], code: str) -> None:
    for asked_first in (True, False):  # the value before the figure is written out, and after
        view: View = _view("a", found)
        both = SumView("两表", "b", [view, _view("c", found[1:])])
        for one in (view, both):
            if asked_first:
                one.amount(FunctionCode(code))
            value, figure = one.value(FunctionCode(code)), one.amount(FunctionCode(code))
            if figure is None or value is None:
                assert figure is None and value is None
            else:
                assert figure.value == value


def test_a_disagreeing_code_is_found_among_agreeing_ones() -> None:
    a = _view("a", [("2010101", "1.00"), ("2010102", "2.00"), ("2050201", "3.00")])
    b = _view("b", [("2010101", "1.00"), ("2010102", "2.50"), ("2050201", "3.00")])
    (finding,) = compare_views(_CTX, a, b, what="比对")
    assert finding.locations[0].code == "2010102" and finding.actual == Decimal("2.00")
    assert compare_views(_CTX, a, b, what="比对", relation=at_most) == []  # 2.00 ≤ 2.50


_BASIC = Column.of("basic", "基本支出")
# A table's rows: coded rows and uncoded totals, each printing 基本支出 or not.
_MIXED = st.lists(st.tuples(st.sampled_from([None, "201", "20101", "205"]), st.sampled_from([None, "1.00", "2.50"])),
                  max_size=6)


@given(_MIXED)
def test_a_views_printed_total_is_the_first_uncoded_total_row_printing_the_column(
        found: list[tuple[str | None, str | None]]) -> None:
    # The uncoded total rows are found once per table for every column's view; the plain way reads
    # every row in order for the first uncoded 合计 that prints the column.
    lines = [FunctionLine(code=FunctionCode(code) if code else None, name=f"科目{code}" if code else "合计",
                          amounts=ExpenditureAmounts(total="9", basic=basic)) for code, basic in found]
    view = CodeView("表", "general_budget", lines, _BASIC)
    printed = next((basic for code, basic in found if code is None and basic is not None), None)
    assume(printed is not None)  # else the index finds what stands for the total (tested elsewhere)
    total = view.total()
    assert total is not None and total.value == Decimal(str(printed))
    assert total.label.startswith("表合计")


# A table's rows: coded, 合计/总计 rows, an uncoded row of another kind, each printing 项目支出 or not.
_PROJECT = st.one_of(st.none(), st.sampled_from(_AMOUNTS))
_UNCODED = st.tuples(st.none(), st.sampled_from(["合计", "总计", "其他"]), _PROJECT)
_CODED = st.tuples(st.sampled_from(_CODES), st.just(""), _PROJECT)
table_rows = st.lists(st.one_of(_UNCODED, _CODED), max_size=6)


def _project_view(found: list[tuple[str | None, str, str | None]]) -> CodeView:
    lines = [FunctionLine(code=FunctionCode(code) if code else None, name=name if code is None else f"科目{code}",
                          amounts=ExpenditureAmounts(total="1.00", project=project))
             for code, name, project in found]
    return CodeView("表", "general_budget", lines, Column.of("project", "项目支出"))


@settings(max_examples=400)
@given(table_rows, st.lists(_PROJECT, min_size=6, max_size=6), st.booleans())
def test_a_total_read_from_printed_rows_is_the_same_whatever_the_other_rows_print(
        found: list[tuple[str | None, str, str | None]], others: list[str | None], index_first: bool) -> None:
    # The diagnosis of shifted rows takes a failed comparison with a table's total to fail again on a
    # document whose other rows print other figures: the total is the same, read either way (the
    # code index built first, or not).
    view = _project_view(found)
    if index_first:
        view.levels()
    resting = view.total_read_from()
    total = view.total()
    changed = [row if n in resting else (row[0], row[1], others[n]) for n, row in enumerate(found)]
    again = _project_view(changed)
    if index_first:
        again.levels()
    if resting:
        assert total is not None and again.total() == total
        assert total.parts == (Decimal(found[resting[-1]][2] or "x"),)
        assert again.total_read_from() == resting


def _finest_by_every_pair(found: list[tuple[str | None, Finding]]) -> list[Finding]:
    """keep_finest as it was written first: each finding held against every other."""
    kept = []
    for code, finding in found:
        rank = finding.severity.rank
        finer = [other for other_code, other in found
                 if other_code is not None and other.severity.rank <= rank
                 and (code is None or (len(other_code) > len(code) and other_code.startswith(code)))]
        if not finer:
            kept.append(finding)
    return kept


@settings(max_examples=500)
@given(st.lists(st.tuples(st.one_of(st.none(), st.sampled_from([*_CODES, "2", "21", "2010", "20101011"])),
                          st.sampled_from(list(Severity))), max_size=12))
def test_the_finest_findings_are_those_no_finding_below_outranks(drawn: list[tuple[str | None, Severity]]) -> None:
    # Codes at every level, repeated, a total or two, prefixes that are no level's: the findings kept
    # (and their order) are those the comparison of every pair keeps.
    found = [(code, Finding(rule="XTAB-002", severity=severity, message=str(number)))
             for number, (code, severity) in enumerate(drawn)]
    assert [f.message for f in keep_finest(found)] == [f.message for f in _finest_by_every_pair(found)]


class _CountedFindings(list):  # type: ignore[type-arg]
    """Findings that count how often they are gone through."""

    walks = 0

    def __iter__(self) -> Iterator[tuple[str | None, Finding]]:
        _CountedFindings.walks += 1
        return super().__iter__()


def test_the_finest_findings_of_many_codes_are_kept_going_through_them_twice() -> None:
    # Each finding held against every other went through the findings once for each (quadratic in
    # the codes two large tables disagree on); marking what stands below each code goes through twice.
    found = _CountedFindings((f"210{n // 100:02d}{n % 100:02d}", Finding(rule="XTAB-002", severity=Severity.ERROR,
                                                                       message=str(n))) for n in range(500))
    found.append(("210", Finding(rule="XTAB-002", severity=Severity.ERROR, message="类")))
    _CountedFindings.walks = 0
    kept = keep_finest(found)
    assert [f.message for f in kept] == [str(n) for n in range(500)]  # the 类 echoes the 项 below it
    assert _CountedFindings.walks == 2
