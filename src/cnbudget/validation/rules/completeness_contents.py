"""The table of contents (目录) held against the tables: which table each entry announces, under
which number, and which tables and forms the document prints (目录与表格).

An entry is read two ways. Strictly, with the reader's own title matching (``contents_key``): an
entry read so names a table the reader finds in the body when its title has the same words. Loosely,
by the words that tell the tables apart (三公, 政府性基金, 基本支出 …), which also accepts the
national titles (财政拨款收支总表, 一般公共预算支出表) and other provinces' wording: such an entry
shows that the document lists the table, even where the body's title may not have been recognised.

>>> [(a.key, a.number, a.strict) for a in announcements(("一、部门收支总体情况表", "六、政府性基金支出预算明细表"))]
[('summary', 1, True), ('gov_fund', 6, False)]
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator

import attrs

from cnbudget.model import TABLE_TITLES, BudgetDisclosure
from cnbudget.model.kinds import FORM_KEYS as PERFORMANCE_KEYS
from cnbudget.model.kinds import loose_key, title_key
from cnbudget.numbering import PART_HEADING, entry_number, numeral, table_number

__all__ = ["Announcement", "announcements", "loose_key", "numeral", "printed", "table_number"]


@attrs.frozen(kw_only=True)
class Announcement:
    """A table the 目录 announces: its key, the entry as printed, its number, and whether the reader's
    own title matching names it (``strict``) or only its distinguishing words do.

    >>> Announcement(key="gov_fund", entry="八、政府性基金预算支出表", number=8, strict=False).number
    8
    """

    key: str
    entry: str
    number: int | None
    strict: bool


_numbered = entry_number
_PART = re.compile(rf"^[-*#\s]*{PART_HEADING.pattern.lstrip('^')}")
_WRAPPED = 12  # the longest tail of a title wrapped onto the next line


def _joined(entries: Iterable[str]) -> Iterator[tuple[str, bool, int | None, str | None]]:
    """The entries, with a title wrapped onto the next line joined again (“七、一般公共预算项目支出情况” /
    “表”: an entry that names no table followed by a short one without a number of its own), each
    with whether it was joined, its number and the kind its words name (:func:`loose_key`): each
    entry read once, for the joining and for the announcement."""
    pending: tuple[str, int | None] | None = None  # an entry that names no table, and its number
    for entry in entries:
        number, rest = _numbered(entry)
        if pending is not None:
            tail = entry.strip()
            if len(tail) <= _WRAPPED and number is None and not _PART.match(entry):
                joined = pending[0] + tail
                joined_number, joined_rest = _numbered(joined)
                joined_key = loose_key(joined_rest)
                if joined_key is not None:
                    yield joined, True, joined_number, joined_key
                    pending = None
                    continue
            yield pending[0], False, pending[1], None
        key = loose_key(rest)
        pending = (entry, number) if key is None else None
        if key is not None:
            yield entry, False, number, key
    if pending is not None:
        yield pending[0], False, pending[1], None


def announcements(entries: Iterable[str]) -> list[Announcement]:
    """The tables and forms the entries of a 目录 announce, the first entry of each key, in order. A
    title wrapped onto two lines is read whole, but not strictly (the body may wrap it too).

    >>> entries = ["七、一般公共预算项目支出情况", "表", "八、政府性基金预算支出情况表"]
    >>> [(a.entry, a.strict) for a in announcements(entries)]
    [('七、一般公共预算项目支出情况表', False), ('八、政府性基金预算支出情况表', True)]
    """
    found: dict[str, Announcement] = {}
    for entry, wrapped, number, loose in _joined(entries):
        strict = None if wrapped else title_key(entry)
        key = strict or loose
        if key is not None and key not in found:
            found[key] = Announcement(key=key, entry=entry, number=number, strict=strict is not None)
    return list(found.values())


def printed(doc: BudgetDisclosure) -> set[str]:
    """The keys of the tables and performance forms the document prints, read or not: a table the
    reader found but could not read (``doc.unread``) or read in part (``doc.incomplete``) is printed
    all the same.

    >>> printed(BudgetDisclosure(department="示例局", fiscal_year=2024, incomplete=["summary"]))
    {'summary'}
    """
    keys = ({key for key, _ in doc.tables.present()} | (set(doc.incomplete) & set(TABLE_TITLES))
            | {table.key for table in doc.unread})
    performance = doc.performance
    if "performance" in doc.incomplete:
        keys.update(PERFORMANCE_KEYS)
    if performance is not None:
        if performance.department is not None:
            keys.add("department_target")
        for project in performance.projects:
            form = title_key(project.title or "")
            # a project target without its title may come from either form
            keys.update((form,) if form in PERFORMANCE_KEYS else ("project_target", "project_targets_summary"))
    return keys
