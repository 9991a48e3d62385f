"""The quick looks of the target reader (指标值) held to the plain way: the suffix words tried only
where the text ends like one of them, the date pattern only where a month (月) is written."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from cnbudget import targets
from cnbudget.targets import Comparator

# Digits, units, the words after a number and the pieces of dates, with any other characters.
_TARGET_TEXT = st.text(
    alphabet=st.one_of(st.sampled_from("0123456789 .%年月日前之以及上下内个人次万≥=<>"),
                       st.characters(min_codepoint=0x20, max_codepoint=0x9FFF)),
    max_size=14)


def _plain_split_suffix(rest: str) -> tuple[str, Comparator | None]:
    for word, comparator in targets._SUFFIX_WORDS.items():
        if rest.endswith(word):
            return rest[: -len(word)], comparator
    return rest, None


@settings(max_examples=400)
@given(_TARGET_TEXT)
def test_suffix_split_as_the_plain_loop(text: str) -> None:
    assert targets._split_suffix(text) == _plain_split_suffix(text)


@settings(max_examples=400)
@given(_TARGET_TEXT)
def test_deadline_read_as_the_pattern_alone(text: str) -> None:
    if targets._DEADLINE.fullmatch(text) is None:
        assert targets._read_deadline(text, text) is None
    else:
        assert targets._read_deadline(text, text) is not None


def test_each_suffix_word_split_off_by_hand() -> None:
    assert targets._split_suffix("人以上") == ("人", Comparator.GE)
    assert targets._split_suffix("个及以下") == ("个", Comparator.LE)
    assert targets._split_suffix("天内") == ("天", Comparator.LE)
    assert targets._split_suffix("%") == ("%", None)
    assert targets._read_deadline("12月底前", "12月") is not None
    assert targets._read_deadline("2024年", "2024年") is None


@settings(max_examples=300)
@given(_TARGET_TEXT)
def test_a_unit_kept_is_judged_as_afresh(text: str) -> None:
    afresh = targets._is_unit.__wrapped__(text)
    assert targets._is_unit(text) is afresh
    assert targets._is_unit(text) is afresh  # answered again from what was kept


def test_units_by_hand() -> None:
    assert targets._is_unit("%") and targets._is_unit("人次") and targets._is_unit("万元/人")
    assert not targets._is_unit("个以上") and not targets._is_unit("多人") and not targets._is_unit("人 次")
