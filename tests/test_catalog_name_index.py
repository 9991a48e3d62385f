"""Finding subjects by name through the catalogue's name index gives what comparing the name with
every subject gives (the index only narrows the subjects compared)."""

from __future__ import annotations

from functools import cache

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import cnbudget.classification as c
from cnbudget.classification.names import MatchKind, match_subject_name
from cnbudget.classification.subject import Family, Subject

CAT = c.catalog(2024)
OLD = c.catalog(2017)


@cache
def _with_siblings(cat: c.Catalog, family: Family) -> list[tuple[Subject, tuple[Subject, ...]]]:
    return [(subject, _siblings(cat, subject)) for subject in cat.subjects(family)]


def _siblings(cat: c.Catalog, subject: Subject) -> tuple[Subject, ...]:
    return cat.children(subject.parent, family=subject.family) if subject.parent else cat.children(
        family=subject.family)


def _every_match(cat: c.Catalog, name: str, family: Family) -> list[Subject]:
    """The subjects ``name`` may stand for, found by comparing it with every subject of ``family``."""
    found = []
    for subject, siblings in _with_siblings(cat, family):
        match = match_subject_name(subject, name, year=cat.year, siblings=siblings)
        if match.ok:
            found.append((match.kind, subject))
    rank = {MatchKind.EXACT: 0, MatchKind.NORMALISED: 0, MatchKind.VARIANT: 1, MatchKind.FORMER: 2,
            MatchKind.TRUNCATED: 3}
    found.sort(key=lambda pair: (rank[pair[0]], pair[1].code))
    return [subject for _, subject in found]


def _printed_names(cat: c.Catalog, family: Family) -> st.SearchStrategy[str]:
    """Names as documents print them: official, variant or former, cut short, spaced, full-width, or
    any text at all."""
    subjects = cat.subjects(family)
    names = sorted({s.name for s in subjects} | {v for s in subjects for v in s.variants}
                   | {f.name for s in subjects for f in s.former_names})
    whole = st.sampled_from(names)
    cut = st.tuples(whole, st.integers(1, 12)).map(lambda pair: pair[0][: pair[1]])
    spaced = whole.map(lambda name: " ".join(name)).map(lambda name: name.replace("(", "（"))
    return st.one_of(whole, cut, spaced, st.text(alphabet="其他支出行政运行事务管理 （）()", max_size=12))


@pytest.mark.parametrize("family", list(Family))
@settings(max_examples=150, deadline=None)
@given(data=st.data())
def test_find_agrees_with_comparing_every_subject(family: Family, data: st.DataObject) -> None:
    for cat in (CAT, OLD):
        if not cat.subjects(family):
            continue
        name = data.draw(_printed_names(cat, family))
        assert cat.find(name, family=family) == _every_match(cat, name, family)


def test_find_by_a_cut_name_and_a_former_name() -> None:
    assert [str(s.code) for s in CAT.find("其他医疗保障管理事务支")] == ["2101599"]
    assert "210" in [str(s.code) for s in CAT.find("医疗卫生与计划生育支出")]  # the name until 2018


@settings(max_examples=100, deadline=None)
@given(data=st.data())
def test_a_mismatch_names_the_peers_that_comparing_every_peer_names(data: st.DataObject) -> None:
    subject = data.draw(st.sampled_from(CAT.subjects(Family.FUNCTION)))
    name = data.draw(_printed_names(CAT, Family.FUNCTION))
    match = CAT.match_name(subject.code, name)
    if match.kind is MatchKind.MISMATCH:
        peers = [s.code for s in _every_match(CAT, name, Family.FUNCTION)
                 if s.level == subject.level and s is not subject
                 and match_subject_name(s, name, year=2024, siblings=_siblings(CAT, s)).kind
                 is not MatchKind.TRUNCATED]
        assert list(match.belongs_to) == peers
