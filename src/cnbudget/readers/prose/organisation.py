"""Agencies and staffing from the front matter (部门概况: 机构设置、预算单位构成、人员情况).

The first part of a disclosure says which budget agencies (预算单位) the department's budget covers
and how many people it employs:

* ``…的预算包括：某局本级预算及下属 1 家预算单位`` / ``单位共一个：某局本级，无二级预算单位`` /
  ``某局无下属预算单位`` name the department's own agency (本级) and count the others (下属单位);
* a list after ``…预算单位包括：`` names them (``1、某局`` ``2、某中心``, or ``A、B`` inline);
* ``行政单位 1 家，事业单位 1 家`` counts them by kind (单位性质); a kind printed beside a name
  (``某中心（事业单位）``) is that agency's kind;
* ``编制数 116，实有人数 112 人，其中：在职 107 人，增加 6 人；退休 5 人，增加 1 人；离休 0 人，增加 0 人``
  gives the staffing (人员情况) and the year's changes (减少 is negative).

Internal offices (下设 4 个处室, 内设机构) are not budget agencies and are not read. A kind is given to
an agency only when the text says it for that agency, or when every agency is of the one kind counted;
counts of several kinds that do not say which agency is which are reported.

>>> from cnbudget.readers.text.source import split_lines
>>> text = ("第一部分 某局部门概况\\n二、机构设置及人员情况\\n"
...         "某局无下属预算单位，下设 2 个处室，分别是：办公室、财务室。\\n"
...         "某局编制数 22，实有人数 31 人，其中：在职 29 人，减少 1 人；退休 2 人，增加 2 人；离休 0 人。")
>>> agencies, staffing, problems = read_organisation(split_lines(text))
>>> [(a.name, a.is_department_level) for a in agencies]
[('某局', True)]
>>> staffing.authorized, staffing.serving, staffing.serving_change, staffing.pre_1949_retired_change
(22, 29, -1, None)
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Sequence

import attrs

from cnbudget.model import Agency, Staffing
from cnbudget.numbering import COUNT
from cnbudget.readers.prose.cuts import DocumentCuts
from cnbudget.readers.prose.figures import split_sentences
from cnbudget.readers.prose.front import read_front
from cnbudget.readers.prose.paragraphs import Paragraph, fold_numbers
from cnbudget.readers.result import Problem
from cnbudget.readers.text.agency_names import department_level, is_agency_name
from cnbudget.readers.text.source import SourceLine, clean_name
from cnbudget.vocab import AgencyKind

__all__ = ["read_organisation", "read_staffing"]

_LATER_PART = re.compile(r"^第[二三四五六七八九十]+部分")
_NUMERAL = rf"{COUNT}|[一二三四五六七八九十两]{{1,3}}"
_CJK_DIGITS = {"一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}

# Sentences about internal offices list 处室, not budget agencies.
_OFFICES = re.compile(r"处室|科室|股室|内设|下设|职能部门|机关科室")
_NAME = r"[^，。；：:、,;\s]"
_OWN_LEVEL = re.compile(rf"(?P<name>{_NAME}{{2,40}}?)(?:[（(]本级[)）]|机关本级|本级)")
_ALONE = re.compile(rf"(?P<name>{_NAME}{{2,40}}?)(?:无|没有)(?:下属|二级|所属)(?:预算)?单位")
_SUBORDINATES = (
    re.compile(rf"(?:下属|二级|所属)(?:预算)?(?:单位)?(?:共|有|共有)?\s*(?P<n>{_NUMERAL})\s*(?:家|个)(?:预算)?单位"),
    re.compile(rf"(?:下属|二级|所属)(?:预算)?单位(?:共|有|共有)?\s*(?P<n>{_NUMERAL})\s*(?:家|个)"),
)
_NO_SUBORDINATES = re.compile(r"(?:无|没有)(?:下属|二级|所属)(?:预算)?单位")
_OWN_LEVEL_WORD = re.compile("本级")  # what every match of _OWN_LEVEL holds
_KIND_WORD = r"行政单位|参照公务员法管理的?(?:事业)?单位|参公(?:管理)?(?:事业)?单位|事业单位"
_KIND_COUNTS = (
    re.compile(rf"(?P<kind>{_KIND_WORD})\s*(?:共|有|共有)?\s*(?P<n>{_NUMERAL})\s*(?:家|个)"),
    re.compile(rf"(?P<n>{_NUMERAL})\s*(?:家|个)(?P<kind>{_KIND_WORD})"),
)
_LIST_LEAD = re.compile(
    rf"单位(?:共(?:{_NUMERAL})[个家][，,])?(?:包括|有|如下|分别是|分别为)[：:]|单位共(?:{_NUMERAL})[个家][：:]"
)
# Every pattern the agency reader looks for in a sentence holds one of these (_OWN_LEVEL 本级; _ALONE,
# _NO_SUBORDINATES, _SUBORDINATES, _KIND_COUNTS and _LIST_LEAD 单位): a paragraph without either
# has nothing to read.
_AGENCY_WORDS = ("本级", "单位")
_ITEM = re.compile(r"^(?:\d{1,2}|[一二三四五六七八九十]{1,3})\s*[、.．]\s*(?P<name>[^，。；：:]+?)\s*[；;。，,]?$|"
                   r"^[（(]\d{1,2}[)）]\s*(?P<name2>[^，。；：:]+?)\s*[；;。，,]?$")
_KIND_AFTER = re.compile(rf"\s*[（(](?P<kind>{_KIND_WORD}|行政|事业|参公)[)）]$")
_SUFFIX_WORDS = re.compile(r"(?:单位|部门)$")

# A count of people, not a year (编制 2024 年预算) nor an amount.
_COUNT_TAIL = rf"(?:为|共|是|共有|有)?\s*(?P<n>{COUNT})(?![\d.,])(?!\s*(?:年|月|日|%|万|元))"
_STAFF_FIELDS: tuple[tuple[str, re.Pattern[str], bool], ...] = (
    # field, pattern, whether the text gives a change (增加/减少) after it
    ("authorized", re.compile(rf"编制(?:数|人数|总数)?{_COUNT_TAIL}\s*(?:人|名)?"), False),
    ("actual", re.compile(rf"实有(?:人数|人员)?{_COUNT_TAIL}\s*(?:人|名)"), False),
    ("serving", re.compile(rf"在职(?:人员|人数)?{_COUNT_TAIL}\s*(?:人|名)"), True),
    # 退休 but not 离退休, written to start with 退 (which re looks for ahead of trying the rest).
    ("retired", re.compile(rf"退(?<!离退)休(?:人员|人数)?{_COUNT_TAIL}\s*(?:人|名)"), True),
    ("pre_1949_retired", re.compile(rf"离休(?:人员|人数)?{_COUNT_TAIL}\s*(?:人|名)"), True),
)
_CHANGE = re.compile(
    r"\s*[，,]?\s*(?:比上年|较上年|同比|与上年相比[，,]?|与上年)?\s*"
    rf"(?:(?P<word>增加|减少|增长|下降|新增)了?\s*(?P<n>{COUNT})\s*(?:人|名)|(?P<flat>持平|不变|无变化|没有变化))"
)
_DOWN = ("减少", "下降")
# The word each of _STAFF_FIELDS' patterns holds, in their order: a paragraph without it is not searched.
_STAFF_WORDS = ("编制", "实有", "在职", "退休", "离休")


def _number(text: str) -> int:
    """A count printed in digits or in Chinese numerals up to 99 (``一``, ``十二``, ``二十``)."""
    if text.isdigit():
        return int(text)
    if "十" not in text:
        return _CJK_DIGITS[text]
    tens, _, ones = text.partition("十")
    return (_CJK_DIGITS[tens] if tens else 1) * 10 + (_CJK_DIGITS[ones] if ones else 0)


def _front(found: Sequence[Paragraph]) -> Sequence[Paragraph]:
    """The paragraphs of the first part (部门概况): up to the heading of the second part."""
    end = next((i for i, p in enumerate(found) if p.heading and _LATER_PART.match(p.text)), len(found))
    return found[:end]


@attrs.define
class _Draft:
    name: str
    kind: AgencyKind | None = None
    own: bool = False


class _AgencyReader:
    def __init__(self, lines: Sequence[SourceLine], department: str | None) -> None:
        self.lines = lines
        self.department = department
        self.listed: list[_Draft] = []
        self.own: str | None = None
        self.subordinates: int | None = None
        self.kind_counts: dict[AgencyKind, int] = {}
        self.counted_in: Paragraph | None = None  # where the agencies below the department are counted
        self.kinds_in: Paragraph | None = None  # where the agencies are counted by kind
        self.problems: list[Problem] = []

    @functools.cached_property
    def by_number(self) -> dict[int, int]:
        """Each line's index by its number: made where a list is looked for on the lines after a
        paragraph (few documents), not for every read."""
        return {line.number: index for index, line in enumerate(self.lines)}

    def problem(self, paragraph: Paragraph, message: str) -> None:
        self.problems.append(Problem(line=paragraph.line, text=paragraph.text, message=message))

    def name(self, text: str) -> str:
        """An agency's name, without the 单位/部门 a sentence may add after the department's name."""
        name = clean_name(text)
        if not is_agency_name(name) and _SUFFIX_WORDS.search(name) and is_agency_name(name[:-2]):
            return name[:-2]
        return name

    def read(self, paragraph: Paragraph) -> None:
        if not any(word in paragraph.text for word in _AGENCY_WORDS):  # most paragraphs: nothing to read
            return
        for sentence in split_sentences(paragraph.text):
            self.own_level(sentence, paragraph)
            self.counts(sentence, paragraph)
            lead = _LIST_LEAD.search(sentence)
            if lead is not None and not _OFFICES.search(sentence):
                self.inline_list(sentence[lead.end() :], paragraph)

    def own_level(self, sentence: str, paragraph: Paragraph) -> None:
        # Each pattern is run only where what it ends with stands (本级; 无下属单位 and the like, found
        # without trying a name before every character): elsewhere it finds nothing.
        for pattern, ending in ((_OWN_LEVEL, _OWN_LEVEL_WORD), (_ALONE, _NO_SUBORDINATES)):
            if ending.search(sentence) is None:
                continue
            for match in pattern.finditer(sentence):
                name = self.name(match["name"])
                if not is_agency_name(name) or name.startswith(("本", "我", "该")):
                    continue
                if self.own is not None and self.own != name:
                    self.problem(paragraph, f"two agencies are named the department's own (本级): "
                                            f"{self.own!r} and {name!r}; the first is kept")
                    continue
                self.own = name
                if pattern is _ALONE:
                    self.subordinates = 0

    def counts(self, sentence: str, paragraph: Paragraph) -> None:
        if "单位" not in sentence:  # every pattern below holds it (each kind of agency ends with it)
            return
        if _NO_SUBORDINATES.search(sentence):
            self.subordinates = 0
        for pattern in _SUBORDINATES:
            for match in pattern.finditer(sentence):
                self.subordinates = _number(match["n"])
                self.counted_in = self.counted_in or paragraph
        for pattern in _KIND_COUNTS:
            for match in pattern.finditer(sentence):
                kind = AgencyKind.from_zh(match["kind"])
                self.kind_counts.setdefault(kind, _number(match["n"]))
                self.kinds_in = self.kinds_in or paragraph

    def inline_list(self, tail: str, paragraph: Paragraph) -> None:
        """Names after the colon (``包括：A、B``), or the numbered lines that follow the paragraph."""
        head = re.split(r"[，。；,;]", tail, maxsplit=1)[0].strip()
        if head:
            items = [_item(piece, self.name) for piece in head.split("、")]
            names = [item for item in items if item is not None]
            if len(names) == len(items):
                self.listed.extend(names)
            elif names:
                self.problem(paragraph, f"a list of agencies with pieces that are no agency's name ({head!r}); "
                                        "the list is not read")
            return
        index = self.by_number.get(paragraph.numbers[-1])
        if index is None:
            return
        for line in self.lines[index + 1 :]:
            if line.is_blank:
                continue
            match = _ITEM.match(fold_numbers(clean_name(line.text)))
            item = _item(match["name"] or match["name2"], self.name) if match else None
            if item is None:
                break
            self.listed.append(item)

    def agencies(self) -> tuple[Agency, ...]:
        drafts = list(self.listed)
        own = self.own or next((d.name for d in drafts if d.own), None)
        if own is None and any(d.name == self.department for d in drafts):
            own = self.department
        if own is not None:
            if not any(d.name == own for d in drafts):
                drafts.insert(0, _Draft(name=own))
            for draft in drafts:
                draft.own = draft.name == own
        where = self.counted_in
        if self.subordinates is not None and own is not None and self.listed and where is not None \
                and len(drafts) - 1 != self.subordinates:
            others = ", ".join(d.name for d in drafts if not d.own)
            self.problem(where, f"the text counts {self.subordinates} agencies below the department's own "
                                f"but names {len(drafts) - 1}: {others}")
        self.assign_kinds(drafts, self.kinds_in)
        return tuple(Agency(name=d.name, kind=d.kind, is_department_level=d.own) for d in drafts)

    def assign_kinds(self, drafts: list[_Draft], where: Paragraph | None) -> None:
        counted = {kind: n for kind, n in self.kind_counts.items() if n}
        unknown = [d for d in drafts if d.kind is None]
        if not counted or not unknown:
            return
        if len(counted) == 1:
            ((kind, count),) = counted.items()
            if count == len(drafts):
                for draft in unknown:
                    draft.kind = kind
                return
        if where is not None:
            stated = "，".join(f"{kind.zh}单位 {n} 家" for kind, n in counted.items())
            self.problem(where, f"the text counts agencies by kind ({stated}) but does not say which agency is "
                                "which; their kinds are left out")


def _item(text: str, name_of: Callable[[str], str]) -> _Draft | None:
    """One listed agency, with a kind printed after its name; ``None`` when the text is no name."""
    cleaned = clean_name(text)
    kind: AgencyKind | None = None
    printed = _KIND_AFTER.search(cleaned)
    if printed is not None:
        kind = AgencyKind.from_zh(printed["kind"])
        cleaned = cleaned[: printed.start()]
    name, own = department_level(cleaned)
    name = name_of(name)
    if not is_agency_name(name):
        return None
    return _Draft(name=name, kind=kind, own=own)


def read_staffing(paragraphs: Sequence[Paragraph]) -> tuple[Staffing | None, list[Problem]]:
    """The staffing figures of the given paragraphs: 编制数, 实有人数, 在职/退休/离休 and changes.

    >>> from cnbudget.readers.prose.paragraphs import Paragraph
    >>> found = [Paragraph(text="某局编制数15，实有人数19人，其中：在职18人，增加0人；退休1人，增加1人。",
    ...                    numbers=(29,))]
    >>> staffing, problems = read_staffing(found)
    >>> staffing.actual, staffing.serving_change, staffing.retired, staffing.pre_1949_retired
    (19, 0, 1, None)
    """
    values: dict[str, int] = {}
    problems: list[Problem] = []
    for paragraph in paragraphs:
        text = paragraph.text
        for (field, pattern, changes), word in zip(_STAFF_FIELDS, _STAFF_WORDS, strict=True):
            if word not in text:  # most paragraphs name no staff
                continue
            for match in pattern.finditer(text):
                count = int(match["n"])
                if field in values and values[field] != count:
                    problems.append(Problem(line=paragraph.line, text=match.group(0),
                                            message=f"a second {field} figure ({count}) differs from the first "
                                                    f"({values[field]}); the first is kept"))
                    continue
                values[field] = count
                change = _CHANGE.match(text, match.end())
                if change is None:
                    continue
                if not changes:
                    problems.append(Problem(line=paragraph.line, text=text[match.start() : change.end()],
                                            message=f"the model keeps no change of {field}; not read"))
                    continue
                amount = 0 if change["flat"] else int(change["n"])
                values[f"{field}_change"] = -amount if change["word"] in _DOWN else amount
    if not values:
        return None, problems
    return Staffing(**values), problems


def read_organisation(
    lines: Sequence[SourceLine], *, department: str | None = None, cuts: DocumentCuts | None = None,
) -> tuple[tuple[Agency, ...], Staffing | None, list[Problem]]:
    """The agencies the budget covers and the staffing, from the first part of the document.

    The department's own agency (本级) comes first when the text names it; the department's name
    (from :func:`~cnbudget.readers.prose.front.read_front`, unless given) marks it when the text only
    lists it. ``cuts`` are the document's shared cuts when the caller has them.
    """
    if department is None:
        department = read_front(lines)[0].department
    paragraphs = _front((cuts or DocumentCuts(lines)).prose)
    reader = _AgencyReader(lines, department)
    for paragraph in paragraphs:
        if not paragraph.heading:
            reader.read(paragraph)
    agencies = reader.agencies()
    staffing, problems = read_staffing([p for p in paragraphs if not p.heading])
    return agencies, staffing, reader.problems + problems
