"""The fast encoder (``cnbudget[fast]``: orjson, ``serialize/fast.py``) writes and reads what the
library's own code does, byte for byte: the reference is ``json.dumps`` of the converter's data and
``json.loads``, never the code under test. The test set-up installs the extra, so that these run;
without it (the library works without it) they are skipped."""

from __future__ import annotations

import json
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from cnbudget import example, example_names, from_json, to_json
from cnbudget.errors import DataError
from cnbudget.model import Agency, BudgetDisclosure, Staffing
from cnbudget.serialize import fast, jsontext
from cnbudget.serialize.converter import converter
from tests.strategies import disclosures

pytest.importorskip("orjson", reason="the fast extra (cnbudget[fast]) is not installed")

_SOME = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def _dumped(obj: Any) -> str:
    return json.dumps(converter.unstructure(obj), ensure_ascii=False, indent=2)


def test_the_extra_is_installed_and_used() -> None:
    assert fast.FAST_ENCODER
    doc = example("urumqi-2024")
    assert fast.indented_fast(doc) == _dumped(doc)
    assert fast.parsed_fast is not json.loads
    assert fast.parsed_fast(to_json(doc)) == json.loads(to_json(doc))


@pytest.mark.parametrize("name", example_names())
def test_every_example_is_written_as_json_dumps_writes_it(name: str) -> None:
    doc = example(name)
    assert to_json(doc) == _dumped(doc)


@_SOME
@given(name=st.text())
def test_any_text_is_written_as_json_dumps_writes_it(name: str) -> None:
    # control characters, quotes, backslashes, U+2028, lone surrogates (orjson refuses these, and the
    # library's writer takes them)
    agency = Agency(name=name)
    assert to_json(agency) == _dumped(agency)
    if any("\ud800" <= ch <= "\udfff" for ch in name):
        assert fast.indented_fast(agency) is None


def test_a_count_past_64_bits_is_written_by_the_librarys_writer() -> None:
    staffing = Staffing(authorized=10**20 - 1)  # the model takes counts of 20 digits
    assert fast.indented_fast(staffing) is None
    assert to_json(staffing) == _dumped(staffing)


def test_other_layouts_and_other_objects_are_not_given_to_it() -> None:
    doc = BudgetDisclosure(department="示例局", fiscal_year=2024)
    assert to_json(doc, indent=None) == json.dumps(converter.unstructure(doc), ensure_ascii=False)
    assert to_json(doc, indent=4) == json.dumps(converter.unstructure(doc), ensure_ascii=False, indent=4)
    assert fast.indented_fast(object()) is None


@_SOME
@given(doc=disclosures())
def test_without_the_extra_the_text_and_objects_are_the_same(doc: BudgetDisclosure) -> None:
    with_extra = to_json(doc)
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(fast, "orjson", None)
        patch.setattr(jsontext, "parsed_fast", json.loads)
        assert to_json(doc) == with_extra
        assert from_json(with_extra) == doc
    assert from_json(with_extra) == doc


@pytest.mark.parametrize("text", [
    '{"format_version": "1", "department": "示例局", "fiscal_year": NaN}',
    '{"format_version": "1", "department": "示例局", "fiscal_year": 1e400}',
    '{"format_version": "1", "department": "\\ud800", "fiscal_year": 2024}',
    '{"format_version": "1", "department": "示例局", "fiscal_year": 2024, "staffing": {"authorized": '
    + str(10**20 - 1) + "}}",
    '{"format_version": "1", "department": "示例局", "department": "示例局", "fiscal_year": 2024}',
    "[" * 2000 + "]" * 2000,
])
def test_what_orjson_refuses_is_read_as_without_it(text: str) -> None:
    def read() -> str:
        try:
            return repr(from_json(text))
        except DataError as error:
            return f"problems {error.problems}"

    with_extra = read()
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(jsontext, "parsed_fast", json.loads)
        assert read() == with_extra
