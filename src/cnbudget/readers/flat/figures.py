"""How a table prints its figures, and figures run together split back (金额的写法与拆分).

Flat text prints the figures of a row one after another, often without a space between them
(``0.920.92``, ``1801.00214.352015.35``). They can be split back only where that is certain: when
every figure of the table has the same number of decimals, each figure ends that many digits after
its point, so ``0.920.92`` is ``0.92 | 0.92``; the digits left after the last figure's decimals
(``0.920.92205``) are a number of their own, a code printed right after the figures. A run that does
not split that way is reported, never guessed. A table of whole numbers (元) cannot have its figures
split at all, and a number alone in it cannot be told from a code.

>>> convention = figure_convention(["205 教育支出 0.92 0.92", "合计 2,081.55"])
>>> convention.decimals
2
>>> convention.split_run("1,801.00214.352015.35")
('1,801.00', '214.35', '2015.35')
>>> split_figures("0.920.92205", convention)
(('0.92', '0.92'), '205')
>>> split_figures("0.920.9", convention) is None
True
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable

import attrs

from cnbudget.text import normalize_width

__all__ = ["FigureConvention", "convention_of", "figure_convention", "split_figures", "words"]

_DIGIT = "0-9０-９"
# A digit run glued to other text is a word of its own: "合计2,081.55", "205教育支出", "教育支出205".
_GLUE = re.compile(rf"(?<=[^{_DIGIT}.,，．\s\-－—])(?=-?[{_DIGIT}])|(?<=[{_DIGIT}])(?=[^{_DIGIT}.,，．\s\-－—])")
_NUMBER = re.compile(r"^-?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d+))?$")
_NUMERIC = re.compile(r"^-?[\d,.]*\d[\d,.]*$")
_DIGITS = re.compile(r"^\d+$")
_FRACTION = re.compile(r"\.(\d+)")  # the digits after a point, as many as follow it
_OTHER_DIGIT = re.compile(r"(?![0-9])\d")  # a digit to \d that the glue does not take for one
_USUAL_DECIMALS = 2  # amounts in 万元 and 元 are printed to the cent


def words(text: str) -> list[str]:
    """The words of a line as printed, digit runs glued to other text set apart.

    >>> words("合计2,081.55 205教育支出")
    ['合计', '2,081.55', '205', '教育支出']
    """
    return _GLUE.sub(" ", text).split()


@attrs.frozen(kw_only=True)
class FigureConvention:
    """How a table prints its figures: with a fixed number of decimals, or as whole numbers."""

    decimals: int | None  # every figure printed alone has this many decimals (None: mixed or none)
    whole_numbers: bool  # no figure has a decimal point, so whole numbers are figures

    def is_figure(self, token: str) -> bool:
        """Whether a (width-folded) token is one figure under this convention (``-`` is a printed blank).

        >>> FigureConvention(decimals=2, whole_numbers=False).is_figure("205")
        False
        """
        if token in ("-", "--"):
            return True
        match = _NUMBER.match(token)
        if match is None:
            return False
        return match.group(1) is not None or "," in token or self.whole_numbers

    def split_run(self, token: str) -> tuple[str, ...] | None:
        """The figures of a run printed without spaces, or ``None`` when it does not split exactly."""
        if not self.decimals or token.count(".") < 2:
            return None  # every figure of a run prints its point: one point or none is no run
        piece = _piece(self.decimals)
        pieces: list[str] = []
        position = 0
        while position < len(token):
            match = piece.match(token, position)
            if match is None:
                return None
            pieces.append(match.group())
            position = match.end()
        return tuple(pieces) if len(pieces) > 1 else None


@functools.lru_cache(maxsize=8)
def _piece(decimals: int) -> re.Pattern[str]:
    """One figure of ``decimals`` decimals, as figures run together print it (a pure function of
    ``decimals``: kept for the process, it changes no result)."""
    return re.compile(rf"-?(?:0|[1-9]\d{{0,2}}(?:,\d{{3}})+|[1-9]\d*)\.\d{{{decimals}}}")


def figure_convention(texts: Iterable[str]) -> FigureConvention:
    """The figure convention of a table, from the figures its lines print on their own.

    >>> figure_convention(["合计 1,000 200"]).whole_numbers, figure_convention(["0.5 1.25"]).decimals is None
    (True, True)
    """
    decimals: set[int] = set()
    for text in texts:
        folded = normalize_width(text)
        if "." not in folded:  # no figure with decimals (most lines of names and codes)
            continue
        if _adds_no_decimals(folded, decimals):
            continue
        for word in words(folded):
            match = _NUMBER.match(word)
            if match is not None and match.group(1) is not None:
                decimals.add(len(match.group(1)))
    return FigureConvention(decimals=min(decimals) if len(decimals) == 1 else None, whole_numbers=not decimals)


def _adds_no_decimals(folded: str, decimals: set[int]) -> bool:
    """Whether a (width-folded) line can add no count of decimals to ``decimals``, told without
    taking it apart into words: a word's decimals are a whole run of digits after a point in the
    line, so the runs' lengths bound what it adds.

    A word's decimals end where the word does, before a space, the line's end or a glue point; in
    a line whose only digits are 0-9 the character there is no digit, so the run is whole. A digit
    of another script (٣, to ``\\d`` but not to the glue) can end a word inside a run: such lines
    are taken apart."""
    if not {len(run) for run in _FRACTION.findall(folded)} <= decimals:
        return False
    return _OTHER_DIGIT.search(folded) is None


def convention_of(texts: Iterable[str]) -> FigureConvention:
    """How a table prints its figures: from the figures it prints apart (:func:`figure_convention`),
    else, where every figure stands in a run, two decimals when every run splits into figures of two
    decimals.

    >>> convention_of(["0.920.92", "25.2925.29"]).decimals
    2
    >>> convention_of(["0.920.9"]).decimals is None
    True
    """
    texts = list(texts)
    convention = figure_convention(texts)
    if convention.decimals is not None or not convention.whole_numbers:
        return convention
    usual = FigureConvention(decimals=_USUAL_DECIMALS, whole_numbers=False)
    # Only runs of figures (a point or a comma once folded) and negative whole numbers (a minus) are
    # judged: lines holding none of the three are passed over.
    numeric = [folded for text in texts if _may_be_judged(text) for word in words(text)
               if _NUMERIC.match(folded := normalize_width(word)) and not _DIGITS.match(folded)]
    if numeric and all(split_figures(word, usual) is not None for word in numeric):
        return usual
    return convention


def _may_be_judged(text: str) -> bool:
    """Whether some word of ``text`` may fold to a word :func:`convention_of` judges: a run of figures
    (the folded text holds a point or a comma) or a negative whole number such as ``-200`` (a minus),
    which splits into no figure of two decimals and so rules them out. A word's folded point, comma
    or minus is the folded text's.

    >>> _may_be_judged("合计 1,000"), _may_be_judged("-200"), _may_be_judged("合计 200")
    (True, True, False)
    """
    folded = normalize_width(text)
    return "." in folded or "," in folded or "-" in folded


def split_figures(word: str, convention: FigureConvention) -> tuple[tuple[str, ...], str] | None:
    """The figures of a run, and the digits of a number glued after the last of them (a code printed
    right after the figures of a line read from right to left); ``None`` where it does not split."""
    whole = convention.split_run(word)
    if whole is not None:
        return whole, ""
    # not word.isdecimal(): not _DIGITS, for a word of str.split (no newline, which $ allowed at the end)
    if convention.is_figure(word) and not word.isdecimal():
        return (word,), ""
    if not convention.decimals:
        return None
    point = word.rfind(".")
    if point < 0 or not word[point + 1:].isdigit() or len(word) - point - 1 <= convention.decimals:
        return None
    cut = point + 1 + convention.decimals
    head, number = word[:cut], word[cut:]
    figures = convention.split_run(head) or ((head,) if convention.is_figure(head) else None)
    return (figures, number) if figures is not None else None
