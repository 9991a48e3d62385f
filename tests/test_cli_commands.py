"""The subcommands' table: ``cnbudget --help`` lists every command, and running one loads its module only."""

from __future__ import annotations

import argparse
import subprocess
import sys
from typing import Any

import pytest

from cnbudget.cli import build_parser, main
from cnbudget.cli.commands import COMMANDS


def _action(parser: argparse.ArgumentParser) -> Any:
    (action,) = parser._subparsers._group_actions  # type: ignore[union-attr]
    return action


def _help_lines(parser: argparse.ArgumentParser) -> dict[str, str]:
    return {choice.dest: choice.help for choice in _action(parser)._choices_actions}


def _parsers(parser: argparse.ArgumentParser) -> dict[str, argparse.ArgumentParser]:
    parsers: dict[str, argparse.ArgumentParser] = _action(parser).choices
    return parsers


def test_help_lists_every_command_with_its_line(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as stop:
        main(["--help"])
    assert stop.value.code == 0
    out = " ".join(capsys.readouterr().out.split())  # argparse wraps the lines
    for name in ("check", "read", "facts", "schema", "score", "code", "rules"):
        assert f"{name} {' '.join(COMMANDS[name].help.split())}" in out


def test_each_module_registers_its_command_with_the_tables_help_line() -> None:
    parser = build_parser()
    assert _help_lines(parser) == {name: command.help for name, command in COMMANDS.items()}
    assert list(_help_lines(parser)) == list(COMMANDS)
    for name, sub in _parsers(parser).items():
        assert callable(sub.get_default("handler")), name


def test_a_command_not_given_is_listed_but_not_loaded() -> None:
    parser = build_parser(loaded=["code"])
    choices = _parsers(parser)
    assert _help_lines(parser) == {name: command.help for name, command in COMMANDS.items()}
    assert set(choices) == set(COMMANDS)
    assert callable(choices["code"].get_default("handler"))
    assert choices["check"].get_default("handler") is None


@pytest.mark.parametrize("argv, not_loaded", [
    (["--help"], ("cnbudget.cli.check", "cnbudget.classification", "cnbudget.validation", "cnbudget.readers")),
    (["code", "2101501", "--year", "2024"], ("cnbudget.cli.check", "cnbudget.validation", "cnbudget.readers",
                                              "cnbudget.serialize")),
])
def test_running_a_command_does_not_load_the_others(argv: list[str], not_loaded: tuple[str, ...]) -> None:
    script = ("import sys\nfrom cnbudget.cli import main\ntry:\n    main(sys.argv[1:])\nexcept SystemExit:\n    pass\n"
              "print(' '.join(sorted(sys.modules)), file=sys.stderr)")
    done = subprocess.run([sys.executable, "-c", script, *argv], capture_output=True, text=True, check=True)
    loaded = set(done.stderr.split())
    assert "cnbudget.cli" in loaded
    for module in not_loaded:
        assert module not in loaded, module


def test_an_unknown_command_is_refused_with_the_list(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as stop:
        main(["chek", "x.txt"])
    assert stop.value.code == 2
    assert "invalid choice: 'chek'" in capsys.readouterr().err
