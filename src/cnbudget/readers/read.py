"""``read_text``: published text → :class:`~cnbudget.model.BudgetDisclosure`, with problems (a
file is read by :mod:`cnbudget.readers.files`).

The document is cut into blocks at table titles; each block is read by the reader of its table key;
whatever cannot be read is reported with its line number, never guessed. In flat text (plain
``pdftotext``) the tables are first rebuilt where their figures can be placed with certainty
(:mod:`cnbudget.readers.flat`).
"""

from __future__ import annotations

import os
from collections.abc import Callable, Sequence
from functools import partial
from pathlib import Path

import attrs

from cnbudget.decimals import in_own_context
from cnbudget.errors import FinalAccountsNotRead, NotADisclosure, ReadError, WrongArgumentType
from cnbudget.model import Agency, BudgetDisclosure, OtherTable, Staffing, Statement, Table, Tables, UnreadTable
from cnbudget.model.kinds import printed_title
from cnbudget.readers.flat.rebuild import rebuild_flat_blocks
from cnbudget.readers.guard import guarded
from cnbudget.readers.performance.read import read_performance
from cnbudget.readers.prose.cuts import DocumentCuts
from cnbudget.readers.prose.document_text import department_names, passages
from cnbudget.readers.prose.front import DocumentKind, document_kind, read_front, tables_elsewhere
from cnbudget.readers.prose.matters import read_other_matters
from cnbudget.readers.prose.narrative import read_statements
from cnbudget.readers.prose.organisation import read_organisation
from cnbudget.readers.result import Problem, ReadResult, incomplete_parts
from cnbudget.readers.tables.carryover import read_carryover_table
from cnbudget.readers.tables.economic_tables import read_basic_expenditure_table, read_economic_summary_table
from cnbudget.readers.tables.function_tables import read_expenditure_table, read_revenue_table
from cnbudget.readers.tables.procurement import read_procurement_table
from cnbudget.readers.tables.project_tables import read_project_expenditure_table, read_project_table
from cnbudget.readers.tables.summary_tables import read_fiscal_summary_table, read_summary_table
from cnbudget.readers.tables.three_public import read_three_public_table
from cnbudget.readers.text.blocks import OTHER_KIND, PERFORMANCE_KEYS, Block
from cnbudget.readers.text.forms import TextForm, detect_form, text_lines
from cnbudget.readers.text.layout import unplaced_rows
from cnbudget.readers.text.source import SourceLine

__all__ = ["TABLE_READERS", "read_lines", "read_text"]

TableReader = Callable[[Block], tuple[Table | None, list[Problem]]]

#: The reader of each stable table key.
TABLE_READERS: dict[str, TableReader] = {
    "summary": read_summary_table,
    "fiscal_summary": read_fiscal_summary_table,
    "general_budget_basic": read_basic_expenditure_table,
    "general_budget_projects": read_project_expenditure_table,
    "economic_summary": read_economic_summary_table,
    "projects": read_project_table,
    "revenue": read_revenue_table,
    "expenditure": read_expenditure_table,
    "general_budget": read_expenditure_table,
    "gov_fund": read_expenditure_table,
    "soe_capital": read_expenditure_table,
    "three_public": read_three_public_table,
    "carryover": read_carryover_table,
    "fiscal_expenditure": read_expenditure_table,
    "fiscal_basic": read_basic_expenditure_table,
    "operating_costs": read_basic_expenditure_table,
    "procurement": read_procurement_table,
}

#: The longest text read: a disclosure's file is far smaller, and each character is at least a byte.
_MAX_CHARACTERS = 50_000_000
#: Longer than any path a file system takes.
_LONGEST_PATH = 4096


@in_own_context
def read_text(text: str) -> ReadResult:
    """Read a published disclosure from its text, in any of its forms
    (:mod:`~cnbudget.readers.text.forms`: TAB-separated, Markdown tables, layout or flat text).

    The text is always the document itself: a file is read with
    :func:`~cnbudget.readers.files.read_file`, and a path or bytes given here is refused naming it.
    A text that is one line naming an existing file is read as that line, and what it reads as says
    so — the error, or a problem where the line reads as a document.

    >>> try:
    ...     read_text("hello")
    ... except NotADisclosure as error:
    ...     print(error)
    this is not a budget disclosure: no standard table, department or budget year was found
    """
    _refuse_what_is_not_text(text)
    form = detect_form(text)
    try:
        result = _read_lines(text_lines(text, form), form)
    except ReadError as error:
        named = _file_named_by(text)
        if named is None:
            raise
        raise type(error)(f"{error}; {_names_a_file(named)}") from error
    named = _file_named_by(text)
    if named is None:
        return result
    problem = Problem(line=1, text=named, message=_names_a_file(named))
    return attrs.evolve(result, problems=(problem, *result.problems))


def _refuse_what_is_not_text(text: object) -> None:
    if isinstance(text, os.PathLike):
        raise WrongArgumentType(f"read_text reads the text itself, not a path ({type(text).__name__}): "
                                f"read_file(path) reads a file")
    if isinstance(text, (bytes, bytearray, memoryview)):
        raise WrongArgumentType(f"read_text reads the text itself (a str), not {type(text).__name__}: "
                                f"read_file(path) reads a file, its encoding detected")
    if not isinstance(text, str):
        raise WrongArgumentType(f"read_text reads the text itself (a str), not {type(text).__name__}; "
                                f"read_file(path) reads a file")
    if len(text) > _MAX_CHARACTERS:
        raise ReadError(f"the text has {len(text)} characters; a disclosure is far smaller")
    if "\x00" in text:
        raise ReadError("the text contains NUL characters: it is binary data, not a document")


def _file_named_by(text: str) -> str | None:
    """The text, where it is one line naming an existing file or folder; else ``None``."""
    line = text.strip()
    if not line or "\n" in line or "\r" in line or len(line) > _LONGEST_PATH:
        return None
    try:
        return line if Path(line).exists() else None
    except (OSError, ValueError):  # no possible file name
        return None


def _names_a_file(name: str) -> str:
    return (f"the text is one line naming the file {name!r}: read_text reads the text it is given, "
            f"read_file(path) reads a file")


@in_own_context
def read_lines(lines: Sequence[SourceLine]) -> ReadResult:
    """Read a published disclosure from its numbered lines (see :func:`read_text`)."""
    return _read_lines(lines, None)


def _is_flat(lines: Sequence[SourceLine], form: TextForm | None) -> bool:
    """Whether the lines are flat text. Lines made from a text found TSV or flat are that text's own
    lines (no form rewrites them), so the form found for the text is theirs, not found again."""
    if form is TextForm.TSV or form is TextForm.FLAT:
        return form is TextForm.FLAT
    return detect_form("\n".join(line.raw for line in lines)) is TextForm.FLAT


def _read_lines(lines: Sequence[SourceLine], form: TextForm | None) -> ReadResult:
    """:func:`read_lines`, given the form of the text the lines were made from, where known."""
    if document_kind(lines) is DocumentKind.FINAL_ACCOUNTS:
        raise FinalAccountsNotRead(
            "this is a 部门决算 (final accounts) document; final accounts are not read yet, only budgets (部门预算)")
    front, problems = read_front(lines)
    cuts = DocumentCuts(lines)  # the 目录, blocks and paragraphs every reader below shares
    blocks = cuts.blocks
    if not blocks and (front.department is None or front.fiscal_year is None):
        raise NotADisclosure("this is not a budget disclosure: no standard table, department or budget year was found")
    if front.fiscal_year is None:
        raise ReadError("no budget year found (a title such as '2024 年部门预算' or '2024年度部门预算'); "
                        "the year is needed to read the classification codes")
    refused: dict[int, Problem] = {}
    if _is_flat(lines, form):
        flat = rebuild_flat_blocks(lines, blocks, fiscal_year=front.fiscal_year)
        blocks, refused = list(flat.blocks), dict(flat.refused)
        problems.extend(flat.problems)
    tables: dict[str, Table] = {}
    unread: list[UnreadTable] = []
    others: dict[str, OtherTable] = {}  # by title: a table continued over pages prints it again
    performance, performance_problems = read_performance([b for b in blocks if b.key in PERFORMANCE_KEYS],
                                                         unit=front.amount_unit)
    problems.extend(performance_problems)
    for block in blocks:
        if block.key in PERFORMANCE_KEYS:
            continue
        if block.key == OTHER_KIND:
            title = printed_title(block.title.text)
            others.setdefault(title, OtherTable(title=title, line=block.title.number))
            continue
        if block.title.number in refused:
            unread.append(_unread(block, [refused[block.title.number]]))
            continue
        if block.key in tables:
            problems.append(
                Problem(line=block.title.number, text=block.title.text,
                        message="a second table with this title; the first one was kept", table=block.key)
            )
            continue
        table_problems: list[Problem] = []
        table = guarded(partial(TABLE_READERS[block.key], block), None, table_problems, part="the table",
                        line=block.title.number, text=block.title.text, table=block.key)
        problems.extend([*table_problems, *unplaced_rows(block)])
        if table is None:
            unread.append(_unread(block, table_problems))
            continue
        # A table keeps its own unit only where it differs from the document's.
        tables[block.key] = attrs.evolve(table, unit=None) if table.unit is front.amount_unit else table
    no_statements: tuple[Statement, ...] = ()
    statements = guarded(partial(read_statements, lines, department=front.department, fiscal_year=front.fiscal_year,
                                 unit=front.amount_unit, cuts=cuts), no_statements, problems,
                         part="the narrative (文字说明)")
    no_organisation: tuple[tuple[Agency, ...], Staffing | None] = ((), None)
    agencies, staffing = guarded(partial(_organisation, lines, department=front.department, cuts=cuts),
                                 no_organisation, problems, part="the organisation and staff (机构人员)")
    other_matters = guarded(partial(read_other_matters, lines, department=front.department,
                                    fiscal_year=front.fiscal_year, unit=front.amount_unit, cuts=cuts), None, problems,
                            part="the other matters (其他重要事项)")
    disclosure = BudgetDisclosure(
        department=front.department or "",
        fiscal_year=front.fiscal_year,
        amount_unit=front.amount_unit,
        title=front.title,
        agencies=agencies,
        staffing=staffing,
        tables=Tables(**tables),  # type: ignore[arg-type]  # which class each key holds: Tables' validators
        performance=performance,
        contents=cuts.contents[0].entries if cuts.contents else (),
        statements=statements,
        other_matters=other_matters,
        incomplete=incomplete_parts(problems),
        unread=tuple(unread),
        other_tables=tuple(others.values()),
        tables_elsewhere=None if tables else tables_elsewhere(lines),
        prose=passages(lines, cuts),
        department_names=department_names(lines, blocks),
    )
    pages = cuts.pages  # made once per read, shared with the statements and the passages
    if pages:
        problems = [attrs.evolve(p, page=pages.get(p.line)) if p.line is not None else p for p in problems]
    return ReadResult(disclosure=disclosure, problems=problems)


def _organisation(
    lines: Sequence[SourceLine], *, department: str | None, cuts: DocumentCuts,
) -> tuple[tuple[tuple[Agency, ...], Staffing | None], list[Problem]]:
    agencies, staffing, problems = read_organisation(lines, department=department, cuts=cuts)
    return (agencies, staffing), problems


def _unread(block: Block, problems: Sequence[Problem]) -> UnreadTable:
    """The record of a table found but not read, with the reason its reader gave."""
    why = next((p.message for p in problems if p.line == block.title.number and "not" in p.message),
               next((p.message for p in problems), "the table could not be read"))
    return UnreadTable(key=block.key, title=printed_title(block.title.text), line=block.title.number, reason=why)
