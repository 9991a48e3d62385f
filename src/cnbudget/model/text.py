"""The document's own words (正文): its running text and where it prints the department's name.

The tables, statements and targets hold what the text *says*; some checks need how it says it —
a placeholder left in (``XX``, ``待填写``), a year from another budget, a word typed twice, the
department named one way on the cover and another over the tables. For them a disclosure keeps its
prose as paragraphs (:class:`Passage`, outside the tables and the 目录) and each place that prints
the department's name (:class:`PrintedName`: the cover, and the 编制部门/部门名称 heading of each
table).

>>> Passage(text="本部门2024年收入预算100.00万元。", line_number=12).text
'本部门2024年收入预算100.00万元。'
>>> PrintedName(name="某某局", table="summary").table
'summary'
"""

from __future__ import annotations

import attrs

from cnbudget.model.fields import optional_text, source_line, source_page, text, typed

__all__ = ["Passage", "PrintedName"]


@attrs.frozen(kw_only=True)
class Passage:
    """A paragraph of the running text (正文段落), its layout spaces removed and its figures in
    ASCII digits, as the reader joined it from the lines it was printed on; a heading is a
    paragraph of its own."""

    text: str = text("段落文字")
    heading: bool = typed("标题", bool, default=False)  # a heading (一、…, （三）…) rather than a sentence
    line_number: int | None = source_line()  # of its first line
    page: int | None = source_page()


@attrs.frozen(kw_only=True)
class PrintedName:
    """A place that prints the department's name (部门名称印出处): the cover (``table`` is ``None``)
    or the heading of a table (``编制部门：…``, ``部门名称：…``; ``table`` is its key)."""

    name: str = text("部门名称")
    table: str | None = optional_text("所在表")
    line_number: int | None = source_line()
    page: int | None = source_page()
