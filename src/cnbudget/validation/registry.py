"""Rules (检查规则): each with its stable id, Chinese title, family, default severity and the identity
it checks (its docstring).

A rule is a function from a :class:`~cnbudget.validation.context.Context` to findings, made a
:class:`Rule` by the decorator :func:`rule`. ``requires`` names what the rule reads (table keys, or
``performance``, ``statements``, ``other_matters``, ``staffing``, ``contents``); when any of it is
absent from a document, the rule does not run. Which rules the library runs is an explicit list,
``cnbudget.validation.rules.ALL_RULES``: defining a rule registers nothing, so a test or a user can run
rules of their own (``validate(doc, rules=[my_rule])``) without touching any global.
"""

from __future__ import annotations

import inspect
from collections.abc import Callable, Iterable, Iterator, Mapping
from types import MappingProxyType, ModuleType
from typing import TYPE_CHECKING

import attrs

from cnbudget.errors import UnknownName
from cnbudget.validation.findings import Finding, Severity

if TYPE_CHECKING:
    from cnbudget.model import BudgetDisclosure
    from cnbudget.validation.context import Context

__all__ = ["FAMILIES", "Rule", "by_id", "rule", "rules_in", "select_rules"]

#: The families of rules (规则类别): id prefix → Chinese and English name.
FAMILIES: dict[str, tuple[str, str]] = {
    "HIER": ("层级汇总", "hierarchy: 类 = Σ款 = Σ项, subtotals and totals"),
    "ROW": ("行内关系", "row identities: 合计 = 基本支出 + 项目支出 …"),
    "XTAB": ("表间一致", "cross-table: a quantity printed twice agrees"),
    "CAT": ("科目目录", "catalogue: codes exist, names are official"),
    "NARR": ("说明文字", "narrative: stated figures agree with the tables"),
    "COMP": ("完整性", "completeness: required and announced tables are present"),
    "PERF": ("绩效目标", "performance targets"),
    "READ": ("读取", "reading: what could not be read was not checked"),
    "TEXT": ("文字质量", "text quality: placeholders, years, template leftovers, repeated words, units, names"),
}

Check = Callable[["Context"], Iterable[Finding]]


@attrs.frozen(kw_only=True)
class Rule:
    """A registered rule (检查规则)."""

    # Checked here, once, so that the rule's findings can be built without checking them again.
    id: str = attrs.field(validator=attrs.validators.instance_of(str))
    title: str  # Chinese title
    family: str
    # Of a finding that is not merely rounding.
    severity: Severity = attrs.field(validator=attrs.validators.instance_of(Severity))
    check: Check = attrs.field(repr=False)
    requires: tuple[str, ...] = ()
    title_en: str | None = None  # English title, where the rule gives one

    def __call__(self, ctx: Context) -> Iterable[Finding]:
        """The rule's findings in the context given (the decorated function, called)."""
        return self.check(ctx)

    @property
    def doc(self) -> str:
        """The identity the rule checks, from its docstring."""
        return inspect.cleandoc(self.check.__doc__ or "")

    def applies_to(self, doc: BudgetDisclosure) -> bool:
        """Whether everything the rule reads is present in ``doc``."""
        return all(_present(doc, need) for need in self.requires)


def _present(doc: BudgetDisclosure, need: str) -> bool:
    if need == "catalog":
        return True  # the engine knows whether a catalogue is at hand
    if hasattr(doc.tables, need):
        return getattr(doc.tables, need) is not None
    value = getattr(doc, need)
    return bool(value) if isinstance(value, tuple) else value is not None


def rule(
    id: str, title: str, *, severity: Severity = Severity.ERROR, requires: Iterable[str] = (),
    en: str | None = None,
) -> Callable[[Check], Rule]:
    """Make the decorated function the rule ``id`` (its family is the id's prefix), with its Chinese
    ``title`` and, where given, its English title ``en``; the function's docstring is the identity."""
    family = id.split("-", 1)[0]
    if family not in FAMILIES:
        raise ValueError(f"rule {id!r}: unknown family {family!r}; known: {', '.join(FAMILIES)}")

    def make(check: Check) -> Rule:
        if not (check.__doc__ or "").strip():
            raise ValueError(f"rule {id!r} needs a docstring stating the identity it checks")
        return Rule(id=id, title=title, family=family, severity=severity, check=check,
                    requires=tuple(requires), title_en=en)

    return make


def rules_in(*modules: ModuleType) -> tuple[Rule, ...]:
    """The rules the modules define, module by module, each in the order it is written."""
    found = [value for module in modules for value in vars(module).values()
             if isinstance(value, Rule) and value.check.__module__ == module.__name__]
    by_id(found)  # refuses a duplicate id
    return tuple(found)


def by_id(rules: Iterable[Rule]) -> Mapping[str, Rule]:
    """The rules by id, read-only; two rules with one id are an error."""
    table: dict[str, Rule] = {}
    for found in rules:
        if found.id in table:
            raise ValueError(f"rule {found.id!r} is defined twice")
        table[found.id] = found
    return MappingProxyType(table)


def select_rules(selection: Iterable[str | Rule] | None, among: Mapping[str, Rule]) -> Iterator[Rule]:
    """The rules named by ids, families (``HIER``) or Rule objects, from ``among`` (a Rule object is
    taken as it is); all of ``among`` for ``None``."""
    if selection is None:
        yield from among.values()
        return
    for item in selection:
        if isinstance(item, Rule):
            yield item
        elif item in among:
            yield among[item]
        elif item in FAMILIES:
            yield from (r for r in among.values() if r.family == item)
        else:
            raise UnknownName(f"no rule or family {item!r}; families: {', '.join(FAMILIES)}")
