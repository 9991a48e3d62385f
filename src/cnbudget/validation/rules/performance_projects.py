"""Finding a performance target's project in a project table (项目名称比对).

Names are compared after width folding and white-space removal; a looser comparison also drops
year prefixes (``2023年``, ``2023年度``) and brackets, which documents add or leave out freely.
When no name matches, the nearest name is reported, so that a reader can see which row was meant.

>>> exact_key("2024 年综合业务费") == exact_key("2024年综合业务费")
True
>>> loose_key("2023年志愿者生活补助") == loose_key("志愿者生活补助")
True
>>> nearest("2024年综合运行费", ["信息化运维项目", "2024年综合业务费"])
'2024年综合业务费'
"""

from __future__ import annotations

import difflib
import functools
import re
from collections.abc import Callable, Iterable
from typing import TypeVar

from cnbudget.text import normalize_width, squeeze_spaces
from cnbudget.validation.context import Context

__all__ = ["NameKeys", "alike", "bare_key", "by_agency", "exact_key", "loose_key", "name_keys", "nearest", "similarity"]

T = TypeVar("T")

_YEAR = re.compile(r"20[0-9]{2}年度?")
_BRACKETS = re.compile(r"[()\[\]《》<>\"'“”]")
_BRACKETED = re.compile(r"\([^()]*\)|\[[^\[\]]*\]")  # a note in brackets (after width folding)


def exact_key(name: str) -> str:
    """The name as compared: width-folded, without white space."""
    return squeeze_spaces(normalize_width(name))


def loose_key(name: str) -> str:
    """The name without years, brackets and the words 年度/项目 (a looser comparison)."""
    text = _BRACKETS.sub("", _YEAR.sub("", exact_key(name)))
    return text.removesuffix("项目") or text


def bare_key(name: str) -> str:
    """The loose key of the name without the notes it prints in brackets (the loosest comparison).

    >>> bare_key("2023年中央财政补助资金(医疗保障服务能力建设部分)") == bare_key("2023年中央财政补助资金")
    True
    """
    return loose_key(_BRACKETED.sub("", exact_key(name)))


class NameKeys:
    """The keys of names (:func:`exact_key`, :func:`loose_key`, :func:`bare_key`), each worked out once:
    the performance rules of a run compare every target's names with every project's.

    >>> keys = NameKeys()
    >>> keys.exact("2024 年综合业务费"), keys.loose("2023年志愿者生活补助项目"), keys.bare("补助资金(部分)")
    ('2024年综合业务费', '志愿者生活补助', '补助资金')
    """

    __slots__ = ("_bare", "_exact", "_loose")

    def __init__(self) -> None:
        self._exact: dict[str, str] = {}
        self._loose: dict[str, str] = {}
        self._bare: dict[str, str] = {}

    def exact(self, name: str) -> str:
        return _kept(self._exact, name, exact_key)

    def loose(self, name: str) -> str:
        return _kept(self._loose, name, loose_key)

    def bare(self, name: str) -> str:
        return _kept(self._bare, name, bare_key)


def _kept(keys: dict[str, str], name: str, key_of: Callable[[str], str]) -> str:
    found = keys.get(name)
    if found is None:
        found = keys[name] = key_of(name)
    return found


def by_agency(keys: NameKeys, items: Iterable[T], agency_of: Callable[[T], str | None]) -> dict[str | None, list[T]]:
    """``items`` by the key (:meth:`NameKeys.exact`) of the agency each names, ``None`` for those that
    name none; each agency's in the order given. The rules that pair targets with projects look up one
    agency's this way (a look through all of them for each agency was quadratic in a department's
    agencies).

    >>> agency = lambda item: item.split()[0] if " " in item else None
    >>> by_agency(NameKeys(), ["甲局 A", "乙局 B", "甲局 C", "D"], agency)
    {'甲局': ['甲局 A', '甲局 C'], '乙局': ['乙局 B'], None: ['D']}
    """
    found: dict[str | None, list[T]] = {}
    for item in items:
        agency = agency_of(item)
        found.setdefault(None if agency is None else keys.exact(agency), []).append(item)
    return found


def name_keys(ctx: Context) -> NameKeys:
    """The run's keys of names (a pure function of each name, so kept for every run over the document)."""
    return ctx.cache.shared("project name keys", NameKeys)


def similarity(a: str, b: str) -> float:
    """How alike two names are, from 0 to 1 (difflib's ratio of their loose keys).

    >>> similarity("2023年志愿者生活补助", "志愿者生活补助"), similarity("甲", "乙")
    (1.0, 0.0)
    """
    return _matcher(loose_key(a), loose_key(b)).ratio()


def _matcher(a: str, b: str) -> difflib.SequenceMatcher[str]:
    return difflib.SequenceMatcher(None, a, b, autojunk=False)


# difflib's real_quick_ratio and quick_ratio are bounds from above on ratio (the same count over the
# same length, of characters that could match): a pair whose bound falls short is settled without
# finding the blocks that match, which is most of the cost. They are worked out here as difflib
# does, without making a matcher (which indexes the second name's characters first: a nearest name
# among many candidates made one per candidate, nearly all then settled by the bounds).


def _ratio(matches: int, length: int) -> float:
    return 2.0 * matches / length if length else 1.0  # difflib's own: the same float, bit for bit


@functools.lru_cache(maxsize=1 << 14)  # a pure function of a name: candidates are asked about again
def _loose(name: str) -> str:
    return loose_key(name)


@functools.lru_cache(maxsize=1 << 14)
def _letters(key: str) -> dict[str, int]:
    counts: dict[str, int] = {}
    for letter in key:
        counts[letter] = counts.get(letter, 0) + 1
    return counts


def _in_common(a: str, b: str) -> int:
    """The characters ``a`` and ``b`` share, counted as often as both hold them (quick_ratio's count)."""
    theirs = _letters(b)
    return sum(min(count, theirs.get(letter, 0)) for letter, count in _letters(a).items())


def alike(a: str, b: str, threshold: float) -> bool:
    """``similarity(a, b) >= threshold``.

    >>> alike("2024年综合运行费", "2024年综合业务费", 0.4), alike("信息化运维项目", "2024年综合业务费", 0.4)
    (True, False)
    """
    mine, theirs = _loose(a), _loose(b)
    length = len(mine) + len(theirs)
    return (_ratio(min(len(mine), len(theirs)), length) >= threshold
            and _ratio(_in_common(mine, theirs), length) >= threshold
            and _matcher(mine, theirs).ratio() >= threshold)


def nearest(name: str, candidates: Iterable[str]) -> str | None:
    """The candidate most like ``name`` (the first of equals, by :func:`similarity`); ``None`` when
    there are none."""
    best: str | None = None
    best_score = -1.0
    key = _loose(name)
    for candidate in candidates:
        other = _loose(candidate)
        length = len(key) + len(other)
        if (_ratio(min(len(key), len(other)), length) <= best_score
                or _ratio(_in_common(key, other), length) <= best_score):
            continue  # it cannot be more alike than the best so far
        score = _matcher(key, other).ratio()
        if score > best_score:
            best, best_score = candidate, score
    return best
