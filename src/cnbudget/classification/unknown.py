"""Explaining why a code is not in a catalogue (科目不存在的说明).

The message tells "no such subject exists" (our list at that place is complete) apart from "not
in our data" (it is not), and names the year a code was abolished or introduced when our data
has it for other years.

>>> import cnbudget.classification as c
>>> print(c.catalog(2024).explain_unknown("2101507"))
2101507 is not in the 2024 catalogue: the list of 项 under 21015 医疗保障管理事务 is complete, \
so no such subject exists
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from cnbudget.classification.load import CodeRecord
from cnbudget.classification.subject import AnyCode, Family
from cnbudget.codes import ClassificationCode

if TYPE_CHECKING:
    from cnbudget.classification.catalog import Catalog

__all__ = ["describe_unknown", "history_phrase"]


def history_phrase(records: Sequence[CodeRecord], year: int) -> str:
    """What the records of a code say about ``year``, e.g. "was abolished after 2018".

    A boundary our data does not vouch for (``until_verified``/``since_verified`` false) is
    told as what it is, so that the code may still exist in ``year``.

    >>> from cnbudget.codes import FunctionCode
    >>> row = CodeRecord(code=FunctionCode("2040410"), name="检察监督", since=2019,
    ...                  since_verified=False)
    >>> history_phrase([row], 2018)
    'is in our data from 2019 on; earlier editions are not verified, so it may exist in 2018'
    """
    before = [r for r in records if r.until is not None and r.until < year]
    after = [r for r in records if r.since is not None and r.since > year]
    last = max(before, key=lambda r: r.until or 0) if before else None
    first = min(after, key=lambda r: r.since or 0) if after else None
    if last is not None and len(before) == len(records):
        if last.until_verified:
            return f"was abolished after {last.until}"
        return (
            f"is in our data until {last.until}; later editions are not verified, "
            f"so it may exist in {year}"
        )
    if first is not None and len(after) == len(records):
        if first.since_verified:
            return f"was introduced in {first.since}"
        return (
            f"is in our data from {first.since} on; earlier editions are not verified, "
            f"so it may exist in {year}"
        )
    spans = ", ".join(f"{r.since or '…'}-{r.until or '…'}" for r in records)
    phrase = f"is not valid in {year} (valid {spans})"
    if (last is not None and not last.until_verified) or (
        first is not None and not first.since_verified
    ):
        phrase += f"; the editions around {year} are not verified, so it may exist then"
    return phrase


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
