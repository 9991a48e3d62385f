"""What reading produced (读取结果): the disclosure and the problems met on the way.

A problem names the line, quotes its text and says what could not be done. Nothing the reader
could not place is dropped silently.

>>> p = Problem(line=12, text="0.920.92205 教育支出", message="numbers run together; row not read")
>>> str(p)
"line 12: numbers run together; row not read: '0.920.92205 教育支出'"
"""

from __future__ import annotations

from collections.abc import Iterable

import attrs

from cnbudget.model import BudgetDisclosure, Coverage, coverage
from cnbudget.model.fields import to_tuple
from cnbudget.readers.text.blocks import PERFORMANCE_KEYS

__all__ = ["Problem", "ReadResult", "incomplete_parts"]


@attrs.frozen(kw_only=True)
class Problem:
    """Something the reader could not do (读取问题): where, what text, and why."""

    line: int | None = attrs.field(metadata={"zh": "行号"})
    text: str = attrs.field(metadata={"zh": "原文"})
    message: str = attrs.field(metadata={"zh": "说明"})
    table: str | None = attrs.field(default=None, metadata={"zh": "表"})
    source: str | None = attrs.field(default=None, metadata={"zh": "文件"})  # where several files are read as one
    page: int | None = attrs.field(default=None, metadata={"zh": "页码"})  # where the source has pages (a PDF)

    def __str__(self) -> str:
        where = f"line {self.line}" if self.line is not None else "document"
        if self.page is not None:  # a problem of a whole page (a scanned page) has no line
            where = f"page {self.page}, {where}" if self.line is not None else f"page {self.page}"
        where = f"{self.source}:{where}" if self.source else where
        table = f" [{self.table}]" if self.table else ""
        quoted = f": {self.text[:80]!r}" if self.text else ""
        return f"{where}{table}: {self.message}{quoted}"


@attrs.frozen(kw_only=True)
class ReadResult:
    """The disclosure read from published text, and every problem met while reading it."""

    disclosure: BudgetDisclosure = attrs.field(metadata={"zh": "预算公开文件"})
    problems: tuple[Problem, ...] = attrs.field(converter=to_tuple, default=(), metadata={"zh": "问题"})

    @property
    def complete(self) -> bool:
        """Whether everything was read without a problem."""
        return not self.problems

    @property
    def coverage(self) -> Coverage:
        """The tables the document announces and prints, which were read and which not, and why."""
        return coverage(self.disclosure)

def incomplete_parts(problems: Iterable[Problem]) -> tuple[str, ...]:
    """The parts of the model that reading problems left incomplete (读取不完整的部分), sorted.

    A problem that says "not read" left text out of the model: the table it names (its stable key)
    is incomplete, and ``performance`` for any performance-target form, so that counts and sums
    over the targets cannot be trusted. A row repaired or a line kept apart loses nothing. The
    reader records the parts in :attr:`~cnbudget.model.BudgetDisclosure.incomplete`, and the rules
    that need them do not run.

    >>> incomplete_parts([Problem(line=9, text="…", message="indicator row not read", table="project_target"),
    ...                   Problem(line=3, text="…", message="table not read: no cells", table="summary")])
    ('performance', 'summary')
    >>> incomplete_parts([Problem(line=9, text="…", message="cells placed", table="project_target")])
    ()
    """
    parts = {
        "performance" if p.table in PERFORMANCE_KEYS else p.table
        for p in problems
        if p.table and _NOT_READ in p.message
    }
    return tuple(sorted(parts))


_NOT_READ = "not read"  # the words every problem that leaves text out of the model uses
