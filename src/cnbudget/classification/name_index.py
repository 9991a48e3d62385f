"""An index of a catalogue's names (科目名称索引), built once per catalogue, so that finding the
subjects a printed name can stand for looks at those few subjects instead of every one.

A subject can match a printed name only where the name, normalised (:func:`normalise_name`), is its
official name, a variant or a former name, normalised the same way, or a prefix of its official name
(a truncation). The index holds the first three by their normalised text and the official names in
sorted order, so that both are found without a scan; :func:`match_subject_name` still decides each
candidate, so the answers are those of comparing the name with every subject.

>>> import cnbudget.classification as c
>>> from cnbudget.classification.subject import Family
>>> subjects = c.catalog(2024).subjects(Family.FUNCTION)
>>> index = NameIndex(subjects)
>>> {s.code for s in index.candidates("行政运行")} == {s.code for s in subjects if s.name == "行政运行"}
True
>>> [str(s.code) for s in index.candidates("其他医疗保障管理事务支")]
['2101599']
"""

from __future__ import annotations

from bisect import bisect_left
from collections import defaultdict
from collections.abc import Iterable
from functools import lru_cache

from cnbudget.classification.names import MIN_TRUNCATED_LENGTH, normalise_name
from cnbudget.classification.subject import FormerName, Subject

__all__ = ["NameIndex"]


class NameIndex:
    """The subjects of one family by their normalised names (official, variant, former) and by
    the prefixes of their official names."""

    def __init__(self, subjects: Iterable[Subject]) -> None:
        by_name: dict[str, list[Subject]] = defaultdict(list)
        official: list[tuple[str, int]] = []
        listed = tuple(subjects)
        for position, subject in enumerate(listed):
            key, names = _names_of(subject.name, subject.variants, subject.former_names)
            official.append((key, position))  # positions differ: ties of names keep the listed order
            for name in names:
                by_name[name].append(subject)
        official.sort()
        self._by_name = dict(by_name)
        self._official_keys = [key for key, _ in official]
        self._official = [listed[position] for _, position in official]

    def candidates(self, printed: str) -> list[Subject]:
        """Every subject ``printed`` may name: whose normalised official, variant or former name it
        is, or whose official name it may be cut short from; each once, in no particular order."""
        key = normalise_name(printed)
        found: dict[int, Subject] = {id(s): s for s in self._by_name.get(key, ())}
        if len(key) >= MIN_TRUNCATED_LENGTH:
            start = bisect_left(self._official_keys, key)
            for position in range(start, len(self._official_keys)):
                if not self._official_keys[position].startswith(key):
                    break
                subject = self._official[position]
                found.setdefault(id(subject), subject)
        return list(found.values())


# Kept for the process (bounded): the editions of the bundled catalogue repeat nearly every subject's
# names, so each year's index after the first finds them normalised.
@lru_cache(maxsize=1 << 15)
def _names_of(
    name: str, variants: tuple[str, ...], former_names: tuple[FormerName, ...]
) -> tuple[str, tuple[str, ...]]:
    """A subject's normalised official name, and every normalised name it is known by, each once."""
    key = normalise_name(name)
    names = {key, *(normalise_name(v) for v in variants), *(normalise_name(f.name) for f in former_names)}
    return key, tuple(names)
