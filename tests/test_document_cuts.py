"""The cuts a read shares between its readers (:class:`~cnbudget.readers.prose.cuts.DocumentCuts`)
are the cuts each reader makes alone: the same 目录, blocks and paragraphs, and the same readings."""

from __future__ import annotations

import pytest

from cnbudget.readers.prose.contents import every_contents, find_contents
from cnbudget.readers.prose.cuts import DocumentCuts
from cnbudget.readers.prose.document_text import passages
from cnbudget.readers.prose.matters import read_other_matters
from cnbudget.readers.prose.narrative import read_statements
from cnbudget.readers.prose.organisation import read_organisation
from cnbudget.readers.prose.paragraphs import narrative_paragraphs, prose_paragraphs
from cnbudget.readers.text.blocks import find_blocks
from cnbudget.readers.text.forms import text_lines
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
