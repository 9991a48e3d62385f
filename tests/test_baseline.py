"""A baseline of accepted findings (cnbudget.validation.baseline, ``check --baseline``): a finding a
person accepted stays out of later checks while it only moves, and comes back when its figures
change."""

from __future__ import annotations

import json
from pathlib import Path
from typing import TypedDict

import attrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from cnbudget.cli import main
from cnbudget.errors import DataError, ReadError
from cnbudget.examples import example
from cnbudget.model import BudgetDisclosure
from cnbudget.serialize import to_json
from cnbudget.validation import Finding, Location, Report, Severity, validate
from cnbudget.validation.baseline import Baseline, fingerprint

ROW = Finding(rule="ROW-001", severity=Severity.ERROR,
              message="一般公共预算支出情况表 2101501 行政运行：合计 = 基本支出 + 项目支出不成立，"
                      "印为 1,089.27，应为 1,080.27",
              locations=(Location(table="general_budget", code="2101501", column="total", line_number=57),),
              expected="1080.27", actual="1089.27")


def test_a_finding_that_moved_is_still_accepted() -> None:
    moved = attrs.evolve(ROW, locations=(attrs.evolve(ROW.locations[0], line_number=64, page=3),))
    assert fingerprint(moved) == fingerprint(ROW)
    report = Baseline.of([ROW]).apply(Report(findings=(moved,)))
    assert (report.findings, report.accepted) == ((), 1)


def test_a_line_named_in_the_message_is_a_position_not_a_figure() -> None:
    read = Finding(rule="READ-001", severity=Severity.ERROR, message="第 110 行的表“部门收支总体情况表”未能读取")
    assert fingerprint(read) == fingerprint(attrs.evolve(read, message="第 113 行的表“部门收支总体情况表”未能读取"))


class FindingChanges(TypedDict, total=False):
    """What a test changes in a finding."""

    message: str
    rule: str
    locations: tuple[Location, ...]


@pytest.mark.parametrize("change", [
    {"message": ROW.message.replace("1,089.27", "1,089.28")},  # a figure changed
    {"rule": "ROW-002"},
    {"locations": (attrs.evolve(ROW.locations[0], code="2101502"),)},
    {"locations": (attrs.evolve(ROW.locations[0], column="basic"),)},
    {"locations": (attrs.evolve(ROW.locations[0], agency="某中心"),)},
])
def test_a_changed_finding_is_not_accepted(change: FindingChanges) -> None:
    changed = attrs.evolve(ROW, **change)
    assert fingerprint(changed) != fingerprint(ROW)
    report = Baseline.of([ROW]).apply(Report(findings=(changed,)))
    assert (report.findings, report.accepted) == ((changed,), 0)


def test_text_findings_are_told_apart_by_what_they_quote() -> None:
    a = Finding(rule="TEXT-001", severity=Severity.WARNING, message="正文留有占位符“XX”",
                locations=(Location(table="text"),))
    b = attrs.evolve(a, message="正文留有占位符“某某”")
    assert fingerprint(a) != fingerprint(b)


def test_one_entry_accepts_one_finding() -> None:
    report = Baseline.of([ROW]).apply(Report(findings=(ROW, ROW)))
    assert (len(report.findings), report.accepted) == (1, 1)


def test_the_file_round_trips_and_names_what_was_accepted(tmp_path: Path) -> None:
    path = tmp_path / "accepted.json"
    path.write_text(Baseline.of([ROW]).to_json(), encoding="utf-8")
    data = json.loads(path.read_text(encoding="utf-8"))
    assert data["format"] == "cnbudget-baseline" and data["accepted"][0]["rule"] == "ROW-001"
    assert "1,089.27" in data["accepted"][0]["message"]
    assert Baseline.load(path) == Baseline.of([ROW])


@pytest.mark.parametrize(("text", "words"), [
    ("{not json", "not JSON"), ('{"format": "other"}', "format"), ('{"format": "cnbudget-baseline"}', "accepted"),
    ('{"format": "cnbudget-baseline", "accepted": [{"rule": "ROW-001"}]}', "accepted[0]"),
])
def test_a_malformed_baseline_is_a_data_error_naming_where(text: str, words: str) -> None:
    with pytest.raises(DataError, match=words.replace("[", r"\[").replace("]", r"\]")):
        Baseline.from_json(text)


def test_a_missing_baseline_is_a_read_error(tmp_path: Path) -> None:
    with pytest.raises(ReadError, match="cannot read the baseline"):
        Baseline.load(tmp_path / "none.json")


# --- the report and the command line -------------------------------------------------------------------


def test_the_report_counts_what_was_accepted_in_text_and_json() -> None:
    report = Baseline.of([ROW]).apply(Report(findings=(ROW,)))
    assert "已接受 accepted 1 条" in report.to_text()
    assert report.to_dict()["accepted"] == 1
    assert "accepted" not in Report(findings=(ROW,)).to_dict()  # without a baseline, as before


def _shifted(doc: BudgetDisclosure, lines: int) -> BudgetDisclosure:
    """The document as a re-extraction gives it: every statement some lines further down."""
    return attrs.evolve(doc, statements=[attrs.evolve(s, line_number=(s.line_number or 0) + lines)
                                         for s in doc.statements])


def test_check_writes_and_applies_a_baseline(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    doc = example("luntai-2024")  # NARR-006 (2,018.55 for 2,081.55) and READ-001 errors
    source = tmp_path / "luntai.json"
    source.write_text(to_json(doc), encoding="utf-8")
    accepted = tmp_path / "accepted.json"
    assert main(["check", str(source), "--write-baseline", str(accepted)]) == 1
    everything = len(validate(doc).findings)
    assert len(json.loads(accepted.read_text(encoding="utf-8"))["accepted"]) == everything
    capsys.readouterr()

    moved = tmp_path / "moved.json"
    moved.write_text(to_json(_shifted(doc, 3)), encoding="utf-8")
    assert main(["check", str(moved), "--baseline", str(accepted)]) == 0  # nothing left but what was accepted
    assert f"已接受（不再列出） {everything} 条" in capsys.readouterr().out

    statements = list(doc.statements)
    index = next(i for i, s in enumerate(statements) if s.amount is not None and str(s.amount) == "2018.55")
    statements[index] = attrs.evolve(statements[index], amount="2801.55")  # another slip
    changed = tmp_path / "changed.json"
    changed.write_text(to_json(attrs.evolve(doc, statements=statements)), encoding="utf-8")
    assert main(["check", str(changed), "--baseline", str(accepted), "--format", "json"]) == 1
    [data] = json.loads(capsys.readouterr().out)["documents"]
    assert [f["rule"] for f in data["findings"]] == ["NARR-006"] and data["accepted"] == everything - 1


def test_check_with_a_malformed_baseline_exits_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    bad = tmp_path / "accepted.json"
    bad.write_text('{"format": "other"}', encoding="utf-8")
    assert main(["check", "--example", "urumqi-2024", "--baseline", str(bad)]) == 2
    assert "baseline" in capsys.readouterr().err


@settings(max_examples=60, deadline=None)
@given(figure=st.decimals(min_value=0, max_value=10**7, places=2), line=st.integers(1, 5000),
       other=st.decimals(min_value=0, max_value=10**7, places=2))
def test_only_the_figures_decide(figure: object, line: int, other: object) -> None:
    def made(value: object, at: int) -> Finding:
        return Finding(rule="NARR-003", severity=Severity.ERROR, message=f"说明金额为 {value:,}，应为 1,000.00",
                       locations=(Location(table="statements", line_number=at),))

    assert fingerprint(made(figure, line)) == fingerprint(made(figure, line + 7))
    assert (fingerprint(made(figure, line)) == fingerprint(made(other, line))) == (figure == other)
