"""The tables of a flat text, each rebuilt where its figures can be placed with certainty (无栏目文本的表格).

Plain ``pdftotext`` loses a table's columns (:mod:`cnbudget.readers.flat`). Each table block found by
its title (:func:`~cnbudget.readers.text.blocks.find_blocks`) is rebuilt here as TAB-separated lines
for the table readers, or refused with the reason:

* **Which lines are the table's.** Some conversions print every table's body *before* its title (the
  title and the 编制部门 line come out at the foot of the page): under each title then stand the
  headings of the next table. The document is read that way when the headings under the titles name
  the tables of the titles before them and the text before the first title is a table the first title
  names, and no heading says otherwise; each title then takes the text between the title above and
  itself. Notes that say a table is empty (…为空表) go to the table they name, else to the title above.
* **Rows.** One-sided tables by code (:mod:`~cnbudget.readers.flat.one_sided`), the two-sided
  收支总表 (:mod:`~cnbudget.readers.flat.two_sided`); other kinds (the "三公" table, 上年结转结余, projects)
  are refused unless stated empty and printed without figures.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterable, Mapping, Sequence

import attrs

from cnbudget.classification import COVERED_YEARS, Catalog, catalog
from cnbudget.codes import ClassificationCode, EconomicCode, FunctionCode
from cnbudget.numbering import PART_END
from cnbudget.readers.flat.figures import convention_of
from cnbudget.readers.flat.headings import HeadingWords, heading_of_another_table, heading_text, layout_matches
from cnbudget.readers.flat.one_sided import (
    Rebuilt,
    RowCandidates,
    header_lines,
    one_amount,
    readable,
    rebuild_one_sided,
)
from cnbudget.readers.flat.runs import LineRuns, RunKind
from cnbudget.readers.flat.two_sided import rebuild_two_sided
from cnbudget.readers.result import Problem
from cnbudget.readers.tables.columns import Layout
from cnbudget.readers.tables.economic_tables import BASIC_LAYOUTS
from cnbudget.readers.tables.function_tables import EXPENDITURE_LAYOUTS, REVENUE_LAYOUTS
from cnbudget.readers.tables.summary_tables import FISCAL_SUMMARY_LAYOUTS, SUMMARY_LAYOUTS
from cnbudget.readers.tables.tabling import is_empty_statement
from cnbudget.readers.tables.two_sided import TwoSidedLayout
from cnbudget.readers.text.blocks import OTHER_KIND, PERFORMANCE_KEYS, Block, title_key
from cnbudget.readers.text.grid import is_heading_line
from cnbudget.readers.text.source import SourceLine

__all__ = ["FlatTables", "rebuild_flat_blocks"]

@attrs.frozen
class FlatKind:
    """How a one-sided table kind is read from flat text: its declared layouts, the family of its
    codes, and whether its reader takes a table of one amount column (the total) by code."""

    layouts: Sequence[Layout]
    family: type[ClassificationCode]
    one_amount: bool = True


#: The one-sided tables read from flat text.
ONE_SIDED: Mapping[str, FlatKind] = {
    "expenditure": FlatKind(EXPENDITURE_LAYOUTS, FunctionCode),
    "general_budget": FlatKind(EXPENDITURE_LAYOUTS, FunctionCode),
    "gov_fund": FlatKind(EXPENDITURE_LAYOUTS, FunctionCode),
    "soe_capital": FlatKind(EXPENDITURE_LAYOUTS, FunctionCode),
    "fiscal_expenditure": FlatKind(EXPENDITURE_LAYOUTS, FunctionCode),
    "revenue": FlatKind(REVENUE_LAYOUTS, FunctionCode, one_amount=False),  # by source when it has one column
    "general_budget_basic": FlatKind(BASIC_LAYOUTS, EconomicCode),
    "fiscal_basic": FlatKind(BASIC_LAYOUTS, EconomicCode),
    "operating_costs": FlatKind(BASIC_LAYOUTS, EconomicCode),
}
#: The two-sided tables read from flat text.
TWO_SIDED: Mapping[str, Sequence[TwoSidedLayout]] = {
    "summary": SUMMARY_LAYOUTS,
    "fiscal_summary": FISCAL_SUMMARY_LAYOUTS,
}

def _words_of(key: str) -> tuple[HeadingWords, ...]:
    """The words of a kind's layouts, whatever their order."""
    layouts: Sequence[Layout | TwoSidedLayout] = (
        *(ONE_SIDED[key].layouts if key in ONE_SIDED else ()), *TWO_SIDED.get(key, ()))
    return tuple(HeadingWords.of(layout) for layout in layouts)


#: Per kind, its layouts' words (folded once): what a part's headings are held against.
_WORDS: Mapping[str, tuple[HeadingWords, ...]] = {key: _words_of(key) for key in {**ONE_SIDED, **TWO_SIDED}}

_NOTE = re.compile(r"^\s*(?:备注|注|说明)\s*[:：]")
_NAMED_EMPTY = re.compile(r"([^\s,，。；;:：]{2,40}?表)\s*为空表?")
_PROSE_END = re.compile(r"[。；;]$")
_SENTENCE_END = re.compile(r"。$")
_EMPTY = re.compile(r"(?:此|本)表为空")  # besides the statements the table readers know (…为空表)
_NOTE_LINE = 20  # a line a note runs on over is prose, not a heading or a row
_AMOUNT = re.compile(r"\d[.,，．]\d")


@attrs.frozen(kw_only=True)
class FlatTables:
    """The blocks to read (rebuilt as TAB-separated lines, or as printed), the tables refused by the
    line of their title with the reason, and the problems met."""

    blocks: tuple[Block, ...]
    refused: Mapping[int, Problem]
    problems: tuple[Problem, ...]


@attrs.frozen(kw_only=True)
class _Part:
    """The lines of one table's text taken apart: its furniture, notes and content."""

    meta: tuple[SourceLine, ...]
    notes: tuple[SourceLine, ...]
    content: tuple[SourceLine, ...]


def _take_apart(lines: Sequence[SourceLine]) -> _Part:
    """Furniture (编制部门, 单位, 表号), notes (注：…, a sentence, a statement that the table is empty,
    and the lines a note runs on over) and the rest."""
    meta, notes, content = [], [], []
    open_note = False  # the last note did not end its sentence
    for line in lines:
        if line.is_blank:
            continue
        squeezed = line.squeezed
        if is_heading_line(line):
            meta.append(line)
            continue
        sentence = _SENTENCE_END.search(squeezed) is not None
        if (_NOTE.match(line.text) or _says_empty(line.text) or sentence
                or (open_note and len(squeezed) >= _NOTE_LINE and not _has_amount(line))):
            notes.append(line)
            open_note = not sentence
        else:
            content.append(line)
            open_note = False
    return _Part(meta=tuple(meta), notes=tuple(notes), content=tuple(content))


def _says_empty(text: str) -> bool:
    return is_empty_statement(text) or _EMPTY.search(text) is not None


def _has_amount(line: SourceLine) -> bool:
    """Whether a line prints an amount (digits with a decimal point or a thousands separator)."""
    return _AMOUNT.search(line.text) is not None


def _before_first(lines: Sequence[SourceLine], block: Block) -> tuple[SourceLine, ...]:
    """The text above the first title back to the narrative before it (a table printed before it)."""
    position = next(index for index, line in enumerate(lines) if line.number == block.title.number)
    taken: list[SourceLine] = []
    for line in reversed(lines[:position]):
        if line.is_blank or is_heading_line(line):
            continue
        if _PROSE_END.search(line.squeezed) or PART_END.match(line.squeezed):
            if taken:
                break
            continue
        taken.append(line)
    return tuple(reversed(taken))


def _fits(key: str, part: _Part) -> bool | None:
    """Whether the headings of a part of the text are those of a table of ``key`` (``None``: they say
    nothing either way)."""
    header = list(itertools.takewhile(lambda line: not _has_amount(line), part.content))
    text = "".join(line.squeezed for line in header)
    if not text:
        return None
    other = heading_of_another_table(key, text)
    folded = heading_text(header)
    own_words = _WORDS.get(key, ())
    own = any(words.carried_by(folded) for words in own_words)
    if own and other is None:
        return True
    if other is not None:
        return False
    if not own_words:
        return None  # a kind whose headings the flat reader does not know
    if not own and any(words.carried_by(folded) for kind, found in _WORDS.items() if kind != key
                       for words in found):
        return False
    return None


def _printed_before(tables: Sequence[Block], own: Sequence[_Part], first: _Part) -> bool:
    """Whether the document prints each table's body before its title (see the module text): ``own``
    holds each table's lines taken apart, ``first`` the lines before the first table's title."""
    before = (_fits(block.key, part) for block, part in zip(tables, (first, *own), strict=False))
    after = (_fits(block.key, part) for block, part in zip(tables, own, strict=True))
    return _reads_backward(before, after)


def _reads_backward(before: Iterable[bool | None], after: Iterable[bool | None]) -> bool:
    """Whether more parts fit their titles when each title takes the text above it (``before``) than
    the text below it (``after``), and no part above a title says it is another table's. Read in
    order and only as far as it can matter: ``before`` up to the first part that says so, ``after``
    only when none does (a document printed title first, most are, is told by its first tables).

    >>> _reads_backward([True, None, True], [None, True, None]), _reads_backward([True, False], [])
    (True, False)
    """
    fitting = 0
    for fits in before:
        if fits is False:
            return False
        fitting += fits is True
    return fitting > sum(fits is True for fits in after)


def _empty_notes(notes: Sequence[SourceLine], key: str) -> tuple[list[SourceLine], list[tuple[str, SourceLine]]]:
    """The notes of a part of the text that are this table's, and those that name another table."""
    own, others = [], []
    for note in notes:
        named = _NAMED_EMPTY.search(note.squeezed)
        other = title_key(named.group(1)) if named is not None else None
        if other is not None and other != key:
            others.append((other, note))
        else:
            own.append(note)
    return own, others


def _catalogue(year: int) -> Catalog:
    return catalog(min(max(year, min(COVERED_YEARS)), max(COVERED_YEARS)))


def rebuild_flat_blocks(lines: Sequence[SourceLine], blocks: Sequence[Block], *, fiscal_year: int) -> FlatTables:
    """Rebuild the table blocks of a flat text (see the module text)."""
    tables = [block for block in blocks if block.key not in PERFORMANCE_KEYS]
    if not tables:
        return FlatTables(blocks=tuple(blocks), refused={}, problems=())
    own_parts = [_take_apart(block.lines) for block in tables]  # each table's lines taken apart, once
    first_part = _take_apart(_before_first(lines, tables[0]))
    backward = _printed_before(tables, own_parts, first_part)
    parts: dict[int, _Part] = {}
    taken_apart = {block.title.number: part for block, part in zip(tables, own_parts, strict=True)}
    notes: dict[int, list[SourceLine]] = {block.title.number: [] for block in tables}
    owner = {block.key: block.title.number for block in tables}
    for index, block in enumerate(tables):
        before = first_part if index == 0 else own_parts[index - 1]
        parts[block.title.number] = before if backward else own_parts[index]
        own, named = _empty_notes(own_parts[index].notes, block.key)
        notes[block.title.number].extend(own)
        for key, note in named:
            notes[owner.get(key, block.title.number)].append(note)
    catalogue = _catalogue(fiscal_year)
    made = RowCandidates()  # the tables of a document print the same rows again
    rebuilt: list[Block] = []
    refused: dict[int, Problem] = {}
    problems: list[Problem] = []
    for block in blocks:
        if block.key in PERFORMANCE_KEYS or block.key == OTHER_KIND or any(line.is_tabular for line in block.lines):
            rebuilt.append(block)  # read on its own, not read at all, or a table whose cells the text kept
            continue
        part = parts[block.title.number]
        own_notes = tuple(notes[block.title.number])
        furniture = (*taken_apart[block.title.number].meta, *own_notes)
        if any(_says_empty(note.text) for note in own_notes) and not _has_figures(part):
            # Read as the empty table it says it is, under headings its reader knows.
            rebuilt.append(attrs.evolve(block, lines=(*furniture, *_empty_headings(block.key, part))))
            continue
        result = _rebuild(block.key, part, catalogue, made)
        if isinstance(result, str) or not result.lines:
            reason = result if isinstance(result, str) else result.reason
            summary = Problem(line=block.title.number, text=block.title.text, table=block.key,
                              message=f"table not read: the text lost the table's columns and {reason}")
            refused[block.title.number] = summary
            rebuilt.append(block)
            problems.append(summary)
            if not isinstance(result, str):
                problems.extend(Problem(line=line.number, text=line.raw, message=message, table=block.key)
                                for line, message in result.problems)
            continue
        rebuilt.append(attrs.evolve(block, lines=(*furniture, *result.lines)))
    return FlatTables(blocks=tuple(rebuilt), refused=refused, problems=tuple(problems))


def _empty_headings(key: str, part: _Part) -> tuple[SourceLine, ...]:
    """Headings of a table stated empty, for its reader (none where the statement is one it knows)."""
    if key not in ONE_SIDED or not part.content or any(is_empty_statement(line.text) for line in part.content):
        return ()
    kind = ONE_SIDED[key]
    layout = next((found for found in kind.layouts if readable(found)
                   and layout_matches(found, part.content, reversed_lines=False)), None)
    if layout is None:
        layout = one_amount(kind.layouts[0].record) if kind.one_amount else next(filter(readable, kind.layouts))
    return tuple(header_lines(layout, kind.family, part.content[0].number))


def _has_figures(part: _Part, taken: LineRuns | None = None) -> bool:
    """Whether a part prints amounts (figures with decimals or thousands separators, in any run;
    ``taken``: its lines' runs under how they print figures, where already known)."""
    if taken is None:
        taken = LineRuns(convention_of(line.text for line in part.content))
    for line in part.content:
        runs = taken.of(line.text)
        if isinstance(runs, str) or any(run.kind is RunKind.FIGURES for run in runs):
            return True
    return False


def _rebuild(key: str, part: _Part, catalogue: Catalog, made: RowCandidates) -> Rebuilt | str:
    """The table rebuilt, or why it cannot be (``made``: the read's row candidates so far)."""
    if not part.content:
        return "no figures stand below its headings"
    # How the lines print figures read once, and each line taken apart once, for every pass below.
    taken = LineRuns(convention_of(line.text for line in part.content))
    if not _has_figures(part, taken):
        return "no figures stand below its headings"
    if key in TWO_SIDED:
        return rebuild_two_sided(part.content, TWO_SIDED[key], taken=taken, made=made)
    if key in ONE_SIDED:
        kind = ONE_SIDED[key]
        header_text = "".join(line.squeezed for line in itertools.takewhile(
            lambda line: not _has_amount(line), part.content))
        other = heading_of_another_table(key, header_text)
        if other is not None:
            return f"the headings below this title name {other}, another table's"
        return rebuild_one_sided(part.content, kind.layouts, family=kind.family, catalogue=catalogue,
                                 one_column=kind.one_amount, taken=taken, made=made)
    return "tables of this kind are not rebuilt from flat text"
