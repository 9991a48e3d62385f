"""Statements that belong together (说明中的总数与分项): a total and the parts the text lists under it.

``收入预算 3,166.28 万元，其中：一般公共预算 2,022.69 万元，占 63.88%；……`` states a total (the *lead*:
the nearest statement before, under the same heading, with an amount and no share) and parts, each
with its share of it. Parts whose shares add up to 100 % (each share read as the interval it
rounds) are all the parts of one whole. Some totals have parts by definition: the "三公" total and its
items, 基本支出 and 人员经费/公用经费, a total and its 基本支出/项目支出 (and 单位预留机动经费, in
Jiangsu), the carryover and its 财政拨款/非财政拨款 parts.

>>> from cnbudget.model import BudgetDisclosure, Statement
>>> from cnbudget.validation.rules.narrative_statements import placed
>>> doc = BudgetDisclosure(department="某局", fiscal_year=2024, statements=[
...     Statement(section="三、支出预算情况说明", subject="支出预算", amount="3.00"),
...     Statement(section="三、支出预算情况说明", subject="基本支出", amount="1.00", share="33.33"),
...     Statement(section="三、支出预算情况说明", subject="项目支出", amount="2.00", share="66.67")])
>>> [(d.total.subject, [p.subject for p in d.parts]) for d in decompositions(placed(doc))]
[('支出预算', ['基本支出', '项目支出'])]
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator, Sequence
from decimal import Decimal

import attrs

from cnbudget.money import Interval
from cnbudget.validation.rules.narrative_statements import Placed, Topic, runs
from cnbudget.validation.rules.narrative_tables import three_public_item

__all__ = ["Decomposition", "ShareGroup", "decompositions", "lead_of", "share_groups"]

_HUNDRED = Decimal(100)
_NOTHING = Interval(Decimal(0), Decimal(0))
_NUMBERED_ITEM = re.compile(r"^\s*\d{1,2}\s*[、.．]")
# Jiangsu: a total is 基本支出 + 项目支出 + 单位预留机动经费.
_RESERVE = re.compile(r"预留机动")


def _is_lead(item: Placed) -> bool:
    statement = item.statement
    return statement.share is None and statement.amount is not None and statement.amount != 0


def _numbered(item: Placed) -> bool:
    return bool(_NUMBERED_ITEM.match(item.statement.text or ""))


def lead_of(run: Sequence[Placed], item: Placed, *, parts: tuple[str, ...] = (), listed: bool = False) -> Placed | None:
    """The total ``item`` is listed under: the nearest earlier statement of the run with a nonzero
    amount and no share (``X 未安排`` and other zeros are parts, not totals), passing over the
    statements whose subjects are among ``parts`` (the other parts of a known split); with
    ``listed``, passing over the items of a numbered list ``item`` is not one of
    (``3．住房保障支出 …。此外，基本支出 …``: a sibling listed before, not the total)."""
    earlier = [other for other in run if other.index < item.index and other.subject not in parts]
    return next((other for other in reversed(earlier) if _is_lead(other)
                 and not (listed and _numbered(other) and not _numbered(item))), None)


@attrs.frozen(kw_only=True)
class ShareGroup:
    """The statements of one run that give their share of the same lead (or of no stated lead)."""

    lead: Placed | None
    parts: tuple[Placed, ...]
    run: tuple[Placed, ...]

    @property
    def shares(self) -> list[Decimal]:
        """The stated shares, in percent."""
        return [part.statement.share for part in self.parts if part.statement.share is not None]

    @property
    def exhaustive(self) -> bool:
        """Whether the shares can add up to 100 % once each is read as the interval it rounds."""
        total = functools.reduce(Interval.__add__, map(Interval.of_printed, self.shares), _NOTHING)
        return total.contains(_HUNDRED)

    @property
    def printed_hundred(self) -> bool:
        """Whether the printed shares add up to exactly 100 (as authors adjust the last digit to make)."""
        return sum(self.shares, Decimal(0)) == _HUNDRED

    @property
    def amount(self) -> Decimal:
        """The parts' amounts added up."""
        return sum((part.statement.amount or Decimal(0) for part in self.parts), Decimal(0))


def share_groups(items: Sequence[Placed]) -> Iterator[ShareGroup]:
    """Every group of statements stating a share and an amount, by run and lead."""
    for run in runs(items):
        groups: dict[int | None, list[Placed]] = {}
        leads: dict[int | None, Placed | None] = {}
        for item in run:
            if item.statement.share is None or item.statement.amount is None:
                continue
            lead = lead_of(run, item)
            key = lead.index if lead is not None else None
            groups.setdefault(key, []).append(item)
            leads[key] = lead
        for key, parts in groups.items():
            yield ShareGroup(lead=leads[key], parts=tuple(parts), run=tuple(run))


@attrs.frozen(kw_only=True)
class Decomposition:
    """A stated total and the stated parts it is the sum of, and how the text says so."""

    total: Placed
    parts: tuple[Placed, ...]
    led: bool = False  # the total is the statement the parts are listed under, not named as theirs

    @property
    def identity(self) -> str:
        """The identity in the text's words: ``“支出预算” = “基本支出” + “项目支出”``."""
        return f"“{self.total.statement.subject}” = " + " + ".join(f"“{p.statement.subject}”" for p in self.parts)


def _first(run: Sequence[Placed], after: Placed, wanted: str) -> Placed | None:
    return next((item for item in run if item.index > after.index and item.subject == wanted
                 and item.statement.amount is not None), None)


def _three_public(run: Sequence[Placed]) -> Iterator[Decomposition]:
    if not any(item.topic is Topic.THREE_PUBLIC or "三公" in item.subject for item in run):
        return
    total = next((item for item in run if three_public_item(item.subject) == "total"
                  and item.statement.amount is not None), None)
    if total is None:
        return
    items: dict[str, Placed] = {}
    for item in run:
        field = three_public_item(item.subject)
        if item.index > total.index and field not in (None, "total") and item.statement.amount is not None:
            items.setdefault(field, item)
    vehicles = items.get("vehicles")
    purchase, operation = items.get("vehicle_purchase"), items.get("vehicle_operation")
    if vehicles is not None and purchase is not None and operation is not None:
        yield Decomposition(total=vehicles, parts=(purchase, operation))
    cars = (vehicles,) if vehicles is not None else (purchase, operation)
    parts = (items.get("overseas_travel"), *cars, items.get("reception"))
    if all(part is not None for part in parts):
        yield Decomposition(total=total, parts=tuple(p for p in parts if p is not None))


def _named(run: Sequence[Placed], total: Placed | None, *names: str, led: bool = False) -> Iterator[Decomposition]:
    if total is None:
        return
    parts = [_first(run, total, name) for name in names]
    if all(part is not None for part in parts):
        yield Decomposition(total=total, parts=tuple(p for p in parts if p is not None), led=led)


def _by_definition(run: Sequence[Placed]) -> Iterator[Decomposition]:
    def bare(item: Placed) -> str:
        return item.subject.removeprefix("一般公共预算")

    basic = next((item for item in run if bare(item) == "基本支出" and item.statement.amount is not None), None)
    if basic is not None:
        yield from _named(run, basic, "人员经费", "公用经费")
        yield from _named(run, basic, "人员经费", "日常公用经费")
        if any(bare(item) == "项目支出" for item in run):
            project = next(item for item in run if bare(item) == "项目支出")
            reserve = next((item for item in run if item.index > project.index and _RESERVE.search(item.subject)
                            and item.statement.amount is not None), None)
            lead = lead_of(run, basic, parts=("财政拨款", "非财政拨款"), listed=True)
            if lead is not None and project.statement.amount is not None and project.index > basic.index:
                parts = (basic, project) if reserve is None else (basic, project, reserve)
                yield Decomposition(total=lead, parts=parts, led=True)
    fiscal = next((item for item in run if item.topic is Topic.CARRYOVER and item.subject == "财政拨款"), None)
    if fiscal is not None:
        yield from _named(run, lead_of(run, fiscal), "财政拨款", "非财政拨款", led=True)


def decompositions(items: Sequence[Placed]) -> Iterator[Decomposition]:
    """Every stated total with the stated parts it must equal the sum of (each once); figures of
    another year (决算, 上年) are left out."""
    seen: set[tuple[int, tuple[int, ...]]] = set()
    found: list[Decomposition] = []
    for run in runs(items):
        this_year = [item for item in run if not item.past]
        found += [*_three_public(this_year), *_by_definition(this_year)]
    found += [Decomposition(total=group.lead, parts=group.parts, led=True)
              for group in share_groups(items) if group.lead is not None and group.exhaustive]
    for decomposition in found:
        key = (decomposition.total.index, tuple(sorted(part.index for part in decomposition.parts)))
        if key not in seen:
            seen.add(key)
            yield decomposition
