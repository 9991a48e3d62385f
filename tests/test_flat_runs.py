"""A flat line's runs made once: grouped in one pass with their text made as they are built, and a
line's numbers, text and figures taken from its runs in one pass, held against the plain forms
they replace (a run grown word by word, its text made on every call; three filters over the runs)."""

from __future__ import annotations

import re
from collections.abc import Sequence

import attrs
from hypothesis import example, given, settings
from hypothesis import strategies as st

from cnbudget.readers.flat.figures import FigureConvention, convention_of, figure_convention, split_figures, words
from cnbudget.readers.flat.rows import Direction, _parts, direction_of
from cnbudget.readers.flat.runs import Run, RunKind, line_runs
from cnbudget.readers.text.source import clean_name
from cnbudget.text import normalize_width

# The pieces flat table lines are made of: codes, names (with layout spaces, full-width digits),
# figures alone or run together, printed blanks, totals.
_PIECES = st.sampled_from([
    "205", "08", "03", "2050803", "教育支出", "机关事业单位基本养老保", "险缴费支出", "收 入 总 计", "VLOG 视频",
    "0.92", "0.920.92", "2,081.55", "1801.00214.35", "0.920.92205", "-", "--", "合计", "２０５", "①", "其中：",
    "12.64", "1.2.3", "38.8038.8038.80",
])
_LINES = st.lists(_PIECES, max_size=8).map(" ".join) | st.lists(_PIECES, max_size=6).map("".join)
_CONVENTIONS = st.sampled_from([FigureConvention(decimals=2, whole_numbers=False),
                                FigureConvention(decimals=None, whole_numbers=False),
                                FigureConvention(decimals=None, whole_numbers=True)])


def _plain_text(run: Run) -> str:
    return clean_name(" ".join(run.words)) if run.kind is RunKind.TEXT else " ".join(run.words)


def _plain_group(runs: Sequence[Run]) -> list[tuple[RunKind, tuple[str, ...]]]:
    """The runs regrouped word by word, as a run grown one word at a time groups them."""
    grouped: list[tuple[RunKind, tuple[str, ...]]] = []
    for run in runs:
        for word in run.words:
            if grouped and grouped[-1][0] is run.kind and run.kind is not RunKind.NUMBER:
                grouped[-1] = (run.kind, (*grouped[-1][1], word))
            else:
                grouped.append((run.kind, (word,)))
    return grouped


@settings(max_examples=400, deadline=None)
@given(_LINES, _CONVENTIONS)
def test_runs_are_grouped_and_spelled_as_runs_grown_word_by_word(text: str, convention: FigureConvention) -> None:
    runs = line_runs(text, convention)
    if isinstance(runs, str):
        return
    assert [(run.kind, run.words) for run in runs] == _plain_group(runs)
    assert [run.text for run in runs] == [_plain_text(run) for run in runs]
    assert sum(len(run.words) for run in runs) >= len(words(text))  # every word is kept (figures split)
    for run in runs:  # made on Run's builder: each the constructor's run, class and all
        made = Run(kind=run.kind, words=run.words)
        assert type(run) is Run and type(run.words) is tuple
        assert (run, hash(run), repr(run), run.text) == (made, hash(made), repr(made), made.text)


def test_a_run_has_nothing_its_builder_would_leave_unconverted_or_unchecked() -> None:
    # line_runs makes runs on Run's builder, which runs no converter or validator: were Run to get
    # one, the builder would make runs the constructor refuses or converts.
    assert all(field.converter is None and field.validator is None for field in attrs.fields(Run))


def test_a_run_made_without_its_text_spells_it_as_a_run_made_with_it() -> None:
    assert Run(kind=RunKind.TEXT, words=("收", "入")).text == "收入"
    assert Run(kind=RunKind.FIGURES, words=("0.92", "1.00")).text == "0.92 1.00"


@settings(max_examples=400, deadline=None)
@given(_LINES, _CONVENTIONS, st.booleans())
def test_a_lines_numbers_text_and_figures_are_those_of_three_filters(
    text: str, convention: FigureConvention, reverse: bool
) -> None:
    runs = line_runs(text, convention)
    if isinstance(runs, str):
        return
    numbers = [run.text for run in runs if run.kind is RunKind.NUMBER]
    joined = "".join(run.text for run in runs if run.kind is RunKind.TEXT)
    figures = tuple(word for run in runs if run.kind is RunKind.FIGURES for word in run.words)
    assert _parts(runs, reverse) == (numbers, joined, tuple(reversed(figures)) if reverse else figures)


def _plain_figure_convention(texts: Sequence[str]) -> FigureConvention:
    decimals: set[int] = set()
    for text in texts:
        for word in words(normalize_width(text)):
            match = re.match(r"^-?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d+))?$", word)
            if match is not None and match.group(1) is not None:
                decimals.add(len(match.group(1)))
    return FigureConvention(decimals=min(decimals) if len(decimals) == 1 else None, whole_numbers=not decimals)


def _plain_convention_of(texts: Sequence[str]) -> FigureConvention:
    convention = _plain_figure_convention(texts)
    if convention.decimals is not None or not convention.whole_numbers:
        return convention
    usual = FigureConvention(decimals=2, whole_numbers=False)
    numeric = [folded for text in texts for word in words(text)
               if re.match(r"^-?[\d,.]*\d[\d,.]*$", folded := normalize_width(word)) and not re.match(r"^\d+$", folded)]
    if numeric and all(split_figures(word, usual) is not None for word in numeric):
        return usual
    return convention


# Whole numbers, figures run together, and the characters that fold to a point or a comma (full-width
# forms, 。 and 、) or hide beside a combining mark.
_CONVENTION_PIECES = st.sampled_from([
    "1,000", "200", "205", "0.920.92", "1.5", "１．５０", "1２.34", "3。25", "4、500", "5，000", "6.7\u0301",
    "\u0301.5", "合计", "教育支出", "-", "12.3412.34", "2,081.55", "0.920.9", " ", "-200", "－5",
    # Digits of another script beside a point: a word may end inside the run of digits after it.
    "1.5٣", "7.٣5", "٣.25", "2.50-3", "9.99,1", ".5",
])
_TABLE_TEXTS = st.lists(st.lists(_CONVENTION_PIECES, max_size=5).map(" ".join) | st.lists(
    _CONVENTION_PIECES, max_size=4).map("".join), max_size=6)


@settings(max_examples=500, deadline=None)
@given(_TABLE_TEXTS)
def test_a_tables_figure_convention_is_that_of_every_word_of_every_line(texts: list[str]) -> None:
    # Lines without a point (or, for runs, a point, a comma or a minus) once folded are passed over.
    assert figure_convention(texts) == _plain_figure_convention(texts)
    assert convention_of(texts) == _plain_convention_of(texts)


def test_a_negative_whole_number_rules_out_figures_run_together() -> None:
    # 1,000 alone could be run-together figures of two decimals; -200 splits into none, so the table
    # prints whole numbers (a line holding no point or comma still has its say).
    assert convention_of(["1,000", "-200"]) == FigureConvention(decimals=None, whole_numbers=True)
    assert convention_of(["1,000", "－200"]) == FigureConvention(decimals=None, whole_numbers=True)
    assert convention_of(["1,000"]) == FigureConvention(decimals=2, whole_numbers=False)


# Words as flat lines print them, with characters that are digits to \d but not ASCII (Arabic-Indic ٣,
# Devanagari ५), digits to str.isdigit only (Ethiopic ፩), that fold to digits (superscript ², circled ①),
# and points and commas in any number: what tells a number, a figure and a run of figures apart.
_WORD_CHARACTERS = st.sampled_from([*"0123456789.,-", "٣", "५", "²", "፩", "①", "０", "．", "合"])
_WORDS = st.lists(_WORD_CHARACTERS, min_size=1, max_size=14).map("".join)


def _plain_split_run(token: str, convention: FigureConvention) -> tuple[str, ...] | None:
    """Pieces of the convention's decimals read one after another, every time."""
    if not convention.decimals:
        return None
    piece = re.compile(rf"-?(?:0|[1-9]\d{{0,2}}(?:,\d{{3}})+|[1-9]\d*)\.\d{{{convention.decimals}}}")
    pieces: list[str] = []
    position = 0
    while position < len(token):
        match = piece.match(token, position)
        if match is None:
            return None
        pieces.append(match.group())
        position = match.end()
    return tuple(pieces) if len(pieces) > 1 else None


def _plain_split_figures(word: str, convention: FigureConvention) -> tuple[tuple[str, ...], str] | None:
    whole = _plain_split_run(word, convention)
    if whole is not None:
        return whole, ""
    if convention.is_figure(word) and not re.match(r"^\d+$", word):
        return (word,), ""
    if not convention.decimals:
        return None
    point = word.rfind(".")
    if point < 0 or not word[point + 1:].isdigit() or len(word) - point - 1 <= convention.decimals:
        return None
    cut = point + 1 + convention.decimals
    head, number = word[:cut], word[cut:]
    figures = _plain_split_run(head, convention) or ((head,) if convention.is_figure(head) else None)
    return (figures, number) if figures is not None else None


def _plain_line_runs(text: str, convention: FigureConvention) -> list[tuple[RunKind, tuple[str, ...]]] | str:
    """Each word typed by the plain patterns, then words of one kind in a row grouped (numbers apart)."""
    typed: list[tuple[RunKind, str]] = []
    for word in words(text):
        folded = normalize_width(word)
        if re.match(r"^\d+$", folded):
            typed.append((RunKind.NUMBER, folded))
        elif folded in ("-", "--") or re.match(r"^-?[\d,.]*\d[\d,.]*$", folded):
            split = _plain_split_figures(folded, convention) if folded not in ("-", "--") else ((folded,), "")
            if split is None:
                return f"figures run together that cannot be split: {word}"
            typed.extend((RunKind.FIGURES, figure) for figure in split[0])
            if split[1]:
                typed.append((RunKind.NUMBER, split[1]))
        else:
            typed.append((RunKind.TEXT, word))
    grouped: list[tuple[RunKind, tuple[str, ...]]] = []
    for kind, word in typed:
        if grouped and grouped[-1][0] is kind and kind is not RunKind.NUMBER:
            grouped[-1] = (kind, (*grouped[-1][1], word))
        else:
            grouped.append((kind, (word,)))
    return grouped


@settings(max_examples=600, deadline=None)
@given(_WORDS, _CONVENTIONS)
def test_a_words_figures_are_those_the_plain_patterns_find(word: str, convention: FigureConvention) -> None:
    # A run needs two points (one a figure); digits alone are \d+ to the end (a word holds no newline).
    assert split_figures(word, convention) == _plain_split_figures(word, convention)
    assert convention.split_run(word) == _plain_split_run(word, convention)


@settings(max_examples=400, deadline=None)
@given(st.lists(_WORDS | _PIECES, max_size=6).map(" ".join), _CONVENTIONS)
def test_a_lines_runs_are_those_the_plain_patterns_type(text: str, convention: FigureConvention) -> None:
    runs = line_runs(text, convention)
    plain = _plain_line_runs(text, convention)
    assert (runs if isinstance(runs, str) else [(run.kind, run.words) for run in runs]) == plain


_PLAIN_LETTERS = {RunKind.NUMBER: "N", RunKind.TEXT: "T", RunKind.FIGURES: "F"}


def _plain_direction(runs: Sequence[Run]) -> Direction:
    """A line's direction as each line asked it before the answer was kept by its kinds."""
    kinds = "".join([_PLAIN_LETTERS[run.kind] for run in runs])
    forward, backward = re.match(r"^N*T?F?$", kinds) is not None, re.match(r"^F?T?N*$", kinds) is not None
    if forward and backward:
        return Direction.EITHER
    if forward:
        return Direction.FORWARD
    return Direction.REVERSED if backward else Direction.NEITHER


@given(st.lists(st.lists(st.sampled_from(list(RunKind)), max_size=7), max_size=6))
@example([[]])  # no run: either direction
@example([[RunKind.NUMBER, RunKind.TEXT, RunKind.FIGURES], [RunKind.FIGURES, RunKind.TEXT, RunKind.NUMBER]])
@example([[RunKind.TEXT, RunKind.NUMBER, RunKind.TEXT]])  # neither
def test_a_lines_direction_is_that_of_its_kinds_asked_afresh(lines: list[list[RunKind]]) -> None:
    for kinds in lines:  # lines asked one after another, as a table's are: answers kept by their kinds
        runs = [Run(kind=kind, words=("1",)) for kind in kinds]
        assert direction_of(runs) is _plain_direction(runs)
