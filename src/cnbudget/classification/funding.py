"""The vocabulary of funding sources as documents print them (资金来源名称).

Each :class:`~cnbudget.vocab.FundingSource` has the name the standard tables print and the
other names documents use for it (一般公共预算拨款, 财政专户核拨, …).

>>> import cnbudget.classification as c
>>> sources = c.catalog(2024).funding_sources
>>> sources.lookup("财政专户核拨")
<FundingSource.SPECIAL_ACCOUNT: 'special_account'>
>>> sources.lookup("上级一般公共预算安排的转移支付")
<FundingSource.GENERAL_TRANSFER: 'general_transfer'>
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

import attrs

from cnbudget.classification.load import FundingRecord
from cnbudget.classification.names import normalise_name
from cnbudget.errors import UnknownName
from cnbudget.vocab import FundingSource

__all__ = ["FundingSourceEntry", "FundingVocabulary"]


@attrs.frozen(kw_only=True)
class FundingSourceEntry:
    """A funding source with its printed name, parent and known variant names.

    >>> entry = FundingSourceEntry(source=FundingSource.CARRYOVER, name="上年结转结余",
    ...                            parent=None, variants=("上年结转",))
    >>> entry.names
    ('上年结转结余', '上年结转')
    """

    source: FundingSource = attrs.field(metadata={"zh": "资金来源"})
    name: str = attrs.field(metadata={"zh": "名称"})
    parent: FundingSource | None = attrs.field(metadata={"zh": "上级来源"})
    variants: tuple[str, ...] = attrs.field(default=(), metadata={"zh": "常见写法"})

    @property
    def names(self) -> tuple[str, ...]:
        """The printed name followed by the variants."""
        return (self.name, *self.variants)


class FundingVocabulary:
    """The funding-source entries in document order, looked up by printed name.

    >>> vocabulary = FundingVocabulary([])
    >>> vocabulary.lookup("一般财力") is None
    True
    """

    def __init__(self, records: Iterable[FundingRecord]) -> None:
        self._entries = tuple(
            FundingSourceEntry(
                source=r.source, name=r.name, parent=r.parent, variants=r.variants
            )
            for r in records
        )
        self._by_name = {
            normalise_name(name): entry.source for entry in self._entries for name in entry.names
        }

    def lookup(self, printed: str) -> FundingSource | None:
        """The source a printed name stands for, or ``None`` if the name is not known."""
        return self._by_name.get(normalise_name(printed))

    def entry(self, source: FundingSource) -> FundingSourceEntry:
        """The entry of a source (:class:`~cnbudget.errors.UnknownName`, a ``KeyError``, if the vocabulary lacks it)."""
        for entry in self._entries:
            if entry.source is source:
                return entry
        raise UnknownName(f"the vocabulary has no entry for {source!r}")

    def __iter__(self) -> Iterator[FundingSourceEntry]:
        return iter(self._entries)

    def __len__(self) -> int:
        return len(self._entries)
