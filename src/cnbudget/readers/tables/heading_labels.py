"""Column headings that must come in printed order (栏目顺序).

A layout recognised only by the presence of its labels would take a table whose columns are printed
in another order for its own, and put every amount under the wrong heading. An
:class:`OrderedLayout` also asks that its labels appear in the order given: the header text runs
row by row, so a layout lists the labels of its first header row, then those of the second.

>>> layout = OrderedLayout(name="demo", signature=("合计", "人员经费", "公用经费"), lead=("name",),
...                        amounts=("total", "personnel", "public"))
>>> layout.matches("科目名称合计人员经费公用经费"), layout.matches("科目名称合计公用经费人员经费")
(True, False)
"""

from __future__ import annotations

import attrs

from cnbudget.readers.tables.columns import Layout
from cnbudget.text import normalize_width

__all__ = ["OrderedLayout"]

@attrs.frozen(kw_only=True)
class OrderedLayout(Layout):
    """A :class:`~cnbudget.readers.tables.columns.Layout` whose signature labels must appear in the header
    text in the order given; full-width and half-width forms (``（基本建设）``, ``(基本建设)``) are
    the same label.

    >>> layout = OrderedLayout(name="demo", signature=("资本性支出(基本建设)", "资本性支出"),
    ...                        lead=("name",), amounts=("capital_construction", "capital"))
    >>> layout.matches("名称资本性支出（基本建设）资本性支出")
    True
    """

    def matches(self, header_text: str) -> bool:
        """Whether the header (spaces removed) carries the signature labels in order and none of the
        absent ones."""
        text = normalize_width(header_text)
        position = 0
        for label in self.signature:
            wanted = normalize_width(label)
            found = text.find(wanted, position)
            if found < 0:
                return False
            position = found + len(wanted)
        return not any(normalize_width(label) in text for label in self.absent)
