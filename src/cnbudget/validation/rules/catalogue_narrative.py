"""Names in the narrative (说明中的科目名称): a subject the text names with its levels
(``卫生健康支出（类）医疗保障管理事务（款）事业单位运行（项）``) is named as the catalogue of the
document's year names it, as CAT-002 and CAT-003 hold the names the tables print.

This rule belongs to the CAT family; :mod:`cnbudget.validation.rules` registers it.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterator

import attrs

from cnbudget.classification import Catalog, MatchKind, Subject
from cnbudget.classification.catalog import per_catalogue
from cnbudget.classification.level_names import level_names
from cnbudget.codes import FunctionCode
from cnbudget.model import Statement
from cnbudget.validation.context import Context
from cnbudget.validation.findings import Finding, Severity
from cnbudget.validation.registry import rule
from cnbudget.validation.rules.narrative_statements import place, where

__all__: list[str] = []

_DEPTH = {"类": 1, "款": 2, "项": 3}
_ACCEPTED = (MatchKind.EXACT, MatchKind.NORMALISED, MatchKind.VARIANT)
_SPOKEN_TAIL = "支出"  # "…缴费（项）支出": the text moves the name's last word behind the level mark


@attrs.frozen
class _Named:
    """One name the text gives a subject, and what the catalogue says of it."""

    level: str
    name: str
    code: FunctionCode | None  # the subject it stands for, where that is known
    official: str | None
    kind: MatchKind | None  # None: no subject of that level under its parent has the name
    nearest: tuple[str, ...] = ()

    @property
    def key(self) -> tuple[str, str, str | None]:
        return self.level, self.name, None if self.code is None else str(self.code)


def _prefix(code: FunctionCode, depth: int) -> FunctionCode:
    return FunctionCode(str(code)[: (3, 5, 7)[depth - 1]])


def _judged(catalog: Catalog, level: str, name: str, code: FunctionCode) -> _Named:
    subject = catalog.get(code)
    if subject is None:
        return _Named(level, name, code, None, MatchKind.EXACT)  # not ours to judge: CAT-001's
    match = catalog.match_name(code, name)
    kind = match.kind
    if kind is MatchKind.TRUNCATED and catalog.match_name(code, name + _SPOKEN_TAIL).kind in _ACCEPTED:
        kind = MatchKind.EXACT
    if kind is MatchKind.FORMER and not match.obsolete:
        kind = MatchKind.VARIANT
    return _Named(level, name, code, subject.name, kind)


def _nearest(catalog: Catalog, name: str, parent: Subject | None, depth: int) -> tuple[str, ...]:
    under = parent.code if parent is not None else None
    pool = [s.name for s in catalog.subjects() if s.code.level == depth
            and (under is None or under.is_ancestor_of(s.code))]
    return tuple(difflib.get_close_matches(name, pool, n=2, cutoff=0.5))


def _names(catalog: Catalog, statement: Statement) -> tuple[_Named, ...]:
    """Each name of the statement's subject, judged against the catalogue; the walk stops at the
    first name that names nothing (the names below it cannot be placed)."""
    return _judged_names(catalog, statement.subject, statement.code)


@per_catalogue
def _judged_names(catalog: Catalog, subject: str, stated: FunctionCode | None) -> tuple[_Named, ...]:
    """:func:`_names` of a subject and the code read with it: kept with the catalogue, as texts
    name the same subjects again and again."""
    named = level_names(subject)
    if not named or named[0][0] != "类":
        return ()
    found: list[_Named] = []
    parent: Subject | None = None
    for level, name in named:
        depth = _DEPTH[level]
        if stated is not None and stated.level >= depth:
            code = _prefix(stated, depth)
            found.append(_judged(catalog, level, name, code))
            parent = catalog.get(code)
            continue
        under = parent.code if parent is not None else None
        candidates = [s for s in catalog.find(name, under=under) if s.code.level == depth]
        if len(candidates) != 1 or not isinstance(candidates[0].code, FunctionCode):
            found.append(_Named(level, name, None, None, None, _nearest(catalog, name, parent, depth)))
            break
        parent = candidates[0]
        found.append(_judged(catalog, level, name, candidates[0].code))
    return tuple(found)


def _message(statement: Statement, named: _Named, year: int) -> tuple[str, Severity | None]:
    head = f"{where(statement)}：“{named.name}（{named.level}）”"
    if named.kind is None:
        hint = "，名称相近的是" + "、".join(f"“{n}”" for n in named.nearest) if named.nearest else ""
        return f"{head}不是 {year} 年科目目录中的{named.level}级科目名称{hint}", None
    if named.kind is MatchKind.FORMER:
        return f"{head}是科目 {named.code} 的旧名称，{year} 年的名称是“{named.official}”", None
    if named.kind is MatchKind.TRUNCATED:
        return f"{head}是科目 {named.code} “{named.official}”的简写", Severity.INFO
    return f"{head}不是科目 {named.code} 的名称，{year} 年的名称是“{named.official}”", None


@rule("CAT-007", "说明中的科目名称与科目目录一致", severity=Severity.WARNING, requires=("statements", "catalog"),
      en="Subjects the narrative names are named as in the catalogue")
def narrative_names_are_official(ctx: Context) -> Iterator[Finding]:
    """A subject the narrative names with its levels (``卫生健康支出（类）医疗保障管理事务（款）
    事业单位运行（项）``, read into the statement's subject and code) is named as the catalogue of
    the document's year names it, level by level: the official name or a known variant of it
    (事业单位运行 for 事业运行, 一般公共服务 for 一般公共服务支出) passes; a former name (医疗卫生与
    计划生育支出 in a 2024 text), a name no subject of its level under the names before it has
    (机关事业单位基本养老保险费 for 机关事业单位基本养老保险缴费支出, reported with the nearest official
    names), or the name of another subject is a warning; a name cut short (机关事业单位职业年金 for
    机关事业单位职业年金缴费支出) is a note — unless only its 支出 stands after the level mark (…缴费
    （项）支出), as texts write it. Each name is reported once, however many statements repeat it."""
    assert ctx.catalog is not None
    seen: set[tuple[str, str, str | None]] = set()
    for statement in ctx.doc.statements:
        for named in _names(ctx.catalog, statement):
            if named.kind in _ACCEPTED or named.key in seen:
                continue
            seen.add(named.key)
            message, severity = _message(statement, named, ctx.catalog.year)
            yield ctx.finding(message, [attrs.evolve(place(statement, "subject"),
                                                     code=None if named.code is None else str(named.code))],
                              severity=severity)
