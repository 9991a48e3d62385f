"""A flat table's headings: which layout they name and which table (表头识别).

Flat text keeps a table's headings as lines of words: the cells of a header row on one line
(``功能分类科目名称 合计 基本支出``), a heading wrapped over several lines (``财政拨`` / ``款(补`` /
``助)小计``), and, on a page read from right to left, a header row's cells in reverse
(``公用经费人员经费合计经济分类科目名称``). A layout is recognised by its words, as in any text
(:mod:`cnbudget.readers.tables.columns`); a layout whose words must come in order
(:class:`~cnbudget.readers.tables.heading_labels.OrderedLayout`) must find them in reading order,
which on a reversed line runs from its end to its start.

>>> from cnbudget.readers.tables.economic_tables import BASIC_LAYOUTS
>>> from cnbudget.readers.text.source import split_lines
>>> lines = split_lines("经济分类科目编码\\n公用经费人员经费合计经济分类科目名称\\n款类")
>>> [layout.name for layout in BASIC_LAYOUTS if layout_matches(layout, lines, reversed_lines=True)]
['standard']
>>> [layout.name for layout in BASIC_LAYOUTS if layout_matches(layout, lines, reversed_lines=False)]
[]
>>> heading_of_another_table("revenue", "项目一般公共预算支出功能分类科目名称")
'一般公共预算支出'
"""

from __future__ import annotations

from collections.abc import Sequence

import attrs

from cnbudget.readers.tables.columns import Layout
from cnbudget.readers.tables.heading_labels import OrderedLayout
from cnbudget.readers.tables.two_sided import TwoSidedLayout
from cnbudget.readers.text.source import SourceLine
from cnbudget.text import normalize_width

__all__ = ["HeadingWords", "heading_of_another_table", "heading_text", "layout_matches"]

# The heading over a table's amount columns names its table: the text below one title that carries
# another table's heading is that other table's (a body printed before its title).
_TABLE_HEADINGS: tuple[tuple[str, str], ...] = (
    ("一般公共预算基本支出", "general_budget_basic"),
    ("一般公共预算项目支出", "general_budget_projects"),
    ("一般公共预算支出", "general_budget"),
    ("政府性基金预算支出", "gov_fund"),
    ("国有资本经营预算支出", "soe_capital"),
)


def heading_of_another_table(key: str, header_text: str) -> str | None:
    """The heading of another table the headings carry, when they carry none of this table's."""
    named: dict[str, str] = {}
    for heading, table in _TABLE_HEADINGS:
        if heading in header_text and not any(heading in longer for longer in named.values()):
            named[table] = heading
    if key in named or not named:
        return None
    return "、".join(named.values())


@attrs.frozen
class HeadingWords:
    """A layout's words as :func:`layout_matches` looks for them, whatever their order, folded once:
    those its headings must carry and those they must not."""

    signature: tuple[str, ...]
    absent: tuple[str, ...]

    @classmethod
    def of(cls, layout: Layout | TwoSidedLayout) -> HeadingWords:
        return cls(tuple(map(normalize_width, layout.signature)), tuple(map(normalize_width, layout.absent)))

    def carried_by(self, text: str) -> bool:
        """Whether headings whose :func:`heading_text` is ``text`` carry the words."""
        return not any(word in text for word in self.absent) and all(word in text for word in self.signature)


def heading_text(lines: Sequence[SourceLine]) -> str:
    """Heading lines' text as :func:`layout_matches` searches it: each line folded, then joined."""
    return "".join(normalize_width(line.squeezed) for line in lines)


def layout_matches(layout: Layout, lines: Sequence[SourceLine], *, reversed_lines: bool) -> bool:
    """Whether heading lines carry a layout's words (in reading order where it asks for order)."""
    texts = [normalize_width(line.squeezed) for line in lines]
    joined = "".join(texts)
    if any(normalize_width(label) in joined for label in layout.absent):
        return False
    if not isinstance(layout, OrderedLayout):
        return all(normalize_width(label) in joined for label in layout.signature)
    position = (-1, 0)
    for label in layout.signature:
        wanted = normalize_width(label)
        found = [key for key in _occurrences(texts, wanted, reversed_lines) if key > position]
        if not found:
            return False
        position = min(found)
    return True


def _occurrences(texts: Sequence[str], wanted: str, reversed_lines: bool) -> list[tuple[int, int]]:
    """Where a word stands in reading order: (line, place along the line as it is read)."""
    found = []
    for index, text in enumerate(texts):
        start = text.find(wanted)
        while start >= 0:
            found.append((index, len(text) - start - len(wanted) if reversed_lines else start))
            start = text.find(wanted, start + 1)
    return found
