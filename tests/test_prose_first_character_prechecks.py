"""Patterns anchored at a text's start are run only where its first character can start a match (a
list number, a heading's mark, figures at a line's start, a subject's list number): what each
function gives is what its patterns alone give."""

from __future__ import annotations

from hypothesis import example, given, settings
from hypothesis import strategies as st

from cnbudget.numbering import LIST_MARK
from cnbudget.readers.prose import paragraphs
from cnbudget.readers.prose.figures import strip_marker
from cnbudget.readers.text.source import SourceLine

_PIECES = st.sampled_from([
    "第", "二", "部分", "一", "十", "、", "（", "）", "(", ")", "1", "12", "．", ".", " ", "\u3000", "\n", "2024年",
    "说明", "情况说明", "编制说明", "预算安排规模", "：", ":", "甲", "²", "١", "#", "- ", "项目名称", "万元", "，",
    "17981.68", "主要职能", "机构设置", "名词解释",
])
_TEXTS = st.lists(_PIECES, max_size=8).map("".join)


@settings(max_examples=1500)
@given(_TEXTS)
@example("（一）公共安全（类）")
@example("1.2024年预算")
@example("二、")
@example("十、甲")
@example("١、甲")  # a decimal digit of another script is a digit to the pattern too
def test_a_list_number_goes_as_the_pattern_takes_it(text: str) -> None:
    assert strip_marker(text) == LIST_MARK.sub("", text)


def _plain_starts_item(line: SourceLine, text: str) -> bool:
    raw = line.raw
    if (("#" in raw or "- " in raw) and raw.lstrip().startswith(("#", "- "))) or paragraphs._HEADING_MARK.match(text) \
            or paragraphs._NUMBERED.match(text) or paragraphs.is_unnumbered_title(text):
        return True
    label = paragraphs._LABEL.match(text)
    return label is not None and not label.group(1).endswith(paragraphs._NOT_A_LABEL_END)


def _plain_heading_text(text: str) -> bool:
    if "项目名称" in text:
        return False
    if not paragraphs._HEADING_MARK.match(text):
        return paragraphs.is_unnumbered_title(text)
    return not paragraphs._PUNCTUATION.search(text) and len(text) <= paragraphs._MAX_HEADING


@settings(max_examples=1500)
@given(_TEXTS, _TEXTS)
@example("第二部分", "")
@example("（一）收入预算", "")
@example("(12)甲", "")
@example("1.2024年", "")
@example("预算安排规模：1万元", "")
@example("甲", "# 甲")
@example("٣、甲", "")
def test_items_and_headings_are_told_as_their_patterns_tell_them(text: str, raw: str) -> None:
    line = SourceLine.of(1, raw or text or "甲")
    assert paragraphs._starts_item(line, text) == _plain_starts_item(line, text)
    assert paragraphs.is_heading_text(text) == _plain_heading_text(text)


@settings(max_examples=1500)
@given(_TEXTS)
@example("17981.68")
@example(" 17981.68 万元，")
@example("\u300017981.68")
@example("٣ 万元")
def test_figures_at_a_line_start_are_found_as_the_pattern_finds_them(text: str) -> None:
    match = paragraphs._FIGURES.match(text)
    found = paragraphs._figures_to_place(text)
    if match is None:
        assert found is None
    else:
        figures, rest = match["figures"].split(), match["rest"]
        if not rest.strip():
            assert found == (figures, "")
        elif paragraphs._UNIT_FIRST.match(rest) and len(figures) > 1:
            assert found == (figures[:-1], figures[-1] + rest)
        else:
            assert found is None
