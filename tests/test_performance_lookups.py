"""What the performance rules look up again and again, answered from tables made once: the framework's
spellings of a 二级指标 (made at import) and the measures of the printed units (once per run), held
to the plain way of finding them."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from cnbudget.model import BudgetDisclosure
from cnbudget.target_units import measure_of
from cnbudget.text import normalize_width, squeeze_spaces
from cnbudget.validation.context import Context
from cnbudget.validation.rules import RULES
from cnbudget.validation.rules.performance_common import unit_measures
from cnbudget.validation.rules.performance_framework import _VARIANTS, FRAMEWORK, _named
from cnbudget.validation.run_cache import RunCache

_NAMES = sorted({name for names in FRAMEWORK.values() for name in names} | set(FRAMEWORK) | set(_VARIANTS)
                | {"履职效能", "满意度", "数量", "服务对象满意度"})


def _plain_named(level2: str) -> tuple[str, ...]:
    """The framework's spellings of a 二级指标, found by reading the whole framework each time."""
    def stem(name: str) -> str:
        text = squeeze_spaces(normalize_width(name)).removesuffix("指标")
        return _VARIANTS.get(text, text)
    return tuple(name for names in FRAMEWORK.values() for name in names if stem(name) == stem(level2))


@settings(max_examples=200)
@given(st.sampled_from(_NAMES), st.sampled_from(["", " ", "指标", " 指标", "　"]), st.integers(0, 3))
def test_the_spellings_of_a_level2_are_those_the_framework_gives(name: str, suffix: str, space_at: int) -> None:
    printed = (name[:space_at] + " " + name[space_at:] if space_at else name) + suffix
    assert _named(printed) == _plain_named(printed)


def test_every_framework_level2_has_its_own_spelling() -> None:
    for names in FRAMEWORK.values():
        for name in names:
            assert name in _named(name)


def _context(cache: RunCache) -> Context:
    return Context(doc=BudgetDisclosure(department="某局", fiscal_year=2024), catalog=None, rule=RULES["PERF-005"],
                   cache=cache)


@given(st.lists(st.sampled_from(["万元", "元", "%", "‰", "人", "万人", "个 月", "元/人/年", "", None, "次"]),
                max_size=8))
def test_a_runs_unit_measures_are_measure_of(units: list[str | None]) -> None:
    cache = RunCache()
    read_unit = unit_measures(_context(cache))
    assert [read_unit(unit) for unit in units] == [measure_of(unit) for unit in units]
    assert unit_measures(_context(cache)) is read_unit  # one reader for every rule of the run
    assert unit_measures(_context(RunCache())) is not read_unit  # and none kept beyond it
