"""The cuts of one document that several readers share (文档切分): its 目录, its table blocks, the
lines outside them and its paragraphs, each made once per read and handed to every reader that
needs it, rather than made again by each.

>>> from cnbudget.readers.text.source import split_lines
>>> cuts = DocumentCuts(split_lines("目录\\n一、收支预算总表\\n\\n本部门收入100万元。支出100万元。\\n"
...                                 "收支预算总表\\n项目\\t预算数\\n合计\\t100.00"))
>>> cuts.contents[0].entries, [block.key for block in cuts.blocks], [p.text for p in cuts.prose]
(('一、收支预算总表',), ['summary'], ['本部门收入100万元。支出100万元。'])
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from functools import cached_property

from cnbudget.readers.prose.contents import Contents, every_contents
from cnbudget.readers.prose.paragraphs import (
    MatterKind,
    Paragraph,
    ParagraphRun,
    Section,
    matter_kind,
    narrative_paragraphs,
    not_prose,
    paragraph_run,
    sections,
)
from cnbudget.readers.text.blocks import Block, find_blocks
from cnbudget.readers.text.source import SourceLine

__all__ = ["DocumentCuts"]


class DocumentCuts:
    """The shared cuts of ``lines``, each made on first use. One object serves one read: it holds
    the lines it was made from and is never shared between documents."""

    def __init__(self, lines: Sequence[SourceLine]) -> None:
        self.lines = lines

    @cached_property
    def contents(self) -> list[Contents]:
        """Every 目录 of the document (:func:`~cnbudget.readers.prose.contents.every_contents`)."""
        return every_contents(self.lines)

    @cached_property
    def blocks(self) -> list[Block]:
        """The titled blocks of the lines as printed (before flat text is rebuilt), the 目录 skipped."""
        return find_blocks(self.lines, [index for found in self.contents for index in found.lines])

    @cached_property
    def not_prose(self) -> set[int]:
        """Line numbers of the 目录 and the table blocks (:func:`~cnbudget.readers.prose.paragraphs.not_prose`)."""
        return not_prose(self.lines, self.contents, self.blocks)

    @cached_property
    def prose_run(self) -> ParagraphRun:
        """The paragraphs outside the 目录 and the tables, with what was found making them."""
        return paragraph_run(self.lines, self.not_prose)

    @cached_property
    def prose(self) -> list[Paragraph]:
        """Every paragraph outside the 目录 and the tables."""
        return list(self.prose_run.paragraphs)

    @cached_property
    def narrative(self) -> list[Paragraph]:
        """The paragraphs of the 情况说明 part."""
        return narrative_paragraphs(self.lines, self.not_prose, self.prose_run)

    @cached_property
    def narrative_sections(self) -> list[tuple[Section, MatterKind | None]]:
        """The sections of the 情况说明 part (:func:`~cnbudget.readers.prose.paragraphs.sections`),
        each with the part of 其他重要事项 its heading opens, if any: the statements and the other
        matters each take their own."""
        return [(section, matter_kind(section.title)) for section in sections(self.narrative)]

    @cached_property
    def pages(self) -> Mapping[int, int]:
        """The page of each line printed on a known page, by line number (empty for text without
        pages): the statements, the passages and the problems of one read take theirs from it."""
        return {line.number: line.page for line in self.lines if line.page is not None}
