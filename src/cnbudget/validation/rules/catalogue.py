"""Catalogue (科目目录): every printed code exists in the document's year under the name printed.

Each coded row of every table is compared with the 政府收支分类 catalogue of the document's fiscal
year (:mod:`cnbudget.classification`): the 支出功能分类 codes, the 部门 and the 政府预算支出经济分类 codes.
A code or a name the catalogue cannot judge is never an error: where our data does not hold the
complete list of subjects under a parent, an unknown code is reported as "not in our data" (info).
Each (table, code, printed name) is reported once, however many rows repeat it.
"""

from __future__ import annotations

import functools
from collections import defaultdict
from collections.abc import Iterator
from decimal import Decimal

import attrs

from cnbudget.classification import Catalog, Family, MatchKind, Subject
from cnbudget.classification.catalog import per_catalogue
from cnbudget.codes import ClassificationCode, EconomicCode, FunctionCode, GovEconomicCode
from cnbudget.model import Line, Row, SummaryRole
from cnbudget.validation.context import Context
from cnbudget.validation.findings import Finding, Location, Severity, checked_location
from cnbudget.validation.registry import rule
from cnbudget.validation.rules.name_matches import name_match
from cnbudget.validation.rules.placement import Renumbered, misplaced, renumbered_in_run
from cnbudget.validation.tables import table_rows

__all__ = ["coded_names", "named_categories"]

_FAMILY_ZH = {
    FunctionCode: "支出功能分类", EconomicCode: "部门预算支出经济分类", GovEconomicCode: "政府预算支出经济分类",
}


def coded_names(ctx: Context, *, skip: frozenset[tuple[str, ClassificationCode]] = frozenset()
                ) -> Iterator[tuple[str, Row, ClassificationCode, str]]:
    """Each distinct (table, code, printed name) of the document, with the first row printing it;
    ``skip`` leaves out (table, code) pairs another finding speaks for."""
    for key, table in ctx.doc.tables.present():
        # Several rules walk the same rows: each table's distinct names are found once per run.
        names = functools.partial(_coded_names, table_rows(ctx.cache, key, table))
        for line, code, name in ctx.cache.get("coded names", names, table=key):
            if not skip or (key, code) not in skip:  # mostly nothing to skip: no pair made to look up
                yield key, line, code, name


def _coded_names(rows: list[Line]) -> list[tuple[Row, ClassificationCode, str]]:
    """Each distinct (code, printed name) of one table, with the first row printing it."""
    # A code by its class and digits (what makes two codes equal), hashed without calling the code.
    seen: set[tuple[type, str, str]] = set()
    found: list[tuple[Row, ClassificationCode, str]] = []
    line: Row
    for line in rows:
        for code_field, name_field in (("code", "name"), ("gov_code", "gov_name")):
            code = getattr(line, code_field, None)
            if not isinstance(code, ClassificationCode):
                continue
            name = "".join((getattr(line, name_field, None) or "").split())
            key = (type(code), code.digits, name)
            if key not in seen:
                seen.add(key)
                found.append((line, code, name))
    return found


def named_categories(ctx: Context, catalog: Catalog) -> Iterator[tuple[str, Row, Subject, str]]:
    """The 类 lines the summary tables print by name only (（九）医疗卫生与计划生育支出), each with the
    catalogue 类 its name stands for, once per table and name."""
    seen: set[tuple[str, str]] = set()
    for key in ("summary", "fiscal_summary"):
        table = getattr(ctx.doc.tables, key)
        for line in table.expenditure if table is not None else ():
            name = "".join(line.name.split())
            if line.role is not SummaryRole.FUNCTION or line.code is not None or (key, name) in seen:
                continue
            seen.add((key, name))
            subject = _category_subject(catalog, name)
            if subject is not None:
                yield key, line, subject, name


@per_catalogue
def _category_subject(catalog: Catalog, name: str) -> Subject | None:
    """The best catalogue 类 a printed name stands for, if any (kept with the catalogue: the documents
    of a year print the same few names of 类)."""
    return next((s for s in catalog.find(name) if s.code.level == 1), None)


def _renumbered_pairs(found: list[Renumbered]) -> frozenset[tuple[str, ClassificationCode]]:
    return frozenset((r.table, row.code) for r in found for row, _ in r.rows)


def _where(ctx: Context, key: str, code: ClassificationCode, name: str) -> str:
    return f"{ctx.table_name(key)} {code}{(' ' + name) if name else ''}"


def _place(key: str, line: Row, code: ClassificationCode) -> Location:
    """Where a row is, under the code it prints or its name implies."""
    return checked_location(key, getattr(line, "agency", None), str(code), getattr(line, "project", None), None,
                            getattr(line, "line_number", None), getattr(line, "page", None))


def _catalog(ctx: Context) -> Catalog:
    assert ctx.catalog is not None  # the rules require one
    return ctx.catalog


def _list_complete(catalog: Catalog, code: ClassificationCode) -> tuple[Subject | None, bool]:
    """The nearest printed ancestor the catalogue holds, and whether its list of children is complete."""
    family = type(code)
    for ancestor in reversed(code.ancestors):
        parent = catalog.get(ancestor, _family(family))
        if parent is not None:
            return parent, parent.children_complete and ancestor == code.ancestors[-1]
    return None, catalog.children_complete(family=_family(family))


# The member, not its value: the catalogue then looks a code up without coercing text to a family.
_family = Family.of_type


@rule("CAT-001", "科目编码在本年度科目目录中存在", requires=("catalog",),
      en="Code exists in the year's classification catalogue")
def code_exists(ctx: Context) -> Iterator[Finding]:
    """Every printed classification code (支出功能分类, 部门 and 政府预算支出经济分类) is a subject of the
    document's fiscal year. An error where the catalogue holds the complete list of subjects under
    the code's parent; info ("not in our data") where it does not; a code valid only in other years
    is named with its years. Codes of a 类 whose 款 are numbered in the order printed are CAT-002's
    (one finding for the whole run)."""
    catalog = _catalog(ctx)
    local = _renumbered_pairs(renumbered_in_run(ctx.cache, ctx.doc, catalog))
    for key, line, code, name in coded_names(ctx, skip=local):
        said = _absent_code(catalog, code)
        if said is not None:
            what, severity = said
            yield ctx.finding(f"{_where(ctx, key, code, name)}：{what}", [_place(key, line, code)], severity=severity)


# What CAT-001 and CAT-002 say of a code (and a printed name) depends on the catalogue alone, not on
# the document: kept per catalogue, as the name matches are (:mod:`name_matches`), for the documents
# of a year print the same codes and names.
_Said = tuple[str, "Severity | None"]  # what is said after the place, and the severity if not the rule's


@per_catalogue
def _absent_code(catalog: Catalog, code: ClassificationCode) -> _Said | None:
    """What CAT-001 says of ``code`` after its place; ``None`` where the catalogue holds it."""
    if catalog.get(code, _family(type(code))) is not None:
        return None
    records = catalog.history(code)
    family_zh = _FAMILY_ZH[type(code)]
    if records:
        years = "、".join(sorted({_years(r.since, r.until) for r in records}))
        return f"{family_zh}科目 {code} 在 {catalog.year} 年度已不存在或尚未设立（该编码有效年度：{years}）", None
    parent, complete = _list_complete(catalog, code)
    scope = f"{parent.code} {parent.name}下" if parent is not None else ""
    if complete:
        return f"{catalog.year} 年{family_zh}{scope}没有科目 {code}", None
    return (f"科目 {code} 不在本库收录的{family_zh}{scope}科目中（本库该处目录不完整，无法判断是否存在）",
            Severity.INFO)


def _years(since: int | None, until: int | None) -> str:
    if since and until:
        return f"{since}–{until} 年"
    return f"{since} 年起" if since else f"{until} 年以前" if until else "年度不详"


@rule("CAT-002", "科目名称与规范名称一致", severity=Severity.WARNING, requires=("catalog",),
      en="Subject name matches the official name")
def name_is_official(ctx: Context) -> Iterator[Finding]:
    """The name printed beside a code is the subject's official name of the year, a known variant of
    it, or the name cut short by a page break. Otherwise the official name is reported; where the
    printed name is the name of another subject (at the same level or another), the row's code and
    name disagree, which is an error. Where the 款 of an economic 类 are numbered in the order the
    table prints them (01, 02, 03 … instead of 30201 办公费, 30205 水费 …) the names are right and the
    codes local: one warning for the 类, naming each 款 with the code its name has."""
    catalog = _catalog(ctx)
    runs = renumbered_in_run(ctx.cache, ctx.doc, catalog)
    for run in runs:
        yield _renumbered_finding(ctx, run)
    for key, line, code, name in coded_names(ctx, skip=_renumbered_pairs(runs)):
        said = _unofficial_name(catalog, code, name) if name else None
        if said is not None:
            what, severity = said
            yield ctx.finding(f"{_where(ctx, key, code, name)}：{what}", [_place(key, line, code)], severity=severity)


@per_catalogue
def _unofficial_name(catalog: Catalog, code: ClassificationCode, name: str) -> _Said | None:
    """What CAT-002 says of ``name`` printed beside ``code`` after its place; ``None`` where the
    catalogue does not hold the code or the name is right."""
    family = _family(type(code))
    if catalog.get(code, family) is None:
        return None
    match = name_match(catalog, code, name)
    if match.ok:
        return None
    others = [s for s in catalog.find(name, family=family) if s.code != code]
    if others:
        named = "、".join(s.label for s in others[:3])
        return (f"科目 {code} 的规范名称是“{match.official}”，而“{name}”是 {named} 的名称，编码与名称不符",
                Severity.ERROR)
    return f"科目 {code} 的规范名称是“{match.official}”，印为“{name}”", None


def _renumbered_finding(ctx: Context, run: Renumbered) -> Finding:
    head = run.category
    category = head.code if head.code.level == 1 else head.code.ancestors[0]
    rows = "、".join(f"{row.code} {''.join(row.name.split())}（" + (f"规范编码 {named}" if named else "本类无此名称")
                    + "）" for row, named in run.rows)
    places = [_place(run.table, head, category), *(_place(run.table, row, row.code) for row, _ in run.rows)]
    return ctx.finding(f"{ctx.table_name(run.table)} {category}：所属各款按印出顺序编为 {category}01 起的连续编码，"
                       f"而不是规范的经济分类编码，编码与名称不符：{rows}；各款金额按名称理解", places)


@rule("CAT-003", "使用了已停用的科目名称", severity=Severity.WARNING, requires=("catalog",),
      en="Subject name is a retired name")
def name_is_current(ctx: Context) -> Iterator[Finding]:
    """A code printed with a former name of its subject (210 医疗卫生与计划生育支出, renamed 卫生健康支出
    from 2019) is reported with the name of the document's year; one finding for each table, naming
    every such line (a summary that prints last edition's list of 类 is one leftover, not several).
    Where every such line is a row without amounts (a template's empty rows) the finding is a note:
    nothing is booked under the former name."""
    catalog = _catalog(ctx)
    printed = [(key, line, code, name) for key, line, code, name in coded_names(ctx)
               if name and catalog.get(code, _family(type(code))) is not None]
    printed += [(key, line, subject.code, name) for key, line, subject, name in named_categories(ctx, catalog)]
    by_table: dict[str, list[tuple[Row, ClassificationCode, str, str]]] = defaultdict(list)
    for key, line, code, name in printed:
        match = name_match(catalog, code, name)
        if match.kind is MatchKind.FORMER and match.obsolete and match.former is not None:
            until = f"，使用至 {match.former.until} 年" if match.former.until else ""
            by_table[key].append((line, code, name, f"“{name}”是科目 {code} 的旧名称{until}，{catalog.year} 年的名称是"
                                                    f"“{match.official}”"))
    for key, found in by_table.items():
        what = "；".join(words for _, _, _, words in found)
        where = _where(ctx, key, found[0][1], found[0][2]) if len(found) == 1 else ctx.table_name(key)
        empty = all(_without_amounts(line) for line, _, _, _ in found)
        yield ctx.finding(f"{where}：{what}" + ("（均为没有金额的空行，是旧模板的遗留）" if empty else ""),
                          [_place(key, line, code) for line, code, _, _ in found],
                          severity=Severity.INFO if empty else None)


def _without_amounts(line: Row) -> bool:
    """Whether a row prints no amount other than zero (an empty row of a template)."""
    values = [getattr(line, "amount", None)]
    record = getattr(line, "amounts", None)
    if record is not None and attrs.has(type(record)):
        values += [getattr(record, field.name) for field in attrs.fields(type(record))]
    return all(not value for value in values if isinstance(value, Decimal))


@rule("CAT-004", "部门与政府预算经济分类对应关系", severity=Severity.WARNING, requires=("catalog",),
      en="Departmental and government economic codes correspond")
def economic_pair_corresponds(ctx: Context) -> Iterator[Finding]:
    """Where a row prints a 部门预算支出经济分类 code and a 政府预算支出经济分类 code side by side, the
    政府 code is one the published correspondence gives for the 部门 code, for some kind of agency
    (行政, 事业, 参公: the kind is not always printed). A 部门 code the correspondence does not cover
    is not judged."""
    catalog = _catalog(ctx)
    seen: set[tuple[str, EconomicCode, GovEconomicCode]] = set()
    for key, table in ctx.doc.tables.present():
        for line in table_rows(ctx.cache, key, table):
            code, gov = getattr(line, "code", None), getattr(line, "gov_code", None)
            if not isinstance(code, EconomicCode) or not isinstance(gov, GovEconomicCode) or (key, code, gov) in seen:
                continue
            seen.add((key, code, gov))
            if catalog.get(code, "economic") is None:
                continue
            allowed = {g for codes in catalog.correspondence.kinds_for(code).values() for g in codes}
            if not allowed or any(g == gov or g.is_ancestor_of(gov) or gov.is_ancestor_of(g) for g in allowed):
                continue
            listed = "、".join(sorted(str(g) for g in allowed))
            where = _where(ctx, key, code, line.name)
            yield ctx.finding(f"{where}：部门经济分类 {code} 对应的政府经济分类应为 {listed}，印为 {gov}",
                              [_place(key, line, code)])


@rule("CAT-005", "编码表的行都印有有效的科目编码", requires=("catalog",),
      en="Every row of a coded table prints a valid code")
def rows_have_codes(ctx: Context) -> Iterator[Finding]:
    """In a table coded by classification, a row between coded rows that prints a subject's name but
    no valid code (a misprinted code such as ``7 | 11 | 02`` for 210 11 02, which the reader cannot
    keep) is reported, with the code its name has: the official name, exactly, of one subject one
    level below the coded row above it. The other rules read the row under that code, so that the
    misprint is this one finding (see :mod:`cnbudget.validation.rules.placement`). A row that the
    catalogue cannot place so is left alone."""
    catalog = _catalog(ctx)
    for key, table in ctx.doc.tables.present():
        lines = list(getattr(table, "lines", ()))  # the coded tables; not the two-sided summaries
        for index, (code, above) in misplaced(catalog, lines).items():
            name = "".join(lines[index].name.split())
            yield ctx.finding(f"{ctx.table_name(key)}：“{name}”一行没有印出有效的科目编码（印错或缺失）；该行位于 "
                              f"{above.code} {''.join(above.name.split())}之下，按名称应为 {code} {name}",
                              [Location(table=key, code=str(code))])
