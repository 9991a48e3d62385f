"""Statements of the narrative (情况说明): every sentence that states figures about amounts.

``一般公共预算 2,022.69 万元，占 63.88%，比上年预算增加 208.54 万元，增长 11.50%，主要原因是…``
becomes one :class:`~cnbudget.model.Statement` with its section (the heading it is under), subject,
amount, share, signed change and rate, reason and the text it was read from. Also read: totals
(``收支总预算 3,166.28 万元``), the 类 structure (``1、科学技术支出（类）17.03 万元，占 0.75%``) and the
类/款/项 uses (with their code when the names resolve to one in the catalogue), 三公 figures, carryover
items, counts (``当年财政拨款项目 8 个，涉及预算金额 56,794.94 万元``) and project amounts
(``预算安排规模：17.03万元`` under ``项目名称：信息化运维项目``).

Choices, so that nothing is invented:

* a later sentence that states only the change of an earlier subject in the same section
  (``与 2023 年预算相比，收入增加 79.34 万元`` after ``收入总计 9018.93 万元``;
  ``“三公”经费预算比上年预算减少 0.50 万元`` after ``“三公”经费预算数为 0.50 万元``) completes that
  statement, and the statement's text holds both sentences;
* ``X未安排`` (nothing budgeted) is a statement of X with amount ``Decimal('0')``, an exact zero as
  for a blank cell, its text saying 未安排;
* amounts printed in another unit (``83616.92元``) are converted to the document's unit;
* the 机关运行经费, 政府采购 and 国有资产 parts of 其他重要事项 are read by
  :func:`cnbudget.readers.prose.matters.read_other_matters`, not here; 预算绩效 counts and other parts are;
* what a change is measured against is kept where it is not last year's budget (``比2022年预算执行数
  增加…``: :attr:`~cnbudget.model.Statement.compared_with`), and last year's figure where the text
  prints it (``2022年当年预算执行数为14.00万元``: :attr:`~cnbudget.model.Statement.stated_prior`);
* this year's figure said again (``2023年预算安排21.50万元``) completes the statement before; where it
  differs from the figure stated first, it is a statement of its own with the same subject, so that
  both printed figures reach the checker;
* a section headed by a 类 (``（一）公共安全（类）``) lists 款 and 项 without it: their subjects are
  completed with the 类 (and the 款 stated before), their section is the part the 类 heading is in;
* a reason enumerated over several clauses (``主要原因一是…；二是…``) is one reason.

>>> from cnbudget.readers.text.source import split_lines
>>> text = '''第三部分 2024 年部门预算情况说明
... 二、关于某局 2024 年收入预算情况说明
... 某局收入预算 3,166.28 万元，其中：一般公共预算 2,022.69 万元，占 63.88%，比上年预算减少
... 208.54 万元，下降 11.50%，主要原因是人员减少。
... '''
>>> statements, problems = read_statements(split_lines(text), department="某局", fiscal_year=2024)
>>> s = statements[1]
>>> s.subject, s.amount, s.share, s.change_amount, s.change_rate, s.reason
('一般公共预算', Decimal('2022.69'), Decimal('63.88'), Decimal('-208.54'), Decimal('-11.50'), '人员减少')
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from decimal import Decimal
from typing import Final

import attrs

from cnbudget.errors import InvalidAmount
from cnbudget.model import Statement
from cnbudget.model.narrative import ChangeBasis
from cnbudget.money import AmountUnit, parse_amount
from cnbudget.numbering import LIST_MARK
from cnbudget.readers.prose.building import statement
from cnbudget.readers.prose.cuts import DocumentCuts
from cnbudget.readers.prose.figures import (
    PERCENT_ENDS,
    SENTENCE_TAIL,
    ChangeMatch,
    absent_of,
    amount_spans,
    basis_of,
    change_of,
    clean_subject,
    count_of,
    is_amount_phrase,
    is_flat,
    keeps_order,
    may_name_a_year,
    not_arranged,
    prior_of,
    rate_of,
    reason_of,
    restates,
    sentences_with_clauses,
    share_of,
    strip_marker,
    subject_key,
)
from cnbudget.readers.prose.front import read_front
from cnbudget.readers.prose.function_names import Levels, completed, function_code_of, level_names, levels_text
from cnbudget.readers.prose.paragraphs import (
    MatterKind,
    Paragraph,
    Section,
    is_unnumbered_title,
)
from cnbudget.readers.result import Problem
from cnbudget.readers.text.source import SourceLine

__all__ = ["NarrativeContext", "read_statements", "statements_in"]

_PROJECT = re.compile(r"^项目名称[：:](?P<name>.+)$")  # after its list number (1. 项目名称：)
# The amount of a project's description is its budget, whoever the subject names it.
_PROJECT_WORD = "项目名称"  # in every clause _PROJECT matches
_PROJECT_AMOUNT = re.compile(r"^(?:预算安排规模|预算安排|预算规模|资金规模|项目预算|项目总预算)$")
_VERBS = ("增加", "减少", "增长", "下降", "压减", "调增", "调减")  # a subject starting with one is none
_PROJECT_PART = "经费情况说明"  # 科技创新专项经费情况说明 (Shanghai): a part on one project
_CJK = re.compile(r"[\u4e00-\u9fff]")
_READ_ELSEWHERE = (MatterKind.OPERATING_COSTS, MatterKind.PROCUREMENT, MatterKind.ASSETS)
# Further reasons after "主要原因一是…；": "二是…", "其次…", "2、…".
_MORE_REASONS = re.compile(
    r"^(?:[二三四五六七八九十]是|其次|再次|最后|第[二三四五六七八九十]|[2-9][、.．]|[（(][2-9二三四五][)）])"
)
#: What the change is measured against, kept on a statement; last year's budget (上年预算) is the
#: convention and stays ``None``, as does a comparison that does not say (与上年相比).
RECORDED_BASES = (ChangeBasis.EXECUTION, ChangeBasis.FINAL_ACCOUNTS)
_UNREAD: Final = ChangeMatch(subject="", sign=0, basis=None)  # no text's change: one not read yet


@attrs.frozen(kw_only=True)
class NarrativeContext:
    """What reading the narrative needs to know: the department's name (left out of subjects),
    the budget year (left out of subjects; the catalogue of codes) and the document's unit.

    >>> NarrativeContext(department="某局", fiscal_year=2024).unit.zh
    '万元'
    """

    department: str | None = None
    fiscal_year: int | None = None
    unit: AmountUnit = AmountUnit.WAN_YUAN

    @classmethod
    def of(
        cls,
        lines: Sequence[SourceLine],
        *,
        department: str | None = None,
        fiscal_year: int | None = None,
        unit: AmountUnit | None = None,
    ) -> NarrativeContext:
        """The context given, with what is not given read from the front of the document."""
        if department is None or fiscal_year is None or unit is None:
            front, _ = read_front(lines)
            department = department if department is not None else front.department
            fiscal_year = fiscal_year if fiscal_year is not None else front.fiscal_year
            unit = unit if unit is not None else front.amount_unit
        return cls(department=department, fiscal_year=fiscal_year, unit=unit)


class _Draft:
    """A statement being read: its fields filled as the clauses give them (a plain class: one is
    made for nearly every figure read, and attrs' generated constructor cost more than the rest of
    making it)."""

    __slots__ = ("amount", "change_amount", "change_rate", "compared_with", "count", "levels", "line", "reason",
                 "section", "share", "stated_prior", "subject", "texts")

    def __init__(self, section: str | None, subject: str, levels: Levels, line: int | None, piece: str) -> None:
        self.section = section
        self.subject = subject
        self.amount: Decimal | None = None
        self.share: Decimal | None = None
        self.change_amount: Decimal | None = None
        self.change_rate: Decimal | None = None
        self.count: int | None = None
        self.reason: str | None = None
        self.compared_with: ChangeBasis | None = None
        self.stated_prior: Decimal | None = None
        self.levels = levels
        self.texts = [piece]  # the sentences it was read from, each once
        self.line = line  # the first line of the paragraph it stands in

    def compare(self, basis: ChangeBasis | None) -> None:
        if basis in RECORDED_BASES and self.compared_with is None:
            self.compared_with = basis

    def cite(self, piece: str) -> None:
        if piece not in self.texts:
            self.texts.append(piece)


class _Reader:
    def __init__(self, context: NarrativeContext) -> None:
        self.context = context
        self.drafts: list[_Draft] = []
        self.problems: list[Problem] = []
        self.section_drafts: list[_Draft] = []
        self.current: _Draft | None = None
        self.reasoning: _Draft | None = None  # the statement whose enumerated reason may go on
        self.project: str | None = None
        self.title: str | None = None
        self.levels: Levels = ()  # the 类 (and 款) the statements of the section are under
        self.paragraph: Paragraph | None = None
        # A document prints many figures more than once (a total in each part that sums it) and
        # words its changes alike (与上年相比增加): each read once per reader, kept by its text.
        self.values: dict[str, Decimal] = {}
        self.changes: dict[str, ChangeMatch | None] = {}

    # -- reporting ------------------------------------------------------------------------------

    def problem(self, message: str) -> None:
        paragraph = self.paragraph
        self.problems.append(
            Problem(line=paragraph.line if paragraph else None, text=paragraph.text if paragraph else "",
                    message=message)
        )

    def statements(self, pages: Mapping[int, int | None] | None = None) -> list[Statement]:
        """The statements of the drafts, each on the page of its first line where ``pages`` (line
        number → page) is given."""
        result = []
        for draft in self.drafts:
            code = None
            if draft.levels:
                code = function_code_of(draft.levels, self.context.fiscal_year)
                if code is None:
                    self.problems.append(Problem(
                        line=None, text=draft.subject,
                        message=f"the names do not name one 支出功能分类 code in the {self.context.fiscal_year} "
                                "catalogue; the statement keeps no code"))
            result.append(statement(
                section=draft.section, subject=draft.subject, code=code, amount=draft.amount, share=draft.share,
                change_amount=draft.change_amount, change_rate=draft.change_rate, count=draft.count,
                reason=draft.reason, text="".join(draft.texts), compared_with=draft.compared_with,
                stated_prior=draft.stated_prior, line_number=draft.line,
                page=pages.get(draft.line or 0) if pages else None,
            ))
        return result

    # -- walking the text -----------------------------------------------------------------------

    def read(self, section: Section, *, title: str | None = None, levels: Levels = (),
             project: str | None = None) -> None:
        """The statements of one section; ``title`` and ``levels`` for a section headed by a 类,
        ``project`` for a part that describes one project."""
        self.section_drafts, self.current, self.project = [], None, project
        self.title = title if levels else section.title
        self.levels, self.reasoning = levels, None
        for paragraph in section.body:
            self.paragraph = paragraph
            for piece, clauses in sentences_with_clauses(paragraph.text):
                self.piece(piece, clauses)

    def piece(self, piece: str, clauses: list[str]) -> None:
        """A sentence (``piece``) and its clauses (:func:`~cnbudget.readers.prose.figures.split_clauses`)."""
        reasoning, self.reasoning = self.reasoning, None
        if reasoning is not None and reasoning.reason is not None and _MORE_REASONS.match(piece):
            reasoning.reason += piece.rstrip(SENTENCE_TAIL)
            reasoning.cite(piece)
            self.reasoning = reasoning if piece.endswith(("；", ";")) else None
            return
        for clause in clauses:
            reason = reason_of(clause)
            if reason is not None:
                # The reason runs to the end of the sentence, commas and all.
                rest = piece[piece.index(clause) :].rstrip(SENTENCE_TAIL)
                self.give_reason(reason_of(rest) or reason, piece)
                return
            self.clause(clause, piece)

    def clause(self, clause: str, piece: str) -> None:
        project = _PROJECT.match(LIST_MARK.sub("", clause, count=1)) if _PROJECT_WORD in clause else None
        if project is not None:
            self.project = project["name"].strip()
            return
        if clause.endswith(PERCENT_ENDS):  # a share or a rate (most clauses are neither)
            share = share_of(clause)
            if share is not None:
                self.give_share(share, piece)
                return
            rate = rate_of(clause)
            if rate is not None:
                self.give_rate(rate, basis_of(clause), piece)
                return
        if is_flat(clause):
            if self.current is not None:
                self.current.compare(basis_of(clause))
                self.current.cite(piece)
            return
        amounts = amount_spans(clause)
        if amounts:
            start = 0
            for number, unit, found_start, found_end in amounts:
                self.amount(clause[start:found_start], number + unit, piece)
                start = found_end
            return
        self.figureless(clause, piece)

    def figureless(self, clause: str, piece: str) -> None:
        """A count (``当年财政拨款项目 8 个``) or nothing budgeted (``X未安排``, ``无X预算安排``)."""
        counted = count_of(clause)
        if counted is not None:
            subject = self.subject(counted[0])
            if _CJK.search(subject):
                self.new(subject, piece).count = counted[1]
            return
        nothing = not_arranged(clause)
        absent = absent_of(clause) if nothing is None else None
        if absent is not None and not self.subject(absent[0]):
            nothing = absent[1]
        if nothing is not None:
            subject = self.subject(nothing)
            if subject:
                self.new(subject, piece).amount = Decimal(0)

    # -- figures --------------------------------------------------------------------------------

    def subject(self, text: str) -> str:
        return clean_subject(text, department=self.context.department, year=self.context.fiscal_year)

    def value(self, text: str) -> Decimal:
        """The amount printed as ``text`` (:attr:`~cnbudget.readers.prose.figures.AmountMatch.text`) in
        the document's unit; :class:`~cnbudget.errors.InvalidAmount` where it is none (never kept:
        each such amount is reported where it stands)."""
        value = self.values.get(text)
        if value is None:
            value = self.values[text] = parse_amount(text, unit=self.context.unit)
        return value

    def new(self, subject: str, piece: str) -> _Draft:
        draft = self.draft(subject, piece)
        self.current = draft
        return draft

    def draft(self, subject: str, piece: str) -> _Draft:
        """A new statement of ``subject``; 款 and 项 named without their 类 are completed from the
        section's heading and the 款 stated before."""
        names = level_names(subject)
        full = completed(names, self.levels)
        if full != names:
            subject = levels_text(full[: len(full) - len(names)]) + subject
        if full and full[0][0] == "类":
            self.levels = tuple(pair for pair in full if pair[0] != "项")
        draft = _Draft(self.title, subject, full, self.paragraph.line if self.paragraph is not None else None, piece)
        self.drafts.append(draft)
        self.section_drafts.append(draft)
        return draft

    def amount(self, before: str, printed: str, piece: str) -> None:
        """An amount (``printed``: its number and unit) and the text of its clause before it."""
        try:
            value = self.value(printed)
        except InvalidAmount as error:  # digits past any printed amount
            self.problem(f"{error}; not read")
            return
        change = self.changes.get(before, _UNREAD)
        if change is _UNREAD:
            change = self.changes[before] = change_of(before)
        if change is not None:
            self.give_change(self.subject(change.subject), value if change.sign > 0 else -value, change.basis, piece)
            return
        current, year = self.current, self.context.fiscal_year
        if current is not None and may_name_a_year(before):  # last year's figure, or this year's again
            prior = prior_of(before, year)
            if prior is not None:
                self.give_prior(current, value, prior, piece)
                return
            if restates(before, year) and current.amount is not None:
                self.restate(current, value, piece)
                return
        subject = self.subject(before)
        if current is not None and current.count is not None and current.amount is None \
                and is_amount_phrase(subject):
            current.amount = value
            current.cite(piece)
            return
        if not subject or subject.startswith(_VERBS):
            # "…增加部门预算 1,464.3 万元" in a reason: an amount with no subject of its own.
            self.problem(f"an amount ({printed}) without a subject; not read")
            return
        if self.project is not None and _PROJECT_AMOUNT.match(subject):
            subject = self.project
        self.new(subject, piece).amount = value

    def give_prior(self, current: _Draft, value: Decimal, basis: ChangeBasis, piece: str) -> None:
        """Last year's figure of the statement before (``2022年当年预算执行数为1.48万元``)."""
        if current.stated_prior is not None:
            self.problem(f"a second figure of last year ({value}) for “{current.subject}”; not read")
            return
        current.stated_prior = value
        current.compare(basis)
        current.cite(piece)

    def restate(self, current: _Draft, value: Decimal, piece: str) -> None:
        """This year's figure said again: the same statement, or one of its own where the figures
        differ (the checker judges which is right)."""
        current.cite(piece)
        if value == current.amount:
            return
        again = self.draft(current.subject, piece)
        again.levels, again.amount = current.levels, value

    def give_change(self, subject: str, value: Decimal, basis: ChangeBasis | None, piece: str) -> None:
        target = self.current if not subject else self.earlier(subject)
        current = self.current
        if target is None and current is not None and current.change_amount == value:
            current.cite(piece)  # "增减相抵后与上年相比减少710.87万元": the change said again
            return
        if target is None and subject:
            target = self.new(subject, piece)
        if target is None or target.change_amount is not None:
            self.problem(f"a change ({value}) that belongs to no stated amount; not read")
            return
        target.change_amount = value
        target.compare(basis)
        target.cite(piece)
        self.current = target

    def earlier(self, subject: str) -> _Draft | None:
        """The statement a change names: the latest of the section with the same subject, or the
        one just stated when the change names it shortly (收、支预算总计 for 收入、支出预算总计)."""
        key = subject_key(subject)
        same = next(
            (d for d in reversed(self.section_drafts) if d.change_amount is None and subject_key(d.subject) == key),
            None,
        )
        current = self.current
        if same is None and current is not None and current.change_amount is None \
                and len(key) >= 2 and keeps_order(key, subject_key(current.subject)):
            return current
        return same

    def give_share(self, share: Decimal, piece: str) -> None:
        if self.current is None or self.current.share is not None:
            self.problem(f"a share ({share}%) that belongs to no stated amount; not read")
            return
        self.current.share = share
        self.current.cite(piece)

    def give_rate(self, rate: Decimal, basis: ChangeBasis | None, piece: str) -> None:
        if self.current is None or self.current.change_rate is not None:
            self.problem(f"a growth rate ({rate}%) that belongs to no stated amount; not read")
            return
        self.current.change_rate = rate
        self.current.compare(basis)
        self.current.cite(piece)

    def give_reason(self, reason: str, piece: str) -> None:
        if self.current is not None and self.current.reason is None and reason:
            self.current.reason = reason
            self.current.cite(piece)
            self.reasoning = self.current if piece.endswith(("；", ";")) else None


def _category(section: Section) -> Levels:
    """The 类 a heading names alone (``（一）公共安全（类）``, ``（二）社会保障和就业支出（类）``)."""
    if section.title is None:
        return ()
    names = level_names(strip_marker(section.title))
    return names if len(names) == 1 and names[0][0] == "类" else ()


def statements_in(
    found: Sequence[Section], context: NarrativeContext, pages: Mapping[int, int | None] | None = None
) -> tuple[list[Statement], list[Problem]]:
    """The statements of the given sections, in order (what :func:`read_statements` does for the
    whole narrative); each on the page of its first line where ``pages`` (line number → page) is given.

    >>> from cnbudget.readers.prose.paragraphs import Paragraph, Section
    >>> body = (Paragraph(text="政府性基金预算未安排。", numbers=(9,)),)
    >>> statements, _ = statements_in([Section(heading=None, body=body)], NarrativeContext())
    >>> statements[0].subject, statements[0].amount
    ('政府性基金预算', Decimal('0'))
    """
    reader = _Reader(context)
    part: str | None = None
    project: str | None = None  # the project an unnumbered "…经费情况说明" part describes
    for section in found:
        category = _category(section)
        if category:
            reader.read(section, title=part, levels=category, project=project)
            continue
        part = section.title
        if part is not None and is_unnumbered_title(part):
            named = part.removesuffix(_PROJECT_PART) if part.endswith(_PROJECT_PART) else ""
            project = named if named not in ("", "项目") else None  # 项目经费情况说明 names none
        reader.read(section, project=project)
    statements = reader.statements(pages)
    return statements, reader.problems


def read_statements(
    lines: Sequence[SourceLine],
    *,
    department: str | None = None,
    fiscal_year: int | None = None,
    unit: AmountUnit | None = None,
    cuts: DocumentCuts | None = None,
) -> tuple[tuple[Statement, ...], list[Problem]]:
    """Every statement of figures in the narrative part of ``lines``, and the problems met.

    The department, budget year and unit are read from the document unless given; ``cuts`` are the
    document's shared cuts when the caller has them (:class:`~cnbudget.readers.prose.cuts.DocumentCuts`).
    """
    context = NarrativeContext.of(lines, department=department, fiscal_year=fiscal_year, unit=unit)
    cuts = cuts or DocumentCuts(lines)
    found = cuts.narrative
    chosen = [section for section, kind in cuts.narrative_sections if kind not in _READ_ELSEWHERE]
    statements, problems = statements_in(chosen, context, cuts.pages)
    for paragraph in found:
        if paragraph.restored:
            where = ", ".join(map(str, paragraph.restored))
            problems.append(Problem(line=paragraph.line, text=paragraph.text, message="figures printed on a line of "
                                    f"their own were put back into the gaps they left in line {where}"))
    return tuple(statements), problems
