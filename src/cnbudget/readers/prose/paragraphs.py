"""The running text of a document as paragraphs and sections (正文段落与章节).

PDF extraction breaks sentences over lines, often with a blank line between every two lines, and
breaks headings too (``三、关于…支出预算情况`` / ``说明``). A paragraph therefore runs on while its
last line does not end a sentence and the next line does not start a new item (a heading, a numbered
item, a ``label：`` line such as ``预算安排规模：``). A heading runs on only into a short line without
punctuation. Table rows (tab-separated lines) and the lines of table blocks are not prose.

Numbers are folded to ASCII (``１，０８９．２７`` → ``1,089.27``) and layout spaces next to Chinese
characters removed, so ``预  算  13.29  万  元`` reads ``预算13.29万元``.

Besides the numbered headings (``一、``, ``（一）``, ``第三部分``), the short unnumbered titles of the
Shanghai template head sections (``2025年部门预算编制说明``, ``其他相关情况说明``, ``…经费情况说明``).
Page numbers (``26``, ``- 12 -``, the last line of a page) are left out, so a sentence broken by a
page reads whole. Some extractions print a sentence's figures on a line of their own after it
(``（一）收入预算总计 万元。包括：`` / ``17996.68``): where the line above has exactly as many gaps
where a figure belongs (a space before 万元, 年 or %, or the break before a line that starts with
万元) as the figure line has figures, they are put back in order (:func:`restored_figures`).

>>> from cnbudget.readers.text.source import split_lines
>>> text = ("三、关于某局 2024 年支出预算情况\\n\\n说明\\n支出预算 2081.55 万元，\\n\\n其中：\\n"
...         "基本支出 １，２７４．６９ 万元。")
>>> [(p.heading, p.text) for p in paragraphs(split_lines(text))]
[(True, '三、关于某局2024年支出预算情况说明'), (False, '支出预算2081.55万元，其中：基本支出1,274.69万元。')]
"""

from __future__ import annotations

import enum
import functools
import itertools
import re
from collections.abc import Collection, Iterable, Iterator, Sequence
from typing import cast

import attrs

from cnbudget.builders import builder_of_model
from cnbudget.numbering import CHAPTER_NUMBER, CHINESE_NUMERALS, ITEM_NUMBER, PART_END, PART_HEADING
from cnbudget.readers.prose.contents import Contents, every_contents
from cnbudget.readers.text.blocks import PERFORMANCE_KEYS, Block, find_blocks
from cnbudget.readers.text.source import SourceLine, clean_name, joining_space

__all__ = [
    "MatterKind",
    "Paragraph",
    "ParagraphRun",
    "Section",
    "fold_numbers",
    "is_heading_text",
    "is_unnumbered_title",
    "matter_kind",
    "narrative_paragraphs",
    "not_prose",
    "paragraph_run",
    "paragraphs",
    "paragraphs_within",
    "prose_paragraphs",
    "restored_figures",
    "sections",
]

_PART = PART_HEADING
_END_OF_PART = PART_END
_PART_START = "第"  # what every part heading (_PART) starts with
_PART_END_STARTS = ("第", "名词解释", "附件")  # what every end of a part (_END_OF_PART) starts with
_HEADING_MARK = re.compile(rf"{PART_HEADING.pattern}|{CHAPTER_NUMBER.pattern}")
# Besides digits, the first characters of every _HEADING_MARK and _NUMBERED: 第, a Chinese numeral, a bracket.
_MARK_FIRSTS = frozenset("第一二三四五六七八九十（(")
_CHAPTER_MARK = CHAPTER_NUMBER
# "1、", "1." and "1.2024年…" start items; "2.66%" and "1710.00" do not.
_NUMBERED = ITEM_NUMBER
# A "label：" line (预算安排规模：…) starts an item; "其中：", "主要原因：", "用于：" continue a sentence.
_LABEL = re.compile(r"^([\u4e00-\u9fff]{2,10})[：:]")
_LABEL_COLON_END = 11  # where the colon of the longest label stands, plus one
_NOT_A_LABEL_END = ("是", "为", "于", "括", "中", "因", "下", "有", "含", "及")
_SENTENCE_END = tuple("。！？!?；;")
_PUNCTUATION = re.compile(r"[，。；,;:：！？!?]")
_MAX_HEADING = 50
_MAX_HEADING_TAIL = 12

# Unnumbered titles (Shanghai): short, no punctuation, no figure but the year, ending with a part's name.
_TITLE_ENDINGS = ("编制说明", "情况说明", "主要职能", "机构设置", "名词解释")
_MAX_TITLE = 30
_LONGEST_TITLE_ENDING = max(len(ending) for ending in _TITLE_ENDINGS)
_YEAR = re.compile(r"20\d\d年度?")
_PAGE_NUMBER = re.compile(r"^\s*(?:[-—]\s*\d{1,3}\s*[-—]|\d{1,3})\s*$")
_PAGE_DASHES = "-—"  # the dashes _PAGE_NUMBER takes around a page's number
_BARE_PAGE_NUMBER = re.compile(r"^\s*[-—]\s*\d{1,3}\s*[-—]\s*$")
# A figure printed on a line of its own, away from its sentence; the gaps it leaves in the line above.
_FIGURES = re.compile(r"^\s*(?P<figures>\d[\d,.]*(?:\s+\d[\d,.]*)*)(?P<rest>\s*.*)$")
_UNIT_FIRST = re.compile(r"^\s*(?:万元|亿元|元|年|%)")
_GAP = re.compile(r"(?<=[\u4e00-\u9fff，。：；、（）])(?<![万亿])\s+(?=万元|亿元|年|%)")
_ENDS_CJK = re.compile(r"[\u4e00-\u9fff]\s*$")

_FULL_WIDTH = str.maketrans("０１２３４５６７８９．％", "0123456789.%")
_ANY_FULL_WIDTH = re.compile("[０-９．％]")  # few paragraphs print one: str.translate looks at every character
# The comma first, then what stands before it: a pattern that starts with one character is looked for
# by that character, not tried at every position of the paragraph. Only the full-width comma: an ASCII
# one between digits is a thousands separator as printed (and a class of both commas is searched for
# several times slower than the one character).
_FULL_WIDTH_DIGIT_COMMA = re.compile(r"，(?<=\d，)(?=\d{3}(?!\d))")


def fold_numbers(text: str) -> str:
    """Full-width digits, points and percent signs folded to ASCII; a comma between digits that is
    followed by exactly three digits is a thousands separator. Chinese clause punctuation stays.

    >>> fold_numbers("１，０８９．２７万元，占６３．８８％")
    '1,089.27万元，占63.88%'
    """
    if _ANY_FULL_WIDTH.search(text) is not None:
        text = text.translate(_FULL_WIDTH)
    if "，" not in text:  # no full-width comma to fold (most lines)
        return text
    return _FULL_WIDTH_DIGIT_COMMA.sub(",", text)


@functools.lru_cache(maxsize=8192)  # a pure function of the text; each line is cleaned by several passes
def _clean(text: str) -> str:
    return fold_numbers(clean_name(text))


def _line_cleaned(line: SourceLine) -> str:
    """``_clean(line.text)``. A text without white space (its squeezed form as long) and without the
    characters markup is made of is what :func:`clean_name` gives of it (nothing to strip, join or
    take out): then only its numbers are folded, without the cache (most lines are met once a read)."""
    text = line.text
    if len(text) == len(line.squeezed) and "<" not in text and "*" not in text:
        return fold_numbers(text)
    return _clean(text)


def is_unnumbered_title(text: str) -> bool:
    """Whether cleaned text is a short unnumbered title of a part (``部门预算编制说明``,
    ``科技创新专项经费情况说明``), not the tail of a heading cut short (``情况说明``).

    >>> is_unnumbered_title("2025年部门预算编制说明"), is_unnumbered_title("预算情况说明。")
    (True, False)
    """
    # The ending first: it rules out most lines (every line of a paragraph is asked).
    return text.endswith(_TITLE_ENDINGS) and 4 < len(text) <= _MAX_TITLE \
        and not _PUNCTUATION.search(text) and not re.search(r"\d", _YEAR.sub("", text))


def is_heading_text(text: str) -> bool:
    """Whether cleaned text has the shape of a heading: a 第X部分, 一、 or （一） mark, short, and
    no sentence punctuation; or an unnumbered title (``2025年部门预算编制说明``). A ``项目名称：``
    line is a project's description, not a heading.

    >>> is_heading_text("（一）一般公共预算当年拨款规模变化情况"), is_heading_text("其他相关情况说明")
    (True, True)
    >>> is_heading_text("（一）因公出国（境）费 0 万元，主要用于…")
    False
    """
    if "项目名称" in text:
        return False
    if text[:1] not in _MARK_FIRSTS or not _HEADING_MARK.match(text):
        return is_unnumbered_title(text)
    return not _PUNCTUATION.search(text) and len(text) <= _MAX_HEADING


def _is_markdown_heading(line: SourceLine) -> bool:
    raw = line.raw
    return "#" in raw and raw.lstrip().startswith("#")  # most lines hold no # at all: nothing to strip


def _starts_item(line: SourceLine, text: str) -> bool:
    raw = line.raw
    if ("#" in raw or "- " in raw) and raw.lstrip().startswith(("#", "- ")):
        return True
    first = text[:1]  # most lines continue a sentence: a mark's patterns are run only where one can start
    if ((first in _MARK_FIRSTS or first.isdecimal()) and (_HEADING_MARK.match(text) or _NUMBERED.match(text))) \
            or is_unnumbered_title(text):
        return True
    # A label's colon stands after its two to ten characters: a text without one there has none.
    head = text[2 : _LABEL_COLON_END]
    label = _LABEL.match(text) if ":" in head or "：" in head else None
    return label is not None and not label.group(1).endswith(_NOT_A_LABEL_END)


def _continues_heading(heading: _Builder, text: str, line: SourceLine) -> bool:
    if _PUNCTUATION.search(text):
        return False
    if heading.is_part_name:  # "第二部分" alone: its name is on the next line
        return not _starts_item(line, text) or is_unnumbered_title(text)
    if _starts_item(line, text) and not (is_unnumbered_title(text)
                                         and not heading.ends(_LONGEST_TITLE_ENDING).endswith(_TITLE_ENDINGS)):
        return False  # a new item; but "…支出预算" / "情况说明" is the rest of a heading cut short
    return len(text) <= _MAX_HEADING_TAIL


@attrs.frozen(kw_only=True)
class Paragraph:
    """A run of source lines read as one piece of text (cleaned), and whether it is a heading.

    >>> Paragraph(text="二、机构设置及人员情况", numbers=(83,), heading=True).line
    83
    """

    text: str
    numbers: tuple[int, ...]
    heading: bool = False
    restored: tuple[int, ...] = ()  # lines whose figures were put back (see restored_figures)

    @property
    def line(self) -> int:
        """The number of the paragraph's first source line."""
        return self.numbers[0]


_ParagraphBuilder = builder_of_model(Paragraph)
_new = object.__new__


def _paragraph(text: str, numbers: tuple[int, ...], heading: bool, restored: tuple[int, ...]) -> Paragraph:
    """``Paragraph(text=text, numbers=numbers, heading=heading, restored=restored)``, made through
    its builder (:mod:`cnbudget.builders`): a paragraph has no converters or validators to run, only
    the frozen class's slower way of setting each field."""
    made = _new(_ParagraphBuilder)
    made.text = text
    made.numbers = numbers
    made.heading = heading
    made.restored = restored
    made.__class__ = Paragraph
    return cast(Paragraph, made)


_PART_NAME_CHARS = "第部分" + CHINESE_NUMERALS  # all a bare 第X部分 is made of
_COMMAS = frozenset("，,")  # what a thousands separator is printed as (fold_numbers)


def _join(left: str, right: str) -> str:
    """:func:`joining_space` of two characters, told at once where either is one of the common
    Chinese characters (most joins of prose lines): then no space is kept, whatever the other is."""
    if "\u4e00" <= left <= "\u9fff" or "\u4e00" <= right <= "\u9fff":
        return ""
    return joining_space(left, right)


class _Builder:
    """The paragraph being built, line by line. Whether the next line joins it asks only for how
    its text ends (and whether it is a bare 第X部分), so those are kept as lines are added; the
    whole text is cleaned once, when the paragraph is done (cleaning it at every line made a
    paragraph of n lines cost n²). The spaces cleaning keeps between lines are found only where
    an end is asked for (:meth:`ends`), from the last lines."""

    def __init__(self, restored: Collection[int] = ()) -> None:
        self.restored = restored  # lines whose figures were put back
        self.done: list[Paragraph] = []
        self.lines: list[SourceLine] = []
        self.texts: list[str] = []
        self.heading = False
        self._has_markup = False  # markup may span two lines: then the end is found by cleaning all
        self._part_name_only = True  # every character one a bare 第X部分 is made of
        self._part_marks = 0  # 第, 部 and 分 among the characters (counted while the above holds)

    @property
    def text(self) -> str:
        """The text so far, cleaned as one (lines joined by spaces). The pieces are cleaned already:
        cleaning the whole again keeps of each joining space what :func:`joining_space` keeps, and
        folding can change only a comma next to a join, so the pieces are joined so and folded."""
        texts = self.texts
        if self._has_markup:  # markup may span a join: the whole is cleaned
            return _clean(" ".join(texts))
        if len(texts) == 1:  # a line's text, cleaned and folded already
            return texts[0]
        joined = [texts[0]]
        comma_at_a_join = False
        for before, text in itertools.pairwise(texts):
            left, right = before[-1], text[0]
            joined.append(_join(left, right))
            joined.append(text)
            comma_at_a_join = comma_at_a_join or left in _COMMAS or right in _COMMAS
        # Each piece is folded already; a join puts a space between two digits (neither is Chinese),
        # so a thousands comma can be new only where a comma ends or starts a piece.
        return fold_numbers("".join(joined)) if comma_at_a_join else "".join(joined)

    def ends(self, length: int) -> str:
        """The last ``length`` characters of :attr:`text`, found from the last lines only."""
        if self._has_markup:
            return self.text[-length:]
        tail, wanted = "", length + 1  # one more: a thousands comma is told by the digit before it
        texts = self.texts
        for index in range(len(texts) - 1, -1, -1):
            tail = texts[index] + tail
            if len(tail) >= wanted or not index:
                break
            # Cleaning keeps the joining space only between two characters that are not Chinese.
            tail = _join(texts[index - 1][-1], texts[index][0]) + tail
            if len(tail) >= wanted:
                break
        # The pieces are cleaned already and the spaces between them are those cleaning keeps, so
        # only a comma next to a join can still become a thousands separator (1， / 234). Folding
        # keeps each character in its place and looks one character back: the last ``wanted`` do.
        return fold_numbers(tail[-wanted:])[-length:]

    def ends_sentence(self) -> bool:
        """Whether :attr:`text` ends a sentence (``ends(1).endswith(_SENTENCE_END)``): folding numbers
        changes no sentence end and makes none, so the last line's own last character tells."""
        if self._has_markup:
            return self.text.endswith(_SENTENCE_END)
        return self.texts[-1].endswith(_SENTENCE_END)

    @property
    def is_part_name(self) -> bool:
        """Whether :attr:`text` is a bare part name, ``第二部分`` (its name on the next line)."""
        if self._has_markup:
            return _PART.fullmatch(self.text) is not None
        if not self._part_name_only:
            return False  # a bare part name has no other character, and cleaning removes none
        # Three marks and the end 部分: at most one line of a paragraph is so, and only then is it cleaned.
        return self._part_marks == 3 and self.ends(2) == "部分" and _PART.fullmatch(self.text) is not None

    def flush(self) -> None:
        if not self.lines:  # nothing added since the last flush: every field is as flushing leaves it
            return
        lines = self.lines
        numbers = (lines[0].number,) if len(lines) == 1 else tuple([line.number for line in lines])  # most: one line
        moved = tuple([number for number in numbers if number in self.restored]) if self.restored else ()
        self.done.append(_paragraph(self.text, numbers, self.heading, moved))
        # Emptied in place: the walk over the lines (_build) holds them.
        self.lines.clear()
        self.texts.clear()
        self.heading, self._has_markup, self._part_name_only, self._part_marks = False, False, True, 0

    def add(self, line: SourceLine, text: str) -> None:
        """Add a line's cleaned text (never empty)."""
        if self._part_name_only and self.texts:  # a space kept between two lines: no bare part name
            self._part_name_only = not _join(self.texts[-1][-1], text[0])
        self.lines.append(line)
        self.texts.append(text)
        self._has_markup = self._has_markup or "<" in text or "*" in text
        # Stripped of those characters, a text made only of them is empty (strip stops at the first other).
        self._part_name_only = self._part_name_only and not text.strip(_PART_NAME_CHARS)
        if self._part_name_only:
            self._part_marks += sum(text.count(mark) for mark in "第部分")

    def start(self, line: SourceLine, text: str, *, markdown: bool) -> None:
        """Start a paragraph with a line (``markdown``: whether it is a markdown heading)."""
        self.flush()
        self.add(line, text)
        self.heading = (markdown and "项目名称" not in text) or is_heading_text(text)


def _page_numbers(lines: Sequence[SourceLine]) -> set[int]:
    """Line numbers of page numbers: ``- 12 -``, or a number of at most three digits that ends a page
    (a blank line follows)."""
    found = set()
    for index, line in enumerate(lines):
        if line.is_tabular:
            continue
        # A page number ends in a digit, a dash or white space (re's \d and \s, character by character):
        # most lines end otherwise (。, a Chinese character), told without the pattern. An empty line
        # holds no digit, which the pattern needs.
        raw = line.raw
        last = raw[-1:]
        if not last or not (last.isdecimal() or last in _PAGE_DASHES or last.isspace()) \
                or not _PAGE_NUMBER.match(raw):
            continue
        if index + 1 == len(lines) or lines[index + 1].is_blank or _BARE_PAGE_NUMBER.match(raw):
            found.add(line.number)
    return found


def _may_start_with_figures(text: str) -> bool:
    """Whether ``text`` starts as :data:`_FIGURES` needs: with a digit, or a space (before one)."""
    first = text[:1]
    return first.isdecimal() or first.isspace()  # re's \d and \s, character by character


def _figures_to_place(text: str) -> tuple[list[str], str] | None:
    """The figures at the start of a line that belong elsewhere, and what stays: all of a line of
    figures; all but the last where text follows (``2017 17981.68 万元，``: 17981.68 is in place)."""
    if not _may_start_with_figures(text):  # most lines: the pattern cannot match
        return None
    match = _FIGURES.match(text)
    if match is None:
        return None
    figures, rest = match["figures"].split(), match["rest"]
    if not rest.strip():
        return figures, ""
    if _UNIT_FIRST.match(rest) and len(figures) > 1:
        return figures[:-1], figures[-1] + rest
    return None


def restored_figures(lines: Sequence[SourceLine], skip: Collection[int] = ()) -> dict[int, str]:
    """The texts of lines whose figures a line of their own had taken away, put back in order, and
    of those figure lines (what stays of them): line number → text. Only where the gaps and the
    figures are as many.

    >>> from cnbudget.readers.text.source import split_lines
    >>> restored_figures(split_lines("项目支出预算数为 万元。与上年相比减少\\n5533 20\\n万元，减少 0.36 %。"))
    {1: '项目支出预算数为 5533 万元。与上年相比减少 20', 2: ''}
    """
    return _restored_and_met(lines, skip)[0]


def _prose_lines(lines: Iterable[SourceLine], skip: Collection[int]) -> Iterator[SourceLine]:
    """The lines figures are put back in: not blank, not a table's, not skipped."""
    return (line for line in lines if not line.is_blank and not line.is_tabular and line.number not in skip)


def _restored_and_met(lines: Sequence[SourceLine], skip: Collection[int]) -> tuple[dict[int, str], bool]:
    """:func:`restored_figures`, and whether any line read starts with figures to put back."""
    prose = list(_prose_lines(lines, skip))
    texts = {line.number: line.text for line in prose}
    met = bool(prose) and _figures_to_place(prose[0].text) is not None
    # A line's text is changed only at its own turn or at the next line's, so at its turn it is the
    # line's own: the lines that cannot start with figures (most) are passed over at once.
    may_start = [index for index, line in enumerate(prose) if index and _may_start_with_figures(line.text)]
    put_back = False
    for index in may_start:
        line, above = prose[index], prose[index - 1]
        placing = _figures_to_place(texts[line.number])
        if placing is None:
            continue
        met = True
        if _figures_to_place(texts[above.number]) is not None:
            continue
        figures, stays = placing
        before = prose[index - 2] if index >= 2 else None
        after = prose[index + 1] if index + 1 < len(prose) else None
        gaps = [match.start() for match in _GAP.finditer(texts[above.number])]
        text = texts[above.number]
        if before is not None and _ENDS_CJK.search(texts[before.number]) and _UNIT_FIRST.match(text):
            gaps.insert(0, 0)
        if after is not None and _ENDS_CJK.search(text) and _UNIT_FIRST.match(texts[after.number]) and not stays:
            gaps.append(len(text.rstrip()))
        if not gaps or len(gaps) != len(figures):
            continue
        for position, figure in reversed(list(zip(gaps, figures, strict=True))):
            text = f"{text[:position]} {figure} {text[position:].lstrip()}".strip()
        texts[above.number], texts[line.number] = text, stays
        put_back = True
    if not put_back:
        return {}, met
    return {line.number: texts[line.number] for line in prose if texts[line.number] != line.text}, met


@attrs.frozen(kw_only=True)
class ParagraphRun:
    """The paragraphs of some lines (:func:`paragraphs`) and what was found on the way: the page
    numbers passed over and the texts whose figures were put back (:func:`restored_figures`). A part
    of the same lines is read from it by :func:`paragraphs_within`."""

    paragraphs: tuple[Paragraph, ...]
    pages: frozenset[int]
    restored: dict[int, str]
    numbered_apart: bool  # each line has a number of its own: a part is told by its numbers
    lines: Sequence[SourceLine] = attrs.field(eq=False, repr=False)  # the lines read
    # Whether no prose line starts with figures to put back: then no part of the lines has any either.
    no_figure_lines: bool = attrs.field(eq=False, repr=False)


def paragraph_run(lines: Sequence[SourceLine], skip: Collection[int] = ()) -> ParagraphRun:
    """:func:`paragraphs` of ``lines``, with the page numbers and restored texts met."""
    pages = _page_numbers(lines)
    restored, met = _restored_and_met([line for line in lines if line.number not in pages], skip)
    return ParagraphRun(paragraphs=tuple(_build(lines, skip, pages, restored)), pages=frozenset(pages),
                        restored=restored, numbered_apart=len({line.number for line in lines}) == len(lines),
                        lines=lines, no_figure_lines=not met)


def paragraphs(lines: Sequence[SourceLine], skip: Collection[int] = ()) -> list[Paragraph]:
    """The prose of ``lines`` as paragraphs; lines whose number is in ``skip`` and table rows end
    a paragraph and are left out; page numbers are passed over."""
    return list(paragraph_run(lines, skip).paragraphs)


def paragraphs_within(whole: ParagraphRun, part: Sequence[SourceLine], skip: Collection[int] = ()) -> list[Paragraph]:
    """:func:`paragraphs` of ``part``, consecutive lines of those ``whole`` was made from with the
    same ``skip``: ``whole``'s paragraphs that lie inside ``part``, where the page numbers and the
    restored texts of ``part`` are those ``whole`` found for its lines and no paragraph of ``whole``
    crosses an end of ``part``. Then the first line of ``part`` that is read starts a paragraph in
    both, every line after it is read alike, and the last paragraph ends in both; otherwise
    ``part`` is read on its own."""
    numbers = {line.number for line in part}
    start = _start_within(whole.lines, part) if whole.numbered_apart and len(numbers) == len(part) else None
    pages = _pages_of_part(whole, part, numbers) if start is not None else _page_numbers(part)
    # Where the part lies in the whole with the whole's page numbers: the whole's restored texts of its lines.
    kept = ({number: text for number, text in whole.restored.items() if number in numbers}
            if start is not None and pages == whole.pages & numbers else None)
    restored: dict[int, str]
    if start is not None and whole.no_figure_lines:
        restored = {}  # the part's prose lines are some of the whole's: none has figures
    else:
        read = [line for line in part if line.number not in pages]
        # The whole's restored texts, where the part's ends cannot change them.
        if kept is not None and start is not None and _restored_alike(whole, part, start, read, skip):
            restored = kept
        else:
            restored = restored_figures(read, skip)
    if kept is not None and restored == kept:
        inside = []
        for paragraph in whole.paragraphs:
            if numbers.issuperset(paragraph.numbers):
                inside.append(paragraph)
            elif not numbers.isdisjoint(paragraph.numbers):  # it crosses an end of the part: read it on its own
                break
        else:
            return inside
    return _build(part, skip, pages, restored)


def _start_within(lines: Sequence[SourceLine], part: Sequence[SourceLine]) -> int | None:
    """Where ``part`` starts in ``lines`` if it is a run of consecutive lines of them (the very
    objects), else ``None``."""
    if not part:
        return 0
    start = next((index for index, line in enumerate(lines) if line is part[0]), None)
    if start is None:
        return None
    window = lines[start : start + len(part)]
    if len(window) == len(part) and all(kept is line for kept, line in zip(window, part, strict=True)):
        return start
    return None


def _restored_alike(whole: ParagraphRun, part: Sequence[SourceLine], start: int, read: Sequence[SourceLine],
                    skip: Collection[int]) -> bool:
    """Whether :func:`restored_figures` of ``read`` (the lines of ``part`` that are not page numbers,
    ``part`` starting at ``start`` of ``whole``'s lines, with the page numbers ``whole`` found) gives
    ``whole``'s restored texts of those lines. A line's figures are placed by looking at the two
    prose lines above it and the one below, and change only it and the one above: so the part's
    prose lines are read alike in both but where its first two, its last or the whole's next
    prose line after it starts with figures to place."""
    prose = list(_prose_lines(read, skip))
    following = next((line for line in _prose_lines(itertools.islice(whole.lines, start + len(part), None), skip)
                      if line.number not in whole.pages), None)
    ends = [*prose[:2], *prose[-1:], *([following] if following is not None else [])]
    return all(_figures_to_place(line.text) is None for line in ends)


def _pages_of_part(whole: ParagraphRun, part: Sequence[SourceLine], numbers: set[int]) -> set[int]:
    """:func:`_page_numbers` of ``part``, a run of the lines of ``whole``: each line but the last has
    the same next line in both, so only the last line is asked again (it ends the part's last page)."""
    pages = set(whole.pages & numbers)
    if part and not part[-1].is_tabular and _PAGE_NUMBER.match(part[-1].raw):
        pages.add(part[-1].number)
    return pages


def _build(lines: Sequence[SourceLine], skip: Collection[int], pages: Collection[int],
           restored: dict[int, str]) -> list[Paragraph]:
    builder = _Builder(restored)
    building = builder.lines  # the lines of the paragraph being built (emptied in place by flush)
    for line in lines:
        if line.is_blank or line.number in pages:
            continue
        if line.number in skip or line.is_tabular:
            if building:  # most such lines come after others: nothing to end
                builder.flush()
            continue
        text = _clean(restored[line.number]) if restored and line.number in restored else _line_cleaned(line)
        if not text:
            continue
        raw = line.raw
        markdown = "#" in raw and _is_markdown_heading(line)  # most lines hold no # at all
        if building and not markdown:
            if builder.heading:
                joins = not _is_markdown_heading(building[-1]) and _continues_heading(builder, text, line)
            else:
                joins = not builder.ends_sentence() and not _starts_item(line, text)
            if joins:
                builder.add(line, text)
                continue
        builder.start(line, text, markdown=markdown)
    builder.flush()
    return builder.done


def not_prose(lines: Sequence[SourceLine], contents: Sequence[Contents] | None = None,
              blocks: Sequence[Block] | None = None) -> set[int]:
    """Line numbers of the 目录 and of table blocks. A performance form printed inside the
    narrative ends at the next chapter heading (（五）其他需说明的事项 follows the forms).
    ``contents`` and ``blocks`` are every 目录 and the blocks of ``lines``, found here unless given."""
    if contents is None:
        contents = every_contents(lines)
    if blocks is None:
        blocks = find_blocks(lines, [index for found in contents for index in found.lines])
    skip = {lines[i].number for found in contents for i in found.lines}
    for block in blocks:
        skip.add(block.title.number)
        for line in block.lines:
            if block.key in PERFORMANCE_KEYS and not line.is_tabular and _CHAPTER_MARK.match(line.squeezed) \
                    and is_heading_text(_clean(line.text)):
                break
            skip.add(line.number)
    return skip


def prose_paragraphs(lines: Sequence[SourceLine], skip: Collection[int] | None = None) -> list[Paragraph]:
    """Every paragraph of the document outside its 目录 and its tables (the line numbers in
    ``skip``: :func:`not_prose` unless given)."""
    return paragraphs(lines, not_prose(lines) if skip is None else skip)


def _part_name(lines: Sequence[SourceLine], index: int) -> str:
    name = lines[index].squeezed
    if _PART.fullmatch(name):
        following = next((line for line in lines[index + 1 :] if not line.is_blank), None)
        if following is not None:
            name += following.squeezed
    return name


def _narrative_range(lines: Sequence[SourceLine]) -> range:
    # The 情况说明 part is the last part heading that names a 说明 (the 目录 lists it first).
    # Looked for from the end: only the last one counts, and the part ends at the nearest end of a
    # part below it, the last one met on the way up (one pass).
    # Each line is asked for a pattern only where it starts as a part heading, 名词解释 or 附件 can
    # (a part heading starts with 第, one of those starts).
    end = len(lines)
    for index in range(len(lines) - 1, -1, -1):
        squeezed = lines[index].squeezed
        if not squeezed.startswith(_PART_END_STARTS):
            continue
        if squeezed.startswith(_PART_START) and _PART.match(squeezed) and "说明" in _part_name(lines, index):
            return range(index, end)
        if _END_OF_PART.match(squeezed):
            end = index
    return range(len(lines))


def narrative_paragraphs(lines: Sequence[SourceLine], skip: Collection[int] | None = None,
                         prose: ParagraphRun | None = None) -> list[Paragraph]:
    """The paragraphs of the 情况说明 part (the last 第X部分 heading naming a 说明, up to the next
    part); the whole document when it has no such part. Tables and forms inside it (the line
    numbers in ``skip``: :func:`not_prose` unless given) are left out. ``prose``, where given, is
    :func:`paragraph_run` of the same lines and ``skip``: the part's paragraphs are taken from it
    (:func:`paragraphs_within`)."""
    region = _narrative_range(lines)
    if prose is not None and len(region) == len(lines):  # the whole document: all of its prose
        return list(prose.paragraphs)
    skip = not_prose(lines) if skip is None else skip
    part = [lines[i] for i in region]
    return paragraphs(part, skip) if prose is None else paragraphs_within(prose, part, skip)


@attrs.frozen(kw_only=True)
class Section:
    """A heading and the paragraphs under it, up to the next heading (of any level).

    >>> Section(heading=None, body=()).title is None
    True
    """

    heading: Paragraph | None
    body: tuple[Paragraph, ...]

    @property
    def title(self) -> str | None:
        """The heading's text, or ``None`` for text before the first heading."""
        return self.heading.text if self.heading is not None else None


def sections(found: Sequence[Paragraph]) -> list[Section]:
    """Paragraphs grouped under their nearest heading, in order."""
    result: list[Section] = []
    heading: Paragraph | None = None
    body: list[Paragraph] = []
    for paragraph in found:
        if paragraph.heading:
            if heading is not None or body:
                result.append(Section(heading=heading, body=tuple(body)))
            heading, body = paragraph, []
        else:
            body.append(paragraph)
    if heading is not None or body:
        result.append(Section(heading=heading, body=tuple(body)))
    return result


class MatterKind(enum.Enum):
    """The parts of 其他重要事项 that are read into :class:`~cnbudget.model.OtherMatters`."""

    OPERATING_COSTS = "operating_costs"
    PROCUREMENT = "procurement"
    ASSETS = "assets"
    NOTES = "notes"


_MATTERS = (
    (MatterKind.OPERATING_COSTS, re.compile(r"运行经费|运转经费")),
    (MatterKind.PROCUREMENT, re.compile(r"政府采购")),
    (MatterKind.ASSETS, re.compile(r"国有资产|资产占用")),
    (MatterKind.NOTES, re.compile(r"其他需(?:要)?说明")),
)


def matter_kind(heading: str | None) -> MatterKind | None:
    """Which part of 其他重要事项 a heading opens, if any.

    >>> matter_kind("（一）行政（事业）单位机构运转经费"), matter_kind("（四）预算绩效情况")
    (<MatterKind.OPERATING_COSTS: 'operating_costs'>, None)
    """
    if heading is None:
        return None
    return next((kind for kind, pattern in _MATTERS if pattern.search(heading)), None)
