"""The converter and lossless JSON: round trips of every model type, and malformed input."""

from __future__ import annotations

import json
from decimal import Decimal
from typing import Any

import attrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import cnbudget
from cnbudget import model
from cnbudget.codes import FunctionCode
from cnbudget.errors import DataError, InvalidAmount
from cnbudget.model import (
    BudgetDisclosure,
    ExpenditureAmounts,
    ExpenditureTable,
    FunctionLine,
    Indicator,
    Tables,
)
from cnbudget.serialize import converter, from_dict, from_json, to_dict, to_json
from tests.strategies import amounts, disclosures, values_of

MODEL_CLASSES = [cls for cls in (getattr(model, name, None) for name in model.__all__
                                 if name not in {"Line", "Table", "AmountRecord", "Fact"})
                 if isinstance(cls, type) and attrs.has(cls)]


def minimal(**changes: Any) -> dict[str, Any]:
    data: dict[str, Any] = to_dict(BudgetDisclosure(department="示例部门", fiscal_year=2024))
    data.update(changes)
    return data


def with_line(**amounts_data: Any) -> dict[str, Any]:
    line = {"name": "行政运行", "code": "2101501", "amounts": {"total": "1.00", **amounts_data}}
    return minimal(tables={"general_budget": {"lines": [line]}})


@settings(max_examples=40, deadline=None)
@given(disclosures())
def test_whole_disclosures_survive_json(doc: BudgetDisclosure) -> None:
    assert from_json(to_json(doc)) == doc


@pytest.mark.parametrize("cls", MODEL_CLASSES, ids=lambda cls: cls.__name__)
@settings(max_examples=15, deadline=None)
@given(data=st.data())
def test_every_model_type_survives_json(cls: type[Any], data: st.DataObject) -> None:
    value = data.draw(values_of(cls))
    assert from_json(to_json(value), cls) == value


@given(amounts)
def test_amounts_keep_their_exponent(value: Decimal) -> None:
    back = converter.structure(converter.unstructure(value), Decimal)
    assert back == value and str(back) == str(value)


def test_amounts_are_strings_codes_are_strings_enums_are_values() -> None:
    line = FunctionLine(code=FunctionCode("2101501"), name="行政运行",
                        amounts=ExpenditureAmounts(total="12.50", basic="12.50"))
    data = to_dict(line)
    assert data["code"] == "2101501"
    assert data["amounts"]["total"] == "12.50"
    assert data["amounts"]["project"] is None
    assert to_dict(BudgetDisclosure(department="x", fiscal_year=2024))["amount_unit"] == "万元"


def test_the_root_carries_the_format_version() -> None:
    text = to_json(BudgetDisclosure(department="x", fiscal_year=2024))
    assert json.loads(text)["format_version"] == model.FORMAT_VERSION


def test_chinese_is_written_readably() -> None:
    assert "示例部门" in to_json(BudgetDisclosure(department="示例部门", fiscal_year=2024))


def problems(data: Any) -> dict[str, str]:
    text = data if isinstance(data, str) else json.dumps(data, ensure_ascii=False)
    with pytest.raises(DataError) as caught:
        from_json(text)
    return dict(caught.value.problems)


@pytest.mark.parametrize(
    ("data", "path", "words"),
    [
        (with_line(total=1.5), "tables.general_budget.lines[0].amounts.total", "not the number 1.5"),
        (with_line(total="NaN"), "tables.general_budget.lines[0].amounts.total", "not an amount"),
        (with_line(total="1,089.27"), "tables.general_budget.lines[0].amounts.total", "not an amount"),
        (with_line(basic=True), "tables.general_budget.lines[0].amounts.basic", "boolean"),
        (with_line(basics="1"), "tables.general_budget.lines[0].amounts.basics", "unknown key"),
        (minimal(fiscal_year="2024"), "fiscal_year", "whole number"),
        (minimal(department=7), "department", "expected text"),
        (minimal(amount_unit="美元"), "amount_unit", "AmountUnit"),
        (minimal(extra=1), "extra", "unknown key"),
        (minimal(format_version="9"), "format_version", "unknown format version"),
    ],
)
def test_malformed_data_names_the_path(data: dict[str, Any], path: str, words: str) -> None:
    found = problems(data)
    assert path in found, found
    assert words in found[path]


def test_nan_written_as_a_bare_json_constant_is_refused() -> None:
    text = json.dumps(with_line()).replace('"total": "1.00"', '"total": NaN')
    assert "NaN" in problems(text)["tables.general_budget.lines[0].amounts.total"]


def test_an_impossible_code_is_reported_with_why() -> None:
    data = with_line()
    data["tables"]["general_budget"]["lines"][0]["code"] = "2101"
    assert "4 digits" in problems(data)["tables.general_budget.lines[0].code"]


def test_a_missing_required_key_is_reported() -> None:
    data = minimal()
    del data["department"]
    assert "missing" in problems(data)["department"]
    missing_version = minimal()
    del missing_version["format_version"]
    assert "format_version" in problems(missing_version)


def test_every_problem_is_listed_not_only_the_first() -> None:
    data = with_line(total="x", basic=2.5)
    data["department"] = None
    found = problems(data)
    assert {"department", "tables.general_budget.lines[0].amounts.total",
            "tables.general_budget.lines[0].amounts.basic"} <= set(found)


def test_invalid_json_and_duplicate_keys() -> None:
    assert any("line 1" in path for path in problems('{"department": '))
    assert "twice" in " ".join(problems('{"format_version": "1", "format_version": "1"}').values())
    assert problems("[]")


def test_a_value_the_model_refuses_is_a_data_error() -> None:
    assert "outside" in " ".join(problems(minimal(fiscal_year=1800)).values())


def test_from_dict_refuses_python_floats_too() -> None:
    with pytest.raises(DataError):
        from_dict(with_line(total=1.5))
    with pytest.raises(InvalidAmount):
        converter.structure(float("nan"), Decimal)


def test_other_classes_can_be_read_alone() -> None:
    ind = Indicator(level1="产出指标", name="参保率", target="≥95%", weight="10")
    assert from_json(to_json(ind), Indicator) == ind
    table = ExpenditureTable(lines=[])
    assert from_dict(to_dict(Tables(general_budget=table)), Tables).general_budget == table


def test_public_names() -> None:
    assert cnbudget.to_json is to_json and cnbudget.from_json is from_json
    assert cnbudget.serialize.converter is converter
