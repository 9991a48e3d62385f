"""The narrative's reader reads each printed amount and each wording of a change once per read,
keeping the result by its text: what it gives is what reading every one where it stands gives, the
problems of amounts that are none (each reported where it stands) included."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from cnbudget.money import AmountUnit, parse_amount
from cnbudget.readers.prose import narrative
from cnbudget.readers.prose.figures import ChangeMatch, change_of
from cnbudget.readers.prose.narrative import NarrativeContext, statements_in
from cnbudget.readers.prose.paragraphs import Paragraph, Section


class _NothingKept(dict[str, ChangeMatch | None]):
    def __setitem__(self, key: str, value: ChangeMatch | None) -> None:
        pass  # every change read again where it stands


class _PlainReader(narrative._Reader):
    """The reader without what it keeps: every amount parsed and every change read where it stands."""

    def __init__(self, context: NarrativeContext) -> None:
        super().__init__(context)
        self.changes = _NothingKept()

    def value(self, text: str) -> Decimal:
        return parse_amount(text, unit=self.context.unit)


_CLAUSES = st.sampled_from([
    "收入预算总计 3,166.28 万元", "支出预算总计 3,166.28 万元", "一般公共预算 2,022.69 万元", "与上年相比增加 1.5 万元",
    "比上年预算减少 208.54 万元", "与上年相比增加 3,166.28 万元", "占 63.88%", "增长 11.50%", "政府性基金预算未安排",
    "基本支出 83616.92元", "项目支出 0.2 亿元", "单位预留 123456789012345678901 万元", "收、支预算总计各增加 2 万元",
    "主要原因是人员增加", "2023年预算安排 2,022.69 万元", "上年预算数为 1.48 万元", "公用经费 １２ 万元",
    "其他 3,166.28 元",
])
_ENDS = st.sampled_from(["，", "。", "；"])


@settings(max_examples=400, deadline=None)
@given(st.lists(st.lists(st.tuples(_CLAUSES, _ENDS), min_size=1, max_size=6), min_size=1, max_size=4),
       st.sampled_from(list(AmountUnit)))
@example([[("单位预留 123456789012345678901 万元", "。"), ("单位预留 123456789012345678901 万元", "。")]],
         AmountUnit.WAN_YUAN)  # an amount that is none, twice: reported twice
@example([[("与上年相比增加 1.5 万元", "，"), ("与上年相比增加 1.5 万元", "。")]], AmountUnit.YUAN)
def test_what_is_kept_is_what_reading_each_where_it_stands_gives(
    paragraphs: list[list[tuple[str, str]]], unit: AmountUnit
) -> None:
    body = tuple(Paragraph(text="".join(clause + end for clause, end in paragraph), numbers=(index + 1,))
                 for index, paragraph in enumerate(paragraphs))
    found = [Section(heading=None, body=body)]
    context = NarrativeContext(department="某局", fiscal_year=2024, unit=unit)
    kept = statements_in(found, context)
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(narrative, "_Reader", _PlainReader)
        plain = statements_in(found, context)
    assert kept == plain


def test_an_amount_printed_twice_is_one_value_and_two_statements() -> None:
    text = "收入预算总计 3,166.28 万元，与上年相比增加 1 万元。支出预算总计 3,166.28 万元，与上年相比增加 1 万元。"
    body = (Paragraph(text=text, numbers=(1,)),)
    statements, problems = statements_in([Section(heading=None, body=body)], NarrativeContext())
    assert [(s.subject, s.amount, s.change_amount) for s in statements] == [
        ("收入预算总计", Decimal("3166.28"), Decimal("1")), ("支出预算总计", Decimal("3166.28"), Decimal("1"))]
    assert problems == []
    assert change_of("与上年相比增加") == ChangeMatch(subject="", sign=1, basis=None)
