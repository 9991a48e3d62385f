"""Text quality (文字质量), as peer reviewers check a budget text: placeholders and template notes
left in, years of another budget, template sentences that contradict themselves, words typed
twice, amounts in the wrong unit, and the department named differently on the cover and over the
tables.

The rules read the running text the reader keeps (:class:`~cnbudget.model.Passage`, outside the
tables and the 目录), the statements and the places that print the department's name. What they
look for is data (:data:`PLACEHOLDERS`, :data:`TEMPLATE_CONTRADICTIONS`, :data:`DOUBLED`), so
that another template's habits are a new entry, not new code.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterator, Sequence

from cnbudget.model import Passage, PrintedName, Statement
from cnbudget.money import AmountUnit, wrong_unit
from cnbudget.text import normalize_width, squeeze_spaces
from cnbudget.validation.context import Context, figure
from cnbudget.validation.findings import Finding, Location, Severity, checked_location
from cnbudget.validation.registry import rule
from cnbudget.validation.rules.narrative_statements import place, placed_in, plain_prose, where
from cnbudget.validation.rules.narrative_tables import table_figures

__all__ = ["DOUBLED", "PLACEHOLDERS", "PLACEHOLDER_STARTS", "TEMPLATE_CONTRADICTIONS", "holds_placeholder"]

_TEXT = "text"  # the table key findings on the running text point at

#: Placeholders and template notes (占位符与模板说明) that a finished text no longer holds.
PLACEHOLDERS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("占位符", re.compile(r"[XＸxｘ×✕]{2,}")),
    ("占位符", re.compile(r"某某")),
    ("占位符", re.compile(r"待填写|待填报|待补充填写")),
    ("模板字段", re.compile(r"[{｛][^{}｛｝]{1,12}[}｝]")),
    ("填写说明", re.compile(r"[（(](?:按|根据|依据|参照|请)[^（()）]{0,60}?(?:填写|填列)[)）]")),
    ("编辑标记", re.compile(r"[（(](?:增加内容|新增内容|此处[^（()）]{0,12}|如有|选填|可选)[)）]")),
)

# Any of them, in one scan: most passages hold none, and are then not scanned once for each.
_ANY_PLACEHOLDER = re.compile("|".join(f"(?:{pattern.pattern})" for _, pattern in PLACEHOLDERS))
#: The characters a placeholder can begin with (every pattern of PLACEHOLDERS starts with one).
PLACEHOLDER_STARTS = "XＸxｘ×✕某待{｛（("
# One character of them, found by a scan that tries no pattern: the alternatives are tried only
# where one stands, not at every character of the text.
_PLACEHOLDER_START = re.compile(f"[{re.escape(PLACEHOLDER_STARTS)}]")

#: Template sentences that contradict themselves (模板残留): a direction and 持平 together, a
#: change with its figure left blank, a rate of 0 beside a change.
TEMPLATE_CONTRADICTIONS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("增减与持平并列", re.compile(r"(?:增加|减少|增长|下降)持平|持平(?:增加|减少|增长|下降)")),
    ("增减数未填", re.compile(r"(?:比|较)(?:上年|20\d\d年)(?:预算|决算)?(?:数)?(?:增加|减少|增长|下降)(?:万元|元|%)")),
    ("增长率为0而增减额不为0",
     re.compile(r"(?:增加|减少)(?P<change>\d[\d,]*(?:\.\d+)?)万?元[，,](?:增长|下降)0(?:\.0+)?%")),
    # Written from its digit 0 (no figure before it: the look-behind spans the 0 itself), so that a
    # scan looks only where a 0 stands.
    ("金额为0却有增减", re.compile(r"0(?<![\d.,]0)(?:\.0+)?万?元[，,](?:比|较)(?:上年|20\d\d年)(?:预算|决算)?(?:数)?"
                               r"(?:增加|减少|增长|下降)(?P<change>\d[\d,]*(?:\.\d+)?)")),
)
#: Every template contradiction names a change or 持平: a text without any of these holds none.
_CHANGE_WORDS = ("增加", "减少", "增长", "下降", "持平")
# Any of them in one scan of the text (the engine skips to the characters they start with).
_ANY_CHANGE_WORD = re.compile("|".join(map(re.escape, _CHANGE_WORDS)))

#: Words that are never written twice in a row (的的, 支出支出), and the neighbours that make a doubled
#: character right after all (目的的, 的的确确); 一步一步, 一个一个 are said so on purpose (a word
#: not starting with 一: the class from U+4E01). 的的 is written from its first 的 (the look-behind
#: for 目 spans it): the scan rules it out at a glance wherever no 的 stands, and tries no look-around
#: at any other character.
DOUBLED = re.compile(r"的(?<!目的)的(?!确)|([\u4e01-\u9fff][\u4e00-\u9fff]{1,3})\1")

# Written from its digits, so that a scan looks only where a 1 or a 2 stands: the look-behind (no
# digit or opening bracket before the year) spans the four digits.
_YEAR = re.compile(r"(?P<year>(?:19|20)\d\d)(?<![\d〔【\[（(]\d{4})\s*年")
_RANGE = re.compile(r"(?P<first>(?:19|20)\d\d)\s*年?\s*[-—–~～至到]\s*(?P<last>(?:19|20)\d\d)\s*年")
# A year the text looks back from (从2018年起, 2018年以来) or a document's title names (《关于…2015年…》).
_HISTORY_BEFORE = re.compile(r"(?:从|自|于|截至|截止)\s*$")
_HISTORY_AFTER = re.compile(r"^度?(?:起|以来|开始|至今|末|底)")
_CARRYOVER = ("结转", "结余")
_ANY_CARRYOVER_WORD = re.compile("|".join(map(re.escape, _CARRYOVER)))
# A sentence that states a budget's figures: money, a rate, a change.
_SENTENCE = re.compile(r"[^。；;！!？?]+")
_FIGURES = re.compile(r"\d\s*(?:万元|亿元|元|%)|增加|减少|增长|下降|持平")


def _plain(text: str) -> str:
    return squeeze_spaces(normalize_width(text))


def _at(passage: Passage) -> Location:
    return checked_location(_TEXT, line_number=passage.line_number, page=passage.page)


def _quote(text: str, start: int, end: int, around: int = 12) -> str:
    return text[max(0, start - around): end + around]


# --- TEXT-001 -----------------------------------------------------------------------------------------


@rule("TEXT-001", "正文留有占位符或模板说明", severity=Severity.WARNING, requires=("prose",),
      en="Placeholders or template notes left in the text")
def no_placeholders(ctx: Context) -> Iterator[Finding]:
    """A published text holds no placeholder (XX, ××, 某某, 待填写, a template field such as {单位})
    and no note of the template it was written from (（按“部门预算公开06表”中实际发生经济分类支出事项
    填写）, （增加内容）): they show that a part was not written. One finding for each distinct text
    left in, naming every paragraph that holds it."""
    places: dict[tuple[str, str], list[Passage]] = defaultdict(list)
    for passage in ctx.doc.prose:
        if not holds_placeholder(passage.text):
            continue
        for kind, pattern in PLACEHOLDERS:
            for match in pattern.finditer(passage.text):
                places[(kind, match.group(0))].append(passage)
    for (kind, found), passages in places.items():
        count = f"（共 {len(passages)} 处）" if len(passages) > 1 else ""
        yield ctx.finding(f"正文留有{kind}“{found}”{count}，该处内容未按实际情况填写",
                          [_at(passage) for passage in passages])


def holds_placeholder(text: str) -> bool:
    """Whether any of :data:`PLACEHOLDERS` is in ``text``: tried only where one of
    :data:`PLACEHOLDER_STARTS` stands.

    >>> holds_placeholder("（按实际情况填写）"), holds_placeholder("（一）部门职责")
    (True, False)
    """
    position = 0
    while (start := _PLACEHOLDER_START.search(text, position)) is not None:
        position = start.start()
        if _ANY_PLACEHOLDER.match(text, position) is not None:
            return True
        position += 1
    return False


# --- TEXT-002 -----------------------------------------------------------------------------------------


def _in_title(text: str, position: int) -> bool:
    """Whether ``position`` is inside 《…》 (a document's title names its own years)."""
    before = text[:position]
    return before.rfind("《") > before.rfind("》")


def _stray_years(text: str, allowed: set[int]) -> Iterator[tuple[str, re.Match[str]]]:
    """The years (and ranges of years) ``text`` names that are none of ``allowed``, as printed."""
    if "年" not in text:  # both patterns end in 年: half the passages name no year
        return
    ranges = list(_RANGE.finditer(text))
    for match in ranges:
        first, last = int(match["first"]), int(match["last"])
        if not any(first <= year <= last for year in allowed):
            yield f"{first}—{last}", match  # a plan period of other years
    inside = [range(match.start(), match.end()) for match in ranges]
    for match in _YEAR.finditer(text):
        year = int(match["year"])
        if year in allowed or any(match.start() in span for span in inside) or _in_title(text, match.start()):
            continue
        if _HISTORY_BEFORE.search(text[: match.start()]) or _HISTORY_AFTER.match(text[match.end():]):
            continue
        yield str(year), match


@rule("TEXT-002", "正文中的年度不是预算年度", severity=Severity.WARNING, requires=("prose",),
      en="A year in the text is neither the budget year nor the year before")
def years_are_the_budgets(ctx: Context) -> Iterator[Finding]:
    """The text of a budget speaks of its budget year and of the year before (the figures it
    compares with). Another year in a sentence that states figures (比2022年预算增加5.00万元 in a 2024
    text), or a range of years that includes neither (2016—2020年), is usually a sentence copied from
    an earlier document: a warning. A year in a sentence without figures (根据2021年印发的办法) is a
    mention, not a figure of another budget. Not judged: a range that includes one of the two years
    (a plan period, 2021—2025年), a year the text looks back from (从2018年起, 2018年以来, 截至2023年
    底), a year in a document's title (《关于印发2015年…的通知》) or number (〔2016〕), and years under
    a heading on the funds carried over (结转结余), whose projects may be of any earlier year."""
    allowed = {ctx.doc.fiscal_year, ctx.doc.fiscal_year - 1}
    carried = False
    for passage in ctx.doc.prose:
        if passage.heading:
            carried = _ANY_CARRYOVER_WORD.search(passage.text) is not None
        if carried or _ANY_CARRYOVER_WORD.search(passage.text) is not None:
            continue
        for years, match in _stray_years(passage.text, allowed):
            sentence = next(found for found in _SENTENCE.finditer(passage.text) if found.end() >= match.end())
            if not _FIGURES.search(sentence.group(0)):
                continue  # a year the text mentions, not one whose figures it states
            yield ctx.finding(f"正文“…{_quote(passage.text, match.start(), match.end())}…”说的是 {years} 年，"
                              f"既不是预算年度 {ctx.doc.fiscal_year} 年，也不是上一年度", [_at(passage)])


# --- TEXT-003 -----------------------------------------------------------------------------------------


def _judged_by_narrative(statements: Sequence[Statement]) -> set[int | None]:
    """The lines of the statements NARR-001 judges (a change beside its rate, or a change to an amount
    of zero): a passage there had its change read into one, and the figures are then its to report.
    Gathered once: the statements looked through for each passage were quadratic in a long narrative."""
    return {s.line_number for s in statements
            if s.change_amount not in (None, 0) and (s.change_rate is not None or s.amount == 0)}


@rule("TEXT-003", "模板语句前后矛盾", severity=Severity.WARNING, requires=("prose",),
      en="Template sentences left contradicting themselves")
def no_template_contradictions(ctx: Context) -> Iterator[Finding]:
    """A sentence filled in from a template says one thing: not 增加 and 持平 together (“比上年增加
    持平”), not a change whose figure was left blank (“比上年增加万元”), not a rate of 0 beside a change
    that is not (“增加5.00万元，增长0%”), not a change of an amount of zero (“为0万元，比上年增加3.00
    万元”). A warning for each sentence. Where the reader read the sentence's figures into a
    statement, NARR-001 holds its change and rate and says what they should be; this rule then says
    nothing of those two."""
    judged: set[int | None] | None = None
    for passage, text in zip(ctx.doc.prose, plain_prose(ctx), strict=True):
        if _ANY_CHANGE_WORD.search(text) is None:
            continue  # most passages: no pattern to run
        for kind, pattern in TEMPLATE_CONTRADICTIONS:
            for match in pattern.finditer(text):
                if "change" in pattern.groupindex:
                    if judged is None:
                        judged = _judged_by_narrative(ctx.doc.statements)
                    if passage.line_number in judged or not _nonzero(match["change"]):
                        continue
                yield ctx.finding(f"正文“…{_quote(text, match.start(), match.end())}…”：{kind}，"
                                  f"是未按实际情况改写的模板语句", [_at(passage)])


def _nonzero(figure_text: str) -> bool:
    return any(ch in "123456789" for ch in figure_text)


# --- TEXT-004 -----------------------------------------------------------------------------------------


@rule("TEXT-004", "正文中的字词重复", severity=Severity.INFO, requires=("prose",),
      en="A word typed twice")
def no_doubled_words(ctx: Context) -> Iterator[Finding]:
    """A word is not typed twice in a row: 的的 (but 目的的, 的的确确), a word of two to four
    characters repeated (支出支出, 万元万元). A note: the meaning is clear, the text needs a
    correction. The department's name twice is no typo: a cover or heading prints the name on a
    line of its own and the title below begins with it (审计局 / 审计局2024年部门预算), and the
    reader joins the two lines."""
    names = {"".join(name.split()) for name in (ctx.doc.department, *(n.name for n in ctx.doc.department_names))}
    for passage in ctx.doc.prose:
        for match in DOUBLED.finditer(passage.text):
            if match.group(1) is not None and any(name.endswith(match.group(1)) for name in names if name):
                continue
            yield ctx.finding(f"正文“…{_quote(passage.text, match.start(), match.end())}…”中“{match.group(0)}”"
                              f"重复", [_at(passage)])


# --- TEXT-005 -----------------------------------------------------------------------------------------


@rule("TEXT-005", "说明中的金额单位有误（元与万元）", requires=("statements",),
      en="An amount written in the wrong unit (元 as 万元)")
def amounts_in_their_unit(ctx: Context) -> Iterator[Finding]:
    """A stated amount that is the figure the tables print for what it names, 10,000 times over (an
    amount in 元 written as 万元: 6,964,796万元 for 696.48 万元) or a 10,000th of it (万元 written as 元),
    is in the wrong unit — an error, and one finding: NARR-003, which holds the amount against the
    table, leaves it to this rule. The table figure is found as NARR-003 finds it, only where what
    the statement names is certain."""
    for item in placed_in(ctx):
        amount = item.statement.amount
        if amount is None:
            continue
        for found in table_figures(ctx, item):
            unit = wrong_unit(amount, found.value)
            if unit is None:
                continue
            written = "元写作万元" if unit is AmountUnit.YUAN else "万元写作元"
            yield ctx.finding(f"{where(item.statement)}：说明金额 {figure(amount)} 是{found.label} "
                              f"{figure(found.value)} 的{'一万倍' if unit is AmountUnit.YUAN else '万分之一'}，"
                              f"金额单位有误（{written}）", [place(item.statement, "amount"), found.location],
                              expected=found.value, actual=amount)
            break


# --- TEXT-006 -----------------------------------------------------------------------------------------


def _reference(names: Sequence[PrintedName], department: str) -> PrintedName | None:
    cover = next((name for name in names if name.table is None), None)
    return cover if cover is not None else PrintedName(name=department) if department else None


@rule("TEXT-006", "封面与表头的部门名称不一致", severity=Severity.WARNING, requires=("department_names",),
      en="The department named differently on the cover and over the tables")
def department_named_alike(ctx: Context) -> Iterator[Finding]:
    """The cover and the heading of every table (编制部门, 部门名称, 单位名称) name the same
    department. A heading that names another (not one of the department's own agencies, whose table
    it may be) is a warning; a name that only adds to the other or leaves words out (江苏省委办公厅 and
    中共江苏省委办公厅: a short form) is a note. Without a cover name, the headings are held against
    the department the document is read as. One finding for each name, naming every table."""
    names = ctx.doc.department_names
    reference = _reference(names, ctx.doc.department)
    if reference is None:
        return
    own = {_plain(reference.name)} | {_plain(agency.name) for agency in ctx.doc.agencies}
    by_name: dict[str, list[PrintedName]] = defaultdict(list)
    for name in names:
        if name.table is not None and _plain(name.name) not in own:
            by_name[_plain(name.name)].append(name)
    wanted = _plain(reference.name)
    where_named = "封面" if reference.table is None else "文件"
    for printed, headings in by_name.items():
        tables = "、".join(dict.fromkeys(ctx.table_name(h.table) for h in headings if h.table is not None))
        short = printed in wanted or wanted in printed
        yield ctx.finding(f"{where_named}的部门名称为“{reference.name}”，{tables}的表头却为“{headings[0].name}”"
                          + ("（全称与简称不一）" if short else "，两处名称不一致"),
                          [Location(table=h.table, line_number=h.line_number, page=h.page) for h in headings],
                          severity=Severity.INFO if short else None)
