"""The JSON Schema: valid 2020-12, Chinese titles, and it accepts exactly what the converter writes."""

from __future__ import annotations

import json
from typing import Any

import jsonschema
import pytest
from hypothesis import given, settings

from cnbudget import json_schema
from cnbudget.examples import example, example_names
from cnbudget.model import BudgetDisclosure
from cnbudget.serialize import to_dict, to_json
from tests.strategies import disclosures

VALIDATOR = jsonschema.Draft202012Validator(json_schema())


def test_the_schema_is_valid_2020_12() -> None:
    jsonschema.Draft202012Validator.check_schema(json_schema())


@settings(max_examples=30, deadline=None)
@given(disclosures())
def test_everything_the_converter_writes_is_valid(doc: BudgetDisclosure) -> None:
    VALIDATOR.validate(json.loads(to_json(doc)))


@pytest.mark.parametrize("name", example_names())
def test_bundled_examples_validate(name: str) -> None:
    VALIDATOR.validate(to_dict(example(name)))


def minimal() -> dict[str, Any]:
    data: dict[str, Any] = to_dict(BudgetDisclosure(department="示例部门", fiscal_year=2024))
    return data


@pytest.mark.parametrize(
    "change",
    [
        {"fiscal_year": "2024"},
        {"format_version": "2"},
        {"extra": 1},
        {"amount_unit": "美元"},
        {"tables": {"general_budget": {"lines": [{"name": "x", "code": "2101", "amounts": {"total": "1"}}]}}},
        {"tables": {"general_budget": {"lines": [{"name": "x", "amounts": {"total": 1.5}}]}}},
        {"tables": {"general_budget": {"lines": [{"name": "x", "amounts": {"total": "1,089.27"}}]}}},
    ],
)
def test_the_schema_refuses_what_the_converter_refuses(change: dict[str, Any]) -> None:
    data = {**minimal(), **change}
    assert not VALIDATOR.is_valid(data)


def test_every_property_has_a_chinese_title() -> None:
    schema = json_schema()
    objects = [schema, *(d for d in schema["$defs"].values() if d.get("type") == "object")]
    for obj in objects:
        for name, prop in obj["properties"].items():
            assert prop.get("title"), name
            assert any("\u4e00" <= ch <= "\u9fff" for ch in prop["title"]), (name, prop["title"])


def test_required_keys_are_the_fields_without_defaults() -> None:
    schema = json_schema()
    assert schema["required"] == ["format_version", "department", "fiscal_year"]
    line = schema["$defs"]["FunctionLine"]
    assert set(line["required"]) == {"name", "amounts"}
