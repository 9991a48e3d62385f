"""The cuts a read shares between its readers (:class:`~cnbudget.readers.prose.cuts.DocumentCuts`)
are the cuts each reader makes alone: the same 目录, blocks and paragraphs, and the same readings."""

from __future__ import annotations

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from cnbudget.readers.prose.contents import every_contents, find_contents
from cnbudget.readers.prose.cuts import DocumentCuts
from cnbudget.readers.prose.document_text import passages
from cnbudget.readers.prose.matters import read_other_matters
from cnbudget.readers.prose.narrative import read_statements
from cnbudget.readers.prose.organisation import read_organisation
from cnbudget.readers.prose.paragraphs import MatterKind, matter_kind, narrative_paragraphs, prose_paragraphs, sections
from cnbudget.readers.text.blocks import find_blocks
from cnbudget.readers.text.forms import text_lines
from cnbudget.readers.text.source import SourceLine, split_lines
from tests.seeds import corpus_names, corpus_text, seed_text


@pytest.mark.parametrize("seed", ["001", "002", "003", "004"])
def test_shared_cuts_are_the_cuts_each_reader_makes_alone(seed: str) -> None:
    lines = text_lines(seed_text(seed))
    cuts = DocumentCuts(lines)
    assert cuts.contents == every_contents(lines)
    assert cuts.contents[:1] == [find_contents(lines)] or (not cuts.contents and not find_contents(lines).entries)
    assert cuts.blocks == find_blocks(lines)
    assert cuts.prose == prose_paragraphs(lines)
    assert cuts.narrative == narrative_paragraphs(lines)
    assert passages(lines, cuts) == passages(lines)
    assert read_statements(lines, cuts=cuts) == read_statements(lines)
    assert read_other_matters(lines, cuts=cuts) == read_other_matters(lines)
    assert read_organisation(lines, cuts=cuts) == read_organisation(lines)


@pytest.mark.parametrize("name", corpus_names())
def test_the_shared_narrative_is_the_narrative_found_alone(name: str) -> None:
    # The Shanghai documents have no 第X部分 naming a 说明: their narrative is all their prose, shared.
    lines = text_lines(corpus_text(name))
    assert DocumentCuts(lines).narrative == narrative_paragraphs(lines)


def test_a_document_without_a_narrative_part_has_all_its_prose_as_narrative() -> None:
    lines = text_lines("某某局\n2024年部门预算\n\n一、收入预算\n本部门收入100万元。\n\n二、支出预算\n支出100万元。\n")
    cuts = DocumentCuts(lines)
    assert [paragraph.text for paragraph in cuts.narrative] == [
        "某某局2024年部门预算", "一、收入预算", "本部门收入100万元。", "二、支出预算", "支出100万元。"]
    assert cuts.narrative == narrative_paragraphs(lines)


def test_a_document_without_contents_has_no_contents_cut() -> None:
    lines = text_lines("某某局\n2024年部门预算\n\n本部门收入100万元。支出100万元。\n")
    cuts = DocumentCuts(lines)
    assert cuts.contents == []
    assert cuts.blocks == []
    assert [paragraph.text for paragraph in cuts.prose] == ["某某局2024年部门预算本部门收入100万元。支出100万元。"]


# Lines that decide where the narrative part starts and ends and how its paragraphs are cut: part
# headings, page numbers, figures printed on a line of their own and the gaps they leave, sentences
# that run on over a line, headings, table rows and blanks.
_NARRATIVE_LINES = st.sampled_from([
    "第三部分 2024年部门预算情况说明", "第三部分\t情况说明", "第四部分 名词解释", "名词解释", "附件", "第二部分",
    "情况说明",
    "12", "- 3 -", "", "", "17996.68", "5533 20", "2017 17981.68 万元，", "收入预算总计 万元。包括：",
    "项目支出预算数为 万元。与上年相比减少", "万元，减少 0.36 %。", "一、收入预算", "（二）支出预算",
    "本部门收入100万元，", "比上年增加", "10万元。", "主要原因是人员增加。", "合计\t100.00",
])


@settings(max_examples=600, deadline=None)
@given(st.lists(_NARRATIVE_LINES, max_size=24))
@example(["第三部分 情况说明", "本部门收入100万元，", "比上年增加", "第四部分 名词解释"])
@example(["收入预算总计 万元。包括：", "第三部分 情况说明", "17996.68", "万元，减少 0.36 %。"])
@example(["第三部分 情况说明", "本部门收入100万元。", "12", "", "名词解释"])
@example(["第三部分 情况说明", "本部门收入100万元。", "12", "第四部分 名词解释"])  # 12: a page number alone
@example(["收入预算总计 万元。包括：", "第三部分\t情况说明", "17996.68", "本部门收入100万元。"])  # put back above
def test_the_narrative_taken_from_the_prose_is_the_narrative_cut_alone(raws: list[str]) -> None:
    lines = split_lines("\n".join(raws))
    assert DocumentCuts(lines).narrative == narrative_paragraphs(lines)


@pytest.mark.parametrize("seed", ["001", "002", "003", "004"])
def test_the_shared_sections_are_those_of_the_narrative_with_the_kind_their_heading_opens(seed: str) -> None:
    lines = text_lines(seed_text(seed))
    cuts = DocumentCuts(lines)
    shared = cuts.narrative_sections
    assert [section for section, _ in shared] == sections(narrative_paragraphs(lines))
    assert [kind for _, kind in shared] == [matter_kind(section.title) for section, _ in shared]


def test_the_other_matters_sections_are_told_by_their_headings() -> None:
    lines = text_lines("第三部分 2024年部门预算情况说明\n一、收入预算\n本部门收入100万元。\n"
                       "二、其他重要事项\n（一）机关运行经费\n机关运行经费10万元。\n")
    kinds = [(section.title, kind) for section, kind in DocumentCuts(lines).narrative_sections]
    assert ("一、收入预算", None) in kinds
    assert ("（一）机关运行经费", MatterKind.OPERATING_COSTS) in kinds


def test_the_shared_page_map_holds_each_line_on_a_known_page() -> None:
    lines = [SourceLine.of(1, "甲", page=1), SourceLine.of(2, "乙"), SourceLine.of(5, "丙", page=3)]
    assert DocumentCuts(lines).pages == {1: 1, 5: 3}
    assert DocumentCuts(text_lines(seed_text("001"))).pages == {}  # text without page marks
