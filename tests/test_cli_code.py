"""The ``cnbudget code`` command."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from cnbudget.cli import main


def test_path_of_a_function_code(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["code", "2101501", "--year", "2024"]) == 0
    out = capsys.readouterr().out.splitlines()
    assert [line.split()[:2] for line in out] == [
        ["210", "卫生健康支出"], ["21015", "医疗保障管理事务"], ["2101501", "行政运行"],
    ]


def test_economic_codes_by_first_digit(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["code", "302 17", "--year", "2024"]) == 0
    assert "公务接待费" in capsys.readouterr().out
    assert main(["code", "50101", "--year", "2024", "--format", "json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data[0]["name"] == "工资奖金津补贴"
    assert [step["code"] for step in data[0]["path"]] == ["501", "50101"]


def test_find_by_name_under_a_code(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["code", "行政运行", "--under", "21015", "--year", "2024"]) == 0
    out = capsys.readouterr().out
    assert "2101501" in out and "2100101" not in out


def test_unknown_code_says_whether_the_list_is_complete(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["code", "2101507", "--year", "2024"]) == 1
    assert "complete" in capsys.readouterr().err


@pytest.mark.parametrize("argv", [["code", "2101"], ["code", "行政运行", "--under", "abc"],
                                  ["code", "2101501", "--year", "1990"]])
def test_impossible_input_exits_2(argv: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    assert main(argv) == 2
    assert capsys.readouterr().err.startswith("cnbudget code: ")


def test_no_match_by_name_exits_1(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["code", "没有这个科目"]) == 1
    assert "no subject named" in capsys.readouterr().err


def test_module_entry_point_runs() -> None:
    done = subprocess.run([sys.executable, "-m", "cnbudget", "code", "2101501"],
                          capture_output=True, text=True, check=False)
    assert done.returncode == 0 and "行政运行" in done.stdout
