"""One line of flat text taken apart into runs of words, figures and numbers (文本行切分).

Plain ``pdftotext`` prints the cells of a table row one after another, separated by spaces or not
at all: ``205 08 03 培训支出 0.92 0.92``, ``0.920.92培训支出0308205``. A line becomes a sequence of
runs: text (a name or a label, its words joined), figures (amounts, in printed order, run-together
figures split by :mod:`~cnbudget.readers.flat.figures`) and numbers (digits alone: a code, a part of
one, or a page number). A run that cannot be split with certainty makes the line unreadable.

>>> from cnbudget.readers.flat.figures import FigureConvention
>>> two = FigureConvention(decimals=2, whole_numbers=False)
>>> [(run.kind.value, run.text) for run in line_runs("0.920.92205 教育支出", two)]
[('figures', '0.92 0.92'), ('number', '205'), ('text', '教育支出')]
>>> [(run.kind.value, run.text) for run in line_runs("收 入 总 计 2,081.55 支 出 总 计", two)]
[('text', '收入总计'), ('figures', '2,081.55'), ('text', '支出总计')]
>>> line_runs("1.2.3", two)
'figures run together that cannot be split: 1.2.3'
"""

from __future__ import annotations

import enum
import re
from collections.abc import Callable, Sequence

import attrs

from cnbudget.builders import builder_of_model, written_builder
from cnbudget.readers.flat.figures import FigureConvention, split_figures, words
from cnbudget.readers.text.source import clean_name
from cnbudget.text import normalize_width

__all__ = ["LineRuns", "Run", "RunKind", "line_runs"]

_NUMERIC = re.compile(r"^-?[\d,.]*\d[\d,.]*$")


class RunKind(enum.Enum):
    """What a run of a line holds."""

    TEXT = "text"
    FIGURES = "figures"
    NUMBER = "number"


def _joined(kind: RunKind, words: Sequence[str]) -> str:
    """A run's words as one string: text without layout spaces, figures and numbers spaced."""
    return clean_name(" ".join(words)) if kind is RunKind.TEXT else " ".join(words)


def _run_text(run: Run) -> str:
    return _joined(run.kind, run.words)


@attrs.frozen(kw_only=True)
class Run:
    """Consecutive words of one kind: text joined, figures listed, a number as printed."""

    kind: RunKind
    words: tuple[str, ...]
    #: The run as one string: text without layout spaces, figures and numbers spaced (made once: a
    #: table's rows ask for it line after line).
    text: str = attrs.field(default=attrs.Factory(_run_text, takes_self=True), eq=False, repr=False)


# A line's runs made on Run's builder (builders.py): what the constructor makes of the same fields,
# which it has nothing to convert or check in (a read makes several hundred).
_made_run: Callable[[RunKind, tuple[str, ...], str], Run] = written_builder(
    Run, builder_of_model(Run), "kind, words, text", [], {field: field for field in ("kind", "words", "text")}, {})


def line_runs(text: str, convention: FigureConvention) -> list[Run] | str:
    """The runs of one line, or why it cannot be taken apart with certainty."""
    # Words of one kind in a row make one run (numbers stay apart), grouped as they are typed.
    grouped: list[tuple[RunKind, list[str]]] = []
    joining: RunKind | None = None  # the kind of the last run, while a word of its kind joins it
    figures: tuple[str, ...]
    for word in words(text):
        folded = normalize_width(word)
        if folded.isdecimal():  # digits alone: ^\d+$ for a word of str.split (no newline, which $ allowed at its end)
            grouped.append((RunKind.NUMBER, [folded]))
            joining = None
            continue
        if folded in ("-", "--"):
            figures, number = (folded,), ""
        elif _NUMERIC.match(folded):
            split = split_figures(folded, convention)
            if split is None:
                return f"figures run together that cannot be split: {word}"
            figures, number = split
        else:
            if joining is RunKind.TEXT:
                grouped[-1][1].append(word)
            else:
                grouped.append((RunKind.TEXT, [word]))
                joining = RunKind.TEXT
            continue
        if figures:
            if joining is RunKind.FIGURES:
                grouped[-1][1].extend(figures)
            else:
                grouped.append((RunKind.FIGURES, list(figures)))
                joining = RunKind.FIGURES
        if number:
            grouped.append((RunKind.NUMBER, [number]))
            joining = None
    return [_made_run(kind, tuple(words), _joined(kind, words)) for kind, words in grouped]


@attrs.define
class LineRuns:
    """The runs of one table's lines under its figure convention, each distinct text taken apart
    once: a table's header lines are asked for by the check for figures, then by its rows' reader.
    Made per table (the convention is the table's), never shared between reads.

    >>> taken = LineRuns(FigureConvention(decimals=2, whole_numbers=False))
    >>> taken.of("205 教育支出 0.92") is taken.of("205 教育支出 0.92")
    True
    >>> taken.of("1.2.3")
    'figures run together that cannot be split: 1.2.3'
    """

    convention: FigureConvention
    _taken: dict[str, list[Run] | str] = attrs.field(factory=dict, init=False)

    def of(self, text: str) -> list[Run] | str:
        """:func:`line_runs` of ``text`` under the table's convention."""
        runs = self._taken.get(text)
        if runs is None:
            runs = self._taken[text] = line_runs(text, self.convention)
        return runs
