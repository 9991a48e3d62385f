"""The ``cnbudget check`` and ``cnbudget rules`` commands: exit status, filters, one JSON shape."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from cnbudget.cli import main
from cnbudget.codes import FunctionCode
from cnbudget.model import BudgetDisclosure, ExpenditureAmounts, ExpenditureTable, FunctionLine, Tables
from cnbudget.serialize import to_json
from cnbudget.validation import RULES


def _write(tmp_path: Path, name: str, basic: str, project: str = "1.00") -> Path:
    """A disclosure whose one row prints 合计 9.00 = basic + project (ROW-001 holds for 8.00 + 1.00)."""
    line = FunctionLine(code=FunctionCode("2101501"), name="行政运行",
                        amounts=ExpenditureAmounts(total="9.00", basic=basic, project=project))
    doc = BudgetDisclosure(department="示例局", fiscal_year=2024,
                           tables=Tables(general_budget=ExpenditureTable(lines=[line])))
    path = tmp_path / name
    path.write_text(to_json(doc), encoding="utf-8")
    return path


def test_clean_document_exits_0(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check", str(_write(tmp_path, "ok.json", "8.00")), "--family", "ROW"]) == 0
    assert "错误 0 条" in capsys.readouterr().out


def test_error_exits_1_and_json_is_one_document(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = _write(tmp_path, "bad.json", "1.00")
    assert main(["check", str(path), "--format", "json", "--select", "ROW"]) == 1
    data = json.loads(capsys.readouterr().out)
    (document,) = data["documents"]
    assert document["source"] == str(path) and document["outcome"] == "checked"
    assert document["findings"][0]["rule"] == "ROW-001"
    assert document["findings"][0]["expected"] == "2.00"  # 1.00 + 1.00
    assert document["counts"] == {"error": 1, "warning": 0, "info": 0}
    assert data["totals"]["documents"] == 1 and data["totals"]["rules"] == {"ROW-001": 1}


def test_the_json_has_one_shape_for_one_document_and_several(tmp_path: Path,
                                                             capsys: pytest.CaptureFixture[str]) -> None:
    good, bad = _write(tmp_path, "ok.json", "8.00"), _write(tmp_path, "bad.json", "1.00")
    assert main(["check", str(good), "--format", "json", "--select", "ROW"]) == 0
    one = json.loads(capsys.readouterr().out)
    assert main(["check", str(good), str(bad), "--format", "json", "--select", "ROW"]) == 1
    several = json.loads(capsys.readouterr().out)
    assert set(one) == set(several) == {"documents", "totals"}
    assert set(one["documents"][0]) == set(several["documents"][1])
    assert [d["source"] for d in several["documents"]] == [str(good), str(bad)]
    assert [len(d["findings"]) for d in several["documents"]] == [0, 1]


def test_the_exit_status_follows_what_is_shown(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    bad = str(_write(tmp_path, "bad.json", "1.00"))
    assert main(["check", bad, "--severity", "info", "--format", "json", "--select", "ROW"]) == 0
    assert json.loads(capsys.readouterr().out)["documents"][0]["findings"] == []
    assert main(["check", bad, "--ignore", "ROW-001", "--select", "ROW"]) == 0
    assert main(["check", bad, "--select", "ROW-002,ROW-003"]) == 0
    assert main(["check", bad, "--select", "ROW", "--exit-zero"]) == 0


def test_fail_on_sets_the_severity_that_fails(tmp_path: Path) -> None:
    # 8.00 + 1.01 against 9.00: the printed figures agree within rounding, an info finding only.
    rounding = str(_write(tmp_path, "rounding.json", "8.00", project="1.01"))
    assert main(["check", rounding, "--select", "ROW"]) == 0
    assert main(["check", rounding, "--select", "ROW", "--fail-on", "warning"]) == 0
    assert main(["check", rounding, "--select", "ROW", "--fail-on", "info"]) == 1


def test_an_unknown_rule_or_impossible_options_exit_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = str(_write(tmp_path, "ok.json", "8.00"))
    assert main(["check", path, "--select", "ROW-999"]) == 2
    assert "ROW-999" in capsys.readouterr().err
    assert main(["check", path, "--format", "html"]) == 2
    assert "-o DIR" in capsys.readouterr().err
    assert main(["check", path, "--jobs", "0"]) == 2


def test_unreadable_input_exits_2_naming_it(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "bad.json"
    path.write_text("{not json", encoding="utf-8")
    assert main(["check", str(path)]) == 2
    out = capsys.readouterr().out
    assert f"==> {path} <==" in out and "not valid JSON" in out


def test_rules_lists_every_rule(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["rules"]) == 0
    assert "ROW-001" in capsys.readouterr().out


def test_every_rule_has_an_english_title() -> None:
    """``--lang en`` prints every rule's title in English (Chinese terms may stand beside the English)."""
    assert [rule.id for rule in RULES.values() if not rule.title_en] == []
    assert all(any(char.isascii() and char.isalpha() for char in rule.title_en or "") for rule in RULES.values())
