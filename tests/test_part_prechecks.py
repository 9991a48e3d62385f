"""Lines are asked for a 目录 title only where they start with 目, and for a part heading or the end
of a part only where they start as one can (第, 名词解释, 附件): no line passed over is one the
patterns take."""

from __future__ import annotations

from hypothesis import example, given
from hypothesis import strategies as st

from cnbudget.readers.prose import contents, paragraphs
from cnbudget.readers.prose.contents import every_contents, find_contents
from cnbudget.readers.text.source import split_lines

_PIECES = st.sampled_from([
    "目", "录", "錄", "目录", "目 录", " ", "第", "二", "三", "部分", "名词解释", "附件", "说明", "情况", "预算",
    "一、", "收支预算总表", "\t", "100", "。", "\n", "\n\n",
])
_TEXTS = st.lists(_PIECES, max_size=20).map("".join)


@given(_TEXTS)
def test_a_line_not_starting_as_a_heading_matches_no_heading_pattern(text: str) -> None:
    squeezed = "".join(text.split())
    if not squeezed.startswith(paragraphs._PART_START):
        assert paragraphs._PART.match(squeezed) is None
    if not squeezed.startswith(paragraphs._PART_END_STARTS):
        assert paragraphs._END_OF_PART.match(squeezed) is None


def _plain_ends(text: str) -> list[int]:
    lines = split_lines(text)
    return [end for index in range(len(lines)) if (end := contents._title_end(lines, index)) is not None]


@given(_TEXTS)
@example("目\n\n录\n一、收支预算总表")
@example("目录\n一、收支预算总表\n目 录\n二、收入预算表")
def test_the_contents_titles_are_those_every_line_is_asked_for(text: str) -> None:
    lines = split_lines(text)
    assert list(contents._title_ends(lines)) == _plain_ends(text)
    assert [found.lines for found in every_contents(lines)] == [contents._contents_at(lines, end).lines
                                                                 for end in _plain_ends(text)]
    plain = _plain_ends(text)
    assert find_contents(lines).lines == (contents._contents_at(lines, plain[0]).lines if plain else range(0))


def _plain_range(text: str) -> range:
    lines = split_lines(text)
    start = next((i for i in reversed(range(len(lines)))
                  if paragraphs._PART.match(lines[i].squeezed) and "说明" in paragraphs._part_name(lines, i)), None)
    if start is None:
        return range(len(lines))
    end = next((i for i in range(start + 1, len(lines)) if paragraphs._END_OF_PART.match(lines[i].squeezed)),
               len(lines))
    return range(start, end)


@given(_TEXTS)
@example("目录\n第三部分 说明\n第二部分\n预算情况说明\n本部门收入。\n名词解释\n附件")
def test_the_narrative_part_is_the_one_every_line_is_asked_for(text: str) -> None:
    assert paragraphs._narrative_range(split_lines(text)) == _plain_range(text)
