"""What a run keeps is looked up once per question (一次查找): the run cache and a view's figures by
code answer with one look-up, and an answer of ``None`` is kept like any other (not worked out again
each time it is asked for); the coded names of a document are the same with nothing to skip."""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal
from typing import Any

from hypothesis import example, given, settings
from hypothesis import strategies as st

from cnbudget import example as example_document
from cnbudget.classification import COVERED_YEARS, catalog
from cnbudget.codes import ClassificationCode, FunctionCode
from cnbudget.examples import example_names
from cnbudget.model import ExpenditureAmounts, FunctionLine, Row
from cnbudget.validation.context import Context
from cnbudget.validation.rules import RULES
from cnbudget.validation.rules.catalogue import coded_names
from cnbudget.validation.rules.cross_table_views import CodeView, Column
from cnbudget.validation.run_cache import RunCache

# Values a cache may keep, the falsy ones among them: each is an answer, kept as such.
_VALUES = st.sampled_from([None, 0, "", (), False, 1, "x"])
_ASKS = st.lists(st.tuples(st.sampled_from(["a", "b", ("view", 1)]), st.sampled_from([None, "revenue", "projects"]),
                           _VALUES), max_size=12)


@given(_ASKS)
@example([("a", None, None), ("a", None, 1)])  # None kept: the second compute is never called
@example([("a", "revenue", 0), ("a", None, 1), ("a", "revenue", 2)])  # a table's own key apart
def test_the_run_cache_computes_each_value_once_and_keeps_none(asks: list[tuple[Any, str | None, Any]]) -> None:
    cache = RunCache()
    plain: dict[tuple[str | None, Any], Any] = {}  # the first value asked for under each table and key
    computed: list[tuple[str | None, Any]] = []

    def compute(table: str | None, key: Any, value: Any) -> Callable[[], Any]:
        def made() -> Any:
            computed.append((table, key))
            return value
        return made

    for key, table, value in asks:
        expected = plain.setdefault((table, key), value)
        assert cache.get(key, compute(table, key, value), table=table) == expected
    assert sorted(computed, key=repr) == sorted(plain, key=repr)  # each computed once, None too


class _CountingView(CodeView):
    """A view that counts how often it reads the cells of a code."""

    def __init__(self, *args: Any) -> None:
        super().__init__(*args)
        self.read: list[ClassificationCode] = []

    def _cells(self, code: ClassificationCode, *, names: bool = True) -> tuple[list[Decimal], list[str]]:
        self.read.append(code)
        return super()._cells(code, names=names)


_CODES = ["201", "20101", "2010101", "205", "20502", "208"]


@given(st.lists(st.sampled_from(_CODES), max_size=3, unique=True), st.lists(st.sampled_from(_CODES), max_size=8),
       st.lists(st.booleans(), max_size=8))
@example(["201"], ["208", "208"], [False, False])  # a code the view has no figure for: None, kept
@example(["201"], ["208", "208"], [True, False])
def test_a_views_answers_by_code_are_worked_out_once(printed: list[str], asked: list[str],
                                                     by_figure: list[bool]) -> None:
    lines = [FunctionLine(code=FunctionCode(code), name=f"科目{code}", amounts=ExpenditureAmounts(total="1.00"))
             for code in printed]
    view = _CountingView("表", "general_budget", lines, Column.of("total", "合计"))
    plain = CodeView("表", "general_budget", lines, Column.of("total", "合计"))  # asked each code once
    for code, figure in zip(asked, by_figure + [False] * len(asked), strict=False):
        if figure:
            assert view.amount(FunctionCode(code)) == CodeView.amount(plain, FunctionCode(code))
        else:
            found = plain.amount(FunctionCode(code))
            assert view.value(FunctionCode(code)) == (None if found is None else found.value)
    # A code's cells are read once for its value, and once more at most when its figure is written out.
    figured = {code for code, figure in zip(asked, by_figure, strict=False) if figure}
    assert all(view.read.count(FunctionCode(code)) <= (2 if code in figured else 1) for code in asked)


def _plain_coded_names(ctx: Context, skip: frozenset[tuple[str, ClassificationCode]]
                       ) -> list[tuple[str, Row, ClassificationCode, str]]:
    """coded_names written out: every pair looked up in ``skip``, empty or not."""
    return [found for found in coded_names(ctx) if (found[0], found[2]) not in skip]


@settings(deadline=None)  # an example's first check of a catalogue's year builds its indexes
@given(st.sampled_from(example_names()), st.integers(0, 3), st.integers(0, 5))
def test_coded_names_with_nothing_to_skip_are_every_coded_name(name: str, skipped: int, start: int) -> None:
    doc = example_document(name)
    year = doc.fiscal_year if doc.fiscal_year in COVERED_YEARS else max(COVERED_YEARS)
    ctx = Context(doc=doc, catalog=catalog(year), rule=RULES["CAT-001"], cache=RunCache())
    every = list(coded_names(ctx))
    skip = frozenset((key, code) for key, _, code, _ in every[start:start + skipped])
    assert list(coded_names(ctx, skip=skip)) == _plain_coded_names(ctx, skip)
    assert list(coded_names(ctx, skip=frozenset())) == every
