"""The object model: construction, refusals, derived views."""

from __future__ import annotations

import inspect
from decimal import Decimal

import attrs
import pytest

import cnbudget.model as model
from cnbudget.codes import EconomicCode, FunctionCode
from cnbudget.errors import InvalidAmount
from cnbudget.model import (
    BudgetDisclosure,
    CarryoverAmounts,
    CarryoverLine,
    CarryoverTable,
    ExpenditureAmounts,
    ExpenditureTable,
    FunctionLine,
    Indicator,
    RowKind,
    SourceSplit,
    SummaryLine,
    SummaryRole,
    SummaryTable,
    Tables,
    ThreePublicTable,
)
from cnbudget.vocab import FundingSource

MODEL_CLASSES = [
    obj for _, obj in inspect.getmembers(model, inspect.isclass) if attrs.has(obj)
]


@pytest.mark.parametrize("cls", MODEL_CLASSES, ids=lambda c: c.__name__)
def test_every_model_class_is_frozen_slotted_keyword_only(cls: type) -> None:
    assert "__slots__" in cls.__dict__, f"{cls.__name__} is not slotted"
    params = attrs.fields(cls)
    assert all(f.kw_only for f in params), f"{cls.__name__} has positional fields"
    own_setattr: object = cls.__setattr__  # an object: mypy takes a class's __setattr__ for a bound method
    assert own_setattr is not object.__setattr__


@pytest.mark.parametrize("cls", MODEL_CLASSES, ids=lambda c: c.__name__)
def test_every_public_field_has_a_chinese_label(cls: type) -> None:
    for field in attrs.fields(cls):
        label = field.metadata.get("zh")
        assert isinstance(label, str) and label, f"{cls.__name__}.{field.name} has no zh label"
        assert any("\u4e00" <= ch <= "\u9fff" for ch in label), (cls.__name__, field.name)


def _line(code: str | None, name: str, total: str, basic: str, project: str) -> FunctionLine:
    return FunctionLine(
        code=FunctionCode(code) if code else None,
        name=name,
        amounts=ExpenditureAmounts(total=total, basic=basic, project=project),
    )


def test_amounts_refuse_floats_nan_and_bools() -> None:
    with pytest.raises(InvalidAmount, match="float"):
        ExpenditureAmounts(total=1089.27)  # type: ignore[arg-type]  # a float on purpose: refused at run time
    with pytest.raises(InvalidAmount):
        ExpenditureAmounts(total=Decimal("NaN"))
    with pytest.raises(InvalidAmount):
        ExpenditureAmounts(total=Decimal("Infinity"))
    with pytest.raises(InvalidAmount):
        ExpenditureAmounts(total=True)
    with pytest.raises(InvalidAmount):
        ExpenditureAmounts(total="12元3")


def test_amounts_keep_the_printed_exponent() -> None:
    assert str(ExpenditureAmounts(total="5.60").total) == "5.60"
    assert ExpenditureAmounts(total="1,089.27").total == Decimal("1089.27")


def test_absent_column_differs_from_zero() -> None:
    record = ExpenditureAmounts(total="3", basic="0")
    assert record.basic == 0
    assert record.project is None
    assert [name for name, _ in record.columns()] == ["total", "basic"]


def test_wrong_types_are_refused_with_the_field_named() -> None:
    # Each call passes a wrong type on purpose: the refusal at run time is what is tested.
    with pytest.raises(TypeError, match="name"):
        FunctionLine(name=210, amounts=ExpenditureAmounts(total="1"))  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        FunctionLine(code="210", name="x", amounts=ExpenditureAmounts(total="1"))  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        ExpenditureTable(lines=["not a line"])
    with pytest.raises(TypeError):
        FunctionLine(code=EconomicCode("301"), name="x",  # type: ignore[arg-type]
                     amounts=ExpenditureAmounts(total="1"))


def test_positional_arguments_are_refused() -> None:
    with pytest.raises(TypeError):
        ExpenditureAmounts("1")  # type: ignore[call-arg]  # positional on purpose: refused at run time


def test_fiscal_year_is_checked() -> None:
    with pytest.raises(ValueError, match="1900"):
        BudgetDisclosure(department="x", fiscal_year=1900)
    with pytest.raises(TypeError):
        BudgetDisclosure(department="x", fiscal_year="2024")  # type: ignore[arg-type]  # text on purpose


def test_objects_are_immutable_and_evolve() -> None:
    line = _line("210", "卫生健康支出", "10", "4", "6")
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        line.name = "x"  # type: ignore[misc]  # assigning on purpose: refused at run time
    changed = attrs.evolve(line, name="卫生健康")
    assert changed.name == "卫生健康" and line.name == "卫生健康支出"


def test_lists_become_tuples() -> None:
    table = ExpenditureTable(lines=[_line("210", "卫生健康支出", "1", "1", "0")])
    assert isinstance(table.lines, tuple)


@pytest.mark.parametrize(
    ("line", "kind"),
    [
        (_line(None, "总计", "1", "1", "0"), RowKind.TOTAL),
        (_line(None, "合 计", "1", "1", "0"), RowKind.TOTAL),
        (_line("210", "卫生健康支出", "1", "1", "0"), RowKind.CATEGORY),
        (_line("21015", "医疗保障管理事务", "1", "1", "0"), RowKind.SECTION),
        (_line("2101501", "行政运行", "1", "1", "0"), RowKind.ITEM),
        (
            FunctionLine(agency="乌鲁木齐市医疗保障局", name="乌鲁木齐市医疗保障局",
                         amounts=ExpenditureAmounts(total="1")),
            RowKind.AGENCY,
        ),
        (
            FunctionLine(code=FunctionCode("2101502"), name="一般行政管理事务",
                         project="2024 年综合业务费", amounts=ExpenditureAmounts(total="1")),
            RowKind.PROJECT,
        ),
        (_line(None, "其中：说明", "1", "1", "0"), RowKind.OTHER),
    ],
)
def test_row_kind_follows_from_contents(line: FunctionLine, kind: RowKind) -> None:
    assert line.kind is kind


def _three_public() -> ThreePublicTable:
    zero = SourceSplit(total="0", general_budget="0", gov_fund="0", soe_capital="0")
    half = SourceSplit(total="0.50", general_budget="0.50", gov_fund="0", soe_capital="0")
    return ThreePublicTable(
        total=half, overseas_travel=zero, vehicles=zero, vehicle_purchase=zero,
        vehicle_operation=zero, reception=half,
    )


def test_facts_cover_every_amount_with_coordinates() -> None:
    doc = BudgetDisclosure(
        department="示例",
        fiscal_year=2024,
        tables=Tables(
            summary=SummaryTable(
                revenue=[SummaryLine(role=SummaryRole.SOURCE, name="1. 一般公共预算拨款",
                                     source=FundingSource.GENERAL_BUDGET, amount="2,260.66")],
                expenditure=[SummaryLine(role=SummaryRole.FUNCTION, name="210 卫生健康支出",
                                         code=FunctionCode("210"), amount="2951.13")],
            ),
            general_budget=ExpenditureTable(
                lines=[_line("2101501", "行政运行", "1089.27", "1089.27", "0")]
            ),
            three_public=_three_public(),
            carryover=CarryoverTable(lines=[
                CarryoverLine(agency="乌鲁木齐市医疗保障局", name="2023年综合业务费",
                              project="2023年综合业务费",
                              amounts=CarryoverAmounts(total="20.43", fiscal="20.43")),
            ]),
        ),
    )
    rows = [fact.as_row() for fact in doc.facts()]
    assert rows[0] == ("summary", "", "", "1. 一般公共预算拨款", "", "revenue", "2260.66")
    assert rows[1] == ("summary", "", "210", "210 卫生健康支出", "", "expenditure", "2951.13")
    assert ("general_budget", "", "2101501", "行政运行", "", "basic", "1089.27") in rows
    assert ("three_public", "", "", "公务接待费", "", "reception.general_budget", "0.50") in rows
    assert (
        "carryover", "乌鲁木齐市医疗保障局", "", "2023年综合业务费", "2023年综合业务费",
        "fiscal", "20.43",
    ) in rows
    # 1 + 1 summary, 3 general_budget, 6 items x 4 sources, 2 carryover
    assert len(rows) == 2 + 3 + 24 + 2


def test_tables_present_in_standard_order() -> None:
    tables = Tables(three_public=_three_public(), summary=SummaryTable())
    assert [key for key, _ in tables.present()] == ["summary", "three_public"]


def test_indicator_parses_its_target_and_keeps_the_raw_text() -> None:
    indicator = Indicator(level1="产出指标", level2="质量指标", name="覆盖率", target="> =95%",
                          prior_actual="95%", weight="10")
    assert indicator.target.raw == "> =95%"
    assert indicator.target.number == Decimal("95")
    assert indicator.prior_actual is not None and indicator.prior_actual.raw == "95%"
    with pytest.raises(InvalidAmount):
        Indicator(level1="产出指标", name="x", target="1", weight=10.0)  # type: ignore[arg-type]  # a float on purpose
