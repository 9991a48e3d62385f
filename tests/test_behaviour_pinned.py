"""What the checks and the JSON give on the bundled examples stays as it was: the reports are pinned
(``tests/pinned/example_reports.json``, recorded from the release before the speed work: findings
with their ids, severities, messages and locations, the rules run, the coverage and the number of
comparisons). Work that only makes things faster must leave them byte for byte; a change here is a
change of behaviour, made on purpose and reviewed finding by finding."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from cnbudget import example, example_names, from_json, to_json, validate
from cnbudget.validation.rules.hierarchy_outline import _by_code

PINNED: dict[str, Any] = json.loads((Path(__file__).parent / "pinned" / "example_reports.json").read_text("utf-8"))


def test_every_example_is_pinned() -> None:
    assert sorted(PINNED) == sorted(example_names())


@pytest.mark.parametrize("name", example_names())
def test_the_report_on_each_example_is_the_pinned_one(name: str) -> None:
    assert json.loads(validate(example(name)).to_json()) == PINNED[name]


@pytest.mark.parametrize("name", example_names())
def test_each_example_comes_back_from_its_json_unchanged(name: str) -> None:
    doc = example(name)
    text = to_json(doc)
    again = from_json(text)
    assert to_json(again) == text
    assert again.facts() == doc.facts()
    assert validate(again).to_json() == validate(doc).to_json()


class _Row:  # an agency row, of the shape the outline reads (cnbudget.model.Row)
    def __init__(self, agency_code: str | None) -> None:
        self.agency_code = agency_code
        self.agency: str | None = None
        self.name = ""
        self.project: str | None = None


def _held_by_comparing_every_pair(codes: list[str | None]) -> dict[int, list[int]]:
    """Which agency row holds which: the longest other 单位代码 that is a proper prefix, the first such
    row among equals (the rule as written before the prefixes were looked up)."""
    coded = {a: code for a, code in enumerate(codes) if code}
    held: dict[int, list[int]] = {}
    for child, code in coded.items():
        holders = [a for a, other in coded.items() if code != other and code.startswith(other)]
        if holders:
            held.setdefault(max(holders, key=lambda a: len(coded[a])), []).append(child)
    return held


@settings(max_examples=300, deadline=None)
@given(st.lists(st.one_of(st.none(), st.text(alphabet="0123", max_size=5)), max_size=12))
def test_agency_holders_found_by_prefix_are_those_found_by_comparing_every_pair(codes: list[str | None]) -> None:
    rows = [_Row(code) for code in codes]
    assert dict(_by_code(rows, list(range(len(rows))))) == _held_by_comparing_every_pair(codes)


def test_a_department_code_holds_its_units_and_not_another_department() -> None:
    rows = [_Row("304"), _Row("304001"), _Row("304002"), _Row("305"), _Row("3050011")]
    assert dict(_by_code(rows, [0, 1, 2, 3, 4])) == {0: [1, 2], 3: [4]}
