"""PERF-018 finds where the text states a quantity by looking for its name and matching what follows
(``performance_quantities._after_name``): held here to the plain way, one pattern of the name and
what follows, run by ``re.finditer`` over the whole text."""

from __future__ import annotations

import re

from hypothesis import example, given, settings
from hypothesis import strategies as st

from cnbudget.validation.rules.performance_quantities import _AFTER_NAME, _after_name

_NAMES = st.sampled_from(["参保人数", "人数人数", "培训人次", "aaaa"])
_TEXT = st.text(st.sampled_from([*"参保人数培训次", *"a", *"0123456789.", *"万户个%", *"，。;不少于约", " "]),
                max_size=40)


# The pattern PERF-018 compiled for each name, written out again: the name, a few words, a figure, a unit.
_PLAIN_AFTER_NAME = (r"(?P<words>[^，。；;,\d]{0,6}?)(?P<number>\d+(?:\.\d+)?)\s*"
                     r"(?P<unit>万人次|万人|人次|人|万户|户|个|次|项|场|辆|台|家|所|件|%)")


def test_the_pattern_after_a_name_is_the_one_compiled_for_each_name_before() -> None:
    assert _AFTER_NAME.pattern == _PLAIN_AFTER_NAME


def _by_finditer(name: str, text: str) -> list[tuple[int, int, str]]:
    pattern = re.compile(re.escape(name) + _PLAIN_AFTER_NAME)
    return [(match.start(), match.end(), match["words"]) for match in pattern.finditer(text)]


@settings(max_examples=2000)
@given(_NAMES, _TEXT)
@example("人数人数", "人数人数人数人数5人")  # the name again inside what a first try would take
@example("人数人数", "人数人数人数aaaaaa5人")  # too many words after the first, six after the overlapping one
@example("aaaa", "aaaaaaaa1个aaaa2个")
@example("参保人数", "参保人数不少于9.54万人，参保人数约8人")
def test_the_quantity_is_found_where_finditer_finds_it(name: str, text: str) -> None:
    found = [(start, match.end(), match["words"]) for start, match in _after_name(name, text)]
    assert found == _by_finditer(name, text)


def test_a_stated_quantity_and_its_comparator_are_read() -> None:
    from cnbudget.targets import Comparator
    from cnbudget.validation.rules.performance_quantities import _said

    (said,) = _said("参保人数", "确保城乡居民基本医疗保险参保人数不少于9.54万人。")
    assert (said.comparator, str(said.number), said.unit, said.text) == (Comparator.GE, "9.54", "万人",
                                                                         "参保人数不少于9.54万人")
    assert _said("参保人数", "参保人数约9万人") == []  # approximate: not compared
