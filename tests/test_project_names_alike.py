"""How alike two project names are (:mod:`~cnbudget.validation.rules.performance_projects`): the
comparisons settled from difflib's cheaper bounds are held to the full ratio, worked out pair by pair."""

from __future__ import annotations

import difflib

from hypothesis import given, settings
from hypothesis import strategies as st

from cnbudget.validation.rules import performance_projects
from cnbudget.validation.rules.performance_projects import alike, nearest, similarity

# Few characters, so that names share many of them (the bounds and the ratio then differ), with the
# years and brackets the loose key drops.
_NAMES = st.lists(st.sampled_from(["综合", "业务", "运行", "费", "项目", "2024年", "(", ")", "补助", "经费", " "]),
                  max_size=6).map("".join)


@settings(max_examples=300)
@given(_NAMES, _NAMES, st.sampled_from([0.0, 0.3, 0.4, 0.5, 0.8, 1.0]))
def test_names_alike_are_those_whose_ratio_reaches_the_threshold(a: str, b: str, threshold: float) -> None:
    assert alike(a, b, threshold) == (similarity(a, b) >= threshold)


@settings(max_examples=300)
@given(_NAMES, st.lists(_NAMES, max_size=6))
def test_the_nearest_name_is_the_first_of_the_most_alike(name: str, candidates: list[str]) -> None:
    scores = [similarity(name, candidate) for candidate in candidates]
    expected = candidates[scores.index(max(scores))] if candidates else None
    assert nearest(name, candidates) == expected


@settings(max_examples=500)
@given(_NAMES, _NAMES)
def test_the_bounds_worked_out_without_a_matcher_are_difflibs(a: str, b: str) -> None:
    # nearest and alike settle most pairs by these bounds before making a matcher: each is the float
    # difflib gives, bit for bit (and an order of the two names a matcher would see).
    mine, theirs = performance_projects._loose(a), performance_projects._loose(b)
    matcher = difflib.SequenceMatcher(None, mine, theirs, autojunk=False)
    length = len(mine) + len(theirs)
    assert performance_projects._ratio(min(len(mine), len(theirs)), length) == matcher.real_quick_ratio()
    assert performance_projects._ratio(performance_projects._in_common(mine, theirs), length) == matcher.quick_ratio()
