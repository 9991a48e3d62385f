"""The front of a document: department, fiscal year, amount unit, kind (部门、年度、金额单位、文件类型).

This is the minimal part every reading needs before the tables.

* The **fiscal year** is the year of the title and cover (``上海市普陀区2025年区级部门预算``,
  ``江苏省2018年度`` / ``省级部门预算公开报表``) and of the headings and table titles
  (``2025年部门财务收支预算总表``, ``第二部分 2019年度部门预算表``), never of a sentence that compares
  with another year (``比2024年预算增加…``, ``2022年当年预算执行数为…``). Where the cover and a heading
  name different years, a problem says so; the cover's year is kept.
* The **department** is the one the cover or the tables' headings name (``预算主管部门：…``,
  ``部 门:中共江苏省委办公厅``, ``编制部门：…``, ``部门名称：…``, also run together with a title:
  ``收支预算总表部门：中共江苏省委办公厅 单位：万元``), else the name before the year of the title
  (``江苏省委办公厅2018年度部门预算公开``, ``附件：江苏省政协办公厅 2019 年度部门预算公开表``).
* The **unit** is the one the tables' headings print most (``单位：万元``).
* The **kind** (:func:`document_kind`) tells a budget (部门预算) from final accounts (部门决算).

>>> from cnbudget.readers.text.source import split_lines
>>> text = ("上海市普陀区2025年区级部门预算\\n预算主管部门：上海市普陀区商务委员会\\n\\n目 录\\n"
...         "2025年，某委收入预算37,151.47万元，比2024年预算执行数增加24,558.18万元。\\n"
...         "2025年部门财务收支预算总表\\n编制部门：上海市普陀区商务委员会 单位：元\\n")
>>> front, problems = read_front(split_lines(text))
>>> front.department, front.fiscal_year, front.amount_unit.zh, front.title, problems
('上海市普陀区商务委员会', 2025, '元', '上海市普陀区2025年区级部门预算', [])
"""

from __future__ import annotations

import itertools
import re
from collections import Counter
from collections.abc import Iterable, Sequence

import attrs

from cnbudget.labelled import LabelledEnum, labelled
from cnbudget.money import AmountUnit
from cnbudget.readers.result import Problem
from cnbudget.readers.text.agency_names import is_agency_name
from cnbudget.readers.text.source import SourceLine, clean_name

__all__ = ["DocumentKind", "FrontMatter", "cover_lines", "cover_name", "document_kind", "is_title_like",
           "labelled_name", "read_front"]

# The name ends where the unit heading printed on the same line begins (…医疗保障局  单位：万元); the
# label may follow a table's title on the same line (收支预算总表部门：…).
_LABELS = ("编制部门", "编制单位", "部门名称", "单位名称", "预算主管部门", "主管部门", "预算单位", "部门")
_DEPARTMENT = re.compile(
    rf"^(?:\S{{0,40}}?表)?(?:{'|'.join(_LABELS)})[:：](?P<name>(?:(?!(?:金额)?单位[:：])[^\s:：，。；,;])+)"
)
_LEVEL = r"(?:[省市区县]级|本级)?"
_KIND_WORDS = r"(?:部门|单位)?"
_TITLE_WORDS = r"(?:公开|总?表|报表|编制|情况|说明)"
# A year that titles the document: "2024年部门预算", "2025年区级部门预算", "2019年度部门预算公开",
# "2025年部门财务收支预算总表"; not "比2024年预算", "2022年当年预算执行数", "纳入2018年预算管理".
# The year is written "20(?<!…20)" rather than "(?<!…)20": the same test of the character before it,
# and a pattern starting with "20", which re looks for ahead of trying the rest (not at every character).
_TITLE_YEAR = re.compile(
    rf"(?P<year>20(?<![比较与于至上从]20)\d\d)\s*年度?\s*{_LEVEL}\s*{_KIND_WORDS}\s*[\u4e00-\u9fff“”\"]{{0,16}}?"
    rf"(?:预算|决算)(?={_TITLE_WORDS}|$)"
)
# A year printed after its title (the cover "江苏省人民检察院 / 年部门预算 / 2017" comes out this way).
_YEAR_AFTER = re.compile(rf"年度?{_LEVEL}{_KIND_WORDS}(?:预算|决算)\S{{0,4}}?(?P<year>20\d\d)$")
_NAME_BEFORE_YEAR = re.compile(
    rf"^(?:第[一二三四五六七八九十]+部分|附件[:：])?(?P<name>[^\s:：，。；]+?)(?:20\d\d)?年度?{_LEVEL}(?:部门|单位)(?:预算|决算)"
)
_UNIT = re.compile(r"单位\s*[:：]\s*(万元|元|亿元)")
# What every year a title gives (_TITLE_YEAR, _YEAR_AFTER) and every name before it says: 预算 or 决算.
_KIND_LAST = "算"
_SENTENCE = re.compile(r"[，。；！？,;!?]")
_AMOUNT = re.compile(r"\d\s*(?:亿元|万元|元)")  # each unit ends in 元: a line without one holds no amount
_CONTENTS = re.compile(r"^#*目[录錄]$")
_PAGE_NUMBER = re.compile(r"^[-—\s]*\d{1,3}[-—\s]*$")
_MAX_TITLE = 60
_MAX_COVER = 8

_FINAL = re.compile(r"(?:部门|单位)决算|决算公开|决算(?:总)?表|决算情况说明")
_BUDGET = re.compile(r"(?:部门|单位)预算|预算公开|预算(?:总)?表|预算(?:编制|情况)说明")


class DocumentKind(LabelledEnum):
    """What a document discloses (文件类型): a budget (预算) or final accounts (决算).

    >>> DocumentKind.FINAL_ACCOUNTS.zh
    '部门决算'
    """

    BUDGET = labelled("budget", "部门预算")
    FINAL_ACCOUNTS = labelled("final_accounts", "部门决算")


@attrs.frozen(kw_only=True)
class FrontMatter:
    """What the front of the document says."""

    department: str | None
    fiscal_year: int | None
    amount_unit: AmountUnit
    title: str | None = None


def is_title_like(line: SourceLine) -> bool:
    """Whether a line can be a title or heading: one cell, short, no sentence punctuation and no
    amount of money (a sentence broken over lines has them).

    >>> from cnbudget.readers.text.source import SourceLine
    >>> is_title_like(SourceLine.of(1, "2025年部门财务收支预算总表"))
    True
    >>> is_title_like(SourceLine.of(2, "比2024年预算增加24,491.71万元；"))
    False
    """
    squeezed = line.squeezed
    return bool(squeezed) and not line.is_tabular and len(squeezed) <= _MAX_TITLE \
        and not _SENTENCE.search(squeezed) and ("元" not in squeezed or not _AMOUNT.search(squeezed))


def cover_lines(lines: Sequence[SourceLine]) -> list[SourceLine]:
    """The cover (封面): the title lines before the table of contents (目录), or, without one, the
    title-like lines the document starts with; page numbers are left out.

    >>> from cnbudget.readers.text.source import split_lines
    >>> lines = split_lines("江苏省2018年度\\n省级部门预算公开报表\\n\\n目 录\\n一、收支预算总表")
    >>> [line.text for line in cover_lines(lines)]
    ['江苏省2018年度', '省级部门预算公开报表']
    """
    found: list[SourceLine] = []
    for line in lines:
        if line.is_blank or _PAGE_NUMBER.match(line.text):
            continue
        if _CONTENTS.match(line.squeezed) or not is_title_like(line) or line.squeezed.startswith("第"):
            break
        found.append(line)
        if len(found) >= _MAX_COVER:
            break
    return found


def _title_year(text: str) -> int | None:
    match = _TITLE_YEAR.search(text) or _YEAR_AFTER.search(text)
    return int(match["year"]) if match else None


def _most_common(values: Iterable[str]) -> str | None:
    counted = Counter(values)
    return counted.most_common(1)[0][0] if counted else None


def labelled_name(line: SourceLine) -> str | None:
    """The department a line names after a label (``编制部门：…``, ``部门名称：…``, ``预算单位：…``,
    also after a title on the same line), or ``None``.

    >>> from cnbudget.readers.text.source import SourceLine
    >>> labelled_name(SourceLine.of(3, "编制部门：上海市普陀区商务委员会 单位：元"))
    '上海市普陀区商务委员会'
    """
    squeezed = line.squeezed
    # Every label is followed by its colon, and says 部门 or 单位.
    if (":" not in squeezed and "：" not in squeezed) or ("部门" not in squeezed and "单位" not in squeezed):
        return None
    match = _DEPARTMENT.match(squeezed)
    return clean_name(match["name"]) if match else None


def cover_name(cover: Sequence[SourceLine]) -> tuple[str, SourceLine] | None:
    """The department the cover names, labelled (``预算主管部门：…``) or before the year of the title
    (``乌鲁木齐市医疗保障局`` / ``2024 年部门预算公开``), and the line that prints it; ``None`` where
    the cover names none.

    >>> from cnbudget.readers.text.source import split_lines
    >>> name, line = cover_name(split_lines("乌鲁木齐市医疗保障局\\n2024 年部门预算公开"))
    >>> name, line.number
    ('乌鲁木齐市医疗保障局', 1)
    """
    for line in cover:
        name = labelled_name(line)
        if name is not None:
            return name, line
    joined = ""
    for line in cover:
        joined += line.squeezed
        name = _named_before_year(joined)
        if name is not None:
            first = next((c for c in cover if c.squeezed and name.startswith(c.squeezed)), line)
            return name, first
    return None


def _named_before_year(text: str) -> str | None:
    # The pattern tries every length of a name; a text without the words it ends with has none.
    if "年" not in text or ("部门" not in text and "单位" not in text):
        return None
    match = _NAME_BEFORE_YEAR.match(text)
    return match["name"] if match and is_agency_name(match["name"]) else None


def _department(cover: Sequence[SourceLine], titles: Sequence[SourceLine], names: Sequence[str]) -> str | None:
    """Where the cover labels no department: the one the tables' headings name most (``names``: the
    labelled names of the lines, in order), else the one the cover or a title (one of ``titles``,
    the title-like lines saying 预算 or 决算) names before the year."""
    found = _most_common(names)
    if found is not None:
        return found
    named = _named_before_year("".join(line.squeezed for line in cover))
    if named is not None:
        return named
    return _most_common(name for line in titles if (name := _named_before_year(line.squeezed)))


def _year(cover: Sequence[SourceLine], titles: Sequence[SourceLine]) -> tuple[int | None, list[Problem]]:
    """The year of the cover, else the one the headings (``titles`` off the cover) give most; a
    heading that names another year is reported."""
    covered = {line.number for line in cover}
    cover_year = _title_year("".join(line.squeezed for line in cover))
    headings: dict[int, SourceLine] = {}
    counted: Counter[int] = Counter()
    for line in titles:
        if line.number in covered:
            continue
        year = _title_year(line.squeezed)
        if year is not None:
            counted[year] += 1
            headings.setdefault(year, line)
    year = cover_year if cover_year is not None else (counted.most_common(1)[0][0] if counted else None)
    where = "the title names" if cover_year is not None else "most headings name"
    problems = [
        Problem(line=line.number, text=line.text,
                message=f"this heading names the year {other}, but {where} {year}; {year} is read")
        for other, line in headings.items() if other != year
    ]
    return year, problems


def read_front(lines: Sequence[SourceLine]) -> tuple[FrontMatter, list[Problem]]:
    """Department, year and unit (see the module's description) and the title: the first line of
    the cover, else of the headings, that names the year."""
    cover = cover_lines(lines)
    labelled = next((name for line in cover if (name := labelled_name(line))), None)
    # One pass over the lines gathers what the looks below need: the title-like lines that say 预算
    # or 决算 (each look finds a year or a name before one only in those, so the others are not asked
    # whether they are title-like); the labelled names, needed only when the cover labels none
    # (every label says 部门 or 单位: most lines say neither and are not asked); and the units
    # printed (the pattern is looked for anywhere in a line, and only a line saying 单位 can hold it).
    titles: list[SourceLine] = []
    names: list[str] = []
    units: Counter[str] = Counter()
    for line in lines:
        squeezed = line.squeezed
        if _KIND_LAST in squeezed and is_title_like(line):
            titles.append(line)
        if labelled is None and ("部门" in squeezed or "单位" in squeezed) and (name := labelled_name(line)):
            names.append(name)
        if "单位" in line.text and (match := _UNIT.search(line.text)):
            units[match.group(1)] += 1
    department = labelled if labelled is not None else _department(cover, titles, names)
    year, problems = _year(cover, titles)
    if department is None:
        problems.append(Problem(line=None, text="", message="no 编制部门/部门名称 heading names the department"))
    if year is None:
        problems.append(Problem(line=None, text="", message="no budget year (如 2024 年部门预算) found"))
    unit = AmountUnit.parse(units.most_common(1)[0][0]) if units else AmountUnit.WAN_YUAN
    return FrontMatter(department=department, fiscal_year=year, amount_unit=unit, title=_title(cover, titles)), problems


def _title(cover: Sequence[SourceLine], titles: Sequence[SourceLine]) -> str | None:
    """The first cover line that names the year, else two cover lines together (``江苏省2018年度`` /
    ``省级部门预算公开报表``), else the first heading that names it."""
    singles = [line.text for line in cover]
    pairs = [first.text + second.text for first, second in itertools.pairwise(cover)]
    headings = (line.text for line in titles)  # looked through only if the cover names none
    return next((text for text in itertools.chain(singles, pairs, headings) if _TITLE_YEAR.search(clean_name(text))),
                None)


def document_kind(lines: Sequence[SourceLine]) -> DocumentKind:
    """Whether the document is a budget (部门预算) or final accounts (部门决算): what its cover
    says, else what most of its titles and headings say; a document that says neither is taken to
    be a budget, the kind the reader reads.

    >>> from cnbudget.readers.text.source import split_lines
    >>> document_kind(split_lines("上海市普陀区财政局\\n年度部门决算\\n2024\\n\\n目 录\\n一、收入支出决算总表"))
    <DocumentKind.FINAL_ACCOUNTS: 'final_accounts'>
    >>> document_kind(split_lines("2024 年部门预算公开\\n比上年决算增加 1.00 万元。"))
    <DocumentKind.BUDGET: 'budget'>
    """
    cover = "".join(line.squeezed for line in cover_lines(lines))
    if _FINAL.search(cover) and not _BUDGET.search(cover):
        return DocumentKind.FINAL_ACCOUNTS
    if _BUDGET.search(cover):
        return DocumentKind.BUDGET
    # Final accounts need a title that says 决算: most documents have none, and then the other
    # titles need not be counted (the pattern, in C, asked first of every line).
    # Each way of saying 决算 (预算) holds the word: a line without it is not searched.
    final = sum(1 for line in lines
                if "决算" in line.squeezed and _FINAL.search(line.squeezed) and is_title_like(line))
    if not final:
        return DocumentKind.BUDGET
    budget = sum(1 for line in lines
                 if "预算" in line.squeezed and _BUDGET.search(line.squeezed) and is_title_like(line))
    return DocumentKind.FINAL_ACCOUNTS if final > budget else DocumentKind.BUDGET


# The statement that the tables are published in a file of their own: 公开表附后, 具体公开表样附后,
# 附件：…部门预算公开表.
_TABLES_ELSEWHERE = re.compile(r"[^。；\n]{0,30}(?:公开表|预算表|表样|报表)[^。；\n]{0,4}附后[^。；\n]{0,10}"
                               r"|附件\s*[:：][^。；\n]{0,40}(?:公开表|预算表)")


def tables_elsewhere(lines: Sequence[SourceLine]) -> str | None:
    """The sentence saying the tables are published in another file (公开表附后), if the text says so.

    >>> from cnbudget.readers.text.source import split_lines
    >>> tables_elsewhere(split_lines("第二部分 部门预算表\\n2019 年度部门预算公开表附后。"))
    '2019年度部门预算公开表附后'
    """
    for line in lines:
        if "附后" not in line.squeezed and "附件" not in line.squeezed:  # each of the two ways says one
            continue
        found = _TABLES_ELSEWHERE.search(line.squeezed)
        if found is not None:
            return found.group(0)
    return None
