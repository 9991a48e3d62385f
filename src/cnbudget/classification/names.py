"""Comparing printed subject names with the catalogue (科目名称比对).

Documents print names with full-width or half-width brackets, with spaces left by PDF
extraction, in known variant forms, under names an earlier edition used, or cut short where a
table cell breaks across pages. :func:`match_subject_name` sorts a printed name into one of those
cases (:class:`MatchKind`) so that validation can report wrong and obsolete names precisely.

>>> normalise_name(" 维修(护) 费 ") == normalise_name("维修（护）费")
True
>>> MatchKind.TRUNCATED.zh
'截断'
"""

from __future__ import annotations

from collections.abc import Iterable

import attrs

from cnbudget.classification.subject import AnyCode, FormerName, Subject
from cnbudget.labelled import LabelledEnum, labelled
from cnbudget.text import normalize_width, squeeze_spaces

__all__ = [
    "MIN_TRUNCATED_LENGTH",
    "MatchKind",
    "NameMatch",
    "is_truncation",
    "match_subject_name",
    "normalise_name",
]

# Shorter prefixes ("其他", "行政") say too little to stand for a name.
MIN_TRUNCATED_LENGTH = 4


def normalise_name(text: str) -> str:
    """The form names are compared in: half-width punctuation, no white space.

    >>> normalise_name("中医（民族医） 药专项")
    '中医(民族医)药专项'
    """
    return squeeze_spaces(normalize_width(text))


class MatchKind(LabelledEnum):
    """How a printed name relates to the official name of a code (名称比对结果).

    >>> import cnbudget.classification as c
    >>> c.catalog(2024).match_name("205", "教育").kind.zh
    '已知变体'
    """

    EXACT = labelled("exact", "完全一致")
    NORMALISED = labelled("normalised", "规范化后一致")
    VARIANT = labelled("variant", "已知变体")
    FORMER = labelled("former", "曾用名")
    TRUNCATED = labelled("truncated", "截断")
    MISMATCH = labelled("mismatch", "不一致")


@attrs.frozen(kw_only=True)
class NameMatch:
    """The result of comparing a printed name with the catalogue name of a code.

    ``former`` is the former name matched (kind ``FORMER``); ``belongs_to`` lists, for a
    mismatch, the codes at the same level whose name the printed one is.

    >>> import cnbudget.classification as c
    >>> m = c.catalog(2024).match_name("210", "医疗卫生与计划生育支出")
    >>> m.kind, m.ok, m.obsolete, m.former.until
    (<MatchKind.FORMER: 'former'>, True, True, 2018)
    """

    kind: MatchKind = attrs.field(metadata={"zh": "比对结果"})
    code: AnyCode = attrs.field(metadata={"zh": "科目编码"})
    printed: str = attrs.field(metadata={"zh": "列示名称"})
    official: str = attrs.field(metadata={"zh": "规范名称"})
    year: int = attrs.field(metadata={"zh": "年度"})
    former: FormerName | None = attrs.field(default=None, metadata={"zh": "曾用名"})
    belongs_to: tuple[AnyCode, ...] = attrs.field(default=(), metadata={"zh": "对应科目"})

    @property
    def ok(self) -> bool:
        """Whether the printed name names this code at all (anything but a mismatch)."""
        return self.kind is not MatchKind.MISMATCH

    @property
    def obsolete(self) -> bool:
        """Whether the printed name is one an earlier edition used."""
        return self.kind is MatchKind.FORMER

    def describe(self) -> str:
        """One sentence for people.

        >>> import cnbudget.classification as c
        >>> print(c.catalog(2024).match_name("209", "医疗卫生与计划生育支出").describe())
        '医疗卫生与计划生育支出' is not the name of 209 社会保险基金支出 in 2024; it names 210
        """
        subject = f"{self.code} {self.official}"
        if self.kind is MatchKind.EXACT:
            return f"'{self.printed}' is the name of {self.code}"
        if self.kind is MatchKind.NORMALISED:
            return f"'{self.printed}' is the name of {subject}, printed differently"
        if self.kind is MatchKind.VARIANT:
            return f"'{self.printed}' is a known variant of the name of {subject}"
        if self.kind is MatchKind.TRUNCATED:
            return f"'{self.printed}' is the name of {subject} cut short"
        if self.kind is MatchKind.FORMER and self.former is not None:
            return (
                f"'{self.printed}' is a former name of {self.code} ({self.former.years}); "
                f"its {self.year} name is {self.official}"
            )
        sentence = f"'{self.printed}' is not the name of {subject} in {self.year}"
        if self.belongs_to:
            sentence += "; it names " + ", ".join(str(c) for c in self.belongs_to)
        return sentence


def is_truncation(printed: str, official: str, siblings: Iterable[str]) -> bool:
    """Whether ``printed`` is ``official`` cut short: a proper prefix of at least
    :data:`MIN_TRUNCATED_LENGTH` characters that starts no other name among ``siblings``.

    All three are compared normalised.

    >>> is_truncation("其他医疗保障管理事务支", "其他医疗保障管理事务支出", ["行政运行"])
    True
    >>> is_truncation("其他", "其他医疗保障管理事务支出", [])
    False
    """
    short, full = normalise_name(printed), normalise_name(official)
    if len(short) < MIN_TRUNCATED_LENGTH or len(short) >= len(full) or not full.startswith(short):
        return False
    return not any(
        normalise_name(other).startswith(short)
        for other in siblings
        if normalise_name(other) != full
    )


def match_subject_name(
    subject: Subject, printed: str, *, year: int, siblings: Iterable[Subject]
) -> NameMatch:
    """Compare ``printed`` with ``subject``; ``siblings`` are the subjects under the same parent.

    The mismatch case leaves ``belongs_to`` empty; the catalogue fills it in.
    """
    key = normalise_name(printed)

    def result(kind: MatchKind, former: FormerName | None = None) -> NameMatch:
        return NameMatch(
            kind=kind,
            code=subject.code,
            printed=printed,
            official=subject.name,
            year=year,
            former=former,
        )

    if printed == subject.name:
        return result(MatchKind.EXACT)
    if key == normalise_name(subject.name):
        return result(MatchKind.NORMALISED)
    if any(key == normalise_name(v) for v in subject.variants):
        return result(MatchKind.VARIANT)
    for former in subject.former_names:
        if key == normalise_name(former.name):
            return result(MatchKind.FORMER, former)
    if is_truncation(printed, subject.name, (s.name for s in siblings)):
        return result(MatchKind.TRUNCATED)
    return result(MatchKind.MISMATCH)
