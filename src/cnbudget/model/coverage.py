"""What a reading covered (读取覆盖范围): the tables a document announces and prints, which were
read, which were not and why.

A check can only speak for what was read. The reader records every table it found but could not
read (:class:`UnreadTable`) and the statement that the tables are published in another file
(``公开表附后``); :func:`coverage` sums it up for reports, from the model alone, so that a check of
model JSON reports the same coverage as a check of the published text.

>>> from cnbudget.model import BudgetDisclosure
>>> doc = BudgetDisclosure(department="示例局", fiscal_year=2024, contents=("一、收支预算总表", "二、收入预算总表"),
...                        unread=(UnreadTable(key="revenue", title="收入预算总表", line=40,
...                                            reason="its column headings match no known layout"),))
>>> found = coverage(doc)
>>> found.announced, found.printed, found.read, [t.key for t in found.unread]
(('summary', 'revenue'), ('revenue',), (), ['revenue'])
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import attrs

from cnbudget.model.fields import each, optional_int, optional_text, text, to_tuple, zh
from cnbudget.model.kinds import KINDS, loose_key, title_key

if TYPE_CHECKING:
    from cnbudget.model.disclosure import BudgetDisclosure

__all__ = ["Coverage", "OtherTable", "UnreadTable", "coverage"]


@attrs.frozen(kw_only=True)
class UnreadTable:
    """A table the document prints that could not be read (未能读取的表): its kind, its title and
    line as printed, and why."""

    key: str = text("表")
    title: str | None = optional_text("表名")
    line: int | None = optional_int("行号")
    reason: str = text("原因")


@attrs.frozen(kw_only=True)
class OtherTable:
    """A table the document prints of a kind the model does not hold (未收录种类的表), such as
    政府购买服务预算表: its title and line as printed. It is not read, and nothing in it is checked."""

    title: str = text("表名")
    line: int | None = optional_int("行号")


@attrs.frozen(kw_only=True)
class Coverage:
    """The tables announced (in the 目录), printed, read and not read; and whether the tables are
    published in another file."""

    announced: tuple[str, ...] = attrs.field(factory=tuple, converter=to_tuple, validator=each(str),
                                             metadata=zh("目录所列的表"))
    printed: tuple[str, ...] = attrs.field(factory=tuple, converter=to_tuple, validator=each(str),
                                           metadata=zh("印出的表"))
    read: tuple[str, ...] = attrs.field(factory=tuple, converter=to_tuple, validator=each(str),
                                        metadata=zh("已读取的表"))
    unread: tuple[UnreadTable, ...] = attrs.field(factory=tuple, converter=to_tuple, validator=each(UnreadTable),
                                                  metadata=zh("未能读取的表"))
    other: tuple[OtherTable, ...] = attrs.field(factory=tuple, converter=to_tuple, validator=each(OtherTable),
                                                metadata=zh("未收录种类的表"))
    tables_elsewhere: str | None = optional_text("表格另行公开")

    @property
    def complete(self) -> bool:
        """Whether every table printed was read and none is said to be elsewhere."""
        return not self.unread and not self.other and self.tables_elsewhere is None

    def summary(self) -> str:
        """One line for reports: 表格：已读取 8 张 / 印出 9 张；未能读取：…

        >>> Coverage(printed=("summary", "revenue"), read=("summary",),
        ...          unread=(UnreadTable(key="revenue", reason="…"),)).summary()
        '表格 tables：已读取 read 1 / 印出 printed 2；未能读取 not read：收入总体情况表'
        """
        line = f"表格 tables：已读取 read {len(self.read)} / 印出 printed {len(self.printed)}"
        if self.unread:
            names = "、".join(table.title or _title(table.key) for table in self.unread)
            line += f"；未能读取 not read：{names}"
        if self.other:
            line += "；未收录种类、未检查 other kinds, not checked：" + "、".join(table.title for table in self.other)
        if self.tables_elsewhere is not None:
            line += f"；表格另行公开 tables published separately（{self.tables_elsewhere}）"
        return line


def _title(key: str) -> str:
    kind = KINDS.get(key)
    return kind.title if kind is not None else key


def coverage(doc: BudgetDisclosure) -> Coverage:
    """The coverage of a read document: announced (its 目录's entries), printed (read or not), read."""
    announced: list[str] = []
    for entry in doc.contents:
        key = title_key(entry) or loose_key(entry)
        if key is not None and key not in announced and not KINDS[key].form:
            announced.append(key)
    read = tuple(key for key, _ in doc.tables.present())
    unread_keys = [table.key for table in doc.unread if table.key not in read]
    printed = tuple(dict.fromkeys([*read, *unread_keys]))
    return Coverage(announced=tuple(announced), printed=printed, read=read, unread=doc.unread,
                    other=doc.other_tables, tables_elsewhere=doc.tables_elsewhere)
