"""Project tables indexed by the keys of their names (PERF-013/014), and targets by theirs (PERF-016):
what a name finds by a key is what going through the projects or targets one by one finds, in order."""

from __future__ import annotations

from decimal import Decimal

from hypothesis import given, settings
from hypothesis import strategies as st

from cnbudget.model import ProjectTarget
from cnbudget.validation.rules.performance_coverage import _Pools
from cnbudget.validation.rules.performance_funds import _Pool, _TableProject
from cnbudget.validation.rules.performance_projects import NameKeys, bare_key, by_agency, exact_key, loose_key

# Few pieces, so that names often share a key (years, brackets and spaces the keys drop).
_NAMES = st.lists(st.sampled_from(["综合", "业务费", "2024年", "2023 年", "(", ")", "（部分）", "项目", " "]),
                  max_size=5).map("".join)
_PROJECTS = st.lists(st.builds(_TableProject, name=_NAMES, agency=st.none(),
                               amount=st.integers(0, 9).map(Decimal)), max_size=8)


@settings(max_examples=300)
@given(_PROJECTS, _NAMES)
def test_projects_found_by_a_key_are_those_with_that_key_in_the_tables_order(
        projects: list[_TableProject], name: str) -> None:
    pool = _Pool(NameKeys(), projects)
    assert pool.projects is projects
    for index, key_of in ((pool.by_exact, exact_key), (pool.by_loose, loose_key), (pool.by_bare, bare_key)):
        assert index.get(key_of(name), []) == [p for p in projects if key_of(p.name) == key_of(name)]


def test_a_bracketed_note_and_a_year_find_the_same_project() -> None:
    plain = _TableProject(name="综合业务费", agency=None, amount=Decimal(1))
    noted = _TableProject(name="2024年综合业务费(部分)", agency=None, amount=Decimal(2))
    pool = _Pool(NameKeys(), [noted, plain])
    assert pool.by_exact.get("综合业务费") == [plain]
    assert pool.by_bare.get("综合业务费") == [noted, plain]


_TARGET_NAMES = _NAMES.filter(lambda name: bool(name.strip()))
_AGENCIES = st.sampled_from([None, "某局", "某 局", "某中心"])


@settings(max_examples=300)
@given(st.lists(st.tuples(_TARGET_NAMES, _AGENCIES), max_size=6), _TARGET_NAMES, _AGENCIES)
def test_a_project_is_claimed_by_name_where_a_target_of_its_pool_has_its_exact_or_loose_key(
        named: list[tuple[str, str | None]], name: str, agency: str | None) -> None:
    # The pool a project is held against is its agency's targets and those naming none (else all),
    # as a look through every target gathers it; grouped by agency once, every group of it asked.
    targets = [ProjectTarget(project=project, agency=owner) for project, owner in named]
    keys = NameKeys()
    plain_pool = [t for t in targets
                  if agency is None or t.agency is None or exact_key(t.agency) == exact_key(agency)] or targets
    groups = _Pools(keys, targets).of(None if agency is None else keys.exact(agency))
    place = {id(target): index for index, target in enumerate(targets)}
    assert sorted(place[id(t)] for group in groups for t in group.targets) == [place[id(t)] for t in plain_pool]
    by_name = any(exact_key(t.project) == exact_key(name) or loose_key(t.project) == loose_key(name)
                  for t in plain_pool)
    assert any(keys.exact(name) in group.exact or keys.loose(name) in group.loose for group in groups) == by_name


@settings(max_examples=300)
@given(st.lists(st.builds(_TableProject, name=_NAMES, agency=_AGENCIES, amount=st.just(Decimal(1))), max_size=8),
       _AGENCIES)
def test_a_targets_projects_are_its_agencys_in_the_tables_order(
        projects: list[_TableProject], agency: str | None) -> None:
    # PERF-013/014 look for a target among the projects of its agency (naming one), else all of them.
    keys = NameKeys()
    plain = [p for p in projects if agency is not None and p.agency is not None
             and exact_key(p.agency) == exact_key(agency)] or projects
    of_agency = by_agency(keys, projects, lambda project: project.agency)
    mine = of_agency.get(keys.exact(agency)) if agency is not None else None
    assert [id(p) for p in mine or projects] == [id(p) for p in plain]
