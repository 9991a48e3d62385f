"""Indicator names read once per run (指标名称的一次读取) answer what reading each name afresh answers:
its base name, the unit printed after it, whether it is an average, asked in any order and again."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from cnbudget.validation.rules.performance_words import NamesRead, base_name, is_average, name_unit, normalized

_PIECES = ["参保", "人数", "人均", "就诊次数", "满意度", "（%）", "(%)", "(元/人/年)", "（第一批）", " ", "　", "率",
           "每户", "补助标准", "(万元)", "（人）"]
names = st.lists(st.sampled_from(_PIECES), min_size=1, max_size=4).map("".join)


@given(st.lists(names, min_size=1, max_size=12))
def test_names_read_once_are_names_read_afresh(asked: list[str]) -> None:
    read = NamesRead()
    for name in asked + asked[::-1]:  # each name asked again, after others
        assert read.base(name) == base_name(name)
        assert read.unit(name) == name_unit(name)
        assert read.is_average(name) is is_average(name)


def test_a_name_without_a_unit_is_kept_as_having_none() -> None:
    read = NamesRead()
    assert read.unit("满意度") is None and read.unit("满意度") is None
    assert read.unit("参保人数（人）") == "人" and read.base("参保 人数（人）") == "参保人数"
    assert read.is_average("人均就诊次数(次)") and not read.is_average("参保人数")


_UNIT_PIECES = ["e", " ", "\u0301", "e \u0301", "ｘ", "人", "%", "　"]


@given(st.tuples(names, st.lists(st.sampled_from(_UNIT_PIECES), min_size=1, max_size=4).map("".join))
       .map(lambda t: f"{t[0]}({t[1]})"))
def test_a_base_name_is_the_normalised_name_less_its_bracketed_unit(name: str) -> None:
    # Normalising twice can join a letter and a combining mark a space kept apart the first time:
    # the unit must be cut from the text it was found in.
    text = normalized(name)
    unit = name_unit(name)
    assert base_name(name) == (text if unit is None else text.removesuffix(f"({unit})"))
    assert unit is None or text.endswith(f"({unit})")


def test_a_unit_with_a_combining_mark_is_cut_whole() -> None:
    assert base_name("满意度(e \u0301)") == "满意度"
