"""Reading catalogue data from CSV files: the bundled data and files users supply (读取科目表).

A code list is a CSV file with a header row. Two forms are read:

* the bundled form ``code,name,since,until,children_complete,note`` — one row per code and name,
  with the editions (years) the name was valid in; blank ``since`` means "from before the first
  edition our data covers", blank ``until`` means "still valid". An optional ``unverified``
  column names a year boundary that is our best knowledge rather than a checked fact
  (``since``, ``until`` or ``since|until``), so that no message claims more than we know;
* the official list as published, ``科目编码,科目名称`` (also ``编码``/``名称``), one row per code.

The code family of a row follows from its first digit (2 支出功能分类, 3 部门经济分类,
5 政府经济分类), so one file may hold all three. Every problem is reported with its line.

>>> import io
>>> rows = read_code_rows(io.StringIO("科目编码,科目名称\\n210,卫生健康支出\\n"), origin="list.csv")
>>> [(str(r.code), r.name, r.origin) for r in rows]
[('210', '卫生健康支出', 'list.csv:2')]
"""

from __future__ import annotations

import csv
import functools
import io
import os
from collections import defaultdict
from collections.abc import Iterable, Iterator
from importlib import resources
from typing import IO

import attrs

from cnbudget.classification.subject import AnyCode, Family
from cnbudget.codes import EconomicCode, GovEconomicCode
from cnbudget.errors import DataError, InvalidCode
from cnbudget.vocab import AgencyKind, FundingSource

__all__ = [
    "CodeRecord",
    "CorrespondenceRecord",
    "Dataset",
    "EditionRecord",
    "FundingRecord",
    "NameRecord",
    "bundled_dataset",
    "check_code_records",
    "read_code_rows",
]

Source = str | os.PathLike[str] | IO[str] | IO[bytes]

_CODE_COLUMNS = ("code", "科目编码", "编码", "科目代码")
_NAME_COLUMNS = ("name", "科目名称", "名称")
_OPTIONAL_COLUMNS = {
    "since": ("since", "起始年度"),
    "until": ("until", "截止年度"),
    "children_complete": ("children_complete", "下级完整"),
    "note": ("note", "备注"),
    "unverified": ("unverified", "未核实"),
}
_BOUNDARIES = ("since", "until")
_TRUE = {"true", "yes", "1", "是", "y"}
_FALSE = {"false", "no", "0", "否", "n", ""}
# The 政府收支分类 began with the 2007 edition; later than 2100 is a typing error.
FIRST_YEAR = 2007
LAST_YEAR = 2100


@attrs.frozen(kw_only=True)
class CodeRecord:
    """One row of a code list: a code and the name it had over a range of editions.

    ``since_verified``/``until_verified`` are false where the year boundary is our best
    knowledge, not a checked fact: the code may then exist (under this or another name) on the
    other side of it.

    >>> from cnbudget.codes import FunctionCode
    >>> CodeRecord(code=FunctionCode("215"), name="资源勘探信息等支出", until=2019).valid_in(2019)
    True
    """

    code: AnyCode
    name: str
    since: int | None = None
    until: int | None = None
    children_complete: bool = False
    note: str = ""
    origin: str = ""
    since_verified: bool = True
    until_verified: bool = True

    @property
    def family(self) -> Family:
        """The family of the code."""
        return Family.of(self.code)

    def valid_in(self, year: int) -> bool:
        """Whether the row applies to the edition of ``year``."""
        return (self.since is None or self.since <= year) and (
            self.until is None or year <= self.until
        )


@attrs.frozen(kw_only=True)
class NameRecord:
    """A known printed variant of a name, or a former name, with the years it was in use.

    A variant counts in the editions it was printed in (blank years: every edition); a former
    name counts in the editions after its ``until`` (blank: every edition).

    >>> from cnbudget.codes import FunctionCode
    >>> rec = NameRecord(code=FunctionCode("215"), name="资源勘探信息等", kind="former", until=2019)
    >>> rec.applies_in(2019), rec.applies_in(2020)
    (False, True)
    """

    code: AnyCode
    name: str
    kind: str  # "variant" or "former"
    note: str = ""
    origin: str = ""
    since: int | None = None
    until: int | None = None

    def applies_in(self, year: int) -> bool:
        """Whether the name is known as a variant (or former name) of the code in ``year``."""
        if self.kind == "former":
            return self.until is None or year > self.until
        return (self.since is None or self.since <= year) and (
            self.until is None or year <= self.until
        )


@attrs.frozen(kw_only=True)
class CorrespondenceRecord:
    """One row of the 部门 → 政府 economic correspondence; no kinds means every kind."""

    economic: EconomicCode
    kinds: tuple[AgencyKind, ...]
    gov_economic: GovEconomicCode
    origin: str = ""


@attrs.frozen(kw_only=True)
class FundingRecord:
    """A funding source with its printed name, parent and known variant names."""

    source: FundingSource
    name: str
    parent: FundingSource | None
    variants: tuple[str, ...]


@attrs.frozen(kw_only=True)
class EditionRecord:
    """An edition our data covers, for one family: whether its list of 类 is complete, and
    whether our lists were checked against it (``checked``: where false, no list of children
    counts as complete that year, whatever the rows say)."""

    year: int
    family: Family
    complete: bool
    checked: bool = True
    note: str = ""


@attrs.frozen(kw_only=True)
class Dataset:
    """Everything the bundled catalogue is built from."""

    codes: tuple[CodeRecord, ...]
    names: tuple[NameRecord, ...]
    correspondence: tuple[CorrespondenceRecord, ...]
    funding: tuple[FundingRecord, ...]
    editions: tuple[EditionRecord, ...]


class _Problems:
    """Collects (where, what) pairs so one DataError can list them all."""

    def __init__(self) -> None:
        self.items: list[tuple[str, str]] = []

    def add(self, where: str, message: str) -> None:
        self.items.append((where, message))

    def raise_if_any(self) -> None:
        if self.items:
            raise DataError(self.items)


def _read_text(source: Source) -> tuple[str, str]:
    """The text of a source and a name to report problems under."""
    if isinstance(source, str | os.PathLike):
        origin = os.fspath(source)
        try:
            with open(source, "rb") as handle:
                raw: str | bytes = handle.read()
        except OSError as error:
            raise DataError([(origin, f"cannot read the file: {error.strerror}")]) from error
    else:
        origin = str(getattr(source, "name", "<file>"))
        raw = source.read()
    if isinstance(raw, bytes):
        try:
            raw = raw.decode("utf-8-sig")
        except UnicodeDecodeError as error:
            raise DataError(
                [(origin, f"not UTF-8 text (byte {error.start}): save the file as UTF-8")]
            ) from error
    return raw.removeprefix("\ufeff"), origin


def _rows(text: str, origin: str, problems: _Problems) -> Iterator[tuple[str, dict[str, str]]]:
    """Yield (where, row) for every non-blank data row; the header keys are stripped."""
    reader = csv.reader(io.StringIO(text, newline=""))
    try:
        header = [h.strip() for h in next(reader)]
    except StopIteration:
        problems.add(origin, "the file is empty: expected a header row")
        return
    except csv.Error as error:
        problems.add(f"{origin}:1", f"not CSV: {error}")
        return
    try:
        for row in reader:
            where = f"{origin}:{reader.line_num}"
            if not any(cell.strip() for cell in row):
                continue
            if len(row) > len(header):
                problems.add(where, f"{len(row)} cells, but the header has {len(header)}")
                continue
            yield where, dict(zip(header, (c.strip() for c in row), strict=False))
    except csv.Error as error:
        problems.add(f"{origin}:{reader.line_num}", f"not CSV: {error}")


def _column(header: Iterable[str], choices: tuple[str, ...]) -> str | None:
    names = list(header)
    return next((c for c in choices if c in names), None)


def _year(text: str, where: str, column: str, problems: _Problems) -> int | None:
    if not text:
        return None
    if not text.isascii() or not text.isdigit() or len(text) > 4:
        problems.add(where, f"{column} must be a year such as 2024, not {text!r}")
        return None
    year = int(text)
    if not FIRST_YEAR <= year <= LAST_YEAR:
        problems.add(where, f"{column} {year} is outside {FIRST_YEAR}-{LAST_YEAR}")
        return None
    return year


def _flag(text: str, where: str, column: str, problems: _Problems) -> bool:
    folded = text.lower()
    if folded in _TRUE:
        return True
    if folded not in _FALSE:
        problems.add(where, f"{column} must be true or false, not {text!r}")
    return False


def _unverified(text: str, where: str, problems: _Problems) -> set[str]:
    parts = {p.strip() for p in text.split("|") if p.strip()}
    wrong = sorted(parts - set(_BOUNDARIES))
    if wrong:
        problems.add(where, f"unverified must name since and/or until, not {', '.join(wrong)}")
    return parts & set(_BOUNDARIES)


def _code(text: str, where: str, problems: _Problems) -> AnyCode | None:
    if not text:
        problems.add(where, "the code is blank")
        return None
    try:
        return Family.of(text).parse(text)
    except InvalidCode as error:
        problems.add(where, str(error))
        return None


def _header(text: str) -> list[str]:
    first = text.splitlines()[0] if text else ""
    return [h.strip() for h in next(csv.reader([first]), [])]


def read_code_rows(
    source: Source, *, origin: str | None = None, children_complete: bool = False
) -> tuple[CodeRecord, ...]:
    """Read a code list (either form) into records; ``DataError`` lists every bad line.

    ``children_complete`` is the completeness of every row in a file without that column
    (a full official list may claim it). The records are checked with
    :func:`check_code_records`.

    >>> import io
    >>> read_code_rows(io.StringIO("科目编码,科目名称\\n21x,卫生\\n"), origin="bad.csv")
    Traceback (most recent call last):
    ...
    cnbudget.errors.DataError: 1 problem in the data:
      bad.csv:2: 支出功能分类 code '21x' must consist of digits
    """
    text, default_origin = _read_text(source)
    origin = origin or default_origin
    if not text.strip():
        raise DataError([(origin, "the file is empty: expected a header row")])
    problems = _Problems()
    header = _header(text)
    code_column = _column(header, _CODE_COLUMNS)
    name_column = _column(header, _NAME_COLUMNS)
    if code_column is None or name_column is None:
        raise DataError(
            [
                (
                    f"{origin}:1",
                    "the header must name a code column (code or 科目编码) and a name column "
                    f"(name or 科目名称); found {', '.join(header) or 'nothing'}",
                )
            ]
        )
    optional = {key: _column(header, names) for key, names in _OPTIONAL_COLUMNS.items()}
    records: list[CodeRecord] = []
    for where, row in _rows(text, origin, problems):
        code = _code(row.get(code_column, ""), where, problems)
        name = row.get(name_column, "")
        if not name:
            problems.add(where, "the name is blank")
        since = _year(row.get(optional["since"] or "", ""), where, "since", problems)
        until = _year(row.get(optional["until"] or "", ""), where, "until", problems)
        if since is not None and until is not None and since > until:
            problems.add(where, f"since {since} is after until {until}")
        complete_column = optional["children_complete"]
        complete = (
            _flag(row.get(complete_column, ""), where, "children_complete", problems)
            if complete_column
            else children_complete
        )
        unverified = _unverified(row.get(optional["unverified"] or "", ""), where, problems)
        if code is None or not name:
            continue
        records.append(
            CodeRecord(
                code=code,
                name=name,
                since=since,
                until=until,
                children_complete=complete,
                note=row.get(optional["note"] or "", ""),
                origin=where,
                since_verified="since" not in unverified,
                until_verified="until" not in unverified,
            )
        )
    problems.raise_if_any()
    result = tuple(records)
    check_code_records(result)
    return result


def _overlap(a: CodeRecord, b: CodeRecord) -> bool:
    low = max(a.since or FIRST_YEAR, b.since or FIRST_YEAR)
    high = min(a.until or LAST_YEAR, b.until or LAST_YEAR)
    return low <= high


def _covered(span: CodeRecord, by: list[CodeRecord]) -> bool:
    """Whether the years of ``span`` are all within the years of the ``by`` rows."""
    year = span.since or FIRST_YEAR
    end = span.until or LAST_YEAR
    for record in sorted(by, key=lambda r: r.since or FIRST_YEAR):
        if (record.since or FIRST_YEAR) <= year <= (record.until or LAST_YEAR):
            year = (record.until or LAST_YEAR) + 1
        if year > end:
            return True
    return year > end


def check_code_records(records: tuple[CodeRecord, ...]) -> None:
    """Refuse rows of one code whose years overlap, and rows whose parent is missing for
    some of their years (``DataError`` naming the lines)."""
    problems = _Problems()
    by_code: dict[AnyCode, list[CodeRecord]] = defaultdict(list)
    for record in records:
        by_code[record.code].append(record)
    for rows in by_code.values():
        for index, first in enumerate(rows):
            for second in rows[index + 1 :]:
                if _overlap(first, second):
                    problems.add(
                        second.origin,
                        f"{second.code} is already given for overlapping years at "
                        f"{first.origin} ({first.name})",
                    )
    for record in records:
        parent = record.code.parent
        if parent is not None and not _covered(record, by_code.get(parent, [])):
            problems.add(
                record.origin,
                f"{record.code} {record.name}: its parent {parent} is not in the list "
                "for all the years of this row",
            )
    problems.raise_if_any()


def _read_names(text: str, origin: str, problems: _Problems) -> list[NameRecord]:
    result = []
    for where, row in _rows(text, origin, problems):
        code = _code(row.get("code", ""), where, problems)
        kind = row.get("kind", "")
        name = row.get("name", "")
        since = _year(row.get("since", ""), where, "since", problems)
        until = _year(row.get("until", ""), where, "until", problems)
        if kind not in ("variant", "former"):
            problems.add(where, f"kind must be variant or former, not {kind!r}")
        if not name:
            problems.add(where, "the name is blank")
        if code is not None and name and kind in ("variant", "former"):
            result.append(
                NameRecord(
                    code=code,
                    name=name,
                    kind=kind,
                    note=row.get("note", ""),
                    origin=where,
                    since=since,
                    until=until,
                )
            )
    return result


def _agency_kinds(text: str, where: str, problems: _Problems) -> tuple[AgencyKind, ...]:
    kinds = []
    for part in filter(None, (p.strip() for p in text.split("|"))):
        try:
            kinds.append(AgencyKind.from_zh(part))
        except ValueError as error:
            problems.add(where, str(error))
    return tuple(kinds)


def _read_correspondence(
    text: str, origin: str, problems: _Problems
) -> list[CorrespondenceRecord]:
    result = []
    for where, row in _rows(text, origin, problems):
        try:
            economic = EconomicCode(row.get("economic_code", ""))
            gov = GovEconomicCode(row.get("gov_economic_code", ""))
        except InvalidCode as error:
            problems.add(where, str(error))
            continue
        kinds = _agency_kinds(row.get("agency_kind", ""), where, problems)
        result.append(
            CorrespondenceRecord(economic=economic, kinds=kinds, gov_economic=gov, origin=where)
        )
    return result


def _read_funding(text: str, origin: str, problems: _Problems) -> list[FundingRecord]:
    result = []
    for where, row in _rows(text, origin, problems):
        try:
            source = FundingSource(row.get("key", ""))
            parent = FundingSource(row["parent"]) if row.get("parent") else None
        except ValueError as error:
            problems.add(where, str(error))
            continue
        variants = tuple(v.strip() for v in row.get("variants", "").split("|") if v.strip())
        result.append(
            FundingRecord(source=source, name=row.get("name", ""), parent=parent, variants=variants)
        )
    return result


def _read_editions(text: str, origin: str, problems: _Problems) -> list[EditionRecord]:
    result = []
    for where, row in _rows(text, origin, problems):
        year = _year(row.get("year", ""), where, "year", problems)
        try:
            family = Family.coerce(row.get("family", ""))
        except ValueError as error:
            problems.add(where, str(error))
            continue
        complete = _flag(row.get("complete", ""), where, "complete", problems)
        checked = _flag(row.get("checked", "true"), where, "checked", problems)
        if year is not None:
            result.append(
                EditionRecord(
                    year=year,
                    family=family,
                    complete=complete,
                    checked=checked,
                    note=row.get("note", ""),
                )
            )
    return result


def _bundled_text(name: str) -> str:
    return resources.files("cnbudget.classification").joinpath("data", name).read_text(encoding="utf-8")


@functools.cache
def bundled_dataset() -> Dataset:
    """The bundled catalogue data, read once per process.

    >>> data = bundled_dataset()
    >>> sorted({e.year for e in data.editions}) == list(range(2017, 2027))
    True
    """
    codes: list[CodeRecord] = []
    for name in ("function.csv", "economic.csv", "gov_economic.csv"):
        codes.extend(read_code_rows(io.StringIO(_bundled_text(name)), origin=name))
    problems = _Problems()
    dataset = Dataset(
        codes=tuple(codes),
        names=tuple(_read_names(_bundled_text("names.csv"), "names.csv", problems)),
        correspondence=tuple(
            _read_correspondence(
                _bundled_text("correspondence.csv"), "correspondence.csv", problems
            )
        ),
        funding=tuple(
            _read_funding(_bundled_text("funding_sources.csv"), "funding_sources.csv", problems)
        ),
        editions=tuple(_read_editions(_bundled_text("editions.csv"), "editions.csv", problems)),
    )
    problems.raise_if_any()
    return dataset
