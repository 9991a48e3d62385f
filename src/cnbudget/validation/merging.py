"""One finding per problem (一个问题只报一次).

Rules check identities one column and one comparison at a time, so one problem can break several:
a row whose 合计 and 人员经费 are the same figure breaks 类 = Σ款 in both columns, and a rounding
difference between a target's funds and a table can be seen by two rules. A reader acts on
problems, not on identities; :func:`one_per_problem` keeps one finding for each:

* the same difference in several columns of one row is one finding, naming the columns (its places
  list every column): identical columns (合计 and 人员经费 printing the same figure), or a figure
  misprinted in one column and in the 合计 that adds it up;
* the same rounding difference (the same two figures, within rounding) at one place is reported
  by the first rule that sees it; the later ones are listed as its ``related`` findings;
* the same note (an ``info`` finding saying the same thing, 二级指标写作“满意度指标” on every form) in
  several places is one note naming the places.
"""

from __future__ import annotations

import operator
from collections.abc import Iterable, Sequence
from decimal import Decimal

import attrs

from cnbudget.validation.context import figure
from cnbudget.validation.findings import Finding, Location, Severity, checked_finding
from cnbudget.validation.positions import Places

__all__ = ["one_per_problem"]

_Place = tuple[str | None, str | None, str | None, str | None]


def _place(location: Location) -> _Place:
    return location.table, location.agency, location.code, location.project


# _place of each location, read without a Python call per location (a finding of a long table lists
# every row below the failing sum).
_places_of = operator.attrgetter("table", "agency", "code", "project")


def _distinct(locations: Iterable[Location]) -> tuple[Location, ...]:
    """The locations once each, in order: those repeated as the same object (the rows that several
    findings of one sum share) left out before the rest are compared by value."""
    return tuple(dict.fromkeys({id(location): location for location in locations}.values()))


def _row_key(finding: Finding) -> tuple[object, ...]:
    """What must agree for two findings to be one problem in two columns: rule, severity, the
    difference and every place but the column."""
    difference = None if finding.actual is None or finding.expected is None else finding.actual - finding.expected
    return (finding.rule, finding.severity, difference, tuple(map(_places_of, finding.locations)))


def _same_row(findings: Sequence[Finding], places: Places) -> list[Finding]:
    groups: dict[tuple[object, ...], list[Finding]] = {}
    keys: dict[int, tuple[object, ...]] = {}  # each finding's key, built once (it lists every place)
    for finding in findings:
        if finding.locations and finding.locations[0].column is not None and finding.actual is not None \
                and finding.expected is not None:
            keys[id(finding)] = key = _row_key(finding)
            groups.setdefault(key, []).append(finding)
    if not groups:
        return list(findings)
    result: list[Finding] = []
    for finding in findings:
        known = keys.get(id(finding))
        if known is None:
            # Not a figure in a column (no column, or no difference): a group of its own, never
            # merged into another, whose places or difference it may share.
            result.append(finding)
            continue
        group = groups[known]
        if group[0] is not finding:
            continue  # merged into the first of its group
        if len(group) == 1:
            result.append(finding)
            continue
        others = [places.column_label(f.locations[0]) or f.locations[0].column or "" for f in group[1:]]
        note = "、".join(f"“{label}”" for label in others)
        assert finding.actual is not None and finding.expected is not None
        gap = figure(abs(finding.actual - finding.expected))
        locations = _distinct(location for f in group for location in f.locations)
        result.append(attrs.evolve(finding, message=f"{finding.message}（{note}栏同样相差 {gap}，是同一个问题）",
                                   locations=locations))
    return result


def _rounding_key(finding: Finding) -> tuple[object, ...] | None:
    if finding.severity is not Severity.INFO or finding.expected is None or finding.actual is None \
            or not finding.locations:
        return None
    pair: frozenset[Decimal] = frozenset((finding.expected, finding.actual))
    return pair, _place(finding.locations[0])


def _rounding_once(findings: Sequence[Finding]) -> list[Finding]:
    first: dict[tuple[object, ...], int] = {}
    result: list[Finding] = []
    for finding in findings:
        key = _rounding_key(finding)
        if key is None:
            result.append(finding)
        elif key in first:
            kept = result[first[key]]
            result[first[key]] = attrs.evolve(kept, related=(*kept.related, f"{finding.rule} {finding.message}"))
        else:
            first[key] = len(result)
            result.append(finding)
    return result


_MAX_PLACES_NAMED = 5


def _said(message: str) -> tuple[str, str]:
    """A message's place (before its first full-width colon) and what it says there."""
    place, colon, said = message.partition("：")
    return (place, said) if colon else ("", message)


def _notes_once(findings: Sequence[Finding]) -> list[Finding]:
    groups: dict[tuple[str, str], list[Finding]] = {}
    # Each note's place and what it says, split once.
    said = {id(finding): _said(finding.message) for finding in findings if finding.severity is Severity.INFO}
    for finding in findings:
        if finding.severity is Severity.INFO and said[id(finding)][0]:
            groups.setdefault((finding.rule, said[id(finding)][1]), []).append(finding)
    result: list[Finding] = []
    for finding in findings:
        group = groups.get((finding.rule, said[id(finding)][1]), [finding]) \
            if finding.severity is Severity.INFO else [finding]
        if group[0] is not finding:
            continue
        if len(group) == 1:
            result.append(finding)
            continue
        others = [said[id(f)][0] for f in group[1:]]
        named = "、".join(others[:_MAX_PLACES_NAMED]) + ("等" if len(others) > _MAX_PLACES_NAMED else "")
        locations = _distinct(location for f in group for location in f.locations)
        # The finding's own fields with a longer message and more places: nothing to check again.
        result.append(checked_finding(finding.rule, finding.severity,
                                      f"{finding.message}（另有 {len(others)} 处相同：{named}）", locations,
                                      finding.expected, finding.actual, finding.related))
    return result


def one_per_problem(findings: Sequence[Finding], places: Places) -> list[Finding]:
    """The findings with each problem reported once (see the module text), in their order."""
    return _notes_once(_rounding_once(_same_row(findings, places)))
