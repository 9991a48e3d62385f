"""The functions generated per class (``serialize/structuring.py``, ``serialize/unstructuring.py``)
give what the converter gives: the same JSON text and plain data for any model object, the same
object for valid JSON, and — since they hand everything they do not take to the converter — the same
problems, with the same paths, for hostile JSON. The reference here is the converter alone (cattrs
with its hooks, ``json.dumps``), never the code under test."""

from __future__ import annotations

import json
import pickle
import random
import re
from typing import Any

import attrs
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from cnbudget import example, example_names, from_dict, from_json, to_dict, to_json
from cnbudget.errors import DataError
from cnbudget.model import BudgetDisclosure, ExpenditureAmounts, FunctionLine, Indicator, Staffing
from cnbudget.serialize.converter import JsonNumber, converter
from cnbudget.serialize.jsontext import _check_version, _loads
from cnbudget.serialize.problems import problems_of
from cnbudget.serialize.structuring import NotFast, structure
from cnbudget.serialize.unstructuring import written
from fuzz.targets import mutate_json
from tests.strategies import disclosures

_SOME = settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def _by_converter(text: str | bytes, cls: type[Any] = BudgetDisclosure) -> str:
    """What reading ``text`` gave before the generated functions: the converter's object as JSON, or
    its problems."""
    try:
        data = _loads(text)
        if cls is BudgetDisclosure:
            _check_version(data)
        try:
            read = converter.structure(data, cls)
        except Exception as error:
            raise DataError(list(problems_of(error))) from None
    except DataError as error:
        return f"problems {error.problems}"
    return "read " + json.dumps(converter.unstructure(read), ensure_ascii=False)


def _by_from_json(text: str | bytes, cls: type[Any] = BudgetDisclosure) -> str:
    try:
        read = from_json(text, cls)
    except DataError as error:
        return f"problems {error.problems}"
    return "read " + to_json(read, indent=None)


@_SOME
@given(doc=disclosures(), indent=st.sampled_from([None, 0, 2, 4]))
def test_the_text_written_is_json_dumps_of_the_converters_data(doc: BudgetDisclosure, indent: int | None) -> None:
    data = converter.unstructure(doc)
    assert to_json(doc, indent=indent) == json.dumps(data, ensure_ascii=False, indent=indent)
    assert repr(to_dict(doc)) == repr(data)  # lists, not tuples; the same objects inside


@_SOME
@given(doc=disclosures())
def test_valid_json_reads_as_the_converter_reads_it(doc: BudgetDisclosure) -> None:
    text = to_json(doc)
    read = from_json(text)
    assert read == converter.structure(json.loads(text), BudgetDisclosure)
    assert to_json(read) == text
    assert [t.line_number for _, t in read.tables.present()] == [t.line_number for _, t in doc.tables.present()]


@pytest.mark.parametrize("name", example_names())
def test_each_example_reads_as_the_converter_reads_it(name: str) -> None:
    text = to_json(example(name))
    assert _by_from_json(text) == _by_converter(text)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(name=st.sampled_from(example_names()), rng=st.randoms(use_true_random=False))
def test_hostile_json_gives_the_converters_problems(name: str, rng: random.Random) -> None:
    text = json.dumps(mutate_json(json.loads(to_json(example(name))), rng, edits=3), ensure_ascii=False)
    assert _by_from_json(text) == _by_converter(text)
    assert _by_from_json(text.encode()) == _by_converter(text)  # UTF-8 bytes, parsed as they are


def _minimal(**changes: Any) -> dict[str, Any]:
    line = {"name": "行政运行", "code": "2101501", "amounts": {"total": "1.00", "basic": "-0.00"}}
    data: dict[str, Any] = {"format_version": "1", "department": "示例局", "fiscal_year": 2024,
                            "tables": {"general_budget": {"lines": [line]}}}
    data.update(changes)
    return data


@pytest.mark.parametrize("text", [
    # a key twice, at the top, deep inside and with blanks before its colon
    '{"format_version": "1", "department": "a", "department": "b", "fiscal_year": 2024}',
    json.dumps(_minimal()).replace('"total": "1.00"', '"total": "1.00", "total": "2.00"'),
    json.dumps(_minimal()).replace('"total": "1.00"', '"total" : "1.00", "total"\n: "2.00"'),
    json.dumps(_minimal()).replace('"total": "1.00"', '"total"\t:"1.00", "total" \r\n :"2.00"'),
    # blanks before a key's colon, and a string that holds a colon after a blank
    json.dumps(_minimal(department="某某局 :", title="a\n:b")).replace('": ', '" : '),
    # a string that holds what looks like the end of a key
    json.dumps(_minimal(department='某某局":', title='"\\":')),
    # keys left out: the constructor's defaults
    '{"format_version": "1", "department": "a", "fiscal_year": 2024, "tables": {"general_budget": {"lines": '
    '[{"name": "x", "amounts": {"total": "3"}}]}}}',
    # bounds and types
    json.dumps(_minimal(staffing={"authorized": 10**20})),
    json.dumps(_minimal(staffing={"authorized": 10**20 - 1})),
    json.dumps(_minimal(staffing={"authorized": True})),
    json.dumps(_minimal(fiscal_year=1999)),
    json.dumps(_minimal(amount_unit="元")),
    json.dumps(_minimal(amount_unit=None)),
    '{"format_version": "1", "department": "a", "fiscal_year": 2024, "contents": ["一", 1.5, NaN]}',
    "\ufeff" + json.dumps(_minimal()),
    json.dumps(_minimal()).encode("utf-16").decode("latin-1"),
])
def test_edge_cases_read_as_the_converter_reads_them(text: str) -> None:
    assert _by_from_json(text) == _by_converter(text)
    utf8 = text.encode("utf-8", "surrogatepass")
    assert _by_from_json(utf8) == _by_converter(utf8)


@pytest.mark.parametrize("text", [
    json.dumps(_minimal(department="某\ud800局"), ensure_ascii=False),  # a lone surrogate, in UTF-8 bytes
    json.dumps(_minimal(department="某\\u003a局: \\")),  # colons escaped and plain, backslashes
    json.dumps(_minimal(department="某局")).replace('"department"', '"department": "a", "department"'),
])
def test_utf8_bytes_read_as_their_text(text: str) -> None:
    assert _by_from_json(text.encode("utf-8", "surrogatepass")) == _by_converter(text) == _by_from_json(text)


@_SOME
@given(doc=disclosures(), data=st.data())
def test_a_key_given_twice_anywhere_is_read_as_the_converter_reads_it(
        doc: BudgetDisclosure, data: st.DataObject) -> None:
    # With or without a colon or what looks like the end of a key inside some string.
    doc = attrs.evolve(doc, title=data.draw(st.sampled_from([None, "2024年部门预算", "时间 10:30", '":'])))
    lines = to_json(doc).splitlines()
    scalars = [index for index, line in enumerate(lines)  # a key and its value on one line, not the last
               if re.match(r'\s*"[a-z_0-9]+": ', line) and line.endswith(",") and not line.endswith(("{,", "[,"))]
    index = data.draw(st.sampled_from(scalars))
    text = "\n".join([*lines[:index + 1], lines[index], *lines[index + 1:]])
    assert _by_from_json(text) == _by_converter(text)
    assert _by_from_json(text).startswith("problems")


@_SOME
@given(doc=disclosures(), data=st.data())
def test_colons_and_escapes_in_a_text_never_hide_a_key_given_twice(
        doc: BudgetDisclosure, data: st.DataObject) -> None:
    # A title of quotes, colons (plain, full-width, written as the escape \u003a) and backslashes,
    # with a key given twice somewhere or not.
    title = data.draw(st.text(alphabet=st.sampled_from(['"', ":", " ", "\\", "a", "：", "{"]), max_size=8))
    text = to_json(attrs.evolve(doc, title=title))
    written_title = json.dumps(title, ensure_ascii=False)
    escaped = "".join(data.draw(st.sampled_from([":", "\\u003a", "\\u003A"])) if char == ":" else char
                      for char in written_title)
    text = text.replace(f'"title": {written_title}', f'"title": {escaped}', 1)
    twice = data.draw(st.booleans())
    if twice:
        lines = text.splitlines()
        scalars = [index for index, line in enumerate(lines)
                   if re.match(r'\s*"[a-z_0-9]+": ', line) and line.endswith(",") and not line.endswith(("{,", "[,"))]
        index = data.draw(st.sampled_from(scalars))
        text = "\n".join([*lines[:index + 1], lines[index], *lines[index + 1:]])
    assert _by_from_json(text) == _by_converter(text) == _by_from_json(text.encode())
    assert _by_from_json(text).startswith("problems") == twice


def test_a_signed_zero_amount_reads_as_zero_as_before() -> None:
    read = from_json(json.dumps(_minimal()))
    assert read.tables.general_budget is not None
    assert str(read.tables.general_budget.lines[0].amounts.basic) == "0.00"


def _pairs_of_objects(read: Any, original: Any) -> Any:
    """Each model object of ``read`` beside the object at the same place of ``original``."""
    if attrs.has(type(original)):
        yield read, original
        for field in attrs.fields(type(original)):
            yield from _pairs_of_objects(getattr(read, field.name), getattr(original, field.name))
    elif isinstance(original, tuple):
        for read_item, original_item in zip(read, original, strict=True):
            yield from _pairs_of_objects(read_item, original_item)


@pytest.mark.parametrize("name", ["urumqi-2024", "luntai-2024"])
def test_objects_read_are_of_the_model_classes_themselves_and_stay_frozen(name: str) -> None:
    original = example(name)
    read = from_json(to_json(original))
    pairs = list(_pairs_of_objects(read, original))
    assert len(pairs) > 500
    for read_object, original_object in pairs:
        assert type(read_object) is type(original_object)
        assert hash(read_object) == hash(original_object)
        first = attrs.fields(type(read_object))[0].name
        with pytest.raises(attrs.exceptions.FrozenInstanceError):
            setattr(read_object, first, None)
    assert pickle.loads(pickle.dumps(read)) == original


def test_an_amount_given_again_is_read_once_and_keeps_its_own_digits() -> None:
    names = [field.name for field in attrs.fields(ExpenditureAmounts)]
    texts = dict.fromkeys(names, "12.50") | {"project": "12.5", "reserve": "0", "next_year_carryover": "0.00"}
    read = from_json(json.dumps(texts), ExpenditureAmounts)
    assert read.basic is read.total  # one Decimal for the text "12.50", shared
    assert [str(getattr(read, name)) for name in names] == list(texts.values())


def test_json_as_bytes_reads_as_text() -> None:
    text = json.dumps(_minimal(), ensure_ascii=False)
    assert from_json(text.encode("utf-8")) == from_json(text) == from_json(text.encode("utf-16"))


def test_python_data_the_json_never_holds_goes_through_the_converter() -> None:
    line: dict[str, Any] = {"name": "x", "code": None, "amounts": {"total": JsonNumber("1.5")}}
    with pytest.raises(DataError, match=r"not the number 1\.5"):
        from_dict(line, FunctionLine)
    text_subclass = type("Text", (str,), {})
    read = from_dict({"name": text_subclass("x"), "amounts": {"total": "1"}}, FunctionLine)
    assert type(read.name) is text_subclass  # the converter keeps what it was given
    assert from_dict({"authorized": 3, "actual": None}, Staffing) == Staffing(authorized=3)
    as_tuple = {"level1": "产出指标", "name": "x", "target": {"raw": "1", "kind": "unparsed"},
                "weight": "10"}
    assert from_dict(as_tuple, Indicator) == converter.structure(as_tuple, Indicator)


def test_an_object_of_a_subclass_is_written_by_the_converter() -> None:
    class Wider(ExpenditureAmounts):
        pass

    line = FunctionLine(name="x", amounts=Wider(total="1"))
    data = converter.unstructure(line)
    assert to_json(line) == json.dumps(data, ensure_ascii=False, indent=2)
    assert to_dict(line) == data


@pytest.mark.parametrize("name", example_names())
def test_the_generated_functions_read_and_write_each_example_themselves(name: str) -> None:
    doc = example(name)
    text = to_json(doc)
    tally: list[int] = []
    assert structure(json.loads(text), BudgetDisclosure, tally) == doc  # no NotFast: no converter
    assert sum(tally) == text.count(":")  # every key of every object and every colon of a text, once
    assert written(doc, 2) == json.dumps(converter.unstructure(doc), ensure_ascii=False, indent=2)


def test_what_the_generated_functions_do_not_take_is_not_fast() -> None:
    with pytest.raises(NotFast):
        structure({"authorized": 1.0}, Staffing, [])
    with pytest.raises(NotFast):
        structure({"authorized": 1, "extra": 1}, Staffing, [])
    with pytest.raises(NotFast):
        written(FunctionLine(name="x", amounts=type("Wider", (ExpenditureAmounts,), {})(total="1")), 2)


def test_functions_written_by_threads_at_once_read_alike() -> None:
    from concurrent.futures import ThreadPoolExecutor

    from cnbudget.serialize.structuring import _Generator

    text = to_json(example("urumqi-2024"))
    fresh = _Generator()  # nothing written yet: every thread may find a class being written

    def read(_: int) -> Any:
        return fresh.function(BudgetDisclosure)(json.loads(text), [], {})

    with ThreadPoolExecutor(8) as pool:
        results = list(pool.map(read, range(16)))
    assert all(result == example("urumqi-2024") for result in results)
