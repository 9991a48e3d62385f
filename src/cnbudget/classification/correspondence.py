"""The published correspondence from 部门 to 政府 economic codes (经济分类对应关系).

Since 财预〔2017〕98号 every 部门预算支出经济分类 款 has a 政府预算支出经济分类 款, and for
basic spending the answer depends on the kind of agency: a 行政 or 参公 agency's 30101 基本工资
is 50101 工资奖金津补贴, an institution's (事业) is 50501 工资福利支出.

>>> import cnbudget.classification as c
>>> from cnbudget.vocab import AgencyKind
>>> table = c.catalog(2024).correspondence
>>> [str(g) for g in table.lookup(EconomicCode("30101"), AgencyKind.INSTITUTION)]
['50501']
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable

from cnbudget.classification.load import CorrespondenceRecord
from cnbudget.codes import EconomicCode, GovEconomicCode
from cnbudget.vocab import AgencyKind

__all__ = ["Correspondence"]


class Correspondence:
    """Look-up of the 政府 economic code for a 部门 economic code and a kind of agency.

    Rows for a particular kind win over rows that apply to every kind.

    >>> from cnbudget.vocab import AgencyKind
    >>> table = Correspondence([])
    >>> table.lookup(EconomicCode("30101"), AgencyKind.ADMINISTRATIVE)
    ()
    """

    def __init__(self, records: Iterable[CorrespondenceRecord]) -> None:
        self._specific: dict[tuple[EconomicCode, AgencyKind], list[GovEconomicCode]] = (
            defaultdict(list)
        )
        self._general: dict[EconomicCode, list[GovEconomicCode]] = defaultdict(list)
        for record in records:
            if record.kinds:
                for kind in record.kinds:
                    self._specific[(record.economic, kind)].append(record.gov_economic)
            else:
                self._general[record.economic].append(record.gov_economic)

    def lookup(self, economic: EconomicCode, kind: AgencyKind) -> tuple[GovEconomicCode, ...]:
        """The 政府 codes the row gives for ``economic`` and ``kind`` (empty when unknown)."""
        found = self._specific.get((economic, kind)) or self._general.get(economic, [])
        return tuple(found)

    def kinds_for(self, economic: EconomicCode) -> dict[AgencyKind, tuple[GovEconomicCode, ...]]:
        """Every kind of agency with the 政府 codes it maps ``economic`` to."""
        return {kind: found for kind in AgencyKind if (found := self.lookup(economic, kind))}

    def __len__(self) -> int:
        return len(self._general) + len(self._specific)
