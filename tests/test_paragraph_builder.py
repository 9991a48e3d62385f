"""A paragraph is joined line by line from how its text so far ends, which the builder keeps from
its last lines rather than cleaning the whole text at every line: what it answers is what cleaning
the whole text gives."""

from __future__ import annotations

from hypothesis import example, given, settings
from hypothesis import strategies as st

from cnbudget.numbering import PART_HEADING
from cnbudget.readers.prose.paragraphs import _SENTENCE_END, _Builder, _clean, _join, paragraphs
from cnbudget.readers.text.source import SourceLine, joining_space, split_lines

# Characters whose cleaning depends on their neighbours: spaces next to Chinese, thousands commas
# (full-width and not), full-width digits, markup, and the characters of a bare 第X部分.
_PIECES = st.sampled_from([
    "1", "23", "234", "4", "，", ",", "１", "２３４", " ", "  ", "万元", "。", "；", "支出", "a", "b ",
    "第", "二", "部分", "分", "部", "<b", ">", "</b>", "*", "情况说明", "编制说明", "%", "．", "！", "?",
    "\u3000", "\u200b", "x", "\t",
])
_LINE_TEXTS = st.lists(st.lists(_PIECES, min_size=1, max_size=6).map("".join), min_size=1, max_size=8)


@settings(max_examples=400, deadline=None)
@given(_LINE_TEXTS)
@example(["支出 1，", "234 万元"])  # a thousands comma at the end of a line
@example(["1", "，234"])  # and at the start of the next
@example(["第二部分<b", "x>"])  # markup over two lines
@example(["支出。<b", "x>"])  # a sentence end before markup that spans two lines
def test_the_builders_answers_are_those_of_the_whole_text_cleaned(raw_texts: list[str]) -> None:
    builder = _Builder()
    texts = [text for text in map(_clean, raw_texts) if text]
    for number, text in enumerate(texts, start=1):
        builder.add(SourceLine.of(number, text), text)
        whole = _clean(" ".join(texts[:number]))
        assert builder.text == whole
        for length in range(1, 5):
            assert builder.ends(length) == whole[-length:]
        assert builder.is_part_name == (PART_HEADING.fullmatch(whole) is not None)
        assert builder.ends_sentence() == whole.endswith(_SENTENCE_END)


def test_a_thousands_comma_broken_over_two_lines_is_read_as_one_figure() -> None:
    # 1，/234 joined: the comma is a thousands separator; the sentence ends after 万元。
    found = paragraphs(split_lines("支出预算 1，\n234 万元。\n主要用于保障运行"))
    assert [paragraph.text for paragraph in found] == ["支出预算1,234万元。", "主要用于保障运行"]


def test_a_bare_part_name_takes_its_name_from_the_next_line() -> None:
    found = paragraphs(split_lines("第二部分\n预算情况说明\n本部门收入100万元。"))
    assert [(paragraph.heading, paragraph.text) for paragraph in found] == [
        (True, "第二部分预算情况说明"), (False, "本部门收入100万元。")]


# Characters on either side of a join: Chinese (common and not), the spaces and markup that send
# joining_space the long way, full-width forms and any other character.
_JOIN_SIDES = st.one_of(st.sampled_from([*"一中龥\u4dff\u9fff\ua000 \t\u3000<>*，,1a（“"]), st.characters())


@given(_JOIN_SIDES, _JOIN_SIDES)
@example("中", " ")  # a space beside a common Chinese character
@example("*", "\u9fff")  # markup beside the last of them
def test_a_join_told_at_once_keeps_what_joining_space_keeps(left: str, right: str) -> None:
    assert _join(left, right) == joining_space(left, right)
