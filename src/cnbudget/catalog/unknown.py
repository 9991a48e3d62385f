"""Explaining why a code is not in a catalogue (科目不存在的说明).

The message tells "no such subject exists" (our list at that place is complete) apart from "not
in our data" (it is not), and names the year a code was abolished or introduced when our data
has it for other years.

>>> import cnbudget.catalog as c
>>> print(c.catalog(2024).explain_unknown("2101507"))
2101507 is not in the 2024 catalogue: the list of 项 under 21015 医疗保障管理事务 is complete, \
so no such subject exists
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from cnbudget.catalog.load import CodeRecord
from cnbudget.catalog.subject import AnyCode, Family
from cnbudget.codes import ClassificationCode

if TYPE_CHECKING:
    from cnbudget.catalog.catalog import Catalog

__all__ = ["describe_unknown", "history_phrase"]


def history_phrase(records: Sequence[CodeRecord], year: int) -> str:
    """What the records of a code say about ``year``, e.g. "was abolished after 2018"."""
    untils = [r.until for r in records]
    sinces = [r.since for r in records]
    if all(u is not None and u < year for u in untils):
        return f"was abolished after {max(u for u in untils if u is not None)}"
    if all(s is not None and s > year for s in sinces):
        return f"was introduced in {min(s for s in sinces if s is not None)}"
    spans = ", ".join(f"{r.since or '…'}-{r.until or '…'}" for r in records)
    return f"is not valid in {year} (valid {spans})"


def _label(code: ClassificationCode, records: Sequence[CodeRecord]) -> str:
    latest = max(records, key=lambda r: r.until or 9999)
    return f"{code} {latest.name}"


def describe_unknown(catalog: Catalog, code: AnyCode) -> str:
    """The sentence an ``UnknownCode`` error carries for ``code`` in ``catalog``."""
    family = Family.of(code)
    year = catalog.year
    head = f"{code} is not in the {year} catalogue"
    if family is not Family.FUNCTION:
        head += f" of {family.zh}"
    records = catalog.history(code)
    if records:
        return f"{head}: {_label(code, records)} {history_phrase(records, year)}"
    parent = None
    missing_top: ClassificationCode | None = None
    for ancestor in reversed(code.ancestors):
        parent = catalog.get(ancestor)
        if parent is not None:
            break
        missing_top = ancestor
    level = (missing_top or code).level_zh
    lead = ""
    if missing_top is not None:
        lead = f"neither is {missing_top}"
        missing_records = catalog.history(missing_top)
        if missing_records:
            lead += f" ({_label(missing_top, missing_records)} "
            lead += f"{history_phrase(missing_records, year)})"
        lead += ", and "
    if parent is not None:
        where = f"list of {level} under {parent.label}"
        complete = parent.children_complete
    else:
        where = f"list of {level}"
        complete = catalog.children_complete(None, family=family)
    if complete:
        tail = f"the {where} is complete, so no such subject exists"
    else:
        tail = f"our {where} is not complete: the code may exist but is not in our data"
    message = f"{head}: {lead}{tail}"
    if not catalog.covered:
        message += (
            f" ({year} is not an edition our data covers; nothing is known to be complete there)"
        )
    return message
