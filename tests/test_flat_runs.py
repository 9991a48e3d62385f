"""A flat line's runs made once: grouped in one pass with their text made as they are built, and a
line's numbers, text and figures taken from its runs in one pass, held against the plain forms
they replace (a run grown word by word, its text made on every call; three filters over the runs)."""

from __future__ import annotations

from collections.abc import Sequence

from hypothesis import given, settings
from hypothesis import strategies as st

from cnbudget.readers.flat.figures import FigureConvention, words
from cnbudget.readers.flat.rows import _parts
from cnbudget.readers.flat.runs import Run, RunKind, line_runs
from cnbudget.readers.text.source import clean_name

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
