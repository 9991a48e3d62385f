"""Name matches and what the catalogue rules say of a code, kept per catalogue
(:mod:`cnbudget.validation.rules.name_matches`, CAT-001, CAT-002), answer what the catalogue asked
answers, whatever was asked before."""

from __future__ import annotations

import functools
import gc
import importlib
import weakref

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from cnbudget.classification import Catalog, MatchKind, catalog
from cnbudget.classification.catalog import KEPT_PER_KIND, _built, per_catalogue
from cnbudget.codes import FunctionCode
from cnbudget.validation import Severity
from cnbudget.validation.rules import catalogue
from cnbudget.validation.rules.catalogue import _category_subject
from cnbudget.validation.rules.catalogue_narrative import _judged_names
from cnbudget.validation.rules.name_matches import name_match
from cnbudget.validation.rules.narrative_tables import _only_category

_YEARS = (2019, 2024)
# The module itself (the package's ``catalog`` is the function that gives a year's catalogue).
catalog_module = importlib.import_module("cnbudget.classification.catalog")
_SUBJECTS = {year: [s for s in catalog(year) if s.code.level >= 2 and catalog(year).get(s.code) is not None][:400]
             for year in _YEARS}


def test_a_name_is_matched_in_the_catalogue_asked() -> None:
    # 2101501 is 行政运行 in every year; a name of another subject is a mismatch in both catalogues.
    for year in _YEARS:
        assert name_match(catalog(year), FunctionCode("2101501"), "行政运行").kind is MatchKind.EXACT
        assert not name_match(catalog(year), FunctionCode("2101501"), "事业单位医疗").ok


@settings(max_examples=80, deadline=None)
@given(st.data())
def test_kept_answers_are_the_catalogues(data: st.DataObject) -> None:
    year = data.draw(st.sampled_from(_YEARS))
    found: Catalog = catalog(year)
    subject = data.draw(st.sampled_from(_SUBJECTS[year]))
    other = data.draw(st.sampled_from(_SUBJECTS[data.draw(st.sampled_from(_YEARS))]))
    name = data.draw(st.sampled_from([subject.name, other.name, subject.name[:3], subject.name + "支出"]))
    for asked in (year, *_YEARS):  # answers of the other catalogue kept in between
        if catalog(asked).get(subject.code) is not None:
            name_match(catalog(asked), subject.code, name)
    assert name_match(found, subject.code, name) == found.match_name(subject.code, name)


def test_what_the_catalogue_rules_say_of_a_code_is_the_catalogues_asked() -> None:
    # 20137 网信事务 is a 类 from 2023 on: absent from the 2019 catalogue, held by the 2024 one,
    # whichever is asked first.
    code = FunctionCode("20137")
    for years in (_YEARS, _YEARS[::-1]):
        said = {year: catalogue._absent_code(catalog(year), code) for year in years}
        assert said[2024] is None
        assert said[2019] == ("支出功能分类科目 20137 在 2019 年度已不存在或尚未设立（该编码有效年度：2023 年起）",
                              None)
    # 2101501 is 行政运行: the name of 2101502 beside it is another subject's, an error in both years.
    for year in _YEARS:
        what = catalogue._unofficial_name(catalog(year), FunctionCode("2101501"), "一般行政管理事务")
        assert what is not None and what[1] is Severity.ERROR and "编码与名称不符" in what[0]
        assert catalogue._unofficial_name(catalog(year), FunctionCode("2101501"), "行政运行") is None


def _fresh_catalogue(year: int) -> Catalog:
    # A catalogue of its own, as a tool that loads one per document makes (not catalog(year)'s).
    fresh: Catalog = _built.__wrapped__(year)
    return fresh


def test_answers_go_with_their_catalogue() -> None:
    # Kept on the catalogue, not by the process: a catalogue no longer used is freed, answers and all.
    fresh = _fresh_catalogue(2024)
    assert name_match(fresh, FunctionCode("2101501"), "行政运行").ok
    assert catalogue._absent_code(fresh, FunctionCode("20137")) is None
    gone = weakref.ref(fresh)
    del fresh
    gc.collect()
    assert gone() is None


def test_a_catalogue_keeps_a_bounded_number_of_answers_of_a_kind() -> None:
    fresh = _fresh_catalogue(2024)
    computed: list[int] = []

    def compute(key: int) -> int:
        computed.append(key)
        return key * 2

    for key in range(KEPT_PER_KIND + 10):
        assert fresh.kept("doubled", key, functools.partial(compute, key)) == key * 2
    assert fresh.kept("doubled", KEPT_PER_KIND + 5, lambda: compute(-1)) == (KEPT_PER_KIND + 5) * 2  # still kept
    assert fresh.kept("doubled", 0, lambda: compute(0)) == 0  # let go past the bound, found again
    assert computed.count(0) == 2 and -1 not in computed
    assert len(fresh._kept["doubled"]) <= KEPT_PER_KIND


class _ClearedBetweenLooks(dict):  # type: ignore[type-arg]
    """Answers that another thread clears (the bound reached) right after a lookup says a key is there."""

    def __contains__(self, key: object) -> bool:
        found = super().__contains__(key)
        self.clear()
        return found


def test_an_answer_cleared_by_another_thread_meanwhile_is_computed_not_lost() -> None:
    fresh = _fresh_catalogue(2024)
    fresh._kept["doubled"] = _ClearedBetweenLooks({3: 6})
    # One look at the answers: an answer there is returned, or the answer is computed again.
    assert fresh.kept("doubled", 3, lambda: 6) == 6


_CATEGORY_NAMES = {year: [s.name for s in catalog(year) if s.code.level == 1] for year in _YEARS}
_SECTION_NAMES = [s.name for s in catalog(2024) if s.code.level == 2][:60]  # names of 款, not of 类


@settings(max_examples=60, deadline=None)
@given(st.data())
def test_the_category_a_name_stands_for_is_the_catalogues_whatever_was_asked_before(data: st.DataObject) -> None:
    """The 类 a printed name stands for (CAT-003's summary lines, NARR-003's bare names), kept with the
    catalogue, is what the catalogue finds for it, asked in one catalogue after the other."""
    for _ in range(3):
        year = data.draw(st.sampled_from(_YEARS))
        found = catalog(year)
        name = data.draw(st.sampled_from([*_CATEGORY_NAMES[2019], *_CATEGORY_NAMES[2024], *_SECTION_NAMES,
                                          "医疗卫生与计划生育", "行政运行", "不是科目"]))
        best = next((s for s in found.find(name) if s.code.level == 1), None)
        assert _category_subject(found, name) is best
        codes = {s.code for s in found.find(name) if s.code.level == 1}
        assert _only_category(found, name) == (codes.pop() if len(codes) == 1 else None)


_SUBJECTS_NAMED = ["卫生健康支出（类）公共卫生（款）基本公共卫生服务（项）", "医疗卫生与计划生育支出（类）",
                   "社会保障和就业支出（类）行政事业单位养老支出（款）机关事业单位基本养老保险费（项）",
                   "一般公共服务支出（类）政府办公厅（室）及相关机构事务（款）行政运行（项）", "行政运行", ""]


@settings(max_examples=60, deadline=None)
@given(st.data())
def test_the_names_a_statement_gives_are_judged_as_the_catalogue_judges_them(data: st.DataObject) -> None:
    """CAT-007's judgement of the names a statement gives, kept with the catalogue, is the judgement
    made afresh, asked in one catalogue after the other, with and without the code read with it."""
    for _ in range(3):
        found = catalog(data.draw(st.sampled_from(_YEARS)))
        subject = data.draw(st.sampled_from(_SUBJECTS_NAMED))
        code = data.draw(st.sampled_from([None, FunctionCode("2100408"), FunctionCode("2080505")]))
        assert _judged_names(found, subject, code) == _judged_names.__wrapped__(found, subject, code)  # type: ignore[attr-defined]



def _first_asks(asks: list[tuple[int, str | None]], limit: int) -> list[tuple[int, str | None]]:
    """The asks that find nothing kept, where a kind keeps at most ``limit`` answers and lets all go
    when one more would pass it (what Catalog.kept does, written out)."""
    kept: set[tuple[int, str | None]] = set()
    first = []
    for ask in asks:
        if ask not in kept:
            if len(kept) >= limit:
                kept.clear()
            kept.add(ask)
            first.append(ask)
    return first


@settings(max_examples=60, deadline=None)
@given(st.lists(st.tuples(st.integers(0, 5), st.sampled_from([None, "a", "b"])), max_size=20), st.booleans())
@example([(0, None), (0, None), (0, "a"), (0, "a")], False)  # an answer of None is kept like any other
@example([(1, None), (2, None), (3, None), (4, None), (1, None)], True)  # let go at the bound, found again
def test_an_answer_kept_with_the_catalogue_is_read_as_kept(asks: list[tuple[int, str | None]], bounded: bool) -> None:
    """per_catalogue reads an answer kept already before it makes a function to work it out: each ask
    gets the function's answer, worked out once per key while kept (None too, and asked by keyword),
    and again once the kind's answers were let go at the bound (Catalog.kept)."""
    fresh = _fresh_catalogue(2024)
    computed: list[tuple[int, str | None]] = []

    @per_catalogue
    def answer_of(cat: Catalog, number: int, *, word: str | None = None) -> str | None:
        computed.append((number, word))
        return None if number == 0 else f"{number}{word}"

    limit = 3 if bounded else KEPT_PER_KIND
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(catalog_module, "KEPT_PER_KIND", limit)
        for number, word in asks:
            found = answer_of(fresh, number) if word is None else answer_of(fresh, number, word=word)
            assert found == (None if number == 0 else f"{number}{word}")
    assert computed == _first_asks(asks, limit)
