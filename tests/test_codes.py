"""Classification codes: parsing, refusals, hierarchy, ordering."""

from __future__ import annotations

import pickle

import pytest
from hypothesis import given
from hypothesis import strategies as st

from cnbudget.codes import EconomicCode, FunctionCode, GovEconomicCode
from cnbudget.errors import InvalidCode


@pytest.mark.parametrize(
    "text",
    ["2101501", "210 15 01", "210-15-01", "210.15.01", " 2101501 ", "２１０１５０１", "210\t15\t01"],
)
def test_function_code_accepts_printed_forms(text: str) -> None:
    assert str(FunctionCode(text)) == "2101501"


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("2101", "4 digits"),
        ("21015011", "8 digits"),
        ("", "must consist of digits"),
        ("   ", "must consist of digits"),
        ("30101", "must start with 2"),
        ("21O15", "digits"),
        ("210 15 0a", "digits"),
        ("000", "must start with 2"),
        ("21000", "all zeros"),
        ("2101500", "all zeros"),
        ("二一〇", "digits"),
    ],
)
def test_function_code_refuses_impossible_codes(text: str, reason: str) -> None:
    with pytest.raises(InvalidCode, match=reason):
        FunctionCode(text)


def test_invalid_code_is_a_value_error() -> None:
    with pytest.raises(ValueError):
        EconomicCode("50101")


def test_non_text_is_a_type_error() -> None:
    with pytest.raises(TypeError, match="text"):
        FunctionCode(2101501)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("cls", "text", "level", "parts"),
    [
        (FunctionCode, "210", 1, ("210",)),
        (FunctionCode, "21015", 2, ("210", "15")),
        (FunctionCode, "2101501", 3, ("210", "15", "01")),
        (EconomicCode, "302", 1, ("302",)),
        (EconomicCode, "30217", 2, ("302", "17")),
        (GovEconomicCode, "50501", 2, ("505", "01")),
    ],
)
def test_levels_and_parts(cls: type[FunctionCode], text: str, level: int, parts: tuple[str, ...]) -> None:
    code = cls(text)
    assert code.level == level
    assert code.parts == parts
    assert code.level_zh == "类款项"[level - 1]


def test_hierarchy() -> None:
    item = FunctionCode("2101501")
    assert item.parent == FunctionCode("21015")
    assert item.category == FunctionCode("210")
    assert item.ancestors == (FunctionCode("210"), FunctionCode("21015"))
    assert item.path[-1] is item
    assert FunctionCode("210").parent is None
    assert FunctionCode("210").contains(item)
    assert not FunctionCode("211").contains(item)
    assert not item.is_ancestor_of(item)
    assert not FunctionCode("21015").is_ancestor_of(FunctionCode("2101601"))


def test_families_never_compare_equal() -> None:
    assert EconomicCode("30101") != GovEconomicCode("50101")
    assert EconomicCode("301") != FunctionCode("210")
    assert EconomicCode("301") != "301"
    assert len({EconomicCode("30101"), EconomicCode("301 01")}) == 1


def test_codes_are_immutable_and_picklable() -> None:
    code = FunctionCode("21015")
    with pytest.raises(AttributeError):
        code.digits = "210"  # type: ignore[misc]
    assert pickle.loads(pickle.dumps(code)) == code


@pytest.mark.parametrize(
    ("parts", "expected"),
    [
        (("210", "15", "01"), "2101501"),
        (("210", "15", ""), "21015"),
        (("210", "", ""), "210"),
        (("210", None, None), "210"),
        (("２１０", "１５", "０１"), "2101501"),
    ],
)
def test_from_parts(parts: tuple[str | None, ...], expected: str) -> None:
    assert str(FunctionCode.from_parts(*parts)) == expected


@pytest.mark.parametrize(
    ("parts", "reason"),
    [
        (("210", "", "01"), "blank 款"),
        (("210", "5", ""), "must have 2 digits"),
        (("", "", ""), "all blank"),
        (("210", "15", "01", "02"), "at most 3 parts"),
    ],
)
def test_from_parts_refusals(parts: tuple[str, ...], reason: str) -> None:
    with pytest.raises(InvalidCode, match=reason):
        FunctionCode.from_parts(*parts)


function_codes = st.builds(
    lambda lei, kuan, xiang, depth: FunctionCode(
        f"2{lei:02d}" + (f"{kuan:02d}" if depth > 1 else "") + (f"{xiang:02d}" if depth > 2 else "")
    ),
    st.integers(1, 99),
    st.integers(1, 99),
    st.integers(1, 99),
    st.integers(1, 3),
)


@given(function_codes)
def test_parse_of_str_round_trips(code: FunctionCode) -> None:
    assert FunctionCode(str(code)) == code
    assert FunctionCode(" ".join(code.parts)) == code
    assert FunctionCode.from_parts(*code.parts) == code


@given(function_codes)
def test_path_is_consistent(code: FunctionCode) -> None:
    assert len(code.path) == code.level
    for ancestor in code.ancestors:
        assert ancestor.is_ancestor_of(code)
        assert ancestor < code
    if code.parent is not None:
        assert code.parent.path == code.path[:-1]


@given(st.lists(function_codes, min_size=1, max_size=20))
def test_sorting_puts_parents_before_children(codes: list[FunctionCode]) -> None:
    everything = sorted({a for c in codes for a in c.path})
    for index, code in enumerate(everything):
        if code.parent is not None:
            assert everything.index(code.parent) < index


@given(st.text(max_size=12))
def test_arbitrary_text_is_a_code_or_an_invalid_code(text: str) -> None:
    try:
        code = FunctionCode(text)
    except InvalidCode as error:
        assert repr(text) in str(error) or "parts" in str(error)
    else:
        assert code.digits.isdigit() and len(code.digits) in (3, 5, 7)
