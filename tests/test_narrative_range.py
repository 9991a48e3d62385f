"""The 情况说明 part is found from the end of the document: the last part heading naming a 说明,
as a scan of every line would find it."""

from __future__ import annotations

from collections.abc import Sequence

from hypothesis import example, given, settings
from hypothesis import strategies as st

from cnbudget.numbering import PART_END, PART_HEADING
from cnbudget.readers.prose.paragraphs import _narrative_range, _part_name
from cnbudget.readers.text.source import SourceLine, split_lines

_LINES = st.sampled_from([
    "第一部分", "部门概况", "第二部分 预算情况说明", "第二部分", "预算情况说明", "第三部分", "名词解释", "附件",
    "一、收入预算", "本部门收入 100 万元。", "", "目录", "第四部分 部门预算表",
])


def _plain_range(lines: Sequence[SourceLine]) -> range:
    starts = [i for i, line in enumerate(lines) if PART_HEADING.match(line.squeezed) and "说明" in _part_name(lines, i)]
    if not starts:
        return range(len(lines))
    end = next((i for i in range(starts[-1] + 1, len(lines)) if PART_END.match(lines[i].squeezed)), len(lines))
    return range(starts[-1], end)


@settings(max_examples=400, deadline=None)
@given(st.lists(_LINES, max_size=16))
@example(["第一部分", "预算情况说明", "第二部分 预算情况说明", "本部门收入 100 万元。", "名词解释"])
def test_the_narrative_part_is_the_last_part_naming_a_statement(texts: list[str]) -> None:
    lines = split_lines("\n".join(texts))
    assert _narrative_range(lines) == _plain_range(lines)


def test_the_contents_listing_the_part_first_is_passed_over() -> None:
    lines = split_lines("目录\n第二部分 预算情况说明\n第一部分\n部门职责\n第二部分\n预算情况说明\n"
                        "收入 1 万元。\n第三部分\n表")
    assert _narrative_range(lines) == range(4, 7)
