"""The table of contents (目录) held against the tables: which table each entry announces, under
which number, and which tables and forms the document prints (目录与表格).

An entry is read two ways. Strictly, with the reader's own title matching (``contents_key``): an
entry read so names a table the reader finds in the body when its title has the same words. Loosely,
by the words that tell the tables apart (三公, 政府性基金, 基本支出 …), which also accepts the
national titles (财政拨款收支总表, 一般公共预算支出表) and other provinces' wording: such an entry
shows that the document lists the table, even where the body's title may not have been recognised.

>>> [(a.key, a.number, a.strict) for a in announcements(("一、部门收支总体情况表", "表5 一般公共预算支出表"))]
[('summary', 1, True), ('general_budget', 5, False)]
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator

import attrs

from cnbudget.model import TABLE_TITLES, BudgetDisclosure
from cnbudget.readers.text.blocks import PERFORMANCE_KEYS, contents_key, title_key
from cnbudget.text import normalize_width

__all__ = ["Announcement", "announcements", "loose_key", "numeral", "printed", "table_number"]

_DIGITS = {"零": 0, "〇": 0, "一": 1, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
_NUMERAL = r"\d{1,3}|[零〇一二三四五六七八九十]{1,3}"
# Where an entry's number is: 表5 / 附表一, （五） / (5), 五、 / 5. / 5：, or 5 followed by a space.
_ENTRY_NUMBER = re.compile(
    rf"^[-*#\s]*(?:附?表\s*(?P<table>{_NUMERAL})|[(（]\s*(?P<bracket>{_NUMERAL})\s*[)）]"
    rf"|(?P<listed>{_NUMERAL})\s*[、.．,，:：]|(?P<spaced>\d{{1,3}})\s)\s*[、.．,，:：-]?\s*"
)
_TABLE_NUMBER = re.compile(rf"附?表\s*({_NUMERAL})")


def numeral(text: str) -> int | None:
    """The number written in Arabic or Chinese numerals (up to 999 / 九十九), else ``None``.

    >>> numeral("11"), numeral("十一"), numeral("二十"), numeral("十"), numeral("表")
    (11, 11, 20, 10, None)
    """
    if text.isdigit():
        return int(text)
    if not text or any(c not in _DIGITS and c != "十" for c in text) or text.count("十") > 1:
        return None
    if "十" not in text:
        return _DIGITS[text] if len(text) == 1 else None
    tens, _, units = text.partition("十")
    if len(tens) > 1 or len(units) > 1:
        return None
    return (_DIGITS[tens] if tens else 1) * 10 + (_DIGITS[units] if units else 0)


def table_number(printed: str | None) -> int | None:
    """The number of a table as printed above it (``表 10``, ``附表一``), else ``None``.

    >>> table_number("表 10"), table_number("附表三"), table_number(None)
    (10, 3, None)
    """
    found = _TABLE_NUMBER.search(normalize_width(printed or ""))
    return numeral(found.group(1)) if found else None


# The words that tell one table or form from the others, most specific first.
_KEY_WORDS: tuple[tuple[str, str], ...] = (
    ("department_target", r"整体(?:支出)?绩效目标"),
    ("project_targets_summary", r"项目绩效目标汇总"),
    ("project_target", r"项目(?:支出)?绩效目标"),
    ("three_public", r"三公"),
    ("carryover", r"上年结转结余"),
    ("economic_summary", r"经济分类汇总"),
    ("gov_fund", r"政府性基金.*支出"),
    ("soe_capital", r"国有资本经营.*支出"),
    ("general_budget_basic", r"一般公共预算.*基本支出"),
    ("general_budget_projects", r"一般公共预算.*项目支出"),
    ("general_budget", r"一般公共预算.*支出"),
    ("fiscal_summary", r"财政拨款收(?:入)?支"),
    ("projects", r"项目支出(?:预算)?(?:情况)?表$"),
    ("summary", r"收(?:入)?支(?:出)?(?:预算)?总"),
    ("revenue", r"收入(?:预算)?(?:总|表$|情况表$)"),
    ("expenditure", r"支出(?:预算)?(?:总|表$|情况表$)"),
)


def loose_key(entry: str) -> str | None:
    """The table or form an entry names by its distinguishing words, whatever the province's wording;
    ``None`` for an entry that does not name a table (说明, 概况, a part heading).

    >>> loose_key("五、一般公共预算支出表"), loose_key("(八)一般公共预算“三公”经费支出预算表")
    ('general_budget', 'three_public')
    >>> loose_key("八、关于2024年政府性基金预算拨款情况说明") is None, loose_key("第二部分部门预算公开表") is None
    (True, True)
    """
    words = re.sub(r"\s+", "", normalize_width(entry))
    words = re.sub(r"\([^)]*\)$", "", words)  # a trailing (2024年) or (空表)
    if not words.endswith("表"):
        return None
    for key, pattern in _KEY_WORDS:
        if re.search(pattern, words):
            return key
    return None


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


def _numbered(entry: str) -> tuple[int | None, str]:
    text = normalize_width(entry).strip()
    found = _ENTRY_NUMBER.match(text)
    if found is None:
        return None, text
    digits = next(g for g in found.group("table", "bracket", "listed", "spaced") if g is not None)
    return numeral(digits), text[found.end():]


_PART = re.compile(r"^[-*#\s]*第[一二三四五六七八九十]+部分")
_WRAPPED = 12  # the longest tail of a title wrapped onto the next line


def _joined(entries: Iterable[str]) -> Iterator[tuple[str, bool]]:
    """The entries, with a title wrapped onto the next line joined again (“七、一般公共预算项目支出情况” /
    “表”: an entry that names no table followed by a short one without a number of its own), each
    with whether it was joined."""
    pending: str | None = None
    for entry in entries:
        if pending is not None:
            joined = pending + entry.strip()
            if (len(entry.strip()) <= _WRAPPED and _numbered(entry)[0] is None and not _PART.match(entry)
                    and loose_key(_numbered(joined)[1]) is not None):
                yield joined, True
                pending = None
                continue
            yield pending, False
        pending = entry if loose_key(_numbered(entry)[1]) is None else None
        if pending is None:
            yield entry, False
    if pending is not None:
        yield pending, False


def announcements(entries: Iterable[str]) -> list[Announcement]:
    """The tables and forms the entries of a 目录 announce, the first entry of each key, in order. A
    title wrapped onto two lines is read whole, but not strictly (the body may wrap it too).

    >>> entries = ["七、一般公共预算项目支出情况", "表", "八、政府性基金预算支出情况表"]
    >>> [(a.entry, a.strict) for a in announcements(entries)]
    [('七、一般公共预算项目支出情况表', False), ('八、政府性基金预算支出情况表', True)]
    """
    found: dict[str, Announcement] = {}
    for entry, wrapped in _joined(entries):
        number, rest = _numbered(entry)
        strict = None if wrapped else contents_key(entry)
        key = strict or loose_key(rest)
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
