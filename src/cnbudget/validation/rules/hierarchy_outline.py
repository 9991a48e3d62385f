"""The outline of a table (表格层级): which printed rows should add up to which printed row.

Tables keep their rows flat and in document order (see :mod:`cnbudget.model.lines`); this module
recovers the tree they print, so that the hierarchy rules can hold every subtotal against its rows:

* an agency row (单位小计) opens a group that runs to the next agency row (a row that names another
  agency opens a group too), and the code hierarchy restarts in each group;
* within a group, a coded row belongs to the printed row of its nearest ancestor code (a 项 under
  its 款, or under its 类 where the 款 is not printed); a project row belongs to the row of its own
  code where one is printed, and a project printed without a code to the coded row above it;
* agency rows nest by 单位代码 (``304`` holds ``304001``); where agencies carry no code, an agency row
  followed at once by other agency rows holds them (a department above its units);
* the total row (合计/总计, or an unnamed row first or last in the table) holds the top rows: the
  agency rows no other agency row holds, and the rows outside any agency that belong to no row.

A row without children is not a sum: a 款 printed without its 项, or a table of 类 rows only, has
nothing to check below them.

>>> from cnbudget.codes import FunctionCode
>>> from cnbudget.model import ExpenditureAmounts, FunctionLine
>>> def row(code, total):
...     return FunctionLine(code=FunctionCode(code) if code else None, name="合计" if not code else "",
...                         amounts=ExpenditureAmounts(total=total))
>>> lines = [row(None, "3"), row("210", "3"), row("21015", "3"), row("2101501", "1"), row("2101502", "2")]
>>> [(s.part.value, s.parent, s.children) for s in outline(lines)]
[('category', 1, (2,)), ('section', 2, (3, 4)), ('total', 0, (1,))]
"""

from __future__ import annotations

import bisect
import enum
from collections import defaultdict
from collections.abc import Callable, Sequence
from decimal import Decimal

import attrs

from cnbudget.codes import ClassificationCode
from cnbudget.model import AmountRecord, Row, is_subtotal_label, is_total_label

__all__ = ["CodeOf", "Part", "Sum", "gov_code", "main_code", "outline"]

#: How a row's classification code is read (the 部门 or the 政府 economic code, say).
CodeOf = Callable[[Row], ClassificationCode | None]


class Part(enum.Enum):
    """What kind of subtotal a printed row is (汇总行类型)."""

    CATEGORY = "category"  # a 类 row over its 款 (or 项 where the 款 is not printed)
    SECTION = "section"  # a 款 row over its 项
    PROJECTS = "projects"  # a code row over the projects listed under it
    AGENCY = "agency"  # an agency row (单位小计) over the rows of that agency
    TOTAL = "total"  # the table's 合计/总计 over its top rows


@attrs.frozen
class Sum:
    """A printed row (``parent``, an index into the table's rows) and the rows that add up to it."""

    part: Part
    parent: int
    children: tuple[int, ...]


def main_code(line: Row) -> ClassificationCode | None:
    """The row's own classification code (功能分类, or the 部门 economic code).

    >>> from cnbudget.codes import EconomicCode
    >>> from cnbudget.model import BasicAmounts, EconomicLine
    >>> main_code(EconomicLine(code=EconomicCode("30101"), name="基本工资", amounts=BasicAmounts(total="1")))
    EconomicCode('30101')
    """
    code = getattr(line, "code", None)
    return code if isinstance(code, ClassificationCode) else None


def gov_code(line: Row) -> ClassificationCode | None:
    """The 政府预算支出经济分类 code, where it orders the row: a 类 only on a row without a 部门 code
    (a 部门 类 maps onto several 政府 类, so a row printing both is not a 政府 subtotal).

    >>> from cnbudget.codes import EconomicCode, GovEconomicCode
    >>> from cnbudget.model import BasicAmounts, EconomicLine
    >>> both = EconomicLine(code=EconomicCode("301"), gov_code=GovEconomicCode("501"), name="工资福利支出",
    ...                     amounts=BasicAmounts(total="1"))
    >>> gov_code(both) is None, gov_code(attrs.evolve(both, code=None))
    (True, GovEconomicCode('501'))
    """
    code = getattr(line, "gov_code", None)
    if not isinstance(code, ClassificationCode):
        return None
    return code if main_code(line) is None or code.level > 1 else None


class _Role(enum.IntEnum):  # an int: the roles of a table's rows are hashed as part of its shape's key
    TOTAL = 1
    AGENCY = 2
    CODED = 3
    PROJECT = 4
    IGNORED = 5


def _has_code(line: Row) -> bool:
    return any(isinstance(getattr(line, name, None), ClassificationCode) for name in ("code", "gov_code"))


def _role(line: Row, code: ClassificationCode | None, position: int, count: int) -> _Role:
    if line.project is not None:
        return _Role.PROJECT
    if code is not None:
        return _Role.CODED
    if _has_code(line):
        return _Role.IGNORED  # coded in the other code set
    if line.agency is not None or line.agency_code is not None:
        return _Role.AGENCY
    if is_subtotal_label(line.name):
        return _Role.IGNORED  # a partial subtotal whose scope the row does not say
    if is_total_label(line.name) or (not line.name.strip() and position in (0, count - 1)):
        return _Role.TOTAL
    return _Role.IGNORED


def _same_agency(a: Row, b: Row) -> bool:
    if a.agency_code is not None and b.agency_code is not None:
        return bool(a.agency_code == b.agency_code)
    if a.agency is not None and b.agency is not None:
        return bool(a.agency == b.agency)
    return True


def _is_blank(line: Row) -> bool:
    record = getattr(line, "amounts", None)
    values = [v for _, v in record.columns()] if isinstance(record, AmountRecord) else [getattr(line, "amount", 0)]
    return all(v == Decimal(0) for v in values)


@attrs.define
class _Group:
    agency: int | None  # the agency row that opens it
    key: Row | None  # the row whose agency the group is (its agency row, or its first row naming one)
    rows: list[int] = attrs.field(factory=list)


def _groups(lines: Sequence[Row], roles: list[_Role]) -> list[_Group]:
    groups = [_Group(agency=None, key=None)]
    current = groups[0]
    agency_role, coded, project = _Role.AGENCY, _Role.CODED, _Role.PROJECT
    for index, (line, role) in enumerate(zip(lines, roles, strict=True)):
        if role is agency_role:
            current = _Group(agency=index, key=line)
            groups.append(current)
        elif role is coded or role is project:
            if line.agency is not None or line.agency_code is not None:  # a row naming its agency
                if current.key is None and not current.rows and current.agency is None:
                    current.key = line
                elif current.key is None or not _same_agency(line, current.key):
                    current = _Group(agency=None, key=line)
                    groups.append(current)
            current.rows.append(index)
    return groups


def _nearest(occurrences: list[int], index: int) -> int:
    """The occurrence printed last before ``index``, else the first one after it."""
    before = bisect.bisect_left(occurrences, index)
    return occurrences[before - 1] if before else occurrences[0]


_CodeKey = tuple[type, str]  # a code by its class and digits (what makes two codes equal), hashed without a key


def _parents(codes: Sequence[ClassificationCode | None], keys: Sequence[_CodeKey | None], roles: list[_Role],
             rows: list[int], ancestors: dict[_CodeKey, tuple[_CodeKey, ...]]) -> dict[int, int | None]:
    """Each row's parent: the nearest printed row of its nearest printed ancestor code (``codes``: each
    row's code, ``keys`` the same by class and digits; ``ancestors``: each code's ancestors by key,
    nearest first, filled in as codes come, for every group of the table)."""
    coded, project = _Role.CODED, _Role.PROJECT
    printed: dict[_CodeKey, list[int]] = {}
    for index in rows:
        key = keys[index]
        if key is not None and roles[index] is coded:
            occurrences = printed.get(key)
            if occurrences is None:
                printed[key] = [index]
            else:
                occurrences.append(index)
    parents: dict[int, int | None] = {}
    above: int | None = None  # the coded row printed last
    for index in rows:
        key = keys[index]
        role = roles[index]
        parent: int | None = None
        if key is None:
            parent = above  # a project without a code, listed under the row above it
        else:
            # A project's own code first (the row it is listed under), then the code's ancestors.
            occurrences = printed.get(key) if role is project else None
            if occurrences is None:
                above_keys = ancestors.get(key)
                if above_keys is None:  # rows of many agencies repeat the same codes: each code's once
                    code = codes[index]
                    assert code is not None  # a row with a key has a code
                    above_keys = ancestors[key] = tuple((type(a), a.digits) for a in reversed(code.ancestors))
                for ancestor in above_keys:
                    occurrences = printed.get(ancestor)
                    if occurrences is not None:
                        break
            if occurrences is not None:
                parent = occurrences[0] if len(occurrences) == 1 else _nearest(occurrences, index)
        parents[index] = parent
        if role is coded:
            above = index
    return parents


def _coded_part(codes: Sequence[ClassificationCode | None], roles: list[_Role], parent: int,
                children: list[int]) -> Part:
    code = codes[parent]
    assert code is not None
    only_projects = all(roles[c] is _Role.PROJECT and codes[c] in (None, code) for c in children)
    if only_projects or code.level > 2:
        return Part.PROJECTS
    return Part.CATEGORY if code.level == 1 else Part.SECTION


def _by_code(lines: Sequence[Row], agencies: list[int]) -> dict[int, list[int]]:
    """Agency rows held by the agency row whose 单位代码 is the longest proper prefix of theirs."""
    coded = {a: str(lines[a].agency_code) for a in agencies if lines[a].agency_code}
    first_with: dict[str, int] = {}  # each code's first agency row: the one kept among equal holders
    for agency, code in coded.items():
        first_with.setdefault(code, agency)
    held: dict[int, list[int]] = defaultdict(list)
    for child, code in coded.items():
        # The longest proper prefix of the code that some agency row has, looked up, not searched for.
        holder = next((first_with[code[:end]] for end in range(len(code) - 1, 0, -1) if code[:end] in first_with),
                      None)
        if holder is not None:
            held[holder].append(child)
    return held


def _total_amount(line: Row) -> Decimal | None:
    record = getattr(line, "amounts", None)
    value = getattr(record, "total", None) if isinstance(record, AmountRecord) else getattr(line, "amount", None)
    return value if isinstance(value, Decimal) else None


def _department_candidate(roles: Sequence[_Role], groups: list[_Group]) -> tuple[int, tuple[int, ...]] | None:
    """Agencies printed without codes: the first agency row may hold the agency rows after it when it
    has no rows of its own and is followed at once by an agency row (a department printed over its
    units); whether it does depends on its amounts (:func:`_department_holds`)."""
    first = next((g for g in groups if g.agency is not None), None)
    if first is None or first.agency is None or first.rows:
        return None
    head = first.agency
    after = head + 1
    if after >= len(roles) or roles[after] is not _Role.AGENCY:
        return None
    units: list[int] = []
    for index in range(after, len(roles)):
        if roles[index] is _Role.TOTAL:
            break
        if roles[index] is _Role.AGENCY:
            units.append(index)
    return head, tuple(units)


def _department_holds(lines: Sequence[Row], roles: Sequence[_Role], head: int, units: Sequence[int]) -> bool:
    """The candidate department row prints the table's total and its units are not all blank; a flat
    list of agencies does not satisfy these."""
    totals = {_total_amount(lines[i]) for i, role in enumerate(roles) if role is _Role.TOTAL}
    return _total_amount(lines[head]) in totals and not all(_is_blank(lines[i]) for i in units)


#: What the outline reads of the rows, column by column (their codes, roles, agencies and 单位代码): no amounts.
_RowShapes = tuple[tuple[_CodeKey | None, ...], tuple[_Role, ...], tuple[str | None, ...], tuple[str | None, ...]]


@attrs.frozen(eq=False)
class _Shape:
    """What the outline derives from the rows' codes, roles and agencies alone: tables printing rows of
    the same shape (支出总体情况表 and 一般公共预算支出情况表 often do) share it."""

    agencies: tuple[int | None, ...]  # each group's agency row
    tops: tuple[tuple[int, ...], ...]  # each group's rows that belong to no other row
    coded: tuple[Sum, ...]  # the code rows' sums, group by group
    held: dict[int, list[int]]  # agency rows held by agency rows by 单位代码
    department: tuple[int, tuple[int, ...]] | None  # agency rows a department row may hold (no 单位代码)


def _shape(lines: Sequence[Row], codes: Sequence[ClassificationCode | None], code_keys: Sequence[_CodeKey | None],
           roles: list[_Role]) -> _Shape:
    ancestors: dict[_CodeKey, tuple[_CodeKey, ...]] = {}
    groups = _groups(lines, roles)
    coded: list[Sum] = []
    tops: list[tuple[int, ...]] = []
    for group in groups:
        parents = _parents(codes, code_keys, roles, group.rows, ancestors)
        children: dict[int, list[int]] = defaultdict(list)
        for index in group.rows:
            parent = parents[index]
            if parent is not None:
                children[parent].append(index)
        tops.append(tuple(i for i in group.rows if parents[i] is None))
        for parent in sorted(children):
            part = _coded_part(codes, roles, parent, children[parent])
            coded.append(Sum(part, parent, tuple(children[parent])))
    agencies = [g.agency for g in groups if g.agency is not None]
    by_code = any(lines[a].agency_code for a in agencies)
    return _Shape(agencies=tuple(g.agency for g in groups), tops=tuple(tops),
                  coded=tuple(coded), held=_by_code(lines, agencies) if by_code else {},
                  department=None if by_code else _department_candidate(roles, groups))


def outline(lines: Sequence[Row], code_of: CodeOf = main_code,
            shapes: dict[_RowShapes, _Shape] | None = None) -> list[Sum]:
    """Every printed row with rows that should add up to it, in the order of the printed rows' groups
    (the rows of a table model: they carry ``name``, ``agency``, ``agency_code`` and ``project``);
    ``shapes`` keeps what tables of rows of the same shape share (one run's, for all its tables)."""
    if code_of is main_code:  # the usual case, read inline: a Python frame per row otherwise
        codes = [code if isinstance(code := getattr(line, "code", None), ClassificationCode) else None
                 for line in lines]
    else:
        codes = [code_of(line) for line in lines]
    code_keys: list[_CodeKey | None] = [None if code is None else (type(code), code.digits) for code in codes]
    count = len(lines)
    # Projects and coded rows, most of a table, settle their role without a call.
    roles = [_Role.PROJECT if line.project is not None else _Role.CODED if code is not None
             else _role(line, code, i, count) for i, (line, code) in enumerate(zip(lines, codes, strict=True))]
    if shapes is None:
        shape = _shape(lines, codes, code_keys, roles)
    else:
        key = (tuple(code_keys), tuple(roles), tuple([line.agency for line in lines]),
               tuple([line.agency_code for line in lines]))
        found = shapes.get(key)
        if found is None:
            found = shapes[key] = _shape(lines, codes, code_keys, roles)
        shape = found
    held = shape.held
    if shape.department is not None and _department_holds(lines, roles, *shape.department):
        head, unit_rows = shape.department
        held = {head: list(unit_rows)}
    sums = list(shape.coded)
    inside = {child for kids in held.values() for child in kids}
    units: list[int] = []
    for agency, tops in zip(shape.agencies, shape.tops, strict=True):
        if agency is None:
            units.extend(tops)
            continue
        members = sorted(held.get(agency, []) + list(tops))
        if members:
            sums.append(Sum(Part.AGENCY, agency, tuple(members)))
        if agency not in inside:
            units.append(agency)
    if units:
        sums.extend(Sum(Part.TOTAL, i, tuple(sorted(units))) for i, role in enumerate(roles) if role is _Role.TOTAL)
    return sums
