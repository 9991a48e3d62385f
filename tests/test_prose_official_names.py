"""A name written with its levels (类款项名称) that is the official name of exactly one subject below
the one before is placed without the catalogue's search: the code found is the one the search alone
finds, for every subject of every catalogue and for names the search must decide (variants, former
names, names cut short, names of no subject)."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from cnbudget.classification import COVERED_YEARS, Catalog, catalog
from cnbudget.classification.names import MatchKind
from cnbudget.classification.subject import Family, Subject
from cnbudget.codes import FunctionCode
from cnbudget.readers.prose.function_names import Levels, _code_in

_BEST = (MatchKind.EXACT, MatchKind.NORMALISED)
_LEVELS = ("类", "款", "项")


def _searched(found: Catalog, names: Levels) -> FunctionCode | None:
    """The code of ``names`` found by the catalogue's search at every level (the plain way)."""
    parent: Subject | None = None
    for depth, (_, name) in enumerate(names, start=1):
        under = parent.code if parent is not None else None
        candidates = [s for s in found.find(name, under=under) if s.code.level == depth]
        if len(candidates) > 1:
            candidates = [s for s in candidates if found.match_name(s.code, name).kind in _BEST] or candidates
        parent = candidates[0] if len(candidates) == 1 else None
        if parent is None:
            return None
    code = parent.code if parent is not None else None
    return code if isinstance(code, FunctionCode) else None


def _chains(found: Catalog) -> list[tuple[Levels, Subject]]:
    """Every function subject with the official names of its path, as the narrative writes them."""
    chains = []
    for subject in found.subjects(Family.FUNCTION):
        path = [*subject.code.ancestors, subject.code]
        if not all(code in found for code in path):
            continue
        names = tuple((_LEVELS[i], found[code].name) for i, code in enumerate(path))
        chains.append((names, subject))
    return chains


def test_every_official_path_is_placed_as_the_search_places_it() -> None:
    compared = 0
    for year in COVERED_YEARS:
        found = catalog(year)
        for names, _ in _chains(found):
            assert _code_in(found, names) == _searched(found, names), (year, names)
            compared += 1
    assert compared > 1000  # the catalogues were there to compare


def test_variants_and_former_names_are_placed_as_the_search_places_them() -> None:
    for year in COVERED_YEARS:
        found = catalog(year)
        for names, subject in _chains(found):
            others = [*subject.variants, *(former.name for former in subject.former_names), subject.name[:-1]]
            for other in others:
                written = (*names[:-1], (names[-1][0], other))
                assert _code_in(found, written) == _searched(found, written), (year, written)


def test_a_name_shared_by_two_subjects_under_one_parent_is_left_to_the_search() -> None:
    # 行政运行 is the name of one 项 under each 款; under a 类 the search finds none at the 款's level.
    found = catalog(2024)
    names: Levels = (("类", "一般公共服务支出"), ("款", "行政运行"))
    assert _code_in(found, names) is None
    assert _searched(found, names) is None
    assert _code_in(found, (("类", "卫生健康支出"), ("款", "医疗保障管理事务"), ("项", "行政运行"))) == \
        FunctionCode("2101501")


_NAME_PARTS = st.sampled_from([
    "一般公共服务支出", "卫生健康支出", "医疗保障管理事务", "行政运行", "一般行政管理事务", "事业运行",
    "其他", "支出", "（", "）", " ", "教育", "社会保障和就业支出", "行政事业单位养老支出",
    "机关事业单位基本养老保险缴费支出",
    "住房保障支出", "住房改革支出", "住房公积金", "科学技术支出", "政协事务", "机关服务",
])


@settings(max_examples=300, deadline=None)
@given(st.lists(st.lists(_NAME_PARTS, min_size=1, max_size=3).map("".join), min_size=1, max_size=3),
       st.sampled_from(COVERED_YEARS))
def test_any_names_are_placed_as_the_search_places_them(parts: list[str], year: int) -> None:
    names = tuple(zip(_LEVELS, parts, strict=False))
    found = catalog(year)
    assert _code_in(found, names) == _searched(found, names)
