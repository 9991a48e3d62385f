"""The catalogue of one fiscal year (年度政府收支分类科目) and the cached ``catalog(year)``.

>>> import cnbudget.classification as c
>>> cat = c.catalog(2024)
>>> cat["2101501"].name
'行政运行'
>>> cat.economic("30101").name, cat.gov_economic("50101").name
('基本工资', '工资奖金津补贴')
>>> "2101507" in cat
False
"""

from __future__ import annotations

import functools
from collections import defaultdict
from collections.abc import Callable, Hashable, Iterable, Iterator, Mapping
from typing import Any, Concatenate, ParamSpec, TypeVar, cast

from cnbudget.classification.correspondence import Correspondence
from cnbudget.classification.funding import FundingVocabulary
from cnbudget.classification.load import (
    FIRST_YEAR,
    LAST_YEAR,
    CodeRecord,
    NameRecord,
    Source,
    bundled_dataset,
    read_code_rows,
)
from cnbudget.classification.name_index import NameIndex
from cnbudget.classification.names import MatchKind, NameMatch, match_subject_name, normalise_name
from cnbudget.classification.subject import FAMILIES_BY_CODE_TYPE, AnyCode, Family, FormerName, Subject
from cnbudget.classification.unknown import describe_unknown
from cnbudget.codes import ClassificationCode, EconomicCode
from cnbudget.errors import DataError, InvalidCode, InvalidValue, UnknownCode
from cnbudget.vocab import AgencyKind

__all__ = ["COVERED_YEARS", "KEPT_PER_KIND", "Catalog", "catalog", "load_catalog_csv", "per_catalogue"]

_Answer = TypeVar("_Answer")
_P = ParamSpec("_P")

#: How many answers of one kind a catalogue keeps (:meth:`Catalog.kept`).
KEPT_PER_KIND = 1 << 14
_NOT_KEPT: Any = object()  # no answer kept for a key (an answer may be None)

COVERED_YEARS: tuple[int, ...] = tuple(sorted({e.year for e in bundled_dataset().editions}))
"""The editions of 政府收支分类科目 the bundled data stands for (2017 to 2026).

Covered does not mean complete: ``editions.csv`` says, edition by edition, whether our list of
类 is complete, and each subject whether its list of children is.
"""

CodeLike = str | ClassificationCode
FamilyLike = Family | str

# Better matches first when ``find`` returns several subjects.
_RANK = {
    MatchKind.EXACT: 0,
    MatchKind.NORMALISED: 0,
    MatchKind.VARIANT: 1,
    MatchKind.FORMER: 2,
    MatchKind.TRUNCATED: 3,
}


def _former_names(
    code: AnyCode, earlier: Iterable[CodeRecord], recorded: Iterable[NameRecord], current: str
) -> tuple[FormerName, ...]:
    dated = sorted(earlier, key=lambda r: r.until or 0)
    names = [
        FormerName(name=r.name, since=r.since, until=r.until, note=r.note)
        for r in dated
        if r.name != current
    ]
    names += [
        FormerName(name=n.name, since=n.since, until=n.until, note=n.note)
        for n in recorded
        if n.name != current
    ]
    unique: dict[str, FormerName] = {}
    for former in names:
        unique.setdefault(former.name, former)
    return tuple(unique.values())


def _renamed_from(current: CodeRecord, rows: Iterable[CodeRecord]) -> list[CodeRecord]:
    """The earlier rows of a code that ``current`` continues without a gap (renames).

    A code abolished and later given to another subject (30311 住房公积金 until 2017,
    代缴社会保险费 later) leaves a gap: the old name is no former name of the new subject.
    """
    by_until = {r.until: r for r in rows if r.until is not None}
    chain: list[CodeRecord] = []
    since = current.since
    while since is not None and (before := by_until.get(since - 1)) is not None:
        chain.append(before)
        since = before.since
    return chain


class Catalog:
    """The 政府收支分类 subjects valid in one fiscal year, with what is known around them.

    ``covered`` says whether the year is an edition the data stands for; outside those years
    subjects are the ones our data records as valid, and no list counts as complete.
    Build one with :func:`catalog` (bundled data) or :func:`load_catalog_csv` (your own list).

    >>> import cnbudget.classification as c
    >>> cat = c.catalog(2024)
    >>> cat.year, cat.covered
    (2024, True)
    >>> [s.name for s in cat.children("21011")]
    ['行政单位医疗', '事业单位医疗', '公务员医疗补助', '其他行政事业单位医疗支出']
    """

    def __init__(
        self,
        *,
        year: int,
        records: Iterable[CodeRecord],
        names: Iterable[NameRecord] = (),
        top_complete: Mapping[Family, bool] | None = None,
        checked: Mapping[Family, bool] | None = None,
        covered: bool = True,
        correspondence: Correspondence | None = None,
        funding_sources: FundingVocabulary | None = None,
        source: str = "",
    ) -> None:
        self._year = _check_year(year)
        self._covered = covered
        self._source = source
        self._correspondence = correspondence or Correspondence([])
        self._funding = funding_sources or FundingVocabulary([])
        self._top_complete = {
            family: covered and bool((top_complete or {}).get(family, False)) for family in Family
        }
        # Row flags count only in editions our lists were checked against (all, for user lists).
        lists_checked = {
            family: covered and (checked or {}).get(family, checked is None) for family in Family
        }
        self._history: dict[AnyCode, list[CodeRecord]] = defaultdict(list)
        for record in records:
            self._history[record.code].append(record)
        # Only the variants printed, and the former names given up, by this year count.
        recorded: dict[tuple[AnyCode, str], list[NameRecord]] = defaultdict(list)
        for name in names:
            if name.applies_in(year):
                recorded[(name.code, name.kind)].append(name)
        self._subjects: dict[AnyCode, Subject] = {}
        self._children: dict[tuple[Family, AnyCode | None], list[Subject]] = defaultdict(list)
        current = sorted(
            (r for rows in self._history.values() for r in rows if r.valid_in(year)),
            key=lambda r: (r.code.level, r.code),
        )
        for record in current:
            code = record.code
            parent = self._subjects.get(code.parent) if code.parent is not None else None
            if code.parent is not None and parent is None:
                raise DataError(
                    [(record.origin, f"{code}: its parent {code.parent} is not in the list")]
                )
            earlier = _renamed_from(record, self._history[code])
            subject = Subject(
                code=code,
                name=record.name,
                former_names=_former_names(
                    code, earlier, recorded[(code, "former")], record.name
                ),
                variants=tuple(
                    n.name for n in recorded[(code, "variant")] if n.name != record.name
                ),
                children_complete=lists_checked[Family.of(code)] and record.children_complete,
                parent=parent,
                since=record.since,
                until=record.until,
                note=record.note,
            )
            self._subjects[code] = subject
            self._children[(Family.of(code), code.parent)].append(subject)
        self._name_indexes: dict[Family, NameIndex] = {}  # built on first use, one per family
        self._kept: dict[Hashable, dict[Hashable, Any]] = {}  # answers kept with the catalogue (kept)

    # -- answers kept with the catalogue -----------------------------------------------------

    def kept(self, kind: Hashable, key: Hashable, compute: Callable[[], _Answer]) -> _Answer:
        """The answer of ``kind`` for ``key``, computed by ``compute`` the first time and kept with
        this catalogue (随目录保存): for answers that are a pure function of the catalogue and
        ``key``, which the documents of a year ask again and again (the checks' name matches). Kept
        here, they go with the catalogue, where a cache of the process would keep every catalogue it
        was asked about alive. At most ``KEPT_PER_KIND`` answers of a kind are kept: past that they
        are let go and found again, so a long batch stays bounded.

        >>> cat = catalog(2024)
        >>> cat.kept("name of", "2101501", lambda: cat["2101501"].name)
        '行政运行'
        >>> cat.kept("name of", "2101501", lambda: "not asked again")
        '行政运行'
        """
        answers = self._kept.get(kind)
        if answers is None:
            answers = self._kept.setdefault(kind, {})
        # One look (not ``in`` then ``[]``): another thread may clear the answers between two.
        answer: _Answer = answers.get(key, _NOT_KEPT)
        if answer is not _NOT_KEPT:
            return answer
        answer = compute()
        if len(answers) >= KEPT_PER_KIND:
            answers.clear()
        answers[key] = answer
        return answer

    # -- basic facts --------------------------------------------------------------------------

    @property
    def year(self) -> int:
        """The fiscal year (年度) of the catalogue."""
        return self._year

    @property
    def covered(self) -> bool:
        """Whether the year is an edition the data stands for (see :data:`COVERED_YEARS`)."""
        return self._covered

    @property
    def source(self) -> str:
        """Where the data came from: ``"bundled"`` or the name of the file read."""
        return self._source

    @property
    def correspondence(self) -> Correspondence:
        """The 部门 → 政府 economic correspondence table."""
        return self._correspondence

    @property
    def funding_sources(self) -> FundingVocabulary:
        """The vocabulary of funding sources (资金来源) with their printed names."""
        return self._funding

    def __repr__(self) -> str:
        counts = ", ".join(f"{len(self.subjects(f))} {f.value}" for f in Family)
        return f"<Catalog {self._year} ({counts} subjects{'' if self._covered else ', not covered'})>"

    # -- look-up ------------------------------------------------------------------------------

    @staticmethod
    def _code(code: CodeLike, family: FamilyLike | None = None) -> AnyCode:
        own = FAMILIES_BY_CODE_TYPE.get(type(code))
        if own is not None and (family is None or family is own):
            return cast(AnyCode, code)  # a code of the family asked for is its own key: codes are immutable
        if isinstance(code, ClassificationCode) and family is None:
            return Family.of(code).parse(code)
        return Family.coerce(family or Family.FUNCTION).parse(code)

    def subject(self, code: CodeLike, family: FamilyLike | None = None) -> Subject:
        """The subject of a code; text is read in ``family`` (function codes by default).

        Raises ``UnknownCode`` (a ``KeyError``) saying whether the code may exist, and
        ``InvalidCode`` for text that cannot be a code of the family.
        """
        parsed = self._code(code, family)
        found = self._subjects.get(parsed)
        if found is None:
            raise UnknownCode(describe_unknown(self, parsed))
        return found

    def __getitem__(self, code: CodeLike) -> Subject:
        """The subject of a function code (or of any code object of its own family)."""
        return self.subject(code)

    def get(self, code: CodeLike, family: FamilyLike | None = None) -> Subject | None:
        """Like :meth:`subject`, but ``None`` for a code the catalogue does not hold."""
        return self._subjects.get(self._code(code, family))

    def __contains__(self, code: object) -> bool:
        if not isinstance(code, str | ClassificationCode):
            return False
        try:
            return self.get(code) is not None
        except (InvalidCode, TypeError):
            return False

    def economic(self, code: CodeLike) -> Subject:
        """The subject of a 部门预算支出经济分类 code, e.g. ``30101`` 基本工资."""
        return self.subject(code, Family.ECONOMIC)

    def gov_economic(self, code: CodeLike) -> Subject:
        """The subject of a 政府预算支出经济分类 code, e.g. ``50101`` 工资奖金津补贴."""
        return self.subject(code, Family.GOV_ECONOMIC)

    def history(self, code: ClassificationCode) -> tuple[CodeRecord, ...]:
        """Every row the data has for ``code``, whatever its years."""
        return tuple(self._history.get(self._code(code), ()))

    def explain_unknown(self, code: CodeLike, family: FamilyLike | None = None) -> str:
        """Why a code is not in the catalogue (the text of the ``UnknownCode`` error)."""
        return describe_unknown(self, self._code(code, family))

    # -- structure ----------------------------------------------------------------------------

    def subjects(self, family: FamilyLike = Family.FUNCTION) -> tuple[Subject, ...]:
        """Every subject of a family, in code order (parents before their children)."""
        code_type = Family.coerce(family).code_type
        # The family told by the code's class and the order by its digits (one class: code order),
        # not by a property and a comparison written in Python: a first read builds every name index.
        return tuple(
            sorted((s for s in self._subjects.values() if isinstance(s.code, code_type)), key=lambda s: s.code.digits)
        )

    def __iter__(self) -> Iterator[Subject]:
        return iter(self.subjects(Family.FUNCTION))

    def __len__(self) -> int:
        return len(self.subjects(Family.FUNCTION))

    def _node(
        self, code: CodeLike | Subject | None, family: FamilyLike
    ) -> tuple[Family, Subject | None]:
        if code is None:
            return Family.coerce(family), None
        node = code if isinstance(code, Subject) else self.subject(code, _family_of(code, family))
        return node.family, node

    def children(
        self, code: CodeLike | Subject | None = None, *, family: FamilyLike = Family.FUNCTION
    ) -> tuple[Subject, ...]:
        """The subjects one level below ``code`` (the 类 when ``code`` is ``None``)."""
        wanted, node = self._node(code, family)
        key = (wanted, node.code if node is not None else None)
        return tuple(sorted(self._children.get(key, ()), key=lambda s: s.code))

    def children_complete(
        self, code: CodeLike | Subject | None = None, *, family: FamilyLike = Family.FUNCTION
    ) -> bool:
        """Whether :meth:`children` of ``code`` (or the list of 类) is the complete list."""
        wanted, node = self._node(code, family)
        return node.children_complete if node is not None else self._top_complete[wanted]

    def _siblings(self, subject: Subject) -> tuple[Subject, ...]:
        parent = subject.parent.code if subject.parent is not None else None
        return tuple(self._children.get((subject.family, parent), ()))

    # -- names --------------------------------------------------------------------------------

    def _name_index(self, family: Family) -> NameIndex:
        index = self._name_indexes.get(family)
        if index is None:  # two threads may both build it: the same index either way
            # The family's subjects by their parents, not in code order: candidates come unordered and
            # every answer is sorted by code.
            index = self._name_indexes[family] = NameIndex(
                subject for (of, _), children in self._children.items() if of is family for subject in children
            )
        return index

    def _matches(
        self, name: str, candidates: Iterable[Subject]
    ) -> list[tuple[NameMatch, Subject]]:
        found = []
        for subject in candidates:
            match = match_subject_name(
                subject, name, year=self._year, siblings=self._siblings(subject)
            )
            if match.ok:
                found.append((match, subject))
        found.sort(key=lambda pair: (_RANK[pair[0].kind], pair[1].code))
        return found

    def find(
        self,
        name: str,
        *,
        under: CodeLike | Subject | None = None,
        family: FamilyLike = Family.FUNCTION,
    ) -> list[Subject]:
        """The subjects a printed name can stand for, best matches first.

        A name matches when it is the official name (after normalisation), a known variant, a
        former name, or the official name cut short (at least 4 characters, starting no other
        name under the same parent). ``under`` keeps only subjects below that code.

        >>> import cnbudget.classification as c
        >>> [str(s.code) for s in c.catalog(2024).find("其他医疗保障管理事务支")]
        ['2101599']
        >>> [str(s.code) for s in c.catalog(2024).find("行政运行", under="210")]
        ['2100101', '2101501']
        """
        if not normalise_name(name):
            return []
        wanted, node = self._node(under, family)
        candidates = [
            s
            for s in self._name_index(wanted).candidates(name)
            if node is None or node.code.is_ancestor_of(s.code)
        ]
        return [subject for _, subject in self._matches(name, candidates)]

    def match_name(
        self, code: CodeLike, printed: str, family: FamilyLike | None = None
    ) -> NameMatch:
        """Compare a printed name with the name of ``code`` in this year (``UnknownCode`` if
        the catalogue lacks the code).

        >>> import cnbudget.classification as c
        >>> cat = c.catalog(2024)
        >>> cat.match_name("2101550", "事业单位运行").kind
        <MatchKind.VARIANT: 'variant'>
        >>> cat.match_name("2101501", "信息化建设").kind
        <MatchKind.MISMATCH: 'mismatch'>
        """
        subject = self.subject(code, family)
        match = match_subject_name(
            subject, printed, year=self._year, siblings=self._siblings(subject)
        )
        if match.ok:
            return match
        peers = [
            s
            for s in self._name_index(subject.family).candidates(printed)
            if s.level == subject.level and s is not subject
        ]
        belongs = tuple(
            s.code for m, s in self._matches(printed, peers) if m.kind is not MatchKind.TRUNCATED
        )
        return NameMatch(
            kind=MatchKind.MISMATCH,
            code=subject.code,
            printed=printed,
            official=subject.name,
            year=self._year,
            belongs_to=belongs,
        )

    # -- correspondence -----------------------------------------------------------------------

    def gov_economic_for(
        self, economic_code: CodeLike, agency_kind: AgencyKind | str
    ) -> Subject | None:
        """The 政府预算支出经济分类 subject a 部门 economic code corresponds to for a kind of
        agency (行政, 事业, 参公), or ``None`` when the correspondence is not in our data.

        >>> import cnbudget.classification as c
        >>> from cnbudget.vocab import AgencyKind
        >>> cat = c.catalog(2024)
        >>> cat.gov_economic_for("30101", AgencyKind.ADMINISTRATIVE).label
        '50101 工资奖金津补贴'
        >>> cat.gov_economic_for("30101", "事业").label
        '50501 工资福利支出'
        """
        code = (
            economic_code
            if isinstance(economic_code, EconomicCode)
            else EconomicCode(str(economic_code))
        )
        self.economic(code)  # an unknown code is an error, not a missing correspondence
        kind = (
            agency_kind if isinstance(agency_kind, AgencyKind) else AgencyKind.from_zh(agency_kind)
        )
        for gov in self._correspondence.lookup(code, kind):
            found = self.get(gov)
            if found is not None:
                return found
        return None


def _family_of(code: CodeLike, family: FamilyLike) -> FamilyLike:
    return Family.of(code) if isinstance(code, ClassificationCode) else family


def _check_year(year: object) -> int:
    if isinstance(year, bool) or not isinstance(year, int):
        raise TypeError(f"a catalogue year must be an int such as 2024, not {year!r}")
    if not FIRST_YEAR <= year <= LAST_YEAR:
        raise InvalidValue(
            f"no 政府收支分类 catalogue for {year}: the classification began with the {FIRST_YEAR} "
            f"edition (years up to {LAST_YEAR} are accepted)"
        )
    return year


def per_catalogue(function: Callable[Concatenate[Catalog, _P], _Answer]) -> Callable[Concatenate[Catalog, _P], _Answer]:
    """``function``, a pure function of a catalogue and hashable values, with its answers kept with
    each catalogue (:meth:`Catalog.kept`).

    >>> @per_catalogue
    ... def official_name(cat: Catalog, code: str) -> str:
    ...     return cat[code].name
    >>> official_name(catalog(2024), "2101501")
    '行政运行'
    """
    kind = f"{function.__module__}.{function.__qualname__}"

    @functools.wraps(function)
    def answer(catalog: Catalog, /, *args: _P.args, **kwargs: _P.kwargs) -> _Answer:
        key = (args, tuple(sorted(kwargs.items()))) if kwargs else args
        # An answer kept already (most asks: the rules ask again for each row) is read where kept()
        # keeps it, with one look-up, before a function to work it out is made.
        answers = catalog._kept.get(kind)
        if answers is not None:
            found: _Answer = answers.get(key, _NOT_KEPT)
            if found is not _NOT_KEPT:
                return found
        return catalog.kept(kind, key, lambda: function(catalog, *args, **kwargs))

    return answer


def catalog(year: int) -> Catalog:
    """The bundled catalogue for a fiscal year, built once per year and process.

    Years in :data:`COVERED_YEARS` are backed by the data; for other years (2007 on) the
    catalogue holds what the data records as valid then, with ``covered`` false.

    >>> catalog(2024) is catalog(2024)
    True
    >>> catalog(2018)["210"].name, catalog(2018).covered
    ('医疗卫生与计划生育支出', True)
    >>> catalog(2016).covered
    False
    """
    return _built(year)


@functools.cache  # one Catalog per year; behind catalog() so that its signature stays (year: int)
def _built(year: int) -> Catalog:
    _check_year(year)
    data = bundled_dataset()
    editions = [e for e in data.editions if e.year == year]
    return Catalog(
        year=year,
        records=data.codes,
        names=data.names,
        top_complete={e.family: e.complete for e in editions},
        checked={e.family: e.checked for e in editions},
        covered=bool(editions),
        correspondence=Correspondence(data.correspondence),
        funding_sources=FundingVocabulary(data.funding),
        source="bundled",
    )


def load_catalog_csv(
    source: Source,
    *,
    year: int,
    complete: bool = False,
    known_names: bool = True,
) -> Catalog:
    """A catalogue from your own CSV list of subjects, e.g. the official list as published.

    The file has a header naming a code and a name column (``科目编码,科目名称`` or the bundled
    ``code,name,since,until,children_complete,note,unverified``). Set ``complete`` when the file is the
    full official list: its lists of 类 and of children then count as complete (a
    ``children_complete`` column still decides row by row). ``known_names`` adds the variant
    and former names the bundled data knows; the correspondence and funding-source vocabulary
    are the bundled ones. Problems raise ``DataError`` naming each line.

    >>> import io
    >>> text = "科目编码,科目名称\\n210,卫生健康支出\\n21015,医疗保障管理事务\\n2101501,行政运行\\n"
    >>> cat = load_catalog_csv(io.StringIO(text), year=2025, complete=True)
    >>> cat["2101501"].name, "2101502" in cat
    ('行政运行', False)
    """
    _check_year(year)
    records = read_code_rows(source, children_complete=complete)
    data = bundled_dataset()
    families = {r.family for r in records}
    return Catalog(
        year=year,
        records=records,
        names=data.names if known_names else (),
        top_complete={family: complete for family in families},
        covered=True,
        correspondence=Correspondence(data.correspondence),
        funding_sources=FundingVocabulary(data.funding),
        source=records[0].origin.rsplit(":", 1)[0] if records else "",
    )
