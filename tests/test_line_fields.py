"""The line classes share their common fields (预算单位, 单位代码, 科目编码, 名称, 项目名称, 行号, 页码), declared
once in :class:`~cnbudget.model.Line` and its coded bases, while the keys of their JSON keep the order
they were released in (attrs would put inherited fields first)."""

from __future__ import annotations

import json

import attrs
import pytest

from cnbudget import to_json
from cnbudget.codes import EconomicCode, FunctionCode
from cnbudget.model import (
    BasicAmounts,
    CarryoverLine,
    EconomicLine,
    EconomicSummaryLine,
    ExpenditureAmounts,
    FiscalLine,
    FunctionLine,
    Line,
    ProcurementLine,
    ProjectExpenditureLine,
    ProjectLine,
    RevenueLine,
    SummaryLine,
)
from cnbudget.model.lines import _ROW_KEYS

_CODED = ["agency", "agency_code", "code", "name", "project", "amounts", "line_number", "page"]
_ECONOMIC = ["agency", "agency_code", "code", "name", "gov_code", "gov_name", "project", "amounts", "line_number",
             "page"]

# The key order of each line's JSON as released, copied from the class declarations before the fields were shared.
RELEASED_KEYS: dict[type[Line], list[str]] = {
    FunctionLine: _CODED,
    RevenueLine: _CODED,
    ProjectExpenditureLine: _CODED,
    EconomicLine: _ECONOMIC,
    EconomicSummaryLine: _ECONOMIC,
    ProjectLine: ["agency", "agency_code", "name", "project", "project_type", "amounts", "line_number", "page"],
    CarryoverLine: ["agency", "agency_code", "name", "project", "amounts", "line_number", "page"],
    SummaryLine: ["role", "name", "code", "source", "amount", "amounts", "agency", "agency_code", "project",
                  "line_number", "page"],
    FiscalLine: ["role", "name", "code", "amounts", "agency", "agency_code", "project", "line_number", "page"],
    ProcurementLine: ["category", "project", "subject", "name", "item", "method", "amount", "agency", "agency_code",
                      "line_number", "page"],
}


def _declared(kind: type) -> set[str]:
    """The fields a class declares in its own body."""
    return set(vars(kind).get("__annotations__", {}))


@pytest.mark.parametrize("kind", RELEASED_KEYS, ids=lambda kind: kind.__name__)
def test_the_fields_keep_the_released_order(kind: type[Line]) -> None:
    assert [field.name for field in attrs.fields(kind)] == RELEASED_KEYS[kind]


@pytest.mark.parametrize("kind", RELEASED_KEYS, ids=lambda kind: kind.__name__)
def test_the_shared_fields_are_inherited_not_declared_again(kind: type[Line]) -> None:
    fields = attrs.fields_dict(kind)
    for name in ("agency", "agency_code", "line_number", "page"):
        assert name not in _declared(kind), f"{kind.__name__}.{name} is declared again"
    assert fields["agency"].metadata["zh"] == "预算单位"
    assert fields["agency_code"].metadata["zh"] == "单位代码"


def test_the_coded_lines_share_their_code_and_name() -> None:
    for kind in (FunctionLine, RevenueLine, ProjectExpenditureLine, EconomicLine, EconomicSummaryLine):
        fields = attrs.fields_dict(kind)
        assert not {"code", "name", "project"} & _declared(kind), kind
        assert fields["name"].metadata["zh"] == "科目名称"
    assert attrs.fields_dict(EconomicLine)["code"].metadata["zh"] == "部门预算支出经济分类科目编码"
    assert attrs.fields_dict(FunctionLine)["code"].metadata["zh"] == "功能分类科目编码"
    # A class that prints another heading over a shared field gives it its own label.
    assert attrs.fields_dict(CarryoverLine)["name"].metadata["zh"] == "项目名称"
    assert attrs.fields_dict(ProcurementLine)["project"].metadata["zh"] == "专项名称"


def test_the_json_of_a_line_lists_its_keys_in_that_order() -> None:
    line = EconomicLine(code=EconomicCode("30101"), name="基本工资", amounts=BasicAmounts(total="1"), line_number=7)
    assert list(json.loads(to_json(line))) == _ECONOMIC
    row = FunctionLine(agency="本级", code=FunctionCode("2101501"), name="行政运行",
                       amounts=ExpenditureAmounts(total="12.50"))
    assert list(json.loads(to_json(row))) == _CODED


def test_a_field_without_a_place_in_the_order_is_refused() -> None:
    with pytest.raises(TypeError, match=r"Stray: no place in the order of JSON keys for \['remark'\]"):
        @attrs.frozen(kw_only=True, field_transformer=_ROW_KEYS)
        class Stray(FunctionLine):
            remark: str | None = None
