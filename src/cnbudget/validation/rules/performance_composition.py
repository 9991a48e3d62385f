"""How the funds of a performance target are made up (资金构成): which figures add up to which, and
which are parts of which, as data; and the findings of PERF-009 for one funds record.

Two kinds of relation hold between the figures of a funds record:

* identities, ``total = Σ parts`` (:data:`FUNDS_IDENTITIES`): 年度预算总额 = 财政拨款 + 其他资金 (+ 上年结转资金
  where the form prints it), 项目资金总额 = 财政资金 + 其他资金, …;
* parts of a whole (:data:`FUNDS_WITHIN`): the year's funds are a part of the funds of the project's
  whole life (年度资金申请总额 within 项目资金总额, 当年财政拨款 within 财政资金).

Every part of an identity is also within its total, and "within" is transitive: 当年财政拨款 lies
within 年度资金申请总额, 项目资金总额的财政资金 and 项目资金总额. A part printed larger than a whole it
lies within is one problem, whatever it breaks: one finding names the part and the wholes it exceeds,
and lists the identities it breaks as consequences. An identity broken by no such part is a finding
of its own.

>>> from cnbudget.model import ProjectFunds
>>> funds = ProjectFunds(total="10903043.00", fiscal="11419043.00", carryover="0.00", other="0.00",
...                      project_total="10903043.00", project_fiscal="10903043.00", project_other="0.00")
>>> [(part, wholes) for part, wholes in exceeded(funds)]
[('fiscal', ['total', 'project_fiscal', 'project_total'])]
>>> [identity.describe(funds) for identity in broken(funds)]
['年度预算总额 = 财政拨款 + 上年结转资金 + 其他资金']
"""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal

import attrs

from cnbudget.model import DepartmentFunds, ProjectFunds
from cnbudget.model.fields import zh_label
from cnbudget.money import Consistency, check_sum, sum_agrees
from cnbudget.validation.context import Context, figure
from cnbudget.validation.findings import Finding, Location

__all__ = [
    "FUNDS_IDENTITIES", "FUNDS_WITHIN", "Funds", "FundsIdentity", "annual_budget", "broken", "composition_findings",
    "exceeded",
]


#: A funds record of a performance target.
Funds = ProjectFunds | DepartmentFunds


def _label(record: Funds, name: str) -> str:
    return zh_label(attrs.fields_dict(type(record))[name])


@attrs.frozen
class FundsIdentity:
    """``total = Σ parts`` of a funds record; a part in ``optional`` counts only where the record
    prints it (上年结转资金 is printed by some forms only).

    >>> identity = FundsIdentity(ProjectFunds, "total", ("fiscal", "other"), optional=("carryover",))
    >>> identity.terms(ProjectFunds(total="5", fiscal="4", other="1"))
    ('total', ['fiscal', 'other'])
    >>> identity.terms(ProjectFunds(total="5", fiscal="4"))  # 其他资金 not printed: nothing to check
    """

    record: type[Funds]
    total: str
    parts: tuple[str, ...]
    optional: tuple[str, ...] = ()

    def terms(self, record: Funds) -> tuple[str, list[str]] | None:
        """The total and the parts ``record`` prints, or ``None`` where it does not print them all."""
        if not isinstance(record, self.record):
            return None
        names = [*self.parts[:1], *(name for name in self.optional if getattr(record, name) is not None),
                 *self.parts[1:]]
        if any(getattr(record, name) is None for name in (self.total, *names)):
            return None
        return self.total, names

    def describe(self, record: Funds) -> str:
        """The identity in the record's labels (年度预算总额 = 财政拨款 + 其他资金)."""
        terms = self.terms(record)
        total, names = terms if terms is not None else (self.total, list(self.parts))
        return f"{_label(record, total)} = " + " + ".join(_label(record, name) for name in names)

    def check(self, record: Funds) -> tuple[Decimal, list[Decimal]] | None:
        """The printed total and parts, or ``None`` where the record does not print them all."""
        terms = self.terms(record)
        if terms is None:
            return None
        total, names = terms
        return getattr(record, total), [getattr(record, name) for name in names]


#: ``total = Σ parts`` for the funds records of performance targets (资金构成).
FUNDS_IDENTITIES: tuple[FundsIdentity, ...] = (
    FundsIdentity(ProjectFunds, "total", ("fiscal", "other"), optional=("carryover",)),
    FundsIdentity(ProjectFunds, "project_total", ("project_fiscal", "project_other")),
    FundsIdentity(ProjectFunds, "total", ("gov_budget", "special_account", "agency_funds")),
    FundsIdentity(DepartmentFunds, "total", ("superior", "own", "other")),
    FundsIdentity(DepartmentFunds, "total", ("basic", "project")),
)

#: ``part ≤ whole`` beyond the identities: the year's funds within the project's whole-life funds.
FUNDS_WITHIN: tuple[tuple[type[Funds], str, str], ...] = (
    (ProjectFunds, "total", "project_total"),
    (ProjectFunds, "fiscal", "project_fiscal"),
    (ProjectFunds, "other", "project_other"),
)


def _wholes(record: Funds) -> dict[str, list[str]]:
    """Each field and the printed fields it lies within, directly (see the module text)."""
    edges: dict[str, list[str]] = {}
    for identity in FUNDS_IDENTITIES:
        printed = identity.check(record)
        terms = identity.terms(record)
        if printed is None or terms is None or any(part < 0 for part in printed[1]):
            continue  # with a negative part, another part may exceed the total
        for name in terms[1]:
            edges.setdefault(name, []).append(identity.total)
    for kind, part, whole in FUNDS_WITHIN:
        if isinstance(record, kind) and getattr(record, whole) is not None:
            edges.setdefault(part, []).append(whole)
    return edges


def exceeded(record: Funds) -> Iterator[tuple[str, list[str]]]:
    """Each printed field that is larger, beyond rounding, than wholes it lies within (nearest first)."""
    edges = _wholes(record)
    for part in attrs.fields_dict(type(record)):
        amount = getattr(record, part)
        if amount is None or part not in edges:
            continue
        wholes: list[str] = []
        queue = list(edges[part])
        while queue:
            whole = queue.pop(0)
            if whole not in wholes:
                wholes.append(whole)
                queue.extend(edges.get(whole, []))
        over = [w for w in wholes if amount > getattr(record, w) and not sum_agrees(amount, (getattr(record, w),))]
        if over:
            yield part, over


def broken(record: Funds) -> Iterator[FundsIdentity]:
    """The identities the record prints that do not hold, beyond rounding."""
    for identity in FUNDS_IDENTITIES:
        printed = identity.check(record)
        if printed is not None and not sum_agrees(*printed):
            yield identity


def _involves(identity: FundsIdentity, record: Funds, name: str) -> bool:
    terms = identity.terms(record)
    return terms is not None and (name == terms[0] or name in terms[1])


def composition_findings(ctx: Context, record: Funds, where: str, location: Location) -> Iterator[Finding]:
    """PERF-009 on one funds record: a part larger than its whole (with the identities it breaks),
    then every other identity that does not hold (or holds only within rounding)."""
    explained: list[FundsIdentity] = []
    for part, wholes in exceeded(record):
        amount = getattr(record, part)
        over = "、".join(f"{_label(record, w)} {figure(getattr(record, w))}" for w in wholes)
        message = f"{where}：{_label(record, part)} {figure(amount)} 大于{over}，部分不能大于整体"
        for identity in broken(record):
            if identity not in explained and _involves(identity, record, part):
                explained.append(identity)
                printed = identity.check(record)
                assert printed is not None
                result = check_sum(*printed)
                message += (f"；{identity.describe(record)}也因此不成立（印为 {figure(result.total)}，"
                            f"应为 {figure(result.parts_sum)}）")
        smallest = min(getattr(record, w) for w in wholes)
        yield ctx.finding(message, [attrs.evolve(location, column=part)], expected=smallest, actual=amount)
    for identity in FUNDS_IDENTITIES:
        printed = identity.check(record)
        if printed is None or identity in explained:
            continue
        result = check_sum(*printed)
        if result.status is Consistency.EXACT:
            continue  # what ctx.judge finds nothing in: the words and the place are written only otherwise
        found = ctx.judge(result, where=where, what=identity.describe(record),
                          locations=[attrs.evolve(location, column=identity.total)])
        if found is not None:
            yield found


def annual_budget(funds: DepartmentFunds) -> tuple[str, tuple[Decimal, ...]] | None:
    """The department-wide target's 年度预算 as the form prints it — 资金总额, else its sources, else
    基本支出 + 项目支出 — with the words naming the way; ``None`` where none of them is printed.

    >>> annual_budget(DepartmentFunds(superior=Decimal("2"), own=Decimal("1")))
    ('上级安排 + 本级安排 + 其他资金', (Decimal('2'), Decimal('1')))
    """
    ways = (("资金总额", (funds.total,)),
            ("上级安排 + 本级安排 + 其他资金", (funds.superior, funds.own, funds.other)),
            ("基本支出 + 项目支出", (funds.basic, funds.project)))
    for label, parts in ways:
        printed = tuple(part for part in parts if part is not None)
        if printed:
            return label, printed
    return None
