"""A finding's JSON data has one home (``validation.report.finding_data``); the command line's results
add the rule's titles after the rule. Both are held, key order included, to the dicts written out
field by field with ``attrs.asdict`` for each place, as they were before sharing one home."""

from __future__ import annotations

import json
from decimal import Decimal
from typing import Any

import attrs
from hypothesis import given
from hypothesis import strategies as st

from cnbudget import example, example_names, validate
from cnbudget.cli.results import finding_dict
from cnbudget.render.words import Words
from cnbudget.validation import Finding, Location, Severity
from cnbudget.validation.report import finding_data


def _written_out(finding: Finding) -> dict[str, Any]:
    return {
        "rule": finding.rule,
        "severity": finding.severity.value,
        "message": finding.message,
        "locations": [attrs.asdict(location) for location in finding.locations],
        "expected": None if finding.expected is None else str(finding.expected),
        "actual": None if finding.actual is None else str(finding.actual),
        "related": list(finding.related),
    }


def _with_titles(finding: Finding) -> dict[str, Any]:
    data = _written_out(finding)
    return {"rule": data.pop("rule"), "title": Words("zh").title(finding.rule),
            "title_en": Words("en").title(finding.rule), **data}


def _text(data: dict[str, Any]) -> str:
    return json.dumps(data, ensure_ascii=False)  # the order of the keys counts


def test_every_finding_of_the_examples_is_written_as_before() -> None:
    findings = [finding for name in example_names() for finding in validate(example(name)).findings]
    assert len(findings) > 50 and any(finding.locations for finding in findings)
    for finding in findings:
        assert _text(finding_data(finding)) == _text(_written_out(finding))
        assert _text(finding_dict(finding)) == _text(_with_titles(finding))


_texts = st.none() | st.text(min_size=1, max_size=8).filter(lambda text: text.strip() == text and text != "")
_places = st.builds(Location, table=_texts, agency=_texts, code=_texts, project=_texts, column=_texts,
                    line_number=st.none() | st.integers(1, 10**6), page=st.none() | st.integers(1, 10**4))
_figures = st.none() | st.decimals(min_value=-10**9, max_value=10**9, places=2).map(Decimal)


@given(locations=st.lists(_places, max_size=4), severity=st.sampled_from(Severity), expected=_figures,
       actual=_figures, related=st.lists(st.sampled_from(["ROW-001 合计不符", "XTAB-001 两表不一致"]), max_size=2))
def test_any_finding_is_written_as_before(locations: list[Location], severity: Severity, expected: Decimal | None,
                                          actual: Decimal | None, related: list[str]) -> None:
    finding = Finding(rule="ROW-001", severity=severity, message="合计不等于各项之和", locations=locations,
                      expected=expected, actual=actual, related=related)
    assert _text(finding_data(finding)) == _text(_written_out(finding))
    assert _text(finding_dict(finding)) == _text(_with_titles(finding))
